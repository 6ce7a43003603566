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

describe("holiday duties, ending a duty, changes that follow a change of position", () => {
  const audit = (entityType: string, entityId: string) =>
    ctx.handle.db
      .selectFrom("audit_log")
      .select(["action", "summary"])
      .where("entity_type", "=", entityType)
      .where("entity_id", "=", entityId)
      .execute();
  const mailsTo = async (email: string) =>
    (
      await ctx.handle.db
        .selectFrom("notification_outbox")
        .select("body_text")
        .where("template", "=", "desk.roster_changed")
        .where("channel", "=", "email")
        .where("recipient", "=", email)
        .execute()
    ).map((m) => m.body_text);
  async function member(name: string, email: string) {
    const desk = (await admin.get(`/api/v1/units/${phuThongId}/desk`)).json();
    const found = desk.members.find(
      (m: { fullName: string; endsOn: string | null }) => m.fullName === name && m.endsOn === null,
    );
    await ctx.handle.db.updateTable("desk_members").set({ email }).where("id", "=", found.id).execute();
    return { ...found, duties: desk.duties.filter((d: { memberId: string }) => d.memberId === found.id) };
  }

  it("puts La Văn Phủ on call for death registration on Mùng 3 Tết 2027 (BLLĐ 2019 art. 112; Luật Hộ tịch art. 33), shown on the roster, the public page and the PDF under the holiday; the day after stays a bare holiday", async () => {
    const phu = await member("La Văn Phủ", "phu@example.vn");
    const body = {
      date: "2027-02-08",
      memberId: phu.id,
      counter: 2,
      field: "ho-tich",
      startsAt: "07:30",
      endsAt: "11:30",
      note: "Đăng ký khai tử",
    };
    const added = await admin.post(`/api/v1/units/${phuThongId}/desk/holiday-duties`, body);
    expect(added.statusCode, added.body).toBe(201);
    const duty = added.json();
    expect(duty).toMatchObject({ memberName: "La Văn Phủ", counter: 2, field: "ho-tich" });
    expect((await audit("desk_holiday_duty", duty.id)).map((e) => e.action)).toEqual([
      "desk.holiday_duty.add",
    ]);
    expect(await mailsTo("phu@example.vn")).toEqual([
      expect.stringContaining("trực ngày nghỉ tại quầy 2, 07:30–11:30, lĩnh vực Hộ tịch"),
    ]);

    const week = (await admin.get(`/api/v1/units/${phuThongId}/desk/roster?week=2027-02-08`)).json();
    const [mon, tue] = week.days;
    expect(mon).toMatchObject({ date: "2027-02-08", working: false, slots: [] });
    expect(mon.note.name).toBe("Tết Âm lịch (Mùng 3 tháng Giêng)");
    expect(mon.holidayDuties).toEqual([
      {
        id: duty.id,
        date: "2027-02-08",
        memberId: phu.id,
        memberName: "La Văn Phủ",
        title: "Công chức Tư pháp - Hộ tịch",
        counter: 2,
        field: "ho-tich",
        startsAt: "07:30",
        endsAt: "11:30",
        note: "Đăng ký khai tử",
      },
    ]);
    expect(tue).toMatchObject({ date: "2027-02-09", working: false, slots: [], holidayDuties: [] });
    // A duty on a day off is no gap to warn about: the warnings are about working days only.
    expect(week.warnings).toEqual([]);
    const open = (await ctx.client().get(`/api/v1/public/desk/${PHU_THONG}?week=2027-02-08`)).json();
    expect(open.roster.days[0].holidayDuties.map((d: { memberName: string }) => d.memberName)).toEqual([
      "La Văn Phủ",
    ]);

    const pdf = await ctx.client().get(`/api/v1/public/desk/${PHU_THONG}/roster.pdf?week=2027-02-08`);
    expect(pdf.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), "roster-"));
    writeFileSync(join(dir, "r.pdf"), pdf.rawPayload);
    const text = execFileSync("pdftotext", ["-raw", join(dir, "r.pdf"), "-"], { encoding: "utf8" });
    const between = (a: string, b: string) => text.slice(text.indexOf(a), text.indexOf(b));
    const monday = between("08/02/2027", "Thứ Ba");
    expect(monday).toContain("Nghỉ: Tết Âm lịch (Mùng 3 tháng Giêng)");
    expect(monday).toContain("Trực 07:30–11:30, Quầy 2: La Văn Phủ (Công chức Tư pháp - Hộ tịch) – Hộ tịch");
    const tuesday = between("09/02/2027", "Thứ Tư");
    expect(tuesday).toContain("Nghỉ: Tết Âm lịch (Mùng 4 tháng Giêng)");
    expect(tuesday).not.toContain("Quầy");

    // Cancelled: gone from the roster, the member told, a second cancel refused.
    const cancelled = await admin.post(`/api/v1/units/${phuThongId}/desk/holiday-duties/${duty.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const after = (await admin.get(`/api/v1/units/${phuThongId}/desk/roster?week=2027-02-08`)).json();
    expect(after.days[0].holidayDuties).toEqual([]);
    expect(await mailsTo("phu@example.vn")).toHaveLength(2);
    const twice = await admin.post(`/api/v1/units/${phuThongId}/desk/holiday-duties/${duty.id}/cancel`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("INVALID_STATE");
    expect((await audit("desk_holiday_duty", duty.id)).map((e) => e.action).sort()).toEqual([
      "desk.holiday_duty.add",
      "desk.holiday_duty.cancel",
    ]);
  });

  it("refuses a holiday duty on a working day, with hours the wrong way round, an unknown field, someone not of the desk, or by a reception officer — and writes nothing", async () => {
    const phu = await member("La Văn Phủ", "phu@example.vn");
    const count = async () =>
      Number(
        (
          await ctx.handle.db
            .selectFrom("desk_holiday_duties")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const base = { date: "2027-02-09", memberId: phu.id, counter: 2, startsAt: "07:30", endsAt: "11:30" };
    const url = `/api/v1/units/${phuThongId}/desk/holiday-duties`;
    // Friday 12/02/2027 is a working day again after Tết: the weekly roster applies.
    const working = await admin.post(url, { ...base, date: "2027-02-12" });
    expect(working.statusCode).toBe(422);
    expect(working.json().error.code).toBe("HOLIDAY_DUTY_ON_WORKING_DAY");
    expect(working.json().error.message).toBeTruthy();
    const backwards = await admin.post(url, { ...base, startsAt: "11:30", endsAt: "07:30" });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe("VALIDATION_FAILED");
    const unknownField = await admin.post(url, { ...base, field: "khong-co-linh-vuc" });
    expect(unknownField.statusCode).toBe(400);
    const badTime = await admin.post(url, { ...base, startsAt: "7h30" });
    expect(badTime.statusCode).toBe(400);
    const stranger = await admin.post(url, { ...base, memberId: "00000000-0000-4000-8000-000000000000" });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.code).toBe("ROSTER_CHANGE_INVALID");
    const officerTries = await officer.post(url, base);
    expect(officerTries.statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it("ends one weekly duty of Triệu Thị Mai after 31/01/2027 and removes one that has not started; refuses a last day before yesterday, a second end and another unit's officer; the member is told each time", async () => {
    const mai = await member("Triệu Thị Mai", "mai.end@example.vn");
    const seeded = mai.duties[0] as { id: string; weekday: number; session: string; counter: number };
    expect(seeded).toBeTruthy();
    const url = (id: string) => `/api/v1/units/${phuThongId}/desk/duties/${id}/end`;
    const slot = `${seeded.session}@${seeded.counter}`;
    const mine = (week: { days: { weekday: number; slots: Slot[] }[] }) =>
      week.days
        .filter((d) => d.weekday === seeded.weekday)
        .flatMap((d) => d.slots.filter((s) => s.memberId === mai.id).map((s) => `${s.session}@${s.counter}`));
    type Slot = { memberId: string; session: string; counter: number };

    const past = await admin.post(url(seeded.id), { lastDay: "2026-11-28" });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.code).toBe("VALIDATION_FAILED");
    expect(await officer.post(url(seeded.id), { lastDay: "2027-01-31" })).toHaveProperty("statusCode", 403);

    const ended = await admin.post(url(seeded.id), { lastDay: "2027-01-31" });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ validTo: "2027-01-31", removed: false });
    const lastWeek = (await admin.get(`/api/v1/units/${phuThongId}/desk/roster?week=2027-01-25`)).json();
    expect(mine(lastWeek)).toContain(slot);
    const nextWeek = (await admin.get(`/api/v1/units/${phuThongId}/desk/roster?week=2027-02-01`)).json();
    expect(mine(nextWeek)).not.toContain(slot);
    const again = await admin.post(url(seeded.id), { lastDay: "2027-02-28" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("INVALID_STATE");

    // A duty from 14/12 ended before it starts is removed altogether; the audit trail keeps what it was.
    const future = await admin.post(`/api/v1/units/${phuThongId}/desk/duties`, {
      memberId: mai.id,
      weekday: 5,
      session: "afternoon",
      counter: 4,
      validFrom: "2026-12-14",
    });
    expect(future.statusCode, future.body).toBe(201);
    const removed = await admin.post(url(future.json().id), { lastDay: "2026-11-30" });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().removed).toBe(true);
    expect(
      await ctx.handle.db.selectFrom("desk_duties").select("id").where("id", "=", future.json().id).execute(),
    ).toEqual([]);
    expect((await audit("desk_duty", future.json().id)).map((e) => e.action).sort()).toEqual([
      "desk.duty.add",
      "desk.duty.remove",
    ]);
    expect((await audit("desk_duty", seeded.id)).map((e) => e.action)).toEqual(["desk.duty.end"]);
    const missing = await admin.post(url("00000000-0000-4000-8000-000000000000"), { lastDay: "2027-01-31" });
    expect(missing.statusCode).toBe(404);
    const told = await mailsTo("mai.end@example.vn");
    expect(told).toContainEqual(expect.stringContaining("thôi trực quầy"));
    expect(told.filter((t) => t?.includes("thôi trực quầy"))).toHaveLength(2);
  });

  it("an absence recorded for Nông Thị Hiền before her change of position still holds after it, and a swap recorded against her old position goes to the new one", async () => {
    const hien = await member("Nông Thị Hiền", "hien@example.vn");
    const duty = hien.duties.find((d: { weekday: number }) => d.weekday <= 5) as {
      weekday: number;
      session: "morning" | "afternoon";
      counter: number;
    };
    // Her weekday in the week of Monday 21/12/2026, and the same weekday a week later.
    const day = (monday: number) => `2026-12-${String(monday + duty.weekday - 1).padStart(2, "0")}`;
    const away = await admin.post(`/api/v1/units/${phuThongId}/desk/roster-changes`, {
      kind: "absence",
      date: day(21),
      session: duty.session,
      memberId: hien.id,
      reason: "Nghỉ phép",
    });
    expect(away.statusCode, away.body).toBe(201);
    const changed = await admin.post(`/api/v1/units/${phuThongId}/desk/members`, {
      fullName: "Nông Thị Hiền",
      role: "deputy",
      title: "Phó Trưởng Bộ phận",
      fields: hien.fields,
      counter: hien.counter,
      startsOn: "2026-12-21",
      replaces: hien.id,
    });
    expect(changed.statusCode, changed.body).toBe(201);
    const now = changed.json().id as string;
    const week = (await admin.get(`/api/v1/units/${phuThongId}/desk/roster?week=2026-12-21`)).json();
    const that = week.days.find((d: { date: string }) => d.date === day(21));
    expect(that.absent).toContainEqual({ session: duty.session, memberId: now, memberName: "Nông Thị Hiền" });
    expect(that.slots.filter((s: { memberId: string }) => s.memberId === now)).not.toContainEqual(
      expect.objectContaining({ session: duty.session }),
    );
    // The desk manager still has her old row on screen: the swap lands on the position she holds that day.
    const mai = await member("Triệu Thị Mai", "mai.swap@example.vn");
    const swap = await admin.post(`/api/v1/units/${phuThongId}/desk/roster-changes`, {
      kind: "swap",
      date: day(28),
      session: duty.session,
      memberId: hien.id,
      substituteId: mai.id,
    });
    expect(swap.statusCode, swap.body).toBe(201);
    const later = (await admin.get(`/api/v1/units/${phuThongId}/desk/roster?week=2026-12-28`)).json();
    const swapped = later.days.find((d: { date: string }) => d.date === day(28));
    expect(swapped.slots).toContainEqual(
      expect.objectContaining({
        session: duty.session,
        counter: duty.counter,
        memberId: mai.id,
        standsInFor: { memberId: now, memberName: "Nông Thị Hiền" },
      }),
    );
    expect(await mailsTo("mai.swap@example.vn")).toEqual([
      expect.stringContaining("trực thay Nông Thị Hiền"),
    ]);
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
