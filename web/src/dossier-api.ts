import type { z } from "zod";
import type {
  ActionResult,
  ApologyInput,
  ApproveInput,
  AssignInput,
  ControlSheet,
  DossierAction,
  DossierDetail,
  DossierList,
  DossierSummary,
  ExtendInput,
  FileBrief,
  FormView,
  ForwardInput,
  INBOXES,
  LookupResult,
  NoteInput,
  ReasonInput,
  ReceiveInput,
  ReceptionResult,
  RequestSupplementInput,
  ResultInput,
  ReturnInput,
  SignResultInput,
  StopInput,
  SupplementReceivedInput,
  TrackingBook,
  TransferInput,
  TransferReturnInput,
  WithdrawInput,
  Workload,
} from "../../src/contracts/dossiers.ts";
import type { PaperRatingInput } from "../../src/contracts/portal-dossiers.ts";
import { ApiError, call, fetchCsrf, query } from "./api.ts";

/**
 * The dossier API (src/contracts/dossiers.ts) for the reception desk, the inboxes, the dossier page, the
 * registers and the public lookup. Types come from the shared contracts; the server checks every input again.
 */
export type {
  ActionResult,
  DossierAction,
  DossierDetail,
  DossierList,
  DossierSummary,
  FileBrief,
  FormView,
  LookupResult,
  ReceptionResult,
  TrackingBook,
  Workload,
};
export type ControlSheetT = z.infer<typeof ControlSheet>;
export type Inbox = (typeof INBOXES)[number];
export type ReceiveBody = z.input<typeof ReceiveInput>;
export type ComponentBody = ReceiveBody["components"][number];
export type ApplicantBody = ReceiveBody["applicant"];
export type SupplementItem = z.input<typeof RequestSupplementInput>["items"][number];
export type ReturnBody = z.input<typeof ReturnInput>;
export type TransferReturnBody = z.input<typeof TransferReturnInput>;
export type RegisterFormat = "json" | "pdf" | "xlsx";

const BASE = "/api/v1";

const enc = encodeURIComponent;
const one = (id: string) => `/dossiers/${enc(id)}`;
const act = (id: string, action: string) => `${one(id)}/${action}`;

/** Reads a File as base64 (without the data: prefix) for POST /dossier-files. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** A POST that answers a file (the applicant's copy of the receipt): the bytes, or the API's error. */
async function postForBlob(path: string, body: unknown): Promise<Blob> {
  const token = await fetchCsrf();
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", "x-csrf-token": token, accept: "application/pdf" },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {
      code: "NETWORK",
      message: "Không kết nối được với máy chủ. Kiểm tra mạng và thử lại.",
      messageEn: "The server cannot be reached. Check the connection and try again.",
    });
  }
  if (!response.ok) {
    let error = {
      code: "BAD_RESPONSE",
      message: "Không in được giấy tiếp nhận. Vui lòng thử lại.",
      messageEn: "The receipt could not be printed. Please try again.",
    };
    try {
      const parsed = (await response.json()) as { error?: typeof error };
      if (parsed.error?.code) error = parsed.error;
    } catch {
      // not JSON: keep the generic message
    }
    throw new ApiError(response.status, error);
  }
  return response.blob();
}

