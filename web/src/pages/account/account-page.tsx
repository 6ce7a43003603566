import { type FormEvent, useRef, useState } from "react";
import { ApiError, api, type TotpSetupT } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { TextField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { ROLE_LABELS, ROLE_ORDER } from "../../lib/labels.ts";
import { Link } from "../../router.tsx";
import { useMe, useSession } from "../../session.tsx";

/** One's own account: profile, password, and the optional second factor (TOTP). */
export function AccountPage() {
  const { t } = useI18n();
  const me = useMe();
  const roles = ROLE_ORDER.filter((r) => me.roles.includes(r));

  return (
    <>
      <PageHeading title={t("account.title")} lead={t("account.lead")} />
      <div className="stack">
        <section className="panel" aria-labelledby="account-profile">
          <h2 id="account-profile">{t("account.profile")}</h2>
          <dl className="facts">
            <div>
              <dt>{t("home.fullName")}</dt>
              <dd>{me.fullName}</dd>
            </div>
            <div>
              <dt>{t("home.username")}</dt>
              <dd className="code">{me.username}</dd>
            </div>
            <div>
              <dt>{t("home.unit")}</dt>
              <dd>
                {me.unit.name} <span className="code muted">({me.unit.code})</span>
              </dd>
            </div>
            <div>
              <dt>{t("home.roles")}</dt>
              <dd>{roles.map((r) => t(ROLE_LABELS[r])).join(", ")}</dd>
            </div>
          </dl>
        </section>
        <section className="panel" aria-labelledby="account-password">
          <h2 id="account-password">{t("password.title")}</h2>
          <p className="muted">{t("account.password.text")}</p>
          <Link to="/app/account/password" className="button">
            <Icon name="key" />
            <span>{t("account.password.action")}</span>
          </Link>
        </section>
        <TotpSection />
      </div>
    </>
  );
}

function TotpSection() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { refresh } = useSession();
  const [setup, setSetup] = useState<TotpSetupT | null>(null);
  const [code, setCode] = useState("");
  // The password is asked again before the second factor is set up and turned on (issue 14, finding 11).
  const [password, setPassword] = useState("");
  const [passwordError, setPasswordError] = useState<string>();
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [enabled, setEnabled] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function start(event: FormEvent) {
    event.preventDefault();
    if (!password) {
      setPasswordError(t("password.current.required"));
      passwordRef.current?.focus();
      return;
    }
    setBusy(true);
    setFormError(undefined);
    setPasswordError(undefined);
    try {
      setSetup(await api.auth.totpSetup({ currentPassword: password }));
      requestAnimationFrame(() => codeRef.current?.focus());
    } catch (e) {
      if (e instanceof ApiError && e.code === "WRONG_PASSWORD") {
        setPasswordError(errorText(e, lang));
        passwordRef.current?.focus();
      } else {
        setFormError(errorText(e, lang));
      }
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setError(t("login.totp.format"));
      codeRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.auth.totpEnable({ currentPassword: password, code });
      setEnabled(true);
      setSetup(null);
      setPassword("");
      await refresh();
    } catch (e) {
      if (e instanceof ApiError && e.code === "TOTP_INVALID") {
        setError(errorText(e, lang));
        codeRef.current?.focus();
      } else {
        setFormError(errorText(e, lang));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="account-totp">
      <h2 id="account-totp">{t("totp.title")}</h2>
      {enabled ? <Alert kind="success">{t("totp.enabledNow")}</Alert> : null}
      {formError ? <Alert kind="error">{formError}</Alert> : null}
      {me.totpEnabled ? (
        <p className="status-line">
          <span className="badge badge-ok">{t("totp.on")}</span> {t("totp.onText")}
        </p>
      ) : setup ? (
        <div className="totp-setup">
          <ol className="steps">
            <li>{t("totp.step1")}</li>
            <li>
              {t("totp.step2")}
              <div className="qr-box">
                <img src={setup.qrDataUrl} alt={t("totp.qrAlt")} width={200} height={200} />
                <p className="small">
                  {t("totp.secret")}: <code className="secret">{setup.secret}</code>
                </p>
              </div>
            </li>
            <li>{t("totp.step3")}</li>
          </ol>
          <form onSubmit={confirm} noValidate className="form form-inline">
            <TextField
              ref={codeRef}
              label={t("totp.code")}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
              error={error}
            />
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                {t("totp.confirm")}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setSetup(null);
                  setPassword("");
                }}
              >
                {t("common.cancel")}
              </button>
            </div>
          </form>
        </div>
      ) : (
        <>
          <p className="muted">{t("totp.offText")}</p>
          <form onSubmit={start} noValidate className="form form-inline">
            <TextField
              ref={passwordRef}
              label={t("password.current")}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={passwordError}
            />
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                <Icon name="shield" />
                <span>{t("totp.start")}</span>
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
