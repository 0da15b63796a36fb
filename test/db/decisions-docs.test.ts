// The documents of a community decision through real HTTP on a real database (Decree 59/2023 appendix,
// Mẫu 01–04; Law 10/2022 Art 20(2)): the Word files carry what the law requires (R-A1, R-A8, R-A11,
// R-A12), the printable ballot puts the stamp or the signature where Art 4(5) says, and minutes are
// public only once published (R-A17). Votes are inserted directly as the lead's commands would leave them.
import { createHash, randomBytes } from 'node:crypto';
import type { Insertable } from 'kysely';
import { renderToString } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteTable } from '../../src/db/types.js';
import { ruleSetOn } from '../../src/law/rule-sets.js';
import { householdsTotalOn } from '../../src/modules/decisions/decisions.repo.js';
import { participantList } from '../../src/modules/decisions/docs/data.js';
import { loadVoteRecord } from '../../src/modules/decisions/present.js';
import { electionResult, villageResult } from '../../src/modules/decisions/rules/threshold.js';
import { VoteRecordView } from '../../src/modules/decisions/views/record.js';
import { unitByCode } from '../../src/modules/units/units.repo.js';
import { fixedClock } from '../../src/platform/clock.js';
import { translator } from '../../src/platform/i18n/index.js';
import type { ViewCtx } from '../../src/platform/ui/view.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { unzip } from '../unzip.js';
import { signIn } from './sign-in-helper.js';

const NOW = '2026-11-25T03:00:00.000Z';
const clock = fixedClock(NOW);
let s: TestServer;
let village: { id: number; name: string };
let total: number;
let hh: number[];
const STANDARD = [
  { key: 'agree', label: 'Đồng ý' },
  { key: 'disagree', label: 'Không đồng ý' },
  { key: 'other', label: 'Ý kiến khác' },
];
const CONFIRM = { confirm_village_head: 'Bế Văn Tuấn', confirm_front_head: 'Ma Thị Thảo', confirm_rep1: 'Hoàng Văn Sơn', confirm_rep2: 'Nông Thị Lan' };
const ids = { meeting: 0, hands: 0, communeBallot: 0, villageBallot: 0, online: 0, scheduled: 0, election: 0 };
const meetingCounts = { agree: 0, disagree: 0, other: 1 };

