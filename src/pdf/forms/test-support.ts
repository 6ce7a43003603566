/** Builders of form data for tests, with overrides, and the poppler checks the tests run on the output. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDF, PdfArray, PdfRef, PdfStream } from "@libpdf/core";
import { parseInstant } from "../../domain/calendar/index.ts";
import type {
  ApologyData,
  ControlSheetData,
  ReceiptData,
  RefusalData,
  StopNoticeData,
  SupplementRequestData,
  TrackingBookData,
  TrackingRow,
} from "./data.ts";

export const at = parseInstant;

/** Received on Monday 2 March 2026 (2025 set) unless overridden. */
export const RECEIVED_2026 = at("2026-03-02T09:30:00+07:00");
/** Received on Wednesday 24 October 2018 (2018 set). */
export const RECEIVED_2018 = at("2018-10-24T14:05:00+07:00");

const base = {
  issuer: { parentBody: "Ủy ban nhân dân xã Phủ Thông", body: "Bộ phận Một cửa", place: "Phủ Thông" },
  receivingBody: "Ủy ban nhân dân xã Phủ Thông",
  applicant: {
    name: "Nguyễn Thị Hồng Nhung",
    identityNumber: "006190001234",
    address: "Thôn Nà Pài, xã Phủ Thông, tỉnh Thái Nguyên",
    phone: "0912 345 678",
    email: "nhung.nguyen@example.vn",
  },
  procedure: "Đăng ký khai sinh",
};

export function buildReceipt(over: Partial<ReceiptData> = {}): ReceiptData {
  return {
    ...base,
    code: "H56.105-260302-0007",
    components: [
      { name: "Tờ khai đăng ký khai sinh theo mẫu", kind: "original", count: 1 },
      { name: "Giấy chứng sinh do cơ sở y tế cấp", kind: "original", count: 1 },
      { name: "Giấy chứng nhận kết hôn của cha, mẹ", kind: "copy", count: 1 },
    ],
    sets: 1,
    processingTime: "01 ngày làm việc",
    receivedAt: RECEIVED_2026,
    appointment: at("2026-03-03T09:30:00+07:00"),
    returnPlace: "Bộ phận Một cửa xã Phủ Thông",
    delivery: "counter",
    fee: "Miễn lệ phí (đăng ký khai sinh đúng hạn)",
    register: { book: "01/2026", number: 152 },
    officer: "Hoàng Văn Đức",
    lookup: { url: "https://motcua.example.vn/tra-cuu?ma=H56.105-260302-0007", secret: "K7QM2WXA" },
    ...over,
  };
}

export function buildSupplementRequest(over: Partial<SupplementRequestData> = {}): SupplementRequestData {
  return {
    ...base,
    code: "H56.105-260302-0007",
    receivedAt: RECEIVED_2026,
    requestedAt: at("2026-03-03T10:00:00+07:00"),
    items: [
      { name: "Tờ khai đăng ký khai sinh", reason: "Chưa có chữ ký của người yêu cầu" },
      {
        name: "Văn bản ủy quyền",
        reason: "Người nộp không phải cha, mẹ của trẻ; chưa có văn bản ủy quyền được chứng thực",
      },
    ],
    contact: { officer: "Hoàng Văn Đức", phone: "0209 3870 123" },
    ...over,
  };
}

export function buildRefusal(over: Partial<RefusalData> = {}): RefusalData {
  return {
    ...base,
    code: null,
    refusedAt: RECEIVED_2026,
    reasons: ["Yêu cầu không thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã"],
    officer: "Hoàng Văn Đức",
    ...over,
  };
}

export function buildApology(over: Partial<ApologyData> = {}): ApologyData {
  return {
    ...base,
    code: "H56.105-260302-0007",
    documentNumber: "25/UBND-VP",
    receivedAt: RECEIVED_2026,
    due: at("2026-03-05T09:30:00+07:00"),
    newAppointment: at("2026-03-10T16:00:00+07:00"),
    reason: "Cần xác minh thông tin nơi cư trú của người mẹ tại xã khác",
    issuedAt: at("2026-03-04T08:00:00+07:00"),
    signer: { position: "Chủ tịch", name: "Lương Văn Thành" },
    ...over,
  };
}

