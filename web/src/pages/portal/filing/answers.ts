import type { Answers, AnswerValue, EFormField } from "../../../../../src/domain/eform/definition.ts";
import {
  AnswerScope,
  checkValue,
  isEmpty,
  type Profile,
  prefillAnswers,
} from "../../../../../src/domain/eform/validate.ts";
import type { Lang } from "../../../i18n/index.tsx";
import type { CitizenMe, EFormViewT } from "../../../portal-api.ts";
import type { PortalTranslate } from "../portal-i18n.ts";
import { fieldLabel } from "./eform-field.tsx";

/** The account's values the e-form may pre-fill (definition.ts PREFILL_SOURCES). */
export function profileOf(citizen: CitizenMe): Profile {
  return {
    fullName: citizen.fullName,
    identityNumber: citizen.identityNumber,
    birthDate: citizen.birthDate,
    phone: citizen.phone,
    email: citizen.email,
    address: citizen.address
      ? {
          detail: citizen.address.detail,
          commune: citizen.address.commune,
          district: citizen.address.district ?? null,
          province: citizen.address.province,
        }
      : null,
  };
}

/** The saved answers, with the account's values in fields still empty. */
export function startingAnswers(
  eform: EFormViewT,
  saved: Answers,
  citizen: CitizenMe,
  today: string,
): Answers {
  const prefilled = prefillAnswers(eform.definition, profileOf(citizen), today);
  const out: Answers = { ...saved };
  for (const [key, value] of Object.entries(prefilled)) {
    if (isEmpty(out[key])) out[key] = value;
  }
  return out;
}

/**
 * The problems of one page's shown fields, as the citizen reads them: each names its field ("Nhập Họ, chữ đệm,
 * tên người yêu cầu"). The same domain code checks the answers on the server.
 */
export function pageErrors(
  eform: EFormViewT,
  fields: readonly EFormField[],
  answers: Answers,
  today: string,
  lang: Lang,
  t: PortalTranslate,
): Record<string, string> {
  const scope = new AnswerScope(eform.definition, answers);
  const out: Record<string, string> = {};
  for (const field of fields) {
    if (!scope.visible(field.id)) continue;
    const label = fieldLabel(field, lang);
    // Inside a sentence: "Nhập họ, chữ đệm, tên…", "Chọn tư cách người yêu cầu".
    const inner = label.charAt(0).toLocaleLowerCase(lang) + label.slice(1);
    const value = answers[field.id];
    if (isEmpty(value)) {
      if (scope.required(field)) {
        out[field.id] =
          field.type === "select"
            ? t("p.filing.field.choose", { label: inner })
            : field.type === "address"
              ? t("p.address.required")
              : t("p.filing.field.required", { label: inner });
      }
      continue;
    }
    if (field.type === "number" && typeof value === "string") {
      out[field.id] = t("p.filing.field.number", { label });
      continue;
    }
    if (field.type === "checkbox" && field.mustBeTrue && value !== true && scope.required(field)) {
      out[field.id] = lang === "en" ? "You need to tick this declaration." : "Bạn cần đánh dấu xác nhận này.";
      continue;
    }
    const issue = checkValue(field, value as AnswerValue, today)[0];
    if (issue) {
      out[field.id] = t("p.filing.issue", {
        label,
        message: lang === "en" ? issue.messageEn : issue.messageVi,
      });
    }
  }
  return out;
}

/** What one page sends: its shown answers, and null for its hidden ones (the server forgets them). */
export function pageAnswers(eform: EFormViewT, fields: readonly EFormField[], answers: Answers): Answers {
  const scope = new AnswerScope(eform.definition, answers);
  const out: Answers = {};
  for (const field of fields) {
    const value = answers[field.id];
    out[field.id] =
      !scope.visible(field.id) || value === undefined || (typeof value === "string" && value.trim() === "")
        ? null
        : typeof value === "string" && field.type !== "number"
          ? value.trim()
          : value;
    // A half-typed number is not an answer yet: the page refuses it before saving.
    if (field.type === "number" && typeof value === "string") out[field.id] = null;
  }
  return out;
}

/** Today in Vietnam, "YYYY-MM-DD" (e-form dates are checked against it). */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(now);
}
