// The agency's staff count, its annual staff conference or staff-wide ballot (Law 10/2022 Arts 50–51;
// R-G3), the matters staff decide there with their votes (Art 49), and the six-monthly reviews of the
// resolution (Art 52(3)). Each command checks the policy, validates, runs in one transaction with its
// audit entry, and returns field errors for the form.
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { readCount, readDate } from '../../../platform/http/forms.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import { type Failure, invalid } from '../../../platform/results.js';
import { formProblem, isLate, passNeeded, quorumNeeded, WORKPLACE_RULES, workYearEnd } from '../rules/conference.js';
import type { WorkplaceConference } from '../tables.js';
import { type Holder, may, readText } from './common.js';

type Ok = { ok: true; id: number };

/** The staff count in force on `date`: the latest counted on or before it. */
export async function staffOn(db: Conn, agencyId: number, date: string): Promise<{ staff: number; counted_on: string } | undefined> {
  return db
    .selectFrom('workplace_staff_counts')
    .select(['staff', 'counted_on'])
    .where('agency_id', '=', agencyId)
    .where('counted_on', '<=', date)
    .orderBy('counted_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function recordStaffCount(deps: AppDeps, t: T, actor: Actor, h: Holder, input: { staff: string; countedOn: string }): Promise<Ok | Failure> {
  if (!h.agency || !may(actor, h, 'recordConference')) return { ok: false, reason: 'forbidden' };
  const now = deps.clock.now();
  const e: FieldErrors = {};
  const staff = readCount(t, e, 'staff', input.staff);
  if (staff === 0) e.staff = t('workplace.err.staffZero');
  const countedOn = readDate(t, e, 'countedOn', input.countedOn, true);
  if (countedOn && countedOn > todayInVietnam(now)) e.countedOn = t('workplace.err.future');
  if (Object.keys(e).length || !staff || !countedOn) return invalid(e);
  const agencyId = h.agency.id;
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('workplace_staff_counts')
      .values({ agency_id: agencyId, staff, counted_on: countedOn, recorded_by: actor.label, created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'workplace.staff_counted',
      entityType: 'agency',
      entityId: agencyId,
      unitId: h.unit.id,
      data: { staff, countedOn },
    });
    return { ok: true as const, id: row.id };
  });
}

export type ConferenceInput = {
  workYear: string;
  heldOn: string;
  form: string;
  convocation: string;
  delegates: string;
  present: string;
  outcome: string;
  dispersed: boolean;
  forceMajeure: boolean;
  agenda: string;
};
export const emptyConference = (year: number): ConferenceInput => ({
  workYear: String(year),
  heldOn: '',
  form: 'plenary',
  convocation: '1',
  delegates: '',
  present: '',
  outcome: 'valid',
  dispersed: false,
  forceMajeure: false,
  // Art 51(3)–(4): what the conference covers.
  agenda: '',
});

export async function recordConference(deps: AppDeps, t: T, actor: Actor, h: Holder, input: ConferenceInput): Promise<(Ok & { late: boolean }) | Failure> {
  if (!h.agency || !may(actor, h, 'recordConference')) return { ok: false, reason: 'forbidden' };
  const agencyId = h.agency.id;
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  const e: FieldErrors = {};
  const workYear = Number(input.workYear);
  if (!Number.isInteger(workYear) || workYear < 2023 || workYear > Number(today.slice(0, 4))) e.workYear = t('workplace.err.workYear');
  const heldOn = readDate(t, e, 'heldOn', input.heldOn, true);
  if (heldOn && heldOn > today) e.heldOn = t('workplace.err.future');
  // Art 51(1): held after the work year ends.
  else if (heldOn && !e.workYear && heldOn <= workYearEnd(workYear))
    e.heldOn = t('workplace.err.beforeWorkYearEnds', { date: formatDate(workYearEnd(workYear)) });
  const form = (['plenary', 'delegates', 'ballot'] as const).find((f) => f === input.form);
  if (!form) e.form = t('workplace.err.required');
  const convocation = input.convocation === '2' ? 2 : 1;
  const outcome = form === 'ballot' ? 'valid' : input.outcome === 'no_quorum' ? 'no_quorum' : 'valid';
  const present = readCount(t, e, 'present', input.present);
  const agenda = readText(t, e, 'agenda', input.agenda, 5000, outcome === 'valid');
  const staffRow = heldOn ? await staffOn(deps.db, agencyId, heldOn) : undefined;
  if (heldOn && !staffRow) e.heldOn = t('workplace.err.noStaffCount');
  if (Object.keys(e).length || !heldOn || !form || present === null || !staffRow) return invalid(e);
  const staff = staffRow.staff;
  const failedSecond = await deps.db
    .selectFrom('workplace_conferences')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('work_year', '=', workYear)
    .where('outcome', '=', 'no_quorum')
    .where('convocation', '=', 2)
    .executeTakeFirst();
  const problem = formProblem(
    { form, staff, dispersed: input.dispersed, forceMajeure: input.forceMajeure, failedSecondConvocation: !!failedSecond },
    WORKPLACE_RULES,
  );
  if (problem) return invalid({ form: t(`workplace.err.${problem}`, { staff, from: WORKPLACE_RULES.delegatesFrom }) });
  // Art 51(2): the base is all staff, or the delegates convened; a ballot goes to all staff (Art 50).
  let base = staff;
  if (form === 'delegates') {
    const d = readCount(t, e, 'delegates', input.delegates);
    if (d === 0 || (d !== null && d > staff)) e.delegates = t('workplace.err.delegatesRange', { staff });
    if (Object.keys(e).length || !d) return invalid(e);
    base = d;
  }
  if (present > base) return invalid({ present: t('workplace.err.presentOverBase', { base }) });
  const needed = quorumNeeded(base);
  if (form !== 'ballot') {
    // R-G3 (Art 51(2)): valid only with at least two thirds present.
    if (outcome === 'valid' && present < needed) return invalid({ present: t('workplace.err.belowQuorum', { present, base, needed }) });
    if (outcome === 'no_quorum' && present >= needed) return invalid({ outcome: t('workplace.err.quorumReached', { present, needed }) });
  }
  const late = outcome === 'valid' && isLate(workYear, heldOn);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('workplace_conferences')
      .values({
        agency_id: agencyId,
        work_year: workYear,
        held_on: heldOn,
        form,
        convocation,
        staff,
        base,
        present,
        outcome,
        force_majeure: input.forceMajeure ? 1 : 0,
        dispersed: input.dispersed ? 1 : 0,
        agenda,
        late: late ? 1 : 0,
        recorded_by: actor.label,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'workplace.conference_recorded',
      entityType: 'staff_conference',
      entityId: row.id,
      unitId: h.unit.id,
      data: { agencyId, workYear, heldOn, form, convocation, staff, base, present, needed, outcome, late },
    });
    return { ok: true as const, id: row.id, late };
  });
}

