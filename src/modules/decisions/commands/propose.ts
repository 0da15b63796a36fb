// Proposing a matter for the community to decide (Law 10/2022 Arts 15–16): the village head after
// agreeing with the Front work committee head (cl. 2), the commune chairman for commune-wide matters
// after agreeing with the commune Front chairman (cl. 1), or residents' initiative (cl. 3, R-A15).
// Elections and dismissals (items 4–5) start from the election pages (Decree 59 Arts 6–9); covenants
// (item 3) from the covenants pages, so that the draft is posted for comments first (R-E1, R-D4).
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { readDate } from '../../../platform/http/forms.js';
import type { T } from '../../../platform/i18n/index.js';
import { type Failure, invalid } from '../../../platform/results.js';
import { VILLAGE_LEVELS } from '../../units/levels.js';
import { unitById } from '../../units/units.repo.js';
import { decisionsPolicy } from '../decisions.policy.js';
import { isMatterItem, scopesOf } from '../rules/matters.js';
import { NOT_POSTED } from './schedule.js';

export type ProposeInput = {
  item: string;
  title: string;
  description: string;
  proposer: string; // 'leader' (village head / commune chairman) | 'initiative'
  agreementBy: string;
  agreementOn: string;
  initiatorName: string;
};

/** Who may propose on this unit (Art 16): the commune chairman commune-wide (cl. 1), the village head
 * (cl. 2) or, for residents' initiative (cl. 3), its organisers and the households themselves. The
 * form is shown to whoever may propose in either way, so the page and the command never disagree. */
export function mayPropose(actor: Actor | null, unit: { level: string; path: string }, proposer: 'leader' | 'initiative' | 'either'): boolean {
  const res = { unitPath: unit.path };
  if (!VILLAGE_LEVELS.includes(unit.level)) return decisionsPolicy(actor, 'proposeCommune', res);
  const leader = proposer !== 'initiative' && decisionsPolicy(actor, 'proposeVillage', res);
  const initiative = proposer !== 'leader' && (decisionsPolicy(actor, 'recordConsents', res) || decisionsPolicy(actor, 'giveConsent', res));
  return leader || initiative;
}

/** `also` runs inside the same transaction once the matter exists (a covenant hangs itself on it). */
export type AlsoInTransaction = (trx: Conn, matterId: number) => Promise<void>;
/** `covenant`: the covenants module proposes an item-3 matter; nothing else may (Decree 61/2023 Arts 7,
 * 9(1)). Such a matter starts held from any vote until its draft is posted for comments (R-E1, R-D4). */
export type ProposeOptions = { covenant?: boolean; also?: AlsoInTransaction };

export async function proposeMatter(
  deps: AppDeps,
  t: T,
  actor: Actor,
  unitId: number,
  input: ProposeInput,
  opts: ProposeOptions = {},
): Promise<{ ok: true; id: number } | Failure> {
  const unit = await unitById(deps.db, unitId);
  if (!unit) return { ok: false, reason: 'not_found' };
  const scope = VILLAGE_LEVELS.includes(unit.level) ? 'village' : 'commune';
  const initiative = input.proposer === 'initiative';
  if (!mayPropose(actor, unit, initiative ? 'initiative' : 'leader')) return { ok: false, reason: 'forbidden' };
  const today = todayInVietnam(deps.clock.now());
  const e: FieldErrors = {};
  const item = Number(input.item);
  if (!isMatterItem(item)) e.item = t('decisions.core.err.itemRequired');
  else if (item === 4 || item === 5) e.item = t('decisions.core.err.itemElection');
  else if (item === 3 && !opts.covenant) e.item = t('decisions.core.err.itemCovenant');
  else if (!scopesOf(item).includes(scope)) e.item = t('decisions.core.err.itemScope');
  if (scope === 'commune' && initiative) e.proposer = t('decisions.core.err.initiativeVillage');
  const title = input.title.trim();
  if (!title) e.title = t('decisions.core.err.titleRequired');
  else if (title.length > 300) e.title = t('decisions.core.err.titleTooLong');
  const description = input.description.trim();
  if (description.length > 20000) e.description = t('decisions.core.err.descriptionTooLong');
  let agreementOn: string | null = null;
  let agreementBy: string | null = null;
  let initiatorName: string | null = null;
  if (initiative) {
    initiatorName = input.initiatorName.trim() || null;
    if (!initiatorName) e.initiatorName = t('decisions.core.err.initiatorRequired');
  } else {
    // Art 16(1)–(2): the proposal is made after agreeing with the Front; the agreement is recorded.
    agreementBy = input.agreementBy.trim() || null;
    if (!agreementBy) e.agreementBy = t(scope === 'commune' ? 'decisions.core.err.agreementCommune' : 'decisions.core.err.agreementVillage');
    agreementOn = readDate(t, e, 'agreementOn', input.agreementOn, true);
    if (agreementOn && agreementOn > today) e.agreementOn = t('decisions.core.err.notFuture');
  }
  if (Object.keys(e).length) return invalid(e);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('matters')
      .values({
        unit_id: unit.id,
        scope,
        item: item as 1 | 2 | 3 | 6,
        kind: 'general',
        position: null,
        title,
        description,
        proposer: initiative ? 'initiative' : scope === 'commune' ? 'commune_chairman' : 'village_head',
        agreement_by: agreementBy,
        agreement_on: agreementOn,
        initiator_name: initiatorName,
        status: initiative ? 'collecting' : 'open',
        vote_not_before: item === 3 ? NOT_POSTED : null,
        created_by: actor.userId,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'decisions.matter_proposed',
      entityType: 'matter',
      entityId: row.id,
      unitId: unit.id,
      data: { item, scope, title, proposer: initiative ? 'initiative' : 'leader', agreementBy, agreementOn },
    });
    if (opts.also) await opts.also(trx, row.id);
    return { ok: true as const, id: row.id };
  });
}
