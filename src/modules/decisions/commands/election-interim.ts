// An interim village head while the post is vacant (Decree 59/2023 Art 9: after a dismissal the
// commune People's Committee, in agreement with the commune Front, appoints one until the new
// election; R-B3), for at most the province's interim limit (6 months, reported from Decree
// 185/2026 [U]; src/law/province-profile.ts). And the daily end of terms that ran out.
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { daysBetween, todayInVietnam } from '../../../platform/calendar/calendar.js';
import { addMonths } from '../../../platform/calendar/periods.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import {
  accountFor,
  activeTerms,
  auditActor,
  type ElectionFailure,
  endTerms,
  fieldErrors,
  grantOffice,
  headInOffice,
  mayManage,
  placeOfVillage,
  profileOf,
  readDay,
  residentsQuery,
} from './election-common.js';

export type InterimInput = { residentId: string; startsOn: string; endsOn: string; frontAgreedBy: string; frontAgreedOn: string };
export type InterimResult = { ok: true; termId: number; endsOn: string } | ElectionFailure;

export async function appointInterim(deps: AppDeps, t: T, actor: Actor, villageId: number, input: InterimInput): Promise<InterimResult> {
  const now = deps.clock.now();
  const iso = now.toISOString();
  const today = todayInVietnam(now);
  return deps.db.transaction().execute(async (trx): Promise<InterimResult> => {
    const place = await placeOfVillage(trx, villageId);
    if (!place) return { ok: false, reason: 'not_found' };
    if (!mayManage(actor, place.village)) return { ok: false, reason: 'forbidden' };
    const e: FieldErrors = {};
    const id = input.residentId.trim();
    const resident = /^\d{1,9}$/.test(id) ? await residentsQuery(trx, villageId, today).where('r.id', '=', Number(id)).executeTakeFirst() : undefined;
    if (!resident) e.residentId = t(id ? 'decisions.election.err.candidateNotResident' : 'decisions.election.err.residentRequired');
    const startsOn = readDay(t, e, 'startsOn', input.startsOn, true);
    const endsOn = readDay(t, e, 'endsOn', input.endsOn, true);
    const agreedBy = input.frontAgreedBy.trim().replace(/\s+/g, ' ');
    if (!agreedBy) e.frontAgreedBy = t('decisions.election.err.frontAgreementRequired');
    else if (agreedBy.length > 120) e.frontAgreedBy = t('decisions.election.err.nameTooLong');
    const agreedOn = readDay(t, e, 'frontAgreedOn', input.frontAgreedOn, true);
    if (startsOn && daysBetween(today, startsOn) > 0) e.startsOn = t('decisions.election.err.notFuture');
    if (agreedOn && startsOn && daysBetween(startsOn, agreedOn) > 0) e.frontAgreedOn = t('decisions.election.err.agreementAfterStart');
    const max = (await profileOf(trx, place.village)).interimMaxMonths;
    if (startsOn && endsOn) {
      const latest = addMonths(startsOn, max);
      if (daysBetween(startsOn, endsOn) < 0 || daysBetween(today, endsOn) < 0) e.endsOn = t('decisions.election.err.interimEndsBefore');
      else if (daysBetween(endsOn, latest) < 0) e.endsOn = t('decisions.election.err.interimTooLong', { months: max, latest: formatDate(latest) });
    }
    if (await headInOffice(trx, villageId)) e.residentId = t('decisions.election.err.headInOffice');
    if (Object.keys(e).length || !resident || !startsOn || !endsOn || !agreedOn) return fieldErrors(e);
    // A new interim replaces an earlier one.
    const ended = await endTerms(trx, await activeTerms(trx, villageId, 'village_head'), startsOn, actor.userId, iso);
    const dismissal = await trx
      .selectFrom('matters as m')
      .innerJoin('elections as el', 'el.matter_id', 'm.id')
      .select('m.id')
      .where('m.unit_id', '=', villageId)
      .where('m.kind', '=', 'dismissal')
      .where('m.position', '=', 'village_head')
      .where('el.new_election_due', 'is not', null)
      .orderBy('m.id', 'desc')
      .executeTakeFirst();
    const acc = await accountFor(trx, resident, iso);
    const grantId = await grantOffice(trx, acc.userId, 'village_head', villageId, actor.userId, iso);
    const term = await trx
      .insertInto('office_terms')
      .values({
        unit_id: villageId,
        position: 'village_head',
        resident_id: resident.id,
        user_id: acc.userId,
        interim: 1,
        matter_id: dismissal?.id ?? null,
        starts_on: startsOn,
        ends_on: endsOn,
        grant_id: grantId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps.dialect, now, auditActor(actor), {
      action: 'decisions.election.interim_appointed',
      entityType: 'office_term',
      entityId: term.id,
      unitId: villageId,
      data: {
        residentId: resident.id,
        startsOn,
        endsOn,
        frontAgreedBy: agreedBy,
        frontAgreedOn: agreedOn,
        dismissalMatterId: dismissal?.id ?? null,
        userId: acc.userId,
        account: acc.account,
        canSignIn: acc.canSignIn,
        grantId,
        endedTerms: ended.termIds,
        revokedGrants: ended.grantIds,
      },
    });
    return { ok: true, termId: term.id, endsOn };
  });
}

/** Terms whose last day (ends_on) has passed end that day and lose their role: an interim head after
 * at most 6 months, a village head at the end of the term (R-B4). Run daily by the server; returns how
 * many terms ended. */
export async function endExpiredTerms(deps: AppDeps): Promise<number> {
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  return deps.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('office_terms')
      .select(['id', 'grant_id', 'ends_on', 'unit_id'])
      .where('ended_on', 'is', null)
      .where('ends_on', 'is not', null)
      .where('ends_on', '<', today)
      .execute();
    const ended = [];
    for (const x of due) {
      const r = await endTerms(trx, [x], x.ends_on as string, null, now.toISOString());
      ended.push({ termId: x.id, unitId: x.unit_id, endedOn: x.ends_on, revokedGrants: r.grantIds });
    }
    if (ended.length)
      await appendAudit(trx, deps.dialect, now, null, {
        action: 'decisions.office.terms_expired',
        entityType: 'office_term',
        entityId: 'expired',
        data: { ended },
      });
    return ended.length;
  });
}
