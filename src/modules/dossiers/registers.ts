/**
 * The registers: the control sheet of one dossier (form 06 of 2025 / 05 of 2018: a row per hand-over, with how
 * the giving step finished against its own due instant) and the tracking book of a unit for a period (form
 * 07 / 06, read from the dossier_tracking_book view), as JSON, PDF and XLSX.
 */
import type { Applicant, ControlSheet, TrackingBook } from "../../contracts/dossiers.ts";
import type { Executor } from "../../db/database.ts";
import { compareWithDue } from "../../domain/dossier/index.ts";
import { AppError } from "../../errors.ts";
import {
  type ControlSheetData,
  deskName,
  formSetAt,
  formSetFor,
  type Handover,
  type TrackingBookData,
  type TrackingRow,
  trackingTimeliness,
} from "../../pdf/forms/index.ts";
import { renderInPool } from "../../pdf/pool.ts";
import { can, requireStaff } from "../auth/policy.ts";
import type { Principal } from "../auth/principal.ts";
import { getUnitByCode } from "../units/queries.ts";
import { addressLine, bodyName, placeOf } from "./forms.ts";
import { dayStart } from "./inbox.ts";
import { type DossierRow, ms } from "./state.ts";
import { iso, isoOf } from "./summaries.ts";

export type RegisterFile = { bytes: Uint8Array; contentType: string; filename: string };

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function controlSheetData(db: Executor, row: DossierRow, now: Date): Promise<ControlSheetData> {
  if (row.code === null || row.received_at === null || row.due_at === null) {
    throw new AppError("EVENT_NOT_ALLOWED", { details: { status: row.status, reason: "not accepted" } });
  }
  const tasks = await db
    .selectFrom("dossier_tasks as t")
    .innerJoin("units as u", "u.id", "t.unit_id")
    .leftJoin("staff as a", "a.id", "t.assignee_id")
    .leftJoin("staff as f", "f.id", "t.finished_by")
    .select([
      "t.name",
      "t.due_at",
      "t.finished_at",
      "t.outcome",
      "u.name as unit",
      "a.full_name as assignee",
      "f.full_name as finisher",
    ])
    .where("t.dossier_id", "=", row.id)
    .orderBy("t.seq")
    .execute();
  const units = await db
    .selectFrom("units")
    .select(["id", "name"])
    .where("id", "in", [row.received_unit_id])
    .execute();
  const receivedName = units[0]?.name ?? "";
  const coordinating = await db
    .selectFrom("dossier_transfers as t")
    .innerJoin("units as u", "u.id", "t.to_unit_id")
    .select("u.name")
    .distinct()
    .where("t.dossier_id", "=", row.id)
    .execute();
  const handovers: Handover[] = [];
  for (let k = 0; k < tasks.length; k++) {
    const t = tasks[k];
    if (!t || t.finished_at === null) continue;
    const next = tasks[k + 1];
    const finishedAt = new Date(t.finished_at).getTime();
    handovers.push({
      fromBody: `${t.unit} (${t.name})`,
      toBody: next ? `${next.unit} (${next.name})` : deskName(formSetAt(finishedAt)),
      at: finishedAt,
      giver: t.finisher ?? t.assignee ?? "",
      receiver: next?.assignee ?? "",
      result: compareWithDue(finishedAt, new Date(t.due_at).getTime()),
      note: t.outcome,
    });
  }
  const applicant = row.applicant as Applicant;
  const set = formSetAt(ms(row.received_at) as number);
  return {
    set,
    issuer: { parentBody: bodyName(receivedName), body: deskName(set), place: placeOf(receivedName) },
    receivingBody: bodyName(receivedName),
    applicant: { name: applicant.name, address: addressLine(applicant.address), phone: applicant.phone },
    procedure: row.procedure_name,
    code: row.code,
    receivedAt: ms(row.received_at) as number,
    due: ms(row.due_at) as number,
    processingBody: bodyName(receivedName),
    coordinatingBodies: coordinating.map((c) => bodyName(c.name)),
    handovers,
    printedAt: now.getTime(),
  };
}

export function controlSheetJson(data: ControlSheetData): ControlSheet {
  return {
    code: data.code,
    processingBody: data.processingBody,
    coordinatingBodies: [...data.coordinatingBodies],
    receivedAt: isoOf(new Date(data.receivedAt)),
    dueAt: isoOf(new Date(data.due)),
    handovers: data.handovers.map((h) => ({
      fromBody: h.fromBody,
      toBody: h.toBody,
      at: isoOf(new Date(h.at)),
      giver: h.giver,
      receiver: h.receiver,
      result: h.result,
      note: h.note ?? null,
    })),
  };
}

