// Receiving a feedback item from any channel (issue 5 items 1–4): the web form (anonymous, a
// signed-in resident, a QR code), an official's record of a walk-in, call, letter, suggestion box or
// social-network message, a reception day, e-mail and the API. One transaction: the item with its
// routing and first clock, the identity sealed apart (R-H4), the history, the search index (title and
// content only), the audit entry (no personal data) and the receipt notice to the citizen. An agency
// receiving citizens itself (its head's reception day, Citizen Reception Law Art 18) records items
// that it then handles.
import type { AppDeps } from '../../../app-deps.js';
import { compiledInsert, compiledOnce } from '../../../db/compiled-once.js';
import type { Conn } from '../../../db/index.js';
import type { FeedbackClock, Unit } from '../../../db/types.js';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam, type WorkingCalendar } from '../../../platform/calendar/calendar.js';
import { workingCalendar } from '../../../platform/calendar/store.js';
import { type FieldErrors, Forbidden, NotFound } from '../../../platform/errors.js';
import { parseId } from '../../../platform/http/ids.js';
import { formatDate, type MessageKey, type T } from '../../../platform/i18n/index.js';
import { indexDoc } from '../../../platform/search/index.js';
import { COMMUNE_LEVELS } from '../../units/levels.js';
import { checkFiles, discardFiles, linkFiles, type Prepared, SIGNED_KINDS, sealSignature, storeFiles, type Upload } from '../attachments.js';
import { appendEvent, CITIZEN, newTrackingCode, notifyCitizen, sealIdentity } from '../common.js';
import { feedbackPolicy } from '../feedback.policy.js';
import { type SubmitMode, type ValidFeedback, validateFeedback } from '../intake-input.js';
import { DEFAULT_HANDLER, type FeedbackInput } from '../model.js';
import { complaintLateDays, firstClock, forwardDue } from '../rules/clocks.js';
import { closedCommune } from './closed-commune.js';

export { MAX_FILES, type Upload } from '../attachments.js';
export { emptyFeedbackInput, readFeedbackInput, type SubmitMode } from '../intake-input.js';
/** Optional parts of a submission: the agency an official records for (modes 'record' and 'reception'
 * only), the author's signature image (a complaint or denunciation; sealed, R-H4), and the caller's
 * open transaction (`trx`), so that the item commits together with the caller's own change (a rating
 * with its comment, a reception booking with the matter received; review finding 22). */
export type SubmitOptions = { agencyId?: number | null; signature?: Upload | null; trx?: Conn; calendar?: WorkingCalendar };
/** With `trx`, an accepted submission also carries `discard`: the caller calls it if its transaction
 * fails after this returned, so that no uploaded file is left behind without its item. */
export type SubmitResult =
  | { ok: true; id: number; code: string; status: 'received'; receivedOn: string; clock: FeedbackClock; dueOn: string; discard?: () => void }
  | { ok: false; errors: FieldErrors };

const RECEIVED = 'received' as const;
// The intake's own statements, compiled once (src/db/compiled-once.ts; docs/performance.md "Feedback").
const codeTaken = compiledOnce((db, code: string) => db.selectFrom('feedback_items').select('id').where('tracking_code', '=', code), ['\u0000code']);
const insertItem = compiledInsert('feedback_items', ['id']);
const insertIdentity = compiledInsert('feedback_identities');

/** The commune an item is sent to (404 for anything else, e.g. a village or a province). */
export async function communeFor(db: Conn, id: number): Promise<Unit> {
  // parseId: a value past int4 would fail on PostgreSQL with a 500 instead of a 404 (finding 21).
  const n = parseId(id);
  const u = n ? await db.selectFrom('units').selectAll().where('id', '=', n).executeTakeFirst() : undefined;
  if (!u || !COMMUNE_LEVELS.includes(u.level)) throw new NotFound();
  return u;
}

/** Where the item goes (issue 5 item 3; R-H7): the commune's rule for the category, else the code's
 * default (the village's own affairs to the village head when the village is known). Complaints and
 * denunciations go only to a body that may settle them: the commune People's Committee or an agency
 * (Complaints Law Art 17; Denunciation Law Arts 13–14); a village head or the inspection board cannot. */
