import { defineTemplate } from "./template.ts";

/** tài khoản công dân: the messages of account registration and recovery. */

export const citizenConfirmCode = defineTemplate({
  key: "citizen.confirm-code",
  version: 1,
  sensitive: true,
  required: ["name", "code", "minutes"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: `Mã xác nhận tài khoản Cổng dịch vụ công: ${d.code}`,
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            `Mã xác nhận đăng ký tài khoản của ông/bà là: ${d.code}`,
            `Mã có hiệu lực trong ${d.minutes} phút. Không cung cấp mã này cho bất kỳ ai, kể cả cán bộ.`,
            "Nếu ông/bà không đăng ký tài khoản, xin bỏ qua thư này.",
          ],
          sms: `Ma xac nhan tai khoan Cong DVC: ${d.code}. Hieu luc ${d.minutes} phut. Khong cung cap ma cho bat ky ai.`,
        }
      : {
          subject: `Your public service portal confirmation code: ${d.code}`,
          paragraphs: [
            `Dear ${d.name},`,
            `Your account confirmation code is: ${d.code}`,
            `The code is valid for ${d.minutes} minutes. Do not give it to anyone, including officials.`,
            "If you did not register an account, please ignore this message.",
          ],
          sms: `Public service portal code: ${d.code}. Valid ${d.minutes} minutes. Do not share it.`,
        },
});

export const citizenPasswordReset = defineTemplate({
  key: "citizen.password-reset",
  version: 1,
  sensitive: true,
  required: ["name", "link", "minutes"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: "Đặt lại mật khẩu tài khoản Cổng dịch vụ công",
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            "Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản của ông/bà. Mở liên kết sau để đặt mật khẩu mới:",
            d.link as string,
            `Liên kết dùng được một lần, trong ${d.minutes} phút. Nếu ông/bà không yêu cầu, xin bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.`,
          ],
          sms: `Dat lai mat khau Cong DVC: ${d.link} (dung 1 lan, ${d.minutes} phut).`,
        }
      : {
          subject: "Reset your public service portal password",
          paragraphs: [
            `Dear ${d.name},`,
            "We received a request to reset the password of your account. Open this link to choose a new password:",
            d.link as string,
            `The link works once, for ${d.minutes} minutes. If you did not ask for it, ignore this message; your password stays unchanged.`,
          ],
          sms: `Reset your portal password: ${d.link} (single use, ${d.minutes} minutes).`,
        },
});

/**
 * Sent to the address of an existing account when someone registers with it again: the registration form answers
 * the same either way, so the page does not tell whether an account exists; the owner learns it here.
 */
export const citizenAlreadyRegistered = defineTemplate({
  key: "citizen.already-registered",
  version: 1,
  sensitive: false,
  required: ["name", "loginUrl"],
  render: (locale, d) =>
    locale === "vi"
      ? {
          subject: "Tài khoản Cổng dịch vụ công của ông/bà đã tồn tại",
          paragraphs: [
            `Kính gửi ông/bà ${d.name},`,
            "Vừa có yêu cầu đăng ký tài khoản mới bằng thông tin của ông/bà, nhưng ông/bà đã có tài khoản. Ông/bà có thể đăng nhập tại:",
            d.loginUrl as string,
            "Nếu quên mật khẩu, hãy dùng chức năng “Quên mật khẩu”. Nếu không phải ông/bà yêu cầu, xin bỏ qua thư này.",
          ],
          sms: `Thong tin cua ong/ba da co tai khoan Cong DVC. Dang nhap: ${d.loginUrl}`,
        }
      : {
          subject: "You already have a public service portal account",
          paragraphs: [
            `Dear ${d.name},`,
            "Someone just asked to register a new account with your details, but you already have one. You can sign in at:",
            d.loginUrl as string,
            "If you forgot your password, use “Forgot password”. If this was not you, please ignore this message.",
          ],
          sms: `You already have a portal account. Sign in: ${d.loginUrl}`,
        },
});
