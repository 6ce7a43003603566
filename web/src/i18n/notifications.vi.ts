/**
 * Vietnamese texts of the notification supervision page (thông báo gửi công dân), spread into vi.ts. Every key
 * here must exist in notifications.en.ts (enforced by its type).
 */
export const notificationsVi = {
  "nav.notifications": "Thông báo gửi công dân",
  "nav.notifications.description": "Thư điện tử và tin nhắn SMS: đã gửi, chờ gửi, gửi thất bại; gửi lại.",
  "notifications.title": "Thông báo gửi công dân",
  "notifications.lead":
    "Tình trạng gửi thư điện tử và tin nhắn SMS của đơn vị và các đơn vị cấp dưới. Thông báo gửi thất bại được thử lại tự động; khi đã thất bại hẳn, quản trị có thể gửi lại.",
  "notifications.counts": "Số thông báo",
  "notifications.pending": "Chờ gửi",
  "notifications.sent": "Đã gửi",
  "notifications.dead": "Thất bại hẳn",
  "notifications.overdue": "Chờ quá 1 phút",
  "notifications.failures": "Thông báo gặp lỗi",
  "notifications.failures.empty": "Không có thông báo nào gặp lỗi.",
  "notifications.when": "Thời điểm tạo",
  "notifications.template": "Mẫu",
  "notifications.channel": "Kênh",
  "notifications.recipient": "Người nhận",
  "notifications.status": "Trạng thái",
  "notifications.attempts": "Số lần thử",
  "notifications.error": "Lỗi gần nhất",
  "notifications.retry": "Gửi lại",
  "notifications.retried": "Đã đưa thông báo vào hàng đợi gửi lại.",
  "notifications.channel.email": "Thư điện tử",
  "notifications.channel.sms": "SMS",
  "notifications.demo.title": "Hộp thư trình diễn",
  "notifications.demo.lead":
    "Chỉ có ở chế độ trình diễn: thư và tin nhắn mà máy chủ thư và cổng SMS cục bộ đã nhận (không gửi ra ngoài), để đọc mã xác nhận của công dân thử.",
  "notifications.demo.filter": "Địa chỉ thư hoặc số điện thoại",
  "notifications.demo.show": "Xem",
  "notifications.demo.empty": "Chưa có thư hay tin nhắn nào.",
  "notifications.demo.sms": "Tin nhắn SMS tới {phone}",
} as const;

export type NotificationsMessageKey = keyof typeof notificationsVi;
