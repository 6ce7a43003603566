/**
 * Signing modes (thẩm quyền ký), NĐ 30/2020/NĐ-CP Điều 13 and Phụ lục I ô 7a:
 *  - head (cấp trưởng): the head signs in their own name, no prefix line;
 *  - KT. (ký thay): a deputy signs for the head, "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH";
 *  - TM. (thay mặt): for a collective body, "TM. ỦY BAN NHÂN DÂN" over "CHỦ TỊCH";
 *  - TUQ. (thừa ủy quyền): by written authorisation of the head;
 *  - TL. (thừa lệnh): by order of the head, delegated in the agency's rules.
 */
export const SIGNING_MODES = ["head", "KT", "TM", "TUQ", "TL"] as const;
export type DocumentSigningMode = (typeof SIGNING_MODES)[number];

export const SIGNING_MODE_LABEL: Record<DocumentSigningMode, string> = {
  head: "Cấp trưởng ký",
  KT: "Ký thay (KT.)",
  TM: "Thay mặt (TM.)",
  TUQ: "Thừa ủy quyền (TUQ.)",
  TL: "Thừa lệnh (TL.)",
};

function upper(text: string): string {
  return text.trim().toLocaleUpperCase("vi-VN");
}

/**
 * The authority line of the signature block: "KT. CHỦ TỊCH" from mode KT and "Chủ tịch" (the head's title, or
 * for TM. the collective body). Cấp trưởng has no authority line.
 */
export function authorityLine(
  mode: DocumentSigningMode,
  onBehalfOf: string | null | undefined,
): string | null {
  if (mode === "head") return null;
  const whom = onBehalfOf?.trim();
  if (!whom) throw new RangeError(`signing mode ${mode} needs whom it signs for`);
  return `${mode}. ${upper(whom)}`;
}
