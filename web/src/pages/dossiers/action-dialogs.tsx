import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { api, type PublicUnitT, type Staff } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import type { DossierDetail, FileBrief, ReturnBody, TransferReturnBody } from "../../dossier-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { byVietnameseName } from "../../lib/text.ts";
import { FileUpload } from "./file-upload.tsx";
import { instantToLocal, KIND_LABELS, localToInstant, todayLocal } from "./labels.ts";
import { useFocusFirstField } from "./use-shortcuts.ts";

/** A dialog holding one form: its fields, the server's error, and submit/cancel. */
export function ActionDialog({
  title,
  lead,
  submit,
  danger,
  busy,
  error,
  onClose,
  onSubmit,
  children,
  wide,
}: {
  title: string;
  lead?: string;
  submit: string;
  danger?: boolean;
  busy: boolean;
  error?: string | undefined;
  onClose: () => void;
  onSubmit: () => void;
  children?: ReactNode;
  wide?: boolean;
}) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstField(formRef);
  return (
    <Dialog title={title} onClose={onClose} wide={wide}>
      <form
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {lead ? <p className="muted">{lead}</p> : null}
        {error ? <Alert kind="error">{error}</Alert> : null}
        {children}
        <div className="form-actions">
          <button
            type="submit"
            className={danger ? "button button-danger" : "button button-primary"}
            disabled={busy}
            data-testid="dialog-submit"
          >
            {busy ? t("reception.sending") : submit}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface Common {
  busy: boolean;
  error?: string | undefined;
  onClose: () => void;
}

/** A labelled multi-line field whose hint and error are tied to it for assistive technology. */
export function TextArea({
  id,
  label,
  value,
  onChange,
  required,
  error,
  hint,
  rows = 3,
  maxLength = 5000,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
  error?: string | undefined;
  hint?: string;
  rows?: number;
  maxLength?: number;
}) {
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className="required" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        className="input"
        rows={rows}
        maxLength={maxLength}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
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

/** A yes/no confirmation (accept at the desk, close after the 15 days, claim). */
export function ConfirmDialog({
  title,
  text,
  submit,
  danger,
  busy,
  error,
  onClose,
  onConfirm,
}: Common & { title: string; text: string; submit: string; danger?: boolean; onConfirm: () => void }) {
  return (
    <ActionDialog
      title={title}
      submit={submit}
      danger={danger}
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={onConfirm}
    >
      <p>{text}</p>
    </ActionDialog>
  );
}

/** Approve with an optional note, or forward to the next step (optionally to a person). */
export function NoteActionDialog({
  title,
  lead,
  submit,
  busy,
  error,
  onClose,
  onSend,
  assignee,
  draftUpload,
}: Common & {
  title: string;
  lead?: string;
  submit: string;
  onSend: (note: string | null, assigneeId: string | null, draftFileId: string | null) => void;
  /** Offer a person for the next step (leaders, who may read the staff list). */
  assignee?: { unitId: string; role: string } | null;
  /** To the leader's step: the drafted result (one PDF) the leader signs. */
  draftUpload?: boolean;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState("");
  const [draft, setDraft] = useState<FileBrief[]>([]);
  const [uploading, setUploading] = useState(false);
  const [staff, setStaff] = useState<Staff[]>([]);
  const [chosen, setChosen] = useState("");
  useEffect(() => {
    if (!assignee) return;
    api.staff.list(assignee.unitId).then(
      (r) =>
        setStaff(
          r.items.filter((s) => s.active && s.roles.includes(assignee.role as Staff["roles"][number])),
        ),
      () => setStaff([]),
    );
  }, [assignee]);
  return (
    <ActionDialog
      title={title}
      lead={lead}
      submit={submit}
      busy={busy || uploading}
      error={error}
      onClose={onClose}
      onSubmit={() => onSend(note.trim() || null, chosen || null, draft[0]?.id ?? null)}
    >
      {draftUpload ? (
        <FileUpload
          label={t("signResult.draftField")}
          files={draft}
          onChange={setDraft}
          multiple={false}
          accept="application/pdf"
          onBusy={setUploading}
        />
      ) : null}
      {staff.length > 0 ? (
        <SelectField label={t("forward.assignee")} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t("forward.assignee.role")}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.fullName}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextArea id="action-note" label={t("action.noteField")} value={note} onChange={setNote} />
    </ActionDialog>
  );
}

/** Form 04: the reason and the new appointment, at least a day before the due date; once only. */
export function ApologyDialog({
  dossier,
  busy,
  error,
  onClose,
  onSend,
}: Common & {
  dossier: DossierDetail;
  onSend: (body: { reason: string; newAppointment: string; documentNumber: string | null }) => void;
}) {
  const { t } = useI18n();
  const suggested = useMemo(() => {
    const base = dossier.appointmentAt ?? dossier.dueAt;
    if (!base) return "";
    return instantToLocal(new Date(new Date(base).getTime() + 3 * 86_400_000).toISOString());
  }, [dossier]);
  const [reason, setReason] = useState("");
  const [when, setWhen] = useState(suggested);
  const [number, setNumber] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; when?: string }>({});
  return (
    <ActionDialog
      title={t("apology.title")}
      lead={t("apology.lead")}
      submit={t("apology.submit")}
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={() => {
        const instant = localToInstant(when);
        const found = {
          ...(reason.trim() ? {} : { reason: t("form.required") }),
          ...(instant ? {} : { when: t("form.required") }),
        };
        setErrors(found);
        if (instant && reason.trim()) {
          onSend({ reason: reason.trim(), newAppointment: instant, documentNumber: number.trim() || null });
        }
      }}
    >
      <TextArea
        id="apology-reason"
        label={t("apology.reason")}
        value={reason}
        onChange={setReason}
        required
        error={errors.reason}
      />
      <TextField
        label={t("apology.newAppointment")}
        hint={t("apology.newAppointment.hint")}
        type="datetime-local"
        value={when}
        onChange={(e) => setWhen(e.target.value)}
        error={errors.when}
        required
      />
      <TextField
        label={t("apology.documentNumber")}
        hint={t("apology.documentNumber.hint")}
        value={number}
        onChange={(e) => setNumber(e.target.value)}
        maxLength={60}
      />
    </ActionDialog>
  );
}

/** Form 05: the reason, what the stop rests on, fees to refund, the notice's number. */
export function StopDialog({
  busy,
  error,
  onClose,
  onSend,
}: Common & {
  onSend: (body: {
    reason: string;
    basis: string;
    fees: string | null;
    documentNumber: string | null;
  }) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const [basis, setBasis] = useState("");
  const [fees, setFees] = useState("");
  const [number, setNumber] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; basis?: string }>({});
  return (
    <ActionDialog
      title={t("stop.title")}
      lead={t("stop.lead")}
      submit={t("stop.submit")}
      danger
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={() => {
        const found = {
          ...(reason.trim() ? {} : { reason: t("form.required") }),
          ...(basis.trim() ? {} : { basis: t("form.required") }),
        };
        setErrors(found);
        if (reason.trim() && basis.trim()) {
          onSend({
            reason: reason.trim(),
            basis: basis.trim(),
            fees: fees.trim() || null,
            documentNumber: number.trim() || null,
          });
        }
      }}
    >
      <TextArea
        id="stop-reason"
        label={t("stop.reason")}
        value={reason}
        onChange={setReason}
        required
        error={errors.reason}
      />
      <TextArea
        id="stop-basis"
        label={t("stop.basis")}
        hint={t("stop.basis.hint")}
        value={basis}
        onChange={setBasis}
        required
        error={errors.basis}
        rows={2}
      />
      <TextField
        label={t("stop.fees")}
        value={fees}
        onChange={(e) => setFees(e.target.value)}
        maxLength={300}
      />
      <TextField
        label={t("apology.documentNumber")}
        value={number}
        onChange={(e) => setNumber(e.target.value)}
        maxLength={60}
      />
    </ActionDialog>
  );
}

/** The result document: number, date, signer and the scanned or signed file. */
export function ResultDialog({
  busy,
  error,
  onClose,
  onSend,
}: Common & {
  onSend: (body: { number: string; signedOn: string; signer: string; fileId: string | null }) => void;
}) {
  const { t } = useI18n();
  const [number, setNumber] = useState("");
  const [signedOn, setSignedOn] = useState(todayLocal());
  const [signer, setSigner] = useState("");
  const [files, setFiles] = useState<FileBrief[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<{ number?: string; signedOn?: string; signer?: string }>({});
  return (
    <ActionDialog
      title={t("result.title")}
      lead={t("result.lead")}
      submit={t("result.submit")}
      busy={busy || uploading}
      error={error}
      onClose={onClose}
      onSubmit={() => {
        const found = {
          ...(number.trim() ? {} : { number: t("form.required") }),
          ...(/^\d{4}-\d{2}-\d{2}$/.test(signedOn) ? {} : { signedOn: t("form.required") }),
          ...(signer.trim() ? {} : { signer: t("form.required") }),
        };
        setErrors(found);
        if (Object.keys(found).length === 0) {
          onSend({ number: number.trim(), signedOn, signer: signer.trim(), fileId: files[0]?.id ?? null });
        }
      }}
    >
      <div className="form-grid">
        <TextField
          label={t("result.number")}
          hint={t("result.number.hint")}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          error={errors.number}
          required
          maxLength={60}
        />
        <TextField
          label={t("result.signedOn")}
          type="date"
          value={signedOn}
          onChange={(e) => setSignedOn(e.target.value)}
          error={errors.signedOn}
          required
        />
        <TextField
          label={t("result.signer")}
          hint={t("result.signer.hint")}
          value={signer}
          onChange={(e) => setSigner(e.target.value)}
          error={errors.signer}
          required
          maxLength={300}
        />
      </div>
      <FileUpload
        label={t("result.file")}
        files={files}
        onChange={setFiles}
        multiple={false}
        onBusy={setUploading}
      />
    </ActionDialog>
  );
}

/** Transfer (liên thông) to another unit or agency, with the reason. */
export function TransferDialog({
  dossier,
  busy,
  error,
  onClose,
  onSend,
}: Common & { dossier: DossierDetail; onSend: (body: { unitCode: string; reason: string }) => void }) {
  const { t } = useI18n();
  const [units, setUnits] = useState<{ offering: PublicUnitT[]; others: PublicUnitT[] } | null>(null);
  const [unit, setUnit] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ unit?: string; reason?: string }>({});
  useEffect(() => {
    Promise.all([api.units.publicList(), api.catalog.detail(dossier.procedure.id).catch(() => null)]).then(
      ([all, procedure]) => {
        const offering = new Set((procedure?.offeredBy ?? []).map((u) => u.id));
        const candidates = byVietnameseName(all.items.filter((u) => u.id !== dossier.currentUnit.id));
        // Units that offer the procedure first (agencies before communes): the server refuses the others.
        const byKind = (list: PublicUnitT[]) => [
          ...list.filter((u) => u.kind === "agency"),
          ...list.filter((u) => u.kind !== "agency"),
        ];
        setUnits({
          offering: byKind(candidates.filter((u) => offering.has(u.id))),
          others: byKind(candidates.filter((u) => !offering.has(u.id))),
        });
      },
      () => setUnits({ offering: [], others: [] }),
    );
  }, [dossier.currentUnit.id, dossier.procedure.id]);
  return (
    <ActionDialog
      title={t("transfer.title")}
      lead={t("transfer.lead")}
      submit={t("transfer.submit")}
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={() => {
        const found = {
          ...(unit ? {} : { unit: t("form.required") }),
          ...(reason.trim() ? {} : { reason: t("form.required") }),
        };
        setErrors(found);
        if (unit && reason.trim()) onSend({ unitCode: unit, reason: reason.trim() });
      }}
    >
      <SelectField
        label={t("transfer.unit")}
        value={unit}
        onChange={(e) => setUnit(e.target.value)}
        error={errors.unit}
        required
      >
        <option value="">{units === null ? t("common.loading") : t("transfer.unit.choose")}</option>
        {units && units.offering.length > 0 ? (
          <optgroup label={t("transfer.unit.offering")}>
            {units.offering.map((u) => (
              <option key={u.id} value={u.code}>
                {u.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {units && units.others.length > 0 ? (
          <optgroup label={t("transfer.unit.others")}>
            {units.others.map((u) => (
              <option key={u.id} value={u.code}>
                {u.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </SelectField>
      <TextArea
        id="transfer-reason"
        label={t("transfer.reason")}
        hint={t("transfer.reason.hint")}
        value={reason}
        onChange={setReason}
        required
        error={errors.reason}
      />
    </ActionDialog>
  );
}

/** The receiving unit hands the dossier back: its part is done, or its leader decided. */
export function TransferReturnDialog({
  version,
  busy,
  error,
  onClose,
  onSend,
}: Common & { version: number; onSend: (body: TransferReturnBody) => void }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<TransferReturnBody["outcome"]>("continue");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [reasonError, setReasonError] = useState<string>();
  const options: { value: TransferReturnBody["outcome"]; label: string }[] = [
    { value: "continue", label: t("transferReturn.continue") },
    { value: "approved", label: t("transferReturn.approved") },
    { value: "rejected", label: t("transferReturn.rejected") },
  ];
  return (
    <ActionDialog
      title={t("transferReturn.title")}
      lead={t("transferReturn.lead")}
      submit={t("transferReturn.submit")}
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={() => {
        if (outcome === "rejected" && !reason.trim()) {
          setReasonError(t("form.required"));
          return;
        }
        onSend({
          version,
          outcome,
          reason: reason.trim() || null,
          note: note.trim() || null,
        });
      }}
    >
      <fieldset className="fieldset">
        <legend className="field-label">{t("transferReturn.outcome")}</legend>
        <div className="dos-radios">
          {options.map((o) => (
            <label key={o.value} className="checkbox">
              <input
                type="radio"
                name="transfer-outcome"
                value={o.value}
                checked={outcome === o.value}
                onChange={() => setOutcome(o.value)}
              />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
      {outcome === "rejected" ? (
        <TextArea
          id="transfer-return-reason"
          label={t("transferReturn.reason")}
          value={reason}
          onChange={setReason}
          required
          error={reasonError}
        />
      ) : null}
      <TextArea id="transfer-return-note" label={t("action.noteField")} value={note} onChange={setNote} />
    </ActionDialog>
  );
}

/** Return at the counter (who signed), hand to the post (tracking number) or publish online. */
export function ReturnDialog({
  dossier,
  busy,
  error,
  onClose,
  onSend,
}: Common & { dossier: DossierDetail; onSend: (body: ReturnBody) => void }) {
  const { t } = useI18n();
  const [method, setMethod] = useState<ReturnBody["method"]>(dossier.returnMethod);
  const [signedBy, setSignedBy] = useState(dossier.applicant.representative?.name ?? dossier.applicant.name);
  const [tracking, setTracking] = useState("");
  const [files, setFiles] = useState<FileBrief[]>([]);
  const [uploading, setUploading] = useState(false);
  const [fieldError, setFieldError] = useState<string>();
  const methods: { value: ReturnBody["method"]; label: string }[] = [
    { value: "counter", label: t("return.counter") },
    { value: "post", label: t("return.post") },
    { value: "online", label: t("return.online") },
  ];
  return (
    <ActionDialog
      title={t("return.title")}
      lead={dossier.status === "rejected" ? t("return.lead.rejected") : t("return.lead")}
      submit={t("return.submit")}
      busy={busy || uploading}
      error={error}
      onClose={onClose}
      onSubmit={() => {
        const v = dossier.version;
        if (method === "counter") {
          if (!signedBy.trim()) return setFieldError(t("form.required"));
          onSend({ method, version: v, signedBy: signedBy.trim(), signatureFileId: files[0]?.id ?? null });
        } else if (method === "post") {
          if (!tracking.trim()) return setFieldError(t("form.required"));
          onSend({ method, version: v, trackingNumber: tracking.trim() });
        } else {
          onSend({ method, version: v });
        }
      }}
    >
      <fieldset className="fieldset">
        <legend className="field-label">{t("return.method")}</legend>
        <div className="dos-radios">
          {methods.map((m) => (
            <label key={m.value} className="checkbox">
              <input
                type="radio"
                name="return-method"
                checked={method === m.value}
                onChange={() => {
                  setMethod(m.value);
                  setFieldError(undefined);
                }}
              />
              {m.label}
            </label>
          ))}
        </div>
      </fieldset>
      {method === "counter" ? (
        <>
          <TextField
            label={t("return.signedBy")}
            hint={t("return.signedBy.hint")}
            value={signedBy}
            onChange={(e) => setSignedBy(e.target.value)}
            error={fieldError}
            required
            maxLength={300}
          />
          <FileUpload
            label={t("return.signature")}
            files={files}
            onChange={setFiles}
            multiple={false}
            onBusy={setUploading}
          />
        </>
      ) : null}
      {method === "post" ? (
        <TextField
          label={t("return.tracking")}
          hint={
            dossier.deliveryAddress
              ? t("return.tracking.hint", { address: dossier.deliveryAddress })
              : undefined
          }
          value={tracking}
          onChange={(e) => setTracking(e.target.value)}
          error={fieldError}
          required
          maxLength={60}
        />
      ) : null}
      {method === "online" ? <p className="muted">{t("return.online.text")}</p> : null}
    </ActionDialog>
  );
}

interface PaperRow {
  key: number;
  name: string;
  kind: "original" | "copy" | "certified_copy" | "electronic";
  count: string;
  files: FileBrief[];
}

/** The applicant brought what was asked: the papers (each with scans) and a note. */
export function SupplementReceivedDialog({
  dossier,
  busy,
  error,
  onClose,
  onSend,
}: Common & {
  dossier: DossierDetail;
  onSend: (body: {
    components: { name: string; kind: PaperRow["kind"]; count: number; fileIds?: string[] }[];
    note: string | null;
  }) => void;
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState<PaperRow[]>(() =>
    (dossier.supplementItems.length ? dossier.supplementItems.map((i) => i.name) : [""]).map((name, i) => ({
      key: i,
      name,
      kind: "copy",
      count: "1",
      files: [],
    })),
  );
  const [note, setNote] = useState("");
  const [uploading, setUploading] = useState(0);
  const [localError, setLocalError] = useState<string>();
  const set = (key: number, patch: Partial<PaperRow>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <ActionDialog
      title={t("supplementReceived.title")}
      lead={t("supplementReceived.lead")}
      submit={t("supplementReceived.submit")}
      busy={busy || uploading > 0}
      error={localError ?? error}
      onClose={onClose}
      wide
      onSubmit={() => {
        const filled = rows.filter((r) => r.name.trim());
        if (filled.length === 0 || filled.some((r) => !(Number(r.count) >= 1 && Number(r.count) <= 99))) {
          setLocalError(t("reception.papers.invalid"));
          return;
        }
        onSend({
          components: filled.map((r) => ({
            name: r.name.trim(),
            kind: r.kind,
            count: Number(r.count),
            ...(r.files.length ? { fileIds: r.files.map((f) => f.id) } : {}),
          })),
          note: note.trim() || null,
        });
      }}
    >
      <ol className="dos-items">
        {rows.map((r, i) => (
          <li key={r.key} className="dos-item">
            <TextField
              label={t("supplementReceived.paper", { n: i + 1 })}
              value={r.name}
              onChange={(e) => set(r.key, { name: e.target.value })}
              maxLength={300}
            />
            <div className="dos-item-meta">
              <SelectField
                label={t("supplementReceived.kind")}
                value={r.kind}
                onChange={(e) => set(r.key, { kind: e.target.value as PaperRow["kind"] })}
              >
                {(["original", "copy", "certified_copy", "electronic"] as const).map((k) => (
                  <option key={k} value={k}>
                    {t(KIND_LABELS[k] ?? "paper.copy")}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t("supplementReceived.count")}
                type="number"
                min={1}
                max={99}
                value={r.count}
                onChange={(e) => set(r.key, { count: e.target.value })}
              />
            </div>
            <FileUpload
              label={t("supplementReceived.scan")}
              files={r.files}
              onChange={(files) => set(r.key, { files })}
              onBusy={(b) => setUploading((n) => n + (b ? 1 : -1))}
            />
          </li>
        ))}
      </ol>
      <div>
        <button
          type="button"
          className="button button-small"
          onClick={() =>
            setRows((list) => [...list, { key: Date.now(), name: "", kind: "copy", count: "1", files: [] }])
          }
        >
          <Icon name="plus" />
          <span>{t("reception.papers.add")}</span>
        </button>
      </div>
      <TextArea id="supplement-note" label={t("action.noteField")} value={note} onChange={setNote} rows={2} />
    </ActionDialog>
  );
}
