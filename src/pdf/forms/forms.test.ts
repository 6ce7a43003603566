import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { formSetAt, formSetFor, formSpec } from "./form-sets.ts";
import { renderApology, renderRefusal, renderStopNotice, renderSupplementRequest } from "./notices.ts";
import { renderReceipt } from "./receipt.ts";
import { renderControlSheet, renderTrackingBook } from "./register-pdfs.ts";
import {
  at,
  buildApology,
  buildControlSheet,
  buildReceipt,
  buildRefusal,
  buildStopNotice,
  buildSupplementRequest,
  buildTrackingBook,
  buildTrackingRows,
  drawnQrMatrix,
  flat,
  inspectPdf,
  pageSizePoints,
  RECEIVED_2018,
} from "./test-support.ts";

const A4_PORTRAIT = [595, 842];
const A4_LANDSCAPE = [842, 595];
const A5_PORTRAIT = [420, 595];

describe("choice of the form set", () => {
  it("uses the 2018 set for dossiers received before 15/9/2025 and the 2025 set from that day", () => {
    expect(formSetFor("2019-01-06")).toBe("tt01-2018");
    expect(formSetFor("2025-09-14")).toBe("tt01-2018");
    expect(formSetFor("2025-09-15")).toBe("tt03-2025");
    // 23:00 UTC on 14/9 is already 15/9 in Vietnam.
    expect(formSetAt(at("2025-09-14T23:00:00Z"))).toBe("tt03-2025");
    expect(formSetAt(at("2025-09-14T16:59:00Z"))).toBe("tt01-2018");
  });

  it("has no stop notice in the 2018 set", () => {
    expect(() => formSpec("tt01-2018", "stop_notice")).toThrow(RangeError);
    expect(formSpec("tt03-2025", "stop_notice").number).toBe("05");
    expect(formSpec("tt03-2025", "tracking_book").number).toBe("07");
    expect(formSpec("tt01-2018", "tracking_book").number).toBe("06");
  });
});

