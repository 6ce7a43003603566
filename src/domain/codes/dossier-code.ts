/**
 * Dossier codes (mã số hồ sơ), versioned by the date the dossier was received.
 *
 * - `tt01-2018` — TT 01/2018/TT-VPCP art. 19, in force from 06/01/2019 [V: the article as quoted on seongay.com
 *   and khcn.cinet.vn]: `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX`, the QCVN 102 unit code, the reception date
 *   (two digits each of year, month, day) and "số thứ tự hồ sơ tiếp nhận trong ngày, gồm 04 ký tự số"; art.
 *   19(2) allows a barcode or QR code beside it. The unit is the one that received the dossier.
 * - `tt03-2025` — NĐ 118/2025/NĐ-CP art. 28 builds the code from the identifier of the authority that RESOLVES
 *   the dossier, the date and a daily sequence [V per DOMAIN.md]; a dossier transferred to another resolving
 *   authority keeps its code, and the resolving authority is recorded beside it. Applies to dossiers received
 *   from 01/7/2025, the day NĐ 118/2025 took effect (art. 40) [V per DOMAIN.md, "Which texts apply"]: the rule is
 *   the decree's, not the circular's. TT 03/2025/TT-VPCP (15/9/2025) gives the layout in art. 13, which could not
 *   be read here. Assumed [?]: `<identifier>-YYMMDD-XXXX`, the identifier in either style — the 2018 shape.
 * - `tt04-2025` — TT 04/2025/TT-VPCP, from 25/01/2026, for centralised systems [S via DOMAIN.md]:
 *   `MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX` — a top-down identifier, the date, a two-character series AA [? meaning
 *   not confirmed: taken as two uppercase letters or digits supplied by the system] and the daily sequence.
 *
 * The daily sequence belongs to the agency in the code and the local date in Vietnam (UTC+7); allocating it
 * without gaps or duplicates under concurrent reception is the caller's job (a locked counter row per agency and day).
 */
import { formatLocalDate, type Instant, localDayOf, parseLocalDate } from "../calendar/index.ts";
import { type AgencyCode, type AgencyCodeStyle, parseAgencyCode } from "./agency-code.ts";
import { CodeError } from "./errors.ts";

export type DossierCodeFormatId = "tt01-2018" | "tt03-2025" | "tt04-2025";

/** Which systems a format is for: every one-stop system, or only centralised (national/ministry) systems. */
export type DossierCodeScope = "all" | "centralised";

export interface DossierCodeFormat {
  id: DossierCodeFormatId;
  /** First reception date (local, YYYY-MM-DD) the format applies to. */
  effectiveFrom: string;
  scope: DossierCodeScope;
  /** The agency whose identifier leads the code. */
  agency: "receiving" | "resolving";
  /** Identifier styles the format accepts. */
  agencyStyles: readonly AgencyCodeStyle[];
  /** Does the sequence carry the two-character series AA? */
  series: boolean;
  /** The layout as the legal text writes it. */
  layout: string;
  source: string;
}

export const DOSSIER_CODE_FORMATS: readonly DossierCodeFormat[] = [
  {
    id: "tt01-2018",
    effectiveFrom: "2019-01-06",
    scope: "all",
    agency: "receiving",
    agencyStyles: ["qcvn102"],
    series: false,
    layout: "V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX",
    source: "TT 01/2018/TT-VPCP art. 19",
  },
  {
    id: "tt03-2025",
    effectiveFrom: "2025-07-01",
    scope: "all",
    agency: "resolving",
    agencyStyles: ["qcvn102", "topdown"],
    series: false,
    layout: "<mã định danh cơ quan giải quyết>-YYMMDD-XXXX",
    source:
      "NĐ 118/2025/NĐ-CP art. 28, in force 01/7/2025 (art. 40); TT 03/2025/TT-VPCP art. 13 (layout assumed)",
  },
  {
    id: "tt04-2025",
    effectiveFrom: "2026-01-25",
    scope: "centralised",
    agency: "resolving",
    agencyStyles: ["topdown"],
    series: true,
    layout: "MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX",
    source: "TT 04/2025/TT-VPCP",
  },
];

export const MAX_DAILY_SEQUENCE = 9999;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const SERIES_PATTERN = /^[0-9A-Z]{2}$/;

function checkDate(date: string): number {
  if (typeof date !== "string" || !DATE_PATTERN.test(date)) throw new CodeError("INVALID_DATE", { date });
  try {
    return parseLocalDate(date);
  } catch {
    throw new CodeError("INVALID_DATE", { date });
  }
}

/**
 * The format for a dossier received on `receivedOn` (local date): the newest one in force for the scope. A
 * centralised system takes the newest format of either scope; other systems only formats for all.
 */
export function dossierCodeFormatFor(receivedOn: string, scope: DossierCodeScope = "all"): DossierCodeFormat {
  checkDate(receivedOn);
  let chosen: DossierCodeFormat | null = null;
  for (const format of DOSSIER_CODE_FORMATS) {
    if (format.effectiveFrom > receivedOn) continue;
    if (format.scope === "centralised" && scope !== "centralised") continue;
    if (chosen === null || format.effectiveFrom >= chosen.effectiveFrom) chosen = format;
  }
  if (chosen === null) throw new CodeError("FORMAT_NOT_IN_FORCE", { receivedOn });
  return chosen;
}

