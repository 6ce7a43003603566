/**
 * Addresses of the citizen portal's pages (Cổng dịch vụ công). The server points at some of them (the identity
 * provider's error page, the payment result page: see src/contracts/citizen-accounts.ts and payments.ts), so
 * they live in one place. Kept free of page code: the first page imports this file.
 */
export const PORTAL_PATHS = {
  home: "/portal",
  procedure: "/portal/thu-tuc",
  register: "/portal/dang-ky",
  confirm: "/portal/dang-ky/xac-nhan",
  signIn: "/portal/dang-nhap",
  forgot: "/portal/quen-mat-khau",
  reset: "/portal/dat-lai-mat-khau",
  account: "/portal/tai-khoan",
  dossiers: "/portal/ho-so",
  file: "/portal/nop",
  payment: "/portal/payment",
} as const;

export function isPortalPath(pathname: string): boolean {
  return pathname === PORTAL_PATHS.home || pathname.startsWith(`${PORTAL_PATHS.home}/`);
}

/** A procedure's start page: what you need, then "Bắt đầu". */
export function procedurePath(slug: string): string {
  return `${PORTAL_PATHS.procedure}/${encodeURIComponent(slug)}`;
}

export function dossierPath(id: string, sub?: "bo-sung" | "danh-gia"): string {
  return `${PORTAL_PATHS.dossiers}/${encodeURIComponent(id)}${sub ? `/${sub}` : ""}`;
}

export type FilingStep = { page: number } | "nhan-ket-qua" | "giay-to" | "kiem-tra" | "da-nop";

/** One step of filing a draft: the e-form's pages (1…n), how the result comes back, the papers, the check, the
 * confirmation. */
export function filingPath(draftId: string, step: FilingStep): string {
  const tail = typeof step === "string" ? step : `trang-${step.page}`;
  return `${PORTAL_PATHS.file}/${encodeURIComponent(draftId)}/${tail}`;
}

/** Only same-site portal paths may be a "next" target after a citizen signs in. */
export function safePortalNext(value: string | null): string {
  return value && isPortalPath(value) && !value.startsWith("//") ? value : PORTAL_PATHS.dossiers;
}
