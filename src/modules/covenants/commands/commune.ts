// The commune's part after recognition (Decree 61/2023 Arts 11(3), 12, 14, 15, 24; R-E3, R-E5):
// sending and publication, a written report of defects answered, suspension with its deadline,
// correction, annulment, and entering covenants adopted before the Law (Law Art 91(3)). Recognition
// itself is decisions' recognise command on the covenant's vote (R-A14): it is not built twice.
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { readDate } from '../../../platform/http/forms.js';
import type { T } from '../../../platform/i18n/index.js';
import { expectUpdated, type Failure, invalid, isFailure, orStale } from '../../../platform/results.js';
import { splitArticles } from '../../consultation/rules/articles.js';
import { annulMatter } from '../../decisions/commands/annul.js';
import { VILLAGE_LEVELS } from '../../units/levels.js';
import { unitById } from '../../units/units.repo.js';
import { covenantsPolicy } from '../covenants.policy.js';
import { annulmentEligible, CHANNELS, LAW_IN_FORCE, publicationComplete } from '../rules/cycle.js';
import { type Loaded, loadFor, type Ok } from './common.js';

type Audit = { action: string; data: Record<string, unknown> };
async function change(deps: AppDeps, actor: Actor, c: Loaded, set: Record<string, string | null>, audit: Audit, guard?: (trx: Conn) => Promise<void>) {
  const now = deps.clock.now();
  return orStale(() =>
    deps.db.transaction().execute(async (trx) => {
      expectUpdated(
        await trx
          .updateTable('covenants')
          .set({ ...set, updated_at: now.toISOString() })
          .where('id', '=', c.covenant.id)
          .where('updated_at', '=', c.covenant.updated_at)
          .executeTakeFirst(),
      );
      if (guard) await guard(trx);
      await appendAudit(trx, deps.dialect, now, actor, {
        action: audit.action,
        entityType: 'covenant',
        entityId: c.covenant.id,
        unitId: c.village.id,
        data: audit.data,
      });
      return { ok: true as const, id: c.covenant.id };
    }),
  );
}

/** A date typed in a form: required, not in the future, not before `after` (with its message key). */
function dateIn(t: T, e: FieldErrors, name: string, text: string, today: string, after?: string | null) {
  const d = readDate(t, e, name, text, true);
  if (d && d > today) e[name] = t('decisions.core.err.notFuture');
  else if (d && after && d < after) e[name] = t('covenants.err.beforeStart');
  return d;
}

/** R-E3 (Art 11(3)) and Art 15: sent to the village head and the Front; published at the cultural
 * house and through at least one more channel. Late sending is recorded and shown late, not refused. */
export async function recordPublication(
  deps: AppDeps,
  t: T,
  actor: Actor,
  id: number,
  input: { sentOn: string; publishedOn: string; channels: string[] },
): Promise<Ok | Failure> {
  const c = await loadFor(deps, actor, id, 'commune');
  if (isFailure(c)) return c;
  if (c.status !== 'in_force' || !c.inForceFrom) return { ok: false, reason: 'wrong_state' };
  const e: FieldErrors = {};
  const sentOn = dateIn(t, e, 'sentOn', input.sentOn, c.today, c.inForceFrom);
  const publishedOn = dateIn(t, e, 'publishedOn', input.publishedOn, c.today, c.inForceFrom);
  const channels = [...new Set(input.channels)].filter((x) => (CHANNELS as readonly string[]).includes(x));
  if (!publicationComplete(channels)) e.channels = t('covenants.err.channels');
  if (Object.keys(e).length) return invalid(e);
  return change(
    deps,
    actor,
    c,
    { sent_on: sentOn, published_on: publishedOn, channels: JSON.stringify(channels) },
    { action: 'covenants.published', data: { sentOn, publishedOn, channels } },
  );
}

/** R-E5 (Arts 12, 14): a written report that the covenant is unlawful or against good customs. */
export async function receiveReport(deps: AppDeps, t: T, actor: Actor, id: number, input: { receivedOn: string; text: string }): Promise<Ok | Failure> {
  const c = await loadFor(deps, actor, id, 'commune');
  if (isFailure(c)) return c;
  if (!['in_force', 'suspended'].includes(c.status) || (c.covenant.report_received_on && !c.covenant.answered_on && !c.covenant.corrected_on))
    return { ok: false, reason: 'wrong_state' };
  const e: FieldErrors = {};
  const receivedOn = dateIn(t, e, 'receivedOn', input.receivedOn, c.today, c.inForceFrom);
  const text = input.text.trim().slice(0, 5000);
  if (!text) e.text = t('covenants.err.reportText');
  if (Object.keys(e).length) return invalid(e);
  return change(
    deps,
    actor,
    c,
    {
      report_received_on: receivedOn,
      report_text: text,
      answered_on: null,
      answer_text: null,
      suspended_on: null,
      suspension_deadline: null,
      suspension_reason: null,
      corrected_on: null,
    },
    { action: 'covenants.report_received', data: { receivedOn } },
  );
}

export type DefectInput = { decision: string; on: string; reason: string; deadline: string };

