import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { realCatalog } from "../../domain/catalog/catalog.ts";
import { SHEETS } from "./xlsx.ts";

let ctx: TestContext;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.as("admin");
});
afterAll(async () => ctx?.close());

async function exportFile(format: "json" | "xlsx"): Promise<Buffer> {
  const res = await admin.get(`/api/v1/catalog/export?format=${format}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
}

function importFile(
  client: TestClient,
  format: "json" | "xlsx",
  bytes: Buffer,
  extra: Record<string, unknown> = {},
) {
  return client.post("/api/v1/catalog/import", { format, file: bytes.toString("base64"), ...extra });
}

async function versionCounts(): Promise<Record<string, number>> {
  const rows = await ctx.handle.db.selectFrom("procedures").select(["slug", "latest_version"]).execute();
  return Object.fromEntries(rows.map((r) => [r.slug, r.latest_version]));
}

/** Finds the row of a sheet whose first column holds `id` and the column with `header`. */
function cellOf(ws: ExcelJS.Worksheet, id: string, header: string): ExcelJS.Cell {
  let col = 0;
  ws.getRow(1).eachCell((cell, n) => {
    if (cell.value === header) col = n;
  });
  let rowNumber = 0;
  ws.eachRow((row, n) => {
    if (rowNumber === 0 && n > 1 && row.getCell(1).value === id) rowNumber = n;
  });
  expect(col, header).toBeGreaterThan(0);
  expect(rowNumber, id).toBeGreaterThan(0);
  return ws.getCell(rowNumber, col);
}

describe("export and import", () => {
  it("exports JSON that imports back unchanged (round trip), as a dry run and for real", async () => {
    const file = JSON.parse((await exportFile("json")).toString("utf8"));
    expect(file).toMatchObject({ format: "motcua.catalog", formatVersion: 1 });
    expect(file.procedures).toHaveLength(realCatalog().length);
    const before = await versionCounts();
    const dry = await importFile(admin, "json", Buffer.from(JSON.stringify(file)), { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 0, versioned: 0, unchanged: 48 });
    const res = await importFile(admin, "json", Buffer.from(JSON.stringify(file)));
    expect(res.json()).toMatchObject({ dryRun: false, created: 0, versioned: 0, unchanged: 48 });
    expect(await versionCounts()).toEqual(before);
  });

  it("imports changes as new versions and new procedures as version 1, in one transaction", async () => {
    const file = JSON.parse((await exportFile("json")).toString("utf8"));
    const copy = file.procedures.find((p: { id: string }) => p.id === "chung-thuc-ban-sao-tu-ban-chinh");
    copy.notes = [...copy.notes, "Ghi chú thêm khi nhập."];
    const fresh = structuredClone(copy);
    fresh.id = "thu-nghiem-nhap-json";
    fresh.code = {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Thủ tục thử nghiệm khi nhập JSON.",
    };
    fresh.name = "Thủ tục thử nghiệm nhập từ JSON";
    const res = await importFile(
      admin,
      "json",
      Buffer.from(JSON.stringify({ ...file, procedures: [copy, fresh] })),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, versioned: 1, unchanged: 0 });
    const versions = (await ctx.client().get("/api/v1/procedures/2.000815/versions")).json().items;
    expect(versions[0]).toMatchObject({ version: 2, effectiveFrom: "2026-11-24", inForce: true });
    expect((await ctx.client().get("/api/v1/procedures/thu-nghiem-nhap-json")).statusCode).toBe(200);
  });

  it("exports the officers' workbook, which imports back unchanged", async () => {
    const bytes = await exportFile("xlsx");
    expect(bytes.subarray(0, 4).toString("hex")).toBe("504b0304");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SHEETS));
    const procedures = wb.getWorksheet(SHEETS.procedures) as ExcelJS.Worksheet;
    const count = Object.keys(await versionCounts()).length;
    expect(procedures.actualRowCount).toBe(1 + count);
    expect(cellOf(procedures, "chung-thuc-ban-sao-tu-ban-chinh", "Mã TTHC").value).toBe("2.000815");
    expect(cellOf(procedures, "chung-thuc-ban-sao-tu-ban-chinh", "Mức độ DVC trực tuyến").value).toBe(
      "một phần",
    );
    const before = await versionCounts();
    const res = await importFile(admin, "xlsx", bytes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, versioned: 0, unchanged: count });
    expect(await versionCounts()).toEqual(before);
  });

  it("imports nothing from a workbook with one bad row, and names the sheet, row and column", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportFile("xlsx")) as unknown as ArrayBuffer);
    const procedures = wb.getWorksheet(SHEETS.procedures) as ExcelJS.Worksheet;
    // A good change that must not be applied, and a bad time limit on another procedure.
    cellOf(procedures, "dang-ky-ket-hon", "Tên tiếng Anh").value = "Marriage registration (edited)";
    const bad = cellOf(procedures, "dang-ky-khai-tu", "Thời hạn giải quyết");
    bad.value = "mười lăm hôm";
    const before = await versionCounts();
    const res = await importFile(admin, "xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe("IMPORT_INVALID");
    expect(error.details.issues).toEqual([
      expect.objectContaining({ sheet: "Thủ tục", row: Number(bad.row), column: "Thời hạn giải quyết" }),
    ]);
    expect(error.message).toContain(`sheet «Thủ tục», dòng ${bad.row}, cột «Thời hạn giải quyết»`);
    expect(error.messageEn).toContain(`row ${bad.row}`);
    expect(await versionCounts()).toEqual(before);
  });

  it("locates schema errors from other sheets: a workflow that does not add up to 100", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportFile("xlsx")) as unknown as ArrayBuffer);
    const steps = wb.getWorksheet(SHEETS.steps) as ExcelJS.Worksheet;
    const share = cellOf(steps, "chung-thuc-chu-ky", "Tỷ lệ thời gian (%)");
    share.value = Number(share.value) + 5;
    const role = cellOf(wb.getWorksheet(SHEETS.steps) as ExcelJS.Worksheet, "dang-ky-giam-ho", "Vai trò");
    role.value = "thủ quỹ";
    const res = await importFile(admin, "xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(422);
    const issues = res.json().error.details.issues as {
      sheet: string;
      row: number;
      column: string;
      messageEn: string;
    }[];
    expect(issues).toContainEqual(
      expect.objectContaining({ sheet: "Quy trình", row: Number(share.row), column: "Tỷ lệ thời gian (%)" }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ sheet: "Quy trình", row: Number(role.row), column: "Vai trò" }),
    );
  });

  it("checks the file type from the bytes and who may import", async () => {
    const json = await exportFile("json");
    const mismatch = await importFile(admin, "xlsx", json);
    expect(mismatch.statusCode).toBe(415);
    expect(mismatch.json().error.code).toBe("FILE_TYPE_MISMATCH");
    const zipAsJson = await importFile(admin, "json", await exportFile("xlsx"));
    expect(zipAsJson.statusCode).toBe(415);
    const notJson = await importFile(admin, "json", Buffer.from("{not json"));
    expect(notJson.statusCode).toBe(400);
    const districtAdmin = await ctx.as("quantri.bachthong");
    expect((await importFile(districtAdmin, "json", json)).statusCode).toBe(403);
    expect((await importFile(ctx.client(), "json", json)).statusCode).toBe(401);
    const officer = await ctx.as("tiepnhan.quangthuan");
    expect((await officer.get("/api/v1/catalog/export?format=json")).statusCode).toBe(200);
    expect((await ctx.client().get("/api/v1/catalog/export?format=json")).statusCode).toBe(401);
  });

  it("reports JSON items by position and path", async () => {
    const file = JSON.parse((await exportFile("json")).toString("utf8"));
    file.procedures[3].fees[0].kind = "whatever";
    const res = await importFile(admin, "json", Buffer.from(JSON.stringify(file)));
    expect(res.statusCode).toBe(422);
    const issue = res.json().error.details.issues[0];
    expect(issue).toMatchObject({ sheet: null, row: 4, path: expect.stringMatching(/^fees\.0/) });
  });
});
