import { createContext, type ReactNode, useContext, useId } from "react";
import type { ProcedureDetail } from "../../api.ts";
import { SelectField, TextField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { ROLE_LABELS } from "../../lib/labels.ts";

/**
 * Editors for the parts of a procedure document: time limits, dossier components, fee rules, cases and workflow
 * steps. Each takes a value and reports a new one; problems the server found are shown next to the field whose
 * path they name (IssueContext), so an officer sees, for example, that step 2's role does not exist.
 */
export type Doc = ProcedureDetail["document"];
export type Comp = Doc["components"][number];
export type Fee = Doc["fees"][number];
export type Case = Doc["cases"][number];
export type Step = Doc["workflow"][number];
export type PTime = Doc["processingTime"];
export type Limit = PTime["standard"];
type Duration = Extract<Limit, { kind: "duration" }>;

export const WORKFLOW_ROLES = ["reception", "specialist", "leader", "clerk"] as const;
const FEE_KINDS = ["free", "fixed", "per_page", "per_copy", "council_resolution"] as const;
const EXEMPTIONS = [
  "on_time_registration",
  "domestic_citizen_exempt_event",
  "revolution_contributor_family",
  "poor_household",
  "disabled_person",
  "child",
  "elderly",
  "ethnic_minority_hardship_area",
  "online_submission",
] as const;

/** Messages by document path ("workflow.1.role"), from the server's 422 answer. */
export const IssueContext = createContext<(path: string) => string | undefined>(() => undefined);

export function useIssue(path: string): string | undefined {
  return useContext(IssueContext)(path);
}

function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  return list.map((item, i) => (i === index ? value : item));
}

function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  if (item !== undefined) copy.splice(target, 0, item);
  return copy;
}

