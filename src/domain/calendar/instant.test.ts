import { describe, expect, it } from "vitest";
import { formatInstant, localDayOf, localTimeOfDay, parseInstant } from "./instant.ts";
import { parseLocalDate } from "./local-date.ts";

describe("instants in Asia/Ho_Chi_Minh", () => {
  it("renders with +07:00 whatever the machine's zone", () => {
    expect(formatInstant(Date.UTC(2026, 1, 13, 8, 30))).toBe("2026-02-13T15:30:00+07:00");
    expect(formatInstant(Date.UTC(2026, 1, 13, 17, 0))).toBe("2026-02-14T00:00:00+07:00");
  });

  it("keeps milliseconds only when there are some", () => {
    expect(formatInstant(Date.UTC(2026, 1, 13, 8, 30, 5, 250))).toBe("2026-02-13T15:30:05.250+07:00");
  });

  it("parses Z, other offsets, and local time without an offset", () => {
    const expected = Date.UTC(2026, 1, 13, 8, 30);
    expect(parseInstant("2026-02-13T08:30:00Z")).toBe(expected);
    expect(parseInstant("2026-02-13T15:30:00+07:00")).toBe(expected);
    expect(parseInstant("2026-02-13T09:30:00+01:00")).toBe(expected);
    expect(parseInstant("2026-02-13T15:30")).toBe(expected);
    expect(parseInstant("2026-02-13")).toBe(Date.UTC(2026, 1, 12, 17, 0));
  });

  it("finds the local date and time of day near midnight", () => {
    const t = parseInstant("2026-02-13T23:59:59+07:00");
    expect(localDayOf(t)).toBe(parseLocalDate("2026-02-13"));
    expect(localTimeOfDay(t)).toBe(86_399_000);
    expect(localDayOf(t + 1000)).toBe(parseLocalDate("2026-02-14"));
  });

  it.each([
    "2026-02-30T10:00:00+07:00",
    "2026-02-13T24:00:00+07:00",
    "2026-02-13T10:60:00+07:00",
    "2026-02-13T10:00:00+15:00",
    "tomorrow",
    "2026-02-13T10:00:00 +07:00",
  ])("rejects %j", (text) => {
    expect(() => parseInstant(text)).toThrowError(
      expect.objectContaining({ code: expect.stringMatching(/INVALID/) }),
    );
  });
});
