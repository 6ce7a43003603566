import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../test/support/test-db.ts";
import type { DbHandle } from "../../db/connection.ts";
import { enqueueNotification, NotificationProgrammingError, type NotificationRequest } from "./outbox.ts";
import { TEMPLATES } from "./templates/index.ts";

const NOW = new Date("2026-11-24T02:00:00Z");

function request(overrides: Partial<NotificationRequest> = {}): NotificationRequest {
  return {
    template: "citizen.confirm-code",
    to: { email: "an.nguyen@example.vn", phone: "0912 345 678" },
    channels: ["email", "sms"],
    data: { name: "Nguyễn Văn An", code: "482913", minutes: 10 },
    dedupeKey: `test:${Math.random()}`,
    ...overrides,
  };
}

describe("enqueueNotification", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  const rowsOf = (dedupeKey: string) =>
    handle.db
      .selectFrom("notification_outbox")
      .selectAll()
      .where("dedupe_key", "=", dedupeKey)
      .orderBy("channel")
      .execute();

  it("writes one row per channel, rendered, with the template version", async () => {
    const req = request();
    await enqueueNotification(handle.db, req, NOW);
    const rows = await rowsOf(req.dedupeKey);
    expect(rows.map((r) => [r.channel, r.recipient])).toEqual([
      ["email", "an.nguyen@example.vn"],
      ["sms", "+84912345678"],
    ]);
    const [email, sms] = rows;
    expect(email.template).toBe("citizen.confirm-code");
    expect(email.template_version).toBe(TEMPLATES.get("citizen.confirm-code")?.version);
    expect(email.subject).toBe("Mã xác nhận tài khoản Cổng dịch vụ công: 482913");
    expect(email.body_text).toContain("Kính gửi ông/bà Nguyễn Văn An,");
    expect(email.body_html).toContain("<p>Mã xác nhận đăng ký tài khoản của ông/bà là: 482913</p>");
    expect(email.status).toBe("pending");
    expect(email.sensitive).toBe(true);
    expect(new Date(email.next_attempt_at).toISOString()).toBe(NOW.toISOString());
    expect(sms.subject).toBeNull();
    expect(sms.body_text).toBe(
      "Ma xac nhan tai khoan Cong DVC: 482913. Hieu luc 10 phut. Khong cung cap ma cho bat ky ai.",
    );
  });

  it("leaves nothing when the caller's transaction rolls back", async () => {
    const req = request();
    await expect(
      handle.db.transaction().execute(async (tx) => {
        await enqueueNotification(tx, req, NOW);
        expect(
          await tx
            .selectFrom("notification_outbox")
            .select("id")
            .where("dedupe_key", "=", req.dedupeKey)
            .execute(),
        ).toHaveLength(2);
        throw new Error("the state change failed");
      }),
    ).rejects.toThrow("the state change failed");
    expect(await rowsOf(req.dedupeKey)).toHaveLength(0);
  });

  it("treats a second request with the same dedupeKey as a no-op", async () => {
    const req = request({ channels: ["email"] });
    await enqueueNotification(handle.db, req, NOW);
    await handle.db.transaction().execute((tx) => enqueueNotification(tx, req, NOW));
    await enqueueNotification(handle.db, { ...req, channels: ["email", "sms"] }, NOW);
    const rows = await rowsOf(req.dedupeKey);
    expect(rows.map((r) => r.channel)).toEqual(["email"]);
  });

  it("skips a channel without an address, and writes nothing without any", async () => {
    const onlySms = request({ to: { email: null, phone: "+84 912 000 111" } });
    await enqueueNotification(handle.db, onlySms, NOW);
    expect((await rowsOf(onlySms.dedupeKey)).map((r) => r.recipient)).toEqual(["+84912000111"]);
    const none = request({ to: { email: "not an address", phone: "12" } });
    await enqueueNotification(handle.db, none, NOW);
    expect(await rowsOf(none.dedupeKey)).toHaveLength(0);
  });

  it("refuses an unknown template and missing data as programming errors, writing nothing", async () => {
    const unknown = request({ template: "citizen.nope" as NotificationRequest["template"] });
    await expect(enqueueNotification(handle.db, unknown, NOW)).rejects.toBeInstanceOf(
      NotificationProgrammingError,
    );
    const missing = request({ data: { name: "An" } });
    await expect(enqueueNotification(handle.db, missing, NOW)).rejects.toThrow(/needs data: code, minutes/);
    expect(await rowsOf(unknown.dedupeKey)).toHaveLength(0);
    expect(await rowsOf(missing.dedupeKey)).toHaveLength(0);
  });

  it("renders English, escapes HTML, and formats numbers per locale", async () => {
    const req = request({
      template: "payment.paid",
      locale: "en",
      channels: ["email"],
      data: {
        name: "<b>An</b>",
        reference: "000.00.15.H26-261124-0001",
        amount: 1500000,
        paidAt: "09:15 24/11/2026",
        receiptNumber: "BL-0001",
        transactionRef: "14230001",
        receiptUrl: null,
      },
    });
    await enqueueNotification(handle.db, req, NOW);
    const [row] = await rowsOf(req.dedupeKey);
    expect(row.locale).toBe("en");
    expect(row.subject).toBe("Electronic fee receipt no. BL-0001");
    expect(row.body_text).toContain("You paid 1,500,000 VND for dossier 000.00.15.H26-261124-0001");
    expect(row.body_html).toContain("Dear &#60;b&#62;An&#60;/b&#62;,");
    expect(row.body_html).not.toContain("Download the electronic receipt");
  });

  it("never puts the dossier lookup secret into an SMS", async () => {
    const req = request({
      template: "dossier.received",
      data: {
        name: "Trần Thị Bình",
        procedure: "Đăng ký khai sinh",
        code: "000.00.15.H26-261124-0001",
        receivedAt: "09:00 24/11/2026",
        appointment: "16:00 26/11/2026",
        lookupSecret: "K7Q2-9XPM",
        lookupUrl: "https://motcua.example.vn/tra-cuu",
      },
    });
    await enqueueNotification(handle.db, req, NOW);
    const [email, sms] = await rowsOf(req.dedupeKey);
    expect(email.body_text).toContain("Mã tra cứu (giữ bí mật): K7Q2-9XPM");
    expect(sms.body_text).not.toContain("K7Q2-9XPM");
    expect(sms.body_text).toBe(
      "Ho so 000.00.15.H26-261124-0001 da duoc tiep nhan. Hen tra ket qua: 16:00 26/11/2026. Tra cuu: https://motcua.example.vn/tra-cuu",
    );
  });
});
