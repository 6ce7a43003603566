import {
  AMOUNT_STATUS,
  APPLICANTS,
  CODE_STATUS,
  COMPONENT_MODE,
  COUNCIL_PER,
  FEE_KIND,
  FEE_MODE,
  FEE_TYPE,
  FIXED_PER,
  HANDLING,
  LEVELS,
  ONLINE,
  RESULT_KIND,
  ROLE,
  type Vocabulary,
  YES_NO,
} from "./sheet-values.ts";

export const SHEETS = {
  guide: "Hướng dẫn",
  procedures: "Thủ tục",
  components: "Thành phần hồ sơ",
  fees: "Phí, lệ phí",
  cases: "Trường hợp",
  steps: "Quy trình",
  fields: "Lĩnh vực",
} as const;

export interface Column {
  key: string;
  header: string;
  width: number;
  /** What the column holds, for the guide sheet. */
  help: string;
  required?: boolean;
  /** Written for reading only; ignored on import. */
  derived?: boolean;
  list?: Vocabulary<string>;
}

const REF = {
  key: "procedure",
  header: "Mã định danh thủ tục",
  width: 34,
  help: "Mã định danh (cột A của sheet «Thủ tục») của thủ tục mà dòng này thuộc về.",
  required: true,
};
const CASE_REF = {
  key: "case",
  header: "Trường hợp",
  width: 16,
  help: "Mã trường hợp (sheet «Trường hợp»); để trống nếu áp dụng chung cho thủ tục.",
};
const ORDER = {
  key: "order",
  header: "STT",
  width: 6,
  help: "Thứ tự trong thủ tục (hoặc trong trường hợp).",
};

export const PROCEDURE_COLUMNS: Column[] = [
  {
    key: "id",
    header: "Mã định danh",
    width: 34,
    help: "Mã định danh ổn định của thủ tục (chữ thường không dấu, nối bằng gạch ngang), không đổi giữa các phiên bản.",
    required: true,
  },
  {
    key: "code",
    header: "Mã TTHC",
    width: 12,
    help: "Mã thủ tục trên Cơ sở dữ liệu quốc gia, dạng 1.001193; để trống nếu chưa xác định.",
  },
  {
    key: "codeStatus",
    header: "Trạng thái mã",
    width: 16,
    help: `Một trong: ${CODE_STATUS.list()}.`,
    required: true,
    list: CODE_STATUS,
  },
  {
    key: "codeEvidence",
    header: "Căn cứ mã",
    width: 40,
    help: "Nơi đã thấy mã (khi đã xác nhận hoặc theo nguồn thứ cấp) hoặc lý do chưa xác minh.",
  },
  {
    key: "codeCandidate",
    header: "Mã đề xuất",
    width: 12,
    help: "Khi mã chưa xác minh: mã do một nguồn gợi ý, nếu có.",
  },
  {
    key: "name",
    header: "Tên thủ tục",
    width: 60,
    help: "Tên thủ tục hành chính như được công bố.",
    required: true,
  },
  { key: "nameEn", header: "Tên tiếng Anh", width: 40, help: "Tên tiếng Anh.", required: true },
  {
    key: "fieldCode",
    header: "Lĩnh vực",
    width: 20,
    help: "Mã lĩnh vực (sheet «Lĩnh vực»); tên lĩnh vực cũng được chấp nhận.",
    required: true,
  },
  {
    key: "levels",
    header: "Cấp thực hiện",
    width: 14,
    help: `Một hoặc nhiều, cách nhau bằng dấu phẩy: ${LEVELS.list()}.`,
    required: true,
  },
  {
    key: "applicants",
    header: "Đối tượng thực hiện",
    width: 18,
    help: `Một hoặc nhiều: ${APPLICANTS.list()}.`,
    required: true,
  },
  {
    key: "time",
    header: "Thời hạn giải quyết",
    width: 24,
    help: "Ví dụ: «15 ngày làm việc», «8 giờ làm việc», «30 ngày», «trong ngày (8 giờ làm việc)», «giải quyết ngay (2 giờ làm việc)».",
    required: true,
  },
  {
    key: "timeOnline",
    header: "Thời hạn nộp trực tuyến",
    width: 20,
    help: "Thời hạn khác khi nộp trực tuyến, nếu pháp luật quy định; để trống nếu như trên.",
  },
  {
    key: "extension",
    header: "Thời hạn tối đa khi kéo dài",
    width: 20,
    help: "Tổng thời hạn khi được kéo dài, ví dụ «2 ngày làm việc»; để trống nếu không có.",
  },
  {
    key: "extensionWhen",
    header: "Điều kiện kéo dài",
    width: 30,
    help: "Khi nào được kéo dài (bắt buộc nếu có thời hạn kéo dài).",
  },
  {
    key: "feeText",
    header: "Phí, lệ phí (mô tả)",
    width: 40,
    help: "Chỉ để đọc: mô tả sinh từ sheet «Phí, lệ phí». Không được đọc khi nhập.",
    derived: true,
  },
  {
    key: "onlineLevel",
    header: "Mức độ DVC trực tuyến",
    width: 14,
    help: `Một trong: ${ONLINE.list()}.`,
    required: true,
    list: ONLINE,
  },
  {
    key: "postal",
    header: "Bưu chính công ích",
    width: 22,
    help: "«nhận hồ sơ», «trả kết quả», «nhận hồ sơ; trả kết quả» hoặc «không».",
  },
  {
    key: "resultKind",
    header: "Loại kết quả",
    width: 16,
    help: `Một trong: ${RESULT_KIND.list()}.`,
    required: true,
    list: RESULT_KIND,
  },
  {
    key: "resultName",
    header: "Kết quả",
    width: 40,
    help: "Tên giấy tờ là kết quả giải quyết.",
    required: true,
  },
  {
    key: "conditions",
    header: "Yêu cầu, điều kiện",
    width: 40,
    help: "Mỗi điều kiện một dòng trong ô (Alt+Enter).",
  },
  {
    key: "legalBasis",
    header: "Căn cứ pháp lý",
    width: 50,
    help: "Mỗi văn bản một dòng trong ô.",
    required: true,
  },
  {
    key: "effectiveFrom",
    header: "Hiệu lực từ",
    width: 12,
    help: "Ngày phiên bản có hiệu lực (YYYY-MM-DD). Khi nhập nội dung thay đổi của thủ tục đã có, nếu ngày này không sau ngày hiệu lực của phiên bản hiện hành thì lấy ngày nhập.",
  },
  {
    key: "effectiveTo",
    header: "Hết hiệu lực từ",
    width: 12,
    help: "Ngày thủ tục không còn áp dụng (bãi bỏ); để trống nếu vẫn áp dụng.",
  },
  {
    key: "citation",
    header: "Quyết định công bố",
    width: 50,
    help: "Văn bản công bố thủ tục hoặc căn cứ chính (nguồn).",
    required: true,
  },
  {
    key: "portalListing",
    header: "Tên trên CSDL quốc gia",
    width: 40,
    help: "Tên mục của thủ tục trên Cơ sở dữ liệu quốc gia về TTHC.",
    required: true,
  },
  {
    key: "consulted",
    header: "Tài liệu đã đọc",
    width: 40,
    help: "Các trang, văn bản đã đọc để lập thông tin; mỗi tài liệu một dòng.",
  },
  { key: "notes", header: "Ghi chú", width: 40, help: "Điều chưa chắc chắn, lưu ý; mỗi ý một dòng." },
  {
    key: "version",
    header: "Phiên bản",
    width: 9,
    help: "Chỉ để đọc: số phiên bản khi xuất.",
    derived: true,
  },
];

