/**
 * Real commune-level procedures (thủ tục hành chính cấp xã), one version each, as of the two-tier local
 * government (from 01/7/2025). Facts were taken from public listings of the national and provincial public-service
 * portals and from legal texts; each record names what was read in `source.consulted`, and what could not be
 * confirmed is said in `notes` rather than guessed. Codes follow ProcedureCodeSchema: "confirmed" only when read
 * next to the procedure on an official (.gov.vn) listing.
 */
import type { Component, FeeRule, ProcedureInput } from "../procedure-schema.ts";
import {
  authorizationPaper,
  BAC_KAN_FEES_2020,
  bacKanCivilStatusFee,
  calendarDays,
  certificationWorkflow,
  civilStatusPersonalExemptions,
  civilStatusWorkflow,
  copyCertificationFee,
  freeFee,
  identityPaper,
  listing,
  onTheSpot,
  onTimeExemption,
  procedure,
  sameDay,
  standardWorkflow,
  upwardWorkflow,
  workingDays,
} from "./builders.ts";

// ---- shared references -----------------------------------------------------------------------------------------

const HO_TICH_LAW = [
  "Luật Hộ tịch số 60/2014/QH13",
  "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
  "Nghị định số 87/2020/NĐ-CP ngày 28/7/2020 về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến",
  "Thông tư số 04/2020/TT-BTP ngày 28/5/2020 quy định chi tiết thi hành Luật Hộ tịch và Nghị định 123/2015/NĐ-CP",
  "Thông tư số 85/2019/TT-BTC ngày 29/11/2019 hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của HĐND cấp tỉnh",
  "Nghị định số 120/2025/NĐ-CP ngày 11/6/2025 phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp",
  "Thông tư số 08/2025/TT-BTP ngày 12/6/2025 quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp và phân cấp trong lĩnh vực của Bộ Tư pháp",
];

const HO_TICH_CITATION =
  "Quyết định số 1079/QĐ-BTP ngày 11/6/2024 của Bộ trưởng Bộ Tư pháp công bố thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực hộ tịch (được viện dẫn tại Quyết định 1096/QĐ-UBND ngày 20/6/2024 của Chủ tịch UBND tỉnh Hòa Bình)";

const HO_TICH_2025_NOTE =
  "Từ 01/7/2025 thẩm quyền đăng ký hộ tịch của cấp xã được mở rộng theo Nghị định 120/2025/NĐ-CP và Thông tư 08/2025/TT-BTP; quyết định công bố lại thủ tục của Bộ Tư pháp sau ngày này chưa đọc được.";

const CHUNG_THUC_LAW = [
  "Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch",
  "Thông tư số 01/2020/TT-BTP quy định chi tiết, hướng dẫn thi hành Nghị định 23/2015/NĐ-CP",
  "Thông tư số 226/2016/TT-BTC ngày 11/11/2016 quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực",
];

const CHUNG_THUC_CITATION =
  "Quyết định số 1024/QĐ-BTP của Bộ trưởng Bộ Tư pháp công bố thủ tục hành chính được sửa đổi trong lĩnh vực chứng thực (số hiệu theo thukyluat.vn và luatvietnam.vn; ngày ban hành chưa đọc được)";

const CONTRACT_FEE_NOTE =
  "Mức 50.000 đồng/hợp đồng, giao dịch ghi theo Thông tư 226/2016/TT-BTC như đã biết trước đây; trong lần nghiên cứu này chỉ đọc được các mức 30.000 đ (sửa đổi, bổ sung, hủy bỏ) và 25.000 đ (sửa lỗi sai sót) — cần đối chiếu văn bản.";

const TIN_NGUONG_LAW = [
  "Luật Tín ngưỡng, tôn giáo số 02/2016/QH14 (hiệu lực từ 01/01/2018)",
  "Nghị định số 162/2017/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Tín ngưỡng, tôn giáo",
];
const TIN_NGUONG_NOTE =
  "Các trang niêm yết đọc được viện dẫn Nghị định 162/2017/NĐ-CP; nghị định này được cho là đã được thay thế (Nghị định 95/2023/NĐ-CP) — cần đối chiếu.";

const THI_DUA_LAW = [
  "Luật Thi đua, khen thưởng số 06/2022/QH15",
  "Nghị định số 98/2023/NĐ-CP quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
];
const THI_DUA_NOTE =
  "Trang niêm yết đọc được còn viện dẫn Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013) và Nghị định 91/2017/NĐ-CP; căn cứ pháp lý ghi ở đây là văn bản hiện hành theo hiểu biết chung, chưa đối chiếu quyết định công bố mới của Bộ Nội vụ.";

const HKD_LAW = [
  "Luật Doanh nghiệp số 59/2020/QH14",
  "Nghị định về đăng ký doanh nghiệp, đăng ký hộ kinh doanh hiện hành (trước đây Nghị định 01/2021/NĐ-CP)",
  "Quyết định số 2353/QĐ-BTC năm 2025 của Bộ Tài chính công bố thủ tục hành chính về hộ kinh doanh được sửa đổi và phân cấp cho cấp xã",
];
const HKD_CITATION =
  "Quyết định số 2353/QĐ-BTC năm 2025 của Bộ trưởng Bộ Tài chính công bố 05 thủ tục hành chính về hộ kinh doanh được sửa đổi, bổ sung và phân cấp cho cơ quan đăng ký kinh doanh cấp xã (theo tin báo chí)";
const HKD_NOTES = [
  "Thời hạn 03 ngày làm việc và việc chuyển về cấp xã từ 03/7/2025 lấy theo tin báo chí tóm tắt Quyết định 2353/QĐ-BTC; chưa đọc văn bản gốc.",
  "Lệ phí đăng ký hộ kinh doanh do HĐND cấp tỉnh quyết định (Thông tư 85/2019/TT-BTC); mức của tỉnh chưa xác minh.",
];

function hkdFee(label: string): FeeRule {
  return {
    kind: "council_resolution",
    label,
    feeType: "le_phi",
    basis: "Thông tư 85/2019/TT-BTC (lệ phí đăng ký hộ kinh doanh thuộc thẩm quyền HĐND cấp tỉnh)",
    resolution: BAC_KAN_FEES_2020,
    amount: {
      status: "unverified",
      note: "Chưa đọc được mức lệ phí đăng ký hộ kinh doanh trong nghị quyết; Bắc Kạn hợp nhất vào Thái Nguyên từ 01/7/2025.",
    },
    exemptions: [
      {
        code: "online_submission",
        label: "Nộp hồ sơ trực tuyến",
        basis: "Một số nghị quyết cấp tỉnh miễn lệ phí khi nộp trực tuyến — cần kiểm tra nghị quyết áp dụng",
      },
    ],
  };
}

// ---- small component helpers -------------------------------------------------------------------------------------

function form(code: string, name: string, issuedBy: string): Component["form"] {
  return { code, name, issuedBy };
}

function submit(
  id: string,
  name: string,
  opts: {
    originals?: number;
    copies?: number;
    when?: string;
    form?: Component["form"];
    note?: string;
  } = {},
): Component {
  return {
    id,
    name,
    handling: "submit",
    originals: opts.originals ?? 1,
    copies: opts.copies ?? 0,
    requirement: opts.when ? { kind: "conditional", condition: opts.when } : { kind: "required" },
    form: opts.form ?? null,
    note: opts.note ?? null,
  };
}

const TT04 = "Thông tư 04/2020/TT-BTP (mẫu tờ khai hộ tịch)";

// =================================================================================================================
// Hộ tịch
// =================================================================================================================

