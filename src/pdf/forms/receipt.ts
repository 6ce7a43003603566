/**
 * Form 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (receipt and appointment).
 *
 * 2018 (TT 01/2018/TT-VPCP, mẫu số 01, A5): "Mã hồ sơ", "Bộ phận tiếp nhận và trả kết quả …", "Tiếp nhận hồ sơ
 * của", "Địa chỉ", "Số điện thoại … Email", "Nội dung yêu cầu giải quyết", "1. Thành phần hồ sơ nộp gồm", "2. Số
 * lượng hồ sơ: … (bộ)", "3. Thời gian giải quyết hồ sơ theo quy định là", "4. Thời gian nhận hồ sơ: … giờ … phút,
 * ngày … tháng … năm …", "5. Thời gian trả kết quả giải quyết hồ sơ", "6. Đăng ký nhận kết quả tại", "Vào Sổ theo
 * dõi hồ sơ, Quyển số … Số thứ tự …", signatures of the applicant and the receiving officer, and the note on the two
 * copies [S: the template as reproduced in OpenCPS's one-stop front end; DOMAIN.md: code, appointment and place V].
 * 2025 (TT 03/2025/TT-VPCP, mẫu số 01, A4 [?]): "Thủ tục hành chính cần giải quyết", a table of components with
 * their kind and count, "Phí, lệ phí (nếu có)", the register entry "(nếu có)" [S: a provincial template issued
 * after TT 03/2025; Phụ lục I itself not read]. Both carry, as motcua adds (TT 01/2018 art. 19(2) allows a QR code
 * beside the dossier code), the identity number, the delivery method, the lookup URL as a QR code and as text, and
 * the lookup secret.
 */
import { displayLookupSecret } from "../../domain/codes/index.ts";
import { mm } from "../document.ts";
import type { DeliveryMethod, PaperKind, ReceiptData } from "./data.ts";
import { appendEvaluationSlip } from "./evaluation-slip.ts";
import { deskName, formSetAt, formSpec } from "./form-sets.ts";
import { FormWriter } from "./layout.ts";
import { hourMinuteDate, placeAndDate, twoDigits } from "./text.ts";

export const PAPER_KIND_LABEL: Record<PaperKind, string> = {
  original: "Bản chính",
  copy: "Bản sao",
  certified_copy: "Bản sao chứng thực",
  electronic: "Bản điện tử",
};

export const DELIVERY_LABEL: Record<DeliveryMethod, string> = {
  counter: "nhận trực tiếp tại Bộ phận Một cửa",
  post: "nhận qua dịch vụ bưu chính công ích",
  online: "nhận bản điện tử trên Cổng Dịch vụ công",
};

