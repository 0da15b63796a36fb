// A citizen's submission through the web form or the JSON API (issue 5 item 1 and "spam bursts"): the
// per-address rate-limit hit and the item, with its identity, history, search entry, audit entry and
// notice, in one transaction. On SQLite the submissions that arrive together share one commit (group
// commit, src/db/group-commit.ts; docs/architecture.md), each under its own savepoint; the citizen
// gets the tracking code only once the item is committed.
import type { AppDeps } from '../../../app-deps.js';
import { groupCommit } from '../../../db/group-commit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { workingCalendar } from '../../../platform/calendar/store.js';
import { AppError } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/index.js';
import type { FeedbackInput } from '../model.js';
import { allowIntakeIn } from '../public-data.js';
import { type SubmitMode, type SubmitResult, submitFeedback, type Upload } from './submit.js';

export type ReceiveResult = SubmitResult | { ok: false; tooMany: true };

/**
 * Counts the hit of `ip` and, within the limit, receives the item. A refused submission (the limit,
 * or invalid fields) commits its hit alone, so that bursts of invalid submissions are limited too.
 * An expected refusal that `submitFeedback` throws (an unknown commune, no permission) comes before it
 * writes anything: it is kept as the answer and thrown once the hit is committed.
 */
export async function receiveFeedback(
  deps: AppDeps,
  t: T,
  ip: string,
  actor: Actor | null,
  input: FeedbackInput,
  mode: SubmitMode,
  uploads: Upload[] = [],
  signature: Upload | null = null,
): Promise<ReceiveResult> {
  let discard: (() => void) | undefined;
  let refusal: AppError | undefined;
  let r: ReceiveResult;
  // The working calendar is reference data, cached per database: read it before the transaction, so
  // that the group's transaction neither reads nor rebuilds it for every group.
  const calendar = await workingCalendar(deps);
  try {
    r = await groupCommit(deps, async (trx): Promise<ReceiveResult> => {
      if (!(await allowIntakeIn(trx, deps, ip))) return { ok: false, tooMany: true };
      try {
        const s = await submitFeedback(deps, t, actor, input, mode, uploads, { trx, signature, calendar });
        if (s.ok) discard = s.discard;
        return s;
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        refusal = e;
        return { ok: false, errors: {} };
      }
    });
  } catch (e) {
    // The item was not committed: its files go too (submitFeedback removes them when it fails itself).
    discard?.();
    throw e;
  }
  if (refusal) throw refusal;
  return r;
}
