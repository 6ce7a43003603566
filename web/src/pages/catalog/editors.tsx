import { type ReactNode, useId } from "react";
import type { ProcedureDetail } from "../../api.ts";
import { useIssue } from "./issues.ts";

/**
 * The parts of a procedure document and the fields their editors share. The editors (time-editor, component-editor,
 * fee-editor, workflow-editor, case-editor) each take a value and report a new one; problems the server found are
 * shown next to the field whose path they name (IssueContext), so an officer sees, for example, that step 2's role
 * does not exist.
 */
export type Doc = ProcedureDetail["document"];
export type Comp = Doc["components"][number];
export type Fee = Doc["fees"][number];
export type Case = Doc["cases"][number];
export type Step = Doc["workflow"][number];
export type PTime = Doc["processingTime"];
export type Limit = PTime["standard"];

/** What every editor of one part of the document takes: the part, where to report a change, its document path. */
export interface PartEditorProps<T> {
  value: T;
  onChange: (v: T) => void;
  path: string;
}

export const WORKFLOW_ROLES = ["reception", "specialist", "leader", "clerk"] as const;

export function toInt(text: string): number {
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

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="cat-subsection">
      <h5>{title}</h5>
      {children}
    </div>
  );
}
