import { defineTemplate } from "./template.ts";

/**
 * phản ánh, kiến nghị: the receipt (code and lookup secret — the secret goes by e-mail only, never by SMS) and the
 * answer, which NĐ 20/2008/NĐ-CP art. 19 sends to the submitter besides publishing it; NĐ 118/2025 art. 33(1)(g)
 * lets the submitter rate it.
 */
export const feedbackReceived = defineTemplate({
  key: "feedback.received",
  version: 1,
  sensitive: true,
  required: ["name", "code", "unit", "receivedAt", "lookupUrl"],
  render: (locale, d) => {
    const secret = d.lookupSecret ?? "";
    return locale === "vi"
      ? {
          subject: `Đã tiếp nhận phản ánh, kiến nghị ${d.code}`,
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            `${d.unit} đã tiếp nhận phản ánh, kiến nghị của ông/bà lúc ${d.receivedAt}.`,
            `Mã phản ánh, kiến nghị: ${d.code}`,
            ...(secret ? [`Mã tra cứu (giữ bí mật): ${secret}`] : []),
            "Theo dõi kết quả xử lý tại:",
            d.lookupUrl,
          ],
          sms: `Da tiep nhan phan anh, kien nghi ${d.code}. Theo doi tai: ${d.lookupUrl}`,
        }
      : {
          subject: `Feedback ${d.code} received`,
          paragraphs: [
            `Dear ${d.name},`,
            `${d.unit} received your feedback at ${d.receivedAt}.`,
            `Feedback code: ${d.code}`,
            ...(secret ? [`Lookup secret (keep it private): ${secret}`] : []),
            "Follow its handling at:",
            d.lookupUrl,
          ],
          sms: `Feedback ${d.code} received. Follow it at: ${d.lookupUrl}`,
        };
  },
});

export const feedbackAnswered = defineTemplate({
  key: "feedback.answered",
  version: 1,
  sensitive: false,
  required: ["name", "code", "unit", "answer", "publishedAt", "lookupUrl"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: `Kết quả xử lý phản ánh, kiến nghị ${d.code}`,
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            `${d.unit} đã xử lý phản ánh, kiến nghị ${d.code} của ông/bà và công khai kết quả lúc ${d.publishedAt}:`,
            d.answer,
            "Xem kết quả và đánh giá mức độ hài lòng với câu trả lời tại:",
            d.lookupUrl,
          ],
          sms: `Phan anh, kien nghi ${d.code} da co ket qua. Xem va danh gia tai: ${d.lookupUrl}`,
        }
      : {
          subject: `Answer to your feedback ${d.code}`,
          paragraphs: [
            `Dear ${d.name},`,
            `${d.unit} handled your feedback ${d.code} and published the result at ${d.publishedAt}:`,
            d.answer,
            "Read it and rate the answer at:",
            d.lookupUrl,
          ],
          sms: `Feedback ${d.code} has been answered. Read and rate it at: ${d.lookupUrl}`,
        },
});
