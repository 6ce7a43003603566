import { defineTemplate } from "./template.ts";

/** hồ sơ: the messages of a dossier's life, from online submission to return of the result. */

export const dossierSubmitted = defineTemplate({
  key: "dossier.submitted",
  version: 1,
  sensitive: false,
  required: ["name", "procedure", "submittedAt", "portalUrl"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: `Đã nhận hồ sơ nộp trực tuyến: ${d.procedure}`,
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            `Hệ thống đã nhận hồ sơ “${d.procedure}” ông/bà nộp trực tuyến lúc ${d.submittedAt}.`,
            "Bộ phận Một cửa sẽ kiểm tra hồ sơ; khi hồ sơ được tiếp nhận, ông/bà sẽ nhận mã hồ sơ và ngày hẹn trả kết quả. Theo dõi hồ sơ tại:",
            d.portalUrl,
          ],
          sms: `Da nhan ho so truc tuyen "${d.procedure}" luc ${d.submittedAt}. Bo phan Mot cua se kiem tra va thong bao tiep nhan.`,
        }
      : {
          subject: `Online application received: ${d.procedure}`,
          paragraphs: [
            `Dear ${d.name},`,
            `We received your online application “${d.procedure}” at ${d.submittedAt}.`,
            "The one-stop desk will check it; once it is accepted you will receive the dossier code and the appointment for the result. Follow it at:",
            d.portalUrl,
          ],
          sms: `Online application "${d.procedure}" received at ${d.submittedAt}. The desk will check it and notify you.`,
        },
});

/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả: the lookup secret goes by e-mail only, never by SMS. */
export const dossierReceived = defineTemplate({
  key: "dossier.received",
  version: 1,
  sensitive: true,
  required: ["name", "procedure", "code", "receivedAt", "appointment", "lookupUrl"],
  render: (locale, d) => {
    const secret = d.lookupSecret ?? "";
    return locale === "vi"
      ? {
          subject: `Tiếp nhận hồ sơ ${d.code}`,
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            `Hồ sơ “${d.procedure}” của ông/bà đã được tiếp nhận lúc ${d.receivedAt}.`,
            `Mã hồ sơ: ${d.code}`,
            `Ngày hẹn trả kết quả: ${d.appointment}`,
            ...(secret ? [`Mã tra cứu (giữ bí mật): ${secret}`] : []),
            "Tra cứu tình trạng hồ sơ tại:",
            d.lookupUrl,
          ],
          sms: `Ho so ${d.code} da duoc tiep nhan. Hen tra ket qua: ${d.appointment}. Tra cuu: ${d.lookupUrl}`,
        }
      : {
          subject: `Dossier ${d.code} received`,
          paragraphs: [
            `Dear ${d.name},`,
            `Your dossier “${d.procedure}” was received at ${d.receivedAt}.`,
            `Dossier code: ${d.code}`,
            `Result appointment: ${d.appointment}`,
            ...(secret ? [`Lookup secret (keep it private): ${secret}`] : []),
            "Follow the dossier at:",
            d.lookupUrl,
          ],
          sms: `Dossier ${d.code} received. Result appointment: ${d.appointment}. Follow: ${d.lookupUrl}`,
        };
  },
});

export const dossierSupplementRequested = defineTemplate({
  key: "dossier.supplement-requested",
  version: 1,
  sensitive: false,
  required: ["name", "procedure", "reference", "reason", "portalUrl"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: `Yêu cầu bổ sung hồ sơ ${d.reference}`,
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            `Hồ sơ ${d.reference} (“${d.procedure}”) cần bổ sung, hoàn thiện theo hướng dẫn sau:`,
            d.reason,
            "Thời gian chờ bổ sung không tính vào thời hạn giải quyết. Xem chi tiết và bổ sung tại:",
            d.portalUrl,
          ],
          sms: `Ho so ${d.reference} can bo sung. Xem huong dan tai ${d.portalUrl} hoac email.`,
        }
      : {
          subject: `Dossier ${d.reference}: documents requested`,
          paragraphs: [
            `Dear ${d.name},`,
            `Dossier ${d.reference} (“${d.procedure}”) needs the following to be completed:`,
            d.reason,
            "The waiting time does not count towards the processing time. See the details and reply at:",
            d.portalUrl,
          ],
          sms: `Dossier ${d.reference} needs more documents. See ${d.portalUrl} or your e-mail.`,
        },
});