async function routeOf(trx: Conn, commune: Unit, v: ValidFeedback, agencyId: number | null) {
  // The agency received the citizen itself: the matter is its to answer (Citizen Reception Law Arts 18, 28).
  if (agencyId) return { unitId: commune.id, agencyId, board: 0 };
  const rule = await trx
    .selectFrom('feedback_routing')
    .select(['handler', 'agency_id'])
    .where('commune_id', '=', commune.id)
    .where('category', '=', v.category)
    .executeTakeFirst();
  const handler = rule?.handler ?? DEFAULT_HANDLER[v.category];
  const settles = v.kind === 'complaint' || v.kind === 'denunciation';
  if (handler === 'agency' && rule?.agency_id) return { unitId: commune.id, agencyId: rule.agency_id, board: 0 };
  if (handler === 'village' && v.villageId && !settles) return { unitId: v.villageId, agencyId: null, board: 0 };
  if (handler === 'inspection_board' && !settles) return { unitId: commune.id, agencyId: null, board: 1 };
  return { unitId: commune.id, agencyId: null, board: 0 };
}

/** The agency an official records for must be one of this commune's (the permission is checked next). */
async function recordingAgency(db: Conn, commune: Unit, agencyId: number | null): Promise<number | null> {
  if (agencyId === null) return null;
  const a = parseId(agencyId)
    ? await db.selectFrom('agencies').select('id').where('id', '=', agencyId).where('unit_id', '=', commune.id).executeTakeFirst()
    : undefined;
  if (!a) throw new Forbidden();
  return a.id;
}

/**
 * Receives one item. `actor` is the signed-in user (null for an anonymous visitor, the e-mail gateway
 * or the API); modes 'record' and 'reception' need the `record` permission on the commune, or on
 * `options.agencyId` when an agency records (the item then goes to that agency).
 * Files are checked before anything is written and removed again if the transaction fails. With
 * `options.trx` every read and write goes through the caller's transaction (on SQLite a query on the
 * database itself would wait for that transaction forever), and the caller commits or rolls back.
 */
