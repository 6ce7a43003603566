import { type FormEvent, useEffect, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { TextField } from "../../components/field.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { type DocumentFiguresT, type DocumentStatsT, documentsApi } from "../../documents-api.ts";
import { errorText } from "../../lib/errors.ts";
import { useMe } from "../../session.tsx";
import { type DocumentsKey, useDocumentsI18n, viDate } from "./documents-i18n.ts";
import "./documents.css";
import { UnitPicker } from "../../components/unit-picker.tsx";
import { vietnamDay } from "../../lib/vietnam-day.ts";

type Quick = "month" | "quarter" | "year";

/** The calendar month, quarter or year that holds the day: first and last day. */
export function periodAround(day: string, quick: Quick): { from: string; to: string } {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const first = quick === "year" ? 1 : quick === "quarter" ? Math.floor((month - 1) / 3) * 3 + 1 : month;
  const last = quick === "year" ? 12 : quick === "quarter" ? first + 2 : month;
  // Day 0 of the next month is the last day of this one.
  const end = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, "0");
  return { from: `${year}-${mm(first)}-01`, to: `${year}-${mm(last)}-${mm(end)}` };
}

/** The columns of the table, in order, under their groups. */
const COLUMNS: { group: DocumentsKey; key: DocumentsKey; value: (f: DocumentFiguresT) => number }[] = [
  { group: "d.stats.sent", key: "d.stats.electronic", value: (f) => f.sent.electronic },
  { group: "d.stats.sent", key: "d.stats.paper", value: (f) => f.sent.paper },
  { group: "d.stats.received", key: "d.stats.electronic", value: (f) => f.received.electronic },
  { group: "d.stats.received", key: "d.stats.paper", value: (f) => f.received.paper },
  { group: "d.stats.signing", key: "d.stats.signed", value: (f) => f.signedDigitally },
  { group: "d.stats.handling", key: "d.stats.onTime", value: (f) => f.handled.onTime },
  { group: "d.stats.handling", key: "d.stats.late", value: (f) => f.handled.late },
  { group: "d.stats.handling", key: "d.stats.openOverdue", value: (f) => f.handled.openOverdue },
];
const GROUPS: [DocumentsKey, number][] = [
  ["d.stats.sent", 2],
  ["d.stats.received", 2],
  ["d.stats.signing", 1],
  ["d.stats.handling", 3],
];

function StatsTable({ stats }: { stats: DocumentStatsT }) {
  const { t, lang } = useDocumentsI18n();
  const number = (n: number) => n.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB");
  const title = t("d.stats.heading", {
    unit: stats.unitName,
    from: viDate(stats.period.from),
    to: viDate(stats.period.to),
  });
  const row = (key: string, name: string, f: DocumentFiguresT, total = false) => (
    <tr key={key} data-unit={key} className={total ? "doc-stats-total" : undefined}>
      <th scope="row">{total ? <strong>{name}</strong> : name}</th>
      {COLUMNS.map((c) => (
        <td key={`${c.group}-${c.key}`} className="doc-num" data-column={`${c.group}-${c.key}`}>
          {number(c.value(f))}
        </td>
      ))}
    </tr>
  );
  return (
    // A wide table scrolls sideways: the region takes the keyboard focus so that it can be scrolled without a mouse.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region (WCAG 2.1.1)
    <section className="table-wrap" aria-label={title} tabIndex={0}>
      <table className="table doc-stats" data-testid="stats-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t("d.stats.unit")}
            </th>
            {GROUPS.map(([key, span]) => (
              <th key={key} scope="colgroup" colSpan={span}>
                {t(key)}
              </th>
            ))}
          </tr>
          <tr>
            {COLUMNS.map((c) => (
              <th key={`${c.group}-${c.key}`} scope="col">
                {t(c.key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stats.rows.map((r) =>
            row(
              r.unitId,
              r.below || stats.rows.length === 1 ? r.unitName : t("d.stats.own", { unit: r.unitName }),
              r,
            ),
          )}
        </tbody>
        <tfoot>{row("total", t("d.stats.total"), stats.total, true)}</tfoot>
      </table>
    </section>
  );
}

/**
 * Document statistics of a unit for a period (document.stats): sent and received electronically and on paper,
 * signed digitally, incoming documents handled on time and late, still open past their due day; the unit's own
 * row, a row per unit below it for a supervisor, and the total. Figures only, never a document's content.
 */
export function DocumentStatsPage() {
  const { t, lang } = useDocumentsI18n();
  const me = useMe();
  const initial = periodAround(vietnamDay(), "month");
  const [unitId, setUnitId] = useState(me.unit.id);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [shown, setShown] = useState({ unitId: me.unit.id, ...initial });
  const [stats, setStats] = useState<DocumentStatsT | null>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    setStats(null);
    documentsApi.stats(shown.unitId, shown.from, shown.to).then(
      (s) => {
        setStats(s);
        setError(undefined);
      },
      (e: unknown) => setError(errorText(e, lang)),
    );
  }, [shown, lang]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!from || !to || from > to) {
      setError(t("d.stats.range.invalid"));
      return;
    }
    setShown({ unitId, from, to });
  }

  function pick(quick: Quick) {
    const p = periodAround(vietnamDay(), quick);
    setFrom(p.from);
    setTo(p.to);
    setShown({ unitId, ...p });
  }

  return (
    <>
      <PageHeading title={t("d.stats.title")} lead={t("d.stats.lead")} />
      <section className="panel" aria-labelledby="doc-stats-filter">
        <h2 id="doc-stats-filter" className="visually-hidden">
          {t("d.stats.filter")}
        </h2>
        <form className="doc-register-form" onSubmit={submit}>
          <UnitPicker label={t("d.stats.unit")} value={unitId} onChange={setUnitId} />
          <TextField
            type="date"
            label={t("d.reg.from")}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <TextField type="date" label={t("d.reg.to")} value={to} onChange={(e) => setTo(e.target.value)} />
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {t("d.stats.show")}
            </button>
          </div>
        </form>
        <fieldset className="doc-stats-quick">
          <legend>{t("d.stats.quick")}</legend>
          <div className="button-row">
            {(["month", "quarter", "year"] as const).map((q) => (
              <button key={q} type="button" className="button" onClick={() => pick(q)}>
                {t(`d.stats.quick.${q}`)}
              </button>
            ))}
          </div>
        </fieldset>
      </section>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <section className="panel" aria-labelledby="doc-stats-title">
        <h2 id="doc-stats-title">
          {stats
            ? t("d.stats.heading", {
                unit: stats.unitName,
                from: viDate(stats.period.from),
                to: viDate(stats.period.to),
              })
            : t("d.stats.title")}
        </h2>
        {!stats && !error ? <p className="muted">{t("d.stats.loading")}</p> : null}
        {stats ? <StatsTable stats={stats} /> : null}
        {stats && stats.rows.length > 1 ? <p className="muted">{t("d.stats.note.below")}</p> : null}
        <p className="muted">{t("d.stats.note")}</p>
      </section>
    </>
  );
}
