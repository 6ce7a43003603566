import { type FormEvent, useState } from "react";
import { errorText } from "../../../lib/errors.ts";
import { portalApi } from "../../../portal-api.ts";
import { PORTAL_PATHS } from "../../../portal-paths.ts";
import { Link, navigate, useLocation } from "../../../router.tsx";
import { useSession } from "../../../session.tsx";
import { FormErrorSummary } from "../components/form-error-summary.tsx";
import { InputField } from "../components/form-parts.tsx";
import { PortalPage } from "../components/portal-page.tsx";
import { useFormErrors } from "../components/use-form-errors.ts";
import { usePortalI18n } from "../portal-i18n.ts";

const IDS = { code: "confirm-code" } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The one question after registering: the six-digit code from the e-mail. */
export function ConfirmPage() {
  const { t, lang } = usePortalI18n();
  const { citizenSignedIn } = useSession();
  const { search } = useLocation();
  const challengeId = search.get("challenge") ?? "";
  const channels = (search.get("channels") ?? "email").split(",").filter((c) => c === "email" || c === "sms");
  const minutes = Math.max(1, Math.round(Number(search.get("ttl") ?? "900") / 60) || 15);
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [resent, setResent] = useState(false);
  const form = useFormErrors<"code">(IDS);

  if (!UUID.test(challengeId)) {
    return (
      <PortalPage title={t("p.confirm.title")}>
        <p>{t("p.confirm.missing")}</p>
        <Link to={PORTAL_PATHS.register} className="p-button">
          {t("p.register.title")}
        </Link>
      </PortalPage>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const value = code.replace(/\s/g, "");
    if (!/^\d{6}$/.test(value)) {
      form.fail({ code: t("p.confirm.code.invalid") });
      return;
    }
    setBusy(true);
    try {
      const me = await portalApi.account.confirm({ challengeId, code: value });
      citizenSignedIn(me);
      navigate(`${PORTAL_PATHS.dossiers}?welcome=1`, { replace: true });
    } catch (error) {
      form.fail({ code: errorText(error, lang) });
    } finally {
      setBusy(false);
    }
  }

  async function resend() {
    setResent(false);
    try {
      await portalApi.account.resend(challengeId);
      setResent(true);
    } catch (error) {
      form.fail({ form: errorText(error, lang) });
    }
  }

  const where = channels.map((c) => t(c === "sms" ? "p.confirm.channels.sms" : "p.confirm.channels.email"));
  return (
    <PortalPage
      title={t("p.confirm.title")}
      hideHeading
      summary={<FormErrorSummary errors={form.summary} version={form.version} />}
    >
      {resent ? (
        <div className="p-notice" role="status">
          {t("p.confirm.resent")}
        </div>
      ) : null}
      <form onSubmit={submit} noValidate>
        <InputField
          id={IDS.code}
          name="code"
          asHeading
          label={t("p.confirm.title")}
          hint={t("p.confirm.lead", { channels: where.join(lang === "vi" ? " và " : " and "), minutes })}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          className="p-width-5"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={form.errors.code}
          errorPrefix={t("p.errorPrefix")}
        />
        <button type="submit" className="p-button" disabled={busy}>
          {busy ? t("p.sending") : t("p.confirm.submit")}
        </button>
      </form>
      <p>
        <button type="button" className="p-link-button" onClick={resend}>
          {t("p.confirm.resend")}
        </button>
      </p>
    </PortalPage>
  );
}
