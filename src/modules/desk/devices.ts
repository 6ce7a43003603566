/**
 * Devices at the desk that run without a staff session: the number kiosk and the rating tablet of a counter.
 *
 * A device asks to be paired: it gets a random token in an HttpOnly cookie (only its SHA-256 is stored) and shows
 * a six-digit code, valid ten minutes. A staff member enters the code: a unit admin (roster.manage) pairs a kiosk,
 * a reception officer (dossier.receive, own unit) pairs the tablet of a counter. From then on the token lets the
 * kiosk take numbers for that unit (rate-limited) and the tablet see the dossier code pushed to its counter and
 * record one rating for it. Nothing else: no listing, no personal data, no staff action. The waiting-room display
 * needs no device at all, as it shows only numbers and counters.
 */
import { createHash, randomBytes, randomInt } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { DeskRatingInput, DeviceState, PairInput } from "../../contracts/desk.ts";
import type { Db, Executor, Tx } from "../../db/database.ts";
import type { DeviceKind } from "../../db/tables/desk.ts";
import { FIELDS } from "../../domain/catalog/fields.ts";
import { pairingCodeFrom } from "../../domain/desk/queue.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { assertCan } from "../auth/policy.ts";
import type { Principal } from "../auth/principal.ts";
import { bumpLiveVersion } from "./live-hub.ts";
import type { StaffAct } from "./members.ts";
import { localDate, membersOn } from "./shared.ts";

export const PAIRING_MINUTES = 10;
export const deviceCookie = (kind: DeviceKind) => `motcua_device_${kind}`;
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function requestPairing(tx: Tx, kind: DeviceKind, unitId: string, now: Date) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + PAIRING_MINUTES * 60_000);
  // Codes of devices not paired in time are freed, so a code is never ambiguous among pending devices.
  await tx
    .updateTable("desk_devices")
    .set({ pairing_code: null })
    .where("paired_at", "is", null)
    .where("pairing_expires_at", "<", now)
    .execute();
  for (let attempt = 0; ; attempt++) {
    const code = pairingCodeFrom(() => randomInt(0, 2 ** 32));
    const taken = await tx
      .selectFrom("desk_devices")
      .select("id")
      .where("pairing_code", "=", code)
      .where("paired_at", "is", null)
      .executeTakeFirst();
    if (taken && attempt < 20) continue;
    if (taken) throw new AppError("RATE_LIMITED");
    await tx
      .insertInto("desk_devices")
      .values({
        unit_id: unitId,
        kind,
        token_hash: hash(token),
        pairing_code: code,
        pairing_expires_at: expiresAt,
        created_at: now,
      })
      .execute();
    return { token, code, expiresAt: expiresAt.toISOString() };
  }
}

export async function pairDevice(
  act: StaffAct,
  principal: Principal,
  unit: { id: string; path: string },
  input: z.infer<typeof PairInput>,
) {
  const { tx, now } = act;
  const device = await tx
    .selectFrom("desk_devices")
    .selectAll()
    .where("pairing_code", "=", input.code)
    .where("paired_at", "is", null)
    .where("unit_id", "=", unit.id)
    .where("pairing_expires_at", ">", now)
    .forUpdate()
    .executeTakeFirst();
  if (!device) throw new AppError("PAIRING_CODE_INVALID");
  if (device.kind === "kiosk") assertCan(principal, "roster.manage", unit);
  else {
    assertCan(principal, "dossier.receive", unit);
    if (input.counter === null) throw new AppError("VALIDATION_FAILED", { details: { field: "counter" } });
    // One tablet per counter: the one paired before is retired.
    await tx
      .updateTable("desk_devices")
      .set({ revoked_at: now })
      .where("unit_id", "=", unit.id)
      .where("kind", "=", "rating")
      .where("counter", "=", input.counter)
      .where("revoked_at", "is", null)
      .where("paired_at", "is not", null)
      .execute();
  }
  const counter = device.kind === "rating" ? input.counter : null;
  await tx
    .updateTable("desk_devices")
    .set({ paired_at: now, paired_by: act.staff.staffId, pairing_code: null, counter })
    .where("id", "=", device.id)
    .execute();
  await bumpLiveVersion(tx, unit.id);
  await recordAudit(
    tx,
    {
      actor: { kind: "staff", id: act.staff.staffId },
      action: "desk.device.pair",
      entityType: "desk_device",
      entityId: device.id,
      unitId: unit.id,
      summary: { kind: device.kind, counter },
    },
    now,
  );
  return { deviceId: device.id, kind: device.kind, counter };
}

