// What must be disclosed, as data (LAW.md §1.2, §1.7; R-C1). Labels are short: the statutory
// wording is longer, and the article is cited so a reader can check it. State and work secrets
// are excluded by both articles' chapeau; that is the caller's judgement, not a category.

export type Category = { id: number; vi: string; en: string };

/** A category's label in the page's language. */
export const categoryText = (c: Category, lang: 'vi' | 'en'): string => (lang === 'en' ? c.en : c.vi);

/** Law 10/2022/QH15 Art 11: the 14 groups the commune authority must disclose. */
export const COMMUNE_CATEGORIES: readonly Category[] = [
  {
    id: 1,
    vi: 'Kế hoạch phát triển kinh tế - xã hội, phương án chuyển dịch cơ cấu kinh tế hằng năm và kết quả thực hiện',
    en: 'Annual socio-economic development plan, economic-restructuring plan and results',
  },
  {
    id: 2,
    vi: 'Dự toán, tình hình thực hiện, quyết toán ngân sách xã',
    en: 'Commune budget: estimates submitted and approved, quarterly, 6-monthly and annual execution, final accounts, State Audit follow-up',
  },
  {
    id: 3,
    vi: 'Dự án, công trình đầu tư; bồi thường, hỗ trợ, tái định cư; quản lý quỹ đất, cho thuê đất công ích; quy hoạch xây dựng',
    en: 'Investment projects and progress; land recovery, compensation and resettlement; land fund, public-purpose land lease; construction plans',
  },
  {
    id: 4,
    vi: 'Quy chế thực hiện dân chủ ở xã; nhiệm vụ, quyền hạn của cán bộ, công chức, người hoạt động không chuyên trách; quy tắc ứng xử',
    en: 'Commune democracy regulation; duties of commune officials and part-time village/group staff; code of conduct of office holders',
  },
  {
    id: 5,
    vi: 'Quản lý, sử dụng các quỹ, khoản đầu tư, tài trợ; các khoản huy động Nhân dân đóng góp',
    en: 'Management and use of funds, investments and sponsorships; contributions raised from the people',
  },
  { id: 6, vi: 'Quản lý, sử dụng tài sản công', en: 'Public assets: construction, purchase, use and disposal' },
  {
    id: 7,
    vi: 'Chính sách hỗ trợ, trợ cấp, tín dụng, chương trình mục tiêu quốc gia, nhà ở, thẻ bảo hiểm y tế, an sinh xã hội: tiêu chí, đối tượng, kết quả bình xét',
    en: 'Support, subsidy and credit policies, national target programmes, housing support, health-insurance cards, social protection: criteria, beneficiaries, selection and results',
  },
  {
    id: 8,
    vi: 'Hỗ trợ khắc phục thiên tai, dịch bệnh, người mắc bệnh hiểm nghèo; sử dụng các khoản quyên góp tự nguyện',
    en: 'Disaster and epidemic relief, support for seriously ill patients; use of voluntary donations',
  },
  {
    id: 9,
    vi: 'Gọi công dân nhập ngũ, thực hiện nghĩa vụ Công an nhân dân: số lượng, tiêu chuẩn, danh sách, tạm hoãn, miễn',
    en: "Military and People's Public Security service call-up: numbers, criteria, lists, deferrals and exemptions",
  },
  {
    id: 10,
    vi: 'Kết quả thanh tra, kiểm tra, xử lý tham nhũng, vi phạm của cán bộ xã, thôn, tổ dân phố; kết quả lấy phiếu tín nhiệm',
    en: 'Results of inspections and of handling corruption and violations by commune and village staff; confidence-vote results for HĐND and UBND leaders',
  },
  {
    id: 11,
    vi: 'Lấy ý kiến Nhân dân: kế hoạch, nội dung, kết quả tổng hợp ý kiến, việc giải trình, tiếp thu',
    en: 'Consulting the people (Art 25 matters): plan, content, synthesised results, explanation and uptake',
  },
  {
    id: 12,
    vi: 'Phí, lệ phí và nghĩa vụ tài chính khác do xã trực tiếp thu',
    en: 'Fees, charges and other financial obligations collected directly by the commune',
  },
  { id: 13, vi: 'Thủ tục hành chính thuộc thẩm quyền giải quyết của xã', en: 'Administrative procedures handled by the commune' },
  {
    id: 14,
    vi: 'Nội dung khác theo quy định của pháp luật, quy chế thực hiện dân chủ ở xã',
    en: 'Other matters required by law or by the commune democracy regulation',
  },
];

