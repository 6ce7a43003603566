import { useEffect, useState } from "react";
import { Icon } from "../components/icons.tsx";
import { PageHeading } from "../components/page-heading.tsx";
import { dossierApi, type Workload } from "../dossier-api.ts";
import { useI18n } from "../i18n/index.tsx";
import { ROLE_LABELS, ROLE_ORDER, UNIT_KIND_LABELS } from "../lib/labels.ts";
import { visibleNav } from "../nav.ts";
import { Link } from "../router.tsx";
import { useMe } from "../session.tsx";
import { SystemStatusPanel } from "./system-status-panel.tsx";

/** The staff member's start page: who and where they are, their roles, and what they can open. */
export function HomePage() {
  const { t } = useI18n();
  const me = useMe();
  const roles = ROLE_ORDER.filter((r) => me.roles.includes(r));
  const shortcuts = visibleNav(me.permissions).filter((item) => item.id !== "home");

  return (
    <>
      <PageHeading title={t("home.title", { name: me.fullName })} lead={t("home.lead")} />
      <section className="panel profile-card" aria-labelledby="profile-title">
        <h2 id="profile-title" className="visually-hidden">
          {t("home.profile")}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t("home.fullName")}</dt>
            <dd data-testid="me-name">{me.fullName}</dd>
          </div>
          <div>
            <dt>{t("home.unit")}</dt>
            <dd>
              <span className="unit-name" data-testid="me-unit">
                {me.unit.name}
              </span>
              <span className="unit-meta">
                {t("home.unitCode")}:{" "}
                <span className="code" data-testid="me-unit-code">
                  {me.unit.code}
                </span>
                {" · "}
                {t(UNIT_KIND_LABELS[me.unit.kind as keyof typeof UNIT_KIND_LABELS] ?? "unitKind.agency")}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t("home.roles")}</dt>
            <dd>
              <ul className="badges" data-testid="me-roles">
                {roles.map((role) => (
                  <li key={role} className="badge badge-role">
                    {t(ROLE_LABELS[role])}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>{t("home.username")}</dt>
            <dd className="code">{me.username}</dd>
          </div>
        </dl>
      </section>
      {me.permissions["system.read"] ? <SystemStatusPanel /> : null}
      {me.permissions["dossier.read"] ? <WorkloadPanel /> : null}
      {shortcuts.length > 0 ? (
        <section aria-labelledby="shortcuts-title">
          <h2 id="shortcuts-title" className="section-title">
            {t("home.shortcuts")}
          </h2>
          <ul className="card-grid">
            {shortcuts.map((item) => (
              <li key={item.id}>
                <Link to={item.path} className="card-link">
                  <span className="card-icon">
                    <Icon name={item.icon} />
                  </span>
                  <span className="card-text">
                    <span className="card-title">{t(item.label)}</span>
                    <span className="card-description">{t(item.description)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** What waits for the officer, by urgency, each count a link to the matching inbox. */
function WorkloadPanel() {
  const { t } = useI18n();
  const [counts, setCounts] = useState<Workload | null>(null);
  useEffect(() => {
    dossierApi.workload().then(setCounts, () => setCounts(null));
  }, []);
  if (!counts) return null;
  const items = [
    { key: "todo", n: counts.todo, label: t("home.work.todo"), to: "/app/dossiers", tone: "" },
    {
      key: "waitingAcceptance",
      n: counts.waitingAcceptance,
      label: t("home.work.waitingAcceptance"),
      to: "/app/dossiers",
      tone: "",
    },
    {
      key: "dueSoon",
      n: counts.dueSoon,
      label: t("home.work.dueSoon"),
      to: "/app/dossiers",
      tone: "dueSoon",
    },
    {
      key: "overdue",
      n: counts.overdue,
      label: t("home.work.overdue"),
      to: "/app/dossiers?box=todo&overdue=true",
      tone: "overdue",
    },
    {
      key: "awaitingSupplement",
      n: counts.awaitingSupplement,
      label: t("home.work.awaitingSupplement"),
      to: "/app/dossiers?box=unit",
      tone: "",
    },
  ];
  return (
    <section className="panel" aria-labelledby="work-title" data-testid="workload">
      <h2 id="work-title" className="section-title">
        {t("home.work.title")}
      </h2>
      {counts.overdue > 0 ? (
        <p role="alert" className="badge dos-due dos-due-overdue">
          {t("home.work.alert", { n: counts.overdue })}
        </p>
      ) : null}
      <ul className="card-grid">
        {items.map((i) => (
          <li key={i.key} data-count={i.key}>
            <Link
              to={i.to}
              className={
                i.tone && i.n > 0
                  ? `card-link dos-row-${i.tone === "overdue" ? "overdue" : "soon"}`
                  : "card-link"
              }
            >
              <span className="card-text">
                <span className="card-title">{i.n}</span>
                <span className="card-description">{i.label}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