export const COMPONENT_COLUMNS: Column[] = [
  REF,
  CASE_REF,
  ORDER,
  {
    key: "id",
    header: "Mã thành phần",
    width: 22,
    help: "Mã thành phần (chữ thường không dấu, gạch ngang), duy nhất trong thủ tục.",
    required: true,
  },
  { key: "name", header: "Tên thành phần hồ sơ", width: 60, help: "Tên giấy tờ.", required: true },
  {
    key: "handling",
    header: "Hình thức",
    width: 12,
    help: `«nộp» (nộp và lưu) hoặc «xuất trình» (xuất trình để đối chiếu).`,
    required: true,
    list: HANDLING,
  },
  { key: "originals", header: "Bản chính", width: 9, help: "Số bản chính.", required: true },
  { key: "copies", header: "Bản sao", width: 9, help: "Số bản sao.", required: true },
  {
    key: "condition",
    header: "Điều kiện áp dụng",
    width: 30,
    help: "Để trống nếu bắt buộc; ghi điều kiện nếu chỉ nộp trong trường hợp đó.",
  },
  { key: "formCode", header: "Mã mẫu đơn", width: 22, help: "Mã mẫu đơn, tờ khai (nếu có)." },
  { key: "formName", header: "Tên mẫu đơn", width: 30, help: "Tên mẫu như in trên văn bản." },
  { key: "formIssuedBy", header: "Văn bản ban hành mẫu", width: 30, help: "Văn bản ban hành mẫu." },
  { key: "note", header: "Ghi chú", width: 30, help: "Ghi chú cho người nộp." },
];

