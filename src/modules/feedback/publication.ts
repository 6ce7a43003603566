/**
 * Publication of the result (NĐ 20/2008/NĐ-CP art. 19): the answered feedback is published on the unit's public
 * page and on the catalog page of the procedure it concerns, without personal data. The server proposes a
 * redacted text; the officer reads it, edits it and approves it; the approved text is checked again and refused
 * while it still shows personal data. Publication tells the submitter by e-mail and SMS (through the outbox), who
 * may then rate the answer once (NĐ 118/2025 art. 33(1)(g)), with the code and the secret of the receipt.
 */
import { sql } from "kysely";
import type { z } from "zod";
import type {
  FeedbackRatingInput,
  PublicFeedbackStatus,
  PublishedFeedback,
  PublishedQuery,
  PublishInput,
} from "../../contracts/feedback.ts";
import type { Db, Executor } from "../../db/database.ts";
import { formatInstant } from "../../domain/calendar/index.ts";
import {
  type FeedbackStatus,
  findPersonalData,
  type KnownPersonalData,
  redact,
} from "../../domain/feedback/index.ts";
import { AppError } from "../../errors.ts";
import { updateVersioned } from "../audit/versioned-update.ts";
import { enforceRateLimit } from "../auth/rate-limit.ts";
import { findProcedure } from "../catalog/queries.ts";
import { secretMatches } from "../dossiers/secret.ts";
import { enqueueNotification } from "../notifications/outbox.ts";
import { findUnitByCode } from "../units/queries.ts";
import { type FeedbackRow, recordFeedbackEvent, staffActor } from "./access.ts";
import { changeRecord, type Step } from "./handling.ts";
import { feedbackLookupUrl } from "./intake.ts";

export const STATUS_LABELS: Record<FeedbackStatus, { vi: string; en: string }> = {
  received: { vi: "Đã tiếp nhận", en: "Received" },
  not_accepted: { vi: "Không tiếp nhận", en: "Not accepted" },
  to_forward: { vi: "Đang chuyển cơ quan có thẩm quyền", en: "Being forwarded to the competent body" },
  forwarded: { vi: "Đã chuyển cơ quan có thẩm quyền", en: "Forwarded to the competent body" },
  accepted: { vi: "Đang xử lý", en: "Being handled" },
  answered: { vi: "Đã có kết quả, chờ công khai", en: "Answered, awaiting publication" },
  published: { vi: "Đã công khai kết quả", en: "Result published" },
};

export function knownData(row: FeedbackRow): KnownPersonalData {
  return {
    name: row.submitter_name,
    address: row.submitter_address,
    phone: row.submitter_phone,
    email: row.submitter_email,
  };
}

export function questionText(row: Pick<FeedbackRow, "title" | "content">): string {
  return row.title ? `${row.title}\n\n${row.content}` : row.content;
}

export function redactionProposal(row: FeedbackRow) {
  const known = knownData(row);
  return {
    question: redact(questionText(row), known),
    answer: redact(row.answer ?? "", known),
    version: row.version,
  };
}

export async function publish(step: Step, input: z.infer<typeof PublishInput>, publicUrl: string) {
  const { tx, row, staff, now } = step;
  const known = knownData(row);
  const findings = [
    ...new Set([...findPersonalData(input.question, known), ...findPersonalData(input.answer, known)]),
  ];
  if (findings.length > 0) throw new AppError("FEEDBACK_PERSONAL_DATA", { details: { findings } });
  await changeRecord(
    step,
    {
      status: "published",
      published_question: input.question,
      published_answer: input.answer,
      published_at: now,
      published_by: staff.staffId,
    },
    (t) =>
      recordFeedbackEvent(
        t,
        row,
        staffActor(staff),
        { action: "publish", fromStatus: row.status, toStatus: "published" },
        now,
      ),
  );
  const unit = await tx
    .selectFrom("units")
    .select("name")
    .where("id", "=", row.unit_id)
    .executeTakeFirstOrThrow();
  await enqueueNotification(
    tx,
    {
      template: "feedback.answered",
      locale: row.locale,
      to: { email: row.submitter_email, phone: row.submitter_phone },
      channels: ["email", "sms"],
      data: {
        name: row.submitter_name,
        code: row.code,
        unit: unit.name,
        // The submitter receives the answer as written for them, not the redacted public text.
        answer: row.answer ?? input.answer,
        publishedAt: formatInstant(now.getTime()).slice(0, 16).replace("T", " "),
        lookupUrl: feedbackLookupUrl(publicUrl, row.code),
      },
      unitId: row.unit_id,
      dedupeKey: `feedback:${row.id}:answered`,
    },
    now,
  );
}

/** Lookups and ratings per address per minute. */
export const LOOKUP_LIMIT = 20;
const NO_RECORD = "00000000-0000-0000-0000-000000000000";

