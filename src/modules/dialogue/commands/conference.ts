// The village's annual community conference (Law 10/2022 Art 33; Decree 59/2023 Arts 10–11; R-G1), its
// plan: made by the village head with the Front work committee, sent to the commune People's Committee,
// Front and People's Inspection Board, each of which records its agreement; the notice to households
// at least 05 days before. The conference itself and the result report: conference-held.ts.
import type { AppDeps } from '../../../app-deps.js';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { noticeMessage, readDate } from '../../../platform/http/forms.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import { enqueue } from '../../../platform/notify/outbox.js';
import { expectUpdated, type Failure, invalid, orStale } from '../../../platform/results.js';
import { dialoguePolicy } from '../dialogue.policy.js';
import { conferenceNoticeProblem } from '../rules/yearly.js';
import { readText } from './dialogue.js';
import { loadConference } from './load.js';

export const NOTICE_METHODS = ['writing', 'loudspeaker', 'social_app'] as const;
export type PlanInput = {
  conferenceOn: string;
  startTime: string;
  place: string;
  content: string;
  tasks: string;
  planSentOn: string;
  noticeOn: string;
  noticeMethod: string;
};
export const emptyPlan = (): PlanInput => ({
  conferenceOn: '',
  startTime: '19:00',
  place: '',
  content: '',
  tasks: '',
  planSentOn: '',
  noticeOn: '',
  noticeMethod: 'writing',
});

export const ruleSetFor = (date: string) => ruleSetOn(date < '2023-07-01' ? '2023-07-01' : date);

/** Decree 59 Art 10: a plan for the village's conference of the year; edited while still planned. */
export async function planConference(deps: AppDeps, t: T, actor: Actor, villageId: number, input: PlanInput): Promise<{ ok: true; id: number } | Failure> {
  const village = await deps.db.selectFrom('units').selectAll().where('id', '=', villageId).executeTakeFirst();
  if (!village?.parent_id) return { ok: false, reason: 'not_found' };
  if (!dialoguePolicy(actor, 'planConference', { unitPath: village.path })) return { ok: false, reason: 'forbidden' };
  const e: FieldErrors = {};
  const on = readDate(t, e, 'conferenceOn', input.conferenceOn, true);
  const startTime = input.startTime.trim();
  if (!/^([01]?\d|2[0-3]):[0-5]\d$/.test(startTime)) e.startTime = t('dialogue.err.timeInvalid');
  const place = readText(t, e, 'place', input.place, { required: 'dialogue.err.placeRequired', max: 300 });
  const content = readText(t, e, 'content', input.content, { required: 'dialogue.err.contentRequired', max: 10_000 });
  const tasks = readText(t, e, 'tasks', input.tasks, { required: 'dialogue.err.tasksRequired', max: 10_000 });
  const sent = readDate(t, e, 'planSentOn', input.planSentOn, true);
  const notice = readDate(t, e, 'noticeOn', input.noticeOn, true);
  if (!(NOTICE_METHODS as readonly string[]).includes(input.noticeMethod)) e.noticeMethod = t('dialogue.err.noticeMethod');
  if (on && sent && sent > on) e.planSentOn = t('dialogue.err.sentAfter');
  if (on && notice) {
    const p = conferenceNoticeProblem(on, notice, ruleSetFor(on));
    if (p) e.noticeOn = noticeMessage(t, p);
  }
  if (Object.keys(e).length || !on || !sent || !notice) return invalid(e);
  const year = Number(on.slice(0, 4));
  const now = deps.clock.now().toISOString();
  return orStale(() =>
    deps.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('village_conferences')
        .select(['id', 'status', 'conference_on', 'start_time', 'place', 'content', 'tasks'])
        .where('village_id', '=', villageId)
        .where('year', '=', year)
        .executeTakeFirst();
      if (existing && existing.status !== 'planned') return invalid({ conferenceOn: t('dialogue.err.conferenceExists', { year }) });
      const values = {
        conference_on: on,
        start_time: startTime.padStart(5, '0'),
        place,
        content,
        tasks,
        plan_sent_on: sent,
        notice_on: notice,
        notice_method: input.noticeMethod,
        updated_at: now,
      };
      let id: number;
      if (existing) {
        id = existing.id;
        // The bodies agreed to a plan (Decree 59 Art 10): a changed time, place, content or tasks needs their agreement again.
        const changed = (['conference_on', 'start_time', 'place', 'content', 'tasks'] as const).some((k) => existing[k] !== values[k]);
        const reset = changed
          ? { committee_agreed_on: null, committee_agreed_by: null, front_agreed_on: null, front_agreed_by: null, board_agreed_on: null, board_agreed_by: null }
          : {};
        expectUpdated(
          await trx
            .updateTable('village_conferences')
            .set({ ...values, ...reset })
            .where('id', '=', id)
            .where('status', '=', 'planned')
            .executeTakeFirst(),
        );
      } else {
        const row = await trx
          .insertInto('village_conferences')
          .values({ ...values, village_id: villageId, commune_id: village.parent_id!, year, status: 'planned', created_by: actor.label, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = row.id;
      }
      // Decree 59 Art 10: the plan goes to the commune People's Committee, Front and People's Inspection
      // Board for agreement; those with an account there are told in the app.
      const recipients = await trx
        .selectFrom('role_grants')
        .select('user_id')
        .distinct()
        .where('unit_id', '=', village.parent_id!)
        .where('role', 'in', ['commune_chairman', 'commune_official', 'front_chairman', 'inspection_board_member'])
        .where('revoked_at', 'is', null)
        .execute();
      const params = { title: t('dialogue.notice.plan', { village: village.name }), body: `${formatDate(on)}: ${place}`, link: `/village-conferences/${id}` };
      for (const r of recipients) await enqueue(trx, { channel: 'in_app', recipient: String(r.user_id), template: 'notice', params }, deps.clock.now());
      await appendAudit(trx, deps.dialect, deps.clock.now(), actor, {
        action: existing ? 'dialogue.conference_plan_changed' : 'dialogue.conference_planned',
        entityType: 'village_conference',
        entityId: id,
        unitId: villageId,
        data: { conferenceOn: on, noticeOn: notice, planSentOn: sent },
      });
      return { ok: true as const, id };
    }),
  );
}

