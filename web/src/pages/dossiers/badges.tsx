import type { DossierSummary } from "../../dossier-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { DUE_LABELS, type DueState, dueState, statusText, statusTone } from "./labels.ts";

/** The dossier's status as words, in a colour family (finished, stopped, waiting, in progress). */
export function StatusBadge({ summary }: { summary: Pick<DossierSummary, "status" | "statusLabel"> }) {
  const { lang } = useI18n();
  return (
    <span
      className={`badge dos-status dos-status-${statusTone(summary.status)}`}
      data-status={summary.status}
    >
      {statusText(summary.statusLabel, lang)}
    </span>
  );
}

/** Due soon (amber) and overdue (red), always with their word; a paused clock says so. */
export function DueBadge({ state }: { state: DueState }) {
  const { t } = useI18n();
  if (state === "ok" || state === "none") return null;
  return (
    <span className={`badge dos-due dos-due-${state}`} data-due={state}>
      <span aria-hidden="true">{state === "overdue" ? "● " : state === "dueSoon" ? "▲ " : "Ⅱ "}</span>
      {t(DUE_LABELS[state])}
    </span>
  );
}

export function SummaryDueBadge({
  summary,
}: {
  summary: Pick<DossierSummary, "flags" | "dueAt" | "task" | "acceptanceDueAt">;
}) {
  return <DueBadge state={dueState(summary)} />;
}

/** Counted late for good (an apology was issued, or finished after the due instant). */
export function LateBadge({ late }: { late: boolean }) {
  const { t } = useI18n();
  return late ? <span className="badge dos-due dos-due-overdue">{t("due.late")}</span> : null;
}
