/**
 * The catalog as the spreadsheet officers keep: one row per procedure on «Thủ tục», and one row per dossier
 * component, fee rule, case and workflow step on their own sheets, tied to the procedure by «Mã định danh thủ
 * tục». Enumerations are Vietnamese words (the schema's codes are accepted too); the «Hướng dẫn» sheet explains
 * every column. Reading returns raw documents with the place (sheet, row, column) every value came from, so that
 * schema errors can name the cell.
 */
import ExcelJS from "exceljs";
import type { z } from "zod";
import type { ImportIssue } from "../../contracts/catalog.ts";
import { describeFees } from "../../domain/catalog/describe.ts";
import { FIELDS } from "../../domain/catalog/fields.ts";
import type {
  Component,
  ComponentsOverrideSchema,
  FeeRule,
  Procedure,
  ProcedureCase,
  ProcessingTime,
} from "../../domain/catalog/procedure-schema.ts";
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
  fold,
  HANDLING,
  LEVELS,
  ONLINE,
  RESULT_KIND,
  ROLE,
  readAmount,
  readDuration,
  readLines,
  readList,
  readTiers,
  readTimeLimit,
  type Vocabulary,
  writeDuration,
  writeTiers,
  writeTimeLimit,
  YES_NO,
} from "./sheet-values.ts";

// ---- layout ----------------------------------------------------------------------------------------------------

export const SHEETS = {
  guide: "Hướng dẫn",
  procedures: "Thủ tục",
  components: "Thành phần hồ sơ",
  fees: "Phí, lệ phí",
  cases: "Trường hợp",
  steps: "Quy trình",
  fields: "Lĩnh vực",
} as const;

