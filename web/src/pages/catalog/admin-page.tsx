import { type ChangeEvent, type FormEvent, useEffect, useState } from "react";
import {
  ApiError,
  api,
  type ExportJob,
  type ImportJob,
  type ImportResult,
  type ProcedureList,
} from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { mayUse } from "../../nav.ts";
import { Link } from "../../router.tsx";
import { useMe } from "../../session.tsx";
import { displayDate, ONLINE_LABELS, procedurePath } from "./labels.ts";

const PAGE_SIZE = 50;

interface ImportIssue {
  sheet: string | null;
  row: number | null;
  column: string | null;
  path: string;
  message: string;
  messageEn: string;
}

function importIssues(error: unknown): ImportIssue[] {
  if (!(error instanceof ApiError)) return [];
  const d = error.details;
  return d && typeof d === "object" && "issues" in d && Array.isArray(d.issues)
    ? (d.issues as ImportIssue[])
    : [];
}

/** A job that failed, as the error the synchronous import would have answered (its issues listed the same way). */
function jobError(job: ImportJob): ApiError {
  const first = job.issues[0];
  return new ApiError(422, {
    code: job.errorCode ?? "IMPORT_FAILED",
    message: first
      ? `Tệp có lỗi nên không thủ tục nào được nhập. Lỗi đầu tiên – dòng ${first.row ?? "—"}: ${first.message}`
      : "Không nhập được danh mục; không thủ tục nào được ghi.",
    messageEn: first
      ? `The file has errors, so nothing was imported. First error – row ${first.row ?? "—"}: ${first.messageEn}`
      : "The catalog could not be imported; nothing was written.",
    details: { issues: job.issues },
  });
}

