/**
 * The leader's approval with a digital signature, and the clerk's issuing (NĐ 30/2020 Điều 13, 15–18): the
 * competent person signs in the signature block with the signing mode (cấp trưởng, KT., TM., TUQ., TL.); the
 * clerk takes the next number of the unit's register for the kind and year, stamps number and date, and applies
 * the agency's digital signature (the seal). Both signatures go through the signing module: stored PKCS#12
 * credentials unsealed with their holder's password, PAdES incremental updates, one audit event each.
 */
import { PDF } from "@libpdf/core";
import type { z } from "zod";
import type { IssueDocumentInput, SignDocumentInput } from "../../contracts/documents.ts";
import type { Executor } from "../../db/database.ts";
import {
  authorityLine,
  documentType,
  issueDateLine,
  notationOf,
  numberAndNotation,
  numberingYear,
  outgoingSeries,
  vietnamDate,
} from "../../domain/documents/index.ts";
import { AppError } from "../../errors.ts";
import { documentStampRects } from "../../pdf/documents/official-document.ts";
import { sign } from "../../signing/sign.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { assertCan } from "../auth/policy.ts";
import { actorOf, type StaffPrincipal } from "../auth/principal.ts";
import { storeBytes } from "../files/store-upload.ts";
import { credentialForSigning, defaultCredential } from "../signing/credentials.ts";
import { unlockWithAttempts } from "../signing/signing-service.ts";
import type { DocumentDeps } from "./deps.ts";
import { addPeople, transition, visibleDocument } from "./drafting.ts";
import { takeNumber } from "./numbering.ts";
import { numberingUnit } from "./numbering-unit.ts";
import { assertVersion } from "./rows.ts";

async function fileBytes(deps: DocumentDeps, db: Executor, fileId: string | null): Promise<Uint8Array> {
  if (!fileId) throw new AppError("DOCUMENT_STATE", { details: { reason: "no_file" } });
  const file = await db
    .selectFrom("files")
    .select("sha256")
    .where("id", "=", fileId)
    .executeTakeFirstOrThrow();
  return deps.files.get(file.sha256);
}

export async function approveAndSign(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  id: string,
  input: z.infer<typeof SignDocumentInput>,
): Promise<void> {
  const now = deps.clock();
  const { row } = await visibleDocument(deps.db, staff, id);
  if (row.unit_id !== staff.unitId || !staff.roles.includes("leader")) {
    throw new AppError("FORBIDDEN", { details: { action: "document.sign" } });
  }
  assertCan(staff, "document.sign", { id: row.unit_id, path: row.unit_path });
  transition(row, "sign");
  assertVersion(row, input.version);
  if (input.mode !== "head" && !input.signingFor) throw new AppError("SIGNING_FOR_REQUIRED");
  const authority = authorityLine(input.mode, input.signingFor);
  const credentialId =
    input.credentialId ?? (await defaultCredential(deps.db, { kind: "staff", staffId: staff.staffId }));
  const { row: credential } = await credentialForSigning(
    deps.db,
    staff,
    credentialId,
    "personal",
    deps.config.demo,
  );
  const signer = await unlockWithAttempts(
    deps.db,
    deps.config.signingKeySecret,
    staff,
    credential,
    input.password,
    now,
  );
  const profile = await deps.db
    .selectFrom("staff")
    .select(["full_name", "position"])
    .where("id", "=", staff.staffId)
    .executeTakeFirstOrThrow();
  const source = await fileBytes(deps, deps.db, row.current_file_id);
  const result = await sign(source, {
    signer,
    signingTime: now,
    appearance: {
      kind: "signer",
      ...(authority ? { authority } : {}),
      ...(profile.position ? { position: profile.position } : {}),
      signerName: profile.full_name,
    },
    reason: authority ? `Ký duyệt (${authority})` : "Ký duyệt",
  });
  await deps.db.transaction().execute(async (tx) => {
    const { row: locked } = await visibleDocument(tx, staff, id, true);
    transition(locked, "sign");
    assertVersion(locked, input.version);
    const file = await storeBytes(
      tx,
      deps.files,
      { bytes: result.pdf, name: "van-ban-da-ky.pdf", mime: "application/pdf" },
      { unitId: row.unit_id, purpose: "signed_document", actor: actorOf(staff), now },
    );
    await tx
      .updateTable("documents")
      .set({
        status: "signed",
        signing_mode: input.mode,
        signing_for: input.signingFor ?? null,
        signer_id: staff.staffId,
        signer_name: profile.full_name,
        signer_position: profile.position,
        signed_at: now,
        signed_file_id: file.id,
        updated_at: now,
        version: locked.version + 1,
      })
      .where("id", "=", id)
      .execute();
    await addPeople(tx, id, [{ staffId: staff.staffId, role: "approver" }]);
    await tx
      .insertInto("document_comments")
      .values({
        document_id: id,
        staff_id: staff.staffId,
        kind: "sign",
        body: authority ? `Đã ký duyệt (${authority})` : "Đã ký duyệt",
        created_at: now,
      })
      .execute();
    await recordAudit(
      tx,
      {
        actor: actorOf(staff),
        action: "document.sign",
        entityType: "document",
        entityId: id,
        unitId: row.unit_id,
        summary: {
          mode: input.mode,
          authority,
          credentialId: credential.id,
          sha256Before: result.sha256Before,
          sha256After: result.sha256After,
          fileId: file.id,
          signer: result.signer.subject.text,
        },
      },
      now,
    );
  });
}

