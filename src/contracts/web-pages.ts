/**
 * The pages the web app shows, as the server must know them to answer an unknown address with HTTP 404 (the app
 * still renders its "not found" page in that answer). test/web/web-pages.test.ts checks this list against the app's
 * own routes (STAFF_ROUTES, PORTAL_PATHS), so that a new page cannot be forgotten here.
 */

/** The officers' workspace (web/src/routes.tsx STAFF_ROUTES). */
export const STAFF_PAGE_PATHS: readonly string[] = [
  "/app",
  "/app/units",
  "/app/staff",
  "/app/calendar",
  "/app/catalog",
  "/app/catalog/procedure",
  "/app/catalog/offering",
  "/app/reception",
  "/app/dossiers",
  "/app/dossiers/view",
  "/app/dossiers/book",
  "/app/signing",
  "/app/signing/admin",
  "/app/documents",
  "/app/documents/new",
  "/app/documents/receive",
  "/app/documents/view",
  "/app/documents/registers",
  "/app/documents/stats",
  "/app/documents/files",
  "/app/feedback",
  "/app/feedback/new",
  "/app/feedback/view",
  "/app/feedback-settings",
  "/app/notifications",
  "/app/desk",
  "/app/desk/members",
  "/app/desk/documents",
  "/app/desk/roster",
  "/app/desk/queue",
  "/app/reports",
  "/app/account",
  "/app/account/password",
];

/** Addresses shown as they are. */
const EXACT = new Set([
  ...STAFF_PAGE_PATHS,
  "/",
  "/thu-tuc",
  "/tra-cuu",
  "/kiem-tra-chu-ky",
  "/calendar",
  "/login",
  "/portal",
  "/portal/dang-ky",
  "/portal/dang-ky/xac-nhan",
  "/portal/dang-nhap",
  "/portal/quen-mat-khau",
  "/portal/dat-lai-mat-khau",
  "/portal/tai-khoan",
  "/portal/ho-so",
  "/portal/payment",
  // Feedback and petitions (phản ánh, kiến nghị): the form, the lookup and the published answers.
  "/phan-anh-kien-nghi",
  "/phan-anh-kien-nghi/tra-cuu",
  "/phan-anh-kien-nghi/ket-qua",
  // The desk: its public page and its devices (number kiosk, waiting-room display, counter rating tablet).
  "/mot-cua",
  "/quay/lay-so",
  "/quay/man-hinh",
  "/quay/danh-gia",
]);

/** Addresses with a variable last part: a procedure (slug or code), a dossier, a draft's filing step. */
const PATTERNS = [
  /^\/thu-tuc\/[^/]+$/,
  /^\/portal\/thu-tuc\/[^/]+$/,
  /^\/portal\/ho-so\/[^/]+(?:\/(?:bo-sung|danh-gia))?$/,
  /^\/portal\/nop\/[^/]+\/(?:trang-\d{1,3}|nhan-ket-qua|giay-to|kiem-tra|da-nop)$/,
];

/** Whether the address is one of the app's pages. */
export function isWebPage(pathname: string): boolean {
  return EXACT.has(pathname) || PATTERNS.some((p) => p.test(pathname));
}
