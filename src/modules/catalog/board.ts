import type { EmbeddedFont, PDFPage } from "@libpdf/core";
import { rgb } from "@libpdf/core";
import type { Executor } from "../../db/database.ts";
import type { WorkingHours } from "../../db/tables/foundation.ts";
import { summarize } from "../../domain/catalog/describe.ts";
import { applyLocal } from "../../domain/catalog/local.ts";
import {
  A4,
  blockHeight,
  createDocument,
  drawLines,
  type Fonts,
  mm,
  saveDocument,
  textWidth,
  vietnameseLongDate,
  wrapText,
} from "../../pdf/document.ts";
import { drawQrCode } from "../../pdf/qr.ts";
import { getUnit, getUnitByCode, type UnitRow } from "../units/queries.ts";
import { documentOf } from "./queries.ts";
import { parseLocal } from "./service.ts";

export interface BoardRow {
  code: string | null;
  name: string;
  fieldCode: string;
  fieldName: string;
  fieldGroup: string;
  time: string;
  fee: string;
  online: "full" | "partial" | "none";
  postalReceive: boolean;
  postalDeliver: boolean;
}

export interface BoardData {
  unit: UnitRow;
  parent: UnitRow | null;
  day: string;
  rows: BoardRow[];
  lookupUrl: string;
}

/** What the unit offers on `day`, with its local fees applied, grouped by field in catalog order. */
export async function boardData(
  db: Executor,
  unitCode: string,
  day: string,
  publicUrl: string,
): Promise<BoardData> {
  const unit = await getUnitByCode(db, unitCode);
  const parent = unit.parent_id ? await getUnit(db, unit.parent_id) : null;
  const rows = await db
    .selectFrom("procedure_offerings as o")
    .innerJoin("procedure_versions as v", "v.procedure_id", "o.procedure_id")
    .innerJoin("catalog_fields as f", "f.code", "v.field_code")
    .select([
      "v.document",
      "v.code",
      "v.name",
      "v.field_code",
      "f.name_vi",
      "f.group_name",
      "v.online_level",
      "v.postal_receive",
      "v.postal_deliver",
      "o.local",
    ])
    .where("o.unit_id", "=", unit.id)
    .where("o.active", "=", true)
    .where("v.effective_from", "<=", day)
    .where((eb) => eb.or([eb("v.superseded_from", "is", null), eb("v.superseded_from", ">", day)]))
    .orderBy("f.sort")
    .orderBy("v.name")
    .execute();
  return {
    unit,
    parent,
    day,
    lookupUrl: `${publicUrl.replace(/\/$/, "")}/thu-tuc?unit=${encodeURIComponent(unit.code)}`,
    rows: rows.map((r) => {
      const summary = summarize(applyLocal(documentOf(r), parseLocal(r.local)));
      return {
        code: r.code,
        name: r.name,
        fieldCode: r.field_code,
        fieldName: r.name_vi,
        fieldGroup: r.group_name,
        time: summary.timeVi,
        fee: summary.feeVi,
        online: r.online_level,
        postalReceive: r.postal_receive,
        postalDeliver: r.postal_deliver,
      };
    }),
  };
}

