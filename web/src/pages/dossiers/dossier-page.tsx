import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { STATUS_LABELS } from "../../../../src/contracts/dossiers.ts";
import { ApiError } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import {
  type ActionResult,
  type DossierAction,
  type DossierDetail,
  dossierApi,
  type FileBrief,
  type FormView,
  type ReceptionResult,
} from "../../dossier-api.ts";
import { type Lang, type Translate, useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { mayUse } from "../../nav.ts";
import { Link, useLocation } from "../../router.tsx";
import { useMe } from "../../session.tsx";
import { DossierIntoWorkFile } from "../documents/work-file-papers.tsx";
import {
  ApologyDialog,
  ConfirmDialog,
  NoteActionDialog,
  ResultDialog,
  ReturnDialog,
  StopDialog,
  SupplementReceivedDialog,
  TransferDialog,
  TransferReturnDialog,
} from "./action-dialogs.tsx";
import { DueBadge, LateBadge, StatusBadge } from "./badges.tsx";
import { AssignDialog, ReasonDialog, SupplementDialog } from "./dialogs.tsx";
import { FileUpload, formatSize } from "./file-upload.tsx";
import {
  ACTION_LABELS,
  ACTION_ORDER,
  CHANNEL_LABELS,
  dueState,
  EVENT_LABELS,
  formatDay,
  formatInstant,
  formatShort,
  KIND_LABELS,
  OUTCOME_LABELS,
  RETURN_LABELS,
  ROLE_STEP_LABELS,
  statusText,
  TIMELINESS_LABELS,
} from "./labels.ts";
import { OnlineFilingPanel } from "./online-filing-panel.tsx";
import { PaperRatingDialog } from "./paper-rating-dialog.tsx";
import { ReceiptPanel } from "./receipt-panel.tsx";
import { ResultToSign, SignResultDialog } from "./sign-result.tsx";
import "./dossiers.css";

type Event = DossierDetail["events"][number];
type Note = DossierDetail["notes"][number];

const DANGER: ReadonlySet<DossierAction> = new Set([
  "reject",
  "refuse",
  "stop",
  "withdraw",
  "close_incomplete",
]);
const PRIMARY: ReadonlySet<DossierAction> = new Set([
  "accept",
  "forward",
  "approve",
  "record_result",
  "return",
]);

/**
 * One dossier: its header (code, status, appointment, late flag), the actions the signed-in officer may take
 * now, the timeline of every step, transfer, note, pause and apology, the papers and files, the forms issued,
 * and the control sheet (form 06). A stale version (409) says so and offers to reload.
 */
export function DossierPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { search } = useLocation();
  const id = search.get("id") ?? "";
  const [dossier, setDossier] = useState<DossierDetail | null>(null);
  const [loadError, setLoadError] = useState<string>();
  const [dialog, setDialog] = useState<DossierAction | "sign_result" | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string>();
  const [notice, setNotice] = useState<{ text: string; form: FormView | null } | null>(null);
  const [conflict, setConflict] = useState(false);
  const [receipt, setReceipt] = useState<ReceptionResult | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    if (!id) return;
    try {
      setDossier(await dossierApi.get(id));
      setLoadError(undefined);
    } catch (e) {
      setLoadError(errorText(e, lang));
    }
  }, [id, lang]);

  useEffect(() => {
    void load();
  }, [load]);

  function open(action: DossierAction | "sign_result") {
    setDialogError(undefined);
    setNotice(null);
    setDialog(action);
  }

  /** Sends one action with the version read; a conflict closes the dialog and explains. */
  async function run(action: DossierAction, send: () => Promise<ActionResult | ReceptionResult>) {
    setBusy(true);
    setDialogError(undefined);
    try {
      const result = await send();
      setDossier(result.dossier);
      setDialog(null);
      setConflict(false);
      if ("receipt" in result && result.receipt) {
        setReceipt(result);
        setNotice(null);
      } else {
        setNotice({ text: t("dossier.done", { action: t(ACTION_LABELS[action]) }), form: result.form });
        requestAnimationFrame(() => noticeRef.current?.focus());
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === "CONFLICT") {
        setDialog(null);
        setConflict(true);
      } else if (dialog) {
        setDialogError(errorText(e, lang));
      } else {
        setLoadError(errorText(e, lang));
      }
    } finally {
      setBusy(false);
    }
  }

  async function reload() {
    setConflict(false);
    setNotice(null);
    await load();
  }

  if (!id) return <Alert kind="error">{t("dossier.missingId")}</Alert>;
  if (!dossier) {
    return loadError ? (
      <>
        <PageHeading title={t("dossier.title")} />
        <Alert kind="error">{loadError}</Alert>
      </>
    ) : (
      <p className="loading" role="status">
        {t("common.loading")}
      </p>
    );
  }

  const d = dossier;
  const v = d.version;
  const actions = ACTION_ORDER.filter((a) => d.actions.includes(a));
  const mainActions = actions.filter((a) => !DANGER.has(a));
  const dangerActions = actions.filter((a) => DANGER.has(a));
  // With a draft to sign, signing is the main action; approving without a signature stays possible.
  const signFirst = d.actions.includes("approve") && !!d.resultDraft;
  const close = () => setDialog(null);
  const common = { busy, error: dialogError, onClose: close };
  const task = d.task;
  const openTransfer = d.transfers.find((x) => x.status === "open") ?? null;
  const nextRole = (() => {
    if (!task) return null;
    if (task.transferId && openTransfer && task.subIndex !== null) {
      return openTransfer.steps[task.subIndex + 1]?.role ?? null;
    }
    return d.workflow[task.stepIndex + 1]?.role ?? null;
  })();
  const leaderHere = !!task && task.unit.id === me.unit.id && mayUse(me.permissions, "staff.read");
  // Filing the result into a work file (NĐ 30/2020 Điều 28): whoever reads the unit's work files.
  const readsFiles = ["document.draft", "document.manage", "document.assign"].some((p) =>
    mayUse(me.permissions, p),
  );

  return (
    <div className="dos-page">
      <PageHeading
        title={d.code ? t("dossier.titleCode", { code: d.code }) : t("dossier.noCode")}
        lead={d.procedure.name}
        actions={
          <Link to="/app/dossiers" className="button">
            {t("dossier.backToInbox")}
          </Link>
        }
      />

      <section className="panel dos-header" aria-labelledby="dos-header-title" data-testid="dossier-header">
        <h2 id="dos-header-title" className="visually-hidden">
          {t("dossier.summary")}
        </h2>
        <div className="dos-header-badges">
          <StatusBadge summary={d} />
          <DueBadge state={dueState(d)} />
          <LateBadge late={d.flags.late} />
        </div>
        <dl className="facts dos-header-facts">
          {d.acceptanceDueAt ? (
            // Filed online and not yet accepted: the desk's deadline comes first (NĐ 118/2025).
            <div>
              <dt>{t("dossier.acceptanceDue")}</dt>
              <dd className="strong" data-testid="dossier-acceptance-due">
                {formatInstant(d.acceptanceDueAt, lang)}
              </dd>
            </div>
          ) : (
            <div>
              <dt>{t("dossier.appointment")}</dt>
              <dd className="strong" data-testid="dossier-appointment">
                {formatInstant(d.appointmentAt, lang)}
              </dd>
            </div>
          )}
          <div>
            <dt>{t("dossier.receivedAt")}</dt>
            <dd data-testid="dossier-received-at">
              {d.receivedAt ? formatInstant(d.receivedAt, lang) : t("dossier.notReceived")}
            </dd>
          </div>
          {d.dueAt ? (
            <div>
              <dt>{t("dossier.dueAt")}</dt>
              <dd>{formatInstant(d.dueAt, lang)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("dossier.currentStep")}</dt>
            <dd data-testid="dossier-step">
              {task ? (
                <>
                  {task.name}
                  <span className="cell-sub">
                    {task.unit.name} · {t(ROLE_STEP_LABELS[task.role] ?? "role.specialist")} ·{" "}
                    {task.assignee ? task.assignee.fullName : t("inbox.unassigned")} · {t("inbox.due.step")}:{" "}
                    {formatShort(task.dueAt)}
                  </span>
                </>
              ) : (
                statusText(d.statusLabel, lang)
              )}
            </dd>
          </div>
        </dl>
      </section>

      {conflict ? (
        <Alert kind="error" title={t("dossier.conflict.title")}>
          <p>{t("dossier.conflict.text")}</p>
          <button
            type="button"
            className="button"
            onClick={() => void reload()}
            data-testid="conflict-reload"
          >
            {t("dossier.conflict.reload")}
          </button>
        </Alert>
      ) : null}
      {loadError ? <Alert kind="error">{loadError}</Alert> : null}
      {notice ? (
        <div ref={noticeRef} tabIndex={-1} className="dos-notice">
          <Alert kind="success">
            <p data-testid="notice">{notice.text}</p>
            {notice.form ? (
              <p>
                <a href={notice.form.url} target="_blank" rel="noopener" className="button button-small">
                  <Icon name="print" />
                  <span>
                    {notice.form.number
                      ? t("dossier.printForm", { number: notice.form.number, title: notice.form.title })
                      : t("dossier.printSlip", { title: notice.form.title })}
                  </span>
                </a>
              </p>
            ) : null}
          </Alert>
        </div>
      ) : null}
      {receipt ? <ReceiptPanel result={receipt} autoOpen /> : null}

      {task?.role === "leader" || d.signedResult ? (
        <ResultToSign
          dossier={d}
          canSign={d.actions.includes("approve") && !!d.resultDraft}
          busy={busy}
          onSign={() => open("sign_result")}
        />
      ) : null}

      <section className="panel dos-actions" aria-labelledby="dos-actions-title">
        <h2 id="dos-actions-title">{t("dossier.actions")}</h2>
        {actions.length === 0 ? (
          <p className="muted">{t("dossier.actions.none")}</p>
        ) : (
          <div className="dos-action-bar">
            <div className="button-row dos-action-buttons">
              {mainActions.map((a) => (
                <button
                  key={a}
                  type="button"
                  data-action={a}
                  className={PRIMARY.has(a) && !signFirst ? "button button-primary" : "button"}
                  disabled={busy}
                  onClick={() =>
                    a === "claim" ? void run("claim", () => dossierApi.claim(d.id, v)) : open(a)
                  }
                >
                  {a === "assign" && task?.assignee ? t("action.reassign") : t(ACTION_LABELS[a])}
                </button>
              ))}
            </div>
            {dangerActions.length > 0 ? (
              // Refusing, stopping or withdrawing ends the dossier: kept apart from the way forward, each behind
              // a dialog that asks for the reason and a confirmation.
              <fieldset className="dos-danger-actions" data-testid="danger-actions">
                <legend>{t("dossier.actions.danger")}</legend>
                <div className="button-row">
                  {dangerActions.map((a) => (
                    <button
                      key={a}
                      type="button"
                      data-action={a}
                      className="button button-danger-outline"
                      disabled={busy}
                      onClick={() => open(a)}
                    >
                      {t(ACTION_LABELS[a])}
                    </button>
                  ))}
                </div>
              </fieldset>
            ) : null}
          </div>
        )}
      </section>

      <div className="dos-columns">
        <div className="dos-main-col">
          {d.channel === "online" ? <OnlineFilingPanel dossierId={d.id} version={d.version} /> : null}
          <Timeline dossier={d} />
          <Papers dossier={d} />
          {d.transfers.length > 0 ? <Transfers dossier={d} /> : null}
          <Steps dossier={d} />
        </div>
        <div className="dos-side-col">
          <Facts dossier={d} />
          <Forms dossier={d} />
          {(d.status === "result_ready" || d.status === "returned") && readsFiles ? (
            <DossierIntoWorkFile dossierId={d.id} unitId={me.unit.id} />
          ) : null}
          {d.actions.includes("note") ? (
            <NoteForm dossier={d} onAdded={(r) => setDossier(r.dossier)} />
          ) : null}
        </div>
      </div>

      {dialog === "accept" ? (
        <ConfirmDialog
          {...common}
          title={t("action.accept")}
          text={t("dossier.accept.text")}
          submit={t("action.accept")}
          onConfirm={() => void run("accept", () => dossierApi.accept(d.id, v))}
        />
      ) : null}
      {dialog === "refuse" ? (
        <ReasonDialog
          {...common}
          title={t("reception.refuse.title")}
          lead={t("reception.refuse.lead")}
          label={t("reception.refuse.reason")}
          submit={t("reception.refuse.submit")}
          danger
          onSend={(reason) => run("refuse", () => dossierApi.refuse(d.id, { version: v, reason }))}
        />
      ) : null}
      {dialog === "request_supplement" ? (
        <SupplementDialog
          {...common}
          missing={[]}
          onSend={(items) =>
            run("request_supplement", () => dossierApi.requestSupplement(d.id, { version: v, items }))
          }
        />
      ) : null}
      {dialog === "supplement_received" ? (
        <SupplementReceivedDialog
          {...common}
          dossier={d}
          onSend={(body) =>
            void run("supplement_received", () =>
              dossierApi.supplementReceived(d.id, {
                version: v,
                components: body.components,
                note: body.note,
              }),
            )
          }
        />
      ) : null}
      {dialog === "assign" && task ? (
        <AssignDialog
          {...common}
          title={t("assign.title", { code: d.code ?? d.applicantName })}
          role={task.role}
          unitId={task.unit.id}
          current={task.assignee?.id ?? null}
          onSend={(assigneeId) => run("assign", () => dossierApi.assign(d.id, { version: v, assigneeId }))}
        />
      ) : null}
      {dialog === "forward" ? (
        <NoteActionDialog
          {...common}
          title={t("action.forward")}
          lead={t("forward.lead")}
          submit={t("action.forward")}
          assignee={leaderHere && task && nextRole ? { unitId: task.unit.id, role: nextRole } : null}
          draftUpload={nextRole === "leader" && !task?.transferId}
          onSend={(note, assigneeId, resultDraftFileId) =>
            void run("forward", () =>
              dossierApi.forward(d.id, {
                version: v,
                note,
                assigneeId,
                ...(resultDraftFileId ? { resultDraftFileId } : {}),
              }),
            )
          }
        />
      ) : null}
      {dialog === "approve" ? (
        <NoteActionDialog
          {...common}
          title={t("action.approve")}
          lead={t("approve.lead")}
          submit={t("action.approve")}
          onSend={(note) => void run("approve", () => dossierApi.approve(d.id, { version: v, note }))}
        />
      ) : null}
      {dialog === "sign_result" ? (
        <SignResultDialog
          {...common}
          onSend={(body) => void run("approve", () => dossierApi.signResult(d.id, { version: v, ...body }))}
        />
      ) : null}
      {dialog === "send_back" ? (
        <ReasonDialog
          {...common}
          title={t("action.send_back")}
          label={t("sendBack.reason")}
          submit={t("action.send_back")}
          onSend={(reason) => run("send_back", () => dossierApi.sendBack(d.id, { version: v, reason }))}
        />
      ) : null}
      {dialog === "reject" ? (
        <ReasonDialog
          {...common}
          title={t("action.reject")}
          lead={t("reject.lead")}
          label={t("reject.reason")}
          submit={t("action.reject")}
          danger
          onSend={(reason) => run("reject", () => dossierApi.reject(d.id, { version: v, reason }))}
        />
      ) : null}
      {dialog === "record_result" ? (
        <ResultDialog
          {...common}
          onSend={(body) =>
            void run("record_result", () => dossierApi.recordResult(d.id, { version: v, ...body }))
          }
        />
      ) : null}
      {dialog === "transfer" ? (
        <TransferDialog
          {...common}
          dossier={d}
          onSend={(body) => void run("transfer", () => dossierApi.transfer(d.id, { version: v, ...body }))}
        />
      ) : null}
      {dialog === "transfer_return" ? (
        <TransferReturnDialog
          {...common}
          version={v}
          onSend={(body) => void run("transfer_return", () => dossierApi.transferReturn(d.id, body))}
        />
      ) : null}
      {dialog === "apologise" ? (
        <ApologyDialog
          {...common}
          dossier={d}
          onSend={(body) => void run("apologise", () => dossierApi.apologise(d.id, { version: v, ...body }))}
        />
      ) : null}
      {dialog === "rate_paper" ? (
        <PaperRatingDialog
          {...common}
          dossier={d}
          onSend={(body) => void run("rate_paper", () => dossierApi.ratePaper(d.id, body))}
        />
      ) : null}
      {dialog === "extend" ? (
        <ReasonDialog
          {...common}
          title={t("action.extend")}
          lead={t("extend.lead")}
          label={t("extend.reason")}
          submit={t("action.extend")}
          onSend={(reason) => run("extend", () => dossierApi.extend(d.id, { version: v, reason }))}
        />
      ) : null}
      {dialog === "stop" ? (
        <StopDialog
          {...common}
          onSend={(body) => void run("stop", () => dossierApi.stop(d.id, { version: v, ...body }))}
        />
      ) : null}
      {dialog === "withdraw" ? (
        <ReasonDialog
          {...common}
          title={t("action.withdraw")}
          lead={t("withdraw.lead")}
          label={t("withdraw.reason")}
          submit={t("action.withdraw")}
          danger
          optional
          onSend={(reason) =>
            run("withdraw", () => dossierApi.withdraw(d.id, { version: v, reason: reason || null }))
          }
        />
      ) : null}
      {dialog === "return" ? (
        <ReturnDialog
          {...common}
          dossier={d}
          onSend={(body) => void run("return", () => dossierApi.returnResult(d.id, body))}
        />
      ) : null}
      {dialog === "close_incomplete" ? (
        <ConfirmDialog
          {...common}
          title={t("action.close_incomplete")}
          text={t("closeIncomplete.text")}
          submit={t("action.close_incomplete")}
          danger
          onConfirm={() => void run("close_incomplete", () => dossierApi.closeIncomplete(d.id, v))}
        />
      ) : null}
    </div>
  );
}

function FileLinks({ files }: { files: FileBrief[] }) {
  if (files.length === 0) return null;
  return (
    <ul className="dos-file-links">
      {files.map((f) => (
        <li key={f.id}>
          <a href={f.url} target="_blank" rel="noopener">
            {f.name}
          </a>{" "}
          <span className="cell-sub dos-inline">({formatSize(f.size)})</span>
        </li>
      ))}
    </ul>
  );
}

function eventDetail(e: Event, notes: Map<string, Note>, t: Translate, lang: Lang) {
  const detail = e.detail;
  const str = (key: string): string | null => {
    const value = detail[key];
    return typeof value === "string" && value.trim() ? value : null;
  };
  const lines: { label: string; text: string }[] = [];
  const reason = str("reason");
  if (reason) lines.push({ label: t("timeline.reason"), text: reason });
  const basis = str("basis");
  if (basis) lines.push({ label: t("timeline.basis"), text: basis });
  const note = str("note");
  if (note) lines.push({ label: t("timeline.note"), text: note });
  const toName = str("toName");
  if (toName) lines.push({ label: t("timeline.toUnit"), text: toName });
  const code = str("code");
  if (code && e.action !== "note") lines.push({ label: t("dossier.code"), text: code });
  const appointment = str("newAppointment");
  if (appointment) lines.push({ label: t("apology.newAppointment"), text: formatInstant(appointment, lang) });
  const number = str("number");
  if (number) {
    const signedOn = str("signedOn");
    lines.push({ label: t("result.number"), text: signedOn ? `${number} (${formatDay(signedOn)})` : number });
  }
  const method = str("method");
  if (method) {
    const ref = str("reference");
    const label = RETURN_LABELS[method];
    lines.push({ label: t("return.method"), text: `${label ? t(label) : method}${ref ? ` — ${ref}` : ""}` });
  }
  const items = Array.isArray(detail.items)
    ? (detail.items as unknown[]).flatMap((i) =>
        i && typeof i === "object" && "name" in i && "reason" in i
          ? [{ name: String(i.name), reason: String(i.reason) }]
          : [],
      )
    : [];
  const noteId = str("noteId");
  const noteView = noteId ? notes.get(noteId) : undefined;
  return (
    <>
      {lines.length > 0 ? (
        <dl className="dos-event-detail">
          {lines.map((l) => (
            <div key={l.label} className="dos-event-line">
              <dt>{l.label}</dt>
              <dd>{l.text}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {items.length > 0 ? (
        <ol className="dos-event-items">
          {items.map((i) => (
            <li key={`${i.name}-${i.reason}`}>
              <span className="strong">{i.name}</span>: {i.reason}
            </li>
          ))}
        </ol>
      ) : null}
      {noteView ? (
        <div className="dos-event-note">
          <p>{noteView.text}</p>
          <FileLinks files={noteView.files} />
        </div>
      ) : null}
    </>
  );
}

function Timeline({ dossier }: { dossier: DossierDetail }) {
  const { t, lang } = useI18n();
  const notes = new Map(dossier.notes.map((n) => [n.id, n]));
  const events = [...dossier.events].sort((a, b) => b.seq - a.seq);
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("timeline.title")}</h2>
      <p className="small muted">{t("timeline.lead")}</p>
      <ol className="dos-timeline" data-testid="timeline">
        {events.map((e) => {
          // A reception at the counter is named by its outcome: accepted, supplements asked, or refused.
          const outcome = e.action === "receive" ? e.detail.outcome : undefined;
          const label =
            EVENT_LABELS[typeof outcome === "string" ? outcome : e.action] ?? EVENT_LABELS[e.action];
          return (
            <li key={e.seq} className={`dos-event dos-event-${e.action}`} data-action={e.action}>
              <div className="dos-event-head">
                <span className="dos-event-title">{t(label ?? "event.other")}</span>
                <time dateTime={e.at} className="dos-event-time">
                  {formatInstant(e.at, lang)}
                </time>
              </div>
              <p className="dos-event-who small">
                {e.actor ? e.actor.fullName : t("timeline.system")}
                {e.unit ? ` · ${e.unit.name}` : ""}
                {e.fromStatus !== e.toStatus ? (
                  <>
                    {" · "}
                    <span className="dos-event-status">
                      {t("timeline.status", {
                        status: statusText(
                          STATUS_LABELS[e.toStatus] ?? { vi: e.toStatus, en: e.toStatus },
                          lang,
                        ),
                      })}
                    </span>
                  </>
                ) : null}
              </p>
              {eventDetail(e, notes, t, lang)}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Papers({ dossier }: { dossier: DossierDetail }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel" aria-labelledby="papers-title">
      <h2 id="papers-title">{t("dossier.papers")}</h2>
      <div className="table-wrap">
        <table className="table responsive-table dos-table">
          <caption className="visually-hidden">{t("dossier.papers")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dossier.paper.name")}</th>
              <th scope="col">{t("dossier.paper.kind")}</th>
              <th scope="col">{t("dossier.paper.files")}</th>
            </tr>
          </thead>
          <tbody>
            {dossier.components.map((c) => (
              <tr key={c.id}>
                <td data-label={t("dossier.paper.name")}>
                  {c.name}
                  {c.supplement ? (
                    <span className="cell-sub">
                      {t("dossier.paper.supplement", { at: formatInstant(c.addedAt, lang) })}
                    </span>
                  ) : null}
                </td>
                <td data-label={t("dossier.paper.kind")}>
                  {t(KIND_LABELS[c.kind] ?? "paper.copy")} × {c.count}
                </td>
                <td data-label={t("dossier.paper.files")}>
                  {c.files.length ? <FileLinks files={c.files} /> : <span className="muted">—</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Transfers({ dossier }: { dossier: DossierDetail }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel" aria-labelledby="transfers-title">
      <h2 id="transfers-title">{t("dossier.transfers")}</h2>
      <ul className="dos-transfers">
        {dossier.transfers.map((x) => (
          <li key={x.id} className="dos-transfer">
            <p className="strong">
              {x.fromUnit.name} <span aria-hidden="true">→</span>
              <span className="visually-hidden"> {t("dossier.transfer.to")} </span> {x.toUnit.name}
            </p>
            <p className="small">
              {x.status === "open" ? t("dossier.transfer.open") : t("dossier.transfer.returned")} ·{" "}
              {t("dossier.transfer.sent", { at: formatInstant(x.sentAt, lang) })} ·{" "}
              {t("dossier.transfer.due", { at: formatInstant(x.dueAt, lang) })}
              {x.returnedAt
                ? ` · ${t("dossier.transfer.back", { at: formatInstant(x.returnedAt, lang) })}`
                : ""}
            </p>
            <p className="small">
              {t("timeline.reason")}: {x.reason}
            </p>
            {x.steps.length ? (
              <p className="small muted">
                {t("dossier.transfer.steps")}: {x.steps.map((s) => s.nameVi).join(" → ")}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Steps({ dossier }: { dossier: DossierDetail }) {
  const { t } = useI18n();
  if (dossier.tasks.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="steps-title">
      <h2 id="steps-title">{t("dossier.steps")}</h2>
      <div className="table-wrap">
        <table className="table responsive-table dos-table">
          <caption className="visually-hidden">{t("dossier.steps")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dossier.step.name")}</th>
              <th scope="col">{t("dossier.step.who")}</th>
              <th scope="col">{t("dossier.step.time")}</th>
              <th scope="col">{t("dossier.step.result")}</th>
            </tr>
          </thead>
          <tbody>
            {dossier.tasks.map((task) => (
              <tr key={task.id}>
                <td data-label={t("dossier.step.name")}>
                  {task.name}
                  <span className="cell-sub">{task.unit.name}</span>
                </td>
                <td data-label={t("dossier.step.who")}>
                  {task.assignee ? task.assignee.fullName : task.finishedAt ? "—" : t("inbox.unassigned")}
                  <span className="cell-sub">{t(ROLE_STEP_LABELS[task.role] ?? "role.specialist")}</span>
                </td>
                <td data-label={t("dossier.step.time")}>
                  <span className="cell-sub">
                    {t("dossier.step.started")}: {formatShort(task.startedAt)}
                  </span>
                  <span className="cell-sub">
                    {t("dossier.step.due")}: {formatShort(task.dueAt)}
                  </span>
                  {task.finishedAt ? (
                    <span className="cell-sub">
                      {t("dossier.step.finished")}: {formatShort(task.finishedAt)}
                    </span>
                  ) : null}
                </td>
                <td data-label={t("dossier.step.result")}>
                  {task.finishedAt ? (
                    <>
                      {task.timeliness ? (
                        <span
                          className={`badge ${task.timeliness === "late" ? "dos-due dos-due-overdue" : "badge-ok"}`}
                        >
                          {t(TIMELINESS_LABELS[task.timeliness] ?? "timeliness.on_time")}
                        </span>
                      ) : null}
                      {task.outcome ? (
                        <span className="cell-sub">
                          {OUTCOME_LABELS[task.outcome]
                            ? t(OUTCOME_LABELS[task.outcome] ?? "outcome.forwarded")
                            : task.outcome}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <span className="badge badge-muted">{t("dossier.step.open")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Facts({ dossier: d }: { dossier: DossierDetail }) {
  const { t, lang } = useI18n();
  const a = d.applicant;
  const address = [a.address.detail, a.address.commune, a.address.district, a.address.province]
    .filter(Boolean)
    .join(", ");
  return (
    <section className="panel" aria-labelledby="facts-title">
      <h2 id="facts-title">{t("dossier.facts")}</h2>
      <dl className="facts facts-compact">
        <div>
          <dt>{t("dossier.applicant")}</dt>
          <dd>
            {a.name}
            <span className="cell-sub">
              {a.kind === "organisation" ? t("reception.taxCode") : t("reception.identity")}:{" "}
              {a.identityNumber}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t("reception.address")}</dt>
          <dd>{address}</dd>
        </div>
        {a.phone || a.email ? (
          <div>
            <dt>{t("dossier.contact")}</dt>
            <dd>{[a.phone, a.email].filter(Boolean).join(" · ")}</dd>
          </div>
        ) : null}
        {a.representative ? (
          <div>
            <dt>{t("reception.rep.name")}</dt>
            <dd>
              {a.representative.name} ({a.representative.identityNumber})
              <span className="cell-sub">{a.representative.authorisation}</span>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("dossier.procedure")}</dt>
          <dd>
            {d.procedure.name}
            {d.caseName ? <span className="cell-sub">{d.caseName}</span> : null}
            <span className="cell-sub">
              {d.procedure.code ? `${d.procedure.code} · ` : ""}
              {t("dossier.version", { version: d.procedure.version })} · {d.processingTime}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t("dossier.receivedBy")}</dt>
          <dd>
            {d.receivedUnit.name}
            <span className="cell-sub">
              {t(CHANNEL_LABELS[d.channel] ?? "channel.counter")} · {t("dossier.sets", { n: d.sets })}
            </span>
          </dd>
        </div>
        {d.currentUnit.id !== d.receivedUnit.id ? (
          <div>
            <dt>{t("dossier.currentUnit")}</dt>
            <dd>{d.currentUnit.name}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("reception.returnMethod")}</dt>
          <dd>
            {t(RETURN_LABELS[d.returnMethod] ?? "returnMethod.counter")}
            {d.deliveryAddress ? <span className="cell-sub">{d.deliveryAddress}</span> : null}
          </dd>
        </div>
        {d.feeVnd !== null ? (
          <div>
            <dt>{t("reception.fee")}</dt>
            <dd>{new Intl.NumberFormat("vi-VN").format(d.feeVnd)} đ</dd>
          </div>
        ) : null}
        {d.note ? (
          <div>
            <dt>{t("reception.note")}</dt>
            <dd>{d.note}</dd>
          </div>
        ) : null}
        {d.reason ? (
          <div>
            <dt>{t("timeline.reason")}</dt>
            <dd data-testid="dossier-reason">{d.reason}</dd>
          </div>
        ) : null}
        {d.supplementItems.length > 0 ? (
          <div>
            <dt>{t("dossier.supplementItems")}</dt>
            <dd>
              <ol className="dos-event-items">
                {d.supplementItems.map((i) => (
                  <li key={`${i.name}-${i.reason}`}>
                    <span className="strong">{i.name}</span>: {i.reason}
                  </li>
                ))}
              </ol>
            </dd>
          </div>
        ) : null}
        {d.pausedIntervals.length > 0 ? (
          <div>
            <dt>{t("dossier.paused")}</dt>
            <dd>
              {d.pausedIntervals.map((p) => (
                <span key={p.from} className="cell-sub">
                  {formatInstant(p.from, lang)} – {p.to ? formatInstant(p.to, lang) : t("dossier.paused.now")}
                </span>
              ))}
            </dd>
          </div>
        ) : null}
        {d.apology ? (
          <div>
            <dt>{t("dossier.apology")}</dt>
            <dd>
              {t("dossier.apology.text", {
                at: formatInstant(d.apology.issuedAt, lang),
                appointment: formatInstant(d.apology.newAppointment, lang),
              })}
              <span className="cell-sub">{d.apology.reason}</span>
              {d.apology.onTime !== null ? (
                <span
                  className="cell-sub"
                  data-testid="apology-on-time"
                  data-on-time={String(d.apology.onTime)}
                >
                  {t(d.apology.onTime ? "dossier.apology.onTime" : "dossier.apology.lateIssued")}
                </span>
              ) : null}
            </dd>
          </div>
        ) : null}
        {d.extension ? (
          <div>
            <dt>{t("dossier.extension")}</dt>
            <dd data-testid="dossier-extension">
              {t("dossier.extension.text", {
                at: formatInstant(d.extension.at, lang),
                standard: d.extension.standardDueText,
              })}
              <span className="cell-sub">{d.extension.reason}</span>
            </dd>
          </div>
        ) : null}
        {d.result ? (
          <div>
            <dt>{t("dossier.result")}</dt>
            <dd data-testid="dossier-result">
              {t("dossier.result.text", {
                number: d.result.number,
                date: formatDay(d.result.signedOn),
                signer: d.result.signer,
              })}
              {d.result.file ? <FileLinks files={[d.result.file]} /> : null}
            </dd>
          </div>
        ) : null}
        {d.returned ? (
          <div>
            <dt>{t("dossier.returned")}</dt>
            <dd data-testid="dossier-returned">
              {t(RETURN_LABELS[d.returned.method] ?? "returnMethod.counter")} ·{" "}
              {formatInstant(d.returned.at, lang)}
              {d.returned.reference ? <span className="cell-sub">{d.returned.reference}</span> : null}
              {d.returned.signature ? <FileLinks files={[d.returned.signature]} /> : null}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

function Forms({ dossier }: { dossier: DossierDetail }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel" aria-labelledby="forms-title">
      <h2 id="forms-title">{t("dossier.forms")}</h2>
      <ul className="dos-forms">
        {dossier.forms.map((f) => (
          <li key={f.id}>
            <a href={f.url} target="_blank" rel="noopener" data-form={f.kind}>
              <Icon name="print" />
              <span>
                {/* A slip that is not a numbered form (the transfer slip) is named by its title alone. */}
                {f.number ? t("dossier.formName", { number: f.number, title: f.title }) : f.title}
                <span className="cell-sub">{formatInstant(f.issuedAt, lang)}</span>
              </span>
            </a>
          </li>
        ))}
        {dossier.code ? (
          <li className="dos-control-sheet">
            <span className="dos-forms-label">{t("dossier.controlSheet")}</span>
            <span className="dos-forms-links">
              <a
                href={dossierApi.controlSheetUrl(dossier.id, "pdf")}
                target="_blank"
                rel="noopener"
                data-testid="control-sheet-pdf"
              >
                <Icon name="download" />
                <span>PDF</span>
              </a>
              <a href={dossierApi.controlSheetUrl(dossier.id, "xlsx")} data-testid="control-sheet-xlsx">
                <Icon name="download" />
                <span>Excel</span>
              </a>
            </span>
          </li>
        ) : null}
      </ul>
      {dossier.forms.length === 0 && !dossier.code ? (
        <p className="muted">{t("dossier.forms.none")}</p>
      ) : null}
    </section>
  );
}

function NoteForm({ dossier, onAdded }: { dossier: DossierDetail; onAdded: (r: ActionResult) => void }) {
  const { t, lang } = useI18n();
  const [text, setText] = useState("");
  const [files, setFiles] = useState<FileBrief[]>([]);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setError(t("form.required"));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const result = await dossierApi.note(dossier.id, {
        text: text.trim(),
        ...(files.length ? { fileIds: files.map((f) => f.id) } : {}),
      });
      onAdded(result);
      setText("");
      setFiles([]);
      setDone(true);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="note-title">
      <h2 id="note-title">{t("action.note")}</h2>
      <form className="form" onSubmit={submit} noValidate>
        {done ? <Alert kind="success">{t("note.added")}</Alert> : null}
        <div className={error ? "field has-error" : "field"}>
          <label htmlFor="note-text">{t("note.text")}</label>
          <textarea
            id="note-text"
            className="input"
            rows={3}
            maxLength={5000}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "note-error" : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setDone(false);
            }}
          />
          {error ? (
            <p className="field-error" id="note-error">
              <span aria-hidden="true">⚠ </span>
              {error}
            </p>
          ) : null}
        </div>
        <FileUpload label={t("note.files")} files={files} onChange={setFiles} onBusy={setUploading} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy || uploading}>
            {t("note.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
