// The commune's yearly disclosure plan (Law 10/2022/QH15 Art 14(1): UBND adopts a plan stating
// content, form, time, duration and who is responsible) and the quarterly register (Art 13(2),
// R-C3). The law fixes WHAT (Art 11) and the 05-working-day rule (Art 12(3)); the dates the
// triggering documents appear are local facts, so they are defaults [U] the official edits.
//
// The plan for year Y concerns year Y: every `period` is a period of Y. So some items fall due
// before Y starts (the estimate for Y is submitted to the HĐND in December Y−1) and some after it
// ends (Q4 and annual execution, the Q4 register, the final accounts of Y approved in Y+1).
// Budget items follow the State Budget Law where it sets its own time (Art 12(3) "trừ trường hợp
// pháp luật chuyên ngành có quy định khác"); the defaults are meant to be no later than that time
// as far as it is known, but the budget-law times are unverified here [U]: check them.
import type { RuleSet } from '../../../law/rule-sets.js';
import { addDays, daysBetween, type WorkingCalendar } from '../../../platform/calendar/calendar.js';
import { type PostingRules, postingRules } from './posting.js';

export type Period = 'year' | 'q1' | 'q2' | 'q3' | 'q4' | 'h1';
export type PlanItem = {
  key: string;
  /** Art 11 category; null for the quarterly register, which is an Art 13(2) duty of its own. */
  category: number | null;
  vi: string;
  period: Period;
  dueDate: string;
  /** Duration and broadcast rule of the category (Art 13), for the plan's "thời hạn" column. */
  posting: PostingRules | null;
};

/** Month/day pairs are dates in the year named beside them. Every value is a setting [U]. */
export const DEFAULTS = {
  /** [U] UBND sends the draft budget estimate for Y (with its explanation) to the commune HĐND
   * before the year-end session: assumed by 15/12 of Y−1; disclosed within the Art 12(3) 5 WD. */
  estimateSubmitted: { month: 12, day: 15 },
  /** [U] The commune HĐND's year-end session decides the socio-economic plan and the budget
   * estimate for Y, typically by 31/12 of Y−1; both disclosed within 5 WD of that (Art 12(3)). */
  annualApproval: { month: 12, day: 31 },
  /** [U] Quarterly, 6-monthly and annual budget execution: calendar days after the period's last
   * day. 15 follows what is recalled of Circular 343/2016/TT-BTC ("chậm nhất 15 ngày kể từ ngày
   * kết thúc quý") — unverified; a due day off moves to the next working day (Civil Code Art 148(5)). */
  executionDaysAfterPeriod: 15,
  /** [U] The commune HĐND approves the final accounts of Y at its mid-year session of Y+1:
   * assumed by 31/7 of Y+1 (the province sets the real date); disclosed within 5 WD. */
  settlementApproval: { month: 7, day: 31 },
  /** [U] Fees and charges collected by the commune (cat 12): re-posted for the year by the 5th
   * working day of Y (the rates come from provincial resolutions; re-disclose on change). */
  feesWorkingDaysIntoYear: 5,
  /** [U] Permanent postings (cat 4, 13): checked as in place and current on the 1st working day of Y. */
  permanentCheckWorkingDaysIntoYear: 1,
  /** [U] The quarterly register (R-C3) of every item disclosed, with form and time: posted within
   * 5 working days after the quarter ends (the law says only "hằng quý"). */
  registerWorkingDaysAfterQuarter: 5,
} as const;

const pad = (n: number) => String(n).padStart(2, '0');
const on = (year: number, md: { month: number; day: number }) => `${year}-${pad(md.month)}-${pad(md.day)}`;
const ROMAN = ['I', 'II', 'III', 'IV'];

export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4; start: string; end: string };

