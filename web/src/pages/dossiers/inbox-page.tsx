import { useCallback, useEffect, useMemo, useState } from "react";
import { ApiError } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { type DossierList, type DossierSummary, dossierApi, type Inbox } from "../../dossier-api.ts";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { mayUse } from "../../nav.ts";
import { Link, navigate, useLocation } from "../../router.tsx";
import { useMe } from "../../session.tsx";
import { StatusBadge, SummaryDueBadge } from "./badges.tsx";
import { AssignDialog } from "./dialogs.tsx";
import { formatInstant, formatShort, ROLE_STEP_LABELS } from "./labels.ts";
import { dossierPath } from "./receipt-panel.tsx";
import "./dossiers.css";

const BOXES: readonly { box: Inbox; label: MessageKey; hint: MessageKey; reception?: boolean }[] = [
  { box: "todo", label: "inbox.box.todo", hint: "inbox.box.todo.hint" },
  { box: "mine", label: "inbox.box.mine", hint: "inbox.box.mine.hint" },
  { box: "role", label: "inbox.box.role", hint: "inbox.box.role.hint" },
  { box: "desk", label: "inbox.box.desk", hint: "inbox.box.desk.hint", reception: true },
  { box: "transferred_in", label: "inbox.box.transferred_in", hint: "inbox.box.transferred_in.hint" },
  { box: "transferred_out", label: "inbox.box.transferred_out", hint: "inbox.box.transferred_out.hint" },
  { box: "unit", label: "inbox.box.unit", hint: "inbox.box.unit.hint" },
];

type Sort = "due-asc" | "due-desc";

function dueKey(d: DossierSummary): number {
  const at = d.task?.dueAt ?? d.acceptanceDueAt ?? d.dueAt ?? d.createdAt;
  return new Date(at).getTime();
}

function inboxHref(box: Inbox, overdue: boolean, sort: Sort): string {
  const params = new URLSearchParams({ box });
  if (overdue) params.set("overdue", "true");
  if (sort !== "due-asc") params.set("sort", sort);
  return `/app/dossiers?${params.toString()}`;
}

/**
 * Inboxes per person, per role, of the desk, of transfers and of the unit: code, procedure, applicant, step and
 * due, with due-soon and overdue flagged in words and colour; claim and (for leaders) assign from the row.
 */
