/**
 * The e-forms shipped with motcua for the online-capable demo procedures. Each transcribes the paper declaration
 * (tờ khai) the catalog names for the procedure — the forms of Thông tư 04/2020/TT-BTP for civil status — and
 * asks online for the catalog components a filing must upload; the declaration itself is the e-form, so it is not
 * uploaded. Each definition applies from `fromProcedureVersion` of its procedure until a later definition does.
 */
import type { EFormDefinition, EFormField } from "./definition.ts";
import { ETHNIC_GROUPS, FOREIGN_NATIONAL } from "./ethnic-groups.ts";

const TT04 =
  "Thông tư 04/2020/TT-BTP ngày 28/5/2020 của Bộ Tư pháp quy định chi tiết thi hành Luật Hộ tịch và Nghị định 123/2015/NĐ-CP (mẫu tờ khai hộ tịch, Phụ lục)";

/** Ethnicity from the official list of 54 groups (Luật Hộ tịch 2014 art. 14(1); list in ethnic-groups.ts). */
const ETHNIC_OPTIONS = [...ETHNIC_GROUPS, FOREIGN_NATIONAL].map((g) => ({
  value: g.value,
  labelVi: g.nameVi,
  labelEn: g.nameVi,
}));

/**
 * A parent's ethnicity, nationality and residence (Luật Hộ tịch 2014 art. 14(1)), shown once the parent is named
 * and required when the parent is (`needed`).
 */
function parentFields(
  prefix: "mother" | "father",
  vi: string,
  en: string,
  shown: EFormField["showIf"],
  needed: EFormField["requiredIf"],
) {
  const fields: EFormField[] = [
    {
      id: `${prefix}Ethnicity`,
      type: "select",
      labelVi: `Dân tộc của ${vi}`,
      labelEn: `${en}'s ethnicity`,
      required: false,
      options: ETHNIC_OPTIONS,
      ...(needed ? { requiredIf: needed } : {}),
      ...(shown ? { showIf: shown } : {}),
    },
    {
      id: `${prefix}Nationality`,
      type: "text",
      labelVi: `Quốc tịch của ${vi}`,
      labelEn: `${en}'s nationality`,
      required: false,
      maxLength: 100,
      ...(needed ? { requiredIf: needed } : {}),
      ...(shown ? { showIf: shown } : {}),
    },
    {
      id: `${prefix}Residence`,
      type: "text",
      labelVi: `Nơi cư trú của ${vi}`,
      labelEn: `${en}'s place of residence`,
      required: false,
      maxLength: 300,
      ...(needed ? { requiredIf: needed } : {}),
      ...(shown ? { showIf: shown } : {}),
    },
  ];
  return fields;
}

const SEX_OPTIONS = [
  { value: "nam", labelVi: "Nam", labelEn: "Male" },
  { value: "nu", labelVi: "Nữ", labelEn: "Female" },
];

const RELATION_OPTIONS = [
  { value: "ban-than", labelVi: "Bản thân", labelEn: "Myself" },
  { value: "cha", labelVi: "Cha", labelEn: "Father" },
  { value: "me", labelVi: "Mẹ", labelEn: "Mother" },
  { value: "ong-ba", labelVi: "Ông, bà", labelEn: "Grandparent" },
  { value: "nguoi-than", labelVi: "Người thân thích khác", labelEn: "Other relative" },
  { value: "uy-quyen", labelVi: "Người được ủy quyền", labelEn: "Authorised person" },
];

