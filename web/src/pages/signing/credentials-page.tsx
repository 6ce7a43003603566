import { useCallback, useEffect, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { type SigningCredential, signingApi } from "../../signing-api.ts";
import { CertificateForm, CredentialTable, P12Form, RevokeDialog } from "./credential-parts.tsx";
import "./signing.css";

/** One's own signing certificates: add a PKCS#12 file or a token's certificate, revoke. */
export function CredentialsPage() {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<SigningCredential[] | null>(null);
  const [loadError, setLoadError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [revoking, setRevoking] = useState<SigningCredential | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await signingApi.myCredentials()).items);
      setLoadError(undefined);
    } catch (error) {
      setLoadError(errorText(error, lang));
    }
  }, [lang]);

  useEffect(() => {
    void load();
  }, [load]);

  function added(credential: SigningCredential) {
    setNotice(t("signing.added", { label: credential.label }));
    void load();
  }

  return (
    <>
      <PageHeading title={t("signing.title")} lead={t("signing.lead")} />
      <div className="stack">
        {notice ? (
          <Alert kind="success">
            <span data-testid="notice">{notice}</span>
          </Alert>
        ) : null}
        {loadError ? <Alert kind="error">{loadError}</Alert> : null}
        <section className="panel" aria-labelledby="signing-list-title">
          <h2 id="signing-list-title">{t("signing.list")}</h2>
          {!items && !loadError ? <p className="muted">{t("common.loading")}</p> : null}
          {items && items.length === 0 ? <p className="muted">{t("signing.empty")}</p> : null}
          {items && items.length > 0 ? (
            <CredentialTable items={items} caption={t("signing.list")} onRevoke={setRevoking} />
          ) : null}
        </section>
        <div className="sig-upload-grid">
          <P12Form owner={{ kind: "personal" }} title={t("signing.add.p12")} onAdded={added} />
          <CertificateForm owner={{ kind: "personal" }} onAdded={added} />
        </div>
      </div>
      {revoking ? (
        <RevokeDialog
          credential={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={(c) => {
            setRevoking(null);
            setNotice(t("signing.revoked", { label: c.label }));
            void load();
          }}
        />
      ) : null}
    </>
  );
}