interface Column {
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

const LAYOUT: [string, Column[]][] = [
  [SHEETS.procedures, PROCEDURE_COLUMNS],
  [SHEETS.components, COMPONENT_COLUMNS],
  [SHEETS.fees, FEE_COLUMNS],
  [SHEETS.cases, CASE_COLUMNS],
  [SHEETS.steps, STEP_COLUMNS],
];

// ---- writing ---------------------------------------------------------------------------------------------------

type Cell = string | number | null;

function postalText(p: Procedure["postal"]): string {
  const parts = [p.receiveDossier ? "nhận hồ sơ" : null, p.deliverResult ? "trả kết quả" : null].filter(
    Boolean,
  );
  return parts.length > 0 ? parts.join("; ") : "không";
}

function procedureRow(p: Procedure): Record<string, Cell> {
  const code = p.code;
  return {
    id: p.id,
    code: code.value,
    codeStatus: CODE_STATUS.write(code.status),
    codeEvidence:
      code.status === "confirmed" || code.status === "reported"
        ? code.evidence
        : code.status === "unverified"
          ? code.note
          : null,
    codeCandidate: code.status === "unverified" ? code.candidate : null,
    name: p.name,
    nameEn: p.nameEn,
    fieldCode: p.fieldCode,
    levels: p.levels.map((l) => LEVELS.write(l)).join(", "),
    applicants: p.applicants.map((a) => APPLICANTS.write(a)).join(", "),
    ...timeCells(p.processingTime),
    feeText: describeFees(p, "vi"),
    onlineLevel: ONLINE.write(p.onlineLevel),
    postal: postalText(p.postal),
    resultKind: RESULT_KIND.write(p.result.kind),
    resultName: p.result.name,
    conditions: p.conditions.join("\n"),
    legalBasis: p.legalBasis.join("\n"),
    effectiveFrom: p.effectiveFrom,
    effectiveTo: p.effectiveTo,
    citation: p.source.citation,
    portalListing: p.source.portalListing,
    consulted: p.source.consulted.join("\n"),
    notes: p.notes.join("\n"),
    version: p.version,
  };
}

function timeCells(t: ProcessingTime): Record<string, Cell> {
  return {
    time: writeTimeLimit(t.standard),
    timeOnline: t.online ? writeTimeLimit(t.online) : null,
    extension: t.extension ? writeDuration(t.extension.total) : null,
    extensionWhen: t.extension ? t.extension.when : null,
  };
}

function componentRow(
  procedureId: string,
  caseId: string | null,
  order: number,
  c: Component,
): Record<string, Cell> {
  return {
    procedure: procedureId,
    case: caseId,
    order,
    id: c.id,
    name: c.name,
    handling: HANDLING.write(c.handling),
    originals: c.originals,
    copies: c.copies,
    condition: c.requirement.kind === "conditional" ? c.requirement.condition : null,
    formCode: c.form?.code ?? null,
    formName: c.form?.name ?? null,
    formIssuedBy: c.form?.issuedBy ?? null,
    note: c.note,
  };
}

function feeRow(procedureId: string, caseId: string | null, order: number, r: FeeRule): Record<string, Cell> {
  const base: Record<string, Cell> = {
    procedure: procedureId,
    case: caseId,
    order,
    kind: FEE_KIND.write(r.kind),
    label: r.label,
    feeType: FEE_TYPE.write(r.feeType),
    basis: r.basis,
  };
  if (r.kind === "free") return base;
  const exemptions = r.exemptions.map((e) => `${e.code} | ${e.label} | ${e.basis}`).join("\n");
  switch (r.kind) {
    case "fixed":
      return { ...base, amount: r.amountVnd, per: FIXED_PER.write(r.per), exemptions };
    case "per_copy":
      return { ...base, amount: r.vndPerCopy, exemptions };
    case "per_page":
      return { ...base, tiers: writeTiers(r.tiers), cap: r.capPerCopyVnd, exemptions };
    case "council_resolution":
      return {
        ...base,
        resolutionNumber: r.resolution.number,
        resolutionDate: r.resolution.date,
        resolutionProvince: r.resolution.province,
        resolutionTitle: r.resolution.title,
        amountStatus: AMOUNT_STATUS.write(r.amount.status),
        amount: r.amount.status === "confirmed" ? r.amount.vnd : null,
        per: r.amount.status === "confirmed" ? COUNCIL_PER.write(r.amount.per) : null,
        amountNote: r.amount.status === "confirmed" ? r.amount.evidence : r.amount.note,
        exemptions,
      };
  }
}

function caseRow(procedureId: string, order: number, c: ProcedureCase): Record<string, Cell> {
  return {
    procedure: procedureId,
    order,
    id: c.id,
    name: c.name,
    components: COMPONENT_MODE.write(c.components.mode),
    fees: FEE_MODE.write(c.fees.mode),
    ...(c.processingTime.mode === "replace" ? timeCells(c.processingTime.value) : {}),
  };
}

function addSheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: Record<string, Cell>[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.height = 30;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.derived ? "FFEDEDED" : "FFDDE7F3" } };
    cell.note = c.help;
  });
  for (const row of rows) ws.addRow(row);
  ws.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: "top", wrapText: true };
  });
  // Drop-down lists for the enumerations, on the written rows and a margin below them.
  const last = rows.length + 200;
  columns.forEach((c, i) => {
    if (!c.list) return;
    const formula = `"${Object.values<string>(c.list.words).join(",")}"`;
    if (formula.length > 255) return;
    for (let r = 2; r <= last; r++) {
      ws.getCell(r, i + 1).dataValidation = { type: "list", allowBlank: !c.required, formulae: [formula] };
    }
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

function addGuide(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(SHEETS.guide);
  ws.columns = [
    { header: "Sheet", key: "sheet", width: 20 },
    { header: "Cột", key: "column", width: 28 },
    { header: "Bắt buộc", key: "required", width: 10 },
    { header: "Nội dung", key: "help", width: 100 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.addRow({
    sheet: "(chung)",
    column: "",
    required: "",
    help: "Mỗi thủ tục một dòng ở sheet «Thủ tục»; thành phần hồ sơ, phí, trường hợp và các bước quy trình ở các sheet riêng, nối với thủ tục bằng «Mã định danh thủ tục». Khi nhập, toàn bộ tệp được kiểm tra trước: chỉ cần một dòng sai thì không thủ tục nào được nhập, và thông báo lỗi chỉ rõ sheet, dòng, cột. Thủ tục chưa có được tạo mới; thủ tục đã có mà nội dung thay đổi được lưu thành phiên bản mới, phiên bản cũ vẫn được giữ.",
  });
  for (const [sheet, columns] of LAYOUT) {
    for (const c of columns) {
      ws.addRow({
        sheet,
        column: c.header,
        required: c.required ? "có" : c.derived ? "chỉ đọc" : "",
        help: c.help,
      });
    }
  }
  ws.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: "top", wrapText: true };
  });
}

/** The workbook for a list of procedure documents (one version each). */
export async function writeWorkbook(
  procedures: readonly Procedure[],
  exportedAt: Date,
  onProcedure: () => void = () => {},
): Promise<Buffer<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "motcua";
  wb.created = exportedAt;
  wb.modified = exportedAt;
  addGuide(wb);
  const components: Record<string, Cell>[] = [];
  const fees: Record<string, Cell>[] = [];
  const cases: Record<string, Cell>[] = [];
  const steps: Record<string, Cell>[] = [];
  for (const p of procedures) {
    p.components.forEach((c, i) => {
      components.push(componentRow(p.id, null, i + 1, c));
    });
    p.fees.forEach((r, i) => {
      fees.push(feeRow(p.id, null, i + 1, r));
    });
    p.cases.forEach((c, i) => {
      cases.push(caseRow(p.id, i + 1, c));
      if (c.components.mode !== "inherit") {
        c.components.items.forEach((item, k) => {
          components.push(componentRow(p.id, c.id, k + 1, item));
        });
      }
      if (c.fees.mode === "replace") {
        c.fees.rules.forEach((r, k) => {
          fees.push(feeRow(p.id, c.id, k + 1, r));
        });
      }
    });
    onProcedure();
    p.workflow.forEach((s, i) => {
      steps.push({
        procedure: p.id,
        order: i + 1,
        role: ROLE.write(s.role),
        name: s.nameVi,
        share: s.share,
        canSendBack: YES_NO.write(s.canSendBack ? "yes" : "no"),
      });
    });
  }
  addSheet(wb, SHEETS.procedures, PROCEDURE_COLUMNS, procedures.map(procedureRow));
  addSheet(wb, SHEETS.components, COMPONENT_COLUMNS, components);
  addSheet(wb, SHEETS.fees, FEE_COLUMNS, fees);
  addSheet(wb, SHEETS.cases, CASE_COLUMNS, cases);
  addSheet(wb, SHEETS.steps, STEP_COLUMNS, steps);
  const fieldSheet = wb.addWorksheet(SHEETS.fields);
  fieldSheet.columns = [
    { header: "Mã lĩnh vực", key: "code", width: 24 },
    { header: "Tên lĩnh vực", key: "name", width: 40 },
    { header: "Nhóm", key: "group", width: 32 },
    { header: "Bộ, ngành", key: "ministry", width: 32 },
  ];
  fieldSheet.getRow(1).font = { bold: true };
  for (const f of FIELDS)
    fieldSheet.addRow({ code: f.code, name: f.nameVi, group: f.group, ministry: f.ministry });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---- reading ---------------------------------------------------------------------------------------------------

/** Where a value of a document came from. */
export interface Origin {
  sheet: string;
  row: number;
  /** Header of the column for each key of the object built from the row. */
  columns: Record<string, string>;
}

export interface ReadDocument {
  raw: Record<string, unknown>;
  /** Origins by document path prefix ("" for the procedure row, "components.2", "cases.0.fees.rules.1", …). */
  origins: Map<string, Origin>;
  effectiveFrom: string | null;
}

export interface ReadResult {
  documents: ReadDocument[];
  issues: ImportIssue[];
}

const MAX_ISSUES = 200;

class Issues {
  readonly list: ImportIssue[] = [];
  add(
    sheet: string,
    row: number | null,
    column: string | null,
    message: string,
    messageEn: string,
    path = "",
  ): void {
    if (this.list.length < MAX_ISSUES) this.list.push({ sheet, row, column, path, message, messageEn });
  }
}

function cellValue(cell: ExcelJS.Cell): string | number | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "string") return v.normalize("NFC").trim() === "" ? null : v.normalize("NFC").trim();
  if (typeof v === "boolean") return v ? "có" : "không";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v)
      return (
        v.richText
          .map((r) => r.text)
          .join("")
          .normalize("NFC")
          .trim() || null
      );
    if ("result" in v) {
      const r = v.result;
      if (r instanceof Date) return r.toISOString().slice(0, 10);
      return typeof r === "number" || typeof r === "string" ? r : null;
    }
    if ("text" in v && typeof v.text === "string") return v.text.normalize("NFC").trim() || null;
  }
  return null;
}