export const dossierApi = {
  receive: (body: ReceiveBody) => call<ReceptionResult>("POST", "/dossiers", body),
  upload: async (file: File) =>
    call<FileBrief>("POST", "/dossier-files", {
      filename: file.name,
      contentType: file.type || undefined,
      file: await fileToBase64(file),
    }),
  workload: () => call<Workload>("GET", "/dossiers/workload"),
  inbox: (box: Inbox, params: { overdue?: boolean; limit?: number; offset?: number } = {}) =>
    call<DossierList>(
      "GET",
      `/dossiers/inbox${query({
        box,
        overdue: params.overdue === undefined ? undefined : String(params.overdue),
        limit: params.limit === undefined ? undefined : String(params.limit),
        offset: params.offset ? String(params.offset) : undefined,
      })}`,
    ),
  search: (params: { q?: string; status?: string; from?: string; to?: string; limit?: number }) =>
    call<DossierList>(
      "GET",
      `/dossiers${query({
        q: params.q || undefined,
        status: params.status || undefined,
        from: params.from || undefined,
        to: params.to || undefined,
        limit: params.limit === undefined ? undefined : String(params.limit),
      })}`,
    ),
  get: (id: string) => call<DossierDetail>("GET", one(id)),

  // ---- the desk
  /** Accepting a dossier checked earlier at the desk (after a supplement before acceptance). */
  accept: (id: string, version: number, components?: ComponentBody[]) =>
    call<ActionResult | ReceptionResult>(
      "POST",
      act(id, "accept"),
      components ? { version, components } : { version },
    ),
  refuse: (id: string, body: z.input<typeof ReasonInput>) =>
    call<ActionResult>("POST", act(id, "refuse"), body),
  requestSupplement: (id: string, body: z.input<typeof RequestSupplementInput>) =>
    call<ActionResult>("POST", act(id, "request-supplement"), body),
  supplementReceived: (id: string, body: z.input<typeof SupplementReceivedInput>) =>
    call<ActionResult>("POST", act(id, "supplement-received"), body),
  closeIncomplete: (id: string, version: number) =>
    call<ActionResult>("POST", act(id, "close-incomplete"), { version }),
  citizenCopy: (url: string, secret: string) => postForBlob(url, { secret }),

  // ---- processing
  claim: (id: string, version: number) => call<ActionResult>("POST", act(id, "claim"), { version }),
  assign: (id: string, body: z.input<typeof AssignInput>) =>
    call<ActionResult>("POST", act(id, "assign"), body),
  forward: (id: string, body: z.input<typeof ForwardInput>) =>
    call<ActionResult>("POST", act(id, "forward"), body),
  sendBack: (id: string, body: z.input<typeof ReasonInput>) =>
    call<ActionResult>("POST", act(id, "send-back"), body),
  approve: (id: string, body: z.input<typeof ApproveInput>) =>
    call<ActionResult>("POST", act(id, "approve"), body),
  /** The leader signs the drafted result with a personal credential and approves. */
  signResult: (id: string, body: z.input<typeof SignResultInput>) =>
    call<ActionResult>("POST", act(id, "sign-result"), body),
  reject: (id: string, body: z.input<typeof ReasonInput>) =>
    call<ActionResult>("POST", act(id, "reject"), body),
  recordResult: (id: string, body: z.input<typeof ResultInput>) =>
    call<ActionResult>("POST", act(id, "result"), body),
  transfer: (id: string, body: z.input<typeof TransferInput>) =>
    call<ActionResult>("POST", act(id, "transfer"), body),
  transferReturn: (id: string, body: TransferReturnBody) =>
    call<ActionResult>("POST", act(id, "transfer-return"), body),
  apologise: (id: string, body: z.input<typeof ApologyInput>) =>
    call<ActionResult>("POST", act(id, "apology"), body),
  stop: (id: string, body: z.input<typeof StopInput>) => call<ActionResult>("POST", act(id, "stop"), body),
  extend: (id: string, body: z.input<typeof ExtendInput>) =>
    call<ActionResult>("POST", act(id, "extend"), body),
  withdraw: (id: string, body: z.input<typeof WithdrawInput>) =>
    call<ActionResult>("POST", act(id, "withdraw"), body),
  returnResult: (id: string, body: ReturnBody) => call<ActionResult>("POST", act(id, "return"), body),
  note: (id: string, body: z.input<typeof NoteInput>) => call<ActionResult>("POST", act(id, "notes"), body),
  /** The paper evaluation slip typed in; answers with the dossier as it now is. */
  ratePaper: async (id: string, body: z.input<typeof PaperRatingInput>): Promise<ActionResult> => {
    await call<unknown>("POST", act(id, "ratings/paper"), body);
    return { dossier: await call<DossierDetail>("GET", one(id)), form: null };
  },

  // ---- registers (plain links: the browser downloads or opens the file itself)
  controlSheet: (id: string) => call<ControlSheetT>("GET", `${act(id, "control-sheet")}`),
  controlSheetUrl: (id: string, format: "pdf" | "xlsx") =>
    `${BASE}${act(id, "control-sheet")}${query({ format })}`,
  trackingBook: (unit: string, from: string, to: string) =>
    call<TrackingBook>("GET", `/dossiers/tracking-book${query({ unit, from, to })}`),
  trackingBookUrl: (unit: string, from: string, to: string, format: "pdf" | "xlsx") =>
    `${BASE}/dossiers/tracking-book${query({ unit, from, to, format })}`,

  // ---- public
  lookup: (code: string, secret: string) =>
    call<LookupResult>("GET", `/dossiers/lookup${query({ code, secret })}`),
};
