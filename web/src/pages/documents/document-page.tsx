import { type ReactNode, useCallback, useEffect, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { type DocumentDetailT, documentsApi } from "../../documents-api.ts";
import { errorText } from "../../lib/errors.ts";
import { Link, useLocation } from "../../router.tsx";
import { ActionForm, AssignForm, IssueForm, ReasonForm, SignForm, TextArea } from "./action-forms.tsx";
import { StatusBadge, UrgencyBadge } from "./badges.tsx";
import { type DocumentsKey, documentPath, useDocumentsI18n, viDate } from "./documents-i18n.ts";
import { FileIntoForm } from "./file-into-form.tsx";
import "./documents.css";

const SIG_STATUSES = ["valid", "modified", "invalid"] as const;
const CHAINS = ["trusted", "unknown-issuer", "invalid", "not-checked"] as const;
const sigKey = (status: string): DocumentsKey =>
  (SIG_STATUSES as readonly string[]).includes(status)
    ? (`d.sig.${status}` as DocumentsKey)
    : "d.sig.invalid";
const chainKey = (chain: string): DocumentsKey =>
  (CHAINS as readonly string[]).includes(chain)
    ? (`d.chain.${chain}` as DocumentsKey)
    : "d.chain.not-checked";

/**
 * One document: its facts, content and PDF, the signature check on arrival, per-recipient status for the sender,
 * assignments, versions and comments; and the actions the server says the caller may take now.
 */
export function DocumentPage() {
  const { t, lang } = useDocumentsI18n();
  const { search } = useLocation();
  const id = search.get("id") ?? "";
  const replyId = search.get("reply");
  const [doc, setDoc] = useState<DocumentDetailT | null>(null);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [comment, setComment] = useState("");
  const [doneNote, setDoneNote] = useState("");

  const load = useCallback(async () => {
    try {
      setDoc(await documentsApi.get(id));
    } catch (e) {
      setError(errorText(e, lang));
    }
  }, [id, lang]);

  useEffect(() => {
    setDoc(null);
    void load();
  }, [load]);

  useEffect(() => {
    if (replyId) setNotice(t("d.act.replyCreated"));
  }, [replyId, t]);

  async function run(action: (d: DocumentDetailT) => Promise<string | undefined>) {
    if (!doc) return;
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const message = await action(doc);
      setNotice(message ?? t("d.view.saved"));
      await load();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  if (!doc) {
    return (
      <>
        <PageHeading title={t("d.view.title")} />
        {error ? <Alert kind="error">{error}</Alert> : <p className="muted">{t("d.loading")}</p>}
      </>
    );
  }

  const can = (a: string) => doc.actions.includes(a);
  const v = doc.version;
  const facts: [string, ReactNode][] = [
    [t("d.view.type"), doc.typeName],
    [t("d.view.number"), doc.numberAndNotation],
    [t("d.view.issuedOn"), viDate(doc.issuedOn)],
    [t("d.view.issuer"), doc.direction === "incoming" ? doc.issuerName : null],
    [t("d.view.unit"), doc.unitName],
    [
      t("d.view.urgency"),
      doc.urgency === "normal" ? t("d.urgency.normal") : <UrgencyBadge key="urgency" urgency={doc.urgency} />,
    ],
    [t("d.view.confidentiality"), t(`d.conf.${doc.confidentiality}`)],
    [
      t("d.view.signer"),
      doc.signerName ? `${doc.signerName}${doc.signerPosition ? ` — ${doc.signerPosition}` : ""}` : null,
    ],
    [
      t("d.view.signingMode"),
      doc.signingMode
        ? `${t(`d.mode.${doc.signingMode}`)}${doc.signingFor ? ` ${doc.signingFor}` : ""}`
        : null,
    ],
    [
      t("d.view.arrival"),
      doc.arrivalNumber !== null
        ? `${doc.arrivalNumber} — ${viDate(doc.registeredAt ?? doc.arrivedAt)}`
        : null,
    ],
    [t("d.view.registerDue"), doc.status === "arrived" ? viDate(doc.registerDueOn) : null],
    [t("d.view.replyDue"), viDate(doc.replyDueOn)],
    [
      t("d.view.repliesTo"),
      doc.repliesToId ? (
        <Link key="replies" to={documentPath(doc.repliesToId)}>
          {t("d.open")}
        </Link>
      ) : null,
    ],
  ];

  return (
    <>
      <PageHeading
        title={doc.numberAndNotation ? `${doc.typeName} ${doc.numberAndNotation}` : doc.typeName}
        lead={doc.summary}
        actions={
          doc.fileUrl ? (
            <a className="button" href={documentsApi.fileUrl(doc.id)} target="_blank" rel="noopener">
              {t("d.view.file")}
            </a>
          ) : null
        }
      />
      <p>
        <StatusBadge status={doc.status} />
      </p>
      {notice ? (
        <Alert kind="success">
          {notice}
          {replyId ? (
            <>
              {" "}
              <Link to={documentPath(replyId)}>{t("d.act.openReply")}</Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      {error ? <Alert kind="error">{error}</Alert> : null}
      <div className="doc-layout">
        <div className="stack">
          <section className="panel" aria-labelledby="doc-facts">
            <h2 id="doc-facts">{t("d.view.facts")}</h2>
            <dl className="facts facts-compact" data-testid="document-facts">
              {facts
                .filter(([, value]) => value)
                .map(([label, value]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
            </dl>
          </section>
          <FileIntoForm doc={doc} busy={busy} run={run} />
          {doc.arrivalStamp ? (
            <section className="panel" aria-labelledby="doc-stamp">
              <h2 id="doc-stamp">{t("d.stamp.title")}</h2>
              <div className="doc-stamp" data-testid="arrival-stamp">
                <p className="doc-stamp-agency">{doc.arrivalStamp.agency}</p>
                <p className="doc-stamp-word">{t("d.stamp.word")}</p>
                <p>
                  {t("d.stamp.number")}: <strong>{doc.arrivalStamp.number}</strong>
                </p>
                <p>
                  {t("d.stamp.date")}: {viDate(doc.arrivalStamp.date)} {t("d.stamp.time")}:{" "}
                  {doc.arrivalStamp.time}
                </p>
                <p>
                  {t("d.stamp.passedTo")}: {doc.arrivalStamp.passedTo.join(", ") || "…"}
                </p>
                <p>
                  {t("d.stamp.file")}: {doc.arrivalStamp.workFile ?? "…"}
                </p>
              </div>
            </section>
          ) : null}
          {doc.signatureCheck ? (
            <section className="panel" aria-labelledby="doc-sig" data-testid="signature-check">
              <h2 id="doc-sig">{t("d.view.signatures")}</h2>
              <p
                className={
                  doc.signatureCheck.valid && doc.signatureCheck.trusted !== false
                    ? "doc-sig-ok"
                    : "doc-sig-bad"
                }
                data-testid="signature-summary"
              >
                {doc.signatureCheck.valid
                  ? t("d.view.signatures.valid", { n: doc.signatureCheck.signatures.length })
                  : t("d.view.signatures.invalid")}
                {doc.signatureCheck.trusted === true ? ` ${t("d.view.signatures.trusted")}` : ""}
                {doc.signatureCheck.trusted === false ? ` ${t("d.view.signatures.untrusted")}` : ""}
              </p>
              <ul>
                {doc.signatureCheck.signatures.map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: signatures are listed in file order
                  <li key={i} data-testid="arrival-signature">
                    {s.signer ?? "—"} · {t(sigKey(s.status))}
                    {s.chain ? ` · ${t(chainKey(s.chain))}` : ""}
                    {s.signingTime ? ` · ${viDate(s.signingTime)}` : ""}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {doc.contentText ? (
            <section className="panel" aria-labelledby="doc-content">
              <h2 id="doc-content">{t("d.view.content")}</h2>
              <p className="doc-text">{doc.contentText}</p>
            </section>
          ) : null}
          {doc.recipients.length > 0 ? (
            <section className="panel" aria-labelledby="doc-recipients">
              <h2 id="doc-recipients">{t("d.view.recipients")}</h2>
              <div className="table-wrap">
                <table className="table responsive-table" data-testid="recipients-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("d.view.recipient")}</th>
                      <th scope="col">{t("d.view.recipientStatus")}</th>
                      <th scope="col">{t("d.view.incomingNumber")}</th>
                      <th scope="col">{t("d.view.statusAt")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {doc.recipients.map((r) => (
                      <tr key={r.id} data-recipient={r.name} data-status={r.status ?? ""}>
                        <td data-label={t("d.view.recipient")}>{r.name}</td>
                        <td data-label={t("d.view.recipientStatus")}>
                          {t(`d.rstatus.${r.status ?? "none"}` as DocumentsKey)}
                          {r.reason ? <span className="cell-sub">{r.reason}</span> : null}
                        </td>
                        <td data-label={t("d.view.incomingNumber")}>{r.incomingNumber ?? ""}</td>
                        <td data-label={t("d.view.statusAt")}>{viDate(r.statusAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
          {doc.assignments.length > 0 ? (
            <section className="panel" aria-labelledby="doc-assignments">
              <h2 id="doc-assignments">{t("d.view.assignments")}</h2>
              <div className="table-wrap">
                <table className="table responsive-table" data-testid="assignments-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("d.view.assignee")}</th>
                      <th scope="col">{t("d.view.role")}</th>
                      <th scope="col">{t("d.view.due")}</th>
                      <th scope="col">{t("d.view.doneAt")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {doc.assignments.map((a) => (
                      <tr key={`${a.staffId}-${a.role}`}>
                        <td data-label={t("d.view.assignee")}>{a.name}</td>
                        <td data-label={t("d.view.role")}>{t(`d.role.${a.role}`)}</td>
                        <td data-label={t("d.view.due")}>{viDate(a.dueOn)}</td>
                        <td data-label={t("d.view.doneAt")}>{viDate(a.doneAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
          <section className="panel" aria-labelledby="doc-comments">
            <h2 id="doc-comments">{t("d.view.comments")}</h2>
            {doc.comments.length === 0 ? <p className="muted">{t("d.view.noComments")}</p> : null}
            <ul>
              {doc.comments.map((c) => (
                <li key={`${c.createdAt}-${c.by}`}>
                  <strong>{c.by}</strong> ({viDate(c.createdAt)}): {c.body}
                </li>
              ))}
            </ul>
            {doc.versions.length > 0 ? (
              <>
                <h3>{t("d.view.versions")}</h3>
                <ul>
                  {doc.versions.map((ver) => (
                    <li key={ver.seq}>
                      {t("d.view.version", { n: ver.seq })} · {viDate(ver.createdAt)}
                      {ver.by ? ` · ${ver.by}` : ""}
                      {ver.note ? ` · ${ver.note}` : ""}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        </div>
        <section
          className="panel doc-actions"
          aria-labelledby="doc-actions-title"
          data-testid="document-actions"
        >
          <h2 id="doc-actions-title">{t("d.view.actions")}</h2>
          {can("submit") ? (
            <ActionForm
              title={t("d.act.submit")}
              hint={t("d.act.submit.hint")}
              button={t("d.act.submit")}
              busy={busy}
              testId="action-submit"
              onRun={() => void run(async (d) => void (await documentsApi.submit(d.id, v)))}
            />
          ) : null}
          {can("sign") ? (
            <SignForm
              busy={busy}
              onSign={(body) =>
                void run(async (d) => void (await documentsApi.sign(d.id, { version: v, ...body })))
              }
            />
          ) : null}
          {can("issue") ? (
            <IssueForm
              busy={busy}
              onIssue={(body) =>
                void run(async (d) => {
                  const r = await documentsApi.issue(d.id, { version: v, ...body });
                  return t("d.act.issued", { notation: r.notation });
                })
              }
            />
          ) : null}
          {can("send") ? (
            <ActionForm
              title={t("d.act.send")}
              hint={t("d.act.send.hint")}
              button={t("d.act.send")}
              busy={busy}
              testId="action-send"
              onRun={() => void run(async (d) => void (await documentsApi.send(d.id, v)))}
            />
          ) : null}
          {can("register") ? (
            <ActionForm
              title={t("d.act.register")}
              hint={t("d.act.register.hint")}
              button={t("d.act.register")}
              busy={busy}
              testId="action-register"
              onRun={() =>
                void run(async (d) => {
                  const r = await documentsApi.register(d.id, v);
                  return t("d.act.registered", { n: r.arrivalNumber });
                })
              }
            />
          ) : null}
          {can("assign") ? (
            <AssignForm
              doc={doc}
              busy={busy}
              onAssign={(a) =>
                void run(
                  async (d) => void (await documentsApi.assign(d.id, { version: v, assignments: [a] })),
                )
              }
            />
          ) : null}
          {can("reply") ? (
            <div>
              <h3>{t("d.act.reply")}</h3>
              <Link to={`/app/documents/new?replyTo=${encodeURIComponent(doc.id)}`} className="button">
                {t("d.act.reply")}
              </Link>
            </div>
          ) : null}
          {can("start") && doc.status === "assigned" ? (
            <ActionForm
              title={t("d.act.start")}
              button={t("d.act.start")}
              busy={busy}
              testId="action-start"
              onRun={() => void run(async (d) => void (await documentsApi.start(d.id, v)))}
            />
          ) : null}
          {can("done") ? (
            <ActionForm
              title={t("d.act.done")}
              hint={replyId ? t("d.act.replyLinked") : undefined}
              button={t("d.act.done")}
              busy={busy}
              testId="action-done"
              onRun={() =>
                void run(
                  async (d) =>
                    void (await documentsApi.done(d.id, {
                      version: v,
                      ...(doneNote.trim() ? { note: doneNote.trim() } : {}),
                      replyDocumentId: replyId ?? null,
                    })),
                )
              }
            >
              <TextArea label={t("d.act.doneNote")} value={doneNote} onChange={setDoneNote} />
            </ActionForm>
          ) : null}
          {can("send_back") ? (
            <ReasonForm
              title={t("d.act.sendBack")}
              busy={busy}
              testId="action-send-back"
              onRun={(reason) => void run(async (d) => void (await documentsApi.sendBack(d.id, v, reason)))}
            />
          ) : null}
          {can("refuse") ? (
            <ReasonForm
              title={t("d.act.refuse")}
              busy={busy}
              testId="action-refuse"
              onRun={(reason) => void run(async (d) => void (await documentsApi.refuse(d.id, v, reason)))}
            />
          ) : null}
          {can("recall") ? (
            <ReasonForm
              title={t("d.act.recall")}
              busy={busy}
              testId="action-recall"
              onRun={(reason) => void run(async (d) => void (await documentsApi.recall(d.id, v, reason)))}
            />
          ) : null}
          {can("comment") ? (
            <ActionForm
              title={t("d.act.comment")}
              button={t("d.act.comment")}
              busy={busy || !comment.trim()}
              testId="action-comment"
              onRun={() =>
                void run(async (d) => {
                  await documentsApi.comment(d.id, comment.trim());
                  setComment("");
                  return undefined;
                })
              }
            >
              <TextArea label={t("d.act.commentBody")} value={comment} onChange={setComment} />
            </ActionForm>
          ) : null}
        </section>
      </div>
    </>
  );
}
