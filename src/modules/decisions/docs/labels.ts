// The Vietnamese words of the community documents (they are legal documents, written in Vietnamese
// whatever the reader's language, as the disclosure poster is), and the facts every document takes
// from a vote record.
import type { MatterItem } from '../../../db/types.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { VoteRecord } from '../present.js';
import type { StoredWorking } from '../rules/threshold.js';

/** A loaded vote record (present.ts loadVoteRecord, found). */
export type Rec = NonNullable<VoteRecord>;

/** Law 10/2022 Art 15: the six kinds of matter the community decides directly. */
export const ITEM_VI: Record<MatterItem, string> = {
  1: 'Chủ trương và mức đóng góp xây dựng cơ sở hạ tầng, công trình công cộng',
  2: 'Thu, chi, quản lý các khoản đóng góp của Nhân dân; các quỹ, tài sản do cộng đồng dân cư quản lý',
  3: 'Nội dung hương ước, quy ước của cộng đồng dân cư',
  4: 'Bầu, cho thôi làm Trưởng thôn, Tổ trưởng tổ dân phố',
  5: 'Bầu, cho thôi làm thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng',
  6: 'Các công việc tự quản khác trong nội bộ cộng đồng dân cư',
};

/** Law 10/2022 Art 17(1): the forms of deciding; Art 18(4): show of hands or secret ballot at a meeting. */
export const FORM_VI = {
  meeting: 'Tổ chức cuộc họp cộng đồng dân cư',
  household_ballot: 'Phát phiếu lấy ý kiến tới từng hộ gia đình',
  online: 'Biểu quyết trực tuyến',
} as const;
export const METHOD_VI = { show_of_hands: 'biểu quyết bằng hình thức giơ tay', secret_ballot: 'bỏ phiếu kín' } as const;

export function formVi(v: Pick<Rec['vote'], 'form' | 'method'>): string {
  return v.form === 'meeting' && v.method ? `${FORM_VI.meeting}, ${METHOD_VI[v.method]}` : FORM_VI[v.form];
}

/** The stored working, with an election's candidates when there are any (rules/threshold.ts). */
export const workingOf = (r: Rec): StoredWorking | null => r.working as StoredWorking | null;

/** Art 21(1): "≥ 2/3" or "> 1/2" of ALL households, and the least number that adopts. */
export function thresholdVi(w: Pick<StoredWorking, 'kind' | 'needed' | 'householdsTotal'>): string {
  const rule = w.kind === 'two_thirds' ? 'Từ hai phần ba (2/3) tổng số hộ gia đình trở lên' : 'Trên một phần hai (50%) tổng số hộ gia đình';
  return `${rule}: cần ít nhất ${w.needed}/${w.householdsTotal} hộ tán thành`;
}

/** The day a document speaks of: the meeting's date, or the day a ballot or online vote closed. */
export function eventDate(r: Rec): string {
  return r.vote.form !== 'meeting' && r.vote.closes_at ? todayInVietnam(new Date(r.vote.closes_at)) : r.vote.vote_date;
}

/** A commune-wide matter is decided village by village; its village result goes to the commune People's Committee to be summed (Art 21(1); Decree 59 Art 4(6)(c)). */
export const isCommuneWide = (r: Rec): boolean => r.matter.scope === 'commune';

/** Option labels, with the counts when they may be shown (never while an online vote or ballot is open). */
export function countRows(r: Rec): { key: string; label: string; n: number }[] {
  return r.options.map((o) => ({ key: o.key, label: o.label, n: r.counts[o.key] ?? 0 }));
}

/** Which count minutes a vote has, if any: 404 for the rest. */
export function countForm(v: Pick<Rec['vote'], 'form' | 'method'>): '02' | '04' | null {
  if (v.form === 'meeting' && v.method === 'secret_ballot') return '02';
  if (v.form === 'household_ballot') return '04';
  return null;
}

/** Only a household ballot and a secret ballot at a meeting are printed on paper. */
export const hasBallotForm = (v: Pick<Rec['vote'], 'form' | 'method'>): boolean =>
  v.form === 'household_ballot' || (v.form === 'meeting' && v.method === 'secret_ballot');

/** Names for the Word files, in Vietnamese; contentDisposition gives browsers an ASCII fallback. */
export function fileName(kind: string, r: Rec): string {
  return `${kind} - ${r.village.name} - ${eventDate(r)}.docx`.replace(/[\\/:*?"<>|]/g, '-');
}
