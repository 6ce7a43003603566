/**
 * Shared pieces of the shipped catalog: time limits, workflows, recurring dossier components, exemptions and the
 * example People's Council resolution. Kept here so that the records in procedures.ts read as data.
 */
import type {
  Component,
  Duration,
  Exemption,
  FeeRule,
  ProcedureInput,
  ResolutionRef,
  SameDay,
  WorkflowStep,
} from "../procedure-schema.ts";

// ---- time ----------------------------------------------------------------------------------------------------

export const sameDay: SameDay = {
  kind: "same_day",
  variant: "same_day",
  workingHours: 8,
  cutoff: "15:00",
  afterCutoff: "next_working_day",
};
export const onTheSpot: SameDay = { ...sameDay, variant: "on_the_spot", workingHours: 2 };
export const workingDays = (value: number): Duration => ({ kind: "duration", value, unit: "working_days" });
export const calendarDays = (value: number): Duration => ({ kind: "duration", value, unit: "calendar_days" });

// ---- workflows -----------------------------------------------------------------------------------------------

const step = (
  role: WorkflowStep["role"],
  nameVi: string,
  share: number,
  canSendBack: boolean,
): WorkflowStep => ({
  role,
  nameVi,
  share,
  canSendBack,
});

/** Civil-status registration at the commune: the officer records in the register, the chairperson signs. */
export const civilStatusWorkflow: WorkflowStep[] = [
  step("reception", "Tiếp nhận, kiểm tra, số hóa hồ sơ", 15, true),
  step(
    "specialist",
    "Công chức tư pháp - hộ tịch kiểm tra, ghi Sổ hộ tịch, cập nhật cơ sở dữ liệu, trình ký",
    45,
    true,
  ),
  step("leader", "Chủ tịch (Phó Chủ tịch) UBND cấp xã ký", 25, true),
  step("clerk", "Đóng dấu, vào sổ theo dõi, trả kết quả", 15, false),
];

/** Certification: the officer compares with the original and writes the attestation; the signer certifies. */
export const certificationWorkflow: WorkflowStep[] = [
  step("reception", "Tiếp nhận yêu cầu, kiểm tra giấy tờ", 15, true),
  step("specialist", "Công chức tư pháp - hộ tịch đối chiếu, ghi lời chứng, trình ký", 45, true),
  step("leader", "Chủ tịch (Phó Chủ tịch) UBND cấp xã ký chứng thực", 25, true),
  step("clerk", "Đóng dấu, ghi sổ chứng thực, thu phí, trả kết quả", 15, false),
];

/** Ordinary appraisal at the commune. */
export function standardWorkflow(
  specialist: string,
  leader = "Lãnh đạo UBND cấp xã xem xét, ký",
): WorkflowStep[] {
  return [
    step("reception", "Tiếp nhận, kiểm tra, số hóa hồ sơ", 10, true),
    step("specialist", specialist, 55, true),
    step("leader", leader, 20, true),
    step("clerk", "Đóng dấu, vào sổ, trả kết quả", 15, false),
  ];
}

/** The commune receives and proposes; a higher-level body appraises and decides (liên thông). */
export function upwardWorkflow(specialist: string, upper: string): WorkflowStep[] {
  return [
    step("reception", "Tiếp nhận, kiểm tra, số hóa hồ sơ", 10, true),
    step("specialist", specialist, 30, true),
    step("leader", "Chủ tịch UBND cấp xã ký văn bản đề nghị", 15, true),
    step("specialist", upper, 35, true),
    step("clerk", "Nhận kết quả liên thông, trả kết quả", 10, false),
  ];
}

// ---- components ------------------------------------------------------------------------------------------------

export const identityPaper: Component = {
  id: "giay-to-tuy-than",
  name: "Hộ chiếu, thẻ căn cước (căn cước công dân) hoặc giấy tờ khác có ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng",
  handling: "present",
  originals: 1,
  copies: 0,
  requirement: { kind: "required" },
  form: null,
  note: "Xuất trình để đối chiếu; khi gửi hồ sơ qua bưu chính thì gửi kèm bản sao có chứng thực.",
};

export const authorizationPaper: Component = {
  id: "van-ban-uy-quyen",
  name: "Văn bản ủy quyền theo quy định của pháp luật",
  handling: "submit",
  originals: 1,
  copies: 0,
  requirement: { kind: "conditional", condition: "Khi ủy quyền cho người khác thực hiện" },
  form: null,
  note: "Người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột thì văn bản ủy quyền không phải chứng thực nhưng phải có giấy tờ chứng minh quan hệ.",
};