function base64Of(bytes: ArrayBuffer): string {
  let binary = "";
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The officers' view of the catalog: find a procedure to edit, add one, export and import the catalog. */
export function CatalogAdminPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const canManage = mayUse(me.permissions, "catalog.manage");
  const [q, setQ] = useState("");
  const [applied, setApplied] = useState("");
  const [page, setPage] = useState(0);
  const [list, setList] = useState<ProcedureList | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    api.catalog.search({ q: applied, limit: PAGE_SIZE, offset: page * PAGE_SIZE }).then(
      (r) => {
        if (current) setList(r);
      },
      (e: unknown) => {
        if (current) setError(e);
      },
    );
    return () => {
      current = false;
    };
  }, [applied, page]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setPage(0);
    setApplied(q.trim());
  }

  const pages = list ? Math.max(1, Math.ceil(list.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageHeading
        title={t("catalog.admin.title")}
        lead={t("catalog.admin.lead")}
        actions={
          <div className="cat-admin-actions">
            {canManage ? (
              <>
                <Link className="button button-primary" to="/app/catalog/procedure">
                  <Icon name="plus" />
                  <span>{t("catalog.admin.new")}</span>
                </Link>
                <Link className="button" to="/app/catalog/offering">
                  <Icon name="building" />
                  <span>{t("catalog.admin.offering")}</span>
                </Link>
              </>
            ) : null}
          </div>
        }
      />
      <section className="panel" aria-labelledby="cat-admin-list">
        <div className="panel-toolbar">
          <h2 id="cat-admin-list">{t("catalog.admin.list")}</h2>
          <search>
            <form className="cat-search-row" onSubmit={submit}>
              <label htmlFor="cat-admin-q" className="visually-hidden">
                {t("catalog.search.label")}
              </label>
              <div className="search-box cat-search-input">
                <Icon name="search" />
                <input
                  id="cat-admin-q"
                  type="search"
                  className="input"
                  placeholder={t("catalog.search.placeholder")}
                  value={q}
                  onChange={(e) => setQ(e.target.value)}
                />
              </div>
              <button type="submit" className="button">
                {t("catalog.search.submit")}
              </button>
            </form>
          </search>
        </div>
        {error ? <Alert kind="error">{errorText(error, lang)}</Alert> : null}
        <p className="muted" role="status">
          {list ? t("catalog.results.count", { n: list.total }) : t("common.loading")}
        </p>
        {list && list.items.length > 0 ? (
          <div className="table-wrap">
            <table className="table responsive-table">
              <thead>
                <tr>
                  <th scope="col">{t("catalog.admin.col.name")}</th>
                  <th scope="col">{t("catalog.code")}</th>
                  <th scope="col">{t("catalog.admin.col.version")}</th>
                  <th scope="col">{t("catalog.online")}</th>
                  <th scope="col">{t("common.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((p) => (
                  <tr key={p.id}>
                    <td data-label={t("catalog.admin.col.name")}>
                      {p.name}
                      <span className="cell-sub">{lang === "en" ? p.field.nameEn : p.field.nameVi}</span>
                    </td>
                    <td data-label={t("catalog.code")} className="code">
                      {p.code ?? "—"}
                    </td>
                    <td data-label={t("catalog.admin.col.version")}>
                      {t("catalog.admin.version", { version: p.version, date: displayDate(p.effectiveFrom) })}
                    </td>
                    <td data-label={t("catalog.online")}>{t(ONLINE_LABELS[p.onlineLevel])}</td>
                    <td data-label={t("common.actions")}>
                      <div className="cell-actions">
                        <Link
                          className="button button-small"
                          to={`/app/catalog/procedure?ref=${encodeURIComponent(p.slug)}`}
                          aria-label={t("catalog.admin.edit.aria", { name: p.name })}
                        >
                          <Icon name="edit" />
                          <span>{canManage ? t("catalog.admin.edit") : t("catalog.admin.view")}</span>
                        </Link>
                        <Link className="button button-small" to={procedurePath(p.slug)}>
                          {t("catalog.admin.public")}
                        </Link>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {pages > 1 ? (
          <nav className="cat-pager" aria-label={t("catalog.pager.aria")}>
            <button type="button" className="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
              {t("catalog.pager.prev")}
            </button>
            <span>{t("catalog.pager.page", { page: page + 1, pages })}</span>
            <button
              type="button"
              className="button"
              disabled={page + 1 >= pages}
              onClick={() => setPage(page + 1)}
            >
              {t("catalog.pager.next")}
            </button>
          </nav>
        ) : null}
      </section>
      <TransferPanel canImport={canManage} />
    </>
  );
}

/** Export as JSON or the officers' workbook; import either, checked in full first (a dry run), all or nothing. */
function TransferPanel({ canImport }: { canImport: boolean }) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [stage, setStage] = useState<ImportStage | null>(null);
  const [job, setJob] = useState<ExportJob | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);

  /**
   * Exports run as jobs on the server. One done within a second downloads at once, as a plain link would; a
   * longer one shows its progress, then a link to the file.
   */
  async function startExport(format: "json" | "xlsx") {
    setExporting(true);
    setExportError(null);
    setJob(null);
    const started = Date.now();
    try {
      let current = await api.catalog.startExport(format);
      while (current.status === "running") {
        await new Promise((r) => setTimeout(r, 250));
        current = await api.catalog.exportJob(current.id);
        if (Date.now() - started >= 1000) setJob(current);
      }
      if (current.status === "done" && current.fileUrl && Date.now() - started < 1000) {
        window.location.assign(current.fileUrl);
      } else {
        setJob(current);
      }
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  }

  function choose(event: ChangeEvent<HTMLInputElement>) {
    setFile(event.target.files?.[0] ?? null);
    setResult(null);
    setError(null);
  }

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    setStage({ step: "reading", sent: 0, total: file.size, since: Date.now() });
    try {
      const format = file.name.toLowerCase().endsWith(".xlsx") ? "xlsx" : "json";
      const body = { format, file: base64Of(await file.arrayBuffer()), dryRun } as const;
      setStage({ step: "sending", sent: 0, total: 0, since: Date.now() });
      let job = await api.catalog.startImport(body, (sent, total) =>
        setStage((s) =>
          sent >= total && total > 0
            ? s?.step === "checking"
              ? s
              : { step: "checking", sent: total, total, since: Date.now() }
            : { step: "sending", sent, total, since: s?.since ?? Date.now() },
        ),
      );
      // The file passed every check; the server writes it procedure by procedure (all or nothing).
      while (job.status === "pending" || job.status === "running") {
        setStage({ step: "writing", sent: job.done, total: job.total, since: Date.now(), dryRun });
        await new Promise((r) => setTimeout(r, 250));
        job = await api.catalog.importJob(job.id);
      }
      if (job.status === "done" && job.result) setResult(job.result);
      else throw jobError(job);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setStage(null);
    }
  }

  const issues = importIssues(error);
  return (
    <section className="panel" aria-labelledby="cat-transfer">
      <h2 id="cat-transfer">{t("catalog.transfer.title")}</h2>
      <p className="muted">{t("catalog.transfer.lead")}</p>
      <div className="cat-admin-actions">
        {(["xlsx", "json"] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            data-export={format}
            disabled={exporting}
            onClick={() => void startExport(format)}
          >
            <Icon name="download" />
            <span>
              {t(format === "xlsx" ? "catalog.transfer.exportXlsx" : "catalog.transfer.exportJson")}
            </span>
          </button>
        ))}
      </div>
      {job ? <ExportProgress job={job} /> : null}
      {exportError ? <Alert kind="error">{errorText(exportError, lang)}</Alert> : null}
      {canImport ? (
        <div className="form">
          <div className="field">
            <label htmlFor="cat-import-file">{t("catalog.transfer.file")}</label>
            <p className="field-hint" id="cat-import-hint">
              {t("catalog.transfer.file.hint")}
            </p>
            <input
              id="cat-import-file"
              type="file"
              className="input"
              accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="cat-import-hint"
              onChange={choose}
            />
          </div>
          <div className="form-actions">
            <button type="button" className="button" disabled={!file || busy} onClick={() => run(true)}>
              {t("catalog.transfer.check")}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={!file || busy}
              onClick={() => run(false)}
            >
              <Icon name="upload" />
              <span>{t("catalog.transfer.import")}</span>
            </button>
          </div>
          {stage ? <ImportProgress stage={stage} /> : null}
          {result ? (
            <Alert
              kind="success"
              title={result.dryRun ? t("catalog.transfer.checked") : t("catalog.transfer.done")}
            >
              <p>
                {t("catalog.transfer.counts", {
                  created: result.created,
                  versioned: result.versioned,
                  unchanged: result.unchanged,
                })}
              </p>
            </Alert>
          ) : null}
          {error ? (
            <Alert kind="error" title={errorText(error, lang)}>
              {issues.length > 0 ? (
                <div className="table-wrap">
                  <table className="table">
                    <caption className="visually-hidden">{t("catalog.transfer.issues")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("catalog.transfer.sheet")}</th>
                        <th scope="col">{t("catalog.transfer.row")}</th>
                        <th scope="col">{t("catalog.transfer.column")}</th>
                        <th scope="col">{t("catalog.transfer.message")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {issues.map((i) => (
                        <tr key={`${i.sheet}:${i.row}:${i.column}:${i.path}:${i.messageEn}`}>
                          <td>{i.sheet ?? "—"}</td>
                          <td>{i.row ?? "—"}</td>
                          <td>{i.column ?? i.path}</td>
                          <td>{lang === "en" ? i.messageEn : i.message}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
            </Alert>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

interface ImportStage {
  step: "reading" | "sending" | "checking" | "writing";
  /** Bytes sent while sending; procedures written while writing. */
  sent: number;
  total: number;
  since: number;
  dryRun?: boolean;
}

/**
 * Where an import is: the file read, sent (a bar with the share sent), checked in full by the server (a moving bar
 * and the seconds spent), then written procedure by procedure in one transaction (a bar with done of total and what
 * is left; nothing is kept unless all is written).
 */
function ImportProgress({ stage }: { stage: ImportStage }) {
  const { t } = useI18n();
  const [, redraw] = useState(0);
  useEffect(() => {
    if (stage.step !== "checking") return;
    const timer = setInterval(() => redraw((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [stage.step]);
  const share = stage.total > 0 ? Math.min(1, stage.sent / stage.total) : 0;
  const text =
    stage.step === "reading"
      ? t("catalog.transfer.progress.reading")
      : stage.step === "sending"
        ? t("catalog.transfer.progress.sending", {
            percent: Math.floor(share * 100),
            sent: formatKb(stage.sent),
            total: formatKb(stage.total),
          })
        : stage.step === "writing"
          ? t(stage.dryRun ? "catalog.transfer.progress.checked" : "catalog.transfer.progress.written", {
              done: stage.sent,
              total: stage.total,
              left: stage.total - stage.sent,
            })
          : t("catalog.transfer.progress.server", { seconds: Math.floor((Date.now() - stage.since) / 1000) });
  return (
    <div className="cat-import-progress" role="status" data-testid="import-progress" data-step={stage.step}>
      <label htmlFor="cat-import-progress-bar">{text}</label>
      {(stage.step === "sending" || stage.step === "writing") && stage.total > 0 ? (
        <progress id="cat-import-progress-bar" max={stage.total} value={stage.sent} />
      ) : (
        <progress id="cat-import-progress-bar" />
      )}
    </div>
  );
}

function formatKb(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A running export: a bar of done of total; once done, the file to download; if it failed, why. */
function ExportProgress({ job }: { job: ExportJob }) {
  const { t } = useI18n();
  if (job.status === "done" && job.fileUrl) {
    return (
      <p className="cat-export-done" role="status" data-testid="export-progress" data-status="done">
        <a className="button button-primary" href={job.fileUrl} download>
          <Icon name="download" />
          <span>{t("catalog.transfer.exportReady", { name: job.filename ?? "" })}</span>
        </a>
      </p>
    );
  }
  if (job.status === "failed") {
    return (
      <Alert kind="error">
        <span data-testid="export-progress" data-status="failed">
          {t("catalog.transfer.exportFailed")}
        </span>
      </Alert>
    );
  }
  const percent = Math.floor((job.done / Math.max(1, job.total)) * 100);
  return (
    <div className="cat-import-progress" role="status" data-testid="export-progress" data-status="running">
      <label htmlFor="cat-export-progress-bar">
        {t("catalog.transfer.exporting", { percent, done: job.done, total: job.total })}
      </label>
      <progress id="cat-export-progress-bar" max={job.total} value={job.done} />
    </div>
  );
}
