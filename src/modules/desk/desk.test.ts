import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { MONDAY, PHU_THONG, receptionBody } from "../dossiers/test-support.ts";
import { takeTicket } from "./queue.ts";

let ctx: TestContext;
let phuThongId: string;
let admin: TestClient;
let officer: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(MONDAY);
  phuThongId = await ctx.unitId(PHU_THONG);
  admin = await ctx.as("quantri.bachthong");
  officer = await ctx.as("tiepnhan.phuthong");
}, 120_000);
afterAll(async () => ctx?.close());

/** A device client that asked to be paired and was paired by `by` (kiosk: unit admin; tablet: the officer). */
async function pairedDevice(kind: "kiosk" | "rating", by: TestClient, counter: number | null) {
  const device = ctx.client();
  const asked = await device.post("/api/v1/desk/device/pairing", { kind, unitCode: PHU_THONG });
  expect(asked.statusCode, asked.body).toBe(201);
  const { code } = asked.json() as { code: string };
  expect(code).toMatch(/^\d{6}$/);
  const paired = await by.post(`/api/v1/units/${phuThongId}/desk/devices/pair`, { code, counter });
  expect(paired.statusCode, paired.body).toBe(200);
  return device;
}

async function receive(client: TestClient) {
  const res = await client.post("/api/v1/dossiers", receptionBody());
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { dossier: { id: string; code: string } }).dossier;
}

