/**
 * Forms 02–05: supplement request, refusal, apology (2018: with a new appointment; 2025: and request to extend) and
 * notice of stopping (2025 only).
 *
 * Sources. 2018 set, TT 01/2018/TT-VPCP mẫu số 02–04, A5 [V sizes per DOMAIN.md; wording S, as reproduced in
 * one-stop systems]: 02 "Hồ sơ của … Nội dung yêu cầu giải quyết … Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau …
 * Lý do … nếu có vướng mắc, ông/bà liên hệ với … để được hướng dẫn", signed by the guiding officer; 03 "… tiếp nhận
 * hồ sơ của … Qua xem xét, … thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau … Xin thông
 * báo cho Ông/Bà được biết và thực hiện", signed by the receiving officer; 04 "Kính gửi … tiếp nhận giải quyết hồ sơ
 * … Thời hạn trả kết quả … Tuy nhiên đến nay … chưa trả kết quả … Lý do … xin lỗi Ông/Bà và sẽ trả kết quả … vào
 * ngày … Xin trân trọng cảm ơn sự hợp tác của Ông/Bà", signed by the head of the body. 2025 set, TT 03/2025/TT-VPCP
 * mẫu số 02–05: titles [S]; the wording below follows the 2018 forms and NĐ 118/2025 (everything at once, 15 days
 * to complete, art. 19(4)–(6), art. 21) [? until Phụ lục I is read]; A4 [?].
 */
import type {
  ApologyData,
  FormBase,
  RefusalData,
  StopNoticeData,
  SupplementRequestData,
  TransferSlipData,
} from "./data.ts";
import { appendEvaluationSlip, type EvaluationSlip } from "./evaluation-slip.ts";
import { deskName, type FormSpec, formSetAt, formSpec } from "./form-sets.ts";
import { FormWriter, type Run } from "./layout.ts";
import { hourMinuteDate, longDate, placeAndDate, shortDate, twoDigits } from "./text.ts";

function slipFor(data: FormBase, code: string | null, spec: FormSpec): EvaluationSlip {
  return {
    ...data,
    code,
    with: `Mẫu số ${spec.number} — ${spec.title}`,
    filedVia: data.filedVia ?? "counter",
  };
}

function codeLine(code: string | null) {
  return code ? [[{ text: "Mã hồ sơ: " }, { text: code, bold: true }]] : [];
}

/** Form 02: every missing item with its reason, at once ("đầy đủ một lần"). */
export async function renderSupplementRequest(data: SupplementRequestData): Promise<Uint8Array> {
  if (data.items.length === 0) throw new RangeError("Phiếu yêu cầu bổ sung phải nêu ít nhất một nội dung");
  const set = data.set ?? formSetAt(data.receivedAt ?? data.requestedAt);
  const spec = formSpec(set, "supplement_request");
  const w = await FormWriter.create(spec, { title: spec.title, createdAt: new Date(data.requestedAt) });
  w.header(data.issuer, placeAndDate(data.issuer.place, data.requestedAt));
  w.title(spec.title, ...codeLine(data.code));
  w.field("Hồ sơ của", data.applicant.name);
  w.field(set === "tt01-2018" ? "Nội dung yêu cầu giải quyết" : "Thủ tục hành chính", data.procedure);
  if (data.applicant.address) w.field("Địa chỉ", data.applicant.address);
  w.paragraph([
    { text: "Số điện thoại: " },
    { text: data.applicant.phone || "……………", bold: true },
    { text: "    Email: " },
    { text: data.applicant.email || "……………", bold: true },
  ]);
  if (data.receivedAt !== null) {
    w.paragraph([
      { text: `${data.receivingBody} đã tiếp nhận hồ sơ lúc ` },
      { text: hourMinuteDate(data.receivedAt) },
      { text: "." },
    ]);
  }
  w.paragraph([
    { text: "Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau (yêu cầu đầy đủ một lần):" },
  ]);
  w.table(
    [
      { header: "STT", weight: 1, align: "center" },
      { header: "Nội dung cần bổ sung, hoàn thiện", weight: 7 },
      { header: "Lý do", weight: 6 },
    ],
    data.items.map((item, i) => [String(i + 1), item.name, item.reason]),
  );
  w.paragraph(
    [
      { text: "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với " },
      { text: data.contact.officer, bold: true },
      { text: ", số điện thoại " },
      { text: data.contact.phone, bold: true },
      { text: " để được hướng dẫn./." },
    ],
    { align: "justify", indent: w.size },
  );
  // The 15-day closure (NĐ 118/2025 art. 19(5)) applies to a dossier already accepted, counted from this notice
  // (its date, Civil Code art. 147: from the next day). The counter's request before acceptance hands the papers
  // back to be completed, so it carries no closure warning.
  if (set !== "tt01-2018" && data.receivedAt !== null) {
    w.paragraph(
      [
        {
          text: `Quá 15 ngày kể từ ngày thông báo yêu cầu bổ sung, hoàn thiện hồ sơ (${shortDate(data.requestedAt)}) mà hồ sơ chưa được bổ sung, hoàn thiện thì hồ sơ được trả lại và kết thúc việc giải quyết.`,
        },
      ],
      { align: "justify", indent: w.size },
    );
  }
  w.signatures([{ title: "Người hướng dẫn", note: "(Ký và ghi rõ họ tên)", name: data.contact.officer }]);
  // The evaluation slip goes with form 02 (TT 01/2018 art. 12).
  appendEvaluationSlip(w, slipFor(data, data.code, spec));
  return w.save();
}