interface SheetRow {
  row: number;
  get(key: string): string | number | null;
  text(key: string): string | null;
}

/** Rows of a sheet keyed by column key (columns found by their header text, in any order). */
function readSheet(
  ws: ExcelJS.Worksheet | undefined,
  sheet: string,
  columns: Column[],
  issues: Issues,
): SheetRow[] {
  if (!ws) {
    issues.add(sheet, null, null, `Thiếu sheet «${sheet}».`, `The sheet «${sheet}» is missing.`);
    return [];
  }
  const positions = new Map<string, number>();
  const byHeader = new Map(columns.map((c) => [fold(c.header), c]));
  ws.getRow(1).eachCell((cell, col) => {
    const text = cellValue(cell);
    const column = typeof text === "string" ? byHeader.get(fold(text)) : undefined;
    if (column) positions.set(column.key, col);
  });
  for (const c of columns) {
    if (c.required && !positions.has(c.key)) {
      issues.add(sheet, 1, c.header, `Thiếu cột «${c.header}».`, `The column «${c.header}» is missing.`);
    }
  }
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const values = new Map<string, string | number | null>();
    for (const [key, col] of positions) values.set(key, cellValue(row.getCell(col)));
    if ([...values.values()].every((v) => v === null)) return;
    rows.push({
      row: n,
      get: (key) => values.get(key) ?? null,
      text: (key) => {
        const v = values.get(key);
        return v === null || v === undefined ? null : String(v);
      },
    });
  });
  return rows;
}