async function matter(scope: 'village' | 'commune', item: 1 | 4 | 6, title: string, kind: 'general' | 'election' = 'general') {
  const r = await s.deps.db
    .insertInto('matters')
    .values({
      unit_id: village.id,
      scope,
      item,
      kind,
      position: kind === 'election' ? 'village_head' : null,
      title,
      description: `Nội dung chi tiết: ${title}.`,
      proposer: 'village_head',
      status: 'open',
      created_at: NOW,
      updated_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

type VoteExtra = Partial<Omit<Insertable<VoteTable>, 'id' | 'matter_id' | 'unit_id' | 'form'>>;
async function vote(matterId: number, form: 'meeting' | 'household_ballot' | 'online', extra: VoteExtra, options = STANDARD) {
  const r = await s.deps.db
    .insertInto('votes')
    .values({
      matter_id: matterId,
      unit_id: village.id,
      form,
      status: 'finalised',
      vote_date: '2026-11-20',
      notice_on: '2026-11-16',
      created_at: NOW,
      updated_at: NOW,
      ...extra,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await s.deps.db
    .insertInto('vote_options')
    .values(options.map((o, i) => ({ vote_id: r.id, key: o.key, label: o.label, sort: i })))
    .execute();
  return r.id;
}

/** Receipts and secret ballots as the ballot store keeps them (no household on the ballot). */
async function ballots(voteId: number, choices: { key: string; other?: string }[], channel: 'paper' | 'online') {
  const db = s.deps.db;
  await db
    .insertInto('vote_receipts')
    .values(choices.map((_, i) => ({ vote_id: voteId, household_id: hh[i]!, channel })))
    .execute();
  await db
    .insertInto('vote_ballots')
    .values(
      choices.map((c) => ({
        vote_id: voteId,
        receipt_hash: createHash('sha256').update(randomBytes(16)).digest('hex'),
        option_key: c.key,
        other_text: c.other ?? null,
      })),
    )
    .execute();
}

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  const db = s.deps.db;
  const v = (await unitByCode(db, '02191-01', '2026-11-20'))!;
  village = { id: v.id, name: v.name };
  total = await householdsTotalOn(db, v.id, '2026-11-20');
  hh = (await db.selectFrom('households').select('id').where('unit_id', '=', v.id).orderBy('code').execute()).map((h) => h.id);
  const rs = ruleSetOn('2026-11-20');

  // A meeting with a secret ballot on a village contribution (item 1: ≥ 2/3 of ALL households, R-A2).
  const present = total - 3;
  meetingCounts.agree = Math.ceil((2 * total) / 3);
  meetingCounts.disagree = present - meetingCounts.agree - 1;
  const working = villageResult({ item: 1, householdsTotal: total, present, approving: meetingCounts.agree }, rs);
  const m1 = await matter('village', 1, 'Đóng góp làm đường bê tông nội thôn');
  ids.meeting = await vote(m1, 'meeting', {
    method: 'secret_ballot',
    place: 'Nhà văn hóa thôn',
    households_total: total,
    present,
    secretary: 'Lục Thị Hạnh',
    secretary_votes: present - 2,
    committee: JSON.stringify(['Hà Văn Nam', 'Đinh Thị Mai', 'Triệu Văn Khánh']),
    committee_votes: present - 1,
    witnesses: JSON.stringify(['Lương Văn Dũng', 'Nông Thị Hoa']),
    outcome: 'adopted',
    working: JSON.stringify(working),
    content: 'Các hộ thảo luận mức đóng góp 500.000 đồng một hộ.',
    decision_text: 'Mỗi hộ đóng góp 500.000 đồng để làm đường bê tông nội thôn, nộp trước ngày 31/12/2026.',
    ...CONFIRM,
  });
  await db
    .insertInto('vote_counts')
    .values(Object.entries(meetingCounts).map(([k, n]) => ({ vote_id: ids.meeting, cluster: 1, option_key: k, count: n })))
    .execute();
  await db
    .insertInto('vote_attendance')
    .values(hh.slice(0, present).map((h) => ({ vote_id: ids.meeting, household_id: h, cluster: 1 })))
    .execute();

  const m2 = await matter('village', 6, 'Tổ chức ngày hội đại đoàn kết');
  ids.hands = await vote(m2, 'meeting', { method: 'show_of_hands', households_total: total, present, status: 'counted' });

  // Household ballots: commune-wide (stamp top left) and village (signature bottom right), Decree 59 Art 4(5).
  const ballotTimes = { opens_at: '2026-11-23T01:00:00.000Z', closes_at: '2026-11-30T10:00:00.000Z', vote_date: '2026-11-23' };
  const m3 = await matter('commune', 1, 'Đóng góp xây cầu treo của xã');
  ids.communeBallot = await vote(m3, 'household_ballot', { ...ballotTimes, status: 'scheduled', ballot_case: 'commune_choice' });
  const m4 = await matter('village', 6, 'Quy định giờ dùng loa truyền thanh thôn');
  ids.villageBallot = await vote(m4, 'household_ballot', {
    opens_at: '2026-11-10T01:00:00.000Z',
    closes_at: '2026-11-17T10:00:00.000Z',
    vote_date: '2026-11-10',
    status: 'counted',
    ballot_case: 'village_decision',
    households_total: total,
    team: JSON.stringify(['Ma Thị Thảo', 'Bế Văn Tuấn', 'Hà Văn Nam']),
    witnesses: JSON.stringify(['Lương Văn Dũng', 'Nông Thị Hoa']),
    working: JSON.stringify(villageResult({ item: 6, householdsTotal: total, present: 12, approving: 10 }, rs)),
  });
  await ballots(ids.villageBallot, [...Array(10).fill({ key: 'agree' }), { key: 'disagree' }, { key: 'other', other: 'Nên tắt loa sau 21 giờ' }], 'paper');

  // An online vote (item 6), closed: the minutes list the participants (Decree 59 Art 5(4)(a)).
  const m5 = await matter('village', 6, 'Chọn ngày tổng vệ sinh thôn');
  ids.online = await vote(m5, 'online', {
    opens_at: '2026-11-18T00:00:00.000Z',
    closes_at: '2026-11-20T12:00:00.000Z',
    households_total: total,
    team: JSON.stringify(['Ma Thị Thảo', 'Hà Văn Nam', 'Đinh Thị Mai']),
    working: JSON.stringify(villageResult({ item: 6, householdsTotal: total, present: 4, approving: 2 }, rs)),
    outcome: 'not_adopted',
    decision_text: 'Chưa đủ số hộ tán thành; thôn tổ chức họp để bàn lại.',
    confirm_village_head: CONFIRM.confirm_village_head,
  });
  await ballots(ids.online, [{ key: 'agree' }, { key: 'agree' }, { key: 'disagree' }, { key: 'other', other: 'Đề nghị làm vào Chủ nhật' }], 'online');

  // A different matter: a village has one unfinished vote per matter (unique index votes_one_open).
  const m7 = await matter('village', 6, 'Quy định giữ gìn vệ sinh đường thôn');
  ids.scheduled = await vote(m7, 'meeting', { status: 'scheduled', vote_date: '2026-12-05', notice_on: '2026-12-01', place: 'Sân nhà văn hóa thôn' });

  // A village-head election at a meeting, to show each candidate's working.
  const m6 = await matter('village', 4, 'Bầu Trưởng thôn nhiệm kỳ 2026-2031', 'election');
  const candidates = [
    { key: 'c1', label: 'Hoàng Văn Đồng', residentId: null, approving: Math.floor(total / 2) + 1 },
    { key: 'c2', label: 'Triệu Thị Xuân', residentId: null, approving: 2 },
  ];
  ids.election = await vote(
    m6,
    'meeting',
    {
      method: 'secret_ballot',
      households_total: total,
      present,
      status: 'counted',
      working: JSON.stringify(electionResult({ item: 4, householdsTotal: total, present, seats: 1, candidates }, rs)),
    },
    candidates.map((c) => ({ key: c.key, label: c.label })),
  );
  await db
    .insertInto('vote_counts')
    .values(candidates.map((c) => ({ vote_id: ids.election, cluster: 1, option_key: c.key, count: c.approving })))
    .execute();
});
afterAll(() => s.close());

const decode = (x: string) =>
  x
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
/** The document's paragraphs as plain text, one per line, in document order. */
const textOf = (xml: string) =>
  xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join(''))
    .filter((l) => l !== '')
    .join('\n');

async function docx(path: string) {
  const r = await fetch(`${s.url}${path}`);
  if (r.status !== 200) return { status: r.status, xml: '', text: '', disposition: null };
  expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const xml = unzip(Buffer.from(await r.arrayBuffer()))
    .get('word/document.xml')!
    .toString('utf8');
  return { status: 200, xml, text: textOf(xml), disposition: r.headers.get('content-disposition') };
}
const publish = (id: number, on: string | null) => s.deps.db.updateTable('votes').set({ published_on: on }).where('id', '=', id).execute();
const villageUpper = () => village.name.toUpperCase();

describe('R-A17: who may read the minutes and the decision', () => {
  it('unpublished: 401 for a visitor, 403 for an official of another commune, 200 for the village head; once published, anyone', async () => {
    await publish(ids.meeting, null);
    for (const doc of ['decision', 'count']) {
      expect((await docx(`/votes/${ids.meeting}/${doc}.docx`)).status).toBe(401);
      const other = await signIn(s.url, 'canbo.vanlang', clock);
      expect((await other.get(`/votes/${ids.meeting}/${doc}.docx`, { accept: '*/*' })).status).toBe(403);
      const head = await signIn(s.url, 'truongthon.xd', clock);
      expect((await head.get(`/votes/${ids.meeting}/${doc}.docx`, { accept: '*/*' })).status).toBe(200);
    }
    await publish(ids.meeting, '2026-11-21');
    expect((await docx(`/votes/${ids.meeting}/decision.docx`)).status).toBe(200);
    expect((await docx(`/votes/${ids.meeting}/count.docx`)).status).toBe(200);
  });

  it('nothing to read while a vote is scheduled (404), and count minutes only for a secret ballot or a household ballot', async () => {
    await publish(ids.scheduled, '2026-12-01');
    expect((await docx(`/votes/${ids.scheduled}/decision.docx`)).status).toBe(404);
    await publish(ids.hands, '2026-11-21');
    expect((await docx(`/votes/${ids.hands}/count.docx`)).status).toBe(404);
    expect((await docx(`/votes/${ids.hands}/decision.docx`)).status).toBe(200);
    await publish(ids.online, '2026-11-21');
    expect((await docx(`/votes/${ids.online}/count.docx`)).status).toBe(404);
    expect((await docx('/votes/999999/notice.docx')).status).toBe(404);
  });
});

describe('Mẫu 03: the community decision (Law Art 20(2); R-A1)', () => {
  it('states the date, households in total / present / absent, content, form, results with the working, the decision and four signatures', async () => {
    await publish(ids.meeting, '2026-11-21');
    const d = await docx(`/votes/${ids.meeting}/decision.docx`);
    expect(d.disposition).toMatch(/^attachment; filename="Mau 03 - Quyet dinh cua cong dong dan cu - Thon [^"]+ - 2026-11-20\.docx"; filename\*=UTF-8''/);
    const lines = d.text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['UBND XÃ XUÂN DƯƠNG', villageUpper(), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(d.text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(d.text).toContain('Xuân Dương, ngày 20 tháng 11 năm 2026');
    expect(d.text).toContain('BIÊN BẢN CUỘC HỌP CỦA CỘNG ĐỒNG DÂN CƯ\nVề việc Đóng góp làm đường bê tông nội thôn');
    expect(d.text).toContain(`- Tổng số hộ gia đình trong thôn: ${total}`);
    expect(d.text).toContain(`- Số hộ gia đình có đại diện tham dự cuộc họp: ${total - 3}`);
    expect(d.text).toContain('- Số hộ gia đình không có người đại diện tham dự: 3');
    expect(d.text).toContain('Các hộ thảo luận mức đóng góp 500.000 đồng một hộ.');
    expect(d.text).toContain('Tổ chức cuộc họp cộng đồng dân cư, bỏ phiếu kín.');
    expect(d.text).toContain(`\n1\nĐồng ý\n${meetingCounts.agree}\n`);
    expect(d.text).toContain(`\n2\nKhông đồng ý\n${meetingCounts.disagree}\n`);
    expect(d.text).toContain(`cần ít nhất ${Math.ceil((2 * total) / 3)}/${total} hộ tán thành`);
    expect(d.text).toContain('- Kết quả: được thông qua (Điều 21 khoản 1 điểm a Luật 10/2022/QH15).');
    expect(d.text).toContain('Mỗi hộ đóng góp 500.000 đồng để làm đường bê tông nội thôn, nộp trước ngày 31/12/2026.');
    expect(d.text).toContain('2. Thư ký: Ông (bà) Lục Thị Hạnh');
    for (const name of Object.values(CONFIRM)) expect(d.text).toContain(name);
    const signing = d.text.slice(d.text.lastIndexOf('TRƯỞNG BAN CÔNG TÁC MẶT TRẬN'));
    expect(signing).toContain('TRƯỞNG THÔN');
    expect(signing.match(/ĐẠI DIỆN HỘ GIA ĐÌNH/g)).toHaveLength(2);
    expect(d.xml).toContain('Times New Roman');
    expect(d.xml).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
  });

  it('R-A8: an online vote gives start and end times, voted / agree / disagree, other opinions and the participants', async () => {
    await publish(ids.online, '2026-11-21');
    const d = await docx(`/votes/${ids.online}/decision.docx`);
    expect(d.text).toContain('BIÊN BẢN BIỂU QUYẾT TRỰC TUYẾN CỦA CỘNG ĐỒNG DÂN CƯ');
    expect(d.text).toContain('- Thời gian bắt đầu: 07 giờ 00 phút, ngày 18 tháng 11 năm 2026');
    expect(d.text).toContain('- Thời gian kết thúc: 19 giờ 00 phút, ngày 20 tháng 11 năm 2026');
    expect(d.text).toContain('- Số đại diện hộ gia đình đã biểu quyết: 4');
    expect(d.text).toContain(`- Số hộ gia đình không có người đại diện biểu quyết: ${total - 4}`);
    expect(d.text).toContain('- Số đại diện hộ gia đình đồng ý: 2');
    expect(d.text).toContain('- Số đại diện hộ gia đình không đồng ý: 1');
    expect(d.text).toContain('+ Đề nghị làm vào Chủ nhật');
    expect(d.text).toContain('- Kết quả: không được thông qua');
    expect(d.text).toContain('DANH SÁCH ĐẠI DIỆN HỘ GIA ĐÌNH THAM GIA BIỂU QUYẾT');
    const list = await participantList(s.deps.db, ids.online);
    expect(list).toHaveLength(4);
    for (const p of list) expect(d.text).toContain(`${p.name}\n${p.address}`);
  });
});

describe('count minutes (R-A12)', () => {
  it('Mẫu 02: counting committee, two witnesses, ballots, counts per option, and 03 copies to the commune People’s Committee, Front and village archive', async () => {
    await publish(ids.meeting, '2026-11-21');
    const d = await docx(`/votes/${ids.meeting}/count.docx`);
    expect(d.disposition).toContain('filename="Mau 02 - Bien ban kiem phieu - Thon ');
    expect(d.text).toContain('BIÊN BẢN KIỂM PHIẾU\nVề việc Đóng góp làm đường bê tông nội thôn');
    expect(d.text).toContain('1. Ông (bà) Hà Văn Nam - Tổ trưởng\n2. Ông (bà) Đinh Thị Mai - Thành viên\n3. Ông (bà) Triệu Văn Khánh - Thành viên');
    expect(d.text).toContain('Đại diện hộ gia đình chứng kiến việc kiểm phiếu gồm:\n1. Ông (bà) Lương Văn Dũng\n2. Ông (bà) Nông Thị Hoa');
    expect(d.text).toContain(`- Tổng số đại diện hộ gia đình tham dự cuộc họp: ${total - 3}`);
    expect(d.text).toContain(`- Số phiếu hợp lệ: ${total - 3}`);
    expect(d.text).toContain(`\nĐồng ý\n${meetingCounts.agree}\n`);
    expect(d.text).toContain('\nÝ kiến khác\n1\n');
    expect(d.text).toContain(
      `Biên bản được lập thành 03 bản: 01 bản gửi Ủy ban nhân dân xã Xuân Dương, 01 bản gửi Ủy ban Mặt trận Tổ quốc Việt Nam xã Xuân Dương, 01 bản lưu tại ${village.name.replace(/^Thôn/, 'thôn')}.`,
    );
    expect(d.text).toContain('TM. BAN KIỂM PHIẾU\nTỔ TRƯỞNG');
  });

  it('Mẫu 04: the ballot team, two witnesses, ballots issued / returned / valid, counts and other opinions', async () => {
    await publish(ids.villageBallot, '2026-11-18');
    const d = await docx(`/votes/${ids.villageBallot}/count.docx`);
    expect(d.text).toContain('BIÊN BẢN KIỂM PHIẾU\nVề việc phát phiếu lấy ý kiến của hộ gia đình về Quy định giờ dùng loa truyền thanh thôn');
    expect(d.text).toContain('1. Ông (bà) Ma Thị Thảo - Tổ trưởng');
    expect(d.text).toContain('2. Ông (bà) Nông Thị Hoa');
    expect(d.text).toContain(`- Số phiếu phát ra: ${total}\n- Số phiếu thu vào: 12\n- Số phiếu hợp lệ: 12\n- Số phiếu không hợp lệ: 0`);
    expect(d.text).toContain(`- Số hộ gia đình không nộp phiếu: ${total - 12}`);
    expect(d.text).toContain('\nĐồng ý\n10\n');
    expect(d.text).toContain('+ Nên tắt loa sau 21 giờ');
    expect(d.text).toContain('- Thời hạn nộp phiếu: trước 17 giờ 00 phút, ngày 17 tháng 11 năm 2026');
    expect(d.text).toContain('Biên bản được lập thành 03 bản');
  });
});

describe('Mẫu 01: the notice is public', () => {
  it('a meeting invitation with time, place, content and documents, readable by anyone even before the vote', async () => {
    const d = await docx(`/votes/${ids.scheduled}/notice.docx`);
    expect(d.status).toBe(200);
    expect(d.text).toContain('GIẤY MỜI');
    expect(d.text).toContain('Xuân Dương, ngày 01 tháng 12 năm 2026');
    expect(d.text).toContain('ngày 05 tháng 12 năm 2026');
    expect(d.text).toContain('b) Địa điểm: Sân nhà văn hóa thôn.');
    expect(d.text).toContain('Bàn và quyết định: Quy định giữ gìn vệ sinh đường thôn');
    expect(d.text).toContain('5. Các tài liệu phục vụ cuộc họp');
  });

  it('a household ballot’s notice gives the distribution time, the return deadline and the team', async () => {
    const d = await docx(`/votes/${ids.villageBallot}/notice.docx`);
    expect(d.text).toContain('THÔNG BÁO\nVề việc phát phiếu lấy ý kiến hộ gia đình về Quy định giờ dùng loa truyền thanh thôn');
    expect(d.text).toContain('- Thời hạn nộp phiếu: trước 17 giờ 00 phút, ngày 17 tháng 11 năm 2026');
    expect(d.text).toContain('1. Ông (bà) Ma Thị Thảo - Tổ trưởng');
  });
});

describe('R-A11: the printable ballot (Decree 59 Art 4(5))', () => {
  it('a commune-wide ballot carries the commune People’s Committee stamp area at the top left and the return deadline', async () => {
    const d = await docx(`/votes/${ids.communeBallot}/ballot-form.docx`);
    expect(d.status).toBe(200);
    const at = (x: string) => d.xml.indexOf(x);
    expect(at('Đóng dấu của Ủy ban nhân dân xã')).toBeGreaterThan(-1);
    // Left column before the right one, both before the title: the stamp is top left.
    expect(at('ỦY BAN NHÂN DÂN')).toBeLessThan(at('Đóng dấu'));
    expect(at('Đóng dấu')).toBeLessThan(at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    expect(at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBeLessThan(at('PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH'));
    expect(d.text).toContain('Hạn nộp phiếu: trước 17 giờ 00 phút, ngày 30 tháng 11 năm 2026');
    expect(d.text).toContain('□   Đồng ý\n□   Không đồng ý\n□   Ý kiến khác');
    expect(d.text).toContain('Ý kiến khác của hộ gia đình (nếu có):');
    expect(d.text).not.toContain('TRƯỞNG THÔN');
    const page = await new Agent(s.url).get(`/votes/${ids.communeBallot}/ballot-form`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('class="stamp"');
    expect(page.text).not.toContain('class="sig"');
    expect(page.text).toContain('Hạn nộp phiếu: trước 17 giờ 00 phút, ngày 30 tháng 11 năm 2026');
    expect(page.text).not.toMatch(/style=/);
  });

  it('a village ballot carries the village head’s signature box at the bottom right', async () => {
    const d = await docx(`/votes/${ids.villageBallot}/ballot-form.docx`);
    expect(d.xml).not.toContain('Đóng dấu');
    const last = d.xml.slice(d.xml.lastIndexOf('<w:tbl>'));
    const cells = last.split('<w:tc>');
    expect(cells).toHaveLength(3); // one row, two cells: the left one empty
    expect(textOf(cells[1]!)).toBe('');
    expect(textOf(cells[2]!)).toContain('TRƯỞNG THÔN');
    expect(d.xml.indexOf('TRƯỞNG THÔN')).toBeGreaterThan(d.xml.indexOf('Hạn nộp phiếu'));
    const page = await new Agent(s.url).get(`/votes/${ids.villageBallot}/ballot-form`);
    expect(page.text.indexOf('class="sig"')).toBeGreaterThan(page.text.indexOf('Hạn nộp phiếu'));
    expect(page.text).not.toContain('class="stamp"');
  });

  it('there is no paper ballot for an online vote or a show of hands', async () => {
    expect((await new Agent(s.url).get(`/votes/${ids.online}/ballot-form`)).status).toBe(404);
    expect((await docx(`/votes/${ids.hands}/ballot-form.docx`)).status).toBe(404);
  });
});

describe('VoteRecordView: the record and its working', () => {
  const view = (): ViewCtx => ({ t: translator('vi'), lang: 'vi', actor: null, csrf: () => '', path: '/', demo: false, devOutbox: false });
  const render = async (id: number, showParticipants: boolean, now = clock) => {
    const r = (await loadVoteRecord({ db: s.deps.db, clock: now }, id))!;
    const participants = await participantList(s.deps.db, id);
    return renderToString(VoteRecordView({ view: view(), r, showParticipants, participants }));
  };

  it('R-A1, R-A2: totals, the threshold against all households, the outcome and the four confirmations', async () => {
    const html = await render(ids.meeting, false);
    expect(html).toContain(`Từ 2/3 tổng số hộ trở lên: cần ít nhất ${Math.ceil((2 * total) / 3)} hộ`);
    expect(html).toContain('Được thông qua');
    expect(html).toContain('Đã đủ bốn xác nhận.');
    expect(html).toContain('Điều 21 khoản 1 điểm a Luật 10/2022/QH15');
    expect(html).toContain('href="/votes/' + ids.meeting + '/count.docx"');
  });

  it('lists missing confirmations and shows participants only when allowed (Decree 59 Art 5(4)(a))', async () => {
    const hidden = await render(ids.online, false);
    expect(hidden).toContain('Còn thiếu xác nhận của: Trưởng ban công tác Mặt trận, Đại diện hộ gia đình thứ nhất, Đại diện hộ gia đình thứ hai.');
    expect(hidden).not.toContain('Danh sách đại diện hộ gia đình tham gia');
    const shown = await render(ids.online, true);
    expect(shown).toContain('Danh sách đại diện hộ gia đình tham gia');
  });

  it('hides the counts while an online vote is open', async () => {
    const html = await render(ids.online, true, fixedClock('2026-11-19T00:00:00.000Z'));
    expect(html).toContain('Kết quả được giữ kín đến khi kết thúc lúc 19:00 20/11/2026.');
    expect(html).not.toContain('Đề nghị làm vào Chủ nhật');
  });

  it('R-A4: an election shows each candidate against all households', async () => {
    const html = await render(ids.election, false);
    expect(html).toContain(`Hoàng Văn Đồng: ${Math.floor(total / 2) + 1}`);
    expect(html).toContain('trúng cử');
    expect(html).toContain('Có người trúng cử');
  });
});
