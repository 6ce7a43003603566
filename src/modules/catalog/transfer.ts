/**
 * Import and export of the catalog, as JSON (the documents themselves) or as the officers' workbook (xlsx.ts).
 * An import is all or nothing: the whole file is checked first, then written in one transaction; one bad row and
 * nothing is written, and the answer names every bad row (sheet, row, column).
 */
import type { z } from "zod";
import {
  IMPORT_MAX_BYTES,
  type ImportInput,
  type ImportIssue,
  type ImportResult,
} from "../../contracts/catalog.ts";
import type { Db, Executor } from "../../db/database.ts";
import type { Procedure } from "../../domain/catalog/procedure-schema.ts";
import { AppError } from "../../errors.ts";
import { assertCan } from "../auth/policy.ts";
import type { Principal } from "../auth/principal.ts";
import { inspectUpload, SPREADSHEET_POLICY } from "../files/inspect-upload.ts";
import { getUnitByCode } from "../units/queries.ts";
import { documentOf, vietnamDay } from "./queries.ts";
import {
  lockProcedure,
  procedureTarget,
  sameContent,
  TREE_ROOT,
  type WriteContext,
  writeNewProcedure,
  writeNextVersion,
} from "./service.ts";
import { validateDocument } from "./validate.ts";
import { locate, type ReadDocument, readWorkbook, writeWorkbook } from "./xlsx.ts";

export const JSON_FORMAT = "motcua.catalog";
export const JSON_FORMAT_VERSION = 1;

export interface CatalogFile {
  format: typeof JSON_FORMAT;
  formatVersion: number;
  exportedAt: string;
  procedures: Procedure[];
}

/** The latest version of every procedure (of one owner when given), in catalog order. */
export async function latestDocuments(
  db: Executor,
  ownerUnitId: string | null | undefined,
): Promise<Procedure[]> {
  let q = db
    .selectFrom("procedures as p")
    .innerJoin("procedure_versions as v", (join) =>
      join.onRef("v.procedure_id", "=", "p.id").onRef("v.version", "=", "p.latest_version"),
    )
    .innerJoin("catalog_fields as f", "f.code", "v.field_code")
    .select(["v.document"]);
  if (ownerUnitId !== undefined) {
    q =
      ownerUnitId === null
        ? q.where("p.owner_unit_id", "is", null)
        : q.where("p.owner_unit_id", "=", ownerUnitId);
  }
  const rows = await q.orderBy("f.sort").orderBy("v.name").orderBy("p.slug").execute();
  return rows.map(documentOf);
}

/** How far an export has got: `done` of `total` steps (reading, one per procedure, writing the file). */
export type ExportProgress = (done: number, total: number) => void;

export async function exportCatalog(
  db: Executor,
  format: "json" | "xlsx",
  ownerCode: string | undefined,
  now: Date,
  progress: ExportProgress = () => {},
): Promise<{ bytes: Buffer<ArrayBuffer>; contentType: string; filename: string }> {
  const owner = ownerCode ? await getUnitByCode(db, ownerCode) : undefined;
  const procedures = await latestDocuments(db, owner?.id);
  const total = procedures.length + 2;
  let done = 1;
  progress(done, total);
  const stamp = vietnamDay(now);
  if (format === "xlsx") {
    const bytes = await writeWorkbook(procedures, now, () => progress(++done, total));
    progress(total, total);
    return {
      bytes,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      filename: `danh-muc-tthc-${stamp}.xlsx`,
    };
  }
  const file: CatalogFile = {
    format: JSON_FORMAT,
    formatVersion: JSON_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    procedures,
  };
  progress(total, total);
  return {
    bytes: Buffer.from(`${JSON.stringify(file, null, 2)}\n`, "utf8"),
    contentType: "application/json; charset=utf-8",
    filename: `danh-muc-tthc-${stamp}.json`,
  };
}

// ---- reading files ---------------------------------------------------------------------------------------------

