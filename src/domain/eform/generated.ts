/**
 * The e-form of a procedure that has no dedicated one, built from what the catalog holds about the procedure version:
 * who may apply (a person, an organisation or both), what is asked (a short request the desk reads), the fee inputs
 * its fee rules need (pages, copies), and one upload per dossier component (thành phần hồ sơ) with its originals and
 * copies, including the components a case (trường hợp) adds.
 *
 * Choice made where the law leaves it open: Nghị định 45/2020/NĐ-CP, Điều 9 lets an online filing carry the
 * components as electronic copies (bản điện tử) and the declaration (tờ khai) as an e-form "hoặc" as the scanned paper
 * form. Where the catalog names a prescribed paper form (mẫu) and motcua ships no dedicated e-form for it, the citizen
 * uploads the filled and signed paper form as its component; a component the desk only checks ("xuất trình") is
 * uploaded as a photo, and the original is shown when the result is collected (Điều 9 khoản 3: originals on
 * receipt of the result where the law asks for them).
 */
import {
  type Component,
  componentsFor,
  type FeeRule,
  feeRulesFor,
  type Procedure,
} from "../catalog/procedure-schema.ts";
import type { EFormComponent, EFormDefinition, EFormField } from "./definition.ts";

const ND45 =
  "Nghị định 45/2020/NĐ-CP ngày 08/4/2020 về thực hiện thủ tục hành chính trên môi trường điện tử, Điều 9 (nộp hồ sơ trực tuyến)";

/** The generated form's key: the procedure's slug behind a prefix no dedicated form uses. */
export function generatedEFormKey(procedureSlug: string): string {
  return `ho-so-truc-tuyen-${procedureSlug}`;
}

const APPLICANT_KIND = "applicantKind";
const asOrganisation = { field: APPLICANT_KIND, equals: "to-chuc" } as const;

function applicantFields(procedure: Procedure): EFormField[] {
  const person = procedure.applicants.includes("individual");
  const organisation = procedure.applicants.includes("organization");
  const fields: EFormField[] = [];
  if (person && organisation) {
    fields.push({
      id: APPLICANT_KIND,
      type: "select",
      labelVi: "Bạn nộp hồ sơ với tư cách",
      labelEn: "You are applying as",
      required: true,
      options: [
        { value: "ca-nhan", labelVi: "Cá nhân", labelEn: "A person" },
        {
          value: "to-chuc",
          labelVi: "Người đại diện của tổ chức",
          labelEn: "The representative of an organisation",
        },
      ],
    });
  }
  if (organisation) {
    const onlyOrganisation = !person;
    fields.push(
      {
        id: "organizationName",
        type: "text",
        labelVi: "Tên tổ chức",
        labelEn: "Organisation's name",
        required: onlyOrganisation,
        ...(onlyOrganisation ? {} : { requiredIf: asOrganisation, showIf: asOrganisation }),
        maxLength: 300,
      },
      {
        id: "organizationCode",
        type: "text",
        labelVi: "Mã số doanh nghiệp, mã số thuế hoặc số quyết định thành lập (nếu có)",
        labelEn: "Enterprise or tax code, or the founding decision's number (if any)",
        required: false,
        ...(onlyOrganisation ? {} : { showIf: asOrganisation }),
        maxLength: 100,
      },
    );
  }
  fields.push(
    {
      id: "applicantName",
      type: "text",
      labelVi:
        organisation && !person ? "Họ, chữ đệm, tên người đại diện" : "Họ, chữ đệm, tên người nộp hồ sơ",
      labelEn: organisation && !person ? "Representative's full name" : "Applicant's full name",
      required: true,
      maxLength: 100,
      prefill: "fullName",
    },
    {
      id: "applicantIdentity",
      type: "identity",
      labelVi: "Số định danh cá nhân (căn cước)",
      labelEn: "Personal identification number",
      required: true,
      allowOldNineDigits: false,
      prefill: "identityNumber",
    },
    {
      id: "applicantAddress",
      type: "address",
      labelVi: "Nơi cư trú",
      labelEn: "Residence",
      required: true,
      prefill: "address",
    },
    {
      id: "applicantPhone",
      type: "text",
      labelVi: "Số điện thoại liên hệ",
      labelEn: "Contact phone",
      required: true,
      maxLength: 20,
      pattern: {
        regex: "\\+?[0-9 .-]{8,20}",
        messageVi: "Số điện thoại gồm 8–20 chữ số.",
        messageEn: "A phone number has 8–20 digits.",
      },
      prefill: "phone",
    },
  );
  return fields;
}

