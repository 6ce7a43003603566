/**
 * Deterministic generator of synthetic-but-plausible procedures for the search benchmark (5,000 procedures next to
 * the real catalog). Every generated record validates against ProcedureSchema and is marked synthetic three ways:
 * its code has status "synthetic" in the reserved range 9.9xxxxx, its id starts with "tong-hop-", and its source
 * says it is generated. Names are built from Vietnamese administrative vocabulary with full diacritics, so that
 * diacritic-insensitive search and typo tolerance are exercised on realistic text.
 */
import { FIELD_CODES, type FieldCode } from "./fields.ts";
import type {
  Component,
  FeeRule,
  OnlineLevel,
  Procedure,
  ProcedureCase,
  ProcessingTime,
  WorkflowStep,
} from "./procedure-schema.ts";
import { ProcedureSchema } from "./procedure-schema.ts";

export const SYNTHETIC_ID_PREFIX = "tong-hop-";
export const MAX_SYNTHETIC = 99_999;

/** Mulberry32: small, fast, good enough for test data; same seed, same sequence on every platform. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ACTIONS = [
  ["Cấp", "Issuance of"],
  ["Cấp lại", "Re-issuance of"],
  ["Cấp đổi", "Replacement of"],
  ["Đăng ký", "Registration of"],
  ["Đăng ký thay đổi", "Amendment of"],
  ["Xác nhận", "Confirmation of"],
  ["Công nhận", "Recognition of"],
  ["Gia hạn", "Extension of"],
  ["Điều chỉnh", "Adjustment of"],
  ["Thu hồi", "Revocation of"],
  ["Hỗ trợ", "Support for"],
  ["Thẩm định", "Appraisal of"],
] as const;

const OBJECTS = [
  ["giấy chứng nhận hoạt động", "operating certificate"],
  ["giấy phép kinh doanh dịch vụ", "service business licence"],
  ["hồ sơ hưởng trợ cấp hằng tháng", "monthly allowance file"],
  ["danh hiệu khu dân cư tiêu biểu", "model neighbourhood title"],
  ["câu lạc bộ văn nghệ quần chúng", "community arts club"],
  ["điểm sinh hoạt cộng đồng", "community meeting place"],
  ["nhà văn hóa thôn, tổ dân phố", "village cultural house"],
  ["hợp tác xã nông nghiệp", "agricultural cooperative"],
  ["tổ hợp tác sản xuất", "production cooperation group"],
  ["trang trại chăn nuôi", "livestock farm"],
  ["vùng trồng cây ăn quả", "fruit-growing area"],
  ["cơ sở giết mổ gia súc nhỏ lẻ", "small slaughter facility"],
  ["chợ dân sinh", "local market"],
  ["điểm bán lẻ sản phẩm thuốc lá", "tobacco retail point"],
  ["công trình nhà ở riêng lẻ", "detached house construction"],
  ["biển hiệu, bảng quảng cáo", "signboard"],
  ["hội đồng hòa giải cơ sở", "grassroots mediation team"],
  ["hương ước, quy ước thôn", "village covenant"],
  ["lễ hội truyền thống", "traditional festival"],
  ["nhóm trẻ gia đình", "home childcare group"],
  ["lớp học xóa mù chữ", "literacy class"],
  ["trạm y tế lưu động", "mobile health post"],
  ["tủ thuốc cộng đồng", "community medicine cabinet"],
  ["điểm thu gom rác thải sinh hoạt", "household waste collection point"],
  ["giếng khoan khai thác nước", "water well"],
  ["tàu cá dưới 6 mét", "fishing boat under 6 m"],
  ["đàn ong mật", "beehive"],
  ["sổ theo dõi người lao động", "worker register"],
  ["hộ gia đình làm nông nghiệp có mức sống trung bình", "average-income farming household"],
  ["người cao tuổi không có lương hưu", "elderly person without pension"],
] as const;

const QUALIFIERS = [
  "",
  "",
  "",
  " trên địa bàn xã",
  " trên địa bàn phường",
  " đối với hộ gia đình, cá nhân",
  " cho tổ chức, cá nhân",
  " lần đầu",
  " do bị mất, hư hỏng",
  " trong trường hợp thay đổi chủ sở hữu",
  " theo cơ chế một cửa liên thông",
] as const;

const DOC_NAMES = [
  "Đơn đề nghị theo mẫu",
  "Tờ khai thông tin",
  "Bản sao giấy chứng nhận quyền sử dụng đất",
  "Bản kê khai tài sản, trang thiết bị",
  "Danh sách thành viên",
  "Biên bản họp thống nhất",
  "Bản cam kết thực hiện",
  "Sơ đồ vị trí",
  "Giấy xác nhận của trưởng thôn",
  "Bản sao quyết định đã cấp trước đây",
] as const;

const RESULTS = ["decision", "certificate", "confirmation", "registration", "written_reply"] as const;

/**
 * Generates `count` synthetic procedures from `seed`. Same arguments, same output (deep-equal), on any machine.
 * Codes are 9.90001, 9.90002, … so they never collide with real ones (first digit 1–8).
 */
