/**
 * Fields (lĩnh vực) of the commune-level procedure catalog.
 *
 * `nameVi` follows the field names used by the national TTHC database listings that were read while building
 * the catalog (e.g. "Hộ tịch", "Chứng thực", "Bảo trợ xã hội"); `group` is the grouping used by the seed article
 * and by commune one-stop desks ("Tư pháp - Hộ tịch", "Lao động - Thương binh và Xã hội", …). Ministries were
 * reorganised in 2025: `ministry` names the one that publishes the field's procedures as far as the sources read
 * show, with the uncertainty stated in `note`.
 */
export const FIELD_CODES = [
  "ho-tich",
  "chung-thuc",
  "bao-tro-xa-hoi",
  "giam-ngheo",
  "the-duc-the-thao",
  "van-hoa-co-so",
  "giao-duc-mam-non",
  "dat-dai",
  "phong-chong-thien-tai",
  "tin-nguong-ton-giao",
  "thi-dua-khen-thuong",
  "cong-thuong",
  "moi-truong",
  "ho-kinh-doanh",
] as const;

export type FieldCode = (typeof FIELD_CODES)[number];

export interface Field {
  readonly code: FieldCode;
  /** Field name as listed in the national TTHC database. */
  readonly nameVi: string;
  readonly nameEn: string;
  /** Desk grouping used by the seed article. */
  readonly group: string;
  readonly ministry: string;
  readonly note: string | null;
}

export const FIELDS: readonly Field[] = [
  {
    code: "ho-tich",
    nameVi: "Hộ tịch",
    nameEn: "Civil status registration",
    group: "Tư pháp - Hộ tịch",
    ministry: "Bộ Tư pháp",
    note: null,
  },
  {
    code: "chung-thuc",
    nameVi: "Chứng thực",
    nameEn: "Certification of copies, signatures and contracts",
    group: "Tư pháp - Hộ tịch",
    ministry: "Bộ Tư pháp",
    note: null,
  },
  {
    code: "bao-tro-xa-hoi",
    nameVi: "Bảo trợ xã hội",
    nameEn: "Social protection",
    group: "Lao động - Thương binh và Xã hội",
    ministry: "Bộ Y tế",
    note: "Trước năm 2025 do Bộ Lao động - Thương binh và Xã hội quản lý; Cổng dịch vụ công Bộ Y tế đã liệt kê thủ tục 1.001731 của lĩnh vực này (nguồn thứ cấp, cần đối chiếu văn bản phân công).",
  },
  {
    code: "giam-ngheo",
    nameVi: "Giảm nghèo",
    nameEn: "Poverty reduction",
    group: "Lao động - Thương binh và Xã hội",
    ministry: "Bộ Nông nghiệp và Môi trường",
    note: "Quyết định 967/QĐ-BNNMT năm 2025 hướng dẫn thủ tục công nhận hộ nghèo, hộ cận nghèo (theo tin của Thư viện Pháp luật).",
  },
  {
    code: "the-duc-the-thao",
    nameVi: "Thể dục thể thao",
    nameEn: "Physical training and sports",
    group: "Văn hóa - Thể thao",
    ministry: "Bộ Văn hóa, Thể thao và Du lịch",
    note: null,
  },
  {
    code: "van-hoa-co-so",
    nameVi: "Văn hóa cơ sở",
    nameEn: "Grassroots culture",
    group: "Văn hóa - Thể thao",
    ministry: "Bộ Văn hóa, Thể thao và Du lịch",
    note: null,
  },
  {
    code: "giao-duc-mam-non",
    nameVi: "Giáo dục mầm non",
    nameEn: "Early childhood education",
    group: "Giáo dục - Đào tạo",
    ministry: "Bộ Giáo dục và Đào tạo",
    note: null,
  },
  {
    code: "dat-dai",
    nameVi: "Đất đai",
    nameEn: "Land",
    group: "Địa chính - Xây dựng",
    ministry: "Bộ Nông nghiệp và Môi trường",
    note: "Trước năm 2025 thuộc Bộ Tài nguyên và Môi trường.",
  },
  {
    code: "phong-chong-thien-tai",
    nameVi: "Phòng, chống thiên tai",
    nameEn: "Natural disaster prevention and recovery",
    group: "Nông nghiệp",
    ministry: "Bộ Nông nghiệp và Môi trường",
    note: "Trước năm 2025 thuộc Bộ Nông nghiệp và Phát triển nông thôn.",
  },
  {
    code: "tin-nguong-ton-giao",
    nameVi: "Tín ngưỡng, tôn giáo",
    nameEn: "Belief and religion",
    group: "Nội vụ",
    ministry: "Bộ Dân tộc và Tôn giáo",
    note: "Các trang cấp xã đọc được (2023) ghi lĩnh vực «Tôn giáo Chính phủ (Bộ Nội vụ)»; cơ quan chủ quản sau sắp xếp năm 2025 chưa đối chiếu văn bản.",
  },
  {
    code: "thi-dua-khen-thuong",
    nameVi: "Thi đua - khen thưởng",
    nameEn: "Emulation and commendation",
    group: "Nội vụ",
    ministry: "Bộ Nội vụ",
    note: null,
  },
  {
    code: "cong-thuong",
    nameVi: "Lưu thông hàng hóa trong nước",
    nameEn: "Domestic trade",
    group: "Công thương",
    ministry: "Bộ Công Thương",
    note: null,
  },
  {
    code: "moi-truong",
    nameVi: "Môi trường",
    nameEn: "Environment",
    group: "Tài nguyên và Môi trường",
    ministry: "Bộ Nông nghiệp và Môi trường",
    note: "Trước năm 2025 thuộc Bộ Tài nguyên và Môi trường.",
  },
  {
    code: "ho-kinh-doanh",
    nameVi: "Thành lập và hoạt động của hộ kinh doanh",
    nameEn: "Household business registration",
    group: "Tài chính - Kế hoạch",
    ministry: "Bộ Tài chính",
    note: "Từ ngày 03/7/2025 do cơ quan đăng ký kinh doanh cấp xã thực hiện (Quyết định 2353/QĐ-BTC, theo tin báo chí).",
  },
];

const FIELD_BY_CODE: ReadonlyMap<FieldCode, Field> = new Map(FIELDS.map((f) => [f.code, f]));

export function fieldByCode(code: FieldCode): Field {
  const field = FIELD_BY_CODE.get(code);
  if (!field) throw new RangeError(`Unknown field code: ${code}`);
  return field;
}