const hoTich: ProcedureInput[] = [
  procedure({
    id: "dang-ky-khai-sinh",
    code: {
      status: "reported",
      value: "1.001193",
      evidence:
        "Nêu trong DOMAIN.md của dự án và nhiều nguồn thứ cấp; chưa thấy trên trang niêm yết chính thức trong lần nghiên cứu này.",
    },
    name: "Đăng ký khai sinh",
    nameEn: "Birth registration",
    fieldCode: "ho-tich",
    conditions: [
      "Trong thời hạn 60 ngày kể từ ngày sinh, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con; nếu cha, mẹ không thể thì ông, bà, người thân thích hoặc cá nhân, tổ chức đang nuôi dưỡng trẻ em thực hiện (Luật Hộ tịch, Điều 15).",
    ],
    components: [
      submit("to-khai", "Tờ khai đăng ký khai sinh theo mẫu", {
        form: form("to-khai-dang-ky-khai-sinh", "Tờ khai đăng ký khai sinh", TT04),
      }),
      submit(
        "giay-chung-sinh",
        "Bản chính Giấy chứng sinh; nếu không có thì văn bản của người làm chứng xác nhận về việc sinh, nếu không có người làm chứng thì giấy cam đoan về việc sinh",
      ),
      submit(
        "xac-nhan-mang-thai-ho",
        "Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản cho việc mang thai hộ",
        {
          when: "Trẻ em sinh ra do mang thai hộ",
        },
      ),
      submit("bien-ban-tre-bi-bo-roi", "Biên bản xác nhận việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập", {
        when: "Khai sinh cho trẻ em bị bỏ rơi",
      }),
      identityPaper,
      authorizationPaper,
    ],
    processingTime: { standard: sameDay, online: null, extension: null },
    fees: [
      bacKanCivilStatusFee("Lệ phí đăng ký khai sinh", [onTimeExemption, ...civilStatusPersonalExemptions]),
    ],
    cases: [
      {
        id: "dung-han",
        name: "Đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh)",
        components: { mode: "inherit" },
        fees: {
          mode: "replace",
          rules: [freeFee("Lệ phí đăng ký khai sinh đúng hạn", "Luật Hộ tịch 2014, Điều 11 khoản 1 điểm b")],
        },
        processingTime: { mode: "inherit" },
      },
      {
        id: "qua-han",
        name: "Đăng ký khai sinh quá hạn",
        components: { mode: "inherit" },
        fees: {
          mode: "replace",
          rules: [bacKanCivilStatusFee("Lệ phí đăng ký khai sinh quá hạn", civilStatusPersonalExemptions)],
        },
        processingTime: { mode: "inherit" },
      },
    ],
    result: {
      kind: "certificate",
      name: "Giấy khai sinh (bản chính); bản sao trích lục khai sinh nếu có yêu cầu",
    },
    legalBasis: [
      ...HO_TICH_LAW,
      "Nghị định số 63/2024/NĐ-CP ngày 10/6/2024 về thực hiện liên thông điện tử nhóm thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
    ],
    onlineLevel: "full",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: civilStatusWorkflow,
    source: {
      citation: HO_TICH_CITATION,
      portalListing: listing("Thủ tục đăng ký khai sinh"),
      consulted: [
        "Cổng Dịch vụ công quốc gia, chi tiết «Thủ tục đăng ký khai sinh» (thời hạn trong ngày, quy tắc sau 15 giờ, miễn lệ phí khai sinh đúng hạn theo khoản 1 Điều 11 Luật Hộ tịch)",
        "Trang thủ tục hành chính phường Mộ Lao, quận Hà Đông, Hà Nội (thành phần hồ sơ, số bản)",
        "Bài hướng dẫn đăng ký khai sinh trực tuyến viện dẫn Điều 5 Nghị định 63/2024/NĐ-CP",
      ],
    },
    notes: [
      HO_TICH_2025_NOTE,
      "Phí cấp bản sao trích lục khai sinh (8.000 đ/bản trên listing quốc gia) được tính ở thủ tục «Cấp bản sao trích lục hộ tịch».",
      "Mức độ trực tuyến toàn trình phụ thuộc việc liên thông theo Nghị định 63/2024/NĐ-CP tại từng địa phương.",
    ],
  }),

  procedure({
    id: "dang-ky-ket-hon",
    code: {
      status: "reported",
      value: "1.000894",
      evidence:
        "Nêu trong DOMAIN.md của dự án và nhiều nguồn thứ cấp; chưa thấy trên trang niêm yết chính thức trong lần nghiên cứu này.",
    },
    name: "Đăng ký kết hôn",
    nameEn: "Marriage registration",
    fieldCode: "ho-tich",
    conditions: [
      "Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi; việc kết hôn do hai bên tự nguyện quyết định; không bị mất năng lực hành vi dân sự; không thuộc trường hợp cấm kết hôn (Luật Hôn nhân và gia đình 2014, Điều 8).",
      "Hai bên nam, nữ phải có mặt khi đăng ký kết hôn.",
    ],
    components: [
      submit("to-khai", "Tờ khai đăng ký kết hôn theo mẫu (hai bên có thể khai chung một tờ khai)", {
        form: form("to-khai-dang-ky-ket-hon", "Tờ khai đăng ký kết hôn", TT04),
      }),
      submit(
        "giay-xac-nhan-tinh-trang-hon-nhan",
        "Giấy xác nhận tình trạng hôn nhân do UBND cấp xã có thẩm quyền cấp",
        {
          when: "Người yêu cầu không thường trú tại xã nơi đăng ký kết hôn và cơ quan đăng ký không khai thác được thông tin",
        },
      ),
      submit(
        "giay-xac-nhan-co-quan-dai-dien",
        "Giấy xác nhận tình trạng hôn nhân do Cơ quan đại diện Việt Nam ở nước ngoài cấp",
        {
          when: "Người đang công tác, học tập, lao động có thời hạn ở nước ngoài",
        },
      ),
      submit("trich-luc-ly-hon", "Trích lục ghi chú ly hôn hoặc bản án, quyết định ly hôn đã có hiệu lực", {
        originals: 0,
        copies: 1,
        when: "Một bên đã ly hôn (ở nước ngoài hoặc trước khi chuyển nơi cư trú)",
      }),
      identityPaper,
    ],
    processingTime: {
      standard: sameDay,
      online: null,
      extension: { total: workingDays(5), when: "Cần xác minh điều kiện kết hôn của hai bên nam, nữ" },
    },
    fees: [
      freeFee(
        "Lệ phí đăng ký kết hôn",
        "Luật Hộ tịch 2014, Điều 11 khoản 1 điểm b (kết hôn của công dân Việt Nam cư trú ở trong nước)",
      ),
    ],
    result: { kind: "certificate", name: "Giấy chứng nhận kết hôn (mỗi bên một bản chính)" },
    legalBasis: [...HO_TICH_LAW, "Luật Hôn nhân và gia đình số 52/2014/QH13"],
    onlineLevel: "partial",
    postal: { receiveDossier: false, deliverResult: false },
    workflow: civilStatusWorkflow,
    source: {
      citation: HO_TICH_CITATION,
      portalListing: listing("Thủ tục đăng ký kết hôn"),
      consulted: [
        "Trang thủ tục hành chính phường Linh Chiểu, TP Thủ Đức (trong ngày; sau 15 giờ hẹn; cần xác minh không quá 05 ngày làm việc)",
        "Trang thủ tục hành chính xã Quế Minh (thành phần hồ sơ, Giấy xác nhận tình trạng hôn nhân)",
        "Trang thủ tục hành chính phường Hà Cầu, quận Hà Đông (trình tự tiếp nhận, trao Giấy chứng nhận kết hôn)",
      ],
    },
    notes: [
      HO_TICH_2025_NOTE,
      "Hai bên phải có mặt để ký Giấy chứng nhận kết hôn nên không nhận hồ sơ và trả kết quả qua bưu chính; đây là suy luận từ quy định, không phải danh mục bưu chính đã công bố.",
    ],
  }),

  procedure({
    id: "dang-ky-khai-tu",
    code: {
      status: "reported",
      value: "1.000656",
      evidence:
        "Nêu trong DOMAIN.md của dự án và nhiều nguồn thứ cấp; chưa thấy trên trang niêm yết chính thức trong lần nghiên cứu này.",
    },
    name: "Đăng ký khai tử",
    nameEn: "Death registration",
    fieldCode: "ho-tich",
    conditions: [
      "Trong thời hạn 15 ngày kể từ ngày có người chết, vợ, chồng, con, cha, mẹ hoặc người thân thích khác có trách nhiệm đi đăng ký khai tử; nếu không có người thân thích thì đại diện cơ quan, tổ chức, cá nhân liên quan thực hiện.",
      "Nộp tại UBND cấp xã nơi cư trú cuối cùng của người chết; nếu không xác định được thì nơi người đó chết hoặc nơi phát hiện thi thể.",
    ],
    components: [
      submit("to-khai", "Tờ khai đăng ký khai tử theo mẫu", {
        form: form("to-khai-dang-ky-khai-tu", "Tờ khai đăng ký khai tử", TT04),
      }),
      submit("giay-bao-tu", "Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử do cơ quan có thẩm quyền cấp"),
      identityPaper,
      authorizationPaper,
    ],
    processingTime: {
      standard: sameDay,
      online: null,
      extension: { total: workingDays(3), when: "Cần xác minh" },
    },
    fees: [
      bacKanCivilStatusFee("Lệ phí đăng ký khai tử", [onTimeExemption, ...civilStatusPersonalExemptions]),
    ],
    cases: [
      {
        id: "dung-han",
        name: "Đăng ký khai tử đúng hạn (trong 15 ngày kể từ ngày chết)",
        components: { mode: "inherit" },
        fees: {
          mode: "replace",
          rules: [freeFee("Lệ phí đăng ký khai tử đúng hạn", "Luật Hộ tịch 2014, Điều 11 khoản 1 điểm b")],
        },
        processingTime: { mode: "inherit" },
      },
      {
        id: "qua-han",
        name: "Đăng ký khai tử quá hạn",
        components: { mode: "inherit" },
        fees: {
          mode: "replace",
          rules: [bacKanCivilStatusFee("Lệ phí đăng ký khai tử quá hạn", civilStatusPersonalExemptions)],
        },
        processingTime: { mode: "inherit" },
      },
    ],
    result: { kind: "extract", name: "Trích lục khai tử" },
    legalBasis: HO_TICH_LAW,
    onlineLevel: "full",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: civilStatusWorkflow,
    source: {
      citation: HO_TICH_CITATION,
      portalListing: listing("Thủ tục đăng ký khai tử"),
      consulted: [
        "Trang thủ tục hành chính phường Linh Tây, TP Thủ Đức (thời hạn 15 ngày, nơi đăng ký, quy tắc sau 15 giờ, nộp qua bưu chính)",
        "Trang thủ tục hành chính Phường 6, quận Gò Vấp",
      ],
    },
    notes: [
      HO_TICH_2025_NOTE,
      "Thời hạn xác minh 03 ngày làm việc ghi theo hiểu biết về Luật Hộ tịch (Điều 34); một trang cũ (Lâm Đồng) ghi tối đa 05 ngày đối với khai tử quá hạn — cần đối chiếu.",
    ],
  }),

  procedure({
    id: "cap-giay-xac-nhan-tinh-trang-hon-nhan",
    code: {
      status: "confirmed",
      value: "1.004873",
      evidence:
        "Tên tắt «1.004873.000.00.00.H14» trên trang thủ tục hành chính xã Vũ Nông, huyện Nguyên Bình, tỉnh Cao Bằng",
    },
    name: "Cấp Giấy xác nhận tình trạng hôn nhân",
    nameEn: "Certificate of marital status",
    fieldCode: "ho-tich",
    components: [
      submit("to-khai", "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", {
        form: form(
          "to-khai-xac-nhan-tinh-trang-hon-nhan",
          "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
          TT04,
        ),
      }),
      submit(
        "ban-an-ly-hon",
        "Bản sao bản án, quyết định ly hôn đã có hiệu lực hoặc giấy tờ chứng minh việc người kia đã chết",
        {
          originals: 0,
          copies: 1,
          when: "Người yêu cầu đã có vợ hoặc chồng nhưng đã ly hôn hoặc người kia đã chết",
        },
      ),
      submit("trich-luc-ghi-chu-ly-hon", "Bản sao Trích lục ghi chú ly hôn", {
        originals: 0,
        copies: 1,
        when: "Công dân Việt Nam đã ly hôn, hủy việc kết hôn ở nước ngoài",
      }),
      submit("giay-xac-nhan-cu", "Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây", {
        when: "Yêu cầu cấp lại để sử dụng vào mục đích khác hoặc do đã hết thời hạn sử dụng",
      }),
      identityPaper,
      authorizationPaper,
    ],
    processingTime: { standard: workingDays(3), online: null, extension: null },
    fees: [
      bacKanCivilStatusFee("Lệ phí cấp Giấy xác nhận tình trạng hôn nhân", civilStatusPersonalExemptions),
    ],
    result: { kind: "confirmation", name: "Giấy xác nhận tình trạng hôn nhân" },
    legalBasis: HO_TICH_LAW,
    onlineLevel: "full",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: civilStatusWorkflow,
    source: {
      citation: HO_TICH_CITATION,
      portalListing: listing("Thủ tục cấp Giấy xác nhận tình trạng hôn nhân"),
      consulted: [
        "Trang thủ tục hành chính xã Vũ Nông, Nguyên Bình, Cao Bằng (mã 1.004873, trực tiếp/trực tuyến/bưu chính, 03 ngày làm việc để kiểm tra, xác minh)",
        "Cổng dịch vụ công tỉnh Tây Ninh (thành phần hồ sơ và số bản theo từng trường hợp)",
      ],
    },
    notes: [
      HO_TICH_2025_NOTE,
      "Chưa xác minh thời hạn kéo dài khi phải đề nghị UBND cấp xã nơi người yêu cầu từng thường trú xác minh.",
    ],
  }),

  procedure({
    id: "dang-ky-nhan-cha-me-con",
    code: {
      status: "confirmed",
      value: "1.001022",
      evidence: "Ký hiệu thủ tục «1.001022.000.00.00.H15» trên Cổng dịch vụ công tỉnh Đắk Lắk",
    },
    name: "Đăng ký nhận cha, mẹ, con",
    nameEn: "Registration of parentage recognition",
    fieldCode: "ho-tich",
    conditions: [
      "Các bên nhận cha, mẹ, con phải có mặt; việc nhận cha, mẹ, con là đúng và không có tranh chấp.",
    ],
    components: [
      submit("to-khai", "Tờ khai đăng ký nhận cha, mẹ, con theo mẫu", {
        form: form("to-khai-nhan-cha-me-con", "Tờ khai đăng ký nhận cha, mẹ, con", TT04),
      }),
      submit(
        "chung-cu-quan-he",
        "Văn bản của cơ quan y tế, cơ quan giám định hoặc cơ quan có thẩm quyền xác nhận quan hệ cha con, mẹ con; nếu không có thì thư từ, phim ảnh, đồ vật chứng minh kèm văn bản cam đoan có ít nhất hai người làm chứng",
      ),
      identityPaper,
    ],
    processingTime: {
      standard: workingDays(3),
      online: null,
      extension: { total: workingDays(8), when: "Cần phải xác minh" },
    },
    fees: [bacKanCivilStatusFee("Lệ phí đăng ký nhận cha, mẹ, con", civilStatusPersonalExemptions)],
    result: { kind: "extract", name: "Trích lục đăng ký nhận cha, mẹ, con" },
    legalBasis: [...HO_TICH_LAW, "Thông tư số 281/2016/TT-BTC ngày 14/11/2016 (phí cấp bản sao trích lục)"],
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: civilStatusWorkflow,
    source: {
      citation: HO_TICH_CITATION,
      portalListing: listing("Thủ tục đăng ký nhận cha, mẹ, con"),
      consulted: [
        "Cổng dịch vụ công tỉnh Đắk Lắk (mã 1.001022; 03 ngày làm việc, xác minh không quá 08 ngày làm việc; 15.000 đồng/trường hợp theo Nghị quyết 08/2022/NQ-HĐND tỉnh Đắk Lắk; trực tuyến một phần)",
        "Cổng dịch vụ công tỉnh Tây Ninh (trình tự, thời hạn 03 ngày)",
      ],
    },
    notes: [
      HO_TICH_2025_NOTE,
      "Ví dụ mức thu đã đọc được ở tỉnh khác: Đắk Lắk 15.000 đồng/trường hợp (Nghị quyết 08/2022/NQ-HĐND ngày 20/7/2022), miễn cho người có công, hộ nghèo, người khuyết tật, người cao tuổi, đồng bào dân tộc thiểu số ở xã đặc biệt khó khăn.",
    ],
  }),

  procedure({
    id: "dang-ky-khai-sinh-ket-hop-nhan-cha-me-con",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Đăng ký khai sinh kết hợp nhận cha, mẹ, con",
    nameEn: "Birth registration combined with parentage recognition",
    fieldCode: "ho-tich",
    components: [
      submit("to-khai", "Tờ khai đăng ký khai sinh và Tờ khai đăng ký nhận cha, mẹ, con theo mẫu", {
        form: form(
          "to-khai-khai-sinh-nhan-cha-me-con",
          "Tờ khai đăng ký khai sinh; Tờ khai đăng ký nhận cha, mẹ, con",
          TT04,
        ),
      }),
      submit(
        "giay-chung-sinh",
        "Bản chính Giấy chứng sinh; nếu không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh",
      ),
      submit(
        "chung-cu-quan-he",
        "Giấy tờ, đồ vật hoặc chứng cứ chứng minh quan hệ cha, con hoặc mẹ, con (văn bản giám định hoặc chứng cứ kèm cam đoan và người làm chứng)",
      ),
      identityPaper,
    ],
    processingTime: { standard: workingDays(3), online: null, extension: null },
    fees: [
      freeFee("Lệ phí đăng ký khai sinh (đúng hạn)", "Luật Hộ tịch 2014, Điều 11 khoản 1 điểm b"),
      bacKanCivilStatusFee("Lệ phí đăng ký nhận cha, mẹ, con", civilStatusPersonalExemptions),
    ],
    result: { kind: "certificate", name: "Giấy khai sinh; Trích lục đăng ký nhận cha, mẹ, con" },
    legalBasis: HO_TICH_LAW,
    onlineLevel: "partial",
    postal: { receiveDossier: false, deliverResult: true },
    workflow: civilStatusWorkflow,
    source: {
      citation: HO_TICH_CITATION,
      portalListing: listing("Thủ tục đăng ký khai sinh kết hợp nhận cha, mẹ, con"),
      consulted: [
        "Trang thủ tục hành chính phường Quang Hanh, TP Cẩm Phả (03 ngày; lệ phí khai sinh miễn, nhận cha, mẹ, con 10.000 đồng theo mức của Quảng Ninh)",
        "Trang thủ tục hành chính xã Quế Minh (trình tự 03 ngày, hồ sơ nhận cha, mẹ, con nộp trực tiếp)",
      ],
    },
    notes: [
      HO_TICH_2025_NOTE,
      "Theo trang xã Quế Minh, hồ sơ khai sinh có thể gửi qua bưu chính/trực tuyến nhưng hồ sơ nhận cha, mẹ, con phải nộp trực tiếp.",
    ],
  }),

  procedure({
    id: "dang-ky-giam-ho",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Đăng ký giám hộ",
    nameEn: "Guardianship registration",
    fieldCode: "ho-tich",
    components: [
      submit("to-khai", "Tờ khai đăng ký giám hộ theo mẫu", {
        form: form("to-khai-dang-ky-giam-ho", "Tờ khai đăng ký giám hộ", TT04),
      }),
      identityPaper,
    ],
    processingTime: { standard: workingDays(3), online: null, extension: null },
    fees: [
      freeFee(
        "Lệ phí đăng ký giám hộ",
        "Luật Hộ tịch 2014, Điều 11 khoản 1 điểm b (giám hộ của công dân Việt Nam cư trú ở trong nước)",
      ),
    ],
    cases: [
      {
        id: "giam-ho-cu",
        name: "Đăng ký giám hộ cử",
        components: {
          mode: "add",
          items: [submit("van-ban-cu-giam-ho", "Văn bản cử người giám hộ theo quy định của Bộ luật Dân sự")],
        },
        fees: { mode: "inherit" },
        processingTime: { mode: "inherit" },
      },
      {
        id: "giam-ho-duong-nhien",
        name: "Đăng ký giám hộ đương nhiên",
        components: {
          mode: "add",
          items: [
            submit(
              "giay-to-giam-ho-duong-nhien",
              "Giấy tờ chứng minh điều kiện giám hộ đương nhiên theo Bộ luật Dân sự (nếu có nhiều người cùng đủ điều kiện thì kèm văn bản thỏa thuận cử một người)",
            ),
          ],
        },
        fees: { mode: "inherit" },
        processingTime: { mode: "inherit" },
      },
    ],
    result: { kind: "extract", name: "Trích lục đăng ký giám hộ" },
    legalBasis: [...HO_TICH_LAW, "Bộ luật Dân sự số 91/2015/QH13"],
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: civilStatusWorkflow,
    source: {
      citation: HO_TICH_CITATION,
      portalListing: listing("Thủ tục đăng ký giám hộ"),
      consulted: [
        "Bài hướng dẫn thủ tục đăng ký giám hộ (03 ngày làm việc, Điều 19 Luật Hộ tịch)",
        "Trang thủ tục hành chính Phường 6, quận Gò Vấp (nộp trực tiếp hoặc qua bưu chính)",
      ],
    },
    notes: [HO_TICH_2025_NOTE],
  }),

  procedure({
    id: "thay-doi-cai-chinh-bo-sung-thong-tin-ho-tich",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch",
    nameEn: "Change, correction or supplement of civil-status information",
    fieldCode: "ho-tich",
    components: [
      submit("to-khai", "Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch theo mẫu", {
        form: form(
          "to-khai-thay-doi-cai-chinh-ho-tich",
          "Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch",
          TT04,
        ),
      }),
      submit(
        "giay-to-lien-quan",
        "Giấy tờ liên quan làm căn cứ cho việc thay đổi, cải chính, bổ sung thông tin hộ tịch",
        {
          originals: 0,
          copies: 1,
        },
      ),
      identityPaper,
      authorizationPaper,
    ],
    processingTime: {
      standard: workingDays(3),
      online: null,
      extension: { total: workingDays(9), when: "Cần phải xác minh (kéo dài không quá 06 ngày làm việc)" },
    },
    fees: [
      bacKanCivilStatusFee(
        "Lệ phí thay đổi, cải chính, bổ sung thông tin hộ tịch",
        civilStatusPersonalExemptions,
      ),
    ],
    cases: [
      {
        id: "bo-sung",
        name: "Bổ sung thông tin hộ tịch",
        components: { mode: "inherit" },
        fees: { mode: "inherit" },
        processingTime: { mode: "replace", value: { standard: sameDay, online: null, extension: null } },
      },
      {
        id: "thay-doi-cai-chinh",
        name: "Thay đổi, cải chính hộ tịch",
        components: { mode: "inherit" },
        fees: { mode: "inherit" },
        processingTime: { mode: "inherit" },
      },
    ],
    result: { kind: "extract", name: "Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch" },
    legalBasis: HO_TICH_LAW,
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: civilStatusWorkflow,
    source: {
      citation: HO_TICH_CITATION,
      portalListing: listing("Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch"),
      consulted: [
        "Dữ liệu thủ tục của tỉnh Tuyên Quang (bổ sung trong ngày; thay đổi, cải chính 03 ngày làm việc; xác minh kéo dài không quá 06 ngày làm việc) — trang ghi cho cấp huyện",
        "Trang thủ tục hành chính phường Phú Lãm, quận Hà Đông (nộp trực tiếp, bưu chính, trực tuyến)",
      ],
    },
    notes: [
      HO_TICH_2025_NOTE,
      "Thời hạn lấy từ trang của cấp huyện (Tuyên Quang) trước 2025; áp dụng cho cấp xã sau khi phân định thẩm quyền — cần đối chiếu quyết định công bố mới.",
    ],
  }),

  procedure({
    id: "cap-ban-sao-trich-luc-ho-tich",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Cấp bản sao trích lục hộ tịch",
    nameEn: "Certified extract copy of civil-status records",
    fieldCode: "ho-tich",
    applicants: ["individual", "organization"],
    components: [
      submit("to-khai", "Tờ khai cấp bản sao trích lục hộ tịch theo mẫu", {
        form: form("to-khai-cap-ban-sao-trich-luc", "Tờ khai cấp bản sao trích lục hộ tịch", TT04),
      }),
      identityPaper,
      authorizationPaper,
    ],
    processingTime: { standard: sameDay, online: null, extension: null },
    fees: [
      {
        kind: "per_copy",
        label: "Phí cấp bản sao trích lục hộ tịch",
        feeType: "phi",
        basis:
          "Thông tư 281/2016/TT-BTC; mức 8.000 đồng/bản sao theo listing thủ tục đăng ký khai sinh trên Cổng Dịch vụ công quốc gia",
        vndPerCopy: 8_000,
        exemptions: [],
      },
    ],
    result: { kind: "extract", name: "Bản sao trích lục hộ tịch" },
    legalBasis: [...HO_TICH_LAW, "Thông tư số 281/2016/TT-BTC ngày 14/11/2016"],
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: civilStatusWorkflow,
    source: {
      citation: HO_TICH_CITATION,
      portalListing: listing("Thủ tục cấp bản sao trích lục hộ tịch"),
      consulted: [
        "Cổng Dịch vụ công quốc gia, «Thủ tục đăng ký khai sinh» (phí 8.000 đ/bản sao Giấy khai sinh nếu có yêu cầu)",
      ],
    },
    notes: [
      HO_TICH_2025_NOTE,
      "Mức 8.000 đồng/bản đọc trên listing thủ tục đăng ký khai sinh; thời hạn trong ngày và thành phần hồ sơ ghi theo hiểu biết chung, chưa đọc listing riêng của thủ tục này.",
    ],
  }),

  procedure({
    id: "dang-ky-lai-khai-sinh",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Đăng ký lại khai sinh",
    nameEn: "Re-registration of birth",
    fieldCode: "ho-tich",
    conditions: [
      "Việc khai sinh đã được đăng ký tại cơ quan đăng ký hộ tịch của Việt Nam nhưng Sổ hộ tịch và bản chính giấy tờ hộ tịch đều bị mất.",
    ],
    components: [
      submit("to-khai", "Tờ khai đăng ký lại khai sinh theo mẫu", {
        form: form("to-khai-dang-ky-lai-khai-sinh", "Tờ khai đăng ký lại khai sinh", TT04),
      }),
      submit(
        "ban-sao-giay-khai-sinh",
        "Bản sao Giấy khai sinh trước đây hoặc giấy tờ, tài liệu có nội dung liên quan",
        {
          originals: 0,
          copies: 1,
        },
      ),
      identityPaper,
      authorizationPaper,
    ],
    processingTime: { standard: workingDays(5), online: null, extension: null },
    fees: [bacKanCivilStatusFee("Lệ phí đăng ký lại khai sinh", civilStatusPersonalExemptions)],
    result: { kind: "certificate", name: "Giấy khai sinh (đăng ký lại)" },
    legalBasis: HO_TICH_LAW,
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: civilStatusWorkflow,
    source: {
      citation: HO_TICH_CITATION,
      portalListing: listing("Thủ tục đăng ký lại khai sinh"),
      consulted: [
        "Cổng dịch vụ công tỉnh Yên Bái, phiếu hướng dẫn «Đăng ký lại khai tử» (thời hạn 05 ngày làm việc áp dụng tương tự)",
      ],
    },
    notes: [
      HO_TICH_2025_NOTE,
      "Thời hạn 05 ngày làm việc suy từ thủ tục đăng ký lại khai tử và Nghị định 123/2015/NĐ-CP; thời hạn kéo dài khi xác minh chưa đối chiếu.",
    ],
  }),

  procedure({
    id: "dang-ky-lai-khai-tu",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Đăng ký lại khai tử",
    nameEn: "Re-registration of death",
    fieldCode: "ho-tich",
    components: [
      submit("to-khai", "Tờ khai đăng ký lại khai tử theo mẫu", {
        form: form("to-khai-dang-ky-lai-khai-tu", "Tờ khai đăng ký lại khai tử", TT04),
      }),
      submit(
        "ban-sao-giay-chung-tu",
        "Bản sao Giấy chứng tử trước đây được cấp hợp lệ; nếu không có thì bản sao hồ sơ, giấy tờ có nội dung chứng minh sự kiện chết",
        { originals: 0, copies: 1 },
      ),
      identityPaper,
      authorizationPaper,
    ],
    processingTime: {
      standard: workingDays(5),
      online: null,
      extension: { total: workingDays(10), when: "Cần xác minh" },
    },
    fees: [
      bacKanCivilStatusFee("Lệ phí đăng ký lại khai tử", [
        ...civilStatusPersonalExemptions,
        {
          code: "online_submission",
          label: "Thực hiện qua dịch vụ công trực tuyến",
          basis:
            "Nghị quyết của HĐND tỉnh Yên Bái (ví dụ đọc được); cần kiểm tra nghị quyết của tỉnh áp dụng",
        },
      ]),
    ],
    result: { kind: "extract", name: "Trích lục khai tử (đăng ký lại)" },
    legalBasis: HO_TICH_LAW,
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: civilStatusWorkflow,
    source: {
      citation: HO_TICH_CITATION,
      portalListing: listing("Thủ tục đăng ký lại khai tử"),
      consulted: [
        "Cổng dịch vụ công tỉnh Yên Bái, phiếu hướng dẫn «Đăng ký lại khai tử» (05 ngày làm việc; xác minh không quá 10 ngày; lệ phí 5.000 đồng; miễn khi nộp trực tuyến; thành phần hồ sơ, ủy quyền)",
      ],
    },
    notes: [
      HO_TICH_2025_NOTE,
      "Trang Yên Bái ghi cơ quan giải quyết là UBND huyện Lục Yên (trước 2025); mức 5.000 đồng là của Yên Bái, không dùng cho Bắc Kạn.",
    ],
  }),

  procedure({
    id: "dang-ky-khai-sinh-luu-dong",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Đăng ký khai sinh lưu động",
    nameEn: "Mobile birth registration",
    fieldCode: "ho-tich",
    conditions: [
      "Áp dụng khi trẻ em sinh ra mà cha và mẹ bị khuyết tật, ốm bệnh, bị bắt, tạm giữ hoặc có lý do khách quan khác không thể đi đăng ký khai sinh; UBND cấp xã đăng ký tại nhà riêng hoặc địa điểm tổ chức lưu động.",
    ],
    components: [
      submit("to-khai", "Tờ khai đăng ký khai sinh theo mẫu", {
        form: form("to-khai-dang-ky-khai-sinh-luu-dong", "Tờ khai đăng ký khai sinh", TT04),
      }),
      submit(
        "giay-chung-sinh",
        "Bản chính Giấy chứng sinh; nếu không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh",
      ),
      submit(
        "xac-nhan-mang-thai-ho",
        "Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản cho việc mang thai hộ",
        {
          when: "Trẻ em sinh ra do mang thai hộ",
        },
      ),
      identityPaper,
    ],
    processingTime: { standard: workingDays(5), online: null, extension: null },
    fees: [
      bacKanCivilStatusFee("Lệ phí đăng ký khai sinh (quá hạn)", [
        onTimeExemption,
        ...civilStatusPersonalExemptions,
      ]),
    ],
    result: { kind: "certificate", name: "Giấy khai sinh" },
    legalBasis: HO_TICH_LAW,
    onlineLevel: "none",
    postal: { receiveDossier: false, deliverResult: false },
    workflow: civilStatusWorkflow,
    source: {
      citation: HO_TICH_CITATION,
      portalListing: listing("Thủ tục đăng ký khai sinh lưu động"),
      consulted: [
        "Trang thủ tục hành chính phường Mộ Lao, quận Hà Đông (05 ngày làm việc; đăng ký lưu động tại nhà riêng; miễn lệ phí khai sinh đúng hạn, người có công, hộ nghèo, người khuyết tật)",
      ],
    },
    notes: [
      HO_TICH_2025_NOTE,
      "Điều kiện áp dụng ghi theo hiểu biết về Thông tư 04/2020/TT-BTP, chưa đối chiếu nguyên văn.",
    ],
  }),
];

