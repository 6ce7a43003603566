/**
 * Sending an issued document (NĐ 30/2020 Điều 19): inside motcua it arrives at once in each recipient unit's
 * incoming queue (one incoming row per unit, the signatures checked on arrival); outside recipients go through
 * the exchange (paper for now). The sender follows each recipient's status; a recall freezes the document and
 * every copy that arrived (Phụ lục VI).
 */
import type { z } from "zod";
import type { ReasonInput, VersionInput } from "../../contracts/documents.ts";
import type { Executor, Tx } from "../../db/database.ts";
import type { SignatureCheck } from "../../db/tables/documents.ts";
import { formatLocalDate, parseLocalDate } from "../../domain/calendar/index.ts";
import {
  isUrgent,
  registrationDeadlineDay,
  URGENCY_LABEL,
  vietnamDate,
} from "../../domain/documents/index.ts";
import { AppError } from "../../errors.ts";
import { verifyPdf } from "../../signing/verify.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { actorOf, type StaffPrincipal } from "../auth/principal.ts";
import { calendarFor } from "../calendar/calendar-for.ts";
import { enqueueNotification } from "../notifications/outbox.ts";
import { activeTrustedRoots } from "../signing/trusted-roots.ts";
import type { DocumentDeps } from "./deps.ts";
import { addPeople, transition, visibleDocument } from "./drafting.ts";
import { type OutsideExchange, paperOnlyExchange } from "./exchange.ts";
import { assertVersion } from "./rows.ts";

/**
 * What the receiving side shows about the signatures of a document that arrived: each signature's integrity and
 * whether its certificate chain reaches a root the system trusts (the roots of Quản trị chữ ký số; test PKI roots
 * in demo mode only), checked once on arrival and kept with the document.
 */
export async function checkSignatures(
  db: Executor,
  config: { demo: boolean },
  pdf: Uint8Array,
  now: Date,
): Promise<SignatureCheck> {
  const roots = await activeTrustedRoots(db, config.demo);
  const report = await verifyPdf(pdf, { trustedRoots: roots }).catch(() => null);
  if (!report) return { checkedAt: now.toISOString(), valid: false, trusted: false, signatures: [] };
  return {
    checkedAt: now.toISOString(),
    valid: report.valid,
    trusted: report.signatures.length > 0 && report.signatures.every((s) => s.chain.status === "trusted"),
    signatures: report.signatures.map((s) => ({
      signer: s.signer?.commonName ?? s.signer?.subject ?? null,
      status: s.status,
      signingTime: s.signingTime ?? null,
      chain: s.chain.status,
    })),
  };
}

export async function registerDueOn(tx: Tx, unitId: string, arrivedAt: Date): Promise<string> {
  const calendar = await calendarFor(tx, unitId);
  const day = parseLocalDate(vietnamDate(arrivedAt));
  return formatLocalDate(registrationDeadlineDay(calendar, day));
}

/** Tells the leaders and clerks of a unit at once that an urgent document arrived (NĐ 30/2020 Điều 22(2)). */
export async function notifyUrgent(
  tx: Tx,
  unitId: string,
  doc: { id: string; summary: string; urgency: string; number: string | null; issuer: string | null },
  now: Date,
): Promise<void> {
  const people = await tx
    .selectFrom("staff")
    .select(["id", "full_name", "email", "phone", "roles"])
    .where("unit_id", "=", unitId)
    .where("active", "=", true)
    .execute();
  for (const p of people.filter((s) => s.roles.includes("leader") || s.roles.includes("clerk"))) {
    await enqueueNotification(
      tx,
      {
        template: "document.urgent",
        dedupeKey: `document-urgent:${doc.id}:${p.id}`,
        channels: ["email", "sms"],
        to: { email: p.email, phone: p.phone },
        unitId,
        data: {
          name: p.full_name,
          urgency: URGENCY_LABEL[doc.urgency as keyof typeof URGENCY_LABEL] ?? doc.urgency,
          summary: doc.summary,
          number: doc.number ?? "",
          issuer: doc.issuer ?? "",
        },
      },
      now,
    );
  }
}

