// Residents' initiative (Law 10/2022 Art 16(3); R-A15): households consent online or on paper; the
// matter goes to the community at ≥ 10 % of households with valid consents (each lasts 3 months), or
// when the village's Front work committee approves it.
import type { AppDeps } from '../../../app-deps.js';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { readDate } from '../../../platform/http/forms.js';
import type { T } from '../../../platform/i18n/index.js';
import { type Failure, invalid, isFailure } from '../../../platform/results.js';
import { unitById } from '../../units/units.repo.js';
import { type DecisionsAction, decisionsPolicy } from '../decisions.policy.js';
import * as repo from '../decisions.repo.js';
import { initiativeStatus } from '../rules/initiative.js';

type MatterUnit = { matter: NonNullable<Awaited<ReturnType<typeof repo.findMatter>>>; unit: NonNullable<Awaited<ReturnType<typeof unitById>>> };

async function matterFor(deps: AppDeps, actor: Actor, matterId: number, action: DecisionsAction): Promise<MatterUnit | Failure> {
  const matter = await repo.findMatter(deps.db, matterId);
  if (!matter) return { ok: false as const, reason: 'not_found' as const };
  const unit = await unitById(deps.db, matter.unit_id);
  if (!unit || !decisionsPolicy(actor, action, { unitPath: unit.path })) return { ok: false as const, reason: 'forbidden' as const };
  if (matter.status !== 'collecting') return { ok: false as const, reason: 'wrong_state' as const };
  return { matter, unit };
}

/** The initiative's standing today: valid consents against all households on today's register. */
export async function standingOf(deps: AppDeps, matter: { id: number; unit_id: number; front_approved_on: string | null }) {
  const today = todayInVietnam(deps.clock.now());
  const consents = await deps.db.selectFrom('matter_consents').select('given_on').where('matter_id', '=', matter.id).execute();
  const total = await repo.householdsTotalOn(deps.db, matter.unit_id, today);
  return initiativeStatus(
    consents.map((c) => c.given_on),
    total,
    !!matter.front_approved_on,
    today,
    ruleSetOn(today),
  );
}

/** A household representative consents online for the household. */
export async function giveConsent(
  deps: AppDeps,
  actor: Actor,
  matterId: number,
): Promise<{ ok: true } | Failure | { ok: false; reason: 'already' | 'no_household' }> {
  const m = await matterFor(deps, actor, matterId, 'giveConsent');
  if (isFailure(m)) return m;
  const today = todayInVietnam(deps.clock.now());
  const hh = await deps.db
    .selectFrom('users as u')
    .innerJoin('residents as r', 'r.id', 'u.resident_id')
    .select('r.household_id')
    .where('u.id', '=', actor.userId ?? -1)
    .where('r.is_representative', '=', 1)
    .executeTakeFirst();
  if (!hh || !(await repo.onRegisterOn(deps.db, hh.household_id, m.matter.unit_id, today))) return { ok: false, reason: 'no_household' };
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    // One consent per household (unique index); a second one, even at the same moment, changes nothing.
    const added = await trx
      .insertInto('matter_consents')
      .values({ matter_id: matterId, household_id: hh.household_id, given_on: today, source: 'online', recorded_by: actor.userId })
      .onConflict((oc) => oc.columns(['matter_id', 'household_id']).doNothing())
      .executeTakeFirst();
    if (!added.numInsertedOrUpdatedRows) return { ok: false as const, reason: 'already' as const };
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'decisions.consent_given',
      entityType: 'matter',
      entityId: matterId,
      unitId: m.matter.unit_id,
      data: { household: hh.household_id, source: 'online' },
    });
    return { ok: true as const };
  });
}

/** The organisers enter consents collected on paper, with the day each was given. */
export async function recordPaperConsents(
  deps: AppDeps,
  t: T,
  actor: Actor,
  matterId: number,
  input: { householdIds: string[]; givenOn: string },
): Promise<{ ok: true; added: number } | Failure> {
  const m = await matterFor(deps, actor, matterId, 'recordConsents');
  if (isFailure(m)) return m;
  const today = todayInVietnam(deps.clock.now());
  const e: FieldErrors = {};
  const givenOn = readDate(t, e, 'givenOn', input.givenOn, true);
  if (givenOn && givenOn > today) e.givenOn = t('decisions.core.err.notFuture');
  const ids = [...new Set(input.householdIds.map(Number).filter((n) => Number.isInteger(n) && n > 0))];
  if (ids.length === 0) e.householdIds = t('decisions.core.err.householdsRequired');
  if (Object.keys(e).length || !givenOn) return invalid(e);
  const register = new Set((await repo.registerOn(deps.db, m.matter.unit_id, givenOn)).map((h) => h.id));
  if (ids.some((id) => !register.has(id))) return invalid({ householdIds: t('decisions.core.err.householdNotOnRegister') });
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const have = new Set(
      (await trx.selectFrom('matter_consents').select('household_id').where('matter_id', '=', matterId).execute()).map((r) => r.household_id),
    );
    const add = ids.filter((id) => !have.has(id));
    if (add.length)
      await trx
        .insertInto('matter_consents')
        .values(add.map((household_id) => ({ matter_id: matterId, household_id, given_on: givenOn, source: 'paper' as const, recorded_by: actor.userId })))
        .onConflict((oc) => oc.columns(['matter_id', 'household_id']).doNothing())
        .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'decisions.consents_recorded',
      entityType: 'matter',
      entityId: matterId,
      unitId: m.matter.unit_id,
      data: { households: add, givenOn },
    });
    return { ok: true as const, added: add.length };
  });
}

/** Art 16(3): below 10 % the Front work committee may still let the initiative go forward. */
export async function approveInitiative(deps: AppDeps, actor: Actor, matterId: number): Promise<{ ok: true } | Failure> {
  const m = await matterFor(deps, actor, matterId, 'approveInitiative');
  if (isFailure(m)) return m;
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('matters')
      .set({ front_approved_on: todayInVietnam(now), updated_at: now.toISOString() })
      .where('id', '=', matterId)
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'decisions.initiative_approved',
      entityType: 'matter',
      entityId: matterId,
      unitId: m.matter.unit_id,
      data: {},
    });
    return { ok: true as const };
  });
}

/** R-A15: forwarded to the community only with ≥ 10 % valid consents or the Front's approval. */
export async function forwardInitiative(deps: AppDeps, t: T, actor: Actor, matterId: number): Promise<{ ok: true } | Failure> {
  const m = await matterFor(deps, actor, matterId, 'recordConsents');
  if (isFailure(m)) return m;
  const s = await standingOf(deps, m.matter);
  if (!s.mayForward) return invalid({ _form: t('decisions.core.err.initiativeShort', { valid: s.valid, needed: s.needed, total: s.householdsTotal }) });
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('matters')
      .set({ status: 'open', forwarded_on: todayInVietnam(now), updated_at: now.toISOString() })
      .where('id', '=', matterId)
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'decisions.initiative_forwarded',
      entityType: 'matter',
      entityId: matterId,
      unitId: m.matter.unit_id,
      data: { ...s },
    });
    return { ok: true as const };
  });
}