export const FEE_COLUMNS: Column[] = [
  REF,
  CASE_REF,
  ORDER,
  {
    key: "kind",
    header: "Loại",
    width: 16,
    help: `Một trong: ${FEE_KIND.list()}.`,
    required: true,
    list: FEE_KIND,
  },
  {
    key: "label",
    header: "Tên khoản thu",
    width: 36,
    help: "Tên khoản phí, lệ phí như niêm yết.",
    required: true,
  },
  {
    key: "feeType",
    header: "Phí hay lệ phí",
    width: 10,
    help: `«phí» hoặc «lệ phí».`,
    required: true,
    list: FEE_TYPE,
  },
  { key: "basis", header: "Căn cứ", width: 36, help: "Văn bản quy định khoản thu.", required: true },
  {
    key: "amount",
    header: "Mức thu (đồng)",
    width: 12,
    help: "Loại cố định: số tiền; theo bản: số tiền mỗi bản; nghị quyết HĐND đã xác nhận: số tiền.",
  },
  {
    key: "per",
    header: "Tính theo",
    width: 16,
    help: `Cố định: ${FIXED_PER.list()}; nghị quyết HĐND: ${COUNCIL_PER.list()}.`,
  },
  {
    key: "tiers",
    header: "Biểu theo trang",
    width: 22,
    help: "Loại theo trang: «1-2: 2000; 3-: 1000» (từ trang – đến trang: đồng/trang; bậc cuối để trống «đến trang»).",
  },
  {
    key: "cap",
    header: "Tối đa mỗi bản (đồng)",
    width: 12,
    help: "Loại theo trang: mức thu tối đa cho một bản; để trống nếu không giới hạn.",
  },
  {
    key: "resolutionNumber",
    header: "Số nghị quyết",
    width: 18,
    help: "Nghị quyết HĐND tỉnh: số, ví dụ 09/2020/NQ-HĐND.",
  },
  { key: "resolutionDate", header: "Ngày nghị quyết", width: 12, help: "YYYY-MM-DD." },
  { key: "resolutionProvince", header: "Tỉnh", width: 16, help: "Ví dụ «tỉnh Bắc Kạn»." },
  { key: "resolutionTitle", header: "Trích yếu nghị quyết", width: 36, help: "Trích yếu của nghị quyết." },
  {
    key: "amountStatus",
    header: "Trạng thái mức thu",
    width: 14,
    help: `Nghị quyết HĐND: ${AMOUNT_STATUS.list()}.`,
    list: AMOUNT_STATUS,
  },
  {
    key: "amountNote",
    header: "Căn cứ mức thu",
    width: 36,
    help: "Nơi đọc được mức thu (đã xác nhận) hoặc lý do chưa xác minh.",
  },
  {
    key: "exemptions",
    header: "Miễn, giảm",
    width: 40,
    help: "Mỗi trường hợp miễn một dòng: «mã | diễn giải | căn cứ». Mã: on_time_registration, poor_household, disabled_person, …",
  },
];

export const CASE_COLUMNS: Column[] = [
  REF,
  ORDER,
  {
    key: "id",
    header: "Mã trường hợp",
    width: 18,
    help: "Mã trường hợp, duy nhất trong thủ tục.",
    required: true,
  },
  { key: "name", header: "Tên trường hợp", width: 50, help: "Tên trường hợp.", required: true },
  {
    key: "components",
    header: "Thành phần hồ sơ",
    width: 14,
    help: `${COMPONENT_MODE.list()} (so với thành phần chung; các dòng riêng ghi ở sheet «Thành phần hồ sơ» với cột Trường hợp).`,
    required: true,
    list: COMPONENT_MODE,
  },
  {
    key: "fees",
    header: "Phí, lệ phí",
    width: 12,
    help: `${FEE_MODE.list()} (các khoản riêng ghi ở sheet «Phí, lệ phí» với cột Trường hợp).`,
    required: true,
    list: FEE_MODE,
  },
  {
    key: "time",
    header: "Thời hạn giải quyết",
    width: 22,
    help: "Để trống nếu như thủ tục; ghi thời hạn nếu trường hợp có thời hạn riêng.",
  },
  { key: "timeOnline", header: "Thời hạn nộp trực tuyến", width: 20, help: "Như sheet «Thủ tục»." },
  { key: "extension", header: "Thời hạn tối đa khi kéo dài", width: 20, help: "Như sheet «Thủ tục»." },
  { key: "extensionWhen", header: "Điều kiện kéo dài", width: 30, help: "Như sheet «Thủ tục»." },
];

export const STEP_COLUMNS: Column[] = [
  REF,
  ORDER,
  {
    key: "role",
    header: "Vai trò",
    width: 14,
    help: `Một trong: ${ROLE.list()}. Bước đầu tiên phải là tiếp nhận.`,
    required: true,
    list: ROLE,
  },
  { key: "name", header: "Tên bước", width: 60, help: "Việc làm ở bước này.", required: true },
  {
    key: "share",
    header: "Tỷ lệ thời gian (%)",
    width: 12,
    help: "Phần trăm thời hạn giải quyết dành cho bước; tổng các bước của một thủ tục phải bằng 100.",
    required: true,
  },
  {
    key: "canSendBack",
    header: "Được trả lại",
    width: 10,
    help: "«có» nếu bước này được trả hồ sơ về bước trước.",
    required: true,
    list: YES_NO,
  },
];

export const LAYOUT: [string, Column[]][] = [
  [SHEETS.procedures, PROCEDURE_COLUMNS],
  [SHEETS.components, COMPONENT_COLUMNS],
  [SHEETS.fees, FEE_COLUMNS],
  [SHEETS.cases, CASE_COLUMNS],
  [SHEETS.steps, STEP_COLUMNS],
];
