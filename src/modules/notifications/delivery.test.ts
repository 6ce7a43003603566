import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../../../test/support/test-db.ts";
import type { EmailSender } from "../../adapters/messaging/sender.ts";
import { createHttpSmsSender } from "../../adapters/messaging/sms-http.ts";
import { type SmsPeerServer, startSmsPeerServer } from "../../adapters/messaging/sms-peer-server.ts";
import { type SmtpCatcher, startSmtpCatcher } from "../../adapters/messaging/smtp-catcher.ts";
import { createSmtpSender } from "../../adapters/messaging/smtp-sender.ts";
import type { DbHandle } from "../../db/connection.ts";
import { deliverDue } from "./delivery.ts";
import { enqueueNotification, type NotificationRequest } from "./outbox.ts";

const T0 = new Date("2026-11-24T02:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

let handle: DbHandle;
let smtp: SmtpCatcher;
let smsPeer: SmsPeerServer;
let email: EmailSender;

beforeAll(async () => {
  handle = await createTestDb();
  smtp = await startSmtpCatcher();
  smsPeer = await startSmsPeerServer();
  email = createSmtpSender({
    smtpUrl: smtp.url,
    from: "Bộ phận Một cửa <no-reply@motcua.example.vn>",
    messageIdDomain: "motcua.example.vn",
    timeoutMs: 5000,
  });
});
afterAll(async () => {
  await email.close();
  await smtp.close();
  await smsPeer.close();
  await handle.close();
});
beforeEach(async () => {
  // Each test starts with an empty outbox and empty receivers.
  await handle.db.deleteFrom("notification_outbox").execute();
  smtp.mails.length = 0;
  smtp.failWith = null;
  smsPeer.received.length = 0;
  smsPeer.failWith = null;
});

let seq = 0;
function confirmCode(overrides: Partial<NotificationRequest> = {}): NotificationRequest {
  seq += 1;
  return {
    template: "citizen.confirm-code",
    to: { email: `dan${seq}@example.vn`, phone: "0912345678" },
    channels: ["email"],
    data: { name: "Nguyễn Thị Hường", code: "735102", minutes: 10 },
    dedupeKey: `delivery-test:${seq}`,
    ...overrides,
  };
}

const outbox = () => handle.db.selectFrom("notification_outbox").selectAll().orderBy("created_at").execute();

describe("deliverDue", () => {
  it("delivers an e-mail to a real SMTP server with the exact subject and body, UTF-8 headers, Message-ID from the outbox id", async () => {
    await enqueueNotification(handle.db, confirmCode(), T0);
    const report = await deliverDue(handle.db, { email }, T0);
    expect(report).toEqual({ sent: 1, retrying: 0, dead: 0 });
    const [row] = await outbox();
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0];
    expect(mail.to).toEqual([row.recipient]);
    expect(mail.subject).toBe("Mã xác nhận tài khoản Cổng dịch vụ công: 735102");
    expect(mail.text.trim()).toBe(
      [
        "Kính gửi ông/bà Nguyễn Thị Hường,",
        "Mã xác nhận đăng ký tài khoản của ông/bà là: 735102",
        "Mã có hiệu lực trong 10 phút. Không cung cấp mã này cho bất kỳ ai, kể cả cán bộ.",
        "Nếu ông/bà không đăng ký tài khoản, xin bỏ qua thư này.",
        "Bộ phận Một cửa — thư gửi tự động, xin không trả lời thư này.",
      ].join("\n\n"),
    );
    expect(mail.html).toContain("<p>Mã xác nhận đăng ký tài khoản của ông/bà là: 735102</p>");
    expect(mail.messageId).toBe(`<${row.id}@motcua.example.vn>`);
    // Non-ASCII headers travel as RFC 2047 encoded words in UTF-8, never as raw 8-bit bytes.
    const headers = mail.raw.slice(0, mail.raw.indexOf("\r\n\r\n"));
    expect(headers).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(headers).toMatch(/^From: =\?UTF-8\?[BQ]\?[^<]*<no-reply@motcua\.example\.vn>/im);
    expect([...headers].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    // Delivered: marked sent, and the secret code no longer kept in the outbox.
    expect(row.status).toBe("sent");
    expect(new Date(row.sent_at as Date).toISOString()).toBe(T0.toISOString());
    expect(row.attempts).toBe(1);
    expect(row.body_text).toBeNull();
    expect(row.body_html).toBeNull();
    expect(row.subject).toBe(mail.subject);
    // Nothing is due any more.
    expect(await deliverDue(handle.db, { email }, at(3600_000))).toEqual({ sent: 0, retrying: 0, dead: 0 });
    expect(smtp.mails).toHaveLength(1);
  });

  it("keeps the body of a message without secrets after sending", async () => {
    await enqueueNotification(
      handle.db,
      confirmCode({
        template: "citizen.already-registered",
        data: { name: "Lê Văn Cường", loginUrl: "https://motcua.example.vn/dang-nhap" },
      }),
      T0,
    );
    await deliverDue(handle.db, { email }, T0);
    const [row] = await outbox();
    expect(row.status).toBe("sent");
    expect(row.body_text).toContain("Kính gửi ông/bà Lê Văn Cường,");
    expect(smtp.mails[0].html).toContain('<a href="https://motcua.example.vn/dang-nhap">');
  });

  it("retries a failing SMTP server with backoff, and dead-letters after the last attempt with its error", async () => {
    await enqueueNotification(handle.db, confirmCode(), T0);
    smtp.failWith = { code: 451, message: "Temporary local problem" };
    const options = { maxAttempts: 3, backoffMs: (n: number) => n * 60_000 };

    expect(await deliverDue(handle.db, { email }, T0, options)).toEqual({ sent: 0, retrying: 1, dead: 0 });
    let [row] = await outbox();
    expect(row.status).toBe("pending");
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/451/);
    expect(new Date(row.next_attempt_at).toISOString()).toBe(at(60_000).toISOString());

    // Not due before the backoff has passed.
    expect(await deliverDue(handle.db, { email }, at(59_000), options)).toEqual({
      sent: 0,
      retrying: 0,
      dead: 0,
    });
    expect(await deliverDue(handle.db, { email }, at(60_000), options)).toEqual({
      sent: 0,
      retrying: 1,
      dead: 0,
    });
    [row] = await outbox();
    expect(row.attempts).toBe(2);
    expect(new Date(row.next_attempt_at).toISOString()).toBe(at(60_000 + 120_000).toISOString());

    smtp.failWith = { code: 550, message: "Mailbox unavailable" };
    expect(await deliverDue(handle.db, { email }, at(180_000), options)).toEqual({
      sent: 0,
      retrying: 0,
      dead: 1,
    });
    [row] = await outbox();
    expect(row.status).toBe("dead");
    expect(row.attempts).toBe(3);
    expect(row.last_error).toMatch(/550/);
    // A dead message is not retried by the worker, and its body is kept for an admin's retry.
    smtp.failWith = null;
    expect(await deliverDue(handle.db, { email }, at(86_400_000), options)).toEqual({
      sent: 0,
      retrying: 0,
      dead: 0,
    });
    expect(row.body_text).toContain("735102");
    expect(smtp.mails).toHaveLength(0);
  });

  it("re-sends with the same Message-ID when a worker died between send and mark (at least once, identifiable)", async () => {
    await enqueueNotification(
      handle.db,
      confirmCode({
        template: "citizen.already-registered",
        data: { name: "An", loginUrl: "https://x.example.vn/" },
      }),
      T0,
    );
    const [row] = await outbox();
    // A worker whose process dies right after the SMTP server accepted the message: it never marks the row.
    const diesAfterSending: EmailSender = {
      async send(message) {
        await email.send(message);
        return new Promise(() => {});
      },
      close: async () => {},
    };
    void deliverDue(handle.db, { email: diesAfterSending }, T0, { leaseMs: 300_000 });
    await expect.poll(() => smtp.mails.length).toBe(1);
    // Within the lease nobody else takes it.
    expect(await deliverDue(handle.db, { email }, at(299_000))).toEqual({ sent: 0, retrying: 0, dead: 0 });
    // After the lease the row is due again and goes out once more with the same Message-ID.
    expect(await deliverDue(handle.db, { email }, at(300_000))).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[0].messageId).toBe(`<${row.id}@motcua.example.vn>`);
    expect(smtp.mails[1].messageId).toBe(smtp.mails[0].messageId);
    const [after] = await outbox();
    expect(after.status).toBe("sent");
    expect(after.attempts).toBe(2);
  });

  it("sends SMS through the HTTP gateway to the local peer, without diacritics, with the outbox id as requestId", async () => {
    const sms = createHttpSmsSender({ url: smsPeer.url, apiKey: smsPeer.apiKey, brandname: "MOTCUA" });
    await enqueueNotification(handle.db, confirmCode({ channels: ["email", "sms"] }), T0);
    // Without an SMS sender the SMS waits, untouched.
    expect(await deliverDue(handle.db, { email }, T0)).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(await deliverDue(handle.db, { email, sms }, T0)).toEqual({ sent: 1, retrying: 0, dead: 0 });
    const smsRow = (await outbox()).find((r) => r.channel === "sms");
    expect(smsPeer.received).toHaveLength(1);
    expect(smsPeer.received[0]).toMatchObject({
      requestId: smsRow?.id,
      brandname: "MOTCUA",
      phone: "84912345678",
      message: "Ma xac nhan tai khoan Cong DVC: 735102. Hieu luc 10 phut. Khong cung cap ma cho bat ky ai.",
    });
    expect(smsRow?.status).toBe("sent");
    expect(smsRow?.provider_reference).toBe(smsPeer.received[0].messageId);
  });

  it("retries SMS when the gateway fails, and refuses a wrong API key", async () => {
    await enqueueNotification(handle.db, confirmCode({ channels: ["sms"] }), T0);
    const wrongKey = createHttpSmsSender({ url: smsPeer.url, apiKey: "wrong", brandname: "MOTCUA" });
    expect(await deliverDue(handle.db, { sms: wrongKey }, T0)).toEqual({ sent: 0, retrying: 1, dead: 0 });
    let [row] = await outbox();
    expect(row.last_error).toMatch(/HTTP 401/);
    const sms = createHttpSmsSender({ url: smsPeer.url, apiKey: smsPeer.apiKey, brandname: "MOTCUA" });
    smsPeer.failWith = 503;
    expect(await deliverDue(handle.db, { sms }, at(3600_000))).toEqual({ sent: 0, retrying: 1, dead: 0 });
    [row] = await outbox();
    expect(row.last_error).toMatch(/HTTP 503/);
    smsPeer.failWith = null;
    expect(await deliverDue(handle.db, { sms }, at(7200_000))).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(smsPeer.received).toHaveLength(1);
  });

  it("lets two concurrent workers send each message exactly once", async () => {
    const count = 30;
    for (let i = 0; i < count; i++) {
      await enqueueNotification(
        handle.db,
        confirmCode({
          template: "citizen.already-registered",
          data: { name: `Người ${i}`, loginUrl: "https://x.example.vn/" },
        }),
        T0,
      );
    }
    // Each worker's first send waits until the other worker is sending too (or 10 s pass), so the two really
    // overlap however the machine schedules them: the second has to claim while the first holds its batch.
    let sending = 0;
    let bothSending: () => void = () => {};
    const overlap = new Promise<void>((resolve) => {
      bothSending = resolve;
    });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const slowEmail = (): EmailSender => {
      let first = true;
      return {
        async send(message) {
          if (first) {
            first = false;
            if (++sending === 2) bothSending();
            await Promise.race([overlap, sleep(10_000)]);
          }
          await sleep(5);
          return email.send(message);
        },
        close: async () => {},
      };
    };
    const workers = [0, 1].map(async () => {
      const sender = slowEmail();
      let sent = 0;
      for (;;) {
        const r = await deliverDue(handle.db, { email: sender }, T0, { batch: 4 });
        sent += r.sent;
        if (r.sent + r.retrying + r.dead === 0) return sent;
      }
    });
    const sentBy = await Promise.all(workers);
    expect(sentBy[0] + sentBy[1]).toBe(count);
    if (handle.engine === "postgres") {
      // On PostgreSQL both workers really ran at once, each on its own connection.
      expect(sentBy[0]).toBeGreaterThan(0);
      expect(sentBy[1]).toBeGreaterThan(0);
    }
    expect(smtp.mails).toHaveLength(count);
    expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(count);
    const rows = await outbox();
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });
});
