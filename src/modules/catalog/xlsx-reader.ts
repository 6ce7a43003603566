/** Reads the catalog spreadsheet back into raw documents, remembering the cell every value came from. */
import ExcelJS from "exceljs";
import type { z } from "zod";
import type { ImportIssue } from "../../contracts/catalog.ts";
import { FIELDS } from "../../domain/catalog/fields.ts";
import type { ComponentsOverrideSchema } from "../../domain/catalog/procedure-schema.ts";
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
  YES_NO,
} from "./sheet-values.ts";

import {
  CASE_COLUMNS,
  COMPONENT_COLUMNS,
  type Column,
  FEE_COLUMNS,
  PROCEDURE_COLUMNS,
  SHEETS,
  STEP_COLUMNS,
} from "./xlsx-columns.ts";

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
