// Demo covenants in Xuân Dương's villages, made through the real commands with the clock set to each
// step's day (so each has its audit trail): a covenant recognised after two versions and a 30-day
// posting (village 1, a Tày community), one open for comments now (village 2), one from 2018 entered
// as transitional (village 3), and a 2020 one suspended after a report (village 4).
import type { AppDeps } from '../../app-deps.js';
import type { Actor, Role } from '../../platform/auth/policy.js';
import { loadActor } from '../../platform/auth/session.js';
import { addDays, todayInVietnam } from '../../platform/calendar/calendar.js';
import { fixedClock } from '../../platform/clock.js';
import { formatDate, translator } from '../../platform/i18n/index.js';
import { finaliseVote } from '../decisions/commands/finalise.js';
import { confirmMinutes, saveMinutes } from '../decisions/commands/minutes.js';
import { recogniseVote } from '../decisions/commands/recognise.js';
import { recordMeeting } from '../decisions/commands/record-meeting.js';
import { emptySchedule, scheduleVote } from '../decisions/commands/schedule.js';
import { submitVote } from '../decisions/commands/submit.js';
import * as decisionsRepo from '../decisions/decisions.repo.js';
import { actOnReport, enterTransitional, receiveReport, recordPublication } from './commands/commune.js';
import { postForComments, proposeCovenant, saveTeam, saveVersion } from './commands/draft.js';
import { recordReview, saveSettings } from './commands/review.js';
import { DEMO_TEXT_OLD, DEMO_TEXT_V1, DEMO_TEXT_V2, DEMO_TRANSLATION } from './demo-texts.js';

