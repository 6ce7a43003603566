import { defineTemplate } from "./template.ts";

/** Biên lai điện tử: the electronic receipt of an online fee payment. */
export const paymentPaid = defineTemplate({
  key: "payment.paid",
  version: 1,
  sensitive: false,
  required: ["name", "reference", "amount", "paidAt", "receiptNumber", "transactionRef"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: `Biên lai thu phí, lệ phí điện tử số ${d.receiptNumber}`,
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            `Ông/bà đã thanh toán thành công ${d.amount} đồng cho hồ sơ ${d.reference} lúc ${d.paidAt}.`,
            `Số biên lai: ${d.receiptNumber}`,
            `Mã giao dịch: ${d.transactionRef}`,
            ...(d.receiptUrl ? ["Tải biên lai điện tử tại:", d.receiptUrl] : []),
          ],
          sms: `Da thanh toan ${d.amount} dong cho ho so ${d.reference}. Bien lai so ${d.receiptNumber}.`,
        }
      : {
          subject: `Electronic fee receipt no. ${d.receiptNumber}`,
          paragraphs: [
            `Dear ${d.name},`,
            `You paid ${d.amount} VND for dossier ${d.reference} at ${d.paidAt}.`,
            `Receipt number: ${d.receiptNumber}`,
            `Transaction reference: ${d.transactionRef}`,
            ...(d.receiptUrl ? ["Download the electronic receipt at:", d.receiptUrl] : []),
          ],
          sms: `Paid ${d.amount} VND for dossier ${d.reference}. Receipt no. ${d.receiptNumber}.`,
        },
});
