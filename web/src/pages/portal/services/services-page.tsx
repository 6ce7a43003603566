import { type FormEvent, useEffect, useState } from "react";
import type { ProcedureListItem } from "../../../../../src/contracts/catalog.ts";
import { api, type CatalogField } from "../../../api.ts";
import { PORTAL_PATHS, procedurePath } from "../../../portal-paths.ts";
import { Link, navigate, useLocation } from "../../../router.tsx";
import { useSession } from "../../../session.tsx";
import { InputField, SelectField } from "../components/form-parts.tsx";
import { PortalPage } from "../components/portal-page.tsx";
import { pick, usePortalI18n } from "../portal-i18n.ts";

const LIMIT = 50;

/**
 * The portal's home: find a service that can be applied for online (by words and field), and how online filing
 * works. The search lives in the address (?q=…&field=…).
 */
export function ServicesPage() {
  const { t, lang } = usePortalI18n();
  const { state } = useSession();
  const { search } = useLocation();
  const q = search.get("q") ?? "";
  const field = search.get("field") ?? "";
  const [text, setText] = useState(q);
  const [fieldChoice, setFieldChoice] = useState(field);
  const [fields, setFields] = useState<CatalogField[]>([]);
  const [items, setItems] = useState<ProcedureListItem[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    api.catalog.fields().then(
      (r) => setFields(r.items.filter((f) => f.procedures > 0)),
      () => setFields([]),
    );
  }, []);

  useEffect(() => {
    let current = true;
    setFailed(false);
    const one = (online: "full" | "partial") =>
      api.catalog.search({ q: q || undefined, field: field || undefined, online, limit: LIMIT });
    Promise.all([one("full"), one("partial")]).then(
      ([full, partial]) => {
        if (!current) return;
        const merged = [...full.items, ...partial.items];
        // Best match first when searching; by name when browsing.
        merged.sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.name.localeCompare(b.name, "vi"));
        setItems(merged);
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [q, field]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams();
    if (text.trim()) params.set("q", text.trim());
    if (fieldChoice) params.set("field", fieldChoice);
    const query = params.toString();
    navigate(query ? `${PORTAL_PATHS.home}?${query}` : PORTAL_PATHS.home, { replace: true });
  }

  return (
    <PortalPage title={t("p.home.title")} wide>
      <p className="p-lead">{t("p.home.lead")}</p>
      <div className="p-home-grid">
        <div>
          <search>
            <form className="p-search" onSubmit={submit}>
              <InputField
                id="services-q"
                name="q"
                type="search"
                label={t("p.home.search")}
                hint={t("p.home.search.hint")}
                value={text}
                onChange={(e) => setText(e.target.value)}
                errorPrefix={t("p.errorPrefix")}
              />
              <SelectField
                id="services-field"
                name="field"
                label={t("p.home.field")}
                value={fieldChoice}
                onChange={(e) => setFieldChoice(e.target.value)}
                errorPrefix={t("p.errorPrefix")}
              >
                <option value="">{t("p.home.field.all")}</option>
                {fields.map((f) => (
                  <option key={f.code} value={f.code}>
                    {pick(lang, f.nameVi, f.nameEn)}
                  </option>
                ))}
              </SelectField>
              <button type="submit" className="p-button">
                {t("p.home.submit")}
              </button>
            </form>
          </search>
          <section aria-labelledby="services-results" aria-busy={items === null && !failed}>
            <h2 id="services-results" className="p-heading-m" aria-live="polite">
              {items ? t("p.home.results", { count: items.length }) : t("p.loading")}
            </h2>
            {failed ? <p className="p-muted">{t("p.failed")}</p> : null}
            {items && items.length === 0 ? <p>{t("p.home.none")}</p> : null}
            <ul className="p-service-list">
              {items?.map((item) => (
                <li key={item.id} className="p-service" data-procedure={item.slug}>
                  <Link to={procedurePath(item.slug)} className="p-service-link">
                    {pick(lang, item.name, item.nameEn)}
                  </Link>
                  <p className="p-service-meta">
                    <span className={`p-tag p-tag-${item.onlineLevel}`}>
                      {t(item.onlineLevel === "full" ? "p.home.full" : "p.home.partial")}
                    </span>
                    <span>{pick(lang, item.field.nameVi, item.field.nameEn)}</span>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        </div>
        <aside className="p-aside">
          <h2 className="p-heading-s">{t("p.home.account.title")}</h2>
          {state.status === "citizen" ? (
            <>
              <p>{t("p.home.account.signedIn", { name: state.citizen.fullName })}</p>
              <p>
                <Link to={PORTAL_PATHS.dossiers}>{t("p.mine.title")}</Link>
              </p>
            </>
          ) : (
            <>
              <p>{t("p.home.account.anonymous")}</p>
              <p className="p-aside-links">
                <Link to={PORTAL_PATHS.signIn}>{t("p.signIn.title")}</Link>
                <Link to={PORTAL_PATHS.register}>{t("p.register.title")}</Link>
              </p>
            </>
          )}
          <h2 className="p-heading-s">{t("p.home.howto.title")}</h2>
          <ol className="p-steps">
            <li>{t("p.home.howto.1")}</li>
            <li>{t("p.home.howto.2")}</li>
            <li>{t("p.home.howto.3")}</li>
            <li>{t("p.home.howto.4")}</li>
          </ol>
        </aside>
      </div>
    </PortalPage>
  );
}
