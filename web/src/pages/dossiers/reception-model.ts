import { componentsFor } from "../../../../src/domain/catalog/procedure-schema.ts";
import type { ProcedureDetail, PublicUnitT } from "../../api.ts";
import type { ApplicantBody, ComponentBody, FileBrief } from "../../dossier-api.ts";
import type { Translate } from "../../i18n/index.tsx";
import type { ProcedureItem } from "./procedure-picker.tsx";

export type PaperKind = ComponentBody["kind"];
export const PAPER_KINDS: readonly PaperKind[] = ["original", "copy", "certified_copy", "electronic"];

export interface Paper {
  key: string;
  componentId: string | null;
  name: string;
  required: boolean;
  /** "present": shown and given back (xuất trình). */
  present: boolean;
  condition: string | null;
  checked: boolean;
  kind: PaperKind;
  count: string;
  files: FileBrief[];
}

export interface ApplicantForm {
  kind: "person" | "organisation";
  name: string;
  identityNumber: string;
  detail: string;
  commune: string;
  district: string;
  province: string;
  phone: string;
  email: string;
  withRep: boolean;
  repName: string;
  repId: string;
  repPhone: string;
  repAuth: string;
}

type Field =
  | "procedure"
  | "name"
  | "identityNumber"
  | "detail"
  | "commune"
  | "province"
  | "phone"
  | "email"
  | "repName"
  | "repId"
  | "repPhone"
  | "repAuth"
  | "papers"
  | "deliveryAddress";
export type Errors = Partial<Record<Field | "form", string>>;

const PHONE = /^\+?[0-9 .-]{8,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PERSON_ID = /^(\d{12}|\d{9}|[A-Z]\d{7,8})$/;
const ORG_ID = /^\d{10}(-\d{3})?$/;

export const FIELD_OF: Partial<Record<keyof ApplicantForm, Field>> = {
  name: "name",
  identityNumber: "identityNumber",
  detail: "detail",
  commune: "commune",
  province: "province",
  phone: "phone",
  email: "email",
  repName: "repName",
  repId: "repId",
  repPhone: "repPhone",
  repAuth: "repAuth",
};

/** Where the server put a validation failure → the field that shows it. */
export const SERVER_PATHS: [RegExp, Field][] = [
  [/^\/procedure/, "procedure"],
  [/^\/applicant\/name/, "name"],
  [/^\/applicant\/identityNumber/, "identityNumber"],
  [/^\/applicant\/address\/detail/, "detail"],
  [/^\/applicant\/address\/commune/, "commune"],
  [/^\/applicant\/address\/province/, "province"],
  [/^\/applicant\/phone/, "phone"],
  [/^\/applicant\/email/, "email"],
  [/^\/applicant\/representative\/name/, "repName"],
  [/^\/applicant\/representative\/identityNumber/, "repId"],
  [/^\/applicant\/representative\/phone/, "repPhone"],
  [/^\/applicant\/representative\/authorisation/, "repAuth"],
  [/^\/components/, "papers"],
  [/^\/deliveryAddress/, "deliveryAddress"],
];

/** The commune, district and province of an address written "Xã …, huyện …, tỉnh …" (the unit's own). */
export function addressDefaults(
  unit: PublicUnitT | undefined,
): Pick<ApplicantForm, "commune" | "district" | "province"> {
  const partsOf = (unit?.address ?? "").split(",").map((p) => p.trim());
  const district = partsOf.find(
    (p) => /^(huyện|quận|thị xã|thành phố)\s/i.test(p) && partsOf.indexOf(p) < partsOf.length - 1,
  );
  const province = partsOf[partsOf.length - 1] ?? "";
  const commune = partsOf.find((p) => /^(xã|phường|thị trấn|đặc khu)\s/i.test(p)) ?? "";
  const cap = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);
  return { commune: cap(commune), district: cap(district ?? ""), province: cap(province) };
}

