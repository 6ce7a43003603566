/**
 * The public lookup (DESIGN.md: GET /api/v1/dossiers/lookup?code=CODE&secret=S): status, steps done and the
 * appointment of one dossier, for whoever holds its receipt. No personal data at all. Rate-limited per address;
 * an unknown code and a wrong secret answer the same 404 after the same work.
 */
import { type LookupResult, STATUS_LABELS } from "../../contracts/dossiers.ts";
import type { Executor } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { enforceRateLimit } from "../auth/rate-limit.ts";
import { secretMatches } from "./secret.ts";
import { iso, isoOf } from "./summaries.ts";

/** Lookups per address per minute. */
export const LOOKUP_LIMIT = 20;
const NO_DOSSIER = "00000000-0000-0000-0000-000000000000";

const OUTCOME_LABELS: Record<string, string> = {
  forwarded: "Đã chuyển bước tiếp theo",
  sent_back: "Trả lại bước trước",
  transferred: "Chuyển cơ quan khác (liên thông)",
  returned_continue: "Hoàn thành, chuyển lại cơ quan gửi",
  returned_approved: "Đã giải quyết, chuyển lại cơ quan gửi",
  returned_rejected: "Không giải quyết, chuyển lại cơ quan gửi",
  supplement_requested: "Yêu cầu bổ sung hồ sơ",
  approved: "Đã phê duyệt",
  rejected: "Không phê duyệt",
  result_recorded: "Đã ban hành kết quả",
  stopped: "Dừng giải quyết",
  withdrawn: "Rút hồ sơ",
};

export async function lookupDossier(
  db: Executor,
  query: { code: string; secret: string },
  address: string,
  now: Date,
): Promise<LookupResult> {
  await enforceRateLimit(db, `dossier-lookup:${address}`, LOOKUP_LIMIT, 60, now);
  const code = query.code.trim().toUpperCase();
  const row = await db
    .selectFrom("dossiers as d")
    .innerJoin("units as u", "u.id", "d.received_unit_id")
    .select([
      "d.id",
      "d.code",
      "d.lookup_hash",
      "d.procedure_name",
      "d.status",
      "d.received_at",
      "d.appointment_at",
      "d.completed_at",
      "d.returned_at",
      "d.late",
      "d.due_at",
      "d.clock",
      "u.name as unit_name",
    ])
    .where("d.code", "=", code)
    .executeTakeFirst();
  const matches = secretMatches(row?.id ?? NO_DOSSIER, row?.lookup_hash ?? null, query.secret);
  if (!row || !matches || row.received_at === null || row.appointment_at === null) {
    throw new AppError("NOT_FOUND", { details: { entity: "dossier" } });
  }
  const tasks = await db
    .selectFrom("dossier_tasks as t")
    .innerJoin("units as u", "u.id", "t.unit_id")
    .select(["t.name", "t.finished_at", "t.outcome", "u.name as body"])
    .where("t.dossier_id", "=", row.id)
    .orderBy("t.seq")
    .execute();
  const open = tasks.find((t) => t.finished_at === null);
  const status = row.status as LookupResult["status"];
  return {
    code: row.code as string,
    procedure: row.procedure_name,
    status,
    statusLabel: STATUS_LABELS[status],
    receivingBody: row.unit_name,
    receivedAt: isoOf(row.received_at),
    appointmentAt: isoOf(row.appointment_at),
    completedAt: iso(row.completed_at),
    returnedAt: iso(row.returned_at),
    late:
      row.late ||
      (row.completed_at === null && row.clock === "running" && row.due_at !== null && row.due_at < now),
    currentStep: open ? { name: open.name, body: open.body } : null,
    stepsDone: tasks
      .filter((t) => t.finished_at !== null)
      .map((t) => ({
        name: t.name,
        body: t.body,
        finishedAt: isoOf(t.finished_at as Date),
        outcome: t.outcome === null ? null : (OUTCOME_LABELS[t.outcome] ?? t.outcome),
      })),
  };
}
