import { describe, expect, it } from "vitest";
import { realCatalog } from "../../domain/catalog/catalog.ts";
import {
  fold,
  ONLINE,
  ROLE,
  readAmount,
  readDuration,
  readTiers,
  readTimeLimit,
  writeTiers,
  writeTimeLimit,
} from "./sheet-values.ts";

describe("spreadsheet values", () => {
  it("fold Vietnamese for comparison", () => {
    expect(fold("  Toàn Trình ")).toBe("toan trinh");
    expect(fold("Đăng ký, khai sinh")).toBe("dang ky khai sinh");
  });

  it("read enumerations by word or code, without regard to case or diacritics", () => {
    expect(ONLINE.read("Toàn trình")).toBe("full");
    expect(ONLINE.read("toan trinh")).toBe("full");
    expect(ONLINE.read("partial")).toBe("partial");
    expect(ONLINE.read("đôi khi")).toBeUndefined();
    expect(ROLE.read("Lãnh đạo")).toBe("leader");
  });

  it("write and read back every time limit of the shipped catalog", () => {
    for (const p of realCatalog()) {
      const limits = [p.processingTime.standard, p.processingTime.online].filter((l) => l !== null);
      for (const limit of limits) expect(readTimeLimit(writeTimeLimit(limit)), p.id).toEqual(limit);
    }
    expect(readTimeLimit("15 ngày làm việc")).toEqual({ kind: "duration", value: 15, unit: "working_days" });
    expect(readTimeLimit("30 NGÀY")).toEqual({ kind: "duration", value: 30, unit: "calendar_days" });
    expect(readTimeLimit("Trong ngày")).toMatchObject({
      kind: "same_day",
      variant: "same_day",
      workingHours: 8,
    });
    expect(readTimeLimit("giải quyết ngay")).toMatchObject({ variant: "on_the_spot", workingHours: 2 });
    expect(readTimeLimit("mười lăm hôm")).toBeUndefined();
    expect(readDuration("trong ngày")).toBeUndefined();
  });

  it("read amounts and page tiers as officers type them", () => {
    expect(readAmount("2.000")).toBe(2000);
    expect(readAmount("200,000 đ")).toBe(200000);
    expect(readAmount(50000)).toBe(50000);
    expect(readAmount("hai nghìn")).toBeUndefined();
    expect(readAmount(1.5)).toBeUndefined();
    const tiers = [
      { fromPage: 1, toPage: 2, vndPerPage: 2000 },
      { fromPage: 3, toPage: null, vndPerPage: 1000 },
    ];
    expect(writeTiers(tiers)).toBe("1-2: 2000; 3-: 1000");
    expect(readTiers("1-2: 2.000; 3-: 1.000 đ")).toEqual(tiers);
    expect(readTiers("từ trang 1")).toBeUndefined();
  });
});
