/**
 * The paper evaluation slip (phiếu đánh giá) typed in at the desk. The slip goes with forms 01–03 (TT 01/2018/
 * TT-VPCP art. 12) and asks the criteria of NĐ 61/2018 art. 31; the applicant may instead rate on the counter's
 * tablet (the desk module) or online (the portal). All three write the one dossier_ratings row a dossier may have.
 * A paper rating keeps who entered it (entered_by) and that it came from paper (channel 'paper'); it asks
 * "online service quality" only of a dossier filed online.
 */
import type { z } from "zod";
import {
  CRITERIA,
  type Criterion,
  type PaperRatingInput,
  type PaperRatingView,
} from "../../contracts/portal-dossiers.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { assertCan } from "../auth/policy.ts";
import { actorOf } from "../auth/principal.ts";
import { assertCanRead, unitInfo } from "./access.ts";
import type { ActionContext } from "./engine.ts";

/** Not yet a dossier of the desk: nothing has been received, so there is nothing to rate. */
const NOT_RECEIVED = new Set(["draft_online", "submitted_online"]);

export async function recordPaperRating(
  ctx: ActionContext,
  id: string,
  input: z.infer<typeof PaperRatingInput>,
): Promise<z.infer<typeof PaperRatingView>> {
  const { tx, now, principal } = ctx;
  const row = await tx
    .selectFrom("dossiers")
    .select(["id", "code", "status", "channel", "received_unit_id", "current_unit_id"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "dossier" } });
  await assertCanRead(tx, principal, row);
  const unit = await unitInfo(tx, row.received_unit_id);
  // Typing in the slip is the receiving desk's work, like pushing the dossier to the counter's tablet.
  const staff = assertCan(principal, "dossier.receive", unit);
  if (NOT_RECEIVED.has(row.status))
    throw new AppError("RATING_NOT_ALLOWED", { details: { status: row.status } });
  const online = input.scores.online_service_quality ?? null;
  // NĐ 61/2018 art. 31: online service quality is a criterion of online dossiers only.
  if (online !== null && row.channel !== "online")
    throw new AppError("CRITERION_NOT_APPLICABLE", {
      details: { criterion: "online_service_quality", channel: row.channel },
    });
  const inserted = await tx
    .insertInto("dossier_ratings")
    .values({
      dossier_id: row.id,
      citizen_id: null,
      unit_id: row.received_unit_id,
      rated_at: now,
      channel: "paper",
      entered_by: staff.staffId,
      officer_id: null,
      counter: null,
      ...input.scores,
      online_service_quality: online,
      comment: input.comment ?? null,
    })
    .onConflict((oc) => oc.column("dossier_id").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) throw new AppError("ALREADY_RATED");
  await recordAudit(
    tx,
    {
      actor: actorOf(staff),
      action: "dossier.rating.paper",
      entityType: "dossier",
      entityId: row.id,
      unitId: row.received_unit_id,
      summary: { code: row.code, ratingId: inserted.id, channel: "paper", enteredBy: staff.staffId },
    },
    now,
  );
  const scores = Object.fromEntries(
    CRITERIA.map((c) => [c, c === "online_service_quality" ? online : (input.scores[c] ?? null)]),
  ) as Record<Criterion, 0 | 1 | 2 | null>;
  return {
    ratedAt: now.toISOString(),
    channel: "paper",
    enteredBy: { id: staff.staffId, name: staff.fullName },
    scores,
    comment: input.comment ?? null,
  };
}
