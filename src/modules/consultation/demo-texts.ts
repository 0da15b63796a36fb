// Texts of the demo drafts (abridged; marked as demo data by the pages' banner).
export const REGULATION_DRAFT = `QUY CHẾ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ XÃ NA RÌ
(Dự thảo lấy ý kiến Nhân dân)

Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc thực hiện dân chủ ở cơ sở trên địa bàn xã Na Rì: những nội dung công dân được biết, được bàn, được quyết định, được tham gia ý kiến, được kiểm tra, giám sát.
Điều 2. Đối tượng áp dụng
Quy chế áp dụng đối với công dân cư trú trên địa bàn xã, cán bộ, công chức xã, người hoạt động không chuyên trách ở xã và ở thôn.

Chương II
NHỮNG NỘI DUNG CÔNG KHAI
Điều 3. Hình thức công khai
1. Niêm yết tại trụ sở Hội đồng nhân dân, Ủy ban nhân dân xã.
2. Đăng trên trang thông tin điện tử của xã.
3. Thông qua trưởng thôn.
Điều 4. Thời hạn công khai
Thông tin được công khai chậm nhất 05 ngày làm việc kể từ ngày văn bản được ban hành; thời gian niêm yết ít nhất 30 ngày liên tục.

Chương III
NHÂN DÂN THAM GIA Ý KIẾN
Điều 5. Tiếp nhận và trả lời kiến nghị
Ủy ban nhân dân xã tiếp nhận kiến nghị của công dân và trả lời trong thời hạn 15 ngày kể từ ngày nhận được kiến nghị.
Điều 6. Thời gian lấy ý kiến
Thời gian lấy ý kiến Nhân dân ít nhất là 20 ngày kể từ ngày công bố nội dung lấy ý kiến.
Điều 7. Hội nghị đối thoại
Ủy ban nhân dân xã phối hợp với Ủy ban Mặt trận Tổ quốc xã tổ chức hội nghị đối thoại với Nhân dân ít nhất mỗi năm một lần.

Chương IV
ĐIỀU KHOẢN THI HÀNH
Điều 8. Tổ chức thực hiện
Công chức Văn phòng - Thống kê giúp Ủy ban nhân dân xã theo dõi, tổng hợp việc thực hiện Quy chế này.`;

export const VILLAGE_MERGE_DRAFT = `ĐỀ ÁN SÁP NHẬP THÔN (dự thảo)
Điều 1. Sáp nhập
Sáp nhập toàn bộ hộ gia đình, diện tích tự nhiên của hai thôn để thành lập một thôn mới.
Điều 2. Tên thôn mới
Thôn mới có tên gọi do Ủy ban nhân dân xã đề xuất sau khi lấy ý kiến cử tri.
Điều 3. Nhà văn hóa
Thôn mới sử dụng nhà văn hóa của thôn có diện tích lớn hơn; nhà văn hóa còn lại làm điểm sinh hoạt cộng đồng.`;

export const SCHOOL_DRAFT = `QUY CHẾ THỰC HIỆN DÂN CHỦ TRONG NHÀ TRƯỜNG (dự thảo)
Điều 1. Phạm vi
Quy chế áp dụng đối với cán bộ quản lý, giáo viên, nhân viên và người lao động của nhà trường.
Điều 2. Nội dung công khai
Kế hoạch năm học, dự toán, quyết toán, quy chế chi tiêu nội bộ được công khai trong thời hạn 05 ngày làm việc.
Điều 3. Góp ý
Cán bộ, giáo viên góp ý trực tiếp, qua tổ chuyên môn, qua công đoàn hoặc trên hệ thống thông tin nội bộ.`;

export const ROADS_DRAFT = `KẾ HOẠCH PHÁT TRIỂN GIAO THÔNG NÔNG THÔN XÃ XUÂN DƯƠNG NĂM 2027
(Dự thảo lấy ý kiến Nhân dân)

Điều 1. Mục tiêu
Cứng hóa thêm 4 km đường trục thôn, bảo đảm đi lại thuận lợi quanh năm đến trung tâm xã.
Điều 2. Các tuyến ưu tiên
1. Đường từ trung tâm xã đến thôn Khau Pái (1,8 km).
2. Đường từ nhà văn hóa các thôn đến khu sản xuất tập trung (1,2 km).
3. Sửa chữa ngầm tràn qua suối và đoạn đường sạt lở sau mùa mưa 2026.
Điều 3. Nguồn vốn
Ngân sách nhà nước hỗ trợ xi măng, máy móc; Nhân dân đóng góp ngày công và hiến đất làm đường theo thỏa thuận của từng thôn.
Điều 4. Tổ chức thực hiện
Ban quản lý xây dựng xã chủ trì; Ban Giám sát đầu tư của cộng đồng giám sát từng công trình.`;
