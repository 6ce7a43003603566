import { type FormEvent, useEffect, useRef, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { UnitPicker } from "../../components/unit-picker.tsx";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { type DossierReport, type ReportExport, reportApi } from "../../report-api.ts";
import { useMe } from "../../session.tsx";
import { formatDay, todayLocal } from "../dossiers/labels.ts";

type Kind = "month" | "quarter" | "half" | "year" | "range";
type Figures = DossierReport["total"];

interface Choice {
  kind: Kind;
  year: string;
  month: string;
  quarter: string;
  half: string;
  from: string;
  to: string;
}

/** The period label the API takes ("2026-11", "2026-Q4", "2026-H2", "2026"), or null for a range. */
function periodOf(c: Choice): string | null {
  switch (c.kind) {
    case "month":
      return `${c.year}-${c.month.padStart(2, "0")}`;
    case "quarter":
      return `${c.year}-Q${c.quarter}`;
    case "half":
      return `${c.year}-H${c.half}`;
    case "year":
      return c.year;
    case "range":
      return null;
  }
}

/** The figures in the form's column order (3)–(13). */
function cells(f: Figures): number[] {
  return [
    f.received.total,
    f.received.online,
    f.received.directOrPost,
    f.received.carriedOver,
    f.resolved.total,
    f.resolved.early,
    f.resolved.onTime,
    f.resolved.late,
    f.pending.total,
    f.pending.withinTime,
    f.pending.overdue,
  ];
}

const GROUPS: [MessageKey, number][] = [
  ["reports.group.received", 4],
  ["reports.group.resolved", 4],
  ["reports.group.pending", 3],
];

function ReportTable({ report }: { report: DossierReport }) {
  const { t, lang } = useI18n();
  const heading = (i: number) => {
    const c = report.columns[i];
    if (!c) return "";
    const text = lang === "vi" ? c.vi : c.en;
    return text.replace(
      /^[^:]*(received|resolved|pending|nhận giải quyết|đã giải quyết|đang giải quyết)[^:]*: /iu,
      "",
    );
  };
  const row = (no: string, name: string, f: Figures, strong = false) => (
    <tr key={`${no}-${name}`}>
      <td>{no}</td>
      <th scope="row">{strong ? <strong>{name}</strong> : name}</th>
      {cells(f).map((n, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns of the form
        <td key={i} className="num">
          {n.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB")}
        </td>
      ))}
    </tr>
  );
  const section = (title: string, lines: DossierReport["byField"]) => (
    <>
      <tr>
        <th scope="rowgroup" colSpan={13}>
          {title}
        </th>
      </tr>
      {lines.map((l, i) => row(String(i + 1), l.name, l.figures))}
    </>
  );
  return (
    // A wide table scrolls sideways: the region takes the keyboard focus so that it can be scrolled without a mouse.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region (WCAG 2.1.1)
    <section className="table-wrap" aria-label={t("reports.title")} tabIndex={0}>
      <table className="table dos-table" data-testid="report-table">
        <caption className="visually-hidden">{t("reports.title")}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {heading(0)}
            </th>
            <th scope="col" rowSpan={2}>
              {heading(1)}
            </th>
            {GROUPS.map(([key, span]) => (
              <th key={key} scope="colgroup" colSpan={span}>
                {t(key)}
              </th>
            ))}
          </tr>
          <tr>
            {report.columns.slice(2).map((c, i) => (
              <th key={c.key} scope="col">
                {heading(i + 2)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {section(t("reports.byField"), report.byField)}
          {section(t("reports.byUnit"), report.byUnit)}
          {row("", t("reports.total"), report.total, true)}
        </tbody>
      </table>
    </section>
  );
}

function ExportButton({ unitId, body, format }: { unitId: string; body: object; format: "pdf" | "xlsx" }) {
  const { t, lang } = useI18n();
  const [job, setJob] = useState<ReportExport | null>(null);
  const [error, setError] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const label = format === "pdf" ? "PDF" : "Excel";

  async function poll(id: string) {
    const next = await reportApi.exportStatus(unitId, id);
    setJob(next);
    if (next.status === "pending" || next.status === "running")
      timer.current = setTimeout(() => void poll(id).catch((e) => setError(errorText(e, lang))), 1000);
  }

  async function start() {
    setError(undefined);
    try {
      const created = await reportApi.requestExport(unitId, { ...body, format });
      setJob(created);
      await poll(created.id);
    } catch (e) {
      setError(errorText(e, lang));
    }
  }

  return (
    <span className="report-export">
      <button type="button" className="button" onClick={() => void start()} data-testid={`report-${format}`}>
        <Icon name={format === "pdf" ? "print" : "download"} />
        <span>{t(format === "pdf" ? "reports.pdf" : "reports.xlsx")}</span>
      </button>
      <span role="status" aria-live="polite">
        {job && (job.status === "pending" || job.status === "running")
          ? t("reports.export.pending", { format: label })
          : null}
        {job?.status === "done" && job.fileUrl ? (
          <>
            {t("reports.export.ready", { format: label })}{" "}
            <a href={job.fileUrl} download={job.filename ?? undefined} data-testid={`report-${format}-file`}>
              {t("reports.export.download", { name: job.filename ?? label })}
            </a>
          </>
        ) : null}
        {job?.status === "failed" ? t("reports.export.failed", { error: job.error ?? "" }) : null}
      </span>
      {error ? <Alert kind="error">{error}</Alert> : null}
    </span>
  );
}

/** The periodic report "Tình hình, kết quả giải quyết TTHC" of a unit, on screen, as PDF and as Excel. */
export function ReportsPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const today = todayLocal();
  const [unitId, setUnitId] = useState(me.unit.id);
  const [rollup, setRollup] = useState(false);
  const [choice, setChoice] = useState<Choice>({
    kind: "month",
    year: today.slice(0, 4),
    month: String(Number(today.slice(5, 7))),
    quarter: String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1),
    half: Number(today.slice(5, 7)) <= 6 ? "1" : "2",
    from: `${today.slice(0, 8)}01`,
    to: today,
  });
  const [shown, setShown] = useState<{ unitId: string; rollup: boolean; choice: Choice }>({
    unitId,
    rollup,
    choice,
  });
  const [report, setReport] = useState<DossierReport | null>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    setReport(null);
    const period = periodOf(shown.choice);
    reportApi
      .dossiers(shown.unitId, {
        ...(period ? { period } : { from: shown.choice.from, to: shown.choice.to }),
        rollup: shown.rollup,
      })
      .then(
        (r) => {
          setReport(r);
          setError(undefined);
        },
        (e: unknown) => setError(errorText(e, lang)),
      );
  }, [shown, lang]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (choice.kind === "range" && (!choice.from || !choice.to || choice.from > choice.to)) {
      setError(t("reports.range.invalid"));
      return;
    }
    setShown({ unitId, rollup, choice });
  }

  const period = periodOf(shown.choice);
  const exportBody = {
    ...(period ? { period } : { from: shown.choice.from, to: shown.choice.to }),
    rollup: shown.rollup,
  };
  const years = Array.from({ length: 10 }, (_, i) => String(Number(today.slice(0, 4)) - i));
  const set = (patch: Partial<Choice>) => setChoice({ ...choice, ...patch });

  return (
    <>
      <PageHeading
        title={t("reports.title")}
        lead={t("reports.lead")}
        actions={
          <>
            <ExportButton unitId={shown.unitId} body={exportBody} format="pdf" />
            <ExportButton unitId={shown.unitId} body={exportBody} format="xlsx" />
          </>
        }
      />
      <section className="panel" aria-labelledby="report-filter-title">
        <h2 id="report-filter-title" className="visually-hidden">
          {t("reports.filter")}
        </h2>
        <form className="dos-book-filter" onSubmit={submit}>
          <UnitPicker label={t("reports.unit")} value={unitId} onChange={setUnitId} />
          <SelectField
            label={t("reports.kind")}
            value={choice.kind}
            onChange={(e) => set({ kind: e.target.value as Kind })}
          >
            {(["month", "quarter", "half", "year", "range"] as const).map((k) => (
              <option key={k} value={k}>
                {t(`reports.kind.${k}`)}
              </option>
            ))}
          </SelectField>
          {choice.kind === "range" ? (
            <>
              <TextField
                label={t("reports.from")}
                type="date"
                value={choice.from}
                onChange={(e) => set({ from: e.target.value })}
                required
              />
              <TextField
                label={t("reports.to")}
                type="date"
                value={choice.to}
                onChange={(e) => set({ to: e.target.value })}
                required
              />
            </>
          ) : (
            <SelectField
              label={t("reports.year")}
              value={choice.year}
              onChange={(e) => set({ year: e.target.value })}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </SelectField>
          )}
          {choice.kind === "month" ? (
            <SelectField
              label={t("reports.month")}
              value={choice.month}
              onChange={(e) => set({ month: e.target.value })}
            >
              {Array.from({ length: 12 }, (_, i) => String(i + 1)).map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </SelectField>
          ) : null}
          {choice.kind === "quarter" ? (
            <SelectField
              label={t("reports.quarter")}
              value={choice.quarter}
              onChange={(e) => set({ quarter: e.target.value })}
            >
              {["1", "2", "3", "4"].map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </SelectField>
          ) : null}
          {choice.kind === "half" ? (
            <SelectField
              label={t("reports.half")}
              value={choice.half}
              onChange={(e) => set({ half: e.target.value })}
            >
              <option value="1">{t("reports.half.1")}</option>
              <option value="2">{t("reports.half.2")}</option>
            </SelectField>
          ) : null}
          <label className="checkbox">
            <input type="checkbox" checked={rollup} onChange={(e) => setRollup(e.target.checked)} />
            <span>{t("reports.rollup")}</span>
          </label>
          <button type="submit" className="button button-primary">
            {t("reports.show")}
          </button>
        </form>
      </section>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <section className="panel" aria-labelledby="report-title">
        <h2 id="report-title">
          {report
            ? t("reports.heading", {
                unit: report.unit.name,
                from: formatDay(report.period.from),
                to: formatDay(report.period.to),
              })
            : t("reports.title")}
        </h2>
        {!report && !error ? <p className="muted">{t("common.loading")}</p> : null}
        {report && report.total.received.total === 0 ? <p className="muted">{t("reports.empty")}</p> : null}
        {report ? <ReportTable report={report} /> : null}
      </section>
    </>
  );
}