describe("the desk's public page", () => {
  it("lists the 8 members of Phủ Thông headed by the chairman (NĐ 61/2018), the house rules, this week's roster and the feedback address", async () => {
    const res = await ctx.client().get(`/api/v1/public/desk/${PHU_THONG}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page.members).toHaveLength(8);
    expect(page.members[0]).toMatchObject({ role: "head", title: "Chủ tịch UBND thị trấn" });
    expect(page.members[0]).not.toHaveProperty("staffId");
    expect(page.documents.map((d: { kind: string }) => d.kind).sort()).toEqual(["house_rules", "regulation"]);
    expect(page.profile.feedbackPhone).toBeTruthy();
    expect(page.roster.weekStart).toBe("2026-11-30");
    // Monday 30/11/2026 is a working day: every counter 1–4 is staffed in the morning.
    const monday = page.roster.days[0];
    expect(monday.working).toBe(true);
    expect(
      new Set(
        monday.slots
          .filter((s: { session: string }) => s.session === "morning")
          .map((s: { counter: number }) => s.counter),
      ),
    ).toEqual(new Set([1, 2, 3, 4]));
  });

  it("shows the 2025 model at Phong Quang: a director who is a vice-chairman (NĐ 118/2025)", async () => {
    const page = (await ctx.client().get("/api/v1/public/desk/000.00.05.H19")).json();
    expect(page.profile.model).toBe("2025");
    expect(page.members[0].title).toContain("Giám đốc");
    expect(page.members[0].title).toContain("Phó Chủ tịch");
  });

  it("answers 404 DESK_NOT_SET_UP for a unit without a desk", async () => {
    const res = await ctx.client().get("/api/v1/public/desk/000.02.31.H06");
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("DESK_NOT_SET_UP");
  });
});

describe("the duty roster", () => {
  it("prints a week with Quốc khánh 2026: no duties on 31/8 (swapped), 1/9 and 2/9 (Thông báo 9441/TB-BNV), duties again on 3/9 (pdftotext)", async () => {
    const week = (await ctx.client().get(`/api/v1/public/desk/${PHU_THONG}?week=2026-09-02`)).json().roster;
    const byDate = Object.fromEntries(week.days.map((d: { date: string }) => [d.date, d]));
    for (const off of ["2026-08-31", "2026-09-01", "2026-09-02"]) {
      expect(byDate[off].working).toBe(false);
      expect(byDate[off].slots).toEqual([]);
    }
    expect(byDate["2026-09-03"].slots.length).toBeGreaterThan(0);
    const pdf = await ctx.client().get(`/api/v1/public/desk/${PHU_THONG}/roster.pdf?week=2026-09-02`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const dir = mkdtempSync(join(tmpdir(), "roster-"));
    writeFileSync(join(dir, "r.pdf"), pdf.rawPayload);
    const text = execFileSync("pdftotext", ["-raw", join(dir, "r.pdf"), "-"], { encoding: "utf8" });
    expect(text).toContain("LỊCH TRỰC");
    expect(text).toContain("Tuần từ ngày 31/08/2026 đến ngày 06/09/2026");
    const between = (a: string, b: string) => text.slice(text.indexOf(a), text.indexOf(b));
    const holiday = between("02/09/2026", "Thứ Năm");
    expect(holiday).toContain("Nghỉ: Quốc khánh (2/9)");
    expect(holiday).not.toContain("Quầy");
    expect(between("Thứ Năm", "Thứ Sáu")).toContain("Quầy 3: Lý Văn Thắng");
  });

  it("warns when a field has nobody on duty, and tells the absent member and the stand-in through the outbox", async () => {
    const desk = (await admin.get(`/api/v1/units/${phuThongId}/desk`)).json();
    const thang = desk.members.find((m: { fullName: string }) => m.fullName === "Lý Văn Thắng");
    const mai = desk.members.find((m: { fullName: string }) => m.fullName === "Triệu Thị Mai");
    await ctx.handle.db
      .updateTable("desk_members")
      .set({ email: "thang@example.vn" })
      .where("id", "=", thang.id)
      .execute();
    await ctx.handle.db
      .updateTable("desk_members")
      .set({ email: "mai@example.vn" })
      .where("id", "=", mai.id)
      .execute();
    const before = (await admin.get(`/api/v1/units/${phuThongId}/desk/roster?week=2026-12-01`)).json();
    expect(before.warnings).toEqual([]);
    for (const session of ["morning", "afternoon"]) {
      const res = await admin.post(`/api/v1/units/${phuThongId}/desk/roster-changes`, {
        kind: "absence",
        date: "2026-12-02",
        session,
        memberId: thang.id,
        reason: "Đi tập huấn",
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const after = (await admin.get(`/api/v1/units/${phuThongId}/desk/roster?week=2026-12-01`)).json();
    // Lý Văn Thắng alone handles land and environment: away all Wednesday, nobody covers them that day.
    expect(after.warnings).toEqual([
      { date: "2026-12-02", field: "dat-dai" },
      { date: "2026-12-02", field: "moi-truong" },
    ]);
    const swap = await admin.post(`/api/v1/units/${phuThongId}/desk/roster-changes`, {
      kind: "swap",
      date: "2026-12-03",
      session: "morning",
      memberId: thang.id,
      substituteId: mai.id,
    });
    expect(swap.statusCode, swap.body).toBe(201);
    const thursday = (await admin.get(`/api/v1/units/${phuThongId}/desk/roster?week=2026-12-01`)).json()
      .days[3];
    expect(thursday.slots).toContainEqual(
      expect.objectContaining({
        session: "morning",
        counter: 3,
        memberName: "Triệu Thị Mai",
        standsInFor: { memberId: thang.id, memberName: "Lý Văn Thắng" },
      }),
    );
    const mail = await ctx.handle.db
      .selectFrom("notification_outbox")
      .select(["recipient", "body_text"])
      .where("template", "=", "desk.roster_changed")
      .where("channel", "=", "email")
      .execute();
    expect(mail.map((m) => m.recipient).sort()).toEqual([
      "mai@example.vn",
      "thang@example.vn",
      "thang@example.vn",
      "thang@example.vn",
    ]);
    expect(mail.find((m) => m.recipient === "mai@example.vn")?.body_text).toContain("trực thay Lý Văn Thắng");
    // A member with no duty in that session cannot be marked absent.
    const wrong = await admin.post(`/api/v1/units/${phuThongId}/desk/roster-changes`, {
      kind: "absence",
      date: "2026-12-05",
      session: "morning",
      memberId: thang.id,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe("ROSTER_CHANGE_INVALID");
  });
});

describe("setting up the desk", () => {
  type Slot = { memberId: string; session: string; counter: number };
  const slotsOf = (week: { days: { slots: Slot[] }[] }, memberId: string) =>
    week.days.flatMap((d) =>
      d.slots.filter((s) => s.memberId === memberId).map((s) => `${s.session}@${s.counter}`),
    );

  it("keeps the history of a change of position, and the weekly duties go on under the new position; the system administrator may make it (roster.manage, every unit)", async () => {
    const system = await ctx.as("admin");
    const desk = (await system.get(`/api/v1/units/${phuThongId}/desk`)).json();
    const ha = desk.members.find((m: { fullName: string }) => m.fullName === "Hoàng Thị Hà");
    const changed = await system.post(`/api/v1/units/${phuThongId}/desk/members`, {
      fullName: "Hoàng Thị Hà",
      role: "deputy",
      title: "Công chức Văn hóa - Xã hội",
      fields: ha.fields,
      counter: 1,
      phone: ha.phone,
      startsOn: "2026-12-14",
      replaces: ha.id,
    });
    expect(changed.statusCode, changed.body).toBe(201);
    const now = changed.json() as { id: string };
    const after = (await system.get(`/api/v1/units/${phuThongId}/desk`)).json();
    const rows = after.members.filter((m: { fullName: string }) => m.fullName === "Hoàng Thị Hà");
    // The old position ends the day before the new one starts; both are kept.
    expect(
      rows.map((m: { title: string; startsOn: string; endsOn: string | null }) => [m.title, m.endsOn]),
    ).toEqual([
      ["Công chức Văn phòng - Thống kê", "2026-12-13"],
      ["Công chức Văn hóa - Xã hội", null],
    ]);
    // Seeded: counter 1 shared, she the first of two, so mornings Monday to Friday.
    const fiveMornings = ["morning@1", "morning@1", "morning@1", "morning@1", "morning@1"];
    const thisWeek = (await system.get(`/api/v1/units/${phuThongId}/desk/roster?week=2026-12-07`)).json();
    expect(slotsOf(thisWeek, ha.id)).toEqual(fiveMornings);
    expect(slotsOf(thisWeek, now.id)).toEqual([]);
    const nextWeek = (await system.get(`/api/v1/units/${phuThongId}/desk/roster?week=2026-12-14`)).json();
    expect(slotsOf(nextWeek, ha.id)).toEqual([]);
    expect(slotsOf(nextWeek, now.id)).toEqual(fiveMornings);
    expect(nextWeek.warnings).toEqual([]);
    // Changing a position that has already ended is refused.
    const again = await system.post(`/api/v1/units/${phuThongId}/desk/members`, {
      fullName: "Hoàng Thị Hà",
      role: "deputy",
      title: "Công chức Văn phòng - Thống kê",
      startsOn: "2026-12-21",
      replaces: ha.id,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe("VALIDATION_FAILED");
  });
});

describe("queue numbers, the display and the rating tablet", () => {
  it("refuses numbers to a device nobody paired (DEVICE_REQUIRED) and rate-limits a kiosk", async () => {
    const stranger = ctx.client();
    const refused = await stranger.post("/api/v1/desk/device/tickets", { lane: "general" });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe("DEVICE_REQUIRED");
    const asked = ctx.client();
    await asked.post("/api/v1/desk/device/pairing", { kind: "kiosk", unitCode: PHU_THONG });
    expect((await asked.post("/api/v1/desk/device/tickets", { lane: "general" })).statusCode).toBe(401);
    // The reception officer may pair a tablet, not a kiosk.
    const code = (
      await ctx.client().post("/api/v1/desk/device/pairing", { kind: "kiosk", unitCode: PHU_THONG })
    ).json().code;
    const byOfficer = await officer.post(`/api/v1/units/${phuThongId}/desk/devices/pair`, {
      code,
      counter: null,
    });
    expect(byOfficer.statusCode).toBe(403);
  });

  it("takes, calls and finishes numbers: priority first, the dossier linked, waiting and service times in the figures", async () => {
    const kiosk = await pairedDevice("kiosk", admin, null);
    const state = (await kiosk.get("/api/v1/desk/device?kind=kiosk")).json();
    expect(state).toMatchObject({ paired: true, unit: { code: PHU_THONG } });
    expect(state.fields.map((f: { code: string }) => f.code)).toContain("ho-tich");
    const first = await kiosk.post("/api/v1/desk/device/tickets", { lane: "general", field: "ho-tich" });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ label: "001", waitingBefore: 0 });
    ctx.clock.advance(60_000);
    const second = (
      await kiosk.post("/api/v1/desk/device/tickets", { lane: "priority", field: null })
    ).json();
    expect(second).toMatchObject({ label: "UT002", waitingBefore: 1 });
    const display = await ctx.client().get(`/api/v1/public/desk/${PHU_THONG}/display?once=true`);
    expect(display.headers["content-type"]).toContain("text/event-stream");
    const shown = JSON.parse(display.body.split("data: ")[1] as string);
    expect(shown.waiting).toEqual([
      { label: "001", lane: "general" },
      { label: "UT002", lane: "priority" },
    ]);
    expect(display.body).not.toContain("ho-tich");

    ctx.clock.advance(120_000);
    const called = await officer.post(`/api/v1/units/${phuThongId}/desk/queue/call-next`, { counter: 1 });
    expect(called.statusCode, called.body).toBe(200);
    expect(called.json()).toMatchObject({ label: "UT002", counter: 1, status: "called" });
    ctx.clock.advance(300_000);
    const dossier = await receive(officer);
    const finished = await officer.post(
      `/api/v1/units/${phuThongId}/desk/queue/tickets/${called.json().id}/finish`,
      {
        outcome: "served",
        dossierId: dossier.id,
        version: called.json().version,
      },
    );
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json()).toMatchObject({ status: "done", dossierId: dossier.id });

    const figures = (
      await ctx
        .as("lanhdao.phuthong")
        .then((c) => c.get(`/api/v1/units/${phuThongId}/desk/figures?from=2026-11-30&to=2026-11-30`))
    ).json();
    expect(figures.perDay).toEqual([{ day: "2026-11-30", visitors: 2 }]);
    // Taken 09:01, called 09:03 (2 minutes), finished 09:08 (5 minutes), local time.
    expect(figures.perHour).toEqual([{ hour: 9, visitors: 2 }]);
    expect(figures.perCounter).toEqual([
      { counter: 1, tickets: 1, meanWaitSeconds: 120, meanServiceSeconds: 300 },
    ]);
    // Per field: the civil-status number still waits (no time yet); the priority number has no field.
    expect(figures.perField).toEqual([
      { field: "ho-tich", tickets: 1, meanWaitSeconds: null, meanServiceSeconds: null },
      { field: null, tickets: 1, meanWaitSeconds: 120, meanServiceSeconds: 300 },
    ]);

    // A fresh minute (the clock moved on): 20 numbers pass, the 21st is refused.
    for (let i = 0; i < 20; i++)
      expect((await kiosk.post("/api/v1/desk/device/tickets", { lane: "general" })).statusCode).toBe(201);
    const limited = await kiosk.post("/api/v1/desk/device/tickets", { lane: "general" });
    expect(limited.statusCode).toBe(429);
  });

  it("pairs a tablet with counter 1 by its code, shows only the dossier code pushed to it, and records the rating (NĐ 61/2018 art. 31)", async () => {
    const tablet = await pairedDevice("rating", officer, 1);
    expect((await tablet.get("/api/v1/desk/device?kind=rating")).json()).toMatchObject({
      paired: true,
      counter: 1,
      ratingRequest: null,
    });
    const dossier = await receive(officer);
    const pushed = await officer.post(`/api/v1/units/${phuThongId}/desk/counters/1/rating`, {
      dossierId: dossier.id,
    });
    expect(pushed.statusCode, pushed.body).toBe(200);
    const seen = await tablet.get("/api/v1/desk/device/stream?kind=rating&once=true");
    const state = JSON.parse(seen.body.split("data: ")[1] as string);
    expect(state.ratingRequest).toEqual({ id: pushed.json().id, dossierCode: dossier.code });
    expect(seen.body).not.toContain("Nguyễn Thị Hồng Nhung");
    expect(seen.body).not.toContain("006190001234");
    const scores = {
      processing_time: 2,
      agencies_contacted: 2,
      contacts_to_complete: 1,
      information_accuracy: 2,
      staff_attitude: 2,
      result_legality_and_costs: 1,
      feedback_answers: null,
    };
    const rated = await tablet.post("/api/v1/desk/device/ratings", {
      requestId: state.ratingRequest.id,
      scores,
    });
    expect(rated.statusCode, rated.body).toBe(201);
    const row = await ctx.handle.db
      .selectFrom("dossier_ratings")
      .selectAll()
      .where("dossier_id", "=", dossier.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: "desk_device",
      counter: 1,
      citizen_id: null,
      staff_attitude: 2,
      online_service_quality: null,
    });
    const again = await tablet.post("/api/v1/desk/device/ratings", {
      requestId: state.ratingRequest.id,
      scores,
    });
    expect(again.json().error.code).toBe("NO_RATING_REQUEST");
    const figures = (
      await (
        await ctx.as("lanhdao.phuthong")
      ).get(`/api/v1/units/${phuThongId}/desk/figures?from=2026-11-30&to=2026-11-30`)
    ).json();
    expect(figures.ratingsPerOfficer).toEqual([
      {
        officerId: expect.any(String),
        name: "Bế Thị Thông",
        ratings: 1,
        meanStaffAttitude: 2,
        satisfiedShare: 1,
      },
    ]);
    // Another counter's tablet cannot rate it; an unpaired device cannot either.
    expect(
      (await ctx.client().post("/api/v1/desk/device/ratings", { requestId: state.ratingRequest.id, scores }))
        .statusCode,
    ).toBe(401);
  });

  it("numbers gap-free per unit and day under concurrent takers, a rolled-back ticket giving its number back", async () => {
    ctx.clock.set("2026-12-01T02:00:00Z");
    const device = await ctx.handle.db
      .insertInto("desk_devices")
      .values({
        unit_id: phuThongId,
        kind: "kiosk",
        token_hash: "kiosk-of-the-concurrency-test",
        paired_at: ctx.clock.now,
        created_at: ctx.clock.now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const take = () =>
      ctx.handle.db
        .transaction()
        .execute((tx) =>
          takeTicket(tx, { id: device.id, unitId: phuThongId }, { lane: "general" }, ctx.clock.now),
        );
    await expect(
      ctx.handle.db.transaction().execute(async (tx) => {
        await takeTicket(tx, { id: device.id, unitId: phuThongId }, { lane: "general" }, ctx.clock.now);
        throw new Error("printer jammed");
      }),
    ).rejects.toThrow("printer jammed");
    const labels = await Promise.all(Array.from({ length: 24 }, take));
    const numbers = labels.map((t) => Number(t.label)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });
});
