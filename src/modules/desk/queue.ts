/**
 * Queue numbers at the desk. A number is taken at a paired kiosk, called by an officer at a counter, then
 * finished as served (linked to the dossier received, if any) or as a no-show. Every step records its time, so
 * waiting time (taken → called) and service time (called → finished) can be reported.
 *
 * Gap-free per unit and day: the day's counter row is bumped with INSERT … ON CONFLICT DO UPDATE … RETURNING in
 * the transaction that writes the ticket; concurrent takers wait on the row lock, and a rolled-back ticket gives
 * its number back with the rollback.
 */

import type { Selectable } from "kysely";
import { sql } from "kysely";
import type { z } from "zod";
import type {
  DisplayState,
  FinishTicketInput,
  QueueView,
  TakeTicketInput,
  Ticket,
} from "../../contracts/desk.ts";
import type { Executor, Tx } from "../../db/database.ts";
import type { QueueTicketTable } from "../../db/tables/desk.ts";
import { FIELD_CODES } from "../../domain/catalog/fields.ts";
import { nextTicketFor, ticketLabel } from "../../domain/desk/queue.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { bumpLiveVersion, liveVersion } from "./live-hub.ts";
import type { StaffAct } from "./members.ts";
import { iso, localDate, membersOn } from "./shared.ts";

export function ticketOf(r: Selectable<QueueTicketTable>): z.infer<typeof Ticket> {
  return {
    id: r.id,
    label: ticketLabel(r.lane, r.number),
    number: r.number,
    lane: r.lane,
    field: r.field,
    status: r.status,
    takenAt: iso(r.taken_at),
    calledAt: r.called_at ? iso(r.called_at) : null,
    counter: r.counter,
    dossierId: r.dossier_id,
    version: r.version,
  };
}

