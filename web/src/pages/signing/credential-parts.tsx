import { type FormEvent, type Ref, useId, useRef, useState } from "react";
import { ApiError } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { TextField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { fileBase64, SIGNING_LIMITS, type SigningCredential, signingApi } from "../../signing-api.ts";
import { certificateFileText, formatDay } from "./format.ts";

/** Where a new credential goes: the signed-in official, or a unit (its seal). */
export type CredentialOwner = { kind: "personal" } | { kind: "unit"; unitId: string };

const STATUS_KEYS: Record<SigningCredential["status"], MessageKey> = {
  active: "signing.status.active",
  expired: "signing.status.expired",
  "not-yet-valid": "signing.status.not-yet-valid",
  revoked: "signing.status.revoked",
};

export function CredentialTable({
  items,
  caption,
  onRevoke,
}: {
  items: SigningCredential[];
  caption: string;
  onRevoke?: ((credential: SigningCredential) => void) | undefined;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="credential-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("signing.col.certificate")}</th>
            <th scope="col">{t("signing.col.validity")}</th>
            <th scope="col">{t("signing.col.status")}</th>
            {onRevoke ? (
              <th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} data-credential={c.id}>
              <td>
                <span className="strong">{c.label}</span>
                <span className="cell-sub">{c.subject}</span>
                <span className="cell-sub">{t("signing.issuedBy", { issuer: c.issuer })}</span>
                <span className="cell-sub">
                  {t(c.storage === "p12" ? "signing.kind.p12" : "signing.kind.external")}
                </span>
              </td>
              <td>{t("signing.validity", { from: formatDay(c.notBefore), to: formatDay(c.notAfter) })}</td>
              <td>
                <span className={`badge ${c.status === "active" ? "badge-ok" : "badge-muted"}`}>
                  {t(STATUS_KEYS[c.status])}
                </span>
                {c.testPki ? <span className="badge badge-warn">{t("signing.testPki")}</span> : null}
              </td>
              {onRevoke ? (
                <td>
                  {c.status !== "revoked" ? (
                    <button
                      type="button"
                      className="button button-small button-danger-outline"
                      onClick={() => onRevoke(c)}
                      aria-label={t("signing.revoke.aria", { label: c.label })}
                    >
                      <Icon name="close" />
                      <span aria-hidden="true">{t("signing.revoke")}</span>
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FileField({
  label,
  hint,
  accept,
  error,
  inputRef,
  onChange,
}: {
  label: string;
  hint?: string;
  accept: string;
  error: string | undefined;
  inputRef: Ref<HTMLInputElement>;
  onChange: () => void;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={id}>
        {label}
        <span className="required" aria-hidden="true">
          {" "}
          *
        </span>
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept={accept}
        required
        className="sig-file-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={onChange}
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

function ownerFields(owner: CredentialOwner) {
  return owner.kind === "unit"
    ? { owner: "unit" as const, unitId: owner.unitId }
    : { owner: "personal" as const };
}

/** Upload of a PKCS#12 file with its password; the server checks and seals it. */
export function P12Form({
  owner,
  title,
  onAdded,
}: {
  owner: CredentialOwner;
  title: string;
  onAdded: (credential: SigningCredential) => void;
}) {
  const { t, lang } = useI18n();
  const fileRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState("");
  const [label, setLabel] = useState("");
  const [errors, setErrors] = useState<{ file?: string; password?: string }>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const headingId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    const found = {
      ...(!file
        ? { file: t("signing.file.required") }
        : file.size > SIGNING_LIMITS.p12Bytes
          ? { file: t("signing.file.tooLarge") }
          : {}),
      ...(password ? {} : { password: t("signing.password.required") }),
    };
    setErrors(found);
    if (found.file) fileRef.current?.focus();
    else if (found.password) passwordRef.current?.focus();
    if (!file || Object.keys(found).length > 0) return;
    setBusy(true);
    setFormError(undefined);
    try {
      const added = await signingApi.addCredential({
        kind: "p12",
        ...ownerFields(owner),
        p12: await fileBase64(file),
        password,
        ...(label.trim() ? { label: label.trim() } : {}),
      });
      setPassword("");
      setLabel("");
      if (fileRef.current) fileRef.current.value = "";
      onAdded(added);
    } catch (e) {
      if (e instanceof ApiError && e.code === "WRONG_P12_PASSWORD") {
        setErrors({ password: errorText(e, lang) });
        passwordRef.current?.focus();
      } else setFormError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="muted">{t("signing.add.p12.text")}</p>
      {formError ? <Alert kind="error">{formError}</Alert> : null}
      <form className="form" onSubmit={submit} noValidate>
        <FileField
          label={t("signing.file")}
          accept=".p12,.pfx,application/x-pkcs12"
          error={errors.file}
          inputRef={fileRef}
          onChange={() => setErrors((e) => ({ ...e, file: undefined }))}
        />
        <TextField
          ref={passwordRef}
          label={t("signing.password")}
          hint={t("signing.password.hint")}
          type="password"
          autoComplete="off"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        <TextField
          label={t("signing.label")}
          value={label}
          maxLength={200}
          onChange={(e) => setLabel(e.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            <Icon name="upload" />
            <span>{t("signing.add.submit")}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

/** Registration of a bare certificate whose key stays on a token or at a remote signing service. */
export function CertificateForm({
  owner,
  onAdded,
}: {
  owner: CredentialOwner;
  onAdded: (credential: SigningCredential) => void;
}) {
  const { t, lang } = useI18n();
  const fileRef = useRef<HTMLInputElement>(null);
  const [label, setLabel] = useState("");
  const [fileError, setFileError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const headingId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError(t("signing.certificate.required"));
      fileRef.current?.focus();
      return;
    }
    setBusy(true);
    setFormError(undefined);
    try {
      const added = await signingApi.addCredential({
        kind: "certificate",
        ...ownerFields(owner),
        certificate: await certificateFileText(file),
        ...(label.trim() ? { label: label.trim() } : {}),
      });
      setLabel("");
      if (fileRef.current) fileRef.current.value = "";
      onAdded(added);
    } catch (e) {
      setFormError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("signing.add.token")}</h2>
      <p className="muted">{t("signing.add.token.text")}</p>
      {formError ? <Alert kind="error">{formError}</Alert> : null}
      <form className="form" onSubmit={submit} noValidate>
        <FileField
          label={t("signing.certificate")}
          accept=".cer,.crt,.pem,.der,application/pkix-cert,application/x-x509-ca-cert"
          error={fileError}
          inputRef={fileRef}
          onChange={() => setFileError(undefined)}
        />
        <TextField
          label={t("signing.label")}
          value={label}
          maxLength={200}
          onChange={(e) => setLabel(e.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            <Icon name="key" />
            <span>{t("signing.token.submit")}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

export function RevokeDialog({
  credential,
  onClose,
  onRevoked,
}: {
  credential: SigningCredential;
  onClose: () => void;
  onRevoked: (credential: SigningCredential) => void;
}) {
  const { t, lang } = useI18n();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function revoke(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onRevoked(
        await signingApi.revokeCredential(credential.id, {
          version: credential.version,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        }),
      );
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t("signing.revoke.title", { label: credential.label })} onClose={onClose}>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <form className="form" onSubmit={revoke} noValidate>
        <p>{t("signing.revoke.text")}</p>
        <TextField
          label={t("signing.revoke.reason")}
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button button-danger" disabled={busy}>
            {t("signing.revoke.submit")}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
