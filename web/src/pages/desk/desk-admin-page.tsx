import { useCallback, useEffect, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { deskApi, type RosterWeekT } from "../../desk-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { Link } from "../../router.tsx";
import { useMe } from "../../session.tsx";
import { PairForm } from "./pair-form.tsx";
import { dmy, fieldLabel, RosterTable } from "./roster-table.tsx";
import { UnitPicker, useDesk } from "./use-desk.tsx";
import "./desk.css";

const shiftWeek = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The desk of the signed-in member's unit: members, the roster with its gaps, links to the screens, pairing. */
export function DeskAdminPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const picked = useDesk();
  const desk = picked.desk;
  const [week, setWeek] = useState<RosterWeekT>();
  const [weekError, setWeekError] = useState<string>();

  const load = useCallback(
    async (at?: string) => {
      try {
        setWeek(await deskApi.roster(picked.unitId, at));
      } catch (e) {
        setWeekError(errorText(e, lang));
      }
    },
    [picked.unitId, lang],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const error = picked.error ?? weekError;
  const code = desk?.unit.code ?? me.unit.code;
  const current = desk?.members.filter((m) => m.endsOn === null) ?? [];
  return (
    <div className="container">
      <PageHeading title={desk?.profile?.name ?? t("nav.desk")} lead={desk?.unit.name ?? me.unit.name} />
      <UnitPicker desk={picked} />
      {error ? <Alert kind="error">{error}</Alert> : null}
      {desk && !desk.profile ? <Alert kind="info">{t("desk.notSetUp")}</Alert> : null}
      <nav className="panel" aria-labelledby="desk-edit-links">
        <h2 id="desk-edit-links">{t("nav.desk")}</h2>
        <ul>
          <li>
            <Link to="/app/desk/members">{t("da.links.members")}</Link>
          </li>
          <li>
            <Link to="/app/desk/documents">{t("da.links.documents")}</Link>
          </li>
          <li>
            <Link to="/app/desk/roster">{t("da.links.roster")}</Link>
          </li>
        </ul>
      </nav>
      <section className="panel" aria-labelledby="desk-links">
        <h2 id="desk-links">{t("desk.links")}</h2>
        <ul>
          <li>
            <a href={`/mot-cua?unit=${code}`}>{t("desk.link.public")}</a>
          </li>
          <li>
            <a href={`/quay/lay-so?unit=${code}`}>{t("desk.link.kiosk")}</a>
          </li>
          <li>
            <a href={`/quay/man-hinh?unit=${code}`}>{t("desk.link.display")}</a>
          </li>
          <li>
            <a href={`/quay/danh-gia?unit=${code}`}>{t("desk.link.rating")}</a>
          </li>
        </ul>
      </section>
      <PairForm unitId={picked.unitId} defaultCounter={null} />
      {week ? (
        <section className="desk-section" aria-labelledby="desk-admin-roster">
          <h2 id="desk-admin-roster">
            {t("desk.week", { from: dmy(week.weekStart), to: dmy(week.days[6]?.date ?? week.weekStart) })}
          </h2>
          <div className="button-row">
            <button type="button" className="button" onClick={() => load(shiftWeek(week.weekStart, -7))}>
              {t("desk.prevWeek")}
            </button>
            <button type="button" className="button" onClick={() => load(shiftWeek(week.weekStart, 7))}>
              {t("desk.nextWeek")}
            </button>
            <a
              className="button"
              href={deskApi.rosterPdfUrl(code, week.weekStart)}
              target="_blank"
              rel="noopener"
            >
              {t("desk.roster.print")}
            </a>
          </div>
          {week.warnings.length ? (
            <Alert kind="warning">
              {t("desk.warnings")}:{" "}
              {week.warnings.map((w) => `${dmy(w.date)} ${fieldLabel(w.field, lang)}`).join("; ")}
            </Alert>
          ) : (
            <p className="muted">{t("desk.warnings.none")}</p>
          )}
          <div className="table-wrap">
            <RosterTable week={week} />
          </div>
        </section>
      ) : null}
      <section className="desk-section" aria-labelledby="desk-admin-members">
        <h2 id="desk-admin-members">{t("desk.members")}</h2>
        <ul>
          {current.map((m) => (
            <li key={m.id}>
              <span className="strong">{m.fullName}</span> — {m.title}
              {m.counter ? ` · ${t("desk.counter")} ${m.counter}` : ""}
              {m.fields.length ? ` · ${m.fields.map((f) => fieldLabel(f, lang)).join(", ")}` : ""}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
