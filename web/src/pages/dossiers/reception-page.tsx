import { type FormEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { ApiError, api, type ProcedureDetail, type PublicUnitT } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { SelectField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { dossierApi, type FormView, type ReceiveBody, type ReceptionResult } from "../../dossier-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { Link } from "../../router.tsx";
import { useMe } from "../../session.tsx";
import { QueueLink } from "../desk/queue-link.tsx";
import { ReasonDialog, SupplementDialog } from "./dialogs.tsx";
import { type ProcedureItem, ProcedurePicker, useOfferedProcedures } from "./procedure-picker.tsx";
import { ReceiptPanel } from "./receipt-panel.tsx";
import { ApplicantSection } from "./reception-applicant.tsx";
import {
  type ApplicantForm,
  addressDefaults,
  applicantBody,
  type Errors,
  emptyApplicant,
  FIELD_OF,
  type Paper,
  papersBody,
  papersOf,
  SERVER_PATHS,
  validate,
} from "./reception-model.ts";
import { FormOutcome } from "./reception-outcome.tsx";
import { PapersSection } from "./reception-papers.tsx";
import { ReturnSection } from "./reception-return.tsx";
import { SectionTitle } from "./reception-section.tsx";
import { advanceFrom, entersAdvance, useAltShortcuts } from "./use-shortcuts.ts";
import "./dossiers.css";

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
            <SectionTitle id="sec-procedure" no={1}>
              {t("reception.section.procedure")}
            </SectionTitle>
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

          <ApplicantSection applicant={applicant} errors={errors} set={setA} nameRef={nameRef} />

          <PapersSection
            procedure={procedure}
            detail={detail}
            papers={papers}
            error={errors.papers}
            papersRef={papersRef}
            onChange={setPaper}
            onAdd={addPaper}
            onUploading={(b) => setUploading((n) => n + (b ? 1 : -1))}
          />

          <ReturnSection
            procedure={procedure}
            returnMethod={returnMethod}
            onReturnMethod={setReturnMethod}
            deliveryAddress={deliveryAddress}
            onDeliveryAddress={setDeliveryAddress}
            deliveryError={errors.deliveryAddress}
            channel={channel}
            onChannel={setChannel}
            sets={sets}
            onSets={setSets}
            note={note}
            onNote={setNote}
          />

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