describe("the evaluation slip with forms 01–03 (TT 01/2018 art. 12; criteria of NĐ 61/2018 art. 31)", () => {
  const COUNTER_CRITERIA = [
    "1 Thời gian giải quyết hồ sơ so với thời hạn quy định",
    "2 Số cơ quan, đơn vị phải liên hệ để giải quyết hồ sơ",
    "3 Số lần phải liên hệ để hoàn thiện hồ sơ",
    "4 Tính chính xác của thông tin công khai về thủ tục hành chính",
    "5 Thái độ, tinh thần trách nhiệm của cán bộ, công chức",
    "6 Kết quả đúng quy định, không phát sinh chi phí ngoài quy định",
    "7 Chất lượng trả lời phản ánh, kiến nghị (nếu có)",
  ];

  function slipPage(text: string): string {
    const pages = text.split("\f").filter((p) => p.trim());
    return flat(pages[pages.length - 1] ?? "");
  }

  it("prints the slip as the last page of the applicant's receipt (form 01) of a counter dossier, without the online criterion (NĐ 61/2018 art. 31)", async () => {
    const { info, text } = inspectPdf(
      await renderReceipt(buildReceipt({ copyLabel: "Liên 2: Giao người nộp hồ sơ" })),
    );
    const pages = text.split("\f").filter((p) => p.trim());
    expect(flat(pages[0] ?? "")).toContain("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
    expect(Number(info.Pages)).toBe(pages.length);
    const slip = slipPage(text);
    expect(slip).toContain("PHIẾU ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
    expect(slip).toContain("(Kèm theo Mẫu số 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả)");
    expect(slip).toContain("Mã hồ sơ: H56.105-260302-0007");
    expect(slip).toContain("Thủ tục hành chính: Đăng ký khai sinh");
    expect(slip).toContain("Người nộp hồ sơ: Nguyễn Thị Hồng Nhung");
    expect(slip).toContain("Rất hài lòng");
    expect(slip).toContain("Không hài lòng");
    for (const row of COUNTER_CRITERIA) expect(slip).toContain(row);
    expect(slip).not.toContain("trực tuyến");
    expect(slip).toContain("NGƯỜI ĐÁNH GIÁ");
    // The desk's copy (Liên 1) stays at the desk: no slip with it.
    const desk = inspectPdf(
      await renderReceipt(buildReceipt({ copyLabel: "Liên 1: Lưu tại Bộ phận Một cửa" })),
    );
    expect(flat(desk.text)).not.toContain("PHIẾU ĐÁNH GIÁ");
  });

  it("asks an online dossier about the online service as an eighth criterion (NĐ 61/2018 art. 31)", async () => {
    const { text } = inspectPdf(await renderReceipt(buildReceipt({ filedVia: "online" })));
    const slip = slipPage(text);
    for (const row of COUNTER_CRITERIA) expect(slip).toContain(row);
    expect(slip).toContain("8 Chất lượng dịch vụ công trực tuyến (hồ sơ nộp trực tuyến)");
  });

  it("goes with the supplement request (form 02) and the refusal (form 03) too (TT 01/2018 art. 12)", async () => {
    const supplement = inspectPdf(await renderSupplementRequest(buildSupplementRequest()));
    expect(slipPage(supplement.text)).toContain(
      "(Kèm theo Mẫu số 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ)",
    );
    const refusal = inspectPdf(await renderRefusal(buildRefusal()));
    const slip = slipPage(refusal.text);
    expect(slip).toContain("(Kèm theo Mẫu số 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ)");
    for (const row of COUNTER_CRITERIA) expect(slip).toContain(row);
    // Not with the apology (form 04).
    expect(flat(inspectPdf(await renderApology(buildApology())).text)).not.toContain("PHIẾU ĐÁNH GIÁ");
  });
});

describe("receipt (form 01)", () => {
  it("prints the 2025 receipt on A4 with the code, the applicant, the appointment and the lookup URL", async () => {
    const data = buildReceipt();
    const { info, text } = inspectPdf(await renderReceipt(data));
    expect(pageSizePoints(info)).toEqual(A4_PORTRAIT);
    // The receipt, then the evaluation slip on a page of its own.
    expect(info.Pages).toBe("2");
    const t = flat(text);
    expect(t).toContain("Mẫu số 01");
    expect(t).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(t).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(t).toContain("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
    expect(t).toContain("Nguyễn Thị Hồng Nhung");
    expect(t).toContain("H56.105-260302-0007");
    expect(t).toContain("Thủ tục hành chính cần giải quyết: Đăng ký khai sinh");
    expect(t).toContain("Giấy chứng sinh do cơ sở y tế cấp");
    expect(t).toContain("09 giờ 30 phút, ngày 03 tháng 03 năm 2026");
    expect(t).toContain("https://motcua.example.vn/tra-cuu?ma=H56.105-260302-0007");
    expect(t).toContain("K7QM-2WXA");
    expect(t).toContain("NGƯỜI TIẾP NHẬN HỒ SƠ");
    expect(t).toContain("Phủ Thông, ngày 02 tháng 03 năm 2026");
  });

  it("prints the 2018 receipt on A5 for a dossier received in 2018", async () => {
    const data = buildReceipt({
      receivedAt: RECEIVED_2018,
      appointment: at("2018-10-25T14:05:00+07:00"),
      code: "000.00.15.H09-181024-0001",
      issuer: {
        parentBody: "Ủy ban nhân dân huyện Bạch Thông",
        body: "Bộ phận tiếp nhận và trả kết quả",
        place: "Phủ Thông",
      },
    });
    const { info, text } = inspectPdf(await renderReceipt(data));
    expect(pageSizePoints(info)).toEqual(A5_PORTRAIT);
    const t = flat(text);
    expect(t).toContain("Giấy tiếp nhận hồ sơ và hẹn trả kết quả".toUpperCase());
    expect(t).toContain("000.00.15.H09-181024-0001");
    expect(t).toContain("Bộ phận tiếp nhận và trả kết quả: Ủy ban nhân dân xã Phủ Thông");
    expect(t).toContain("Nội dung yêu cầu giải quyết: Đăng ký khai sinh");
    expect(t).toContain("14 giờ 05 phút, ngày 24 tháng 10 năm 2018");
    expect(t).toContain("được lập thành 2 liên");
  });

  it("draws the QR code of the lookup URL module by module", async () => {
    const data = buildReceipt();
    const bytes = await renderReceipt(data);
    // The symbol qrcode encodes for the URL (error correction M, as src/pdf/qr.ts asks) is the one on the page.
    const qr = QRCode.create(data.lookup.url, { errorCorrectionLevel: "M" });
    const n = qr.modules.size;
    const expected = Array.from({ length: n }, (_, r) =>
      Array.from({ length: n }, (_, c) => qr.modules.get(r, c) === 1),
    );
    expect(await drawnQrMatrix(bytes, n)).toEqual(expected);
  });
});

describe("notices (forms 02–05)", () => {
  it("lists every missing item with its reason on the supplement request", async () => {
    const { info, text } = inspectPdf(await renderSupplementRequest(buildSupplementRequest()));
    expect(pageSizePoints(info)).toEqual(A4_PORTRAIT);
    const t = flat(text);
    expect(t).toContain("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
    expect(t).toContain("Mẫu số 02");
    expect(t).toContain("đầy đủ một lần");
    expect(t).toContain("Chưa có chữ ký của người yêu cầu");
    expect(t).toContain("Văn bản ủy quyền");
    expect(t).toContain("Quá 15 ngày");
    expect(t).toContain("NGƯỜI HƯỚNG DẪN");
  });

  it("prints the 2018 supplement request on A5", async () => {
    const data = buildSupplementRequest({ receivedAt: null, code: null, requestedAt: RECEIVED_2018 });
    const { info, text } = inspectPdf(await renderSupplementRequest(data));
    expect(pageSizePoints(info)).toEqual(A5_PORTRAIT);
    expect(flat(text)).toContain("Nội dung yêu cầu giải quyết: Đăng ký khai sinh");
  });

  it("states the reason on the refusal", async () => {
    const { info, text } = inspectPdf(await renderRefusal(buildRefusal()));
    expect(pageSizePoints(info)).toEqual(A4_PORTRAIT);
    const t = flat(text);
    expect(t).toContain("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
    expect(t).toContain("không thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã");
    expect(t).toContain("Xin thông báo cho Ông/Bà được biết và thực hiện");
  });

  it("prints the 2018 refusal on A5", async () => {
    const { info } = inspectPdf(await renderRefusal(buildRefusal({ refusedAt: RECEIVED_2018 })));
    expect(pageSizePoints(info)).toEqual(A5_PORTRAIT);
  });

  it("apologises with the new date, as a 2025 letter and as a 2018 slip", async () => {
    const letter = inspectPdf(await renderApology(buildApology()));
    expect(pageSizePoints(letter.info)).toEqual(A4_PORTRAIT);
    const t = flat(letter.text);
    expect(t).toContain("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN");
    expect(t).toContain("Số: 25/UBND-VP");
    expect(t).toContain("16 giờ 00 phút, ngày 10 tháng 03 năm 2026");
    expect(t).toContain("Cần xác minh thông tin nơi cư trú");
    const slip = inspectPdf(
      await renderApology(
        buildApology({
          receivedAt: RECEIVED_2018,
          due: at("2018-10-26T14:05:00+07:00"),
          newAppointment: at("2018-10-30T10:00:00+07:00"),
          issuedAt: at("2018-10-25T09:00:00+07:00"),
        }),
      ),
    );
    expect(pageSizePoints(slip.info)).toEqual(A5_PORTRAIT);
    expect(flat(slip.text)).toContain("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
  });

  it("refuses an apology whose new date is not after the due date", async () => {
    const data = buildApology({ newAppointment: at("2026-03-05T09:30:00+07:00") });
    await expect(renderApology(data)).rejects.toThrow(RangeError);
  });

  it("prints the notice of stopping, which only the 2025 set has", async () => {
    const { info, text } = inspectPdf(await renderStopNotice(buildStopNotice()));
    expect(pageSizePoints(info)).toEqual(A4_PORTRAIT);
    const t = flat(text);
    expect(t).toContain("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
    expect(t).toContain("Mẫu số 05");
    expect(t).toContain("Người yêu cầu đề nghị dừng");
    await expect(renderStopNotice(buildStopNotice({ receivedAt: RECEIVED_2018 }))).rejects.toThrow(
      RangeError,
    );
  });
});

describe("registers (control sheet and tracking book)", () => {
  it("prints a row per hand-over on the control sheet with its timeliness", async () => {
    const { info, text } = inspectPdf(await renderControlSheet(buildControlSheet()));
    expect(pageSizePoints(info)).toEqual(A4_PORTRAIT);
    const t = flat(text);
    expect(t).toContain("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
    expect(t).toContain("Mẫu số 06");
    expect(t).toContain("Công chức Tư pháp - Hộ tịch");
    expect(t).toContain("Trước hạn");
    expect(t).toContain("Quá hạn");
    expect(t).toContain("Đàm Thị Lan");
  });

  it("prints the 2018 control sheet on A5 as form 05", async () => {
    const data = buildControlSheet({ receivedAt: RECEIVED_2018 });
    const { info, text } = inspectPdf(await renderControlSheet(data));
    expect(pageSizePoints(info)).toEqual(A5_PORTRAIT);
    expect(flat(text)).toContain("Mẫu số 05");
  });

  it("paginates a 200-row tracking book on landscape A4 with the header on every page", async () => {
    const data = buildTrackingBook({ rows: buildTrackingRows(200) });
    const { info, text } = inspectPdf(await renderTrackingBook(data));
    expect(pageSizePoints(info)).toEqual(A4_LANDSCAPE);
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThan(3);
    const perPage = text.split("\f").filter((p) => p.trim().length > 0);
    expect(perPage.length).toBe(pages);
    perPage.forEach((page, i) => {
      const p = flat(page);
      expect(p, `page ${i + 1}`).toContain("Mã hồ sơ");
      expect(p, `page ${i + 1}`).toContain("Ngày, tháng, năm");
      expect(p, `page ${i + 1}`).toContain(`Trang ${i + 1}/${pages}`);
    });
    const all = flat(text);
    expect(all).toContain("SỔ THEO DÕI HỒ SƠ");
    expect(all).toContain("Mẫu số 07");
    expect(all).toContain("H56.105-260302-0001");
    expect(all).toContain("H56.105-260302-0200");
  });

  it("shows an open dossier past its due instant as late in the tracking book", async () => {
    const rows = buildTrackingRows(2);
    const data = buildTrackingBook({ rows, printedAt: at("2026-03-10T09:00:00+07:00") });
    const t = flat(inspectPdf(await renderTrackingBook(data)).text);
    expect(t).toContain("Quá hạn (chưa trả)");
    expect(t).toContain("Trước hạn");
  });

  it("uses form 06 of the 2018 set for a 2018 period", async () => {
    const data = buildTrackingBook({ period: { from: "2018-10-01", to: "2018-10-31" } });
    const { info, text } = inspectPdf(await renderTrackingBook(data));
    expect(pageSizePoints(info)).toEqual(A4_LANDSCAPE);
    expect(flat(text)).toContain("Mẫu số 06");
  });
});