// =================================================================================================================
// Chứng thực
// =================================================================================================================

function contractFee(label: string, amountVnd: number): FeeRule {
  return {
    kind: "fixed",
    label,
    feeType: "phi",
    basis: "Thông tư 226/2016/TT-BTC ngày 11/11/2016",
    amountVnd,
    per: "contract",
    exemptions: [],
  };
}

const contractParties = (what: string): Component[] => [
  submit("du-thao", `Dự thảo ${what}`),
  submit("giay-to-tuy-than-cac-ben", "Bản sao giấy tờ tùy thân của người yêu cầu chứng thực", {
    originals: 0,
    copies: 1,
  }),
  submit(
    "giay-chung-nhan-quyen-so-huu",
    "Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng hoặc bản sao giấy tờ thay thế đối với tài sản có đăng ký",
    {
      originals: 0,
      copies: 1,
      when: "Hợp đồng, giao dịch liên quan đến tài sản mà pháp luật quy định phải đăng ký quyền sở hữu, quyền sử dụng",
    },
  ),
];

const chungThuc: ProcedureInput[] = [
  procedure({
    id: "chung-thuc-ban-sao-tu-ban-chinh",
    code: {
      status: "confirmed",
      value: "2.000815",
      evidence:
        "Ký hiệu thủ tục «2.000815.H42» trên Cổng dịch vụ công tỉnh Ninh Bình cho đúng tên thủ tục này; Cổng dịch vụ công Lào Cai dùng «2.000815.000.00.00.H38» cho tên gộp (Việt Nam; nước ngoài; liên kết)",
    },
    name: "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận",
    nameEn: "Certified copy from an original issued by a Vietnamese authority",
    fieldCode: "chung-thuc",
    levels: ["commune", "district"],
    applicants: ["individual", "organization"],
    conditions: [
      "Bản chính không thuộc các trường hợp không được dùng làm cơ sở chứng thực bản sao (bị tẩy xóa, sửa chữa, hư hỏng, cũ nát không xác định được nội dung; đóng dấu mật hoặc không được phổ biến…) theo Nghị định 23/2015/NĐ-CP.",
    ],
    components: [
      {
        id: "ban-chinh-va-ban-sao",
        name: "Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao và bản sao cần chứng thực (bản sao phải có đầy đủ các trang đã ghi thông tin của bản chính); nếu chỉ xuất trình bản chính thì cơ quan chụp từ bản chính",
        handling: "present",
        originals: 1,
        copies: 0,
        requirement: { kind: "required" },
        form: null,
        note: "Bản chính được trả lại ngay sau khi đối chiếu.",
      },
    ],
    processingTime: {
      standard: sameDay,
      online: null,
      extension: {
        total: workingDays(2),
        when: "Cùng lúc chứng thực nhiều loại bản chính, bản chính có nhiều trang, yêu cầu nhiều bản sao hoặc nội dung phức tạp khó đối chiếu (có thể dài hơn theo thỏa thuận bằng văn bản với người yêu cầu)",
      },
    },
    fees: [copyCertificationFee("Phí chứng thực bản sao từ bản chính")],
    result: { kind: "certified_copy", name: "Bản sao được chứng thực từ bản chính" },
    legalBasis: CHUNG_THUC_LAW,
    onlineLevel: "partial",
    postal: { receiveDossier: false, deliverResult: false },
    workflow: certificationWorkflow,
    source: {
      citation: CHUNG_THUC_CITATION,
      portalListing: listing(
        "Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận",
      ),
      consulted: [
        "Cổng Dịch vụ công quốc gia, chi tiết thủ tục (cơ quan thực hiện: UBND xã, phường, thị trấn; thời hạn trong ngày, sau 15 giờ trả ngày làm việc tiếp theo, kéo dài không quá 02 ngày làm việc; phí 2.000 đ/trang, từ trang thứ 3 là 1.000 đ/trang, tối đa 200.000 đ/bản)",
        "Cổng dịch vụ công tỉnh Ninh Bình (ký hiệu 2.000815.H42; trang tính theo trang của bản chính)",
        "Cổng dịch vụ công tỉnh Lào Cai (ký hiệu 2.000815.000.00.00.H38; trực tuyến một phần)",
        "Trang Phòng công chứng số 2 TP Hồ Chí Minh trích Thông tư 226/2016/TT-BTC",
      ],
    },
    notes: [
      "DOMAIN.md ghi một nguồn gán mã 2.000907; không tìm thấy nguồn nào xác nhận mã đó cho thủ tục này.",
      "Chứng thực cần đối chiếu bản chính tại chỗ nên không nhận hồ sơ qua bưu chính (suy luận từ quy định).",
    ],
  }),

  procedure({
    id: "cap-ban-sao-tu-so-goc",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên trang niêm yết tìm thấy.",
    },
    name: "Cấp bản sao từ sổ gốc",
    nameEn: "Copy issued from the master register",
    fieldCode: "chung-thuc",
    levels: ["commune", "district", "province"],
    applicants: ["individual", "organization"],
    components: [identityPaper, authorizationPaper],
    processingTime: { standard: sameDay, online: null, extension: null },
    fees: [
      freeFee(
        "Phí cấp bản sao từ sổ gốc",
        "Listing Cổng dịch vụ công Lào Cai ghi «Phí hoặc lệ phí: Không»",
        "phi",
      ),
    ],
    result: { kind: "certified_copy", name: "Bản sao được cấp từ sổ gốc" },
    legalBasis: CHUNG_THUC_LAW,
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: certificationWorkflow,
    source: {
      citation: CHUNG_THUC_CITATION,
      portalListing: listing("Thủ tục cấp bản sao từ sổ gốc"),
      consulted: [
        "Cổng dịch vụ công tỉnh Lào Cai (cơ quan, tổ chức lập sổ gốc; trực tiếp, bưu chính, trực tuyến; trong ngày, sau 15 giờ trả ngày làm việc tiếp theo; không thu phí)",
      ],
    },
    notes: ["Thực hiện tại cơ quan, tổ chức đang quản lý sổ gốc (UBND cấp xã với sổ hộ tịch của xã)."],
  }),

  procedure({
    id: "chung-thuc-chu-ky",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)",
    nameEn: "Signature certification",
    fieldCode: "chung-thuc",
    levels: ["commune", "district"],
    conditions: [
      "Người yêu cầu chứng thực minh mẫn, nhận thức và làm chủ được hành vi, ký (điểm chỉ) trước mặt người thực hiện chứng thực.",
    ],
    components: [
      identityPaper,
      submit(
        "giay-to-can-chung-thuc",
        "Giấy tờ, văn bản mà mình sẽ ký (nếu bằng tiếng nước ngoài, người thực hiện chứng thực có thể yêu cầu nộp kèm bản dịch tiếng Việt, không cần công chứng)",
      ),
    ],
    processingTime: { standard: sameDay, online: null, extension: null },
    fees: [
      {
        kind: "fixed",
        label: "Phí chứng thực chữ ký",
        feeType: "phi",
        basis:
          "Thông tư 226/2016/TT-BTC (một hoặc nhiều chữ ký trong một giấy tờ, văn bản là một trường hợp)",
        amountVnd: 10_000,
        per: "case",
        exemptions: [],
      },
    ],
    result: { kind: "certified_copy", name: "Giấy tờ, văn bản đã được chứng thực chữ ký" },
    legalBasis: CHUNG_THUC_LAW,
    onlineLevel: "none",
    postal: { receiveDossier: false, deliverResult: false },
    workflow: certificationWorkflow,
    source: {
      citation: CHUNG_THUC_CITATION,
      portalListing: listing(
        "Thủ tục chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)",
      ),
      consulted: [
        "Trang thủ tục hành chính huyện Điện Biên (trong ngày, sau 15 giờ trả ngày làm việc tiếp theo; 10.000 đồng/trường hợp tại UBND cấp huyện và cấp xã)",
        "Hệ thống một cửa thị xã Điện Bàn (Tư pháp xã, 1 ngày, 10.000 đồng)",
        "Thukyluat.vn tóm tắt Quyết định 1024/QĐ-BTP (mức phí chứng thực)",
      ],
    },
    notes: [],
  }),

  procedure({
    id: "chung-thuc-hop-dong-giao-dich",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở",
    nameEn: "Certification of contracts on movables, land use rights and housing",
    fieldCode: "chung-thuc",
    components: [...contractParties("hợp đồng, giao dịch"), identityPaper],
    processingTime: { standard: workingDays(2), online: null, extension: null },
    fees: [contractFee("Phí chứng thực hợp đồng, giao dịch", 50_000)],
    result: { kind: "certified_copy", name: "Hợp đồng, giao dịch được chứng thực" },
    legalBasis: [...CHUNG_THUC_LAW, "Luật Đất đai số 31/2024/QH15", "Luật Nhà ở số 27/2023/QH15"],
    onlineLevel: "none",
    postal: { receiveDossier: false, deliverResult: false },
    workflow: certificationWorkflow,
    source: {
      citation: CHUNG_THUC_CITATION,
      portalListing: listing(
        "Thủ tục chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở",
      ),
      consulted: [
        "LuatVietnam: thẩm quyền chứng thực của UBND cấp xã theo khoản 2 Điều 5 Nghị định 23/2015/NĐ-CP",
      ],
    },
    notes: [
      CONTRACT_FEE_NOTE,
      "Thời hạn không quá 02 ngày làm việc ghi theo Nghị định 23/2015/NĐ-CP như đã biết, chưa đối chiếu listing.",
    ],
  }),

  procedure({
    id: "chung-thuc-sua-doi-bo-sung-huy-bo-hop-dong",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch",
    nameEn: "Certification of amendment or cancellation of a contract",
    fieldCode: "chung-thuc",
    components: [
      submit("du-thao-sua-doi", "Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch"),
      submit("hop-dong-da-chung-thuc", "Hợp đồng, giao dịch đã được chứng thực"),
      identityPaper,
    ],
    processingTime: { standard: workingDays(2), online: null, extension: null },
    fees: [contractFee("Phí chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", 30_000)],
    result: {
      kind: "certified_copy",
      name: "Văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch được chứng thực",
    },
    legalBasis: CHUNG_THUC_LAW,
    onlineLevel: "none",
    postal: { receiveDossier: false, deliverResult: false },
    workflow: certificationWorkflow,
    source: {
      citation: CHUNG_THUC_CITATION,
      portalListing: listing("Thủ tục chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch"),
      consulted: [
        "Thukyluat.vn tóm tắt Quyết định 1024/QĐ-BTP (30.000 đồng/hợp đồng, giao dịch)",
        "LuatVietnam: thủ tục được bổ sung vào thẩm quyền UBND cấp xã theo Quyết định 1024/QĐ-BTP",
      ],
    },
    notes: [
      "Thời hạn 02 ngày làm việc ghi theo hiểu biết về Nghị định 23/2015/NĐ-CP, chưa đối chiếu listing.",
    ],
  }),

  procedure({
    id: "sua-loi-sai-sot-trong-hop-dong-giao-dich",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Sửa lỗi sai sót trong hợp đồng, giao dịch",
    nameEn: "Correction of clerical errors in a certified contract",
    fieldCode: "chung-thuc",
    components: [
      submit("hop-dong-da-chung-thuc", "Hợp đồng, giao dịch đã được chứng thực có lỗi sai sót"),
      identityPaper,
    ],
    processingTime: { standard: sameDay, online: null, extension: null },
    fees: [contractFee("Phí sửa lỗi sai sót trong hợp đồng, giao dịch", 25_000)],
    result: { kind: "certified_copy", name: "Hợp đồng, giao dịch đã được sửa lỗi sai sót" },
    legalBasis: CHUNG_THUC_LAW,
    onlineLevel: "none",
    postal: { receiveDossier: false, deliverResult: false },
    workflow: certificationWorkflow,
    source: {
      citation: CHUNG_THUC_CITATION,
      portalListing: listing("Thủ tục sửa lỗi sai sót trong hợp đồng, giao dịch"),
      consulted: ["Thukyluat.vn tóm tắt Quyết định 1024/QĐ-BTP (25.000 đồng/hợp đồng, giao dịch)"],
    },
    notes: [
      "Thời hạn (trong ngày) và thành phần hồ sơ chưa đọc được trên listing; ghi theo hiểu biết chung.",
    ],
  }),

  procedure({
    id: "cap-ban-sao-co-chung-thuc-tu-ban-chinh-hop-dong",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực",
    nameEn: "Certified copy of a certified contract",
    fieldCode: "chung-thuc",
    components: [identityPaper, authorizationPaper],
    processingTime: { standard: sameDay, online: null, extension: null },
    fees: [copyCertificationFee("Phí cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch")],
    result: { kind: "certified_copy", name: "Bản sao có chứng thực từ bản chính hợp đồng, giao dịch" },
    legalBasis: CHUNG_THUC_LAW,
    onlineLevel: "none",
    postal: { receiveDossier: false, deliverResult: true },
    workflow: certificationWorkflow,
    source: {
      citation: CHUNG_THUC_CITATION,
      portalListing: listing(
        "Thủ tục cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực",
      ),
      consulted: [
        "Thukyluat.vn tóm tắt Quyết định 1024/QĐ-BTP (đoạn về phí của thủ tục này bị cắt, không đọc được mức)",
      ],
    },
    notes: [
      "Mức phí theo trang (2.000 đ/trang, từ trang thứ 3 là 1.000 đ/trang, tối đa 200.000 đ/bản) ghi theo hiểu biết về Thông tư 226/2016/TT-BTC, chưa đọc được trong nguồn.",
      "Thời hạn trong ngày chưa đối chiếu.",
    ],
  }),

  procedure({
    id: "chung-thuc-di-chuc",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Chứng thực di chúc",
    nameEn: "Certification of a will",
    fieldCode: "chung-thuc",
    conditions: [
      "Người lập di chúc phải tự mình yêu cầu chứng thực, minh mẫn, sáng suốt; không được ủy quyền.",
    ],
    components: [
      submit("du-thao-di-chuc", "Dự thảo di chúc"),
      submit("giay-to-tuy-than-nguoi-lap", "Bản sao giấy tờ tùy thân của người lập di chúc", {
        originals: 0,
        copies: 1,
      }),
      submit("giay-to-tai-san", "Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản", {
        originals: 0,
        copies: 1,
        when: "Di chúc liên quan đến tài sản phải đăng ký quyền sở hữu, quyền sử dụng",
      }),
      identityPaper,
    ],
    processingTime: { standard: workingDays(2), online: null, extension: null },
    fees: [contractFee("Phí chứng thực di chúc", 50_000)],
    result: { kind: "certified_copy", name: "Di chúc được chứng thực" },
    legalBasis: [...CHUNG_THUC_LAW, "Bộ luật Dân sự số 91/2015/QH13"],
    onlineLevel: "none",
    postal: { receiveDossier: false, deliverResult: false },
    workflow: certificationWorkflow,
    source: {
      citation: CHUNG_THUC_CITATION,
      portalListing: listing("Thủ tục chứng thực di chúc"),
      consulted: [
        "LuatVietnam: UBND cấp xã có thẩm quyền chứng thực di chúc (khoản 2 Điều 5 Nghị định 23/2015/NĐ-CP)",
      ],
    },
    notes: [CONTRACT_FEE_NOTE, "Thời hạn 02 ngày làm việc ghi theo hiểu biết, chưa đối chiếu listing."],
  }),

  procedure({
    id: "chung-thuc-van-ban-tu-choi-nhan-di-san",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Chứng thực văn bản từ chối nhận di sản",
    nameEn: "Certification of a renunciation of inheritance",
    fieldCode: "chung-thuc",
    components: [
      submit("du-thao-van-ban", "Dự thảo văn bản từ chối nhận di sản"),
      submit("giay-to-tuy-than-nguoi-yeu-cau", "Bản sao giấy tờ tùy thân của người yêu cầu chứng thực", {
        originals: 0,
        copies: 1,
      }),
      identityPaper,
    ],
    processingTime: { standard: workingDays(2), online: null, extension: null },
    fees: [contractFee("Phí chứng thực văn bản từ chối nhận di sản", 50_000)],
    result: { kind: "certified_copy", name: "Văn bản từ chối nhận di sản được chứng thực" },
    legalBasis: [...CHUNG_THUC_LAW, "Bộ luật Dân sự số 91/2015/QH13"],
    onlineLevel: "none",
    postal: { receiveDossier: false, deliverResult: false },
    workflow: certificationWorkflow,
    source: {
      citation: CHUNG_THUC_CITATION,
      portalListing: listing("Thủ tục chứng thực văn bản từ chối nhận di sản"),
      consulted: ["LuatVietnam: UBND cấp xã có thẩm quyền chứng thực văn bản từ chối nhận di sản"],
    },
    notes: [CONTRACT_FEE_NOTE, "Thời hạn 02 ngày làm việc ghi theo hiểu biết, chưa đối chiếu listing."],
  }),

  procedure({
    id: "chung-thuc-van-ban-thoa-thuan-phan-chia-di-san",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Chứng thực văn bản thỏa thuận phân chia di sản mà di sản là động sản, quyền sử dụng đất, nhà ở",
    nameEn: "Certification of an agreement on the division of an estate",
    fieldCode: "chung-thuc",
    components: [
      submit("du-thao-van-ban", "Dự thảo văn bản thỏa thuận phân chia di sản"),
      submit("giay-chung-tu", "Bản sao giấy chứng tử hoặc giấy tờ chứng minh người để lại di sản đã chết", {
        originals: 0,
        copies: 1,
      }),
      submit(
        "giay-to-quan-he",
        "Giấy tờ chứng minh quan hệ giữa người để lại di sản và người được hưởng di sản",
        {
          originals: 0,
          copies: 1,
        },
      ),
      submit("giay-to-tai-san", "Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản là di sản", {
        originals: 0,
        copies: 1,
      }),
      identityPaper,
    ],
    processingTime: { standard: workingDays(2), online: null, extension: null },
    fees: [contractFee("Phí chứng thực văn bản thỏa thuận phân chia di sản", 50_000)],
    result: { kind: "certified_copy", name: "Văn bản thỏa thuận phân chia di sản được chứng thực" },
    legalBasis: [...CHUNG_THUC_LAW, "Bộ luật Dân sự số 91/2015/QH13"],
    onlineLevel: "none",
    postal: { receiveDossier: false, deliverResult: false },
    workflow: certificationWorkflow,
    source: {
      citation: CHUNG_THUC_CITATION,
      portalListing: listing(
        "Thủ tục chứng thực văn bản thỏa thuận phân chia di sản mà di sản là động sản, quyền sử dụng đất, nhà ở",
      ),
      consulted: [
        "LuatVietnam: thẩm quyền chứng thực văn bản thỏa thuận phân chia di sản, khai nhận di sản của UBND cấp xã",
      ],
    },
    notes: [
      CONTRACT_FEE_NOTE,
      "Thời hạn 02 ngày làm việc ghi theo hiểu biết; việc niêm yết 15 ngày tại UBND cấp xã nơi có bất động sản (nếu có) chưa được mô hình hóa.",
    ],
  }),

  procedure({
    id: "chung-thuc-van-ban-khai-nhan-di-san",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Chứng thực văn bản khai nhận di sản mà di sản là động sản, quyền sử dụng đất, nhà ở",
    nameEn: "Certification of a declaration accepting an inheritance",
    fieldCode: "chung-thuc",
    components: [
      submit("du-thao-van-ban", "Dự thảo văn bản khai nhận di sản"),
      submit("giay-chung-tu", "Bản sao giấy chứng tử hoặc giấy tờ chứng minh người để lại di sản đã chết", {
        originals: 0,
        copies: 1,
      }),
      submit(
        "giay-to-quan-he",
        "Giấy tờ chứng minh quan hệ giữa người để lại di sản và người được hưởng di sản",
        {
          originals: 0,
          copies: 1,
        },
      ),
      submit("giay-to-tai-san", "Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản là di sản", {
        originals: 0,
        copies: 1,
      }),
      identityPaper,
    ],
    processingTime: { standard: workingDays(2), online: null, extension: null },
    fees: [contractFee("Phí chứng thực văn bản khai nhận di sản", 50_000)],
    result: { kind: "certified_copy", name: "Văn bản khai nhận di sản được chứng thực" },
    legalBasis: [...CHUNG_THUC_LAW, "Bộ luật Dân sự số 91/2015/QH13"],
    onlineLevel: "none",
    postal: { receiveDossier: false, deliverResult: false },
    workflow: certificationWorkflow,
    source: {
      citation: CHUNG_THUC_CITATION,
      portalListing: listing(
        "Thủ tục chứng thực văn bản khai nhận di sản mà di sản là động sản, quyền sử dụng đất, nhà ở",
      ),
      consulted: [
        "LuatVietnam: thẩm quyền chứng thực văn bản thỏa thuận phân chia di sản, khai nhận di sản của UBND cấp xã",
      ],
    },
    notes: [CONTRACT_FEE_NOTE, "Thời hạn 02 ngày làm việc ghi theo hiểu biết, chưa đối chiếu listing."],
  }),
];

