// Demo community decisions in Xuân Dương's demo villages, made through the real commands with the
// clock set to each step's day, so that every record has its audit trail and its working: a meeting
// on contributions (adopted, published), a village festival by secret ballot (published), a household
// ballot (counted by the team), a meeting that lacked households, and an online vote open now that the
// demo residents can take part in (README: phones 0912345678, 0912000002, 0912000003). The recognised
// covenant (item 3) is the covenants demo's, posted for comments first (Decree 61/2023 Art 9(1)).
import type { AppDeps } from '../../app-deps.js';
import type { Actor, Role } from '../../platform/auth/policy.js';
import { loadActor } from '../../platform/auth/session.js';
import { addDays, todayInVietnam } from '../../platform/calendar/calendar.js';
import { addMonths } from '../../platform/calendar/periods.js';
import { fixedClock } from '../../platform/clock.js';
import { formatDate, translator } from '../../platform/i18n/index.js';
import { rng } from '../units/demo.js';
import { newReceiptCode, storeBallot } from './commands/cast.js';
import { countVote } from './commands/count.js';
import { finaliseVote } from './commands/finalise.js';
import { confirmMinutes, saveMinutes } from './commands/minutes.js';
import { enterPaperBallot } from './commands/paper.js';
import { proposeMatter } from './commands/propose.js';
import { recordMeeting } from './commands/record-meeting.js';
import { emptySchedule, scheduleVote } from './commands/schedule.js';
import { publishResult, submitVote } from './commands/submit.js';
import * as repo from './decisions.repo.js';
import { sittingHead } from './demo-head.js';

export const DEMO_REPRESENTATIVE_PHONES = ['0912000002', '0912000003'];
const t = translator('vi');