export async function renderReceipt(data: ReceiptData): Promise<Uint8Array> {
  const set = data.set ?? formSetAt(data.receivedAt);
  const spec = formSpec(set, "receipt");
  const w = await FormWriter.create(spec, {
    title: `${spec.title} — ${data.code}`,
    createdAt: new Date(data.receivedAt),
  });
  const a = data.applicant;
  w.header(data.issuer, placeAndDate(data.issuer.place, data.receivedAt));
  const subtitle = [[{ text: "Mã hồ sơ: " }, { text: data.code, bold: true }]];
  if (data.copyLabel) subtitle.push([{ text: `(${data.copyLabel})` }]);
  w.title(spec.title, ...subtitle);

  w.field(set === "tt01-2018" ? deskName(set) : "Bộ phận Một cửa", data.receivingBody);
  w.field("Tiếp nhận hồ sơ của", a.name);
  if (a.identityNumber) w.field("Số định danh cá nhân/Mã số thuế", a.identityNumber);
  w.field("Địa chỉ", a.address ?? "");
  w.paragraph([
    { text: "Số điện thoại: " },
    { text: a.phone || "……………", bold: true },
    { text: "    Email: " },
    { text: a.email || "……………", bold: true },
  ]);
  w.field(
    set === "tt01-2018" ? "Nội dung yêu cầu giải quyết" : "Thủ tục hành chính cần giải quyết",
    data.procedure,
  );

  if (set === "tt01-2018") {
    w.paragraph([{ text: "1. Thành phần hồ sơ nộp gồm:" }]);
    data.components.forEach((c, i) => {
      w.paragraph([{ text: `(${i + 1}) ${c.name} — ${PAPER_KIND_LABEL[c.kind]}: ${twoDigits(c.count)}` }], {
        inset: w.size,
      });
    });
  } else {
    w.paragraph([{ text: "1. Thành phần hồ sơ, yêu cầu và số lượng mỗi loại giấy tờ gồm:" }]);
    w.table(
      [
        { header: "STT", weight: 1, align: "center" },
        { header: "Tên giấy tờ", weight: 8 },
        { header: "Loại giấy tờ", weight: 3, align: "center" },
        { header: "Số lượng", weight: 2, align: "center" },
      ],
      data.components.map((c, i) => [String(i + 1), c.name, PAPER_KIND_LABEL[c.kind], twoDigits(c.count)]),
    );
  }
  w.paragraph([
    { text: "2. Số lượng hồ sơ: " },
    { text: twoDigits(data.sets), bold: true },
    { text: " (bộ)" },
  ]);
  w.paragraph([
    { text: "3. Thời gian giải quyết hồ sơ theo quy định là: " },
    { text: data.processingTime, bold: true },
  ]);
  w.paragraph([{ text: "4. Thời gian nhận hồ sơ: " }, { text: hourMinuteDate(data.receivedAt), bold: true }]);
  w.paragraph([
    { text: "5. Thời gian trả kết quả giải quyết hồ sơ: " },
    { text: hourMinuteDate(data.appointment), bold: true },
  ]);
  w.paragraph([
    { text: `6. ${set === "tt01-2018" ? "Đăng ký nhận kết quả tại" : "Đăng ký trả kết quả tại"}: ` },
    { text: data.returnPlace, bold: true },
    { text: ` (${DELIVERY_LABEL[data.delivery]})` },
  ]);
  if (set !== "tt01-2018") w.field("7. Phí, lệ phí (nếu có)", data.fee ?? "Không");
  const reg = data.register;
  w.paragraph([
    { text: "Vào Sổ theo dõi hồ sơ, Quyển số: " },
    { text: reg ? reg.book : "………", bold: true },
    { text: ", Số thứ tự: " },
    { text: reg ? String(reg.number) : "………", bold: true },
  ]);

  // Lookup block: the QR code of the lookup URL on the left, the URL and the secret beside it.
  const qrSize = spec.paper === "A4" ? mm(26) : mm(18);
  w.ensure(qrSize + w.size);
  const top = w.y;
  const x = w.left;
  w.qr(data.lookup.url, qrSize, top, x);
  w.y = top;
  const inset = qrSize + mm(3);
  w.paragraph([{ text: "Tra cứu tình trạng hồ sơ:" }], { inset, size: w.size * 0.9 });
  w.paragraph([{ text: data.lookup.url, bold: true }], { inset, size: w.size * 0.85 });
  w.paragraph([{ text: "Mã tra cứu: " }, { text: displayLookupSecret(data.lookup.secret), bold: true }], {
    inset,
    size: w.size * 0.95,
  });
  w.y = Math.min(w.y, top - qrSize) - w.size * 0.4;

  w.signatures([
    { title: "Người nộp hồ sơ", note: "(Ký và ghi rõ họ tên)", name: a.name },
    { title: "Người tiếp nhận hồ sơ", note: "(Ký và ghi rõ họ tên)", name: data.officer },
  ]);
  const note =
    set === "tt01-2018"
      ? [
          "- Giấy tiếp nhận và hẹn trả kết quả được lập thành 2 liên; một liên chuyển kèm theo Phiếu kiểm soát quá trình giải quyết hồ sơ và được lưu tại Bộ phận tiếp nhận và trả kết quả; một liên giao cho cá nhân, tổ chức nộp hồ sơ;",
          "- Cá nhân, tổ chức có thể đăng ký nhận kết quả tại Bộ phận tiếp nhận và trả kết quả hoặc tại nhà (trụ sở tổ chức) qua dịch vụ bưu chính.",
        ]
      : [
          "- Ông/Bà dùng mã hồ sơ và mã tra cứu để theo dõi tình trạng giải quyết và đánh giá việc giải quyết hồ sơ.",
          "- Khi nhận kết quả, mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả và giấy tờ tùy thân.",
        ];
  w.paragraph([{ text: "Ghi chú:", bold: true }], { size: w.size * 0.85, after: 0 });
  for (const line of note) w.paragraph([{ text: line }], { size: w.size * 0.85, after: 0, align: "justify" });
  // The evaluation slip goes to the applicant with form 01 (TT 01/2018 art. 12), not with the desk's own copy.
  if (!data.copyLabel?.startsWith("Liên 1")) {
    appendEvaluationSlip(w, {
      ...data,
      with: `Mẫu số ${spec.number} — ${spec.title}`,
      filedVia: data.filedVia ?? "counter",
    });
  }
  return w.save();
}
