// Changes to a village's household register (issue 4 item 2): a household joins, leaves, or moves to
// another village of the same commune. Each is one transaction with its audit entry. Rows are never
// deleted or rewritten in place: a household is on a register from valid_from until valid_to
// (exclusive), so the register as it stood on any past day, the denominator of a vote held that day
// (Law 10/2022 Art 21(1)), can always be read back with decisions.repo registerOn/householdsTotalOn.
import type { AppDeps } from '../../app-deps.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/policy.js';
import type { FieldErrors } from '../../platform/errors.js';
import { formatDate, type T } from '../../platform/i18n/index.js';
import { isVillage } from './levels.js';
import {
  adultError,
  canManage,
  checkNotFixed,
  existsOn,
  householdById,
  invalid,
  type Result,
  readChangeDate,
  readCode,
  readText,
  today,
  villageById,
} from './register-common.js';

export type AddInput = { code: string; address: string; name: string; birthYear: string; phone: string; date: string };

export async function addHousehold(deps: AppDeps, t: T, actor: Actor, villageId: number, input: AddInput): Promise<Result<{ id: number; code: string }>> {
  const now = deps.clock.now();
  const d0 = today(deps);
  return deps.db.transaction().execute(async (trx): Promise<Result<{ id: number; code: string }>> => {
    const village = await villageById(trx, villageId);
    if (!village) return { ok: false, reason: 'not_found' };
    if (!canManage(actor, village)) return { ok: false, reason: 'forbidden' };
    const e: FieldErrors = {};
    const code = await readCode(trx, t, e, 'code', input.code, village.id);
    const address = readText(t, e, 'address', input.address, 200, 'register.err.addressRequired');
    const name = readText(t, e, 'name', input.name, 100, 'register.err.nameRequired');
    let birthYear: number | null = null;
    if (!/^\d{4}$/.test(input.birthYear.trim())) e.birthYear = t('register.err.birthYearInvalid');
    else {
      birthYear = Number(input.birthYear.trim());
      const adult = birthYear > Number(d0.slice(0, 4)) ? t('register.err.birthYearInvalid') : adultError(t, birthYear, d0);
      if (adult) e.birthYear = adult;
    }
    const phone = input.phone.replace(/[\s.]/g, '');
    if (phone && !/^0\d{9}$/.test(phone)) e.phone = t('err.badPhone');
    const date = readChangeDate(t, e, 'date', input.date, d0);
    if (date && !existsOn(village, date)) e.date = t('register.err.villageNotOn', { date: formatDate(date) });
    if (date && !e.date) await checkNotFixed(trx, deps, t, e, 'date', [village.id], date);
    if (Object.keys(e).length > 0 || !date) return invalid(e);

    const h = await trx
      .insertInto('households')
      .values({ unit_id: village.id, code, address, is_demo: 0, valid_from: date, valid_to: null, authorised_representative: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The one member we know is the representative (Art 18(2)); other members are added by the population records.
    await trx
      .insertInto('residents')
      .values({ household_id: h.id, full_name: name, birth_year: birthYear, gender: null, phone: phone || null, relation: 'chủ hộ', is_representative: 1 })
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'register.add',
      entityType: 'household',
      entityId: h.id,
      unitId: village.id,
      data: { code, validFrom: date },
    });
    return { ok: true, id: h.id, code };
  });
}

export type LeaveInput = { date: string; reason: string };

export async function leaveHousehold(deps: AppDeps, t: T, actor: Actor, householdId: number, input: LeaveInput): Promise<Result<{ date: string }>> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<Result<{ date: string }>> => {
    const h = await householdById(trx, householdId);
    const village = h && (await villageById(trx, h.unit_id));
    if (!h || !village) return { ok: false, reason: 'not_found' };
    if (!canManage(actor, village)) return { ok: false, reason: 'forbidden' };
    if (h.valid_to) return invalid({ _form: t('register.err.ended', { date: formatDate(h.valid_to) }) });
    const e: FieldErrors = {};
    const reason = readText(t, e, 'reason', input.reason, 200, null);
    const date = readChangeDate(t, e, 'date', input.date, today(deps));
    // valid_to is exclusive: a household that left on the day it joined was never on any register.
    if (date && h.valid_from && date <= h.valid_from) e.date = t('register.err.beforeStart', { date: formatDate(h.valid_from) });
    if (date && !e.date) await checkNotFixed(trx, deps, t, e, 'date', [village.id], date);
    if (Object.keys(e).length > 0 || !date) return invalid(e);

    // Members stay with the ended row: they left the village with their household.
    await trx.updateTable('households').set({ valid_to: date }).where('id', '=', h.id).execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'register.leave',
      entityType: 'household',
      entityId: h.id,
      unitId: village.id,
      data: { code: h.code, validTo: date, reason: reason || null },
    });
    return { ok: true, date };
  });
}

export type MoveInput = { targetId: string; code: string; address: string; date: string };
export type Moved = { id: number; code: string; village: string };

