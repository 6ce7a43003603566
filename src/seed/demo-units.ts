import type { UnitKind } from "../db/tables/foundation.ts";

/**
 * Demo administrative tree.
 *
 * Sources for names: the Bạch Thông district (Bắc Kạn) one-stop article of 2018–2019 and the lists of its 17
 * communes and towns; GSO codes 063 (district), 01969 (Thị trấn Phủ Thông) and 02017 (xã Quang Thuận) as given in
 * the project's DOMAIN.md [secondary sources]. Thái Nguyên's two-tier communes after 1 July 2025 (Nghị quyết
 * 1683/NQ-UBTVQH15 on the reorganisation of Thái Nguyên's commune-level units, which took in Bắc Kạn) [secondary,
 * to check against the resolution].
 *
 * Identifier codes follow the QCVN 102:2016/BTTTT pattern V1V2V3.Z1Z2.Y1Y2.MX1X2 (levels 4.3.2.1). The level-1
 * letter+digits use the GSO province number and the lower levels are numbered here for the demo: they are
 * ILLUSTRATIVE, not the codes the province published. A deployment imports its official codes.
 */
export interface DemoUnit {
  key: string;
  code: string;
  gsoCode?: string;
  name: string;
  kind: UnitKind;
  parent?: string;
  address?: string;
  phone?: string;
  email?: string;
  validFrom?: string;
}

const BACH_THONG_COMMUNES: [string, UnitKind, string?][] = [
  ["Thị trấn Phủ Thông", "township", "01969"],
  ["Xã Phương Linh", "commune"],
  ["Xã Vi Hương", "commune"],
  ["Xã Sĩ Bình", "commune"],
  ["Xã Vũ Muộn", "commune"],
  ["Xã Đôn Phong", "commune"],
  ["Xã Tú Trĩ", "commune"],
  ["Xã Lục Bình", "commune"],
  ["Xã Tân Tiến", "commune"],
  ["Xã Quân Bình", "commune"],
  ["Xã Nguyên Phúc", "commune"],
  ["Xã Cao Sơn", "commune"],
  ["Xã Hà Vị", "commune"],
  ["Xã Cẩm Giàng", "commune"],
  ["Xã Mỹ Thanh", "commune"],
  ["Xã Dương Phong", "commune"],
  ["Xã Quang Thuận", "commune", "02017"],
];

const THAI_NGUYEN_COMMUNES = [
  "Xã Phủ Thông",
  "Xã Cẩm Giàng",
  "Xã Vĩnh Thông",
  "Xã Bạch Thông",
  "Xã Phong Quang",
];

function two(n: number): string {
  return String(n).padStart(2, "0");
}

export const DEMO_UNITS: DemoUnit[] = [
  {
    key: "bac-kan",
    code: "000.00.00.H06",
    gsoCode: "06",
    name: "UBND tỉnh Bắc Kạn",
    kind: "province",
    address: "Phường Đức Xuân, thành phố Bắc Kạn, tỉnh Bắc Kạn",
  },
  {
    key: "bach-thong",
    code: "000.00.31.H06",
    gsoCode: "063",
    name: "UBND huyện Bạch Thông",
    kind: "district",
    parent: "bac-kan",
    address: "Thị trấn Phủ Thông, huyện Bạch Thông, tỉnh Bắc Kạn",
  },
  {
    key: "bach-thong-tu-phap",
    code: "000.20.31.H06",
    name: "Phòng Tư pháp huyện Bạch Thông",
    kind: "agency",
    parent: "bach-thong",
    address: "Thị trấn Phủ Thông, huyện Bạch Thông, tỉnh Bắc Kạn",
  },
  {
    key: "bach-thong-tnmt",
    code: "000.21.31.H06",
    name: "Phòng Tài nguyên và Môi trường huyện Bạch Thông",
    kind: "agency",
    parent: "bach-thong",
    address: "Thị trấn Phủ Thông, huyện Bạch Thông, tỉnh Bắc Kạn",
  },
  ...BACH_THONG_COMMUNES.map(
    ([name, kind, gso], i): DemoUnit => ({
      key: `bt-${i + 1}`,
      code: `000.${two(i + 1)}.31.H06`,
      ...(gso ? { gsoCode: gso } : {}),
      name: `UBND ${name.charAt(0).toLowerCase()}${name.slice(1)}`,
      kind,
      parent: "bach-thong",
      address: `${name}, huyện Bạch Thông, tỉnh Bắc Kạn`,
    }),
  ),
  {
    key: "thai-nguyen",
    code: "000.00.00.H19",
    gsoCode: "19",
    name: "UBND tỉnh Thái Nguyên",
    kind: "province",
    address: "Phường Phan Đình Phùng, tỉnh Thái Nguyên",
    validFrom: "2025-07-01",
  },
  {
    key: "thai-nguyen-so-tu-phap",
    code: "000.00.20.H19",
    name: "Sở Tư pháp tỉnh Thái Nguyên",
    kind: "agency",
    parent: "thai-nguyen",
    address: "Phường Phan Đình Phùng, tỉnh Thái Nguyên",
    validFrom: "2025-07-01",
  },
  ...THAI_NGUYEN_COMMUNES.map(
    (name, i): DemoUnit => ({
      key: `tn-${i + 1}`,
      code: `000.00.${two(i + 1)}.H19`,
      name: `UBND ${name.charAt(0).toLowerCase()}${name.slice(1)}`,
      kind: "commune",
      parent: "thai-nguyen",
      address: `${name}, tỉnh Thái Nguyên`,
      validFrom: "2025-07-01",
    }),
  ),
];

