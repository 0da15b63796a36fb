// The boards' work: plans (R-F4), activities with findings, evidence and recommendations whose 15-day
// clock starts on sending (R-F5), and answers by the commune or the agency head. An answer after the
// deadline is accepted and marked late: the law wants the answer, and the delay stays on record.
import type { AppDeps } from '../../../app-deps.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { workingCalendar } from '../../../platform/calendar/store.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { type Checked, insertFileRow, withStoredFiles } from '../../../platform/files/uploads.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import { answerDue, latestPlanNotice, planNoticeOk } from '../rules/boards.js';
import type { AnswerKind, PlanPeriod } from '../tables.js';
import {
  audit,
  boardWithCommune,
  invalid,
  mayAnswer,
  mayWork,
  notifyRoles,
  type Result,
  readDay,
  readText,
  refuse,
  rulesOn,
  today,
  updateAudited,
} from './common.js';

const PERIODS: readonly PlanPeriod[] = ['quarter', 'half_year', 'year', 'term', 'specific'];
export type PlanInput = { period: string; title: string; body: string; startsOn: string; endsOn: string; inspectedParty: string; notifiedOn: string };

export async function createPlan(deps: AppDeps, t: T, actor: Actor | null, boardId: number, input: PlanInput): Promise<Result<{ id: number }>> {
  const found = await boardWithCommune(deps.db, boardId);
  if (!found) return refuse('not_found');
  const { board, commune } = found;
  if (!(await mayWork(deps.db, actor, board, commune)) || !actor) return refuse('forbidden');
  if (board.status !== 'recognised' && board.status !== 'union_performs') return refuse('wrong_state');
  const e: FieldErrors = {};
  const period = PERIODS.find((p) => p === input.period);
  if (!period) e.period = t('oversight.err.choose');
  const title = readText(t, e, 'title', input.title, 300);
  const body = readText(t, e, 'body', input.body, 20000, false);
  const startsOn = readDay(t, e, 'startsOn', input.startsOn);
  const endsOn = readDay(t, e, 'endsOn', input.endsOn, false);
  if (startsOn && endsOn && endsOn < startsOn) e.endsOn = t('oversight.err.endBeforeStart');
  const specific = period === 'specific';
  const party = readText(t, e, 'inspectedParty', input.inspectedParty, 300, specific);
  const notifiedOn = readDay(t, e, 'notifiedOn', input.notifiedOn, specific);
  if (specific && startsOn && notifiedOn && !e.notifiedOn) {
    // R-F4 (Decree 59 Arts 14, 22(1)(b)): sent to the Front, the chairman and the inspected party ≥ 05 working days before.
    const r = rulesOn(startsOn);
    const cal = await workingCalendar(deps);
    if (!planNoticeOk(notifiedOn, startsOn, r, cal))
      e.notifiedOn = t('oversight.err.noticeLate', {
        days: r.planNoticeWorkingDays,
        latest: formatDate(latestPlanNotice(startsOn, r, cal)),
        start: formatDate(startsOn),
      });
    else if (notifiedOn > today(deps)) e.notifiedOn = t('oversight.err.future');
  }
  if (Object.keys(e).length || !period || !startsOn) return invalid(e);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('oversight_plans')
      .values({
        board_id: board.id,
        period,
        title,
        body,
        starts_on: startsOn,
        ends_on: endsOn,
        inspected_party: party || null,
        notified_on: notifiedOn,
        created_by: actor.userId,
        created_at: deps.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // R-F4: the plan goes to the Front and the chairman (the inspected party gets it on paper).
    if (specific)
      await notifyRoles(
        trx,
        board,
        board.agency_id ? ['union_head', 'agency_head'] : ['front_chairman', 'commune_chairman'],
        { title: t('oversight.notice.plan', { start: formatDate(startsOn) }), body: `${title} — ${party}`, link: `/oversight/boards/${board.id}` },
        deps.clock.now(),
      );
    await audit(trx, deps, actor, {
      action: 'oversight.plan.created',
      entityType: 'oversight_board',
      entityId: board.id,
      unitId: commune.id,
      data: { planId: row.id, period, startsOn, notifiedOn, inspectedParty: party || null },
    });
    return { ok: true, id: row.id };
  });
}