export async function takeTicket(
  tx: Tx,
  device: { id: string; unitId: string },
  input: z.infer<typeof TakeTicketInput>,
  now: Date,
) {
  const field = input.field ?? null;
  if (field !== null && !(FIELD_CODES as readonly string[]).includes(field))
    throw new AppError("VALIDATION_FAILED", { details: { field: "field" } });
  const day = localDate(now);
  const { rows } = await sql<{ last_number: number }>`
    INSERT INTO queue_counters (unit_id, day, last_number) VALUES (${device.unitId}, ${day}, 1)
    ON CONFLICT (unit_id, day) DO UPDATE SET last_number = queue_counters.last_number + 1
    RETURNING last_number
  `.execute(tx);
  const number = Number(rows[0]?.last_number);
  const ticket = await tx
    .insertInto("queue_tickets")
    .values({
      unit_id: device.unitId,
      day,
      number,
      lane: input.lane,
      field,
      status: "waiting",
      taken_at: now,
      device_id: device.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const ahead = await tx
    .selectFrom("queue_tickets")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("unit_id", "=", device.unitId)
    .where("day", "=", day)
    .where("status", "=", "waiting")
    .where("number", "<", number)
    .executeTakeFirstOrThrow();
  await bumpLiveVersion(tx, device.unitId);
  await recordAudit(
    tx,
    {
      actor: { kind: "anonymous", id: null },
      action: "desk.ticket.take",
      entityType: "queue_ticket",
      entityId: ticket.id,
      unitId: device.unitId,
      summary: { day, number, lane: input.lane, field, deviceId: device.id },
    },
    now,
  );
  const unit = await tx
    .selectFrom("units")
    .select("name")
    .where("id", "=", device.unitId)
    .executeTakeFirstOrThrow();
  return {
    label: ticketLabel(input.lane, number),
    lane: input.lane,
    field,
    day,
    takenAt: iso(now),
    waitingBefore: Number(ahead.n),
    unitName: unit.name,
  };
}

/** The officer's fields at a counter today: those of the member on the roster there, or of the officer's post. */
async function counterFields(db: Executor, unitId: string, staffId: string, day: string): Promise<string[]> {
  const members = await membersOn(db, unitId, day);
  const mine = members.find((m) => m.staff_id === staffId);
  return mine?.fields ?? [];
}

export async function callNext(act: StaffAct, counter: number) {
  const { tx, unitId, now } = act;
  const day = localDate(now);
  // One caller at a time per unit, so that two counters never call the same number.
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`desk-queue:${unitId}`}))`.execute(tx);
  const waiting = await tx
    .selectFrom("queue_tickets")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("day", "=", day)
    .where("status", "=", "waiting")
    .orderBy("number")
    .execute();
  const next = nextTicketFor(waiting, await counterFields(tx, unitId, act.staff.staffId, day));
  if (!next) throw new AppError("QUEUE_EMPTY", { details: { counter } });
  // A counter serves one number at a time: the previous one still open there is finished as served.
  await tx
    .updateTable("queue_tickets")
    .set((eb) => ({ status: "done", finished_at: now, version: eb("version", "+", 1) }))
    .where("unit_id", "=", unitId)
    .where("day", "=", day)
    .where("counter", "=", counter)
    .where("status", "=", "called")
    .execute();
  const row = await tx
    .updateTable("queue_tickets")
    .set((eb) => ({
      status: "called",
      called_at: now,
      counter,
      officer_id: act.staff.staffId,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", next.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await bumpLiveVersion(tx, unitId);
  await recordAudit(
    tx,
    {
      actor: { kind: "staff", id: act.staff.staffId },
      action: "desk.ticket.call",
      entityType: "queue_ticket",
      entityId: row.id,
      unitId,
      summary: { number: row.number, counter },
    },
    now,
  );
  return ticketOf(row);
}

export async function finishTicket(
  act: StaffAct,
  ticketId: string,
  input: z.infer<typeof FinishTicketInput>,
) {
  const { tx, unitId, now } = act;
  const row = await tx
    .selectFrom("queue_tickets")
    .selectAll()
    .where("id", "=", ticketId)
    .where("unit_id", "=", unitId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "queue_ticket" } });
  if (row.version !== input.version) throw new AppError("CONFLICT", { details: { current: row.version } });
  if (row.status === "waiting" || (row.status !== "called" && input.dossierId === undefined))
    throw new AppError("INVALID_STATE", { details: { status: row.status } });
  if (input.dossierId) {
    const dossier = await tx
      .selectFrom("dossiers")
      .select("id")
      .where("id", "=", input.dossierId)
      .where("received_unit_id", "=", unitId)
      .executeTakeFirst();
    if (!dossier) throw new AppError("NOT_FOUND", { details: { entity: "dossier" } });
  }
  if (input.outcome === "no_show" && input.dossierId)
    throw new AppError("VALIDATION_FAILED", { details: { field: "dossierId" } });
  const updated = await tx
    .updateTable("queue_tickets")
    .set((eb) => ({
      status: input.outcome === "served" ? "done" : "no_show",
      finished_at: row.finished_at ?? now,
      dossier_id: input.dossierId ?? row.dossier_id,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await bumpLiveVersion(tx, unitId);
  await recordAudit(
    tx,
    {
      actor: { kind: "staff", id: act.staff.staffId },
      action: input.outcome === "served" ? "desk.ticket.serve" : "desk.ticket.no_show",
      entityType: "queue_ticket",
      entityId: row.id,
      unitId,
      summary: { number: row.number, dossierId: input.dossierId ?? null },
    },
    now,
  );
  return ticketOf(updated);
}

export async function queueView(
  db: Executor,
  unitId: string,
  staffId: string,
  now: Date,
): Promise<z.infer<typeof QueueView>> {
  const day = localDate(now);
  const rows = await db
    .selectFrom("queue_tickets")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("day", "=", day)
    .where("status", "in", ["waiting", "called"])
    .orderBy("number")
    .execute();
  const members = await membersOn(db, unitId, day);
  const tablets = await db
    .selectFrom("desk_devices")
    .select("counter")
    .where("unit_id", "=", unitId)
    .where("kind", "=", "rating")
    .where("paired_at", "is not", null)
    .where("revoked_at", "is", null)
    .execute();
  return {
    day,
    waiting: rows.filter((r) => r.status === "waiting").map(ticketOf),
    atCounters: rows.filter((r) => r.status === "called").map(ticketOf),
    myCounter: members.find((m) => m.staff_id === staffId)?.counter ?? null,
    pairedTablets: [...new Set(tablets.map((t) => t.counter).filter((c): c is number => c !== null))].sort(
      (a, b) => a - b,
    ),
  };
}

/** What the waiting-room screen shows: numbers and counters only, nothing about the people. */
export async function displayState(
  db: Executor,
  unit: { id: string; code: string; name: string },
  now: Date,
): Promise<z.infer<typeof DisplayState>> {
  const day = localDate(now);
  const version = await liveVersion(db, unit.id);
  const rows = await db
    .selectFrom("queue_tickets")
    .select(["number", "lane", "status", "counter", "called_at"])
    .where("unit_id", "=", unit.id)
    .where("day", "=", day)
    .where("status", "in", ["waiting", "called"])
    .orderBy("number")
    .execute();
  const serving = rows
    .filter((r) => r.status === "called" && r.counter !== null && r.called_at !== null)
    .map((r) => ({
      counter: r.counter as number,
      label: ticketLabel(r.lane, r.number),
      lane: r.lane,
      calledAt: iso(r.called_at as Date),
    }))
    .sort((a, b) => a.counter - b.counter);
  const waiting = rows.filter((r) => r.status === "waiting");
  return {
    unit: { code: unit.code, name: unit.name },
    day,
    serving,
    waiting: waiting.slice(0, 30).map((r) => ({ label: ticketLabel(r.lane, r.number), lane: r.lane })),
    waitingCount: waiting.length,
    version,
  };
}