export interface Device {
  id: string;
  kind: DeviceKind;
  unitId: string;
  counter: number | null;
  paired: boolean;
  pairingCode: string | null;
}

/** The device behind the request's cookie for `kind`, or null (no cookie, unknown, revoked). */
export async function deviceOf(
  db: Executor,
  request: FastifyRequest,
  kind: DeviceKind,
): Promise<Device | null> {
  const token = request.cookies[deviceCookie(kind)];
  if (!token || token.length > 100) return null;
  const row = await db
    .selectFrom("desk_devices")
    .selectAll()
    .where("token_hash", "=", hash(token))
    .where("kind", "=", kind)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row?.unit_id) return null;
  return {
    id: row.id,
    kind: row.kind,
    unitId: row.unit_id,
    counter: row.counter,
    paired: row.paired_at !== null,
    pairingCode: row.paired_at === null ? row.pairing_code : null,
  };
}

export async function requirePairedDevice(
  db: Executor,
  request: FastifyRequest,
  kind: DeviceKind,
): Promise<Device> {
  const device = await deviceOf(db, request, kind);
  if (!device?.paired) throw new AppError("DEVICE_REQUIRED");
  return device;
}

export function setDeviceCookie(reply: FastifyReply, kind: DeviceKind, token: string, secure: boolean) {
  reply.setCookie(deviceCookie(kind), token, {
    path: "/api/v1/desk/device",
    httpOnly: true,
    sameSite: "strict",
    secure,
    // A device stays paired until revoked; the cookie lives a year.
    maxAge: 365 * 24 * 3600,
  });
}

async function pendingRequest(db: Executor, unitId: string, counter: number) {
  return db
    .selectFrom("desk_rating_requests as r")
    .innerJoin("dossiers as d", "d.id", "r.dossier_id")
    .select(["r.id", "r.dossier_id", "r.officer_id", "d.code"])
    .where("r.unit_id", "=", unitId)
    .where("r.counter", "=", counter)
    .where("r.status", "=", "pending")
    .orderBy("r.pushed_at", "desc")
    .executeTakeFirst();
}

export async function deviceState(
  db: Db,
  device: Device | null,
  kind: DeviceKind,
  now: Date,
): Promise<z.infer<typeof DeviceState>> {
  if (!device)
    return {
      kind,
      paired: false,
      pairingCode: null,
      unit: null,
      counter: null,
      fields: [],
      ratingRequest: null,
    };
  const unit = await db
    .selectFrom("units")
    .select(["code", "name"])
    .where("id", "=", device.unitId)
    .executeTakeFirstOrThrow();
  let fields: z.infer<typeof DeviceState>["fields"] = [];
  let ratingRequest: z.infer<typeof DeviceState>["ratingRequest"] = null;
  if (device.paired && kind === "kiosk") {
    // The kiosk offers the fields the desk's members handle today, in the catalog's order.
    const handled = new Set((await membersOn(db, device.unitId, localDate(now))).flatMap((m) => m.fields));
    fields = FIELDS.filter((f) => handled.size === 0 || handled.has(f.code)).map((f) => ({
      code: f.code,
      nameVi: f.nameVi,
      nameEn: f.nameEn,
    }));
  }
  if (device.paired && kind === "rating" && device.counter !== null) {
    const r = await pendingRequest(db, device.unitId, device.counter);
    ratingRequest = r ? { id: r.id, dossierCode: r.code ?? "" } : null;
  }
  return {
    kind,
    paired: device.paired,
    pairingCode: device.pairingCode,
    unit: { code: unit.code, name: unit.name },
    counter: device.counter,
    fields,
    ratingRequest,
  };
}

