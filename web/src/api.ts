import type { z } from "zod";
import type {
  CsrfToken,
  LoginInput,
  Me,
  PasswordChange,
  TotpEnable,
  TotpSetup,
  TotpSetupInput,
} from "../../src/contracts/auth.ts";
import type {
  HolidayDecision,
  HolidayDecisionInput,
  HolidayDecisionUpdate,
  HolidayItem,
  LunarMonthsResponse,
} from "../../src/contracts/calendar.ts";
import type {
  CatalogField,
  ExportJob,
  FeeQuote,
  ImportInput,
  ImportJob,
  ImportResult,
  Offering,
  OfferingInput,
  OfferingUpdate,
  ProcedureCreate,
  ProcedureDetail,
  ProcedureList,
  ProcedureNewVersion,
  ProcedureWrite,
  PushInput,
  PushResult,
  VersionDetail,
  VersionMeta,
} from "../../src/contracts/catalog.ts";
import type { ErrorResponse } from "../../src/contracts/common.ts";
import type { PasswordReset, Staff, StaffInput, StaffUpdate } from "../../src/contracts/staff.ts";
import type {
  PublicUnit,
  Unit,
  UnitDeactivate,
  UnitInput,
  UnitMove,
  UnitUpdate,
} from "../../src/contracts/units.ts";

/**
 * The one way the web app talks to the server: JSON over same-origin fetch, the session in an HttpOnly cookie,
 * and a CSRF token (from GET /auth/csrf) on every state-changing request. Types come from the shared contracts.
 */
export type { Me, Staff, Unit };
export type PublicUnitT = z.infer<typeof PublicUnit>;
export type LoginBody = z.input<typeof LoginInput>;
export type UnitCreateBody = z.input<typeof UnitInput>;
export type UnitUpdateBody = z.input<typeof UnitUpdate>;
export type UnitMoveBody = z.input<typeof UnitMove>;
export type UnitDeactivateBody = z.input<typeof UnitDeactivate>;
export type StaffCreateBody = z.input<typeof StaffInput>;
export type StaffUpdateBody = z.input<typeof StaffUpdate>;
export type TotpSetupT = z.infer<typeof TotpSetup>;
export type { HolidayDecision, HolidayItem };
export type LunarMonthT = z.infer<typeof LunarMonthsResponse>["items"][number];
export type DecisionCreateBody = z.input<typeof HolidayDecisionInput>;
export type DecisionUpdateBody = z.input<typeof HolidayDecisionUpdate>;
export type {
  CatalogField,
  ExportJob,
  FeeQuote,
  ImportJob,
  ImportResult,
  Offering,
  ProcedureDetail,
  ProcedureList,
  VersionMeta,
};
/** Search criteria as the address bar holds them; the server checks each (ProcedureSearchQuery). */
export type ProcedureSearch = { [K in "q" | "unit" | "field" | "online" | "postal" | "at"]?: string } & {
  limit?: number;
  offset?: number;
};
export type VersionDetailT = z.infer<typeof VersionDetail>;
export type ProcedureWriteT = z.infer<typeof ProcedureWrite>;
export type ProcedureCreateBody = z.input<typeof ProcedureCreate>;
export type ProcedureVersionBody = z.input<typeof ProcedureNewVersion>;
export type OfferingCreateBody = z.input<typeof OfferingInput>;
export type OfferingUpdateBody = z.input<typeof OfferingUpdate>;
export type PushBody = z.input<typeof PushInput>;
export type PushResultT = z.infer<typeof PushResult>;
export type ImportBody = z.input<typeof ImportInput>;
type ErrorBody = z.infer<typeof ErrorResponse>;