export async function submitFeedback(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  input: FeedbackInput,
  mode: SubmitMode,
  uploads: Upload[] = [],
  options: SubmitOptions = {},
): Promise<SubmitResult> {
  const db = options.trx ?? deps.db;
  const commune = await communeFor(db, input.communeId);
  const recorded = mode === 'record' || mode === 'reception';
  // R-H6 (Citizen Reception Law Art 18): an agency head receiving on their own day records for the
  // agency; agency roles hold the `record` permission only on their own agency.
  const agencyId = recorded ? await recordingAgency(db, commune, options.agencyId ?? null) : null;
  if (recorded && !feedbackPolicy(actor, 'record', { unitPath: commune.path, agencyId })) throw new Forbidden();
  const residentId = mode === 'resident' && actor?.userKind === 'resident' ? actor.userId : null;
  if (mode === 'resident' && !residentId) throw new Forbidden();
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  // A commune abolished in a reorganisation receives nothing: nobody holds a role there any more.
  const closed = await closedCommune(db, t, commune, today);
  if (closed) return { ok: false, errors: { commune: closed.message } };
  const [villages, qr] = await Promise.all([
    db.selectFrom('units').select('id').where('parent_id', '=', commune.id).where('valid_to', 'is', null).execute(),
    input.qrToken.trim()
      ? db
          .selectFrom('qr_points')
          .select(['id', 'kind', 'name'])
          .where('token', '=', input.qrToken.trim())
          .where('commune_id', '=', commune.id)
          .where('active', '=', 1)
          .executeTakeFirst()
      : undefined,
  ]);
  const v = validateFeedback(t, input, mode, { today, villageIds: new Set(villages.map((x) => x.id)), qr: qr ?? null, userId: residentId });
  const signature = options.signature ?? null;
  const fileErrors = checkFiles(deps, t, input.kind, uploads, signature);
  if (!v.ok || fileErrors) return { ok: false, errors: { ...(v.ok ? {} : v.errors), ...fileErrors } };
  const item = v.value;
  const denunciation = item.kind === 'denunciation';
  // R-H4 (Denunciation Law Arts 8(3), 9(1)(b)): a resident's account would name the denouncer, so a
  // denunciation keeps it only inside the sealed identity (review finding 7); other kinds link it.
  const userId = denunciation ? null : residentId;
  const identity = denunciation && residentId ? { ...item.identity, userId: residentId } : item.identity;

  const rules = ruleSetOn(item.receivedOn).feedback;
  // Through the caller's transaction when there is one (see above); the cache is keyed by the database.
  const cal = options.calendar ?? (await workingCalendar(options.trx ? { db: options.trx } : deps));
  const first = firstClock(item.kind, item.receivedOn, { multiSite: false }, rules, cal);
  const lateDays = item.knownOn ? complaintLateDays(item.knownOn, item.receivedOn, item.excludedDays, rules, cal) : 0;
  // R-H4 (Denunciation Law Arts 9(1)(b), 56): a denunciation's files are stored sealed.
  const stored: Prepared[] = storeFiles(deps, uploads, denunciation);
  const write = async (trx: Conn): Promise<SubmitResult> => {
    const settings = await trx.selectFrom('feedback_settings').select('remote_area').where('commune_id', '=', commune.id).executeTakeFirst();
    const route = await routeOf(trx, commune, item, agencyId);
    let code = newTrackingCode();
    // 31^10 codes: a clash is rare, and the unique index still guards the last race.
    for (let i = 0; (await codeTaken(trx, code)).rows.length; i++) {
      if (i >= 5) throw new Error('could not draw a free tracking code');
      code = newTrackingCode();
    }
    const stamp = now.toISOString();
    const inserted = await insertItem<{ id: number }>(trx, {
      tracking_code: code,
      commune_id: commune.id,
      kind: item.kind,
      category: item.category,
      channel: item.channel,
      title: item.title,
      content: item.content,
      place_text: item.placeText,
      village_id: item.villageId,
      qr_point_id: item.qrPointId,
      anonymous: item.anonymous ? 1 : 0,
      handler_unit_id: route.unitId,
      handler_agency_id: route.agencyId,
      handler_board: route.board,
      subject_unit_id: null,
      subject_user_id: null,
      subject_text: item.subjectText,
      status: RECEIVED,
      received_on: item.receivedOn,
      known_on: item.knownOn,
      excluded_days: item.excludedDays,
      excluded_reason: item.excludedReason,
      late_days: lateDays,
      remote_area: settings?.remote_area ?? 0,
      forward_due: forwardDue(item.receivedOn, rules, cal),
      // The first deadline stays in accept_due (acceptance, initial handling, or the answer of a
      // petition, report or question): the statistics judge "on time" against it (stats.ts).
      accept_due: first.due,
      clock: first.clock,
      due_on: first.due,
      notify_channel: item.notifyChannel,
      user_id: userId,
      created_by: recorded ? (actor?.userId ?? null) : null,
      created_at: stamp,
      updated_at: stamp,
    });
    const id = inserted.rows[0]!.id;
    if (Object.keys(identity).length) {
      // A complaint or denunciation always names its author (intake-input.ts), so the signature has its row.
      const sig = signature && SIGNED_KINDS.includes(item.kind) ? sealSignature(deps.config.dataKey, signature) : null;
      await insertIdentity(trx, { item_id: id, sealed: sealIdentity(deps.config.dataKey, identity), signature_sealed: sig });
    }
    await linkFiles(trx, id, stored, stamp);
    // A citizen's own submission is logged without their account: the history and the audit chain
    // are read by officials, and a resident's account would name a denouncer (R-H4).
    const by = recorded && actor ? { userId: actor.userId, label: actor.label } : CITIZEN;
    await appendEvent(trx, id, now, by, { kind: recorded ? 'recorded' : 'received', note: null, toUnitId: route.unitId });
    // R-H4 (Denunciation Law Art 56; review finding 6): the search index is read by every handler of
    // the commune, so a denunciation is indexed by its kind and category only, never by what the
    // denouncer wrote (their title and content can name them or the person denounced).
    const label = `${t(`feedback.kind.${item.kind}`)} · ${t(`feedback.category.${item.category}` as MessageKey)}`;
    await indexDoc(
      trx,
      denunciation
        ? { entityType: 'feedback_item', entityId: String(id), unitId: commune.id, title: label, text: `u${commune.id}` }
        : { entityType: 'feedback_item', entityId: String(id), unitId: commune.id, title: item.title, text: `${item.content} u${commune.id}` },
    );
    await appendAudit(trx, deps.dialect, now, recorded ? actor : CITIZEN, {
      action: recorded ? 'feedback.recorded' : 'feedback.received',
      entityType: 'feedback_item',
      entityId: id,
      unitId: commune.id,
      data: {
        code,
        kind: item.kind,
        category: item.category,
        channel: item.channel,
        receivedOn: item.receivedOn,
        due: first.due,
        lateDays,
        files: stored.length,
        agency: agencyId,
      },
    });
    await notifyCitizen(
      trx,
      deps,
      { id, tracking_code: code, notify_channel: item.notifyChannel, user_id: userId, identity },
      {
        title: t('feedback.intake.notice.title', { code }),
        body: t('feedback.intake.notice.body', {
          unit: commune.name,
          code,
          date: formatDate(item.receivedOn),
          clock: t(`feedback.clock.${first.clock}`),
          due: formatDate(first.due),
        }),
      },
      now,
    );
    return { ok: true, id, code, status: RECEIVED, receivedOn: item.receivedOn, clock: first.clock, dueOn: first.due };
  };
  try {
    if (!options.trx) return await deps.db.transaction().execute(write);
    const r = await write(options.trx);
    return r.ok && stored.length ? { ...r, discard: () => discardFiles(stored) } : r;
  } catch (err) {
    discardFiles(stored);
    throw err;
  }
}
