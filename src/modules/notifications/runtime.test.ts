/**
 * The delivery loop as `motcua serve` runs it: in demo mode without SMTP_URL/SMS_URL the local mail catcher and
 * SMS peer stand in, the loop delivers on its interval, and stopping waits for the pass in progress.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../test/support/test-db.ts";
import { ConfigError, loadConfig } from "../../config.ts";
import type { DbHandle } from "../../db/connection.ts";
import { enqueueNotification } from "./outbox.ts";
import { prepareNotifications } from "./runtime.ts";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => handle.close());

describe("notification runtime", () => {
  it("delivers through the demo stand-ins on its interval, then stops cleanly", async () => {
    const config = loadConfig({ DEMO: "1", LOG_LEVEL: "silent", PUBLIC_URL: "https://motcua.example.vn" });
    expect(config.mailFrom).toBe("Bộ phận Một cửa <no-reply@motcua.example.vn>");
    const runtime = await prepareNotifications(config);
    const mailbox = runtime.demoMailbox;
    expect(mailbox).toBeDefined();
    const errors: unknown[] = [];
    runtime.start(
      handle.db,
      () => new Date(),
      (e) => errors.push(e),
    );
    try {
      await enqueueNotification(
        handle.db,
        {
          template: "citizen.confirm-code",
          to: { email: "dan@example.vn", phone: "0987654321" },
          channels: ["email", "sms"],
          data: { name: "Hoàng Văn Dân", code: "204816", minutes: 10 },
          dedupeKey: "runtime-test:1",
        },
        new Date(),
      );
      await expect
        .poll(async () => (await mailbox?.mails())?.length, { timeout: 20_000, interval: 200 })
        .toBe(1);
      await expect
        .poll(async () => (await mailbox?.sms())?.length, { timeout: 20_000, interval: 200 })
        .toBe(1);
      expect((await mailbox?.mails())?.[0]).toMatchObject({
        to: ["dan@example.vn"],
        subject: "Mã xác nhận tài khoản Cổng dịch vụ công: 204816",
      });
      expect((await mailbox?.sms())?.[0]).toMatchObject({ phone: "84987654321", brandname: "MOTCUA" });
      await expect
        .poll(
          async () =>
            (await handle.db.selectFrom("notification_outbox").select("status").execute()).map(
              (r) => r.status,
            ),
          { timeout: 10_000, interval: 200 },
        )
        .toEqual(["sent", "sent"]);
    } finally {
      await runtime.stop();
    }
    expect(errors).toEqual([]);
  }, 60_000);

  it("wants SMS_URL and SMS_API_KEY together, and uses a configured gateway instead of the stand-in", async () => {
    expect(() => loadConfig({ DEMO: "1", SMS_URL: "https://sms.example.vn/send" })).toThrow(ConfigError);
    const config = loadConfig({
      DEMO: "1",
      SMS_URL: "https://sms.example.vn/send",
      SMS_API_KEY: "key-0123456789",
      SMTP_URL: "smtp://mail.example.vn:587",
    });
    expect(config.sms).toEqual({
      url: "https://sms.example.vn/send",
      apiKey: "key-0123456789",
      brandname: "MOTCUA",
    });
    const runtime = await prepareNotifications(config);
    expect(runtime.demoMailbox).toBeUndefined();
    await runtime.stop();
  });
});
