import { type FormEvent, useEffect, useRef, useState } from "react";
import { api, type Staff } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { SelectField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import type { SupplementItem } from "../../dossier-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { TextArea } from "./action-dialogs.tsx";
import { useFocusFirstField } from "./use-shortcuts.ts";

interface ItemRow {
  key: number;
  include: boolean;
  name: string;
  reason: string;
}

/** Form 02: everything missing, each with its reason, in one request ("đầy đủ một lần"). */
export function SupplementDialog({
  missing,
  error,
  busy,
  onClose,
  onSend,
}: {
  missing: string[];
  error?: string | undefined;
  busy: boolean;
  onClose: () => void;
  onSend: (items: SupplementItem[]) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState<ItemRow[]>(() =>
    (missing.length ? missing : [""]).map((name, i) => ({
      key: i,
      include: true,
      name,
      reason: name ? t("supplement.defaultReason") : "",
    })),
  );
  const [localError, setLocalError] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstField(formRef);

  function set(key: number, patch: Partial<ItemRow>) {
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const items = rows
      .filter((r) => r.include && (r.name.trim() || r.reason.trim()))
      .map((r) => ({ name: r.name.trim(), reason: r.reason.trim() }));
    if (items.length === 0 || items.some((i) => !i.name || !i.reason)) {
      setLocalError(t("supplement.incomplete"));
      return;
    }
    setLocalError(undefined);
    void onSend(items);
  }

  return (
    <Dialog title={t("supplement.title")} onClose={onClose} wide>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <p className="muted">{t("supplement.lead")}</p>
        {localError || error ? <Alert kind="error">{localError ?? error}</Alert> : null}
        <ol className="dos-items">
          {rows.map((r, i) => (
            <li key={r.key} className="dos-item">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={r.include}
                  onChange={(e) => set(r.key, { include: e.target.checked })}
                />
                <span>{t("supplement.include", { n: i + 1 })}</span>
              </label>
              <TextArea
                id={`supplement-name-${r.key}`}
                label={t("supplement.name")}
                value={r.name}
                onChange={(name) => set(r.key, { name })}
                maxLength={300}
                rows={2}
              />
              <TextArea
                id={`supplement-reason-${r.key}`}
                label={t("supplement.reason")}
                value={r.reason}
                onChange={(reason) => set(r.key, { reason })}
                maxLength={1000}
                rows={2}
              />
            </li>
          ))}
        </ol>
        <div>
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              setRows((list) => [...list, { key: Date.now(), include: true, name: "", reason: "" }])
            }
          >
            <Icon name="plus" />
            <span>{t("supplement.add")}</span>
          </button>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("supplement.submit")}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** One reason (refusal, rejection, sending back). */
export function ReasonDialog({
  title,
  lead,
  label,
  submit,
  danger,
  error,
  busy,
  onClose,
  onSend,
  optional,
}: {
  title: string;
  lead?: string;
  label: string;
  submit: string;
  danger?: boolean;
  error?: string | undefined;
  busy: boolean;
  onClose: () => void;
  onSend: (reason: string) => Promise<unknown>;
  optional?: boolean;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const [localError, setLocalError] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstField(formRef);
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!optional && !reason.trim()) {
            setLocalError(t("form.required"));
            return;
          }
          void onSend(reason.trim());
        }}
      >
        {lead ? <p className="muted">{lead}</p> : null}
        {error ? <Alert kind="error">{error}</Alert> : null}
        <div className={localError ? "field has-error" : "field"}>
          <label htmlFor="reason-text">
            {label}
            {optional ? null : (
              <span className="required" aria-hidden="true">
                {" "}
                *
              </span>
            )}
          </label>
          <textarea
            id="reason-text"
            className="input"
            rows={4}
            maxLength={5000}
            required={!optional}
            aria-invalid={localError ? true : undefined}
            aria-describedby={localError ? "reason-error" : undefined}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {localError ? (
            <p className="field-error" id="reason-error">
              <span aria-hidden="true">⚠ </span>
              {localError}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className={danger ? "button button-danger" : "button button-primary"}
            disabled={busy}
          >
            {submit}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Choose the officer of the step's role in the unit (claim, assign, reassign, forward to a person). */
export function AssignDialog({
  title,
  role,
  unitId,
  current,
  error,
  busy,
  onClose,
  onSend,
}: {
  title: string;
  role: string;
  unitId: string;
  current: string | null;
  error?: string | undefined;
  busy: boolean;
  onClose: () => void;
  onSend: (staffId: string) => Promise<unknown>;
}) {
  const { t, lang } = useI18n();
  const [staff, setStaff] = useState<Staff[] | null>(null);
  const [loadError, setLoadError] = useState<string>();
  const [chosen, setChosen] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstField(formRef, staff);

  useEffect(() => {
    api.staff.list(unitId).then(
      (r) => {
        const fit = r.items.filter((s) => s.active && s.roles.includes(role as Staff["roles"][number]));
        setStaff(fit);
        setChosen(fit.find((s) => s.id !== current)?.id ?? "");
      },
      (e: unknown) => setLoadError(errorText(e, lang)),
    );
  }, [unitId, role, current, lang]);

  return (
    <Dialog title={title} onClose={onClose}>
      <form
        ref={formRef}
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen) void onSend(chosen);
        }}
      >
        {error || loadError ? <Alert kind="error">{error ?? loadError}</Alert> : null}
        {staff === null && !loadError ? <p className="muted">{t("common.loading")}</p> : null}
        {staff && staff.length === 0 ? <p className="muted">{t("assign.none")}</p> : null}
        {staff && staff.length > 0 ? (
          <SelectField label={t("assign.staff")} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.fullName}
                {s.position ? ` — ${s.position}` : ""}
                {s.id === current ? ` (${t("assign.current")})` : ""}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || !chosen}>
            {t("assign.submit")}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