/** The officer's workspace shows a dossier on the counter's tablet, after a reception or a return. */
export async function pushRating(act: StaffAct, counter: number, dossierId: string) {
  const { tx, unitId, now } = act;
  const dossier = await tx
    .selectFrom("dossiers")
    .select(["id", "code", "status"])
    .where("id", "=", dossierId)
    .where("received_unit_id", "=", unitId)
    .executeTakeFirst();
  if (!dossier) throw new AppError("NOT_FOUND", { details: { entity: "dossier" } });
  if (!dossier.code) throw new AppError("RATING_NOT_ALLOWED", { details: { status: dossier.status } });
  const rated = await tx
    .selectFrom("dossier_ratings")
    .select("id")
    .where("dossier_id", "=", dossier.id)
    .executeTakeFirst();
  if (rated) throw new AppError("ALREADY_RATED");
  const tablet = await tx
    .selectFrom("desk_devices")
    .select("id")
    .where("unit_id", "=", unitId)
    .where("kind", "=", "rating")
    .where("counter", "=", counter)
    .where("paired_at", "is not", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!tablet) throw new AppError("DEVICE_REQUIRED", { details: { counter } });
  await tx
    .updateTable("desk_rating_requests")
    .set({ status: "replaced" })
    .where("unit_id", "=", unitId)
    .where("counter", "=", counter)
    .where("status", "=", "pending")
    .execute();
  const row = await tx
    .insertInto("desk_rating_requests")
    .values({
      unit_id: unitId,
      counter,
      dossier_id: dossier.id,
      officer_id: act.staff.staffId,
      pushed_at: now,
      status: "pending",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await bumpLiveVersion(tx, unitId);
  await recordAudit(
    tx,
    {
      actor: { kind: "staff", id: act.staff.staffId },
      action: "desk.rating.push",
      entityType: "dossier",
      entityId: dossier.id,
      unitId,
      summary: { counter, requestId: row.id },
    },
    now,
  );
  return { id: row.id, dossierCode: dossier.code };
}

/**
 * The citizen's rating on the tablet, into dossier_ratings (channel desk_device) on the criteria of NĐ 61/2018
 * art. 31 and TT 01/2018 art. 13 — the same record the online rating writes; the officer who pushed it and the
 * counter are kept for the figures per officer. Online service quality does not apply at the counter (null).
 */
export async function rateAtDesk(tx: Tx, device: Device, input: z.infer<typeof DeskRatingInput>, now: Date) {
  if (device.kind !== "rating" || device.counter === null) throw new AppError("DEVICE_REQUIRED");
  const request = await tx
    .selectFrom("desk_rating_requests")
    .selectAll()
    .where("id", "=", input.requestId)
    .where("unit_id", "=", device.unitId)
    .where("counter", "=", device.counter)
    .forUpdate()
    .executeTakeFirst();
  if (request?.status !== "pending" || !request) throw new AppError("NO_RATING_REQUEST");
  const inserted = await tx
    .insertInto("dossier_ratings")
    .values({
      dossier_id: request.dossier_id,
      citizen_id: null,
      unit_id: device.unitId,
      rated_at: now,
      channel: "desk_device",
      officer_id: request.officer_id,
      counter: device.counter,
      ...input.scores,
      online_service_quality: null,
      comment: input.comment ?? null,
    })
    .onConflict((oc) => oc.column("dossier_id").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) throw new AppError("ALREADY_RATED");
  await tx
    .updateTable("desk_rating_requests")
    .set({ status: "rated", rated_at: now })
    .where("id", "=", request.id)
    .execute();
  await bumpLiveVersion(tx, device.unitId);
  await recordAudit(
    tx,
    {
      actor: { kind: "anonymous", id: null },
      action: "dossier.rate_at_desk",
      entityType: "dossier",
      entityId: request.dossier_id,
      unitId: device.unitId,
      summary: { ratingId: inserted.id, deviceId: device.id, counter: device.counter, scores: input.scores },
    },
    now,
  );
  return { ok: true as const };
}
