import { defineTemplate } from "./template.ts";

/** An urgent document (Hỏa tốc, Thượng khẩn, Khẩn) arrived: handled at once (NĐ 30/2020 Điều 22(2)). */
export const documentUrgent = defineTemplate({
  key: "document.urgent",
  version: 1,
  sensitive: false,
  required: ["name", "urgency", "summary"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: `[${d.urgency}] Văn bản đến ${d.number ?? ""}`.trim(),
          paragraphs: [
            `Kính gửi ${d.name},`,
            `Đơn vị vừa nhận văn bản ${d.urgency.toLowerCase()} ${d.number ?? ""} của ${d.issuer ?? ""}: ${d.summary}.`,
            "Đề nghị vào phần mềm quản lý văn bản để đăng ký và xử lý ngay.",
          ],
          sms: `[${d.urgency}] Van ban den ${d.number ?? ""}: ${d.summary}`.slice(0, 150),
        }
      : {
          subject: `[${d.urgency}] Incoming document ${d.number ?? ""}`.trim(),
          paragraphs: [
            `Dear ${d.name},`,
            `Your unit has just received an urgent document ${d.number ?? ""} from ${d.issuer ?? ""}: ${d.summary}.`,
            "Please register and handle it at once in the document system.",
          ],
          sms: `[${d.urgency}] Incoming document ${d.number ?? ""}: ${d.summary}`.slice(0, 150),
        },
});