hoTich.push(
  procedure({
    id: "dang-ky-cham-dut-giam-ho",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Đăng ký chấm dứt giám hộ",
    nameEn: "Registration of the end of guardianship",
    fieldCode: "ho-tich",
    components: [
      submit("to-khai", "Tờ khai đăng ký chấm dứt giám hộ theo mẫu", {
        form: form("to-khai-cham-dut-giam-ho", "Tờ khai đăng ký chấm dứt giám hộ", TT04),
      }),
      submit("giay-to-cham-dut", "Giấy tờ làm căn cứ chấm dứt việc giám hộ theo Bộ luật Dân sự", {
        originals: 0,
        copies: 1,
      }),
      identityPaper,
    ],
    processingTime: { standard: workingDays(2), online: null, extension: null },
    fees: [bacKanCivilStatusFee("Lệ phí đăng ký chấm dứt giám hộ", civilStatusPersonalExemptions)],
    result: { kind: "extract", name: "Trích lục đăng ký chấm dứt giám hộ" },
    legalBasis: [...HO_TICH_LAW, "Bộ luật Dân sự số 91/2015/QH13"],
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: civilStatusWorkflow,
    source: {
      citation: HO_TICH_CITATION,
      portalListing: listing("Thủ tục đăng ký chấm dứt giám hộ"),
      consulted: [],
    },
    notes: [
      HO_TICH_2025_NOTE,
      "Không đọc được listing của thủ tục này; thời hạn 02 ngày làm việc và việc thu lệ phí (miễn lệ phí chỉ được luật nêu cho đăng ký giám hộ) ghi theo hiểu biết chung — cần đối chiếu.",
    ],
  }),
);