function headerOf(columns: Column[], key: string): string {
  return columns.find((c) => c.key === key)?.header ?? key;
}

/** Column headers for the keys of the object a row becomes (document key → header). */
function columnMap(columns: Column[], pairs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [docKey, colKey] of Object.entries(pairs)) out[docKey] = headerOf(columns, colKey);
  return out;
}

const PROCEDURE_PATHS = columnMap(PROCEDURE_COLUMNS, {
  id: "id",
  code: "code",
  name: "name",
  nameEn: "nameEn",
  fieldCode: "fieldCode",
  levels: "levels",
  applicants: "applicants",
  conditions: "conditions",
  processingTime: "time",
  onlineLevel: "onlineLevel",
  postal: "postal",
  result: "resultName",
  legalBasis: "legalBasis",
  effectiveFrom: "effectiveFrom",
  effectiveTo: "effectiveTo",
  source: "citation",
  notes: "notes",
  components: "id",
  fees: "id",
  workflow: "id",
  cases: "id",
});
const COMPONENT_PATHS = columnMap(COMPONENT_COLUMNS, {
  id: "id",
  name: "name",
  handling: "handling",
  originals: "originals",
  copies: "copies",
  requirement: "condition",
  form: "formCode",
  note: "note",
});
const FEE_PATHS = columnMap(FEE_COLUMNS, {
  kind: "kind",
  label: "label",
  feeType: "feeType",
  basis: "basis",
  amountVnd: "amount",
  vndPerCopy: "amount",
  per: "per",
  tiers: "tiers",
  capPerCopyVnd: "cap",
  resolution: "resolutionNumber",
  amount: "amountStatus",
  exemptions: "exemptions",
});
const CASE_PATHS = columnMap(CASE_COLUMNS, {
  id: "id",
  name: "name",
  components: "components",
  fees: "fees",
  processingTime: "time",
});
const STEP_PATHS = columnMap(STEP_COLUMNS, {
  role: "role",
  nameVi: "name",
  share: "share",
  canSendBack: "canSendBack",
});

interface Reader {
  issues: Issues;
  sheet: string;
  columns: Column[];
  row: SheetRow;
}

function bad(r: Reader, key: string, vi: string, en: string): undefined {
  r.issues.add(r.sheet, r.row.row, headerOf(r.columns, key), vi, en);
  return undefined;
}

function str(r: Reader, key: string): string | null {
  return r.row.text(key);
}

function required(r: Reader, key: string): string | undefined {
  const v = str(r, key);
  if (v === null) return bad(r, key, "Ô này không được để trống.", "This cell must not be empty.");
  return v;
}

function vocab<T extends string>(
  r: Reader,
  key: string,
  list: Vocabulary<T>,
  mandatory = true,
): T | undefined {
  const v = str(r, key);
  if (v === null) {
    return mandatory ? bad(r, key, "Ô này không được để trống.", "This cell must not be empty.") : undefined;
  }
  const code = list.read(v);
  if (!code)
    return bad(
      r,
      key,
      `Giá trị «${v}» không hợp lệ; chọn một trong: ${list.list()}.`,
      `«${v}» is not allowed; use one of: ${list.list()}.`,
    );
  return code;
}

function integer(r: Reader, key: string, mandatory = true): number | undefined {
  const v = r.row.get(key);
  if (v === null) {
    return mandatory ? bad(r, key, "Ô này không được để trống.", "This cell must not be empty.") : undefined;
  }
  const n = typeof v === "number" ? v : /^\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN;
  if (!Number.isInteger(n) || n < 0)
    return bad(r, key, `«${v}» không phải số nguyên không âm.`, `«${v}» is not a whole number.`);
  return n;
}

