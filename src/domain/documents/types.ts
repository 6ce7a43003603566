/**
 * Kinds of administrative documents and their abbreviations.
 * Source: Nghị định 30/2020/NĐ-CP về công tác văn thư, Điều 7 (the kinds) and Phụ lục III (the abbreviations).
 * Công văn and thư công have no abbreviation: their notation is "số/[agency]-[drafting unit]" (Phụ lục I, ô 3).
 */
export const DOCUMENT_TYPE_SOURCE = "Nghị định 30/2020/NĐ-CP, Điều 7 và Phụ lục III";

export interface DocumentType {
  code: string;
  name: string;
  /** Null for công văn and thư công (no abbreviation in Phụ lục III). */
  abbreviation: string | null;
  source: string;
}

const t = (code: string, name: string, abbreviation: string | null): DocumentType => ({
  code,
  name,
  abbreviation,
  source: DOCUMENT_TYPE_SOURCE,
});

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  t("nghi-quyet", "Nghị quyết", "NQ"),
  t("quyet-dinh", "Quyết định", "QĐ"),
  t("chi-thi", "Chỉ thị", "CT"),
  t("quy-che", "Quy chế", "QC"),
  t("quy-dinh", "Quy định", "QyĐ"),
  t("thong-cao", "Thông cáo", "TC"),
  t("thong-bao", "Thông báo", "TB"),
  t("huong-dan", "Hướng dẫn", "HD"),
  t("chuong-trinh", "Chương trình", "CTr"),
  t("ke-hoach", "Kế hoạch", "KH"),
  t("phuong-an", "Phương án", "PA"),
  t("de-an", "Đề án", "ĐA"),
  t("du-an", "Dự án", "DA"),
  t("bao-cao", "Báo cáo", "BC"),
  t("bien-ban", "Biên bản", "BB"),
  t("to-trinh", "Tờ trình", "TTr"),
  t("hop-dong", "Hợp đồng", "HĐ"),
  t("cong-dien", "Công điện", "CĐ"),
  t("ban-ghi-nho", "Bản ghi nhớ", "BGN"),
  t("ban-thoa-thuan", "Bản thỏa thuận", "BTT"),
  t("giay-uy-quyen", "Giấy ủy quyền", "GUQ"),
  t("giay-moi", "Giấy mời", "GM"),
  t("giay-gioi-thieu", "Giấy giới thiệu", "GGT"),
  t("giay-nghi-phep", "Giấy nghỉ phép", "GNP"),
  t("phieu-gui", "Phiếu gửi", "PG"),
  t("phieu-chuyen", "Phiếu chuyển", "PC"),
  t("phieu-bao", "Phiếu báo", "PB"),
  t("cong-van", "Công văn", null),
  t("thu-cong", "Thư công", null),
];

export const DOCUMENT_TYPE_CODES = DOCUMENT_TYPES.map((d) => d.code) as [string, ...string[]];

export function documentType(code: string): DocumentType | undefined {
  return DOCUMENT_TYPES.find((d) => d.code === code);
}

/** Urgency (độ khẩn), NĐ 30/2020 Phụ lục I ô 10b: Khẩn, Thượng khẩn, Hỏa tốc; "normal" has no mark. */
export const URGENCIES = ["normal", "khan", "thuong_khan", "hoa_toc"] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABEL: Record<Urgency, string> = {
  normal: "Thường",
  khan: "Khẩn",
  thuong_khan: "Thượng khẩn",
  hoa_toc: "Hỏa tốc",
};
/** Higher first in inboxes: urgent documents are handled at once (NĐ 30/2020 Điều 22(2)). */
export const URGENCY_RANK: Record<Urgency, number> = { normal: 0, khan: 1, thuong_khan: 2, hoa_toc: 3 };
export function isUrgent(u: Urgency): boolean {
  return u !== "normal";
}

/**
 * Confidentiality (độ mật) of state secrets: Mật, Tối mật, Tuyệt mật (Luật Bảo vệ bí mật nhà nước 2018, Điều 8).
 * Any level other than "normal" limits the document to the people named on it.
 */
export const CONFIDENTIALITIES = ["normal", "mat", "toi_mat", "tuyet_mat"] as const;
export type Confidentiality = (typeof CONFIDENTIALITIES)[number];
export const CONFIDENTIALITY_LABEL: Record<Confidentiality, string> = {
  normal: "Thường",
  mat: "Mật",
  toi_mat: "Tối mật",
  tuyet_mat: "Tuyệt mật",
};
