// What every decisions command shares: reading typed dates and times, loading a vote with its matter
// and place, and the permission check on the village (Law 10/2022 Art 18(1): the village runs it).
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import type { Unit } from '../../../db/types.js';
import { type RuleSet, ruleSetOn } from '../../../law/rule-sets.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, parseDate, type T } from '../../../platform/i18n/index.js';
import { type DecisionsAction, decisionsPolicy } from '../decisions.policy.js';
import * as repo from '../decisions.repo.js';
import type { MatterRow, VoteRow } from '../present.js';

export type Failure = { ok: false; errors: FieldErrors } | { ok: false; reason: 'not_found' | 'forbidden' | 'wrong_state' };
export const invalid = (errors: FieldErrors): Failure => ({ ok: false, errors });

/** A required or optional dd/mm/yyyy date; a message next to the field when it is not a real date. */
export function readDate(t: T, e: FieldErrors, name: string, text: string | undefined, required: boolean): string | null {
  const s = (text ?? '').trim();
  if (!s) {
    if (required) e[name] = t('decisions.core.err.dateRequired');
    return null;
  }
  const d = parseDate(s);
  if (!d) e[name] = t('decisions.core.err.dateInvalid');
  return d;
}

/** A date and an HH:MM time in Vietnam time (UTC+7, no daylight saving) -> an ISO instant. */
export function readInstant(t: T, e: FieldErrors, name: string, date: string | undefined, time: string | undefined): string | null {
  const d = readDate(t, e, name, date, true);
  const m = /^(\d{1,2}):(\d{2})$/.exec((time ?? '').trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    if (!e[name]) e[name] = t('decisions.core.err.timeInvalid');
    return null;
  }
  if (!d) return null;
  const utc = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)), Number(m[1]) - 7, Number(m[2]));
  return new Date(utc).toISOString();
}

/** A whole number ≥ 0 typed in a form. */
export function readCount(t: T, e: FieldErrors, name: string, text: string | undefined, required = true): number | null {
  const s = (text ?? '').trim();
  if (!s) {
    if (required) e[name] = t('decisions.core.err.countRequired');
    return null;
  }
  if (!/^\d{1,7}$/.test(s)) {
    e[name] = t('decisions.core.err.countInvalid');
    return null;
  }
  return Number(s);
}

/** Names typed one per line (teams, committees, witnesses). */
export const readNames = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n|;/)
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean);

export type VoteContext = { vote: VoteRow; matter: MatterRow; village: Unit; commune: Unit; rs: RuleSet };

export async function loadVote(db: Conn, voteId: number): Promise<VoteContext | undefined> {
  const vote = await repo.findVote(db, voteId);
  if (!vote) return undefined;
  const matter = (await repo.findMatter(db, vote.matter_id)) as MatterRow;
  const { village, commune } = await repo.placeOf(db, vote.unit_id);
  return { vote, matter, village, commune, rs: ruleSetOn(vote.vote_date < '2023-07-01' ? '2023-07-01' : vote.vote_date) };
}

/** Loads the vote and checks `action` on its village; a failure the route turns into 404/403. */
export async function voteFor(deps: AppDeps, actor: Actor, voteId: number, action: DecisionsAction): Promise<VoteContext | Failure> {
  const ctx = await loadVote(deps.db, voteId);
  if (!ctx) return { ok: false, reason: 'not_found' };
  if (!decisionsPolicy(actor, action, { unitPath: ctx.village.path })) return { ok: false, reason: 'forbidden' };
  return ctx;
}
export const isFailure = (x: object): x is Failure => 'ok' in x && (x as { ok: boolean }).ok === false;

/** "Ít nhất N ngày trước …: chậm nhất ngày dd/mm/yyyy (article)". */
export const noticeMessage = (t: T, p: { days: number; latest: string; article: string }): string =>
  t('decisions.core.err.noticeTooShort', { days: p.days, latest: formatDate(p.latest), article: p.article });

/** Thrown inside a transaction when a guarded update finds the record no longer in the expected
 * state (another official acted first): the transaction rolls back and the caller answers wrong_state. */
export class StaleState extends Error {}
/** An update guarded by the expected state must change exactly the row it meant to. */
export function expectUpdated(r: { numUpdatedRows: bigint }): void {
  if (r.numUpdatedRows !== 1n) throw new StaleState();
}
/** Runs a use case whose transaction may find stale state. */
export async function orStale<T>(run: () => Promise<T>): Promise<T | { ok: false; reason: 'wrong_state' }> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof StaleState) return { ok: false, reason: 'wrong_state' };
    throw e;
  }
}
