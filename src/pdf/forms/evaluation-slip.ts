/**
 * The paper evaluation slip (phiếu đánh giá) that goes with forms 01, 02 and 03 (DOMAIN.md, Forms: "Evaluation
 * forms go with forms 01, 02, 03" [V]; the article, TT 01/2018/TT-VPCP art. 12, as issue 13's audit names it —
 * DOMAIN.md does not give it [?]): printed as the last page of the receipt, the
 * supplement request and the refusal, for the applicant to tick and hand back at the desk (or to rate on the
 * counter's tablet instead). Its criteria are the citizen's criteria of NĐ 61/2018 art. 31, each on the 0/1/2 scale
 * of TT 01/2018 art. 13 (rất hài lòng 2, hài lòng 1, không hài lòng 0). No national template for the slip's layout
 * was found [?]: this layout is motcua's. "Online service quality" is printed only for a dossier filed online, the
 * only dossiers it applies to; an officer types the ticked slip in (POST /dossiers/:id/ratings/paper).
 */
import type { FormBase } from "./data.ts";
import type { FormWriter } from "./layout.ts";

/** The criteria of NĐ 61/2018 art. 31 as the slip asks them, in the order of the rating records. */
export const SLIP_CRITERIA = [
  { key: "processing_time", text: "Thời gian giải quyết hồ sơ so với thời hạn quy định" },
  { key: "agencies_contacted", text: "Số cơ quan, đơn vị phải liên hệ để giải quyết hồ sơ" },
  { key: "contacts_to_complete", text: "Số lần phải liên hệ để hoàn thiện hồ sơ" },
  { key: "information_accuracy", text: "Tính chính xác của thông tin công khai về thủ tục hành chính" },
  { key: "staff_attitude", text: "Thái độ, tinh thần trách nhiệm của cán bộ, công chức" },
  { key: "result_legality_and_costs", text: "Kết quả đúng quy định, không phát sinh chi phí ngoài quy định" },
  { key: "feedback_answers", text: "Chất lượng trả lời phản ánh, kiến nghị (nếu có)" },
  { key: "online_service_quality", text: "Chất lượng dịch vụ công trực tuyến (hồ sơ nộp trực tuyến)" },
] as const;

export const SLIP_TITLE = "Phiếu đánh giá việc giải quyết thủ tục hành chính";

export interface EvaluationSlip extends Pick<FormBase, "receivingBody" | "applicant" | "procedure"> {
  code: string | null;
  /** The form the slip goes with, e.g. "Mẫu số 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả". */
  with: string;
  /** How the dossier was filed; only an online dossier is asked about the online service. */
  filedVia: "counter" | "post" | "online";
}

const BOX = "[    ]";

/** Adds the slip on a page of its own at the end of the form being written. */
export function appendEvaluationSlip(w: FormWriter, slip: EvaluationSlip): void {
  w.newPage();
  w.title(SLIP_TITLE, [{ text: `(Kèm theo ${slip.with})` }]);
  w.field("Mã hồ sơ", slip.code ?? "");
  w.field("Thủ tục hành chính", slip.procedure);
  w.field("Người nộp hồ sơ", slip.applicant.name);
  w.paragraph(
    [
      {
        text: `Để ${slip.receivingBody} phục vụ tốt hơn, đề nghị Ông/Bà đánh dấu (X) vào một ô cho mỗi tiêu chí và nộp phiếu này tại Bộ phận Một cửa, hoặc đánh giá trên thiết bị đánh giá tại quầy.`,
      },
    ],
    { align: "justify", indent: w.size },
  );
  const criteria = SLIP_CRITERIA.filter(
    (c) => slip.filedVia === "online" || c.key !== "online_service_quality",
  );
  w.table(
    [
      { header: "STT", weight: 1.1, align: "center" },
      { header: "Tiêu chí đánh giá", weight: 8 },
      { header: "Rất hài lòng", weight: 2.3, align: "center" },
      { header: "Hài lòng", weight: 2.3, align: "center" },
      { header: "Không hài lòng", weight: 2.3, align: "center" },
    ],
    criteria.map((c, i) => [String(i + 1), c.text, BOX, BOX, BOX]),
    { size: w.size * 0.9 },
  );
  w.paragraph([{ text: "Ý kiến khác của Ông/Bà:" }], { after: 0 });
  for (let i = 0; i < 2; i++) {
    w.space(w.size * 1.4);
    w.rule(w.left, w.left + w.contentWidth, w.y, 0.4);
  }
  w.space(w.size * 0.8);
  w.signatures([{ title: "Người đánh giá", note: "(Ký và ghi rõ họ tên, nếu muốn)" }]);
}
