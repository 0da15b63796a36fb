// Texts of the demo covenants (fictional, in the shape of a real hương ước: chapters and articles).
export const DEMO_TEXT_V1 = `Chương I. QUY ĐỊNH CHUNG
Điều 1. Mục đích
Hương ước này quy định việc giữ gìn an ninh trật tự, vệ sinh môi trường và phát huy bản sắc văn hóa của thôn.
Điều 2. Phạm vi áp dụng
Hương ước áp dụng với mọi hộ gia đình và người dân sinh sống trên địa bàn thôn.
Chương II. NỘI DUNG
Điều 3. Vệ sinh môi trường
Mỗi hộ thu gom rác thải đúng nơi quy định; không thả rông gia súc trên đường liên thôn. Hộ vi phạm nộp 200.000 đồng vào quỹ thôn.
Điều 4. Việc cưới, việc tang
Tổ chức việc cưới, việc tang tiết kiệm, văn minh, giữ gìn phong tục tốt đẹp của người Tày.
Điều 5. Khen thưởng
Hằng năm thôn biểu dương các hộ thực hiện tốt hương ước tại hội nghị thôn.`;

export const DEMO_TEXT_V2 = `Chương I. QUY ĐỊNH CHUNG
Điều 1. Mục đích
Hương ước này quy định việc giữ gìn an ninh trật tự, vệ sinh môi trường, phòng cháy rừng và phát huy bản sắc văn hóa của thôn.
Điều 2. Phạm vi áp dụng
Hương ước áp dụng với mọi hộ gia đình và người dân sinh sống trên địa bàn thôn.
Chương II. NỘI DUNG
Điều 3. Vệ sinh môi trường
Mỗi hộ thu gom rác thải đúng nơi quy định; không thả rông gia súc trên đường liên thôn. Hộ vi phạm được nhắc nhở tại hội nghị thôn và khắc phục trong 07 ngày.
Điều 4. Việc cưới, việc tang
Tổ chức việc cưới, việc tang tiết kiệm, văn minh, giữ gìn phong tục tốt đẹp của người Tày.
Điều 5. Khen thưởng
Hằng năm thôn biểu dương các hộ thực hiện tốt hương ước tại hội nghị thôn.
Điều 6. Phòng cháy rừng
Không đốt nương trong mùa khô khi chưa báo trưởng thôn; mỗi hộ cử người tham gia tổ bảo vệ rừng.`;

export const DEMO_TRANSLATION = `Điều 1. (bản dịch tiếng Tày, dữ liệu mẫu) Hương ước nầy quy định slự giữ gìn bản mường.
Điều 6. (bản dịch tiếng Tày, dữ liệu mẫu) Bấu đốt nương mùa khô.`;

export const DEMO_TEXT_OLD = `Điều 1. Quy định chung
Hương ước được xây dựng trên cơ sở phong tục, tập quán tốt đẹp của thôn.
Điều 2. Giữ gìn an ninh trật tự
Các hộ giúp đỡ nhau, hòa giải mâu thuẫn tại tổ hòa giải thôn.
Điều 3. Vệ sinh môi trường
Các hộ giữ gìn đường làng, ngõ xóm sạch đẹp.
Điều 4. Sản xuất
Các hộ giúp nhau làm ăn, chuyển đổi cây trồng phù hợp.
Điều 5. Xử lý vi phạm
Hộ không tham gia họp thôn bị phạt 100.000 đồng.`;