/** Every fee rule of the procedure and its cases: which inputs (pages, copies) any of them reads. */
function feeInputsNeeded(procedure: Procedure): { pages: boolean; copies: boolean } {
  const rules: FeeRule[] = [
    ...feeRulesFor(procedure, null),
    ...procedure.cases.flatMap((c) => [...feeRulesFor(procedure, c.id)]),
  ];
  return {
    pages: rules.some((r) => r.kind === "per_page"),
    copies: rules.some((r) => r.kind === "per_page" || r.kind === "per_copy"),
  };
}

function requestFields(procedure: Procedure): EFormField[] {
  const needs = feeInputsNeeded(procedure);
  const fields: EFormField[] = [
    {
      id: "requestContent",
      type: "text",
      labelVi: "Nội dung đề nghị",
      labelEn: "What you ask for",
      hintVi: `Nêu ngắn gọn việc bạn đề nghị giải quyết theo thủ tục «${procedure.name}».`,
      hintEn: `Say briefly what you ask for under "${procedure.nameEn}".`,
      required: true,
      multiline: true,
      maxLength: 2000,
    },
  ];
  if (needs.pages) {
    fields.push({
      id: "pageCount",
      type: "number",
      labelVi: "Số trang của giấy tờ",
      labelEn: "Pages of the paper",
      required: true,
      integer: true,
      min: 1,
      max: 1000,
    });
  }
  if (needs.copies) {
    fields.push({
      id: "copyCount",
      type: "number",
      labelVi: "Số bản cần cấp",
      labelEn: "Copies wanted",
      required: true,
      integer: true,
      min: 1,
      max: 100,
    });
  }
  fields.push({
    id: "declaration",
    type: "checkbox",
    labelVi:
      "Tôi cam đoan nội dung khai trên đây và các giấy tờ tải lên là đúng sự thật, và chịu trách nhiệm trước pháp luật về cam đoan của mình.",
    labelEn:
      "I declare that the above and the papers I upload are true and I am responsible before the law for this declaration.",
    required: true,
    mustBeTrue: true,
  });
  return fields;
}

/** "1 bản chính, 2 bản sao" as the catalog counts them. */
export function quantityText(component: Pick<Component, "originals" | "copies">): { vi: string; en: string } {
  const vi: string[] = [];
  const en: string[] = [];
  if (component.originals > 0) {
    vi.push(`${component.originals} bản chính`);
    en.push(`${component.originals} original${component.originals > 1 ? "s" : ""}`);
  }
  if (component.copies > 0) {
    vi.push(`${component.copies} bản sao`);
    en.push(`${component.copies} cop${component.copies > 1 ? "ies" : "y"}`);
  }
  return { vi: vi.join(", "), en: en.join(", ") };
}

