import { type FormEvent, useEffect, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { TextField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { dossierApi, type TrackingBook } from "../../dossier-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { Link, navigate, useLocation } from "../../router.tsx";
import { useMe } from "../../session.tsx";
import { formatDay, formatShort, TIMELINESS_LABELS, todayLocal } from "./labels.ts";
import { dossierPath } from "./receipt-panel.tsx";
import "./dossiers.css";
import { UnitPicker } from "../../components/unit-picker.tsx";

function monthStart(today: string): string {
  return `${today.slice(0, 8)}01`;
}

/** The tracking book (form 07) of a unit for a period, on screen and as PDF and Excel. */
export function BookPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { search } = useLocation();
  const today = todayLocal();
  const unit = search.get("unit") || me.unit.code;
  const from = search.get("from") || monthStart(today);
  const to = search.get("to") || today;
  const [draft, setDraft] = useState({ unit, from, to });
  const [book, setBook] = useState<TrackingBook | null>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    setDraft({ unit, from, to });
    setBook(null);
    dossierApi.trackingBook(unit, from, to).then(
      (b) => {
        setBook(b);
        setError(undefined);
      },
      (e: unknown) => setError(errorText(e, lang)),
    );
  }, [unit, from, to, lang]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.from || !draft.to || draft.from > draft.to) {
      setError(t("book.range.invalid"));
      return;
    }
    const params = new URLSearchParams(draft);
    navigate(`/app/dossiers/book?${params.toString()}`, { replace: true });
  }

  return (
    <>
      <PageHeading
        title={t("book.title")}
        lead={t("book.lead")}
        actions={
          <>
            <a
              className="button"
              href={dossierApi.trackingBookUrl(unit, from, to, "pdf")}
              target="_blank"
              rel="noopener"
              data-testid="book-pdf"
            >
              <Icon name="print" />
              <span>{t("book.pdf")}</span>
            </a>
            <a
              className="button"
              href={dossierApi.trackingBookUrl(unit, from, to, "xlsx")}
              data-testid="book-xlsx"
            >
              <Icon name="download" />
              <span>{t("book.xlsx")}</span>
            </a>
          </>
        }
      />
      <section className="panel" aria-labelledby="book-filter-title">
        <h2 id="book-filter-title" className="visually-hidden">
          {t("book.filter")}
        </h2>
        <form className="dos-book-filter" onSubmit={submit}>
          <UnitPicker
            label={t("book.unit")}
            value={draft.unit}
            onChange={(unit) => setDraft({ ...draft, unit })}
            by="code"
          />
          <TextField
            label={t("book.from")}
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            required
          />
          <TextField
            label={t("book.to")}
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            required
          />
          <button type="submit" className="button button-primary">
            {t("book.show")}
          </button>
        </form>
      </section>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <section className="panel" aria-labelledby="book-title">
        <h2 id="book-title">
          {book
            ? t("book.heading", { unit: book.unit.name, from: formatDay(book.from), to: formatDay(book.to) })
            : t("book.title")}
        </h2>
        {!book && !error ? <p className="muted">{t("common.loading")}</p> : null}
        {book && book.rows.length === 0 ? <p className="muted">{t("book.empty")}</p> : null}
        {book && book.rows.length > 0 ? (
          <div className="table-wrap">
            <table className="table responsive-table dos-table dos-book" data-testid="book-table">
              <caption className="visually-hidden">{t("book.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("book.col.no")}</th>
                  <th scope="col">{t("inbox.col.code")}</th>
                  <th scope="col">{t("inbox.col.procedure")}</th>
                  <th scope="col">{t("inbox.col.applicant")}</th>
                  <th scope="col">{t("book.col.dates")}</th>
                  <th scope="col">{t("book.col.progress")}</th>
                  <th scope="col">{t("book.col.timeliness")}</th>
                </tr>
              </thead>
              <tbody>
                {book.rows.map((r, i) => (
                  <tr key={r.dossierId}>
                    <td data-label={t("book.col.no")}>{i + 1}</td>
                    <td data-label={t("inbox.col.code")}>
                      <Link to={dossierPath(r.dossierId)} className="code dos-nowrap">
                        {r.code}
                      </Link>
                    </td>
                    <td data-label={t("inbox.col.procedure")}>
                      <span className="dos-clamp">{r.procedure}</span>
                      {r.processingBody !== book.unit.name ? (
                        <span className="cell-sub">{r.processingBody}</span>
                      ) : null}
                    </td>
                    <td data-label={t("inbox.col.applicant")}>
                      {r.applicant}
                      <span className="cell-sub dos-clamp dos-clamp-2">{r.addressPhone}</span>
                    </td>
                    <td data-label={t("book.col.dates")}>
                      <span className="cell-sub">
                        {t("book.col.received")}: {formatShort(r.receivedAt)}
                      </span>
                      <span className="cell-sub">
                        {t("book.col.appointment")}: {formatShort(r.appointmentAt)}
                      </span>
                    </td>
                    <td data-label={t("book.col.progress")}>
                      {r.forwardedAt ? (
                        <span className="cell-sub">
                          {t("book.forwarded")}: {formatShort(r.forwardedAt)}
                        </span>
                      ) : null}
                      {r.resultReceivedAt ? (
                        <span className="cell-sub">
                          {t("book.resultIn")}: {formatShort(r.resultReceivedAt)}
                        </span>
                      ) : null}
                      {r.returnedAt ? (
                        <span className="cell-sub">
                          {t("book.returned")}: {formatShort(r.returnedAt)}
                          {r.signedBy ? ` (${r.signedBy})` : ""}
                        </span>
                      ) : null}
                    </td>
                    <td data-label={t("book.col.timeliness")}>
                      {r.timeliness ? (
                        <span
                          className={`badge ${r.timeliness === "late" ? "dos-due dos-due-overdue" : "badge-ok"}`}
                        >
                          {t(TIMELINESS_LABELS[r.timeliness] ?? "timeliness.on_time")}
                        </span>
                      ) : (
                        <span className="muted">{t("book.inTime")}</span>
                      )}
                      {r.apology ? (
                        <span className="cell-sub">
                          {t(r.apology.onTime ? "book.apology.onTime" : "book.apology.late", {
                            date: formatShort(r.apology.issuedAt),
                          })}
                        </span>
                      ) : null}
                      {r.note ? <span className="cell-sub">{r.note}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
