/**
 * Danh mục các thành phần dân tộc Việt Nam: the 54 ethnic groups with their codes, as published by the General
 * Statistics Office (Tổng cục Thống kê) under Quyết định 121-TCTK/PPCĐ ngày 02/3/1979 [S: the list and codes as
 * reproduced by the GSO and in civil-status software; the decision's text was not read here]. Ethnicity on a birth
 * registration is chosen from this list (Luật Hộ tịch 2014 art. 14(1)). The `value` is a stable slug; the code is the
 * two-digit code of the list.
 *
 * Not in the list: a parent who is a foreign national has no Vietnamese ethnic group. How the TT 04/2020 form writes
 * it was not confirmed [?]; motcua offers "Người nước ngoài" (code 55, marked as motcua's choice) for that case.
 */
import { slugify } from "../text/vietnamese.ts";
export interface EthnicGroup {
  code: string;
  value: string;
  nameVi: string;
}

export const ETHNIC_GROUPS_SOURCE =
  "Quyết định 121-TCTK/PPCĐ ngày 02/3/1979 của Tổng cục Thống kê (Danh mục các thành phần dân tộc Việt Nam)";

const NAMES = [
  "Kinh",
  "Tày",
  "Thái",
  "Hoa",
  "Khơ-me",
  "Mường",
  "Nùng",
  "HMông",
  "Dao",
  "Gia-rai",
  "Ngái",
  "Ê-đê",
  "Ba-na",
  "Xơ-Đăng",
  "Sán Chay",
  "Cơ-ho",
  "Chăm",
  "Sán Dìu",
  "Hrê",
  "Mnông",
  "Ra-glai",
  "Xtiêng",
  "Bru-Vân Kiều",
  "Thổ",
  "Giáy",
  "Cơ-tu",
  "Gié-Triêng",
  "Mạ",
  "Khơ-mú",
  "Co",
  "Ta-ôi",
  "Chơ-ro",
  "Kháng",
  "Xinh-mun",
  "Hà Nhì",
  "Chu-ru",
  "Lào",
  "La Chí",
  "La Ha",
  "Phù Lá",
  "La Hủ",
  "Lự",
  "Lô Lô",
  "Chứt",
  "Mảng",
  "Pà Thẻn",
  "Co Lao",
  "Cống",
  "Bố Y",
  "Si La",
  "Pu Péo",
  "Brâu",
  "Ơ Đu",
  "Rơ-măm",
] as const;

/** Slugs kept from the first e-form revision, so that saved answers still match. */
const KEPT_SLUGS: Record<string, string> = { HMông: "hmong" };

function slug(name: string): string {
  return KEPT_SLUGS[name] ?? slugify(name);
}

export const ETHNIC_GROUPS: readonly EthnicGroup[] = NAMES.map((nameVi, i) => ({
  code: String(i + 1).padStart(2, "0"),
  value: slug(nameVi),
  nameVi,
}));

/** The foreign-national choice (not a group of the list; motcua's choice, see above). */
export const FOREIGN_NATIONAL: EthnicGroup = {
  code: "55",
  value: "nguoi-nuoc-ngoai",
  nameVi: "Người nước ngoài",
};
