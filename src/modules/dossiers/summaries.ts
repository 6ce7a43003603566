/**
 * Dossiers as lists show them (inboxes, search): one query with the units, the procedure version and the open
 * task; due-soon and overdue flags computed from the instant passed in (the app's clock), so that a fixed clock
 * gives fixed answers.
 */
import { type RawBuilder, sql } from "kysely";
import { type DossierSummary, type Flags, STATUS_LABELS } from "../../contracts/dossiers.ts";
import type { Executor } from "../../db/database.ts";
import type { DossierRole } from "../../db/tables/dossiers.ts";
import { formatInstant, type Instant } from "../../domain/calendar/index.ts";
import { isDueSoon, isTerminal, timeliness } from "../../domain/dossier/index.ts";
import { type DossierRow, ms, stateOf } from "./state.ts";

/** "Due soon": within a day. */
export const DUE_SOON_MS = 24 * 3_600_000;

export function iso(value: Date | null): string | null {
  return value === null ? null : formatInstant(new Date(value).getTime());
}

export function isoOf(value: Date): string {
  return formatInstant(new Date(value).getTime());
}

/** The NĐ 118/2025 instants of an online dossier waiting for acceptance (online_filings). */
export interface OnlineWindow {
  alertAt: Date | null;
  acceptanceDueAt: Date | null;
}

export function flagsOf(
  row: DossierRow,
  taskDue: Date | null,
  now: Instant,
  online: OnlineWindow | null = null,
): Flags {
  const state = stateOf(row);
  const open = state.receivedAt !== null && state.completedAt === null && !isTerminal(state.status);
  const standing = timeliness(state, now);
  const overdue = open && standing === "late";
  const late = state.late || (state.completedAt !== null && standing === "late");
  const running = state.clock === "running";
  const stepDue = ms(taskDue);
  const stepOverdue = open && running && stepDue !== null && now > stepDue;
  return {
    overdue,
    dueSoon: !overdue && isDueSoon(state, now, DUE_SOON_MS),
    stepOverdue,
    stepDueSoon: open && running && stepDue !== null && !stepOverdue && stepDue - now <= DUE_SOON_MS,
    late,
    paused: state.clock === "paused",
    ...onlineFlags(row.status, online, now),
  };
}

/**
 * An online dossier waiting at the desk: past its 2-hour alert instant it is flagged for attention; past its
 * 8-working-hour acceptance instant it is overdue (NĐ 118/2025).
 */
function onlineFlags(status: string, online: OnlineWindow | null, now: Instant) {
  const waiting = status === "submitted_online" && online !== null;
  const due = ms(online?.acceptanceDueAt ?? null);
  const alert = ms(online?.alertAt ?? null);
  const onlineAcceptanceOverdue = waiting && due !== null && now > due;
  return {
    onlineAlert: waiting && !onlineAcceptanceOverdue && alert !== null && now >= alert,
    onlineAcceptanceOverdue,
  };
}

export interface SummaryRow extends DossierRow {
  ru_code: string;
  ru_name: string;
  cu_code: string;
  cu_name: string;
  pv_version: number;
  pv_code: string | null;
  t_id: string | null;
  t_unit_id: string | null;
  tu_code: string | null;
  tu_name: string | null;
  t_step_index: number | null;
  t_sub_index: number | null;
  t_role: DossierRole | null;
  t_name: string | null;
  t_assignee_id: string | null;
  t_assignee_name: string | null;
  t_due_at: Date | null;
  t_started_at: Date | null;
  t_transfer_id: string | null;
  o_alert_at: Date | null;
  o_acceptance_due_at: Date | null;
  o_reference: string | null;
  total: number;
}

export function toSummary(r: SummaryRow, now: Instant): DossierSummary {
  return {
    id: r.id,
    code: r.code,
    status: r.status as DossierSummary["status"],
    statusLabel: STATUS_LABELS[r.status as DossierSummary["status"]],
    procedure: {
      id: r.procedure_id,
      versionId: r.procedure_version_id,
      version: r.pv_version,
      name: r.procedure_name,
      code: r.pv_code,
    },
    caseId: r.case_id,
    applicantName: r.applicant_name,
    channel: r.channel,
    receivedUnit: { id: r.received_unit_id, code: r.ru_code, name: r.ru_name },
    currentUnit: { id: r.current_unit_id, code: r.cu_code, name: r.cu_name },
    createdAt: isoOf(r.created_at),
    receivedAt: iso(r.received_at),
    dueAt: iso(r.due_at),
    appointmentAt: iso(r.appointment_at),
    completedAt: iso(r.completed_at),
    task:
      r.t_id === null
        ? null
        : {
            id: r.t_id,
            unit: { id: r.t_unit_id as string, code: r.tu_code as string, name: r.tu_name as string },
            stepIndex: r.t_step_index as number,
            subIndex: r.t_sub_index,
            role: r.t_role as DossierRole,
            name: r.t_name as string,
            assignee:
              r.t_assignee_id === null
                ? null
                : { id: r.t_assignee_id, fullName: r.t_assignee_name as string },
            dueAt: isoOf(r.t_due_at as Date),
            startedAt: isoOf(r.t_started_at as Date),
            transferId: r.t_transfer_id,
          },
    onlineReference: r.o_reference,
    acceptanceDueAt: r.status === "submitted_online" ? iso(r.o_acceptance_due_at) : null,
    flags: flagsOf(r, r.t_due_at, now, { alertAt: r.o_alert_at, acceptanceDueAt: r.o_acceptance_due_at }),
    version: r.version,
  };
}

export interface Page {
  limit: number;
  offset: number;
}

/** Dossiers matching `where` (a condition on alias d, t for the open task), newest first unless ordered. */
export async function summaries(
  db: Executor,
  where: RawBuilder<boolean>,
  now: Instant,
  page: Page,
  order: RawBuilder<unknown> = sql`d.created_at DESC, d.id`,
): Promise<{ items: DossierSummary[]; total: number }> {
  const { rows } = await sql<SummaryRow>`
    SELECT d.*, ru.code AS ru_code, ru.name AS ru_name, cu.code AS cu_code, cu.name AS cu_name,
           pv.version AS pv_version, pv.code AS pv_code,
           t.id AS t_id, t.unit_id AS t_unit_id, tu.code AS tu_code, tu.name AS tu_name,
           t.step_index AS t_step_index, t.sub_index AS t_sub_index, t.role AS t_role, t.name AS t_name,
           t.assignee_id AS t_assignee_id, s.full_name AS t_assignee_name, t.due_at AS t_due_at,
           t.started_at AS t_started_at, t.transfer_id AS t_transfer_id,
           o.alert_at AS o_alert_at, o.acceptance_due_at AS o_acceptance_due_at, o.reference AS o_reference,
           (count(*) OVER ())::int AS total
    FROM dossiers d
    JOIN units ru ON ru.id = d.received_unit_id
    JOIN units cu ON cu.id = d.current_unit_id
    JOIN procedure_versions pv ON pv.id = d.procedure_version_id
    LEFT JOIN dossier_tasks t ON t.dossier_id = d.id AND t.finished_at IS NULL
    LEFT JOIN units tu ON tu.id = t.unit_id
    LEFT JOIN staff s ON s.id = t.assignee_id
    LEFT JOIN online_filings o ON o.dossier_id = d.id
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${page.limit} OFFSET ${page.offset}
  `.execute(db);
  return { items: rows.map((r) => toSummary(r, now)), total: rows[0]?.total ?? 0 };
}