const BASE = "/api/v1";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** An error answer of the API, or a failure to reach it (code NETWORK) or to read it (code BAD_RESPONSE). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly details: unknown;

  constructor(status: number, body: ErrorBody["error"]) {
    super(body.messageEn);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.messageVi = body.message;
    this.messageEn = body.messageEn;
    this.details = body.details;
  }

  /** Seconds to wait, when the server said so (lockout, rate limit). */
  get retryAfterSeconds(): number | undefined {
    const d = this.details;
    if (d && typeof d === "object" && "retryAfterSeconds" in d && typeof d.retryAfterSeconds === "number") {
      return d.retryAfterSeconds;
    }
    return undefined;
  }

  /** Field names the server rejected ("/code" → "code"), from VALIDATION_FAILED details. */
  get invalidFields(): string[] {
    if (!Array.isArray(this.details)) return [];
    return this.details
      .map((d: unknown) => (d && typeof d === "object" && "path" in d ? String(d.path) : ""))
      .map((p) => p.replace(/^\//, "").split("/")[0] ?? "")
      .filter((p) => p.length > 0);
  }
}

const NETWORK_ERROR = {
  code: "NETWORK",
  message: "Không kết nối được với máy chủ. Kiểm tra mạng và thử lại.",
  messageEn: "The server cannot be reached. Check the connection and try again.",
};
const BAD_RESPONSE = {
  code: "BAD_RESPONSE",
  message: "Máy chủ trả lời không đúng định dạng. Vui lòng thử lại sau.",
  messageEn: "The server sent an unexpected answer. Please try again later.",
};

let csrfToken: Promise<string> | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Called when a request finds the session gone (expired, or ended elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/** Forget the CSRF token: after sign-in and sign-out the next change fetches a new one. */
export function resetCsrf(): void {
  csrfToken = null;
}

/** The CSRF token of this session (fetched once), for requests that do not answer JSON (file downloads by POST). */
export function fetchCsrf(): Promise<string> {
  csrfToken ??= send<z.infer<typeof CsrfToken>>("GET", "/auth/csrf").then(
    (r) => r.csrfToken,
    (error: unknown) => {
      csrfToken = null;
      throw error;
    },
  );
  return csrfToken;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (!value || typeof value !== "object" || !("error" in value)) return false;
  const error = value.error;
  return !!error && typeof error === "object" && "code" in error && "message" in error;
}

async function send<T>(method: string, path: string, body?: unknown, csrf?: string): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (csrf) headers["x-csrf-token"] = csrf;
  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR);
  }
  let parsed: unknown = null;
  const text = await response.text();
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ApiError(response.status, BAD_RESPONSE);
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, isErrorBody(parsed) ? parsed.error : BAD_RESPONSE);
    if (error.code === "UNAUTHENTICATED") onUnauthenticated?.();
    throw error;
  }
  return parsed as T;
}

/**
 * A POST whose body is large (an import): the same as `call`, through XMLHttpRequest, which reports how much of the
 * body has gone (fetch does not). `onSent(sent, total)` is called as it goes, and once more when all has gone.
 */
export async function postWithProgress<T>(
  path: string,
  body: unknown,
  onSent: (sent: number, total: number) => void,
): Promise<T> {
  const token = await fetchCsrf();
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", BASE + path);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("content-type", "application/json");
    xhr.setRequestHeader("x-csrf-token", token);
    xhr.upload.onprogress = (e) => onSent(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.upload.onload = () => onSent(1, 1);
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR));
    xhr.send(JSON.stringify(body));
  });
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ApiError(status, BAD_RESPONSE);
    }
  }
  if (status < 200 || status >= 300) {
    const error = new ApiError(status, isErrorBody(parsed) ? parsed.error : BAD_RESPONSE);
    if (error.code === "UNAUTHENTICATED") onUnauthenticated?.();
    if (error.code === "CSRF_INVALID") resetCsrf();
    throw error;
  }
  return parsed as T;
}

/** One request to the API (JSON), with the CSRF token on state-changing methods; feature clients build on it. */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  if (!UNSAFE.has(method)) return send<T>(method, path, body);
  const token = await fetchCsrf();
  try {
    return await send<T>(method, path, body ?? {}, token);
  } catch (error) {
    // The token's cookie may have expired or been replaced: fetch a fresh one and try once more.
    if (error instanceof ApiError && error.code === "CSRF_INVALID") {
      resetCsrf();
      return send<T>(method, path, body ?? {}, await fetchCsrf());
    }
    throw error;
  }
}