function must<T extends { ok: boolean }>(r: T, what: string): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`demo decisions: ${what} failed: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

export async function seedDemoDecisions(deps: AppDeps): Promise<void> {
  const { db } = deps;
  if (await db.selectFrom('matters').select('id').limit(1).executeTakeFirst()) return;
  const commune = await db.selectFrom('units').selectAll().where('code', '=', '02191').where('valid_to', 'is', null).executeTakeFirst();
  const v1 = await db.selectFrom('units').selectAll().where('code', '=', '02191-01').executeTakeFirst();
  const v2 = await db.selectFrom('units').selectAll().where('code', '=', '02191-02').executeTakeFirst();
  const headUser = await db.selectFrom('users').select('id').where('username', '=', 'truongthon.xd').executeTakeFirst();
  const frontUser = await db.selectFrom('users').select('id').where('username', '=', 'bancongtac.xd').executeTakeFirst();
  if (!commune || !v1 || !v2 || !headUser || !frontUser) return; // demo units and accounts come first
  const head = (await loadActor(db, headUser.id)) as Actor;
  const front = (await loadActor(db, frontUser.id)) as Actor;
  // The second village has no demo account: its organisers act under a label of their own.
  const organiser = (role: Role, label: string): Actor => ({
    via: 'session',
    userId: null,
    label,
    userKind: 'official',
    grants: [{ role, unitId: v2.id, unitPath: v2.path, agencyId: null }],
  });
  const head2 = organiser('village_head', `Trưởng thôn ${v2.name} (dữ liệu mẫu)`);
  const front2 = organiser('front_committee_head', `Trưởng ban công tác Mặt trận ${v2.name} (dữ liệu mẫu)`);

  const today = todayInVietnam(deps.clock.now());
  const at = (date: string, hour = 10) => ({ ...deps, clock: fixedClock(`${date}T${String(hour - 7).padStart(2, '0')}:00:00Z`) });
  const r = rng(20261125);
  const reg1 = await repo.registerOn(db, v1.id, today);
  const reg2 = await repo.registerOn(db, v2.id, today);

  await residentAccounts(deps, v1.id, reg1.slice(1, 3));

  // 1. Contributions to a concrete road (item 1): a meeting by show of hands, ≥ 2/3 adopt it.
  {
    const day = addDays(today, -40);
    const d = at(day);
    const m = await propose(
      d,
      head,
      front,
      v1.id,
      '1',
      'Mức đóng góp làm đường bê tông liên xóm',
      'Mỗi hộ đóng góp 500.000 đồng và 3 ngày công; Nhà nước hỗ trợ xi măng.',
      addDays(day, -5),
    );
    await meeting(d, head, front, m.id, day, reg1, 0.9, 0.9, 'Thống nhất mức đóng góp 500.000 đồng/hộ và 3 ngày công; thời hạn nộp trước 31/12.', true);
  }
  // 2. Where the village holds its spring festival (item 6), by secret ballot at a meeting.
  {
    const day = addDays(today, -25);
    const d = at(day);
    const m = await propose(
      d,
      head,
      front,
      v1.id,
      '6',
      'Địa điểm tổ chức lễ hội Lồng tồng của thôn',
      'Tổ chức lễ hội Lồng tồng đầu xuân tại bãi đất cạnh nhà văn hóa thôn.',
      addDays(day, -10),
    );
    await meeting(d, head, front, m.id, day, reg1, 0.9, 0.75, 'Thống nhất tổ chức lễ hội Lồng tồng tại bãi đất cạnh nhà văn hóa thôn.', true, true);
  }
  // 3. A household ballot on the community fund (item 2), decided by the village head and the Front work committee.
  {
    const day = addDays(today, -15);
    const d = at(addDays(day, -4));
    const m = await propose(
      d,
      head,
      front,
      v1.id,
      '2',
      'Thu, chi quỹ khuyến học của thôn năm 2027',
      'Mỗi hộ đóng góp 100.000 đồng/năm cho quỹ khuyến học.',
      addDays(day, -6),
    );
    const s = must(
      await scheduleVote(d, t, head, m.id, {
        ...emptySchedule(),
        form: 'household_ballot',
        ballotCase: 'village_decision',
        voteDate: formatDate(day),
        noticeOn: formatDate(addDays(day, -3)),
        planIssuedOn: formatDate(addDays(day, -4)),
        planSentOn: formatDate(addDays(day, -4)),
        closeDate: formatDate(addDays(day, 5)),
        closeTime: '17:00',
        team: `${front.label}\nHà Thị Xuân (Chi hội Phụ nữ)\nNông Văn Phúc (Chi đoàn thanh niên)`,
      }),
      'schedule ballot',
    );
    const back = at(addDays(day, 3));
    for (const [i, h] of reg1.entries()) {
      if (i % 10 === 9) continue; // one household in ten did not return its ballot
      const choice = i % 10 === 4 ? 'disagree' : i % 20 === 7 ? 'other' : 'agree';
      must(await enterPaperBallot(back, head, s.id, h.id, [choice], choice === 'other' ? 'Đề nghị giảm mức đóng góp cho hộ nghèo' : undefined), 'paper ballot');
    }
    const after = at(addDays(day, 6));
    must(await countVote(after, t, head, s.id, { witnesses: `${reg1[5]?.representative}\n${reg1[6]?.representative}` }), 'count ballot');
    await complete(
      after,
      head,
      front,
      s.id,
      reg1,
      'Lấy ý kiến hộ gia đình về quỹ khuyến học',
      'Thông qua mức đóng góp quỹ khuyến học 100.000 đồng/hộ/năm.',
      true,
    );
  }
  // 4. A meeting in the second village that lacked households: the household ballot is the fallback.
  {
    const day = addDays(today, -8);
    const d = at(day);
    const m = await propose(d, head2, front2, v2.id, '1', 'Đóng góp sửa chữa nhà văn hóa thôn', 'Sửa mái và nền nhà văn hóa.', addDays(day, -4));
    await meeting(d, head2, front2, m.id, day, reg2, 0.5, 0.95, 'Số hộ dự họp không đủ 2/3; đề nghị phát phiếu lấy ý kiến hộ gia đình.', false);
  }
  // 5. An online vote (item 6) open now, with some households already voted.
  {
    const start = addDays(today, -1);
    const d = at(addDays(start, -3));
    const m = await propose(
      d,
      head,
      front,
      v1.id,
      '6',
      'Giờ mở loa truyền thanh của thôn',
      'Phát loa truyền thanh từ 17 giờ 30 đến 18 giờ hằng ngày.',
      addDays(start, -6),
    );
    const s = must(
      await scheduleVote(d, t, head, m.id, {
        ...emptySchedule(),
        form: 'online',
        openDate: formatDate(start),
        openTime: '07:00',
        closeDate: formatDate(addDays(today, 7)),
        closeTime: '20:00',
        noticeOn: formatDate(addDays(start, -3)),
        team: `${front.label}\n${head.label}\nLục Văn Dũng (hỗ trợ công nghệ thông tin)`,
        noMeetingAgreedOn: formatDate(addDays(start, -6)),
        authoritiesNotifiedOn: formatDate(addDays(start, -5)),
        pollYes: String(Math.floor(reg1.length * 0.7)),
      }),
      'schedule online',
    );
    await db.transaction().execute(async (trx) => {
      for (const h of reg1.slice(3, Math.floor(reg1.length * 0.4))) {
        const key = r.next() < 0.8 ? 'agree' : 'disagree';
        await storeBallot(trx, s.id, h.id, 'online', { ok: true, keys: [key], otherText: null }, newReceiptCode());
      }
    });
  }
  // 6. The demo village head's term (R-B4): recognised by the commune 20 months ago, 60 months long.
  await sittingHead(deps, v1.id, headUser.id, addMonths(today, -20));
}

/** Art 16(2): the village head proposes after agreeing with the Front work committee head on `agreedOn`. */
async function propose(d: AppDeps, head: Actor, front: Actor, villageId: number, item: string, title: string, description: string, agreedOn: string) {
  const r = await proposeMatter(d, t, head, villageId, {
    item,
    title,
    description,
    proposer: 'leader',
    agreementBy: front.label,
    agreementOn: formatDate(agreedOn),
    initiatorName: '',
  });
  return must(r, `propose ${title}`);
}

/** A meeting held on `day`: attendance share, approving share of those present, minutes, confirmations. */
async function meeting(
  d: AppDeps,
  head: Actor,
  front: Actor,
  matterId: number,
  day: string,
  reg: repo.RegisterEntry[],
  attend: number,
  approve: number,
  decision: string,
  publish: boolean,
  secret = false,
): Promise<number> {
  const s = must(
    await scheduleVote(d, t, head, matterId, {
      ...emptySchedule(),
      form: 'meeting',
      voteDate: formatDate(day),
      place: 'Nhà văn hóa thôn',
      noticeOn: formatDate(addDays(day, -3)),
      documentsOn: formatDate(addDays(day, -3)),
    }),
    'schedule meeting',
  );
  // Deterministic shares, so the demo's results are the same on every machine.
  const present = reg.filter((_, i) => i % 20 < Math.round(attend * 20));
  const agree = Math.round(present.length * approve);
  const disagree = Math.max(0, present.length - agree - 1);
  must(
    await recordMeeting(d, t, head, s.id, {
      method: secret ? 'secret_ballot' : 'show_of_hands',
      attendance: Object.fromEntries(present.map((h) => [String(h.id), '1'])),
      secretary: reg[1]?.representative ?? 'Thư ký',
      secretaryVotes: String(present.length - 1),
      committee: secret
        ? reg
            .slice(7, 10)
            .map((h) => h.representative)
            .join('\n')
        : '',
      committeeVotes: secret ? String(present.length - 2) : '',
      witnesses: secret
        ? reg
            .slice(10, 12)
            .map((h) => h.representative)
            .join('\n')
        : '',
      counts: { '1:agree': String(agree), '1:disagree': String(disagree), '1:other': String(present.length - agree - disagree) },
    }),
    'record meeting',
  );
  await complete(d, head, front, s.id, reg, 'Trưởng thôn trình bày; các hộ thảo luận và biểu quyết.', decision, publish);
  return s.id;
}

/** Minutes, both confirmations, finalising, sending and publishing, as the village does it. */
async function complete(d: AppDeps, head: Actor, front: Actor, voteId: number, reg: repo.RegisterEntry[], content: string, decision: string, publish: boolean) {
  must(
    await saveMinutes(d, t, head, voteId, { content, decisionText: decision, rep1: reg[3]?.representative ?? '', rep2: reg[4]?.representative ?? '' }),
    'minutes',
  );
  must(await confirmMinutes(d, t, head, voteId, 'village_head'), 'confirm head');
  must(await confirmMinutes(d, t, front, voteId, 'front_head'), 'confirm front');
  must(await finaliseVote(d, t, head, voteId), 'finalise');
  must(await submitVote(d, t, head, voteId, { submittedOn: '' }), 'submit');
  if (publish) must(await publishResult(d, head, voteId), 'publish');
}

/** Resident accounts for two more household representatives of the first village, so that three
 * households can vote online in the demo (phone sign-in with a code from the outbox). */
async function residentAccounts(deps: AppDeps, villageId: number, households: repo.RegisterEntry[]) {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    for (const [i, h] of households.entries()) {
      const phone = DEMO_REPRESENTATIVE_PHONES[i];
      if (!phone || !h.residentId) continue;
      await trx.updateTable('residents').set({ phone }).where('id', '=', h.residentId).execute();
      const u = await trx
        .insertInto('users')
        .values({ kind: 'resident', phone, display_name: h.representative, resident_id: h.residentId, created_at: now, is_demo: 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const role of ['resident', 'household_representative'] as const)
        await trx.insertInto('role_grants').values({ user_id: u.id, role, unit_id: villageId, granted_at: now }).execute();
    }
  });
}
