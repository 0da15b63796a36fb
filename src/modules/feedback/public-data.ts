// What the public pages and the public API may show of an item (issue 5 item 10): never the author's
// identity, the content they wrote, the place they typed, or internal steps (R-H4). The tracking code
// is the citizen's key to their item, so lookups that miss are rate-limited against guessing.
import type { AppDeps } from '../../app-deps.js';
import type { Conn } from '../../db/index.js';
import type { FeedbackClock, FeedbackKind, FeedbackStatus } from '../../db/types.js';
import { ruleSetOn } from '../../law/rule-sets.js';
import { addDays, todayInVietnam } from '../../platform/calendar/calendar.js';
import { workingCalendar } from '../../platform/calendar/store.js';
import { unsealJson } from '../../platform/crypto/seal.js';
import { allowHit, allowHitIn, clientKey, type Limit } from '../../platform/http/rate-limit.js';
import { REOPENABLE, ratedThisAnswer } from './commands/citizen.js';
import { carriesIdentity } from './commands/public-text.js';
import { normaliseTrackingCode } from './common.js';
import { type Identity, OPEN_STATUSES } from './model.js';
import { type DueState, dueState } from './rules/clocks.js';

export type PublicEvent = { at: string; kind: string; note: string | null };
export type TrackData = {
  code: string;
  commune: { id: number; name: string };
  kind: FeedbackKind;
  /** Null for a denunciation (see `denunciationView`), as are channel and title. */
  category: string | null;
  channel: string | null;
  title: string | null;
  status: FeedbackStatus;
  receivedOn: string;
  /** The clock that runs now and its deadline, while one runs. */
  clock: { name: FeedbackClock; due: string; state: DueState } | null;
  /** R-H1: a complaint received past the 90-day limit (days late; 0 when in time). */
  lateDays: number;
  forwardedTo: string | null;
  refusalReason: string | null;
  answer: string | null;
  answeredOn: string | null;
  rating: 'satisfied' | 'not_satisfied' | null;
  canRate: boolean;
  /** The last day the citizen may reopen the answer, while they still may (petitions, reports and
   * questions only; Law 10/2022 Art 35(2)(b)). */
  reopenUntil: string | null;
  /** Where a complaint or denunciation goes next instead of reopening (finding 9): a complaint's second
   * complaint or court action until `until` (Complaints Law Art 33: 30 days, 45 in a remote area, from
   * the first-instance decision or the lapse of its deadline); a denunciation to the body above the
   * one that settled it (Denunciation Law Art 37). */
  nextStep:
    | { kind: 'complaint'; from: string; until: string; lapsed: boolean; remote: boolean; passed: boolean }
    | { kind: 'denunciation'; lapsed: boolean }
    | null;
  events: PublicEvent[];
};

const ANSWERED: FeedbackStatus[] = ['answered', 'closed'];