export async function controlSheetFile(
  data: ControlSheetData,
  format: "pdf" | "xlsx",
): Promise<RegisterFile> {
  const name = `phieu-kiem-soat-${data.code}`;
  return format === "pdf"
    ? {
        bytes: await renderInPool("controlSheetPdf", data),
        contentType: "application/pdf",
        filename: `${name}.pdf`,
      }
    : { bytes: await renderInPool("controlSheetXlsx", data), contentType: XLSX, filename: `${name}.xlsx` };
}

export interface TrackingBookResult {
  json: TrackingBook;
  data: TrackingBookData;
}

export async function trackingBook(
  db: Executor,
  principal: Principal,
  query: { unit: string; from: string; to: string },
  now: Date,
): Promise<TrackingBookResult> {
  const staff = requireStaff(principal);
  const unit = await getUnitByCode(db, query.unit);
  if (!can(staff, "dossier.read", unit))
    throw new AppError("FORBIDDEN", { details: { action: "dossier.read" } });
  const rows = await db
    .selectFrom("dossier_tracking_book as b")
    .innerJoin("dossiers as d", "d.id", "b.dossier_id")
    .selectAll("b")
    .select(["d.apology_at", "d.apology_on_time"])
    .where("b.unit_id", "=", unit.id)
    .where("b.received_at", ">=", dayStart(query.from))
    .where("b.received_at", "<", new Date(dayStart(query.to).getTime() + 86_400_000))
    .orderBy("b.received_at")
    .orderBy("b.code")
    .limit(10_000)
    .execute();
  const at = now.getTime();
  const tracking: TrackingRow[] = rows.map((r) => ({
    code: r.code,
    procedure: r.procedure_name,
    sets: r.sets,
    applicant: r.applicant_name,
    addressPhone: r.address_phone,
    processingBody: bodyName(r.processing_body),
    receivedAt: ms(r.received_at) as number,
    appointment: ms(r.appointment_at) as number,
    due: ms(r.due_at),
    forwardedAt: ms(r.forwarded_at),
    resultReceivedAt: ms(r.result_received_at),
    returnedAt: ms(r.returned_at),
    late: r.late,
    apology:
      r.apology_at === null
        ? null
        : { issuedAt: ms(r.apology_at) as number, onTime: r.apology_on_time === true },
    signedBy: r.signed_by,
    note: r.note,
  }));
  const set = formSetFor(query.to);
  const data: TrackingBookData = {
    set,
    issuer: { parentBody: bodyName(unit.name), body: deskName(set), place: placeOf(unit.name) },
    book: query.from.slice(0, 4),
    period: { from: query.from, to: query.to },
    printedAt: at,
    rows: tracking,
  };
  const json: TrackingBook = {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    from: query.from,
    to: query.to,
    printedAt: isoOf(now),
    rows: rows.map((r, i) => ({
      dossierId: r.dossier_id,
      code: r.code,
      procedure: r.procedure_name,
      sets: r.sets,
      applicant: r.applicant_name,
      addressPhone: r.address_phone,
      processingBody: bodyName(r.processing_body),
      receivedAt: isoOf(r.received_at),
      appointmentAt: isoOf(r.appointment_at),
      dueAt: isoOf(r.due_at),
      forwardedAt: iso(r.forwarded_at),
      resultReceivedAt: iso(r.result_received_at),
      returnedAt: iso(r.returned_at),
      signedBy: r.signed_by,
      status: r.status as TrackingBook["rows"][number]["status"],
      timeliness: trackingTimeliness(tracking[i] as TrackingRow, at),
      apology:
        r.apology_at === null ? null : { issuedAt: isoOf(r.apology_at), onTime: r.apology_on_time === true },
      note: r.note,
    })),
  };
  return { json, data };
}

export async function trackingBookFile(data: TrackingBookData, unitCode: string, format: "pdf" | "xlsx") {
  const name = `so-theo-doi-ho-so-${unitCode}-${data.period.from}-${data.period.to}`;
  return format === "pdf"
    ? {
        bytes: await renderInPool("trackingBookPdf", data),
        contentType: "application/pdf",
        filename: `${name}.pdf`,
      }
    : { bytes: await renderInPool("trackingBookXlsx", data), contentType: XLSX, filename: `${name}.xlsx` };
}
