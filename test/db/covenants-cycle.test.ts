// A village covenant from proposal to recognition and after, over real HTTP on both databases
// (Decree 61/2023 Arts 6–16, 24; LAW.md R-E1…R-E7, R-D4; decisions' R-A13, R-A14 on the covenant's vote).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annulCovenant, recordPublication } from '../../src/modules/covenants/commands/commune.js';
import { covenantsModule } from '../../src/modules/covenants/index.js';
import { finaliseVote } from '../../src/modules/decisions/commands/finalise.js';
import { confirmMinutes, saveMinutes } from '../../src/modules/decisions/commands/minutes.js';
import { recogniseVote } from '../../src/modules/decisions/commands/recognise.js';
import { recordMeeting } from '../../src/modules/decisions/commands/record-meeting.js';
import { submitVote } from '../../src/modules/decisions/commands/submit.js';
import { registerOn } from '../../src/modules/decisions/decisions.repo.js';
import type { Actor } from '../../src/platform/auth/policy.js';
import { loadActor } from '../../src/platform/auth/session.js';
import { addDays } from '../../src/platform/calendar/calendar.js';
import { fixedClock } from '../../src/platform/clock.js';
import { formatDate, translator } from '../../src/platform/i18n/index.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const START = '2026-12-10';
const clock = fixedClock(`${START}T02:00:00Z`); // Thursday 10/12/2026, 09:00 in Vietnam
const setDay = (d: string) => clock.set(`${d}T02:00:00Z`);
const t = translator('vi');
let s: TestServer;
let v1: { id: number; path: string; parent_id: number | null };
let head: Agent;
const idFrom = (location: string | null) => Number(/\/(\d+)$/.exec(location ?? '')?.[1]);
const actorOf = async (username: string) => {
  const u = await s.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await loadActor(s.deps.db, u.id)) as Actor;
};
async function post(a: Agent, page: string, url: string, form: Record<string, string>) {
  const p = await a.get(page);
  return a.post(url, { _csrf: Agent.csrf(p.text), ...form });
}
const apiList = async () =>
  (await (await fetch(`${s.url}/api/v1/covenants?unit=${v1.parent_id}`)).json()) as { items: { id: number; title: string; status: string; origin: string }[] };

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  v1 = await s.deps.db.selectFrom('units').select(['id', 'path', 'parent_id']).where('code', '=', '02191-01').executeTakeFirstOrThrow();
  head = await signIn(s.url, 'truongthon.xd', clock);
}, 120_000);
afterAll(async () => s?.close());

