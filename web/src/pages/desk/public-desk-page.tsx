import { useEffect, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { Icon } from "../../components/icons.tsx";
import { Loading } from "../../components/loading.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { deskApi, type PublicDeskT } from "../../desk-api.ts";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { fieldLabel, RosterTable } from "./roster-table.tsx";
import "./desk.css";

/**
 * The public page of a unit's desk: who works there (NĐ 118/2025: name, title, field and phone are published),
 * this week's duty roster, the house rules and regulation in force, the opening hours and where to send feedback.
 * Printable as it is (the print style drops the site's frame).
 */
export function PublicDeskPage({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const [desk, setDesk] = useState<PublicDeskT>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    deskApi.publicDesk(code).then(setDesk, (e: unknown) => setError(errorText(e, lang)));
  }, [code, lang]);

  if (error)
    return (
      <div className="container narrow-page">
        <Alert kind="error">{error}</Alert>
      </div>
    );
  if (!desk) return <Loading />;
  const is2025 = desk.profile.model === "2025";
  const roleLabel = (role: string): MessageKey =>
    role === "head"
      ? is2025
        ? "desk.role.head2025"
        : "desk.role.head"
      : role === "deputy"
        ? is2025
          ? "desk.role.deputy2025"
          : "desk.role.deputy"
        : "desk.role.officer";

  return (
    <div className="container desk-public">
      <PageHeading
        title={desk.profile.name}
        lead={desk.unit.name}
        actions={
          <button type="button" className="button no-print" onClick={() => window.print()}>
            <Icon name="print" />
            <span>{t("desk.print")}</span>
          </button>
        }
      />
      <div className="desk-facts">
        <section className="panel" aria-labelledby="desk-hours">
          <h2 id="desk-hours">{t("desk.hours")}</h2>
          <p>{desk.profile.openingHours}</p>
        </section>
        <section className="panel" aria-labelledby="desk-feedback" data-testid="desk-feedback">
          <h2 id="desk-feedback">{t("desk.feedback")}</h2>
          <dl className="desk-dl">
            <dt>{t("desk.feedback.address")}</dt>
            <dd>{desk.profile.feedbackAddress}</dd>
            <dt>{t("desk.phone")}</dt>
            <dd>
              <a href={`tel:${desk.profile.feedbackPhone.replace(/[^\d+]/g, "")}`}>
                {desk.profile.feedbackPhone}
              </a>
            </dd>
            {desk.profile.feedbackEmail ? (
              <>
                <dt>{t("desk.feedback.email")}</dt>
                <dd>
                  <a href={`mailto:${desk.profile.feedbackEmail}`}>{desk.profile.feedbackEmail}</a>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      </div>

      <section aria-labelledby="desk-members" className="desk-section">
        <h2 id="desk-members">{t("desk.members")}</h2>
        <div className="table-wrap">
          <table className="table" data-testid="desk-members">
            <thead>
              <tr>
                <th scope="col">{t("desk.name")}</th>
                <th scope="col">{t("desk.title")}</th>
                <th scope="col">{t("desk.fields")}</th>
                <th scope="col">{t("desk.counter")}</th>
                <th scope="col">{t("desk.phone")}</th>
              </tr>
            </thead>
            <tbody>
              {desk.members.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.fullName}
                    <div className="muted">{t(roleLabel(m.role))}</div>
                  </th>
                  <td>
                    {m.title}
                    {m.secondedFrom ? (
                      <div className="muted">
                        {t("desk.seconded")}: {m.secondedFrom.split("-").reverse().join("/")}
                        {m.secondedTo ? ` – ${m.secondedTo.split("-").reverse().join("/")}` : ""}
                      </div>
                    ) : null}
                  </td>
                  <td>{m.fields.map((f) => fieldLabel(f, lang)).join(", ") || "—"}</td>
                  <td>{m.counter ?? "—"}</td>
                  <td>{m.phone ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="desk-roster-title" className="desk-section">
        <h2 id="desk-roster-title">{t("desk.roster")}</h2>
        <p className="no-print">
          <a
            className="button"
            href={deskApi.rosterPdfUrl(desk.unit.code, desk.roster.weekStart)}
            target="_blank"
            rel="noopener"
          >
            <Icon name="download" />
            <span>{t("desk.roster.print")}</span>
          </a>
        </p>
        <div className="table-wrap">
          <RosterTable week={desk.roster} />
        </div>
      </section>

      <section aria-labelledby="desk-docs" className="desk-section">
        <h2 id="desk-docs">{t("desk.documents")}</h2>
        {desk.documents.map((d) => (
          <article key={d.id} className="panel desk-document" data-testid={`desk-document-${d.kind}`}>
            <h3>{d.title}</h3>
            <p className="muted">
              {t(d.kind === "house_rules" ? "desk.document.house_rules" : "desk.document.regulation")} ·{" "}
              {t("desk.version", { n: d.version })}
              {d.issuedRef ? ` · ${t("desk.issued", { ref: d.issuedRef })}` : ""}
            </p>
            {d.body.split("\n").map((line, i) => (
              // Paragraphs of a fixed text: their order never changes.
              // biome-ignore lint/suspicious/noArrayIndexKey: lines of one immutable version
              <p key={i}>{line}</p>
            ))}
          </article>
        ))}
      </section>
    </div>
  );
}