export function emptyApplicant(
  defaults: Pick<ApplicantForm, "commune" | "district" | "province">,
): ApplicantForm {
  return {
    kind: "person",
    name: "",
    identityNumber: "",
    detail: "",
    ...defaults,
    phone: "",
    email: "",
    withRep: false,
    repName: "",
    repId: "",
    repPhone: "",
    repAuth: "",
  };
}

export function papersOf(detail: ProcedureDetail, caseId: string | null): Paper[] {
  return componentsFor(detail.document, caseId).map((c) => ({
    key: c.id,
    componentId: c.id,
    name: c.name,
    required: c.requirement.kind === "required",
    present: c.handling === "present",
    condition: c.requirement.kind === "conditional" ? c.requirement.condition : null,
    checked: c.requirement.kind === "required",
    kind: c.originals > 0 ? "original" : "copy",
    count: String(c.originals > 0 ? c.originals : Math.max(c.copies, 1)),
    files: [],
  }));
}

export function validate(
  procedure: ProcedureItem | null,
  a: ApplicantForm,
  papers: Paper[],
  returnMethod: string,
  deliveryAddress: string,
  t: Translate,
): Errors {
  const e: Errors = {};
  const required = t("form.required");
  if (!procedure) e.procedure = t("reception.procedure.required");
  if (!a.name.trim()) e.name = required;
  const id = a.identityNumber.trim().toUpperCase();
  if (!id) e.identityNumber = required;
  else if (!(a.kind === "person" ? PERSON_ID : ORG_ID).test(id)) {
    e.identityNumber = a.kind === "person" ? t("reception.identity.invalid") : t("reception.taxCode.invalid");
  }
  if (!a.detail.trim()) e.detail = required;
  if (!a.commune.trim()) e.commune = required;
  if (!a.province.trim()) e.province = required;
  if (a.phone.trim() && !PHONE.test(a.phone.trim())) e.phone = t("reception.phone.invalid");
  if (a.email.trim() && !EMAIL.test(a.email.trim())) e.email = t("reception.email.invalid");
  if (a.withRep) {
    if (!a.repName.trim()) e.repName = required;
    if (!PERSON_ID.test(a.repId.trim().toUpperCase())) e.repId = t("reception.identity.invalid");
    if (a.repPhone.trim() && !PHONE.test(a.repPhone.trim())) e.repPhone = t("reception.phone.invalid");
    if (!a.repAuth.trim()) e.repAuth = required;
  }
  const checked = papers.filter((p) => p.checked);
  if (checked.length === 0) e.papers = t("reception.papers.none");
  else if (checked.some((p) => !p.name.trim() || !(Number(p.count) >= 1 && Number(p.count) <= 99))) {
    e.papers = t("reception.papers.invalid");
  }
  if (returnMethod === "post" && !deliveryAddress.trim()) e.deliveryAddress = required;
  return e;
}

export function applicantBody(a: ApplicantForm): ApplicantBody {
  const opt = (s: string) => (s.trim() ? s.trim() : null);
  return {
    kind: a.kind,
    name: a.name.trim(),
    identityNumber: a.identityNumber.trim().toUpperCase(),
    address: {
      detail: a.detail.trim(),
      commune: a.commune.trim(),
      district: opt(a.district),
      province: a.province.trim(),
    },
    phone: opt(a.phone),
    email: opt(a.email),
    representative: a.withRep
      ? {
          name: a.repName.trim(),
          identityNumber: a.repId.trim().toUpperCase(),
          phone: opt(a.repPhone),
          authorisation: a.repAuth.trim(),
        }
      : null,
  };
}

export function papersBody(papers: Paper[]): ComponentBody[] {
  return papers
    .filter((p) => p.checked)
    .map((p) => ({
      componentId: p.componentId,
      name: p.name.trim(),
      kind: p.kind,
      count: Number(p.count),
      ...(p.files.length ? { fileIds: p.files.map((f) => f.id) } : {}),
    }));
}
