// A household votes online, or returns its household ballot online (Law 10/2022 Art 19(3); Decree
// 59/2023 Arts 4(6), 5). Secret ballot (issue 4 item 9): the receipt (vote, household) stops a second
// vote (R-A9) and the ballot (vote, hash of a random receipt code, choice) holds no household, id or
// time; both are written in one transaction, and the receipt table's primary key is what refuses a
// second vote, so two votes submitted at the same moment are never both counted.
import { createHash, randomFillSync } from 'node:crypto';
import { sql } from 'kysely';
import type { AppDeps } from '../../../app-deps.js';
import { compiledOnce } from '../../../db/compiled-once.js';
import { groupCommit } from '../../../db/group-commit.js';
import { type Conn, type Dialect, isUniqueViolation } from '../../../db/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { decisionsPolicy } from '../decisions.policy.js';
import * as repo from '../decisions.repo.js';
import { STANDARD_OPTIONS } from '../present.js';

export type BallotInput = { choices: string[]; otherText?: string };
export type ChoiceProblem = 'choice_required' | 'one_choice' | 'unknown_choice' | 'too_many' | 'other_text_required' | 'other_text_too_long';
export type ChoiceError = { ok: false; reason: 'invalid'; field: 'choice' | 'otherText'; problem: ChoiceProblem };
export type BallotRefusal = 'not_found' | 'wrong_form' | 'not_representative' | 'not_on_register' | 'not_open' | 'closed' | 'already_voted';
export type CastResult =
  | { ok: true; code: string; vote: { id: number; title: string; village: { id: number; name: string } } }
  | { ok: false; reason: BallotRefusal }
  | ChoiceError;

/** Longest "other opinion" kept on a ballot. */
export const OTHER_TEXT_MAX = 1000;

// Crockford base32: no I, L, O or U, so a code read aloud or copied by hand is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10; // 50 random bits

// Random bytes come from a pool refilled 25 codes at a time: one system call per vote costs more
// than the rest of making the code.
const pool = Buffer.alloc(CODE_LENGTH * 25);
let used = pool.length;

/** A fresh receipt code, 10 characters of random base32 (shown grouped as XXXXX-XXXXX). */
export function newReceiptCode(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += ALPHABET[(pool[used++] ?? 0) & 31];
  return s;
}

