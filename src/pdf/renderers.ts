/**
 * The pure render functions the render pool runs by name: serialisable data in (structured clone: plain objects,
 * arrays, dates), bytes out. Only what can cross a thread goes here (no callbacks in the data).
 */
import { renderRosterPdf } from "./desk-roster.ts";
import { renderHandOverListPdf } from "./documents/hand-over-list.ts";
import { renderOfficialDocument } from "./documents/official-document.ts";
import { registerXlsx, renderRegisterPdf } from "./documents/registers.ts";
import { renderWorkFilePdf } from "./documents/work-file.ts";
import { dossierReportXlsx, renderDossierReport } from "./forms/dossier-report.ts";
import {
  controlSheetXlsx,
  renderApology,
  renderControlSheet,
  renderReceipt,
  renderRefusal,
  renderStopNotice,
  renderSupplementRequest,
  renderTrackingBook,
  renderTransferSlip,
  trackingBookXlsx,
} from "./forms/index.ts";
import { paymentReceiptPdf } from "./payment-receipt.ts";

export const renderers = {
  receipt: renderReceipt,
  supplementRequest: renderSupplementRequest,
  refusal: renderRefusal,
  apology: renderApology,
  stopNotice: renderStopNotice,
  transferSlip: renderTransferSlip,
  controlSheetPdf: renderControlSheet,
  controlSheetXlsx,
  trackingBookPdf: renderTrackingBook,
  trackingBookXlsx,
  documentRegisterPdf: renderRegisterPdf,
  documentRegisterXlsx: registerXlsx,
  workFilePdf: renderWorkFilePdf,
  handOverListPdf: renderHandOverListPdf,
  dossierReportPdf: renderDossierReport,
  dossierReportXlsx,
  paymentReceiptPdf,
  deskRosterPdf: renderRosterPdf,
  officialDocument: renderOfficialDocument,
} satisfies Record<string, (input: never) => Promise<Uint8Array>>;

export type RendererName = keyof typeof renderers;
export type RenderInput<N extends RendererName> = Parameters<(typeof renderers)[N]>[0];

export function isRendererName(name: string): name is RendererName {
  return Object.hasOwn(renderers, name);
}