export function generateSyntheticProcedures(count: number, seed = 20_261_128): Procedure[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_SYNTHETIC) {
    throw new RangeError(`Số thủ tục tổng hợp phải từ 0 đến ${MAX_SYNTHETIC}`);
  }
  const rnd = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

  const out: Procedure[] = [];
  for (let i = 1; i <= count; i++) {
    const [actionVi, actionEn] = pick(ACTIONS);
    const [objectVi, objectEn] = pick(OBJECTS);
    const qualifier = pick(QUALIFIERS);
    const name = `${actionVi} ${objectVi}${qualifier}`;
    const serial = String(i).padStart(5, "0");

    const components: Component[] = Array.from({ length: int(1, 5) }, (_, k) => {
      const conditional = k > 0 && rnd() < 0.3;
      return {
        id: `thanh-phan-${k + 1}`,
        name: `${pick(DOC_NAMES)} (${k + 1})`,
        handling: "submit",
        originals: int(0, 1),
        copies: 1,
        requirement: conditional
          ? { kind: "conditional", condition: "Trường hợp có thay đổi so với lần trước" }
          : { kind: "required" },
        form:
          k === 0 && rnd() < 0.5
            ? { code: `mau-tong-hop-${serial}`, name: "Mẫu đơn đề nghị", issuedBy: "Dữ liệu tổng hợp" }
            : null,
        note: null,
      };
    });

    const processingTime: ProcessingTime =
      rnd() < 0.25
        ? {
            standard: {
              kind: "same_day",
              variant: "same_day",
              workingHours: 8,
              cutoff: "15:00",
              afterCutoff: "next_working_day",
            },
            online: null,
            extension: null,
          }
        : {
            standard: { kind: "duration", value: int(1, 30), unit: "working_days" },
            online: rnd() < 0.2 ? { kind: "duration", value: 1, unit: "working_days" } : null,
            extension:
              rnd() < 0.2
                ? { total: { kind: "duration", value: 45, unit: "working_days" }, when: "Cần xác minh" }
                : null,
          };

    const fees = [syntheticFee(rnd, int)];
    const cases: ProcedureCase[] =
      rnd() < 0.2
        ? [
            {
              id: "truc-tiep",
              name: "Nộp hồ sơ trực tiếp",
              components: { mode: "inherit" },
              fees: { mode: "inherit" },
              processingTime: { mode: "inherit" },
            },
            {
              id: "truc-tuyen",
              name: "Nộp hồ sơ trực tuyến",
              components: { mode: "inherit" },
              fees: {
                mode: "replace",
                rules: [
                  {
                    kind: "free",
                    label: "Miễn khi nộp trực tuyến",
                    feeType: "le_phi",
                    basis: "Dữ liệu tổng hợp",
                  },
                ],
              },
              processingTime: { mode: "inherit" },
            },
          ]
        : [];

    const record = {
      id: `${SYNTHETIC_ID_PREFIX}${serial}`,
      version: 1,
      effectiveFrom: "2025-07-01",
      effectiveTo: null,
      code: { status: "synthetic", value: `9.9${serial}` },
      name,
      nameEn: `${actionEn} ${objectEn} (synthetic)`,
      fieldCode: pick<FieldCode>(FIELD_CODES),
      levels: rnd() < 0.8 ? ["commune"] : ["commune", "province"],
      applicants: rnd() < 0.5 ? ["individual"] : ["individual", "organization"],
      conditions: rnd() < 0.3 ? ["Người đề nghị cư trú hoặc có cơ sở trên địa bàn"] : [],
      components,
      processingTime,
      fees,
      cases,
      result: { kind: pick(RESULTS), name: `Văn bản giải quyết: ${objectVi}` },
      legalBasis: ["Dữ liệu tổng hợp — không có căn cứ pháp lý thật"],
      onlineLevel: pick<OnlineLevel>(["full", "partial", "partial", "none"]),
      postal: { receiveDossier: rnd() < 0.6, deliverResult: rnd() < 0.7 },
      workflow: syntheticWorkflow(rnd, int),
      source: {
        citation: "Dữ liệu tổng hợp sinh tự động cho kiểm thử hiệu năng — không phải thủ tục hành chính thật",
        portalListing: "Không có (dữ liệu tổng hợp)",
        consulted: [],
      },
      notes: [`Sinh bởi generateSyntheticProcedures với seed ${seed}`],
    };
    out.push(ProcedureSchema.parse(record));
  }
  return out;
}

