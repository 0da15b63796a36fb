// The real administrative units of the former Na Rì district and their successors since
// 1 Jul 2025 (shared/domain/units-na-ri.csv; LAW.md §5.2; Resolution 1683/NQ-UBTVQH15).
// Kept as text so the build carries it; `danchu units import <csv>` reads the same format.
export const NA_RI_UNITS_CSV = `code,name,level,parent_code,valid_from,valid_to,successor_code,note
06,Tỉnh Bắc Kạn,province,,,2025-06-30,19,merged into Thái Nguyên (Resolution 202/2025/QH15)
19,Tỉnh Thái Nguyên,province,,,,,since 2025-07-01 includes former Bắc Kạn; 92 communes (77 xã + 15 phường) per Resolution 1683/NQ-UBTVQH15
066,Huyện Na Rì,district,06,,2025-06-30,,district level ended 2025-07-01
02155,Thị trấn Yến Lạc,town,066,,2025-06-30,02155,
02161,Xã Sơn Thành,commune,066,,2025-06-30,02155,
02158,Xã Kim Lư,commune,066,,2025-06-30,02155,
02146,Xã Kim Hỷ,commune,066,,2025-06-30,02143,
02143,Xã Lương Thượng,commune,066,,2025-06-30,02143,the new Xã Văn Lang reuses this code
02140,Xã Văn Lang,commune,066,,2025-06-30,02143,old Văn Lang had code 02140
02137,Xã Văn Vũ,commune,066,,2025-06-30,02152,
02152,Xã Cường Lợi,commune,066,,2025-06-30,02152,
02170,Xã Văn Minh,commune,066,,2025-06-30,02176,
02176,Xã Cư Lễ,commune,066,,2025-06-30,02176,
02179,Xã Trần Phú,commune,066,,2025-06-30,02176,
02185,Xã Quang Phong,commune,066,,2025-06-30,02185,
02188,Xã Dương Sơn,commune,066,,2025-06-30,02185,
02173,Xã Côn Minh,commune,066,,2025-06-30,02185,
02194,Xã Đổng Xá,commune,066,,2025-06-30,02191,
02197,Xã Liêm Thủy,commune,066,,2025-06-30,02191,
02191,Xã Xuân Dương,commune,066,,2025-06-30,02191,
02155,Xã Na Rì,commune,19,2025-07-01,,,formed from Yến Lạc + Sơn Thành + Kim Lư
02143,Xã Văn Lang,commune,19,2025-07-01,,,formed from Kim Hỷ + Lương Thượng + Văn Lang (item 65)
02152,Xã Cường Lợi,commune,19,2025-07-01,,,formed from Văn Vũ + Cường Lợi
02176,Xã Trần Phú,commune,19,2025-07-01,,,formed from Văn Minh + Cư Lễ + Trần Phú
02185,Xã Côn Minh,commune,19,2025-07-01,,,formed from Quang Phong + Dương Sơn + Côn Minh
02191,Xã Xuân Dương,commune,19,2025-07-01,,,formed from Đổng Xá + Liêm Thủy + Xuân Dương (item 70)
`;
