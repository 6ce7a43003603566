import { type FormEvent, useState } from "react";
import { Icon } from "../../components/icons.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { Link, navigate } from "../../router.tsx";

/** The catalog search on the front page: one box that opens the catalog with the words typed. */
export function CatalogSearchBox() {
  const { t } = useI18n();
  const [text, setText] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = text.trim();
    navigate(q ? `/thu-tuc?q=${encodeURIComponent(q)}` : "/thu-tuc");
  }

  return (
    <section className="panel cat-home" aria-labelledby="cat-home-title">
      <h2 id="cat-home-title">{t("catalog.home.title")}</h2>
      <p className="muted">{t("catalog.home.lead")}</p>
      <search>
        <form className="cat-search-row" onSubmit={submit}>
          <label htmlFor="cat-home-q" className="visually-hidden">
            {t("catalog.search.label")}
          </label>
          <div className="search-box cat-search-input">
            <Icon name="search" />
            <input
              id="cat-home-q"
              type="search"
              className="input"
              placeholder={t("catalog.search.placeholder")}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-primary">
            {t("catalog.search.submit")}
          </button>
        </form>
      </search>
      <p className="cat-home-links">
        <Link to="/thu-tuc">{t("catalog.home.browse")}</Link>
      </p>
    </section>
  );
}
