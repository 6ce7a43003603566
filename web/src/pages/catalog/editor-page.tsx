import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError, api, type CatalogField, type Unit } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { focusFirstInvalid } from "../../lib/form-errors.ts";
import { byVietnameseName } from "../../lib/text.ts";
import { buildTree, flatten } from "../../lib/tree.ts";
import { vietnamDay } from "../../lib/vietnam-day.ts";
import { mayUse } from "../../nav.ts";
import { Link, navigate, useLocation } from "../../router.tsx";
import { useMe } from "../../session.tsx";
import { CasesEditor } from "./case-editor.tsx";
import { ComponentsEditor } from "./component-editor.tsx";
import { type Doc, LinesField } from "./editors.tsx";
import { FeesEditor } from "./fee-editor.tsx";
import { IssueContext } from "./issues.ts";
import {
  APPLICANT_LABELS,
  CODE_STATUS_LABELS,
  displayDate,
  LEVEL_LABELS,
  ONLINE_LABELS,
  procedurePath,
} from "./labels.ts";
import { TimeEditor } from "./time-editor.tsx";
import { shareTotal, WorkflowEditor } from "./workflow-editor.tsx";

interface Issue {
  path: string;
  message: string;
  messageEn: string;
}

const LEVELS = ["commune", "district", "province"] as const;
const APPLICANTS = ["individual", "organization"] as const;
const RESULT_KINDS = [
  "certificate",
  "extract",
  "certified_copy",
  "decision",
  "written_reply",
  "confirmation",
  "registration",
  "commendation",
] as const;

function blankDocument(): Doc {
  return {
    id: "",
    version: 1,
    effectiveFrom: vietnamDay(),
    effectiveTo: null,
    code: { status: "unverified", value: null, candidate: null, note: "" },
    name: "",
    nameEn: "",
    fieldCode: "ho-tich",
    levels: ["commune"],
    applicants: ["individual"],
    conditions: [],
    components: [
      {
        id: "don-de-nghi",
        name: "",
        handling: "submit",
        originals: 1,
        copies: 0,
        requirement: { kind: "required" },
        form: null,
        note: null,
      },
    ],
    processingTime: {
      standard: { kind: "duration", value: 5, unit: "working_days" },
      online: null,
      extension: null,
    },
    fees: [{ kind: "free", label: "Không thu phí, lệ phí", feeType: "le_phi", basis: "" }],
    cases: [],
    result: { kind: "decision", name: "" },
    legalBasis: [],
    onlineLevel: "none",
    postal: { receiveDossier: false, deliverResult: false },
    workflow: [
      { role: "reception", nameVi: "Tiếp nhận, kiểm tra, số hóa hồ sơ", share: 10, canSendBack: true },
      { role: "specialist", nameVi: "Thẩm định hồ sơ, trình ký", share: 60, canSendBack: true },
      { role: "leader", nameVi: "Lãnh đạo xem xét, ký", share: 20, canSendBack: true },
      { role: "clerk", nameVi: "Đóng dấu, vào sổ, trả kết quả", share: 10, canSendBack: false },
    ],
    source: { citation: "", portalListing: "", consulted: [] },
    notes: [],
  };
}

function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details;
  if (details && typeof details === "object" && "issues" in details && Array.isArray(details.issues)) {
    return details.issues.filter(
      (i: unknown): i is Issue =>
        !!i && typeof i === "object" && "path" in i && "message" in i && "messageEn" in i,
    );
  }
  return [];
}

/**
 * Edits a procedure: every save is a new version with its effective date (older versions stay as they were, and
 * dossiers keep the version they were filed under). The server checks the document in full and answers with one
 * issue per problem, each shown next to its field.
 */
