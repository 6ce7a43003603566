/**
 * Receiving a feedback or petition on every channel NĐ 20/2008/NĐ-CP art. 9 names — the public web form, the desk
 * (letters, calls on the published line, the comment box, e-mails, visits) and Open311 clients — into the unit's
 * feedback register (art. 13), with a tracking code and a lookup secret like a dossier's receipt. One transaction:
 * the record, its attachments (the strict upload checks), its first history entry, the audit event and the
 * receipt message in the outbox.
 *
 * Abuse controls, all in the database so that every server process shares them:
 *   - per address: PUBLIC_PER_ADDRESS_PER_HOUR filings an hour from one network address (web form and Open311
 *     without a key); an Open311 client with an api_key is limited per key instead (it files for many people);
 *   - per contact: PER_CONTACT_PER_DAY filings a day from one phone number or e-mail, whatever the channel;
 *   - duplicates: the same text from the same contact within a day is refused with the earlier code;
 *   - the web form's honeypot field (checked by the route).
 */
import { randomFillSync } from "node:crypto";
import { sql } from "kysely";
import type { FileStore } from "../../adapters/storage/file-store.ts";
import type { Db, Tx } from "../../db/database.ts";
import { formatInstant, localDayOf } from "../../domain/calendar/index.ts";
import { generateLookupSecret, isAgencyCode } from "../../domain/codes/index.ts";
import {
  type Channel,
  contactKey,
  DUPLICATE_WINDOW_MS,
  FEEDBACK_SEQUENCE_MAX,
  feedbackCode,
  type Subject,
  textKey,
} from "../../domain/feedback/index.ts";
import { AppError } from "../../errors.ts";
import type { Actor } from "../audit/audit-log.ts";
import { enforceRateLimit } from "../auth/rate-limit.ts";
import { findProcedure } from "../catalog/queries.ts";
import { hashLookupSecret } from "../dossiers/secret.ts";
import { DOSSIER_COMPONENT_POLICY, type UploadPolicy } from "../files/inspect-upload.ts";
import { storeUpload } from "../files/store-upload.ts";
import { enqueueNotification } from "../notifications/outbox.ts";
import { findUnitByCode } from "../units/queries.ts";
import { recordFeedbackEvent } from "./access.ts";

export const PUBLIC_PER_ADDRESS_PER_HOUR = 5;
export const PER_CONTACT_PER_DAY = 5;
export const OPEN311_PER_KEY_PER_HOUR = 300;

export const ATTACHMENT_POLICY: UploadPolicy = {
  allowed: DOSSIER_COMPONENT_POLICY.allowed,
  maxBytes: 600 * 1024,
};

export interface IntakeInput {
  unit: string;
  subject: Subject;
  procedure?: string | undefined;
  dossierCode?: string | undefined;
  title?: string | undefined;
  content: string;
  name: string;
  address: string;
  phone: string;
  email?: string | undefined;
  locale?: "vi" | "en" | undefined;
  channel: Channel;
  receivedAt?: Date | undefined;
  attachments?: { bytes: Uint8Array; name: string; contentType?: string | undefined }[];
}

export type IntakeOrigin =
  | { kind: "public"; ip: string }
  | { kind: "desk"; actor: Actor; unitId: string }
  | { kind: "open311"; ip: string; clientId: string | null };

export interface IntakeDeps {
  db: Db;
  files: FileStore;
  publicUrl: string;
}

export interface IntakeResult {
  id: string;
  code: string;
  secret: string;
  receivedAt: Date;
  requestNumber: string;
  unitId: string;
}

export function feedbackLookupUrl(publicUrl: string, code: string, secret?: string): string {
  const base = `${publicUrl.replace(/\/+$/, "")}/phan-anh-kien-nghi/tra-cuu?code=${encodeURIComponent(code)}`;
  return secret === undefined ? base : `${base}&secret=${encodeURIComponent(secret)}`;
}

async function allocateFeedbackCode(tx: Tx, agencyCode: string, at: Date): Promise<string> {
  const dayNumber = localDayOf(at.getTime());
  const day = formatInstant(at.getTime()).slice(0, 10);
  const { rows } = await sql<{ last_seq: number }>`
    INSERT INTO feedback_code_sequences (agency_code, day, last_seq)
    VALUES (${agencyCode}, ${day}::date, 1)
    ON CONFLICT (agency_code, day) DO UPDATE
      SET last_seq = feedback_code_sequences.last_seq + 1
      WHERE feedback_code_sequences.last_seq < ${FEEDBACK_SEQUENCE_MAX}
    RETURNING last_seq
  `.execute(tx);
  const sequence = rows[0]?.last_seq;
  if (sequence === undefined) throw new AppError("CODE_SEQUENCE_EXHAUSTED", { details: { agencyCode, day } });
  return feedbackCode(agencyCode, dayNumber, Number(sequence));
}

/** The limits that apply before any work; they count even when the filing is then refused. */
async function enforceLimits(deps: IntakeDeps, input: IntakeInput, origin: IntakeOrigin, now: Date) {
  if (origin.kind === "public" || (origin.kind === "open311" && origin.clientId === null)) {
    await enforceRateLimit(deps.db, `feedback:addr:${origin.ip}`, PUBLIC_PER_ADDRESS_PER_HOUR, 3600, now);
  }
  if (origin.kind === "open311" && origin.clientId !== null) {
    await enforceRateLimit(deps.db, `feedback:key:${origin.clientId}`, OPEN311_PER_KEY_PER_HOUR, 3600, now);
  }
  const contact = contactKey({ phone: input.phone, email: input.email ?? null });
  if (contact && origin.kind !== "desk") {
    await enforceRateLimit(deps.db, `feedback:contact:${contact}`, PER_CONTACT_PER_DAY, 86_400, now);
  }
}