function amount(r: Reader, key: string, mandatory = true): number | undefined {
  const v = r.row.get(key);
  if (v === null) {
    return mandatory ? bad(r, key, "Cần ghi số tiền.", "An amount is needed.") : undefined;
  }
  const n = readAmount(v);
  if (n === undefined)
    return bad(r, key, `«${v}» không phải số tiền (đồng).`, `«${v}» is not an amount in đồng.`);
  return n;
}

function date(r: Reader, key: string): string | null | undefined {
  const v = str(r, key);
  if (v === null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) ?? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (!m)
    return bad(
      r,
      key,
      `«${v}» không phải ngày (YYYY-MM-DD hoặc DD/MM/YYYY).`,
      `«${v}» is not a date (YYYY-MM-DD or DD/MM/YYYY).`,
    );
  const iso = v.includes("/")
    ? `${m[3]}-${String(m[2]).padStart(2, "0")}-${String(m[1]).padStart(2, "0")}`
    : v;
  return iso;
}

function timeLimit(r: Reader, key: string) {
  const v = str(r, key);
  if (v === null) return null;
  const t = readTimeLimit(v);
  if (!t)
    return bad(
      r,
      key,
      `Không hiểu thời hạn «${v}»; ví dụ: «15 ngày làm việc», «trong ngày (8 giờ làm việc)».`,
      `Cannot read the time limit «${v}»; e.g. «15 ngày làm việc».`,
    );
  return t;
}

function processingTime(r: Reader): Record<string, unknown> | null | undefined {
  const standard = timeLimit(r, "time");
  if (standard === null) return null;
  const online = timeLimit(r, "timeOnline");
  const extText = str(r, "extension");
  let extension: unknown = null;
  if (extText !== null) {
    const total = readDuration(extText);
    if (!total)
      return bad(
        r,
        "extension",
        `Không hiểu thời hạn «${extText}».`,
        `Cannot read the time limit «${extText}».`,
      );
    const when = str(r, "extensionWhen");
    if (when === null)
      return bad(
        r,
        "extensionWhen",
        "Cần ghi điều kiện kéo dài.",
        "The condition for the extension is needed.",
      );
    extension = { total, when };
  }
  if (standard === undefined || online === undefined) return undefined;
  return { standard, online, extension };
}

function postal(r: Reader): { receiveDossier: boolean; deliverResult: boolean } {
  const t = fold(str(r, "postal") ?? "");
  return {
    receiveDossier: /nhan/.test(t) || /receive/.test(t),
    deliverResult: /tra/.test(t) || /deliver/.test(t),
  };
}

function readCode(r: Reader): Record<string, unknown> | undefined {
  const status = vocab(r, "codeStatus", CODE_STATUS);
  let code = r.row.get("code");
  // A code typed into Excel as a number loses its trailing zeros (1.001190 → 1.00119).
  if (typeof code === "number") code = code.toFixed(6);
  const evidence = str(r, "codeEvidence");
  const candidate = r.row.get("codeCandidate");
  switch (status) {
    case undefined:
      return undefined;
    case "confirmed":
    case "reported":
      return { status, value: code, evidence };
    case "synthetic":
      return { status, value: code };
    case "unverified":
      return {
        status,
        value: null,
        candidate: typeof candidate === "number" ? candidate.toFixed(6) : candidate,
        note: evidence,
      };
  }
}

function readExemptions(r: Reader): unknown[] | undefined {
  const lines = readLines(str(r, "exemptions") ?? "");
  const out: unknown[] = [];
  for (const line of lines) {
    const [code, label, basis] = line.split("|").map((s) => s.trim());
    if (!code || !label || !basis) {
      return bad(
        r,
        "exemptions",
        `Dòng miễn, giảm «${line}» phải có dạng «mã | diễn giải | căn cứ».`,
        `The exemption line «${line}» must read «code | label | basis».`,
      );
    }
    out.push({ code, label, basis });
  }
  return out;
}

