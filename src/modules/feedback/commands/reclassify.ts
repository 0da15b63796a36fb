// Reclassifying an item (finding 15): e-mail and the API file what arrives as a report, and a
// citizen may pick the wrong kind. While the item is still only received, the handler sets its kind
// and category; the first clock is counted again from the day of receipt (firstClock; Complaints Law
// Art 27, Denunciation Law Art 24(1), Reception Law Art 28(1)) and the commune's routing rule applies
// again (R-H7). A complaint or denunciation needs its author's name and address (Complaints Law
// Art 8; Denunciation Law Art 23), so an anonymous item never becomes a denunciation (R-H5,
// Denunciation Law Art 25); making or unmaking one is the head's decision.
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import type { FeedbackKind } from '../../../db/types.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, parseDate, type T, translator } from '../../../platform/i18n/index.js';
import { indexDoc } from '../../../platform/search/index.js';
import { type Category, DEFAULT_HANDLER, isCategory, isKind } from '../model.js';
import { complaintLateDays, firstClock } from '../rules/clocks.js';
import { type Handled, type HandleResult, invalid, mayHandle, runChange, WRONG_STATE } from './handle.js';
import { identityOf } from './public-text.js';

const vi = translator('vi');
const settles = (kind: string) => kind === 'complaint' || kind === 'denunciation';

/** The commune's routing rule for the category (as at intake, submit.ts): complaints and denunciations
 * only to the commune or an agency. */
async function routeFor(trx: Conn, it: Handled, kind: FeedbackKind, category: Category) {
  const rule = await trx
    .selectFrom('feedback_routing')
    .select(['handler', 'agency_id'])
    .where('commune_id', '=', it.commune_id)
    .where('category', '=', category)
    .executeTakeFirst();
  const handler = rule?.handler ?? DEFAULT_HANDLER[category];
  if (handler === 'agency' && rule?.agency_id) return { unitId: it.commune_id, agencyId: rule.agency_id, board: 0 };
  if (handler === 'village' && it.village_id && !settles(kind)) return { unitId: it.village_id, agencyId: null, board: 0 };
  if (handler === 'inspection_board' && !settles(kind)) return { unitId: it.commune_id, agencyId: null, board: 1 };
  return { unitId: it.commune_id, agencyId: null, board: 0 };
}

export async function reclassifyItem(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  id: number,
  version: number,
  input: { kind: string; category: string; knownOn: string },
): Promise<HandleResult> {
  return runChange(deps, t, actor, id, version, 'reclassify', async ({ trx, item, actor: a, rules, cal }) => {
    if (item.status !== 'received') return WRONG_STATE;
    const e: FieldErrors = {};
    const kind = input.kind.trim();
    const category = input.category.trim();
    if (!isKind(kind)) e.kind = t('feedback.handling.err.kindInvalid');
    if (!isCategory(category)) e.category = t('feedback.handling.err.categoryInvalid');
    if (!isKind(kind) || !isCategory(category)) return invalid(e);
    if (kind === item.kind && category === item.category) return invalid({ kind: t('feedback.handling.err.reclassifySame') });
    // Making a complaint or denunciation is the head's decision, as unmaking one (actionOf).
    if (settles(kind) && !mayHandle(a, item, 'decide')) return { ok: false, reason: 'forbidden' };
    if (kind === 'denunciation' && item.anonymous) return invalid({ kind: t('feedback.handling.err.reclassifyAnonymous') });
    if (settles(kind) && kind !== item.kind) {
      const who = await identityOf(trx, deps.config.dataKey, item.id);
      if (!who?.name?.trim() || !who.address?.trim()) return invalid({ kind: t('feedback.handling.err.reclassifyNeedsAuthor') });
    }
    // R-H1: a complaint's 90 days run from the day its author learnt of the decision or act.
    let knownOn = item.known_on;
    if (kind === 'complaint') {
      const typed = input.knownOn.trim() ? parseDate(input.knownOn) : null;
      if (input.knownOn.trim() && !typed) e.knownOn = t('feedback.handling.err.date');
      else if (typed && typed > item.received_on) e.knownOn = t('feedback.handling.err.knownAfterReceipt', { date: formatDate(item.received_on) });
      knownOn = typed ?? knownOn;
      if (!knownOn && !e.knownOn) e.knownOn = t('feedback.handling.err.knownOnNeeded');
    }
    if (Object.keys(e).length) return invalid(e);
    const first = firstClock(kind, item.received_on, { multiSite: false }, rules, cal);
    const lateDays = kind === 'complaint' && knownOn ? complaintLateDays(knownOn, item.received_on, item.excluded_days, rules, cal) : 0;
    const route = await routeFor(trx, item, kind, category);
    // Finding 6: a denunciation's title and content stay out of the search index.
    const label = `${vi(`feedback.kind.${kind}`)} · ${vi(`feedback.category.${category}` as 'feedback.category.other')}`;
    const doc = kind === 'denunciation' ? { title: label, text: `u${item.commune_id}` } : { title: item.title, text: `${item.content} u${item.commune_id}` };
    await indexDoc(trx, { entityType: 'feedback_item', entityId: String(item.id), unitId: item.commune_id, ...doc });
    const moved = route.unitId !== item.handler_unit_id || route.agencyId !== item.handler_agency_id || route.board !== item.handler_board;
    return {
      set: {
        kind,
        category,
        known_on: knownOn,
        late_days: lateDays,
        clock: first.clock,
        accept_due: first.due,
        due_on: first.due,
        multi_site: 0,
        escalated_on: null,
        handler_unit_id: route.unitId,
        handler_agency_id: route.agencyId,
        handler_board: route.board,
        // The routing rules know only the inspection board: a move leaves the project's board.
        handler_project_id: moved ? null : item.handler_project_id,
      },
      audit: { action: 'reclassified', data: { from: { kind: item.kind, category: item.category }, to: { kind, category }, due: first.due, lateDays, moved } },
      event: {
        kind: 'reclassified',
        note: `${label}. ${vi('feedback.handling.event.dueNow', { date: formatDate(first.due) })}`,
        toUnitId: moved ? route.unitId : null,
      },
      notify: {
        title: vi('feedback.handling.notice.reclassifiedTitle', { code: item.tracking_code }),
        body: vi('feedback.handling.notice.reclassifiedBody', { kind: vi(`feedback.kind.${kind}`), due: formatDate(first.due) }),
      },
    };
  });
}
