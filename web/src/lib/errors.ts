import { ApiError } from "../api.ts";
import type { Lang } from "../i18n/index.tsx";

/** The message of an error in the reader's language: the server's own for API errors. */
export function errorText(error: unknown, lang: Lang): string {
  if (error instanceof ApiError) return lang === "en" ? error.messageEn : error.messageVi;
  return lang === "en" ? "Something went wrong. Please try again." : "Đã có lỗi xảy ra. Vui lòng thử lại.";
}
