/**
 * The legal rules through the API, with a fixed clock: supplements before and after acceptance (the clock stops,
 * then restarts from zero), the apology that moves the appointment once and keeps the dossier late, stopping and
 * withdrawing — and every form they issue: a valid PDF of its paper size with its Vietnamese text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { flat, inspectPdf, pageSizePoints } from "../../pdf/forms/test-support.ts";
import { act, type DossierJson, MONDAY, QUANG_THUAN, receptionBody } from "./test-support.ts";

const A4 = [595, 842];

let ctx: TestContext;
let desk: TestClient;
let specialist: TestClient;
let leader: TestClient;

/** Sets the clock and signs in again (sessions last 12 hours of the app's clock). */
async function at(iso: string): Promise<void> {
  ctx.clock.set(iso);
  [desk, specialist, leader] = await Promise.all(
    ["tiepnhan.quangthuan", "chuyenvien.quangthuan", "lanhdao.quangthuan"].map((u) => ctx.as(u)),
  );
}

beforeAll(async () => {
  ctx = await createTestContext();
  await at(MONDAY);
});
afterAll(async () => ctx?.close());

async function received(over: Parameters<typeof receptionBody>[0] = {}): Promise<DossierJson> {
  const res = await desk.post("/api/v1/dossiers", receptionBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { dossier: DossierJson }).dossier;
}

async function atSpecialist(): Promise<DossierJson> {
  const d = await received();
  return act(desk, d.id, "forward", { version: d.version });
}

async function formText(client: TestClient, url: string, size = A4): Promise<string> {
  const res = await client.get(url);
  expect(res.statusCode, res.body).toBe(200);
  const pdf = inspectPdf(res.rawPayload);
  expect(pageSizePoints(pdf.info)).toEqual(size);
  return flat(pdf.text);
}

type Form = { kind: string; url: string; number: string };
const formOf = (d: DossierJson, kind: string) =>
  (d.forms as Form[]).filter((f) => f.kind === kind).at(-1) as Form;

