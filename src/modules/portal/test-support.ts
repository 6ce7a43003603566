/** Shared helpers of the portal tests: a citizen account signed in through a real session, and sample files. */
import fs from "node:fs";
import { PDFDocument } from "pdf-lib";
import type { TestClient, TestContext } from "../../../test/support/test-app.ts";
import { createSession, SESSION_COOKIE } from "../auth/sessions.ts";

export const QUANG_THUAN = "000.17.31.H06";
export const MARITAL = "cap-giay-xac-nhan-tinh-trang-hon-nhan";
/** Monday 30 November 2026, 09:00 in Vietnam. */
export const MONDAY = "2026-11-30T02:00:00Z";

export const PNG = fs.readFileSync(new URL("../../../test/fixtures/uploads/sample.png", import.meta.url));
export const JPEG = fs.readFileSync(new URL("../../../test/fixtures/uploads/sample.jpg", import.meta.url));

export async function samplePdf(text = "Bản quét"): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text.normalize("NFD").replace(/[^\x20-\x7e]/g, ""), { x: 50, y: 780, size: 14 });
  return doc.save();
}

export function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

let serial = 0;

/** A confirmed citizen account with a profile, and a client signed in as it. */
export async function citizenClient(
  ctx: TestContext,
  over: { name?: string; identity?: string } = {},
): Promise<{ client: TestClient; citizenId: string }> {
  serial += 1;
  const identity = over.identity ?? `0060900${String(10000 + serial).slice(-5)}`;
  const row = await ctx.handle.db
    .insertInto("citizens")
    .values({
      full_name: over.name ?? "Hoàng Thị Mai",
      identity_number: identity,
      phone: "0912 345 678",
      email: `mai${serial}@example.vn`,
      address: JSON.stringify({
        detail: "Thôn Nà Mèo",
        commune: "Xã Quang Thuận",
        district: "Huyện Bạch Thông",
        province: "Tỉnh Bắc Kạn",
      }),
      birth_date: "1995-04-30",
      status: "active",
      confirmed_at: ctx.clock.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { token } = await createSession(
    ctx.handle.db,
    { kind: "citizen", id: row.id },
    { ip: null, userAgent: "test", ttlHours: 24 * 365, now: ctx.clock.now },
  );
  const client = ctx.client();
  client.cookies.set(SESSION_COOKIE, token);
  return { client, citizenId: row.id };
}

/** Answers that complete the marital status e-form for a never-married applicant. */
export const MARITAL_ANSWERS = {
  applicantRelation: "ban-than",
  subjectSex: "nu",
  maritalStatus: "chua-ket-hon",
  purpose: "Bổ sung hồ sơ xin việc",
  copies: 1,
  declaration: true,
};
