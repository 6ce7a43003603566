import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/**
 * Form fields in the GOV.UK pattern: label, hint, then the error (prefixed for screen readers) right above the
 * input, all tied to it by aria-describedby. Ids are given by the page, so that the error summary can link to
 * each field.
 */
interface Common {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Screen-reader prefix of the error ("Lỗi:"). */
  errorPrefix: string;
  /** Page-sized label: the field is the page's one question. */
  asHeading?: boolean;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <div className="p-hint" id={`${id}-hint`}>
      {hint}
    </div>
  ) : null;
}

function ErrorLine({ id, error, prefix }: { id: string; error?: string | undefined; prefix: string }) {
  return error ? (
    <p className="p-error" id={`${id}-error`}>
      <span className="visually-hidden">{prefix} </span>
      {error}
    </p>
  ) : null;
}

function Label({ id, label, asHeading }: { id: string; label: ReactNode; asHeading?: boolean | undefined }) {
  const node = (
    <label className={asHeading ? "p-label p-label-l" : "p-label"} htmlFor={id}>
      {label}
    </label>
  );
  return asHeading ? <h1 className="p-label-wrapper">{node}</h1> : node;
}

type InputProps = Common & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "children">;

export function InputField({
  id,
  label,
  hint,
  error,
  errorPrefix,
  asHeading,
  className,
  ...input
}: InputProps) {
  return (
    <div className={error ? "p-group p-group-error" : "p-group"}>
      <Label id={id} label={label} asHeading={asHeading} />
      <Hint id={id} hint={hint} />
      <ErrorLine id={id} error={error} prefix={errorPrefix} />
      <input
        id={id}
        className={`p-input${error ? " p-input-error" : ""}${className ? ` ${className}` : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </div>
  );
}

type TextAreaProps = Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "children">;

export function TextAreaField({ id, label, hint, error, errorPrefix, asHeading, ...area }: TextAreaProps) {
  return (
    <div className={error ? "p-group p-group-error" : "p-group"}>
      <Label id={id} label={label} asHeading={asHeading} />
      <Hint id={id} hint={hint} />
      <ErrorLine id={id} error={error} prefix={errorPrefix} />
      <textarea
        id={id}
        className={`p-input p-textarea${error ? " p-input-error" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        rows={5}
        {...area}
      />
    </div>
  );
}

type SelectProps = Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & { children: ReactNode };

export function SelectField({
  id,
  label,
  hint,
  error,
  errorPrefix,
  asHeading,
  children,
  ...select
}: SelectProps) {
  return (
    <div className={error ? "p-group p-group-error" : "p-group"}>
      <Label id={id} label={label} asHeading={asHeading} />
      <Hint id={id} hint={hint} />
      <ErrorLine id={id} error={error} prefix={errorPrefix} />
      <select
        id={id}
        className={`p-input p-select${error ? " p-input-error" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

export interface Choice {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface ChoicesProps {
  /** The id of the group; the first option's input gets it, so that the error summary lands there. */
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  errorPrefix: string;
  asHeading?: boolean;
  choices: readonly Choice[];
}

function Legend({ legend, asHeading }: { legend: ReactNode; asHeading?: boolean | undefined }) {
  return (
    <legend className={asHeading ? "p-legend p-legend-l" : "p-legend"}>
      {asHeading ? <h1 className="p-label-wrapper">{legend}</h1> : legend}
    </legend>
  );
}

/** One answer among a few (radios). */
export function RadioGroup({
  id,
  name,
  legend,
  hint,
  error,
  errorPrefix,
  asHeading,
  choices,
  value,
  onChange,
}: ChoicesProps & { value: string; onChange: (value: string) => void }) {
  return (
    <div className={error ? "p-group p-group-error" : "p-group"}>
      <fieldset className="p-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <Legend legend={legend} asHeading={asHeading} />
        <Hint id={id} hint={hint} />
        <ErrorLine id={id} error={error} prefix={errorPrefix} />
        <div className="p-choices">
          {choices.map((c, i) => {
            const inputId = i === 0 ? id : `${id}-${i}`;
            return (
              <div className="p-choice" key={c.value}>
                <input
                  type="radio"
                  id={inputId}
                  name={name}
                  value={c.value}
                  checked={value === c.value}
                  onChange={() => onChange(c.value)}
                  aria-describedby={c.hint ? `${inputId}-item-hint` : undefined}
                />
                <label htmlFor={inputId}>{c.label}</label>
                {c.hint ? (
                  <div className="p-choice-hint" id={`${inputId}-item-hint`}>
                    {c.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** Any number of answers (checkboxes). */
export function CheckboxGroup({
  id,
  name,
  legend,
  hint,
  error,
  errorPrefix,
  asHeading,
  choices,
  values,
  onChange,
}: ChoicesProps & { values: readonly string[]; onChange: (values: string[]) => void }) {
  return (
    <div className={error ? "p-group p-group-error" : "p-group"}>
      <fieldset className="p-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <Legend legend={legend} asHeading={asHeading} />
        <Hint id={id} hint={hint} />
        <ErrorLine id={id} error={error} prefix={errorPrefix} />
        <div className="p-choices">
          {choices.map((c, i) => {
            const inputId = i === 0 ? id : `${id}-${i}`;
            const checked = values.includes(c.value);
            return (
              <div className="p-choice p-choice-check" key={c.value}>
                <input
                  type="checkbox"
                  id={inputId}
                  name={name}
                  value={c.value}
                  checked={checked}
                  onChange={() =>
                    onChange(checked ? values.filter((v) => v !== c.value) : [...values, c.value])
                  }
                />
                <label htmlFor={inputId}>{c.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
