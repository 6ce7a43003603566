/**
 * How the isolation matrix calls each route: a request that passes schema validation (so that what answers is the
 * authorization, not the validator), aimed at a real resource of the unit under test. Changes are made harmless
 * where the API allows it: stale versions (409 once past visibility and the action's authorization: a caller who
 * may not act gets its refusal whatever the version), dry runs, wrong passwords.
 */
import type { Fixture, UnitFx } from "./fixture.ts";
import { FORM_CODE, ROOT_PEM, SIGNER_PEM } from "./fixture.ts";

export type Needs =
  | "dossier"
  | "atLeader"
  | "uploadId"
  | "offeringId"
  | "credentialId"
  | "paymentId"
  | "portalDraft"
  | "messageId"
  | "feedback"
  | "desk"
  | "documentId"
  | "workFileId";

export interface MatrixRequest {
  method: string;
  url: string;
  payload?: unknown;
}

export type RouteCall =
  | { scope: "none"; build(fx: Fixture): MatrixRequest; resetsSession?: boolean }
  | {
      scope: "unit";
      /** The resource the unit must hold for the cell to exist. */
      needs?: Needs;
      build(unit: UnitFx, fx: Fixture): MatrixRequest;
    };

const STALE = 999_999;
const PDF_B64 = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj " +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
).toString("base64");

const get = (url: string): MatrixRequest => ({ method: "GET", url });
const post = (url: string, payload?: unknown): MatrixRequest => ({ method: "POST", url, payload });
const V1 = "/api/v1";

const none = (build: (fx: Fixture) => MatrixRequest, resetsSession = false): RouteCall => ({
  scope: "none",
  build,
  resetsSession,
});
const unit = (build: (u: UnitFx, fx: Fixture) => MatrixRequest, needs?: Needs): RouteCall => ({
  scope: "unit",
  build,
  ...(needs ? { needs } : {}),
});
const dossier = (path: string, payload: (u: UnitFx) => unknown = () => ({ version: STALE })) =>
  unit((u) => post(`${V1}/dossiers/${u.dossier?.id}/${path}`, payload(u)), "dossier");

/** A leader's decision, aimed at the unit's dossier waiting at the leader's step. */
const leaderDecision = (path: string, payload: Record<string, unknown> = {}) =>
  unit((u) => post(`${V1}/dossiers/${u.atLeader?.id}/${path}`, { version: STALE, ...payload }), "atLeader");

const draft = (build: (d: NonNullable<UnitFx["portalDraft"]>) => MatrixRequest): RouteCall =>
  unit((u) => build(u.portalDraft as NonNullable<UnitFx["portalDraft"]>), "portalDraft");

const component = { name: "Tờ khai", kind: "original", count: 1 };

const feedbackStep = (path: string, body: Record<string, unknown> = {}): RouteCall =>
  unit((u) => post(`${V1}/feedback/${u.feedback?.id}/${path}`, { version: STALE, ...body }), "feedback");
const FEEDBACK_FORM = {
  name: "Lục Văn Ma Trận",
  address: "Thôn Bản Ma",
  phone: "0912 345 699",
  subject: "other",
  content: "Phản ánh thử ma trận phân quyền.",
};

