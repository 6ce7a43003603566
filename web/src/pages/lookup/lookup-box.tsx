import { type FormEvent, useState } from "react";
import { TextField } from "../../components/field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { navigate } from "../../router.tsx";
import "../dossiers/dossiers.css";

function normaliseCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, "");
}

/** The lookup on the front page: two boxes that open /tra-cuu. */
export function LookupBox() {
  const { t } = useI18n();
  const [code, setCode] = useState("");
  const [secret, setSecret] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams();
    if (code.trim()) params.set("code", normaliseCode(code));
    if (secret.trim()) params.set("secret", secret.trim().toUpperCase());
    const q = params.toString();
    navigate(q ? `/tra-cuu?${q}` : "/tra-cuu");
  }
  return (
    <section className="panel dos-lookup-home" aria-labelledby="lookup-home-title">
      <h2 id="lookup-home-title">{t("lookup.home.title")}</h2>
      <p className="muted">{t("lookup.home.lead")}</p>
      <form className="dos-lookup-home-form" onSubmit={submit}>
        <TextField
          label={t("lookup.code")}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          maxLength={60}
        />
        <TextField
          label={t("lookup.secret")}
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          autoComplete="off"
          maxLength={20}
        />
        <button type="submit" className="button button-primary">
          {t("lookup.submit")}
        </button>
      </form>
    </section>
  );
}