// ---- fees ------------------------------------------------------------------------------------------------------

const HO_TICH_ART_11 = "Luật Hộ tịch 2014, Điều 11 khoản 1";

export const civilStatusPersonalExemptions: Exemption[] = [
  {
    code: "revolution_contributor_family",
    label: "Người thuộc gia đình có công với cách mạng",
    basis: `${HO_TICH_ART_11} điểm a`,
  },
  { code: "poor_household", label: "Người thuộc hộ nghèo", basis: `${HO_TICH_ART_11} điểm a` },
  { code: "disabled_person", label: "Người khuyết tật", basis: `${HO_TICH_ART_11} điểm a` },
];

export const onTimeExemption: Exemption = {
  code: "on_time_registration",
  label: "Đăng ký đúng hạn",
  basis: `${HO_TICH_ART_11} điểm b`,
};

/**
 * Example provincial resolution for the seed units (Bạch Thông, Bắc Kạn). The text exists and sets fees and
 * exemptions for the province; its civil-status schedule was not read, so amounts stay unverified.
 */
export const BAC_KAN_FEES_2020: ResolutionRef = {
  number: "09/2020/NQ-HĐND",
  date: "2020-07-17",
  province: "tỉnh Bắc Kạn",
  title:
    "Ban hành quy định mức thu, miễn, giảm; thu, nộp, quản lý và sử dụng các loại phí, lệ phí trên địa bàn tỉnh Bắc Kạn",
};

const BAC_KAN_NOTE =
  "Biểu mức thu trong Nghị quyết 09/2020/NQ-HĐND chưa đọc được; từ 01/7/2025 tỉnh Bắc Kạn hợp nhất vào tỉnh Thái Nguyên, cần xác định nghị quyết của HĐND tỉnh Thái Nguyên áp dụng thay thế.";

export function bacKanCivilStatusFee(label: string, exemptions: Exemption[]): FeeRule {
  return {
    kind: "council_resolution",
    label,
    feeType: "le_phi",
    basis: "Luật Hộ tịch 2014, Điều 11 khoản 2; Thông tư 85/2019/TT-BTC (lệ phí do HĐND cấp tỉnh quyết định)",
    resolution: BAC_KAN_FEES_2020,
    amount: { status: "unverified", note: BAC_KAN_NOTE },
    exemptions,
  };
}

export function freeFee(label: string, basis: string, feeType: FeeRule["feeType"] = "le_phi"): FeeRule {
  return { kind: "free", label, feeType, basis };
}

/** Copy-certification fee: 2,000 đ a page for pages 1–2, 1,000 đ a page from page 3, at most 200,000 đ a copy. */
export function copyCertificationFee(label: string): FeeRule {
  return {
    kind: "per_page",
    label,
    feeType: "phi",
    basis: "Thông tư 226/2016/TT-BTC ngày 11/11/2016 (trang tính theo trang của bản chính)",
    tiers: [
      { fromPage: 1, toPage: 2, vndPerPage: 2_000 },
      { fromPage: 3, toPage: null, vndPerPage: 1_000 },
    ],
    capPerCopyVnd: 200_000,
    exemptions: [],
  };
}

// ---- record defaults -------------------------------------------------------------------------------------------

/** All shipped records are version 1 of the catalog snapshot taken for the two-tier local government. */
export const CATALOG_EFFECTIVE_FROM = "2025-07-01";

type Defaults =
  | "version"
  | "effectiveFrom"
  | "effectiveTo"
  | "levels"
  | "applicants"
  | "cases"
  | "conditions"
  | "notes";

export function procedure(
  record: Omit<ProcedureInput, Defaults> & Partial<Pick<ProcedureInput, Defaults>>,
): ProcedureInput {
  return {
    version: 1,
    effectiveFrom: CATALOG_EFFECTIVE_FROM,
    effectiveTo: null,
    levels: ["commune"],
    applicants: ["individual"],
    cases: [],
    conditions: [],
    notes: [],
    ...record,
  };
}

export function listing(name: string): string {
  return `Cơ sở dữ liệu quốc gia về thủ tục hành chính (Cổng Dịch vụ công quốc gia): «${name}»`;
}
