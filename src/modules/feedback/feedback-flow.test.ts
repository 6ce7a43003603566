/**
 * Feedback and petitions through the HTTP API: the public form, the desk's classification within competence, the
 * study against the six criteria, the answer, the officer's approval of the redacted text, publication on the
 * procedure's page without personal data, the answer in the outbox, the rating; forwarding on time and late
 * (NĐ 20/2008/NĐ-CP art. 14(2): 5 working days) on a fixed clock; forwarding inside motcua; spam; abuse controls.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";

const QUANG_THUAN = "000.17.31.H06";
const PHU_THONG = "000.01.31.H06";
const PROCEDURE = "cap-giay-xac-nhan-tinh-trang-hon-nhan";
/** Monday 30 November 2026, 09:00 in Vietnam. */
const MONDAY_9 = "2026-11-30T02:00:00Z";

let ctx: TestContext;
let specialist: TestClient;
let desk: TestClient;
let deskPhuThong: TestClient;
let leader: TestClient;

beforeAll(async () => {
  ctx = await createTestContext({ env: { SESSION_TTL_HOURS: "720", TRUST_PROXY: "1" } });
  ctx.clock.set(MONDAY_9);
  [specialist, desk, deskPhuThong, leader] = await Promise.all(
    ["chuyenvien.quangthuan", "tiepnhan.quangthuan", "tiepnhan.phuthong", "lanhdao.quangthuan"].map((u) =>
      ctx.as(u),
    ),
  );
});
afterAll(async () => ctx?.close());

let ipCounter = 0;
/** A citizen's browser at its own address (the per-address limit is proven apart). */
function citizen(): TestClient {
  const c = ctx.client();
  c.headers = { "x-forwarded-for": `203.0.113.${++ipCounter}` };
  return c;
}

const form = (over: Record<string, unknown> = {}) => ({
  name: "Nguyễn Thị Phản Ánh",
  address: "Thôn Nà Pài, xã Quang Thuận",
  phone: "0912 888 777",
  email: "phananh@example.vn",
  unit: QUANG_THUAN,
  subject: "procedure",
  procedure: PROCEDURE,
  title: "Thời gian cấp giấy xác nhận quá dài",
  content:
    "Tôi là Nguyễn Thị Phản Ánh, số điện thoại 0912 888 777, CCCD 006190001234. Thủ tục cấp giấy xác nhận tình trạng hôn nhân yêu cầu nộp bản sao không cần thiết. Chị Phản Ánh đề nghị bỏ yêu cầu này.",
  ...over,
});

interface Receipt {
  id: string;
  code: string;
  secret: string;
}
interface RecordView {
  id: string;
  version: number;
  status: string;
  forwardDueAt: string | null;
  forwardLate: boolean | null;
  answerDueAt: string | null;
  answerLate: boolean | null;
  unit: { code: string };
}