function toInt(text: string): number {
  const n = Number(text);
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

/** Text areas hold lists one item a line. */
export function LinesField({
  label,
  hint,
  value,
  onChange,
  path,
}: {
  label: string;
  hint?: string;
  value: readonly string[];
  onChange: (v: string[]) => void;
  path: string;
}) {
  const id = useId();
  const error = useIssue(path);
  return (
    <div className={error ? "field has-error wide" : "field wide"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        className="input"
        rows={Math.min(8, Math.max(3, value.length + 1))}
        aria-describedby={
          [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined
        }
        aria-invalid={error ? true : undefined}
        value={value.join("\n")}
        onChange={(e) => onChange(e.target.value.split("\n").map((s) => s.replace(/\s+$/, "")))}
        onBlur={() => onChange(value.map((s) => s.trim()).filter((s) => s.length > 0))}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function RowHead({
  title,
  index,
  count,
  onMove,
  onRemove,
}: {
  title: string;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="cat-row-head">
      <h4>{title}</h4>
      <div className="cell-actions">
        <button
          type="button"
          className="button button-small"
          disabled={index === 0}
          onClick={() => onMove(-1)}
          aria-label={t("catalog.edit.moveUp", { title })}
        >
          ↑
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
          aria-label={t("catalog.edit.moveDown", { title })}
        >
          ↓
        </button>
        <button
          type="button"
          className="button button-small button-danger-outline"
          onClick={onRemove}
          aria-label={t("catalog.edit.remove", { title })}
        >
          <Icon name="close" />
        </button>
      </div>
    </div>
  );
}

// ---- time ------------------------------------------------------------------------------------------------------

const LIMIT_CHOICES = ["working_days", "working_hours", "calendar_days", "same_day", "on_the_spot"] as const;
type LimitChoice = (typeof LIMIT_CHOICES)[number];
const LIMIT_LABELS: Record<LimitChoice, MessageKey> = {
  working_days: "catalog.edit.limit.working_days",
  working_hours: "catalog.edit.limit.working_hours",
  calendar_days: "catalog.edit.limit.calendar_days",
  same_day: "catalog.edit.limit.same_day",
  on_the_spot: "catalog.edit.limit.on_the_spot",
};

function choiceOf(limit: Limit): LimitChoice {
  return limit.kind === "same_day" ? limit.variant : limit.unit;
}

function limitFor(choice: LimitChoice, amount: number): Limit {
  if (choice === "same_day" || choice === "on_the_spot") {
    return {
      kind: "same_day",
      variant: choice,
      workingHours: choice === "same_day" ? 8 : 2,
      cutoff: "15:00",
      afterCutoff: "next_working_day",
    };
  }
  return { kind: "duration", value: Math.max(1, amount), unit: choice };
}

export function LimitEditor({
  label,
  value,
  onChange,
  path,
  durationOnly,
}: {
  label: string;
  value: Limit;
  onChange: (v: Limit) => void;
  path: string;
  durationOnly?: boolean;
}) {
  const { t } = useI18n();
  const choice = choiceOf(value);
  const amount = value.kind === "duration" ? value.value : value.workingHours;
  const issue = useContext(IssueContext);
  const error = issue(path);
  const choices = durationOnly ? LIMIT_CHOICES.slice(0, 3) : LIMIT_CHOICES;
  return (
    <>
      <SelectField
        label={label}
        value={choice}
        error={error}
        onChange={(e) => onChange(limitFor(e.target.value as LimitChoice, amount))}
      >
        {choices.map((c) => (
          <option key={c} value={c}>
            {t(LIMIT_LABELS[c])}
          </option>
        ))}
      </SelectField>
      <TextField
        label={value.kind === "duration" ? t("catalog.edit.limit.value") : t("catalog.edit.limit.hours")}
        type="number"
        min={1}
        max={value.kind === "duration" ? 365 : 8}
        value={amount}
        error={issue(`${path}.${value.kind === "duration" ? "value" : "workingHours"}`)}
        onChange={(e) =>
          onChange(
            value.kind === "duration"
              ? { ...value, value: toInt(e.target.value) }
              : { ...value, workingHours: toInt(e.target.value) },
          )
        }
      />
    </>
  );
}

export function TimeEditor({
  value,
  onChange,
  path,
}: {
  value: PTime;
  onChange: (v: PTime) => void;
  path: string;
}) {
  const { t } = useI18n();
  const issue = useContext(IssueContext);
  const extension = value.extension;
  return (
    <div className="cat-grid">
      <LimitEditor
        label={t("catalog.edit.time.standard")}
        value={value.standard}
        onChange={(standard) => onChange({ ...value, standard })}
        path={`${path}.standard`}
      />
      <div className="field wide">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={value.online !== null}
            onChange={(e) =>
              onChange({
                ...value,
                online: e.target.checked ? { kind: "duration", value: 1, unit: "working_days" } : null,
              })
            }
          />
          <span>{t("catalog.edit.time.hasOnline")}</span>
        </label>
      </div>
      {value.online ? (
        <LimitEditor
          label={t("catalog.time.online")}
          value={value.online}
          onChange={(online) => onChange({ ...value, online })}
          path={`${path}.online`}
        />
      ) : null}
      <div className="field wide">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={extension !== null}
            onChange={(e) =>
              onChange({
                ...value,
                extension: e.target.checked
                  ? { total: { kind: "duration", value: 5, unit: "working_days" }, when: "" }
                  : null,
              })
            }
          />
          <span>{t("catalog.edit.time.hasExtension")}</span>
        </label>
      </div>
      {extension ? (
        <>
          <LimitEditor
            label={t("catalog.edit.time.extension")}
            value={extension.total}
            durationOnly
            onChange={(total) =>
              onChange({ ...value, extension: { ...extension, total: total as Duration } })
            }
            path={`${path}.extension.total`}
          />
          <TextField
            label={t("catalog.edit.time.extensionWhen")}
            value={extension.when}
            error={issue(`${path}.extension.when`)}
            onChange={(e) => onChange({ ...value, extension: { ...extension, when: e.target.value } })}
          />
        </>
      ) : null}
    </div>
  );
}

// ---- components ------------------------------------------------------------------------------------------------

function blankComponent(n: number): Comp {
  return {
    id: `thanh-phan-${n}`,
    name: "",
    handling: "submit",
    originals: 1,
    copies: 0,
    requirement: { kind: "required" },
    form: null,
    note: null,
  };
}

function ComponentEditor({
  value,
  onChange,
  path,
}: {
  value: Comp;
  onChange: (v: Comp) => void;
  path: string;
}) {
  const { t } = useI18n();
  const issue = useContext(IssueContext);
  const form = value.form;
  return (
    <div className="cat-grid">
      <TextField
        label={t("catalog.edit.component.name")}
        className="input"
        required
        value={value.name}
        error={issue(`${path}.name`)}
        onChange={(e) => onChange({ ...value, name: e.target.value })}
      />
      <TextField
        label={t("catalog.edit.component.id")}
        hint={t("catalog.edit.slug.hint")}
        required
        value={value.id}
        error={issue(`${path}.id`)}
        onChange={(e) => onChange({ ...value, id: e.target.value })}
      />
      <SelectField
        label={t("catalog.edit.component.handling")}
        value={value.handling}
        onChange={(e) => onChange({ ...value, handling: e.target.value as Comp["handling"] })}
      >
        <option value="submit">{t("catalog.handling.submit")}</option>
        <option value="present">{t("catalog.handling.present")}</option>
      </SelectField>
      <TextField
        label={t("catalog.edit.component.originals")}
        type="number"
        min={0}
        max={20}
        value={value.originals}
        error={issue(`${path}.originals`)}
        onChange={(e) => onChange({ ...value, originals: toInt(e.target.value) })}
      />
      <TextField
        label={t("catalog.edit.component.copies")}
        type="number"
        min={0}
        max={20}
        value={value.copies}
        error={issue(`${path}.copies`)}
        onChange={(e) => onChange({ ...value, copies: toInt(e.target.value) })}
      />
      <TextField
        label={t("catalog.edit.component.condition")}
        hint={t("catalog.edit.component.condition.hint")}
        value={value.requirement.kind === "conditional" ? value.requirement.condition : ""}
        error={issue(`${path}.requirement.condition`)}
        onChange={(e) =>
          onChange({
            ...value,
            requirement: e.target.value
              ? { kind: "conditional", condition: e.target.value }
              : { kind: "required" },
          })
        }
      />
      <TextField
        label={t("catalog.edit.component.formCode")}
        hint={t("catalog.edit.component.formCode.hint")}
        value={form?.code ?? ""}
        error={issue(`${path}.form.code`)}
        onChange={(e) =>
          onChange({
            ...value,
            form: e.target.value
              ? { code: e.target.value, name: form?.name ?? "", issuedBy: form?.issuedBy ?? "" }
              : null,
          })
        }
      />
      {form ? (
        <>
          <TextField
            label={t("catalog.edit.component.formName")}
            value={form.name}
            error={issue(`${path}.form.name`)}
            onChange={(e) => onChange({ ...value, form: { ...form, name: e.target.value } })}
          />
          <TextField
            label={t("catalog.edit.component.formIssuedBy")}
            value={form.issuedBy}
            error={issue(`${path}.form.issuedBy`)}
            onChange={(e) => onChange({ ...value, form: { ...form, issuedBy: e.target.value } })}
          />
        </>
      ) : null}
      <TextField
        label={t("catalog.edit.component.note")}
        value={value.note ?? ""}
        onChange={(e) => onChange({ ...value, note: e.target.value ? e.target.value : null })}
      />
    </div>
  );
}

export function ComponentsEditor({
  items,
  onChange,
  path,
}: {
  items: readonly Comp[];
  onChange: (v: Comp[]) => void;
  path: string;
}) {
  const { t } = useI18n();
  const error = useIssue(path);
  return (
    <>
      {error ? <p className="field-error">{error}</p> : null}
      <ol className="cat-rows">
        {items.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list; their inputs are controlled
          <li key={`${path}.${i}`} className="cat-row">
            <RowHead
              title={t("catalog.edit.component.row", { n: i + 1 })}
              index={i}
              count={items.length}
              onMove={(by) => onChange(move(items, i, by))}
              onRemove={() => onChange(removeAt(items, i))}
            />
            <ComponentEditor
              value={c}
              onChange={(v) => onChange(replaceAt(items, i, v))}
              path={`${path}.${i}`}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => onChange([...items, blankComponent(items.length + 1)])}
      >
        <Icon name="plus" />
        <span>{t("catalog.edit.component.add")}</span>
      </button>
    </>
  );
}

// ---- fees ------------------------------------------------------------------------------------------------------

const FEE_KIND_LABELS: Record<Fee["kind"], MessageKey> = {
  free: "catalog.edit.fee.kind.free",
  fixed: "catalog.edit.fee.kind.fixed",
  per_page: "catalog.edit.fee.kind.per_page",
  per_copy: "catalog.edit.fee.kind.per_copy",
  council_resolution: "catalog.edit.fee.kind.council_resolution",
};

function feeOfKind(kind: Fee["kind"], base: Fee): Fee {
  const common = { label: base.label, feeType: base.feeType, basis: base.basis };
  const exemptions = base.kind === "free" ? [] : base.exemptions;
  switch (kind) {
    case "free":
      return { kind, ...common };
    case "fixed":
      return { kind, ...common, amountVnd: 0, per: "dossier", exemptions };
    case "per_copy":
      return { kind, ...common, vndPerCopy: 0, exemptions };
    case "per_page":
      return {
        kind,
        ...common,
        tiers: [
          { fromPage: 1, toPage: 2, vndPerPage: 2000 },
          { fromPage: 3, toPage: null, vndPerPage: 1000 },
        ],
        capPerCopyVnd: null,
        exemptions,
      };
    case "council_resolution":
      return {
        kind,
        ...common,
        resolution: { number: "", date: "", province: "", title: "" },
        amount: { status: "unverified", note: "" },
        exemptions,
      };
  }
}

function FeeEditor({ value, onChange, path }: { value: Fee; onChange: (v: Fee) => void; path: string }) {
  const { t } = useI18n();
  const issue = useContext(IssueContext);
  return (
    <div className="cat-grid">
      <SelectField
        label={t("catalog.edit.fee.kind")}
        value={value.kind}
        onChange={(e) => onChange(feeOfKind(e.target.value as Fee["kind"], value))}
      >
        {FEE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(FEE_KIND_LABELS[k])}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("catalog.edit.fee.label")}
        required
        value={value.label}
        error={issue(`${path}.label`)}
        onChange={(e) => onChange({ ...value, label: e.target.value })}
      />
      <SelectField
        label={t("catalog.edit.fee.type")}
        value={value.feeType}
        onChange={(e) => onChange({ ...value, feeType: e.target.value as Fee["feeType"] })}
      >
        <option value="le_phi">{t("catalog.edit.fee.type.le_phi")}</option>
        <option value="phi">{t("catalog.edit.fee.type.phi")}</option>
      </SelectField>
      <TextField
        label={t("catalog.basis")}
        required
        value={value.basis}
        error={issue(`${path}.basis`)}
        onChange={(e) => onChange({ ...value, basis: e.target.value })}
      />
      {value.kind === "fixed" ? (
        <>
          <TextField
            label={t("catalog.edit.fee.amount")}
            type="number"
            min={0}
            value={value.amountVnd}
            error={issue(`${path}.amountVnd`)}
            onChange={(e) => onChange({ ...value, amountVnd: toInt(e.target.value) })}
          />
          <SelectField
            label={t("catalog.edit.fee.per")}
            value={value.per}
            onChange={(e) => onChange({ ...value, per: e.target.value as typeof value.per })}
          >
            <option value="dossier">{t("catalog.edit.fee.per.dossier")}</option>
            <option value="case">{t("catalog.edit.fee.per.case")}</option>
            <option value="contract">{t("catalog.edit.fee.per.contract")}</option>
          </SelectField>
        </>
      ) : null}
      {value.kind === "per_copy" ? (
        <TextField
          label={t("catalog.edit.fee.perCopy")}
          type="number"
          min={0}
          value={value.vndPerCopy}
          error={issue(`${path}.vndPerCopy`)}
          onChange={(e) => onChange({ ...value, vndPerCopy: toInt(e.target.value) })}
        />
      ) : null}
      {value.kind === "per_page" ? (
        <>
          {value.tiers.map((tier, i) => (
            <fieldset key={`${path}.tiers.${tier.fromPage}`} className="wide cat-row">
              <legend>{t("catalog.edit.fee.tier", { n: i + 1 })}</legend>
              <div className="cat-grid">
                <TextField
                  label={t("catalog.edit.fee.tier.from")}
                  type="number"
                  min={1}
                  value={tier.fromPage}
                  error={issue(`${path}.tiers.${i}`)}
                  onChange={(e) =>
                    onChange({
                      ...value,
                      tiers: replaceAt(value.tiers, i, { ...tier, fromPage: toInt(e.target.value) }),
                    })
                  }
                />
                <TextField
                  label={t("catalog.edit.fee.tier.to")}
                  hint={t("catalog.edit.fee.tier.to.hint")}
                  type="number"
                  min={1}
                  value={tier.toPage ?? ""}
                  onChange={(e) =>
                    onChange({
                      ...value,
                      tiers: replaceAt(value.tiers, i, {
                        ...tier,
                        toPage: e.target.value === "" ? null : toInt(e.target.value),
                      }),
                    })
                  }
                />
                <TextField
                  label={t("catalog.edit.fee.tier.price")}
                  type="number"
                  min={0}
                  value={tier.vndPerPage}
                  onChange={(e) =>
                    onChange({
                      ...value,
                      tiers: replaceAt(value.tiers, i, { ...tier, vndPerPage: toInt(e.target.value) }),
                    })
                  }
                />
              </div>
            </fieldset>
          ))}
          <div className="field">
            <button
              type="button"
              className="button"
              onClick={() => {
                const last = value.tiers[value.tiers.length - 1];
                const from = last ? (last.toPage ?? last.fromPage) + 1 : 1;
                onChange({
                  ...value,
                  tiers: [...value.tiers, { fromPage: from, toPage: null, vndPerPage: 0 }],
                });
              }}
            >
              {t("catalog.edit.fee.tier.add")}
            </button>
          </div>
          <TextField
            label={t("catalog.edit.fee.cap")}
            hint={t("catalog.edit.fee.cap.hint")}
            type="number"
            min={0}
            value={value.capPerCopyVnd ?? ""}
            onChange={(e) =>
              onChange({ ...value, capPerCopyVnd: e.target.value === "" ? null : toInt(e.target.value) })
            }
          />
        </>
      ) : null}
      {value.kind === "council_resolution" ? (
        <>
          <TextField
            label={t("catalog.edit.fee.resolution.number")}
            value={value.resolution.number}
            error={issue(`${path}.resolution.number`)}
            onChange={(e) =>
              onChange({ ...value, resolution: { ...value.resolution, number: e.target.value } })
            }
          />
          <TextField
            label={t("catalog.edit.fee.resolution.date")}
            type="date"
            value={value.resolution.date}
            error={issue(`${path}.resolution.date`)}
            onChange={(e) =>
              onChange({ ...value, resolution: { ...value.resolution, date: e.target.value } })
            }
          />
          <TextField
            label={t("catalog.edit.fee.resolution.province")}
            value={value.resolution.province}
            error={issue(`${path}.resolution.province`)}
            onChange={(e) =>
              onChange({ ...value, resolution: { ...value.resolution, province: e.target.value } })
            }
          />
          <TextField
            label={t("catalog.edit.fee.resolution.title")}
            value={value.resolution.title}
            error={issue(`${path}.resolution.title`)}
            onChange={(e) =>
              onChange({ ...value, resolution: { ...value.resolution, title: e.target.value } })
            }
          />
          <SelectField
            label={t("catalog.edit.fee.amountStatus")}
            value={value.amount.status}
            onChange={(e) =>
              onChange({
                ...value,
                amount:
                  e.target.value === "confirmed"
                    ? { status: "confirmed", vnd: 0, per: "case", evidence: "" }
                    : { status: "unverified", note: "" },
              })
            }
          >
            <option value="unverified">{t("catalog.edit.fee.amountStatus.unverified")}</option>
            <option value="confirmed">{t("catalog.edit.fee.amountStatus.confirmed")}</option>
          </SelectField>
          {value.amount.status === "confirmed" ? (
            <>
              <TextField
                label={t("catalog.edit.fee.amount")}
                type="number"
                min={0}
                value={value.amount.vnd}
                error={issue(`${path}.amount.vnd`)}
                onChange={(e) =>
                  value.amount.status === "confirmed"
                    ? onChange({ ...value, amount: { ...value.amount, vnd: toInt(e.target.value) } })
                    : undefined
                }
              />
              <SelectField
                label={t("catalog.edit.fee.per")}
                value={value.amount.per}
                onChange={(e) =>
                  value.amount.status === "confirmed"
                    ? onChange({
                        ...value,
                        amount: { ...value.amount, per: e.target.value as "case" | "copy" },
                      })
                    : undefined
                }
              >
                <option value="case">{t("catalog.edit.fee.per.case")}</option>
                <option value="copy">{t("catalog.edit.fee.per.copy")}</option>
              </SelectField>
              <TextField
                label={t("catalog.edit.fee.evidence")}
                value={value.amount.evidence}
                error={issue(`${path}.amount.evidence`)}
                onChange={(e) =>
                  value.amount.status === "confirmed"
                    ? onChange({ ...value, amount: { ...value.amount, evidence: e.target.value } })
                    : undefined
                }
              />
            </>
          ) : (
            <TextField
              label={t("catalog.edit.fee.amountNote")}
              value={value.amount.note}
              error={issue(`${path}.amount.note`)}
              onChange={(e) => onChange({ ...value, amount: { status: "unverified", note: e.target.value } })}
            />
          )}
        </>
      ) : null}
      {value.kind !== "free" ? (
        <fieldset className="wide cat-row">
          <legend>{t("catalog.exemptions")}</legend>
          {value.exemptions.map((ex, i) => (
            <div key={`${path}.ex.${ex.code}`} className="cat-grid">
              <SelectField
                label={t("catalog.edit.exemption.code")}
                value={ex.code}
                onChange={(e) =>
                  onChange({
                    ...value,
                    exemptions: replaceAt(value.exemptions, i, {
                      ...ex,
                      code: e.target.value as typeof ex.code,
                    }),
                  })
                }
              >
                {EXEMPTIONS.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t("catalog.edit.exemption.label")}
                value={ex.label}
                error={issue(`${path}.exemptions.${i}.label`)}
                onChange={(e) =>
                  onChange({
                    ...value,
                    exemptions: replaceAt(value.exemptions, i, { ...ex, label: e.target.value }),
                  })
                }
              />
              <TextField
                label={t("catalog.basis")}
                value={ex.basis}
                error={issue(`${path}.exemptions.${i}.basis`)}
                onChange={(e) =>
                  onChange({
                    ...value,
                    exemptions: replaceAt(value.exemptions, i, { ...ex, basis: e.target.value }),
                  })
                }
              />
              <div className="field">
                <button
                  type="button"
                  className="button button-small button-danger-outline"
                  onClick={() => onChange({ ...value, exemptions: removeAt(value.exemptions, i) })}
                >
                  {t("catalog.edit.exemption.remove")}
                </button>
              </div>
            </div>
          ))}
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              onChange({
                ...value,
                exemptions: [
                  ...value.exemptions,
                  {
                    code:
                      EXEMPTIONS.find((c) => !value.exemptions.some((e) => e.code === c)) ?? "poor_household",
                    label: "",
                    basis: "",
                  },
                ],
              })
            }
          >
            {t("catalog.edit.exemption.add")}
          </button>
        </fieldset>
      ) : null}
    </div>
  );
}

export function FeesEditor({
  items,
  onChange,
  path,
}: {
  items: readonly Fee[];
  onChange: (v: Fee[]) => void;
  path: string;
}) {
  const { t } = useI18n();
  const error = useIssue(path);
  return (
    <>
      {error ? <p className="field-error">{error}</p> : null}
      <ol className="cat-rows">
        {items.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list; their inputs are controlled
          <li key={`${path}.${i}`} className="cat-row">
            <RowHead
              title={t("catalog.edit.fee.row", { n: i + 1 })}
              index={i}
              count={items.length}
              onMove={(by) => onChange(move(items, i, by))}
              onRemove={() => onChange(removeAt(items, i))}
            />
            <FeeEditor value={f} onChange={(v) => onChange(replaceAt(items, i, v))} path={`${path}.${i}`} />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => onChange([...items, { kind: "free", label: "", feeType: "le_phi", basis: "" }])}
      >
        <Icon name="plus" />
        <span>{t("catalog.edit.fee.add")}</span>
      </button>
    </>
  );
}

// ---- workflow --------------------------------------------------------------------------------------------------

export function shareTotal(steps: readonly Step[]): number {
  return steps.reduce((sum, s) => sum + (Number.isFinite(s.share) ? s.share : 0), 0);
}

export function WorkflowEditor({
  steps,
  onChange,
  path,
}: {
  steps: readonly Step[];
  onChange: (v: Step[]) => void;
  path: string;
}) {
  const { t } = useI18n();
  const issue = useContext(IssueContext);
  const total = shareTotal(steps);
  const error = issue(path);
  return (
    <>
      <p className="cat-share-line" role="status">
        {t("catalog.edit.workflow.total")}{" "}
        <span className={total === 100 ? "cat-share is-good" : "cat-share is-bad"}>{total}%</span>
        {total === 100 ? null : ` — ${t("catalog.edit.workflow.mustBe100")}`}
      </p>
      {error ? <p className="field-error">{error}</p> : null}
      <ol className="cat-rows">
        {steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list; their inputs are controlled
          <li key={`${path}.${i}`} className="cat-row">
            <RowHead
              title={t("catalog.edit.step.row", { n: i + 1 })}
              index={i}
              count={steps.length}
              onMove={(by) => onChange(move(steps, i, by))}
              onRemove={() => onChange(removeAt(steps, i))}
            />
            <div className="cat-grid">
              <SelectField
                label={t("catalog.edit.step.role")}
                value={s.role}
                error={issue(`${path}.${i}.role`)}
                onChange={(e) =>
                  onChange(replaceAt(steps, i, { ...s, role: e.target.value as Step["role"] }))
                }
              >
                {(WORKFLOW_ROLES as readonly string[]).includes(s.role) ? null : (
                  <option value={s.role}>{s.role}</option>
                )}
                {WORKFLOW_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(ROLE_LABELS[r])}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t("catalog.edit.step.name")}
                required
                value={s.nameVi}
                error={issue(`${path}.${i}.nameVi`)}
                onChange={(e) => onChange(replaceAt(steps, i, { ...s, nameVi: e.target.value }))}
              />
              <TextField
                label={t("catalog.edit.step.share")}
                type="number"
                min={1}
                max={100}
                value={s.share}
                error={issue(`${path}.${i}.share`)}
                onChange={(e) => onChange(replaceAt(steps, i, { ...s, share: toInt(e.target.value) }))}
              />
              <div className="field">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={s.canSendBack}
                    onChange={(e) => onChange(replaceAt(steps, i, { ...s, canSendBack: e.target.checked }))}
                  />
                  <span>{t("catalog.edit.step.canSendBack")}</span>
                </label>
              </div>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() =>
          onChange([
            ...steps,
            { role: "specialist", nameVi: "", share: Math.max(1, 100 - total), canSendBack: true },
          ])
        }
      >
        <Icon name="plus" />
        <span>{t("catalog.edit.step.add")}</span>
      </button>
    </>
  );
}

// ---- cases -----------------------------------------------------------------------------------------------------

export function CasesEditor({
  items,
  onChange,
  base,
  path,
}: {
  items: readonly Case[];
  onChange: (v: Case[]) => void;
  base: Doc;
  path: string;
}) {
  const { t } = useI18n();
  const issue = useContext(IssueContext);
  return (
    <>
      <ol className="cat-rows">
        {items.map((c, i) => {
          const at = `${path}.${i}`;
          const set = (v: Case) => onChange(replaceAt(items, i, v));
          return (
            <li key={at} className="cat-row">
              <RowHead
                title={c.name || t("catalog.edit.case.row", { n: i + 1 })}
                index={i}
                count={items.length}
                onMove={(by) => onChange(move(items, i, by))}
                onRemove={() => onChange(removeAt(items, i))}
              />
              <div className="cat-grid">
                <TextField
                  label={t("catalog.edit.case.name")}
                  required
                  value={c.name}
                  error={issue(`${at}.name`)}
                  onChange={(e) => set({ ...c, name: e.target.value })}
                />
                <TextField
                  label={t("catalog.edit.case.id")}
                  hint={t("catalog.edit.slug.hint")}
                  required
                  value={c.id}
                  error={issue(`${at}.id`)}
                  onChange={(e) => set({ ...c, id: e.target.value })}
                />
                <SelectField
                  label={t("catalog.components")}
                  value={c.components.mode}
                  onChange={(e) => {
                    const mode = e.target.value as Case["components"]["mode"];
                    set({
                      ...c,
                      components:
                        mode === "inherit"
                          ? { mode }
                          : {
                              mode,
                              items:
                                c.components.mode === "inherit" ? [blankComponent(1)] : c.components.items,
                            },
                    });
                  }}
                >
                  <option value="inherit">{t("catalog.edit.mode.inherit")}</option>
                  <option value="add">{t("catalog.edit.mode.add")}</option>
                  <option value="replace">{t("catalog.edit.mode.replace")}</option>
                </SelectField>
                <SelectField
                  label={t("catalog.fee")}
                  value={c.fees.mode}
                  onChange={(e) =>
                    set({
                      ...c,
                      fees:
                        e.target.value === "replace"
                          ? {
                              mode: "replace",
                              rules: c.fees.mode === "replace" ? c.fees.rules : [...base.fees],
                            }
                          : { mode: "inherit" },
                    })
                  }
                >
                  <option value="inherit">{t("catalog.edit.mode.inherit")}</option>
                  <option value="replace">{t("catalog.edit.mode.replace")}</option>
                </SelectField>
                <SelectField
                  label={t("catalog.time")}
                  value={c.processingTime.mode}
                  onChange={(e) =>
                    set({
                      ...c,
                      processingTime:
                        e.target.value === "replace"
                          ? { mode: "replace", value: base.processingTime }
                          : { mode: "inherit" },
                    })
                  }
                >
                  <option value="inherit">{t("catalog.edit.mode.inherit")}</option>
                  <option value="replace">{t("catalog.edit.mode.replace")}</option>
                </SelectField>
              </div>
              {c.components.mode !== "inherit" ? (
                <Section title={t("catalog.components")}>
                  <ComponentsEditor
                    items={c.components.items}
                    onChange={(list) =>
                      c.components.mode !== "inherit"
                        ? set({ ...c, components: { ...c.components, items: list } })
                        : undefined
                    }
                    path={`${at}.components.items`}
                  />
                </Section>
              ) : null}
              {c.fees.mode === "replace" ? (
                <Section title={t("catalog.fee")}>
                  <FeesEditor
                    items={c.fees.rules}
                    onChange={(rules) => set({ ...c, fees: { mode: "replace", rules } })}
                    path={`${at}.fees.rules`}
                  />
                </Section>
              ) : null}
              {c.processingTime.mode === "replace" ? (
                <Section title={t("catalog.time")}>
                  <TimeEditor
                    value={c.processingTime.value}
                    onChange={(value) => set({ ...c, processingTime: { mode: "replace", value } })}
                    path={`${at}.processingTime.value`}
                  />
                </Section>
              ) : null}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() =>
          onChange([
            ...items,
            {
              id: `truong-hop-${items.length + 1}`,
              name: "",
              components: { mode: "inherit" },
              fees: { mode: "inherit" },
              processingTime: { mode: "inherit" },
            },
          ])
        }
      >
        <Icon name="plus" />
        <span>{t("catalog.edit.case.add")}</span>
      </button>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="cat-subsection">
      <h5>{title}</h5>
      {children}
    </div>
  );
}
