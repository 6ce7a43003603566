import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { z } from "zod";
import {
  BoardQuery,
  CatalogField,
  DetailQuery,
  ExportJob,
  ExportJobInput,
  ExportQuery,
  FeeQuote,
  FeeQuoteQuery,
  FormUpload,
  IMPORT_MAX_BYTES,
  ImportInput,
  ImportJob,
  ImportResult,
  Offering,
  OfferingInput,
  OfferingListQuery,
  OfferingUpdate,
  ProcedureCreate,
  ProcedureDetail,
  ProcedureList,
  ProcedureNewVersion,
  ProcedureRef,
  ProcedureSearchQuery,
  ProcedureWrite,
  PushInput,
  PushResult,
  VersionDetail,
  VersionMeta,
} from "../../contracts/catalog.ts";
import { ErrorResponse, IsoDate, Uuid } from "../../contracts/common.ts";
import { UnitCode } from "../../contracts/units.ts";
import { contentDisposition } from "../../http/content-disposition.ts";
import { assertCan } from "../auth/policy.ts";
import { getUnit, getUnitByCode } from "../units/queries.ts";
import { boardData, renderBoard } from "./board.ts";
import { jobFile, jobView, ownJob, startExportJob } from "./export-jobs.ts";
import { getFormFile, uploadForm } from "./forms.ts";
import { readImportJob, runImportPass, startImportJob } from "./import-jobs.ts";
import { getProcedure, getVersion, listFields, listVersions, versionMeta, vietnamDay } from "./queries.ts";
import { feeQuote, procedureDetail } from "./read.ts";
import { searchProcedures } from "./search-index.ts";
import {
  addProcedureVersion,
  createProcedure,
  getOffering,
  listOfferings,
  offerProcedure,
  pushProcedures,
  TREE_ROOT,
  updateOffering,
} from "./service.ts";
import { exportCatalog, importCatalog } from "./transfer.ts";

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  413: ErrorResponse,
  415: ErrorResponse,
  422: ErrorResponse,
};
const publicErrors = { 400: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse };
const RefParams = z.strictObject({ idOrCode: ProcedureRef });
const FormCode = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(100);
/** Files (PDF, XLSX, JSON downloads): sent as bytes, documented as binary strings. */
const Binary = (description: string) =>
  z.instanceof(Uint8Array).meta({ description, type: "string", format: "binary" });

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;
  const today = (at?: string) => at ?? vietnamDay(clock());

  // ---- public reading ------------------------------------------------------------------------------------------

  app.get(
    "/procedures",
    {
      schema: {
        tags: ["catalog"],
        summary: "Tra cứu thủ tục hành chính / Search the procedure catalog",
        description:
          "Không phân biệt hoa thường và dấu tiếng Việt, chịu được lỗi gõ, kết quả khớp nhất trước. / Case- and diacritic-insensitive, typo-tolerant, best match first.",
        querystring: ProcedureSearchQuery,
        response: { 200: ProcedureList, ...publicErrors },
      },
    },
    async (request) => {
      const unit = request.query.unit ? await getUnitByCode(db, request.query.unit) : null;
      return searchProcedures(db, request.query, today(request.query.at), unit?.id ?? null);
    },
  );

  app.get(
    "/procedures/:idOrCode",
    {
      schema: {
        tags: ["catalog"],
        summary: "Chi tiết thủ tục / Procedure detail",
        description:
          "Thành phần hồ sơ, phí (kèm ví dụ tính), thời hạn, trình tự, mẫu đơn, nơi và thời gian nộp (với `unit`). / What to bring, cost, time, steps, forms, where and when to file.",
        params: RefParams,
        querystring: DetailQuery,
        response: { 200: ProcedureDetail, ...publicErrors },
      },
    },
    async (request) =>
      procedureDetail(db, request.params.idOrCode, today(request.query.at), request.query.unit),
  );

  app.get(
    "/procedures/:idOrCode/versions",
    {
      schema: {
        tags: ["catalog"],
        summary: "Các phiên bản của thủ tục / Versions of a procedure",
        params: RefParams,
        response: { 200: z.object({ items: z.array(VersionMeta) }), ...publicErrors },
      },
    },
    async (request) => {
      const procedure = await getProcedure(db, request.params.idOrCode);
      const day = today();
      return { items: (await listVersions(db, procedure.id)).map((v) => versionMeta(v, day)) };
    },
  );

  app.get(
    "/procedures/:idOrCode/versions/:version",
    {
      schema: {
        tags: ["catalog"],
        summary: "Một phiên bản của thủ tục / One version of a procedure",
        params: z.strictObject({
          idOrCode: ProcedureRef,
          version: z.coerce.number().int().min(1).max(100_000),
        }),
        response: { 200: VersionDetail, ...publicErrors },
      },
    },
    async (request) => {
      const procedure = await getProcedure(db, request.params.idOrCode);
      const version = await getVersion(db, procedure.id, request.params.version);
      return {
        procedure: { id: procedure.id, slug: procedure.slug, code: version.code },
        version: versionMeta(version, today()),
        document: version.document as z.infer<typeof VersionDetail>["document"],
      };
    },
  );

  app.get(
    "/procedures/:idOrCode/fee",
    {
      schema: {
        tags: ["catalog"],
        summary: "Tính phí, lệ phí / Fee quote",
        description:
          "Tính bằng đúng hàm tính phí của danh mục (computeFee); với `unit`, áp dụng mức thu của địa phương. / Computed by the catalog's one fee function; with `unit`, the local amounts apply.",
        params: RefParams,
        querystring: FeeQuoteQuery,
        response: { 200: FeeQuote, ...publicErrors },
      },
    },
    async (request) => feeQuote(db, request.params.idOrCode, today(request.query.at), request.query),
  );

  app.get(
    "/fields",
    {
      schema: {
        tags: ["catalog"],
        summary: "Lĩnh vực thủ tục / Procedure fields",
        querystring: z.strictObject({ unit: UnitCode.optional(), at: IsoDate.optional() }),
        response: { 200: z.object({ items: z.array(CatalogField) }), ...publicErrors },
      },
    },
    async (request) => {
      const unit = request.query.unit ? await getUnitByCode(db, request.query.unit) : null;
      const rows = await listFields(db, today(request.query.at), unit?.id ?? null);
      return {
        items: rows.map((f) => ({
          code: f.code,
          nameVi: f.name_vi,
          nameEn: f.name_en,
          group: f.group_name,
          ministry: f.ministry,
          note: f.note,
          procedures: f.procedures,
        })),
      };
    },
  );

  app.get(
    "/catalog/board",
    {
      schema: {
        tags: ["catalog"],
        summary: "Bảng niêm yết thủ tục của đơn vị (PDF A4) / A unit's public board (A4 PDF)",
        querystring: BoardQuery,
        response: { 200: Binary("application/pdf"), ...publicErrors },
      },
    },
    async (request, reply) => {
      const day = today(request.query.at);
      const data = await boardData(db, request.query.unit, day, config.publicUrl);
      const pdf = await renderBoard(data, clock());
      return reply
        .type("application/pdf")
        .header("content-disposition", contentDisposition(`niem-yet-tthc-${data.unit.code}-${day}.pdf`, true))
        .header("cache-control", "no-cache")
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    "/catalog/forms/:code",
    {
      schema: {
        tags: ["catalog"],
        summary: "Tải mẫu đơn, tờ khai / Download a form template",
        params: z.strictObject({ code: FormCode }),
        response: { 200: Binary("application/pdf"), ...publicErrors },
      },
    },
    async (request, reply) => {
      const file = await getFormFile(db, request.params.code);
      return reply
        .type(file.content_type)
        .header("content-disposition", contentDisposition(file.filename))
        .header("x-content-type-options", "nosniff")
        .send(Buffer.from(file.content));
    },
  );

  // ---- administration ------------------------------------------------------------------------------------------

  app.post(
    "/procedures",
    {
      schema: {
        tags: ["catalog"],
        summary: "Tạo thủ tục (phiên bản 1) / Create a procedure (version 1)",
        body: ProcedureCreate,
        response: { 201: ProcedureWrite, ...errors },
      },
    },
    async (request, reply) => {
      const { procedure, version } = await createProcedure(db, request.principal, request.body, clock());
      return reply
        .status(201)
        .send({ id: procedure.id, slug: procedure.slug, version: versionMeta(version, today()) });
    },
  );

  app.post(
    "/procedures/:idOrCode/versions",
    {
      schema: {
        tags: ["catalog"],
        summary: "Sửa thủ tục: tạo phiên bản mới / Edit a procedure: add a version",
        params: RefParams,
        body: ProcedureNewVersion,
        response: { 201: ProcedureWrite, ...errors },
      },
    },
    async (request, reply) => {
      const { procedure, version } = await addProcedureVersion(
        db,
        request.principal,
        request.params.idOrCode,
        request.body,
        clock(),
      );
      return reply
        .status(201)
        .send({ id: procedure.id, slug: procedure.slug, version: versionMeta(version, today()) });
    },
  );

  app.get(
    "/catalog/offerings",
    {
      schema: {
        tags: ["catalog"],
        summary: "Thủ tục đơn vị niêm yết (kèm nội dung địa phương) / A unit's offering with local additions",
        querystring: OfferingListQuery,
        response: { 200: z.object({ items: z.array(Offering) }), ...errors },
      },
    },
    async (request) => {
      const unit = await getUnitByCode(db, request.query.unit);
      assertCan(request.principal, "catalog.read", unit);
      const includeInactive = request.query.includeInactive === "true";
      if (includeInactive) assertCan(request.principal, "catalog.manage", unit);
      return { items: await listOfferings(db, unit.id, includeInactive) };
    },
  );

  app.post(
    "/catalog/offerings",
    {
      schema: {
        tags: ["catalog"],
        summary: "Đơn vị niêm yết một thủ tục / A unit offers a procedure",
        body: OfferingInput,
        response: { 201: Offering, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await offerProcedure(db, request.principal, request.body, clock())),
  );

  app.patch(
    "/catalog/offerings/:id",
    {
      schema: {
        tags: ["catalog"],
        summary: "Sửa nội dung địa phương hoặc thôi niêm yết / Change local additions or withdraw",
        params: z.strictObject({ id: Uuid }),
        body: OfferingUpdate,
        response: { 200: Offering, ...errors },
      },
    },
    async (request) => updateOffering(db, request.principal, request.params.id, request.body, clock()),
  );

  app.get(
    "/catalog/offerings/:id",
    {
      schema: {
        tags: ["catalog"],
        summary: "Một thủ tục niêm yết của đơn vị / One offering",
        params: z.strictObject({ id: Uuid }),
        response: { 200: Offering, ...errors },
      },
    },
    async (request) => {
      const offering = await getOffering(db, request.params.id);
      assertCan(request.principal, "catalog.read", await getUnit(db, offering.unit.id));
      return offering;
    },
  );

  app.post(
    "/catalog/offerings/push",
    {
      schema: {
        tags: ["catalog"],
        summary: "Áp dụng thủ tục cho mọi đơn vị cấp dưới / Push procedures to every unit below",
        body: PushInput,
        response: { 200: PushResult, ...errors },
      },
    },
    async (request) => pushProcedures(db, request.principal, request.body, clock()),
  );

  app.get(
    "/catalog/export",
    {
      schema: {
        tags: ["catalog"],
        summary: "Xuất danh mục (JSON hoặc Excel) / Export the catalog (JSON or XLSX)",
        querystring: ExportQuery,
        response: { 200: Binary("application/json or XLSX"), ...errors },
      },
    },
    async (request, reply) => {
      const staff = request.principal;
      if (request.query.owner) assertCan(staff, "catalog.read", await getUnitByCode(db, request.query.owner));
      else assertCan(staff, "catalog.read", TREE_ROOT);
      const file = await exportCatalog(db, request.query.format, request.query.owner, clock());
      return reply
        .type(file.contentType)
        .header("content-disposition", contentDisposition(file.filename))
        .send(file.bytes);
    },
  );

  app.post(
    "/catalog/export-jobs",
    {
      schema: {
        tags: ["catalog"],
        summary: "Xuất danh mục dưới dạng việc chạy nền / Export the catalog as a background job",
        description:
          "Trả lời ngay với việc xuất; theo dõi tiến độ ở GET /catalog/export-jobs/{id}, tải tệp khi xong. / Answers at once with the job; follow its progress at GET /catalog/export-jobs/{id}, download the file when done.",
        body: ExportJobInput,
        response: { 202: ExportJob, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await startExportJob(
            { db, files: app.deps.files, clock, log: request.log },
            request.principal,
            request.body,
          ),
        ),
  );

  app.get(
    "/catalog/export-jobs/:id",
    {
      schema: {
        tags: ["catalog"],
        summary: "Tiến độ việc xuất danh mục / Progress of a catalog export job",
        params: z.strictObject({ id: Uuid }),
        response: { 200: ExportJob, ...errors },
      },
    },
    async (request) => jobView(await ownJob(db, request.principal, request.params.id), clock()),
  );

  app.get(
    "/catalog/export-jobs/:id/file",
    {
      schema: {
        tags: ["catalog"],
        summary: "Tải tệp của việc xuất đã xong / Download the file of a finished export job",
        params: z.strictObject({ id: Uuid }),
        response: { 200: Binary("application/json or XLSX"), ...errors },
      },
    },
    async (request, reply) => {
      const file = await jobFile(db, app.deps.files, request.principal, request.params.id);
      return reply
        .type(file.mime)
        .header("content-disposition", contentDisposition(file.name))
        .header("cache-control", "private, no-store")
        .send(Buffer.from(file.bytes));
    },
  );

  app.post(
    "/catalog/import",
    {
      bodyLimit: Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 64 * 1024,
      schema: {
        tags: ["catalog"],
        summary: "Nhập danh mục (JSON hoặc Excel, mã hóa base64) / Import the catalog (JSON or XLSX, base64)",
        description:
          "Tất cả hoặc không: một dòng sai thì không nhập gì, lỗi chỉ rõ sheet, dòng, cột. / All or nothing: one bad row imports nothing and the error names the sheet, row and column.",
        body: ImportInput,
        response: { 200: ImportResult, ...errors },
      },
    },
    async (request) => importCatalog(db, request.principal, request.body, clock()),
  );

  app.post(
    "/catalog/import-jobs",
    {
      bodyLimit: Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 64 * 1024,
      schema: {
        tags: ["catalog"],
        summary: "Nhập danh mục dưới dạng việc chạy nền / Import the catalog as a background job",
        description:
          "Tệp được kiểm tra ngay (lỗi trả về như POST /catalog/import); tệp hợp lệ được ghi nền, tất cả hoặc không, theo dõi số thủ tục đã nhập ở GET /catalog/import-jobs/{id}. / The file is checked at once (errors come back as from POST /catalog/import); a valid file is written in the background, all or nothing; follow the procedures done at GET /catalog/import-jobs/{id}.",
        body: ImportInput,
        response: { 202: ImportJob, ...errors },
      },
    },
    async (request, reply) => {
      const job = await startImportJob(db, request.principal, request.body, clock());
      // Taken up at once by this process; the background pass of any process would also claim it.
      void runImportPass(db, clock, 1, app.deps.config.jobs.leaseSeconds).catch((error: unknown) =>
        request.log.error({ err: error, jobId: job.id }, "catalog import pass failed"),
      );
      return reply.status(202).send(job);
    },
  );

  app.get(
    "/catalog/import-jobs/:id",
    {
      schema: {
        tags: ["catalog"],
        summary: "Tiến độ việc nhập danh mục / Progress of a catalog import job",
        params: z.strictObject({ id: Uuid }),
        response: { 200: ImportJob, ...errors },
      },
    },
    async (request) => readImportJob(db, request.principal, request.params.id),
  );

  app.put(
    "/catalog/forms/:code",
    {
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags: ["catalog"],
        summary: "Tải lên mẫu đơn (PDF) / Upload a form template (PDF)",
        params: z.strictObject({ code: FormCode }),
        body: FormUpload,
        response: {
          200: z.object({
            code: z.string(),
            filename: z.string(),
            contentType: z.string(),
            size: z.number(),
            sha256: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (request) => uploadForm(db, request.principal, request.params.code, request.body, clock()),
  );
};
