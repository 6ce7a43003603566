import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInstant } from "../calendar/index.ts";
import {
  dossierCodeFor,
  dossierCodeFormat,
  dossierCodeFormatFor,
  formatDossierCode,
  isDossierCode,
  parseDossierCode,
} from "./dossier-code.ts";
import { CodeError } from "./errors.ts";

describe("dossier code formats by reception date", () => {
  it("uses the 2018 layout until 30/6/2025 and NĐ 118/2025 art. 28 (the resolving authority) from 1/7/2025, when NĐ 118 took effect (art. 40)", () => {
    expect(dossierCodeFormatFor("2019-01-06").id).toBe("tt01-2018");
    expect(dossierCodeFormatFor("2025-06-30").id).toBe("tt01-2018");
    expect(dossierCodeFormatFor("2025-07-01").id).toBe("tt03-2025");
    expect(dossierCodeFormatFor("2025-09-15").id).toBe("tt03-2025");
    expect(dossierCodeFormatFor("2026-03-02").id).toBe("tt03-2025");
  });

  it("gives centralised systems the TT 04/2025 layout from 25/01/2026", () => {
    expect(dossierCodeFormatFor("2026-01-24", "centralised").id).toBe("tt03-2025");
    expect(dossierCodeFormatFor("2026-01-25", "centralised").id).toBe("tt04-2025");
  });

  it("has no format before TT 01/2018 took effect", () => {
    expect(() => dossierCodeFormatFor("2019-01-05")).toThrow(CodeError);
  });
});

describe("dossier codes", () => {
  it("writes the TT 01/2018 example code", () => {
    const code = formatDossierCode(dossierCodeFormat("tt01-2018"), {
      agencyCode: "000.00.15.H09",
      date: "2018-10-24",
      sequence: 1,
      series: null,
    });
    expect(code).toBe("000.00.15.H09-181024-0001");
  });

  it("takes the date from the local day in Vietnam, not UTC", () => {
    // 23:30 UTC on 14/9/2025 is 06:30 on 15/9/2025 in Vietnam: the 2025 layout and date.
    const { code, format } = dossierCodeFor({
      agencyCode: "H55.242",
      receivedAt: parseInstant("2025-09-14T23:30:00Z"),
      sequence: 42,
    });
    expect(code).toBe("H55.242-250915-0042");
    expect(format.id).toBe("tt03-2025");
  });

  it("writes the TT 04/2025 layout with its series", () => {
    const { code } = dossierCodeFor({
      agencyCode: "H55.242.01",
      receivedAt: parseInstant("2026-02-02T09:00:00+07:00"),
      sequence: 7,
      series: "A1",
      scope: "centralised",
    });
    expect(code).toBe("H55.242.01-260202-A10007");
    expect(parseDossierCode(code)).toMatchObject({ format: "tt04-2025", series: "A1", sequence: 7 });
  });

  it("refuses a top-down identifier in the 2018 layout and a sequence out of range", () => {
    const f2018 = dossierCodeFormat("tt01-2018");
    expect(() =>
      formatDossierCode(f2018, { agencyCode: "H55.242", date: "2024-05-02", sequence: 1, series: null }),
    ).toThrow(expect.objectContaining({ code: "AGENCY_STYLE_MISMATCH" }));
    expect(() =>
      formatDossierCode(f2018, {
        agencyCode: "000.00.15.H09",
        date: "2024-05-02",
        sequence: 10_000,
        series: null,
      }),
    ).toThrow(expect.objectContaining({ code: "SEQUENCE_OUT_OF_RANGE" }));
    expect(() =>
      formatDossierCode(f2018, {
        agencyCode: "000.00.15.H09",
        date: "2024-02-30",
        sequence: 1,
        series: null,
      }),
    ).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
  });

  it("refuses malformed codes", () => {
    for (const bad of [
      "000.00.15.H09-181024-001",
      "000.00.15.H09-181324-0001",
      "000.00.15.H09-181024-0000",
      "000.00.15.H09-181024",
      "H55.242-180101-0001",
      "000.00.15.H09-990101-A10001",
      "H55.242 -250915-0001",
    ]) {
      expect(isDossierCode(bad), bad).toBe(false);
    }
  });

  it("parses what it formats, for any agency, date and sequence", () => {
    const qcvn = fc
      .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 99 }))
      .map(([l2, l1]) => `000.00.${String(l2).padStart(2, "0")}.H${String(l1).padStart(2, "0")}`);
    const topdown = fc
      .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 999 }))
      .map(([l1, l2]) => `H${String(l1).padStart(2, "0")}.${String(l2).padStart(3, "0")}`);
    const day = fc.date({
      min: new Date("2019-01-06T00:00:00Z"),
      max: new Date("2099-12-31T00:00:00Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(fc.oneof(qcvn, topdown), day, fc.integer({ min: 1, max: 9999 }), (agency, d, sequence) => {
        const date = d.toISOString().slice(0, 10);
        const format = dossierCodeFormatFor(date);
        fc.pre(format.agencyStyles.includes(agency.includes("000.") ? "qcvn102" : "topdown"));
        const code = formatDossierCode(format, { agencyCode: agency, date, sequence, series: null });
        const parsed = parseDossierCode(code);
        expect(parsed).toMatchObject({ agencyCode: agency, date, sequence, format: format.id });
      }),
      { numRuns: 500 },
    );
  });
});
