/**
 * Service requests of Open311 GeoReport v2 mapped onto the feedback register.
 *
 * POST requests (form-encoded, as the spec sends it): service_code, jurisdiction_id (the unit's identifier code),
 * description (the feedback), first_name + last_name (họ + tên), phone, email, attribute[submitter_address],
 * attribute[procedure] / attribute[dossier_code], api_key. The law asks for name, address and phone
 * (NĐ 20/2008 art. 9(2)): they are required here. Location (lat/long, address_string) is accepted and ignored: a
 * feedback on a procedure has no place. The answer carries both service_request_id and token (the tracking code),
 * and the lookup secret in service_notice: the client hands it to the person it filed for.
 *
 * GET requests shows no personal data: before publication only the category, status and dates; once published,
 * the approved redacted question as description and the approved answer as status_notes.
 */
import { sql } from "kysely";
import type { Executor } from "../../../db/database.ts";
import { formatInstant } from "../../../domain/calendar/index.ts";
import { type FeedbackStatus, open311Status } from "../../../domain/feedback/index.ts";
import type { FeedbackRow } from "../access.ts";
import { STATUS_LABELS } from "../publication.ts";
import { serviceByCode } from "./services.ts";
import type { WireValue } from "./wire.ts";

type Row = FeedbackRow & { unit_code: string; unit_name: string; updated_at: Date | string | null };

const iso = (d: Date | string | null) => (d === null ? null : formatInstant(new Date(d).getTime()));

function statusNotes(row: Row): string | null {
  if (row.status === "published") return row.published_answer;
  if (row.status === "forwarded")
    return `Đã chuyển đến ${row.forwarded_to_external ?? ""} / Forwarded to the competent body`;
  if (row.status === "not_accepted")
    return `${STATUS_LABELS.not_accepted.vi} / ${STATUS_LABELS.not_accepted.en}`;
  return null;
}

export function requestOnWire(row: Row): Record<string, WireValue> {
  const service = serviceByCode(row.subject);
  const published = row.status === "published";
  const label = STATUS_LABELS[row.status as FeedbackStatus];
  return {
    service_request_id: String(row.request_number),
    status: open311Status(row.status),
    status_notes: statusNotes(row),
    service_name: service?.name ?? row.subject,
    service_code: row.subject,
    description: published ? row.published_question : null,
    agency_responsible: row.unit_name,
    service_notice: `${label.vi} / ${label.en}`,
    requested_datetime: iso(row.received_at),
    updated_datetime: iso(row.updated_at ?? row.received_at),
    expected_datetime: row.status === "accepted" ? iso(row.answer_due_at) : null,
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

export interface RequestQuery {
  ids?: string[];
  unitId?: string;
  serviceCodes?: string[];
  start: Date;
  end: Date;
  statuses?: ("open" | "closed")[];
  limit: number;
}

const OPEN: FeedbackStatus[] = ["received", "to_forward", "accepted", "answered"];
const CLOSED: FeedbackStatus[] = ["published", "not_accepted", "forwarded"];

function baseQuery(db: Executor) {
  return db
    .selectFrom("feedback as f")
    .innerJoin("units as u", "u.id", "f.unit_id")
    .selectAll("f")
    .select([
      "u.code as unit_code",
      "u.name as unit_name",
      sql<Date | null>`(SELECT max(e.at) FROM feedback_events e WHERE e.feedback_id = f.id)`.as("updated_at"),
    ])
    .where("f.spam", "=", false);
}

export async function findRequests(db: Executor, q: RequestQuery): Promise<Row[]> {
  let query = baseQuery(db);
  if (q.ids && q.ids.length > 0) {
    // The spec: with service_request_id, the other filters are ignored.
    query = query.where(sql<string>`f.request_number::text`, "in", q.ids);
    if (q.unitId) query = query.where("f.unit_id", "=", q.unitId);
  } else {
    if (q.unitId) query = query.where("f.unit_id", "=", q.unitId);
    if (q.serviceCodes && q.serviceCodes.length > 0)
      query = query.where("f.subject", "in", q.serviceCodes as FeedbackRow["subject"][]);
    // Both ends included: the spec calls them the earliest and the latest datetime to include.
    query = query.where("f.received_at", ">=", q.start).where("f.received_at", "<=", q.end);
    if (q.statuses && q.statuses.length === 1) {
      query = query.where("f.status", "in", q.statuses[0] === "open" ? OPEN : CLOSED);
    }
  }
  return (await query.orderBy("f.received_at", "desc").limit(q.limit).execute()) as Row[];
}

export async function findRequestById(db: Executor, id: string): Promise<Row | undefined> {
  return (await baseQuery(db).where(sql<string>`f.request_number::text`, "=", id).executeTakeFirst()) as
    | Row
    | undefined;
}

export async function findRequestByToken(db: Executor, token: string) {
  return db
    .selectFrom("feedback")
    .select(["request_number", "code"])
    .where("code", "=", token)
    .where("spam", "=", false)
    .executeTakeFirst();
}
