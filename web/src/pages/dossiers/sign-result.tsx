import { useEffect, useState } from "react";
import { SelectField, TextField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import type { DossierDetail } from "../../dossier-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { Link } from "../../router.tsx";
import { type SigningCredential, signingApi } from "../../signing-api.ts";
import { ActionDialog, TextArea } from "./action-dialogs.tsx";
import { formatSize } from "./file-upload.tsx";
import { formatInstant } from "./labels.ts";

/**
 * The result at the leader's step ("… xem xét, ký"): the drafted result to read, and the one main action, sign and
 * approve. Once signed, the signed copy with who signed it and when.
 */
export function ResultToSign({
  dossier,
  canSign,
  busy,
  onSign,
}: {
  dossier: DossierDetail;
  canSign: boolean;
  busy: boolean;
  onSign: () => void;
}) {
  const { t, lang } = useI18n();
  const draft = dossier.resultDraft;
  const signed = dossier.signedResult;
  if (!draft && !signed && !canSign) return null;
  return (
    <section className="panel dos-sign" aria-labelledby="dos-sign-title" data-testid="result-to-sign">
      <h2 id="dos-sign-title">{t("signResult.title")}</h2>
      {signed ? (
        <div className="dos-sign-doc" data-testid="signed-result">
          <Icon name="shield" />
          <div className="dos-sign-text">
            <a href={signed.file.url} className="strong">
              {signed.file.name}
            </a>
            <span className="cell-sub">
              {t("signResult.signed")} · {formatSize(signed.file.size)} ·{" "}
              {t("signResult.signedBy", { name: signed.signer, at: formatInstant(signed.signedAt, lang) })}
            </span>
          </div>
        </div>
      ) : draft ? (
        <>
          <p className="muted">{t("signResult.lead")}</p>
          <div className="dos-sign-doc" data-testid="result-draft">
            <Icon name="book" />
            <div className="dos-sign-text">
              <span className="strong">{draft.name}</span>
              <span className="cell-sub">PDF · {formatSize(draft.size)}</span>
            </div>
            <a href={draft.url} className="button button-small" target="_blank" rel="noopener">
              {t("signResult.open")}
            </a>
          </div>
          {canSign ? (
            <div className="button-row">
              <button
                type="button"
                className="button button-primary"
                data-action="sign_result"
                disabled={busy}
                onClick={onSign}
              >
                {t("signResult.sign")}
              </button>
            </div>
          ) : null}
        </>
      ) : (
        <p className="muted">{t("signResult.none")}</p>
      )}
    </section>
  );
}

/** The leader's own valid credentials, the password that unseals one, and a note; the server signs. */
export function SignResultDialog({
  busy,
  error,
  onClose,
  onSend,
}: {
  busy: boolean;
  error?: string | undefined;
  onClose: () => void;
  onSend: (body: { credentialId?: string; password: string; note: string | null }) => void;
}) {
  const { t } = useI18n();
  const [credentials, setCredentials] = useState<SigningCredential[] | null>(null);
  const [chosen, setChosen] = useState("");
  const [password, setPassword] = useState("");
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    signingApi.myCredentials().then(
      (r) => {
        const usable = r.items.filter((c) => c.owner === "staff" && c.status === "active");
        setCredentials(usable);
        setChosen(usable[0]?.id ?? "");
      },
      () => setCredentials([]),
    );
  }, []);
  const none = credentials !== null && credentials.length === 0;
  return (
    <ActionDialog
      title={t("signResult.sign")}
      lead={t("signResult.dialogLead")}
      submit={t("signResult.sign")}
      busy={busy || credentials === null || none}
      error={error}
      onClose={onClose}
      onSubmit={() => {
        if (!password) {
          setMissing(true);
          return;
        }
        onSend({ ...(chosen ? { credentialId: chosen } : {}), password, note: note.trim() || null });
      }}
    >
      {none ? (
        <p className="muted" role="status">
          {t("signResult.noCredential")} <Link to="/app/signing">/app/signing</Link>
        </p>
      ) : null}
      {credentials && credentials.length > 0 ? (
        <SelectField
          label={t("signResult.credential")}
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
        >
          {credentials.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label} — {c.commonName ?? c.subject}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField
        label={t("signResult.password")}
        type="password"
        autoComplete="off"
        required
        value={password}
        error={missing && !password ? t("signResult.password") : undefined}
        onChange={(e) => setPassword(e.target.value)}
        data-testid="sign-password"
      />
      <TextArea id="sign-note" label={t("action.noteField")} value={note} onChange={setNote} />
    </ActionDialog>
  );
}
