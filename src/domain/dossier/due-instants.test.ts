/**
 * Due instants on real 2026 dates, each written by hand from the rule named in the test. The Tết 2026 break runs
 * from Saturday 14/02 to Sunday 22/02/2026 (Thông báo 9441/TB-BNV), so Friday 13/02 is the last working day
 * before it and Monday 23/02 the first after it.
 */
import { describe, expect, it } from "vitest";
import { type Instant, parseInstant } from "../calendar/index.ts";
import type { DossierEvent } from "./events.ts";
import { drive } from "./test-support.ts";

const at = (local: string): Instant => parseInstant(`${local}+07:00`);
const items = [{ name: "Bản sao giấy tờ tùy thân", reason: "Bản chụp không rõ" }];
const sameDay: DossierEvent = { type: "accept", duration: { sameDay: true } };
const threeDays: DossierEvent = { type: "accept", duration: { workingDays: 3 } };

interface Row {
  rule: string;
  steps: [string, DossierEvent][];
  due: string;
  appointment?: string;
}

const rows: Row[] = [
  {
    rule: "same day, received 09:00 on the Friday before Tết: due that day at closing (Luật Hộ tịch 2014 art. 5(3))",
    steps: [["2026-02-13T09:00", sameDay]],
    due: "2026-02-13T17:00",
  },
  {
    rule: "same day, received 14:59: due that day (Luật Hộ tịch 2014 art. 5(3); NĐ 23/2015 art. 7(1))",
    steps: [["2026-02-13T14:59", sameDay]],
    due: "2026-02-13T17:00",
  },
  {
    rule: "same day, received 15:00 sharp — not after 15:00: due that day (Luật Hộ tịch 2014 art. 5(3))",
    steps: [["2026-02-13T15:00", sameDay]],
    due: "2026-02-13T17:00",
  },
  {
    rule: "same day, received 15:30: due the next working day, after the Tết break (Luật Hộ tịch 2014 art. 5(3); NĐ 61/2018 art. 18(2))",
    steps: [["2026-02-13T15:30", sameDay]],
    due: "2026-02-23T17:00",
  },
  {
    rule: "same day, received 15:30 on Monday 23/11/2026: the next working day skips Culture Day 24/11 (Luật Hộ tịch 2014 art. 5(3))",
    steps: [["2026-11-23T15:30", sameDay]],
    due: "2026-11-25T17:00",
  },
  {
    rule: "3 working days from Friday 13/02 09:00: 23, 24, 25 February (BLDS 2015 art. 147–148)",
    steps: [["2026-02-13T09:00", threeDays]],
    due: "2026-02-25T17:00",
  },
  {
    rule: "chứng thực extended by 2 working days at reception on Friday 13/02: 23 and 24 February (NĐ 23/2015 art. 7(2))",
    steps: [
      [
        "2026-02-13T09:00",
        {
          type: "accept",
          duration: { sameDay: true },
          extension: { total: { workingDays: 2 }, reason: "Bản chính có nhiều trang" },
        },
      ],
    ],
    due: "2026-02-24T17:00",
  },
  {
    rule: "kết hôn extended during processing to 5 working days from Monday 09/02: 10, 11, 12, 13, 23 February (Luật Hộ tịch 2014 art. 18(2))",
    steps: [
      ["2026-02-09T09:00", sameDay],
      [
        "2026-02-09T10:00",
        {
          type: "extend",
          extension: { total: { workingDays: 5 }, reason: "Cần xác minh điều kiện kết hôn" },
        },
      ],
    ],
    due: "2026-02-23T17:00",
  },
  {
    rule: "supplement restart: complete again Friday 13/02 15:30, 3 working days from zero: 23, 24, 25 February (NĐ 118/2025 art. 19(5))",
    steps: [
      ["2026-02-09T09:00", threeDays],
      ["2026-02-10T10:00", { type: "request_citizen_supplement", items }],
      ["2026-02-13T15:30", { type: "supplement_received" }],
    ],
    due: "2026-02-25T17:00",
  },
  {
    rule: "apology after the due date: due stays Thursday 12/02 17:00, the new appointment is 24/02 16:00 (NĐ 118/2025 art. 19(6))",
    steps: [
      ["2026-02-09T09:00", threeDays],
      [
        "2026-02-13T10:00",
        {
          type: "apologise_and_reschedule",
          reason: "Chờ ý kiến cơ quan phối hợp",
          newAppointment: at("2026-02-24T16:00"),
        },
      ],
    ],
    due: "2026-02-12T17:00",
    appointment: "2026-02-24T16:00",
  },
];

describe("due instants on 2026 dates", () => {
  for (const row of rows) {
    it(row.rule, () => {
      const first = at((row.steps[0] as [string, DossierEvent])[0]);
      const { state } = drive(
        "counter",
        first,
        row.steps.map(([when, event]) => [at(when), event] as const),
      );
      expect(state.due).toBe(at(row.due));
      expect(state.appointment).toBe(at(row.appointment ?? row.due));
    });
  }

  it("counts the apology after the due date as late and as issued late (NĐ 118/2025 art. 19(6))", () => {
    const { state } = drive("counter", at("2026-02-09T09:00"), [
      [at("2026-02-09T09:00"), threeDays],
      [
        at("2026-02-13T10:00"),
        { type: "apologise_and_reschedule", reason: "Chờ ý kiến", newAppointment: at("2026-02-24T16:00") },
      ],
    ]);
    expect(state.late).toBe(true);
    expect(state.apologyOnTime).toBe(false);
  });

  it("refuses an extension once the due date has passed (a delay needs an apology, NĐ 118/2025 art. 19(6))", () => {
    expect(() =>
      drive("counter", at("2026-02-09T09:00"), [
        [at("2026-02-09T09:00"), sameDay],
        [
          at("2026-02-10T08:00"),
          { type: "extend", extension: { total: { workingDays: 5 }, reason: "Xác minh" } },
        ],
      ]),
    ).toThrow("EXTENSION_TOO_LATE");
  });
});
