import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { TextField } from "../../components/field.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { documentsApi, type HandOverListExportT, type WorkFileListT } from "../../documents-api.ts";
import { errorText } from "../../lib/errors.ts";
import { mayUse } from "../../nav.ts";
import { useMe } from "../../session.tsx";
import { type DocumentsKey, useDocumentsI18n, viDate } from "./documents-i18n.ts";
import { FileDossierForm, WorkFilePapers } from "./work-file-papers.tsx";
import "./documents.css";
import { vietnamYear } from "../../lib/vietnam-day.ts";

/**
 * Prints the year's hand-over list (mục lục hồ sơ, tài liệu nộp lưu, NĐ 30/2020 Điều 28–31) as PDF: the server draws
 * it in the background; the button asks, then follows the job until its file can be downloaded.
 */
function HandOverListPrint({ unitId, year }: { unitId: string; year: number }) {
  const { t, lang } = useDocumentsI18n();
  const [job, setJob] = useState<HandOverListExportT | null>(null);
  const [error, setError] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function follow(id: string) {
    const next = await documentsApi.handOverListPrint(unitId, id);
    setJob(next);
    if (next.status === "pending" || next.status === "running")
      timer.current = setTimeout(() => void follow(id).catch((e) => setError(errorText(e, lang))), 1000);
  }

  async function start() {
    clearTimeout(timer.current);
    setError(undefined);
    try {
      const created = await documentsApi.printHandOverList(unitId, year);
      setJob(created);
      await follow(created.id);
    } catch (e) {
      setError(errorText(e, lang));
    }
  }

  return (
    <span className="doc-print">
      <button
        type="button"
        className="button"
        onClick={() => void start()}
        data-testid="hand-over-list-print"
      >
        {t("d.files.list.print", { year })}
      </button>
      <span role="status" aria-live="polite">
        {job && (job.status === "pending" || job.status === "running") ? t("d.files.list.pending") : null}
        {job?.status === "done" && job.fileUrl ? (
          <a href={job.fileUrl} download={job.filename ?? undefined} data-testid="hand-over-list-file">
            {t("d.files.list.download", { year: job.year })}
          </a>
        ) : null}
        {job?.status === "failed" ? t("d.files.list.failed") : null}
      </span>
      {error ? <Alert kind="error">{error}</Alert> : null}
    </span>
  );
}

/**
 * The unit's work files of a year (hồ sơ công việc, NĐ 30/2020 Điều 28–31): the list with each file's documents,
 * opening a file (leader or clerk), the head's approval of the year's list, closing a file (leader), handing it to
 * the archive (clerk) with the warning 30 days before it is due, and the export of a file with Phụ lục VI (XML, PDF);
 * what a file holds (its documents and the dossier results filed in it), and filing a dossier's result by its code.
 */
