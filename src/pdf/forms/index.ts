/**
 * The one-stop forms as PDF (and the two registers as XLSX): typed data in, bytes out. The set — TT 01/2018 or
 * TT 03/2025 — follows the dossier's reception date unless the data names it.
 */

export type {
  ApologyData,
  Applicant,
  ControlSheetData,
  DeliveryMethod,
  FormBase,
  Handover,
  Issuer,
  PaperKind,
  ReceiptData,
  ReceivedComponent,
  RefusalData,
  Signer,
  StopNoticeData,
  SupplementItem,
  SupplementRequestData,
  TrackingBookData,
  TrackingRow,
  TransferSlipData,
} from "./data.ts";
export type { FormKind, FormSetId, FormSpec } from "./form-sets.ts";
export { deskName, FORM_SET_2025_FROM, FORMS, formSetAt, formSetFor, formSpec } from "./form-sets.ts";
export {
  renderApology,
  renderRefusal,
  renderStopNotice,
  renderSupplementRequest,
  renderTransferSlip,
} from "./notices.ts";
export type { Orientation, Paper } from "./paper.ts";
export { A5, pageSize } from "./paper.ts";
export { DELIVERY_LABEL, PAPER_KIND_LABEL, renderReceipt } from "./receipt.ts";
export { renderControlSheet, renderTrackingBook } from "./register-pdfs.ts";
export { TIMELINESS_LABEL, trackingTimeliness } from "./registers.ts";
export { controlSheetXlsx, trackingBookXlsx } from "./xlsx.ts";