export function buildStopNotice(over: Partial<StopNoticeData> = {}): StopNoticeData {
  return {
    ...base,
    code: "H56.105-260302-0007",
    documentNumber: "12/TB-UBND",
    receivedAt: RECEIVED_2026,
    basis: "đơn đề nghị dừng giải quyết hồ sơ ngày 03/3/2026 của bà Nguyễn Thị Hồng Nhung",
    reason: "Người yêu cầu đề nghị dừng để bổ sung giấy tờ ở nước ngoài",
    fees: "Không phát sinh",
    issuedAt: at("2026-03-04T08:00:00+07:00"),
    signer: { position: "Chủ tịch", name: "Lương Văn Thành" },
    ...over,
  };
}

export function buildControlSheet(over: Partial<ControlSheetData> = {}): ControlSheetData {
  return {
    ...base,
    code: "H56.105-260302-0007",
    receivedAt: RECEIVED_2026,
    due: at("2026-03-05T09:30:00+07:00"),
    processingBody: "Ủy ban nhân dân xã Phủ Thông",
    coordinatingBodies: ["Công an xã Phủ Thông"],
    handovers: [
      {
        fromBody: "Bộ phận Một cửa",
        toBody: "Công chức Tư pháp - Hộ tịch",
        at: at("2026-03-02T10:15:00+07:00"),
        giver: "Hoàng Văn Đức",
        receiver: "Đàm Thị Lan",
        result: null,
      },
      {
        fromBody: "Công chức Tư pháp - Hộ tịch",
        toBody: "Chủ tịch UBND xã",
        at: at("2026-03-03T14:00:00+07:00"),
        giver: "Đàm Thị Lan",
        receiver: "Lương Văn Thành",
        result: "early",
      },
      {
        fromBody: "Chủ tịch UBND xã",
        toBody: "Bộ phận Một cửa",
        at: at("2026-03-05T11:00:00+07:00"),
        giver: "Lương Văn Thành",
        receiver: "Hoàng Văn Đức",
        result: "late",
        note: "Chờ xác minh",
      },
    ],
    printedAt: at("2026-03-05T11:30:00+07:00"),
    ...over,
  };
}

export function buildTrackingRows(n: number, start = RECEIVED_2026): TrackingRow[] {
  const names = ["Nguyễn Thị Hồng Nhung", "Trần Văn Bình", "Lê Thị Mai", "Phạm Quốc Huy", "Đặng Thu Hà"];
  return Array.from({ length: n }, (_, i) => {
    const receivedAt = start + i * 3_600_000;
    return {
      code: `H56.105-260302-${String(i + 1).padStart(4, "0")}`,
      procedure:
        i % 3 === 0
          ? "Đăng ký khai sinh"
          : i % 3 === 1
            ? "Chứng thực bản sao từ bản chính"
            : "Đăng ký kết hôn",
      sets: 1,
      applicant: names[i % names.length] as string,
      addressPhone: `Thôn ${i + 1}, xã Phủ Thông; 09${String(10_000_000 + i).slice(0, 8)}`,
      processingBody: "UBND xã Phủ Thông",
      receivedAt,
      appointment: receivedAt + 2 * 86_400_000,
      returnedAt: i % 2 === 0 ? receivedAt + 86_400_000 : null,
      signedBy: i % 2 === 0 ? (names[i % names.length] as string) : null,
    };
  });
}

export function buildTrackingBook(over: Partial<TrackingBookData> = {}): TrackingBookData {
  return {
    issuer: base.issuer,
    book: "01/2026",
    period: { from: "2026-03-01", to: "2026-03-31" },
    printedAt: at("2026-03-31T16:00:00+07:00"),
    rows: buildTrackingRows(5),
    ...over,
  };
}

const dir = mkdtempSync(join(tmpdir(), "motcua-forms-"));
let counter = 0;

