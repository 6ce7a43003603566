/**
 * The unit's feedback register (sổ theo dõi phản ánh, kiến nghị — NĐ 20/2008/NĐ-CP art. 13, 20) and the view of one
 * record with its history. Late flags are computed against the fixed due instants set at classification.
 */
import { sql } from "kysely";
import type { z } from "zod";
import type { FeedbackRecord, FeedbackSummary, RegisterQuery } from "../../contracts/feedback.ts";
import type { Executor } from "../../db/database.ts";
import { formatInstant } from "../../domain/calendar/index.ts";
import { isLate } from "../../domain/feedback/index.ts";
import { assertCan } from "../auth/policy.ts";
import type { Principal } from "../auth/principal.ts";
import { dayStart } from "../dossiers/inbox.ts";
import { getUnitByCode } from "../units/queries.ts";
import type { FeedbackRow } from "./access.ts";

const iso = (d: Date | string | null) => (d === null ? null : formatInstant(new Date(d).getTime()));
const ms = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());

export function lateFlags(row: FeedbackRow, now: Date) {
  return {
    forwardLate:
      row.forward_due_at === null
        ? null
        : isLate(ms(row.forward_due_at), ms(row.forwarded_at), now.getTime()),
    answerLate:
      row.answer_due_at === null ? null : isLate(ms(row.answer_due_at), ms(row.answered_at), now.getTime()),
  };
}

export async function listRegister(
  db: Executor,
  principal: Principal,
  query: z.infer<typeof RegisterQuery>,
  now: Date,
): Promise<{ items: z.infer<typeof FeedbackSummary>[]; total: number }> {
  const unit = await getUnitByCode(db, query.unit);
  assertCan(principal, "feedback.read", unit);
  let q = db.selectFrom("feedback").where("unit_id", "=", unit.id);
  if (query.status) q = q.where("status", "=", query.status);
  if (query.spam) q = q.where("spam", "=", query.spam === "true");
  if (query.from) q = q.where("registered_at", ">=", dayStart(query.from));
  if (query.to) q = q.where("registered_at", "<", new Date(dayStart(query.to).getTime() + 86_400_000));
  if (query.late === "true") {
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`forward_due_at < coalesce(forwarded_at, ${now})`,
        sql<boolean>`answer_due_at < coalesce(answered_at, ${now})`,
      ]),
    );
  }
  const total = await q.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy("registered_at", "desc")
    .orderBy("code", "desc")
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      subject: r.subject,
      title: r.title,
      channel: r.channel,
      status: r.status,
      receivedAt: iso(r.received_at) as string,
      forwardDueAt: iso(r.forward_due_at),
      answerDueAt: iso(r.answer_due_at),
      ...lateFlags(r, now),
      spam: r.spam,
      version: r.version,
      submitterName: r.submitter_name,
      excerpt: r.content.length > 160 ? `${r.content.slice(0, 157)}…` : r.content,
    })),
  };
}

export async function feedbackView(
  db: Executor,
  row: FeedbackRow,
  now: Date,
): Promise<z.infer<typeof FeedbackRecord>> {
  const units = await db
    .selectFrom("units")
    .select(["id", "code", "name"])
    .where("id", "in", [
      row.unit_id,
      row.received_unit_id,
      ...(row.forwarded_to_unit_id ? [row.forwarded_to_unit_id] : []),
    ])
    .execute();
  const unitOf = (id: string) => units.find((u) => u.id === id) as { id: string; code: string; name: string };
  const procedure = row.procedure_id
    ? await db
        .selectFrom("procedures as p")
        .select([
          "p.id",
          "p.slug",
          sql<string>`(SELECT v.name FROM procedure_versions v WHERE v.procedure_id = p.id ORDER BY v.version DESC LIMIT 1)`.as(
            "name",
          ),
        ])
        .where("p.id", "=", row.procedure_id)
        .executeTakeFirst()
    : undefined;
  const handler = row.handler_id
    ? await db
        .selectFrom("staff")
        .select(["id", "full_name"])
        .where("id", "=", row.handler_id)
        .executeTakeFirst()
    : undefined;
  const files = await db
    .selectFrom("feedback_files as ff")
    .innerJoin("files as f", "f.id", "ff.file_id")
    .select(["f.id", "f.name", "f.mime", "f.size"])
    .where("ff.feedback_id", "=", row.id)
    .execute();
  const events = await db
    .selectFrom("feedback_events as e")
    .leftJoin("staff as s", "s.id", "e.actor_id")
    .select(["e.at", "e.action", "e.from_status", "e.to_status", "s.full_name"])
    .where("e.feedback_id", "=", row.id)
    .orderBy("e.at")
    .execute();
  return {
    id: row.id,
    code: row.code,
    requestNumber: String(row.request_number),
    unit: unitOf(row.unit_id),
    receivedUnit: unitOf(row.received_unit_id),
    channel: row.channel,
    subject: row.subject,
    procedure: procedure
      ? { id: procedure.id, slug: procedure.slug, name: procedure.name ?? procedure.slug }
      : null,
    dossierCode: row.dossier_code,
    title: row.title,
    content: row.content,
    submitter: {
      name: row.submitter_name,
      address: row.submitter_address,
      phone: row.submitter_phone,
      email: row.submitter_email,
    },
    status: row.status,
    classification: row.classification,
    notAcceptedReason: row.not_accepted_reason,
    receivedAt: iso(row.received_at) as string,
    registeredAt: iso(row.registered_at) as string,
    forwardDueAt: iso(row.forward_due_at),
    forwardedAt: iso(row.forwarded_at),
    forwardedTo: row.forwarded_to_external,
    handler: handler ? { id: handler.id, name: handler.full_name } : null,
    answerDueAt: iso(row.answer_due_at),
    ...lateFlags(row, now),
    study: row.study as z.infer<typeof FeedbackRecord>["study"],
    decision: row.decision,
    answer: row.answer,
    answeredAt: iso(row.answered_at),
    publishedQuestion: row.published_question,
    publishedAnswer: row.published_answer,
    publishedAt: iso(row.published_at),
    spam: row.spam,
    rating: row.rating,
    ratingComment: row.rating_comment,
    attachments: files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: Number(f.size) })),
    history: events.map((e) => ({
      at: iso(e.at) as string,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actor: e.full_name,
    })),
    version: row.version,
  };
}
