// Dialogue conferences (Law 10/2022 Art 32; R-G2) and leaders' dialogues with staff (Art 59(1)(b)):
// schedule, record the conference, publish the minutes. Each command checks the policy, validates,
// runs in one transaction with its audit entry, and returns field errors for the form.
import type { AppDeps } from '../../../app-deps.js';
import type { Unit } from '../../../db/types.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { readDate, readInstant } from '../../../platform/http/forms.js';
import type { T } from '../../../platform/i18n/index.js';
import { expectUpdated, type Failure, invalid, orStale } from '../../../platform/results.js';
import { dialoguePolicy } from '../dialogue.policy.js';
import { yearInVietnam } from '../rules/yearly.js';
import { loadDialogue, mayDialogue } from './load.js';

export type ScheduleInput = { topic: string; place: string; date: string; time: string; coOrganiser: string };
export const emptySchedule = (agency: boolean): ScheduleInput => ({
  topic: '',
  place: '',
  date: '',
  time: '08:00',
  // Art 32: with the commune Front; Art 59(1)(b): in an agency, with its trade union.
  coOrganiser: agency ? 'Ban Chấp hành Công đoàn cơ sở' : 'Ủy ban Mặt trận Tổ quốc Việt Nam xã',
});

/** Text typed in a form: trimmed, with a message when required and empty or too long. */
export function readText(t: T, e: FieldErrors, name: string, value: string, opts: { required?: string; max: number }): string {
  const s = value.trim();
  if (!s && opts.required) e[name] = t(opts.required as Parameters<T>[0]);
  else if (s.length > opts.max) e[name] = t('dialogue.err.tooLong', { max: opts.max });
  return s;
}

export async function scheduleDialogue(
  deps: AppDeps,
  t: T,
  actor: Actor,
  scope: { unit: Unit; agencyId: number | null },
  input: ScheduleInput,
): Promise<{ ok: true; id: number } | Failure> {
  const res = { unitPath: scope.unit.path, agencyId: scope.agencyId };
  if (!dialoguePolicy(actor, scope.agencyId ? 'manageAgency' : 'manage', res)) return { ok: false, reason: 'forbidden' };
  const e: FieldErrors = {};
  const topic = readText(t, e, 'topic', input.topic, { required: 'dialogue.err.topicRequired', max: 300 });
  const place = readText(t, e, 'place', input.place, { required: 'dialogue.err.placeRequired', max: 300 });
  const coOrganiser = readText(t, e, 'coOrganiser', input.coOrganiser, { required: 'dialogue.err.coOrganiserRequired', max: 300 });
  const startsAt = readInstant(t, e, 'date', input.date, input.time);
  if (Object.keys(e).length || !startsAt) return invalid(e);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('dialogues')
      .values({
        unit_id: scope.unit.id,
        agency_id: scope.agencyId,
        topic,
        place,
        starts_at: startsAt,
        year: yearInVietnam(startsAt),
        co_organiser: coOrganiser,
        status: 'scheduled',
        created_by: actor.label,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'dialogue.scheduled',
      entityType: 'dialogue',
      entityId: row.id,
      unitId: scope.unit.id,
      data: { topic, place, startsAt, coOrganiser, agencyId: scope.agencyId },
    });
    return { ok: true as const, id: row.id };
  });
}

export type HeldInput = { heldOn: string; attendance: string };

/** The conference took place (R-G2 counts it for its year). */
export async function recordDialogueHeld(deps: AppDeps, t: T, actor: Actor, id: number, input: HeldInput): Promise<{ ok: true } | Failure> {
  const ctx = await loadDialogue(deps.db, id);
  if (!ctx) return { ok: false, reason: 'not_found' };
  if (!mayDialogue(actor, ctx, 'manage')) return { ok: false, reason: 'forbidden' };
  if (ctx.d.status !== 'scheduled') return { ok: false, reason: 'wrong_state' };
  const e: FieldErrors = {};
  const today = todayInVietnam(deps.clock.now());
  const heldOn = readDate(t, e, 'heldOn', input.heldOn, true);
  if (heldOn && heldOn > today) e.heldOn = t('dialogue.err.heldFuture');
  // R-G2 counts a dialogue for the year it was scheduled in; one held in another year is a new dialogue.
  else if (heldOn && Number(heldOn.slice(0, 4)) !== ctx.d.year) e.heldOn = t('dialogue.err.heldOtherYear', { year: ctx.d.year });
  const attendance = readText(t, e, 'attendance', input.attendance, { max: 2000 });
  if (Object.keys(e).length || !heldOn) return invalid(e);
  const now = deps.clock.now();
  return orStale(() =>
    deps.db.transaction().execute(async (trx) => {
      expectUpdated(
        await trx
          .updateTable('dialogues')
          .set({ status: 'held', held_on: heldOn, attendance: attendance || null, updated_at: now.toISOString() })
          .where('id', '=', id)
          .where('status', '=', 'scheduled')
          .executeTakeFirst(),
      );
      await appendAudit(trx, deps.dialect, now, actor, {
        action: 'dialogue.held',
        entityType: 'dialogue',
        entityId: id,
        unitId: ctx.d.unit_id,
        data: { heldOn },
      });
      return { ok: true as const };
    }),
  );
}

/** The minutes, published once: nothing in them is refused; before the conference is recorded as held they cannot exist. */
export async function publishMinutes(deps: AppDeps, t: T, actor: Actor, id: number, input: { minutes: string }): Promise<{ ok: true } | Failure> {
  const ctx = await loadDialogue(deps.db, id);
  if (!ctx) return { ok: false, reason: 'not_found' };
  if (!mayDialogue(actor, ctx, 'manage')) return { ok: false, reason: 'forbidden' };
  const e: FieldErrors = {};
  if (ctx.d.minutes_published_at) return invalid({ minutes: t('dialogue.err.minutesPublished') });
  if (ctx.d.status !== 'held') return invalid({ minutes: t('dialogue.err.minutesBeforeHeld') });
  const minutes = readText(t, e, 'minutes', input.minutes, { required: 'dialogue.err.minutesEmpty', max: 50_000 });
  if (Object.keys(e).length) return invalid(e);
  const now = deps.clock.now();
  return orStale(() =>
    deps.db.transaction().execute(async (trx) => {
      expectUpdated(
        await trx
          .updateTable('dialogues')
          .set({ minutes, minutes_published_at: now.toISOString(), minutes_published_by: actor.label, updated_at: now.toISOString() })
          .where('id', '=', id)
          .where('status', '=', 'held')
          .where('minutes_published_at', 'is', null)
          .executeTakeFirst(),
      );
      await appendAudit(trx, deps.dialect, now, actor, {
        action: 'dialogue.minutes_published',
        entityType: 'dialogue',
        entityId: id,
        unitId: ctx.d.unit_id,
        data: { length: minutes.length },
      });
      return { ok: true as const };
    }),
  );
}
