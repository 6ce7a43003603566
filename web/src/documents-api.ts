import type { z } from "zod";
import type {
  AssignInput,
  CreateDocumentInput,
  DocumentDetail,
  DocumentList,
  DocumentStats,
  DoneInput,
  HandOverListExport,
  IssueDocumentInput,
  ReceiveOutsideInput,
  SignDocumentInput,
  WorkFileDetail,
  WorkFileInput,
  WorkFileList,
} from "../../src/contracts/documents.ts";
import { call, query } from "./api.ts";

/** Documents and work records (src/contracts/documents.ts): boxes, drafting, signing, issuing, incoming, registers. */
export type DocumentDetailT = z.infer<typeof DocumentDetail>;
export type DocumentListT = z.infer<typeof DocumentList>;
export type DocumentSummaryT = DocumentListT["items"][number];
export type DocumentBoxT = "all" | "drafts" | "approval" | "issuing" | "outgoing" | "incoming" | "tasks";
export type WorkFileListT = z.infer<typeof WorkFileList>;
export type WorkFileDetailT = z.infer<typeof WorkFileDetail>;
export type DocumentStatsT = z.infer<typeof DocumentStats>;
export type HandOverListExportT = z.infer<typeof HandOverListExport>;
export type DocumentFiguresT = DocumentStatsT["total"];
export type RegisterKind = "outgoing" | "incoming" | "follow-up" | "postal";
export interface DocumentTypeT {
  code: string;
  name: string;
  abbreviation: string | null;
}
export interface RegisterT {
  kind: string;
  unitName: string;
  columns: string[];
  rows: string[][];
}

const path = (id: string, action?: string) =>
  `/documents/${encodeURIComponent(id)}${action ? `/${action}` : ""}`;
type Done = Record<string, unknown>;

export const documentsApi = {
  types: () => call<{ items: DocumentTypeT[] }>("GET", "/documents/types"),
  list: (box: DocumentBoxT, q?: string) =>
    call<DocumentListT>("GET", `/documents${query({ box, q: q || undefined, limit: "200" })}`),
  get: (id: string) => call<DocumentDetailT>("GET", path(id)),
  create: (body: z.input<typeof CreateDocumentInput>) => call<{ id: string }>("POST", "/documents", body),
  receive: (body: z.input<typeof ReceiveOutsideInput>) =>
    call<{ id: string }>("POST", "/documents/incoming", body),
  submit: (id: string, version: number) => call<Done>("POST", path(id, "submit"), { version }),
  sendBack: (id: string, version: number, reason: string) =>
    call<Done>("POST", path(id, "send-back"), { version, reason }),
  comment: (id: string, body: string) => call<Done>("POST", path(id, "comments"), { body }),
  sign: (id: string, body: z.input<typeof SignDocumentInput>) => call<Done>("POST", path(id, "sign"), body),
  issue: (id: string, body: z.input<typeof IssueDocumentInput>) =>
    call<{ number: number; notation: string }>("POST", path(id, "issue"), body),
  send: (id: string, version: number) => call<Done>("POST", path(id, "send"), { version }),
  recall: (id: string, version: number, reason: string) =>
    call<Done>("POST", path(id, "recall"), { version, reason }),
  register: (id: string, version: number) =>
    call<{ arrivalNumber: number }>("POST", path(id, "register"), { version }),
  refuse: (id: string, version: number, reason: string) =>
    call<Done>("POST", path(id, "refuse"), { version, reason }),
  assign: (id: string, body: z.input<typeof AssignInput>) => call<Done>("POST", path(id, "assign"), body),
  start: (id: string, version: number) => call<Done>("POST", path(id, "start"), { version }),
  done: (id: string, body: z.input<typeof DoneInput>) => call<Done>("POST", path(id, "done"), body),
  workFiles: (unitId: string, year: number) =>
    call<WorkFileListT>(
      "GET",
      `/units/${encodeURIComponent(unitId)}/work-files${query({ year: String(year) })}`,
    ),
  openWorkFile: (unitId: string, body: z.input<typeof WorkFileInput>) =>
    call<{ id: string }>("POST", `/units/${encodeURIComponent(unitId)}/work-files`, body),
  approveCatalog: (unitId: string, year: number) =>
    call<{ approved: number }>("POST", `/units/${encodeURIComponent(unitId)}/work-files/approve`, { year }),
  closeWorkFile: (id: string, version: number) =>
    call<{ archiveDueOn: string }>("POST", `/work-files/${encodeURIComponent(id)}/close`, { version }),
  handOverWorkFile: (id: string, version: number, record: string) =>
    call<Done>("POST", `/work-files/${encodeURIComponent(id)}/hand-over`, { version, record }),
  fileDocument: (id: string, version: number, workFileId: string | null) =>
    call<Done>("POST", path(id, "work-file"), { version, workFileId }),
  workFile: (id: string) => call<WorkFileDetailT>("GET", `/work-files/${encodeURIComponent(id)}`),
  /** Files a dossier's result (by id or by its code) into a work file of the unit that resolved it. */
  fileDossier: (fileId: string, dossier: { dossierId: string } | { code: string }) =>
    call<{ dossierId: string; code: string | null }>(
      "POST",
      `/work-files/${encodeURIComponent(fileId)}/dossiers`,
      dossier,
    ),
  workFileExportUrl: (id: string, format: "xml" | "pdf" = "xml") =>
    `/api/v1/work-files/${encodeURIComponent(id)}/export?format=${format}`,
  fileUrl: (id: string) => `/api/v1${path(id, "file")}`,
  register_: (unitId: string, kind: RegisterKind, from: string, to: string) =>
    call<RegisterT>(
      "GET",
      `/units/${encodeURIComponent(unitId)}/document-registers/${kind}${query({ from, to })}`,
    ),
  printHandOverList: (unitId: string, year: number) =>
    call<HandOverListExportT>(
      "POST",
      `/units/${encodeURIComponent(unitId)}/work-files/hand-over-list/exports`,
      { year },
    ),
  handOverListPrint: (unitId: string, id: string) =>
    call<HandOverListExportT>(
      "GET",
      `/units/${encodeURIComponent(unitId)}/work-files/hand-over-list/exports/${encodeURIComponent(id)}`,
    ),
  stats: (unitId: string, from: string, to: string) =>
    call<DocumentStatsT>("GET", `/units/${encodeURIComponent(unitId)}/document-stats${query({ from, to })}`),
  registerUrl: (unitId: string, kind: RegisterKind, from: string, to: string, format: "pdf" | "xlsx") =>
    `/api/v1/units/${encodeURIComponent(unitId)}/document-registers/${kind}${query({ from, to, format })}`,
};
