/**
 * The electronic receipt of a fee payment (biên lai thu phí, lệ phí điện tử), on A5: the collecting unit and the
 * national motto, the receipt number, the payer, the dossier, the amount in figures and in words, how it was paid
 * with the gateway's transaction number, and the time. Electronic receipts of fees and charges are governed by
 * NĐ 123/2020/NĐ-CP (hóa đơn, chứng từ) and TT 78/2021/TT-BTC [S]; the layout of a registered receipt template
 * (mẫu số, ký hiệu) is set by each collecting body, so this one carries the system's own series "BLĐT".
 */
import { rgb } from "@libpdf/core";
import { vndInWords } from "../domain/money/vnd-in-words.ts";
import {
  createDocument,
  drawLines,
  drawParagraph,
  mm,
  nfc,
  saveDocument,
  vietnameseLongDate,
  wrapText,
} from "./document.ts";

export interface PaymentReceiptData {
  receiptNumber: string;
  unit: { name: string; parentName: string | null; place: string };
  payer: { name: string; identityNumber: string | null; address: string | null };
  dossierCode: string;
  procedureName: string;
  amountVnd: number;
  method: "vnpay" | "cash" | "bank_transfer";
  /** The gateway's transaction number, or the desk's reference. */
  transactionNo: string | null;
  txnRef: string;
  paidAt: Date;
  /** Who recorded it at the desk (counter payments). */
  collectedBy: string | null;
  /** Where the receipt can be checked or downloaded again. */
  url: string | null;
}

const A5 = { width: mm(148), height: mm(210) };
const METHOD_TEXT: Record<PaymentReceiptData["method"], string> = {
  vnpay: "Thanh toán trực tuyến qua cổng thanh toán VNPay",
  cash: "Tiền mặt tại Bộ phận Một cửa",
  bank_transfer: "Chuyển khoản",
};

/** Local (UTC+7) date and time: "09:05, ngày 30 tháng 11 năm 2026". */
export function vietnamTime(at: Date): { iso: string; text: string } {
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString();
  const iso = local.slice(0, 10);
  return { iso, text: `${local.slice(11, 16)}, ${vietnameseLongDate(iso)}` };
}

export function formatVnd(amount: number): string {
  return `${amount.toLocaleString("vi-VN")} đồng`;
}

export async function paymentReceiptPdf(data: PaymentReceiptData): Promise<Uint8Array> {
  const { doc, fonts } = await createDocument({
    title: `Biên lai thu phí, lệ phí điện tử số ${data.receiptNumber}`,
    subject: `Hồ sơ ${data.dossierCode}`,
    author: data.unit.name,
    keywords: ["bien-lai", data.receiptNumber, data.dossierCode],
    createdAt: data.paidAt,
  });
  const page = doc.addPage({ width: A5.width, height: A5.height });
  const left = mm(15);
  const width = A5.width - left - mm(10);
  const half = width / 2;
  const size = 10;
  const black = { r: 0, g: 0, b: 0 };
  let top = A5.height - mm(12);

  // Header: collecting unit | national motto.
  const unitLines = [
    ...(data.unit.parentName
      ? wrapText(data.unit.parentName.toUpperCase(), fonts.regular, 8.5, half - 6)
      : []),
  ];
  let yl = drawLines(
    page,
    unitLines,
    { x: left, top, width: half - 6 },
    { font: fonts.regular, size: 8.5, align: "center" },
  );
  yl = drawLines(
    page,
    wrapText(data.unit.name.toUpperCase(), fonts.bold, 8.5, half - 6),
    { x: left, top: yl, width: half - 6 },
    { font: fonts.bold, size: 8.5, align: "center" },
  );
  let yr = drawLines(
    page,
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    { x: left + half, top, width: half },
    { font: fonts.bold, size: 8.5, align: "center" },
  );
  const mottoWidth = fonts.bold.widthOfTextAtSize("Độc lập - Tự do - Hạnh phúc", 8.5);
  page.drawLine({
    start: { x: left + half + (half - mottoWidth) / 2, y: yr + 1 },
    end: { x: left + half + (half + mottoWidth) / 2, y: yr + 1 },
    thickness: 0.5,
    color: rgb(0, 0, 0),
  });
  const paid = vietnamTime(data.paidAt);
  yr = drawLines(
    page,
    [`${data.unit.place}, ${vietnameseLongDate(paid.iso)}`],
    { x: left + half, top: yr - 4, width: half },
    { font: fonts.regular, size: 8.5, align: "center" },
  );
  top = Math.min(yl, yr) - 14;

  top = drawLines(
    page,
    ["BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ"],
    { x: left, top, width },
    {
      font: fonts.bold,
      size: 13,
      align: "center",
    },
  );
  top = drawLines(
    page,
    [`Ký hiệu: BLĐT    Số: ${data.receiptNumber}`],
    { x: left, top: top - 2, width },
    {
      font: fonts.regular,
      size,
      align: "center",
    },
  );
  top -= 12;

  const rows: [string, string][] = [
    ["Đơn vị thu", data.unit.name],
    ["Người nộp tiền", data.payer.name],
    ...(data.payer.identityNumber
      ? [["Số định danh cá nhân", data.payer.identityNumber] as [string, string]]
      : []),
    ...(data.payer.address ? [["Địa chỉ", data.payer.address] as [string, string]] : []),
    ["Mã hồ sơ", data.dossierCode],
    ["Thủ tục hành chính", data.procedureName],
    ["Nội dung thu", "Phí, lệ phí giải quyết thủ tục hành chính"],
    ["Số tiền", formatVnd(data.amountVnd)],
    ["Số tiền bằng chữ", vndInWords(data.amountVnd)],
    ["Hình thức thanh toán", METHOD_TEXT[data.method]],
    ["Mã giao dịch", data.transactionNo ?? "—"],
    ["Mã tham chiếu", data.txnRef],
    ["Thời điểm thanh toán", `${paid.text} (giờ Việt Nam)`],
    ...(data.collectedBy ? [["Người thu", data.collectedBy] as [string, string]] : []),
  ];
  const labelWidth = width * 0.36;
  for (const [label, value] of rows) {
    const valueFont = label === "Số tiền" || label === "Mã hồ sơ" ? fonts.bold : fonts.regular;
    const lines = wrapText(value, valueFont, size, width - labelWidth);
    drawLines(
      page,
      [`${label}:`],
      { x: left, top, width: labelWidth },
      { font: fonts.regular, size, color: black },
    );
    top = drawLines(
      page,
      lines,
      { x: left + labelWidth, top, width: width - labelWidth },
      { font: valueFont, size },
    );
    top -= 3;
  }
  top -= 8;
  top = drawParagraph(
    page,
    nfc(
      "Biên lai điện tử do hệ thống một cửa điện tử lập tự động khi nhận được xác nhận thanh toán có chữ ký số của cổng thanh toán; có giá trị như biên lai giấy. Căn cứ: Nghị định 123/2020/NĐ-CP và Thông tư 78/2021/TT-BTC về hóa đơn, chứng từ.",
    ),
    { x: left, top, width },
    { font: fonts.regular, size: 8, lineHeight: 10 },
  );
  if (data.url) {
    drawParagraph(
      page,
      `Tra cứu, tải lại biên lai: ${data.url}`,
      { x: left, top: top - 4, width },
      {
        font: fonts.regular,
        size: 8,
        lineHeight: 10,
      },
    );
  }
  return saveDocument(doc);
}