export function dossierCodeFormat(id: DossierCodeFormatId): DossierCodeFormat {
  return DOSSIER_CODE_FORMATS.find((f) => f.id === id) as DossierCodeFormat;
}

export interface DossierCodeParts {
  agencyCode: string;
  /** Local reception date, YYYY-MM-DD (years 2000–2099: the code keeps two digits). */
  date: string;
  /** 1…9999 within the agency and day. */
  sequence: number;
  /** The AA series of the tt04-2025 format; null otherwise. */
  series: string | null;
}

function checkParts(format: DossierCodeFormat, parts: DossierCodeParts): AgencyCode {
  const agency = parseAgencyCode(parts.agencyCode);
  if (!agency) throw new CodeError("INVALID_AGENCY_CODE", { value: parts.agencyCode });
  if (!format.agencyStyles.includes(agency.style)) {
    throw new CodeError("AGENCY_STYLE_MISMATCH", { format: format.id, style: agency.style });
  }
  checkDate(parts.date);
  const year = Number(parts.date.slice(0, 4));
  if (year < 2000 || year > 2099) throw new CodeError("INVALID_DATE", { date: parts.date });
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > MAX_DAILY_SEQUENCE) {
    throw new CodeError("SEQUENCE_OUT_OF_RANGE", { sequence: parts.sequence });
  }
  if (format.series ? !(parts.series !== null && SERIES_PATTERN.test(parts.series)) : parts.series !== null) {
    throw new CodeError("INVALID_SERIES", { format: format.id, series: parts.series });
  }
  return agency;
}

/**
 * Writes a code in `format`; throws CodeError when a part does not fit it. The date is not checked against the
 * format's effective date (use dossierCodeFormatFor to choose the format): old codes must stay writable.
 */
export function formatDossierCode(format: DossierCodeFormat, parts: DossierCodeParts): string {
  checkParts(format, parts);
  const yymmdd = parts.date.slice(2, 4) + parts.date.slice(5, 7) + parts.date.slice(8, 10);
  const seq = String(parts.sequence).padStart(4, "0");
  return `${parts.agencyCode}-${yymmdd}-${format.series ? (parts.series as string) : ""}${seq}`;
}

export interface ParsedDossierCode extends DossierCodeParts {
  format: DossierCodeFormatId;
  agency: AgencyCode;
}

const CODE_PATTERN = /^([0-9A-Z.]+)-(\d{2})(\d{2})(\d{2})-([0-9A-Z]{2})?(\d{4})$/;

/**
 * Reads a code and tells which format it follows (a series means tt04-2025; otherwise the reception date
 * decides between tt01-2018 and tt03-2025). Null when it is malformed or fits no format in force on its date.
 */
export function parseDossierCode(text: string): ParsedDossierCode | null {
  if (typeof text !== "string") return null;
  const m = CODE_PATTERN.exec(text.trim().toUpperCase());
  if (!m) return null;
  const [, agencyText, yy, mm, dd, series, seq] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
    string,
  ];
  const date = `20${yy}-${mm}-${dd}`;
  const parts: DossierCodeParts = {
    agencyCode: agencyText,
    date,
    sequence: Number(seq),
    series: series ?? null,
  };
  let format: DossierCodeFormat;
  try {
    // Codes in the 2018 layout predate TT 01/2018 in pilot systems (e.g. 2018 codes of the seed article), so the
    // reception date only separates the 2018 and 2025 layouts; a series code must date from TT 04/2025 on.
    const f2025 = dossierCodeFormat("tt03-2025");
    if (series !== undefined) format = dossierCodeFormat("tt04-2025");
    else format = date < f2025.effectiveFrom ? dossierCodeFormat("tt01-2018") : f2025;
    if (series !== undefined && date < format.effectiveFrom) return null;
    const agency = checkParts(format, parts);
    return { ...parts, format: format.id, agency };
  } catch (error) {
    if (error instanceof CodeError) return null;
    throw error;
  }
}

export function isDossierCode(text: string): boolean {
  return parseDossierCode(text) !== null;
}

/**
 * The code of a dossier received at `receivedAt` (its local date in Vietnam picks the format) for the agency
 * the format names — the receiving unit before 1/7/2025, the resolving authority from then (NĐ 118/2025 art. 28,
 * in force 1/7/2025 under art. 40).
 */
export function dossierCodeFor(input: {
  agencyCode: string;
  receivedAt: Instant;
  sequence: number;
  series?: string | null;
  scope?: DossierCodeScope;
}): { code: string; format: DossierCodeFormat } {
  const date = formatLocalDate(localDayOf(input.receivedAt));
  const format = dossierCodeFormatFor(date, input.scope ?? "all");
  const code = formatDossierCode(format, {
    agencyCode: input.agencyCode,
    date,
    sequence: input.sequence,
    series: format.series ? (input.series ?? null) : null,
  });
  return { code, format };
}
