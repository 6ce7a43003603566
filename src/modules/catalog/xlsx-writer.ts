/** Writes the catalog spreadsheet: one row per procedure, component, fee rule, case and step, and the guide sheet. */
import ExcelJS from "exceljs";
import { describeFees } from "../../domain/catalog/describe.ts";
import { FIELDS } from "../../domain/catalog/fields.ts";
import type {
  Component,
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
  HANDLING,
  LEVELS,
  ONLINE,
  RESULT_KIND,
  ROLE,
  writeDuration,
  writeTiers,
  writeTimeLimit,
  YES_NO,
} from "./sheet-values.ts";

import {
  CASE_COLUMNS,
  COMPONENT_COLUMNS,
  type Column,
  FEE_COLUMNS,
  LAYOUT,
  PROCEDURE_COLUMNS,
  SHEETS,
  STEP_COLUMNS,
} from "./xlsx-columns.ts";

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