function componentNote(component: Component): { noteVi: string; noteEn: string } {
  const quantity = quantityText(component);
  const vi = [`Tại quầy: ${quantity.vi}.`];
  const en = [`At the desk: ${quantity.en}.`];
  if (component.form) {
    vi.push(`Điền theo ${component.form.name} (${component.form.issuedBy}), ký và tải lên bản chụp.`);
    en.push(`Fill in the prescribed form (${component.form.name}), sign it and upload a scan.`);
  } else if (component.handling === "present") {
    vi.push("Tải lên ảnh chụp; bản chính xuất trình khi nhận kết quả.");
    en.push("Upload a photo; show the original when you collect the result.");
  } else {
    vi.push("Tải lên bản chụp hoặc bản quét.");
    en.push("Upload a scan or a photo.");
  }
  if (component.requirement.kind === "conditional") {
    vi.push(`Chỉ khi: ${component.requirement.condition}.`);
    en.push("Only in the case stated.");
  }
  return { noteVi: vi.join(" "), noteEn: en.join(" ") };
}

function uploadOf(component: Component, cases: string[] | null): EFormComponent {
  return {
    componentId: component.id,
    // A catalog condition is prose the citizen judges ("nếu có…"); online it is an optional upload with the
    // condition beside it, and the desk asks for it in a supplement request when the case needs it.
    requirement: component.requirement.kind === "required" ? "required" : "optional",
    ...(cases ? { cases } : {}),
    ...componentNote(component),
  };
}

/** Uploads for the base components, then those a case adds or replaces, tagged with the cases that need them. */
function uploads(procedure: Procedure): EFormComponent[] {
  const out = new Map<string, { component: Component; cases: Set<string> | null }>();
  const caseIds = procedure.cases.map((c) => c.id);
  for (const component of componentsFor(procedure, null)) out.set(component.id, { component, cases: null });
  const replaced = procedure.cases.filter((c) => c.components.mode === "replace").map((c) => c.id);
  if (replaced.length > 0) {
    // The base components apply only to the cases that keep them.
    for (const entry of out.values()) entry.cases = new Set(caseIds.filter((id) => !replaced.includes(id)));
  }
  for (const c of procedure.cases) {
    if (c.components.mode === "inherit") continue;
    for (const component of c.components.items) {
      const entry = out.get(component.id);
      if (entry?.cases === null) continue;
      if (entry) entry.cases?.add(c.id);
      else out.set(component.id, { component, cases: new Set([c.id]) });
    }
  }
  return [...out.values()]
    .filter((e) => e.cases === null || e.cases.size > 0)
    .map((e) => uploadOf(e.component, e.cases ? caseIds.filter((id) => e.cases?.has(id)) : null));
}

/** The e-form built from a procedure version's catalog record. */
export function generatedEForm(procedure: Procedure, slug: string): EFormDefinition {
  const needs = feeInputsNeeded(procedure);
  return {
    key: generatedEFormKey(slug),
    procedure: slug,
    fromProcedureVersion: procedure.version,
    revision: 1,
    titleVi: `Hồ sơ trực tuyến: ${procedure.name}`,
    titleEn: `Online application: ${procedure.nameEn}`,
    source: {
      citation: `${ND45}; thành phần hồ sơ theo bản ghi danh mục thủ tục «${procedure.name}» (${procedure.source.citation})`,
      notes: [
        "Biểu mẫu tạo từ dữ liệu danh mục (đối tượng thực hiện, trường hợp, thành phần hồ sơ, phí), không phải tờ khai theo mẫu riêng.",
        "Tờ khai theo mẫu (nếu thủ tục quy định) được tải lên như một thành phần hồ sơ.",
      ],
    },
    pages: [
      {
        id: "nguoi-nop",
        titleVi: "Người nộp hồ sơ",
        titleEn: "Applicant",
        fields: applicantFields(procedure),
      },
      {
        id: "noi-dung",
        titleVi: "Nội dung đề nghị",
        titleEn: "Your request",
        fields: requestFields(procedure),
      },
    ],
    components: uploads(procedure),
    ...(needs.pages || needs.copies
      ? {
          feeInputs: {
            ...(needs.pages ? { pages: "pageCount" } : {}),
            ...(needs.copies ? { copies: "copyCount" } : {}),
          },
        }
      : {}),
  };
}