export const CALLS: Record<string, RouteCall> = {
  "GET /api/v1/openapi.json": none(() => get(`${V1}/openapi.json`)),
  // auth
  "GET /api/v1/auth/csrf": none(() => get(`${V1}/auth/csrf`)),
  "POST /api/v1/auth/login": none(
    () => post(`${V1}/auth/login`, { username: "matran.qt", password: "Ma-tran-phan-quyen-2026!" }),
    true,
  ),
  "POST /api/v1/auth/logout": none(() => post(`${V1}/auth/logout`), true),
  "GET /api/v1/auth/me": none(() => get(`${V1}/auth/me`)),
  "GET /api/v1/auth/session": none(() => get(`${V1}/auth/session`)),
  "POST /api/v1/auth/password": none(() =>
    post(`${V1}/auth/password`, { currentPassword: "sai-mat-khau-2026!", newPassword: "Mat-khau-moi-2026!" }),
  ),
  "POST /api/v1/auth/totp/setup": none(() =>
    post(`${V1}/auth/totp/setup`, { currentPassword: "sai-mat-khau-2026!" }),
  ),
  "POST /api/v1/auth/totp/enable": none(() =>
    post(`${V1}/auth/totp/enable`, { currentPassword: "sai-mat-khau-2026!", code: "000000" }),
  ),
  // units
  "GET /api/v1/public/units": unit((u) => get(`${V1}/public/units?parentId=${u.id}`)),
  "GET /api/v1/units": unit((u) => get(`${V1}/units?parentId=${u.id}`)),
  "GET /api/v1/units/:id": unit((u) => get(`${V1}/units/${u.id}`)),
  "POST /api/v1/units": unit((u, fx) =>
    post(`${V1}/units`, {
      code: `0${String(fx.next()).padStart(2, "0")}.99.31.H06`,
      name: "Đơn vị thử ma trận",
      kind: "agency",
      parentId: u.id,
    }),
  ),
  "PATCH /api/v1/units/:id": unit((u) => ({
    method: "PATCH",
    url: `${V1}/units/${u.id}`,
    payload: { version: STALE, name: "Tên mới" },
  })),
  "POST /api/v1/units/:id/move": unit((u) =>
    post(`${V1}/units/${u.id}/move`, { parentId: u.parentId ?? u.id, version: STALE }),
  ),
  "POST /api/v1/units/:id/deactivate": unit((u) =>
    post(`${V1}/units/${u.id}/deactivate`, { version: STALE }),
  ),
  "POST /api/v1/units/:id/activate": unit((u) => post(`${V1}/units/${u.id}/activate`, { version: STALE })),
  "GET /api/v1/units/:id/audit": unit((u) => get(`${V1}/units/${u.id}/audit`)),
  // staff
  "GET /api/v1/staff": unit((u) => get(`${V1}/staff?unitId=${u.id}`)),
  "GET /api/v1/staff/:id": unit((u) => get(`${V1}/staff/${u.staffId}`)),
  "POST /api/v1/staff": unit((u, fx) =>
    post(`${V1}/staff`, {
      unitId: u.id,
      username: `matran.moi${fx.next()}`,
      fullName: "Cán bộ mới",
      roles: ["specialist"],
      password: "Ma-tran-phan-quyen-2026!",
    }),
  ),
  "PATCH /api/v1/staff/:id": unit((u) => ({
    method: "PATCH",
    url: `${V1}/staff/${u.staffId}`,
    payload: { version: STALE, fullName: "Tên mới" },
  })),
  "POST /api/v1/staff/:id/reset-password": unit((u) =>
    post(`${V1}/staff/${u.staffId}/reset-password`, { newPassword: "Ma-tran-dat-lai-2026!" }),
  ),
  // calendar
  "GET /api/v1/calendar/lunar": none(() => get(`${V1}/calendar/lunar?date=2026-11-30`)),
  "GET /api/v1/calendar/lunar-months": none(() => get(`${V1}/calendar/lunar-months?year=2026`)),
  "GET /api/v1/calendar/holidays": unit((u) => get(`${V1}/calendar/holidays?year=2026&unit=${u.code}`)),
  "GET /api/v1/calendar/deadline": unit((u) =>
    get(`${V1}/calendar/deadline?from=2026-11-30T09:00:00%2B07:00&workingDays=5&unit=${u.code}`),
  ),
  "GET /api/v1/calendar/working-time": unit((u) =>
    get(
      `${V1}/calendar/working-time?from=2026-11-30T09:00:00%2B07:00&to=2026-12-04T09:00:00%2B07:00&unit=${u.code}`,
    ),
  ),
  "GET /api/v1/calendar/decisions": none(() => get(`${V1}/calendar/decisions`)),
  "GET /api/v1/calendar/decisions/:id": none((fx) => get(`${V1}/calendar/decisions/${fx.decisionId}`)),
  "POST /api/v1/calendar/decisions": none((fx) =>
    post(`${V1}/calendar/decisions`, { id: `2026-ma-tran-${fx.next()}`, ...decision() }),
  ),
  "PUT /api/v1/calendar/decisions/:id": none((fx) => ({
    method: "PUT",
    url: `${V1}/calendar/decisions/${fx.decisionId}`,
    payload: { ...decision(), version: STALE },
  })),
  "DELETE /api/v1/calendar/decisions/:id": none((fx) => ({
    method: "DELETE",
    url: `${V1}/calendar/decisions/${fx.decisionId}?version=${STALE}`,
  })),
  // catalog
  "GET /api/v1/procedures": unit((u) => get(`${V1}/procedures?q=hon%20nhan&unit=${u.code}`)),
  "GET /api/v1/procedures/:idOrCode": none((fx) => get(`${V1}/procedures/${fx.procedure.slug}`)),
  "GET /api/v1/procedures/:idOrCode/versions": none((fx) =>
    get(`${V1}/procedures/${fx.procedure.id}/versions`),
  ),
  "GET /api/v1/procedures/:idOrCode/versions/:version": none((fx) =>
    get(`${V1}/procedures/${fx.procedure.id}/versions/${fx.procedure.version}`),
  ),
  "GET /api/v1/procedures/:idOrCode/fee": none((fx) => get(`${V1}/procedures/${fx.procedure.slug}/fee`)),
  "GET /api/v1/fields": none(() => get(`${V1}/fields`)),
  "GET /api/v1/catalog/board": unit((u) => get(`${V1}/catalog/board?unit=${u.code}`)),
  "GET /api/v1/catalog/forms/:code": none(() => get(`${V1}/catalog/forms/${FORM_CODE}`)),
  "POST /api/v1/procedures": unit((u) => post(`${V1}/procedures`, { document: {}, owner: u.code })),
  "POST /api/v1/procedures/:idOrCode/versions": none((fx) =>
    post(`${V1}/procedures/${fx.procedure.id}/versions`, { document: {}, baseVersion: STALE }),
  ),
  "GET /api/v1/catalog/offerings": unit((u) => get(`${V1}/catalog/offerings?unit=${u.code}`)),
  "POST /api/v1/catalog/offerings": unit((u, fx) =>
    post(`${V1}/catalog/offerings`, { unit: u.code, procedure: fx.procedure.slug }),
  ),
  "PATCH /api/v1/catalog/offerings/:id": unit(
    (u) => ({ method: "PATCH", url: `${V1}/catalog/offerings/${u.offeringId}`, payload: { version: STALE } }),
    "offeringId",
  ),
  "GET /api/v1/catalog/offerings/:id": unit(
    (u) => get(`${V1}/catalog/offerings/${u.offeringId}`),
    "offeringId",
  ),
  "POST /api/v1/catalog/offerings/push": unit((u, fx) =>
    post(`${V1}/catalog/offerings/push`, { unit: u.code, procedures: [fx.procedure.slug] }),
  ),
  "GET /api/v1/catalog/export": unit((u) => get(`${V1}/catalog/export?format=json&owner=${u.code}`)),
  "POST /api/v1/catalog/export-jobs": unit((u) =>
    post(`${V1}/catalog/export-jobs`, { format: "json", owner: u.code }),
  ),
  "GET /api/v1/catalog/export-jobs/:id": none(() =>
    get(`${V1}/catalog/export-jobs/00000000-0000-4000-8000-000000000000`),
  ),
  "GET /api/v1/catalog/export-jobs/:id/file": none(() =>
    get(`${V1}/catalog/export-jobs/00000000-0000-4000-8000-000000000000/file`),
  ),
  "POST /api/v1/catalog/import": unit((u) =>
    post(`${V1}/catalog/import`, {
      format: "json",
      file: Buffer.from("[]").toString("base64"),
      owner: u.code,
      dryRun: true,
    }),
  ),
  "POST /api/v1/catalog/import-jobs": unit((u) =>
    post(`${V1}/catalog/import-jobs`, {
      format: "json",
      file: Buffer.from("[]").toString("base64"),
      owner: u.code,
      dryRun: true,
    }),
  ),
  "GET /api/v1/catalog/import-jobs/:id": none(() =>
    get(`${V1}/catalog/import-jobs/00000000-0000-4000-8000-000000000000`),
  ),
  "PUT /api/v1/catalog/forms/:code": none(() => ({
    method: "PUT",
    url: `${V1}/catalog/forms/${FORM_CODE}`,
    payload: { filename: "to-khai.pdf", file: PDF_B64 },
  })),
  // dossiers
  "GET /api/v1/dossiers/lookup": unit(
    (u) =>
      get(
        `${V1}/dossiers/lookup?code=${encodeURIComponent(u.dossier?.code ?? "")}&secret=${u.dossier?.secret}`,
      ),
    "dossier",
  ),
  "GET /api/v1/dossiers/inbox": none(() => get(`${V1}/dossiers/inbox?box=todo`)),
  "GET /api/v1/dossiers/workload": none(() => get(`${V1}/dossiers/workload`)),
  "GET /api/v1/dossiers": unit((u) => get(`${V1}/dossiers?unit=${u.code}`)),
  "GET /api/v1/dossiers/tracking-book": unit((u) =>
    get(`${V1}/dossiers/tracking-book?unit=${u.code}&from=2026-11-01&to=2026-11-30`),
  ),
  "GET /api/v1/dossiers/:id": unit((u) => get(`${V1}/dossiers/${u.dossier?.id}`), "dossier"),
  "GET /api/v1/dossiers/:id/control-sheet": unit(
    (u) => get(`${V1}/dossiers/${u.dossier?.id}/control-sheet`),
    "dossier",
  ),
  "GET /api/v1/dossiers/:id/forms/:formId": unit(
    (u) => get(`${V1}/dossiers/${u.dossier?.id}/forms/${u.dossier?.formId}`),
    "dossier",
  ),
  "POST /api/v1/dossiers/:id/receipt/citizen-copy": unit(
    (u) => post(`${V1}/dossiers/${u.dossier?.id}/receipt/citizen-copy`, { secret: u.dossier?.secret }),
    "dossier",
  ),
  "GET /api/v1/dossiers/:id/files/:fileId": unit(
    (u) => get(`${V1}/dossiers/${u.dossier?.id}/files/${u.dossier?.fileId}`),
    "dossier",
  ),
  "POST /api/v1/dossier-files": none(() =>
    post(`${V1}/dossier-files`, { filename: "scan.pdf", contentType: "application/pdf", file: PDF_B64 }),
  ),
  "GET /api/v1/dossier-files/:id": unit((u) => get(`${V1}/dossier-files/${u.uploadId}`), "uploadId"),
  "POST /api/v1/dossiers": none(() =>
    post(`${V1}/dossiers`, {
      procedure: "cap-giay-xac-nhan-tinh-trang-hon-nhan",
      applicant: {
        kind: "person",
        name: "Lý Văn Ma Trận",
        identityNumber: "006190009999",
        address: { detail: "Thôn", commune: "Xã", district: "Huyện", province: "Tỉnh" },
      },
      components: [component],
      decision: { outcome: "accept" },
    }),
  ),
  "POST /api/v1/dossiers/:id/accept": dossier("accept"),
  "POST /api/v1/dossiers/:id/refuse": dossier("refuse", () => ({
    version: STALE,
    reason: "Không đủ điều kiện",
  })),
  "POST /api/v1/dossiers/:id/request-supplement": dossier("request-supplement", () => ({
    version: STALE,
    items: [{ name: "Bản sao", reason: "Thiếu" }],
  })),
  "POST /api/v1/dossiers/:id/supplement-received": dossier("supplement-received", () => ({
    version: STALE,
    components: [component],
  })),
  "POST /api/v1/dossiers/:id/close-incomplete": dossier("close-incomplete"),
  "POST /api/v1/dossiers/:id/claim": dossier("claim"),
  "POST /api/v1/dossiers/:id/assign": dossier("assign", (u) => ({ version: STALE, assigneeId: u.staffId })),
  "POST /api/v1/dossiers/:id/forward": dossier("forward"),
  "POST /api/v1/dossiers/:id/send-back": dossier("send-back", () => ({ version: STALE, reason: "Xem lại" })),
  "POST /api/v1/dossiers/:id/transfer": dossier("transfer", () => ({
    version: STALE,
    unitCode: "000.20.31.H06",
    reason: "Liên thông",
  })),
  "POST /api/v1/dossiers/:id/transfer-return": dossier("transfer-return", () => ({
    version: STALE,
    outcome: "continue",
  })),
  "POST /api/v1/dossiers/:id/approve": leaderDecision("approve"),
  "POST /api/v1/dossiers/:id/sign-result": leaderDecision("sign-result", { password: "x" }),
  "POST /api/v1/dossiers/:id/reject": leaderDecision("reject", { reason: "Không đạt" }),
  "POST /api/v1/dossiers/:id/result": dossier("result", () => ({
    version: STALE,
    number: "1/XN",
    signedOn: "2026-11-30",
    signer: "Triệu Văn Đạo",
  })),
  "POST /api/v1/dossiers/:id/apology": dossier("apology", () => ({
    version: STALE,
    reason: "Chậm do xác minh",
    newAppointment: "2026-12-10T09:00:00+07:00",
  })),
  "POST /api/v1/dossiers/:id/extend": dossier("extend", () => ({
    version: STALE,
    reason: "Cần xác minh",
  })),
  "POST /api/v1/dossiers/:id/stop": dossier("stop", () => ({
    version: STALE,
    reason: "Dừng",
    basis: "Điều 19 Nghị định 118/2025/NĐ-CP",
  })),
  "POST /api/v1/dossiers/:id/withdraw": dossier("withdraw", () => ({
    version: STALE,
    reason: "Người nộp rút",
  })),
  "POST /api/v1/dossiers/:id/return": dossier("return", () => ({
    version: STALE,
    method: "counter",
    signedBy: "Hoàng Thị Ma Trận",
  })),
  "POST /api/v1/dossiers/:id/notes": dossier("notes", () => ({ text: "Ghi chú" })),
  "POST /api/v1/dossiers/:id/ratings/paper": dossier("ratings/paper", () => ({
    scores: {
      processing_time: 2,
      agencies_contacted: 2,
      contacts_to_complete: 2,
      information_accuracy: 2,
      staff_attitude: 2,
      result_legality_and_costs: 2,
      feedback_answers: null,
      online_service_quality: 2,
    },
  })),
  // payments
  "GET /api/v1/dossiers/:id/payments": unit(
    (u) => get(`${V1}/dossiers/${u.dossier?.id}/payments`),
    "dossier",
  ),
  "POST /api/v1/dossiers/:id/payments": dossier("payments", () => ({ locale: "vn" })),
  "POST /api/v1/dossiers/:id/payments/counter": dossier("payments/counter", () => ({
    method: "cash",
    amountVnd: 1,
  })),
  "GET /api/v1/payments/:id": unit((u) => get(`${V1}/payments/${u.paymentId}`), "paymentId"),
  "GET /api/v1/payments/:id/receipt": unit((u) => get(`${V1}/payments/${u.paymentId}/receipt`), "paymentId"),
  "POST /api/v1/payments/:id/query": unit((u) => post(`${V1}/payments/${u.paymentId}/query`), "paymentId"),
  "POST /api/v1/payments/:id/refund": unit(
    (u) => post(`${V1}/payments/${u.paymentId}/refund`, { version: STALE, reason: "Thu nhầm phí" }),
    "paymentId",
  ),
  "GET /api/v1/payments/vnpay/ipn": none(() => get(`${V1}/payments/vnpay/ipn?vnp_TxnRef=khong-co`)),
  "GET /api/v1/payments/vnpay/return": none(() => get(`${V1}/payments/vnpay/return?vnp_TxnRef=khong-co`)),
  "GET /api/v1/system/status": none(() => get(`${V1}/system/status`)),
  "GET /api/v1/demo/mailbox": none(() => get(`${V1}/demo/mailbox?to=khong.co@example.vn`)),
  // online filing
  "GET /api/v1/portal/online-procedures": none(() => get(`${V1}/portal/online-procedures`)),
  "GET /api/v1/portal/procedures/:procedure/eform": none(() =>
    get(`${V1}/portal/procedures/cap-giay-xac-nhan-tinh-trang-hon-nhan/eform`),
  ),
  "POST /api/v1/portal/dossiers": unit((u) =>
    post(`${V1}/portal/dossiers`, { procedure: "cap-giay-xac-nhan-tinh-trang-hon-nhan", unit: u.code }),
  ),
  "GET /api/v1/portal/dossiers": none(() => get(`${V1}/portal/dossiers`)),
  "GET /api/v1/portal/dossiers/:id": draft((d) => get(`${V1}/portal/dossiers/${d.id}`)),
  "GET /api/v1/portal/dossiers/:id/draft": draft((d) => get(`${V1}/portal/dossiers/${d.id}/draft`)),
  "PATCH /api/v1/portal/dossiers/:id/draft": draft((d) => ({
    method: "PATCH",
    url: `${V1}/portal/dossiers/${d.id}/draft`,
    payload: { version: STALE, answers: {} },
  })),
  "POST /api/v1/portal/dossiers/:id/uploads": draft((d) =>
    post(`${V1}/portal/dossiers/${d.id}/uploads`, {
      version: STALE,
      componentId: "giay-to-tuy-than",
      filename: "cccd.pdf",
      file: PDF_B64,
    }),
  ),
  "DELETE /api/v1/portal/dossiers/:id/uploads/:uploadId": draft((d) => ({
    method: "DELETE",
    url: `${V1}/portal/dossiers/${d.id}/uploads/${d.uploadId}?version=${STALE}`,
  })),
  "GET /api/v1/portal/dossiers/:id/review": draft((d) => get(`${V1}/portal/dossiers/${d.id}/review`)),
  "POST /api/v1/portal/dossiers/:id/submit": draft((d) =>
    post(`${V1}/portal/dossiers/${d.id}/submit`, { version: STALE }),
  ),
  "POST /api/v1/portal/dossiers/:id/supplement": draft((d) =>
    post(`${V1}/portal/dossiers/${d.id}/supplement`, { version: STALE }),
  ),
  "POST /api/v1/portal/dossiers/:id/withdraw": draft((d) =>
    post(`${V1}/portal/dossiers/${d.id}/withdraw`, { version: STALE }),
  ),
  "POST /api/v1/portal/dossiers/:id/rating": draft((d) =>
    post(`${V1}/portal/dossiers/${d.id}/rating`, {
      scores: {
        processing_time: 2,
        agencies_contacted: 2,
        contacts_to_complete: 2,
        information_accuracy: 2,
        staff_attitude: 2,
        result_legality_and_costs: 2,
        feedback_answers: null,
        online_service_quality: 2,
      },
    }),
  ),
  "GET /api/v1/portal/dossiers/:id/files/:fileId": draft((d) =>
    get(`${V1}/portal/dossiers/${d.id}/files/${d.fileId}`),
  ),
  "GET /api/v1/portal/dossiers/:id/forms/:formId": unit(
    (u) => get(`${V1}/portal/dossiers/${u.portalDraft?.id}/forms/${u.dossier?.formId}`),
    "portalDraft",
  ),
  "GET /api/v1/portal/dossiers/:id/result": draft((d) => get(`${V1}/portal/dossiers/${d.id}/result`)),
  "GET /api/v1/portal/desk/dossiers/:id/filing": draft((d) =>
    get(`${V1}/portal/desk/dossiers/${d.id}/filing`),
  ),
  "GET /api/v1/portal/satisfaction": unit((u) => get(`${V1}/portal/satisfaction?unit=${u.code}`)),
  // notifications
  "GET /api/v1/units/:id/notifications": unit((u) => get(`${V1}/units/${u.id}/notifications`)),
  "POST /api/v1/units/:id/notifications/:messageId/retry": unit(
    (u) => post(`${V1}/units/${u.id}/notifications/${u.messageId}/retry`),
    "messageId",
  ),
  // signing
  "GET /api/v1/signing/credentials": none(() => get(`${V1}/signing/credentials`)),
  "POST /api/v1/signing/credentials": unit((u) =>
    post(`${V1}/signing/credentials`, {
      kind: "certificate",
      owner: "unit",
      unitId: u.id,
      certificate: SIGNER_PEM,
    }),
  ),
  "GET /api/v1/signing/units/:id/credentials": unit((u) => get(`${V1}/signing/units/${u.id}/credentials`)),
  "POST /api/v1/signing/credentials/:id/revoke": unit(
    (u) => post(`${V1}/signing/credentials/${u.credentialId}/revoke`, { version: STALE }),
    "credentialId",
  ),
  "GET /api/v1/signing/trusted-roots": none(() => get(`${V1}/signing/trusted-roots`)),
  "POST /api/v1/signing/trusted-roots": none(() =>
    post(`${V1}/signing/trusted-roots`, { certificate: ROOT_PEM }),
  ),
  "DELETE /api/v1/signing/trusted-roots/:id": none((fx) => ({
    method: "DELETE",
    url: `${V1}/signing/trusted-roots/${fx.trustedRootId}?version=${STALE}`,
  })),
  "POST /api/v1/signing/sign": unit(
    (u) =>
      post(`${V1}/signing/sign`, {
        credentialId: u.credentialId,
        mode: "seal",
        file: PDF_B64,
        password: "sai-mat-khau",
      }),
    "credentialId",
  ),
  "POST /api/v1/signing/external/prepare": unit(
    (u) =>
      post(`${V1}/signing/external/prepare`, {
        credentialId: u.credentialId,
        mode: "seal",
        file: PDF_B64,
        signer: "digest",
      }),
    "credentialId",
  ),
  "POST /api/v1/signing/external/complete": none(() =>
    post(`${V1}/signing/external/complete`, {
      sessionId: "00000000-0000-4000-8000-000000000000",
      signature: "AAAA",
    }),
  ),
  // citizen accounts (the staff principals of the matrix are no citizens: their own routes answer 401)
  "POST /api/v1/portal/account/register": none((fx) => {
    const n = String(fx.next()).padStart(6, "0");
    return post(`${V1}/portal/account/register`, {
      fullName: "Công dân thử ma trận",
      identityNumber: `001301${n}`,
      phone: `0977${n}`,
      email: `matran${n}@example.vn`,
      password: "ma-tran-cong-dan-2026",
    });
  }),
  "POST /api/v1/portal/account/confirm": none(() =>
    post(`${V1}/portal/account/confirm`, {
      challengeId: "00000000-0000-4000-8000-000000000000",
      code: "000000",
    }),
  ),
  "POST /api/v1/portal/account/confirm/resend": none(() =>
    post(`${V1}/portal/account/confirm/resend`, { challengeId: "00000000-0000-4000-8000-000000000000" }),
  ),
  "POST /api/v1/portal/account/login": none(() =>
    post(`${V1}/portal/account/login`, { login: "001301999998", password: "sai-mat-khau-2026" }),
  ),
  "POST /api/v1/portal/account/logout": none(() => post(`${V1}/portal/account/logout`), true),
  "GET /api/v1/portal/account/me": none(() => get(`${V1}/portal/account/me`)),
  "PATCH /api/v1/portal/account/me": none(() => ({
    method: "PATCH",
    url: `${V1}/portal/account/me`,
    payload: { version: STALE, fullName: "Tên mới" },
  })),
  "POST /api/v1/portal/account/password": none(() =>
    post(`${V1}/portal/account/password`, {
      currentPassword: "sai-mat-khau-2026",
      newPassword: "mat-khau-moi-2026",
    }),
  ),
  "POST /api/v1/portal/account/password-reset": none(() =>
    post(`${V1}/portal/account/password-reset`, { login: "001301999997" }),
  ),
  "POST /api/v1/portal/account/password-reset/complete": none(() =>
    post(`${V1}/portal/account/password-reset/complete`, {
      token: "matran-token-khong-ton-tai-0123456789abcdef",
      newPassword: "mat-khau-moi-2026",
    }),
  ),
  "GET /api/v1/portal/account/oidc": none(() => get(`${V1}/portal/account/oidc`)),
  "GET /api/v1/portal/account/oidc/start": none(() => get(`${V1}/portal/account/oidc/start`)),
  "GET /api/v1/portal/account/oidc/callback": none(() =>
    get(`${V1}/portal/account/oidc/callback?code=matran&state=matran`),
  ),
  "POST /api/v1/signing/verify": none(() => post(`${V1}/signing/verify`, { file: PDF_B64 })),
  // feedback and petitions
  "POST /api/v1/public/feedback": none((fx) =>
    post(`${V1}/public/feedback`, {
      ...FEEDBACK_FORM,
      unit: fx.units.QT.code,
      content: `Phản ánh ${fx.next()}.`,
    }),
  ),
  "GET /api/v1/public/feedback/lookup": unit(
    (u) =>
      get(
        `${V1}/public/feedback/lookup?code=${encodeURIComponent(u.feedback?.code ?? "")}&secret=${u.feedback?.secret}`,
      ),
    "feedback",
  ),
  "POST /api/v1/public/feedback/rating": unit(
    (u) =>
      post(`${V1}/public/feedback/rating`, { code: u.feedback?.code, secret: u.feedback?.secret, score: 2 }),
    "feedback",
  ),
  "GET /api/v1/public/feedback/published": unit((u) => get(`${V1}/public/feedback/published?unit=${u.code}`)),
  "POST /api/v1/feedback": unit((u, fx) =>
    post(`${V1}/feedback`, {
      ...FEEDBACK_FORM,
      unit: u.code,
      channel: "letter",
      content: `Thư ${fx.next()}.`,
    }),
  ),
  "GET /api/v1/feedback": unit((u) => get(`${V1}/feedback?unit=${u.code}`)),
  "GET /api/v1/feedback/:id": unit((u) => get(`${V1}/feedback/${u.feedback?.id}`), "feedback"),
  "GET /api/v1/feedback/:id/redaction": unit(
    (u) => get(`${V1}/feedback/${u.feedback?.id}/redaction`),
    "feedback",
  ),
  "POST /api/v1/feedback/:id/classify": feedbackStep("classify", { classification: "within_competence" }),
  "POST /api/v1/feedback/:id/forward": feedbackStep("forward", { toExternal: "Sở Tư pháp" }),
  "POST /api/v1/feedback/:id/assign": unit(
    (u) => post(`${V1}/feedback/${u.feedback?.id}/assign`, { version: STALE, handlerId: u.staffId }),
    "feedback",
  ),
  "POST /api/v1/feedback/:id/study": feedbackStep("study", { study: { necessity: { assessment: "met" } } }),
  "POST /api/v1/feedback/:id/answer": feedbackStep("answer", { decision: "adopted", answer: "Trả lời." }),
  "POST /api/v1/feedback/:id/publish": feedbackStep("publish", { question: "Hỏi.", answer: "Trả lời." }),
  "POST /api/v1/feedback/:id/spam": feedbackStep("spam"),
  "GET /api/v1/feedback-settings": unit((u) => get(`${V1}/feedback-settings?unit=${u.code}`)),
  "PUT /api/v1/feedback-settings": unit((u) => ({
    method: "PUT",
    url: `${V1}/feedback-settings`,
    payload: { unit: u.code, answerWorkingDays: 10, version: STALE },
  })),
  "GET /api/v1/feedback-figures": unit((u) =>
    get(`${V1}/feedback-figures?unit=${u.code}&from=2026-11-01&to=2026-11-30`),
  ),
  "GET /api/v1/open311-clients": unit((u) => get(`${V1}/open311-clients?unit=${u.code}`)),
  "POST /api/v1/open311-clients": unit((u) =>
    post(`${V1}/open311-clients`, { unit: u.code, name: "Ứng dụng thử ma trận" }),
  ),
  "GET /api/v1/signing/verify/:fileId": unit(
    (u) => get(`${V1}/signing/verify/${u.dossier?.fileId}`),
    "dossier",
  ),
  // desk
  "GET /api/v1/units/:id/desk": unit((u) => get(`${V1}/units/${u.id}/desk`)),
  "PUT /api/v1/units/:id/desk/profile": unit((u) => ({
    method: "PUT",
    url: `${V1}/units/${u.id}/desk/profile`,
    payload: {
      model: "2025",
      name: "Trung tâm thử",
      openingHours: "Giờ hành chính",
      feedbackAddress: "Trụ sở",
      feedbackPhone: "0209 3850 000",
      version: STALE,
    },
  })),
  "POST /api/v1/units/:id/desk/members": unit((u) =>
    post(`${V1}/units/${u.id}/desk/members`, {
      fullName: "Cán bộ ma trận",
      role: "officer",
      title: "Công chức",
      fields: ["ho-tich"],
      counter: 2,
      startsOn: "2026-12-01",
    }),
  ),
  "POST /api/v1/units/:id/desk/members/:memberId/end": unit(
    (u) => post(`${V1}/units/${u.id}/desk/members/${u.desk?.memberId}/end`, { endsOn: "2026-12-31" }),
    "desk",
  ),
  "POST /api/v1/units/:id/desk/documents": unit((u) =>
    post(`${V1}/units/${u.id}/desk/documents`, { kind: "regulation", title: "Quy chế thử", body: "Điều 1." }),
  ),
  "POST /api/v1/units/:id/desk/documents/:documentId/publish": unit(
    (u) => post(`${V1}/units/${u.id}/desk/documents/${u.desk?.documentId}/publish`),
    "desk",
  ),
  "POST /api/v1/units/:id/desk/duties": unit(
    (u) =>
      post(`${V1}/units/${u.id}/desk/duties`, {
        memberId: u.desk?.memberId,
        weekday: 1,
        session: "morning",
        counter: 1,
        validFrom: "2026-12-07",
      }),
    "desk",
  ),
  "POST /api/v1/units/:id/desk/duties/:dutyId/end": unit(
    (u) => post(`${V1}/units/${u.id}/desk/duties/${u.desk?.dutyId}/end`, { lastDay: "2026-12-31" }),
    "desk",
  ),
  "POST /api/v1/units/:id/desk/holiday-duties": unit(
    (u) =>
      post(`${V1}/units/${u.id}/desk/holiday-duties`, {
        date: "2026-12-13",
        memberId: u.desk?.memberId,
        counter: 1,
        field: "ho-tich",
        startsAt: "07:30",
        endsAt: "11:30",
      }),
    "desk",
  ),
  "POST /api/v1/units/:id/desk/holiday-duties/:dutyId/cancel": unit(
    (u) => post(`${V1}/units/${u.id}/desk/holiday-duties/${u.desk?.holidayDutyId}/cancel`),
    "desk",
  ),
  "POST /api/v1/units/:id/desk/roster-changes": unit(
    (u) =>
      post(`${V1}/units/${u.id}/desk/roster-changes`, {
        kind: "absence",
        date: "2026-12-05",
        session: "morning",
        memberId: u.desk?.memberId,
      }),
    "desk",
  ),
  "GET /api/v1/units/:id/desk/roster": unit((u) => get(`${V1}/units/${u.id}/desk/roster?week=2026-11-30`)),
  "POST /api/v1/units/:id/desk/devices/pair": unit((u) =>
    post(`${V1}/units/${u.id}/desk/devices/pair`, { code: "000000", counter: 1 }),
  ),
  "GET /api/v1/units/:id/desk/queue": unit((u) => get(`${V1}/units/${u.id}/desk/queue`)),
  "POST /api/v1/units/:id/desk/queue/call-next": unit((u) =>
    post(`${V1}/units/${u.id}/desk/queue/call-next`, { counter: 1 }),
  ),
  "POST /api/v1/units/:id/desk/queue/tickets/:ticketId/finish": unit(
    (u) =>
      post(`${V1}/units/${u.id}/desk/queue/tickets/${u.desk?.ticketId}/finish`, {
        outcome: "served",
        version: STALE,
      }),
    "desk",
  ),
  "POST /api/v1/units/:id/desk/counters/:counter/rating": unit(
    (u) => post(`${V1}/units/${u.id}/desk/counters/1/rating`, { dossierId: u.dossier?.id }),
    "dossier",
  ),
  "GET /api/v1/units/:id/desk/figures": unit((u) =>
    get(`${V1}/units/${u.id}/desk/figures?from=2026-11-01&to=2026-11-30`),
  ),
  "GET /api/v1/units/:id/reports/dossiers": unit((u) =>
    get(`${V1}/units/${u.id}/reports/dossiers?period=2026-11&rollup=true`),
  ),
  "POST /api/v1/units/:id/reports/dossiers/exports": unit((u) =>
    post(`${V1}/units/${u.id}/reports/dossiers/exports`, { period: "2026-11", format: "xlsx" }),
  ),
  // No export is held by the fixture: past authorization the answer is 404 for this id.
  "GET /api/v1/units/:id/reports/dossiers/exports/:exportId": unit((u) =>
    get(`${V1}/units/${u.id}/reports/dossiers/exports/00000000-0000-4000-8000-000000000000`),
  ),
  "GET /api/v1/units/:id/reports/dossiers/exports/:exportId/file": unit((u) =>
    get(`${V1}/units/${u.id}/reports/dossiers/exports/00000000-0000-4000-8000-000000000000/file`),
  ),
  // The desk's public page and devices: no staff session (devices answer by their cookie, which no principal has).
  "GET /api/v1/public/desk/:code": none((fx) => get(`${V1}/public/desk/${fx.units.PT.code}`)),
  "GET /api/v1/public/desk/:code/roster.pdf": none((fx) =>
    get(`${V1}/public/desk/${fx.units.PT.code}/roster.pdf?week=2026-11-30`),
  ),
  "GET /api/v1/public/desk/:code/display": none((fx) =>
    get(`${V1}/public/desk/${fx.units.PT.code}/display?once=true`),
  ),
  "POST /api/v1/desk/device/pairing": none((fx) =>
    post(`${V1}/desk/device/pairing`, { kind: "rating", unitCode: fx.units.PT.code }),
  ),
  "GET /api/v1/desk/device": none(() => get(`${V1}/desk/device?kind=rating`)),
  "GET /api/v1/desk/device/stream": none(() => get(`${V1}/desk/device/stream?kind=rating&once=true`)),
  "POST /api/v1/desk/device/tickets": none(() => post(`${V1}/desk/device/tickets`, { lane: "general" })),
  "POST /api/v1/desk/device/ratings": none(() =>
    post(`${V1}/desk/device/ratings`, {
      requestId: "00000000-0000-4000-8000-000000000000",
      scores: {
        processing_time: 2,
        agencies_contacted: 2,
        contacts_to_complete: 2,
        information_accuracy: 2,
        staff_attitude: 2,
        result_legality_and_costs: 2,
        feedback_answers: null,
      },
    }),
  ),
  // documents: actions carry a stale version, so "ok" means the caller got past visibility and role checks
  "GET /api/v1/documents/types": none(() => get(`${V1}/documents/types`)),
  "GET /api/v1/documents": none(() => get(`${V1}/documents?box=all`)),
  // An unknown recipient unit: refused (422) after the permission check, so nothing is created.
  "POST /api/v1/documents": none(() =>
    post(`${V1}/documents`, {
      typeCode: "cong-van",
      summary: "Thử ma trận",
      content: { text: "Nội dung" },
      recipients: [{ unitId: "00000000-0000-4000-8000-000000000000" }],
    }),
  ),
  // Not a PDF: refused by the upload check after the permission check.
  "POST /api/v1/documents/incoming": none(() =>
    post(`${V1}/documents/incoming`, {
      upload: { file: Buffer.from("not a pdf").toString("base64"), fileName: "a.pdf" },
      origin: "paper",
      typeCode: "cong-van",
      summary: "Thử ma trận",
      issuerName: "Sở Nội vụ",
      originalNumber: "12/SNV-VP",
      originalDate: "2026-11-20",
    }),
  ),
  "GET /api/v1/units/:id/document-registers/:kind": unit((u) =>
    get(`${V1}/units/${u.id}/document-registers/incoming?from=2026-01-01&to=2026-12-31`),
  ),
  "GET /api/v1/units/:id/document-stats": unit((u) =>
    get(`${V1}/units/${u.id}/document-stats?from=2026-01-01&to=2026-12-31`),
  ),
  "GET /api/v1/units/:id/work-files": unit((u) => get(`${V1}/units/${u.id}/work-files?year=2026`)),
  "POST /api/v1/units/:id/work-files": unit((u) =>
    post(`${V1}/units/${u.id}/work-files`, {
      year: 2026,
      notation: "02.MT",
      title: "Hồ sơ mở thử ma trận",
      retentionYears: null,
    }),
  ),
  "POST /api/v1/units/:id/work-files/approve": unit((u) =>
    post(`${V1}/units/${u.id}/work-files/approve`, { year: 2199 }),
  ),
  "GET /api/v1/units/:id/work-files/hand-over-list": unit((u) =>
    get(`${V1}/units/${u.id}/work-files/hand-over-list?year=2026`),
  ),
  "POST /api/v1/units/:id/work-files/hand-over-list/exports": unit((u) =>
    post(`${V1}/units/${u.id}/work-files/hand-over-list/exports`, { year: 2026 }),
  ),
  // No print is held by the fixture: past authorization the answer is 404 for this id.
  "GET /api/v1/units/:id/work-files/hand-over-list/exports/:exportId": unit((u) =>
    get(`${V1}/units/${u.id}/work-files/hand-over-list/exports/00000000-0000-4000-8000-000000000000`),
  ),
  "GET /api/v1/units/:id/work-files/hand-over-list/exports/:exportId/file": unit((u) =>
    get(`${V1}/units/${u.id}/work-files/hand-over-list/exports/00000000-0000-4000-8000-000000000000/file`),
  ),
  "GET /api/v1/work-files/:id": unit((u) => get(`${V1}/work-files/${u.workFileId}`), "workFileId"),
  "POST /api/v1/work-files/:id/close": unit(
    (u) => post(`${V1}/work-files/${u.workFileId}/close`, { version: STALE }),
    "workFileId",
  ),
  "POST /api/v1/work-files/:id/hand-over": unit(
    (u) => post(`${V1}/work-files/${u.workFileId}/hand-over`, { version: STALE, record: "Biên bản thử" }),
    "workFileId",
  ),
  "POST /api/v1/documents/:id/work-file": {
    scope: "unit",
    needs: "documentId",
    build: (u) =>
      post(`${V1}/documents/${u.documentId}/work-file`, { version: STALE, workFileId: u.workFileId }),
  },
  "POST /api/v1/work-files/:id/dossiers": unit(
    (u) => post(`${V1}/work-files/${u.workFileId}/dossiers`, { dossierId: u.dossier?.id }),
    "dossier",
  ),
  "GET /api/v1/work-files/:id/export": unit(
    (u) => get(`${V1}/work-files/${u.workFileId}/export`),
    "workFileId",
  ),
  "GET /api/v1/documents/:id": unit((u) => get(`${V1}/documents/${u.documentId}`), "documentId"),
  "GET /api/v1/documents/:id/file": unit((u) => get(`${V1}/documents/${u.documentId}/file`), "documentId"),
  ...Object.fromEntries(
    (
      [
        ["edit", { version: STALE }],
        ["submit", { version: STALE }],
        ["comments", { body: "Góp ý thử ma trận" }],
        ["send-back", { version: STALE, reason: "Thử" }],
        ["sign", { version: STALE, mode: "head", password: "sai-mat-khau" }],
        ["issue", { version: STALE, password: "sai-mat-khau" }],
        ["send", { version: STALE }],
        ["recall", { version: STALE, reason: "Thử" }],
        ["register", { version: STALE }],
        ["refuse", { version: STALE, reason: "Thử" }],
        [
          "assign",
          {
            version: STALE,
            assignments: [{ staffId: "00000000-0000-4000-8000-000000000000", role: "lead" }],
          },
        ],
        ["start", { version: STALE }],
        ["done", { version: STALE }],
      ] as const
    ).map(([path, body]) => [
      `POST /api/v1/documents/:id/${path}`,
      unit((u) => post(`${V1}/documents/${u.documentId}/${path}`, body), "documentId"),
    ]),
  ),
};

function decision() {
  return {
    year: 2026,
    title: "Quyết định thử ma trận",
    source: "Quyết định thử nghiệm số 9/QĐ-UBND",
    evidence: "unconfirmed",
    scope: { kind: "national" },
    supersedes: [],
    daysOff: [],
    workingDays: [],
  };
}
