// Steps, answers and publication (issue 5 item 5; R-H3, R-H4, R-H7).
// The handling unit records its steps (shown to the citizen or internal) and an answer. An answer
// may be published only as a public text with the author's personal data removed (Denunciation Law
// Art 56; Law 10/2022 Art 9(2)): the command refuses a public text that still contains the author's
// name, address, phone, e-mail or ID number. A denunciation's answer is its conclusion: it must be published
// within 07 working days (Art 40), so its clock becomes 'publish'. Other answers are published with
// the answer when the official ticks "may be published". The check (public-text.ts) also covers the
// address, and names typed without diacritics (finding 4).
import type { AppDeps } from '../../../app-deps.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { addDays } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { parseId } from '../../../platform/http/ids.js';
import { formatDate, type T, translator } from '../../../platform/i18n/index.js';
import { publishDue } from '../rules/clocks.js';
import { type HandleResult, invalid, mayHandle, readText, runChange, WRONG_STATE } from './handle.js';
import { checkPublic } from './public-text.js';

const vi = translator('vi');
/** Finding 14: steps and subject links only while the item is being handled or its answer stands. */
const LIVE: readonly string[] = ['received', 'accepted', 'answered'];

export async function answerItem(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  id: number,
  version: number,
  input: { answer: string; publishable: boolean; publicAnswer: string },
): Promise<HandleResult> {
  return runChange(deps, t, actor, id, version, 'answer', async ({ trx, item, today, rules, cal }) => {
    const denunciation = item.kind === 'denunciation';
    const needsAcceptance = denunciation || item.kind === 'complaint';
    if (!(item.status === 'accepted' || (!needsAcceptance && item.status === 'received'))) return WRONG_STATE;
    const e: FieldErrors = {};
    const answer = readText(t, e, 'answer', input.answer, { required: true, max: 20000 });
    // Art 40: a denunciation's conclusion is always made public, without the denouncer's identity.
    const publishable = denunciation || input.publishable;
    const publicAnswer = readText(t, e, 'publicAnswer', input.publicAnswer, { required: publishable, max: 20000 });
    await checkPublic(trx, deps.config.dataKey, t, item.id, e, { publicAnswer });
    if (Object.keys(e).length) return invalid(e);
    const late = item.due_on !== null && today > item.due_on;
    const settings = await trx.selectFrom('feedback_settings').select('reopen_days').where('commune_id', '=', item.commune_id).executeTakeFirst();
    const base = {
      status: 'answered' as const,
      answer,
      answered_on: today,
      publishable: publishable ? 1 : 0,
      public_answer: publicAnswer || null,
      reopen_until: addDays(today, settings?.reopen_days ?? 30),
      escalated_on: null,
    };
    const publish = denunciation ? publishDue(today, rules, cal) : null;
    const set = publish
      ? { ...base, clock: 'publish' as const, publish_due: publish, due_on: publish, published_on: null }
      : { ...base, clock: null, published_on: publishable ? today : null };
    return {
      set,
      audit: { action: 'answered', data: { late, publishable, publishDue: publish } },
      event: { kind: 'answered', note: publish ? vi('feedback.handling.event.publishBy', { date: formatDate(publish) }) : null },
      notify: {
        title: vi('feedback.handling.notice.answeredTitle', { code: item.tracking_code }),
        body: vi('feedback.handling.notice.answeredBody', { date: formatDate(today) }),
      },
    };
  });
}

/** Records that the answer (a denunciation's conclusion, Art 40) was made public, and where. */
export async function publishItem(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  id: number,
  version: number,
  input: { publicAnswer: string; where: string },
): Promise<HandleResult> {
  return runChange(deps, t, actor, id, version, 'publish', async ({ trx, item, today }) => {
    // A reopened and answered again denunciation publishes its new conclusion (clock 'publish').
    if (item.status !== 'answered' || (item.published_on && item.clock !== 'publish')) return WRONG_STATE;
    const e: FieldErrors = {};
    const publicAnswer = readText(t, e, 'publicAnswer', input.publicAnswer, { required: true, max: 20000 });
    const where = readText(t, e, 'publishWhere', input.where, { required: false, max: 500 });
    await checkPublic(trx, deps.config.dataKey, t, item.id, e, { publicAnswer, publishWhere: where });
    if (Object.keys(e).length) return invalid(e);
    const late = item.publish_due !== null && today > item.publish_due;
    return {
      set: { publishable: 1, public_answer: publicAnswer, published_on: today, clock: null, escalated_on: null },
      audit: { action: 'published', data: { late, publishDue: item.publish_due } },
      event: { kind: 'published', note: where || null },
      notify: {
        title: vi('feedback.handling.notice.publishedTitle', { code: item.tracking_code }),
        body: vi('feedback.handling.notice.publishedBody', { date: formatDate(today) }),
      },
    };
  });
}

