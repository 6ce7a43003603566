import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import {
  type ActionResult,
  type DossierAction,
  type DossierDetail,
  dossierApi,
  type FormView,
  type ReceptionResult,
} from "../../dossier-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { mayUse } from "../../nav.ts";
import { Link, useLocation } from "../../router.tsx";
import { useMe } from "../../session.tsx";
import { DossierIntoWorkFile } from "../documents/work-file-papers.tsx";
import { DueBadge, LateBadge, StatusBadge } from "./badges.tsx";
import {
  ACTION_LABELS,
  ACTION_ORDER,
  dueState,
  formatInstant,
  formatShort,
  ROLE_STEP_LABELS,
  statusText,
} from "./labels.ts";
import { OnlineFilingPanel } from "./online-filing-panel.tsx";
import { ReceiptPanel } from "./receipt-panel.tsx";
import { ResultToSign } from "./sign-result.tsx";
import "./dossiers.css";

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

      <DossierDialogs
        dialog={dialog}
        dossier={d}
        common={common}
        run={run}
        forwardTo={leaderHere && task && nextRole ? { unitId: task.unit.id, role: nextRole } : null}
        draftUpload={nextRole === "leader" && !task?.transferId}
      />
    </div>
  );
}

import { DossierDialogs } from "./dossier-dialogs.tsx";
import { Facts } from "./dossier-facts.tsx";
import { Forms, NoteForm, Papers, Steps, Transfers } from "./dossier-sections.tsx";
import { Timeline } from "./dossier-timeline.tsx";