function readFee(r: Reader): Record<string, unknown> | undefined {
  const kind = vocab(r, "kind", FEE_KIND);
  const label = required(r, "label");
  const feeType = vocab(r, "feeType", FEE_TYPE);
  const basis = required(r, "basis");
  if (!kind || !label || !feeType || !basis) return undefined;
  const base = { kind, label, feeType, basis };
  if (kind === "free") return base;
  const exemptions = readExemptions(r);
  if (!exemptions) return undefined;
  switch (kind) {
    case "fixed": {
      const amountVnd = amount(r, "amount");
      const per = vocab(r, "per", FIXED_PER);
      return amountVnd === undefined || !per ? undefined : { ...base, amountVnd, per, exemptions };
    }
    case "per_copy": {
      const vndPerCopy = amount(r, "amount");
      return vndPerCopy === undefined ? undefined : { ...base, vndPerCopy, exemptions };
    }
    case "per_page": {
      const text = str(r, "tiers");
      const tiers = text === null ? undefined : readTiers(text);
      if (!tiers) {
        return bad(
          r,
          "tiers",
          "Cần biểu theo trang dạng «1-2: 2000; 3-: 1000».",
          "Page tiers are needed, e.g. «1-2: 2000; 3-: 1000».",
        );
      }
      const cap = amount(r, "cap", false);
      return { ...base, tiers, capPerCopyVnd: cap ?? null, exemptions };
    }
    case "council_resolution": {
      const resolution = {
        number: str(r, "resolutionNumber"),
        date: date(r, "resolutionDate"),
        province: str(r, "resolutionProvince"),
        title: str(r, "resolutionTitle"),
      };
      const status = vocab(r, "amountStatus", AMOUNT_STATUS);
      if (!status) return undefined;
      const note = str(r, "amountNote");
      if (status === "unverified") return { ...base, resolution, amount: { status, note }, exemptions };
      const vnd = amount(r, "amount");
      const per = vocab(r, "per", COUNCIL_PER);
      return vnd === undefined || !per
        ? undefined
        : { ...base, resolution, amount: { status, vnd, per, evidence: note }, exemptions };
    }
  }
}

function readComponent(r: Reader): Record<string, unknown> | undefined {
  const condition = str(r, "condition");
  const formCode = str(r, "formCode");
  return {
    id: str(r, "id"),
    name: str(r, "name"),
    handling: vocab(r, "handling", HANDLING),
    originals: integer(r, "originals"),
    copies: integer(r, "copies"),
    requirement: condition === null ? { kind: "required" } : { kind: "conditional", condition },
    form:
      formCode === null
        ? null
        : { code: formCode, name: str(r, "formName"), issuedBy: str(r, "formIssuedBy") },
    note: str(r, "note"),
  };
}

function orderOf(row: SheetRow): number {
  const o = row.get("order");
  return typeof o === "number" ? o : Number(o ?? Number.NaN);
}

function sortRows<T extends { row: SheetRow }>(items: T[]): T[] {
  return [...items].sort((a, b) => {
    const oa = orderOf(a.row);
    const ob = orderOf(b.row);
    if (Number.isFinite(oa) && Number.isFinite(ob) && oa !== ob) return oa - ob;
    return a.row.row - b.row.row;
  });
}

type ComponentMode = z.infer<typeof ComponentsOverrideSchema>["mode"];