export async function receiveFeedback(
  deps: IntakeDeps,
  input: IntakeInput,
  origin: IntakeOrigin,
  now: Date,
): Promise<IntakeResult> {
  await enforceLimits(deps, input, origin, now);
  const unit = await findUnitByCode(deps.db, input.unit);
  if (!unit?.active) throw new AppError("UNKNOWN_UNIT", { details: { code: input.unit } });
  if (origin.kind === "desk" && origin.unitId !== unit.id) {
    // The desk registers feedback into its own unit's register; it forwards afterwards if need be.
    throw new AppError("FORBIDDEN", { details: { action: "feedback.receive" } });
  }
  if (!isAgencyCode(unit.code))
    throw new AppError("UNIT_CODE_NOT_AGENCY_CODE", { details: { code: unit.code } });
  if (input.subject === "dossier" && !input.dossierCode) throw new AppError("FEEDBACK_SUBJECT_INCOMPLETE");
  if (input.subject === "procedure" && !input.procedure) throw new AppError("FEEDBACK_SUBJECT_INCOMPLETE");
  const procedure = input.procedure ? await findProcedure(deps.db, input.procedure) : undefined;
  if (input.procedure && !procedure)
    throw new AppError("NOT_FOUND", { details: { entity: "procedure", ref: input.procedure } });

  // A letter's arrival is entered after the fact, but not from the future nor from more than a year back.
  if (input.receivedAt && input.receivedAt.getTime() < now.getTime() - 366 * 86_400_000)
    throw new AppError("VALIDATION_FAILED", {
      details: { field: "receivedAt", reason: "more than a year ago" },
    });
  const receivedAt = input.receivedAt && input.receivedAt < now ? input.receivedAt : now;
  const contact =
    contactKey({ phone: input.phone, email: input.email ?? null }) ?? `n:${textKey(input.name)}`;
  const text = textKey(`${input.title ?? ""} ${input.content}`);
  const secret = generateLookupSecret((b) => randomFillSync(b));

  const actor: Actor = origin.kind === "desk" ? origin.actor : { kind: "anonymous", id: null };
  return deps.db.transaction().execute(async (tx) => {
    const earlier = await tx
      .selectFrom("feedback")
      .select("code")
      .where("contact_key", "=", contact)
      .where("text_key", "=", text)
      .where("received_at", ">", new Date(now.getTime() - DUPLICATE_WINDOW_MS))
      .executeTakeFirst();
    if (earlier) throw new AppError("FEEDBACK_DUPLICATE", { details: { code: earlier.code } });

    const code = await allocateFeedbackCode(tx, unit.code, receivedAt);
    const row = await tx
      .insertInto("feedback")
      .values({
        code,
        secret_hash: "",
        unit_id: unit.id,
        received_unit_id: unit.id,
        channel: input.channel,
        subject: input.subject,
        procedure_id: procedure?.id ?? null,
        dossier_code: input.dossierCode?.toUpperCase() ?? null,
        title: input.title ?? null,
        content: input.content,
        submitter_name: input.name,
        submitter_address: input.address,
        submitter_phone: input.phone,
        submitter_email: input.email ?? null,
        locale: input.locale ?? "vi",
        open311_client_id: origin.kind === "open311" ? origin.clientId : null,
        text_key: text,
        contact_key: contact,
        status: "received",
        received_at: receivedAt,
        registered_at: receivedAt,
      })
      .returning(["id", "request_number"])
      .executeTakeFirstOrThrow();
    // The secret's hash is bound to the record's id, as a dossier's is.
    await tx
      .updateTable("feedback")
      .set({ secret_hash: hashLookupSecret(row.id, secret) })
      .where("id", "=", row.id)
      .execute();
    for (const attachment of input.attachments ?? []) {
      const file = await storeUpload(tx, deps.files, attachment, {
        policy: ATTACHMENT_POLICY,
        unitId: unit.id,
        purpose: "feedback",
        actor,
        now,
      });
      await tx.insertInto("feedback_files").values({ feedback_id: row.id, file_id: file.id }).execute();
    }
    await recordFeedbackEvent(
      tx,
      { id: row.id, unit_id: unit.id, code },
      actor,
      {
        action: "receive",
        fromStatus: null,
        toStatus: "received",
        detail: { channel: input.channel, attachments: input.attachments?.length ?? 0 },
      },
      now,
    );
    await enqueueNotification(
      tx,
      {
        template: "feedback.received",
        locale: input.locale ?? "vi",
        to: { email: input.email ?? null, phone: input.phone },
        channels: ["email", "sms"],
        data: {
          name: input.name,
          code,
          unit: unit.name,
          receivedAt: formatInstant(receivedAt.getTime()).slice(0, 16).replace("T", " "),
          lookupUrl: feedbackLookupUrl(deps.publicUrl, code),
          lookupSecret: secret,
        },
        unitId: unit.id,
        dedupeKey: `feedback:${row.id}:received`,
      },
      now,
    );
    return {
      id: row.id,
      code,
      secret,
      receivedAt,
      requestNumber: String(row.request_number),
      unitId: unit.id,
    };
  });
}