const t = translator('vi');
function must<T extends { ok: boolean }>(r: T, what: string): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`demo covenants: ${what} failed: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

export async function seedDemoCovenants(deps: AppDeps): Promise<void> {
  const { db } = deps;
  if (await db.selectFrom('covenants').select('id').limit(1).executeTakeFirst()) return;
  const villages = await db.selectFrom('units').selectAll().where('code', 'in', ['02191-01', '02191-02', '02191-03', '02191-04']).orderBy('code').execute();
  const ids = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', ['truongthon.xd', 'bancongtac.xd', 'canbo.xuanduong', 'chutich.xuanduong'])
    .execute();
  const user = async (name: string) => {
    const u = ids.find((x) => x.username === name);
    return u ? ((await loadActor(db, u.id)) as Actor) : null;
  };
  const [head, front, official] = [await user('truongthon.xd'), await user('bancongtac.xd'), await user('canbo.xuanduong')];
  const [v1, v2, v3, v4] = villages;
  if (!v1 || !v2 || !v3 || !v4 || !head || !front || !official) return; // demo units and accounts come first
  const organiser = (role: Role, v: typeof v2): Actor => ({
    via: 'session',
    userId: null,
    label: `${role === 'village_head' ? 'Trưởng thôn' : 'Trưởng ban công tác Mặt trận'} ${v.name} (dữ liệu mẫu)`,
    userKind: 'official',
    grants: [{ role, unitId: v.id, unitPath: v.path, agencyId: null }],
  });
  const today = todayInVietnam(deps.clock.now());
  const at = (date: string, hour = 10) => ({ ...deps, clock: fixedClock(`${date}T${String(hour - 7).padStart(2, '0')}:00:00Z`) });
  const team = [
    { name: 'Hoàng Văn Pha', role: 'Già làng', elder: true, speaker: true },
    { name: 'Nông Thị Lan', role: 'Chi hội trưởng Phụ nữ', elder: false, speaker: true },
    { name: 'Lý Văn Minh', role: 'Bí thư chi đoàn', elder: false, speaker: false },
  ];

  // 1. Village 1, a Tày community: proposal, team, two versions, 30 days posted, meeting, recognition.
  {
    must(await saveSettings(at(addDays(today, -90)), t, official, v1.id, { ethnicMinority: '1', ethnicLanguage: 'Tày', reviewDay: '18/11' }), 'settings');
    const start = addDays(today, -85);
    const c = must(
      await proposeCovenant(at(start), t, head, v1.id, {
        title: `Hương ước ${v1.name}`,
        kind: 'new',
        replacesId: '',
        proposer: 'leader',
        agreementBy: front.label,
        agreementOn: formatDate(addDays(start, -2)),
        initiatorName: '',
      }),
      'propose',
    );
    must(await saveTeam(at(start), t, head, c.id, team), 'team');
    must(
      await saveVersion(at(start), t, head, c.id, { text: DEMO_TEXT_V1, note: 'Dự thảo lần 1 của tổ soạn thảo', translationLanguage: '', translationText: '' }),
      'v1',
    );
    const posted = addDays(start, 2);
    must(await postForComments(at(posted), t, head, c.id, { days: '30' }), 'post');
    must(
      await saveVersion(at(addDays(posted, 31)), t, head, c.id, {
        text: DEMO_TEXT_V2,
        note: 'Tiếp thu ý kiến các hộ: giảm mức phạt, bổ sung điều về phòng cháy rừng',
        translationLanguage: 'Tày',
        translationText: DEMO_TRANSLATION,
      }),
      'v2',
    );
    const day = addDays(posted, 33);
    const matter = (await db.selectFrom('covenants').select('matter_id').where('id', '=', c.id).executeTakeFirstOrThrow()).matter_id!;
    const voteId = await meeting(at(day), head, front, matter, day, v1.id);
    must(
      await recogniseVote(at(addDays(day, 3)), t, official, voteId, { decision: 'recognise', decidedOn: formatDate(addDays(day, 3)), reason: '' }),
      'recognise',
    );
    const pub = addDays(day, 4);
    must(
      await recordPublication(at(pub), t, official, c.id, {
        sentOn: formatDate(pub),
        publishedOn: formatDate(pub),
        channels: ['cultural_house', 'loudspeaker', 'commune_portal'],
      }),
      'publication',
    );
  }
  // 2. Village 2: the draft is open for comments now.
  {
    const h2 = organiser('village_head', v2);
    const start = addDays(today, -12);
    const c = must(
      await proposeCovenant(at(start), t, h2, v2.id, {
        title: `Quy ước ${v2.name} về bảo vệ rừng và nguồn nước`,
        kind: 'new',
        replacesId: '',
        proposer: 'leader',
        agreementBy: `Trưởng ban công tác Mặt trận ${v2.name}`,
        agreementOn: formatDate(addDays(start, -1)),
        initiatorName: '',
      }),
      'propose 2',
    );
    must(await saveTeam(at(start), t, h2, c.id, team.slice(1)), 'team 2');
    must(await saveVersion(at(start), t, h2, c.id, { text: DEMO_TEXT_V1, note: 'Dự thảo lần 1', translationLanguage: '', translationText: '' }), 'v2 text');
    must(await postForComments(at(addDays(start, 2)), t, h2, c.id, { days: '35' }), 'post 2');
  }
  // 3–4. Covenants from before the Law (Art 91(3)): one in force and reviewed, one suspended on a report.
  const old3 = must(
    await enterTransitional(at(addDays(today, -60)), t, official, v3.id, {
      title: `Hương ước ${v3.name}`,
      adoptedOn: '12/03/2018',
      recognisedOn: '02/04/2018',
      recognitionNumber: '45/QĐ-UBND',
      text: DEMO_TEXT_OLD,
      history: 'Sửa đổi, bổ sung năm 2021 (Điều 5 về việc cưới, việc tang).',
    }),
    'transitional 3',
  );
  const lastReview = `${Number(today.slice(0, 4)) - (today.slice(5) >= '11-18' ? 0 : 1)}-11-18`;
  if (lastReview <= today)
    must(
      await recordReview(at(lastReview), t, official, old3.id, {
        heldOn: formatDate(lastReview),
        outcome: 'keep',
        note: 'Nội dung còn phù hợp; các hộ thực hiện tốt.',
      }),
      'review 3',
    );
  const old4 = must(
    await enterTransitional(at(addDays(today, -60)), t, official, v4.id, {
      title: `Quy ước ${v4.name}`,
      adoptedOn: '20/06/2020',
      recognisedOn: '03/07/2020',
      recognitionNumber: '112/QĐ-UBND',
      text: DEMO_TEXT_OLD,
      history: '',
    }),
    'transitional 4',
  );
  const rep = addDays(today, -8);
  must(
    await receiveReport(at(rep), t, official, old4.id, { receivedOn: formatDate(rep), text: 'Điều 5 quy định phạt tiền các hộ không dự họp, trái pháp luật.' }),
    'report 4',
  );
  must(
    await actOnReport(at(addDays(rep, 2)), t, official, old4.id, {
      decision: 'suspend',
      on: formatDate(addDays(rep, 2)),
      reason: 'Tạm ngưng thi hành Điều 5 (phạt tiền) vì trái pháp luật.',
      deadline: formatDate(addDays(rep, 40)),
    }),
    'suspend 4',
  );
}

/** A meeting where most households attend and approve; minutes, four confirmations, sending (R-E2, R-E4). */
async function meeting(d: AppDeps, head: Actor, front: Actor, matterId: number, day: string, villageId: number): Promise<number> {
  const s = must(
    await scheduleVote(d, t, head, matterId, {
      ...emptySchedule(),
      form: 'meeting',
      voteDate: formatDate(day),
      place: 'Nhà văn hóa thôn',
      noticeOn: formatDate(addDays(day, -3)),
      documentsOn: formatDate(addDays(day, -3)),
    }),
    'schedule',
  );
  const reg = await decisionsRepo.registerOn(d.db, villageId, day);
  const present = reg.filter((_, i) => i % 10 < 8);
  const agree = present.length - 2;
  must(
    await recordMeeting(d, t, head, s.id, {
      method: 'show_of_hands',
      attendance: Object.fromEntries(present.map((h) => [String(h.id), '1'])),
      secretary: reg[1]?.representative ?? 'Thư ký',
      secretaryVotes: String(present.length - 1),
      committee: '',
      committeeVotes: '',
      witnesses: '',
      counts: { '1:agree': String(agree), '1:disagree': '1', '1:other': '1' },
    }),
    'record meeting',
  );
  must(
    await saveMinutes(d, t, head, s.id, {
      content: 'Trưởng thôn trình bày dự thảo đã tiếp thu ý kiến; các hộ thảo luận và biểu quyết.',
      decisionText: 'Thông qua Hương ước thôn; gửi UBND xã công nhận.',
      rep1: reg[3]?.representative ?? '',
      rep2: reg[4]?.representative ?? '',
    }),
    'minutes',
  );
  must(await confirmMinutes(d, t, head, s.id, 'village_head'), 'confirm head');
  must(await confirmMinutes(d, t, front, s.id, 'front_head'), 'confirm front');
  must(await finaliseVote(d, t, head, s.id), 'finalise');
  must(await submitVote(d, t, head, s.id, { submittedOn: '' }), 'submit');
  return s.id;
}
