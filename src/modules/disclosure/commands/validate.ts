// Checks a disclosure as an official typed it; every problem becomes a Vietnamese message next to
// its field (issue 3, "Bad input"). Legal minimums come from the rule set in force on the posting
// date (R-C2, R-C5); the decision date may not be in the future (R-C1).
import { ruleSetOrNull } from '../../../law/rule-sets.js';
import { addDays, daysBetween } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, parseDate, type T } from '../../../platform/i18n/index.js';
import { type FormKind, formsFor } from '../forms.js';
import { isAgencyCategory, isCommuneCategory } from '../rules/categories.js';
import { checkLoudspeakerDays, checkPostingEnd, postingRules } from '../rules/posting.js';
import { validateDecisionDate } from '../rules/timeliness.js';

export type RawForm = { form: string; start: string; end: string; detail: string };
export type DraftInput = {
  category: string;
  title: string;
  body: string;
  decisionNumber: string;
  decisionDate: string;
  decisionSigner: string;
  audience: string;
  villageIds: string[];
  postingStart: string;
  postingEnd: string;
  lateReason: string;
  forms: RawForm[];
};
export type CleanForm = { form: FormKind; start: string; end: string | null; detail: string | null };
export type CleanDraft = {
  category: number;
  title: string;
  body: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  decisionSigner: string | null;
  audience: 'all' | 'villages';
  villageIds: number[];
  postingStart: string | null;
  postingEnd: string | null;
  lateReason: string | null;
  forms: CleanForm[];
};

const MAX_TITLE = 300;
const MAX_BODY = 100_000;

export function validateDraft(
  t: T,
  input: DraftInput,
  scope: 'commune' | 'agency',
  today: string,
  allowedVillages: Set<number>,
): { ok: true; value: CleanDraft } | { ok: false; errors: FieldErrors } {
  const e: FieldErrors = {};
  const category = Number(input.category);
  const validCategory = Number.isInteger(category) && (scope === 'commune' ? isCommuneCategory(category) : isAgencyCategory(category));
  if (!validCategory) e.category = input.category ? t('disclosure.err.categoryInvalid') : t('disclosure.err.categoryRequired');
  const title = input.title.trim();
  if (!title) e.title = t('disclosure.err.titleRequired');
  else if (title.length > MAX_TITLE) e.title = t('disclosure.err.titleTooLong', { max: MAX_TITLE });
  if (input.body.length > MAX_BODY) e.body = t('disclosure.err.bodyTooLong');

  const decisionDate = input.decisionDate.trim() ? parseDate(input.decisionDate) : null;
  if (input.decisionDate.trim() && !decisionDate) e.decisionDate = t('disclosure.err.decisionDateInvalid');
  else if (decisionDate && validateDecisionDate(decisionDate, today) === 'future')
    e.decisionDate = t('disclosure.err.decisionDateFuture', { today: formatDate(today) });

  const postingStart = input.postingStart.trim() ? parseDate(input.postingStart) : null;
  if (input.postingStart.trim() && !postingStart) e.postingStart = t('disclosure.err.postingStartInvalid');
  else if (postingStart && decisionDate && postingStart < decisionDate) e.postingStart = t('disclosure.err.postingStartBeforeDecision');
  const postingEnd = input.postingEnd.trim() ? parseDate(input.postingEnd) : null;
  if (input.postingEnd.trim() && !postingEnd) e.postingEnd = t('disclosure.err.postingEndInvalid');
  const rsStart = postingStart ? ruleSetOrNull(postingStart) : null;
  if (validCategory && postingStart && rsStart && !e.postingEnd) {
    const rs = rsStart;
    const check = checkPostingEnd(category, postingStart, postingEnd, rs, scope);
    if (!check.ok) {
      if (check.reason === 'below_minimum') {
        const min = postingRules(category, rs, scope).minDays;
        e.postingEnd = t(scope === 'commune' ? 'disclosure.err.belowMinimumCommune' : 'disclosure.err.belowMinimumAgency', {
          min: String(min),
          end: formatDate(check.minimumEnd),
        });
      } else if (check.reason === 'permanent_required') e.postingEnd = t('disclosure.err.permanentRequired');
      else e.postingEnd = t('disclosure.err.endBeforeStart');
    }
  }

  const audience = input.audience === 'villages' ? 'villages' : 'all';
  const villageIds = [...new Set(input.villageIds.map(Number).filter(Number.isInteger))];
  if (audience === 'villages') {
    if (villageIds.length === 0) e.villageIds = t('disclosure.err.villagesRequired');
    else if (villageIds.some((v) => !allowedVillages.has(v))) e.villageIds = t('disclosure.err.villageNotInCommune');
  }

  const allowedForms = new Set<string>(formsFor(scope));
  const forms: CleanForm[] = [];
  for (const f of input.forms) {
    if (!allowedForms.has(f.form)) {
      e.forms = t('disclosure.err.formInvalid');
      continue;
    }
    const start = parseDate(f.start || input.postingStart || today);
    const end = f.end.trim() ? parseDate(f.end) : null;
    if (!start || (f.end.trim() && !end)) e[`form_${f.form}`] = t('disclosure.err.dateInvalid');
    else if (end && end < start) e[`form_${f.form}`] = t('disclosure.err.endBeforeStart');
    else {
      forms.push({ form: f.form as FormKind, start, end, detail: f.detail.trim() || null });
      const rsForm = ruleSetOrNull(start);
      if (f.form === 'loudspeaker' && validCategory && scope === 'commune' && rsForm) {
        const days = end ? Array.from({ length: daysBetween(start, end) + 1 }, (_, i) => addDays(start, i)) : [start];
        const r = checkLoudspeakerDays(category, days, rsForm);
        if (!r.ok) e.form_loudspeaker = t('disclosure.err.loudspeakerDays', { category, days: r.needed });
      }
    }
  }
  if (Object.keys(e).length) return { ok: false, errors: e };
  return {
    ok: true,
    value: {
      category,
      title,
      body: input.body.trim(),
      decisionNumber: input.decisionNumber.trim() || null,
      decisionDate,
      decisionSigner: input.decisionSigner.trim() || null,
      audience,
      villageIds: audience === 'villages' ? villageIds : [],
      postingStart,
      postingEnd,
      lateReason: input.lateReason.trim() || null,
      forms,
    },
  };
}
