// The default catalogue: the resolution of the People's Council of Na Rì district (25th session,
// December 2024), Article 1.2 targets T-2.1…T-2.5, each "100%" (RESOLUTION.md). Kept as text in the
// format of catalogue.ts so the build carries it; another council loads its own file beside it. The
// measures an agency's page shows (module.ts `agencyCompute`) carry their wording for an agency.
export const NA_RI_CATALOGUE = `# Nghị quyết HĐND huyện Na Rì về các biện pháp bảo đảm thực hiện dân chủ ở cơ sở (kỳ họp thứ 25, 12/2024)
resolution | na-ri-2024 | Nghị quyết của HĐND huyện Na Rì về các biện pháp bảo đảm thực hiện dân chủ ở cơ sở (12/2024)

target | T-2.1 | 100 | Người được giao nhiệm vụ thực hiện dân chủ ở cơ sở, thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng, trưởng thôn, trưởng ban công tác Mặt trận, tổ soạn thảo hương ước được tập huấn
indicator | T-2.1 | monitoring.training_coverage | commune | year | public | Tỷ lệ người phải tập huấn đã được tập huấn

target | T-2.2 | 100 | Cơ quan, đơn vị, địa phương tuyên truyền pháp luật về dân chủ ở cơ sở và công khai đầy đủ nội dung phải công khai
indicator | T-2.2 | monitoring.outreach_units | commune | year | public | Tỷ lệ đơn vị có hoạt động tuyên truyền trong năm
indicator | T-2.2 | disclosure.on_time | commune | quarter | public | Tỷ lệ nội dung bắt buộc công khai đúng hạn
indicator | T-2.2 | disclosure.missing | commune | quarter | public | Số nội dung bắt buộc đã đến hạn mà chưa công khai
indicator | T-2.2 | consultation.held | commune | quarter | public | Số dự thảo đã lấy ý kiến Nhân dân
indicator | T-2.2 | consultation.answered | commune | quarter | public | Tỷ lệ đợt lấy ý kiến đã kết thúc có báo cáo tổng hợp, giải trình
indicator | T-2.2 | decisions.held | commune | quarter | public | Số cuộc biểu quyết của Nhân dân đã tổ chức
indicator | T-2.2 | decisions.online | commune | quarter | public | Số cuộc biểu quyết trực tuyến
indicator | T-2.2 | decisions.recognised_on_time | commune | quarter | public | Tỷ lệ kết quả bàn, quyết định được gửi và công nhận đúng hạn
indicator | T-2.2 | dialogue.held | commune | year | public | Tỷ lệ xã tổ chức đối thoại với Nhân dân trong năm (Điều 32) | Người đứng đầu cơ quan, đơn vị đối thoại với cán bộ, công chức, viên chức, người lao động trong năm (Điều 59)

target | T-2.3 | 100 | Cơ quan, đơn vị, địa phương ứng dụng công nghệ thông tin trong thực hiện dân chủ ở cơ sở
indicator | T-2.3 | units.active | village | quarter | public | Tỷ lệ đơn vị có hoạt động trên nền tảng (công khai, trả lời, biểu quyết)
indicator | T-2.3 | feedback.received | commune | quarter | public | Số phản ánh, kiến nghị tiếp nhận | Số phản ánh, kiến nghị cơ quan, đơn vị tiếp nhận
indicator | T-2.3 | feedback.on_time | commune | quarter | public | Tỷ lệ phản ánh, kiến nghị giải quyết đúng hạn | Tỷ lệ phản ánh, kiến nghị cơ quan, đơn vị giải quyết đúng hạn
indicator | T-2.3 | feedback.overdue | commune | quarter | public | Số phản ánh, kiến nghị quá hạn chưa giải quyết | Số phản ánh, kiến nghị cơ quan, đơn vị để quá hạn chưa giải quyết
indicator | T-2.3 | feedback.satisfaction | commune | quarter | public | Tỷ lệ người dân hài lòng với kết quả giải quyết | Tỷ lệ người gửi hài lòng với kết quả cơ quan, đơn vị giải quyết
indicator | T-2.3 | feedback.desk_rating | commune | quarter | public | Chỉ số hài lòng tại bộ phận một cửa (đánh giá QR)

target | T-2.4 | 100 | Cơ quan, đơn vị, địa phương ban hành quy chế dân chủ; hương ước, quy ước được rà soát, sửa đổi theo quy định
indicator | T-2.4 | workplace.regulation_in_force | agency | year | public | Tỷ lệ xã, cơ quan, đơn vị có quy chế thực hiện dân chủ còn hiệu lực | Cơ quan, đơn vị có quy chế thực hiện dân chủ còn hiệu lực (Điều 59)
indicator | T-2.4 | workplace.conference_held | agency | year | public | Tỷ lệ cơ quan (trên 7 người) tổ chức hội nghị cán bộ, công chức đúng hạn | Cơ quan, đơn vị tổ chức hội nghị cán bộ, công chức, viên chức đúng hạn (trên 7 người, Điều 51)
indicator | T-2.4 | covenants.in_force | village | year | public | Tỷ lệ thôn, tổ dân phố có hương ước, quy ước được công nhận còn hiệu lực
indicator | T-2.4 | covenants.reviewed_this_year | village | year | public | Tỷ lệ hương ước, quy ước còn hiệu lực được rà soát trong kỳ

target | T-2.5 | 100 | Cơ quan, đơn vị, địa phương tạo điều kiện cho Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng hoạt động
indicator | T-2.5 | oversight.boards_formed | commune | year | public | Tỷ lệ xã có Ban Thanh tra nhân dân được công nhận | Cơ quan, đơn vị có Ban Thanh tra nhân dân được công nhận (trên 7 người, Điều 60)
indicator | T-2.5 | oversight.boards_active | commune | year | public | Tỷ lệ Ban có kế hoạch và hoạt động trong năm | Ban Thanh tra nhân dân của cơ quan, đơn vị có kế hoạch và hoạt động trong năm
indicator | T-2.5 | oversight.answered_15_days | commune | quarter | public | Tỷ lệ kiến nghị của Ban được trả lời trong 15 ngày | Tỷ lệ kiến nghị của Ban được người đứng đầu trả lời trong 15 ngày (Điều 63)

target | M-3.8 | 100 | Khen thưởng, kỷ luật trong thực hiện dân chủ ở cơ sở (biện pháp 3.8)
indicator | M-3.8 | monitoring.commendations | commune | year | internal | Số cá nhân, tập thể được khen thưởng
indicator | M-3.8 | monitoring.discipline | commune | year | internal | Số cá nhân, tập thể bị xử lý kỷ luật

target | F-a | 100 | Kinh phí bảo đảm thực hiện dân chủ ở cơ sở hằng năm (Điều 2)
indicator | F-a | monitoring.funding_spent | commune | year | public | Tỷ lệ kinh phí đã chi so với dự toán
`;
