import { type FormEvent, useEffect, useState } from "react";
import { ApiError } from "../../../api.ts";
import { Redirect } from "../../../components/redirect.tsx";
import { errorText } from "../../../lib/errors.ts";
import { type OidcStatusT, portalApi } from "../../../portal-api.ts";
import { PORTAL_PATHS, safePortalNext } from "../../../portal-paths.ts";
import { Link, navigate, useLocation } from "../../../router.tsx";
import { useSession } from "../../../session.tsx";
import { FormErrorSummary } from "../components/form-error-summary.tsx";
import { InputField } from "../components/form-parts.tsx";
import { PortalPage } from "../components/portal-page.tsx";
import { type Errors, useFormErrors } from "../components/use-form-errors.ts";
import { usePortalI18n } from "../portal-i18n.ts";

const IDS = { login: "signin-login", password: "signin-password" } as const;
type Field = keyof typeof IDS;

/** Citizens sign in with a password, or through the national identity provider (VNeID) when it is set up. */
export function SignInPage() {
  const { t, lang } = usePortalI18n();
  const { state, citizenSignedIn } = useSession();
  const { search } = useLocation();
  const next = safePortalNext(search.get("next"));
  const providerError = search.get("loi");
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [oidc, setOidc] = useState<OidcStatusT | null>(null);
  const form = useFormErrors<Field>(IDS);

  useEffect(() => {
    portalApi.account.oidc().then(setOidc, () => setOidc(null));
  }, []);

  if (state.status === "citizen") return <Redirect to={next} />;

  function explain(error: unknown): Errors<Field> {
    const message = errorText(error, lang);
    if (!(error instanceof ApiError)) return { form: message };
    if (error.code === "ACCOUNT_LOCKED" || error.code === "RATE_LIMITED") {
      const seconds = error.retryAfterSeconds;
      return {
        form: seconds ? t("p.signIn.locked", { minutes: Math.max(1, Math.ceil(seconds / 60)) }) : message,
      };
    }
    if (error.code.includes("CREDENTIALS")) return { password: message };
    return { form: message };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Errors<Field> = {};
    if (!login.trim()) found.login = t("p.signIn.login.required");
    if (!password) found.password = t("p.signIn.password.required");
    if (Object.keys(found).length > 0) {
      form.fail(found);
      return;
    }
    setBusy(true);
    try {
      const me = await portalApi.account.login({ login: login.trim(), password });
      citizenSignedIn(me);
      navigate(next, { replace: true });
    } catch (error) {
      setPassword("");
      form.fail(explain(error));
    } finally {
      setBusy(false);
    }
  }

  const providerName = oidc?.providerName ?? "VNeID";
  return (
    <PortalPage
      title={t("p.signIn.title")}
      summary={<FormErrorSummary errors={form.summary} version={form.version} />}
    >
      {providerError && !form.failed ? (
        <div className="p-notice p-notice-error" role="alert">
          {t("p.signIn.providerFailed", { message: providerError })}
        </div>
      ) : null}
      <p className="p-lead">{t("p.signIn.lead")}</p>
      {oidc?.enabled ? (
        <>
          <a
            className="p-button p-button-secondary p-button-oidc"
            href={portalApi.account.oidcStartUrl(next)}
            data-testid="oidc-login"
          >
            {t("p.signIn.oidc", { provider: providerName })}
          </a>
          <p className="p-divider">
            <span>{t("p.signIn.or")}</span>
          </p>
        </>
      ) : null}
      <form onSubmit={submit} noValidate>
        <InputField
          id={IDS.login}
          name="login"
          label={t("p.signIn.login")}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          error={form.errors.login}
          errorPrefix={t("p.errorPrefix")}
        />
        <InputField
          id={IDS.password}
          name="password"
          type="password"
          label={t("p.signIn.password")}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.errors.password}
          errorPrefix={t("p.errorPrefix")}
        />
        <button type="submit" className="p-button" disabled={busy}>
          {busy ? t("p.sending") : t("p.signIn.submit")}
        </button>
      </form>
      <ul className="p-links">
        <li>
          <Link to={PORTAL_PATHS.forgot}>{t("p.signIn.forgot")}</Link>
        </li>
        <li>
          <Link to={PORTAL_PATHS.register}>{t("p.signIn.register")}</Link>
        </li>
        <li>
          {t("p.signIn.staff")} <Link to="/login">{t("p.signIn.staffLink")}</Link>
        </li>
      </ul>
    </PortalPage>
  );
}
