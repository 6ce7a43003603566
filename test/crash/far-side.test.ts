/**
 * The crash suite's far side and its check (issue 24), proven without a kill: a delivery cut between the provider's
 * acceptance and the outbox mark is re-sent after the lease under the same Message-ID / requestId, so the far side
 * holds each message once; and the check fails on each way the far side could see a message twice or never.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpSmsSender } from "../../src/adapters/messaging/sms-http.ts";
import { createSmtpSender } from "../../src/adapters/messaging/smtp-sender.ts";
import type { DbHandle } from "../../src/db/connection.ts";
import { deliverDue, type Senders } from "../../src/modules/notifications/delivery.ts";
import { createTestDb } from "../support/test-db.ts";
import { checkFarSide } from "./crash-suite.ts";
import { type FarSide, startFarSide } from "./far-side-peers.ts";

let handle: DbHandle;
let far: FarSide;
let senders: Senders;
const T0 = new Date("2026-12-07T02:00:00Z");

beforeAll(async () => {
  handle = await createTestDb();
  far = await startFarSide();
  senders = {
    email: createSmtpSender({
      smtpUrl: far.smtpUrl,
      from: "mot-cua@example.vn",
      messageIdDomain: "example.vn",
    }),
    sms: createHttpSmsSender({ url: far.smsUrl, apiKey: far.smsApiKey, brandname: "MOTCUA" }),
  };
});
afterAll(async () => {
  await senders?.email?.close();
  await senders?.sms?.close();
  await far?.close();
  await handle?.close();
});

async function enqueue(channel: "email" | "sms", recipient: string): Promise<string> {
  const id = randomUUID();
  await handle.db
    .insertInto("notification_outbox")
    .values({
      id,
      dedupe_key: `thu-${id}`,
      channel,
      template: "test.crash",
      template_version: 1,
      locale: "vi",
      recipient,
      subject: channel === "email" ? "Hồ sơ đã được tiếp nhận" : null,
      body_text: "Ho so da duoc tiep nhan",
      next_attempt_at: T0,
      created_at: T0,
    })
    .execute();
  return id;
}

describe("the outbox against a far side that outlives a crash", () => {
  it("a delivery cut before its mark is re-sent after the lease under the same key: the far side holds it once", async () => {
    const mail = await enqueue("email", "nguoi.nhan@example.vn");
    const text = await enqueue("sms", "84912345678");
    expect(await deliverDue(handle.db, senders, T0, { leaseMs: 2000 })).toMatchObject({ sent: 2 });
    // The crash: the provider had accepted both, the process died before marking them sent.
    await sql`UPDATE notification_outbox SET status = 'pending', sent_at = NULL WHERE id IN (${mail}, ${text})`.execute(
      handle.db,
    );
    expect((await checkFarSide(handle.db, far, false)).cut).toBe(2);
    // Before the lease ends nothing is claimed again; after it, both go out a second time.
    expect(await deliverDue(handle.db, senders, new Date(T0.getTime() + 1000))).toMatchObject({ sent: 0 });
    expect(await deliverDue(handle.db, senders, new Date(T0.getTime() + 3000))).toMatchObject({ sent: 2 });
    expect(far.emails.get(mail)).toMatchObject({ copies: 2, recipient: "nguoi.nhan@example.vn" });
    expect(far.sms.get(text)).toMatchObject({ copies: 2 });
    expect(far.unkeyed).toEqual([]);
    expect(await checkFarSide(handle.db, far, true)).toEqual({ problems: [], cut: 0 });
  });

  it("fails when a message marked sent never arrived, when one is left undelivered after draining, and on a key the outbox does not know", async () => {
    const lost = await enqueue("sms", "84987654321");
    await sql`UPDATE notification_outbox SET status = 'sent', sent_at = ${T0} WHERE id = ${lost}`.execute(
      handle.db,
    );
    const waiting = await enqueue("email", "cho@example.vn");
    const stranger = randomUUID();
    far.sms.set(stranger, { outboxId: stranger, recipient: "84900000000", copies: 1 });
    far.unkeyed.push("e-mail <random@example.vn> to ai@example.vn");
    const { problems } = await checkFarSide(handle.db, far, true);
    expect(problems).toEqual(
      expect.arrayContaining([
        `outbox ${lost} (sms) is marked sent but the far side never received it`,
        `outbox ${waiting} (email) still pending after draining`,
        `sms delivered under key ${stranger}, which names no outbox message`,
        "delivered without its de-duplication key: e-mail <random@example.vn> to ai@example.vn",
      ]),
    );
    expect(problems).toHaveLength(4);
  });
});