describe("supplements after acceptance", () => {
  let d: DossierJson;

  it("pauses the clock, issues form 02 listing every item, and is not overdue while waiting", async () => {
    await at(MONDAY);
    d = await atSpecialist();
    // 3 working days after Monday 30/11 (BLDS 2015 art. 147–148): 1, 2, 3 December, until 17:00.
    expect(d.dueAt).toBe("2026-12-03T17:00:00+07:00");
    await at("2026-12-01T03:00:00Z");
    d = await act(specialist, d.id, "request-supplement", {
      version: d.version,
      items: [
        { name: "Bản sao trích lục ly hôn", reason: "Người yêu cầu đã ly hôn nhưng chưa nộp trích lục." },
        { name: "Tờ khai (bản chính)", reason: "Tờ khai chưa ghi mục đích sử dụng giấy xác nhận." },
      ],
    });
    expect(d.status).toBe("awaiting_citizen_supplement");
    expect(d.flags.paused).toBe(true);
    expect(d.task).toBeNull();
    const text = await formText(specialist, formOf(d, "supplement_request").url);
    expect(text).toContain("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
    expect(text).toContain("Bản sao trích lục ly hôn");
    expect(text).toContain("Tờ khai chưa ghi mục đích sử dụng giấy xác nhận");
    await at("2026-12-07T03:00:00Z");
    const inbox = (await desk.get("/api/v1/dossiers/inbox?box=desk")).json() as { items: DossierJson[] };
    const item = inbox.items.find((i) => i.id === d.id) as DossierJson;
    expect(item.flags).toMatchObject({ paused: true, overdue: false });
  });

  it("refuses a second request: everything must be asked for at once", async () => {
    const res = await specialist.post(`/api/v1/dossiers/${d.id}/request-supplement`, {
      version: d.version,
      items: [{ name: "Giấy khác", reason: "Thêm." }],
    });
    expect(res.statusCode).toBe(409);
  });

  it("restarts the processing time from zero when the papers arrive at the desk", async () => {
    await at("2026-12-07T03:00:00Z"); // Monday 10:00
    d = await act(desk, d.id, "supplement-received", {
      version: d.version,
      components: [{ name: "Bản sao trích lục ly hôn", kind: "copy", count: 1 }],
    });
    expect(d.status).toBe("in_processing");
    // Restart from zero on Monday 7/12 (NĐ 118/2025 art. 19(5)): 8, 9, 10 December, until 17:00.
    expect(d.dueAt).toBe("2026-12-10T17:00:00+07:00");
    expect(d.appointmentAt).toBe("2026-12-10T17:00:00+07:00");
    expect(d.task?.role).toBe("specialist");
    expect(d.task?.assignee).not.toBeNull();
    expect(d.pausedIntervals).toEqual([
      { from: "2026-12-01T10:00:00+07:00", to: "2026-12-07T10:00:00+07:00" },
    ]);
    expect((d.components as { supplement: boolean }[]).filter((c) => c.supplement).length).toBe(1);
    expect((d.forms as Form[]).filter((f) => f.kind === "receipt").length).toBe(2);
    const again = await specialist.post(`/api/v1/dossiers/${d.id}/request-supplement`, {
      version: d.version,
      items: [{ name: "Giấy khác", reason: "Thêm." }],
    });
    expect(again.json().error.code).toBe("SUPPLEMENT_ALREADY_REQUESTED");
  });

  it("refuses a request more than 3 working days after receipt", async () => {
    await at(MONDAY);
    const late = await atSpecialist();
    await at("2026-12-04T08:00:00Z"); // Friday 15:00
    const res = await specialist.post(`/api/v1/dossiers/${late.id}/request-supplement`, {
      version: late.version,
      items: [{ name: "Giấy tờ", reason: "Thiếu." }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("SUPPLEMENT_WINDOW_CLOSED");
  });
});

describe("at the desk, before acceptance", () => {
  it("asks for supplements (form 02, no code), then accepts when they come", async () => {
    await at(MONDAY);
    const res = await desk.post(
      "/api/v1/dossiers",
      receptionBody({
        decision: {
          outcome: "request_supplement",
          items: [{ name: "Căn cước công dân", reason: "Bản sao không rõ số định danh cá nhân." }],
        },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { dossier: DossierJson; receipt: unknown; form: Form };
    let d = body.dossier;
    expect(d.status).toBe("awaiting_supplement_before_acceptance");
    expect(d.code).toBeNull();
    expect(body.receipt).toBeNull();
    expect(await formText(desk, body.form.url)).toContain("Bản sao không rõ số định danh cá nhân");
    const early = await desk.post(`/api/v1/dossiers/${d.id}/close-incomplete`, { version: d.version });
    expect(early.json().error.code).toBe("SUPPLEMENT_NOT_EXPIRED");
    d = await act(desk, d.id, "supplement-received", {
      version: d.version,
      components: [{ name: "Căn cước công dân", kind: "copy", count: 1 }],
    });
    expect(d.status).toBe("at_desk");
    const accepted = await desk.post(`/api/v1/dossiers/${d.id}/accept`, { version: d.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const acceptedBody = accepted.json() as {
      dossier: DossierJson;
      receipt: { secret: string; lookupUrl: string; citizenCopyUrl: string; form: Form } | null;
    };
    d = acceptedBody.dossier;
    expect(d.status).toBe("received");
    expect(d.code).toMatch(/^000\.17\.31\.H06-261130-\d{4}$/);
    // The applicant's copy can be printed right away: the lookup secret comes back this once.
    const receipt = acceptedBody.receipt;
    expect(receipt?.secret.length).toBeGreaterThanOrEqual(8);
    expect(receipt?.lookupUrl).toContain(encodeURIComponent(d.code ?? ""));
    const lookup = await desk.get(
      `/api/v1/dossiers/lookup?code=${encodeURIComponent(d.code ?? "")}&secret=${receipt?.secret}`,
    );
    expect(lookup.statusCode, lookup.body).toBe(200);
    const copy = await desk.post(receipt?.citizenCopyUrl ?? "", { secret: receipt?.secret });
    expect(copy.statusCode).toBe(200);
    expect(copy.headers["content-type"]).toContain("application/pdf");
  });

  it("refuses with the reason on form 03", async () => {
    await at(MONDAY);
    const res = await desk.post(
      "/api/v1/dossiers",
      receptionBody({
        decision: { outcome: "refuse", reason: "Người yêu cầu không cư trú tại xã Quang Thuận." },
      }),
    );
    const body = res.json() as { dossier: DossierJson; form: Form };
    expect(body.dossier.status).toBe("refused");
    expect(body.dossier.code).toBeNull();
    const text = await formText(desk, body.form.url);
    expect(text).toContain("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
    expect(text).toContain("Người yêu cầu không cư trú tại xã Quang Thuận");
  });
});

describe("late dossiers: the apology moves the appointment once", () => {
  let d: DossierJson;
  let lateApologyCode = "";

  it("moves the appointment, keeps the due instant and counts the dossier late (form 04)", async () => {
    await at(MONDAY);
    d = await atSpecialist();
    const byOfficer = await specialist.post(`/api/v1/dossiers/${d.id}/apology`, {
      version: d.version,
      reason: "Cần xác minh.",
      newAppointment: "2026-12-07T16:00:00+07:00",
    });
    expect(byOfficer.statusCode).toBe(403);
    await at("2026-12-01T02:00:00Z");
    d = await act(leader, d.id, "apology", {
      version: d.version,
      reason: "Cần xác minh thông tin cư trú tại nơi cư trú trước đây.",
      newAppointment: "2026-12-07T16:00:00+07:00",
      documentNumber: "25/UBND-VP",
    });
    expect(d.dueAt).toBe("2026-12-03T17:00:00+07:00");
    expect(d.appointmentAt).toBe("2026-12-07T16:00:00+07:00");
    // Tuesday 1/12 is at least one day before Thursday 3/12 (NĐ 118/2025 art. 19(6)).
    expect((d.apology as { onTime: boolean | null }).onTime).toBe(true);
    expect(d.flags.late).toBe(true);
    expect(d.flags.overdue).toBe(true);
    const text = await formText(leader, formOf(d, "apology").url);
    expect(text).toContain("xin lỗi");
    expect(text).toContain("Cần xác minh thông tin cư trú tại nơi cư trú trước đây");
  });

  it("refuses a second apology", async () => {
    const res = await leader.post(`/api/v1/dossiers/${d.id}/apology`, {
      version: d.version,
      reason: "Lại chậm.",
      newAppointment: "2026-12-10T16:00:00+07:00",
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("APPOINTMENT_ALREADY_MOVED");
  });

  it("still takes an apology after the due date, records it as issued late and keeps the dossier late (NĐ 118/2025 art. 19(6))", async () => {
    await at(MONDAY);
    const other = await atSpecialist();
    await at("2026-12-04T01:00:00Z"); // Friday 08:00, the day after the due date
    const res = await leader.post(`/api/v1/dossiers/${other.id}/apology`, {
      version: other.version,
      reason: "Chờ kết quả xác minh.",
      newAppointment: "2026-12-08T16:00:00+07:00",
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = (res.json() as { dossier: DossierJson }).dossier;
    expect((d.apology as { onTime: boolean | null }).onTime).toBe(false);
    expect(d.flags.late).toBe(true);
    expect(d.dueAt).toBe("2026-12-03T17:00:00+07:00");
    expect(formOf(d, "apology")).toBeDefined();
    lateApologyCode = d.code as string;
  });

  it("shows in the tracking book which apology was issued on time and which late (NĐ 118/2025 art. 19(6))", async () => {
    const url = `/api/v1/dossiers/tracking-book?unit=${QUANG_THUAN}&from=2026-11-30&to=2026-11-30`;
    const res = await leader.get(url);
    expect(res.statusCode, res.body).toBe(200);
    const rows = (res.json() as { rows: { code: string; apology: unknown; timeliness: string | null }[] })
      .rows;
    const onTime = rows.find((r) => r.code === d.code);
    const late = rows.find((r) => r.code === lateApologyCode);
    // Tuesday 1/12 09:00: at least one day before the due date Thursday 3/12 → on time.
    expect(onTime?.apology).toEqual({ issuedAt: "2026-12-01T09:00:00+07:00", onTime: true });
    // Friday 4/12 08:00, after the due date → issued late; both dossiers count late.
    expect(late?.apology).toEqual({ issuedAt: "2026-12-04T08:00:00+07:00", onTime: false });
    expect(onTime?.timeliness).toBe("late");
    expect(late?.timeliness).toBe("late");
    const pdf = await leader.get(`${url}&format=pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = flat(inspectPdf(pdf.rawPayload).text);
    expect(text).toContain("Xin lỗi đúng hạn (01/12/2026)");
    expect(text).toContain("Xin lỗi muộn (04/12/2026)");
  });
});

describe("stopping and withdrawing", () => {
  it("stops a dossier with form 05", async () => {
    await at(MONDAY);
    let d = await atSpecialist();
    d = await act(leader, d.id, "stop", {
      version: d.version,
      reason: "Người yêu cầu đề nghị dừng giải quyết hồ sơ.",
      basis: "Đơn đề nghị dừng giải quyết hồ sơ ngày 30/11/2026 của bà Nguyễn Thị Hồng Nhung.",
    });
    expect(d.status).toBe("stopped");
    expect(d.task).toBeNull();
    const text = await formText(leader, formOf(d, "stop_notice").url);
    expect(text).toContain("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
    expect(text).toContain("Đơn đề nghị dừng giải quyết hồ sơ ngày 30/11/2026");
  });

  it("lets the applicant withdraw before the result, not after it", async () => {
    await at(MONDAY);
    let d = await atSpecialist();
    d = await act(desk, d.id, "withdraw", { version: d.version, reason: "Người nộp xin rút hồ sơ." });
    expect(d.status).toBe("withdrawn");
    let done = await atSpecialist();
    done = await act(specialist, done.id, "forward", { version: done.version });
    done = await act(leader, done.id, "approve", { version: done.version });
    const res = await desk.post(`/api/v1/dossiers/${done.id}/withdraw`, { version: done.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("EVENT_NOT_ALLOWED");
  });

  it("sends back where the step allows it, to the officer who had it", async () => {
    await at(MONDAY);
    let d = await atSpecialist();
    d = await act(specialist, d.id, "claim", { version: d.version });
    const me = d.task?.assignee?.id;
    d = await act(specialist, d.id, "forward", { version: d.version });
    d = await act(leader, d.id, "send-back", {
      version: d.version,
      reason: "Kiểm tra lại thông tin nơi cư trú.",
    });
    expect(d.task?.role).toBe("specialist");
    expect(d.task?.assignee?.id).toBe(me);
    const noReason = await specialist.post(`/api/v1/dossiers/${d.id}/send-back`, {
      version: d.version,
      reason: " ",
    });
    expect(noReason.statusCode).toBe(400);
  });

  it("has the leader reject with the reason; the desk returns the written rejection", async () => {
    await at(MONDAY);
    let d = await atSpecialist();
    d = await act(specialist, d.id, "forward", { version: d.version });
    d = await act(leader, d.id, "reject", {
      version: d.version,
      reason: "Không đủ điều kiện cấp giấy xác nhận.",
    });
    expect(d.status).toBe("rejected");
    // The written refusal after appraisal, on form 03 of the dossier's set (NĐ 118/2025 art. 19(3)).
    const text = await formText(leader, formOf(d, "refusal").url);
    expect(text).toContain("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
    expect(text).toContain("Qua thẩm định");
    expect(text).toContain("Không đủ điều kiện cấp giấy xác nhận.");
    // The applicant is told, with the reason (the machine's notify_applicant effect).
    const notices = await ctx.handle.db
      .selectFrom("notification_outbox")
      .select(["template", "channel"])
      .where("dossier_id", "=", d.id)
      .where("template", "=", "dossier.rejected")
      .execute();
    expect(notices.map((n) => n.channel).sort()).toEqual(["email", "sms"]);
    d = await act(desk, d.id, "return", {
      version: d.version,
      method: "post",
      trackingNumber: "EB123456789VN",
    });
    expect(d.returned).toMatchObject({ method: "post", outcome: "rejected", reference: "EB123456789VN" });
  });
});

describe("same-day limits and the legal extension", () => {
  it("prints the reception's own date on the receipt of a chứng thực received at 09:00 (NĐ 23/2015 art. 7(1))", async () => {
    await at(MONDAY); // Monday 30/11/2026 09:00
    const d = await received({
      procedure: "chung-thuc-ban-sao-tu-ban-chinh",
      components: [{ name: "Bản chính và bản sao cần chứng thực", kind: "original", count: 1 }],
    });
    expect(d.dueAt).toBe("2026-11-30T17:00:00+07:00");
    const text = await formText(desk, formOf(d, "receipt").url, A4);
    expect(text).toContain("17 giờ 00 phút, ngày 30 tháng 11 năm 2026");
  });

  it("moves a same-day dossier received after 15:00 to the end of the next working day (Luật Hộ tịch 2014 art. 5(3))", async () => {
    await at("2026-11-30T08:30:00Z"); // Monday 15:30
    const d = await received({
      procedure: "chung-thuc-ban-sao-tu-ban-chinh",
      components: [{ name: "Bản chính và bản sao cần chứng thực", kind: "original", count: 1 }],
    });
    expect(d.dueAt).toBe("2026-12-01T17:00:00+07:00");
  });

  it("applies the extension at reception with its reason: later due date on the receipt, not late (NĐ 23/2015 art. 7(2))", async () => {
    await at(MONDAY);
    const d = await received({
      procedure: "chung-thuc-ban-sao-tu-ban-chinh",
      components: [{ name: "Bản chính có nhiều trang", kind: "original", count: 1 }],
      decision: { outcome: "accept", extensionReason: "Bản chính có nhiều trang, cần đối chiếu." },
    });
    // 2 working days after Monday 30/11: 1 and 2 December, until 17:00.
    expect(d.dueAt).toBe("2026-12-02T17:00:00+07:00");
    expect(d.extension).toMatchObject({ reason: "Bản chính có nhiều trang, cần đối chiếu." });
    const text = await formText(desk, formOf(d, "receipt").url, A4);
    expect(text).toContain("17 giờ 00 phút, ngày 02 tháng 12 năm 2026");
    await at("2026-12-01T03:00:00Z"); // Tuesday 10:00: past the same-day limit, within the extension
    const now = (await desk.get(`/api/v1/dossiers/${d.id}`)).json() as DossierJson;
    expect(now.flags.late).toBe(false);
    expect(now.flags.overdue).toBe(false);
  });

  it("refuses an extension the procedure does not allow", async () => {
    await at(MONDAY);
    const res = await desk.post(
      "/api/v1/dossiers",
      receptionBody({ decision: { outcome: "accept", extensionReason: "Cần xác minh." } }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("EXTENSION_NOT_AVAILABLE");
  });
});