/** The calendar quarter holding `date` (the budget year is the calendar year, State Budget Law). */
export function quarterOf(date: string): Quarter {
  addDays(date, 0); // validates
  const year = Number(date.slice(0, 4));
  const quarter = (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as Quarter['quarter'];
  const start = `${date.slice(0, 4)}-${pad(quarter * 3 - 2)}-01`;
  const next = quarter === 4 ? `${year + 1}-01-01` : `${date.slice(0, 4)}-${pad(quarter * 3 + 1)}-01`;
  return { year, quarter, start, end: addDays(next, -1) };
}

/** Default plan for year Y, sorted by due date. Pure: the caller stores and lets officials edit it. */
export function yearlyPlan(year: number, ruleSet: RuleSet, calendar: WorkingCalendar): PlanItem[] {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`not a year: ${year}`);
  const wd = ruleSet.disclosure.deadlineWorkingDays; // Art 12(3)
  const afterDecision = (date: string) => calendar.addWorkingDays(date, wd);
  const yearEndBefore = `${year - 1}-12-31`;
  // Civil Code Art 148(5): a period ending on a day off ends on the next working day.
  const byDay = (date: string) => calendar.addWorkingDays(date, 0);
  const execution = (periodEnd: string) => byDay(addDays(periodEnd, DEFAULTS.executionDaysAfterPeriod));
  const item = (key: string, category: number | null, vi: string, period: Period, dueDate: string): PlanItem => ({
    key,
    category,
    vi,
    period,
    dueDate,
    posting: category === null ? null : postingRules(category, ruleSet, 'commune'),
  });

  const items: PlanItem[] = [
    item('socio-economic-plan', 1, `Kế hoạch phát triển kinh tế - xã hội năm ${year}`, 'year', afterDecision(on(year - 1, DEFAULTS.annualApproval))),
    item(
      'budget-estimate-submitted',
      2,
      `Dự toán ngân sách xã năm ${year} và thuyết minh trình HĐND xã`,
      'year',
      afterDecision(on(year - 1, DEFAULTS.estimateSubmitted)),
    ),
    item(
      'budget-estimate-approved',
      2,
      `Dự toán ngân sách xã năm ${year} đã được HĐND xã quyết định`,
      'year',
      afterDecision(on(year - 1, DEFAULTS.annualApproval)),
    ),
  ];
  for (let q = 1; q <= 4; q++) {
    const { end } = quarterOf(`${year}-${pad(q * 3)}-01`);
    const period = `q${q}` as Period;
    items.push(item(`budget-execution-${period}`, 2, `Tình hình thực hiện dự toán ngân sách xã quý ${ROMAN[q - 1]} năm ${year}`, period, execution(end)));
    const register = calendar.addWorkingDays(end, DEFAULTS.registerWorkingDaysAfterQuarter);
    items.push(
      item(
        `disclosure-register-${period}`,
        null,
        `Danh mục thông tin đã công khai quý ${ROMAN[q - 1]} năm ${year} (hình thức, thời điểm công khai)`,
        period,
        register,
      ),
    );
  }
  items.push(
    item('budget-execution-h1', 2, `Tình hình thực hiện dự toán ngân sách xã 6 tháng đầu năm ${year}`, 'h1', execution(`${year}-06-30`)),
    item('budget-execution-year', 2, `Tình hình thực hiện dự toán ngân sách xã năm ${year}`, 'year', execution(`${year}-12-31`)),
    item(
      'budget-settlement',
      2,
      `Quyết toán ngân sách xã năm ${year} đã được HĐND xã phê chuẩn`,
      'year',
      afterDecision(on(year + 1, DEFAULTS.settlementApproval)),
    ),
    item(
      'democracy-regulation',
      4,
      'Quy chế thực hiện dân chủ ở xã (niêm yết thường xuyên, cập nhật khi thay đổi)',
      'year',
      calendar.addWorkingDays(yearEndBefore, DEFAULTS.permanentCheckWorkingDaysIntoYear),
    ),
    item(
      'administrative-procedures',
      13,
      'Thủ tục hành chính thuộc thẩm quyền giải quyết của xã (niêm yết thường xuyên)',
      'year',
      calendar.addWorkingDays(yearEndBefore, DEFAULTS.permanentCheckWorkingDaysIntoYear),
    ),
    item(
      'fees-and-charges',
      12,
      `Các khoản phí, lệ phí và nghĩa vụ tài chính khác do xã trực tiếp thu năm ${year}`,
      'year',
      calendar.addWorkingDays(yearEndBefore, DEFAULTS.feesWorkingDaysIntoYear),
    ),
  );
  return items.sort((a, b) => daysBetween(b.dueDate, a.dueDate) || a.key.localeCompare(b.key));
}
