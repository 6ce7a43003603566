import type { z } from "zod";
import type {
  Accepted,
  CitizenConfirm,
  CitizenLogin,
  CitizenMe,
  CitizenPasswordChange,
  CitizenProfileUpdate,
  CitizenRegistration,
  OidcStatus,
  PasswordResetComplete,
  PasswordResetRequest,
  RegistrationAccepted,
} from "../../src/contracts/citizen-accounts.ts";
import type {
  DossierPayments,
  PaymentType,
  StartPaymentInputType,
  StartPaymentResult,
} from "../../src/contracts/payments.ts";
import type {
  AnswerSupplementInput,
  CitizenWithdrawInput,
  EFormView,
  MyDossierDetail,
  MyDossierList,
  MyDossiersQuery,
  RatingInput,
  RatingView,
  ReviewView,
  SaveDraftInput,
  StartDraftInput,
  SubmitResult,
  UploadInput,
  UploadView,
} from "../../src/contracts/portal-dossiers.ts";
import { ApiError, call, fetchCsrf, query, resetCsrf } from "./api.ts";

/** The citizen portal's API client: accounts (/portal/account), payments. Types from the shared contracts. */
export type { CitizenMe, PaymentType };
export type RegistrationBody = z.input<typeof CitizenRegistration>;
export type RegistrationAcceptedT = z.infer<typeof RegistrationAccepted>;
export type OidcStatusT = z.infer<typeof OidcStatus>;
export type DossierPaymentsT = z.infer<typeof DossierPayments>;
export type StartPaymentResultT = z.infer<typeof StartPaymentResult>;
type AcceptedT = z.infer<typeof Accepted>;
export type EFormViewT = z.infer<typeof EFormView>;
export type DraftViewT = z.infer<typeof ReviewView>["draft"];
export type ReviewViewT = z.infer<typeof ReviewView>;
export type SubmitResultT = z.infer<typeof SubmitResult>;
export type UploadViewT = z.infer<typeof UploadView>;
export type MyDossierListT = z.infer<typeof MyDossierList>;
export type MyDossierSummaryT = MyDossierListT["items"][number];
export type MyDossierDetailT = z.infer<typeof MyDossierDetail>;
export type SaveDraftBody = z.input<typeof SaveDraftInput>;
export type UploadBody = z.input<typeof UploadInput>;
export type RatingBody = z.input<typeof RatingInput>;
export type RatingViewT = z.infer<typeof RatingView>;
type Ok = { ok: true };

const ACCOUNT = "/portal/account";
const id = encodeURIComponent;