export function InboxPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { search } = useLocation();
  const boxes = BOXES.filter((b) => !b.reception || me.roles.includes("reception"));
  const requested = search.get("box");
  const box: Inbox = boxes.find((b) => b.box === requested)?.box ?? "todo";
  const overdue = search.get("overdue") === "true";
  const sort: Sort = search.get("sort") === "due-desc" ? "due-desc" : "due-asc";
  const [list, setList] = useState<DossierList | null>(null);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [assigning, setAssigning] = useState<DossierSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string>();

  const q = search.get("q")?.trim() ?? "";
  const [text, setText] = useState(q);

  const load = useCallback(async () => {
    try {
      setList(
        q
          ? await dossierApi.search({ q, limit: 200 })
          : await dossierApi.inbox(box, { overdue: overdue ? true : undefined, limit: 200 }),
      );
      setError(undefined);
    } catch (e) {
      setError(errorText(e, lang));
    }
  }, [box, overdue, q, lang]);

  useEffect(() => {
    setText(q);
  }, [q]);

  useEffect(() => {
    setList(null);
    void load();
  }, [load]);

  const rows = useMemo(() => {
    const items = [...(list?.items ?? [])];
    items.sort((a, b) => (sort === "due-asc" ? dueKey(a) - dueKey(b) : dueKey(b) - dueKey(a)));
    return items;
  }, [list, sort]);

  const current = boxes.find((b) => b.box === box) ?? boxes[0];

  function canClaim(d: DossierSummary): boolean {
    const task = d.task;
    return (
      !!task &&
      task.assignee === null &&
      task.unit.id === me.unit.id &&
      me.roles.includes(task.role as (typeof me.roles)[number])
    );
  }

  function canAssign(d: DossierSummary): boolean {
    return !!d.task && d.task.unit.id === me.unit.id && me.roles.includes("leader");
  }

  async function claim(d: DossierSummary) {
    setNotice(undefined);
    try {
      await dossierApi.claim(d.id, d.version);
      setNotice(t("inbox.claimed", { code: d.code ?? d.applicantName }));
    } catch (e) {
      setError(e instanceof ApiError && e.code === "CONFLICT" ? t("inbox.conflict") : errorText(e, lang));
    }
    await load();
  }

  async function assign(staffId: string) {
    if (!assigning) return;
    setBusy(true);
    try {
      await dossierApi.assign(assigning.id, { version: assigning.version, assigneeId: staffId });
      setNotice(t("inbox.assigned", { code: assigning.code ?? assigning.applicantName }));
      setAssigning(null);
      await load();
    } catch (e) {
      setDialogError(
        e instanceof ApiError && e.code === "CONFLICT" ? t("inbox.conflict") : errorText(e, lang),
      );
    } finally {
      setBusy(false);
    }
  }

  const now = list ? formatInstant(list.now, lang) : null;

  return (
    <>
      <PageHeading
        title={t("inbox.title")}
        lead={t("inbox.lead")}
        actions={
          <>
            {mayUse(me.permissions, "dossier.receive") ? (
              <Link to="/app/reception" className="button button-primary">
                <Icon name="plus" />
                <span>{t("nav.reception")}</span>
              </Link>
            ) : null}
            <Link to="/app/dossiers/book" className="button">
              <Icon name="catalog" />
              <span>{t("nav.book")}</span>
            </Link>
          </>
        }
      />
      <search className="dos-inbox-search">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const value = text.trim();
            navigate(value ? `/app/dossiers?q=${encodeURIComponent(value)}` : inboxHref(box, overdue, sort));
          }}
        >
          <label htmlFor="inbox-q" className="field-label">
            {t("inbox.search")}
          </label>
          <div className="dos-inbox-search-row">
            <div className="search-box">
              <Icon name="search" />
              <input
                id="inbox-q"
                type="search"
                className="input"
                value={text}
                placeholder={t("inbox.search.placeholder")}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
            <button type="submit" className="button">
              {t("inbox.search.submit")}
            </button>
          </div>
        </form>
      </search>
      <nav className="dos-tabs" aria-label={t("inbox.boxes")}>
        <ul>
          {boxes.map((b) => (
            <li key={b.box}>
              <Link
                to={inboxHref(b.box, overdue, sort)}
                aria-current={!q && b.box === box ? "page" : undefined}
                data-box={b.box}
              >
                {t(b.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {error ? <Alert kind="error">{error}</Alert> : null}
      <section className="panel" aria-labelledby="inbox-list-title">
        <div className="panel-toolbar">
          <div>
            <h2 id="inbox-list-title">
              {q ? t("inbox.search.results", { q }) : current ? t(current.label) : ""}
              {list ? <span className="dos-count"> ({list.total})</span> : null}
            </h2>
            <p className="small muted dos-box-hint">
              {q ? t("inbox.search.hint") : current ? t(current.hint) : ""}
            </p>
          </div>
          <label className="checkbox" hidden={!!q}>
            <input
              type="checkbox"
              checked={overdue}
              onChange={(e) => navigate(inboxHref(box, e.target.checked, sort), { replace: true })}
            />
            {t("inbox.onlyOverdue")}
          </label>
          <button type="button" className="button button-small" onClick={() => void load()}>
            {t("inbox.refresh")}
          </button>
        </div>
        <p className="dos-legend small">
          <span className="badge dos-due dos-due-overdue">
            <span aria-hidden="true">● </span>
            {t("due.overdue")}
          </span>{" "}
          {t("inbox.legend.overdue")}{" "}
          <span className="badge dos-due dos-due-dueSoon">
            <span aria-hidden="true">▲ </span>
            {t("due.soon")}
          </span>{" "}
          {t("inbox.legend.soon")}
          {now ? ` ${t("inbox.legend.now", { now })}` : ""}
        </p>
        {list === null && !error ? <p className="muted">{t("common.loading")}</p> : null}
        {list && rows.length === 0 ? <p className="muted">{t("inbox.empty")}</p> : null}
        {rows.length > 0 ? (
          <div className="table-wrap">
            <table className="table responsive-table dos-table dos-inbox" data-testid="inbox-table">
              <caption className="visually-hidden">{current ? t(current.label) : ""}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("inbox.col.code")}</th>
                  <th scope="col">{t("inbox.col.procedure")}</th>
                  <th scope="col">{t("inbox.col.applicant")}</th>
                  <th scope="col">{t("inbox.col.step")}</th>
                  <th scope="col" aria-sort={sort === "due-asc" ? "ascending" : "descending"}>
                    <Link
                      to={inboxHref(box, overdue, sort === "due-asc" ? "due-desc" : "due-asc")}
                      className="dos-sort"
                    >
                      {t("inbox.col.due")}
                      <span aria-hidden="true">{sort === "due-asc" ? " ↑" : " ↓"}</span>
                      <span className="visually-hidden">
                        {sort === "due-asc" ? t("inbox.sort.toDesc") : t("inbox.sort.toAsc")}
                      </span>
                    </Link>
                  </th>
                  <th scope="col">{t("common.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={d.id} data-code={d.code ?? ""} className={rowClass(d)}>
                    <td data-label={t("inbox.col.code")}>
                      <Link to={dossierPath(d.id)} className="code dos-code-link">
                        {d.code ?? d.onlineReference ?? t("inbox.noCode")}
                      </Link>
                      <span className="cell-sub">
                        <StatusBadge summary={d} />
                      </span>
                    </td>
                    <td data-label={t("inbox.col.procedure")}>
                      <span className="dos-clamp">{d.procedure.name}</span>
                      {d.currentUnit.id !== me.unit.id || d.receivedUnit.id !== me.unit.id ? (
                        <span className="cell-sub">
                          {d.receivedUnit.id !== me.unit.id
                            ? t("inbox.from", { unit: d.receivedUnit.name })
                            : t("inbox.at", { unit: d.currentUnit.name })}
                        </span>
                      ) : null}
                    </td>
                    <td data-label={t("inbox.col.applicant")}>{d.applicantName}</td>
                    <td data-label={t("inbox.col.step")}>
                      {d.task ? (
                        <>
                          <span className="dos-clamp">{d.task.name}</span>
                          <span className="cell-sub">
                            {t(ROLE_STEP_LABELS[d.task.role] ?? "role.specialist")} ·{" "}
                            {d.task.assignee ? d.task.assignee.fullName : t("inbox.unassigned")}
                            {d.task.unit.id !== me.unit.id ? ` · ${d.task.unit.name}` : ""}
                          </span>
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td data-label={t("inbox.col.due")}>
                      <SummaryDueBadge summary={d} />
                      {d.acceptanceDueAt ? (
                        <span className="cell-sub" data-testid="acceptance-due">
                          {t("inbox.due.acceptance")}: {formatShort(d.acceptanceDueAt)}
                        </span>
                      ) : null}
                      {d.task ? (
                        <span className="cell-sub">
                          {t("inbox.due.step")}: {formatShort(d.task.dueAt)}
                        </span>
                      ) : null}
                      {d.dueAt ? (
                        <span className="cell-sub">
                          {t("inbox.due.dossier")}: {formatShort(d.appointmentAt ?? d.dueAt)}
                        </span>
                      ) : null}
                    </td>
                    <td data-label={t("common.actions")}>
                      <div className="cell-actions">
                        {canClaim(d) ? (
                          <button type="button" className="button button-small" onClick={() => void claim(d)}>
                            {t("action.claim")}
                          </button>
                        ) : null}
                        {canAssign(d) ? (
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => {
                              setDialogError(undefined);
                              setAssigning(d);
                            }}
                          >
                            {d.task?.assignee ? t("action.reassign") : t("action.assign")}
                          </button>
                        ) : null}
                        <Link to={dossierPath(d.id)} className="button button-small">
                          {t("inbox.open")}
                          <span className="visually-hidden"> {d.code ?? d.applicantName}</span>
                        </Link>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {assigning?.task ? (
        <AssignDialog
          title={t("assign.title", { code: assigning.code ?? assigning.applicantName })}
          role={assigning.task.role}
          unitId={assigning.task.unit.id}
          current={assigning.task.assignee?.id ?? null}
          error={dialogError}
          busy={busy}
          onClose={() => setAssigning(null)}
          onSend={assign}
        />
      ) : null}
    </>
  );
}

function rowClass(d: DossierSummary): string | undefined {
  if (d.flags.overdue || d.flags.stepOverdue || d.flags.onlineAcceptanceOverdue) return "dos-row-overdue";
  if (d.flags.dueSoon || d.flags.stepDueSoon || d.flags.onlineAlert) return "dos-row-soon";
  return undefined;
}
