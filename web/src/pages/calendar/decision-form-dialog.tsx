import { type FormEvent, useRef, useState } from "react";
import type { z } from "zod";
import {
  DAY_OFF_KINDS,
  EVIDENCE,
  HOLIDAY_KEYS,
  HolidayDecisionInput,
  HolidayDecisionUpdate,
} from "../../../../src/contracts/calendar.ts";
import { isoWeekday, parseLocalDate } from "../../../../src/domain/calendar/local-date.ts";
import { ApiError, api, type DecisionCreateBody, type HolidayDecision } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import {
  apiFieldErrors,
  type FieldErrors,
  focusFirstInvalid,
  zodFieldErrors,
} from "../../lib/form-errors.ts";

const FIELDS = [
  "id",
  "year",
  "title",
  "titleEn",
  "source",
  "evidence",
  "scope",
  "unitCodes",
  "supersedes",
  "daysOff",
  "workingDays",
  "note",
] as const;
type Field = (typeof FIELDS)[number];

const HINTS: Partial<Record<Field, MessageKey>> = {
  id: "decision.id.hint",
  year: "decision.year.hint",
  source: "decision.source.hint",
  unitCodes: "decision.unitCodes.hint",
};

type HolidayKey = (typeof HOLIDAY_KEYS)[number];
type DayOffKind = (typeof DAY_OFF_KINDS)[number];
type Evidence = (typeof EVIDENCE)[number];

export const HOLIDAY_LABELS: Record<HolidayKey, MessageKey> = {
  "new-year": "holiday.new-year",
  tet: "holiday.tet",
  "hung-kings": "holiday.hung-kings",
  reunification: "holiday.reunification",
  labour: "holiday.labour",
  "national-day": "holiday.national-day",
  "culture-day": "holiday.culture-day",
};
export const EVIDENCE_LABELS: Record<Evidence, MessageKey> = {
  text: "decisions.evidence.text",
  secondary: "decisions.evidence.secondary",
  unconfirmed: "decisions.evidence.unconfirmed",
};
const KIND_LABELS: Record<DayOffKind, MessageKey> = {
  holiday: "decision.day.kind.holiday",
  swap: "decision.day.kind.swap",
  extra: "decision.day.kind.extra",
};

interface DayOffRow {
  key: number;
  date: string;
  kind: DayOffKind;
  holiday: HolidayKey | "";
  name: string;
  /** Kept as stored: the form does not edit English names of days. */
  nameEn?: string | undefined;
}
interface WorkRow {
  key: number;
  date: string;
  replaces: string;
  name: string;
  nameEn?: string | undefined;
}
interface Values {
  id: string;
  year: string;
  title: string;
  titleEn: string;
  source: string;
  evidence: Evidence;
  scopeKind: "national" | "units";
  unitCodes: string;
  supersedes: HolidayKey[];
  daysOff: DayOffRow[];
  workingDays: WorkRow[];
  note: string;
}

let nextKey = 1;

function valuesOf(decision: HolidayDecision | null, year: number): Values {
  return {
    id: decision?.id ?? "",
    year: String(decision?.year ?? year),
    title: decision?.title ?? "",
    titleEn: decision && decision.titleEn !== decision.title ? decision.titleEn : "",
    source: decision?.source ?? "",
    evidence: decision?.evidence ?? "text",
    scopeKind: decision?.scope.kind ?? "national",
    unitCodes: decision?.scope.unitCodes.join(", ") ?? "",
    supersedes: decision?.supersedes ?? [],
    daysOff: (decision?.daysOff ?? []).map((d) => ({
      key: nextKey++,
      date: d.date,
      kind: d.kind,
      holiday: d.holiday ?? "",
      name: d.name ?? "",
      nameEn: d.nameEn,
    })),
    workingDays: (decision?.workingDays ?? []).map((w) => ({
      key: nextKey++,
      date: w.date,
      replaces: w.replaces ?? "",
      name: w.name ?? "",
      nameEn: w.nameEn,
    })),
    note: decision?.note ?? "",
  };
}

function weekdayOf(date: string): number | null {
  try {
    return isoWeekday(parseLocalDate(date));
  } catch {
    return null;
  }
}