// =================================================================================================================
// Lao động - Thương binh và Xã hội: bảo trợ xã hội, giảm nghèo
// =================================================================================================================

const TRO_GIUP_XA_HOI =
  "Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội";

const xaHoi: ProcedureInput[] = [
  procedure({
    id: "xac-dinh-muc-do-khuyet-tat",
    code: {
      status: "confirmed",
      value: "1.001699",
      evidence: "Mã thủ tục «1.001699.000.00.00.H17» trên Cổng dịch vụ công thành phố Đà Nẵng",
    },
    name: "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật",
    nameEn: "Disability assessment and disability certificate",
    fieldCode: "bao-tro-xa-hoi",
    components: [
      submit(
        "don-de-nghi",
        "Đơn đề nghị xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật",
        {
          form: form(
            "don-xac-dinh-muc-do-khuyet-tat",
            "Mẫu số 01",
            "Thông tư 01/2019/TT-BLĐTBXH ngày 02/01/2019",
          ),
        },
      ),
      submit(
        "giay-to-y-te",
        "Bản sao các giấy tờ y tế chứng minh về khuyết tật: bệnh án, giấy tờ khám, điều trị, phẫu thuật hoặc giấy tờ liên quan khác",
        { when: "Nếu có" },
      ),
      submit(
        "ket-luan-giam-dinh-y-khoa",
        "Bản sao kết luận của Hội đồng Giám định y khoa về khả năng tự phục vụ, mức độ suy giảm khả năng lao động",
        { when: "Người khuyết tật đã có kết luận của Hội đồng Giám định y khoa trước ngày 01/6/2012" },
      ),
      identityPaper,
    ],
    processingTime: { standard: workingDays(25), online: null, extension: null },
    fees: [freeFee("Lệ phí", "Listing Cổng dịch vụ công quốc gia và Đà Nẵng: không thu phí, lệ phí")],
    cases: [
      {
        id: "xac-dinh-lan-dau",
        name: "Xác định mức độ khuyết tật lần đầu",
        components: { mode: "inherit" },
        fees: { mode: "inherit" },
        processingTime: { mode: "inherit" },
      },
      {
        id: "xac-dinh-lai",
        name: "Xác định lại mức độ khuyết tật",
        components: {
          mode: "add",
          items: [
            submit("giay-xac-nhan-cu", "Giấy xác nhận khuyết tật cũ hoặc các giấy tờ liên quan khác", {
              when: "Nếu có",
            }),
          ],
        },
        fees: { mode: "inherit" },
        processingTime: { mode: "inherit" },
      },
    ],
    result: { kind: "certificate", name: "Giấy xác nhận khuyết tật" },
    legalBasis: [
      "Luật Người khuyết tật số 51/2010/QH12",
      "Nghị định số 28/2012/NĐ-CP ngày 10/4/2012 quy định chi tiết và hướng dẫn thi hành một số điều của Luật Người khuyết tật",
      "Thông tư số 01/2019/TT-BLĐTBXH ngày 02/01/2019 quy định về việc xác định mức độ khuyết tật do Hội đồng xác định mức độ khuyết tật thực hiện",
    ],
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: [
      { role: "reception", nameVi: "Tiếp nhận, kiểm tra, số hóa hồ sơ", share: 5, canSendBack: true },
      {
        role: "specialist",
        nameVi: "Công chức văn hóa - xã hội thẩm tra, trình Hội đồng",
        share: 20,
        canSendBack: true,
      },
      {
        role: "specialist",
        nameVi: "Hội đồng xác định mức độ khuyết tật đánh giá, kết luận",
        share: 45,
        canSendBack: true,
      },
      {
        role: "leader",
        nameVi: "Chủ tịch UBND cấp xã niêm yết kết luận, ký Giấy xác nhận khuyết tật",
        share: 20,
        canSendBack: true,
      },
      { role: "clerk", nameVi: "Vào sổ, đóng dấu, trả kết quả", share: 10, canSendBack: false },
    ],
    source: {
      citation:
        "Thông tư số 01/2019/TT-BLĐTBXH ngày 02/01/2019 của Bộ Lao động - Thương binh và Xã hội (hiệu lực từ 15/3/2019)",
      portalListing: listing("Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật"),
      consulted: [
        "Cổng Dịch vụ công quốc gia (25 ngày làm việc; thành phần hồ sơ theo từng trường hợp; cơ quan thực hiện UBND cấp xã)",
        "Cổng dịch vụ công thành phố Đà Nẵng (mã 1.001699; lĩnh vực Bảo trợ xã hội; không thu lệ phí)",
        "Thư viện Pháp luật: Điều 6 Thông tư 01/2019/TT-BLĐTBXH (niêm yết kết luận 05 ngày làm việc)",
      ],
    },
    notes: [
      "Thời hạn 25 ngày làm việc gồm thời gian Hội đồng xác định và niêm yết; tỷ lệ chia thời gian giữa các bước là đề xuất của catalog.",
    ],
  }),

  procedure({
    id: "doi-cap-lai-giay-xac-nhan-khuyet-tat",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Đổi, cấp lại Giấy xác nhận khuyết tật",
    nameEn: "Replacement of a disability certificate",
    fieldCode: "bao-tro-xa-hoi",
    components: [
      submit("don-de-nghi", "Đơn đề nghị đổi, cấp lại Giấy xác nhận khuyết tật", {
        form: form(
          "don-xac-dinh-muc-do-khuyet-tat",
          "Mẫu số 01",
          "Thông tư 01/2019/TT-BLĐTBXH ngày 02/01/2019",
        ),
      }),
    ],
    processingTime: { standard: workingDays(5), online: null, extension: null },
    fees: [freeFee("Lệ phí", "Listing thủ tục: không thu lệ phí")],
    result: { kind: "certificate", name: "Giấy xác nhận khuyết tật (đổi, cấp lại)" },
    legalBasis: [
      "Luật Người khuyết tật số 51/2010/QH12",
      "Nghị định số 28/2012/NĐ-CP ngày 10/4/2012",
      "Thông tư số 01/2019/TT-BLĐTBXH ngày 02/01/2019",
    ],
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: standardWorkflow(
      "Công chức văn hóa - xã hội đối chiếu hồ sơ lưu, trình ký",
      "Chủ tịch UBND cấp xã quyết định đổi hoặc cấp lại",
    ),
    source: {
      citation: "Thông tư số 01/2019/TT-BLĐTBXH ngày 02/01/2019 của Bộ Lao động - Thương binh và Xã hội",
      portalListing: listing("Đổi, cấp lại Giấy xác nhận khuyết tật"),
      consulted: [
        "Trang thủ tục hành chính Phường 6, quận Gò Vấp (05 ngày làm việc; đơn Mẫu số 01 Thông tư 01/2019/TT-BLĐTBXH)",
        "Trang thủ tục hành chính TP Phủ Lý, Hà Nam (bản cũ theo Thông tư liên tịch 37/2012: 02 ngày làm việc; không thu lệ phí)",
      ],
    },
    notes: [
      "Hai nguồn ghi thời hạn khác nhau (05 và 02 ngày làm việc); dùng 05 ngày theo nguồn dẫn Thông tư 01/2019/TT-BLĐTBXH.",
    ],
  }),

  procedure({
    id: "ho-tro-chi-phi-mai-tang-doi-tuong-bao-tro-xa-hoi",
    code: {
      status: "confirmed",
      value: "1.001731",
      evidence:
        "Ký hiệu thủ tục «1.001731» trên Cổng dịch vụ công tỉnh An Giang; «Mã thủ tục 1.001731» trên Cổng dịch vụ công Bộ Y tế",
    },
    name: "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
    nameEn: "Funeral cost support for social protection beneficiaries",
    fieldCode: "bao-tro-xa-hoi",
    levels: ["commune", "district"],
    applicants: ["individual", "organization"],
    conditions: [
      "Người chết là đối tượng đang hưởng trợ cấp xã hội hằng tháng theo Điều 5 Nghị định 20/2021/NĐ-CP, con của người đơn thân nghèo đang nuôi con, hoặc người từ đủ 80 tuổi đang hưởng trợ cấp tuất bảo hiểm xã hội hằng tháng, trợ cấp hằng tháng khác.",
    ],
    components: [
      submit(
        "to-khai",
        "Tờ khai đề nghị hỗ trợ chi phí mai táng của cơ quan, tổ chức, hộ gia đình hoặc cá nhân đứng ra tổ chức mai táng",
        { form: form("to-khai-ho-tro-mai-tang", "Mẫu số 04", "Nghị định 20/2021/NĐ-CP") },
      ),
      submit("giay-chung-tu", "Bản sao giấy chứng tử của đối tượng", { originals: 0, copies: 1 }),
      submit(
        "quyet-dinh-thoi-huong",
        "Bản sao quyết định hoặc danh sách thôi hưởng trợ cấp bảo hiểm xã hội, trợ cấp khác của cơ quan có thẩm quyền",
        {
          originals: 0,
          copies: 1,
          when: "Người từ đủ 80 tuổi đang hưởng trợ cấp tuất bảo hiểm xã hội hằng tháng, trợ cấp hằng tháng khác",
        },
      ),
    ],
    processingTime: { standard: workingDays(5), online: null, extension: null },
    fees: [freeFee("Phí, lệ phí", "Listing Cổng dịch vụ công tỉnh An Giang: không thu lệ phí")],
    result: { kind: "decision", name: "Quyết định hỗ trợ chi phí mai táng" },
    legalBasis: [TRO_GIUP_XA_HOI],
    onlineLevel: "full",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: upwardWorkflow(
      "Công chức văn hóa - xã hội kiểm tra hồ sơ, dự thảo văn bản đề nghị (02 ngày làm việc)",
      "Cơ quan chuyên môn cấp trên thẩm định, trình quyết định hỗ trợ (03 ngày làm việc)",
    ),
    source: {
      citation: TRO_GIUP_XA_HOI,
      portalListing: listing("Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội"),
      consulted: [
        "Cổng dịch vụ công tỉnh An Giang (ký hiệu 1.001731; toàn trình; 05 ngày làm việc)",
        "Cổng dịch vụ công Bộ Y tế (mã 1.001731; lĩnh vực Bảo trợ xã hội; bước thẩm định do Phòng Y tế)",
        "Cổng dịch vụ công tỉnh Lai Châu (thành phần hồ sơ, Mẫu số 04 Nghị định 20/2021/NĐ-CP)",
      ],
    },
    notes: [
      "Trước 01/7/2025: cấp xã 02 ngày làm việc lập văn bản đề nghị, cấp huyện 03 ngày làm việc thẩm định và Chủ tịch UBND cấp huyện quyết định. Cơ quan quyết định sau khi bỏ cấp huyện chưa đối chiếu văn bản phân cấp; một trang tra cứu thứ cấp nêu mã 1.011199 cho phiên bản cấp huyện.",
    ],
  }),

  procedure({
    id: "tro-giup-xa-hoi-khan-cap-ho-tro-chi-phi-mai-tang",
    code: {
      status: "confirmed",
      value: "2.000744",
      evidence: "Ký hiệu thủ tục «2.000744.000.00.00.H58» trên Cổng dịch vụ công tỉnh Tiền Giang",
    },
    name: "Trợ giúp xã hội khẩn cấp về hỗ trợ chi phí mai táng",
    nameEn: "Emergency social assistance for funeral costs",
    fieldCode: "bao-tro-xa-hoi",
    levels: ["commune", "district"],
    applicants: ["individual", "organization"],
    conditions: [
      "Người chết do thiên tai, hỏa hoạn, tai nạn giao thông, tai nạn lao động đặc biệt nghiêm trọng hoặc lý do bất khả kháng khác theo Nghị định 20/2021/NĐ-CP.",
    ],
    components: [
      submit("to-khai", "Tờ khai đề nghị hỗ trợ chi phí mai táng theo mẫu", {
        form: form(
          "to-khai-ho-tro-mai-tang-khan-cap",
          "Tờ khai đề nghị hỗ trợ chi phí mai táng",
          "Nghị định 20/2021/NĐ-CP",
        ),
      }),
      submit("giay-bao-tu", "Bản sao giấy báo tử hoặc giấy tờ chứng minh việc chết", {
        originals: 0,
        copies: 1,
      }),
    ],
    processingTime: { standard: workingDays(3), online: null, extension: null },
    fees: [freeFee("Phí, lệ phí", "Listing Cổng dịch vụ công tỉnh Tiền Giang: không thu phí, lệ phí")],
    result: { kind: "decision", name: "Quyết định hỗ trợ chi phí mai táng" },
    legalBasis: [TRO_GIUP_XA_HOI],
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: upwardWorkflow(
      "Công chức văn hóa - xã hội kiểm tra hồ sơ, dự thảo văn bản đề nghị",
      "Cơ quan chuyên môn cấp trên thẩm định, trình quyết định hỗ trợ",
    ),
    source: {
      citation: TRO_GIUP_XA_HOI,
      portalListing: listing("Trợ giúp xã hội khẩn cấp về hỗ trợ chi phí mai táng"),
      consulted: [
        "Cổng dịch vụ công tỉnh Tiền Giang (ký hiệu 2.000744; một phần trực tuyến; 03 ngày làm việc kể từ khi nhận văn bản đề nghị của UBND cấp xã; không thu phí)",
      ],
    },
    notes: [
      "Thời hạn 03 ngày làm việc tính từ khi cấp trên nhận văn bản đề nghị của UBND cấp xã; thời gian ở cấp xã chưa đọc được.",
      "Thành phần hồ sơ và điều kiện ghi theo hiểu biết về Nghị định 20/2021/NĐ-CP, chưa đối chiếu listing.",
    ],
  }),

  procedure({
    id: "cong-nhan-ho-ngheo-ho-can-ngheo-phat-sinh",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm",
    nameEn: "Recognition of poor or near-poor households during the year",
    fieldCode: "giam-ngheo",
    components: [
      submit("giay-de-nghi", "Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo", {
        form: form("giay-de-nghi-ra-soat-ho-ngheo", "Mẫu số 01", "Quyết định 24/2021/QĐ-TTg"),
      }),
    ],
    processingTime: { standard: workingDays(7), online: null, extension: null },
    fees: [freeFee("Phí, lệ phí", "Không thu (listing cấp xã)")],
    result: { kind: "decision", name: "Quyết định công nhận hộ nghèo, hộ cận nghèo phát sinh" },
    legalBasis: [
      "Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 quy định chuẩn nghèo đa chiều giai đoạn 2021 - 2025",
      "Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 quy định quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm",
      "Thông tư số 07/2021/TT-BLĐTBXH ngày 18/7/2021 hướng dẫn phương pháp rà soát, phân loại hộ nghèo, hộ cận nghèo",
    ],
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: standardWorkflow(
      "Ban chỉ đạo rà soát cấp xã lập danh sách, thẩm định bằng phiếu, niêm yết công khai",
      "Chủ tịch UBND cấp xã quyết định công nhận",
    ),
    source: {
      citation: "Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ",
      portalListing: listing("Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm"),
      consulted: [
        "Trang UBND Phường 3, quận Bình Thạnh (trình tự; không quá 07 ngày làm việc kể từ khi tiếp nhận giấy đề nghị — bản theo Thông tư 14/2018/TT-BLĐTBXH)",
        "Thư viện Pháp luật: Quyết định 967/QĐ-BNNMT năm 2025 hướng dẫn thủ tục công nhận hộ nghèo, hộ cận nghèo định kỳ; Khoản 1 Điều 4 Quyết định 24/2021/QĐ-TTg (Mẫu số 01)",
      ],
    },
    notes: [
      "Thời hạn 07 ngày làm việc lấy từ bản thủ tục theo quy định cũ (Thông tư 14/2018/TT-BLĐTBXH); chưa đối chiếu Quyết định 24/2021/QĐ-TTg và Quyết định 967/QĐ-BNNMT.",
      "Chuẩn nghèo giai đoạn sau 2025 có thể đã thay đổi; cần kiểm tra văn bản mới.",
    ],
  }),
];

