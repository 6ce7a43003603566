import { useEffect, useMemo, useState } from "react";
import { api, type PublicUnitT } from "../api.ts";
import { Icon } from "../components/icons.tsx";
import { PageHeading } from "../components/page-heading.tsx";
import { useI18n } from "../i18n/index.tsx";
import { formatHours } from "../lib/hours.ts";
import { UNIT_KIND_LABELS } from "../lib/labels.ts";
import { byVietnameseName, foldVietnamese } from "../lib/text.ts";
import { buildTree, flatten } from "../lib/tree.ts";
import { PORTAL_PATHS } from "../portal-paths.ts";
import { Link } from "../router.tsx";
import { useSession } from "../session.tsx";
import { CatalogSearchBox } from "./catalog/search-box.tsx";
import { LookupBox } from "./lookup/lookup-box.tsx";

/**
 * The public front page. Its body is a column of sections; the portal's later capabilities (procedure
 * catalog search, dossier lookup) take their place at the top of it.
 */
export function LandingPage() {
  const { t } = useI18n();
  const { state } = useSession();
  const staff = state.status === "staff";
  const citizen = state.status === "citizen";

  return (
    <>
      <section className="hero">
        <div className="container hero-inner">
          <div className="hero-text">
            <p className="hero-kicker">{t("landing.kicker")}</p>
            <PageHeading title={t("public.title")} />
            <p className="hero-lead">{t("landing.lead")}</p>
            <p className="hero-staff">
              {t("landing.staff.prompt")}{" "}
              <Link to={staff ? "/app" : "/login"}>
                {staff ? t("public.nav.workspace") : t("landing.staff.action")}
              </Link>
            </p>
          </div>
          <div className="hero-card" data-testid="citizen-card">
            <Icon name="inbox" className="hero-card-icon" />
            <h2>{t("landing.citizen.title")}</h2>
            <p>{t("landing.citizen.text")}</p>
            <Link to={PORTAL_PATHS.home} className="button button-primary button-block">
              {t("landing.citizen.start")}
            </Link>
            {citizen ? (
              <p className="hero-card-links">
                <Link to={PORTAL_PATHS.dossiers}>{t("landing.citizen.mine")}</Link>
              </p>
            ) : (
              <p className="hero-card-links">
                <Link to={PORTAL_PATHS.signIn}>{t("landing.citizen.signIn")}</Link>
                <Link to={PORTAL_PATHS.register}>{t("landing.citizen.register")}</Link>
              </p>
            )}
          </div>
        </div>
      </section>
      <div className="container landing-sections">
        <LookupBox />
        <CatalogSearchBox />
        <UnitDirectory />
      </div>
    </>
  );
}

const DIRECTORY_PREVIEW = 8;

function UnitDirectory() {
  const { t } = useI18n();
  const [units, setUnits] = useState<PublicUnitT[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [filter, setFilter] = useState("");
  const [showAll, setShowAll] = useState(false);

  useEffect(() => {
    api.units.publicList().then(
      // In tree order: each province, then the units under it.
      (r) => setUnits(flatten(buildTree(byVietnameseName(r.items))).map((entry) => entry.item)),
      () => setFailed(true),
    );
  }, []);

  const matching = useMemo(() => {
    if (!units) return [];
    const needle = foldVietnamese(filter.trim());
    return needle
      ? units.filter((u) => foldVietnamese(`${u.name} ${u.address ?? ""}`).includes(needle))
      : units;
  }, [units, filter]);
  const limited = !showAll && !filter.trim() && matching.length > DIRECTORY_PREVIEW;
  const shown = limited ? matching.slice(0, DIRECTORY_PREVIEW) : matching;

  return (
    <section className="panel directory" aria-labelledby="directory-title">
      <div className="panel-header">
        <div>
          <h2 id="directory-title">{t("landing.directory.title")}</h2>
          <p className="muted">{t("landing.directory.lead")}</p>
        </div>
        <div className="search-box">
          <label htmlFor="directory-filter" className="visually-hidden">
            {t("landing.directory.filter")}
          </label>
          <Icon name="search" />
          <input
            id="directory-filter"
            type="search"
            className="input"
            placeholder={t("landing.directory.filter")}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
      </div>
      {failed ? <p className="muted">{t("landing.directory.unavailable")}</p> : null}
      {units && shown.length === 0 ? <p className="muted">{t("landing.directory.none")}</p> : null}
      {!units && !failed ? <p className="muted">{t("common.loading")}</p> : null}
      <ul className="directory-list">
        {shown.map((u) => (
          <li key={u.id} className="directory-item">
            <p className="directory-name">
              <Icon name="building" />
              <span>{u.name}</span>
            </p>
            <p className="directory-kind">{t(UNIT_KIND_LABELS[u.kind])}</p>
            {u.address ? (
              <p className="directory-meta">
                <Icon name="pin" />
                <span>{u.address}</span>
              </p>
            ) : null}
            <p className="directory-meta">
              <Icon name="clock" />
              <span>{formatHours(u.workingHours, t)}</span>
            </p>
          </li>
        ))}
      </ul>
      {limited ? (
        <div className="directory-more">
          <button type="button" className="button" onClick={() => setShowAll(true)}>
            {t("landing.directory.all", { count: matching.length })}
          </button>
        </div>
      ) : null}
    </section>
  );
}