export const portalApi = {
  account: {
    register: (body: RegistrationBody) => call<RegistrationAcceptedT>("POST", `${ACCOUNT}/register`, body),
    async confirm(body: z.input<typeof CitizenConfirm>): Promise<CitizenMe> {
      const me = await call<CitizenMe>("POST", `${ACCOUNT}/confirm`, body);
      resetCsrf();
      return me;
    },
    resend: (challengeId: string) => call<AcceptedT>("POST", `${ACCOUNT}/confirm/resend`, { challengeId }),
    async login(body: z.input<typeof CitizenLogin>): Promise<CitizenMe> {
      const me = await call<CitizenMe>("POST", `${ACCOUNT}/login`, body);
      resetCsrf();
      return me;
    },
    me: () => call<CitizenMe>("GET", `${ACCOUNT}/me`),
    update: (body: z.input<typeof CitizenProfileUpdate>) => call<CitizenMe>("PATCH", `${ACCOUNT}/me`, body),
    changePassword: (body: z.input<typeof CitizenPasswordChange>) =>
      call<Ok>("POST", `${ACCOUNT}/password`, body),
    requestReset: (body: z.input<typeof PasswordResetRequest>) =>
      call<AcceptedT>("POST", `${ACCOUNT}/password-reset`, body),
    completeReset: (body: z.input<typeof PasswordResetComplete>) =>
      call<Ok>("POST", `${ACCOUNT}/password-reset/complete`, body),
    oidc: () => call<OidcStatusT>("GET", `${ACCOUNT}/oidc`),
    /** A plain link: the browser leaves for the identity provider. */
    oidcStartUrl: (returnTo: string) =>
      `/api/v1${ACCOUNT}/oidc/start?${new URLSearchParams({ returnTo }).toString()}`,
  },
  eforms: {
    get: (procedure: string, version?: number) =>
      call<EFormViewT>(
        "GET",
        `/portal/procedures/${id(procedure)}/eform${query({ version: version === undefined ? undefined : String(version) })}`,
      ),
  },
  /** A draft is a dossier in draft_online: the same id before and after submission. */
  drafts: {
    start: (body: z.input<typeof StartDraftInput>) => call<DraftViewT>("POST", "/portal/dossiers", body),
    get: (draftId: string) => call<DraftViewT>("GET", `/portal/dossiers/${id(draftId)}/draft`),
    save: (draftId: string, body: SaveDraftBody) =>
      call<DraftViewT>("PATCH", `/portal/dossiers/${id(draftId)}/draft`, body),
    removeUpload: (draftId: string, uploadId: string, version: number) =>
      call<DraftViewT>(
        "DELETE",
        `/portal/dossiers/${id(draftId)}/uploads/${id(uploadId)}${query({ version: String(version) })}`,
      ),
    review: (draftId: string) => call<ReviewViewT>("GET", `/portal/dossiers/${id(draftId)}/review`),
    submit: (draftId: string, version: number) =>
      call<SubmitResultT>("POST", `/portal/dossiers/${id(draftId)}/submit`, { version }),
  },
  dossiers: {
    list: (params: z.input<typeof MyDossiersQuery> = {}) =>
      call<MyDossierListT>(
        "GET",
        `/portal/dossiers${query({
          filter: params.filter,
          limit: params.limit === undefined ? undefined : String(params.limit),
          offset: params.offset === undefined ? undefined : String(params.offset),
        })}`,
      ),
    get: (dossierId: string) => call<MyDossierDetailT>("GET", `/portal/dossiers/${id(dossierId)}`),
    answerSupplement: (dossierId: string, body: z.input<typeof AnswerSupplementInput>) =>
      call<MyDossierDetailT>("POST", `/portal/dossiers/${id(dossierId)}/supplement`, body),
    withdraw: (dossierId: string, body: z.input<typeof CitizenWithdrawInput>) =>
      call<MyDossierDetailT>("POST", `/portal/dossiers/${id(dossierId)}/withdraw`, body),
    rate: (dossierId: string, body: RatingBody) =>
      call<RatingViewT>("POST", `/portal/dossiers/${id(dossierId)}/rating`, body),
  },
  payments: {
    ofDossier: (dossierId: string) => call<DossierPaymentsT>("GET", `/dossiers/${id(dossierId)}/payments`),
    start: (dossierId: string, body: StartPaymentInputType) =>
      call<StartPaymentResultT>("POST", `/dossiers/${id(dossierId)}/payments`, body),
    get: (paymentId: string) => call<PaymentType>("GET", `/payments/${id(paymentId)}`),
  },
};

/**
 * Where a dossier's files are posted with uploadWithProgress: a draft's papers (componentId) and, later, the
 * answer to a supplement request (supplementItem) go to the same place.
 */
export function uploadPath(dossierId: string): string {
  return `/portal/dossiers/${id(dossierId)}/uploads`;
}

/** What an upload answers: the file as stored and the dossier's new version. */
export interface UploadResultT {
  upload: UploadViewT;
  version: number;
}

const NETWORK = {
  code: "NETWORK",
  message: "Không kết nối được với máy chủ. Kiểm tra mạng và thử lại.",
  messageEn: "The server cannot be reached. Check the connection and try again.",
};

/**
 * POSTs a file (base64 in JSON, as the contract asks) with XMLHttpRequest, whose upload events give the progress
 * that fetch cannot; errors come back as ApiError like every other call.
 */
export async function uploadWithProgress<T>(
  path: string,
  body: UploadBody,
  onProgress: (fraction: number) => void,
): Promise<T> {
  const csrf = await fetchCsrf();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1${path}`);
    xhr.setRequestHeader("content-type", "application/json");
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("x-csrf-token", csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK));
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(parsed as T);
        return;
      }
      const error =
        parsed && typeof parsed === "object" && "error" in parsed
          ? (parsed as { error: ConstructorParameters<typeof ApiError>[1] }).error
          : { code: "BAD_RESPONSE", message: `Lỗi ${xhr.status}`, messageEn: `Error ${xhr.status}` };
      reject(new ApiError(xhr.status, error));
    };
    xhr.send(JSON.stringify(body));
  });
}
