/**
 * Due and overdue reminders of the assignments of incoming documents (NĐ 30/2020/NĐ-CP Điều 24: the handling of
 * incoming documents is followed up against its time limit; Phụ lục VI: the system tracks and reminds). The rule
 * of when (one working day ahead on the unit's working calendar, then once when overdue) is in
 * src/domain/documents/reminders.ts.
 *
 * A background pass (periodicPass, started by src/server.ts) reads the open assignments (document assigned or in
 * progress, assignment not done, a due date set) and, for each reminder now due, claims it with a conditional
 * UPDATE of its mark (`due_reminded_at` / `overdue_reminded_at` still null, assignment still open, due date
 * unchanged) and writes the outbox row and the audit event in the same transaction. Not a leased job
 * (claimLeased): there is nothing to retry, the mark is the whole claim, and it commits with the message or not
 * at all. Two passes in two processes race only on that UPDATE: PostgreSQL makes the second wait for the first
 * and re-checks the mark, so it claims nothing; the outbox dedupe key (assignment, kind, due date) is the second
 * guard. A new due date set by the leader clears the marks (incoming.ts), so the new date is reminded again.
 * Reminders are sent on the unit's working days, from the start of its working hours.
 */
import type { Db } from "../../db/database.ts";
import { periodicPass } from "../../db/job-lease.ts";
import {
  formatLocalDate,
  nextWorkingInstant,
  parseLocalDate,
  type WorkingCalendar,
} from "../../domain/calendar/index.ts";
import { type AssignmentTiming, reminderDue, vietnamDate } from "../../domain/documents/index.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { calendarFor } from "../calendar/calendar-for.ts";
import { enqueueNotification } from "../notifications/outbox.ts";

const OPEN_STATUSES = ["assigned", "in_progress"] as const;
/** The scan reads due dates up to this many days ahead: more than any run of days off (Tết) plus the lead time. */
const LOOKAHEAD_DAYS = 21;

const MARK = { due_soon: "due_reminded_at", overdue: "overdue_reminded_at" } as const;
const TEMPLATE = { due_soon: "document.due", overdue: "document.overdue" } as const;

function viDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** One pass: every reminder due at `now`, each at most once. Returns how many of each kind were written. */
export async function runReminderPass(
  db: Db,
  now: Date,
  limit = 200,
): Promise<Record<AssignmentTiming, number>> {
  const todayText = vietnamDate(now);
  const today = parseLocalDate(todayText);
  const rows = await db
    .selectFrom("document_assignments as a")
    .innerJoin("documents as d", "d.id", "a.document_id")
    .innerJoin("staff as s", "s.id", "a.staff_id")
    .select([
      "a.id",
      "a.document_id",
      "a.staff_id",
      "a.role",
      "a.due_on",
      "a.due_reminded_at",
      "d.unit_id",
      "d.summary",
      "d.number",
      "d.original_number",
      "s.full_name",
      "s.email",
      "s.phone",
    ])
    .where("a.done_at", "is", null)
    .where("a.due_on", "is not", null)
    .where("a.due_on", "<=", formatLocalDate(today + LOOKAHEAD_DAYS))
    .where("a.overdue_reminded_at", "is", null)
    // Due soon already reminded and not yet overdue: nothing to do today (keeps such rows out of the batch).
    .where((eb) => eb.or([eb("a.due_reminded_at", "is", null), eb("a.due_on", "<", todayText)]))
    .where("d.direction", "=", "incoming")
    .where("d.status", "in", OPEN_STATUSES)
    .where("s.active", "=", true)
    .orderBy("a.due_on")
    .orderBy("a.id")
    .limit(limit)
    .execute();
  const calendars = new Map<string, WorkingCalendar>();
  const written: Record<AssignmentTiming, number> = { due_soon: 0, overdue: 0 };
  const startOfDay = Date.parse(`${todayText}T00:00:00+07:00`);
  for (const row of rows) {
    const dueOn = row.due_on as string;
    let calendar = calendars.get(row.unit_id);
    if (!calendar) {
      calendar = await calendarFor(db, row.unit_id);
      calendars.set(row.unit_id, calendar);
    }
    const kind = reminderDue(calendar, parseLocalDate(dueOn), today);
    if (!kind || (kind === "due_soon" && row.due_reminded_at)) continue;
    // Working days only, from the start of the unit's working hours.
    if (now.getTime() < nextWorkingInstant(calendar, startOfDay)) continue;
    const mark = MARK[kind];
    const sent = await db.transaction().execute(async (tx) => {
      const claimed = await tx
        .updateTable("document_assignments")
        .set({ [mark]: now })
        .where("id", "=", row.id)
        .where(mark, "is", null)
        .where("done_at", "is", null)
        .where("due_on", "=", dueOn)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom("documents")
              .select("documents.id")
              .where("documents.id", "=", row.document_id)
              .where("documents.status", "in", OPEN_STATUSES),
          ),
        )
        .returning("id")
        .executeTakeFirst();
      if (!claimed) return false;
      await enqueueNotification(
        tx,
        {
          template: TEMPLATE[kind],
          dedupeKey: `${TEMPLATE[kind]}:${row.id}:${dueOn}`,
          channels: ["email", "sms"],
          to: { email: row.email, phone: row.phone },
          unitId: row.unit_id,
          data: {
            name: row.full_name,
            number: row.original_number ?? String(row.number ?? ""),
            summary: row.summary,
            role: row.role,
            due: viDate(dueOn),
          },
        },
        now,
      );
      await recordAudit(
        tx,
        {
          actor: { kind: "system", id: null },
          action: kind === "due_soon" ? "document.remind-due" : "document.remind-overdue",
          entityType: "document",
          entityId: row.document_id,
          unitId: row.unit_id,
          summary: { assignmentId: row.id, staffId: row.staff_id, role: row.role, dueOn },
        },
        now,
      );
      return true;
    });
    if (sent) written[kind]++;
  }
  return written;
}

/** Runs reminder passes every `intervalMs` until stopped; a pass never overlaps the previous one. */
export function reminderWorker(
  db: Db,
  clock: () => Date,
  onError: (error: unknown) => void,
  intervalMs: number | undefined = undefined,
) {
  return periodicPass(() => runReminderPass(db, clock()), onError, intervalMs ?? 5 * 60_000);
}