async function file(over: Record<string, unknown> = {}): Promise<Receipt> {
  const res = await citizen().post("/api/v1/public/feedback", form(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Receipt;
}

async function view(client: TestClient, id: string): Promise<RecordView> {
  const res = await client.get(`/api/v1/feedback/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as RecordView;
}

async function act(
  client: TestClient,
  id: string,
  step: string,
  body: Record<string, unknown>,
  status = 200,
) {
  const current = await view(specialist, id).catch(() => view(client, id));
  const res = await client.post(`/api/v1/feedback/${id}/${step}`, { version: current.version, ...body });
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as RecordView & { error?: { code: string; details?: unknown } };
}

const STUDY = Object.fromEntries(
  [
    "necessity",
    "reasonableness_legality",
    "simplicity",
    "feasibility",
    "consistency",
    "treaty_conformity",
  ].map((c) => [c, { assessment: "met", note: null }]),
);

describe("a feedback about a procedure, handled within competence and published", () => {
  let receipt: Receipt;

  it("gives a tracking code <agency>-PA-YYMMDD-NNNN and a secret that opens the public lookup", async () => {
    receipt = await file();
    expect(receipt.code).toBe(`${QUANG_THUAN}-PA-261130-0001`);
    expect(receipt.secret).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    const ok = await citizen().get(
      `/api/v1/public/feedback/lookup?code=${encodeURIComponent(receipt.code)}&secret=${receipt.secret}`,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: "received",
      unit: { code: QUANG_THUAN },
      answer: null,
      canRate: false,
    });
    const wrong = await citizen().get(
      `/api/v1/public/feedback/lookup?code=${encodeURIComponent(receipt.code)}&secret=AAAAAAAA`,
    );
    expect(wrong.statusCode).toBe(404);
  });

  it("registers it in the unit's register, with the receipt in the outbox (secret by e-mail only)", async () => {
    const list = await desk.get(`/api/v1/feedback?unit=${QUANG_THUAN}`);
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json() as { items: { code: string }[] }).items.map((i) => i.code)).toContain(receipt.code);
    const messages = await ctx.handle.db
      .selectFrom("notification_outbox")
      .select(["channel", "template", "body_text", "recipient"])
      .where("dedupe_key", "=", `feedback:${receipt.id}:received`)
      .execute();
    const email = messages.find((m) => m.channel === "email");
    const sms = messages.find((m) => m.channel === "sms");
    expect(email?.body_text).toContain(receipt.secret);
    expect(sms?.recipient).toBe("+84912888777");
    expect(sms?.body_text).not.toContain(receipt.secret);
  });

  it("refuses the reception desk a handling step (feedback.manage), with a live version", async () => {
    const current = await view(desk, receipt.id);
    const res = await desk.post(`/api/v1/feedback/${receipt.id}/classify`, {
      version: current.version,
      classification: "within_competence",
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  it("hides it from another commune's desk (404)", async () => {
    const res = await deskPhuThong.get(`/api/v1/feedback/${receipt.id}`);
    expect(res.statusCode).toBe(404);
  });

  it("sets the answer due date from the unit's setting when accepted: default 10 working days (our choice)", async () => {
    const accepted = await act(specialist, receipt.id, "classify", { classification: "within_competence" });
    expect(accepted.status).toBe("accepted");
    // Accepted Monday 30/11/2026 09:00; 10 working days (no day off in between), the day of acceptance not counted
    // (BLDS art. 147–148) → the close of Monday 14/12/2026, 17:00.
    expect(accepted.answerDueAt).toBe("2026-12-14T17:00:00+07:00");
    expect(accepted.answerLate).toBe(false);
  });

  it("lets the leader assign an active officer of the unit with a due date on a working day, not a day off or a past day", async () => {
    const current = await view(specialist, receipt.id);
    const unitId = (current as unknown as { unit: { id: string } }).unit.id;
    const listed = await leader.get(`/api/v1/staff?unitId=${unitId}`);
    expect(listed.statusCode, listed.body).toBe(200);
    const officers = (listed.json() as { items: { id: string; username: string }[] }).items;
    const handlerId = officers.find((o) => o.username === "chuyenvien.quangthuan")?.id;
    const otherUnit = (await deskPhuThong.get("/api/v1/auth/me")).json() as { id: string };
    const refused = async (body: Record<string, unknown>, code: string) => {
      const res = await act(leader, receipt.id, "assign", body, 422);
      expect(res.error?.code).toBe(code);
    };
    // Saturday 05/12/2026 is a day off (weekdays Monday–Friday); Friday 27/11/2026 is before today (Monday 30/11).
    await refused({ handlerId, answerDueDate: "2026-12-05" }, "FEEDBACK_DUE_DATE_INVALID");
    await refused({ handlerId, answerDueDate: "2026-11-27" }, "FEEDBACK_DUE_DATE_INVALID");
    await refused({ handlerId: otherUnit.id }, "FEEDBACK_HANDLER_INVALID");
    expect((await view(specialist, receipt.id)).answerDueAt).toBe("2026-12-14T17:00:00+07:00");
    // Friday 11/12/2026 chosen by hand: due at the close of that working day (17:00 in the default schedule).
    const assigned = await act(leader, receipt.id, "assign", { handlerId, answerDueDate: "2026-12-11" });
    expect(assigned).toMatchObject({
      answerDueAt: "2026-12-11T17:00:00+07:00",
      answerLate: false,
      handler: { id: handlerId, name: "Ma Văn Chuyên" },
    });
  });

  it("refuses the decision before the six criteria are studied (NĐ 20/2008 art. 16)", async () => {
    const res = await act(
      specialist,
      receipt.id,
      "answer",
      { decision: "adopted", answer: "Sẽ bỏ yêu cầu." },
      409,
    );
    expect(res.error?.code).toBe("FEEDBACK_STUDY_INCOMPLETE");
    await act(specialist, receipt.id, "study", { study: { necessity: STUDY.necessity } });
    const still = await act(specialist, receipt.id, "answer", { decision: "adopted", answer: "x" }, 409);
    expect(still.error?.details).toMatchObject({ missing: expect.arrayContaining(["simplicity"]) });
  });

  it("answers once studied, proposes a redacted text, refuses one that still names the submitter", async () => {
    await act(specialist, receipt.id, "study", { study: STUDY });
    const answered = await act(specialist, receipt.id, "answer", {
      decision: "adopted",
      answer:
        "Kính gửi bà Nguyễn Thị Phản Ánh: UBND xã đã bỏ yêu cầu nộp bản sao từ ngày 01/12/2026. Mọi thắc mắc xin gọi 0209 3850 123.",
    });
    expect(answered.status).toBe("answered");
    const proposal = (await leader.get(`/api/v1/feedback/${receipt.id}/redaction`)).json() as {
      question: string;
      answer: string;
      version: number;
    };
    for (const text of [proposal.question, proposal.answer]) {
      expect(text).not.toContain("Phản Ánh");
      expect(text).not.toContain("0912");
      expect(text).not.toContain("006190001234");
    }
    expect(proposal.question).toContain("yêu cầu nộp bản sao không cần thiết");
    const refused = await leader.post(`/api/v1/feedback/${receipt.id}/publish`, {
      version: proposal.version,
      question: proposal.question,
      answer: `${proposal.answer} Người gửi: Nguyễn Thị Phản Ánh`,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      error: { code: "FEEDBACK_PERSONAL_DATA", details: { findings: ["name"] } },
    });
    const published = await leader.post(`/api/v1/feedback/${receipt.id}/publish`, {
      version: proposal.version,
      question: proposal.question,
      answer: proposal.answer,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: "published" });
  });

  it("shows the published answer on the procedure's page and the unit's page, without name or phone", async () => {
    for (const query of [`procedure=${PROCEDURE}`, `unit=${QUANG_THUAN}`]) {
      const res = await citizen().get(`/api/v1/public/feedback/published?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const items = (res.json() as { items: { code: string; answer: string; question: string }[] }).items;
      const item = items.find((i) => i.code === receipt.code);
      expect(item?.answer).toContain("đã bỏ yêu cầu nộp bản sao");
      expect(JSON.stringify(item)).not.toMatch(/Phản Ánh|0912|888 777|phananh@/);
    }
  });

  it("tells the submitter by e-mail with the answer as written, then records one rating", async () => {
    const mail = await ctx.handle.db
      .selectFrom("notification_outbox")
      .select(["body_text", "recipient"])
      .where("dedupe_key", "=", `feedback:${receipt.id}:answered`)
      .where("channel", "=", "email")
      .executeTakeFirstOrThrow();
    expect(mail.recipient).toBe("phananh@example.vn");
    expect(mail.body_text).toContain("đã bỏ yêu cầu nộp bản sao");
    const rated = await citizen().post("/api/v1/public/feedback/rating", {
      code: receipt.code,
      secret: receipt.secret,
      score: 2,
    });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toMatchObject({ rating: 2, canRate: false });
    const again = await citizen().post("/api/v1/public/feedback/rating", {
      code: receipt.code,
      secret: receipt.secret,
      score: 0,
    });
    expect(again.json()).toMatchObject({ error: { code: "FEEDBACK_ALREADY_RATED" } });
  });
});

