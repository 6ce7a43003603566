/** Reading and extending a PDF's form structure for a new signature field, through @libpdf/core. */
import { PDF, PdfArray, PdfDict, PdfNumber, PdfRef } from "@libpdf/core";
import { AppError } from "../errors.ts";
import { type AppearanceKind, FIELD_PREFIX } from "./appearance.ts";

export async function loadPdf(bytes: Uint8Array): Promise<PDF> {
  let pdf: PDF;
  try {
    pdf = await PDF.load(bytes);
  } catch (cause) {
    throw new AppError("PDF_INVALID", { cause });
  }
  if (pdf.isEncrypted) throw new AppError("PDF_ENCRYPTED");
  if (pdf.getPageCount() === 0) throw new AppError("PAGE_OUT_OF_RANGE", { details: { count: 0 } });
  return pdf;
}

function resolveDict(pdf: PDF, value: unknown): PdfDict | undefined {
  const resolved = value instanceof PdfRef ? pdf.getObject(value) : value;
  return resolved instanceof PdfDict ? resolved : undefined;
}

function resolveArray(pdf: PDF, value: unknown): PdfArray | undefined {
  const resolved = value instanceof PdfRef ? pdf.getObject(value) : value;
  return resolved instanceof PdfArray ? resolved : undefined;
}

function existingFieldNames(pdf: PDF): Set<string> {
  return new Set(pdf.getForm()?.getFieldNames() ?? []);
}

export function chooseFieldName(pdf: PDF, kind: AppearanceKind | "invisible", requested?: string): string {
  const names = existingFieldNames(pdf);
  if (requested) {
    if (names.has(requested)) throw new AppError("FIELD_EXISTS", { details: { fieldName: requested } });
    return requested;
  }
  const prefix = kind === "invisible" ? "motcua-signature" : FIELD_PREFIX[kind];
  for (let n = 1; ; n++) if (!names.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

export function addToAnnots(pdf: PDF, page: PdfDict, ref: PdfRef): void {
  const current = page.get("Annots");
  const array = resolveArray(pdf, current);
  if (!array) page.set("Annots", new PdfArray([ref]));
  else if (current instanceof PdfRef) {
    // An indirect /Annots array is rewritten as a direct copy so the page object itself is updated.
    page.set("Annots", new PdfArray([...array.toArray(), ref]));
  } else {
    array.push(ref);
    page.set("Annots", array);
  }
}

export function addToAcroForm(pdf: PDF, ref: PdfRef): void {
  pdf.getOrCreateForm();
  const catalog = pdf.getCatalog();
  const acroForm = resolveDict(pdf, catalog.get("AcroForm"));
  if (!acroForm) throw new AppError("PDF_INVALID", { en: "The document has no usable AcroForm" });
  const fields = resolveArray(pdf, acroForm.get("Fields"));
  acroForm.set("Fields", new PdfArray([...(fields?.toArray() ?? []), ref]));
  acroForm.set("SigFlags", PdfNumber.of(3));
  if (!(catalog.get("AcroForm") instanceof PdfRef)) catalog.set("AcroForm", acroForm);
}

export function hasSignatures(pdf: PDF): boolean {
  return (pdf.getForm()?.getSignatureFields() ?? []).some((field) => field.isSigned());
}