/** One document to import, with how to report a problem at a path of it. */
export interface Candidate {
  raw: Record<string, unknown>;
  effectiveFrom: string | null;
  locate(path: string): Pick<ImportIssue, "sheet" | "row" | "column">;
  procedure?: Procedure;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function readJsonFile(bytes: Uint8Array): { candidates: Candidate[]; issues: ImportIssue[] } {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new AppError("INVALID_UTF8");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new AppError("INVALID_JSON");
  }
  const list = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === "object" && "procedures" in parsed && Array.isArray(parsed.procedures)
      ? parsed.procedures
      : null;
  if (!list) {
    return {
      candidates: [],
      issues: [
        {
          sheet: null,
          row: null,
          column: null,
          path: "",
          message: `Tệp JSON phải là danh sách thủ tục hoặc đối tượng {"format":"${JSON_FORMAT}","procedures":[…]}.`,
          messageEn: `The JSON file must be a list of procedures or {"format":"${JSON_FORMAT}","procedures":[…]}.`,
        },
      ],
    };
  }
  const issues: ImportIssue[] = [];
  const candidates: Candidate[] = [];
  list.forEach((item: unknown, i: number) => {
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      issues.push({
        sheet: null,
        row: i + 1,
        column: null,
        path: `procedures.${i}`,
        message: "Mỗi thủ tục phải là một đối tượng JSON.",
        messageEn: "Each procedure must be a JSON object.",
      });
      return;
    }
    const raw = item as Record<string, unknown>;
    const from = typeof raw.effectiveFrom === "string" ? raw.effectiveFrom : null;
    candidates.push({ raw, effectiveFrom: from, locate: () => ({ sheet: null, row: i + 1, column: null }) });
  });
  return { candidates, issues };
}

function fromWorkbook(doc: ReadDocument): Candidate {
  return {
    raw: doc.raw,
    effectiveFrom: doc.effectiveFrom,
    locate: (path) => locate(doc, path) ?? { sheet: null, row: null, column: null },
  };
}

