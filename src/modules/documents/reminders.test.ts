/**
 * Due-soon and overdue reminders of incoming-document assignments (NĐ 30/2020 Điều 24), driven by the clock.
 * Expected days are written from the rule (one working day before the due date; overdue reminded on the first
 * working day after it; working days from the calendar: Monday–Friday, 1 January a holiday under Labour Code
 * art. 112) and the default working hours (from 07:30, +07:00), not from the program's output.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/support/test-app.ts";
import { runReminderPass } from "./reminders.ts";

let ctx: TestContext;
let unitId: string;
let officer: string;
let leader: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const staff = async (username: string) =>
    (
      await ctx.handle.db
        .selectFrom("staff")
        .select("id")
        .where("username", "=", username)
        .executeTakeFirstOrThrow()
    ).id;
  officer = await staff("chuyenvien.quangthuan");
  unitId = (
    await ctx.handle.db
      .selectFrom("staff")
      .select("unit_id")
      .where("id", "=", officer)
      .executeTakeFirstOrThrow()
  ).unit_id;
  leader = await staff("lanhdao.quangthuan");
  await ctx.handle.db
    .updateTable("staff")
    .set({ email: "chuyen@quangthuan.example.vn", phone: "0912345678" })
    .where("id", "=", officer)
    .execute();
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

beforeEach(async () => {
  // Each test starts without open assignments from the others.
  await ctx.handle.db
    .updateTable("document_assignments")
    .set({ done_at: new Date(0) })
    .execute();
});

/** An incoming document assigned to the officer (lead) with a due date; returns the assignment id. */
async function assigned(dueOn: string, status = "assigned", summary = "Báo cáo kết quả cải cách hành chính") {
  const db = ctx.handle.db;
  const at = new Date("2026-12-21T02:00:00Z");
  const doc = await db
    .insertInto("documents")
    .values({
      unit_id: unitId,
      direction: "incoming",
      status: status as "assigned",
      type_code: "cong-van",
      summary,
      original_number: "15/UBND-VP",
      issuer_name: "UBND huyện Bạch Thông",
      number: null,
      notation: null,
      arrived_at: at,
      created_at: at,
      updated_at: at,
      ...(status === "done" ? { done_at: at } : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("document_people")
    .values({ document_id: doc.id, staff_id: officer, role: "assignee" })
    .execute();
  const a = await db
    .insertInto("document_assignments")
    .values({
      document_id: doc.id,
      staff_id: officer,
      role: "lead",
      due_on: dueOn,
      assigned_by: leader,
      assigned_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { assignment: a.id, document: doc.id };
}

async function outbox(assignment: string) {
  return ctx.handle.db
    .selectFrom("notification_outbox")
    .select(["template", "channel", "recipient", "subject", "body_text", "created_at"])
    .where("dedupe_key", "like", `%:${assignment}:%`)
    .orderBy("created_at")
    .orderBy("channel")
    .execute();
}

async function auditCount(document: string) {
  const row = await ctx.handle.db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("entity_id", "=", document)
    .where("action", "like", "document.remind%")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** 09:00 in Việt Nam on a local date. */
const at9 = (day: string) => new Date(`${day}T09:00:00+07:00`);

describe("reminders of an assignment due Monday 04/01/2027", () => {
  it("reminds on Thursday 31/12/2026 (Friday 1/1 is New Year's Day), then on Tuesday 05/01/2027 as overdue", async () => {
    const { assignment, document } = await assigned("2027-01-04");
    const db = ctx.handle.db;
    // Wednesday 30/12: two working days before, nothing yet.
    expect(await runReminderPass(db, at9("2026-12-30"))).toEqual({ due_soon: 0, overdue: 0 });
    // Thursday 31/12 at 07:00, before working hours (07:30): nothing yet.
    expect(await runReminderPass(db, new Date("2026-12-31T07:00:00+07:00"))).toEqual({
      due_soon: 0,
      overdue: 0,
    });
    // Thursday 31/12 at 09:00: the working day before the due date (Fri 1/1 holiday, Sat, Sun off).
    expect(await runReminderPass(db, at9("2026-12-31"))).toEqual({ due_soon: 1, overdue: 0 });
    expect(await runReminderPass(db, at9("2026-12-31"))).toEqual({ due_soon: 0, overdue: 0 });
    for (const day of ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"]) {
      expect(await runReminderPass(db, at9(day))).toEqual({ due_soon: 0, overdue: 0 });
    }
    // Tuesday 05/01: the first working day after the due date.
    expect(await runReminderPass(db, at9("2027-01-05"))).toEqual({ due_soon: 0, overdue: 1 });
    expect(await runReminderPass(db, at9("2027-01-06"))).toEqual({ due_soon: 0, overdue: 0 });

    const rows = await outbox(assignment);
    expect(rows.map((r) => [r.template, r.channel, r.created_at.toISOString()])).toEqual([
      ["document.due", "email", "2026-12-31T02:00:00.000Z"],
      ["document.due", "sms", "2026-12-31T02:00:00.000Z"],
      ["document.overdue", "email", "2027-01-05T02:00:00.000Z"],
      ["document.overdue", "sms", "2027-01-05T02:00:00.000Z"],
    ]);
    expect(rows[0]?.recipient).toBe("chuyen@quangthuan.example.vn");
    expect(rows[0]?.subject).toBe("Văn bản đến sắp đến hạn xử lý (04/01/2027)");
    expect(rows[0]?.body_text).toContain("Văn bản đến số 15/UBND-VP được giao cho ông/bà (chủ trì)");
    expect(rows[2]?.subject).toBe("Văn bản đến quá hạn xử lý (hạn 04/01/2027)");
    expect(await auditCount(document)).toBe(2);
  });
});

describe("an assignment due Friday 08/01/2027", () => {
  it("is overdue from Saturday but reminded on Monday 11/01/2027, the next working day", async () => {
    const { assignment } = await assigned("2027-01-08");
    const db = ctx.handle.db;
    expect(await runReminderPass(db, at9("2027-01-06"))).toEqual({ due_soon: 0, overdue: 0 });
    expect(await runReminderPass(db, at9("2027-01-07"))).toEqual({ due_soon: 1, overdue: 0 });
    expect(await runReminderPass(db, at9("2027-01-09"))).toEqual({ due_soon: 0, overdue: 0 });
    expect(await runReminderPass(db, at9("2027-01-10"))).toEqual({ due_soon: 0, overdue: 0 });
    expect(await runReminderPass(db, at9("2027-01-11"))).toEqual({ due_soon: 0, overdue: 1 });
    expect((await outbox(assignment)).map((r) => r.template)).toEqual([
      "document.due",
      "document.due",
      "document.overdue",
      "document.overdue",
    ]);
  });
});

describe("exactly once", () => {
  it("two passes running at the same time write each reminder once", async () => {
    const { assignment, document } = await assigned("2027-01-14");
    const db = ctx.handle.db;
    const due = await Promise.all([
      runReminderPass(db, at9("2027-01-13")),
      runReminderPass(db, at9("2027-01-13")),
    ]);
    expect(due.reduce((n, r) => n + r.due_soon, 0)).toBe(1);
    const late = await Promise.all([
      runReminderPass(db, at9("2027-01-15")),
      runReminderPass(db, at9("2027-01-15")),
      runReminderPass(db, at9("2027-01-15")),
    ]);
    expect(late.reduce((n, r) => n + r.overdue, 0)).toBe(1);
    expect((await outbox(assignment)).length).toBe(4);
    expect(await auditCount(document)).toBe(2);
  });
});

describe("a new due date", () => {
  it("is reminded again when the leader changes it; the same date is not", async () => {
    const { assignment, document } = await assigned("2027-01-04");
    const db = ctx.handle.db;
    expect(await runReminderPass(db, at9("2026-12-31"))).toEqual({ due_soon: 1, overdue: 0 });
    ctx.clock.set(at9("2026-12-31"));
    const leaderClient = await ctx.as("lanhdao.quangthuan");
    const assign = async (version: number, dueOn: string) => {
      const res = await leaderClient.post(`/api/v1/documents/${document}/assign`, {
        version,
        assignments: [{ staffId: officer, role: "lead", dueOn }],
      });
      expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    };
    await assign(1, "2027-01-04");
    expect(await runReminderPass(db, at9("2026-12-31"))).toEqual({ due_soon: 0, overdue: 0 });
    // Moved to Monday 11/01/2027: due soon from Friday 08/01, not before.
    await assign(2, "2027-01-11");
    expect(await runReminderPass(db, at9("2027-01-07"))).toEqual({ due_soon: 0, overdue: 0 });
    expect(await runReminderPass(db, at9("2027-01-08"))).toEqual({ due_soon: 1, overdue: 0 });
    expect((await outbox(assignment)).map((r) => [r.template, r.subject ?? r.channel])).toEqual([
      ["document.due", "Văn bản đến sắp đến hạn xử lý (04/01/2027)"],
      ["document.due", "sms"],
      ["document.due", "Văn bản đến sắp đến hạn xử lý (11/01/2027)"],
      ["document.due", "sms"],
    ]);
  });
});

describe("closed work", () => {
  it("a document handled (done) gets no reminder, nor does a finished assignment", async () => {
    const done = await assigned("2027-01-04", "done");
    const finished = await assigned("2027-01-04");
    await ctx.handle.db
      .updateTable("document_assignments")
      .set({ done_at: at9("2026-12-30") })
      .where("id", "=", finished.assignment)
      .execute();
    const db = ctx.handle.db;
    for (const day of ["2026-12-31", "2027-01-05"]) {
      expect(await runReminderPass(db, at9(day))).toEqual({ due_soon: 0, overdue: 0 });
    }
    expect(await outbox(done.assignment)).toEqual([]);
    expect(await outbox(finished.assignment)).toEqual([]);
  });
});

describe("the tasks box", () => {
  it("marks the officer's assignments due soon and overdue", async () => {
    const soon = await assigned("2027-01-04", "assigned", "Kế hoạch sắp đến hạn");
    const late = await assigned("2026-12-30", "in_progress", "Báo cáo đã quá hạn");
    const later = await assigned("2027-01-20", "assigned", "Tờ trình còn hạn");
    ctx.clock.set(at9("2026-12-31"));
    const officerClient = await ctx.as("chuyenvien.quangthuan");
    const res = await officerClient.get("/api/v1/documents?box=tasks&limit=200");
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    const items = (res.json() as { items: { id: string; task?: { dueOn: string; timing: string | null } }[] })
      .items;
    const task = (id: string) => items.find((i) => i.id === id)?.task;
    expect(task(soon.document)).toEqual({ role: "lead", dueOn: "2027-01-04", timing: "due_soon" });
    expect(task(late.document)).toEqual({ role: "lead", dueOn: "2026-12-30", timing: "overdue" });
    expect(task(later.document)).toEqual({ role: "lead", dueOn: "2027-01-20", timing: null });
  });
});