export type ActivityInput = {
  kind: string;
  subject: string;
  findings: string;
  heldOn: string;
  planId: string;
  feedbackCode: string;
  published: boolean;
  recommendations: { addressee: string; content: string }[];
  sentOn: string;
};

export async function recordActivity(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  boardId: number,
  input: ActivityInput,
  files: Checked[],
): Promise<Result<{ id: number }>> {
  const found = await boardWithCommune(deps.db, boardId);
  if (!found) return refuse('not_found');
  const { board, commune } = found;
  if (!(await mayWork(deps.db, actor, board, commune)) || !actor) return refuse('forbidden');
  if (board.status !== 'recognised' && board.status !== 'union_performs') return refuse('wrong_state');
  const e: FieldErrors = {};
  const kind = input.kind === 'inspection' || input.kind === 'supervision' ? input.kind : null;
  if (!kind) e.kind = t('oversight.err.choose');
  const subject = readText(t, e, 'subject', input.subject, 300);
  const findings = readText(t, e, 'findings', input.findings, 20000);
  const heldOn = readDay(t, e, 'heldOn', input.heldOn);
  if (heldOn && heldOn > today(deps)) e.heldOn = t('oversight.err.future');
  // Each slot of the form is checked by its own number, so the message lands next to its field.
  const slots = input.recommendations.map((x) => ({ addressee: x.addressee.trim(), content: x.content.trim() }));
  slots.forEach((x, i) => {
    if (!x.addressee && !x.content) return;
    if (!x.content) e[`rec${i}Content`] = t('oversight.err.required');
    if (!x.addressee) e[`rec${i}Addressee`] = t('oversight.err.required');
    if (x.content.length > 5000) e[`rec${i}Content`] = t('oversight.err.tooLong', { max: 5000 });
    if (x.addressee.length > 300) e[`rec${i}Addressee`] = t('oversight.err.tooLong', { max: 300 });
  });
  const recs = slots.filter((x) => x.addressee || x.content);
  const sentOn = recs.length ? readDay(t, e, 'sentOn', input.sentOn) : null;
  if (sentOn && heldOn && sentOn < heldOn) e.sentOn = t('oversight.err.sentBeforeHeld');
  if (sentOn && sentOn > today(deps)) e.sentOn = t('oversight.err.future');
  let planId: number | null = null;
  if (input.planId) {
    const p = await deps.db
      .selectFrom('oversight_plans')
      .select('id')
      .where('id', '=', Number(input.planId) || 0)
      .where('board_id', '=', board.id)
      .executeTakeFirst();
    if (!p) e.planId = t('oversight.err.choose');
    planId = p?.id ?? null;
  }
  // Issue 7 item 6: a resident's report the commune routed to the board (feedback's handler_board).
  let feedbackId: number | null = null;
  const code = input.feedbackCode.trim().toUpperCase();
  if (code) {
    const f = await deps.db
      .selectFrom('feedback_items')
      .select(['id', 'handler_board', 'handler_project_id'])
      .where('tracking_code', '=', code)
      .where('commune_id', '=', commune.id)
      .executeTakeFirst();
    // The report reached the commune's People's Inspection Board; a supervision board (which has the
    // inspection board's representative, Art 41(1)) may take up one about its project.
    if (f?.handler_board !== 1 || board.kind === 'agency_inspection') e.feedbackCode = t('oversight.err.feedbackCode');
    // A report routed to a project's supervision board (Art 45(3)) is taken up by that board only.
    else if (f.handler_project_id !== null && f.handler_project_id !== board.project_id) e.feedbackCode = t('oversight.err.feedbackProject');
    feedbackId = f?.id ?? null;
  }
  if (Object.keys(e).length || !kind || !heldOn) return invalid(e);
  const cal = await workingCalendar(deps);
  const iso = deps.clock.now().toISOString();
  return withStoredFiles(deps, files, (stored) =>
    deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('oversight_activities')
        .values({
          board_id: board.id,
          plan_id: planId,
          kind,
          subject,
          findings,
          held_on: heldOn,
          feedback_item_id: feedbackId,
          // An agency board's results stay inside the agency (Law Art 46: internal disclosure).
          published: input.published && board.kind !== 'agency_inspection' ? 1 : 0,
          created_by: actor.userId,
          created_at: iso,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Evidence goes into the platform's `files` table like every attachment; the links are this module's.
      for (const f of stored) {
        const fileId = await insertFileRow(trx, f, actor.userId, iso);
        await trx.insertInto('oversight_files').values({ activity_id: row.id, project_id: null, file_id: fileId }).execute();
      }
      const dues: string[] = [];
      for (const x of recs) {
        const due = answerDue(sentOn as string, rulesOn(sentOn as string), cal);
        dues.push(due);
        await trx
          .insertInto('oversight_recommendations')
          .values({
            activity_id: row.id,
            board_id: board.id,
            commune_id: commune.id,
            addressee: x.addressee,
            content: x.content,
            sent_on: sentOn as string,
            due_on: due,
            status: 'open',
            late: 0,
            created_at: iso,
          })
          .execute();
      }
      // R-F5: those who must answer learn of the recommendations (the 15 days run from receipt).
      if (recs.length)
        await notifyRoles(
          trx,
          board,
          board.agency_id ? ['agency_head'] : ['commune_chairman'],
          { title: t('oversight.notice.recs', { n: recs.length, due: formatDate(dues[0] as string) }), body: subject, link: `/oversight/activities/${row.id}` },
          deps.clock.now(),
        );
      await audit(trx, deps, actor, {
        action: 'oversight.activity.recorded',
        entityType: 'oversight_activity',
        entityId: row.id,
        unitId: commune.id,
        data: { boardId: board.id, kind, subject, heldOn, recommendations: recs.length, dues, files: stored.length, feedbackId },
      });
      return { ok: true as const, id: row.id };
    }),
  );
}

