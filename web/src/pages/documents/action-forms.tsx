import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { api } from "../../api.ts";
import { SelectField, TextField } from "../../components/field.tsx";
import type { DocumentDetailT } from "../../documents-api.ts";
import { useDocumentsI18n } from "./documents-i18n.ts";

export function TextArea({
  label,
  value,
  onChange,
  required,
  rows = 3,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
  rows?: number;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className="required" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      <textarea
        id={id}
        className="input"
        rows={rows}
        value={value}
        required={required}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** One action of the document: a titled form whose button runs it; `busy` blocks double submits. */
export function ActionForm({
  title,
  hint,
  button,
  busy,
  danger,
  onRun,
  children,
  testId,
}: {
  title: string;
  hint?: string;
  button: string;
  busy: boolean;
  danger?: boolean;
  onRun: () => void;
  children?: ReactNode;
  testId: string;
}) {
  const headingId = useId();
  return (
    <form
      aria-labelledby={headingId}
      data-testid={testId}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onRun();
      }}
    >
      <h3 id={headingId}>{title}</h3>
      {hint ? <p className="small muted">{hint}</p> : null}
      {children}
      <button
        type="submit"
        className={`button ${danger ? "button-danger-outline" : "button-primary"}`}
        disabled={busy}
      >
        {button}
      </button>
    </form>
  );
}

const MODES = ["head", "KT", "TM", "TUQ", "TL"] as const;
export type SigningModeT = (typeof MODES)[number];

/** The leader's approval and signature: mode (KT., TM., …), whom for, and the signing key's password. */
export function SignForm({
  busy,
  onSign,
}: {
  busy: boolean;
  onSign: (body: { mode: SigningModeT; signingFor?: string; password: string }) => void;
}) {
  const { t } = useDocumentsI18n();
  const [mode, setMode] = useState<SigningModeT>("KT");
  const [signingFor, setSigningFor] = useState("Chủ tịch");
  const [password, setPassword] = useState("");
  return (
    <ActionForm
      title={t("d.act.sign")}
      hint={t("d.act.sign.hint")}
      button={busy ? t("d.act.busy") : t("d.act.sign")}
      busy={busy || !password}
      testId="action-sign"
      onRun={() =>
        onSign({
          mode,
          password,
          ...(mode !== "head" && signingFor.trim() ? { signingFor: signingFor.trim() } : {}),
        })
      }
    >
      <SelectField
        label={t("d.act.mode")}
        value={mode}
        onChange={(e) => setMode(e.target.value as SigningModeT)}
      >
        {MODES.map((m) => (
          <option key={m} value={m}>
            {t(`d.mode.${m}`)}
          </option>
        ))}
      </SelectField>
      {mode !== "head" ? (
        <TextField
          label={t("d.act.signingFor")}
          value={signingFor}
          maxLength={100}
          onChange={(e) => setSigningFor(e.target.value)}
        />
      ) : null}
      <TextField
        type="password"
        autoComplete="off"
        label={t("d.act.password")}
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
    </ActionForm>
  );
}

/** The clerk's issuing: the seal's password and the number of copies; the number comes from the register. */
export function IssueForm({
  busy,
  onIssue,
}: {
  busy: boolean;
  onIssue: (body: { password: string; copies?: number }) => void;
}) {
  const { t } = useDocumentsI18n();
  const [password, setPassword] = useState("");
  const [copies, setCopies] = useState("");
  return (
    <ActionForm
      title={t("d.act.issue")}
      hint={t("d.act.issue.hint")}
      button={busy ? t("d.act.busy") : t("d.act.issue")}
      busy={busy || !password}
      testId="action-issue"
      onRun={() => onIssue({ password, ...(copies ? { copies: Number(copies) } : {}) })}
    >
      <TextField
        type="number"
        label={t("d.act.copies")}
        min={1}
        max={999}
        value={copies}
        onChange={(e) => setCopies(e.target.value)}
      />
      <TextField
        type="password"
        autoComplete="off"
        label={t("d.act.password")}
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
    </ActionForm>
  );
}

/** A form that needs a reason (send back, recall, refuse). */
export function ReasonForm({
  title,
  busy,
  testId,
  onRun,
}: {
  title: string;
  busy: boolean;
  testId: string;
  onRun: (reason: string) => void;
}) {
  const { t } = useDocumentsI18n();
  const [reason, setReason] = useState("");
  return (
    <ActionForm
      title={title}
      button={title}
      danger
      busy={busy || !reason.trim()}
      testId={testId}
      onRun={() => onRun(reason.trim())}
    >
      <TextArea label={t("d.act.reason")} required value={reason} onChange={setReason} />
    </ActionForm>
  );
}

const ROLES = ["lead", "support", "info"] as const;

/** The leader assigns an officer of the unit: lead (chủ trì), support (phối hợp) or for information, with a due date. */
export function AssignForm({
  doc,
  busy,
  onAssign,
}: {
  doc: DocumentDetailT;
  busy: boolean;
  onAssign: (a: { staffId: string; role: (typeof ROLES)[number]; dueOn: string | null }) => void;
}) {
  const { t } = useDocumentsI18n();
  const [officers, setOfficers] = useState<{ id: string; label: string }[]>([]);
  const [staffId, setStaffId] = useState("");
  const [role, setRole] = useState<(typeof ROLES)[number]>("lead");
  const [dueOn, setDueOn] = useState(doc.replyDueOn ?? "");
  useEffect(() => {
    api.staff.list(doc.unitId).then(
      (r) =>
        setOfficers(
          r.items
            .filter((s) => s.active && s.unitId === doc.unitId)
            .map((s) => ({ id: s.id, label: s.position ? `${s.fullName} — ${s.position}` : s.fullName })),
        ),
      () => setOfficers([]),
    );
  }, [doc.unitId]);
  return (
    <ActionForm
      title={t("d.act.assign")}
      button={busy ? t("d.act.busy") : t("d.act.assign")}
      busy={busy || !staffId}
      testId="action-assign"
      onRun={() => onAssign({ staffId, role, dueOn: dueOn || null })}
    >
      <SelectField
        label={t("d.act.assignee")}
        required
        value={staffId}
        onChange={(e) => setStaffId(e.target.value)}
      >
        <option value="">{t("d.act.choose")}</option>
        {officers.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("d.act.assignRole")}
        value={role}
        onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`d.role.${r}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        type="date"
        label={t("d.act.assignDue")}
        value={dueOn}
        onChange={(e) => setDueOn(e.target.value)}
      />
    </ActionForm>
  );
}
