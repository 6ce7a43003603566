import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { at, buildControlSheet, buildTrackingBook, buildTrackingRows } from "./test-support.ts";
import { controlSheetXlsx, trackingBookXlsx } from "./xlsx.ts";

async function load(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  return sheet;
}

function rowTexts(sheet: ExcelJS.Worksheet, row: number): string[] {
  const out: string[] = [];
  sheet.getRow(row).eachCell({ includeEmpty: true }, (cell) => {
    out.push(cell.value === null || cell.value === undefined ? "" : String(cell.value));
  });
  return out;
}

describe("tracking book as a spreadsheet", () => {
  it("has the title, a two-row header with the date group, and one row per dossier", async () => {
    const rows = buildTrackingRows(200);
    const sheet = await load(await trackingBookXlsx(buildTrackingBook({ rows })));
    expect(String(sheet.getCell(1, 1).value)).toBe("SỔ THEO DÕI HỒ SƠ");
    expect(String(sheet.getCell(3, 1).value)).toContain("Mẫu số 07");
    const header = 5;
    expect(String(sheet.getCell(header, 8).value)).toBe("Ngày, tháng, năm");
    expect(String(sheet.getCell(header + 1, 8).value)).toBe("Nhận hồ sơ");
    expect(String(sheet.getCell(header, 2).value)).toBe("Mã hồ sơ");
    const first = header + 2;
    expect(rowTexts(sheet, first).slice(0, 3)).toEqual(["1", "H56.105-260302-0001", "Đăng ký khai sinh"]);
    expect(String(sheet.getCell(first + 199, 2).value)).toBe("H56.105-260302-0200");
    expect(sheet.getCell(first + 200, 2).value ?? null).toBeNull();
    expect(sheet.pageSetup.orientation).toBe("landscape");
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header}:${header + 1}`);
  });

  it("marks an open dossier past its due instant as late", async () => {
    const sheet = await load(
      await trackingBookXlsx(
        buildTrackingBook({ rows: buildTrackingRows(2), printedAt: at("2026-03-10T09:00:00+07:00") }),
      ),
    );
    expect(String(sheet.getCell(8, 14).value)).toBe("Quá hạn (chưa trả)");
    expect(String(sheet.getCell(7, 14).value)).toBe("Trước hạn");
  });
});

describe("control sheet as a spreadsheet", () => {
  it("has a row per hand-over with the giver, the receiver and the result", async () => {
    const sheet = await load(await controlSheetXlsx(buildControlSheet()));
    expect(String(sheet.getCell(1, 1).value)).toBe("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
    expect(String(sheet.getCell(2, 1).value)).toBe("Mã hồ sơ: H56.105-260302-0007");
    const header = 9;
    expect(String(sheet.getCell(header, 3).value)).toBe("Thời gian giao, nhận hồ sơ");
    expect(rowTexts(sheet, header + 2)).toEqual([
      "2",
      "Giao: Công chức Tư pháp - Hộ tịch\nNhận: Chủ tịch UBND xã",
      "14 giờ 00 phút, ngày 03 tháng 03 năm 2026",
      "Người giao: Đàm Thị Lan\nNgười nhận: Lương Văn Thành",
      "Trước hạn",
      "",
    ]);
  });
});