const KINDS: readonly AnswerKind[] = ['accepted', 'partly', 'rejected'];

/** The answer to one recommendation (R-F5). Partly or rejected needs the reason. */
export async function answerRecommendation(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  recId: number,
  input: { kind: string; text: string; answeredOn: string },
): Promise<Result<{ late: boolean; activityId: number }>> {
  const rec = await deps.db.selectFrom('oversight_recommendations').selectAll().where('id', '=', recId).executeTakeFirst();
  if (!rec) return refuse('not_found');
  const found = await boardWithCommune(deps.db, rec.board_id);
  if (!found) return refuse('not_found');
  if (!actor || !mayAnswer(actor, found.board, found.commune)) return refuse('forbidden');
  if (rec.status !== 'open') return refuse('wrong_state');
  const e: FieldErrors = {};
  const kind = KINDS.find((k) => k === input.kind);
  if (!kind) e.kind = t('oversight.err.choose');
  const text = readText(t, e, 'text', input.text, 10000, kind !== 'accepted');
  if (kind && kind !== 'accepted' && !text) e.text = t('oversight.err.reasonRequired');
  const on = readDay(t, e, 'answeredOn', input.answeredOn);
  if (on && on > today(deps)) e.answeredOn = t('oversight.err.future');
  if (on && on < rec.sent_on) e.answeredOn = t('oversight.err.beforeSent', { sent: formatDate(rec.sent_on) });
  if (!kind || !on || Object.keys(e).length) return invalid(e);
  const late = on > rec.due_on;
  return deps.db.transaction().execute(async (trx): Promise<Result<{ late: boolean; activityId: number }>> => {
    const changed = await updateAudited(
      trx,
      deps,
      actor,
      trx
        .updateTable('oversight_recommendations')
        .set({ status: 'answered', answer_kind: kind, answer_text: text || null, answered_on: on, answered_by: actor.userId, late: late ? 1 : 0 })
        .where('id', '=', rec.id)
        .where('status', '=', 'open'),
      {
        action: 'oversight.recommendation.answered',
        entityType: 'oversight_activity',
        entityId: rec.activity_id,
        unitId: rec.commune_id,
        data: { recommendationId: rec.id, kind, answeredOn: on, dueOn: rec.due_on, late },
      },
    );
    if (!changed) return refuse('wrong_state');
    return { ok: true, late, activityId: rec.activity_id };
  });
}