async function openWithSecret(db: Executor, code: string, secret: string): Promise<FeedbackRow> {
  const row = await db.selectFrom("feedback").selectAll().where("code", "=", code.trim()).executeTakeFirst();
  const ok = secretMatches(row?.id ?? NO_RECORD, row?.secret_hash ?? null, secret);
  if (!row || !ok) throw new AppError("NOT_FOUND", { details: { entity: "feedback" } });
  return row;
}

export async function lookupFeedback(
  db: Db,
  query: { code: string; secret: string },
  address: string,
  now: Date,
): Promise<z.infer<typeof PublicFeedbackStatus>> {
  await enforceRateLimit(db, `feedback-lookup:${address}`, LOOKUP_LIMIT, 60, now);
  const row = await openWithSecret(db, query.code, query.secret);
  return publicStatus(db, row);
}

async function publicStatus(db: Executor, row: FeedbackRow): Promise<z.infer<typeof PublicFeedbackStatus>> {
  const unit = await db
    .selectFrom("units")
    .select(["code", "name"])
    .where("id", "=", row.unit_id)
    .executeTakeFirstOrThrow();
  const published = row.status === "published";
  return {
    code: row.code,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    unit,
    receivedAt: formatInstant(new Date(row.received_at).getTime()),
    forwardedTo: row.forwarded_to_external,
    // The submitter holds the secret: they read the answer as it was written to them.
    answer: published ? row.answer : null,
    publishedAt: row.published_at ? formatInstant(new Date(row.published_at).getTime()) : null,
    rating: row.rating,
    canRate: published && row.rating === null,
  };
}

export async function rateAnswer(
  db: Db,
  input: z.infer<typeof FeedbackRatingInput>,
  address: string,
  now: Date,
): Promise<z.infer<typeof PublicFeedbackStatus>> {
  await enforceRateLimit(db, `feedback-lookup:${address}`, LOOKUP_LIMIT, 60, now);
  return db.transaction().execute(async (tx) => {
    const found = await openWithSecret(tx, input.code, input.secret);
    const row = await tx
      .selectFrom("feedback")
      .selectAll()
      .where("id", "=", found.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.status !== "published")
      throw new AppError("FEEDBACK_STEP_NOT_ALLOWED", { details: { status: row.status, action: "rate" } });
    if (row.rating !== null) throw new AppError("FEEDBACK_ALREADY_RATED");
    await updateVersioned(tx, {
      table: "feedback",
      id: row.id,
      version: row.version,
      changes: { rating: input.score, rating_comment: input.comment ?? null, rated_at: now },
      record: (t) =>
        recordFeedbackEvent(
          t,
          row,
          { kind: "anonymous", id: null },
          { action: "rate", fromStatus: row.status, toStatus: row.status, detail: { score: input.score } },
          now,
        ),
      now,
      entity: "feedback",
    });
    return publicStatus(tx, { ...row, rating: input.score });
  });
}

/** Published results of a unit, or about a procedure (catalog page), newest first. Spam is never published. */
export async function listPublished(
  db: Executor,
  query: z.infer<typeof PublishedQuery>,
): Promise<z.infer<typeof PublishedFeedback>[]> {
  let q = db
    .selectFrom("feedback as f")
    .innerJoin("units as u", "u.id", "f.unit_id")
    .leftJoin("procedures as p", "p.id", "f.procedure_id")
    .select([
      "f.code",
      "f.subject",
      "f.published_question",
      "f.published_answer",
      "f.received_at",
      "f.published_at",
      "u.code as unit_code",
      "u.name as unit_name",
      "p.slug as procedure_slug",
      sql<
        string | null
      >`(SELECT v.name FROM procedure_versions v WHERE v.procedure_id = p.id ORDER BY v.version DESC LIMIT 1)`.as(
        "procedure_name",
      ),
    ])
    .where("f.status", "=", "published")
    .where("f.spam", "=", false);
  if (query.unit) {
    const unit = await findUnitByCode(db, query.unit);
    if (!unit) throw new AppError("UNKNOWN_UNIT", { details: { code: query.unit } });
    q = q.where("f.unit_id", "=", unit.id);
  }
  if (query.procedure) {
    const procedure = await findProcedure(db, query.procedure);
    if (!procedure)
      throw new AppError("NOT_FOUND", { details: { entity: "procedure", ref: query.procedure } });
    q = q.where("f.procedure_id", "=", procedure.id);
  }
  const rows = await q.orderBy("f.published_at", "desc").limit(query.limit).execute();
  return rows.map((r) => ({
    code: r.code,
    unit: { code: r.unit_code, name: r.unit_name },
    procedure: r.procedure_slug
      ? { slug: r.procedure_slug, name: r.procedure_name ?? r.procedure_slug }
      : null,
    subject: r.subject,
    question: r.published_question ?? "",
    answer: r.published_answer ?? "",
    receivedAt: formatInstant(new Date(r.received_at).getTime()),
    publishedAt: formatInstant(new Date(r.published_at as Date).getTime()),
  }));
}