export const DECISION_MATTERS = ['resolution', 'board', 'contributions', 'other'] as const;

/** Art 49 with Art 51(2): a matter passes with more than half of those attending (a ballot: of all staff). */
export async function recordDecision(
  deps: AppDeps,
  t: T,
  actor: Actor,
  h: Holder,
  c: WorkplaceConference,
  input: { matter: string; title: string; votesFor: string },
): Promise<(Ok & { adopted: boolean; needed: number; base: number }) | Failure> {
  if (!h.agency || !may(actor, h, 'recordConference')) return { ok: false, reason: 'forbidden' };
  if (c.outcome !== 'valid') return invalid({ votesFor: t('workplace.err.conferenceNotValid') });
  const now = deps.clock.now();
  const e: FieldErrors = {};
  const matter = DECISION_MATTERS.find((m) => m === input.matter);
  if (!matter) e.matter = t('workplace.err.required');
  const title = readText(t, e, 'title', input.title, 300);
  const votes = readCount(t, e, 'votesFor', input.votesFor);
  const base = c.form === 'ballot' ? c.staff : c.present;
  if (votes !== null && votes > base) e.votesFor = t('workplace.err.votesOverBase', { base });
  if (Object.keys(e).length || !matter || votes === null) return invalid(e);
  const needed = passNeeded(base);
  const adopted = votes >= needed;
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('workplace_decisions')
      .values({ conference_id: c.id, matter, title, votes_for: votes, base, needed, adopted: adopted ? 1 : 0, created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'workplace.decision_recorded',
      entityType: 'staff_conference',
      entityId: c.id,
      unitId: h.unit.id,
      data: { decisionId: row.id, matter, title, votesFor: votes, base, needed, adopted },
    });
    return { ok: true as const, id: row.id, adopted, needed, base };
  });
}

/** Art 52(3): every 06 months the head and union review implementation and tell all staff the result. */
export async function recordReview(
  deps: AppDeps,
  t: T,
  actor: Actor,
  h: Holder,
  c: WorkplaceConference,
  input: { reviewedOn: string; result: string; toldStaffOn: string },
): Promise<Ok | Failure> {
  if (!h.agency || !may(actor, h, 'recordConference')) return { ok: false, reason: 'forbidden' };
  if (c.outcome !== 'valid') return { ok: false, reason: 'wrong_state' };
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  const e: FieldErrors = {};
  const reviewedOn = readDate(t, e, 'reviewedOn', input.reviewedOn, true);
  if (reviewedOn && (reviewedOn > today || reviewedOn < c.held_on)) e.reviewedOn = t('workplace.err.reviewDate', { date: formatDate(c.held_on) });
  const toldStaffOn = readDate(t, e, 'toldStaffOn', input.toldStaffOn, true);
  if (toldStaffOn && reviewedOn && (toldStaffOn < reviewedOn || toldStaffOn > today)) e.toldStaffOn = t('workplace.err.toldDate');
  const result = readText(t, e, 'result', input.result, 5000);
  if (Object.keys(e).length || !reviewedOn || !toldStaffOn) return invalid(e);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('workplace_reviews')
      .values({ conference_id: c.id, reviewed_on: reviewedOn, result, told_staff_on: toldStaffOn, created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'workplace.review_recorded',
      entityType: 'staff_conference',
      entityId: c.id,
      unitId: h.unit.id,
      data: { reviewedOn, toldStaffOn },
    });
    return { ok: true as const, id: row.id };
  });
}