function bodyOf(values: Values): z.input<typeof HolidayDecisionUpdate> {
  const text = (v: string) => v.trim();
  const optional = (key: string, v: string | undefined) => (v?.trim() ? { [key]: v.trim() } : {});
  return {
    year: values.year.trim() === "" ? Number.NaN : Number(values.year),
    title: text(values.title),
    ...optional("titleEn", values.titleEn),
    source: text(values.source),
    evidence: values.evidence,
    scope:
      values.scopeKind === "national"
        ? { kind: "national" }
        : {
            kind: "units",
            unitCodes: values.unitCodes
              .split(/[,;\s]+/)
              .map((c) => c.trim().toUpperCase())
              .filter(Boolean),
          },
    supersedes: values.supersedes,
    daysOff: values.daysOff.map((d) => ({
      date: d.date,
      kind: d.kind,
      ...(d.kind === "holiday" && d.holiday ? { holiday: d.holiday } : {}),
      ...optional("name", d.name),
      ...optional("nameEn", d.nameEn),
    })),
    workingDays: values.workingDays.map((w) => ({
      date: w.date,
      ...optional("replaces", w.replaces),
      ...optional("name", w.name),
      ...optional("nameEn", w.nameEn),
    })),
    note: values.note.trim() === "" ? null : values.note.trim(),
    version: 0,
  };
}

/** The checks of the server (parseHolidayDecisions) that belong next to a row, in the reader's language. */
function rowErrors(values: Values, t: (key: MessageKey) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  values.daysOff.forEach((d, i) => {
    const weekday = weekdayOf(d.date);
    if (weekday === null) errors[`daysOff.${i}.date`] = t("decision.dateRequired");
    else if (weekday >= 6) errors[`daysOff.${i}.date`] = t("decision.weekendOff");
    else if (seen.has(d.date)) errors[`daysOff.${i}.date`] = t("decision.duplicateDate");
    seen.add(d.date);
    if (d.kind === "holiday" && !d.holiday) errors[`daysOff.${i}.holiday`] = t("decision.holidayRequired");
    if (d.kind === "extra" && !d.name.trim()) errors[`daysOff.${i}.name`] = t("decision.nameRequired");
  });
  values.workingDays.forEach((w, i) => {
    const weekday = weekdayOf(w.date);
    if (weekday === null) errors[`workingDays.${i}.date`] = t("decision.dateRequired");
    else if (weekday < 6) errors[`workingDays.${i}.date`] = t("decision.weekdayWork");
    else if (seen.has(w.date)) errors[`workingDays.${i}.date`] = t("decision.duplicateDate");
    seen.add(w.date);
    if (w.replaces && weekdayOf(w.replaces) === null) {
      errors[`workingDays.${i}.replaces`] = t("decision.dateRequired");
    }
  });
  return errors;
}

type Mode = { kind: "create"; year: number } | { kind: "edit"; decision: HolidayDecision };

