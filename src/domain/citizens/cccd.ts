/**
 * Personal identification number (số định danh cá nhân), printed as the number of the citizen identity card
 * (căn cước công dân, CCCD). Structure set by Thông tư 59/2021/TT-BCA (detailing Luật Căn cước công dân 2014),
 * Điều 7 "Cấu trúc số định danh cá nhân", carried over from Thông tư 07/2016/TT-BCA, Điều 7:
 *
 *   digits 1–3   code of the province (or country) where the birth was registered — Phụ lục I of the circular
 *   digit  4     century of birth and sex: 1900–1999 male 0 / female 1, 2000–2099 male 2 / female 3,
 *                2100–2199 male 4 / female 5, 2200–2299 male 6 / female 7, 2300–2399 male 8 / female 9
 *   digits 5–6   last two digits of the year of birth
 *   digits 7–12  random number (khoảng số ngẫu nhiên)
 *
 * Only province codes are accepted here: a portal account belongs to a citizen whose birth was registered in
 * Vietnam. The codes are those of the 63 provinces listed in Phụ lục I (the 2025 merger into 34 provinces did
 * not renumber identity numbers already issued).
 */

/** Phụ lục I, TT 59/2021/TT-BCA: mã tỉnh, thành phố trực thuộc trung ương nơi đăng ký khai sinh. */
export const CCCD_PROVINCE_CODES: Readonly<Record<string, string>> = {
  "001": "Hà Nội",
  "002": "Hà Giang",
  "004": "Cao Bằng",
  "006": "Bắc Kạn",
  "008": "Tuyên Quang",
  "010": "Lào Cai",
  "011": "Điện Biên",
  "012": "Lai Châu",
  "014": "Sơn La",
  "015": "Yên Bái",
  "017": "Hòa Bình",
  "019": "Thái Nguyên",
  "020": "Lạng Sơn",
  "022": "Quảng Ninh",
  "024": "Bắc Giang",
  "025": "Phú Thọ",
  "026": "Vĩnh Phúc",
  "027": "Bắc Ninh",
  "030": "Hải Dương",
  "031": "Hải Phòng",
  "033": "Hưng Yên",
  "034": "Thái Bình",
  "035": "Hà Nam",
  "036": "Nam Định",
  "037": "Ninh Bình",
  "038": "Thanh Hóa",
  "040": "Nghệ An",
  "042": "Hà Tĩnh",
  "044": "Quảng Bình",
  "045": "Quảng Trị",
  "046": "Thừa Thiên Huế",
  "048": "Đà Nẵng",
  "049": "Quảng Nam",
  "051": "Quảng Ngãi",
  "052": "Bình Định",
  "054": "Phú Yên",
  "056": "Khánh Hòa",
  "058": "Ninh Thuận",
  "060": "Bình Thuận",
  "062": "Kon Tum",
  "064": "Gia Lai",
  "066": "Đắk Lắk",
  "067": "Đắk Nông",
  "068": "Lâm Đồng",
  "070": "Bình Phước",
  "072": "Tây Ninh",
  "074": "Bình Dương",
  "075": "Đồng Nai",
  "077": "Bà Rịa - Vũng Tàu",
  "079": "Thành phố Hồ Chí Minh",
  "080": "Long An",
  "082": "Tiền Giang",
  "083": "Bến Tre",
  "084": "Trà Vinh",
  "086": "Vĩnh Long",
  "087": "Đồng Tháp",
  "089": "An Giang",
  "091": "Kiên Giang",
  "092": "Cần Thơ",
  "093": "Hậu Giang",
  "094": "Sóc Trăng",
  "095": "Bạc Liêu",
  "096": "Cà Mau",
};

export type Sex = "male" | "female";

export interface CccdParts {
  provinceCode: string;
  provinceName: string;
  sex: Sex;
  /** The full year of birth, from the century digit and the two year digits. */
  birthYear: number;
}

export type CccdProblem = "format" | "province" | "birth_year";

const FIRST_CENTURY = 1900;
const LAST_CENTURY = 2300;

/** Reads the parts of a 12-digit identity number, or says what is wrong with it. */
export function parseCccd(
  value: string,
): { ok: true; parts: CccdParts } | { ok: false; problem: CccdProblem } {
  if (!/^\d{12}$/.test(value)) return { ok: false, problem: "format" };
  const provinceCode = value.slice(0, 3);
  const provinceName = CCCD_PROVINCE_CODES[provinceCode];
  if (!provinceName) return { ok: false, problem: "province" };
  const centuryDigit = Number(value[3]);
  const century = FIRST_CENTURY + Math.floor(centuryDigit / 2) * 100;
  const birthYear = century + Number(value.slice(4, 6));
  return {
    ok: true,
    parts: { provinceCode, provinceName, sex: centuryDigit % 2 === 0 ? "male" : "female", birthYear },
  };
}

/** The century/sex digit of Điều 7 for a year of birth and sex (for building test and demo numbers). */
export function centurySexDigit(birthYear: number, sex: Sex): number {
  if (birthYear < FIRST_CENTURY || birthYear >= LAST_CENTURY + 100) throw new RangeError("birth year");
  return Math.floor((birthYear - FIRST_CENTURY) / 100) * 2 + (sex === "female" ? 1 : 0);
}

/**
 * Checks an identity number; when the year of birth is known it must agree with the century digit and the two
 * year digits, and a number cannot encode a birth after `today`.
 */
export function checkCccd(value: string, options: { birthYear?: number | null; today?: Date } = {}) {
  const parsed = parseCccd(value);
  if (!parsed.ok) return parsed;
  const { birthYear } = parsed.parts;
  if (options.birthYear != null && options.birthYear !== birthYear)
    return { ok: false as const, problem: "birth_year" as const };
  if (options.today && birthYear > options.today.getUTCFullYear())
    return { ok: false as const, problem: "birth_year" as const };
  return parsed;
}