/** Password of every demo account (demo mode only). */
export const DEMO_PASSWORD = "motcua-demo-2026";

export interface DemoStaff {
  username: string;
  fullName: string;
  position: string;
  unit: string;
  roles: ("reception" | "specialist" | "leader" | "clerk" | "unit_admin" | "supervisor" | "system_admin")[];
}

export const DEMO_STAFF: DemoStaff[] = [
  {
    username: "admin",
    fullName: "Quản trị hệ thống",
    position: "Quản trị viên",
    unit: "bac-kan",
    roles: ["system_admin"],
  },
  {
    username: "giamsat.backan",
    fullName: "Hoàng Văn Giám",
    position: "Chuyên viên Văn phòng UBND tỉnh",
    unit: "bac-kan",
    roles: ["supervisor"],
  },
  {
    username: "quantri.bachthong",
    fullName: "Nông Thị Quản",
    position: "Chuyên viên Văn phòng HĐND-UBND huyện",
    unit: "bach-thong",
    roles: ["unit_admin"],
  },
  {
    username: "giamsat.bachthong",
    fullName: "Lý Văn Sát",
    position: "Chánh Văn phòng HĐND-UBND huyện",
    unit: "bach-thong",
    roles: ["supervisor"],
  },
  {
    username: "tiepnhan.quangthuan",
    fullName: "Hà Thị Nhận",
    position: "Công chức Văn phòng - Thống kê",
    unit: "bt-17",
    roles: ["reception"],
  },
  {
    username: "chuyenvien.quangthuan",
    fullName: "Ma Văn Chuyên",
    position: "Công chức Tư pháp - Hộ tịch",
    unit: "bt-17",
    roles: ["specialist"],
  },
  {
    username: "lanhdao.quangthuan",
    fullName: "Triệu Văn Đạo",
    position: "Chủ tịch UBND xã",
    unit: "bt-17",
    roles: ["leader"],
  },
  {
    username: "vanthu.quangthuan",
    fullName: "Lường Thị Thư",
    position: "Văn thư",
    unit: "bt-17",
    roles: ["clerk"],
  },
  {
    username: "quantri.quangthuan",
    fullName: "Đàm Văn Trị",
    position: "Công chức Văn phòng - Thống kê",
    unit: "bt-17",
    roles: ["unit_admin"],
  },
  {
    username: "tiepnhan.phuthong",
    fullName: "Bế Thị Thông",
    position: "Công chức Văn phòng - Thống kê",
    unit: "bt-1",
    roles: ["reception"],
  },
  {
    username: "chuyenvien.phuthong",
    fullName: "La Văn Phủ",
    position: "Công chức Tư pháp - Hộ tịch",
    unit: "bt-1",
    roles: ["specialist"],
  },
  {
    username: "lanhdao.phuthong",
    fullName: "Dương Văn Lãnh",
    position: "Chủ tịch UBND thị trấn",
    unit: "bt-1",
    roles: ["leader"],
  },
  // The desk manager of Thị trấn Phủ Thông: keeps its members, house rules and duty roster (roster.manage).
  {
    username: "quantri.phuthong",
    fullName: "Hà Văn Trực",
    position: "Công chức Văn phòng - Thống kê",
    unit: "bt-1",
    roles: ["unit_admin"],
  },
  {
    username: "tuphap.bachthong",
    fullName: "Vi Thị Pháp",
    position: "Chuyên viên Phòng Tư pháp",
    unit: "bach-thong-tu-phap",
    roles: ["specialist", "reception"],
  },
  {
    username: "truongphong.tuphap",
    fullName: "Mông Văn Trưởng",
    position: "Trưởng phòng Tư pháp",
    unit: "bach-thong-tu-phap",
    roles: ["leader"],
  },
  {
    username: "tiepnhan.phongquang",
    fullName: "Đinh Thị Quang",
    position: "Công chức Văn phòng - Thống kê",
    unit: "tn-5",
    roles: ["reception"],
  },
  {
    username: "lanhdao.phongquang",
    fullName: "Tô Văn Phong",
    position: "Chủ tịch UBND xã",
    unit: "tn-5",
    roles: ["leader"],
  },
  // The district's office for documents (quản lý văn bản): drafter, deputy chairman who signs "KT. Chủ tịch",
  // the clerk who keeps the seal; and the clerk of Thị trấn Phủ Thông.
  {
    username: "chuyenvien.bachthong",
    fullName: "Hoàng Thị Soạn",
    position: "Chuyên viên Văn phòng HĐND-UBND huyện",
    unit: "bach-thong",
    roles: ["specialist"],
  },
  {
    username: "lanhdao.bachthong",
    fullName: "Nông Văn Thành",
    position: "Phó Chủ tịch",
    unit: "bach-thong",
    roles: ["leader"],
  },
  {
    username: "vanthu.bachthong",
    fullName: "Lục Thị Văn",
    position: "Văn thư",
    unit: "bach-thong",
    roles: ["clerk"],
  },
  {
    username: "vanthu.phuthong",
    fullName: "Lâm Thị Lưu",
    position: "Văn thư",
    unit: "bt-1",
    roles: ["clerk"],
  },
];
