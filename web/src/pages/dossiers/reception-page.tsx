import { type FormEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { componentsFor } from "../../../../src/domain/catalog/procedure-schema.ts";
import { ApiError, api, type ProcedureDetail, type PublicUnitT } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import {
  type ApplicantBody,
  type ComponentBody,
  dossierApi,
  type FileBrief,
  type FormView,
  type ReceiveBody,
  type ReceptionResult,
} from "../../dossier-api.ts";
import { type Translate, useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { Link } from "../../router.tsx";
import { useMe } from "../../session.tsx";
import { QueueLink } from "../desk/queue-link.tsx";
import { ReasonDialog, SupplementDialog } from "./dialogs.tsx";
import { FileUpload } from "./file-upload.tsx";
import { KIND_LABELS } from "./labels.ts";
import { type ProcedureItem, ProcedurePicker, useOfferedProcedures } from "./procedure-picker.tsx";
import { dossierPath, ReceiptPanel } from "./receipt-panel.tsx";
import { advanceFrom, entersAdvance, useAltShortcuts } from "./use-shortcuts.ts";
import "./dossiers.css";

type PaperKind = ComponentBody["kind"];
const PAPER_KINDS: readonly PaperKind[] = ["original", "copy", "certified_copy", "electronic"];

interface Paper {
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

interface ApplicantForm {
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
type Errors = Partial<Record<Field | "form", string>>;

const PHONE = /^\+?[0-9 .-]{8,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PERSON_ID = /^(\d{12}|\d{9}|[A-Z]\d{7,8})$/;
const ORG_ID = /^\d{10}(-\d{3})?$/;

const FIELD_OF: Partial<Record<keyof ApplicantForm, Field>> = {
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
const SERVER_PATHS: [RegExp, Field][] = [
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
function addressDefaults(
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

function emptyApplicant(defaults: Pick<ApplicantForm, "commune" | "district" | "province">): ApplicantForm {
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

function papersOf(detail: ProcedureDetail, caseId: string | null): Paper[] {
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

function validate(
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

function applicantBody(a: ApplicantForm): ApplicantBody {
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

function papersBody(papers: Paper[]): ComponentBody[] {
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

type Outcome =
  | { kind: "accepted"; result: ReceptionResult }
  | {
      kind: "form";
      outcome: "request_supplement" | "refuse";
      result: ReceptionResult;
      form: FormView | null;
    };

/**
 * The counter: pick the procedure, type the applicant, tick the papers, then accept (code, appointment and the
 * receipt to print), ask for supplements (form 02) or refuse (form 03). Built for the keyboard: the procedure box
 * has the focus, Enter moves to the next field, and Alt+letter shortcuts reach every part and decision.
 */
export function ReceptionPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { items, error: procError } = useOfferedProcedures(me.unit.code);
  const [unit, setUnit] = useState<PublicUnitT>();
  const [procedure, setProcedure] = useState<ProcedureItem | null>(null);
  const [detail, setDetail] = useState<ProcedureDetail | null>(null);
  const [caseId, setCaseId] = useState<string>("");
  const [papers, setPapers] = useState<Paper[]>([]);
  const [applicant, setApplicant] = useState<ApplicantForm>(() => emptyApplicant(addressDefaults(undefined)));
  const [returnMethod, setReturnMethod] = useState<"counter" | "post" | "online">("counter");
  const [deliveryAddress, setDeliveryAddress] = useState("");
  const [channel, setChannel] = useState<"counter" | "post">("counter");
  const [sets, setSets] = useState("1");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(0);
  const [dialog, setDialog] = useState<"supplement" | "refuse" | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [forwarded, setForwarded] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  const procedureRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const papersRef = useRef<HTMLFieldSetElement>(null);
  const acceptRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    api.units.publicList().then(
      (r) => {
        const mine = r.items.find((u) => u.id === me.unit.id);
        setUnit(mine);
        const defaults = addressDefaults(mine);
        setApplicant((a) => (a.commune || a.province ? a : { ...a, ...defaults }));
      },
      () => undefined,
    );
  }, [me.unit.id]);

  useEffect(() => {
    procedureRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!procedure) {
      setDetail(null);
      setPapers([]);
      return;
    }
    let cancelled = false;
    api.catalog.detail(procedure.id, me.unit.code).then(
      (d) => {
        if (cancelled) return;
        setDetail(d);
        setCaseId("");
        setPapers(papersOf(d, null));
      },
      (e: unknown) => {
        if (!cancelled) setErrors((x) => ({ ...x, procedure: errorText(e, lang) }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [procedure, me.unit.code, lang]);

  const cases = detail?.document.cases ?? [];

  function chooseCase(id: string) {
    setCaseId(id);
    if (detail) setPapers(papersOf(detail, id || null));
  }

  function reset() {
    setOutcome(null);
    setForwarded(undefined);
    setProcedure(null);
    setApplicant(emptyApplicant(addressDefaults(unit)));
    setReturnMethod("counter");
    setDeliveryAddress("");
    setChannel("counter");
    setSets("1");
    setNote("");
    setErrors({});
    requestAnimationFrame(() => procedureRef.current?.focus());
  }

  function setA<K extends keyof ApplicantForm>(key: K, value: ApplicantForm[K]) {
    setApplicant((a) => ({ ...a, [key]: value }));
    // A corrected field loses its message; the next check looks again.
    const field = FIELD_OF[key];
    if (field) setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  }

  function setPaper(key: string, patch: Partial<Paper>) {
    setPapers((list) => list.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  }

  function addPaper() {
    const key = `extra-${Date.now()}`;
    setPapers((list) => [
      ...list,
      {
        key,
        componentId: null,
        name: "",
        required: false,
        present: false,
        condition: null,
        checked: true,
        kind: "copy",
        count: "1",
        files: [],
      },
    ]);
    requestAnimationFrame(() => document.getElementById(`paper-name-${key}`)?.focus());
  }

  function focusFirstError(found: Errors) {
    requestAnimationFrame(() => {
      if (found.procedure) procedureRef.current?.focus();
      else formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  }

  /** Checks the form; true when it may go. */
  function check(): boolean {
    const found = validate(procedure, applicant, papers, returnMethod, deliveryAddress, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError(found);
      return false;
    }
    return true;
  }

  function body(decision: ReceiveBody["decision"]): ReceiveBody | null {
    if (!procedure) return null;
    const n = Number(sets);
    return {
      procedure: procedure.id,
      caseId: caseId || null,
      channel,
      applicant: applicantBody(applicant),
      components: papersBody(papers),
      sets: Number.isInteger(n) && n >= 1 && n <= 20 ? n : 1,
      returnMethod,
      deliveryAddress: returnMethod === "post" ? deliveryAddress.trim() : null,
      note: note.trim() || null,
      decision,
    };
  }

  async function send(decision: ReceiveBody["decision"]): Promise<boolean> {
    const b = body(decision);
    if (!b || busy) return false;
    setBusy(true);
    setErrors({});
    try {
      const result = await dossierApi.receive(b);
      if (decision.outcome === "accept") setOutcome({ kind: "accepted", result });
      else setOutcome({ kind: "form", outcome: decision.outcome, result, form: result.form });
      setDialog(null);
      return true;
    } catch (e) {
      const found: Errors = {};
      if (e instanceof ApiError && e.code === "VALIDATION_FAILED" && Array.isArray(e.details)) {
        for (const d of e.details as { path?: string }[]) {
          const field = SERVER_PATHS.find(([re]) => re.test(String(d.path ?? "")))?.[1];
          if (field && !found[field]) found[field] = t("form.invalid.field");
        }
      }
      if (Object.keys(found).length === 0 || dialog) found.form = errorText(e, lang);
      setErrors(found);
      if (!dialog) focusFirstError(found);
      return false;
    } finally {
      setBusy(false);
    }
  }

  function accept() {
    if (outcome || busy || uploading > 0) return;
    if (check()) void send({ outcome: "accept" });
  }

  function openDialog(kind: "supplement" | "refuse") {
    if (outcome || busy) return;
    const found = validate(procedure, applicant, papers, returnMethod, deliveryAddress, t);
    // A supplement request or a refusal is issued for the papers brought so far; they must be valid.
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError(found);
      return;
    }
    setDialog(kind);
  }

  async function forwardNow() {
    if (outcome?.kind !== "accepted") return;
    const d = outcome.result.dossier;
    try {
      await dossierApi.forward(d.id, { version: d.version });
      setForwarded(t("reception.forwarded"));
    } catch (e) {
      setForwarded(errorText(e, lang));
    }
  }

  useAltShortcuts({
    p: () => (outcome ? undefined : procedureRef.current?.focus()),
    h: () => (outcome ? undefined : nameRef.current?.focus()),
    g: () => (outcome ? undefined : papersRef.current?.querySelector<HTMLElement>("input, button")?.focus()),
    a: accept,
    b: () => openDialog("supplement"),
    t: () => openDialog("refuse"),
    n: reset,
  });

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Enter" || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey)
      return;
    if (!entersAdvance(event.target)) return;
    event.preventDefault();
    if (formRef.current) advanceFrom(formRef.current, event.target, acceptRef.current);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    accept();
  }

  const missing = useMemo(() => papers.filter((p) => !p.checked && p.name.trim()), [papers]);
  const isOrg = applicant.kind === "organisation";

  return (
    <div className="dos-reception">
      <PageHeading
        title={t("reception.title")}
        lead={t("reception.lead")}
        actions={
          <Link to="/app/dossiers?box=desk" className="button">
            {t("reception.deskInbox")}
          </Link>
        }
      />
      <p className="dos-shortcuts" id="reception-shortcuts">
        <span className="strong">{t("shortcuts.title")}:</span> <kbd className="dos-kbd">Alt+P</kbd>{" "}
        {t("shortcuts.procedure")} · <kbd className="dos-kbd">Alt+H</kbd> {t("shortcuts.applicant")} ·{" "}
        <kbd className="dos-kbd">Alt+G</kbd> {t("shortcuts.papers")} · <kbd className="dos-kbd">Enter</kbd>{" "}
        {t("shortcuts.next")} · <kbd className="dos-kbd">Alt+A</kbd> {t("shortcuts.accept")} ·{" "}
        <kbd className="dos-kbd">Alt+B</kbd> {t("shortcuts.supplement")} ·{" "}
        <kbd className="dos-kbd">Alt+T</kbd> {t("shortcuts.refuse")} · <kbd className="dos-kbd">Alt+N</kbd>{" "}
        {t("shortcuts.new")}
      </p>

      {outcome?.kind === "accepted" ? (
        <ReceiptPanel result={outcome.result} autoOpen>
          <QueueLink dossierId={outcome.result.dossier.id} dossierCode={outcome.result.dossier.code} />
          {outcome.result.dossier.actions.includes("forward") && !forwarded ? (
            <button type="button" className="button" onClick={forwardNow} data-testid="reception-forward">
              {t("reception.forward")}
            </button>
          ) : null}
          <button type="button" className="button" onClick={reset} aria-keyshortcuts="Alt+N">
            <Icon name="plus" />
            <span>{t("reception.new")}</span> <kbd className="dos-kbd">Alt+N</kbd>
          </button>
        </ReceiptPanel>
      ) : null}
      {forwarded ? <Alert kind="info">{forwarded}</Alert> : null}
      {outcome?.kind === "form" ? (
        <FormOutcome
          outcome={outcome.outcome}
          form={outcome.form}
          dossierId={outcome.result.dossier.id}
          onNew={reset}
        />
      ) : null}

      {outcome ? null : (
        <form
          ref={formRef}
          className="dos-reception-form"
          noValidate
          onSubmit={onSubmit}
          onKeyDown={onKeyDown}
          aria-describedby="reception-shortcuts"
        >
          {errors.form ? <Alert kind="error">{errors.form}</Alert> : null}
          {procError ? <Alert kind="error">{procError}</Alert> : null}
          <section className="panel dos-section" aria-labelledby="sec-procedure">
            <h2 id="sec-procedure" className="dos-section-title">
              <span className="dos-step-no" aria-hidden="true">
                1
              </span>
              {t("reception.section.procedure")}
            </h2>
            <ProcedurePicker
              items={items}
              value={procedure}
              onPick={setProcedure}
              inputRef={procedureRef}
              error={errors.procedure}
              onAdvance={() =>
                requestAnimationFrame(() => {
                  if (formRef.current && procedureRef.current) {
                    advanceFrom(formRef.current, procedureRef.current, acceptRef.current);
                  }
                })
              }
            />
            {procedure && detail ? (
              <div className="dos-procedure-facts">
                {cases.length > 0 ? (
                  <SelectField
                    label={t("reception.case")}
                    value={caseId}
                    onChange={(e) => chooseCase(e.target.value)}
                  >
                    <option value="">{t("reception.case.base")}</option>
                    {cases.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </SelectField>
                ) : null}
                <p className="small muted">
                  {procedure.code ? <span className="code">{procedure.code}</span> : null}
                  {procedure.code ? " · " : ""}
                  {t("reception.time")}: {lang === "en" ? detail.summary.timeEn : detail.summary.timeVi} ·{" "}
                  {t("reception.fee")}: {lang === "en" ? detail.summary.feeEn : detail.summary.feeVi}
                </p>
              </div>
            ) : null}
          </section>

          <section className="panel dos-section" aria-labelledby="sec-applicant">
            <h2 id="sec-applicant" className="dos-section-title">
              <span className="dos-step-no" aria-hidden="true">
                2
              </span>
              {t("reception.section.applicant")} <kbd className="dos-kbd">Alt+H</kbd>
            </h2>
            <fieldset className="fieldset dos-kind" data-noadvance>
              <legend className="visually-hidden">{t("reception.applicantKind")}</legend>
              <label className="checkbox">
                <input
                  type="radio"
                  name="applicant-kind"
                  checked={!isOrg}
                  onChange={() => setA("kind", "person")}
                />
                {t("reception.kind.person")}
              </label>
              <label className="checkbox">
                <input
                  type="radio"
                  name="applicant-kind"
                  checked={isOrg}
                  onChange={() => setA("kind", "organisation")}
                />
                {t("reception.kind.organisation")}
              </label>
            </fieldset>
            <div className="form-grid">
              <TextField
                ref={nameRef}
                label={isOrg ? t("reception.orgName") : t("reception.name")}
                value={applicant.name}
                onChange={(e) => setA("name", e.target.value)}
                error={errors.name}
                required
                autoComplete="off"
                aria-keyshortcuts="Alt+H"
                maxLength={300}
              />
              <TextField
                label={isOrg ? t("reception.taxCode") : t("reception.identity")}
                hint={isOrg ? t("reception.taxCode.hint") : t("reception.identity.hint")}
                value={applicant.identityNumber}
                onChange={(e) => setA("identityNumber", e.target.value)}
                error={errors.identityNumber}
                required
                inputMode={isOrg ? "numeric" : "text"}
                autoComplete="off"
                maxLength={20}
              />
              <TextField
                label={t("reception.address")}
                hint={t("reception.address.hint")}
                value={applicant.detail}
                onChange={(e) => setA("detail", e.target.value)}
                error={errors.detail}
                required
                autoComplete="off"
                maxLength={300}
              />
              <div className="dos-address-area span-2" data-noadvance>
                <TextField
                  label={t("reception.commune")}
                  value={applicant.commune}
                  onChange={(e) => setA("commune", e.target.value)}
                  error={errors.commune}
                  required
                  maxLength={100}
                />
                <TextField
                  label={t("reception.district")}
                  value={applicant.district}
                  onChange={(e) => setA("district", e.target.value)}
                  maxLength={100}
                />
                <TextField
                  label={t("reception.province")}
                  value={applicant.province}
                  onChange={(e) => setA("province", e.target.value)}
                  error={errors.province}
                  required
                  maxLength={100}
                />
              </div>
              <TextField
                label={t("reception.phone")}
                type="tel"
                value={applicant.phone}
                onChange={(e) => setA("phone", e.target.value)}
                error={errors.phone}
                autoComplete="off"
                maxLength={20}
              />
              <TextField
                label={t("reception.email")}
                type="email"
                value={applicant.email}
                onChange={(e) => setA("email", e.target.value)}
                error={errors.email}
                autoComplete="off"
                maxLength={200}
              />
            </div>
            <label className="checkbox dos-rep-toggle" data-noadvance>
              <input
                type="checkbox"
                checked={applicant.withRep}
                onChange={(e) => setA("withRep", e.target.checked)}
              />
              {t("reception.rep.toggle")}
            </label>
            {applicant.withRep ? (
              <div className="form-grid dos-rep">
                <TextField
                  label={t("reception.rep.name")}
                  value={applicant.repName}
                  onChange={(e) => setA("repName", e.target.value)}
                  error={errors.repName}
                  required
                  maxLength={300}
                />
                <TextField
                  label={t("reception.rep.identity")}
                  hint={t("reception.identity.hint")}
                  value={applicant.repId}
                  onChange={(e) => setA("repId", e.target.value)}
                  error={errors.repId}
                  required
                  maxLength={20}
                />
                <TextField
                  label={t("reception.rep.authorisation")}
                  hint={t("reception.rep.authorisation.hint")}
                  value={applicant.repAuth}
                  onChange={(e) => setA("repAuth", e.target.value)}
                  error={errors.repAuth}
                  required
                  maxLength={300}
                />
                <TextField
                  label={t("reception.rep.phone")}
                  type="tel"
                  value={applicant.repPhone}
                  onChange={(e) => setA("repPhone", e.target.value)}
                  error={errors.repPhone}
                  maxLength={20}
                />
              </div>
            ) : null}
          </section>

          <section className="panel dos-section" aria-labelledby="sec-papers">
            <h2 id="sec-papers" className="dos-section-title">
              <span className="dos-step-no" aria-hidden="true">
                3
              </span>
              {t("reception.section.papers")} <kbd className="dos-kbd">Alt+G</kbd>
            </h2>
            {!procedure ? <p className="muted">{t("reception.papers.pick")}</p> : null}
            {procedure && !detail ? <p className="muted">{t("common.loading")}</p> : null}
            {papers.length > 0 ? <p className="field-hint">{t("reception.papers.hint")}</p> : null}
            {errors.papers ? (
              <p className="field-error" id="papers-error">
                <span aria-hidden="true">⚠ </span>
                {errors.papers}
              </p>
            ) : null}
            <fieldset
              ref={papersRef}
              className="fieldset"
              aria-describedby={errors.papers ? "papers-error" : undefined}
            >
              <legend className="visually-hidden">{t("reception.section.papers")}</legend>
              <ul className="dos-papers">
                {papers.map((p) => (
                  <PaperRow
                    key={p.key}
                    paper={p}
                    onChange={(patch) => setPaper(p.key, patch)}
                    onUploading={(b) => setUploading((n) => n + (b ? 1 : -1))}
                  />
                ))}
              </ul>
              {procedure ? (
                <button type="button" className="button button-small" onClick={addPaper}>
                  <Icon name="plus" />
                  <span>{t("reception.papers.add")}</span>
                </button>
              ) : null}
            </fieldset>
          </section>

          <section className="panel dos-section" aria-labelledby="sec-return">
            <h2 id="sec-return" className="dos-section-title">
              <span className="dos-step-no" aria-hidden="true">
                4
              </span>
              {t("reception.section.return")}
            </h2>
            <div className="form-grid dos-return-grid">
              <SelectField
                label={t("reception.returnMethod")}
                value={returnMethod}
                onChange={(e) => setReturnMethod(e.target.value as typeof returnMethod)}
              >
                <option value="counter">{t("returnMethod.counter")}</option>
                {!procedure || procedure.postal.deliverResult ? (
                  <option value="post">{t("returnMethod.post")}</option>
                ) : null}
                {procedure && procedure.onlineLevel !== "none" ? (
                  <option value="online">{t("returnMethod.online")}</option>
                ) : null}
              </SelectField>
              {returnMethod === "post" ? (
                <TextField
                  label={t("reception.deliveryAddress")}
                  value={deliveryAddress}
                  onChange={(e) => setDeliveryAddress(e.target.value)}
                  error={errors.deliveryAddress}
                  required
                  maxLength={300}
                />
              ) : null}
              <div data-noadvance className="dos-more-fields">
                <SelectField
                  label={t("reception.channel")}
                  value={channel}
                  onChange={(e) => setChannel(e.target.value as typeof channel)}
                >
                  <option value="counter">{t("channel.counter")}</option>
                  <option value="post">{t("channel.post")}</option>
                </SelectField>
                <TextField
                  label={t("reception.sets")}
                  type="number"
                  min={1}
                  max={20}
                  value={sets}
                  onChange={(e) => setSets(e.target.value)}
                />
              </div>
              <div className="field span-2" data-noadvance>
                <label htmlFor="reception-note">{t("reception.note")}</label>
                <textarea
                  id="reception-note"
                  className="input"
                  rows={2}
                  maxLength={5000}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                />
              </div>
            </div>
          </section>

          <fieldset className="dos-decisions">
            <legend className="visually-hidden">{t("reception.decisions")}</legend>
            <button
              ref={acceptRef}
              type="submit"
              className="button button-primary dos-accept"
              disabled={busy || uploading > 0}
              aria-keyshortcuts="Alt+A"
              data-testid="reception-accept"
            >
              <Icon name="shield" />
              <span>{busy ? t("reception.sending") : t("reception.accept")}</span>
              <kbd className="dos-kbd">Alt+A</kbd>
            </button>
            <button
              type="button"
              className="button"
              onClick={() => openDialog("supplement")}
              disabled={busy}
              aria-keyshortcuts="Alt+B"
            >
              <span>{t("reception.supplement")}</span>
              <kbd className="dos-kbd">Alt+B</kbd>
            </button>
            <button
              type="button"
              className="button button-danger-outline"
              onClick={() => openDialog("refuse")}
              disabled={busy}
              aria-keyshortcuts="Alt+T"
            >
              <span>{t("reception.refuse")}</span>
              <kbd className="dos-kbd">Alt+T</kbd>
            </button>
            {uploading > 0 ? <span className="small muted">{t("files.uploading")}</span> : null}
          </fieldset>
        </form>
      )}

      {dialog === "supplement" ? (
        <SupplementDialog
          missing={missing.map((p) => p.name)}
          error={errors.form}
          busy={busy}
          onClose={() => setDialog(null)}
          onSend={(items) => send({ outcome: "request_supplement", items })}
        />
      ) : null}
      {dialog === "refuse" ? (
        <ReasonDialog
          title={t("reception.refuse.title")}
          lead={t("reception.refuse.lead")}
          label={t("reception.refuse.reason")}
          submit={t("reception.refuse.submit")}
          danger
          error={errors.form}
          busy={busy}
          onClose={() => setDialog(null)}
          onSend={(reason) => send({ outcome: "refuse", reason })}
        />
      ) : null}
    </div>
  );
}

function PaperRow({
  paper,
  onChange,
  onUploading,
}: {
  paper: Paper;
  onChange: (patch: Partial<Paper>) => void;
  onUploading: (busy: boolean) => void;
}) {
  const { t } = useI18n();
  const nameId = `paper-name-${paper.key}`;
  const extra = paper.componentId === null;
  return (
    <li
      className={paper.checked ? "dos-paper is-checked" : "dos-paper"}
      data-paper={paper.componentId ?? "extra"}
    >
      <div className="dos-paper-main">
        {extra ? (
          <>
            <input
              type="checkbox"
              checked={paper.checked}
              onChange={(e) => onChange({ checked: e.target.checked })}
              aria-label={t("reception.papers.received", { name: paper.name || t("reception.papers.other") })}
            />
            <label htmlFor={nameId} className="visually-hidden">
              {t("reception.papers.otherName")}
            </label>
            <input
              id={nameId}
              className="input"
              value={paper.name}
              placeholder={t("reception.papers.otherName")}
              maxLength={300}
              onChange={(e) => onChange({ name: e.target.value })}
            />
          </>
        ) : (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={paper.checked}
              onChange={(e) => onChange({ checked: e.target.checked })}
            />
            <span>
              {paper.name}
              <span className="cell-sub">
                {paper.required ? t("reception.papers.required") : t("reception.papers.conditional")}
                {paper.condition ? `: ${paper.condition}` : ""}
                {paper.present ? ` · ${t("reception.papers.present")}` : ""}
              </span>
            </span>
          </label>
        )}
      </div>
      <div className="dos-paper-meta" data-noadvance hidden={!paper.checked}>
        <label className="visually-hidden" htmlFor={`${nameId}-kind`}>
          {t("reception.papers.kind", { name: paper.name })}
        </label>
        <select
          id={`${nameId}-kind`}
          className="input dos-paper-kind"
          value={paper.kind}
          onChange={(e) => onChange({ kind: e.target.value as PaperKind })}
        >
          {PAPER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_LABELS[k] ?? "paper.copy")}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={`${nameId}-count`}>
          {t("reception.papers.count", { name: paper.name })}
        </label>
        <input
          id={`${nameId}-count`}
          className="input dos-paper-count"
          type="number"
          min={1}
          max={99}
          value={paper.count}
          onChange={(e) => onChange({ count: e.target.value })}
        />
        <FileUpload
          compact
          label={t("reception.papers.scan", { name: paper.name })}
          files={paper.files}
          onChange={(files) => onChange({ files })}
          onBusy={onUploading}
        />
      </div>
    </li>
  );
}

function FormOutcome({
  outcome,
  form,
  dossierId,
  onNew,
}: {
  outcome: "request_supplement" | "refuse";
  form: FormView | null;
  dossierId: string;
  onNew: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="panel dos-receipt" aria-labelledby="outcome-title" data-testid="form-outcome">
      <h2 id="outcome-title" ref={ref} tabIndex={-1}>
        {outcome === "refuse" ? t("reception.refused") : t("reception.supplementIssued")}
      </h2>
      <p>{outcome === "refuse" ? t("reception.refused.text") : t("reception.supplementIssued.text")}</p>
      <div className="button-row">
        {form ? (
          <a
            className="button button-primary"
            href={form.url}
            target="_blank"
            rel="noopener"
            data-testid="form-pdf"
          >
            <Icon name="print" />
            <span>{t("reception.printForm", { number: form.number })}</span>
          </a>
        ) : null}
        <Link className="button" to={dossierPath(dossierId)}>
          {t("receipt.open")}
        </Link>
        <button type="button" className="button" onClick={onNew} aria-keyshortcuts="Alt+N">
          <Icon name="plus" />
          <span>{t("reception.new")}</span> <kbd className="dos-kbd">Alt+N</kbd>
        </button>
      </div>
    </section>
  );
}