function syntheticFee(rnd: () => number, int: (min: number, max: number) => number): FeeRule {
  const r = rnd();
  if (r < 0.45)
    return { kind: "free", label: "Không thu phí, lệ phí", feeType: "le_phi", basis: "Dữ liệu tổng hợp" };
  if (r < 0.7) {
    return {
      kind: "fixed",
      label: "Lệ phí giải quyết",
      feeType: "le_phi",
      basis: "Dữ liệu tổng hợp",
      amountVnd: int(1, 20) * 5_000,
      per: "dossier",
      exemptions: [],
    };
  }
  if (r < 0.8) {
    return {
      kind: "per_copy",
      label: "Phí cấp bản sao",
      feeType: "phi",
      basis: "Dữ liệu tổng hợp",
      vndPerCopy: int(1, 4) * 2_000,
      exemptions: [],
    };
  }
  if (r < 0.9) {
    return {
      kind: "per_page",
      label: "Phí theo trang",
      feeType: "phi",
      basis: "Dữ liệu tổng hợp",
      tiers: [
        { fromPage: 1, toPage: 2, vndPerPage: 2_000 },
        { fromPage: 3, toPage: null, vndPerPage: 1_000 },
      ],
      capPerCopyVnd: 200_000,
      exemptions: [],
    };
  }
  return {
    kind: "council_resolution",
    label: "Lệ phí do HĐND tỉnh quy định",
    feeType: "le_phi",
    basis: "Dữ liệu tổng hợp",
    resolution: {
      number: "00/2025/NQ-HĐND",
      date: "2025-01-01",
      province: "tỉnh mẫu",
      title: "Nghị quyết mẫu (tổng hợp)",
    },
    amount: { status: "confirmed", vnd: int(1, 10) * 5_000, per: "case", evidence: "Dữ liệu tổng hợp" },
    exemptions: [{ code: "poor_household", label: "Người thuộc hộ nghèo", basis: "Dữ liệu tổng hợp" }],
  };
}

function syntheticWorkflow(rnd: () => number, int: (min: number, max: number) => number): WorkflowStep[] {
  const reception = int(5, 20);
  const leader = int(10, 25);
  const clerk = rnd() < 0.7 ? int(5, 15) : 0;
  const specialist = 100 - reception - leader - clerk;
  const steps: WorkflowStep[] = [
    { role: "reception", nameVi: "Tiếp nhận hồ sơ", share: reception, canSendBack: true },
    { role: "specialist", nameVi: "Thẩm định hồ sơ", share: specialist, canSendBack: true },
    { role: "leader", nameVi: "Lãnh đạo phê duyệt", share: leader, canSendBack: true },
  ];
  if (clerk > 0) steps.push({ role: "clerk", nameVi: "Trả kết quả", share: clerk, canSendBack: false });
  return steps;
}