export type AgreementBody = 'committee' | 'front' | 'board';
const AGREE_ACTION = { committee: 'agreeAsCommittee', front: 'agreeAsFront', board: 'agreeAsBoard' } as const;

/** Decree 59 Art 10: the commune People's Committee, the Front and the People's Inspection Board each agree to the plan. */
export async function recordAgreement(
  deps: AppDeps,
  t: T,
  actor: Actor,
  id: number,
  input: { body: string; agreedOn: string },
): Promise<{ ok: true } | Failure> {
  const ctx = await loadConference(deps.db, id);
  if (!ctx) return { ok: false, reason: 'not_found' };
  const body = input.body as AgreementBody;
  if (!(body in AGREE_ACTION)) return { ok: false, reason: 'wrong_state' };
  if (!dialoguePolicy(actor, AGREE_ACTION[body], { unitPath: ctx.commune.path })) return { ok: false, reason: 'forbidden' };
  const e: FieldErrors = {};
  // Once recorded, an agreement stands: a second entry would overwrite the first without a trace on the page.
  const already = ctx.c[`${body}_agreed_on`];
  if (already) return invalid({ agreedOn: t('dialogue.err.alreadyAgreed', { date: formatDate(already) }) });
  const on = readDate(t, e, 'agreedOn', input.agreedOn, true);
  if (on && on > todayInVietnam(deps.clock.now())) e.agreedOn = t('dialogue.err.notFuture');
  if (on && on < ctx.c.plan_sent_on) e.agreedOn = t('dialogue.err.agreedBeforeSent');
  if (Object.keys(e).length || !on) return invalid(e);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const set =
      body === 'committee'
        ? { committee_agreed_on: on, committee_agreed_by: actor.label }
        : body === 'front'
          ? { front_agreed_on: on, front_agreed_by: actor.label }
          : { board_agreed_on: on, board_agreed_by: actor.label };
    await trx
      .updateTable('village_conferences')
      .set({ ...set, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'dialogue.conference_agreed',
      entityType: 'village_conference',
      entityId: id,
      unitId: ctx.village.id,
      data: { body, on },
    });
    return { ok: true as const };
  });
}
