// Acceptance, refusal, complexity and extensions (R-H2, R-H3).
// - Complaints Law Art 27: accept within 10 days, with notice; reasons when not accepted.
//   Art 28: resolve within 30 days of acceptance (45 complex; 45/60 in remote areas).
// - Denunciation Law Art 24(1): initial handling within 07 working days (10 with checks at several
//   places), ending in acceptance or not; Art 30: resolve within 30 days of acceptance, extended
//   once (complex) or twice (especially complex) by at most 30 days, each decided in writing with
//   its reason and notified to the denouncer.
// - Complaints Law Arts 9, 11: a complaint past the 90-day limit is not accepted unless the time lost
//   to a documented obstacle (illness, disaster, travel …) brings it back within the limit (R-H1).
// Petitions, reports and questions are "accepted" without a new clock: the answer clock runs on.
import type { Updateable } from 'kysely';
import type { AppDeps } from '../../../app-deps.js';
import type { FeedbackItemTable } from '../../../db/types.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, type T, translator } from '../../../platform/i18n/index.js';
import { type Complexity, complaintLateDays, firstClock, maxExtensions, resolveDue } from '../rules/clocks.js';
import { type Ctx, type HandleResult, invalid, readText, runChange, WRONG_STATE } from './handle.js';
import { checkPublic } from './public-text.js';

const vi = translator('vi');
const COMPLEXITIES: readonly Complexity[] = ['normal', 'complex', 'very_complex'];
const isComplexity = (s: string): s is Complexity => (COMPLEXITIES as readonly string[]).includes(s);
const decided = (kind: string): kind is 'complaint' | 'denunciation' => kind === 'complaint' || kind === 'denunciation';

function resolveOf({ item, rules, cal }: Ctx, acceptedOn: string, complexity: Complexity, extensions: number): string {
  const kind = item.kind as 'complaint' | 'denunciation';
  return resolveDue(kind, acceptedOn, { complexity, remote: item.remote_area === 1, extensions }, rules, cal);
}

/** What the acceptance form may carry: for a complaint past the limit, the days not counted and why. */
export type AcceptInput = { excludedDays?: string; excludedReason?: string };

/** R-H1 (Complaints Law Arts 9, 11): a late complaint is accepted only when the excluded time, with
 * its reason, brings it within the limit; the excluded time is recorded on the item. */
function excludedTime(ctx: Ctx, input: AcceptInput): { ok: true; set: Updateable<FeedbackItemTable> } | { ok: false; errors: FieldErrors } {
  const { item, rules, cal, t } = ctx;
  const daysText = (input.excludedDays ?? '').trim();
  const e: FieldErrors = {};
  if (!/^\d{1,4}$/.test(daysText)) e.excludedDays = t('feedback.handling.err.lateNeedsExcluded', { n: item.late_days });
  const reason = readText(t, e, 'excludedReason', input.excludedReason ?? '', { required: true, max: 2000 });
  if (Object.keys(e).length) return { ok: false, errors: e };
  const days = Number(daysText);
  const late = complaintLateDays(item.known_on as string, item.received_on, days, rules, cal);
  if (late > 0) return { ok: false, errors: { excludedDays: t('feedback.handling.err.stillLate', { n: late }) } };
  return { ok: true, set: { excluded_days: days, excluded_reason: reason, late_days: 0 } };
}

export async function acceptItem(deps: AppDeps, t: T, actor: Actor | null, id: number, version: number, input: AcceptInput = {}): Promise<HandleResult> {
  return runChange(deps, t, actor, id, version, 'accept', (ctx) => {
    const { item, today } = ctx;
    if (item.status !== 'received') return WRONG_STATE;
    const late = item.due_on !== null && today > item.due_on;
    let excluded: Updateable<FeedbackItemTable> = {};
    if (item.kind === 'complaint' && item.late_days > 0 && item.known_on) {
      const x = excludedTime(ctx, input);
      if (!x.ok) return invalid(x.errors);
      excluded = x.set;
    }
    if (!decided(item.kind)) {
      return {
        set: { status: 'accepted', accepted_on: today },
        audit: { action: 'accepted', data: { late } },
        event: { kind: 'accepted' },
        notify: {
          title: vi('feedback.handling.notice.acceptedTitle', { code: item.tracking_code }),
          body: vi('feedback.handling.notice.acceptedBody', { due: formatDate(item.due_on) }),
        },
      };
    }
    const due = resolveOf(ctx, today, item.complexity, item.extensions);
    const lateNote = excluded.excluded_days !== undefined ? ` ${vi('feedback.handling.event.excluded', { n: excluded.excluded_days as number })}` : '';
    return {
      set: { ...excluded, status: 'accepted', accepted_on: today, resolve_due: due, clock: 'resolve', due_on: due, escalated_on: null },
      audit: { action: 'accepted', data: { late, resolveDue: due, excludedDays: excluded.excluded_days ?? null, wasLateDays: item.late_days } },
      event: { kind: 'accepted', note: vi('feedback.handling.event.resolveBy', { date: formatDate(due) }) + lateNote },
      notify: {
        title: vi('feedback.handling.notice.decidedTitle', { code: item.tracking_code }),
        body: vi('feedback.handling.notice.decidedBody', { date: formatDate(today), due: formatDate(due) }),
      },
    };
  });
}