/** Add a decision, or edit one; edits carry the version read, for optimistic concurrency. */
export function DecisionFormDialog({
  mode,
  onClose,
  onSaved,
}: {
  mode: Mode;
  onClose: () => void;
  onSaved: (decision: HolidayDecision) => void;
}) {
  const { t, lang } = useI18n();
  const [base, setBase] = useState<HolidayDecision | null>(mode.kind === "edit" ? mode.decision : null);
  const [values, setValues] = useState<Values>(() =>
    valuesOf(base, mode.kind === "create" ? mode.year : (base?.year ?? 2026)),
  );
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [rows, setRows] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  function set<K extends keyof Values>(field: K, value: Values[K]) {
    setValues((v) => ({ ...v, [field]: value }));
  }
  function setDayOff(i: number, patch: Partial<DayOffRow>) {
    setValues((v) => ({ ...v, daysOff: v.daysOff.map((d, j) => (j === i ? { ...d, ...patch } : d)) }));
  }
  function setWorkDay(i: number, patch: Partial<WorkRow>) {
    setValues((v) => ({
      ...v,
      workingDays: v.workingDays.map((w, j) => (j === i ? { ...w, ...patch } : w)),
    }));
  }
  function addRow(list: "daysOff" | "workingDays") {
    setValues((v) =>
      list === "daysOff"
        ? {
            ...v,
            daysOff: [...v.daysOff, { key: nextKey++, date: "", kind: "holiday", holiday: "", name: "" }],
          }
        : { ...v, workingDays: [...v.workingDays, { key: nextKey++, date: "", replaces: "", name: "" }] },
    );
    // The new row's date takes the focus.
    requestAnimationFrame(() => {
      const inputs = formRef.current?.querySelectorAll<HTMLInputElement>(
        `[data-row="${list}"] input[type="date"]`,
      );
      inputs?.[inputs.length - 1]?.focus();
    });
  }
  function removeRow(list: "daysOff" | "workingDays", i: number) {
    setValues((v) =>
      list === "daysOff"
        ? { ...v, daysOff: v.daysOff.filter((_, j) => j !== i) }
        : { ...v, workingDays: v.workingDays.filter((_, j) => j !== i) },
    );
    setRows({});
  }

  function fail(found: FieldErrors<Field>, foundRows: Record<string, string> = {}) {
    setErrors(found);
    setRows(foundRows);
    focusFirstInvalid(formRef.current);
  }

  async function reload() {
    if (!base) return;
    setBusy(true);
    try {
      const latest = await api.calendar.decision(base.id);
      setBase(latest);
      setValues(valuesOf(latest, latest.year));
      setConflict(false);
      fail({});
    } catch (error) {
      fail(apiFieldErrors(error, FIELDS, lang, t));
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const { version: _version, ...fields } = bodyOf(values);
    const createBody: DecisionCreateBody = {
      ...fields,
      ...(values.id.trim() ? { id: values.id.trim() } : {}),
    };
    const updateBody = { ...fields, version: base?.version ?? 1 };
    const parsed = base
      ? HolidayDecisionUpdate.safeParse(updateBody)
      : HolidayDecisionInput.safeParse(createBody);
    const foundRows = rowErrors(values, t);
    const found: FieldErrors<Field> = parsed.success ? {} : zodFieldErrors(parsed.error, FIELDS, t, HINTS);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [list, index, field] = issue.path;
        if ((list === "daysOff" || list === "workingDays") && typeof index === "number") {
          foundRows[`${list}.${index}.${String(field ?? "date")}`] ??= t("form.invalid.field");
        }
      }
      if (found.scope) found.unitCodes = t("decision.unitCodes.required");
      delete found.scope;
      delete found.daysOff;
      delete found.workingDays;
    }
    if (!parsed.success || Object.keys(foundRows).length > 0) {
      fail(found, foundRows);
      return;
    }
    setBusy(true);
    setConflict(false);
    fail({});
    try {
      const saved = base
        ? await api.calendar.updateDecision(base.id, updateBody)
        : await api.calendar.createDecision(createBody);
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.code === "CONFLICT") {
        setConflict(true);
      } else {
        fail(apiFieldErrors(error, FIELDS, lang, t, { UNKNOWN_UNIT: "unitCodes", DUPLICATE: "id" }));
      }
    } finally {
      setBusy(false);
    }
  }

  const title = base ? t("decisions.edit.title", { title: base.title }) : t("decisions.create.title");
  const text = (
    field: "id" | "year" | "title" | "titleEn" | "source" | "unitCodes",
    label: MessageKey,
    extra: { required?: boolean; type?: string; inputMode?: "numeric" } = {},
  ) => (
    <TextField
      label={t(label)}
      name={field}
      hint={HINTS[field] ? t(HINTS[field]) : undefined}
      value={values[field]}
      onChange={(e) => set(field, e.target.value)}
      error={errors[field]}
      required={extra.required}
      type={extra.type ?? "text"}
      inputMode={extra.inputMode}
    />
  );

  return (
    <Dialog title={title} onClose={onClose} wide>
      {conflict ? (
        <Alert kind="error" title={t("conflict.title")}>
          <p>{t("conflict.text")}</p>
          <button type="button" className="button" onClick={reload} disabled={busy}>
            {t("conflict.reload")}
          </button>
        </Alert>
      ) : null}
      {errors.form ? <Alert kind="error">{errors.form}</Alert> : null}
      <form ref={formRef} onSubmit={submit} noValidate className="form">
        <div className="form-grid">
          {base ? null : text("id", "decision.id")}
          {text("year", "decision.year", { required: true, inputMode: "numeric" })}
          <div className="span-2">{text("title", "decision.title", { required: true })}</div>
          <div className="span-2">{text("titleEn", "decision.titleEn")}</div>
          <div className="span-2">{text("source", "decision.source", { required: true })}</div>
          <SelectField
            label={t("decision.evidence")}
            name="evidence"
            value={values.evidence}
            onChange={(e) => set("evidence", e.target.value as Evidence)}
            error={errors.evidence}
          >
            {EVIDENCE.map((k) => (
              <option key={k} value={k}>
                {t(EVIDENCE_LABELS[k])}
              </option>
            ))}
          </SelectField>
        </div>

        <fieldset className="field fieldset">
          <legend>{t("decision.scope")}</legend>
          <div className="checkbox-grid">
            {(["national", "units"] as const).map((kind) => (
              <label key={kind} className="checkbox">
                <input
                  type="radio"
                  name="scopeKind"
                  value={kind}
                  checked={values.scopeKind === kind}
                  onChange={() => set("scopeKind", kind)}
                />
                <span>{t(kind === "national" ? "decision.scope.national" : "decision.scope.units")}</span>
              </label>
            ))}
          </div>
          {values.scopeKind === "units" ? text("unitCodes", "decision.unitCodes", { required: true }) : null}
        </fieldset>

        <fieldset className="field fieldset">
          <legend>{t("decision.supersedes")}</legend>
          <p className="field-hint">{t("decision.supersedes.hint")}</p>
          <div className="checkbox-grid">
            {HOLIDAY_KEYS.map((key) => (
              <label key={key} className="checkbox">
                <input
                  type="checkbox"
                  name="supersedes"
                  value={key}
                  checked={values.supersedes.includes(key)}
                  onChange={(e) =>
                    set(
                      "supersedes",
                      e.target.checked
                        ? [...values.supersedes, key]
                        : values.supersedes.filter((k) => k !== key),
                    )
                  }
                />
                <span>{t(HOLIDAY_LABELS[key])}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset className="field fieldset" data-row="daysOff">
          <legend>{t("decision.daysOff")}</legend>
          {values.daysOff.length === 0 ? <p className="muted">{t("decision.noDays")}</p> : null}
          {values.daysOff.map((d, i) => (
            <fieldset key={d.key} className="decision-row">
              <legend className="visually-hidden">{t("decision.day.row", { n: i + 1 })}</legend>
              <TextField
                type="date"
                label={t("decision.day.date")}
                value={d.date}
                required
                onChange={(e) => setDayOff(i, { date: e.target.value })}
                error={rows[`daysOff.${i}.date`]}
              />
              <SelectField
                label={t("decision.day.kind")}
                value={d.kind}
                onChange={(e) => setDayOff(i, { kind: e.target.value as DayOffKind })}
              >
                {DAY_OFF_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(KIND_LABELS[k])}
                  </option>
                ))}
              </SelectField>
              {d.kind === "holiday" ? (
                <SelectField
                  label={t("decision.day.holiday")}
                  value={d.holiday}
                  required
                  onChange={(e) => setDayOff(i, { holiday: e.target.value as HolidayKey })}
                  error={rows[`daysOff.${i}.holiday`]}
                >
                  <option value="">{t("decision.day.holiday.choose")}</option>
                  {HOLIDAY_KEYS.map((k) => (
                    <option key={k} value={k}>
                      {t(HOLIDAY_LABELS[k])}
                    </option>
                  ))}
                </SelectField>
              ) : null}
              <TextField
                label={t("decision.day.name")}
                value={d.name}
                required={d.kind === "extra"}
                onChange={(e) => setDayOff(i, { name: e.target.value })}
                error={rows[`daysOff.${i}.name`]}
              />
              <button
                type="button"
                className="icon-button decision-row-remove"
                onClick={() => removeRow("daysOff", i)}
                aria-label={t("decision.day.remove", { n: i + 1 })}
              >
                <Icon name="close" />
              </button>
            </fieldset>
          ))}
          <button type="button" className="button button-small" onClick={() => addRow("daysOff")}>
            <Icon name="plus" />
            <span>{t("decision.daysOff.add")}</span>
          </button>
        </fieldset>

        <fieldset className="field fieldset" data-row="workingDays">
          <legend>{t("decision.workingDays")}</legend>
          {values.workingDays.length === 0 ? <p className="muted">{t("decision.noDays")}</p> : null}
          {values.workingDays.map((w, i) => (
            <fieldset key={w.key} className="decision-row">
              <legend className="visually-hidden">{t("decision.day.row", { n: i + 1 })}</legend>
              <TextField
                type="date"
                label={t("decision.day.date")}
                value={w.date}
                required
                onChange={(e) => setWorkDay(i, { date: e.target.value })}
                error={rows[`workingDays.${i}.date`]}
              />
              <TextField
                type="date"
                label={t("decision.day.replaces")}
                value={w.replaces}
                onChange={(e) => setWorkDay(i, { replaces: e.target.value })}
                error={rows[`workingDays.${i}.replaces`]}
              />
              <TextField
                label={t("decision.day.name")}
                value={w.name}
                onChange={(e) => setWorkDay(i, { name: e.target.value })}
              />
              <button
                type="button"
                className="icon-button decision-row-remove"
                onClick={() => removeRow("workingDays", i)}
                aria-label={t("decision.day.remove", { n: i + 1 })}
              >
                <Icon name="close" />
              </button>
            </fieldset>
          ))}
          <button type="button" className="button button-small" onClick={() => addRow("workingDays")}>
            <Icon name="plus" />
            <span>{t("decision.workingDays.add")}</span>
          </button>
        </fieldset>

        <div className="field">
          <label htmlFor="decision-note">{t("decision.note")}</label>
          <textarea
            id="decision-note"
            className="input"
            rows={3}
            value={values.note}
            onChange={(e) => set("note", e.target.value)}
          />
        </div>

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {base ? t("common.save") : t("decisions.create.submit")}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