export function ProcedureEditorPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { search } = useLocation();
  const ref = search.get("ref") ?? "";
  const canManage = mayUse(me.permissions, "catalog.manage");
  const [doc, setDoc] = useState<Doc | null>(ref ? null : blankDocument());
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [latestFrom, setLatestFrom] = useState<string | null>(null);
  const [effectiveFrom, setEffectiveFrom] = useState(vietnamDay());
  const [owner, setOwner] = useState("");
  const [fields, setFields] = useState<CatalogField[]>([]);
  const [units, setUnits] = useState<Unit[]>([]);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const load = useCallback(async () => {
    if (!ref) return;
    try {
      const versions = await api.catalog.versions(ref);
      const latest = versions.items[0];
      if (!latest) return;
      const detail = await api.catalog.version(ref, latest.version);
      setDoc(detail.document);
      setBaseVersion(latest.version);
      setLatestFrom(latest.effectiveFrom);
      // The new version takes effect today, or with the latest version when that one is still to come.
      const today = vietnamDay();
      setEffectiveFrom([latest.effectiveFrom, today].sort().at(-1) ?? today);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [ref]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    api.catalog.fields().then(
      (r) => setFields(r.items),
      () => setFields([]),
    );
    if (!ref) {
      api.units.list().then(
        (r) => setUnits(flatten(buildTree(byVietnameseName(r.items))).map((e) => e.item)),
        () => setUnits([]),
      );
    }
  }, [ref]);

  const issueAt = useMemo(() => {
    const map = new Map<string, string>();
    for (const i of issues) if (!map.has(i.path)) map.set(i.path, lang === "en" ? i.messageEn : i.message);
    return (path: string) => map.get(path);
  }, [issues, lang]);

  if (!doc) {
    return error ? (
      <Alert kind="error">{errorText(error, lang)}</Alert>
    ) : (
      <p className="loading" role="status">
        {t("common.loading")}
      </p>
    );
  }
  const set = (patch: Partial<Doc>) => setDoc({ ...doc, ...patch });
  const code = doc.code;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!doc) return;
    setSaved(null);
    setError(null);
    setIssues([]);
    setBusy(true);
    try {
      const result =
        ref && baseVersion !== null
          ? await api.catalog.addVersion(ref, { document: doc, baseVersion, effectiveFrom })
          : await api.catalog.create({ document: doc, owner: owner || null, effectiveFrom });
      setSaved(
        t("catalog.edit.saved", {
          version: result.version.version,
          date: displayDate(result.version.effectiveFrom),
        }),
      );
      if (!ref) navigate(`/app/catalog/procedure?ref=${encodeURIComponent(result.slug)}`, { replace: true });
      else await load();
    } catch (e) {
      setError(e);
      setIssues(issuesOf(e));
      focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
  }

  const total = shareTotal(doc.workflow);
  const title = ref ? t("catalog.edit.title", { name: doc.name }) : t("catalog.edit.newTitle");

  return (
    <>
      <PageHeading
        title={title}
        lead={
          ref && baseVersion !== null
            ? t("catalog.edit.lead", { version: baseVersion, date: displayDate(latestFrom ?? "") })
            : t("catalog.edit.newLead")
        }
        actions={
          ref ? (
            <Link className="button" to={procedurePath(ref)}>
              {t("catalog.admin.public")}
            </Link>
          ) : null
        }
      />
      <p>
        <Link to="/app/catalog">{t("catalog.admin.back")}</Link>
      </p>
      {!canManage ? <Alert kind="info">{t("catalog.edit.readOnly")}</Alert> : null}
      {saved ? <Alert kind="success">{saved}</Alert> : null}
      {error ? (
        <Alert kind="error" title={errorText(error, lang)}>
          {issues.length > 0 ? (
            <ul className="cat-issues">
              {issues.map((i) => (
                <li key={`${i.path}:${i.messageEn}`}>
                  <code>{i.path || "—"}</code>: {lang === "en" ? i.messageEn : i.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <IssueContext.Provider value={issueAt}>
        <form ref={formRef} className="cat-editor" onSubmit={save} noValidate>
          <fieldset>
            <legend>{t("catalog.edit.general")}</legend>
            <div className="cat-grid">
              <TextField
                label={t("catalog.edit.name")}
                required
                value={doc.name}
                error={issueAt("name")}
                onChange={(e) => set({ name: e.target.value })}
              />
              <TextField
                label={t("catalog.edit.nameEn")}
                required
                value={doc.nameEn}
                error={issueAt("nameEn")}
                onChange={(e) => set({ nameEn: e.target.value })}
              />
              <TextField
                label={t("catalog.edit.slug")}
                hint={t("catalog.edit.slug.hint")}
                required
                readOnly={Boolean(ref)}
                value={doc.id}
                error={issueAt("id")}
                onChange={(e) => set({ id: e.target.value })}
              />
              <SelectField
                label={t("catalog.filter.field")}
                value={doc.fieldCode}
                error={issueAt("fieldCode")}
                onChange={(e) => set({ fieldCode: e.target.value as Doc["fieldCode"] })}
              >
                {fields.map((f) => (
                  <option key={f.code} value={f.code}>
                    {lang === "en" ? f.nameEn : f.nameVi}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t("catalog.edit.codeStatus")}
                value={code.status}
                onChange={(e) => {
                  const status = e.target.value as Doc["code"]["status"];
                  const value = code.value ?? "";
                  set({
                    code:
                      status === "unverified"
                        ? { status, value: null, candidate: null, note: "" }
                        : status === "synthetic"
                          ? { status, value }
                          : { status, value, evidence: "" },
                  });
                }}
              >
                {Object.entries(CODE_STATUS_LABELS).map(([k, label]) => (
                  <option key={k} value={k}>
                    {t(label)}
                  </option>
                ))}
              </SelectField>
              {code.status !== "unverified" ? (
                <TextField
                  label={t("catalog.edit.code")}
                  hint={t("catalog.edit.code.hint")}
                  value={code.value}
                  error={issueAt("code.value") ?? issueAt("code")}
                  onChange={(e) => set({ code: { ...code, value: e.target.value } })}
                />
              ) : null}
              {code.status === "confirmed" || code.status === "reported" ? (
                <TextField
                  label={t("catalog.edit.code.evidence")}
                  value={code.evidence}
                  error={issueAt("code.evidence")}
                  onChange={(e) => set({ code: { ...code, evidence: e.target.value } })}
                />
              ) : null}
              {code.status === "unverified" ? (
                <TextField
                  label={t("catalog.edit.code.note")}
                  value={code.note}
                  error={issueAt("code.note")}
                  onChange={(e) => set({ code: { ...code, note: e.target.value } })}
                />
              ) : null}
              <fieldset className="field">
                <legend className="field-label">{t("catalog.levels")}</legend>
                {LEVELS.map((l) => (
                  <label key={l} className="checkbox">
                    <input
                      type="checkbox"
                      checked={doc.levels.includes(l)}
                      onChange={(e) =>
                        set({
                          levels: e.target.checked ? [...doc.levels, l] : doc.levels.filter((x) => x !== l),
                        })
                      }
                    />
                    <span>{t(LEVEL_LABELS[l] ?? "catalog.level.commune")}</span>
                  </label>
                ))}
                {issueAt("levels") ? <p className="field-error">{issueAt("levels")}</p> : null}
              </fieldset>
              <fieldset className="field">
                <legend className="field-label">{t("catalog.applicants")}</legend>
                {APPLICANTS.map((a) => (
                  <label key={a} className="checkbox">
                    <input
                      type="checkbox"
                      checked={doc.applicants.includes(a)}
                      onChange={(e) =>
                        set({
                          applicants: e.target.checked
                            ? [...doc.applicants, a]
                            : doc.applicants.filter((x) => x !== a),
                        })
                      }
                    />
                    <span>{t(APPLICANT_LABELS[a] ?? "catalog.applicant.individual")}</span>
                  </label>
                ))}
                {issueAt("applicants") ? <p className="field-error">{issueAt("applicants")}</p> : null}
              </fieldset>
              <SelectField
                label={t("catalog.online")}
                value={doc.onlineLevel}
                onChange={(e) => set({ onlineLevel: e.target.value as Doc["onlineLevel"] })}
              >
                {(["full", "partial", "none"] as const).map((o) => (
                  <option key={o} value={o}>
                    {t(ONLINE_LABELS[o])}
                  </option>
                ))}
              </SelectField>
              <fieldset className="field">
                <legend className="field-label">{t("catalog.postal")}</legend>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={doc.postal.receiveDossier}
                    onChange={(e) => set({ postal: { ...doc.postal, receiveDossier: e.target.checked } })}
                  />
                  <span>{t("catalog.postal.receive")}</span>
                </label>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={doc.postal.deliverResult}
                    onChange={(e) => set({ postal: { ...doc.postal, deliverResult: e.target.checked } })}
                  />
                  <span>{t("catalog.postal.deliver")}</span>
                </label>
              </fieldset>
              <SelectField
                label={t("catalog.edit.resultKind")}
                value={doc.result.kind}
                onChange={(e) =>
                  set({ result: { ...doc.result, kind: e.target.value as Doc["result"]["kind"] } })
                }
              >
                {RESULT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`catalog.edit.resultKind.${k}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t("catalog.result")}
                required
                value={doc.result.name}
                error={issueAt("result.name")}
                onChange={(e) => set({ result: { ...doc.result, name: e.target.value } })}
              />
              <LinesField
                label={t("catalog.conditions")}
                hint={t("catalog.edit.lines.hint")}
                value={doc.conditions}
                onChange={(conditions) => set({ conditions })}
                path="conditions"
              />
              <LinesField
                label={t("catalog.legalBasis")}
                hint={t("catalog.edit.lines.hint")}
                value={doc.legalBasis}
                onChange={(legalBasis) => set({ legalBasis })}
                path="legalBasis"
              />
            </div>
          </fieldset>

          <fieldset>
            <legend>{t("catalog.time")}</legend>
            <TimeEditor
              value={doc.processingTime}
              onChange={(processingTime) => set({ processingTime })}
              path="processingTime"
            />
          </fieldset>

          <fieldset>
            <legend>{t("catalog.components")}</legend>
            <ComponentsEditor
              items={doc.components}
              onChange={(components) => set({ components })}
              path="components"
            />
          </fieldset>

          <fieldset>
            <legend>{t("catalog.fee")}</legend>
            <FeesEditor items={doc.fees} onChange={(fees) => set({ fees })} path="fees" />
          </fieldset>

          <fieldset>
            <legend>{t("catalog.cases")}</legend>
            <p className="field-hint">{t("catalog.edit.cases.hint")}</p>
            <CasesEditor items={doc.cases} onChange={(cases) => set({ cases })} base={doc} path="cases" />
          </fieldset>

          <fieldset>
            <legend>{t("catalog.steps")}</legend>
            <p className="field-hint">{t("catalog.edit.workflow.hint")}</p>
            <WorkflowEditor steps={doc.workflow} onChange={(workflow) => set({ workflow })} path="workflow" />
          </fieldset>

          <fieldset>
            <legend>{t("catalog.source")}</legend>
            <div className="cat-grid">
              <TextField
                label={t("catalog.edit.citation")}
                required
                value={doc.source.citation}
                error={issueAt("source.citation")}
                onChange={(e) => set({ source: { ...doc.source, citation: e.target.value } })}
              />
              <TextField
                label={t("catalog.edit.portalListing")}
                required
                value={doc.source.portalListing}
                error={issueAt("source.portalListing")}
                onChange={(e) => set({ source: { ...doc.source, portalListing: e.target.value } })}
              />
              <LinesField
                label={t("catalog.edit.consulted")}
                hint={t("catalog.edit.lines.hint")}
                value={doc.source.consulted}
                onChange={(consulted) => set({ source: { ...doc.source, consulted } })}
                path="source.consulted"
              />
              <LinesField
                label={t("catalog.edit.notes")}
                hint={t("catalog.edit.lines.hint")}
                value={doc.notes}
                onChange={(notes) => set({ notes })}
                path="notes"
              />
            </div>
          </fieldset>

          <fieldset>
            <legend>{t("catalog.edit.publish")}</legend>
            <div className="cat-grid">
              <TextField
                label={t("catalog.edit.effectiveFrom")}
                hint={t("catalog.edit.effectiveFrom.hint")}
                type="date"
                required
                value={effectiveFrom}
                onChange={(e) => setEffectiveFrom(e.target.value)}
              />
              {!ref ? (
                <SelectField
                  label={t("catalog.edit.owner")}
                  hint={t("catalog.edit.owner.hint")}
                  value={owner}
                  onChange={(e) => setOwner(e.target.value)}
                >
                  <option value="">{t("catalog.edit.owner.national")}</option>
                  {units.map((u) => (
                    <option key={u.id} value={u.code}>
                      {u.name}
                    </option>
                  ))}
                </SelectField>
              ) : null}
            </div>
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={busy || !canManage}>
                {ref ? t("catalog.edit.saveVersion") : t("catalog.edit.create")}
              </button>
              {total !== 100 ? (
                <span className="field-error">{t("catalog.edit.workflow.mustBe100")}</span>
              ) : null}
            </div>
          </fieldset>
        </form>
      </IssueContext.Provider>
    </>
  );
}
