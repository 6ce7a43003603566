import { type FormEvent, useRef, useState } from "react";
import { ApiError, api } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { TextField } from "../../components/field.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { isStrongPassword, PASSWORD_MIN_LENGTH } from "../../lib/passwords.ts";
import { Link, navigate } from "../../router.tsx";
import { useMe, useSession } from "../../session.tsx";

type Field = "current" | "next" | "confirm";
type Errors = Partial<Record<Field | "form", string>>;

/** Change one's own password; the first page a user sees while their password is a temporary one. */
export function PasswordPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { refresh } = useSession();
  const forced = me.mustChangePassword;
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const refs = {
    current: useRef<HTMLInputElement>(null),
    next: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };

  function fail(found: Errors) {
    setErrors(found);
    const first = (["current", "next", "confirm"] as const).find((f) => found[f]);
    if (first) requestAnimationFrame(() => refs[first].current?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {};
    if (!current) found.current = t("password.current.required");
    if (!isStrongPassword(next)) found.next = t("password.rule", { min: PASSWORD_MIN_LENGTH });
    else if (next === current) found.next = t("password.same");
    if (confirm !== next) found.confirm = t("password.mismatch");
    if (Object.keys(found).length > 0) {
      fail(found);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await api.auth.changePassword({ currentPassword: current, newPassword: next });
      setDone(true);
      setCurrent("");
      setNext("");
      setConfirm("");
      await refresh();
      if (forced) navigate("/app", { replace: true });
    } catch (error) {
      const message = errorText(error, lang);
      if (error instanceof ApiError && error.code === "WRONG_PASSWORD") fail({ current: message });
      else if (error instanceof ApiError && error.code === "WEAK_PASSWORD") fail({ next: message });
      else fail({ form: message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading title={t("password.title")} lead={forced ? undefined : t("password.lead")} />
      {forced ? (
        <Alert kind="warning" title={t("password.forced.title")}>
          <p>{t("password.forced.text")}</p>
        </Alert>
      ) : null}
      {done && !forced ? <Alert kind="success">{t("password.done")}</Alert> : null}
      {errors.form ? <Alert kind="error">{errors.form}</Alert> : null}
      <div className="panel form-panel">
        <form onSubmit={submit} noValidate className="form">
          <TextField
            ref={refs.current}
            label={t("password.current")}
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            error={errors.current}
          />
          <TextField
            ref={refs.next}
            label={t("password.new")}
            hint={t("password.rule", { min: PASSWORD_MIN_LENGTH })}
            type="password"
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.target.value)}
            error={errors.next}
          />
          <TextField
            ref={refs.confirm}
            label={t("password.confirm")}
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            error={errors.confirm}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t("password.submit")}
            </button>
            {forced ? null : (
              <Link to="/app/account" className="button">
                {t("common.back")}
              </Link>
            )}
          </div>
        </form>
      </div>
    </>
  );
}