export function query(params: Record<string, string | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : "";
}

type Ok = { ok: true };

export const api = {
  auth: {
    async login(body: LoginBody): Promise<Me> {
      const me = await call<Me>("POST", "/auth/login", body);
      resetCsrf();
      return me;
    },
    async logout(): Promise<void> {
      try {
        await call<Ok>("POST", "/auth/logout");
      } finally {
        resetCsrf();
      }
    },
    me: () => call<Me>("GET", "/auth/me"),
    changePassword: (body: z.input<typeof PasswordChange>) => call<Ok>("POST", "/auth/password", body),
    totpSetup: (body: z.input<typeof TotpSetupInput>) => call<TotpSetupT>("POST", "/auth/totp/setup", body),
    totpEnable: (body: z.input<typeof TotpEnable>) => call<Ok>("POST", "/auth/totp/enable", body),
  },
  units: {
    list: (options: { includeInactive?: boolean } = {}) =>
      call<{ items: Unit[] }>(
        "GET",
        `/units${query({ includeInactive: options.includeInactive ? "true" : undefined })}`,
      ),
    get: (id: string) => call<Unit>("GET", `/units/${encodeURIComponent(id)}`),
    create: (body: UnitCreateBody) => call<Unit>("POST", "/units", body),
    update: (id: string, body: UnitUpdateBody) =>
      call<Unit>("PATCH", `/units/${encodeURIComponent(id)}`, body),
    move: (id: string, body: UnitMoveBody) =>
      call<Unit>("POST", `/units/${encodeURIComponent(id)}/move`, body),
    deactivate: (id: string, body: UnitDeactivateBody) =>
      call<Unit>("POST", `/units/${encodeURIComponent(id)}/deactivate`, body),
    activate: (id: string, version: number) =>
      call<Unit>("POST", `/units/${encodeURIComponent(id)}/activate`, { version }),
    publicList: () => call<{ items: PublicUnitT[] }>("GET", "/public/units"),
  },
  calendar: {
    holidays: (year: number, unit?: string) =>
      call<{ items: HolidayItem[] }>("GET", `/calendar/holidays${query({ year: String(year), unit })}`),
    lunarMonths: (year: number) =>
      call<{ items: LunarMonthT[] }>("GET", `/calendar/lunar-months${query({ year: String(year) })}`),
    decisions: (year?: number) =>
      call<{ items: HolidayDecision[] }>(
        "GET",
        `/calendar/decisions${query({ year: year === undefined ? undefined : String(year) })}`,
      ),
    decision: (id: string) => call<HolidayDecision>("GET", `/calendar/decisions/${encodeURIComponent(id)}`),
    createDecision: (body: DecisionCreateBody) => call<HolidayDecision>("POST", "/calendar/decisions", body),
    updateDecision: (id: string, body: DecisionUpdateBody) =>
      call<HolidayDecision>("PUT", `/calendar/decisions/${encodeURIComponent(id)}`, body),
    deleteDecision: (id: string, version: number) =>
      call<Ok>(
        "DELETE",
        `/calendar/decisions/${encodeURIComponent(id)}${query({ version: String(version) })}`,
      ),
  },
  catalog: {
    search: (params: ProcedureSearch) =>
      call<ProcedureList>(
        "GET",
        `/procedures${query({
          q: params.q || undefined,
          unit: params.unit || undefined,
          field: params.field || undefined,
          online: params.online || undefined,
          postal: params.postal || undefined,
          at: params.at || undefined,
          limit: params.limit === undefined ? undefined : String(params.limit),
          offset: params.offset ? String(params.offset) : undefined,
        })}`,
      ),
    fields: (unit?: string) =>
      call<{ items: CatalogField[] }>("GET", `/fields${query({ unit: unit || undefined })}`),
    detail: (ref: string, unit?: string) =>
      call<ProcedureDetail>(
        "GET",
        `/procedures/${encodeURIComponent(ref)}${query({ unit: unit || undefined })}`,
      ),
    versions: (ref: string) =>
      call<{ items: VersionMeta[] }>("GET", `/procedures/${encodeURIComponent(ref)}/versions`),
    version: (ref: string, version: number) =>
      call<VersionDetailT>("GET", `/procedures/${encodeURIComponent(ref)}/versions/${version}`),
    fee: (
      ref: string,
      params: { pages?: number; copies?: number; case?: string; unit?: string; exemptions?: string[] },
    ) =>
      call<FeeQuote>(
        "GET",
        `/procedures/${encodeURIComponent(ref)}/fee${query({
          pages: params.pages === undefined ? undefined : String(params.pages),
          copies: params.copies === undefined ? undefined : String(params.copies),
          case: params.case || undefined,
          unit: params.unit || undefined,
          exemptions: params.exemptions?.length ? params.exemptions.join(",") : undefined,
        })}`,
      ),
    create: (body: ProcedureCreateBody) => call<ProcedureWriteT>("POST", "/procedures", body),
    addVersion: (ref: string, body: ProcedureVersionBody) =>
      call<ProcedureWriteT>("POST", `/procedures/${encodeURIComponent(ref)}/versions`, body),
    offerings: (unit: string, includeInactive = false) =>
      call<{ items: Offering[] }>(
        "GET",
        `/catalog/offerings${query({ unit, includeInactive: includeInactive ? "true" : undefined })}`,
      ),
    offer: (body: OfferingCreateBody) => call<Offering>("POST", "/catalog/offerings", body),
    updateOffering: (id: string, body: OfferingUpdateBody) =>
      call<Offering>("PATCH", `/catalog/offerings/${encodeURIComponent(id)}`, body),
    push: (body: PushBody) => call<PushResultT>("POST", "/catalog/offerings/push", body),
    import: (body: ImportBody, onSent?: (sent: number, total: number) => void) =>
      onSent
        ? postWithProgress<ImportResult>("/catalog/import", body, onSent)
        : call<ImportResult>("POST", "/catalog/import", body),
    /** Plain links (GET, same-origin cookie): the browser downloads or opens the file itself. */
    boardUrl: (unit: string) => `${BASE}/catalog/board${query({ unit })}`,
    exportUrl: (format: "json" | "xlsx") => `${BASE}/catalog/export${query({ format })}`,
    /** An export as a job: its progress, then the file (fileUrl) once done. */
    startExport: (format: "json" | "xlsx") => call<ExportJob>("POST", "/catalog/export-jobs", { format }),
    exportJob: (id: string) => call<ExportJob>("GET", `/catalog/export-jobs/${encodeURIComponent(id)}`),
    /** An import as a job: the file sent (onSent) and checked, then procedures written done of total. */
    startImport: (body: ImportBody, onSent: (sent: number, total: number) => void) =>
      postWithProgress<ImportJob>("/catalog/import-jobs", body, onSent),
    importJob: (id: string) => call<ImportJob>("GET", `/catalog/import-jobs/${encodeURIComponent(id)}`),
  },
  staff: {
    list: (unitId?: string) => call<{ items: Staff[] }>("GET", `/staff${query({ unitId })}`),
    get: (id: string) => call<Staff>("GET", `/staff/${encodeURIComponent(id)}`),
    create: (body: StaffCreateBody) => call<Staff>("POST", "/staff", body),
    update: (id: string, body: StaffUpdateBody) =>
      call<Staff>("PATCH", `/staff/${encodeURIComponent(id)}`, body),
    resetPassword: (id: string, body: z.input<typeof PasswordReset>) =>
      call<Ok>("POST", `/staff/${encodeURIComponent(id)}/reset-password`, body),
  },
};