/**
 * Where the number and date go. On a one-page document, in their places on the page (Phụ lục I ô 3, ô 4), drawn
 * in the seal's widget. The seal must sit on the signature's page (Phụ lục I, part II), and a signature's widget is
 * on one page: on a longer document motcua writes number and date just above the signature block of the last page
 * instead — the choice this code makes where a drawing on page 1 would void the leader's signature.
 */
async function stampsFor(pdf: Uint8Array, numberText: string, dateText: string) {
  const doc = await PDF.load(pdf);
  const rects = documentStampRects();
  if (doc.getPageCount() === 1) {
    return [
      { rect: rects.number, lines: [{ text: `Số: ${numberText}` }] },
      { rect: rects.date, lines: [{ text: dateText }] },
    ];
  }
  const above = { x: rects.date.x, y: 85 + 128, width: rects.date.width, height: 34 };
  return [
    {
      rect: above,
      lines: [
        { text: `Số: ${numberText}`, size: 11 },
        { text: dateText, size: 11 },
      ],
    },
  ];
}

export async function issueDocument(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  id: string,
  input: z.infer<typeof IssueDocumentInput>,
): Promise<{ number: number; notation: string }> {
  const now = deps.clock();
  const { row } = await visibleDocument(deps.db, staff, id);
  if (row.unit_id !== staff.unitId || !staff.roles.includes("clerk")) {
    throw new AppError("FORBIDDEN", { details: { action: "document.manage" } });
  }
  assertCan(staff, "document.manage", { id: row.unit_id, path: row.unit_path });
  transition(row, "issue");
  assertVersion(row, input.version);
  const credentialId =
    input.credentialId ?? (await defaultCredential(deps.db, { kind: "unit", unitId: row.unit_id }));
  const { row: credential } = await credentialForSigning(
    deps.db,
    staff,
    credentialId,
    "seal",
    deps.config.demo,
  );
  const seal = await unlockWithAttempts(
    deps.db,
    deps.config.signingKeySecret,
    staff,
    credential,
    input.password,
    now,
  );
  const type = documentType(row.type_code);
  if (!type) throw new AppError("VALIDATION_FAILED", { details: { typeCode: row.type_code } });
  const signed = await fileBytes(deps, deps.db, row.signed_file_id);
  const unit = await numberingUnit(deps.db, row.unit_id);
  // Number, stamp and seal in one transaction: the register row stays locked until the number is used or given back.
  return deps.db.transaction().execute(async (tx) => {
    const { row: locked } = await visibleDocument(tx, staff, id, true);
    transition(locked, "issue");
    assertVersion(locked, input.version);
    const { registerId, number } = await takeNumber(
      tx,
      row.unit_id,
      outgoingSeries(row.type_code),
      numberingYear(now),
    );
    const parts = { type, agency: unit.agencyAbbr, draftingUnit: row.drafting_unit_abbr };
    const full = numberAndNotation(number, parts);
    const issuedOn = vietnamDate(now);
    const result = await sign(signed, {
      signer: seal,
      signingTime: now,
      appearance: { kind: "seal", organization: unit.name },
      reason: `Phát hành văn bản số ${full}`,
      location: unit.place,
      stamps: await stampsFor(signed, full, issueDateLine(unit.place, issuedOn)),
    });
    const file = await storeBytes(
      tx,
      deps.files,
      { bytes: result.pdf, name: `${full.replace(/[^\p{L}\p{N}]+/gu, "-")}.pdf`, mime: "application/pdf" },
      { unitId: row.unit_id, purpose: "signed_document", actor: actorOf(staff), now },
    );
    await tx
      .updateTable("documents")
      .set({
        status: "issued",
        register_id: registerId,
        number,
        notation: full,
        agency_abbr: unit.agencyAbbr,
        place_name: unit.place,
        issued_on: issuedOn,
        issued_at: now,
        issued_by: staff.staffId,
        issued_file_id: file.id,
        copies: input.copies ?? null,
        updated_at: now,
        version: locked.version + 1,
      })
      .where("id", "=", id)
      .execute();
    await addPeople(tx, id, [{ staffId: staff.staffId, role: "clerk" }]);
    await recordAudit(
      tx,
      {
        actor: actorOf(staff),
        action: "document.issue",
        entityType: "document",
        entityId: id,
        unitId: row.unit_id,
        summary: {
          number,
          notation: full,
          register: notationOf(parts),
          credentialId: credential.id,
          sha256Before: result.sha256Before,
          sha256After: result.sha256After,
          fileId: file.id,
        },
      },
      now,
    );
    return { number, notation: full };
  });
}
