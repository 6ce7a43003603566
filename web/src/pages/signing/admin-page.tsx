import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from "react";
import { api, type Unit } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { byVietnameseName } from "../../lib/text.ts";
import { buildTree, flatten } from "../../lib/tree.ts";
import { mayUse } from "../../nav.ts";
import { useMe } from "../../session.tsx";
import { type SigningCredential, signingApi, type TrustedRoot } from "../../signing-api.ts";
import { CertificateForm, CredentialTable, P12Form, RevokeDialog } from "./credential-parts.tsx";
import { certificateFileText, formatDay, groupedHex } from "./format.ts";
import "./signing.css";

/**
 * Administration of signing: the seal certificates of the units one manages (the clerk keeps the agency's, as
 * Decree 30/2020 has them keep the seal) and, for the system administrator, the roots trusted in verification.
 */
export function SigningAdminPage() {
  const { t } = useI18n();
  const me = useMe();
  const [notice, setNotice] = useState<string>();
  return (
    <>
      <PageHeading title={t("signingAdmin.title")} lead={t("signingAdmin.lead")} />
      <div className="stack">
        {notice ? (
          <Alert kind="success">
            <span data-testid="notice">{notice}</span>
          </Alert>
        ) : null}
        {mayUse(me.permissions, "signing.manage") ? <UnitSeals onNotice={setNotice} /> : null}
        {mayUse(me.permissions, "signing.trust") ? <TrustedRoots onNotice={setNotice} /> : null}
      </div>
    </>
  );
}

