import { type FormEvent, useRef, useState } from "react";
import { ApiError, api } from "../api.ts";
import { Alert } from "../components/alert.tsx";
import { TextField } from "../components/field.tsx";
import { PageHeading } from "../components/page-heading.tsx";
import { useI18n } from "../i18n/index.tsx";
import { errorText } from "../lib/errors.ts";
import { navigate, safeNext, useLocation } from "../router.tsx";
import { useSession } from "../session.tsx";

type Field = "username" | "password" | "totp";
type Errors = Partial<Record<Field | "form", string>>;

export function LoginPage() {
  const { t, lang } = useI18n();
  const { signedIn } = useSession();
  const { search } = useLocation();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [totp, setTotp] = useState("");
  const [needTotp, setNeedTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const refs = {
    username: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    totp: useRef<HTMLInputElement>(null),
  };

  function fail(next: Errors) {
    setErrors(next);
    const first = (["username", "password", "totp"] as const).find((f) => next[f]);
    if (first) requestAnimationFrame(() => refs[first].current?.focus());
  }

  function localErrors(): Errors {
    const found: Errors = {};
    if (!username.trim()) found.username = t("login.username.required");
    if (!password) found.password = t("login.password.required");
    if (needTotp && !/^\d{6}$/.test(totp.trim())) found.totp = t("login.totp.format");
    return found;
  }

  function explain(error: unknown): Errors {
    if (!(error instanceof ApiError)) return { form: errorText(error, lang) };
    const message = errorText(error, lang);
    switch (error.code) {
      case "TOTP_REQUIRED":
        setNeedTotp(true);
        requestAnimationFrame(() => refs.totp.current?.focus());
        return {};
      case "TOTP_INVALID":
        return { totp: message };
      case "INVALID_CREDENTIALS":
        return { password: message };
      case "ACCOUNT_LOCKED": {
        const seconds = error.retryAfterSeconds;
        return {
          form: seconds ? t("login.locked", { minutes: Math.max(1, Math.ceil(seconds / 60)) }) : message,
        };
      }
      case "VALIDATION_FAILED": {
        const fields = error.invalidFields;
        if (fields.includes("username")) return { username: t("login.username.invalid") };
        if (fields.includes("totp")) return { totp: t("login.totp.format") };
        return { form: message };
      }
      default:
        return { form: message };
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = localErrors();
    if (Object.keys(found).length > 0) {
      fail(found);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const me = await api.auth.login({
        username: username.trim(),
        password,
        ...(needTotp ? { totp: totp.trim() } : {}),
      });
      signedIn(me);
      navigate(me.mustChangePassword ? "/app/account/password" : safeNext(search.get("next"), "/app"), {
        replace: true,
      });
    } catch (error) {
      fail(explain(error));
      if (error instanceof ApiError && error.code === "INVALID_CREDENTIALS") setPassword("");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="container narrow-page">
      <div className="panel login-panel">
        <PageHeading title={t("login.title")} lead={t("login.lead")} />
        {errors.form ? <Alert kind="error">{errors.form}</Alert> : null}
        {needTotp && !errors.totp ? <Alert kind="info">{t("login.totp.prompt")}</Alert> : null}
        <form onSubmit={submit} noValidate className="form">
          <TextField
            ref={refs.username}
            label={t("login.username")}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={errors.username}
          />
          <TextField
            ref={refs.password}
            label={t("login.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.password}
          />
          {needTotp ? (
            <TextField
              ref={refs.totp}
              label={t("login.totp")}
              hint={t("login.totp.hint")}
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={totp}
              onChange={(e) => setTotp(e.target.value.replace(/\D/g, ""))}
              error={errors.totp}
            />
          ) : null}
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? t("login.submitting") : t("login.submit")}
          </button>
        </form>
        <p className="muted small login-help">{t("login.help")}</p>
      </div>
    </div>
  );
}