/** Reads a workbook into raw procedure documents; issues name the sheet, row and column. */
export async function readWorkbook(bytes: Uint8Array): Promise<ReadResult> {
  const issues = new Issues();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    issues.add(SHEETS.procedures, null, null, "Không đọc được tệp Excel.", "The Excel file cannot be read.");
    return { documents: [], issues: issues.list };
  }
  const rowsOf = (sheet: string, columns: Column[]) =>
    readSheet(wb.getWorksheet(sheet), sheet, columns, issues);
  const procedureRows = rowsOf(SHEETS.procedures, PROCEDURE_COLUMNS);
  const componentRows = rowsOf(SHEETS.components, COMPONENT_COLUMNS);
  const feeRows = rowsOf(SHEETS.fees, FEE_COLUMNS);
  const caseRows = rowsOf(SHEETS.cases, CASE_COLUMNS);
  const stepRows = rowsOf(SHEETS.steps, STEP_COLUMNS);
  if (issues.list.length > 0) return { documents: [], issues: issues.list };

  const fieldByName = new Map(
    FIELDS.flatMap((f) => [[fold(f.code), f.code] as const, [fold(f.nameVi), f.code] as const]),
  );
  const documents = new Map<string, ReadDocument>();
  const reader = (sheet: string, columns: Column[], row: SheetRow): Reader => ({
    issues,
    sheet,
    columns,
    row,
  });

  for (const row of procedureRows) {
    const r = reader(SHEETS.procedures, PROCEDURE_COLUMNS, row);
    const id = required(r, "id");
    if (!id) continue;
    if (documents.has(id)) {
      bad(
        r,
        "id",
        `Mã định danh «${id}» đã có ở dòng trên.`,
        `The identifier «${id}» appears on an earlier row.`,
      );
      continue;
    }
    const fieldText = str(r, "fieldCode");
    const fieldCode = fieldText === null ? null : (fieldByName.get(fold(fieldText)) ?? fieldText);
    const levels = readList(str(r, "levels") ?? "").map((l) => LEVELS.read(l) ?? l);
    const applicants = readList(str(r, "applicants") ?? "").map((a) => APPLICANTS.read(a) ?? a);
    const effectiveFrom = date(r, "effectiveFrom");
    const raw: Record<string, unknown> = {
      id,
      code: readCode(r),
      name: str(r, "name"),
      nameEn: str(r, "nameEn"),
      fieldCode,
      levels,
      applicants,
      conditions: readLines(str(r, "conditions") ?? ""),
      components: [],
      processingTime: processingTime(r),
      fees: [],
      cases: [],
      result: { kind: vocab(r, "resultKind", RESULT_KIND), name: str(r, "resultName") },
      legalBasis: readLines(str(r, "legalBasis") ?? ""),
      onlineLevel: vocab(r, "onlineLevel", ONLINE),
      postal: postal(r),
      workflow: [],
      source: {
        citation: str(r, "citation"),
        portalListing: str(r, "portalListing"),
        consulted: readLines(str(r, "consulted") ?? ""),
      },
      notes: readLines(str(r, "notes") ?? ""),
      effectiveTo: date(r, "effectiveTo") ?? null,
    };
    const origins = new Map<string, Origin>([
      ["", { sheet: SHEETS.procedures, row: row.row, columns: PROCEDURE_PATHS }],
    ]);
    documents.set(id, { raw, origins, effectiveFrom: effectiveFrom ?? null });
  }

  const owner = (sheet: string, columns: Column[], row: SheetRow): ReadDocument | undefined => {
    const r = reader(sheet, columns, row);
    const id = required(r, "procedure");
    if (!id) return undefined;
    const doc = documents.get(id);
    if (!doc)
      bad(
        r,
        "procedure",
        `Không có thủ tục «${id}» ở sheet «${SHEETS.procedures}».`,
        `No procedure «${id}» on the sheet «${SHEETS.procedures}».`,
      );
    return doc;
  };

  // Cases first: components and fees of a case are attached to it.
  const caseIndex = new Map<
    string,
    { index: number; componentMode: ComponentMode; feeMode: "inherit" | "replace" }
  >();
  const grouped = <T extends { row: SheetRow }>(items: T[], key: (t: T) => string) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
    return map;
  };
  const withDoc = (sheet: string, columns: Column[], rows: SheetRow[]) =>
    rows
      .map((row) => ({ row, doc: owner(sheet, columns, row) }))
      .filter((x): x is { row: SheetRow; doc: ReadDocument } => x.doc !== undefined);

  for (const [, items] of grouped(withDoc(SHEETS.cases, CASE_COLUMNS, caseRows), (x) =>
    String(x.doc.raw.id),
  )) {
    for (const { row, doc } of sortRows(items)) {
      const r = reader(SHEETS.cases, CASE_COLUMNS, row);
      const id = required(r, "id");
      const componentMode = vocab(r, "components", COMPONENT_MODE);
      const feeMode = vocab(r, "fees", FEE_MODE);
      const time = processingTime(r);
      if (!id || !componentMode || !feeMode || time === undefined) continue;
      const cases = doc.raw.cases as Record<string, unknown>[];
      const index = cases.length;
      caseIndex.set(`${String(doc.raw.id)}\u0000${id}`, { index, componentMode, feeMode });
      cases.push({
        id,
        name: str(r, "name"),
        components: componentMode === "inherit" ? { mode: "inherit" } : { mode: componentMode, items: [] },
        fees: feeMode === "inherit" ? { mode: "inherit" } : { mode: "replace", rules: [] },
        processingTime: time === null ? { mode: "inherit" } : { mode: "replace", value: time },
      });
      doc.origins.set(`cases.${index}`, { sheet: SHEETS.cases, row: row.row, columns: CASE_PATHS });
    }
  }

  /** The list a component or fee row goes to: the procedure's own, or its case's. */
  const target = (
    sheet: string,
    columns: Column[],
    row: SheetRow,
    doc: ReadDocument,
    what: "components" | "fees",
  ): { list: unknown[]; path: string } | undefined => {
    const r = reader(sheet, columns, row);
    const caseId = str(r, "case");
    if (caseId === null) return { list: doc.raw[what] as unknown[], path: what };
    const found = caseIndex.get(`${String(doc.raw.id)}\u0000${caseId}`);
    if (!found) {
      bad(
        r,
        "case",
        `Thủ tục không có trường hợp «${caseId}» (sheet «${SHEETS.cases}»).`,
        `The procedure has no case «${caseId}».`,
      );
      return undefined;
    }
    const c = (doc.raw.cases as Record<string, Record<string, unknown>>[])[found.index];
    const mode = what === "components" ? found.componentMode : found.feeMode;
    if (!c || mode === "inherit") {
      bad(
        r,
        "case",
        `Trường hợp «${caseId}» đang để «kế thừa» nên không có dòng riêng.`,
        `The case «${caseId}» inherits, so it takes no rows of its own.`,
      );
      return undefined;
    }
    const holder = c[what] as Record<string, unknown[]>;
    return what === "components"
      ? { list: holder.items as unknown[], path: `cases.${found.index}.components.items` }
      : { list: holder.rules as unknown[], path: `cases.${found.index}.fees.rules` };
  };

  for (const [, items] of grouped(
    withDoc(SHEETS.components, COMPONENT_COLUMNS, componentRows),
    (x) => `${String(x.doc.raw.id)}\u0000${x.row.text("case") ?? ""}`,
  )) {
    for (const { row, doc } of sortRows(items)) {
      const t = target(SHEETS.components, COMPONENT_COLUMNS, row, doc, "components");
      if (!t) continue;
      const value = readComponent(reader(SHEETS.components, COMPONENT_COLUMNS, row));
      if (!value) continue;
      doc.origins.set(`${t.path}.${t.list.length}`, {
        sheet: SHEETS.components,
        row: row.row,
        columns: COMPONENT_PATHS,
      });
      t.list.push(value);
    }
  }
  for (const [, items] of grouped(
    withDoc(SHEETS.fees, FEE_COLUMNS, feeRows),
    (x) => `${String(x.doc.raw.id)}\u0000${x.row.text("case") ?? ""}`,
  )) {
    for (const { row, doc } of sortRows(items)) {
      const t = target(SHEETS.fees, FEE_COLUMNS, row, doc, "fees");
      if (!t) continue;
      const value = readFee(reader(SHEETS.fees, FEE_COLUMNS, row));
      if (!value) continue;
      doc.origins.set(`${t.path}.${t.list.length}`, { sheet: SHEETS.fees, row: row.row, columns: FEE_PATHS });
      t.list.push(value);
    }
  }
  for (const [, items] of grouped(withDoc(SHEETS.steps, STEP_COLUMNS, stepRows), (x) =>
    String(x.doc.raw.id),
  )) {
    for (const { row, doc } of sortRows(items)) {
      const r = reader(SHEETS.steps, STEP_COLUMNS, row);
      const yes = vocab(r, "canSendBack", YES_NO);
      const roleText = str(r, "role");
      const workflow = doc.raw.workflow as unknown[];
      doc.origins.set(`workflow.${workflow.length}`, {
        sheet: SHEETS.steps,
        row: row.row,
        columns: STEP_PATHS,
      });
      workflow.push({
        // An unknown role is reported by the workflow check, which names the allowed ones.
        role: roleText === null ? null : (ROLE.read(roleText) ?? roleText),
        nameVi: str(r, "name"),
        share: integer(r, "share"),
        canSendBack: yes === undefined ? undefined : yes === "yes",
      });
    }
  }
  // The workflow as a whole is located on the first step's row.
  for (const doc of documents.values()) {
    const first = doc.origins.get("workflow.0");
    if (first) doc.origins.set("workflow", { ...first, columns: { "": headerOf(STEP_COLUMNS, "share") } });
  }
  return { documents: [...documents.values()], issues: issues.list };
}

/** The sheet, row and column a document path came from. */
export function locate(
  doc: ReadDocument,
  path: string,
): { sheet: string; row: number; column: string | null } | null {
  const parts = path === "" ? [] : path.split(".");
  for (let n = parts.length; n >= 0; n--) {
    const prefix = parts.slice(0, n).join(".");
    const origin = doc.origins.get(prefix);
    if (!origin) continue;
    const next = parts[n] ?? "";
    return {
      sheet: origin.sheet,
      row: origin.row,
      column: origin.columns[next] ?? origin.columns[""] ?? null,
    };
  }
  return null;
}