export async function trackData(deps: AppDeps, rawCode: string): Promise<TrackData | null> {
  const { db } = deps;
  const code = normaliseTrackingCode(rawCode);
  const f = await db
    .selectFrom('feedback_items as f')
    .innerJoin('units as u', 'u.id', 'f.commune_id')
    .select([
      'f.id',
      'f.tracking_code',
      'f.commune_id',
      'u.name as commune_name',
      'f.kind',
      'f.category',
      'f.channel',
      'f.title',
      'f.status',
      'f.received_on',
      'f.clock',
      'f.due_on',
      'f.late_days',
      'f.forwarded_to',
      'f.refusal_reason',
      'f.answer',
      'f.answered_on',
      'f.publishable',
      'f.public_answer',
      'f.published_on',
      'f.rating',
      'f.reopen_until',
      'f.remote_area',
    ])
    .where('f.tracking_code', '=', code)
    .executeTakeFirst();
  if (!f) return null;
  const events = await db
    .selectFrom('feedback_events')
    .select(['at', 'kind', 'note'])
    .where('item_id', '=', f.id)
    .where('public', '=', 1)
    .orderBy('id')
    .execute();
  const today = todayInVietnam(deps.clock.now());
  const running = (OPEN_STATUSES as readonly string[]).includes(f.status) || (f.clock === 'publish' && !f.published_on);
  let clock: TrackData['clock'] = null;
  if (running && f.clock && f.due_on) {
    clock = { name: f.clock, due: f.due_on, state: dueState(f.due_on, today, ruleSetOn(f.received_on).feedback, await workingCalendar(deps)) };
  }
  const answered = ANSWERED.includes(f.status) && f.answered_on !== null;
  const reopenable = (REOPENABLE as readonly string[]).includes(f.kind);
  const rated = answered && (await ratedThisAnswer(db, f));
  const d: TrackData = {
    code: f.tracking_code,
    commune: { id: f.commune_id, name: f.commune_name },
    kind: f.kind,
    category: f.category,
    channel: f.channel,
    title: f.title,
    status: f.status,
    receivedOn: f.received_on,
    clock,
    lateDays: f.late_days,
    forwardedTo: f.status === 'forwarded' ? f.forwarded_to : null,
    refusalReason: f.status === 'refused' ? f.refusal_reason : null,
    // The text with personal data removed when the unit wrote one; otherwise the answer addressed to
    // the sender, whose key the tracking code is. Handlers write neither with others' personal data.
    answer: answered ? (f.publishable === 1 && f.public_answer ? f.public_answer : f.answer) : null,
    answeredOn: answered ? f.answered_on : null,
    // The rating of the current answer; after a reopening the earlier one is in the history only.
    rating: rated ? f.rating : null,
    canRate: answered && !rated,
    reopenUntil: reopenable && answered && f.reopen_until && today <= f.reopen_until ? f.reopen_until : null,
    nextStep: nextStep(f, answered, today),
    events: events.map((e) => ({ at: e.at, kind: e.kind, note: e.note })),
  };
  return f.kind === 'denunciation' ? denunciationView(d, f) : d;
}

/** R-H4 (Denunciation Law Arts 8(3), 9(1)(b), 47(2), 56): whoever holds the code of a denunciation (the
 * denouncer, or anyone who read their SMS) learns where it stands, not what it says: status, the
 * received date, the clock and its deadline, where it went and what may come next. Not its title,
 * category or channel, nor the text of any step, refusal or answer addressed to the denouncer, which
 * may describe the case, the person denounced or the denouncer; only the conclusion the unit
 * published for everyone (Art 40) is shown once published. */
function denunciationView(d: TrackData, f: { publishable: number; public_answer: string | null; published_on: string | null }): TrackData {
  const published = f.publishable === 1 && f.published_on !== null && f.public_answer ? f.public_answer : null;
  return {
    ...d,
    category: null,
    channel: null,
    title: null,
    refusalReason: null,
    answer: d.answer === null ? null : published,
    events: d.events.map((e) => ({ ...e, note: null })),
  };
}

/** Finding 9: the date from which the Art 33 window runs is the first-instance decision (the answer),
 * or the day after the resolution deadline lapsed without one (Complaints Law Arts 28, 33); the
 * window is counted in calendar days. A denunciation may go upward once settled or once its
 * deadline lapsed (Denunciation Law Art 37). */
function nextStep(
  f: { kind: FeedbackKind; status: FeedbackStatus; clock: FeedbackClock | null; due_on: string | null; answered_on: string | null; remote_area: number },
  answered: boolean,
  today: string,
): TrackData['nextStep'] {
  const lapsed = !answered && f.status === 'accepted' && f.clock === 'resolve' && !!f.due_on && f.due_on < today;
  if (f.kind === 'denunciation' && (answered || lapsed)) return { kind: 'denunciation', lapsed };
  if (f.kind !== 'complaint' || !(answered || lapsed)) return null;
  const from = answered ? f.answered_on! : f.due_on!;
  const remote = f.remote_area === 1;
  const until = addDays(from, remote ? 45 : 30);
  return { kind: 'complaint', from, until, lapsed, remote, passed: today > until };
}

export type PublishedAnswer = {
  kind: FeedbackKind;
  category: string;
  /** The citizen's title, or null where the page shows the kind and category instead (finding 3). */
  title: string | null;
  village: string | null;
  receivedOn: string;
  publishedOn: string;
  answer: string;
};
export const ANSWERS_PER_PAGE = 20;
/** A complaint or denunciation's title is the author's own words about their case ("Tố cáo của Lý Văn
 * Tố…"), and a denunciation's conclusion is always published (Denunciation Law Art 40): the public
 * page names it by kind and category only, without the village, which in a small commune points to
 * the author (R-H4; Denunciation Law Art 9(1)(b); Law 10/2022 Art 9(2)). */
