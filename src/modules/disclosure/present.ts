// Rows -> view models for pages, feeds and the API.
import type { DisclosureTable } from '../../db/types.js';
import { ruleSetOrNull } from '../../law/rule-sets.js';
import type { WorkingCalendar } from '../../platform/calendar/calendar.js';
import type { Lang, T } from '../../platform/i18n/index.js';
import { agencyCategory, communeCategory } from './rules/categories.js';
import { timeliness } from './rules/timeliness.js';

type Row = Omit<DisclosureTable, 'id' | 'version'> & { id: number; version: number };

export type PublicState = 'draft' | 'current' | 'expired' | 'ended' | 'withdrawn';

export function publicState(d: Pick<Row, 'status' | 'posting_end'>, today: string): PublicState {
  if (d.status === 'published') return d.posting_end && d.posting_end < today ? 'expired' : 'current';
  return d.status;
}

export const STATE_VI: Record<PublicState, string> = {
  draft: 'Bản nháp',
  current: 'Đang công khai',
  expired: 'Đã hết thời hạn niêm yết',
  ended: 'Đã kết thúc',
  withdrawn: 'Đã thu hồi',
};

/** The state's label in the page's language. */
export const stateLabel = (t: T, s: PublicState): string => t(`disclosure.state.${s}`);

/** The category's label in the page's language (categories carry both, rules/categories.ts). */
export const categoryLabelIn = (d: { categoryLabel: string; categoryLabelEn: string }, lang: Lang): string =>
  lang === 'en' ? d.categoryLabelEn : d.categoryLabel;

export function presentDisclosure(d: Row, today: string, cal: WorkingCalendar) {
  const cat = d.scope === 'commune' ? communeCategory(d.category) : agencyCategory(d.category);
  // Records made before Law 10/2022 took effect are shown, not judged (ruleSetOrNull).
  const rs = d.posting_start ? ruleSetOrNull(d.posting_start) : null;
  const timely =
    d.decision_date && d.posting_start && rs ? timeliness({ decisionDate: d.decision_date, disclosureDate: d.posting_start, scope: d.scope }, rs, cal) : null;
  return {
    id: d.id,
    unitId: d.unit_id,
    agencyId: d.agency_id,
    scope: d.scope,
    category: d.category,
    categoryLabel: cat.vi,
    categoryLabelEn: cat.en,
    status: d.status,
    state: publicState(d, today),
    version: d.version,
    title: d.title,
    body: d.body,
    decision: { number: d.decision_number, date: d.decision_date, signer: d.decision_signer },
    audience: d.audience,
    postingStart: d.posting_start,
    postingEnd: d.posting_end,
    permanent: d.posting_start !== null && d.posting_end === null,
    timeliness: timely ? { ...timely, reason: d.late_reason } : null,
    statusReason: d.status_reason,
    publishedAt: d.published_at,
    updatedAt: d.updated_at,
    href: `/disclosures/${d.id}`,
  };
}
export type DisclosureView = ReturnType<typeof presentDisclosure>;