/** A step of the handling (a site visit, a meeting, a request for documents): public or internal. */
export async function recordStep(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  id: number,
  version: number,
  input: { note: string; public: boolean },
): Promise<HandleResult> {
  return runChange(deps, t, actor, id, version, 'step', async ({ trx, item }) => {
    if (!LIVE.includes(item.status)) return WRONG_STATE;
    const e: FieldErrors = {};
    const note = readText(t, e, 'stepNote', input.note, { required: true, max: 5000 });
    // A public step shows on the tracking page (finding 4).
    if (input.public) await checkPublic(trx, deps.config.dataKey, t, item.id, e, { stepNote: note });
    if (Object.keys(e).length) return invalid(e);
    return {
      set: {},
      audit: { action: 'step', data: { public: input.public } },
      event: { kind: 'step', note, public: input.public },
      notify: input.public ? { title: vi('feedback.handling.notice.stepTitle', { code: item.tracking_code }), body: note } : undefined,
    };
  });
}

/** Links the unit and/or the person a denunciation is about. From then on nobody of
 * that unit and not that person sees the author's identity, and the item cannot be routed to them
 * (R-H4); a denunciation is kept from them altogether (finding 1). Linking where nothing was linked
 * only takes access away, so any handler may do it (the head may be the one denounced); changing a
 * link may give access back, so it is the head's decision (`decide`, finding 5), and a link is never
 * cleared. Whoever the item is about never reaches this command (runChange keeps them out). */
export async function linkSubject(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  id: number,
  version: number,
  input: { unitId: string; userId: string; text: string },
): Promise<HandleResult> {
  return runChange(deps, t, actor, id, version, 'subject', async ({ trx, item, actor: a }) => {
    // Only a denunciation names someone denounced (Denunciation Law Arts 2, 8(3)).
    if (item.kind !== 'denunciation' || !LIVE.includes(item.status)) return WRONG_STATE;
    const e: FieldErrors = {};
    const text = readText(t, e, 'subjectText', input.text, { required: false, max: 500 });
    let unitId = item.subject_unit_id;
    let userId = item.subject_user_id;
    if (input.unitId.trim()) {
      const wanted = parseId(input.unitId.trim());
      const u = wanted ? await trx.selectFrom('units').select(['id', 'path']).where('id', '=', wanted).executeTakeFirst() : undefined;
      if (!u?.path.startsWith(item.communePath)) e.subjectUnitId = t('feedback.handling.err.subjectUnitInvalid');
      // Art 13: a denunciation against the commune People's Committee as a whole is settled above
      // it; linking the whole commune would leave nobody here to forward it.
      else if (u.id === item.commune_id && u.id !== item.subject_unit_id) e.subjectUnitId = t('feedback.handling.err.subjectWholeCommune');
      else unitId = u.id;
    } else if (item.subject_unit_id !== null) e.subjectUnitId = t('feedback.handling.err.subjectNoClear');
    if (input.userId.trim()) {
      const wanted = parseId(input.userId.trim());
      const g = wanted
        ? await trx
            .selectFrom('role_grants as g')
            .innerJoin('units as u', 'u.id', 'g.unit_id')
            .select('g.user_id')
            .where('g.user_id', '=', wanted)
            .where('g.revoked_at', 'is', null)
            .where('u.path', 'like', `${item.communePath}%`)
            .executeTakeFirst()
        : undefined;
      if (!g) e.subjectUserId = t('feedback.handling.err.subjectUserInvalid');
      else userId = g.user_id;
    } else if (item.subject_user_id !== null) e.subjectUserId = t('feedback.handling.err.subjectNoClear');
    if (Object.keys(e).length) return invalid(e);
    const changed = (item.subject_unit_id !== null && unitId !== item.subject_unit_id) || (item.subject_user_id !== null && userId !== item.subject_user_id);
    if (changed && !mayHandle(a, item, 'decide')) return { ok: false, reason: 'forbidden' };
    return {
      set: { subject_unit_id: unitId, subject_user_id: userId, subject_text: text || item.subject_text },
      audit: { action: 'subject_linked', data: { subjectUnitId: unitId, subjectUserId: userId, changed } },
      event: { kind: 'subject_linked', public: false },
    };
  });
}