const SETTLED_KINDS: readonly FeedbackKind[] = ['complaint', 'denunciation'];

/** A commune's published answers, newest first (feedback_published index); no code, author or content.
 * Other kinds keep their title unless it carries the author's name, address, phone, e-mail or ID
 * number (the same check as every public text, public-text.ts). */
export async function publishedAnswers(
  deps: Pick<AppDeps, 'db' | 'config'>,
  communeId: number,
  page: number,
): Promise<{ items: PublishedAnswer[]; more: boolean }> {
  const { db } = deps;
  const rows = await db
    .selectFrom('feedback_items as f')
    .leftJoin('units as v', 'v.id', 'f.village_id')
    .select(['f.id', 'f.kind', 'f.category', 'f.title', 'v.name as village', 'f.received_on', 'f.published_on', 'f.public_answer'])
    .where('f.commune_id', '=', communeId)
    .where('f.published_on', 'is not', null)
    .where('f.publishable', '=', 1)
    .where('f.public_answer', 'is not', null)
    .orderBy('f.published_on', 'desc')
    .orderBy('f.id', 'desc')
    .limit(ANSWERS_PER_PAGE + 1)
    .offset((page - 1) * ANSWERS_PER_PAGE)
    .execute();
  const shown = rows.slice(0, ANSWERS_PER_PAGE);
  const titled = shown.filter((r) => !SETTLED_KINDS.includes(r.kind)).map((r) => r.id);
  const sealed = titled.length ? await db.selectFrom('feedback_identities').select(['item_id', 'sealed']).where('item_id', 'in', titled).execute() : [];
  const identities = new Map(sealed.map((x) => [x.item_id, unsealJson<Identity>(deps.config.dataKey, x.sealed)]));
  return {
    items: shown.map((r) => {
      const settled = SETTLED_KINDS.includes(r.kind);
      const id = identities.get(r.id);
      return {
        kind: r.kind,
        category: r.category,
        title: settled || (id && carriesIdentity(id, r.title)) ? null : r.title,
        village: settled ? null : r.village,
        receivedOn: r.received_on,
        publishedOn: r.published_on!,
        answer: r.public_answer!,
      };
    }),
    more: rows.length > ANSWERS_PER_PAGE,
  };
}

// Guessing codes: at most MISSES unknown codes per client address in the window; then every lookup
// from it is refused for the rest of the window, found or not. Every route that takes a code counts
// its misses (review finding 16): the tracking page, the lookup form, rating and reopening, the API.
// The address is kept as a keyed hash (clientKey), which cannot be reversed by trying all addresses.
const MISSES = 30;
const MISS_WINDOW_MS = 10 * 60_000;
/** The database and the config (for the key's secret). */
export type MissCtx = Pick<AppDeps, 'db' | 'config'>;
const split = (ctx: MissCtx) => ({ db: ctx.db, config: ctx.config });
const missKey = (ctx: MissCtx, ip: string): string => `fb-miss:${clientKey(ctx.config, ip)}`;

export async function tooManyMisses(ctx: MissCtx, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - MISS_WINDOW_MS).toISOString();
  const r = await split(ctx)
    .db.selectFrom('rate_hits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', missKey(ctx, ip))
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(r.n) >= MISSES;
}

export const noteMiss = (ctx: MissCtx, ip: string, now: Date) =>
  allowHit(split(ctx).db, [{ key: missKey(ctx, ip), max: MISSES, windowMs: MISS_WINDOW_MS }], now);

/** The intake limit (issue 5 "spam bursts"): config.intakePerMinute submissions a minute per client address. */
const intakeLimit = (deps: AppDeps, ip: string): Limit[] => [
  { key: `fb-intake:${clientKey(deps.config, ip)}`, max: deps.config.intakePerMinute, windowMs: 60_000 },
];
/** A request that stores nothing (a honeypot, an unknown commune) counts its hit on its own. */
export const allowIntake = (deps: AppDeps, ip: string) => allowHit(deps.db, intakeLimit(deps, ip), deps.clock.now());
/** A submission counts its hit inside its own transaction (commands/receive.ts). */
export const allowIntakeIn = (trx: Conn, deps: AppDeps, ip: string) => allowHitIn(trx, deps.dialect, intakeLimit(deps, ip), deps.clock.now());
