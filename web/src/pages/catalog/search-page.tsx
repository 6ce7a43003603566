import { type FormEvent, useEffect, useMemo, useState } from "react";
import { api, type CatalogField, type ProcedureList, type PublicUnitT } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { byVietnameseName } from "../../lib/text.ts";
import { buildTree, flatten } from "../../lib/tree.ts";
import { Link, navigate, useLocation } from "../../router.tsx";
import { ONLINE_LABELS, type OnlineLevel, procedurePath } from "./labels.ts";

const PAGE_SIZE = 20;
const ONLINE: readonly OnlineLevel[] = ["full", "partial", "none"];

interface Criteria {
  q: string;
  unit: string;
  field: string;
  online: string;
  postal: string;
  page: number;
}

/** The search lives in the address (/thu-tuc?q=…&field=…), so a result list can be shared and bookmarked. */
function useCriteria(): Criteria {
  const { search } = useLocation();
  const page = Number(search.get("page"));
  return {
    q: search.get("q") ?? "",
    unit: search.get("unit") ?? "",
    field: search.get("field") ?? "",
    online: search.get("online") ?? "",
    postal: search.get("postal") ?? "",
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

function go(criteria: Criteria, options: { replace?: boolean } = {}): void {
  const params = new URLSearchParams();
  for (const key of ["q", "unit", "field", "online", "postal"] as const) {
    if (criteria[key]) params.set(key, criteria[key]);
  }
  if (criteria.page > 1) params.set("page", String(criteria.page));
  const text = params.toString();
  navigate(text ? `/thu-tuc?${text}` : "/thu-tuc", options);
}

/** The public catalog: search by words (diacritics optional, typos forgiven), filter, and open a procedure. */
export function CatalogSearchPage() {
  const { t, lang } = useI18n();
  const criteria = useCriteria();
  const [text, setText] = useState(criteria.q);
  const [fields, setFields] = useState<CatalogField[]>([]);
  const [units, setUnits] = useState<PublicUnitT[]>([]);
  const [result, setResult] = useState<{ key: string; list: ProcedureList } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = JSON.stringify(criteria);

  useEffect(() => setText(criteria.q), [criteria.q]);

  useEffect(() => {
    api.units.publicList().then(
      (r) => setUnits(flatten(buildTree(byVietnameseName(r.items))).map((entry) => entry.item)),
      () => setUnits([]),
    );
  }, []);

  useEffect(() => {
    api.catalog.fields(criteria.unit || undefined).then(
      (r) => setFields(r.items),
      () => setFields([]),
    );
  }, [criteria.unit]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for every criterion
  useEffect(() => {
    let current = true;
    setError(null);
    api.catalog
      .search({
        q: criteria.q,
        unit: criteria.unit,
        field: criteria.field,
        online: criteria.online,
        postal: criteria.postal,
        limit: PAGE_SIZE,
        offset: (criteria.page - 1) * PAGE_SIZE,
      })
      .then(
        (list) => {
          if (current) setResult({ key, list });
        },
        (e: unknown) => {
          if (current) setError(e);
        },
      );
    return () => {
      current = false;
    };
  }, [key]);

  const depthOf = useMemo(() => {
    const byId = new Map(units.map((u) => [u.id, u]));
    return (u: PublicUnitT) => {
      let depth = 0;
      for (let p = u.parentId; p && depth < 10; p = byId.get(p)?.parentId ?? null) depth++;
      return depth;
    };
  }, [units]);

  const shown = result?.key === key ? result.list : null;
  const pages = shown ? Math.max(1, Math.ceil(shown.total / PAGE_SIZE)) : 1;
  const unit = units.find((u) => u.code === criteria.unit);

  function submit(event: FormEvent) {
    event.preventDefault();
    go({ ...criteria, q: text.trim(), page: 1 });
  }

  function change(key: "unit" | "field" | "online" | "postal", value: string) {
    go({ ...criteria, [key]: value, page: 1 }, { replace: true });
  }

  return (
    <div className="container cat-page">
      <PageHeading title={t("catalog.title")} lead={t("catalog.lead")} />
      <search className="panel" aria-label={t("catalog.search.aria")}>
        <form className="cat-search" onSubmit={submit}>
          <label htmlFor="cat-q" className="field-label">
            {t("catalog.search.label")}
          </label>
          <p className="field-hint" id="cat-q-hint">
            {t("catalog.search.hint")}
          </p>
          <div className="cat-search-row">
            <div className="search-box cat-search-input">
              <Icon name="search" />
              <input
                id="cat-q"
                type="search"
                className="input"
                aria-describedby="cat-q-hint"
                placeholder={t("catalog.search.placeholder")}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
            <button type="submit" className="button button-primary">
              {t("catalog.search.submit")}
            </button>
          </div>
          <div className="cat-filters">
            <div className="field">
              <label htmlFor="cat-unit">{t("catalog.filter.unit")}</label>
              <select
                id="cat-unit"
                className="input"
                value={criteria.unit}
                onChange={(e) => change("unit", e.target.value)}
              >
                <option value="">{t("catalog.filter.unit.all")}</option>
                {units.map((u) => (
                  <option key={u.id} value={u.code}>
                    {`${"\u00a0\u00a0".repeat(depthOf(u))}${u.name}`}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="cat-field">{t("catalog.filter.field")}</label>
              <select
                id="cat-field"
                className="input"
                value={criteria.field}
                onChange={(e) => change("field", e.target.value)}
              >
                <option value="">{t("catalog.filter.field.all")}</option>
                {fields.map((f) => (
                  <option key={f.code} value={f.code}>
                    {`${lang === "en" ? f.nameEn : f.nameVi} (${f.procedures})`}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="cat-online">{t("catalog.filter.online")}</label>
              <select
                id="cat-online"
                className="input"
                value={criteria.online}
                onChange={(e) => change("online", e.target.value)}
              >
                <option value="">{t("catalog.filter.any")}</option>
                {ONLINE.map((o) => (
                  <option key={o} value={o}>
                    {t(ONLINE_LABELS[o])}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="cat-postal">{t("catalog.filter.postal")}</label>
              <select
                id="cat-postal"
                className="input"
                value={criteria.postal}
                onChange={(e) => change("postal", e.target.value)}
              >
                <option value="">{t("catalog.filter.any")}</option>
                <option value="receive">{t("catalog.postal.receive")}</option>
                <option value="deliver">{t("catalog.postal.deliver")}</option>
              </select>
            </div>
          </div>
        </form>
      </search>

      {unit ? (
        <div className="panel cat-unit-bar">
          <p>
            <Icon name="building" /> <strong>{unit.name}</strong>
          </p>
          <a className="button" href={api.catalog.boardUrl(unit.code)} target="_blank" rel="noopener">
            <Icon name="print" />
            <span>{t("catalog.board.print")}</span>
          </a>
        </div>
      ) : null}

      {error ? <Alert kind="error">{errorText(error, lang)}</Alert> : null}
      <p className="cat-count" role="status">
        {shown ? t("catalog.results.count", { n: shown.total }) : t("common.loading")}
      </p>
      {shown && shown.items.length === 0 ? (
        <div className="panel">
          <p>{t("catalog.results.none")}</p>
        </div>
      ) : null}
      {shown && shown.items.length > 0 ? (
        <ol className="cat-results" start={(criteria.page - 1) * PAGE_SIZE + 1}>
          {shown.items.map((item) => (
            <li key={item.id} className="cat-result">
              <h2 className="cat-result-title">
                <Link to={procedurePath(item.slug, criteria.unit || undefined)}>{item.name}</Link>
              </h2>
              {lang === "en" ? <p className="cat-result-en">{item.nameEn}</p> : null}
              <p className="cat-result-meta">
                <span className="badge">{lang === "en" ? item.field.nameEn : item.field.nameVi}</span>
                {item.code ? (
                  <span className="code">
                    {t("catalog.code")}: {item.code}
                  </span>
                ) : null}
                <span className={`badge cat-online cat-online-${item.onlineLevel}`}>
                  {t(ONLINE_LABELS[item.onlineLevel])}
                </span>
              </p>
              <dl className="cat-result-facts">
                <div>
                  <dt>{t("catalog.time")}</dt>
                  <dd>{lang === "en" ? item.timeEn : item.timeVi}</dd>
                </div>
                <div>
                  <dt>{t("catalog.fee")}</dt>
                  <dd>{lang === "en" ? item.feeEn : item.feeVi}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ol>
      ) : null}
      {shown && pages > 1 ? (
        <nav className="cat-pager" aria-label={t("catalog.pager.aria")}>
          <button
            type="button"
            className="button"
            disabled={criteria.page <= 1}
            onClick={() => go({ ...criteria, page: criteria.page - 1 })}
          >
            {t("catalog.pager.prev")}
          </button>
          <span>{t("catalog.pager.page", { page: criteria.page, pages })}</span>
          <button
            type="button"
            className="button"
            disabled={criteria.page >= pages}
            onClick={() => go({ ...criteria, page: criteria.page + 1 })}
          >
            {t("catalog.pager.next")}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
