import { type FormEvent, useState } from "react";
import { api, type Staff } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { isStrongPassword, PASSWORD_MIN_LENGTH, temporaryPassword } from "../../lib/passwords.ts";
import { PasswordWithGenerator } from "./staff-form-dialog.tsx";

/** An admin sets a temporary password: the account's sessions end and it must be changed at next sign-in. */
export function ResetPasswordDialog({
  staff,
  onClose,
  onDone,
}: {
  staff: Staff;
  onClose: () => void;
  onDone: (password: string) => void;
}) {
  const { t, lang } = useI18n();
  const [password, setPassword] = useState(temporaryPassword);
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isStrongPassword(password)) {
      setError(t("password.rule", { min: PASSWORD_MIN_LENGTH }));
      return;
    }
    setBusy(true);
    setError(undefined);
    setFormError(undefined);
    try {
      await api.staff.resetPassword(staff.id, { newPassword: password });
      onDone(password);
    } catch (e) {
      setFormError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t("staff.reset.title", { name: staff.fullName })} onClose={onClose}>
      {formError ? <Alert kind="error">{formError}</Alert> : null}
      <p>{t("staff.reset.text")}</p>
      <form onSubmit={submit} noValidate className="form">
        <PasswordWithGenerator value={password} onChange={setPassword} error={error} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("staff.reset.submit")}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
