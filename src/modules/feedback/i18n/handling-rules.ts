// Messages of the review's fixes to handling (findings 1, 4–6, 8, 10, 11, 14, 15): who is kept out
// of a denunciation, late complaints, reclassifying, hidden content. Part of i18n/handling.ts;
// English must have the same keys.
export const vi = {
  'feedback.handling.detail.contentHidden': 'Nội dung tố cáo chỉ người có thẩm quyền giải quyết được xem (Điều 56 Luật Tố cáo).',
  'feedback.handling.list.titleHidden': 'Nội dung được giữ bí mật',
  'feedback.handling.err.heldBySubject':
    'Tố cáo này nói về đơn vị đang giữ đơn hoặc người đứng đầu đơn vị: đơn vị chỉ được chuyển đơn đến cấp có thẩm quyền (Điều 13 Luật Tố cáo).',
  'feedback.handling.err.subjectWholeCommune':
    'Tố cáo đối với cả UBND xã do cấp trên giải quyết: hãy chuyển đơn đến cơ quan có thẩm quyền thay vì ghi cả xã (Điều 13 Luật Tố cáo).',
  'feedback.handling.err.subjectNoClear': 'Không được xoá đối tượng bị tố cáo đã ghi; chỉ được ghi thêm hoặc sửa.',
  'feedback.handling.err.lateNeedsExcluded':
    'Khiếu nại quá thời hiệu {n} ngày: chỉ thụ lý khi có lý do chính đáng (Điều 9, 11 Luật Khiếu nại). Nhập tổng số ngày trở ngại không tính vào thời hiệu.',
  'feedback.handling.err.stillLate':
    'Trừ thời gian trở ngại vẫn quá thời hiệu {n} ngày: không thụ lý được (Điều 9, 11 Luật Khiếu nại). Hãy ghi không thụ lý và nêu lý do.',
  'feedback.handling.err.complexityOverdue': 'Đã quá hạn ({date}): mức độ phức tạp phải xác định trước khi hết hạn, không xoá được việc chậm.',
  'feedback.handling.err.kindInvalid': 'Hãy chọn loại trong danh sách.',
  'feedback.handling.err.categoryInvalid': 'Hãy chọn lĩnh vực trong danh sách.',
  'feedback.handling.err.reclassifySame': 'Loại và lĩnh vực không đổi.',
  'feedback.handling.err.reclassifyAnonymous': 'Ý kiến không nêu tên người gửi không được xử lý là tố cáo (Điều 25 Luật Tố cáo); giữ là phản ánh.',
  'feedback.handling.err.reclassifyNeedsAuthor':
    'Khiếu nại, tố cáo cần họ tên và địa chỉ người gửi (Điều 8 Luật Khiếu nại; Điều 23 Luật Tố cáo); ý kiến này không có đủ.',
  'feedback.handling.err.date': 'Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.',
  'feedback.handling.err.knownAfterReceipt': 'Ngày biết quyết định, hành vi không được sau ngày nhận đơn ({date}).',
  'feedback.handling.err.knownOnNeeded': 'Khiếu nại cần ngày người khiếu nại biết quyết định, hành vi (để tính thời hiệu 90 ngày).',
  'feedback.handling.accept.late':
    'Khiếu nại quá thời hiệu 90 ngày {n} ngày (Điều 9 Luật Khiếu nại). Chỉ thụ lý khi thời gian trở ngại có lý do chính đáng đưa đơn về trong thời hiệu (Điều 11).',
  'feedback.handling.accept.excludedDays': 'Tổng số ngày trở ngại không tính vào thời hiệu',
  'feedback.handling.accept.excludedHint': 'Ốm đau, thiên tai, đi công tác, học tập ở nơi xa… Đã ghi khi nhận: {n} ngày.',
  'feedback.handling.accept.excludedReason': 'Lý do, giấy tờ chứng minh',
  'feedback.handling.reclassify.title': 'Phân loại lại',
  'feedback.handling.reclassify.note': 'Chỉ khi mới tiếp nhận. Thời hạn đầu tiên tính lại từ ngày nhận, nơi xử lý theo cài đặt của xã; người gửi được báo.',
  'feedback.handling.reclassify.category': 'Lĩnh vực',
  'feedback.handling.reclassify.knownOnHint': 'Chỉ với khiếu nại: ngày người khiếu nại biết quyết định, hành vi (dd/mm/yyyy).',
  'feedback.handling.reclassify.button': 'Phân loại lại',
  'feedback.handling.event.reclassified': 'Phân loại lại',
  'feedback.handling.event.excluded': 'Không tính {n} ngày trở ngại vào thời hiệu.',
  'feedback.handling.flash.reclassify': 'Đã phân loại lại và báo người gửi.',
  'feedback.handling.notice.reclassifiedTitle': 'Phân loại lại {code}',
  'feedback.handling.notice.reclassifiedBody': 'Ý kiến của bạn được xử lý là {kind}; thời hạn: {due}.',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'feedback.handling.detail.contentHidden': 'Only those competent to settle a denunciation may read it (Denunciation Law Art 56).',
  'feedback.handling.list.titleHidden': 'Content kept confidential',
  'feedback.handling.err.heldBySubject':
    'This denunciation is about the unit holding it or the unit’s head: the unit may only forward it to the competent level (Denunciation Law Art 13).',
  'feedback.handling.err.subjectWholeCommune':
    "A denunciation against the whole commune People's Committee is settled above it: forward it instead of linking the commune (Denunciation Law Art 13).",
  'feedback.handling.err.subjectNoClear': 'A subject once linked cannot be removed; it can only be added to or changed.',
  'feedback.handling.err.lateNeedsExcluded':
    'The complaint is {n} days past the limit: it is accepted only with a valid excuse (Complaints Law Arts 9, 11). Enter the total days not counted.',
  'feedback.handling.err.stillLate':
    'Even without the excluded days it is {n} days past the limit: it cannot be accepted (Complaints Law Arts 9, 11). Refuse it with the reason.',
  'feedback.handling.err.complexityOverdue': 'Past the deadline ({date}): complexity is set before the deadline; it cannot erase the delay.',
  'feedback.handling.err.kindInvalid': 'Choose a kind from the list.',
  'feedback.handling.err.categoryInvalid': 'Choose a category from the list.',
  'feedback.handling.err.reclassifySame': 'Kind and category are unchanged.',
  'feedback.handling.err.reclassifyAnonymous':
    'An item without the sender’s name is not handled as a denunciation (Denunciation Law Art 25); keep it a report.',
  'feedback.handling.err.reclassifyNeedsAuthor':
    "A complaint or denunciation needs the sender's name and address (Complaints Law Art 8; Denunciation Law Art 23); this item lacks them.",
  'feedback.handling.err.date': 'Not a valid date: use dd/mm/yyyy.',
  'feedback.handling.err.knownAfterReceipt': 'The day the decision or act became known cannot be after receipt ({date}).',
  'feedback.handling.err.knownOnNeeded': 'A complaint needs the day its author learnt of the decision or act (for the 90-day limit).',
  'feedback.handling.accept.late':
    'The complaint is {n} days past the 90-day limit (Complaints Law Art 9). Accept it only if time lost to a valid obstacle brings it within the limit (Art 11).',
  'feedback.handling.accept.excludedDays': 'Total days not counted towards the limit',
  'feedback.handling.accept.excludedHint': 'Illness, disaster, work or study far away… Recorded at receipt: {n} days.',
  'feedback.handling.accept.excludedReason': 'Reason and supporting documents',
  'feedback.handling.reclassify.title': 'Reclassify',
  'feedback.handling.reclassify.note':
    "Only while just received. The first deadline is counted again from receipt and the commune's routing applies; the sender is told.",
  'feedback.handling.reclassify.category': 'Category',
  'feedback.handling.reclassify.knownOnHint': 'Complaints only: the day the complainant learnt of the decision or act (dd/mm/yyyy).',
  'feedback.handling.reclassify.button': 'Reclassify',
  'feedback.handling.event.reclassified': 'Reclassified',
  'feedback.handling.event.excluded': '{n} days of obstacles not counted towards the limit.',
  'feedback.handling.flash.reclassify': 'Reclassified; the sender was told.',
  'feedback.handling.notice.reclassifiedTitle': 'Reclassified {code}',
  'feedback.handling.notice.reclassifiedBody': 'Your item is handled as a {kind}; deadline: {due}.',
};