/** R-E5: answer the report (no defect), suspend with a deadline for correction, or record the correction. */
export async function actOnReport(deps: AppDeps, t: T, actor: Actor, id: number, input: DefectInput): Promise<Ok | Failure> {
  const c = await loadFor(deps, actor, id, 'commune');
  if (isFailure(c)) return c;
  const cv = c.covenant;
  if (!cv.report_received_on || cv.answered_on || cv.annulled_on) return { ok: false, reason: 'wrong_state' };
  const e: FieldErrors = {};
  const decision = ['answer', 'suspend', 'corrected'].includes(input.decision) ? input.decision : null;
  if (!decision) e.decision = t('covenants.err.decision');
  const on = dateIn(t, e, 'on', input.on, c.today, cv.report_received_on);
  const reason = input.reason.trim().slice(0, 5000);
  if (!reason) e.reason = t('covenants.err.reason');
  if (decision === 'suspend' && cv.suspended_on) e.decision = t('covenants.err.alreadySuspended');
  if (decision === 'corrected' && (!cv.suspended_on || cv.corrected_on)) e.decision = t('covenants.err.notSuspended');
  let deadline: string | null = null;
  if (decision === 'suspend') {
    deadline = readDate(t, e, 'deadline', input.deadline, true);
    if (deadline && on && deadline <= on) e.deadline = t('covenants.err.deadline');
  }
  if (Object.keys(e).length || !decision) return invalid(e);
  const set: Record<string, string | null> =
    decision === 'answer'
      ? { answered_on: on, answer_text: reason }
      : decision === 'suspend'
        ? { suspended_on: on, suspension_deadline: deadline, suspension_reason: reason }
        : { corrected_on: on, answered_on: on, answer_text: reason };
  return change(deps, actor, c, set, { action: `covenants.report_${decision}`, data: { on, deadline, reason } });
}

/** R-E5 (Art 14): annulment by the commune chairman; for a covenant decided through decisions, its
 * matter is annulled by decisions' own command in the same transaction (Law Art 22). */
export async function annulCovenant(deps: AppDeps, t: T, actor: Actor, id: number, input: { on: string; reason: string }): Promise<Ok | Failure> {
  const c = await loadFor(deps, actor, id, 'annul');
  if (isFailure(c)) return c;
  if (!['in_force', 'suspended'].includes(c.status)) return { ok: false, reason: 'wrong_state' };
  const e: FieldErrors = {};
  const on = dateIn(t, e, 'on', input.on, c.today, c.covenant.report_received_on ?? c.inForceFrom);
  const reason = input.reason.trim().slice(0, 5000);
  if (!reason) e.reason = t('covenants.err.reason');
  // Art 14: on a report, or once a suspension's deadline passed without correction.
  if (!c.covenant.report_received_on && !annulmentEligible(c.covenant, c.today)) e.on = t('covenants.err.noGround');
  if (Object.keys(e).length || !on) return invalid(e);
  const set = { annulled_on: on, annul_reason: reason, answered_on: on, answer_text: reason };
  if (!c.matter) return change(deps, actor, c, set, { action: 'covenants.annulled', data: { on, reason } });
  let result: Ok | Failure = { ok: true, id };
  const r = await annulMatter(deps, t, actor, c.matter.id, { ground: 'unlawful', reason }, async (trx) => {
    const now = deps.clock.now();
    expectUpdated(
      await trx
        .updateTable('covenants')
        .set({ ...set, updated_at: now.toISOString() })
        .where('id', '=', id)
        .where('annulled_on', 'is', null)
        .executeTakeFirst(),
    );
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'covenants.annulled',
      entityType: 'covenant',
      entityId: id,
      unitId: c.village.id,
      data: { on, reason },
    });
  });
  if (!r.ok) result = r;
  return result;
}

export type TransitionalInput = { title: string; adoptedOn: string; recognisedOn: string; recognitionNumber: string; text: string; history: string };

/** Law Art 91(3); Decree 61 Art 24: a covenant adopted and recognised before 1 July 2023 stays valid;
 * it is entered with its text and history, without a new vote. */
export async function enterTransitional(deps: AppDeps, t: T, actor: Actor, villageId: number, input: TransitionalInput): Promise<Ok | Failure> {
  const village = await unitById(deps.db, villageId);
  if (!village || !VILLAGE_LEVELS.includes(village.level)) return { ok: false, reason: 'not_found' };
  if (!covenantsPolicy(actor, 'commune', { unitPath: village.path })) return { ok: false, reason: 'forbidden' };
  const e: FieldErrors = {};
  const title = input.title.trim();
  if (!title || title.length > 300) e.title = t('covenants.err.title');
  const adoptedOn = readDate(t, e, 'adoptedOn', input.adoptedOn, true);
  if (adoptedOn && adoptedOn >= LAW_IN_FORCE) e.adoptedOn = t('covenants.err.notTransitional');
  const recognisedOn = readDate(t, e, 'recognisedOn', input.recognisedOn, true);
  if (recognisedOn && adoptedOn && recognisedOn < adoptedOn) e.recognisedOn = t('covenants.err.beforeStart');
  if (recognisedOn && recognisedOn > todayInVietnam(deps.clock.now())) e.recognisedOn = t('decisions.core.err.notFuture');
  const text = input.text.trim();
  if (!text || splitArticles(text).every((a) => a.position === 0)) e.text = t('covenants.err.text');
  if (Object.keys(e).length) return invalid(e);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('covenants')
      .values({
        unit_id: village.id,
        title,
        origin: 'transitional',
        kind: 'new',
        adopted_on: adoptedOn,
        recognised_on: recognisedOn,
        recognition_number: input.recognitionNumber.trim().slice(0, 100) || null,
        history: input.history.trim().slice(0, 20000) || null,
        created_by: actor.userId,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('covenant_versions')
      .values({ covenant_id: row.id, number: 1, text, note: t('covenants.transitionalNote'), created_by: actor.userId, created_at: now.toISOString() })
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'covenants.transitional_entered',
      entityType: 'covenant',
      entityId: row.id,
      unitId: village.id,
      data: { adoptedOn, recognisedOn },
    });
    return { ok: true as const, id: row.id };
  });
}