/** The applicant (người yêu cầu), pre-filled from the account. */
function applicantFields(relationVi: string, relationEn: string): EFormField[] {
  return [
    {
      id: "applicantName",
      type: "text",
      labelVi: "Họ, chữ đệm, tên người yêu cầu",
      labelEn: "Applicant's full name",
      required: true,
      maxLength: 100,
      prefill: "fullName",
    },
    {
      id: "applicantIdentity",
      type: "identity",
      labelVi: "Số định danh cá nhân (căn cước) của người yêu cầu",
      labelEn: "Applicant's personal identification number",
      required: true,
      allowOldNineDigits: false,
      prefill: "identityNumber",
    },
    {
      id: "applicantAddress",
      type: "address",
      labelVi: "Nơi cư trú của người yêu cầu",
      labelEn: "Applicant's residence",
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
    {
      id: "applicantRelation",
      type: "select",
      labelVi: relationVi,
      labelEn: relationEn,
      required: true,
      options: RELATION_OPTIONS,
    },
  ];
}

const DECLARATION: EFormField = {
  id: "declaration",
  type: "checkbox",
  labelVi:
    "Tôi cam đoan nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.",
  labelEn: "I declare that the above is true and I am responsible before the law for this declaration.",
  required: true,
  mustBeTrue: true,
};

const authorisedCondition = { field: "applicantRelation", equals: "uy-quyen" } as const;

export const BIRTH_REGISTRATION: EFormDefinition = {
  key: "to-khai-dang-ky-khai-sinh",
  procedure: "dang-ky-khai-sinh",
  fromProcedureVersion: 1,
  // Revision 2: the child's nationality and the parents' ethnicity, nationality and residence (Luật Hộ tịch 2014
  // art. 14(1)); ethnicity from the 54 groups of the official list.
  revision: 2,
  titleVi: "Tờ khai đăng ký khai sinh",
  titleEn: "Birth registration declaration",
  source: {
    citation: `${TT04}: Tờ khai đăng ký khai sinh`,
    notes: [
      "Thành phần hồ sơ theo bản ghi danh mục thủ tục «Đăng ký khai sinh» (Quyết định 1079/QĐ-BTP ngày 11/6/2024).",
      "Giấy tờ tùy thân xuất trình tại quầy được thay bằng bản chụp khi nộp trực tuyến.",
    ],
  },
  pages: [
    {
      id: "nguoi-yeu-cau",
      titleVi: "Người yêu cầu",
      titleEn: "Applicant",
      fields: applicantFields("Quan hệ với người được khai sinh", "Relation to the child"),
    },
    {
      id: "nguoi-duoc-khai-sinh",
      titleVi: "Người được khai sinh",
      titleEn: "The child",
      fields: [
        {
          id: "childName",
          type: "text",
          labelVi: "Họ, chữ đệm, tên",
          labelEn: "Full name",
          required: true,
          maxLength: 100,
        },
        {
          id: "childSex",
          type: "select",
          labelVi: "Giới tính",
          labelEn: "Sex",
          required: true,
          options: SEX_OPTIONS,
        },
        {
          id: "childBirthDate",
          type: "date",
          labelVi: "Ngày, tháng, năm sinh",
          labelEn: "Date of birth",
          required: true,
          range: "past",
        },
        {
          id: "childBirthPlace",
          type: "text",
          labelVi: "Nơi sinh (cơ sở y tế hoặc địa chỉ)",
          labelEn: "Place of birth",
          required: true,
          maxLength: 300,
        },
        {
          id: "childEthnicity",
          type: "select",
          labelVi: "Dân tộc",
          labelEn: "Ethnicity",
          required: true,
          options: ETHNIC_OPTIONS,
        },
        {
          id: "childNationality",
          type: "text",
          labelVi: "Quốc tịch",
          labelEn: "Nationality",
          required: true,
          maxLength: 100,
        },
        {
          id: "childHomeTown",
          type: "text",
          labelVi: "Quê quán",
          labelEn: "Home town",
          required: false,
          maxLength: 300,
        },
        {
          id: "surrogacy",
          type: "checkbox",
          labelVi: "Trẻ em sinh ra do mang thai hộ",
          labelEn: "The child was born through surrogacy",
          required: false,
        },
        {
          id: "abandoned",
          type: "checkbox",
          labelVi: "Trẻ em bị bỏ rơi",
          labelEn: "The child was abandoned",
          required: false,
        },
      ],
    },
    {
      id: "cha-me",
      titleVi: "Cha, mẹ",
      titleEn: "Parents",
      fields: [
        {
          id: "motherName",
          type: "text",
          labelVi: "Họ, chữ đệm, tên người mẹ",
          labelEn: "Mother's full name",
          required: false,
          requiredIf: { field: "abandoned", notEquals: true },
          maxLength: 100,
        },
        {
          id: "motherBirthYear",
          type: "number",
          labelVi: "Năm sinh của mẹ",
          labelEn: "Mother's year of birth",
          required: false,
          integer: true,
          min: 1900,
          max: 2199,
          showIf: { field: "motherName", filled: true },
        },
        ...parentFields(
          "mother",
          "mẹ",
          "Mother",
          { field: "motherName", filled: true },
          { field: "abandoned", notEquals: true },
        ),
        {
          id: "fatherKnown",
          type: "select",
          labelVi: "Đã xác định được người cha?",
          labelEn: "Is the father known?",
          required: true,
          options: [
            { value: "co", labelVi: "Có", labelEn: "Yes" },
            { value: "khong", labelVi: "Chưa", labelEn: "Not yet" },
          ],
        },
        {
          id: "fatherName",
          type: "text",
          labelVi: "Họ, chữ đệm, tên người cha",
          labelEn: "Father's full name",
          required: false,
          requiredIf: { field: "fatherKnown", equals: "co" },
          showIf: { field: "fatherKnown", equals: "co" },
          maxLength: 100,
        },
        {
          id: "fatherBirthYear",
          type: "number",
          labelVi: "Năm sinh của cha",
          labelEn: "Father's year of birth",
          required: false,
          integer: true,
          min: 1900,
          max: 2199,
          showIf: { field: "fatherKnown", equals: "co" },
        },
        ...parentFields(
          "father",
          "cha",
          "Father",
          { field: "fatherKnown", equals: "co" },
          { field: "fatherKnown", equals: "co" },
        ),
      ],
    },
    {
      id: "cam-doan",
      titleVi: "Trích lục và cam đoan",
      titleEn: "Extracts and declaration",
      fields: [
        {
          id: "extractCopies",
          type: "number",
          labelVi: "Số bản sao trích lục khai sinh đề nghị cấp",
          labelEn: "Copies of the birth extract requested",
          required: false,
          integer: true,
          min: 0,
          max: 20,
        },
        DECLARATION,
      ],
    },
  ],
  components: [
    {
      componentId: "giay-chung-sinh",
      requirement: "required",
      noteVi:
        "Bản chụp hoặc bản quét Giấy chứng sinh (hoặc văn bản của người làm chứng, giấy cam đoan về việc sinh).",
      noteEn: "A photo or scan of the birth certificate from the hospital (or a witness statement).",
    },
    {
      componentId: "xac-nhan-mang-thai-ho",
      requirement: "conditional",
      requiredIf: { field: "surrogacy", equals: true },
    },
    {
      componentId: "bien-ban-tre-bi-bo-roi",
      requirement: "conditional",
      requiredIf: { field: "abandoned", equals: true },
    },
    {
      componentId: "giay-to-tuy-than",
      requirement: "required",
      noteVi: "Ảnh chụp hai mặt thẻ căn cước của người yêu cầu.",
      noteEn: "A photo of both sides of the applicant's identity card.",
    },
    { componentId: "van-ban-uy-quyen", requirement: "conditional", requiredIf: authorisedCondition },
  ],
};

export const MARITAL_STATUS_CONFIRMATION: EFormDefinition = {
  key: "to-khai-xac-nhan-tinh-trang-hon-nhan",
  procedure: "cap-giay-xac-nhan-tinh-trang-hon-nhan",
  fromProcedureVersion: 1,
  revision: 1,
  titleVi: "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
  titleEn: "Declaration for a certificate of marital status",
  source: {
    citation: `${TT04}: Tờ khai cấp Giấy xác nhận tình trạng hôn nhân`,
    notes: [
      "Thành phần hồ sơ theo bản ghi danh mục thủ tục «Cấp Giấy xác nhận tình trạng hôn nhân» (mã 1.004873).",
      "Giấy tờ tùy thân xuất trình tại quầy được thay bằng bản chụp khi nộp trực tuyến.",
    ],
  },
  pages: [
    {
      id: "nguoi-yeu-cau",
      titleVi: "Người yêu cầu",
      titleEn: "Applicant",
      fields: applicantFields("Quan hệ với người được cấp giấy xác nhận", "Relation to the person concerned"),
    },
    {
      id: "nguoi-duoc-xac-nhan",
      titleVi: "Người được cấp Giấy xác nhận",
      titleEn: "The person concerned",
      fields: [
        {
          id: "subjectName",
          type: "text",
          labelVi: "Họ, chữ đệm, tên",
          labelEn: "Full name",
          required: true,
          maxLength: 100,
          prefill: "fullName",
        },
        {
          id: "subjectBirthDate",
          type: "date",
          labelVi: "Ngày, tháng, năm sinh",
          labelEn: "Date of birth",
          required: true,
          range: "past",
          prefill: "birthDate",
        },
        {
          id: "subjectSex",
          type: "select",
          labelVi: "Giới tính",
          labelEn: "Sex",
          required: true,
          options: SEX_OPTIONS,
        },
        {
          id: "subjectIdentity",
          type: "identity",
          labelVi: "Số định danh cá nhân",
          labelEn: "Personal identification number",
          required: true,
          allowOldNineDigits: false,
          prefill: "identityNumber",
        },
        {
          id: "subjectAddress",
          type: "address",
          labelVi: "Nơi cư trú",
          labelEn: "Residence",
          required: true,
          prefill: "address",
        },
      ],
    },
    {
      id: "tinh-trang-hon-nhan",
      titleVi: "Tình trạng hôn nhân",
      titleEn: "Marital status",
      fields: [
        {
          id: "maritalStatus",
          type: "select",
          labelVi: "Tình trạng hôn nhân hiện nay",
          labelEn: "Current marital status",
          required: true,
          options: [
            { value: "chua-ket-hon", labelVi: "Chưa đăng ký kết hôn với ai", labelEn: "Never married" },
            { value: "dang-co-vo-chong", labelVi: "Đang có vợ/chồng", labelEn: "Married" },
            { value: "da-ly-hon", labelVi: "Đã ly hôn", labelEn: "Divorced" },
            { value: "vo-chong-da-chet", labelVi: "Vợ/chồng đã chết", labelEn: "Widowed" },
          ],
        },
        {
          id: "divorcedAbroad",
          type: "checkbox",
          labelVi: "Việc ly hôn (hủy việc kết hôn) đã được giải quyết ở nước ngoài",
          labelEn: "The divorce (annulment) was decided abroad",
          required: false,
          showIf: { field: "maritalStatus", equals: "da-ly-hon" },
        },
        {
          id: "purpose",
          type: "text",
          labelVi: "Mục đích sử dụng Giấy xác nhận",
          labelEn: "What the certificate is for",
          required: true,
          maxLength: 300,
        },
        {
          id: "spouseName",
          type: "text",
          labelVi: "Họ, chữ đệm, tên người dự định kết hôn",
          labelEn: "Full name of the intended spouse",
          required: false,
          requiredIf: { field: "purposeMarriage", equals: true },
          showIf: { field: "purposeMarriage", equals: true },
          maxLength: 100,
        },
        {
          id: "purposeMarriage",
          type: "checkbox",
          labelVi: "Dùng để đăng ký kết hôn",
          labelEn: "For a marriage registration",
          required: false,
        },
        {
          id: "previouslyIssued",
          type: "checkbox",
          labelVi: "Đã được cấp Giấy xác nhận tình trạng hôn nhân trước đây (đề nghị cấp lại)",
          labelEn: "A certificate was issued before (asking for a new one)",
          required: false,
        },
        {
          id: "copies",
          type: "number",
          labelVi: "Số lượng Giấy xác nhận đề nghị cấp",
          labelEn: "Number of certificates requested",
          required: true,
          integer: true,
          min: 1,
          max: 10,
        },
        DECLARATION,
      ],
    },
  ],
  components: [
    {
      componentId: "giay-to-tuy-than",
      requirement: "required",
      noteVi: "Ảnh chụp hai mặt thẻ căn cước của người yêu cầu.",
      noteEn: "A photo of both sides of the applicant's identity card.",
    },
    {
      componentId: "ban-an-ly-hon",
      requirement: "conditional",
      requiredIf: {
        any: [
          {
            all: [
              { field: "maritalStatus", equals: "da-ly-hon" },
              { field: "divorcedAbroad", notEquals: true },
            ],
          },
          { field: "maritalStatus", equals: "vo-chong-da-chet" },
        ],
      },
    },
    {
      componentId: "trich-luc-ghi-chu-ly-hon",
      requirement: "conditional",
      requiredIf: { field: "divorcedAbroad", equals: true },
    },
    {
      componentId: "giay-xac-nhan-cu",
      requirement: "conditional",
      requiredIf: { field: "previouslyIssued", equals: true },
    },
    { componentId: "van-ban-uy-quyen", requirement: "conditional", requiredIf: authorisedCondition },
  ],
};

export const COPY_CERTIFICATION: EFormDefinition = {
  key: "de-nghi-chung-thuc-ban-sao",
  procedure: "chung-thuc-ban-sao-tu-ban-chinh",
  fromProcedureVersion: 1,
  revision: 1,
  titleVi: "Đề nghị chứng thực bản sao từ bản chính",
  titleEn: "Request for certified copies from an original",
  source: {
    citation:
      "Nghị định 23/2015/NĐ-CP, Điều 20 (thủ tục chứng thực bản sao từ bản chính); Thông tư 226/2016/TT-BTC (phí chứng thực tính theo trang và số bản)",
    notes: [
      "Thủ tục không có tờ khai theo mẫu; các trường dưới đây là thông tin cần để tính phí và đối chiếu theo bản ghi danh mục «Chứng thực bản sao từ bản chính…» (mã 2.000815).",
      "Nộp trực tuyến một phần: bản chính vẫn phải xuất trình để đối chiếu khi nhận kết quả.",
    ],
  },
  pages: [
    {
      id: "nguoi-yeu-cau",
      titleVi: "Người yêu cầu",
      titleEn: "Applicant",
      fields: applicantFields("Tư cách người yêu cầu", "Who is asking"),
    },
    {
      id: "giay-to",
      titleVi: "Giấy tờ cần chứng thực",
      titleEn: "The paper to certify",
      fields: [
        {
          id: "documentName",
          type: "text",
          labelVi: "Tên giấy tờ, văn bản (bản chính)",
          labelEn: "Name of the original",
          required: true,
          maxLength: 300,
        },
        {
          id: "issuer",
          type: "text",
          labelVi: "Cơ quan, tổ chức cấp",
          labelEn: "Issuing body",
          required: true,
          maxLength: 300,
        },
        {
          id: "pageCount",
          type: "number",
          labelVi: "Số trang của bản chính",
          labelEn: "Pages of the original",
          required: true,
          integer: true,
          min: 1,
          max: 1000,
        },
        {
          id: "copyCount",
          type: "number",
          labelVi: "Số bản sao cần chứng thực",
          labelEn: "Certified copies wanted",
          required: true,
          integer: true,
          min: 1,
          max: 100,
        },
        DECLARATION,
      ],
    },
  ],
  components: [
    {
      componentId: "ban-chinh-va-ban-sao",
      requirement: "required",
      noteVi: "Bản quét đầy đủ các trang của bản chính; bản chính xuất trình khi nhận kết quả.",
      noteEn: "A scan of every page of the original; show the original when you collect the result.",
    },
  ],
  feeInputs: { pages: "pageCount", copies: "copyCount" },
};

export const SHIPPED_EFORMS: readonly EFormDefinition[] = [
  BIRTH_REGISTRATION,
  MARITAL_STATUS_CONFIRMATION,
  COPY_CERTIFICATION,
];

/** The shipped e-form for a procedure version: the latest definition that starts at or before it. */
export function shippedEFormFor(procedure: string, procedureVersion: number): EFormDefinition | null {
  const candidates = SHIPPED_EFORMS.filter(
    (d) => d.procedure === procedure && d.fromProcedureVersion <= procedureVersion,
  );
  candidates.sort((a, b) => b.fromProcedureVersion - a.fromProcedureVersion || b.revision - a.revision);
  return candidates[0] ?? null;
}
