/**
 * How catalog values are written in the officers' spreadsheet: Vietnamese words for the enumerations, durations
 * as "15 ngày làm việc", per-page fee tiers as "1-2: 2000; 3-: 1000". Each parser accepts what the writer produces
 * and the schema's own codes, without regard to case or diacritics.
 */
import type { Duration, TimeLimit } from "../../domain/catalog/procedure-schema.ts";
import { withoutDiacritics } from "../../domain/text/vietnamese.ts";

/** Lower case, no diacritics, đ as d, runs of anything but letters, digits and brackets as one space. */
export function fold(text: string): string {
  return withoutDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9()]+/g, " ")
    .trim();
}

/** An enumeration with the Vietnamese word written for each code; the code itself is accepted too. */
export class Vocabulary<T extends string> {
  private readonly byFolded = new Map<string, T>();
  constructor(
    readonly words: Record<T, string>,
    aliases: Record<string, NoInfer<T>> = {},
  ) {
    for (const [code, word] of Object.entries(words) as [T, string][]) {
      this.byFolded.set(fold(word), code);
      this.byFolded.set(fold(code), code);
      this.byFolded.set(code, code);
    }
    for (const [alias, code] of Object.entries(aliases)) if (code) this.byFolded.set(fold(alias), code);
  }
  write(code: T): string {
    return this.words[code];
  }
  read(text: string): T | undefined {
    return this.byFolded.get(fold(text)) ?? this.byFolded.get(text.trim());
  }
  /** The words, for messages and the guide sheet. */
  list(): string {
    return Object.values<string>(this.words).join(", ");
  }
}

export const CODE_STATUS = new Vocabulary({
  confirmed: "đã xác nhận",
  reported: "theo nguồn thứ cấp",
  unverified: "chưa xác minh",
  synthetic: "tổng hợp",
});
export const ONLINE = new Vocabulary(
  { full: "toàn trình", partial: "một phần", none: "không" },
  { "muc do 4": "full", "muc do 3": "partial" },
);
export const LEVELS = new Vocabulary({ commune: "xã", district: "huyện", province: "tỉnh" });
export const APPLICANTS = new Vocabulary({ individual: "cá nhân", organization: "tổ chức" });
export const HANDLING = new Vocabulary({ submit: "nộp", present: "xuất trình" });
export const FEE_KIND = new Vocabulary({
  free: "không thu",
  fixed: "cố định",
  per_page: "theo trang",
  per_copy: "theo bản",
  council_resolution: "nghị quyết HĐND",
});
export const FEE_TYPE = new Vocabulary({ phi: "phí", le_phi: "lệ phí" });
export const FIXED_PER = new Vocabulary({
  dossier: "hồ sơ",
  case: "trường hợp",
  contract: "hợp đồng, giao dịch",
});
export const COUNCIL_PER = new Vocabulary({ case: "trường hợp", copy: "bản" });
export const AMOUNT_STATUS = new Vocabulary({ confirmed: "đã xác nhận", unverified: "chưa xác minh" });
export const RESULT_KIND = new Vocabulary({
  certificate: "giấy chứng nhận",
  extract: "trích lục",
  certified_copy: "bản sao chứng thực",
  decision: "quyết định",
  written_reply: "văn bản trả lời",
  confirmation: "giấy xác nhận",
  registration: "đăng ký",
  commendation: "khen thưởng",
});
export const ROLE = new Vocabulary({
  reception: "tiếp nhận",
  specialist: "chuyên viên",
  leader: "lãnh đạo",
  clerk: "văn thư",
});
export const COMPONENT_MODE = new Vocabulary({ inherit: "kế thừa", add: "thêm", replace: "thay thế" });
export const FEE_MODE = new Vocabulary({ inherit: "kế thừa", replace: "thay thế" });
export const YES_NO = new Vocabulary({ yes: "có", no: "không" }, { x: "yes", true: "yes", false: "no" });

/** A list cell: one item a line. */
export function readLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A list of words in one cell, separated by commas or semicolons ("xã, huyện"). */
export function readList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function writeTimeLimit(limit: TimeLimit): string {
  if (limit.kind === "same_day") {
    return limit.variant === "on_the_spot"
      ? `giải quyết ngay (${limit.workingHours} giờ làm việc)`
      : `trong ngày (${limit.workingHours} giờ làm việc)`;
  }
  return writeDuration(limit);
}

export function writeDuration(d: Duration): string {
  switch (d.unit) {
    case "working_days":
      return `${d.value} ngày làm việc`;
    case "working_hours":
      return `${d.value} giờ làm việc`;
    case "calendar_days":
      return `${d.value} ngày`;
  }
}

/** "15 ngày làm việc", "8 giờ làm việc", "30 ngày", "trong ngày (8 giờ làm việc)", "giải quyết ngay". */
export function readTimeLimit(text: string): TimeLimit | undefined {
  const t = fold(text);
  const sameDay = /^trong ngay(?: \((\d+) gio(?: lam viec)?\))?$/.exec(t);
  if (sameDay) {
    return {
      kind: "same_day",
      variant: "same_day",
      workingHours: sameDay[1] ? Number(sameDay[1]) : 8,
      cutoff: "15:00",
      afterCutoff: "next_working_day",
    };
  }
  const spot = /^(?:giai quyet )?ngay(?: \((\d+) gio(?: lam viec)?\))?$/.exec(t);
  if (spot) {
    return {
      kind: "same_day",
      variant: "on_the_spot",
      workingHours: spot[1] ? Number(spot[1]) : 2,
      cutoff: "15:00",
      afterCutoff: "next_working_day",
    };
  }
  return readDuration(text);
}

export function readDuration(text: string): Duration | undefined {
  const t = fold(text);
  const m = /^(\d+) (ngay lam viec|gio lam viec|gio|ngay)$/.exec(t);
  if (!m) return undefined;
  const value = Number(m[1]);
  const unit =
    m[2] === "ngay lam viec" ? "working_days" : m[2] === "ngay" ? "calendar_days" : "working_hours";
  return { kind: "duration", value, unit };
}

/** An amount in đồng: a number, or text such as "2.000", "2,000 đ", "200000". */
export function readAmount(value: string | number): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value : undefined;
  const digits = value.replace(/[\s.,]/g, "").replace(/(đồng|đ|vnd)$/i, "");
  return /^\d{1,12}$/.test(digits) ? Number(digits) : undefined;
}

export interface Tier {
  fromPage: number;
  toPage: number | null;
  vndPerPage: number;
}

export function writeTiers(tiers: readonly Tier[]): string {
  return tiers.map((t) => `${t.fromPage}-${t.toPage ?? ""}: ${t.vndPerPage}`).join("; ");
}

/** "1-2: 2000; 3-: 1000" */
export function readTiers(text: string): Tier[] | undefined {
  const parts = text
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
  const tiers: Tier[] = [];
  for (const part of parts) {
    const m = /^(\d+)\s*[-–]\s*(\d*)\s*:\s*([\d.,\s]+)(?:đ|đồng)?$/i.exec(part);
    if (!m) return undefined;
    const amount = readAmount(m[3] ?? "");
    if (amount === undefined) return undefined;
    tiers.push({ fromPage: Number(m[1]), toPage: m[2] ? Number(m[2]) : null, vndPerPage: amount });
  }
  return tiers.length > 0 ? tiers : undefined;
}