// =================================================================================================================
// Văn hóa - Thể thao
// =================================================================================================================

const vanHoa: ProcedureInput[] = [
  procedure({
    id: "cong-nhan-cau-lac-bo-the-thao-co-so",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Công nhận câu lạc bộ thể thao cơ sở",
    nameEn: "Recognition of a grassroots sports club",
    fieldCode: "the-duc-the-thao",
    applicants: ["individual", "organization"],
    conditions: [
      "Có người hướng dẫn chuyên môn, cơ sở vật chất và quy chế hoạt động phù hợp với môn thể thao của câu lạc bộ.",
    ],
    components: [
      submit("don-de-nghi", "Đơn đề nghị công nhận câu lạc bộ thể thao cơ sở"),
      submit("danh-sach", "Danh sách ban chủ nhiệm và hội viên câu lạc bộ"),
      submit("quy-che", "Quy chế hoạt động của câu lạc bộ"),
      submit("chung-chi-chuyen-mon", "Bằng cấp, giấy chứng nhận chuyên môn của người hướng dẫn", {
        originals: 0,
        copies: 1,
        when: "Nếu có",
      }),
    ],
    processingTime: { standard: workingDays(7), online: null, extension: null },
    fees: [freeFee("Lệ phí", "Không thu (listing cấp xã)")],
    result: { kind: "decision", name: "Quyết định công nhận câu lạc bộ thể thao cơ sở" },
    legalBasis: [
      "Luật Thể dục, thể thao số 77/2006/QH11, được sửa đổi, bổ sung bởi Luật số 26/2018/QH14",
      "Thông tư số 18/2011/TT-BVHTTDL quy định mẫu về tổ chức và hoạt động của câu lạc bộ thể dục thể thao cơ sở",
      "Thông tư số 01/2019/TT-BVHTTDL quy định về đánh giá phong trào thể dục, thể thao quần chúng (tiêu chí câu lạc bộ thể thao cơ sở được thành lập và công nhận)",
    ],
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: standardWorkflow(
      "Công chức văn hóa - xã hội thẩm định hồ sơ, kiểm tra điều kiện",
      "Chủ tịch UBND cấp xã ký quyết định công nhận",
    ),
    source: {
      citation:
        "Luật Thể dục, thể thao 2006 (sửa đổi 2018) và Thông tư 18/2011/TT-BVHTTDL; quyết định công bố TTHC tương ứng của Bộ Văn hóa, Thể thao và Du lịch chưa đọc được",
      portalListing: listing("Thủ tục công nhận câu lạc bộ thể thao cơ sở"),
      consulted: [
        "Quy trình QT-03/2017 «Thủ tục công nhận câu lạc bộ thể thao cơ sở» của UBND phường Vạn Mỹ, quận Ngô Quyền, Hải Phòng (thủ tục thực hiện ở cấp xã; phần thành phần hồ sơ không đọc được)",
        "Trang phường Phương Sài (bản 2010: đơn, quy chế hoạt động, danh sách hội viên, bằng cấp chuyên môn nếu có; không thu lệ phí; kết quả là quyết định)",
        "Thư viện Pháp luật: Điều 7 Thông tư 01/2019/TT-BVHTTDL",
      ],
    },
    notes: [
      "Thời hạn 07 ngày làm việc chưa xác minh từ nguồn (bản 2010 ghi giải quyết trong ngày); cần đối chiếu quyết định công bố của Bộ Văn hóa, Thể thao và Du lịch.",
      "Điều kiện công nhận ghi khái quát theo hiểu biết về Thông tư 18/2011/TT-BVHTTDL.",
    ],
  }),

  procedure({
    id: "xet-tang-danh-hieu-gia-dinh-van-hoa",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Xét tặng danh hiệu «Gia đình văn hóa» hằng năm",
    nameEn: "Annual 'Cultured Family' title",
    fieldCode: "van-hoa-co-so",
    components: [
      submit(
        "van-ban-de-nghi",
        "Văn bản đề nghị của thôn, tổ dân phố kèm danh sách hộ gia đình được đề nghị",
      ),
      submit("bien-ban-binh-xet", "Biên bản họp bình xét"),
    ],
    processingTime: { standard: calendarDays(15), online: null, extension: null },
    fees: [freeFee("Lệ phí", "Không thu")],
    result: { kind: "commendation", name: "Quyết định công nhận và Giấy khen danh hiệu «Gia đình văn hóa»" },
    legalBasis: [
      "Nghị định số 86/2023/NĐ-CP quy định khung tiêu chuẩn và trình tự, thủ tục, hồ sơ xét tặng danh hiệu «Gia đình văn hóa», «Thôn, tổ dân phố văn hóa», «Xã, phường, thị trấn tiêu biểu»",
    ],
    onlineLevel: "none",
    postal: { receiveDossier: false, deliverResult: false },
    workflow: standardWorkflow(
      "Công chức văn hóa - xã hội tổng hợp, trình Hội đồng thi đua - khen thưởng",
      "Chủ tịch UBND cấp xã quyết định tặng danh hiệu",
    ),
    source: {
      citation:
        "Nghị định số 86/2023/NĐ-CP của Chính phủ (theo hiểu biết chung); bản thủ tục cũ «Danh hiệu Gia đình văn hóa» đọc được trên 123doc",
      portalListing: listing("Thủ tục xét tặng danh hiệu «Gia đình văn hóa» hằng năm"),
      consulted: [
        "Bản thủ tục «Danh hiệu Gia đình văn hóa» (cũ): Chủ tịch UBND cấp xã quyết định, 15 ngày, không thu lệ phí, hồ sơ gồm đề nghị, biên bản họp, tóm tắt thành tích",
      ],
    },
    notes: [
      "Số hiệu Nghị định 86/2023/NĐ-CP ghi theo hiểu biết chung, chưa đọc văn bản; thời hạn 15 ngày lấy từ bản thủ tục cũ.",
      "Thủ tục do UBND cấp xã khởi xướng theo đề nghị của thôn, tổ dân phố; cá nhân không nộp qua bưu chính.",
    ],
  }),
];

// =================================================================================================================
// Giáo dục - Đào tạo
// =================================================================================================================

const MAM_NON_LAW = [
  "Luật Giáo dục số 43/2019/QH14",
  "Nghị định số 125/2024/NĐ-CP ngày 05/10/2024 quy định về điều kiện đầu tư và hoạt động trong lĩnh vực giáo dục (hiệu lực từ 20/11/2024)",
  "Nghị định số 142/2025/NĐ-CP quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Giáo dục và Đào tạo",
];

const giaoDuc: ProcedureInput[] = [
  procedure({
    id: "thanh-lap-co-so-giao-duc-mam-non-doc-lap",
    code: {
      status: "unverified",
      value: null,
      candidate: "1.012971",
      note: "DOMAIN.md nêu mã 1.012971 từ một nguồn chưa kiểm chứng; không đọc được listing xác nhận.",
    },
    name: "Thành lập cơ sở giáo dục mầm non độc lập công lập hoặc cho phép thành lập cơ sở giáo dục mầm non độc lập dân lập, tư thục (nhóm trẻ, lớp mẫu giáo độc lập)",
    nameEn: "Establishing an independent childcare group or kindergarten class",
    fieldCode: "giao-duc-mam-non",
    applicants: ["individual", "organization"],
    conditions: [
      "Có địa điểm, cơ sở vật chất tối thiểu, thiết bị, đồ chơi, đồ dùng dạy học đáp ứng chương trình giáo dục mầm non; có kế hoạch giáo dục, tài liệu phù hợp; đội ngũ cán bộ quản lý, giáo viên, nhân viên đủ về số lượng và đạt chuẩn; quy mô nhóm, lớp theo quy định của Bộ Giáo dục và Đào tạo (Nghị định 125/2024/NĐ-CP).",
    ],
    components: [
      submit(
        "to-trinh",
        "Tờ trình (đơn) đề nghị thành lập hoặc cho phép thành lập cơ sở giáo dục mầm non độc lập",
        {
          form: form("don-de-nghi-thanh-lap-gdmn-doc-lap", "Mẫu số 08 Phụ lục I", "Nghị định 125/2024/NĐ-CP"),
        },
      ),
      submit(
        "giay-to-dia-diem",
        "Bản sao có chứng thực giấy tờ chứng minh quyền sử dụng đất, quyền sở hữu nhà hoặc hợp đồng thuê địa điểm",
        { originals: 0, copies: 1 },
      ),
      submit("van-bang-giao-vien", "Bản sao có chứng thực văn bằng, chứng chỉ của giáo viên, người quản lý", {
        originals: 0,
        copies: 1,
      }),
    ],
    processingTime: { standard: workingDays(20), online: null, extension: null },
    fees: [freeFee("Phí, lệ phí", "Không thu (listing cấp xã)")],
    result: {
      kind: "decision",
      name: "Quyết định thành lập hoặc cho phép thành lập cơ sở giáo dục mầm non độc lập",
    },
    legalBasis: MAM_NON_LAW,
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: standardWorkflow(
      "Công chức văn hóa - xã hội thẩm định hồ sơ, tổ chức kiểm tra thực tế điều kiện",
      "Chủ tịch UBND cấp xã quyết định thành lập hoặc cho phép thành lập",
    ),
    source: {
      citation:
        "Nghị định số 125/2024/NĐ-CP ngày 05/10/2024 của Chính phủ và Nghị định 142/2025/NĐ-CP; quyết định công bố TTHC của Bộ Giáo dục và Đào tạo chưa đọc được",
      portalListing: listing(
        "Thành lập cơ sở giáo dục mầm non độc lập công lập hoặc cho phép thành lập cơ sở giáo dục mầm non độc lập dân lập, tư thục",
      ),
      consulted: [
        "FDVN: tóm tắt Nghị định 125/2024/NĐ-CP (điều kiện; hồ sơ đơn Mẫu số 08 Phụ lục I; bản sao chứng thực giấy tờ địa điểm; hiệu lực 20/11/2024)",
        "Thư viện Pháp luật: Điều 11 Nghị định 46/2017/NĐ-CP (quy trình cũ 05 + 10 + 10 ngày làm việc qua Phòng Giáo dục và Đào tạo)",
        "Trang xã Na Sang, Điện Biên: thủ tục trường mầm non theo Nghị định 142/2025/NĐ-CP (05 ngày làm việc kiểm tra hồ sơ, 20 ngày làm việc thẩm định, Chủ tịch UBND cấp xã quyết định)",
        "Báo Khánh Hòa (qua vietnam.vn): UBND cấp xã tiếp nhận, cấp phép nhóm trẻ, lớp mẫu giáo độc lập theo Nghị định 142/2025 và 125/2024",
      ],
    },
    notes: [
      "Tên thủ tục theo Nghị định 125/2024/NĐ-CP dùng khái niệm «cơ sở giáo dục mầm non độc lập» (nhóm trẻ độc lập, lớp mẫu giáo độc lập, lớp mầm non độc lập); tên cũ là «Thành lập nhóm trẻ, lớp mẫu giáo độc lập tư thục».",
      "Thời hạn 20 ngày làm việc suy theo thủ tục trường mầm non cấp xã (Nghị định 142/2025/NĐ-CP); thời hạn riêng cho cơ sở độc lập chưa đọc được.",
      "Thành phần hồ sơ ngoài đơn và giấy tờ địa điểm bị cắt trong nguồn; văn bằng giáo viên ghi theo quy định cũ (Nghị định 46/2017/NĐ-CP).",
    ],
  }),

  procedure({
    id: "cho-phep-co-so-giao-duc-mam-non-doc-lap-hoat-dong",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Cho phép cơ sở giáo dục mầm non độc lập (nhóm trẻ, lớp mẫu giáo độc lập) hoạt động giáo dục",
    nameEn: "Permit for an independent childcare group or kindergarten class to operate",
    fieldCode: "giao-duc-mam-non",
    applicants: ["individual", "organization"],
    components: [
      submit("to-trinh", "Tờ trình đề nghị cho phép hoạt động giáo dục"),
      submit("quyet-dinh-thanh-lap", "Bản sao quyết định thành lập hoặc cho phép thành lập", {
        originals: 0,
        copies: 1,
      }),
      submit("danh-sach-nhan-su", "Danh sách đội ngũ giáo viên, nhân viên kèm văn bằng, chứng chỉ"),
    ],
    processingTime: { standard: workingDays(20), online: null, extension: null },
    fees: [freeFee("Phí, lệ phí", "Không thu (listing cấp xã)")],
    result: { kind: "decision", name: "Quyết định cho phép hoạt động giáo dục" },
    legalBasis: MAM_NON_LAW,
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: standardWorkflow(
      "Công chức văn hóa - xã hội thẩm định hồ sơ, kiểm tra thực tế",
      "Chủ tịch UBND cấp xã quyết định cho phép hoạt động giáo dục",
    ),
    source: {
      citation:
        "Nghị định số 125/2024/NĐ-CP và Nghị định 142/2025/NĐ-CP; quyết định công bố TTHC chưa đọc được",
      portalListing: listing("Cho phép cơ sở giáo dục mầm non độc lập hoạt động giáo dục"),
      consulted: [
        "LuatGiaoDuc (bản cũ «cho phép hoạt động giáo dục đối với nhóm trẻ, lớp mẫu giáo độc lập tư thục»: hồ sơ nộp UBND cấp xã)",
      ],
    },
    notes: [
      "Tên cũ: «Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục». Thời hạn và thành phần hồ sơ chưa đọc được trong văn bản hiện hành; ghi tạm, cần đối chiếu.",
    ],
  }),

  procedure({
    id: "cho-phep-nhom-tre-lop-mau-giao-doc-lap-hoat-dong-tro-lai",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên trang niêm yết tìm thấy.",
    },
    name: "Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục trở lại",
    nameEn: "Permit for an independent childcare group to resume operation",
    fieldCode: "giao-duc-mam-non",
    applicants: ["individual", "organization"],
    conditions: ["Đã hết thời hạn bị đình chỉ hoạt động giáo dục và đã khắc phục nguyên nhân đình chỉ."],
    components: [
      submit("to-trinh", "Tờ trình đề nghị cho phép hoạt động giáo dục trở lại kèm báo cáo khắc phục"),
    ],
    processingTime: { standard: workingDays(20), online: null, extension: null },
    fees: [freeFee("Phí, lệ phí", "Không thu")],
    result: { kind: "decision", name: "Quyết định cho phép hoạt động giáo dục trở lại" },
    legalBasis: [
      "Luật Giáo dục số 43/2019/QH14",
      "Nghị định số 46/2017/NĐ-CP quy định về điều kiện đầu tư và hoạt động trong lĩnh vực giáo dục (sửa đổi bởi Nghị định 135/2018/NĐ-CP) — đã được thay thế bởi Nghị định 125/2024/NĐ-CP",
    ],
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: standardWorkflow(
      "Công chức văn hóa - xã hội thẩm định hồ sơ, đề nghị kiểm tra thực tế",
      "Chủ tịch UBND cấp xã quyết định",
    ),
    source: {
      citation:
        "Nghị định số 46/2017/NĐ-CP (sửa đổi bởi Nghị định 135/2018/NĐ-CP) như niêm yết tại xã Long Thành, huyện Yên Thành, Nghệ An",
      portalListing: listing("Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục trở lại"),
      consulted: [
        "Trang công khai TTHC cấp xã, xã Long Thành, huyện Yên Thành, Nghệ An (05 ngày làm việc thẩm định hồ sơ; 10 ngày làm việc Phòng Giáo dục và Đào tạo kiểm tra thực tế; 05 ngày làm việc Chủ tịch UBND cấp xã quyết định)",
      ],
    },
    notes: [
      "Quy trình đọc được là của giai đoạn trước 20/11/2024 (Nghị định 46/2017/NĐ-CP) và có bước Phòng Giáo dục và Đào tạo cấp huyện; cần cập nhật theo Nghị định 125/2024/NĐ-CP và Nghị định 142/2025/NĐ-CP.",
    ],
  }),
];