/** Writes the PDF and returns pdfinfo's fields and pdftotext's text (layout kept). */
export function inspectPdf(bytes: Uint8Array): { info: Record<string, string>; text: string; file: string } {
  const file = join(dir, `form-${++counter}.pdf`);
  writeFileSync(file, bytes);
  const raw = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const info: Record<string, string> = {};
  for (const line of raw.split("\n")) {
    const i = line.indexOf(":");
    if (i > 0) info[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  return { info, text, file };
}

/** Page size in whole points, e.g. [595, 842]. */
export function pageSizePoints(info: Record<string, string>): [number, number] {
  const m = /([\d.]+) x ([\d.]+) pts/.exec(info["Page size"] ?? "");
  if (!m) throw new Error(`no page size in ${JSON.stringify(info)}`);
  return [Math.round(Number(m[1])), Math.round(Number(m[2]))];
}

/** pdftotext output with runs of whitespace made single spaces, to look for phrases across line breaks. */
export function flat(text: string): string {
  return text.replace(/\s+/g, " ");
}

export interface FilledRect {
  x: number;
  y: number;
  w: number;
  h: number;
  /** "black" or "white" fill. */
  fill: "black" | "white" | "other";
}

/**
 * The filled rectangles on the first page, read back from its decoded content streams by a small interpreter of
 * the operators that draw them (ISO 32000-1 §8.4–8.5: q, Q, cm translations, rg and g colours, m/l/h and re
 * paths, f and f* fills), so the check holds whatever writer laid the operators out.
 */
export async function filledRectangles(bytes: Uint8Array): Promise<FilledRect[]> {
  const doc = await PDF.load(bytes);
  const page = doc.getPages()[0];
  if (!page) return [];
  const contents = page.dict.get("Contents");
  const items = contents instanceof PdfArray ? contents.toArray() : contents ? [contents] : [];
  let text = "";
  for (const item of items) {
    const stream = item instanceof PdfRef ? doc.getObject(item) : item;
    if (stream instanceof PdfStream) text += `${Buffer.from(stream.getDecodedData()).toString("latin1")}\n`;
  }
  // Text objects carry strings that could look like operators: they draw no rectangle, so they are left out.
  const tokens = text
    .replace(/BT[\s\S]*?ET/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const rects: FilledRect[] = [];
  const stack: { tx: number; ty: number; fill: FilledRect["fill"] }[] = [];
  let state = { tx: 0, ty: 0, fill: "black" as FilledRect["fill"] };
  let operands: number[] = [];
  let subpaths: { x: number; y: number }[][] = [];
  const colour = (r: number, g: number, b: number): FilledRect["fill"] =>
    r === 0 && g === 0 && b === 0 ? "black" : r === 1 && g === 1 && b === 1 ? "white" : "other";
  for (const token of tokens) {
    const value = Number(token);
    if (token !== "" && !Number.isNaN(value)) {
      operands.push(value);
      continue;
    }
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = operands;
    switch (token) {
      case "q":
        stack.push({ ...state });
        break;
      case "Q":
        state = stack.pop() ?? state;
        break;
      case "cm":
        state.tx += e;
        state.ty += f;
        break;
      case "rg":
        state.fill = colour(a, b, c);
        break;
      case "g":
        state.fill = colour(a, a, a);
        break;
      case "m":
        subpaths.push([{ x: a, y: b }]);
        break;
      case "l":
        subpaths.at(-1)?.push({ x: a, y: b });
        break;
      case "re":
        subpaths.push([
          { x: a, y: b },
          { x: a + c, y: b + d },
        ]);
        break;
      case "f":
      case "f*":
        for (const points of subpaths) {
          const xs = points.map((p) => p.x);
          const ys = points.map((p) => p.y);
          const [x, y] = [Math.min(...xs), Math.min(...ys)];
          rects.push({
            x: x + state.tx,
            y: y + state.ty,
            w: Math.max(...xs) - x,
            h: Math.max(...ys) - y,
            fill: state.fill,
          });
        }
        subpaths = [];
        break;
      case "n":
      case "S":
        subpaths = [];
        break;
    }
    operands = [];
  }
  return rects;
}

/**
 * Reads back the QR symbol drawn by src/pdf/qr.ts: the white square is the symbol with its quiet zone of four
 * modules, the black rectangles inside it are runs of dark modules. Returns the module matrix, row by row.
 */
export async function drawnQrMatrix(bytes: Uint8Array, modules: number): Promise<boolean[][]> {
  const rects = await filledRectangles(bytes);
  const square = rects.find((r) => r.fill === "white" && Math.abs(r.w - r.h) < 0.01 && r.w > 30);
  if (!square) throw new Error("no QR background square on the page");
  const cell = square.w / (modules + 8);
  const grid = Array.from({ length: modules }, () => Array.from({ length: modules }, () => false));
  for (const r of rects) {
    if (r.fill !== "black") continue;
    if (r.x < square.x || r.x > square.x + square.w || r.y < square.y || r.y > square.y + square.h) continue;
    const row = Math.round((square.y + square.h - r.y - r.h) / cell) - 4;
    const col = Math.round((r.x - square.x) / cell) - 4;
    const run = Math.round(r.w / cell);
    for (let c = col; c < col + run; c++) {
      const line = grid[row];
      if (line && c >= 0 && c < modules) line[c] = true;
    }
  }
  return grid;
}
