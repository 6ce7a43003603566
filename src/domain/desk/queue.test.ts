import { describe, expect, it } from "vitest";
import { nextTicketFor, pairingCodeFrom, secondsBetween, ticketLabel } from "./queue.ts";

const t = (number: number, lane: "general" | "priority", field: string | null) => ({
  id: String(number),
  number,
  lane,
  field,
});

describe("queue numbers", () => {
  it("labels a number with three digits, the priority lane with UT", () => {
    expect(ticketLabel("general", 7)).toBe("007");
    expect(ticketLabel("priority", 12)).toBe("UT012");
    expect(ticketLabel("general", 1234)).toBe("1234");
  });

  it("calls a waiting priority ticket before any general one, even a later one", () => {
    expect(
      nextTicketFor([t(1, "general", null), t(5, "priority", null), t(3, "priority", "dat-dai")], ["ho-tich"])
        ?.number,
    ).toBe(3);
  });

  it("calls the oldest general ticket of a field the counter handles, or without a field", () => {
    const waiting = [t(1, "general", "dat-dai"), t(2, "general", "ho-tich"), t(3, "general", null)];
    expect(nextTicketFor(waiting, ["ho-tich"])?.number).toBe(2);
    expect(nextTicketFor(waiting, ["chung-thuc"])?.number).toBe(3);
    expect(nextTicketFor(waiting, [])?.number).toBe(1);
    expect(nextTicketFor([t(1, "general", "dat-dai")], ["ho-tich"])).toBeNull();
  });

  it("never counts a negative wait", () => {
    expect(secondsBetween(new Date("2026-12-07T02:00:00Z"), new Date("2026-12-07T02:02:30Z"))).toBe(150);
    expect(secondsBetween(new Date("2026-12-07T02:00:00Z"), new Date("2026-12-07T01:59:00Z"))).toBe(0);
  });

  it("draws six-digit pairing codes, redrawing the values that would bias them", () => {
    const draws = [4_000_000_000, 4_294_967_295, 123];
    expect(pairingCodeFrom(() => draws.shift() as number)).toBe("000123");
    expect(pairingCodeFrom(() => 3_999_999_999)).toBe("999999");
  });
});
