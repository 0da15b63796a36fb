// The forms of disclosure (Law 10/2022 Art 12(1), 13(3)–(4); Art 47(1) for agencies).
export const COMMUNE_FORMS = [
  'posting_office', // niêm yết tại trụ sở HĐND, UBND xã (Art 12(1)(a), 13(2))
  'posting_village', // niêm yết tại nhà văn hóa, điểm sinh hoạt cộng đồng thôn (Art 13(2))
  'portal', // cổng, trang thông tin điện tử (Art 12(1)(b), 13(1))
  'loudspeaker', // hệ thống truyền thanh (Art 12(1)(c), 13(3))
  'village_head', // thông qua trưởng thôn, tổ trưởng tổ dân phố (Art 12(1)(d), 13(4))
  'letter', // gửi văn bản đến công dân (Art 12(1)(đ))
  'social_network', // mạng viễn thông, mạng xã hội (Art 12(1)(i))
  'sms', // tin nhắn đến đại diện hộ gia đình (Art 13(4))
  'other',
] as const;
export const AGENCY_FORMS = ['posting_office', 'internal_portal', 'staff_conference', 'written_notice', 'unit_heads', 'union', 'other'] as const;
export type FormKind = (typeof COMMUNE_FORMS)[number] | (typeof AGENCY_FORMS)[number];

export const FORM_LABELS: Record<FormKind, { vi: string; en: string }> = {
  posting_office: { vi: 'Niêm yết tại trụ sở', en: 'Posted at the office' },
  posting_village: { vi: 'Niêm yết tại điểm sinh hoạt cộng đồng thôn', en: 'Posted at village community points' },
  portal: { vi: 'Cổng thông tin điện tử', en: 'Web portal' },
  loudspeaker: { vi: 'Hệ thống truyền thanh', en: 'Loudspeaker system' },
  village_head: { vi: 'Thông qua trưởng thôn', en: 'Through the village head' },
  letter: { vi: 'Gửi văn bản đến người dân', en: 'Letters to residents' },
  social_network: { vi: 'Mạng xã hội (nhóm của thôn, xã)', en: 'Social network' },
  sms: { vi: 'Tin nhắn đến đại diện hộ gia đình', en: 'Text message to household representatives' },
  internal_portal: { vi: 'Hệ thống thông tin nội bộ', en: 'Internal information system' },
  staff_conference: { vi: 'Hội nghị cán bộ, công chức, viên chức', en: 'Staff conference' },
  written_notice: { vi: 'Thông báo bằng văn bản đến toàn thể cán bộ', en: 'Written notice to all staff' },
  unit_heads: { vi: 'Thông qua người đứng đầu đơn vị trực thuộc', en: 'Through heads of sub-units' },
  union: { vi: 'Thông qua tổ chức Đảng, công đoàn', en: 'Through the Party cell or trade union' },
  other: { vi: 'Hình thức khác', en: 'Other' },
};

export const formsFor = (scope: 'commune' | 'agency'): readonly FormKind[] => (scope === 'commune' ? COMMUNE_FORMS : AGENCY_FORMS);

/** A form's label in the page's language. */
export const formLabel = (k: string, lang: 'vi' | 'en'): string => FORM_LABELS[k as FormKind]?.[lang] ?? k;
