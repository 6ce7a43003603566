/**
 * Agency identifiers (mã định danh cơ quan), in the two styles in use.
 *
 * 1. QCVN 102:2016/BTTTT (TT 10/2016/TT-BTTTT), bottom-up: `V1V2V3.Z1Z2.Y1Y2.MX1X2` — level 4 (3 digits),
 *    level 3 (2), level 2 (2), level 1 (a letter and two digits: G for central bodies, H for provinces…);
 *    zeros where a level is absent, e.g. `000.00.00.H30` (a province's People's Committee), `000.00.15.H09`.
 *    [V pattern, per DOMAIN.md; confirmed by TT 01/2018/TT-VPCP art. 19 as quoted on seongay.com and
 *    khcn.cinet.vn, which names this code "mã đơn vị theo QCVN … Thông tư số 10/2016/TT-BTTTT"]. That the lower
 *    levels are digits is read from every published example; a level can only be set under a set parent.
 *
 * 2. QĐ 20/2020/QĐ-TTg (amended by QĐ 09/2025/QĐ-TTg), top-down: groups of characters separated by dots,
 *    developed from left to right, at most 35 characters, only `.`, `0-9` and `A-Z` [S: art. 4(1) as quoted by
 *    dientungaynay.vn and thuvienphapluat.vn]. The first group is the level-1 code (a letter and two digits, e.g.
 *    `H55`); TT 04/2025/TT-VPCP writes the code as `MX1X2.Y1Y2Y3.Z1Z2` (e.g. `H55.242`) [S, via DOMAIN.md; the
 *    group widths below that level are not confirmed, so any alphanumeric group is accepted].
 */
import { CodeError } from "./errors.ts";

export type AgencyCodeStyle = "qcvn102" | "topdown";

export type AgencyCode =
  | {
      style: "qcvn102";
      text: string;
      /** Level 1 (MX1X2), e.g. "H09". */
      level1: string;
      /** Level 2 (Y1Y2), "00" when absent. */
      level2: string;
      /** Level 3 (Z1Z2), "00" when absent. */
      level3: string;
      /** Level 4 (V1V2V3), "000" when absent. */
      level4: string;
      /** Deepest level present, 1–4. */
      depth: 1 | 2 | 3 | 4;
    }
  | {
      style: "topdown";
      text: string;
      /** Groups from level 1 down, e.g. ["H55", "242"]. */
      groups: readonly string[];
      depth: number;
    };

const QCVN102 = /^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z]\d{2})$/;
const TOPDOWN = /^[A-Z]\d{2}(?:\.[0-9A-Z]+)*$/;
/** QĐ 20/2020 art. 4(1): at most 35 characters. */
export const TOPDOWN_MAX_LENGTH = 35;

/** Parses an agency identifier of either style; null when it is neither. */
export function parseAgencyCode(text: string): AgencyCode | null {
  if (typeof text !== "string") return null;
  const m = QCVN102.exec(text);
  if (m) {
    const [, level4, level3, level2, level1] = m as unknown as [string, string, string, string, string];
    const has2 = level2 !== "00";
    const has3 = level3 !== "00";
    const has4 = level4 !== "000";
    // A unit of a level sits under a unit of the level above: no level 3 without level 2, no 4 without 3.
    if ((has3 && !has2) || (has4 && !has3)) return null;
    const depth = has4 ? 4 : has3 ? 3 : has2 ? 2 : 1;
    return { style: "qcvn102", text, level1, level2, level3, level4, depth };
  }
  if (text.length <= TOPDOWN_MAX_LENGTH && TOPDOWN.test(text)) {
    const groups = text.split(".");
    return { style: "topdown", text, groups, depth: groups.length };
  }
  return null;
}

export function isAgencyCode(text: string, style?: AgencyCodeStyle): boolean {
  const parsed = parseAgencyCode(text);
  return parsed !== null && (style === undefined || parsed.style === style);
}

/** Parses or throws INVALID_AGENCY_CODE. */
export function agencyCode(text: string): AgencyCode {
  const parsed = parseAgencyCode(text);
  if (!parsed) throw new CodeError("INVALID_AGENCY_CODE", { value: text });
  return parsed;
}

/** The level-1 code (e.g. "H09", "H55"): the ministry or province the agency belongs to. */
export function level1Of(code: AgencyCode): string {
  return code.style === "qcvn102" ? code.level1 : (code.groups[0] as string);
}
