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

const ROLE_VI: Record<string, string> = { lead: "chủ trì", support: "phối hợp", info: "để biết" };
const ROLE_EN: Record<string, string> = { lead: "lead", support: "support", info: "for information" };

/**
 * An assignment of an incoming document is due soon: the working day before its due date (NĐ 30/2020 Điều 24,
 * following up the handling of incoming documents; the lead time is motcua's choice, see
 * src/domain/documents/reminders.ts). Data: name, number (số/ký hiệu, or the arrival number when it has none),
 * summary, role, due (dd/mm/yyyy).
 */
export const documentDue = defineTemplate({
  key: "document.due",
  version: 1,
  sensitive: false,
  required: ["name", "number", "summary", "role", "due"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: `Văn bản đến sắp đến hạn xử lý (${d.due})`,
          paragraphs: [
            `Kính gửi ${d.name},`,
            `Văn bản đến số ${d.number} được giao cho ông/bà (${ROLE_VI[d.role] ?? d.role}) sắp đến hạn xử lý: hạn ngày ${d.due}.`,
            `Trích yếu: ${d.summary}.`,
            "Đề nghị ông/bà hoàn thành việc xử lý đúng hạn trên phần mềm quản lý văn bản.",
          ],
          sms: `Văn bản đến số ${d.number} sắp đến hạn xử lý ngày ${d.due}: ${d.summary}`.slice(0, 150),
        }
      : {
          subject: `Incoming document due soon (${d.due})`,
          paragraphs: [
            `Dear ${d.name},`,
            `The incoming document no. ${d.number} assigned to you (${ROLE_EN[d.role] ?? d.role}) is due soon: by ${d.due}.`,
            `Summary: ${d.summary}.`,
            "Please finish handling it on time in the document system.",
          ],
          sms: `Incoming document no. ${d.number} is due on ${d.due}: ${d.summary}`.slice(0, 150),
        },
});

/** An assignment of an incoming document is past its due date (NĐ 30/2020 Điều 24). Data as document.due. */
export const documentOverdue = defineTemplate({
  key: "document.overdue",
  version: 1,
  sensitive: false,
  required: ["name", "number", "summary", "role", "due"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: `Văn bản đến quá hạn xử lý (hạn ${d.due})`,
          paragraphs: [
            `Kính gửi ${d.name},`,
            `Văn bản đến số ${d.number} được giao cho ông/bà (${ROLE_VI[d.role] ?? d.role}) đã quá hạn xử lý: hạn ngày ${d.due}.`,
            `Trích yếu: ${d.summary}.`,
            "Đề nghị ông/bà khẩn trương xử lý và báo cáo lãnh đạo đơn vị.",
          ],
          sms: `Văn bản đến số ${d.number} đã quá hạn xử lý (hạn ${d.due}): ${d.summary}`.slice(0, 150),
        }
      : {
          subject: `Incoming document overdue (due ${d.due})`,
          paragraphs: [
            `Dear ${d.name},`,
            `The incoming document no. ${d.number} assigned to you (${ROLE_EN[d.role] ?? d.role}) is past its due date: ${d.due}.`,
            `Summary: ${d.summary}.`,
            "Please handle it without delay and report to your unit's leader.",
          ],
          sms: `Incoming document no. ${d.number} is overdue (due ${d.due}): ${d.summary}`.slice(0, 150),
        },
});
