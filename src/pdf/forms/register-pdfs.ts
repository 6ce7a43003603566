/** The control sheet (phiếu kiểm soát quá trình giải quyết hồ sơ) and the tracking book (sổ theo dõi hồ sơ) as PDF. */
import type { ControlSheetData, TrackingBookData } from "./data.ts";
import { formSetAt, formSetFor, formSpec } from "./form-sets.ts";
import { FormWriter } from "./layout.ts";
import {
  CONTROL_SHEET_COLUMNS,
  controlSheetCells,
  TRACKING_COLUMNS,
  TRACKING_GROUPS,
  trackingCells,
} from "./registers.ts";
import { hourMinuteDate, placeAndDate, shortDate } from "./text.ts";

export async function renderControlSheet(data: ControlSheetData): Promise<Uint8Array> {
  const set = data.set ?? formSetAt(data.receivedAt);
  const spec = formSpec(set, "control_sheet");
  const w = await FormWriter.create(spec, {
    title: `${spec.title} — ${data.code}`,
    createdAt: new Date(data.printedAt),
  });
  w.header(data.issuer, null);
  w.title(
    spec.title,
    [{ text: "Mã hồ sơ: " }, { text: data.code, bold: true }],
    [{ text: "(Kèm theo hồ sơ của: " }, { text: data.applicant.name, bold: true }, { text: ")" }],
  );
  w.field("Nội dung yêu cầu giải quyết", data.procedure);
  w.field("Thời gian nhận hồ sơ", hourMinuteDate(data.receivedAt));
  w.field("Thời hạn trả kết quả", hourMinuteDate(data.due));
  w.field("Cơ quan (bộ phận) giải quyết hồ sơ", data.processingBody);
  w.field(
    "Cơ quan phối hợp giải quyết hồ sơ",
    data.coordinatingBodies.length > 0 ? data.coordinatingBodies.join("; ") : "Không",
  );
  w.table(
    CONTROL_SHEET_COLUMNS,
    data.handovers.map((h, i) => controlSheetCells(h, i)),
    { size: w.size * (spec.paper === "A5" ? 0.78 : 0.8) },
  );
  w.paragraph(
    [
      {
        text: "Ghi chú: Trường hợp hồ sơ được chuyển qua dịch vụ bưu chính thì thời gian giao, nhận hồ sơ và việc ký nhận thể hiện trong hóa đơn của cơ quan bưu chính.",
      },
    ],
    { size: w.size * 0.8, align: "justify" },
  );
  if (w.doc.getPageCount() > 1) w.numberPages();
  return w.save();
}

export async function renderTrackingBook(data: TrackingBookData): Promise<Uint8Array> {
  const set = data.set ?? formSetFor(data.period.from);
  const spec = formSpec(set, "tracking_book");
  const w = await FormWriter.create(spec, {
    title: `${spec.title} ${data.period.from} – ${data.period.to}`,
    createdAt: new Date(data.printedAt),
  });
  w.header(data.issuer, placeAndDate(data.issuer.place, data.printedAt));
  const from = shortDate(Date.parse(`${data.period.from}T12:00:00+07:00`));
  const to = shortDate(Date.parse(`${data.period.to}T12:00:00+07:00`));
  const subtitle = [{ text: `Từ ngày ${from} đến ngày ${to}` }];
  w.title(
    spec.title,
    data.book ? [{ text: `Quyển số: ${data.book}` }] : subtitle,
    ...(data.book ? [subtitle] : []),
  );
  w.table(
    TRACKING_COLUMNS,
    data.rows.map((r, i) => trackingCells(r, i, data.printedAt)),
    { size: 7.5, groups: TRACKING_GROUPS },
  );
  w.numberPages();
  return w.save();
}