export const dossierRefused = defineTemplate({
  key: "dossier.refused",
  version: 1,
  sensitive: false,
  required: ["name", "procedure", "reference", "reason"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: `Từ chối tiếp nhận hồ sơ ${d.reference}`,
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            `Hồ sơ ${d.reference} (“${d.procedure}”) không được tiếp nhận vì lý do sau:`,
            d.reason,
            "Ông/bà có thể liên hệ Bộ phận Một cửa để được hướng dẫn.",
          ],
          sms: `Ho so ${d.reference} khong duoc tiep nhan. Ly do xem tai email hoac Cong DVC.`,
        }
      : {
          subject: `Dossier ${d.reference} refused`,
          paragraphs: [
            `Dear ${d.name},`,
            `Dossier ${d.reference} (“${d.procedure}”) was not accepted, for this reason:`,
            d.reason,
            "You may contact the one-stop desk for guidance.",
          ],
          sms: `Dossier ${d.reference} was not accepted. See the reason in your e-mail or on the portal.`,
        },
});

export const dossierResultReady = defineTemplate({
  key: "dossier.result-ready",
  version: 1,
  sensitive: false,
  required: ["name", "procedure", "code", "returnMethod", "portalUrl"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: `Đã có kết quả hồ sơ ${d.code}`,
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            `Hồ sơ ${d.code} (“${d.procedure}”) đã có kết quả.`,
            `Hình thức nhận kết quả: ${d.returnMethod}.`,
            "Xem chi tiết tại:",
            d.portalUrl,
          ],
          sms: `Ho so ${d.code} da co ket qua. Hinh thuc nhan: ${d.returnMethod}.`,
        }
      : {
          subject: `The result of dossier ${d.code} is ready`,
          paragraphs: [
            `Dear ${d.name},`,
            `The result of dossier ${d.code} (“${d.procedure}”) is ready.`,
            `How you receive it: ${d.returnMethod}.`,
            "Details at:",
            d.portalUrl,
          ],
          sms: `The result of dossier ${d.code} is ready. Delivery: ${d.returnMethod}.`,
        },
});

/** Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04), or a dossier found overdue (no new appointment yet). */
export const dossierLate = defineTemplate({
  key: "dossier.late",
  version: 1,
  sensitive: false,
  required: ["name", "procedure", "code", "reason"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: `Xin lỗi về việc chậm trả kết quả hồ sơ ${d.code}`,
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            `Cơ quan giải quyết thành thật xin lỗi vì hồ sơ ${d.code} (“${d.procedure}”) chưa được giải quyết đúng hẹn.`,
            `Lý do: ${d.reason}`,
            d.newAppointment
              ? `Ngày hẹn trả kết quả mới: ${d.newAppointment}`
              : "Cơ quan giải quyết sẽ gửi phiếu xin lỗi và hẹn lại ngày trả kết quả.",
            "Mong ông/bà thông cảm.",
          ],
          sms: d.newAppointment
            ? `Xin loi: ho so ${d.code} tre hen. Hen moi: ${d.newAppointment}.`
            : `Xin loi: ho so ${d.code} da qua han giai quyet. Co quan se hen lai ngay tra ket qua.`,
        }
      : {
          subject: `Apology for the delay of dossier ${d.code}`,
          paragraphs: [
            `Dear ${d.name},`,
            `We sincerely apologise that dossier ${d.code} (“${d.procedure}”) was not completed on time.`,
            `Reason: ${d.reason}`,
            d.newAppointment
              ? `New appointment: ${d.newAppointment}`
              : "The processing body will send an apology with a new appointment.",
            "Thank you for your patience.",
          ],
          sms: d.newAppointment
            ? `Apologies: dossier ${d.code} is late. New appointment: ${d.newAppointment}.`
            : `Apologies: dossier ${d.code} is overdue. A new appointment will follow.`,
        },
});

