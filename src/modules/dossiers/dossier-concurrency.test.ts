/**
 * Integrity under concurrency, and lateness with a fixed clock.
 * - Two officers acting on one dossier at once: one wins, the other gets 409 CONFLICT.
 * - 200 concurrent receptions at one desk on one day: 200 distinct, well-formed codes numbered 1…200 without gaps
 *   (meaningful on PostgreSQL, where they really run at once; on PGlite the single connection serialises them).
 * - A dossier past its due instant shows as late in the inbox and in the tracking book (JSON, PDF, XLSX).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { parseDossierCode } from "../../domain/codes/index.ts";
import { flat, inspectPdf, pageSizePoints } from "../../pdf/forms/test-support.ts";
import { act, type DossierJson, MONDAY, QUANG_THUAN, receptionBody } from "./test-support.ts";

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

describe("optimistic concurrency", () => {
  it("lets one of two officers acting at once win; the other gets 409", async () => {
    await at(MONDAY);
    const res = await desk.post("/api/v1/dossiers", receptionBody());
    let d = (res.json() as { dossier: DossierJson }).dossier;
    d = await act(desk, d.id, "forward", { version: d.version });
    d = await act(specialist, d.id, "forward", { version: d.version });
    const [approve, withdraw] = await Promise.all([
      leader.post(`/api/v1/dossiers/${d.id}/approve`, { version: d.version }),
      desk.post(`/api/v1/dossiers/${d.id}/withdraw`, { version: d.version, reason: "Người nộp xin rút." }),
    ]);
    expect([approve.statusCode, withdraw.statusCode].sort()).toEqual([200, 409]);
    const loser = approve.statusCode === 409 ? approve : withdraw;
    expect(loser.json().error.code).toBe("CONFLICT");
    const [a, b] = await Promise.all([
      desk.post(`/api/v1/dossiers/${d.id}/notes`, { text: "Đã gọi điện cho người nộp." }),
      desk.get(`/api/v1/dossiers/${d.id}`),
    ]);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
  });
});

describe("dossier codes under concurrent reception", () => {
  it("gives 200 concurrent receptions 200 distinct, well-formed, gap-free codes", {
    timeout: 900_000,
  }, async () => {
    await at("2026-12-01T02:00:00Z");
    const clients = await Promise.all(Array.from({ length: 4 }, () => ctx.as("tiepnhan.quangthuan")));
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (clients[i % clients.length] as TestClient).post(
          "/api/v1/dossiers",
          receptionBody({ applicant: { ...receptionBody().applicant, name: `Người nộp số ${i + 1}` } }),
        ),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(
      statuses.filter((s) => s !== 201),
      responses.find((r) => r.statusCode !== 201)?.body,
    ).toEqual([]);
    const codes = responses.map((r) => (r.json() as { dossier: DossierJson }).dossier.code as string);
    expect(new Set(codes).size).toBe(200);
    const parsed = codes.map((c) => parseDossierCode(c));
    expect(parsed.every((p) => p !== null && p.agencyCode === QUANG_THUAN && p.date === "2026-12-01")).toBe(
      true,
    );
    const sequences = parsed.map((p) => p?.sequence as number).sort((x, y) => x - y);
    expect(sequences).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });
});

describe("late dossiers with a fixed clock", () => {
  let d: DossierJson;

  it("flags a dossier due within a day, then overdue once its due instant passed", async () => {
    await at(MONDAY);
    const res = await desk.post(
      "/api/v1/dossiers",
      receptionBody({ applicant: { ...receptionBody().applicant, name: "Lò Văn Muộn" } }),
    );
    d = (res.json() as { dossier: DossierJson }).dossier;
    d = await act(desk, d.id, "forward", { version: d.version });
    // Received Monday 30/11 09:00, 3 working days counted as the Civil Code counts days (BLDS 2015 art. 147–148:
    // the day of reception not counted) → due at the close of Thursday 03/12, 17:00. Thursday 10:00 is within a day.
    await at("2026-12-03T03:00:00Z");
    const soon = (await specialist.get("/api/v1/dossiers/inbox")).json() as { items: DossierJson[] };
    expect(soon.items.find((i) => i.id === d.id)?.flags).toMatchObject({ dueSoon: true, overdue: false });
    await at("2026-12-04T03:00:00Z"); // Friday 10:00
    const late = (await specialist.get("/api/v1/dossiers/inbox?overdue=true")).json() as {
      items: DossierJson[];
      now: string;
    };
    expect(late.now).toBe("2026-12-04T10:00:00+07:00");
    const item = late.items.find((i) => i.id === d.id);
    expect(item?.flags).toMatchObject({ overdue: true, stepOverdue: true, dueSoon: false });
    const onTime = (await specialist.get("/api/v1/dossiers/inbox?overdue=false")).json() as {
      items: DossierJson[];
    };
    expect(onTime.items.map((i) => i.id)).not.toContain(d.id);
  });

  it("shows it late in the tracking book, with the seeded overdue dossier", async () => {
    await at("2026-12-04T03:00:00Z");
    const url = `/api/v1/dossiers/tracking-book?unit=${QUANG_THUAN}&from=2026-11-01&to=2026-12-04`;
    const book = (await desk.get(url)).json() as {
      rows: { dossierId: string; timeliness: string | null; status: string; procedure: string }[];
    };
    const row = book.rows.find((r) => r.dossierId === d.id);
    expect(row?.timeliness).toBe("late");
    expect(book.rows.some((r) => r.procedure === "Đăng ký lại khai sinh" && r.timeliness === "late")).toBe(
      true,
    );
    expect(book.rows.some((r) => r.status === "returned")).toBe(true);
    const pdf = await desk.get(`${url}&format=pdf`);
    expect(pdf.statusCode).toBe(200);
    const info = inspectPdf(pdf.rawPayload);
    expect(pageSizePoints(info.info)).toEqual([842, 595]);
    const text = flat(info.text);
    expect(text).toContain("SỔ THEO DÕI HỒ SƠ");
    expect(text).toContain("Lò Văn Muộn");
    expect(text).toContain("Quá hạn");
    const xlsx = await desk.get(`${url}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
  });
});
