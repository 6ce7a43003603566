import type { ReactNode } from "react";
import type { AddressAnswer, AnswerValue, EFormField } from "../../../../../src/domain/eform/definition.ts";
import type { Lang } from "../../../i18n/index.tsx";
import { InputField, RadioGroup, SelectField, TextAreaField } from "../components/form-parts.tsx";
import { pick, usePortalI18n } from "../portal-i18n.ts";

/** The input id of a field: the error summary links here (an address: its first line). */
export function fieldInputId(field: Pick<EFormField, "id">): string {
  return `f-${field.id}`;
}

/** Up to this many options show as radios; more as a list. */
const RADIO_LIMIT = 6;

export function fieldLabel(field: EFormField, lang: Lang): string {
  return pick(lang, field.labelVi, field.labelEn);
}

interface Props {
  field: EFormField;
  /** What the input shows: numbers are edited as text, so a half-typed one is kept. */
  value: AnswerValue | undefined;
  raw: string | undefined;
  onChange: (value: AnswerValue, raw?: string) => void;
  error?: string | undefined;
  required: boolean;
  /** The page's only question: its label is the page heading. */
  asHeading: boolean;
}

/** One e-form field, drawn by its type from the definition. */
export function EFormFieldInput({ field, value, raw, onChange, error, required, asHeading }: Props) {
  const { t, lang } = usePortalI18n();
  const id = fieldInputId(field);
  const label = (
    <>
      {fieldLabel(field, lang)}
      {required ? null : <span className="p-optional"> {t("p.optional")}</span>}
    </>
  );
  const hint = pick(lang, field.hintVi ?? "", field.hintEn) || undefined;
  const common = { id, label, hint, error, errorPrefix: t("p.errorPrefix"), asHeading };
  const text = typeof value === "string" ? value : "";

  switch (field.type) {
    case "text":
      return field.multiline ? (
        <TextAreaField {...common} name={field.id} value={text} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <InputField
          {...common}
          name={field.id}
          value={text}
          spellCheck={false}
          className={field.maxLength <= 20 ? "p-width-12" : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case "identity":
      return (
        <InputField
          {...common}
          name={field.id}
          inputMode="numeric"
          autoComplete="off"
          className="p-width-12"
          value={text}
          onChange={(e) => onChange(e.target.value.replace(/\s/g, ""))}
        />
      );
    case "number":
      return (
        <InputField
          {...common}
          name={field.id}
          inputMode={field.integer ? "numeric" : "decimal"}
          className="p-width-5"
          value={raw ?? (typeof value === "number" ? String(value) : "")}
          onChange={(e) => {
            const typed = e.target.value.trim();
            const number = /^-?\d+([.,]\d+)?$/.test(typed) ? Number(typed.replace(",", ".")) : null;
            onChange(typed === "" ? null : (number ?? typed), e.target.value);
          }}
        />
      );
    case "date":
      return (
        <InputField
          {...common}
          name={field.id}
          type="date"
          className="p-width-10"
          value={text}
          onChange={(e) => onChange(e.target.value || null)}
        />
      );
    case "select":
      return field.options.length <= RADIO_LIMIT ? (
        <RadioGroup
          {...common}
          legend={label}
          name={field.id}
          choices={field.options.map((o) => ({ value: o.value, label: pick(lang, o.labelVi, o.labelEn) }))}
          value={text}
          onChange={(v) => onChange(v)}
        />
      ) : (
        <SelectField
          {...common}
          name={field.id}
          value={text}
          onChange={(e) => onChange(e.target.value || null)}
        >
          <option value="" />
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {pick(lang, o.labelVi, o.labelEn)}
            </option>
          ))}
        </SelectField>
      );
    case "checkbox":
      return (
        <div className={error ? "p-group p-group-error" : "p-group"}>
          {error ? (
            <p className="p-error" id={`${id}-error`}>
              <span className="visually-hidden">{t("p.errorPrefix")} </span>
              {error}
            </p>
          ) : null}
          <div className="p-choice p-choice-check">
            <input
              type="checkbox"
              id={id}
              name={field.id}
              checked={value === true}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => onChange(e.target.checked)}
            />
            <label htmlFor={id}>{fieldLabel(field, lang)}</label>
          </div>
        </div>
      );
    case "address":
      return (
        <AddressInput
          id={id}
          legend={label}
          hint={hint}
          error={error}
          asHeading={asHeading}
          value={isAddress(value) ? value : null}
          onChange={(a) => onChange(a)}
        />
      );
  }
}

export function isAddress(value: unknown): value is AddressAnswer {
  return !!value && typeof value === "object" && "commune" in value;
}

const EMPTY_ADDRESS: AddressAnswer = { detail: "", commune: "", district: null, province: "" };

/** An address down to the commune, four lines in one fieldset; the first line carries the fieldset's id. */
export function AddressInput({
  id,
  legend,
  hint,
  error,
  asHeading,
  value,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  hint?: string | undefined;
  error?: string | undefined;
  asHeading?: boolean;
  value: AddressAnswer | null;
  onChange: (value: AddressAnswer) => void;
}) {
  const { t } = usePortalI18n();
  const a = value ?? EMPTY_ADDRESS;
  const set = (part: keyof AddressAnswer) => (e: { target: { value: string } }) =>
    onChange({ ...a, [part]: part === "district" ? e.target.value || null : e.target.value });
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={error ? "p-group p-group-error" : "p-group"}>
      <fieldset className="p-fieldset" aria-describedby={describedBy || undefined}>
        <legend className={asHeading ? "p-legend p-legend-l" : "p-legend"}>
          {asHeading ? <h1 className="p-label-wrapper">{legend}</h1> : legend}
        </legend>
        {hint ? (
          <div className="p-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <p className="p-error" id={`${id}-error`}>
            <span className="visually-hidden">{t("p.errorPrefix")} </span>
            {error}
          </p>
        ) : null}
        {(
          [
            ["detail", "p.address.detail", "address-line1"],
            ["commune", "p.address.commune", "address-level3"],
            ["district", "p.address.district", "address-level2"],
            ["province", "p.address.province", "address-level1"],
          ] as const
        ).map(([part, key, autoComplete], index) => {
          const inputId = index === 0 ? id : `${id}-${part}`;
          return (
            <div className="p-group p-group-tight" key={part}>
              <label className="p-label" htmlFor={inputId}>
                {t(key)}
              </label>
              <input
                id={inputId}
                className={`p-input${error ? " p-input-error" : ""}`}
                autoComplete={autoComplete}
                aria-invalid={error && part !== "district" && !a[part] ? true : undefined}
                value={a[part] ?? ""}
                onChange={set(part)}
              />
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