export function WorkFilesPage() {
  const { t, lang } = useDocumentsI18n();
  const me = useMe();
  const [year, setYear] = useState(vietnamYear());
  const [list, setList] = useState<WorkFileListT | null>(null);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [notation, setNotation] = useState("");
  const [title, setTitle] = useState("");
  const [heading, setHeading] = useState("");
  const [retention, setRetention] = useState("");
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [handing, setHanding] = useState<WorkFileListT["items"][number] | null>(null);
  const [record, setRecord] = useState("");
  const [viewing, setViewing] = useState<WorkFileListT["items"][number] | null>(null);
  /** Bumped after each change, so that the open file's papers are read again. */
  const [changes, setChanges] = useState(0);
  const mayOpen = mayUse(me.permissions, "document.manage") || mayUse(me.permissions, "document.assign");
  const isLeader = mayUse(me.permissions, "document.assign");
  const isClerk = mayUse(me.permissions, "document.manage");
  const readsFiles = mayOpen || mayUse(me.permissions, "document.draft");
  const pending = list?.items.filter((f) => f.inCatalog && !f.catalogApproved).length ?? 0;
  const warned = list?.items.filter((f) => f.archiveWarning !== null).length ?? 0;

  async function act(run: () => Promise<string>) {
    setError(undefined);
    setNotice(undefined);
    try {
      setNotice(await run());
      setChanges((n) => n + 1);
      await load();
    } catch (err) {
      setError(errorText(err, lang));
    }
  }

  const approve = () =>
    act(async () => {
      const r = await documentsApi.approveCatalog(me.unit.id, year);
      return t("d.files.approved", { n: r.approved });
    });
  const close = (f: WorkFileListT["items"][number]) =>
    act(async () => {
      const r = await documentsApi.closeWorkFile(f.id, f.version);
      return t("d.files.closed", { notation: f.notation, due: viDate(r.archiveDueOn) });
    });
  function handOver(e: FormEvent) {
    e.preventDefault();
    const f = handing;
    if (!f) return;
    if (!record.trim()) {
      setMissing({ record: t("d.draft.required") });
      return;
    }
    setMissing({});
    void act(async () => {
      await documentsApi.handOverWorkFile(f.id, f.version, record.trim());
      setHanding(null);
      setRecord("");
      return t("d.files.handOver.done", { notation: f.notation });
    });
  }

  const load = useCallback(async () => {
    try {
      setList(await documentsApi.workFiles(me.unit.id, year));
    } catch (e) {
      setError(errorText(e, lang));
    }
  }, [me.unit.id, year, lang]);

  useEffect(() => {
    void load();
  }, [load]);

  async function open(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!notation.trim()) problems.notation = t("d.draft.required");
    if (!title.trim()) problems.title = t("d.draft.required");
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    setError(undefined);
    try {
      await documentsApi.openWorkFile(me.unit.id, {
        year,
        notation: notation.trim(),
        title: title.trim(),
        heading: heading.trim() || undefined,
        retentionYears: retention ? Number(retention) : null,
      });
      setNotice(t("d.files.opened", { notation: notation.trim() }));
      setNotation("");
      setTitle("");
      setHeading("");
      setRetention("");
      await load();
    } catch (err) {
      setError(errorText(err, lang));
    }
  }

  return (
    <>
      <PageHeading title={t("d.files.title")} lead={t("d.files.lead")} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {error ? <Alert kind="error">{error}</Alert> : null}
      <section className="panel" aria-labelledby="doc-files-list">
        <div className="panel-toolbar">
          <h2 id="doc-files-list">{t("d.files.list", { year })}</h2>
          <TextField
            type="number"
            label={t("d.files.year")}
            min={2000}
            max={2199}
            value={year}
            onChange={(e) => setYear(Number(e.target.value) || vietnamYear())}
          />
          <HandOverListPrint key={year} unitId={me.unit.id} year={year} />
          {isLeader && pending > 0 ? (
            <button type="button" className="button" onClick={() => void approve()}>
              {t("d.files.approve")}
            </button>
          ) : null}
        </div>
        {warned > 0 ? <Alert kind="warning">{t("d.files.warnings", { n: warned })}</Alert> : null}
        {list && list.items.length === 0 ? <p className="muted">{t("d.files.empty")}</p> : null}
        {list && list.items.length > 0 ? (
          <div className="table-wrap">
            <table className="table responsive-table" data-testid="work-files-table">
              <caption className="visually-hidden">{t("d.files.list", { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("d.files.notation")}</th>
                  <th scope="col">{t("d.files.fileTitle")}</th>
                  <th scope="col">{t("d.files.retention")}</th>
                  <th scope="col">{t("d.files.documents")}</th>
                  <th scope="col">{t("d.files.status")}</th>
                  <th scope="col">{t("d.files.export")}</th>
                  <th scope="col">{t("d.files.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((f) => (
                  <tr key={f.id} data-notation={f.notation}>
                    <td data-label={t("d.files.notation")} className="doc-number">
                      {f.notation}
                    </td>
                    <td data-label={t("d.files.fileTitle")}>
                      {f.title}
                      {f.heading ? <span className="cell-sub">{f.heading}</span> : null}
                    </td>
                    <td data-label={t("d.files.retention")}>
                      {f.retentionYears === null
                        ? t("d.files.permanent")
                        : t("d.files.years", { n: f.retentionYears })}
                    </td>
                    <td data-label={t("d.files.documents")}>
                      {f.documents}
                      {f.dossiers > 0 ? (
                        <span className="cell-sub">{t("d.files.dossiers", { n: f.dossiers })}</span>
                      ) : null}
                    </td>
                    <td data-label={t("d.files.status")}>
                      {t(`d.files.status.${f.status}` as DocumentsKey)}
                      {f.inCatalog && !f.catalogApproved ? (
                        <span className="cell-sub">{t("d.files.catalogDraft")}</span>
                      ) : null}
                      {f.archiveDueOn && f.status === "closed" ? (
                        <span className={`cell-sub${f.archiveWarning ? " file-warning" : ""}`}>
                          {t(
                            f.archiveWarning === "overdue"
                              ? "d.files.overdue"
                              : f.archiveWarning === "due"
                                ? "d.files.due"
                                : "d.files.dueOn",
                            { date: viDate(f.archiveDueOn) },
                          )}
                        </span>
                      ) : null}
                    </td>
                    <td data-label={t("d.files.export")}>
                      <a className="button button-small" href={documentsApi.workFileExportUrl(f.id)} download>
                        XML<span className="visually-hidden"> {f.notation}</span>
                      </a>{" "}
                      <a
                        className="button button-small"
                        href={documentsApi.workFileExportUrl(f.id, "pdf")}
                        download
                      >
                        PDF<span className="visually-hidden"> {f.notation}</span>
                      </a>
                    </td>
                    <td data-label={t("d.files.actions")}>
                      <button
                        type="button"
                        className="button button-small"
                        aria-pressed={viewing?.id === f.id}
                        onClick={() => setViewing(viewing?.id === f.id ? null : f)}
                      >
                        {t("d.files.view")}
                        <span className="visually-hidden"> {f.notation}</span>
                      </button>
                      {isLeader && f.status === "open" ? (
                        <button type="button" className="button button-small" onClick={() => void close(f)}>
                          {t("d.files.close")}
                          <span className="visually-hidden"> {f.notation}</span>
                        </button>
                      ) : null}
                      {isClerk && f.status === "closed" ? (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => {
                            setHanding(f);
                            setRecord("");
                          }}
                        >
                          {t("d.files.handOver")}
                          <span className="visually-hidden"> {f.notation}</span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {viewing ? (
        <WorkFilePapers key={`${viewing.id}-${changes}`} fileId={viewing.id} notation={viewing.notation} />
      ) : null}
      {readsFiles && list ? <FileDossierForm files={list.items} run={act} /> : null}
      {handing ? (
        <form className="form panel" onSubmit={handOver} noValidate aria-labelledby="doc-files-hand-over">
          <h2 id="doc-files-hand-over">{t("d.files.handOver.title", { notation: handing.notation })}</h2>
          <TextField
            label={t("d.files.handOver.record")}
            required
            maxLength={200}
            value={record}
            error={missing.record}
            onChange={(e) => setRecord(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t("d.files.handOver")}
            </button>
            <button type="button" className="button" onClick={() => setHanding(null)}>
              {t("d.files.cancel")}
            </button>
          </div>
        </form>
      ) : null}
      {mayOpen ? (
        <form
          className="form panel"
          onSubmit={(e) => void open(e)}
          noValidate
          aria-labelledby="doc-files-open"
        >
          <h2 id="doc-files-open">{t("d.files.open")}</h2>
          <div className="form-grid">
            <TextField
              label={t("d.files.notation")}
              hint={t("d.files.notation.hint")}
              required
              maxLength={20}
              value={notation}
              error={missing.notation}
              onChange={(e) => setNotation(e.target.value)}
            />
            <TextField
              type="number"
              label={t("d.files.retentionField")}
              min={1}
              max={100}
              value={retention}
              onChange={(e) => setRetention(e.target.value)}
            />
          </div>
          <TextField
            label={t("d.files.heading")}
            maxLength={200}
            value={heading}
            onChange={(e) => setHeading(e.target.value)}
          />
          <TextField
            label={t("d.files.fileTitle")}
            required
            maxLength={500}
            value={title}
            error={missing.title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t("d.files.open")}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