describe('covenants', () => {
  it('demo: villages of Xuân Dương hold covenants in force, open for comments, transitional and suspended', async () => {
    const statuses = (await apiList()).items.map((i) => `${i.status}/${i.origin}`).sort();
    expect(statuses).toEqual(['consultation/proposed', 'in_force/proposed', 'in_force/transitional', 'suspended/transitional']);
    const page = await new Agent(s.url).get(`/units/${v1.parent_id}/covenants`);
    expect(page.text).toContain('Đang lấy ý kiến');
    expect(page.text).toContain('Tạm ngưng thi hành');
  });

  it('R-E7 Art 8(2), R-D4, R-E1 Art 9(1), R-E2 Art 10, R-E3 Art 11, R-A14: an amendment from proposal to recognition', async () => {
    const old = (await apiList()).items.find((i) => i.status === 'in_force' && i.origin === 'proposed')!;
    let r = await post(head, `/units/${v1.id}/covenants/new`, `/units/${v1.id}/covenants`, {
      title: 'Sửa đổi Hương ước thôn 2026',
      kind: 'amendment',
      replacesId: String(old.id),
      proposer: 'leader',
      agreementBy: 'Ma Thị Thảo',
      agreementOn: '08/12/2026',
      initiatorName: '',
    });
    expect(r.status, r.text.slice(0, 300)).toBe(303);
    const id = idFrom(r.location);
    const anon = new Agent(s.url);
    expect((await anon.get(`/covenants/${id}`)).status).toBe(404); // a draft stays with officials
    // R-E7: the demo village is a Tày community; a team without an elder is refused, the form keeps what was typed.
    r = await post(head, `/covenants/${id}`, `/covenants/${id}/team`, { name_1: 'Lý Văn Minh', role_1: 'Bí thư chi đoàn', speaker_1: '1' });
    expect(r.status).toBe(400);
    expect(r.text).toContain('Điều 8 khoản 2 Nghị định 61/2023/NĐ-CP');
    expect(r.text).toContain('value="Lý Văn Minh"');
    r = await post(head, `/covenants/${id}`, `/covenants/${id}/team`, { name_1: 'Hoàng Văn Pha', role_1: 'Già làng', elder_1: '1', speaker_1: '1' });
    expect(r.status).toBe(303);
    const text = 'Điều 1. Mục đích\nGiữ gìn vệ sinh.\nĐiều 2. Phạt\nNộp 100.000 đồng.';
    r = await post(head, `/covenants/${id}`, `/covenants/${id}/versions`, {
      text: 'không có điều nào',
      note: 'x',
      translationLanguage: '',
      translationText: '',
    });
    expect(r.status).toBe(400);
    expect(r.text).toContain('chia theo điều');
    for (const [body, note] of [
      [text, 'Dự thảo 1'],
      [text.replace('Nộp 100.000 đồng.', 'Nhắc nhở tại hội nghị thôn.'), 'Bỏ phạt tiền'],
    ] as const)
      expect(
        (await post(head, `/covenants/${id}`, `/covenants/${id}/versions`, { text: body, note, translationLanguage: '', translationText: '' })).status,
      ).toBe(303);
    const diff = await head.get(`/covenants/${id}?v=2&compare=1`);
    expect(diff.text).toContain('<del>Nộp 100.000 đồng.</del>');
    expect(diff.text).toContain('<ins>Nhắc nhở tại hội nghị thôn.</ins>');
    const matterId = (await s.deps.db.selectFrom('covenants').select('matter_id').where('id', '=', id).executeTakeFirstOrThrow()).matter_id!;
    const schedule = (voteDate: string) =>
      post(head, `/matters/${matterId}/votes/new`, `/matters/${matterId}/votes`, {
        villageId: String(v1.id),
        form: 'meeting',
        place: 'Nhà văn hóa thôn',
        clusters: '1',
        voteDate: formatDate(voteDate),
        noticeOn: formatDate(addDays(voteDate, -3)),
        documentsOn: formatDate(addDays(voteDate, -3)),
      });
    // R-D4: no vote before the draft is posted for comments.
    r = await schedule(addDays(START, 40));
    expect(r.status).toBe(400);
    expect(r.text).toContain('chưa được niêm yết');
    // R-E1: at least 30 days.
    r = await post(head, `/covenants/${id}`, `/covenants/${id}/post`, { days: '29' });
    expect(r.status).toBe(400);
    expect(r.text).toContain('ít nhất 30 ngày');
    expect((await post(head, `/covenants/${id}`, `/covenants/${id}/post`, { days: '30' })).status).toBe(303);
    const cons = await s.deps.db
      .selectFrom('covenants as c')
      .innerJoin('consultations as k', 'k.id', 'c.consultation_id')
      .select(['k.id', 'k.status', 'k.closes_on', 'k.audience'])
      .where('c.id', '=', id)
      .executeTakeFirstOrThrow();
    expect(cons).toMatchObject({ status: 'open', closes_on: addDays(START, 30), audience: 'villages' });
    const pub = await anon.get(`/covenants/${id}`);
    expect(pub.status).toBe(200);
    expect(pub.text).toContain(`/consultations/${cons.id}`);
    const draft = (await anon.get(`/consultations/${cons.id}`)).text;
    expect(draft).toContain('Điều 2');
    // The posting plan reads in Vietnamese dates (dd/mm/yyyy, DESIGN.md "Time"), not ISO.
    expect(draft).toContain(`${formatDate(START)} – ${formatDate(cons.closes_on)}`);
    expect(draft).not.toContain(`${START} – `);
    setDay(addDays(START, 26));
    head = await signIn(s.url, 'truongthon.xd', clock);
    // R-E1 (Decree 61 Art 9(1)): day 30 is the consultation's last day (closes_on), so not yet a vote day.
    r = await schedule(addDays(START, 30));
    expect(r.status).toBe(400);
    expect(r.text).toContain(formatDate(addDays(START, 31)));
    r = await schedule(addDays(START, 31));
    expect(r.status, r.text.slice(0, 400)).toBe(303);
    const voteId = idFrom(r.location);

    // The meeting, minutes with four signatures (R-E4), finalising and the dossier go through decisions.
    const day = addDays(START, 31);
    setDay(day);
    const [h, f, official] = [await actorOf('truongthon.xd'), await actorOf('bancongtac.xd'), await actorOf('canbo.xuanduong')];
    const reg = await registerOn(s.deps.db, v1.id, day);
    const present = reg.slice(0, Math.floor(reg.length / 2) + 1);
    const needed = Math.floor(reg.length / 2) + 1; // R-E2: > 50 % of ALL households
    const ok = await recordMeeting(s.deps, t, h, voteId, {
      method: 'show_of_hands',
      attendance: Object.fromEntries(present.map((x) => [String(x.id), '1'])),
      secretary: reg[1]!.representative,
      secretaryVotes: String(present.length),
      committee: '',
      committeeVotes: '',
      witnesses: '',
      counts: { '1:agree': String(needed), '1:disagree': '0', '1:other': String(present.length - needed) },
    });
    expect(ok.ok).toBe(true);
    expect(
      (await saveMinutes(s.deps, t, h, voteId, { content: 'Bàn', decisionText: 'Thông qua', rep1: reg[3]!.representative, rep2: reg[4]!.representative })).ok,
    ).toBe(true);
    expect((await confirmMinutes(s.deps, t, h, voteId, 'village_head')).ok).toBe(true);
    expect((await confirmMinutes(s.deps, t, f, voteId, 'front_head')).ok).toBe(true);
    expect((await finaliseVote(s.deps, t, h, voteId)).ok).toBe(true);
    let page = await head.get(`/covenants/${id}`);
    expect(page.text).toContain('Đã thông qua, chờ gửi hồ sơ');
    expect((await submitVote(s.deps, t, h, voteId, { submittedOn: '' })).ok).toBe(true);
    // R-E3 / R-A14: sent Sunday 10/01/2027, due Friday 15/01; decided Tuesday 19/01: accepted, 2 working days late.
    const decided = addDays(day, 9);
    setDay(decided);
    expect((await recogniseVote(s.deps, t, official, voteId, { decision: 'recognise', decidedOn: formatDate(decided), reason: '' })).ok).toBe(true);
    page = await anon.get(`/covenants/${id}`);
    expect(page.text).toContain('Đang có hiệu lực');
    expect(page.text).toContain(`Được công nhận ngày ${formatDate(decided)}`);
    expect(page.text).toContain('trễ 2 ngày làm việc');
    // Art 13: the amended covenant replaces the earlier text from its recognition.
    expect((await apiList()).items.find((i) => i.id === old.id)?.status).toBe('replaced');
    // Art 15: the cultural house and one more channel.
    const only = await recordPublication(s.deps, t, official, id, {
      sentOn: formatDate(decided),
      publishedOn: formatDate(decided),
      channels: ['cultural_house'],
    });
    expect(only).toMatchObject({ ok: false, errors: { channels: expect.stringContaining('Điều 15') } });
    expect(
      (
        await recordPublication(s.deps, t, official, id, {
          sentOn: formatDate(decided),
          publishedOn: formatDate(decided),
          channels: ['cultural_house', 'loudspeaker'],
        })
      ).ok,
    ).toBe(true);

    // R-E5 Arts 12, 14: a report, a suspension with its deadline; once it passes, the chairman annuls
    // through decisions' annulment of the matter (Law Art 22), in one transaction.
    const official2 = await signIn(s.url, 'canbo.xuanduong', clock);
    r = await post(official2, `/covenants/${id}`, `/covenants/${id}/report`, { receivedOn: formatDate(decided), text: 'Điều 2 trái luật' });
    expect(r.status, r.text.slice(0, 300)).toBe(303);
    r = await post(official2, `/covenants/${id}`, `/covenants/${id}/act`, {
      decision: 'suspend',
      on: formatDate(decided),
      reason: 'Tạm ngưng Điều 2',
      deadline: '',
    });
    expect(r.status).toBe(400);
    r = await post(official2, `/covenants/${id}`, `/covenants/${id}/act`, {
      decision: 'suspend',
      on: formatDate(decided),
      reason: 'Tạm ngưng Điều 2',
      deadline: formatDate(addDays(decided, 10)),
    });
    expect(r.status).toBe(303);
    setDay(addDays(decided, 11));
    page = await anon.get(`/covenants/${id}`);
    expect(page.text).toContain('Tạm ngưng thi hành');
    expect(page.text).toContain('có thể bãi bỏ');
    const communeId = v1.parent_id!;
    const commune = await s.deps.db.selectFrom('units').select('path').where('id', '=', communeId).executeTakeFirstOrThrow();
    const chairman: Actor = {
      via: 'session',
      userId: null,
      label: 'Chủ tịch',
      userKind: 'official',
      grants: [{ role: 'commune_chairman', unitId: communeId, unitPath: commune.path, agencyId: null }],
    };
    expect(await annulCovenant(s.deps, t, official, id, { on: formatDate(addDays(decided, 11)), reason: 'Trái luật' })).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect((await annulCovenant(s.deps, t, chairman, id, { on: formatDate(addDays(decided, 11)), reason: 'Trái luật, không khắc phục' })).ok).toBe(true);
    expect((await s.deps.db.selectFrom('matters').select('status').where('id', '=', matterId).executeTakeFirstOrThrow()).status).toBe('annulled');
    expect((await apiList()).items.find((i) => i.id === id)?.status).toBe('annulled');
  });

  it('Law Art 91(3), Decree 61 Art 24: a covenant adopted after 1/7/2023 is not entered as transitional; the form keeps what was typed', async () => {
    setDay(START);
    const official = await signIn(s.url, 'canbo.xuanduong', clock);
    const r = await post(official, `/units/${v1.id}/covenants/transitional`, `/units/${v1.id}/covenants/transitional`, {
      title: 'Quy ước cũ',
      adoptedOn: '01/07/2023',
      recognisedOn: '10/07/2023',
      recognitionNumber: '',
      text: 'Điều 1. Chung\nNội dung.',
      history: '',
    });
    expect(r.status).toBe(400);
    expect(r.text).toContain('trước ngày 01/7/2023');
    expect(r.text).toContain('value="Quy ước cũ"');
  });

  it('R-E7, R-E6: the commune sets a village as an ethnic-minority community and its review day; a village head may not', async () => {
    setDay(START);
    const official = await signIn(s.url, 'canbo.xuanduong', clock);
    const v2 = await s.deps.db.selectFrom('units').select('id').where('code', '=', '02191-02').executeTakeFirstOrThrow();
    const url = `/units/${v2.id}/covenants/settings`;
    let r = await post(official, url, url, { ethnicMinority: '1', ethnicLanguage: '', reviewDay: '31/02' });
    expect(r.status).toBe(400);
    expect(r.text).toContain('Hãy ghi tên tiếng dân tộc.');
    expect(r.text).toContain('ví dụ 18/11');
    expect(r.text).toContain('value="31/02"');
    r = await post(official, url, url, { ethnicMinority: '1', ethnicLanguage: 'Dao', reviewDay: '20/11' });
    expect(r.status).toBe(303);
    expect(
      await s.deps.db
        .selectFrom('covenant_settings')
        .select(['ethnic_minority', 'ethnic_language', 'review_day'])
        .where('unit_id', '=', v2.id)
        .executeTakeFirst(),
    ).toEqual({
      ethnic_minority: 1,
      ethnic_language: 'Dao',
      review_day: '11-20',
    });
    head = await signIn(s.url, 'truongthon.xd', clock); // the session of the earlier test ended with its 2027 clock
    expect(
      (await post(head, `/units/${v1.id}/covenants`, `/units/${v1.id}/covenants/settings`, { ethnicMinority: '', ethnicLanguage: '', reviewDay: '18/11' }))
        .status,
    ).toBe(403);
  });

  it('R-E6 Arts 15(4), 16: a yearly review once a year, and the commune figures in Word and Excel', async () => {
    setDay('2026-12-20');
    const official = await signIn(s.url, 'canbo.xuanduong', clock);
    const trans = (await apiList()).items.find((i) => i.status === 'in_force' && i.origin === 'transitional')!;
    const again = await post(official, `/covenants/${trans.id}`, `/covenants/${trans.id}/review`, { heldOn: '19/12/2026', outcome: 'keep', note: 'Tốt' });
    expect(again.status).toBe(400); // the demo recorded the 18/11/2026 review
    expect(again.text).toContain('Năm 2026 đã rà soát');
    const docx = await official.get(`/units/${v1.parent_id}/covenants/report.docx?year=2026`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const totals = async (year: number) => {
      const res = await fetch(`${s.url}/units/${v1.parent_id}/covenants/report.xlsx?year=${year}`, {
        headers: { cookie: (official as unknown as { header(): string }).header() },
      });
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
      return rows.find((row) => row.includes('Tổng cộng'))!.slice(2);
    };
    // Columns: recognised, refused, amended, suspended, annulled, in force now, reviewed in the year.
    // 2026: the demo's village-1 covenant recognised, village 4 suspended, village 3 reviewed on 18/11.
    expect(await totals(2026)).toEqual([1, 0, 0, 1, 0, 3, 1]);
    // 2027: the amendment of the test above recognised (counted as amended), suspended and annulled;
    // the earlier covenant it replaced is in force again.
    expect(await totals(2027)).toEqual([0, 0, 1, 1, 1, 3, 0]);
    expect((await new Agent(s.url).get(`/units/${v1.parent_id}/covenants/report.xlsx?year=2026`)).status).not.toBe(200);
  });

  it('API: one covenant with its text by article, versions, translation and recognition; drafts and bad ids answered as problems', async () => {
    const item = (await apiList()).items.find((i) => i.origin === 'proposed' && i.status === 'in_force')!;
    const d = (await (await fetch(`${s.url}/api/v1/covenants/${item.id}`)).json()) as Record<string, unknown>;
    expect(d).toMatchObject({ status: 'in_force', recognition: { decision: 'recognised' }, translation: { language: 'Tày' } });
    expect((d.versions as unknown[]).length).toBe(2);
    expect((d.text as { label: string }[]).map((a) => a.label)).toContain('Điều 6');
    const bad = await fetch(`${s.url}/api/v1/covenants/abc`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${s.url}/api/v1/covenants/999999`)).status).toBe(404);
  });

  it('indicators: share of villages with a covenant in force, share of covenants in force reviewed', async () => {
    const commune = await s.deps.db.selectFrom('units').selectAll().where('id', '=', v1.parent_id!).executeTakeFirstOrThrow();
    const villages = (await s.deps.db.selectFrom('units').select('id').where('parent_id', '=', commune.id).execute()).length;
    const q = { units: [commune], from: '2026-01-01', to: '2026-12-20' };
    const inForce = await covenantsModule.indicators!.in_force!.compute(s.deps, q);
    expect(inForce.get(commune.id)).toEqual({ value: 3, of: villages }); // village 1 (its amendment annulled), 3 (transitional), 4 (suspended)
    const reviewed = await covenantsModule.indicators!.reviewed_this_year!.compute(s.deps, q);
    expect(reviewed.get(commune.id)).toEqual({ value: 1, of: 3 });
  });
});