/** Law 10/2022/QH15 Art 46: the 12 groups an agency or public service unit discloses to its staff. */
export const AGENCY_CATEGORIES: readonly Category[] = [
  {
    id: 1,
    vi: 'Chủ trương, chính sách của Đảng, pháp luật của Nhà nước liên quan đến cơ quan, đơn vị',
    en: 'Party and State policies and laws relevant to the agency',
  },
  { id: 2, vi: 'Kế hoạch công tác hằng năm, hằng quý, hằng tháng', en: 'Annual, quarterly and monthly work plans' },
  {
    id: 3,
    vi: 'Dự toán, tình hình thực hiện, quyết toán ngân sách hằng năm; kết quả thực hiện kiến nghị của Kiểm toán nhà nước',
    en: 'Budget estimates, execution and annual final accounts; State Audit follow-up',
  },
  {
    id: 4,
    vi: 'Tiêu chuẩn, định mức và việc mua sắm, quản lý, sử dụng tài sản công',
    en: 'Public-asset standards and norms; purchase, management and use of public assets',
  },
  {
    id: 5,
    vi: 'Đầu tư công: tiêu chí phân bổ, kế hoạch, tiến độ, giải ngân, nghiệm thu, quyết toán',
    en: 'Public investment: allocation criteria, plans, progress, disbursement, acceptance, final accounts',
  },
  {
    id: 6,
    vi: 'Tuyển dụng, đào tạo, bổ nhiệm, điều động, nâng lương, đánh giá, khen thưởng, kỷ luật, nghỉ hưu; đề án, dự thảo văn bản của cơ quan',
    en: "Personnel actions (recruitment, training, appointment, transfer, salary rises, assessment, rewards, discipline, retirement …); the agency's schemes and draft legal documents",
  },
  {
    id: 7,
    vi: 'Kết luận vụ việc tham nhũng, tiêu cực; bản kê khai tài sản, thu nhập',
    en: 'Conclusions on corruption and negativity cases; asset and income declarations of those required to declare',
  },
  {
    id: 8,
    vi: 'Kết quả thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo, kiến nghị nội bộ',
    en: 'Results of inspections and of internal complaints, denunciations and petitions',
  },
  { id: 9, vi: 'Nội quy, quy chế, quy tắc ứng xử của cơ quan, đơn vị', en: 'Internal rules, regulations and code of conduct' },
  {
    id: 10,
    vi: 'Tổng hợp ý kiến của cán bộ, công chức, viên chức, người lao động và việc giải trình',
    en: 'Synthesis of staff comments and the explanation (Art 53 matters)',
  },
  { id: 11, vi: 'Văn bản chỉ đạo, điều hành của cấp trên liên quan đến cơ quan, đơn vị', en: 'Directives from superiors relevant to the agency' },
  {
    id: 12,
    vi: 'Nội dung khác theo quy định của pháp luật, quy chế dân chủ của cơ quan, đơn vị',
    en: "Other matters required by law or by the agency's democracy regulation",
  },
];

/** Art 11(14) and Art 46(12): the open-ended "other" groups. */
export const COMMUNE_OTHER = 14;
export const AGENCY_OTHER = 12;

export function isCommuneCategory(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= COMMUNE_CATEGORIES.length;
}

export function isAgencyCategory(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= AGENCY_CATEGORIES.length;
}

/** Throws RangeError for anything but 1..14: a bad id is a bug or unchecked input. */
export function communeCategory(id: number): Category {
  if (!isCommuneCategory(id)) throw new RangeError(`not a Law 10/2022 Art 11 category (1–14): ${id}`);
  return COMMUNE_CATEGORIES[id - 1];
}

/** Throws RangeError for anything but 1..12. */
export function agencyCategory(id: number): Category {
  if (!isAgencyCategory(id)) throw new RangeError(`not a Law 10/2022 Art 46 category (1–12): ${id}`);
  return AGENCY_CATEGORIES[id - 1];
}
