/**
 * Work files (hồ sơ công việc, NĐ 30/2020 Điều 28–31): the unit's files of a year, opened from the approved list
 * (danh mục hồ sơ) or ad hoc, the documents filed in them, and the export of a file with the metadata of
 * Phụ lục VI. Files are the unit's: its leader and clerk open them; its officers who draft may read the list.
 */
import { XMLBuilder } from "fast-xml-parser";
import type { z } from "zod";
import type { WorkFileInput } from "../../contracts/documents.ts";
import type { Db, Executor } from "../../db/database.ts";
import { documentType, vietnamDate } from "../../domain/documents/index.ts";
import { AppError } from "../../errors.ts";
import { renderInPool } from "../../pdf/pool.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { can } from "../auth/policy.ts";
import { actorOf, type StaffPrincipal } from "../auth/principal.ts";
import { getUnit } from "../units/queries.ts";
import { filedDossierCounts, filedDossiers } from "./work-file-dossier-reads.ts";
import { mayReadFiles } from "./work-file-lifecycle.ts";
import { archiveWarning } from "./work-file-rules.ts";

type UnitRef = { id: string; path: string };

const mayRead = mayReadFiles;

/** Opening a file is the clerk's or the leader's (the head approves the list, art. 28(2)). */
function mayOpen(staff: StaffPrincipal, ref: UnitRef): boolean {
  return can(staff, "document.manage", ref) || can(staff, "document.assign", ref);
}

export async function listWorkFiles(
  db: Executor,
  staff: StaffPrincipal,
  unitId: string,
  year: number,
  now: Date,
) {
  const unit = await getUnit(db, unitId);
  if (!mayRead(staff, unit)) throw new AppError("FORBIDDEN", { details: { action: "document.read" } });
  const rows = await db
    .selectFrom("work_files as f")
    .leftJoin("documents as d", "d.work_file_id", "f.id")
    .select([
      "f.id",
      "f.year",
      "f.notation",
      "f.heading",
      "f.title",
      "f.retention_years",
      "f.in_catalog",
      "f.status",
      "f.catalog_approved_by",
      "f.archive_due_on",
      "f.version",
    ])
    .select((eb) => eb.fn.count<number>("d.id").as("documents"))
    .where("f.unit_id", "=", unit.id)
    .where("f.year", "=", year)
    .groupBy([
      "f.id",
      "f.year",
      "f.notation",
      "f.heading",
      "f.title",
      "f.retention_years",
      "f.in_catalog",
      "f.status",
      "f.catalog_approved_by",
      "f.archive_due_on",
      "f.version",
    ])
    .orderBy("f.notation")
    .execute();
  const dossiers = await filedDossierCounts(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      year: r.year,
      notation: r.notation,
      heading: r.heading,
      title: r.title,
      retentionYears: r.retention_years,
      inCatalog: r.in_catalog,
      status: r.status,
      documents: Number(r.documents),
      dossiers: dossiers.get(r.id) ?? 0,
      catalogApproved: r.catalog_approved_by !== null,
      archiveDueOn: dueDay(r.archive_due_on),
      // NĐ 30/2020 Phụ lục VI: warn 30 days before a closed file is due to the archive.
      archiveWarning:
        r.status === "closed" ? archiveWarning(dueDay(r.archive_due_on), vietnamDate(now)) : null,
      version: r.version,
    })),
  };
}