/**
 * Form 03: refusal with the reasons — at reception, or after appraisal within the processing time (NĐ 118/2025
 * art. 19(3): the refusal after appraisal is written, with its reasons, on this form).
 */
export async function renderRefusal(data: RefusalData): Promise<Uint8Array> {
  if (data.reasons.length === 0) throw new RangeError("Phiếu từ chối phải nêu rõ lý do");
  const set = data.set ?? formSetAt(data.refusedAt);
  const spec = formSpec(set, "refusal");
  const w = await FormWriter.create(spec, { title: spec.title, createdAt: new Date(data.refusedAt) });
  w.header(data.issuer, placeAndDate(data.issuer.place, data.refusedAt));
  w.title(spec.title, ...codeLine(data.code));
  w.paragraph([
    { text: `${deskName(set)} ${data.receivingBody} tiếp nhận hồ sơ của: ` },
    { text: data.applicant.name, bold: true },
  ]);
  if (data.applicant.address) w.field("Địa chỉ", data.applicant.address);
  w.field(set === "tt01-2018" ? "Nội dung yêu cầu giải quyết" : "Thủ tục hành chính", data.procedure);
  const appraisal = data.stage === "appraisal";
  w.paragraph(
    [
      {
        text: appraisal
          ? `Qua thẩm định, ${data.receivingBody} thông báo không giải quyết hồ sơ này với lý do cụ thể như sau:`
          : `Qua xem xét, ${data.receivingBody} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
      },
    ],
    { align: "justify", indent: w.size },
  );
  data.reasons.forEach((reason, i) => {
    w.paragraph([{ text: `${data.reasons.length > 1 ? `${i + 1}. ` : "- "}${reason}`, bold: true }], {
      inset: w.size,
    });
  });
  w.paragraph([{ text: "Xin thông báo cho Ông/Bà được biết và thực hiện./." }], { indent: w.size });
  w.signatures([
    {
      title: appraisal ? "Người có thẩm quyền giải quyết" : "Người tiếp nhận hồ sơ",
      note: "(Ký và ghi rõ họ tên)",
      name: data.officer,
    },
  ]);
  // The evaluation slip goes with form 03 (TT 01/2018 art. 12), at reception or after appraisal.
  appendEvaluationSlip(w, slipFor(data, data.code, spec));
  return w.save();
}

/** Form 04: apology with a new appointment (2018) or apology and request to extend (2025). */
export async function renderApology(data: ApologyData): Promise<Uint8Array> {
  if (data.newAppointment <= data.due) throw new RangeError("Ngày hẹn mới phải sau thời hạn trả kết quả");
  const set = data.set ?? formSetAt(data.receivedAt);
  const spec = formSpec(set, "apology");
  const w = await FormWriter.create(spec, { title: spec.title, createdAt: new Date(data.issuedAt) });
  const is2018 = set === "tt01-2018";
  w.header(
    data.issuer,
    placeAndDate(data.issuer.place, data.issuedAt),
    is2018 ? null : `Số: ${data.documentNumber ?? "……/……"}`,
  );
  w.title(spec.title);
  w.paragraph([{ text: "Kính gửi: " }, { text: data.applicant.name, bold: true }], { align: "center" });
  const body = data.receivingBody;
  w.paragraph(
    [{ text: `Ngày ${longDate(data.receivedAt).slice(5)}, ${body} tiếp nhận giải quyết hồ sơ của Ông/Bà:` }],
    { indent: w.size },
  );
  w.field("Nội dung yêu cầu giải quyết", data.procedure, { inset: w.size });
  w.field("Mã hồ sơ", data.code, { inset: w.size });
  w.field("Thời hạn trả kết quả giải quyết hồ sơ", hourMinuteDate(data.due), { inset: w.size });
  w.paragraph([{ text: `Tuy nhiên đến nay, ${body} chưa trả kết quả giải quyết hồ sơ của Ông/Bà.` }], {
    indent: w.size,
    align: "justify",
  });
  w.paragraph([{ text: "Lý do: " }, { text: data.reason, bold: true }], { indent: w.size, align: "justify" });
  const promise = is2018
    ? `${body} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào `
    : `${body} xin lỗi Ông/Bà và đề nghị Ông/Bà đồng ý gia hạn thời gian giải quyết hồ sơ; kết quả sẽ được trả cho Ông/Bà vào `;
  w.paragraph(
    [
      { text: `Sự chậm trễ này đã làm ảnh hưởng đến thời gian, công sức của Ông/Bà. ${promise}` },
      { text: hourMinuteDate(data.newAppointment), bold: true },
      { text: "." },
    ],
    { indent: w.size, align: "justify" },
  );
  w.paragraph([{ text: "Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./." }], { indent: w.size });
  w.signatures([
    { title: data.signer.position, note: "(Ký, ghi rõ họ tên, đóng dấu)", name: data.signer.name },
  ]);
  return w.save();
}

/** Form 05 (2025 set only): notice that the body stops processing the dossier (NĐ 118/2025 art. 21). */
export async function renderStopNotice(data: StopNoticeData): Promise<Uint8Array> {
  const set = data.set ?? formSetAt(data.receivedAt);
  const spec = formSpec(set, "stop_notice");
  const w = await FormWriter.create(spec, { title: spec.title, createdAt: new Date(data.issuedAt) });
  w.header(
    data.issuer,
    placeAndDate(data.issuer.place, data.issuedAt),
    `Số: ${data.documentNumber ?? "……/TB-……"}`,
  );
  w.title(spec.title);
  w.paragraph([{ text: "Kính gửi: " }, { text: data.applicant.name, bold: true }], { align: "center" });
  w.paragraph(
    [{ text: `Căn cứ ${data.basis}, ${data.receivingBody} thông báo dừng giải quyết hồ sơ sau:` }],
    {
      indent: w.size,
      align: "justify",
    },
  );
  w.field("Mã hồ sơ", data.code, { inset: w.size });
  w.field("Thủ tục hành chính", data.procedure, { inset: w.size });
  w.field("Thời gian tiếp nhận", hourMinuteDate(data.receivedAt), { inset: w.size });
  w.field("Lý do dừng giải quyết", data.reason, { inset: w.size });
  if (data.fees) w.field("Phí, lệ phí đã nộp", data.fees, { inset: w.size });
  w.paragraph([{ text: `${data.receivingBody} thông báo để Ông/Bà được biết./.` }], { indent: w.size });
  w.signatures([
    { title: data.signer.position, note: "(Ký, ghi rõ họ tên, đóng dấu)", name: data.signer.name },
  ]);
  w.paragraph([{ text: "Nơi nhận:", bold: true }], { size: w.size * 0.8, after: 0 });
  w.paragraph([{ text: "- Như trên;\n- Lưu: VT, Bộ phận Một cửa." }], { size: w.size * 0.8 });
  return w.save();
}

/**
 * Phiếu chuyển xử lý: the dossier passes to another body for a step (NĐ 118/2025 art. 20(2)(a)). No national
 * template was found [?]; the slip carries what the control sheet records of a hand-over (bodies, time, papers,
 * what is asked, by when), signed by the officer who sends it.
 */
export async function renderTransferSlip(data: TransferSlipData): Promise<Uint8Array> {
  const set = data.set ?? formSetAt(data.receivedAt);
  const spec = formSpec(set, "transfer_slip");
  const w = await FormWriter.create(spec, { title: spec.title, createdAt: new Date(data.sentAt) });
  w.header(data.issuer, placeAndDate(data.issuer.place, data.sentAt));
  const slipNo: Run[][] = data.sequence
    ? [[{ text: "Phiếu số: " }, { text: `${twoDigits(data.sequence)}/${data.code}`, bold: true }]]
    : [];
  w.title(spec.title, ...codeLine(data.code), ...slipNo);
  w.paragraph([{ text: "Kính gửi: " }, { text: data.toBody, bold: true }], { align: "center" });
  w.field("Hồ sơ của", data.applicant.name);
  w.field("Thủ tục hành chính", data.procedure);
  w.field("Thời gian tiếp nhận", hourMinuteDate(data.receivedAt));
  w.field("Thời gian chuyển", hourMinuteDate(data.sentAt));
  w.field("Nội dung đề nghị xử lý", data.request);
  w.field("Thời hạn xử lý, trả lại hồ sơ", hourMinuteDate(data.due));
  if (data.components.length > 0) {
    w.table(
      [
        { header: "STT", weight: 1, align: "center" },
        { header: "Thành phần hồ sơ chuyển kèm", weight: 10 },
        { header: "Số lượng", weight: 2, align: "center" },
      ],
      data.components.map((c, i) => [String(i + 1), c.name, String(c.count)]),
    );
  }
  w.signatures([{ title: "Người chuyển hồ sơ", note: "(Ký và ghi rõ họ tên)", name: data.officer }]);
  return w.save();
}
