/**
 * Notifications through the real application: the dossier lifecycle writes its messages to the outbox in the
 * transaction of the change; overdue detection; the admins' outbox view and retry, scoped by unit and audited;
 * the demo-only mailbox.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import type { EmailSender } from "../../adapters/messaging/sender.ts";
import { MONDAY, PHU_THONG, QUANG_THUAN, receptionBody } from "../dossiers/test-support.ts";
import { deliverDue } from "./delivery.ts";
import { notifyOverdue } from "./dossier-notices.ts";

const PUBLIC_URL = "https://motcua.quangthuan.example.vn";

let ctx: TestContext;
let desk: TestClient;
let admin: TestClient;
let quangThuan: string;

beforeAll(async () => {
  ctx = await createTestContext({ env: { PUBLIC_URL } });
  ctx.clock.set(MONDAY);
  [desk, admin] = await Promise.all([ctx.as("tiepnhan.quangthuan"), ctx.as("quantri.quangthuan")]);
  quangThuan = await ctx.unitId(QUANG_THUAN);
});
afterAll(async () => ctx?.close());

const outboxOf = (dossierId: string) =>
  ctx.handle.db
    .selectFrom("notification_outbox")
    .selectAll()
    .where("dossier_id", "=", dossierId)
    .orderBy("channel")
    .execute();

async function receive(body: ReturnType<typeof receptionBody>) {
  const res = await desk.post("/api/v1/dossiers", body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    dossier: { id: string; code: string | null; appointmentAt: string | null };
    receipt: { secret: string } | null;
  };
}

describe("dossier lifecycle → outbox", () => {
  it("a receipt at the desk enqueues dossier.received by e-mail (with the lookup secret) and SMS (without)", async () => {
    const { dossier, receipt } = await receive(receptionBody());
    const rows = await outboxOf(dossier.id);
    expect(rows.map((r) => [r.channel, r.template, r.recipient, r.status])).toEqual([
      ["email", "dossier.received", "nhung@example.vn", "pending"],
      ["sms", "dossier.received", "+84912345678", "pending"],
    ]);
    const [email, sms] = rows;
    expect(email.unit_id).toBe(quangThuan);
    expect(email.dedupe_key).toBe(`dossier:${dossier.id}:received:v2`);
    expect(email.subject).toBe(`Tiếp nhận hồ sơ ${dossier.code}`);
    expect(email.body_text).toContain("Kính gửi ông/bà Nguyễn Thị Hồng Nhung,");
    expect(email.body_text).toContain(`Mã hồ sơ: ${dossier.code}`);
    expect(email.body_text).toContain(`Mã tra cứu (giữ bí mật): ${receipt?.secret}`);
    expect(email.body_text).toContain(`${PUBLIC_URL}/tra-cuu?code=`);
    expect(sms.body_text).toContain(`Ho so ${dossier.code} da duoc tiep nhan.`);
    expect(sms.body_text).not.toContain(receipt?.secret as string);
    expect(email.sensitive).toBe(true);
  });

  it("a supplement request and a refusal enqueue their notices; no contact, no message", async () => {
    const supplement = await receive(
      receptionBody({
        decision: {
          outcome: "request_supplement",
          items: [{ name: "Căn cước công dân", reason: "Bản sao không rõ số" }],
        },
      }),
    );
    const [mail] = await outboxOf(supplement.dossier.id);
    expect(mail.template).toBe("dossier.supplement-requested");
    expect(mail.body_text).toContain("- Căn cước công dân: Bản sao không rõ số");

    const refused = await receive(
      receptionBody({ decision: { outcome: "refuse", reason: "Thủ tục không thuộc thẩm quyền của xã." } }),
    );
    const [refusal] = await outboxOf(refused.dossier.id);
    expect(refusal.template).toBe("dossier.refused");
    expect(refusal.body_text).toContain("Thủ tục không thuộc thẩm quyền của xã.");

    const base = receptionBody();
    const silent = await receive({ ...base, applicant: { ...base.applicant, phone: null, email: null } });
    expect(await outboxOf(silent.dossier.id)).toHaveLength(0);
  });

  it("a reception that fails leaves no message behind", async () => {
    const before = await ctx.handle.db
      .selectFrom("notification_outbox")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const res = await desk.post("/api/v1/dossiers", receptionBody({ procedure: "khong-co-thu-tuc-nay" }));
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const after = await ctx.handle.db
      .selectFrom("notification_outbox")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("the leader's apology (form 04) enqueues dossier.late with the new appointment", async () => {
    const { dossier } = await receive(receptionBody());
    const leader = await ctx.as("lanhdao.quangthuan");
    const version = (
      await ctx.handle.db
        .selectFrom("dossiers")
        .select("version")
        .where("id", "=", dossier.id)
        .executeTakeFirstOrThrow()
    ).version;
    const res = await leader.post(`/api/v1/dossiers/${dossier.id}/apology`, {
      version,
      reason: "Cần xác minh thông tin cư trú tại nơi cư trú trước đây.",
      newAppointment: "2026-12-07T16:00:00+07:00",
    });
    expect(res.statusCode, res.body).toBe(200);
    const [email, sms] = (await outboxOf(dossier.id)).filter((r) => r.template === "dossier.late");
    expect(email.subject).toBe(`Xin lỗi về việc chậm trả kết quả hồ sơ ${dossier.code}`);
    expect(email.body_text).toContain("Lý do: Cần xác minh thông tin cư trú tại nơi cư trú trước đây.");
    expect(email.body_text).toContain("Ngày hẹn trả kết quả mới: 16:00 07/12/2026");
    expect(sms.body_text).toBe(`Xin loi: ho so ${dossier.code} tre hen. Hen moi: 16:00 07/12/2026.`);
  });

  it("overdue detection sends dossier.late once per due date", async () => {
    const { dossier } = await receive(receptionBody());
    const row = await ctx.handle.db
      .selectFrom("dossiers")
      .select("due_at")
      .where("id", "=", dossier.id)
      .executeTakeFirstOrThrow();
    const due = new Date(row.due_at as Date);
    const lateOf = async () => (await outboxOf(dossier.id)).filter((r) => r.template === "dossier.late");
    // (Seeded dossiers that are already overdue get theirs here too.)
    await notifyOverdue(ctx.handle.db, new Date(due.getTime() - 1000), PUBLIC_URL);
    expect(await lateOf()).toHaveLength(0);
    const late = new Date(due.getTime() + 60_000);
    expect(await notifyOverdue(ctx.handle.db, late, PUBLIC_URL)).toBeGreaterThanOrEqual(1);
    const notices = await lateOf();
    expect(notices.map((r) => r.channel)).toEqual(["email", "sms"]);
    expect(notices[0].dedupe_key).toBe(`dossier:${dossier.id}:overdue:${due.getTime()}`);
    expect(notices[0].body_text).toContain("Hồ sơ đã quá thời hạn giải quyết theo quy định.");
    expect(await notifyOverdue(ctx.handle.db, late, PUBLIC_URL)).toBe(0);
    expect(await lateOf()).toHaveLength(2);
  });
});

describe("outbox supervision", () => {
  let deadId: string;

  beforeAll(async () => {
    const { dossier } = await receive(receptionBody());
    const failing: EmailSender = {
      send: async () => {
        throw new Error("550 5.1.1 mailbox unavailable");
      },
      close: async () => {},
    };
    // Everything due fails once and, with one attempt allowed, is dead.
    await deliverDue(ctx.handle.db, { email: failing }, ctx.clock.now, { maxAttempts: 1, batch: 1000 });
    const [email] = await outboxOf(dossier.id);
    expect(email.status).toBe("dead");
    deadId = email.id;
  });

  it("shows a unit's admins the counts and the failures, with masked recipients", async () => {
    const res = await admin.get(`/api/v1/units/${quangThuan}/notifications`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      counts: { pending: number; sent: number; dead: number };
      failures: { id: string; recipient: string; lastError: string; status: string }[];
    };
    expect(body.counts.dead).toBeGreaterThanOrEqual(1);
    expect(body.counts.pending).toBeGreaterThanOrEqual(1);
    const failure = body.failures.find((f) => f.id === deadId);
    expect(failure).toMatchObject({ status: "dead", recipient: "n***@example.vn" });
    expect(failure?.lastError).toContain("550 5.1.1 mailbox unavailable");
  });

  it("refuses staff without the right and admins of another unit", async () => {
    expect((await desk.get(`/api/v1/units/${quangThuan}/notifications`)).statusCode).toBe(403);
    const phuThong = await ctx.unitId(PHU_THONG);
    expect((await admin.get(`/api/v1/units/${phuThong}/notifications`)).statusCode).toBe(403);
    expect((await admin.post(`/api/v1/units/${phuThong}/notifications/${deadId}/retry`)).statusCode).toBe(
      403,
    );
    expect((await ctx.client().get(`/api/v1/units/${quangThuan}/notifications`)).statusCode).toBe(401);
    // The district's admin supervises its communes.
    const district = await ctx.as("quantri.bachthong");
    const districtId = await ctx.handle.db
      .selectFrom("units")
      .select("parent_id")
      .where("id", "=", quangThuan)
      .executeTakeFirstOrThrow();
    const res = await district.get(`/api/v1/units/${districtId.parent_id}/notifications`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { failures: { id: string }[] }).failures.map((f) => f.id)).toContain(deadId);
  });

  it("retries a dead message, audited; only a dead one", async () => {
    const res = await admin.post(`/api/v1/units/${quangThuan}/notifications/${deadId}/retry`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: deadId, status: "pending", attempts: 0 });
    const audit = await ctx.handle.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "notification.retry")
      .where("entity_id", "=", deadId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toMatchObject({
      template: "dossier.received",
      lastError: expect.stringContaining("550"),
    });
    const again = await admin.post(`/api/v1/units/${quangThuan}/notifications/${deadId}/retry`);
    expect(again.statusCode).toBe(409);
    expect((again.json() as { error: { code: string } }).error.code).toBe("NOTIFICATION_NOT_DEAD");
    const unknown = await admin.post(
      `/api/v1/units/${quangThuan}/notifications/00000000-0000-4000-8000-000000000000/retry`,
    );
    expect(unknown.statusCode).toBe(404);
  });
});

describe("demo mailbox", () => {
  it("is refused without a demo mailbox, and shown only to the system administrator when there is one (issue 14, finding 11)", async () => {
    const systemAdmin = await ctx.as("admin");
    const res = await admin.get("/api/v1/demo/mailbox");
    expect(res.statusCode).toBe(404);
    expect((res.json() as { error: { code: string } }).error.code).toBe("DEMO_ONLY");
    ctx.app.deps.demoMailbox = {
      mails: () => [
        {
          messageId: "<x@motcua>",
          from: "no-reply@motcua",
          to: ["nhung@example.vn"],
          subject: "Mã xác nhận tài khoản Cổng dịch vụ công: 735102",
          text: "Mã: 735102",
          html: null,
          raw: "",
          receivedAt: new Date(MONDAY),
        },
      ],
      sms: () => [],
    };
    try {
      const shown = await systemAdmin.get("/api/v1/demo/mailbox?to=nhung@example.vn");
      expect(shown.statusCode, shown.body).toBe(200);
      expect((shown.json() as { mails: { subject: string }[] }).mails[0].subject).toContain("735102");
      expect((await desk.get("/api/v1/demo/mailbox")).statusCode).toBe(403);
      // A unit administrator manages its own unit's outbox, not the mail of every unit.
      const unitAdmin = await admin.get("/api/v1/demo/mailbox");
      expect(unitAdmin.statusCode).toBe(403);
      expect((unitAdmin.json() as { error: { code: string } }).error.code).toBe("FORBIDDEN");
      expect((await ctx.client().get("/api/v1/demo/mailbox")).statusCode).toBe(401);
      ctx.app.deps.config.demo = false;
      expect((await systemAdmin.get("/api/v1/demo/mailbox")).statusCode).toBe(404);
    } finally {
      ctx.app.deps.config.demo = true;
      delete ctx.app.deps.demoMailbox;
    }
  });
});