export async function moveHousehold(deps: AppDeps, t: T, actor: Actor, householdId: number, input: MoveInput): Promise<Result<Moved>> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<Result<Moved>> => {
    const h = await householdById(trx, householdId);
    const village = h && (await villageById(trx, h.unit_id));
    if (!h || !village) return { ok: false, reason: 'not_found' };
    if (!canManage(actor, village)) return { ok: false, reason: 'forbidden' };
    if (h.valid_to) return invalid({ _form: t('register.err.ended', { date: formatDate(h.valid_to) }) });
    const e: FieldErrors = {};
    const date = readChangeDate(t, e, 'date', input.date, today(deps));
    if (date && h.valid_from && date <= h.valid_from) e.date = t('register.err.beforeStart', { date: formatDate(h.valid_from) });
    const target = /^\d+$/.test(input.targetId) ? await villageById(trx, Number(input.targetId)) : undefined;
    if (!input.targetId) e.targetId = t('register.err.targetRequired');
    else if (!target || !isVillage(target) || target.id === village.id || target.parent_id !== village.parent_id || (date && !existsOn(target, date)))
      e.targetId = t('register.err.targetInvalid');
    // The receiving village's register changes too, so the actor must be able to keep it as well.
    else if (!canManage(actor, target)) e.targetId = t('register.err.targetForbidden');
    const code = target && !e.targetId ? await readCode(trx, t, e, 'code', input.code, target.id) : input.code.trim();
    const address = readText(t, e, 'address', input.address, 200, 'register.err.addressRequired');
    if (date && !e.date && target && !e.targetId) await checkNotFixed(trx, deps, t, e, 'date', [village.id, target.id], date);
    if (Object.keys(e).length > 0 || !date || !target) return invalid(e);

    // History stays right because nothing is rewritten: the old row ends on the day of the move
    // (valid_to, exclusive) and keeps its place on every earlier register of the old village, so a
    // vote held there before the move still counts it in its denominator (Art 21(1)). The members
    // move to the new row (residents.household_id), so the old row has no members any more; that is
    // fine for Art 21, which counts households, not people, and the names of those who took part in
    // a past vote are kept in that vote's own records (vote_receipts, minutes), not looked up here.
    await trx.updateTable('households').set({ valid_to: date }).where('id', '=', h.id).execute();
    const moved = await trx
      .insertInto('households')
      .values({
        unit_id: target.id,
        code,
        address,
        is_demo: h.is_demo,
        valid_from: date,
        valid_to: null,
        authorised_representative: h.authorised_representative,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('residents').set({ household_id: moved.id }).where('household_id', '=', h.id).execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'register.move_out',
      entityType: 'household',
      entityId: h.id,
      unitId: village.id,
      data: { code: h.code, validTo: date, toHousehold: moved.id, toUnit: target.id },
    });
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'register.move_in',
      entityType: 'household',
      entityId: moved.id,
      unitId: target.id,
      data: { code, validFrom: date, fromHousehold: h.id, fromUnit: village.id },
    });
    return { ok: true, id: moved.id, code, village: target.name };
  });
}

export type RepInput = { choice: string; authorisedName: string };

/**
 * Art 18(2): the representative is an adult member (residents.is_representative) or, when no member
 * can represent the household, a person it authorises (households.authorised_representative). Exactly
 * one of the two is set afterwards; the unique index residents_one_rep allows one flagged member, so
 * the old flag is cleared first in the same transaction.
 */
export async function changeRepresentative(deps: AppDeps, t: T, actor: Actor, householdId: number, input: RepInput): Promise<Result> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const h = await householdById(trx, householdId);
    const village = h && (await villageById(trx, h.unit_id));
    if (!h || !village) return { ok: false, reason: 'not_found' };
    if (!canManage(actor, village)) return { ok: false, reason: 'forbidden' };
    if (h.valid_to) return invalid({ _form: t('register.err.ended', { date: formatDate(h.valid_to) }) });
    const e: FieldErrors = {};
    let residentId: number | null = null;
    let authorised: string | null = null;
    const m = /^m(\d+)$/.exec(input.choice);
    if (m) {
      const r = await trx
        .selectFrom('residents')
        .select(['id', 'birth_year'])
        .where('id', '=', Number(m[1]))
        .where('household_id', '=', h.id)
        .executeTakeFirst();
      const bad = r ? adultError(t, r.birth_year, today(deps)) : t('register.err.notMember');
      if (bad) e.choice = bad;
      else residentId = Number(m[1]);
    } else if (input.choice === 'authorised') {
      authorised = readText(t, e, 'authorisedName', input.authorisedName, 100, 'register.err.nameRequired');
    } else e.choice = t('register.err.choiceRequired');
    if (Object.keys(e).length > 0) return invalid(e);

    await trx.updateTable('residents').set({ is_representative: 0 }).where('household_id', '=', h.id).where('is_representative', '=', 1).execute();
    if (residentId) await trx.updateTable('residents').set({ is_representative: 1 }).where('id', '=', residentId).execute();
    await trx.updateTable('households').set({ authorised_representative: authorised }).where('id', '=', h.id).execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'register.representative',
      entityType: 'household',
      entityId: h.id,
      unitId: village.id,
      data: residentId ? { kind: 'member', residentId } : { kind: 'authorised' },
    });
    return { ok: true };
  });
}