export async function sendDocument(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  id: string,
  input: z.infer<typeof VersionInput>,
  exchange: OutsideExchange = paperOnlyExchange,
): Promise<void> {
  const now = deps.clock();
  const { row } = await visibleDocument(deps.db, staff, id);
  if (row.unit_id !== staff.unitId || !staff.roles.includes("clerk")) {
    throw new AppError("FORBIDDEN", { details: { action: "document.manage" } });
  }
  transition(row, "send");
  assertVersion(row, input.version);
  if (!row.issued_file_id) throw new AppError("DOCUMENT_STATE", { details: { reason: "not_issued" } });
  const file = await deps.db
    .selectFrom("files")
    .select("sha256")
    .where("id", "=", row.issued_file_id)
    .executeTakeFirstOrThrow();
  const pdf = await deps.files.get(file.sha256);
  const check = await checkSignatures(deps.db, deps.config, pdf, now);
  const outside = await deps.db.transaction().execute(async (tx) => {
    const { row: locked } = await visibleDocument(tx, staff, id, true);
    transition(locked, "send");
    assertVersion(locked, input.version);
    const recipients = await tx
      .selectFrom("document_recipients")
      .selectAll()
      .where("document_id", "=", id)
      .where("sent_at", "is", null)
      .execute();
    const total = await tx
      .selectFrom("document_recipients")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("document_id", "=", id)
      .executeTakeFirstOrThrow();
    if (Number(total.n) === 0) throw new AppError("DOCUMENT_NO_RECIPIENTS");
    const outsideList: { id: string; name: string; channel: "paper" | "exchange" }[] = [];
    for (const r of recipients) {
      if (r.channel !== "motcua" || !r.unit_id) {
        outsideList.push({
          id: r.id,
          name: r.outside_name ?? "",
          channel: r.channel === "exchange" ? "exchange" : "paper",
        });
        continue;
      }
      const incoming = await tx
        .insertInto("documents")
        .values({
          unit_id: r.unit_id,
          direction: "incoming",
          status: "arrived",
          type_code: row.type_code,
          summary: row.summary,
          urgency: row.urgency,
          confidentiality: row.confidentiality,
          reply_due_on: row.reply_due_on,
          origin: "motcua",
          source_document_id: id,
          issuer_name: row.unit_name,
          issuer_unit_id: row.unit_id,
          original_number: row.notation,
          original_date: row.issued_on,
          current_file_id: row.issued_file_id,
          issued_file_id: row.issued_file_id,
          arrived_at: now,
          register_due_on: await registerDueOn(tx, r.unit_id, now),
          signature_check: JSON.stringify(check),
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (row.confidentiality !== "normal") {
        // A confidential document reaches the receiving unit's clerks by name, and nobody else until assigned.
        const clerks = await tx
          .selectFrom("staff")
          .select(["id", "roles"])
          .where("unit_id", "=", r.unit_id)
          .where("active", "=", true)
          .execute();
        await addPeople(
          tx,
          incoming.id,
          clerks
            .filter((c) => c.roles.includes("clerk"))
            .map((c) => ({ staffId: c.id, role: "named" as const })),
        );
      }
      await tx
        .updateTable("document_recipients")
        .set({ status: "arrived", incoming_document_id: incoming.id, status_at: now, sent_at: now })
        .where("id", "=", r.id)
        .execute();
      if (isUrgent(row.urgency)) {
        await notifyUrgent(
          tx,
          r.unit_id,
          {
            id: incoming.id,
            summary: row.summary,
            urgency: row.urgency,
            number: row.notation,
            issuer: row.unit_name,
          },
          now,
        );
      }
    }
    await tx
      .updateTable("documents")
      .set({ status: "sent", updated_at: now, version: locked.version + 1 })
      .where("id", "=", id)
      .execute();
    await recordAudit(
      tx,
      {
        actor: actorOf(staff),
        action: "document.send",
        entityType: "document",
        entityId: id,
        unitId: row.unit_id,
        summary: {
          inside: recipients.length - outsideList.length,
          outside: outsideList.length,
          signaturesValid: check.valid,
        },
      },
      now,
    );
    return outsideList;
  });
  // Outside channels run after the commit; their outcome is recorded per recipient.
  for (const r of outside) {
    const outcome = await exchange.sendOutside(
      {
        documentId: id,
        unitId: row.unit_id,
        numberAndNotation: row.notation ?? "",
        issuedOn: row.issued_on ?? "",
        typeCode: row.type_code,
        summary: row.summary,
        pdf,
      },
      r,
    );
    await deps.db
      .updateTable("document_recipients")
      .set({ status: outcome.status, status_at: now, sent_at: now })
      .where("id", "=", r.id)
      .execute();
  }
}

export async function recallDocument(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  id: string,
  input: z.infer<typeof ReasonInput>,
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (tx) => {
    const { row } = await visibleDocument(tx, staff, id, true);
    if (row.unit_id !== staff.unitId || !staff.roles.some((r) => r === "clerk" || r === "leader")) {
      throw new AppError("FORBIDDEN", { details: { action: "document.recall" } });
    }
    const status = transition(row, "recall");
    assertVersion(row, input.version);
    const copies = await tx
      .selectFrom("document_recipients")
      .select(["id", "incoming_document_id"])
      .where("document_id", "=", id)
      .where("incoming_document_id", "is not", null)
      .execute();
    const incomingIds = copies.map((c) => c.incoming_document_id as string);
    if (incomingIds.length > 0) {
      await tx
        .updateTable("documents")
        .set((eb) => ({ status: "recalled", updated_at: now, version: eb("version", "+", 1) }))
        .where("id", "in", incomingIds)
        .execute();
      await tx
        .updateTable("document_recipients")
        .set({ status: "recalled", reason: input.reason, status_at: now })
        .where("document_id", "=", id)
        .where("incoming_document_id", "is not", null)
        .execute();
    }
    await tx
      .insertInto("document_comments")
      .values({
        document_id: id,
        staff_id: staff.staffId,
        kind: "comment",
        body: `Thu hồi: ${input.reason}`,
        created_at: now,
      })
      .execute();
    await tx
      .updateTable("documents")
      .set({ status, updated_at: now, version: row.version + 1 })
      .where("id", "=", id)
      .execute();
    await recordAudit(
      tx,
      {
        actor: actorOf(staff),
        action: "document.recall",
        entityType: "document",
        entityId: id,
        unitId: row.unit_id,
        summary: { reason: input.reason, copies: incomingIds.length },
      },
      now,
    );
  });
}
