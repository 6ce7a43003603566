import type { DocumentSummaryT } from "../../documents-api.ts";
import { type DocumentsKey, useDocumentsI18n } from "./documents-i18n.ts";

/** The status in words; urgent ones also in words and colour (Hỏa tốc, Thượng khẩn, Khẩn). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useDocumentsI18n();
  const done = status === "done" || status === "sent" || status === "issued";
  return (
    <span className={`badge ${done ? "badge-ok" : "badge-muted"}`} data-testid="document-status">
      {t(`d.status.${status}` as DocumentsKey)}
    </span>
  );
}

export function UrgencyBadge({ urgency }: { urgency: DocumentSummaryT["urgency"] }) {
  const { t } = useDocumentsI18n();
  if (urgency === "normal") return null;
  return (
    <span className="badge doc-urgent" data-urgency={urgency}>
      <span aria-hidden="true">! </span>
      {t(`d.urgency.${urgency}`)}
    </span>
  );
}

/**
 * Where the caller's own assignment stands (the tasks box): due soon from the working day before the due date,
 * overdue after it (NĐ 30/2020 Điều 24). In words and colour, so colour is never the only sign.
 */
export function TaskDueBadge({ timing }: { timing: "due_soon" | "overdue" | null }) {
  const { t } = useDocumentsI18n();
  if (!timing) return null;
  return (
    <span className={`badge ${timing === "overdue" ? "doc-overdue" : "doc-due-soon"}`} data-timing={timing}>
      <span aria-hidden="true">{timing === "overdue" ? "! " : "⏰ "}</span>
      {t(`d.task.${timing}`)}
    </span>
  );
}
