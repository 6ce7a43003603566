import { useContext } from "react";
import { SelectField, TextField } from "../../components/field.tsx";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { type Limit, type PartEditorProps, type PTime, toInt } from "./editors.tsx";
import { IssueContext } from "./issues.ts";

/** Editors for a procedure's time limits: standard, online and extension. */
type Duration = Extract<Limit, { kind: "duration" }>;

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

export function TimeEditor({ value, onChange, path }: PartEditorProps<PTime>) {
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