export async function refuseItem(deps: AppDeps, t: T, actor: Actor | null, id: number, version: number, input: { reason: string }) {
  return runChange(deps, t, actor, id, version, 'refuse', async ({ trx, item }) => {
    if (item.status !== 'received') return WRONG_STATE;
    const e: FieldErrors = {};
    const reason = readText(t, e, 'refusalReason', input.reason, { required: true, max: 5000 });
    // The reason shows on the tracking page (finding 4).
    await checkPublic(trx, deps.config.dataKey, t, item.id, e, { refusalReason: reason });
    if (Object.keys(e).length) return invalid(e);
    return {
      set: { status: 'refused', refusal_reason: reason, clock: null, escalated_on: null },
      audit: { action: 'refused' },
      event: { kind: 'refused', note: reason },
      notify: { title: vi('feedback.handling.notice.refusedTitle', { code: item.tracking_code }), body: vi('feedback.handling.notice.refusedBody') },
    };
  });
}

/** Classifies the item (complex / especially complex); for a denunciation still in initial handling,
 * whether checks at several places are needed (07 → 10 working days). Running clocks follow. */
export async function setComplexity(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  id: number,
  version: number,
  input: { complexity: string; multiSite: boolean },
): Promise<HandleResult> {
  return runChange(deps, t, actor, id, version, 'complexity', (ctx) => {
    const { item, rules, cal, today } = ctx;
    if (item.status !== 'received' && item.status !== 'accepted') return WRONG_STATE;
    // Finding 10: classified while the period runs, as an extension (Art 30); a later
    // classification would move a deadline already missed and erase the lateness.
    if (item.due_on && today > item.due_on) return invalid({ complexity: t('feedback.handling.err.complexityOverdue', { date: formatDate(item.due_on) }) });
    if (!isComplexity(input.complexity)) return invalid({ complexity: t('feedback.handling.err.complexityInvalid') });
    const complexity = input.complexity;
    if (item.kind === 'denunciation' && item.extensions > maxExtensions(complexity, rules)) {
      return invalid({ complexity: t('feedback.handling.err.complexityBelowExtensions', { n: item.extensions }) });
    }
    const set: Updateable<FeedbackItemTable> = { complexity };
    let due = item.due_on;
    if (item.kind === 'denunciation' && item.status === 'received') {
      set.multi_site = input.multiSite ? 1 : 0;
      due = firstClock('denunciation', item.received_on, { multiSite: input.multiSite }, rules, cal).due;
      Object.assign(set, { accept_due: due, due_on: due });
    } else if (item.kind === 'complaint' && item.status === 'accepted' && item.accepted_on) {
      due = resolveOf(ctx, item.accepted_on, complexity, item.extensions);
      Object.assign(set, { resolve_due: due, due_on: due });
    }
    if (due !== item.due_on) set.escalated_on = null;
    const changedDue = due !== item.due_on;
    return {
      set,
      audit: { action: 'complexity_set', data: { complexity, multiSite: input.multiSite, dueOn: due } },
      event: {
        kind: 'complexity_set',
        note: vi(`feedback.handling.complexity.${complexity}`) + (changedDue ? `. ${vi('feedback.handling.event.dueNow', { date: formatDate(due) })}` : ''),
        public: false,
      },
      notify: changedDue
        ? {
            title: vi('feedback.handling.notice.dueTitle', { code: item.tracking_code }),
            body: vi('feedback.handling.notice.dueBody', { due: formatDate(due) }),
          }
        : undefined,
    };
  });
}

/** R-H3, Denunciation Law Art 30: one more 30-day period, within the limit of the complexity. */
export async function extendItem(deps: AppDeps, t: T, actor: Actor | null, id: number, version: number, input: { reason: string }) {
  return runChange(deps, t, actor, id, version, 'extend', async (ctx) => {
    const { item, today, rules } = ctx;
    if (item.kind !== 'denunciation') return invalid({ extensionReason: t('feedback.handling.err.extendDenunciationOnly') });
    if (item.status !== 'accepted' || item.clock !== 'resolve' || !item.accepted_on || !item.resolve_due) return WRONG_STATE;
    const max = maxExtensions(item.complexity, rules);
    if (item.extensions >= max) {
      const complexity = t(`feedback.handling.complexity.${item.complexity}`);
      return invalid({ extensionReason: t('feedback.handling.err.extensionLimit', { n: item.extensions, max, complexity }) });
    }
    // An extension is decided while the period runs (Art 30): a late one cannot undo the lateness.
    if (today > item.resolve_due) return invalid({ extensionReason: t('feedback.handling.err.extendOverdue', { date: formatDate(item.resolve_due) }) });
    const e: FieldErrors = {};
    const reason = readText(t, e, 'extensionReason', input.reason, { required: true, max: 2000 });
    await checkPublic(ctx.trx, deps.config.dataKey, t, item.id, e, { extensionReason: reason });
    if (Object.keys(e).length) return invalid(e);
    const n = item.extensions + 1;
    const due = resolveOf(ctx, item.accepted_on, item.complexity, n);
    return {
      set: { extensions: n, resolve_due: due, due_on: due, escalated_on: null },
      audit: { action: 'extended', data: { extension: n, max, from: item.resolve_due, to: due } },
      event: { kind: 'extended', note: `${vi('feedback.handling.event.extendedTo', { n, date: formatDate(due) })} ${reason}` },
      notify: {
        title: vi('feedback.handling.notice.extendedTitle', { code: item.tracking_code }),
        body: vi('feedback.handling.notice.extendedBody', { n, due: formatDate(due), reason }),
      },
    };
  });
}