// =================================================================================================================
// Địa chính - Xây dựng (Đất đai)
// =================================================================================================================

const diaChinh: ProcedureInput[] = [
  procedure({
    id: "hoa-giai-tranh-chap-dat-dai",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Hòa giải tranh chấp đất đai",
    nameEn: "Mediation of land disputes",
    fieldCode: "dat-dai",
    applicants: ["individual", "organization"],
    conditions: [
      "Tranh chấp đất đai mà các bên không tự hòa giải được; hòa giải tại UBND cấp xã nơi có đất tranh chấp là bắt buộc trước khi khởi kiện hoặc đề nghị giải quyết.",
    ],
    components: [
      submit("don-yeu-cau", "Đơn yêu cầu hòa giải tranh chấp đất đai"),
      submit("giay-to-lien-quan", "Giấy tờ liên quan đến việc sử dụng đất", {
        originals: 0,
        copies: 1,
        when: "Nếu có",
      }),
      identityPaper,
    ],
    processingTime: { standard: calendarDays(30), online: null, extension: null },
    fees: [freeFee("Phí, lệ phí", "Không thu")],
    result: { kind: "written_reply", name: "Biên bản hòa giải thành hoặc hòa giải không thành" },
    legalBasis: [
      "Luật Đất đai số 31/2024/QH15, Điều 235",
      "Nghị định số 102/2024/NĐ-CP quy định chi tiết thi hành một số điều của Luật Đất đai, Điều 105",
    ],
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: [
      { role: "reception", nameVi: "Tiếp nhận đơn, kiểm tra", share: 5, canSendBack: true },
      {
        role: "specialist",
        nameVi: "Công chức địa chính thẩm tra, xác minh nguồn gốc, quá trình sử dụng đất",
        share: 40,
        canSendBack: true,
      },
      {
        role: "leader",
        nameVi: "Chủ tịch UBND cấp xã thành lập Hội đồng hòa giải",
        share: 10,
        canSendBack: true,
      },
      {
        role: "specialist",
        nameVi: "Hội đồng tổ chức cuộc họp hòa giải, lập biên bản",
        share: 35,
        canSendBack: false,
      },
      { role: "clerk", nameVi: "Gửi biên bản cho các bên, lưu hồ sơ", share: 10, canSendBack: false },
    ],
    source: {
      citation:
        "Luật Đất đai 2024, Điều 235 và Nghị định 102/2024/NĐ-CP, Điều 105 (theo bài hướng dẫn của Luật Long Phan)",
      portalListing: listing("Hòa giải tranh chấp đất đai"),
      consulted: [
        "Luật Long Phan: thủ tục hòa giải tranh chấp đất đai tại UBND cấp xã theo khoản 2 Điều 235 Luật Đất đai 2024 và Điều 105 Nghị định 102/2024/NĐ-CP",
      ],
    },
    notes: [
      "Thời hạn 30 ngày (ngày lịch) kể từ khi UBND cấp xã nhận đơn ghi theo hiểu biết về Điều 235 Luật Đất đai 2024; phần nguồn đọc được không nêu con số.",
    ],
  }),
];

// =================================================================================================================
// Nông nghiệp (Phòng, chống thiên tai)
// =================================================================================================================

const THIEN_TAI_LAW = [
  "Nghị định số 02/2017/NĐ-CP ngày 09/01/2017 về cơ chế, chính sách hỗ trợ sản xuất nông nghiệp để khôi phục sản xuất vùng bị thiệt hại do thiên tai, dịch bệnh",
];

const thienTaiComponents = (what: "thiên tai" | "dịch bệnh"): Component[] => [
  submit("don-de-nghi", `Đơn đề nghị hỗ trợ thiệt hại do ${what}`, {
    form: form("don-de-nghi-ho-tro-thiet-hai", "Mẫu số 1, 2, 3, 4, 5 Phụ lục I", "Nghị định 02/2017/NĐ-CP"),
  }),
  submit(
    "ban-ke-khai",
    "Bản kê khai số lượng chăn nuôi tập trung (hoặc nuôi trồng thủy sản) ban đầu hoặc giấy chứng nhận kiểm dịch (nếu có)",
    { form: form("ban-ke-khai-san-xuat-ban-dau", "Mẫu số 6 Phụ lục I", "Nghị định 02/2017/NĐ-CP") },
  ),
  submit("bang-thong-ke", `Bảng thống kê thiệt hại do ${what} có xác nhận của thôn, bản, khu dân cư`),
];

const nongNghiep: ProcedureInput[] = [
  procedure({
    id: "ho-tro-khoi-phuc-san-xuat-thiet-hai-thien-tai",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai",
    nameEn: "Support to restore farm production after natural disasters",
    fieldCode: "phong-chong-thien-tai",
    levels: ["commune", "district", "province"],
    applicants: ["individual", "organization"],
    components: thienTaiComponents("thiên tai"),
    processingTime: { standard: workingDays(15), online: null, extension: null },
    fees: [freeFee("Phí, lệ phí", "Không thu (Quyết định 3499/QĐ-BNN-PCTT năm 2019)")],
    result: { kind: "decision", name: "Quyết định hỗ trợ hoặc văn bản trả lời" },
    legalBasis: THIEN_TAI_LAW,
    onlineLevel: "none",
    postal: { receiveDossier: false, deliverResult: false },
    workflow: upwardWorkflow(
      "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn cấp xã cùng hội đồng kiểm tra xác nhận thiệt hại",
      "Cấp trên thẩm định và quyết định hỗ trợ theo thẩm quyền",
    ),
    source: {
      citation:
        "Quyết định số 3499/QĐ-BNN-PCTT năm 2019 của Bộ Nông nghiệp và Phát triển nông thôn công bố thủ tục (theo Thư viện Pháp luật)",
      portalListing: listing("Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai"),
      consulted: [
        "Thư viện Pháp luật: Mục 3 Quyết định 3499/QĐ-BNN-PCTT năm 2019 (hồ sơ; nơi nộp UBND cấp xã; 15 ngày làm việc; không thu lệ phí)",
        "Trang thủ tục xã Trần Thành Ngọ, quận Kiến An, Hải Phòng (cấp xã; trình tự qua Ban Chỉ huy phòng, chống thiên tai cấp xã, huyện, tỉnh)",
      ],
    },
    notes: [
      "Thời hạn 15 ngày làm việc là thời hạn tại mỗi cấp; hồ sơ có thể lên cấp trên nếu vượt thẩm quyền.",
      "Nghị định 02/2017/NĐ-CP có thể đã được thay thế; cần kiểm tra văn bản hiện hành.",
    ],
  }),

  procedure({
    id: "ho-tro-khoi-phuc-san-xuat-thiet-hai-dich-benh",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên trang niêm yết tìm thấy.",
    },
    name: "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do dịch bệnh",
    nameEn: "Support to restore farm production after epidemics",
    fieldCode: "phong-chong-thien-tai",
    levels: ["commune", "district", "province"],
    applicants: ["individual", "organization"],
    components: [
      ...thienTaiComponents("dịch bệnh"),
      submit(
        "bang-tong-hop",
        "Bảng tổng hợp kết quả thực hiện hỗ trợ để khôi phục sản xuất nông nghiệp (đối với cấp huyện, cấp xã)",
        {
          form: form("bang-tong-hop-ho-tro", "Mẫu số 1–6 Phụ lục II", "Nghị định 02/2017/NĐ-CP"),
          when: "Do UBND cấp xã lập khi chuyển cấp trên",
        },
      ),
    ],
    processingTime: {
      standard: workingDays(15),
      online: null,
      extension: { total: workingDays(45), when: "Hồ sơ phải trình qua các cấp (mỗi cấp 15 ngày làm việc)" },
    },
    fees: [freeFee("Phí, lệ phí", "Không thu")],
    result: { kind: "decision", name: "Quyết định hỗ trợ hoặc văn bản trả lời" },
    legalBasis: THIEN_TAI_LAW,
    onlineLevel: "none",
    postal: { receiveDossier: true, deliverResult: false },
    workflow: upwardWorkflow(
      "Hội đồng kiểm tra cấp xã xác nhận thiệt hại, lập bảng tổng hợp",
      "Cấp trên thẩm định và quyết định hỗ trợ",
    ),
    source: {
      citation: "Nghị định số 02/2017/NĐ-CP ngày 09/01/2017 của Chính phủ",
      portalListing: listing("Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do dịch bệnh"),
      consulted: [
        "Cổng Dịch vụ công quốc gia (cơ quan thực hiện UBND cấp xã; trực tiếp hoặc bưu chính; 45 ngày làm việc, trong đó mỗi cấp 15 ngày làm việc; các mẫu Phụ lục I, II)",
        "Trang thủ tục hành chính Phường 6, quận Gò Vấp (15 ngày làm việc)",
      ],
    },
    notes: [
      "Listing quốc gia cho phép nộp qua dịch vụ bưu chính; việc trả kết quả qua bưu chính chưa xác minh.",
    ],
  }),
];

// =================================================================================================================
// Nội vụ (tín ngưỡng, tôn giáo; thi đua, khen thưởng)
// =================================================================================================================

