// Opening an election or a dismissal (Decree 59/2023 Arts 6, 9; issue 4 items 7–8): a matter of item
// 4 (village head) or 5 (board members) at village scope, proposed by the commune chairman, with its
// elections row. A dismissal needs a holder in office and one of the three grounds of Art 9; a
// petition counts only when ≥ 50 % of the households on today's register signed it (R-B3).
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/index.js';
import { householdsTotalOn } from '../decisions.repo.js';
import {
  activeTerms,
  auditActor,
  type DismissalGround,
  type ElectionFailure,
  fieldErrors,
  GROUNDS,
  isPosition,
  itemOf,
  mayManage,
  type Place,
  type Position,
  placeOfVillage,
} from './election-common.js';

export type OpenResult = { ok: true; matterId: number } | ElectionFailure;
export type OpenInput = { villageId: string; position: string; description?: string };
export type DismissalInput = OpenInput & { ground: string; petitionHouseholds: string; holderResidentId?: string };

const positionLabel = (t: T, p: Position, level: string) =>
  p === 'village_head'
    ? t(level === 'residential_group' ? 'decisions.election.position.group_head' : 'decisions.election.position.village_head')
    : t(`decisions.election.position.${p}`);

/** "Trưởng thôn" inside a title reads "Bầu trưởng thôn Thôn Nà Pài". */
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The village and position typed in the form, with the permission check on the village. */
async function target(db: Conn, t: T, actor: Actor, input: OpenInput, e: FieldErrors): Promise<{ place: Place; position: Position } | ElectionFailure | null> {
  const place = /^\d{1,9}$/.test(input.villageId.trim()) ? await placeOfVillage(db, Number(input.villageId)) : undefined;
  if (!place) e.villageId = t('decisions.election.err.villageRequired');
  if (!isPosition(input.position)) e.position = t('decisions.election.err.positionRequired');
  if (!place || !isPosition(input.position)) return null;
  if (!mayManage(actor, place.village)) return { ok: false, reason: 'forbidden' };
  return { place, position: input.position };
}