export async function openWorkFile(
  db: Db,
  staff: StaffPrincipal,
  unitId: string,
  input: z.infer<typeof WorkFileInput>,
  now: Date,
): Promise<string> {
  const unit = await getUnit(db, unitId);
  if (!mayOpen(staff, unit)) throw new AppError("FORBIDDEN", { details: { action: "document.manage" } });
  return db.transaction().execute(async (tx) => {
    const taken = await tx
      .selectFrom("work_files")
      .select("id")
      .where("unit_id", "=", unit.id)
      .where("year", "=", input.year)
      .where("notation", "=", input.notation)
      .executeTakeFirst();
    if (taken)
      throw new AppError("DUPLICATE", { details: { entity: "work_file", notation: input.notation } });
    const file = await tx
      .insertInto("work_files")
      .values({
        unit_id: unit.id,
        year: input.year,
        notation: input.notation,
        heading: input.heading ?? null,
        title: input.title,
        retention_years: input.retentionYears,
        keeper_id: staff.staffId,
        in_catalog: input.inCatalog,
        status: "open",
        note: input.note ?? null,
        opened_at: now,
        // A leader opening a file of the list approves that entry; a clerk's entry waits for the head's approval.
        catalog_approved_by: input.inCatalog && staff.roles.includes("leader") ? staff.staffId : null,
        created_by: staff.staffId,
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      {
        actor: actorOf(staff),
        action: "work_file.open",
        entityType: "work_file",
        entityId: file.id,
        unitId: unit.id,
        summary: { year: input.year, notation: input.notation, inCatalog: input.inCatalog },
      },
      now,
    );
    return file.id;
  });
}

const dueDay = (d: string | Date | null): string | null =>
  d === null ? null : typeof d === "string" ? d.slice(0, 10) : vietnamDate(d);

/** Số and ký hiệu as written: the sender's for an incoming document, ours for an outgoing one. */
const codeOf = (d: { direction: string; original_number: string | null; notation: string | null }): string =>
  (d.direction === "incoming" ? d.original_number : d.notation) ?? "";

const builder = new XMLBuilder({ format: true, ignoreAttributes: false, suppressEmptyNode: false });

/** The day an instant falls on in Vietnam (UTC+7), as the metadata carries it (yyyy-mm-dd). */
const day = (d: Date | string | null): string => (d ? vietnamDate(new Date(d)) : "");

/**
 * A work file as XML with the metadata of NĐ 30/2020 Phụ lục VI: the file (FileCode = OrganId.FileCatalog.
 * FileNotation, Title, Maintenance, Rights, Creator, Language, StartDate, EndDate, DocTotal, PageTotal,
 * Description) and each document in it (DocOrdinal, TypeName, CodeNumber, CodeNotation, IssuedDate, OrganName,
 * Subject, Language, PageAmount, SignerInfo, Priority, IssuedAmount; incoming ones ArrivalDate and ArrivalNumber).
 * Rights: "Hạn chế" for a file holding a confidential document, else "Công khai" (our choice: the decree leaves the
 * wording to the agency).
 *
 * Dossier results filed in the file follow its documents, numbered on (DocOrdinal), with the same Phụ lục VI fields
 * of the result document (its số/ký hiệu, the day it was signed, the resolving unit, the signer; Subject: the
 * procedure) and a DossierInfo element: the dossier code, the procedure, the applicant and the result date. Personal
 * data, as for documents: only the applicant's name goes out (never the identity number, address or contact), and a
 * file holding the result of a person's dossier is "Hạn chế" like one holding a confidential document (our choice).
 */
export async function exportWorkFile(
  db: Executor,
  staff: StaffPrincipal,
  fileId: string,
  format: "xml" | "pdf" = "xml",
  now: Date = new Date(),
): Promise<{ bytes: Uint8Array; type: string; name: string }> {
  const file = await db.selectFrom("work_files").selectAll().where("id", "=", fileId).executeTakeFirst();
  if (!file) throw new AppError("NOT_FOUND", { details: { entity: "work_file", id: fileId } });
  const unit = await getUnit(db, file.unit_id);
  // Files of other units are hidden, not forbidden.
  if (!mayRead(staff, unit))
    throw new AppError("NOT_FOUND", { details: { entity: "work_file", id: fileId } });
  const docs = await db
    .selectFrom("documents")
    .select([
      "id",
      "direction",
      "type_code",
      "number",
      "notation",
      "issued_on",
      "issuer_name",
      "original_number",
      "original_date",
      "summary",
      "page_count",
      "signer_name",
      "signer_position",
      "urgency",
      "copies",
      "confidentiality",
      "arrived_at",
      "created_at",
    ])
    .where("work_file_id", "=", file.id)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const results = await filedDossiers(db, file.id);
  const dates = [
    ...docs.map((d) => day(d.direction === "incoming" ? d.arrived_at : (d.issued_on ?? d.created_at))),
    ...results.map((r) => r.resultDate ?? day(r.filedAt)),
  ];
  const pages = docs.reduce((n, d) => n + (d.page_count ?? 0), 0);
  const restricted =
    docs.some((d) => d.confidentiality !== "normal") || results.some((r) => r.applicantKind === "person");
  const fileCode = `${unit.code}.${file.year}.${file.notation}`;
  const body = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    HoSo: {
      FileCode: fileCode,
      OrganId: unit.code,
      FileCatalog: file.year,
      FileNotation: file.notation,
      Title: file.title,
      Maintenance: file.retention_years === null ? "Vĩnh viễn" : `${file.retention_years} năm`,
      Rights: restricted ? "Hạn chế" : "Công khai",
      Creator: unit.name,
      Language: "Tiếng Việt",
      StartDate: dates.length ? [...dates].sort()[0] : day(file.opened_at),
      EndDate: dates.length ? [...dates].sort().at(-1) : "",
      DocTotal: docs.length + results.length,
      PageTotal: pages,
      Description: file.note ?? "",
      VanBan: [
        ...docs.map((d, i) => ({
          DocOrdinal: i + 1,
          TypeName: documentType(d.type_code)?.name ?? d.type_code,
          CodeNumber: codeOf(d).split("/")[0] ?? "",
          CodeNotation: codeOf(d).split("/").slice(1).join("/"),
          IssuedDate: d.direction === "incoming" ? (d.original_date ?? "") : (d.issued_on ?? ""),
          OrganName: d.direction === "incoming" ? (d.issuer_name ?? "") : unit.name,
          Subject: d.confidentiality === "normal" ? d.summary : "",
          Language: "Tiếng Việt",
          PageAmount: d.page_count ?? "",
          SignerInfo: { Position: d.signer_position ?? "", FullName: d.signer_name ?? "" },
          Priority: d.urgency === "normal" ? 0 : 1,
          IssuedAmount: d.copies ?? "",
          ...(d.direction === "incoming"
            ? { ArrivalDate: day(d.arrived_at), ArrivalNumber: d.number ?? "" }
            : {}),
        })),
        ...results.map((r, i) => ({
          DocOrdinal: docs.length + i + 1,
          TypeName: "Kết quả giải quyết thủ tục hành chính",
          CodeNumber: (r.resultNumber ?? "").split("/")[0] ?? "",
          CodeNotation: (r.resultNumber ?? "").split("/").slice(1).join("/"),
          IssuedDate: r.resultDate ?? "",
          OrganName: unit.name,
          Subject: r.procedureName,
          Language: "Tiếng Việt",
          PageAmount: "",
          SignerInfo: { Position: "", FullName: r.resultSigner ?? "" },
          Priority: 0,
          IssuedAmount: "",
          DossierInfo: {
            DossierCode: r.code ?? "",
            ProcedureName: r.procedureName,
            Applicant: r.applicantName,
            ResultDate: r.resultDate ?? "",
          },
        })),
      ],
    },
  };
  const name = `ho-so-${file.year}-${file.notation}`;
  if (format === "xml") {
    const xml = builder.build(body) as string;
    return { bytes: Buffer.from(xml, "utf8"), type: "application/xml; charset=utf-8", name: `${name}.xml` };
  }
  // The same fields on paper: the file's metadata and the list of its papers (mục lục văn bản).
  const h = body.HoSo;
  const pdf = await renderInPool("workFilePdf", {
    unitName: unit.name,
    fileCode: h.FileCode,
    title: h.Title,
    maintenance: h.Maintenance,
    rights: h.Rights,
    startDate: h.StartDate ?? "",
    endDate: h.EndDate ?? "",
    docTotal: h.DocTotal,
    pageTotal: h.PageTotal,
    description: h.Description,
    rows: h.VanBan.map((v) => [
      String(v.DocOrdinal),
      [v.CodeNumber, v.CodeNotation].filter(Boolean).join("/"),
      String(v.IssuedDate ?? ""),
      [v.TypeName, v.Subject].filter(Boolean).join(": "),
      v.OrganName,
      "DossierInfo" in v
        ? `Hồ sơ TTHC ${v.DossierInfo.DossierCode}; người nộp: ${v.DossierInfo.Applicant}`
        : "",
    ]),
    printedAt: now,
  });
  return { bytes: pdf, type: "application/pdf", name: `${name}.pdf` };
}
