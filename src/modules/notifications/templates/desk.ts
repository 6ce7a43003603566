import { defineTemplate } from "./template.ts";

/** Lịch trực thay đổi: a member of the desk is told that their duty changed (absence, stand-in, new duty). */
export const deskRosterChanged = defineTemplate({
  key: "desk.roster_changed",
  version: 1,
  sensitive: false,
  required: ["name", "unit", "date", "session", "change"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: `Thay đổi lịch trực Bộ phận Một cửa ngày ${d.date}`,
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            `Lịch trực tại ${d.unit} buổi ${d.session} ngày ${d.date} đã thay đổi: ${d.change}.`,
          ],
          sms: `Lich truc ${d.session} ngay ${d.date} thay doi: ${d.change}.`,
        }
      : {
          subject: `Change of the desk's duty roster on ${d.date}`,
          paragraphs: [
            `Dear ${d.name},`,
            `The duty roster at ${d.unit} for the ${d.session} of ${d.date} changed: ${d.change}.`,
          ],
          sms: `Duty roster for the ${d.session} of ${d.date} changed: ${d.change}.`,
        },
});