const noiVu: ProcedureInput[] = [
  procedure({
    id: "dang-ky-hoat-dong-tin-nguong",
    code: {
      status: "reported",
      value: "2.000509",
      evidence:
        "Mã thủ tục «2.000509.000.00.00.H42» (cấp xã, tỉnh Ninh Bình, Quyết định 646/QĐ-UBND) trên trang tra cứu hethongphapluat.com, bản sao của cơ sở dữ liệu thủ tục",
    },
    name: "Đăng ký hoạt động tín ngưỡng",
    nameEn: "Registration of annual belief activities",
    fieldCode: "tin-nguong-ton-giao",
    applicants: ["individual", "organization"],
    conditions: [
      "Người đại diện hoặc ban quản lý cơ sở tín ngưỡng gửi văn bản đăng ký hoạt động tín ngưỡng hằng năm chậm nhất 30 ngày trước ngày bắt đầu hoạt động; việc đăng ký hằng năm chỉ thực hiện một lần.",
    ],
    components: [
      submit("van-ban-dang-ky", "Văn bản đăng ký hoạt động tín ngưỡng (theo mẫu)", {
        form: form("dang-ky-hoat-dong-tin-nguong", "Mẫu B1", "Phụ lục Nghị định 162/2017/NĐ-CP"),
      }),
    ],
    processingTime: { standard: calendarDays(15), online: null, extension: null },
    fees: [freeFee("Phí, lệ phí", "Không thu", "phi")],
    result: {
      kind: "written_reply",
      name: "Văn bản trả lời chấp thuận hoặc không chấp thuận việc đăng ký hoạt động tín ngưỡng",
    },
    legalBasis: TIN_NGUONG_LAW,
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: standardWorkflow(
      "Công chức văn phòng - thống kê thẩm định hồ sơ, trình Chủ tịch UBND cấp xã",
      "Chủ tịch UBND cấp xã trả lời bằng văn bản",
    ),
    source: {
      citation:
        "Luật Tín ngưỡng, tôn giáo 2016 (Điều 12) và Nghị định 162/2017/NĐ-CP như các trang niêm yết viện dẫn",
      portalListing: listing("Thủ tục đăng ký hoạt động tín ngưỡng"),
      consulted: [
        "Trang tra cứu TTHC xã Quảng Thọ, Thừa Thiên Huế (15 ngày kể từ khi nhận văn bản đăng ký hợp lệ; không thu phí; văn bản đăng ký theo mẫu)",
        "Hethongphapluat.com (mã 2.000509, cấp xã, Ninh Bình)",
      ],
    },
    notes: [TIN_NGUONG_NOTE],
  }),

  procedure({
    id: "dang-ky-bo-sung-hoat-dong-tin-nguong",
    code: {
      status: "confirmed",
      value: "1.001028",
      evidence:
        "Tên tắt «1.001028.000.00.00.H14» trên trang thủ tục hành chính xã Thông Nông, huyện Hà Quảng, tỉnh Cao Bằng",
    },
    name: "Đăng ký bổ sung hoạt động tín ngưỡng",
    nameEn: "Registration of additional belief activities",
    fieldCode: "tin-nguong-ton-giao",
    applicants: ["individual", "organization"],
    conditions: ["Gửi văn bản đăng ký bổ sung chậm nhất 20 ngày trước ngày diễn ra hoạt động tín ngưỡng."],
    components: [
      submit("van-ban-dang-ky", "Văn bản đăng ký bổ sung hoạt động tín ngưỡng (theo mẫu)", {
        form: form("dang-ky-hoat-dong-tin-nguong", "Mẫu B1", "Phụ lục Nghị định 162/2017/NĐ-CP"),
      }),
    ],
    processingTime: { standard: calendarDays(12), online: null, extension: null },
    fees: [freeFee("Phí, lệ phí", "Không thu", "phi")],
    result: {
      kind: "written_reply",
      name: "Văn bản trả lời chấp thuận hoặc không chấp thuận việc đăng ký hoạt động tín ngưỡng bổ sung",
    },
    legalBasis: TIN_NGUONG_LAW,
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: standardWorkflow(
      "Công chức văn phòng - thống kê thẩm định hồ sơ, trình Chủ tịch UBND cấp xã",
      "Chủ tịch UBND cấp xã trả lời bằng văn bản",
    ),
    source: {
      citation: "Luật Tín ngưỡng, tôn giáo 2016 và Nghị định 162/2017/NĐ-CP như các trang niêm yết viện dẫn",
      portalListing: listing("Thủ tục đăng ký bổ sung hoạt động tín ngưỡng"),
      consulted: [
        "Trang TTHC xã Thông Nông, Hà Quảng, Cao Bằng (mã 1.001028; trực tiếp, trực tuyến, bưu chính; 12 ngày; không thu phí; Mẫu B1)",
        "Trang TTHC cấp xã tỉnh Gia Lai (trình tự, yêu cầu 20 ngày trước ngày diễn ra hoạt động)",
      ],
    },
    notes: [
      TIN_NGUONG_NOTE,
      "Thời hạn 12 ngày theo trang Cao Bằng; không rõ là ngày lịch hay ngày làm việc — ghi là ngày lịch.",
    ],
  }),

  procedure({
    id: "dang-ky-sinh-hoat-ton-giao-tap-trung",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Đăng ký sinh hoạt tôn giáo tập trung",
    nameEn: "Registration of regular collective religious practice",
    fieldCode: "tin-nguong-ton-giao",
    applicants: ["organization", "individual"],
    components: [
      submit(
        "van-ban-dang-ky",
        "Văn bản đăng ký nêu rõ tên tổ chức đăng ký; tên tôn giáo; họ tên, nơi cư trú của người đại diện; nội dung, địa điểm, thời gian sinh hoạt, số lượng người tham gia",
      ),
      submit("giay-to-dia-diem", "Giấy tờ chứng minh có địa điểm hợp pháp để làm nơi sinh hoạt tôn giáo", {
        originals: 0,
        copies: 1,
      }),
      submit("so-yeu-ly-lich", "Sơ yếu lý lịch của người đại diện nhóm sinh hoạt tôn giáo tập trung"),
      submit("tom-tat-giao-ly", "Bản tóm tắt giáo lý, giáo luật", {
        when: "Nhóm người theo tôn giáo chưa được cấp chứng nhận đăng ký hoạt động (khoản 2 Điều 16 Luật Tín ngưỡng, tôn giáo)",
      }),
    ],
    processingTime: { standard: calendarDays(20), online: null, extension: null },
    fees: [freeFee("Phí, lệ phí", "Không thu", "phi")],
    result: {
      kind: "written_reply",
      name: "Văn bản chấp thuận hoặc từ chối đăng ký sinh hoạt tôn giáo tập trung",
    },
    legalBasis: TIN_NGUONG_LAW,
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: standardWorkflow(
      "Công chức văn phòng - thống kê thẩm định hồ sơ, xác minh địa điểm",
      "Chủ tịch UBND cấp xã trả lời bằng văn bản",
    ),
    source: {
      citation: "Luật Tín ngưỡng, tôn giáo số 02/2016/QH14, Điều 16 và Điều 17",
      portalListing: listing("Thủ tục đăng ký sinh hoạt tôn giáo tập trung"),
      consulted: [
        "Thư viện Pháp luật: Điều 17 Luật Tín ngưỡng, tôn giáo 2016 (hồ sơ; trả lời trong 20 ngày kể từ khi nhận đủ hồ sơ hợp lệ)",
      ],
    },
    notes: [TIN_NGUONG_NOTE],
  }),

  procedure({
    id: "tang-giay-khen-chu-tich-ubnd-xa-nhiem-vu-chinh-tri",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Tặng Giấy khen của Chủ tịch UBND cấp xã về thực hiện nhiệm vụ chính trị",
    nameEn: "Commune chairperson's certificate of merit for performance of political tasks",
    fieldCode: "thi-dua-khen-thuong",
    applicants: ["individual", "organization"],
    components: [
      submit(
        "van-ban-de-nghi",
        "Văn bản đề nghị kèm theo danh sách tập thể, cá nhân được đề nghị tặng Giấy khen",
      ),
      submit("bao-cao-thanh-tich", "Báo cáo thành tích của tập thể, cá nhân"),
      submit("bien-ban-xet", "Biên bản xét khen thưởng"),
    ],
    processingTime: { standard: workingDays(10), online: null, extension: null },
    fees: [freeFee("Phí, lệ phí", "Không thu", "phi")],
    result: { kind: "commendation", name: "Quyết định của Chủ tịch UBND cấp xã tặng Giấy khen" },
    legalBasis: THI_DUA_LAW,
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: standardWorkflow(
      "Công chức làm công tác thi đua, khen thưởng thẩm định, báo cáo Hội đồng thi đua - khen thưởng",
      "Chủ tịch UBND cấp xã quyết định khen thưởng",
    ),
    source: {
      citation:
        "Luật Thi đua, khen thưởng và văn bản hướng dẫn như niêm yết tại UBND xã Vân Thắng, huyện Ba Vì, Hà Nội",
      portalListing: listing(
        "Thủ tục tặng Giấy khen của Chủ tịch UBND cấp xã về thực hiện nhiệm vụ chính trị",
      ),
      consulted: [
        "Trang tra cứu TTHC xã Quảng Thọ, Thừa Thiên Huế (thời hạn 10; không thu phí; hồ sơ gồm báo cáo thành tích, văn bản đề nghị kèm danh sách, biên bản xét)",
        "Trang TTHC xã Vân Thắng, huyện Ba Vì, Hà Nội (10 ngày làm việc kể từ khi nhận đủ hồ sơ; trực tiếp, trực tuyến, bưu chính)",
      ],
    },
    notes: [THI_DUA_NOTE],
  }),

  procedure({
    id: "tang-giay-khen-chu-tich-ubnd-xa-cho-gia-dinh",
    code: {
      status: "confirmed",
      value: "1.000748",
      evidence: "Thủ tục «…cho gia đình - 1.000748.000.00.00.H62» trên Cổng dịch vụ công tỉnh Vĩnh Phúc",
    },
    name: "Tặng Giấy khen của Chủ tịch UBND cấp xã cho gia đình",
    nameEn: "Commune chairperson's certificate of merit for a family",
    fieldCode: "thi-dua-khen-thuong",
    components: [
      submit("van-ban-de-nghi", "Văn bản đề nghị kèm theo danh sách gia đình được đề nghị tặng Giấy khen"),
      submit(
        "bao-cao-thanh-tich",
        "Báo cáo thành tích do gia đình được đề nghị khen thưởng làm, ghi rõ thành tích",
      ),
      submit("bien-ban-xet", "Biên bản xét khen thưởng"),
    ],
    processingTime: { standard: workingDays(12), online: null, extension: null },
    fees: [freeFee("Phí, lệ phí", "Không thu", "phi")],
    result: { kind: "commendation", name: "Quyết định của Chủ tịch UBND cấp xã tặng Giấy khen" },
    legalBasis: THI_DUA_LAW,
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: standardWorkflow(
      "Công chức làm công tác thi đua, khen thưởng thẩm định, báo cáo Hội đồng thi đua - khen thưởng",
      "Chủ tịch UBND cấp xã quyết định khen thưởng",
    ),
    source: {
      citation:
        "Luật Thi đua, khen thưởng và văn bản hướng dẫn như niêm yết trên Cổng dịch vụ công tỉnh Vĩnh Phúc",
      portalListing: listing("Thủ tục tặng Giấy khen của Chủ tịch UBND cấp xã cho gia đình"),
      consulted: [
        "Cổng dịch vụ công tỉnh Vĩnh Phúc (mã 1.000748; 12 ngày làm việc; thành phần hồ sơ; không thu phí)",
      ],
    },
    notes: [THI_DUA_NOTE],
  }),
];

// =================================================================================================================
// Công thương, Tài nguyên và Môi trường
// =================================================================================================================

const congThuongMoiTruong: ProcedureInput[] = [
  procedure({
    id: "dang-ky-san-xuat-ruou-thu-cong-ban-cho-doanh-nghiep",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Đăng ký sản xuất rượu thủ công nhằm mục đích bán cho doanh nghiệp có Giấy phép sản xuất rượu để chế biến lại",
    nameEn: "Registration of craft liquor production for sale to licensed producers",
    fieldCode: "cong-thuong",
    components: [
      submit("ban-dang-ky", "Bản đăng ký sản xuất rượu thủ công (theo mẫu)"),
      submit(
        "hop-dong-mua-ban",
        "Bản sao hợp đồng mua bán rượu với doanh nghiệp có Giấy phép sản xuất rượu công nghiệp",
        {
          originals: 0,
          copies: 1,
        },
      ),
    ],
    processingTime: { standard: workingDays(7), online: null, extension: null },
    fees: [freeFee("Phí, lệ phí", "Chưa thấy quy định thu phí cho việc đăng ký này", "phi")],
    result: { kind: "registration", name: "Giấy xác nhận đăng ký sản xuất rượu thủ công" },
    legalBasis: ["Nghị định số 105/2017/NĐ-CP ngày 14/9/2017 về kinh doanh rượu (Điều 4)"],
    onlineLevel: "partial",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: standardWorkflow("Công chức kinh tế kiểm tra hồ sơ", "Chủ tịch UBND cấp xã xác nhận đăng ký"),
    source: {
      citation: "Nghị định số 105/2017/NĐ-CP ngày 14/9/2017 của Chính phủ về kinh doanh rượu, Điều 4",
      portalListing: listing(
        "Đăng ký sản xuất rượu thủ công nhằm mục đích bán cho doanh nghiệp có Giấy phép sản xuất rượu để chế biến lại",
      ),
      consulted: [
        "Toàn văn Nghị định 105/2017/NĐ-CP (Điều 4: tổ chức, cá nhân sản xuất rượu thủ công để bán cho doanh nghiệp có Giấy phép sản xuất rượu công nghiệp để chế biến lại phải đăng ký với UBND cấp xã)",
      ],
    },
    notes: [
      "Chỉ xác nhận được nghĩa vụ đăng ký với UBND cấp xã; thành phần hồ sơ, thời hạn 07 ngày làm việc và việc không thu phí ghi theo hiểu biết chung — cần đối chiếu Điều 22 Nghị định 105/2017/NĐ-CP và văn bản sửa đổi.",
    ],
  }),

  procedure({
    id: "dang-ky-moi-truong",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các trang niêm yết tìm thấy.",
    },
    name: "Đăng ký môi trường (cấp xã)",
    nameEn: "Environmental registration",
    fieldCode: "moi-truong",
    applicants: ["organization", "individual"],
    conditions: [
      "Dự án đầu tư, cơ sở sản xuất, kinh doanh, dịch vụ có phát sinh chất thải không thuộc đối tượng phải có giấy phép môi trường và không thuộc trường hợp được miễn (Luật Bảo vệ môi trường 2020, Điều 49; Nghị định 08/2022/NĐ-CP, Điều 32).",
    ],
    components: [
      submit("van-ban-dang-ky", "Văn bản đăng ký môi trường của chủ dự án đầu tư, cơ sở", {
        form: form("dang-ky-moi-truong", "Mẫu số 47 Phụ lục II", "Thông tư 02/2022/TT-BTNMT"),
      }),
      submit(
        "quyet-dinh-dtm",
        "Bản sao Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường",
        { originals: 0, copies: 1, when: "Nếu có" },
      ),
    ],
    processingTime: { standard: onTheSpot, online: null, extension: null },
    fees: [freeFee("Phí, lệ phí", "Không thu", "phi")],
    result: { kind: "registration", name: "Tiếp nhận đăng ký môi trường (cập nhật vào hệ thống)" },
    legalBasis: [
      "Luật Bảo vệ môi trường số 72/2020/QH14, Điều 49",
      "Nghị định số 08/2022/NĐ-CP ngày 10/01/2022 quy định chi tiết một số điều của Luật Bảo vệ môi trường",
      "Thông tư số 02/2022/TT-BTNMT hướng dẫn thi hành Luật Bảo vệ môi trường, Điều 22",
    ],
    onlineLevel: "full",
    postal: { receiveDossier: true, deliverResult: false },
    workflow: standardWorkflow(
      "Công chức địa chính - môi trường kiểm tra nội dung đăng ký, cập nhật",
      "Lãnh đạo UBND cấp xã xác nhận tiếp nhận",
    ),
    source: {
      citation: "Luật Bảo vệ môi trường 2020, Điều 49 và Thông tư 02/2022/TT-BTNMT, Điều 22",
      portalListing: listing("Đăng ký môi trường"),
      consulted: [
        "Báo Môi trường và Đô thị (qua xaydungtoday.vn): Điều 22 Thông tư 02/2022/TT-BTNMT — hồ sơ Mẫu số 47 Phụ lục II; gửi UBND cấp xã trực tiếp, qua bưu điện hoặc bản điện tử qua dịch vụ công trực tuyến",
        "Môi trường Tuấn Vũ: đối tượng, thời điểm đăng ký môi trường (Điều 49 Luật Bảo vệ môi trường 2020)",
      ],
    },
    notes: [
      "Pháp luật không đặt thời hạn giải quyết như một thủ tục cấp phép; ghi «giải quyết ngay» là lựa chọn của catalog.",
      "Không có kết quả giấy tờ để trả qua bưu chính.",
    ],
  }),
];

// =================================================================================================================
// Hộ kinh doanh (Tài chính - Kế hoạch)
// =================================================================================================================

const hoKinhDoanh: ProcedureInput[] = (
  [
    {
      id: "dang-ky-thanh-lap-ho-kinh-doanh",
      name: "Đăng ký thành lập hộ kinh doanh",
      nameEn: "Household business registration",
      components: [
        submit("giay-de-nghi", "Giấy đề nghị đăng ký hộ kinh doanh"),
        submit(
          "bien-ban-hop",
          "Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh",
          {
            originals: 0,
            copies: 1,
            when: "Các thành viên hộ gia đình cùng đăng ký hộ kinh doanh",
          },
        ),
        authorizationPaper,
      ],
      result: "Giấy chứng nhận đăng ký hộ kinh doanh",
    },
    {
      id: "dang-ky-thay-doi-noi-dung-ho-kinh-doanh",
      name: "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
      nameEn: "Change of household business registration details",
      components: [
        submit("thong-bao-thay-doi", "Thông báo thay đổi nội dung đăng ký hộ kinh doanh"),
        authorizationPaper,
      ],
      result: "Giấy chứng nhận đăng ký hộ kinh doanh (cập nhật)",
    },
    {
      id: "dang-ky-tam-ngung-kinh-doanh-ho-kinh-doanh",
      name: "Đăng ký tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh",
      nameEn: "Suspension or early resumption of a household business",
      components: [
        submit("thong-bao", "Thông báo về việc tạm ngừng kinh doanh/tiếp tục kinh doanh trước thời hạn"),
        authorizationPaper,
      ],
      result: "Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh",
    },
    {
      id: "cham-dut-hoat-dong-ho-kinh-doanh",
      name: "Chấm dứt hoạt động hộ kinh doanh",
      nameEn: "Termination of a household business",
      components: [
        submit("thong-bao", "Thông báo về việc chấm dứt hoạt động hộ kinh doanh"),
        submit("thong-bao-thue", "Thông báo của cơ quan thuế về việc chấm dứt hiệu lực mã số thuế", {
          originals: 0,
          copies: 1,
        }),
        authorizationPaper,
      ],
      result: "Thông báo về việc chấm dứt hoạt động hộ kinh doanh",
    },
  ] as const
).map((p) =>
  procedure({
    id: p.id,
    effectiveFrom: "2025-07-03",
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Không đọc được mã trên các nguồn tìm thấy.",
    },
    name: p.name,
    nameEn: p.nameEn,
    fieldCode: "ho-kinh-doanh",
    components: [...p.components, identityPaper],
    processingTime: { standard: workingDays(3), online: null, extension: null },
    fees:
      p.id === "dang-ky-thanh-lap-ho-kinh-doanh" || p.id === "dang-ky-thay-doi-noi-dung-ho-kinh-doanh"
        ? [hkdFee("Lệ phí đăng ký hộ kinh doanh")]
        : [freeFee("Lệ phí", "Không thu lệ phí đối với thủ tục thông báo (theo hiểu biết chung)")],
    result: { kind: "registration", name: p.result },
    legalBasis: HKD_LAW,
    onlineLevel: "full",
    postal: { receiveDossier: true, deliverResult: true },
    workflow: standardWorkflow(
      "Cơ quan đăng ký kinh doanh cấp xã kiểm tra hồ sơ, nhập hệ thống",
      "Lãnh đạo phụ trách ký giấy chứng nhận, thông báo",
    ),
    source: {
      citation: HKD_CITATION,
      portalListing: listing(p.name),
      consulted: [
        "Nguồn Mở (tin báo chí): từ 03/7/2025 các thủ tục hộ kinh doanh thực hiện tại cơ quan đăng ký kinh doanh cấp xã; nộp trực tiếp, bưu chính hoặc trực tuyến; 03 ngày làm việc",
      ],
    },
    notes: HKD_NOTES,
  }),
);

export const PROCEDURES: readonly ProcedureInput[] = [
  ...hoTich,
  ...chungThuc,
  ...xaHoi,
  ...vanHoa,
  ...giaoDuc,
  ...diaChinh,
  ...nongNghiep,
  ...noiVu,
  ...congThuongMoiTruong,
  ...hoKinhDoanh,
];
