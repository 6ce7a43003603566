import { type FormEvent, useState } from "react";
import { CitizenRegistration } from "../../../../../src/contracts/citizen-accounts.ts";
import { ApiError } from "../../../api.ts";
import { Redirect } from "../../../components/redirect.tsx";
import { errorText } from "../../../lib/errors.ts";
import { isStrongPassword } from "../../../lib/passwords.ts";
import { portalApi } from "../../../portal-api.ts";
import { PORTAL_PATHS } from "../../../portal-paths.ts";
import { Link, navigate } from "../../../router.tsx";
import { useSession } from "../../../session.tsx";
import { FormErrorSummary } from "../components/form-error-summary.tsx";
import { InputField } from "../components/form-parts.tsx";
import { PortalPage } from "../components/portal-page.tsx";
import { type Errors, useFormErrors } from "../components/use-form-errors.ts";
import { type PortalKey, usePortalI18n } from "../portal-i18n.ts";

const IDS = {
  fullName: "reg-full-name",
  identityNumber: "reg-identity",
  birthDate: "reg-birth-date",
  phone: "reg-phone",
  email: "reg-email",
  password: "reg-password",
} as const;
type Field = keyof typeof IDS;
const FIELDS = Object.keys(IDS) as Field[];

const REQUIRED: Partial<Record<Field, PortalKey>> = {
  fullName: "p.register.fullName.required",
  identityNumber: "p.register.identity.required",
  phone: "p.register.phone.required",
  email: "p.register.email.required",
  password: "p.register.password.required",
};
const INVALID: Record<Field, PortalKey> = {
  fullName: "p.register.fullName.required",
  identityNumber: "p.register.identity.invalid",
  birthDate: "p.register.birthDate.invalid",
  phone: "p.register.phone.invalid",
  email: "p.register.email.invalid",
  password: "p.register.password.invalid",
};

type Values = Record<Field, string>;

/** Register: name, identity number (CCCD), phone, e-mail and a password; a one-time code confirms it. */
export function RegisterPage() {
  const { t, lang } = usePortalI18n();
  const { state } = useSession();
  const [values, setValues] = useState<Values>({
    fullName: "",
    identityNumber: "",
    birthDate: "",
    phone: "",
    email: "",
    password: "",
  });
  const [busy, setBusy] = useState(false);
  const form = useFormErrors<Field>(IDS);

  if (state.status === "citizen") return <Redirect to={PORTAL_PATHS.dossiers} />;

  const set = (field: Field) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  function check(): Errors<Field> {
    const found: Errors<Field> = {};
    for (const f of FIELDS) {
      const key = REQUIRED[f];
      if (key && !values[f].trim()) found[f] = t(key);
    }
    const parsed = CitizenRegistration.safeParse(body());
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const f = FIELDS.find((name) => name === issue.path[0]);
        if (f && !found[f]) found[f] = t(INVALID[f]);
      }
    }
    if (values.password && !isStrongPassword(values.password)) found.password = t(INVALID.password);
    return found;
  }

  function body() {
    return {
      fullName: values.fullName.trim(),
      identityNumber: values.identityNumber.replace(/\s/g, ""),
      birthDate: values.birthDate || null,
      phone: values.phone,
      email: values.email.trim(),
      password: values.password,
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = check();
    if (Object.keys(found).length > 0) {
      form.fail(found);
      return;
    }
    setBusy(true);
    try {
      const accepted = await portalApi.account.register(body());
      const query = new URLSearchParams({
        challenge: accepted.challengeId,
        channels: accepted.channels.join(","),
        ttl: String(accepted.expiresInSeconds),
      });
      navigate(`${PORTAL_PATHS.confirm}?${query.toString()}`);
    } catch (error) {
      const message = errorText(error, lang);
      const fields = error instanceof ApiError ? error.invalidFields : [];
      const found: Errors<Field> = {};
      for (const name of fields) {
        const f = FIELDS.find((x) => x === name);
        if (f) found[f] = t(INVALID[f]);
      }
      form.fail(Object.keys(found).length > 0 ? found : { form: message });
    } finally {
      setBusy(false);
    }
  }

  const common = { errorPrefix: t("p.errorPrefix") };
  return (
    <PortalPage
      title={t("p.register.title")}
      summary={<FormErrorSummary errors={form.summary} version={form.version} />}
    >
      <p className="p-lead">{t("p.register.lead")}</p>
      <form onSubmit={submit} noValidate>
        <InputField
          {...common}
          id={IDS.fullName}
          name="fullName"
          label={t("p.register.fullName")}
          hint={t("p.register.fullName.hint")}
          autoComplete="name"
          spellCheck={false}
          value={values.fullName}
          onChange={set("fullName")}
          error={form.errors.fullName}
        />
        <InputField
          {...common}
          id={IDS.identityNumber}
          name="identityNumber"
          label={t("p.register.identity")}
          hint={t("p.register.identity.hint")}
          inputMode="numeric"
          autoComplete="off"
          className="p-width-12"
          value={values.identityNumber}
          onChange={set("identityNumber")}
          error={form.errors.identityNumber}
        />
        <InputField
          {...common}
          id={IDS.birthDate}
          name="birthDate"
          type="date"
          label={
            <>
              {t("p.register.birthDate")} <span className="p-optional">{t("p.optional")}</span>
            </>
          }
          autoComplete="bday"
          className="p-width-10"
          value={values.birthDate}
          onChange={set("birthDate")}
          error={form.errors.birthDate}
        />
        <InputField
          {...common}
          id={IDS.phone}
          name="phone"
          type="tel"
          label={t("p.register.phone")}
          hint={t("p.register.phone.hint")}
          autoComplete="tel"
          className="p-width-12"
          value={values.phone}
          onChange={set("phone")}
          error={form.errors.phone}
        />
        <InputField
          {...common}
          id={IDS.email}
          name="email"
          type="email"
          label={t("p.register.email")}
          hint={t("p.register.email.hint")}
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          value={values.email}
          onChange={set("email")}
          error={form.errors.email}
        />
        <InputField
          {...common}
          id={IDS.password}
          name="password"
          type="password"
          label={t("p.register.password")}
          hint={t("p.register.password.hint")}
          autoComplete="new-password"
          value={values.password}
          onChange={set("password")}
          error={form.errors.password}
        />
        <button type="submit" className="p-button" disabled={busy}>
          {busy ? t("p.sending") : t("p.register.submit")}
        </button>
      </form>
      <p>
        {t("p.register.haveAccount")} <Link to={PORTAL_PATHS.signIn}>{t("p.signIn.title")}</Link>
      </p>
    </PortalPage>
  );
}