describe("forwarding outside competence within 5 working days (NĐ 20/2008 art. 14(2)), on a fixed clock", () => {
  it("is on time when done by the fifth working day and late after it", async () => {
    ctx.clock.set(MONDAY_9);
    const onTime = await file({ content: "Kiến nghị về lệ phí cấp đổi giấy phép lái xe.", subject: "rule" });
    const late = await file({ content: "Kiến nghị về quy định đăng kiểm xe cơ giới.", subject: "rule" });
    for (const r of [onTime, late]) {
      const c = await act(specialist, r.id, "classify", { classification: "outside_competence" });
      // Received Monday 30/11 09:00 + 5 working days, the day of receipt not counted (BLDS art. 147–148) → the
      // close of Monday 07/12/2026, 17:00.
      expect(c.forwardDueAt).toBe("2026-12-07T17:00:00+07:00");
    }
    ctx.clock.set("2026-12-07T01:00:00Z"); // Monday 07/12 08:00: before the due instant
    const f1 = await act(specialist, onTime.id, "forward", {
      toExternal: "Sở Giao thông vận tải tỉnh Bắc Kạn",
    });
    expect(f1).toMatchObject({ status: "forwarded", forwardLate: false });

    ctx.clock.set("2026-12-07T10:30:00Z"); // Monday 07/12 17:30: past it, not yet forwarded
    const pending = await view(specialist, late.id);
    expect(pending.forwardLate).toBe(true);
    const lateList = await specialist.get(`/api/v1/feedback?unit=${QUANG_THUAN}&late=true`);
    expect((lateList.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(late.id);
    expect((lateList.json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(onTime.id);
    const f2 = await act(specialist, late.id, "forward", { toExternal: "Cục Đăng kiểm Việt Nam" });
    expect(f2.forwardLate).toBe(true);

    const figures = await leader.get(
      `/api/v1/feedback-figures?unit=${QUANG_THUAN}&from=2026-11-01&to=2026-12-31`,
    );
    expect(figures.statusCode, figures.body).toBe(200);
    // Forwards: 2, one on time. Answers: 1 (the first describe), on time. Ratings: 1 of 2 → satisfied.
    expect(figures.json()).toMatchObject({
      forwarded: 2,
      forwardedOnTime: 1,
      answered: 1,
      answeredOnTime: 1,
      ratings: 1,
      satisfied: 1,
      satisfactionShare: 1,
    });
  });

  it("moves a forward inside motcua into the other unit's register; the sender keeps read access only", async () => {
    ctx.clock.set("2026-12-08T02:00:00Z");
    const r = await file({
      content: "Phản ánh về việc niêm yết thủ tục tại thị trấn Phủ Thông.",
      subject: "other",
    });
    await act(specialist, r.id, "classify", { classification: "outside_competence" });
    const moved = await act(specialist, r.id, "forward", {
      toUnit: PHU_THONG,
      note: "Thuộc thẩm quyền thị trấn",
    });
    expect(moved).toMatchObject({ status: "received", unit: { code: PHU_THONG } });
    const theirs = await deskPhuThong.get(`/api/v1/feedback?unit=${PHU_THONG}`);
    expect((theirs.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(r.id);
    const current = await view(specialist, r.id);
    const refused = await specialist.post(`/api/v1/feedback/${r.id}/classify`, {
      version: current.version,
      classification: "within_competence",
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe("abuse controls", () => {
  it("refuses a filled honeypot and a duplicate (same text, same contact, within a day)", async () => {
    ctx.clock.set("2026-12-09T02:00:00Z");
    const bot = await citizen().post("/api/v1/public/feedback", form({ website: "http://spam.example" }));
    expect(bot.json()).toMatchObject({ error: { code: "FEEDBACK_REFUSED" } });
    const first = await file({ content: "Đề nghị bố trí thêm ghế chờ tại bộ phận một cửa." });
    const dup = await citizen().post(
      "/api/v1/public/feedback",
      form({ content: "đề nghị bố trí thêm GHẾ CHỜ tại bộ phận một cửa!", phone: "+84 912 888 777" }),
    );
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({
      error: { code: "FEEDBACK_DUPLICATE", details: { code: first.code } },
    });
    ctx.clock.advance(24 * 3600_000 + 1000);
    await file({ content: "Đề nghị bố trí thêm ghế chờ tại bộ phận một cửa.", phone: "0912 000 111" });
  });

  it("limits filings per address (5 an hour) and per contact (5 a day)", async () => {
    ctx.clock.set("2026-12-10T02:00:00Z");
    const one = citizen();
    for (let i = 0; i < 5; i++) {
      const res = await one.post(
        "/api/v1/public/feedback",
        form({ content: `Góp ý số ${i} về giờ làm việc.`, phone: `09130000${10 + i}` }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const sixth = await one.post(
      "/api/v1/public/feedback",
      form({ content: "Góp ý thứ sáu.", phone: "0913000099" }),
    );
    expect(sixth.statusCode).toBe(429);
    for (let i = 0; i < 5; i++) {
      const res = await citizen().post(
        "/api/v1/public/feedback",
        form({ content: `Ý kiến ${i} về bãi đỗ xe.`, phone: "0914 555 666" }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const contact = await citizen().post(
      "/api/v1/public/feedback",
      form({ content: "Ý kiến thứ sáu.", phone: "0914 555 666" }),
    );
    expect(contact.statusCode).toBe(429);
  });

  it("keeps a spam record, out of publication", async () => {
    ctx.clock.set("2026-12-11T02:00:00Z");
    const r = await file({ content: "Quảng cáo vay tiền nhanh, liên hệ ngay.", phone: "0915 111 222" });
    const marked = await act(specialist, r.id, "spam", {});
    expect(marked).toMatchObject({ spam: true, status: "received" });
    const classify = await act(specialist, r.id, "classify", { classification: "within_competence" }, 409);
    expect(classify.error?.code).toBe("FEEDBACK_STEP_NOT_ALLOWED");
    const spamList = await specialist.get(`/api/v1/feedback?unit=${QUANG_THUAN}&spam=true`);
    expect(spamList.statusCode, spamList.body).toBe(200);
    expect((spamList.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([r.id]);
  });
});

describe("the desk registers feedback from a letter", () => {
  it("records the channel and the day the letter arrived", async () => {
    ctx.clock.set("2026-12-11T03:00:00Z");
    const res = await desk.post("/api/v1/feedback", {
      ...form({ content: "Thư góp ý về thái độ phục vụ.", subject: "conduct", procedure: undefined }),
      channel: "letter",
      receivedAt: "2026-12-10T08:30:00+07:00",
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json() as Receipt;
    // Coded by the day the letter arrived (10/12), after the eleven filings of that day above (one after the
    // duplicate window, five per address, five per contact).
    expect(r.code).toBe(`${QUANG_THUAN}-PA-261210-0012`);
    const v = await view(desk, r.id);
    expect(v).toMatchObject({ channel: "letter", receivedAt: "2026-12-10T08:30:00+07:00" });
    const other = await deskPhuThong.post("/api/v1/feedback", {
      ...form({ content: "Thư khác.", subject: "other", procedure: undefined }),
      channel: "letter",
    });
    expect(other.statusCode).toBe(403);
  });
});