function issueMessage(issue: ImportIssue): { vi: string; en: string } {
  const whereVi = [
    issue.sheet ? `sheet «${issue.sheet}»` : null,
    issue.row !== null ? (issue.sheet ? `dòng ${issue.row}` : `thủ tục thứ ${issue.row}`) : null,
    issue.column ? `cột «${issue.column}»` : null,
    !issue.column && issue.path ? `trường ${issue.path}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const whereEn = [
    issue.sheet ? `sheet «${issue.sheet}»` : null,
    issue.row !== null ? (issue.sheet ? `row ${issue.row}` : `procedure #${issue.row}`) : null,
    issue.column ? `column «${issue.column}»` : null,
    !issue.column && issue.path ? `field ${issue.path}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return {
    vi: `Tệp có lỗi nên không thủ tục nào được nhập. Lỗi đầu tiên – ${whereVi}: ${issue.message}`,
    en: `The file has errors, so nothing was imported. First error – ${whereEn}: ${issue.messageEn}`,
  };
}

function importInvalid(issues: ImportIssue[]): AppError {
  const first = issues[0];
  const text = first ? issueMessage(first) : { vi: undefined, en: undefined };
  return new AppError("IMPORT_INVALID", {
    details: { issues },
    ...(text.vi ? { vi: text.vi } : {}),
    ...(text.en ? { en: text.en } : {}),
  });
}

/** Drops issues on a cell that already has one (a cell that could not be read also fails the schema). */
function dedupeByCell(issues: ImportIssue[]): ImportIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    if (i.sheet === null || i.row === null || i.column === null) return true;
    const key = `${i.sheet}\u0000${i.row}\u0000${i.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

class DryRunDone extends Error {
  constructor(readonly result: ImportResult) {
    super("dry run");
  }
}

/** Checks a file in full, then writes it in one transaction (or, on a dry run, reports what it would write). */
export async function importCatalog(
  db: Db,
  principal: Principal,
  input: z.infer<typeof ImportInput>,
  now: Date,
): Promise<ImportResult> {
  return writeImport(db, principal, await checkImport(db, principal, input, now), now);
}

/** A file that passed every check that needs no write: what writeImport writes. */
export interface CheckedImport {
  candidates: Candidate[];
  ownerId: string | null;
  dryRun: boolean;
}

/** Reads and checks the whole file; any bad row is IMPORT_INVALID (422) with every issue. Writes nothing. */
export async function checkImport(
  db: Db,
  principal: Principal,
  input: z.infer<typeof ImportInput>,
  now: Date,
): Promise<CheckedImport> {
  const bytes = Buffer.from(input.file, "base64");
  if (bytes.byteLength === 0) throw new AppError("UPLOAD_EMPTY");
  if (bytes.byteLength > IMPORT_MAX_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", { details: { maxBytes: IMPORT_MAX_BYTES } });
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if ((input.format === "xlsx") !== isZip) {
    throw new AppError("FILE_TYPE_MISMATCH", { details: { format: input.format, zip: isZip } });
  }
  const owner = input.owner ? await getUnitByCode(db, input.owner) : null;
  // New procedures belong to the owner (or the national catalog); the caller must be allowed to manage those.
  assertCan(principal, "catalog.manage", owner ?? TREE_ROOT);

  let candidates: Candidate[];
  let issues: ImportIssue[];
  if (input.format === "xlsx") {
    await inspectUpload(bytes, { name: "catalog.xlsx" }, SPREADSHEET_POLICY);
    const read = await readWorkbook(bytes);
    candidates = read.documents.map(fromWorkbook);
    issues = read.issues;
  } else {
    ({ candidates, issues } = readJsonFile(bytes));
  }

  const today = vietnamDay(now);
  const seen = new Map<string, number>();
  const codes = new Map<string, string>();
  candidates.forEach((c, i) => {
    const checked = validateDocument(c.raw, { version: 1, effectiveFrom: c.effectiveFrom ?? today });
    if (!checked.ok) {
      for (const issue of checked.issues) issues.push({ ...c.locate(issue.path), ...issue });
      return;
    }
    const p = checked.procedure;
    if (seen.has(p.id)) {
      issues.push({
        ...c.locate("id"),
        path: "id",
        message: `Mã định danh «${p.id}» xuất hiện hơn một lần trong tệp.`,
        messageEn: `The identifier «${p.id}» appears more than once in the file.`,
      });
    }
    seen.set(p.id, i);
    if (p.code.value !== null) {
      const other = codes.get(p.code.value);
      if (other && other !== p.id) {
        issues.push({
          ...c.locate("code"),
          path: "code",
          message: `Mã TTHC ${p.code.value} đã dùng cho thủ tục «${other}» trong tệp.`,
          messageEn: `The code ${p.code.value} is already used by «${other}» in the file.`,
        });
      }
      codes.set(p.code.value, p.id);
    }
    c.procedure = p;
  });
  if (candidates.length === 0 && issues.length === 0) {
    issues.push({
      sheet: null,
      row: null,
      column: null,
      path: "",
      message: "Tệp không có thủ tục nào.",
      messageEn: "The file holds no procedure.",
    });
  }
  if (issues.length > 0) throw importInvalid(dedupeByCell(issues));
  return { candidates, ownerId: owner?.id ?? null, dryRun: Boolean(input.dryRun) };
}

/**
 * Writes a checked file in one transaction: all or nothing. `onProgress` is told after each procedure (inside the
 * transaction: what it records elsewhere must not wait for it); `finish` runs in the same transaction once every
 * procedure is written, so what it records commits with them (not on a dry run, which is rolled back).
 */
export async function writeImport(
  db: Db,
  principal: Principal,
  checked: CheckedImport,
  now: Date,
  hooks: {
    onProgress?: (done: number, total: number) => void;
    finish?: (tx: Executor, result: ImportResult) => Promise<void>;
  } = {},
): Promise<ImportResult> {
  const { candidates, dryRun } = checked;
  const today = vietnamDay(now);
  const ctx: WriteContext = { principal, now, source: "import" };
  const total = candidates.length;
  try {
    return await db.transaction().execute(async (tx) => {
      let done = 0;
      const result: ImportResult = {
        dryRun,
        created: 0,
        versioned: 0,
        unchanged: 0,
        procedures: [],
      };
      const late: ImportIssue[] = [];
      for (const c of candidates) {
        if (done > 0) hooks.onProgress?.(done, total);
        done++;
        const doc = c.procedure as Procedure;
        const existing = await tx
          .selectFrom("procedures")
          .selectAll()
          .where("slug", "=", doc.id)
          .executeTakeFirst();
        if (doc.code.value !== null) {
          const holder = await tx
            .selectFrom("procedures")
            .select(["slug"])
            .where("code", "=", doc.code.value)
            .executeTakeFirst();
          if (holder && holder.slug !== doc.id) {
            late.push({
              ...c.locate("code"),
              path: "code",
              message: `Mã TTHC ${doc.code.value} đã thuộc về thủ tục «${holder.slug}».`,
              messageEn: `The code ${doc.code.value} already belongs to «${holder.slug}».`,
            });
            continue;
          }
        }
        if (!existing) {
          await writeNewProcedure(tx, { ...doc, version: 1 }, checked.ownerId, ctx);
          result.created++;
          result.procedures.push({ slug: doc.id, action: "created", version: 1 });
          continue;
        }
        assertCan(principal, "catalog.manage", await procedureTarget(tx, existing));
        const locked = await lockProcedure(tx, existing.id);
        const latest = await tx
          .selectFrom("procedure_versions")
          .select("document")
          .where("procedure_id", "=", locked.id)
          .where("version", "=", locked.latest_version)
          .executeTakeFirstOrThrow();
        if (sameContent(documentOf(latest), doc)) {
          result.unchanged++;
          result.procedures.push({ slug: doc.id, action: "unchanged", version: locked.latest_version });
          continue;
        }
        // A changed procedure takes effect on the date the file gives when that is after the version in force,
        // otherwise on the day of the import: history already in force is not rewritten.
        const latestFrom = locked.latest_effective_from ?? "0000-01-01";
        const effectiveFrom =
          c.effectiveFrom !== null && c.effectiveFrom > latestFrom
            ? c.effectiveFrom
            : today >= latestFrom
              ? today
              : null;
        if (effectiveFrom === null) {
          late.push({
            ...c.locate("effectiveFrom"),
            path: "effectiveFrom",
            message: `Phiên bản mới nhất có hiệu lực từ ${latestFrom}; phiên bản nhập phải có hiệu lực sau ngày đó.`,
            messageEn: `The latest version takes effect on ${latestFrom}; the imported one must take effect after it.`,
          });
          continue;
        }
        if (doc.effectiveTo !== null && doc.effectiveTo <= effectiveFrom) {
          late.push({
            ...c.locate("effectiveTo"),
            path: "effectiveTo",
            message: `Ngày hết hiệu lực phải sau ngày phiên bản mới có hiệu lực (${effectiveFrom}).`,
            messageEn: `The end date must come after the new version takes effect (${effectiveFrom}).`,
          });
          continue;
        }
        const version = locked.latest_version + 1;
        await writeNextVersion(tx, locked, { ...doc, version, effectiveFrom }, ctx);
        result.versioned++;
        result.procedures.push({ slug: doc.id, action: "versioned", version });
      }
      if (late.length > 0) throw importInvalid(late);
      hooks.onProgress?.(total, total);
      if (dryRun) throw new DryRunDone(result);
      await hooks.finish?.(tx, result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.result;
    throw error;
  }
}