export const dossierReturned = defineTemplate({
  key: "dossier.returned",
  version: 1,
  sensitive: false,
  required: ["name", "procedure", "code", "returnedAt"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: `Đã trả kết quả hồ sơ ${d.code}`,
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            `Kết quả hồ sơ ${d.code} (“${d.procedure}”) đã được trả lúc ${d.returnedAt}.`,
            "Cảm ơn ông/bà đã sử dụng dịch vụ. Mời ông/bà đánh giá mức độ hài lòng trên Cổng dịch vụ công.",
          ],
          sms: `Ket qua ho so ${d.code} da tra luc ${d.returnedAt}. Cam on ong/ba.`,
        }
      : {
          subject: `Result of dossier ${d.code} delivered`,
          paragraphs: [
            `Dear ${d.name},`,
            `The result of dossier ${d.code} (“${d.procedure}”) was delivered at ${d.returnedAt}.`,
            "Thank you. Please rate the service on the public service portal.",
          ],
          sms: `Result of dossier ${d.code} delivered at ${d.returnedAt}. Thank you.`,
        },
});

/**
 * Từ chối giải quyết sau thẩm định: the written refusal with its reasons (NĐ 118/2025 art. 19(3)) was issued on
 * form 03; the applicant is told the reasons and where to get the written refusal.
 */
export const dossierRejected = defineTemplate({
  key: "dossier.rejected",
  version: 1,
  sensitive: false,
  required: ["name", "procedure", "code", "reason"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: `Hồ sơ ${d.code} không được giải quyết`,
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            `Sau khi thẩm định, hồ sơ ${d.code} (“${d.procedure}”) không đủ điều kiện giải quyết vì lý do sau:`,
            d.reason,
            "Văn bản từ chối giải quyết có nêu rõ lý do được trả tại Bộ phận Một cửa cùng hồ sơ của ông/bà.",
          ],
          sms: `Ho so ${d.code} khong duoc giai quyet. Ly do xem tai email hoac Bo phan Mot cua.`,
        }
      : {
          subject: `Dossier ${d.code} was not granted`,
          paragraphs: [
            `Dear ${d.name},`,
            `After appraisal, dossier ${d.code} (“${d.procedure}”) could not be granted, for this reason:`,
            d.reason,
            "The written refusal with its reasons is returned at the one-stop desk with your dossier.",
          ],
          sms: `Dossier ${d.code} was not granted. See the reason in your e-mail or at the desk.`,
        },
});

/**
 * A new appointment that is not a delay: the processing time restarted on the completed dossier (NĐ 118/2025
 * art. 19(5)), or the legal extension for verification was applied.
 */
export const dossierNewAppointment = defineTemplate({
  key: "dossier.new-appointment",
  version: 1,
  sensitive: false,
  required: ["name", "procedure", "code", "appointment", "reason"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: `Ngày hẹn trả kết quả hồ sơ ${d.code}`,
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            `Hồ sơ ${d.code} (“${d.procedure}”): ${d.reason}`,
            `Ngày hẹn trả kết quả: ${d.appointment}`,
          ],
          sms: `Ho so ${d.code}: hen tra ket qua ${d.appointment}.`,
        }
      : {
          subject: `Result appointment for dossier ${d.code}`,
          paragraphs: [
            `Dear ${d.name},`,
            `Dossier ${d.code} (“${d.procedure}”): ${d.reasonEn ?? d.reason}`,
            `Result appointment: ${d.appointment}`,
          ],
          sms: `Dossier ${d.code}: result appointment ${d.appointment}.`,
        },
});

/** The dossier ended without a result: withdrawn, stopped (NĐ 118/2025 art. 21) or closed as incomplete. */
export const dossierEnded = defineTemplate({
  key: "dossier.ended",
  version: 1,
  sensitive: false,
  required: ["name", "procedure", "reference", "outcome", "outcomeEn"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: `Hồ sơ ${d.reference}: ${d.outcome}`,
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            `Hồ sơ ${d.reference} (“${d.procedure}”): ${d.outcome}.`,
            ...(d.reason ? [`Lý do: ${d.reason}`] : []),
          ],
          sms: `Ho so ${d.reference}: ${d.outcome}.`,
        }
      : {
          subject: `Dossier ${d.reference}: ${d.outcomeEn}`,
          paragraphs: [
            `Dear ${d.name},`,
            `Dossier ${d.reference} (“${d.procedure}”): ${d.outcomeEn}.`,
            ...(d.reason ? [`Reason: ${d.reason}`] : []),
          ],
          sms: `Dossier ${d.reference}: ${d.outcomeEn}.`,
        },
});