async function openMatter(
  trx: Conn,
  actor: Actor,
  now: Date,
  v: { place: Place; position: Position; kind: 'election' | 'dismissal'; title: string; description: string },
): Promise<number> {
  const iso = now.toISOString();
  const row = await trx
    .insertInto('matters')
    .values({
      unit_id: v.place.village.id,
      scope: 'village',
      item: itemOf(v.position),
      kind: v.kind,
      position: v.position,
      title: v.title,
      description: v.description,
      proposer: 'commune_chairman',
      status: 'open',
      created_by: actor.userId,
      created_at: iso,
      updated_at: iso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An open matter of the same kind and office in the village: one at a time. */
const openOne = (db: Conn, villageId: number, position: Position, kind: 'election' | 'dismissal') =>
  db
    .selectFrom('matters')
    .select('id')
    .where('unit_id', '=', villageId)
    .where('position', '=', position)
    .where('kind', '=', kind)
    .where('status', '=', 'open')
    .executeTakeFirst();

/** Decree 59 Art 6(1)(a): the commune chairman decides to hold an election in the village. */
export async function openElection(deps: AppDeps, t: T, actor: Actor, input: OpenInput): Promise<OpenResult> {
  const e: FieldErrors = {};
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<OpenResult> => {
    const tg = await target(trx, t, actor, input, e);
    if (tg && 'ok' in tg) return tg;
    if (!tg) return fieldErrors(e);
    const { place, position } = tg;
    const dup = await openOne(trx, place.village.id, position, 'election');
    if (dup) return fieldErrors({ position: t('decisions.election.err.alreadyOpen', { id: dup.id }) });
    const office = lower(positionLabel(t, position, place.village.level));
    const title = t('decisions.election.title.election', { office, village: place.village.name });
    const matterId = await openMatter(trx, actor, now, { place, position, kind: 'election', title, description: (input.description ?? '').trim() || title });
    await trx.insertInto('elections').values({ matter_id: matterId }).execute();
    await appendAudit(trx, deps.dialect, now, auditActor(actor), {
      action: 'decisions.election.opened',
      entityType: 'matter',
      entityId: matterId,
      unitId: place.village.id,
      data: { position, item: itemOf(position) },
    });
    return { ok: true, matterId };
  });
}

/** Decree 59 Art 9: a resignation letter, a proposal of the Front work committee head, or a petition
 * of at least 50 % of the households opens a dismissal of the holder in office. */
export async function openDismissal(deps: AppDeps, t: T, actor: Actor, input: DismissalInput): Promise<OpenResult> {
  const e: FieldErrors = {};
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  const ground = (GROUNDS as readonly string[]).includes(input.ground) ? (input.ground as DismissalGround) : null;
  if (!ground) e.ground = t('decisions.election.err.groundRequired');
  return deps.db.transaction().execute(async (trx): Promise<OpenResult> => {
    const tg = await target(trx, t, actor, input, e);
    if (tg && 'ok' in tg) return tg;
    if (!tg || !ground) return fieldErrors(e);
    const { place, position } = tg;
    // The Law gives the petition route for the village head only; board members are removed on the
    // Front's proposal (Law Art 36(2)) or when they resign.
    if (ground === 'petition' && position !== 'village_head') return fieldErrors({ ground: t('decisions.election.err.petitionHeadOnly') });
    const terms = (await activeTerms(trx, place.village.id, position)).filter((x) => x.interim === 0);
    const wanted = (input.holderResidentId ?? '').trim();
    const term = wanted ? terms.find((x) => String(x.resident_id) === wanted) : terms.length === 1 ? terms[0] : undefined;
    if (!term)
      return fieldErrors(
        terms.length > 1 ? { holderResidentId: t('decisions.election.err.holderChoose') } : { position: t('decisions.election.err.noHolder') },
      );
    let petition: number | null = null;
    if (ground === 'petition') {
      const total = await householdsTotalOn(trx, place.village.id, today);
      const s = input.petitionHouseholds.trim();
      if (!/^\d{1,7}$/.test(s)) return fieldErrors({ petitionHouseholds: t('decisions.election.err.countInvalid') });
      petition = Number(s);
      const pct = ruleSetOn(today).decisions.election.dismissalPetitionPercent;
      // ≥ pct % of all households on the register today, in integers: 100·p ≥ pct·total.
      const needed = Math.ceil((pct * total) / 100);
      if (petition > total) return fieldErrors({ petitionHouseholds: t('decisions.election.err.petitionOverTotal', { total }) });
      if (total === 0 || 100 * petition < pct * total)
        return fieldErrors({ petitionHouseholds: t('decisions.election.err.petitionTooFew', { count: petition, total, needed, pct }) });
    }
    if (await openOne(trx, place.village.id, position, 'dismissal')) return fieldErrors({ position: t('decisions.election.err.dismissalOpen') });
    const holder = await trx.selectFrom('residents').select('full_name').where('id', '=', term.resident_id).executeTakeFirstOrThrow();
    const office = lower(positionLabel(t, position, place.village.level));
    const title = t('decisions.election.title.dismissal', { office, name: holder.full_name, village: place.village.name });
    const description = (input.description ?? '').trim() || `${title}. ${t(`decisions.election.ground.${ground}`)}`;
    const matterId = await openMatter(trx, actor, now, { place, position, kind: 'dismissal', title, description });
    await trx
      .insertInto('elections')
      .values({ matter_id: matterId, dismissal_ground: ground, petition_households: petition, holder_resident_id: term.resident_id })
      .execute();
    await appendAudit(trx, deps.dialect, now, auditActor(actor), {
      action: 'decisions.dismissal.opened',
      entityType: 'matter',
      entityId: matterId,
      unitId: place.village.id,
      data: { position, ground, petitionHouseholds: petition, holderResidentId: term.resident_id, termId: term.id },
    });
    return { ok: true, matterId };
  });
}