export const groupCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`;

/** What a person typed → the code (upper case, separators dropped, O→0 and I/L→1), or null. */
export function normaliseCode(typed: string): string | null {
  const s = typed
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!ALPHABET.includes(ch)) return null;
  return s;
}

/** The ballot store's key: nothing in it leads back to the household or to when it voted. */
export const receiptHash = (voteId: number, code: string): string => createHash('sha256').update(`${voteId}:${code}`).digest('hex');

/** A vote's options, or the three of Decree 59 Art 5(2)(c) when none were stored. */
export async function ballotOptions(db: Conn, voteId: number): Promise<{ key: string; label: string }[]> {
  const rows = await repo.optionsOf(db, voteId);
  return rows.length > 0 ? rows.map((o) => ({ key: o.key, label: o.label })) : STANDARD_OPTIONS.map((o) => ({ ...o }));
}

/** Candidates of an election are keyed c<residentId>; any other ballot is agree / disagree / other. */
export const isElection = (options: { key: string }[]): boolean => options.length > 0 && options.every((o) => /^c\d+$/.test(o.key));

export type CheckedChoice = { ok: true; keys: string[]; otherText: string | null };

/** R-A8: exactly one of agree / disagree / other, and other needs its text; an election ballot
 * names up to `seats` different candidates. */
export function checkChoices(options: { key: string }[], seats: number, input: BallotInput): CheckedChoice | ChoiceError {
  const bad = (field: 'choice' | 'otherText', problem: ChoiceProblem): ChoiceError => ({ ok: false, reason: 'invalid', field, problem });
  const keys = [...new Set(input.choices.map((c) => c.trim()).filter(Boolean))];
  if (keys.length === 0) return bad('choice', 'choice_required');
  const known = new Set(options.map((o) => o.key));
  if (keys.some((k) => !known.has(k))) return bad('choice', 'unknown_choice');
  if (isElection(options)) return keys.length > Math.max(1, seats) ? bad('choice', 'too_many') : { ok: true, keys, otherText: null };
  if (keys.length !== 1) return bad('choice', 'one_choice');
  if (keys[0] !== 'other') return { ok: true, keys, otherText: null };
  const text = (input.otherText ?? '').trim();
  if (!text) return bad('otherText', 'other_text_required');
  if (text.length > OTHER_TEXT_MAX) return bad('otherText', 'other_text_too_long');
  return { ok: true, keys, otherText: text };
}

export type BallotVote = NonNullable<Awaited<ReturnType<typeof voteForBallot>>>;

/** The vote with its matter's title and its village, read inside the ballot's transaction (a shared
 * lock on PostgreSQL, so that a count that locks the row waits for ballots being written). */
export async function voteForBallot(db: Conn, dialect: Dialect, voteId: number) {
  const q = db
    .selectFrom('votes as v')
    .innerJoin('matters as m', 'm.id', 'v.matter_id')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .select([
      'v.id',
      'v.unit_id',
      'v.form',
      'v.status',
      'v.vote_date',
      'v.opens_at',
      'v.closes_at',
      'v.seats',
      'm.title',
      'm.id as matter_id',
      'm.kind',
      'm.position',
      'u.name',
      'u.path',
    ])
    .where('v.id', '=', voteId);
  return (dialect === 'postgres' ? q.forShare('v') : q).executeTakeFirst();
}

const representedBy = compiledOnce(
  (db, userId: number) =>
    db
      .selectFrom('users as u')
      .innerJoin('residents as r', 'r.id', 'u.resident_id')
      .select('r.household_id')
      .where('u.id', '=', userId)
      .where('u.disabled_at', 'is', null)
      .where('r.is_representative', '=', 1),
  [-7_000_001],
);

/** The household this user represents (users.resident_id → the resident marked as its representative). */
export async function householdOf(db: Conn, userId: number): Promise<number | null> {
  const { rows } = await representedBy<{ household_id: number }>(db, userId);
  return rows[0]?.household_id ?? null;
}

/** Decree 59 Art 5(4): voting runs from the start time to the end time; a household ballot is returned
 * by its deadline (Art 4(5)). Without a start time the vote opens on its date (00:00 Vietnam time). */
export function windowOf(vote: Pick<BallotVote, 'status' | 'vote_date' | 'opens_at' | 'closes_at'>, now: Date): 'open' | 'not_open' | 'closed' {
  if (vote.status !== 'scheduled') return 'closed';
  const opens = vote.opens_at ? new Date(vote.opens_at) : new Date(`${vote.vote_date}T00:00:00+07:00`);
  if (now < opens || !vote.closes_at) return 'not_open';
  return now < new Date(vote.closes_at) ? 'open' : 'closed';
}

const insertReceipt = compiledOnce(
  (db, voteId: number, householdId: number, channel: 'online' | 'paper') =>
    db.insertInto('vote_receipts').values({ vote_id: voteId, household_id: householdId, channel }),
  [-7_000_001, -7_000_002, 'online'],
);
const insertBallot = compiledOnce(
  (db, voteId: number, hash: string, key: string, otherText: string | null) =>
    db.insertInto('vote_ballots').values({ vote_id: voteId, receipt_hash: hash, option_key: key, other_text: otherText }),
  [-7_000_001, '\u0000hash', '\u0000key', '\u0000text'],
);

/** Writes the receipt and the ballot; throws a unique violation when the household already has one. */
export async function storeBallot(trx: Conn, voteId: number, householdId: number, channel: 'online' | 'paper', c: CheckedChoice, code: string) {
  await insertReceipt(trx, voteId, householdId, channel);
  const hash = receiptHash(voteId, code);
  for (const k of c.keys) await insertBallot(trx, voteId, hash, k, k === 'other' ? c.otherText : null);
}

type Deps = Pick<AppDeps, 'db' | 'dialect' | 'clock'>;
type Cast = { actor: Actor & { userId: number }; voteId: number; input: BallotInput; at: Date };
type Loaded = { vote: BallotVote; options: { key: string; label: string }[] } | null;

/** One household's vote inside an open transaction; a unique violation (a second vote) throws and
 * rolls back what this vote wrote. */
async function castIn(trx: Conn, deps: Deps, c: Cast, shared: Map<unknown, unknown>): Promise<CastResult> {
  // The vote is read once per group; other kinds of use case may share the group, hence the prefix.
  const key = `decisions.vote:${c.voteId}`;
  let loaded = shared.get(key) as Loaded | undefined;
  if (loaded === undefined) {
    const vote = await voteForBallot(trx, deps.dialect, c.voteId);
    loaded = vote ? { vote, options: await ballotOptions(trx, c.voteId) } : null;
    shared.set(key, loaded);
  }
  if (!loaded) return { ok: false, reason: 'not_found' };
  const { vote, options } = loaded;
  if (vote.form !== 'online' && vote.form !== 'household_ballot') return { ok: false, reason: 'wrong_form' };
  // Decree 59 Art 5(2)(b): each household votes once, through its representative, in its own village.
  if (!decisionsPolicy(c.actor, 'castOnline', { unitPath: vote.path })) return { ok: false, reason: 'not_representative' };
  const householdId = await householdOf(trx, c.actor.userId);
  if (householdId == null) return { ok: false, reason: 'not_representative' };
  if (!(await repo.onRegisterOn(trx, householdId, vote.unit_id, vote.vote_date))) return { ok: false, reason: 'not_on_register' };
  const window = windowOf(vote, c.at);
  if (window !== 'open') return { ok: false, reason: window };
  const checked = checkChoices(options, vote.seats, c.input);
  if (!checked.ok) return checked;
  const code = newReceiptCode();
  await storeBallot(trx, c.voteId, householdId, 'online', checked, code);
  // The audit says that the household voted, never how.
  await appendAudit(trx, deps.dialect, c.at, c.actor, {
    action: 'decisions.ballot_cast',
    entityType: 'vote',
    entityId: c.voteId,
    unitId: vote.unit_id,
    data: { householdId, channel: 'online' },
  });
  return { ok: true, code: groupCode(code), vote: { id: vote.id, title: vote.title, village: { id: vote.unit_id, name: vote.name } } };
}

/** On SQLite the votes that arrive together share one commit (group commit, src/db/group-commit.ts):
 * each vote's receipt, ballot and audit entry are still written together, under a savepoint, and its
 * answer is given only after the commit; ballots committed together also share one moment in the file.
 * PostgreSQL takes votes in parallel, one transaction each. Either way the receipt's primary key
 * refuses the second of two simultaneous votes. */
export async function castOnline(deps: Deps, actor: Actor, voteId: number, input: BallotInput): Promise<CastResult> {
  const userId = actor.userId;
  if (userId == null) return { ok: false, reason: 'not_representative' };
  const c: Cast = { actor: { ...actor, userId }, voteId, input, at: deps.clock.now() };
  try {
    return await groupCommit(deps, (trx, shared) => castIn(trx, deps, c, shared));
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, reason: 'already_voted' };
    throw e;
  }
}

/** Whether a household already has a receipt for this vote. */
export async function hasVoted(db: Conn, voteId: number, householdId: number): Promise<boolean> {
  const r = await db
    .selectFrom('vote_receipts')
    .select(sql<number>`1`.as('x'))
    .where('vote_id', '=', voteId)
    .where('household_id', '=', householdId)
    .executeTakeFirst();
  return !!r;
}