function UnitSeals({ onNotice }: { onNotice: (text: string) => void }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const [units, setUnits] = useState<{ item: Unit; depth: number }[]>([]);
  const [unitId, setUnitId] = useState(me.unit.id);
  const [items, setItems] = useState<SigningCredential[] | null>(null);
  const [error, setError] = useState<string>();
  const [revoking, setRevoking] = useState<SigningCredential | null>(null);

  useEffect(() => {
    api.units.list().then(
      (r) => setUnits(flatten(buildTree(byVietnameseName(r.items)))),
      (e: unknown) => setError(errorText(e, lang)),
    );
  }, [lang]);

  const load = useCallback(async () => {
    setItems(null);
    try {
      setItems((await signingApi.unitCredentials(unitId)).items);
      setError(undefined);
    } catch (e) {
      setError(errorText(e, lang));
    }
  }, [unitId, lang]);

  useEffect(() => {
    void load();
  }, [load]);

  const unitName = units.find((u) => u.item.id === unitId)?.item.name ?? me.unit.name;
  const added = (c: SigningCredential) => {
    onNotice(t("signing.added", { label: c.label }));
    void load();
  };
  return (
    <>
      <section className="panel" aria-labelledby="seals-title">
        <div className="panel-toolbar">
          <h2 id="seals-title">{t("signingAdmin.seals")}</h2>
          {units.length > 1 ? (
            <div className="toolbar-field">
              <SelectField
                label={t("signingAdmin.unit")}
                value={unitId}
                onChange={(e) => setUnitId(e.target.value)}
              >
                {units.map(({ item, depth }) => (
                  <option key={item.id} value={item.id}>
                    {`${"\u00a0\u00a0".repeat(depth)}${item.name}`}
                  </option>
                ))}
              </SelectField>
            </div>
          ) : null}
        </div>
        <p className="muted">{t("signingAdmin.seals.text")}</p>
        {error ? <Alert kind="error">{error}</Alert> : null}
        {!items && !error ? <p className="muted">{t("common.loading")}</p> : null}
        {items && items.length === 0 ? <p className="muted">{t("signingAdmin.seals.empty")}</p> : null}
        {items && items.length > 0 ? (
          <CredentialTable
            items={items}
            caption={`${t("signingAdmin.seals")}: ${unitName}`}
            onRevoke={setRevoking}
          />
        ) : null}
      </section>
      <div className="sig-upload-grid">
        <P12Form
          key={`p12-${unitId}`}
          owner={{ kind: "unit", unitId }}
          title={`${t("signingAdmin.seal.add")}: ${unitName}`}
          onAdded={added}
        />
        <CertificateForm key={`cert-${unitId}`} owner={{ kind: "unit", unitId }} onAdded={added} />
      </div>
      {revoking ? (
        <RevokeDialog
          credential={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={(c) => {
            setRevoking(null);
            onNotice(t("signing.revoked", { label: c.label }));
            void load();
          }}
        />
      ) : null}
    </>
  );
}

function TrustedRoots({ onNotice }: { onNotice: (text: string) => void }) {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<TrustedRoot[] | null>(null);
  const [error, setError] = useState<string>();
  const [removing, setRemoving] = useState<TrustedRoot | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await signingApi.trustedRoots()).items);
      setError(undefined);
    } catch (e) {
      setError(errorText(e, lang));
    }
  }, [lang]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <section className="panel" aria-labelledby="roots-title">
        <h2 id="roots-title">{t("signingAdmin.roots")}</h2>
        <p className="muted">{t("signingAdmin.roots.text")}</p>
        {error ? <Alert kind="error">{error}</Alert> : null}
        {items && items.length === 0 ? <p className="muted">{t("signingAdmin.roots.empty")}</p> : null}
        {items && items.length > 0 ? (
          <div className="table-wrap">
            <table className="table" data-testid="root-table">
              <caption className="visually-hidden">{t("signingAdmin.roots")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("signing.col.certificate")}</th>
                  <th scope="col">{t("signing.col.validity")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((root) => (
                  <tr key={root.id}>
                    <td>
                      <span className="strong">{root.label}</span>
                      <span className="cell-sub">{root.subject}</span>
                      <span className="cell-sub">
                        {t("signingAdmin.fingerprint")}:{" "}
                        <span className="sig-hash">{groupedHex(root.fingerprint)}</span>
                      </span>
                      {root.testPki ? (
                        <span className={`badge ${root.active ? "badge-warn" : "badge-muted"}`}>
                          {root.active ? t("signing.testPki") : t("signingAdmin.root.inactive")}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      {t("signing.validity", {
                        from: formatDay(root.notBefore),
                        to: formatDay(root.notAfter),
                      })}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button-small button-danger-outline"
                        onClick={() => setRemoving(root)}
                        aria-label={t("signingAdmin.root.remove.aria", { label: root.label })}
                      >
                        <Icon name="close" />
                        <span aria-hidden="true">{t("signingAdmin.root.remove")}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <RootForm
        onAdded={(root) => {
          onNotice(t("signingAdmin.root.added", { label: root.label }));
          void load();
        }}
      />
      {removing ? (
        <RemoveRootDialog
          root={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setRemoving(null);
            onNotice(t("signingAdmin.root.removed", { label: removing.label }));
            void load();
          }}
        />
      ) : null}
    </>
  );
}

function RootForm({ onAdded }: { onAdded: (root: TrustedRoot) => void }) {
  const { t, lang } = useI18n();
  const fileRef = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const [label, setLabel] = useState("");
  const [fileError, setFileError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

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
      const root = await signingApi.addTrustedRoot({
        certificate: await certificateFileText(file),
        ...(label.trim() ? { label: label.trim() } : {}),
      });
      setLabel("");
      if (fileRef.current) fileRef.current.value = "";
      onAdded(root);
    } catch (e) {
      setFormError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="root-form-title">
      <h2 id="root-form-title">{t("signingAdmin.root.add")}</h2>
      {formError ? <Alert kind="error">{formError}</Alert> : null}
      <form className="form" onSubmit={submit} noValidate>
        <div className={fileError ? "field has-error" : "field"}>
          <label htmlFor={fileId}>
            {t("signingAdmin.root.file")}
            <span className="required" aria-hidden="true">
              {" "}
              *
            </span>
          </label>
          <input
            ref={fileRef}
            id={fileId}
            type="file"
            required
            accept=".cer,.crt,.pem,.der,application/pkix-cert,application/x-x509-ca-cert"
            className="sig-file-input"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${fileId}-error` : undefined}
            onChange={() => setFileError(undefined)}
          />
          {fileError ? (
            <p className="field-error" id={`${fileId}-error`}>
              <span aria-hidden="true">⚠ </span>
              {fileError}
            </p>
          ) : null}
        </div>
        <TextField
          label={t("signing.label")}
          value={label}
          maxLength={200}
          onChange={(e) => setLabel(e.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            <Icon name="plus" />
            <span>{t("signingAdmin.root.submit")}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

function RemoveRootDialog({
  root,
  onClose,
  onRemoved,
}: {
  root: TrustedRoot;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    setError(undefined);
    try {
      await signingApi.removeTrustedRoot(root.id);
      onRemoved();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t("signingAdmin.root.remove.title", { label: root.label })} onClose={onClose}>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <p>{t("signingAdmin.root.remove.text")}</p>
      <div className="form-actions">
        <button type="button" className="button button-danger" onClick={remove} disabled={busy}>
          {t("signingAdmin.root.remove")}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t("common.cancel")}
        </button>
      </div>
    </Dialog>
  );
}
