import { describe, expect, it } from "vitest";
import { archiveDueOn, archiveWarning } from "./work-file-rules.ts";

describe("work file time rules", () => {
  it("hands over within 1 year of the work's end (Luật Lưu trữ 2011 Điều 11(1)(a)): 15/3/2027 → 15/3/2028", () => {
    expect(archiveDueOn("2027-03-15")).toBe("2028-03-15");
    // Our choice: 29 February ends on 28 February of the next year.
    expect(archiveDueOn("2028-02-29")).toBe("2029-02-28");
  });

  it("warns 30 days before the due day (NĐ 30/2020 Phụ lục VI), not 31, and flags an overdue file", () => {
    expect(archiveWarning("2028-03-15", "2028-02-14")).toBe("due");
    expect(archiveWarning("2028-03-15", "2028-02-13")).toBeNull();
    expect(archiveWarning("2028-03-15", "2028-03-15")).toBe("due");
    expect(archiveWarning("2028-03-15", "2028-03-16")).toBe("overdue");
    expect(archiveWarning(null, "2028-03-16")).toBeNull();
  });
});
