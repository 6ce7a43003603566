import { useCallback, useEffect, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { type DocumentBoxT, type DocumentListT, documentsApi } from "../../documents-api.ts";
import { errorText } from "../../lib/errors.ts";
import { mayUse } from "../../nav.ts";
import { Link, navigate, useLocation } from "../../router.tsx";
import { useMe } from "../../session.tsx";
import { StatusBadge, TaskDueBadge, UrgencyBadge } from "./badges.tsx";
import { type DocumentsKey, documentPath, useDocumentsI18n, viDate } from "./documents-i18n.ts";
import "./documents.css";

interface Box {
  box: DocumentBoxT;
  /** Roles that see the box; none: everyone. */
  roles?: readonly string[];
}

const BOXES: readonly Box[] = [
  { box: "tasks" },
  { box: "incoming" },
  { box: "approval", roles: ["leader"] },
  { box: "issuing", roles: ["clerk"] },
  { box: "drafts" },
  { box: "outgoing" },
  { box: "all" },
];

const boxHref = (box: DocumentBoxT) => `/app/documents?box=${box}`;

/**
 * The documents inbox: the boxes of the workspace (my tasks, incoming, to approve, to issue, drafts, outgoing),
 * urgent ones on top and marked in words and colour, and search with or without diacritics.
 */
export function DocumentsInboxPage() {
  const { t, lang } = useDocumentsI18n();
  const me = useMe();
  const { search } = useLocation();
  const boxes = BOXES.filter((b) => !b.roles || b.roles.some((r) => me.roles.includes(r as never)));
  const fallback: DocumentBoxT = me.roles.includes("clerk")
    ? "incoming"
    : me.roles.includes("leader")
      ? "approval"
      : "tasks";
  const box: DocumentBoxT = boxes.find((b) => b.box === search.get("box"))?.box ?? fallback;
  const q = search.get("q")?.trim() ?? "";
  const [text, setText] = useState(q);
  const [list, setList] = useState<DocumentListT | null>(null);
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    try {
      setList(await documentsApi.list(q ? "all" : box, q));
      setError(undefined);
    } catch (e) {
      setError(errorText(e, lang));
    }
  }, [box, q, lang]);

  useEffect(() => {
    setList(null);
    void load();
  }, [load]);
  useEffect(() => setText(q), [q]);

  const title = q ? t("d.search.results", { q }) : t(`d.box.${box}` as DocumentsKey);
  return (
    <>
      <PageHeading
        title={t("d.title")}
        lead={t("d.lead")}
        actions={
          <>
            {mayUse(me.permissions, "document.draft") ? (
              <Link to="/app/documents/new" className="button button-primary">
                <Icon name="plus" />
                <span>{t("d.new")}</span>
              </Link>
            ) : null}
            {me.roles.includes("clerk") && mayUse(me.permissions, "document.manage") ? (
              <Link to="/app/documents/receive" className="button">
                <Icon name="upload" />
                <span>{t("d.receive")}</span>
              </Link>
            ) : null}
            <Link to="/app/documents/files" className="button">
              <Icon name="catalog" />
              <span>{t("d.files.title")}</span>
            </Link>
            {mayUse(me.permissions, "document.manage") || mayUse(me.permissions, "document.assign") ? (
              <Link to="/app/documents/registers" className="button">
                <Icon name="book" />
                <span>{t("d.registers")}</span>
              </Link>
            ) : null}
          </>
        }
      />
      <search className="doc-search">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const value = text.trim();
            navigate(value ? `/app/documents?q=${encodeURIComponent(value)}` : boxHref(box));
          }}
        >
          <label htmlFor="doc-q" className="field-label">
            {t("d.search")}
          </label>
          <div className="doc-search-row">
            <div className="search-box">
              <Icon name="search" />
              <input
                id="doc-q"
                type="search"
                className="input"
                value={text}
                placeholder={t("d.search.placeholder")}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
            <button type="submit" className="button">
              {t("d.search.submit")}
            </button>
          </div>
        </form>
      </search>
      <nav className="doc-tabs" aria-label={t("d.boxes")}>
        <ul>
          {boxes.map((b) => (
            <li key={b.box}>
              <Link
                to={boxHref(b.box)}
                aria-current={!q && b.box === box ? "page" : undefined}
                data-box={b.box}
              >
                {t(`d.box.${b.box}` as DocumentsKey)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <section className="panel" aria-labelledby="doc-list-title">
        <div className="panel-toolbar">
          <div>
            <h2 id="doc-list-title">
              {title}
              {list ? <span> ({list.total})</span> : null}
            </h2>
            {q ? null : <p className="small muted">{t(`d.box.${box}.hint` as DocumentsKey)}</p>}
          </div>
          <button type="button" className="button button-small" onClick={() => void load()}>
            {t("d.refresh")}
          </button>
        </div>
        {list === null && !error ? <p className="muted">{t("d.loading")}</p> : null}
        {list && list.items.length === 0 ? <p className="muted">{t("d.empty")}</p> : null}
        {list && list.items.length > 0 ? (
          <div className="table-wrap">
            <table className="table responsive-table" data-testid="documents-table">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("d.col.number")}</th>
                  <th scope="col">{t("d.col.summary")}</th>
                  <th scope="col">{t("d.col.unit")}</th>
                  <th scope="col">{t("d.col.status")}</th>
                  <th scope="col">{t("d.col.date")}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((d) => (
                  <tr
                    key={d.id}
                    data-id={d.id}
                    data-number={d.numberAndNotation ?? ""}
                    data-timing={d.task?.timing ?? undefined}
                    className={
                      [
                        d.urgency !== "normal" ? "doc-row-urgent" : "",
                        d.task?.timing === "overdue" ? "doc-row-overdue" : "",
                      ]
                        .filter(Boolean)
                        .join(" ") || undefined
                    }
                  >
                    <td data-label={t("d.col.number")}>
                      <Link to={documentPath(d.id)} className="code doc-number">
                        {d.numberAndNotation ?? t("d.noNumber")}
                      </Link>
                      <span className="cell-sub">
                        {d.typeName}
                        {d.arrivalNumber !== null ? ` · ${t("d.arrivalNumber", { n: d.arrivalNumber })}` : ""}
                      </span>
                    </td>
                    <td data-label={t("d.col.summary")}>
                      {d.summary} <UrgencyBadge urgency={d.urgency} />
                      {d.duplicateOf ? <span className="cell-sub">{t("d.duplicate")}</span> : null}
                    </td>
                    <td data-label={t("d.col.unit")}>
                      {d.direction === "incoming" ? (d.issuerName ?? d.unitName) : d.unitName}
                    </td>
                    <td data-label={t("d.col.status")}>
                      <StatusBadge status={d.status} />
                    </td>
                    <td data-label={t("d.col.date")}>
                      {viDate(d.arrivedAt ?? d.issuedOn ?? d.createdAt)}
                      {d.replyDueOn ? (
                        <span className="cell-sub">
                          {t("d.view.replyDue")}: {viDate(d.replyDueOn)}
                        </span>
                      ) : null}
                      {d.task?.dueOn ? (
                        <span className="cell-sub">
                          {t("d.task.dueOn", { date: viDate(d.task.dueOn) })}{" "}
                          <TaskDueBadge timing={d.task.timing} />
                        </span>
                      ) : null}
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
