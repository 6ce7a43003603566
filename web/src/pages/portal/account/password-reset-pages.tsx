import { type FormEvent, useState } from "react";
import { errorText } from "../../../lib/errors.ts";
import { isStrongPassword } from "../../../lib/passwords.ts";
import { portalApi } from "../../../portal-api.ts";
import { PORTAL_PATHS } from "../../../portal-paths.ts";
import { Link, useLocation } from "../../../router.tsx";
import { FormErrorSummary } from "../components/form-error-summary.tsx";
import { InputField } from "../components/form-parts.tsx";
import { PortalPage } from "../components/portal-page.tsx";
import { useFormErrors } from "../components/use-form-errors.ts";
import { usePortalI18n } from "../portal-i18n.ts";

const FORGOT_IDS = { login: "forgot-login" } as const;

/** Asks for a reset link; the answer is the same whether or not the account exists. */
export function ForgotPage() {
  const { t, lang } = usePortalI18n();
  const [login, setLogin] = useState("");
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const form = useFormErrors<"login">(FORGOT_IDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!login.trim()) {
      form.fail({ login: t("p.signIn.login.required") });
      return;
    }
    setBusy(true);
    try {
      await portalApi.account.requestReset({ login: login.trim() });
      setSent(true);
    } catch (error) {
      form.fail({ login: errorText(error, lang) });
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <PortalPage title={t("p.forgot.sent.title")}>
        <p data-testid="reset-sent">{t("p.forgot.sent")}</p>
        <Link to={PORTAL_PATHS.signIn}>{t("p.signIn.title")}</Link>
      </PortalPage>
    );
  }
  return (
    <PortalPage
      title={t("p.forgot.title")}
      back={{ to: PORTAL_PATHS.signIn, text: t("p.back") }}
      summary={<FormErrorSummary errors={form.summary} version={form.version} />}
    >
      <p className="p-lead">{t("p.forgot.lead")}</p>
      <form onSubmit={submit} noValidate>
        <InputField
          id={FORGOT_IDS.login}
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
        <button type="submit" className="p-button" disabled={busy}>
          {busy ? t("p.sending") : t("p.forgot.submit")}
        </button>
      </form>
    </PortalPage>
  );
}

const RESET_IDS = { password: "reset-password" } as const;

/** The page the e-mailed link opens (?token=…): one question, the new password. */
export function ResetPage() {
  const { t, lang } = usePortalI18n();
  const { search } = useLocation();
  const token = search.get("token") ?? "";
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const form = useFormErrors<"password">(RESET_IDS);

  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) {
    return (
      <PortalPage title={t("p.reset.title")}>
        <p>{t("p.reset.missing")}</p>
        <Link to={PORTAL_PATHS.forgot}>{t("p.forgot.title")}</Link>
      </PortalPage>
    );
  }
  if (done) {
    return (
      <PortalPage title={t("p.reset.done.title")}>
        <p>{t("p.reset.done")}</p>
        <Link to={PORTAL_PATHS.signIn} className="p-button">
          {t("p.signIn.title")}
        </Link>
      </PortalPage>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!isStrongPassword(password)) {
      form.fail({ password: t(password ? "p.register.password.invalid" : "p.register.password.required") });
      return;
    }
    setBusy(true);
    try {
      await portalApi.account.completeReset({ token, newPassword: password });
      setDone(true);
    } catch (error) {
      form.fail({ password: errorText(error, lang) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <PortalPage
      title={t("p.reset.title")}
      hideHeading
      summary={<FormErrorSummary errors={form.summary} version={form.version} />}
    >
      <form onSubmit={submit} noValidate>
        <InputField
          id={RESET_IDS.password}
          name="password"
          type="password"
          asHeading
          label={t("p.reset.title")}
          hint={t("p.register.password.hint")}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.errors.password}
          errorPrefix={t("p.errorPrefix")}
        />
        <button type="submit" className="p-button" disabled={busy}>
          {busy ? t("p.sending") : t("p.reset.submit")}
        </button>
      </form>
    </PortalPage>
  );
}
