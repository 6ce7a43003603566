/**
 * The leader's step ("Lãnh đạo … xem xét, ký"): the leader approves by signing the result the specialist drafted
 * (NĐ 118/2025 art. 19: the competent person signs the result; Luật Giao dịch điện tử 2023 art. 22–23: a digital
 * signature on the electronic document). The signature goes through the signing module — the leader's own stored
 * PKCS#12 credential unsealed with its password, a PAdES incremental update — and the signed PDF becomes the
 * dossier's result file; the result's number is written when the result is recorded (issuing), as before.
 */
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { z } from "zod";
import type { ActionResult, SignResultInput } from "../../contracts/dossiers.ts";
import { formatLocalDate, localDayOf } from "../../domain/calendar/index.ts";
import { AppError } from "../../errors.ts";
import { sign } from "../../signing/sign.ts";
import { requireStaff } from "../auth/policy.ts";
import { actorOf, type Principal } from "../auth/principal.ts";
import { calendarFor } from "../calendar/calendar-for.ts";
import { storeBytes } from "../files/store-upload.ts";
import { credentialForSigning, defaultCredential } from "../signing/credentials.ts";
import { unlockWithAttempts } from "../signing/signing-service.ts";
import { applyEvent } from "./engine.ts";
import { leaderAtTask, loadForAction } from "./load.ts";
import { perform, performAction } from "./perform.ts";
import { approve } from "./process-step.ts";

/** "du-thao-ket-qua.pdf" → "du-thao-ket-qua-da-ky.pdf". */
export function signedName(name: string): string {
  const base = name.replace(/\.pdf$/i, "");
  return `${base}-da-ky.pdf`;
}

export async function signResult(
  app: FastifyInstance,
  principal: Principal,
  log: FastifyBaseLogger,
  id: string,
  input: z.infer<typeof SignResultInput>,
): Promise<ActionResult> {
  const staff = requireStaff(principal);
  const { db, config, files } = app.deps;
  // 1. This leader may approve this dossier now, and there is a draft to sign (a transaction that writes nothing).
  const { out: draft } = await perform(app, staff, log, async (ctx) => {
    const { row, auth } = await loadForAction(ctx, id, input.version, (r) => leaderAtTask(ctx, r));
    const { unit } = auth;
    applyEvent(row, { type: "approve" }, ctx.now, await calendarFor(ctx.tx, row.current_unit_id));
    if (!row.result_draft_file_id) throw new AppError("RESULT_DRAFT_MISSING");
    const file = await ctx.tx
      .selectFrom("files")
      .select(["sha256", "name"])
      .where("id", "=", row.result_draft_file_id)
      .executeTakeFirstOrThrow();
    return { ...file, unitId: unit.id };
  });
  // 2. Unseal and sign outside the dossier's transaction: a wrong password counts towards the lock-out even though
  // the approval does not happen (the attempt is written by unlockWithAttempts in its own statement).
  const now = app.deps.clock();
  const credentialId =
    input.credentialId ?? (await defaultCredential(db, { kind: "staff", staffId: staff.staffId }));
  const { row: credential } = await credentialForSigning(db, staff, credentialId, "personal", config.demo);
  const signer = await unlockWithAttempts(
    db,
    config.signingKeySecret,
    staff,
    credential,
    input.password,
    now,
  );
  const profile = await db
    .selectFrom("staff")
    .select(["full_name", "position"])
    .where("id", "=", staff.staffId)
    .executeTakeFirstOrThrow();
  const source = await files.get(draft.sha256);
  const signed = await sign(source, {
    signer,
    signingTime: now,
    appearance: {
      kind: "signer",
      ...(profile.position ? { position: profile.position } : {}),
      signerName: profile.full_name,
    },
    reason: "Phê duyệt kết quả giải quyết thủ tục hành chính",
  });
  // 3. The signed file and the approval in one transaction (the version read at step 1 still has to match).
  return performAction(app, staff, log, async (ctx) => {
    const file = await storeBytes(
      ctx.tx,
      files,
      { bytes: signed.pdf, name: signedName(draft.name), mime: "application/pdf" },
      { unitId: draft.unitId, purpose: "signed_result", actor: actorOf(staff), now: ctx.now },
    );
    return approve(
      ctx,
      id,
      { version: input.version, note: input.note ?? null },
      {
        fileId: file.id,
        signer: profile.full_name,
        signedOn: formatLocalDate(localDayOf(now.getTime())),
        audit: {
          credentialId: credential.id,
          sha256Before: signed.sha256Before,
          sha256After: signed.sha256After,
          fileId: file.id,
          certificate: signed.signer.subject.text,
        },
      },
    );
  });
}