const WEEKDAYS = ["", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"];

/** "Thứ Hai đến Thứ Sáu; sáng 07:30–11:30, chiều 13:30–17:00" */
export function workingHoursText(hours: WorkingHours): string {
  const days = [...hours.weekdays].sort((a, b) => a - b);
  const first = days[0] ?? 1;
  const last = days[days.length - 1] ?? 5;
  const dayText =
    days.length > 2 && last - first + 1 === days.length
      ? `${WEEKDAYS[first]} đến ${WEEKDAYS[last]}`
      : days.map((d) => WEEKDAYS[d]).join(", ");
  const sessions = hours.sessions.map((s) => {
    const part = s.start < "12:00" ? "sáng" : "chiều";
    return `${hours.sessions.length > 1 ? `${part} ` : ""}${s.start}–${s.end}`;
  });
  return `${dayText}; ${sessions.join(", ")}`;
}

const ONLINE_TEXT = { full: "Toàn trình", partial: "Một phần", none: "Không" } as const;

function deliveryText(row: BoardRow): string {
  const postal =
    row.postalReceive && row.postalDeliver
      ? "Bưu chính: nhận hồ sơ, trả kết quả"
      : row.postalReceive
        ? "Bưu chính: nhận hồ sơ"
        : row.postalDeliver
          ? "Bưu chính: trả kết quả"
          : "";
  return postal ? `${ONLINE_TEXT[row.online]}\n${postal}` : ONLINE_TEXT[row.online];
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];
function roman(n: number): string {
  return ROMAN[n - 1] ?? String(n);
}

const MARGIN = { left: mm(20), right: mm(15), top: mm(15), bottom: mm(18) };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const COLUMNS = [
  { title: "STT", width: mm(10), align: "center" as const },
  { title: "Tên thủ tục hành chính", width: mm(70), align: "left" as const },
  { title: "Thời hạn giải quyết", width: mm(30), align: "left" as const },
  { title: "Phí, lệ phí", width: mm(40), align: "left" as const },
  { title: "Dịch vụ công trực tuyến", width: CONTENT_WIDTH - mm(150), align: "left" as const },
];
const BODY = 9;
const PAD = 3;
const LINE = rgb(0.35, 0.35, 0.35);
const SHADE = rgb(0.9, 0.92, 0.95);

interface Cursor {
  page: PDFPage;
  y: number;
}

function cellLines(text: string, font: EmbeddedFont, size: number, width: number): string[] {
  return wrapText(text, font, size, width - 2 * PAD);
}

function drawRowCells(
  page: PDFPage,
  top: number,
  height: number,
  cells: { lines: string[]; font: EmbeddedFont; size: number; align: "left" | "center" }[],
  fill?: ReturnType<typeof rgb>,
): void {
  let x = MARGIN.left;
  cells.forEach((cell, i) => {
    const width = COLUMNS[i]?.width ?? 0;
    page.drawRectangle({
      x,
      y: top - height,
      width,
      height,
      borderColor: LINE,
      borderWidth: 0.5,
      ...(fill ? { color: fill } : {}),
    });
    drawLines(
      page,
      cell.lines,
      { x: x + PAD, top: top - PAD, width: width - 2 * PAD },
      {
        font: cell.font,
        size: cell.size,
        align: cell.align,
      },
    );
    x += width;
  });
}

function tableHeader(cursor: Cursor, fonts: Fonts): void {
  const cells = COLUMNS.map((c) => ({
    lines: cellLines(c.title, fonts.bold, BODY, c.width),
    font: fonts.bold,
    size: BODY,
    align: "center" as const,
  }));
  const height = Math.max(...cells.map((c) => blockHeight(c.lines.length, { size: BODY }))) + 2 * PAD;
  drawRowCells(cursor.page, cursor.y, height, cells, SHADE);
  cursor.y -= height;
}

/** The public board (bảng niêm yết) of a unit: A4 portrait, procedures grouped by field, with time, fee, online. */
export async function renderBoard(data: BoardData, createdAt: Date): Promise<Uint8Array> {
  const { unit, parent } = data;
  const { doc, fonts } = await createDocument({
    title: `Bảng niêm yết thủ tục hành chính – ${unit.name}`,
    subject: "Danh mục thủ tục hành chính tiếp nhận tại Bộ phận một cửa",
    author: unit.name,
    keywords: ["thủ tục hành chính", "niêm yết", unit.code],
    createdAt,
  });
  const pages: PDFPage[] = [];
  const newPage = (): Cursor => {
    const page = doc.addPage({ width: A4.width, height: A4.height });
    pages.push(page);
    return { page, y: A4.height - MARGIN.top };
  };
  let cursor = newPage();
  const { page } = cursor;

  // National heading (quốc hiệu) and the issuing body, as on official notices.
  const half = CONTENT_WIDTH / 2;
  const leftTop = cursor.y;
  let yLeft = drawLines(
    page,
    wrapText((parent?.name ?? "").toUpperCase(), fonts.regular, 10, half - 10),
    { x: MARGIN.left, top: leftTop, width: half - 10 },
    { font: fonts.regular, size: 10, align: "center" },
  );
  yLeft = drawLines(
    page,
    wrapText(unit.name.toUpperCase(), fonts.bold, 10, half - 10),
    { x: MARGIN.left, top: yLeft, width: half - 10 },
    { font: fonts.bold, size: 10, align: "center" },
  );
  let yRight = drawLines(
    page,
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    { x: MARGIN.left + half, top: leftTop, width: half },
    { font: fonts.bold, size: 10, align: "center" },
  );
  yRight = drawLines(
    page,
    ["Độc lập - Tự do - Hạnh phúc"],
    { x: MARGIN.left + half, top: yRight, width: half },
    { font: fonts.bold, size: 11, align: "center" },
  );
  const mottoWidth = textWidth(fonts.bold, "Độc lập - Tự do - Hạnh phúc", 11);
  page.drawLine({
    start: { x: MARGIN.left + half + (half - mottoWidth) / 2, y: yRight - 2 },
    end: { x: MARGIN.left + half + (half + mottoWidth) / 2, y: yRight - 2 },
    thickness: 0.6,
  });
  cursor.y = Math.min(yLeft, yRight) - mm(6);

  // Title, with a QR code to the online catalog beside it.
  const qrSize = mm(22);
  const titleTop = cursor.y;
  const qrBottom = titleTop - qrSize + mm(2);
  drawQrCode(page, data.lookupUrl, A4.width - MARGIN.right - qrSize, qrBottom, qrSize);
  const titleBox = { x: MARGIN.left + qrSize + mm(2), width: CONTENT_WIDTH - 2 * (qrSize + mm(2)) };
  cursor.y = drawLines(
    page,
    ["BẢNG NIÊM YẾT THỦ TỤC HÀNH CHÍNH"],
    { ...titleBox, top: titleTop },
    { font: fonts.bold, size: 14, align: "center" },
  );
  cursor.y = drawLines(
    page,
    wrapText(`tiếp nhận tại Bộ phận một cửa của ${unit.name}`, fonts.regular, 11, titleBox.width),
    { ...titleBox, top: cursor.y - 2 },
    { font: fonts.regular, size: 11, align: "center" },
  );
  cursor.y = Math.min(cursor.y, qrBottom) - mm(3);

  const info = [
    unit.address ? `Địa chỉ: ${unit.address}` : null,
    unit.phone ? `Điện thoại: ${unit.phone}` : null,
    `Thời gian tiếp nhận hồ sơ: ${workingHoursText(unit.working_hours)}. Hồ sơ nhận sau ${unit.working_hours.lateReceptionCutoff} được chuyển xử lý vào ngày làm việc tiếp theo.`,
    `Số thủ tục niêm yết: ${data.rows.length}. Tra cứu thành phần hồ sơ, trình tự, mẫu đơn: ${data.lookupUrl}`,
  ].filter((s): s is string => s !== null);
  for (const line of info) {
    cursor.y = drawLines(
      page,
      wrapText(line, fonts.regular, 10, CONTENT_WIDTH),
      { x: MARGIN.left, top: cursor.y, width: CONTENT_WIDTH },
      {
        font: fonts.regular,
        size: 10,
      },
    );
  }
  cursor.y -= mm(3);

  tableHeader(cursor, fonts);
  const ensure = (height: number) => {
    if (cursor.y - height < MARGIN.bottom) {
      cursor = newPage();
      tableHeader(cursor, fonts);
    }
  };

  let fieldIndex = 0;
  let number = 0;
  let currentField = "";
  for (const row of data.rows) {
    if (row.fieldCode !== currentField) {
      currentField = row.fieldCode;
      fieldIndex++;
      const title = `${roman(fieldIndex)}. LĨNH VỰC ${row.fieldName.toUpperCase()} (${row.fieldGroup})`;
      const lines = wrapText(title, fonts.bold, BODY, CONTENT_WIDTH - 2 * PAD);
      const height = blockHeight(lines.length, { size: BODY }) + 2 * PAD;
      ensure(height + 30);
      cursor.page.drawRectangle({
        x: MARGIN.left,
        y: cursor.y - height,
        width: CONTENT_WIDTH,
        height,
        color: SHADE,
        borderColor: LINE,
        borderWidth: 0.5,
      });
      drawLines(
        cursor.page,
        lines,
        { x: MARGIN.left + PAD, top: cursor.y - PAD, width: CONTENT_WIDTH - 2 * PAD },
        {
          font: fonts.bold,
          size: BODY,
        },
      );
      cursor.y -= height;
    }
    number++;
    const texts = [
      String(number),
      row.code ? `${row.name}\n(Mã: ${row.code})` : row.name,
      row.time,
      row.fee,
      deliveryText(row),
    ];
    const cells = texts.map((text, i) => {
      const col = COLUMNS[i] ?? { width: 0, align: "left" as const };
      return {
        lines: cellLines(text, fonts.regular, BODY, col.width),
        font: fonts.regular,
        size: BODY,
        align: col.align,
      };
    });
    const height = Math.max(...cells.map((c) => blockHeight(c.lines.length, { size: BODY }))) + 2 * PAD;
    ensure(height);
    drawRowCells(cursor.page, cursor.y, height, cells);
    cursor.y -= height;
  }
  if (data.rows.length === 0) {
    ensure(30);
    cursor.y = drawLines(
      cursor.page,
      ["Đơn vị chưa niêm yết thủ tục hành chính nào."],
      { x: MARGIN.left, top: cursor.y - 6, width: CONTENT_WIDTH },
      { font: fonts.regular, size: 10, align: "center" },
    );
  }

  // Place and date, as the board is signed off by the unit.
  ensure(mm(12));
  const placeName = unit.name
    .replace(/^UBND\s+/i, "")
    .replace(/^(xã|phường|thị trấn|huyện|tỉnh|đặc khu)\s+/i, "");
  drawLines(
    cursor.page,
    [`${placeName}, ${vietnameseLongDate(data.day)}`],
    { x: MARGIN.left + half, top: cursor.y - mm(4), width: half },
    { font: fonts.regular, size: 10, align: "center" },
  );

  pages.forEach((p, i) => {
    const label = `Trang ${i + 1}/${pages.length}`;
    p.drawText(label, {
      x: A4.width - MARGIN.right - textWidth(fonts.regular, label, 8),
      y: MARGIN.bottom - mm(8),
      size: 8,
      font: fonts.regular,
    });
    const left = `${unit.name} – bảng niêm yết áp dụng từ ${data.day.split("-").reverse().join("/")}`;
    p.drawText(left, { x: MARGIN.left, y: MARGIN.bottom - mm(8), size: 8, font: fonts.regular });
  });
  return saveDocument(doc);
}
