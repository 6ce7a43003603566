import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { z } from "zod";
import { ErrorResponses, Ok, Uuid } from "../../contracts/common.ts";
import {
  AssignInput,
  CloseWorkFileInput,
  CommentInput,
  CreateDocumentInput,
  DOCUMENT_LIMITS,
  DocumentDetail,
  DocumentList,
  DocumentListQuery,
  DocumentStats,
  DoneInput,
  FileDocumentInput,
  FileDossierInput,
  FiledDossierResult,
  HandOverList,
  HandOverListExport,
  HandOverWorkFileInput,
  IssueDocumentInput,
  ReasonInput,
  ReceiveOutsideInput,
  SignDocumentInput,
  SubmitInput,
  UpdateDocumentInput,
  VersionInput,
  WorkFileDetail,
  WorkFileInput,
  WorkFileList,
} from "../../contracts/documents.ts";
import { bodyLimitFor } from "../../contracts/signing.ts";
import { DOCUMENT_TYPES } from "../../domain/documents/index.ts";
import { AppError } from "../../errors.ts";
import { contentDisposition } from "../../http/content-disposition.ts";
import { REGISTER_COLUMNS } from "../../pdf/documents/registers.ts";
import { requireStaff } from "../auth/policy.ts";
import type { DocumentDeps } from "./deps.ts";
import { addComment, createDraft, sendBack, submitDraft, updateDraft } from "./drafting.ts";
import { findHandOverListExport, handOverUnit, requestHandOverListExport } from "./hand-over-exports.ts";
import {
  assignIncoming,
  finishHandling,
  receiveOutside,
  refuseIncoming,
  registerIncoming,
  startHandling,
} from "./incoming.ts";
import { documentStats, registerFile, unitRegister } from "./registers.ts";
import { recallDocument, sendDocument } from "./sending.ts";
import { approveAndSign, issueDocument } from "./signing.ts";
import { documentDetail, documentFile, listDocuments } from "./views.ts";
import { fileDossierResult } from "./work-file-dossiers.ts";
import {
  approveCatalog,
  closeWorkFile,
  fileDocument,
  handOverList,
  handOverWorkFile,
  workFileDetail,
} from "./work-file-lifecycle.ts";
import { exportWorkFile, listWorkFiles, openWorkFile } from "./work-files.ts";

const tags = ["documents"];
const IdParams = z.strictObject({ id: Uuid });
const Created = z.object({ id: Uuid });
const uploadLimit = bodyLimitFor(DOCUMENT_LIMITS.fileBytes);
const Binary = (description: string) =>
  z.instanceof(Uint8Array).meta({ description, type: "string", format: "binary" });

export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps: DocumentDeps = {
    db: app.deps.db,
    files: app.deps.files,
    config: app.deps.config,
    clock: app.deps.clock,
  };

  app.get(
    "/documents/types",
    {
      schema: {
        tags,
        summary: "Loại văn bản và chữ viết tắt (NĐ 30/2020 Phụ lục III) / Document kinds and abbreviations",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                abbreviation: z.string().nullable(),
                source: z.string(),
              }),
            ),
          }),
          ...ErrorResponses,
        },
      },
    },
    async (request) => {
      requireStaff(request.principal);
      return { items: DOCUMENT_TYPES.map((t) => ({ ...t })) };
    },
  );

  app.get(
    "/documents",
    {
      schema: {
        tags,
        summary: "Văn bản của tôi theo hộp, tìm kiếm không dấu / My documents by box, with search",
        querystring: DocumentListQuery,
        response: { 200: DocumentList, ...ErrorResponses },
      },
    },
    async (request) =>
      listDocuments(app.deps.db, requireStaff(request.principal), request.query, app.deps.clock()),
  );

  app.post(
    "/documents",
    {
      bodyLimit: uploadLimit,
      schema: {
        tags,
        summary: "Soạn dự thảo văn bản đi / Draft an outgoing document",
        body: CreateDocumentInput,
        response: { 201: Created, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const id = await createDraft(deps, requireStaff(request.principal), request.body);
      return reply.status(201).send({ id });
    },
  );

  app.post(
    "/documents/incoming",
    {
      bodyLimit: uploadLimit,
      schema: {
        tags,
        summary:
          "Tiếp nhận văn bản đến từ ngoài hệ thống (tệp PDF, bản quét) / Receive a document from outside",
        body: ReceiveOutsideInput,
        response: { 201: Created, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const id = await receiveOutside(deps, requireStaff(request.principal), request.body);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    "/documents/:id",
    {
      schema: {
        tags,
        summary: "Chi tiết văn bản / A document",
        params: IdParams,
        response: { 200: DocumentDetail, ...ErrorResponses },
      },
    },
    async (request) => documentDetail(deps, requireStaff(request.principal), request.params.id),
  );

  app.get(
    "/documents/:id/file",
    {
      schema: {
        tags,
        summary: "Tệp PDF của văn bản (bản phát hành, bản đã ký hoặc dự thảo) / The document's PDF",
        params: IdParams,
        response: { 200: Binary("PDF"), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const file = await documentFile(deps, requireStaff(request.principal), request.params.id);
      return reply
        .type(file.mime)
        .header("content-disposition", contentDisposition(file.name, true))
        .send(Buffer.from(file.bytes));
    },
  );

  const action = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    run: (staff: ReturnType<typeof requireStaff>, id: string, input: z.infer<S>) => Promise<unknown>,
    limit?: number,
  ) =>
    app.post(
      `/documents/:id/${path}`,
      {
        ...(limit ? { bodyLimit: limit } : {}),
        schema: { tags, summary, params: IdParams, body, response: { 200: z.unknown(), ...ErrorResponses } },
      },
      async (request) => {
        const result = await run(
          requireStaff(request.principal),
          request.params.id,
          request.body as z.infer<S>,
        );
        return result ?? { ok: true };
      },
    );

  action(
    "edit",
    "Sửa dự thảo, lưu phiên bản mới / Edit the draft (a new version)",
    UpdateDocumentInput,
    (s, id, b) => updateDraft(deps, s, id, b),
    uploadLimit,
  );
  action("submit", "Trình duyệt / Submit for review and approval", SubmitInput, (s, id, b) =>
    submitDraft(deps, s, id, b),
  );
  action("comments", "Góp ý / Comment", CommentInput, (s, id, b) => addComment(deps, s, id, b));
  action("send-back", "Trả lại dự thảo / Send the draft back", ReasonInput, (s, id, b) =>
    sendBack(deps, s, id, b),
  );
  action("sign", "Lãnh đạo duyệt và ký số / The leader approves and signs", SignDocumentInput, (s, id, b) =>
    approveAndSign(deps, s, id, b),
  );
  action(
    "issue",
    "Văn thư cấp số, đóng dấu số và phát hành / Number, seal and issue",
    IssueDocumentInput,
    (s, id, b) => issueDocument(deps, s, id, b),
  );
  action("send", "Gửi văn bản / Send", VersionInput, (s, id, b) => sendDocument(deps, s, id, b));
  action("recall", "Thu hồi văn bản đã gửi / Recall", ReasonInput, (s, id, b) =>
    recallDocument(deps, s, id, b),
  );
  action("register", "Đăng ký văn bản đến / Register an incoming document", VersionInput, (s, id, b) =>
    registerIncoming(deps, s, id, b),
  );
  action("refuse", "Từ chối văn bản đến / Refuse an incoming document", ReasonInput, (s, id, b) =>
    refuseIncoming(deps, s, id, b),
  );
  action("assign", "Giao xử lý (chủ trì, phối hợp, để biết) / Assign", AssignInput, (s, id, b) =>
    assignIncoming(deps, s, id, b),
  );
  action("start", "Bắt đầu xử lý / Start handling", VersionInput, (s, id, b) =>
    startHandling(deps, s, id, b),
  );
  action("done", "Hoàn thành xử lý / Mark done", DoneInput, (s, id, b) => finishHandling(deps, s, id, b));
  void Ok;

  const Period = z.strictObject({
    from: z.iso.date(),
    to: z.iso.date(),
    format: z.enum(["json", "pdf", "xlsx"]).default("json"),
  });
  app.get(
    "/units/:id/document-registers/:kind",
    {
      schema: {
        tags,
        summary:
          "Sổ đăng ký văn bản (NĐ 30/2020 Phụ lục IV) theo kỳ, JSON/PDF/XLSX / A unit's document register",
        params: z.strictObject({ id: Uuid, kind: z.enum(["outgoing", "incoming", "follow-up", "postal"]) }),
        querystring: Period,
        response: {
          200: z.union([
            z.object({
              kind: z.string(),
              unitName: z.string(),
              columns: z.array(z.string()),
              rows: z.array(z.array(z.string())),
            }),
            Binary("PDF or XLSX"),
          ]),
          ...ErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const { id, kind } = request.params;
      const { from, to, format } = request.query;
      const data = await unitRegister(
        app.deps.db,
        requireStaff(request.principal),
        id,
        kind,
        from,
        to,
        app.deps.clock(),
      );
      if (format === "json") {
        return {
          kind,
          unitName: data.unitName,
          columns: REGISTER_COLUMNS[kind].map((c) => c.header),
          rows: data.rows,
        };
      }
      const file = await registerFile(data, format);
      return reply
        .type(file.type)
        .header("content-disposition", contentDisposition(`so-van-ban-${kind}-${from}-${to}.${file.ext}`))
        .send(Buffer.from(file.bytes));
    },
  );

  app.get(
    "/units/:id/document-stats",
    {
      schema: {
        tags,
        summary: "Thống kê văn bản điện tử, giấy, ký số, đúng hạn, trễ hạn / Document statistics of a unit",
        params: IdParams,
        querystring: z.strictObject({ from: z.iso.date(), to: z.iso.date() }),
        response: { 200: DocumentStats, ...ErrorResponses },
      },
    },
    async (request) =>
      documentStats(
        app.deps.db,
        requireStaff(request.principal),
        request.params.id,
        request.query.from,
        request.query.to,
      ),
  );

  app.get(
    "/units/:id/work-files",
    {
      schema: {
        tags,
        summary: "Hồ sơ công việc của đơn vị trong năm (NĐ 30/2020 Điều 28) / A unit's work files of a year",
        params: IdParams,
        querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2199) }),
        response: { 200: WorkFileList, ...ErrorResponses },
      },
    },
    async (request) =>
      listWorkFiles(
        app.deps.db,
        requireStaff(request.principal),
        request.params.id,
        request.query.year,
        app.deps.clock(),
      ),
  );

  const YearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2199) });

  app.post(
    "/units/:id/work-files/approve",
    {
      schema: {
        tags,
        summary:
          "Thủ trưởng duyệt danh mục hồ sơ của năm (NĐ 30/2020 Điều 28) / The head approves the year's file list",
        params: IdParams,
        body: z.strictObject({ year: z.number().int().min(2000).max(2199) }),
        response: { 200: z.object({ approved: z.number() }), ...ErrorResponses },
      },
    },
    async (request) =>
      approveCatalog(
        app.deps.db,
        requireStaff(request.principal),
        request.params.id,
        request.body.year,
        app.deps.clock(),
      ),
  );

  app.get(
    "/units/:id/work-files/hand-over-list",
    {
      schema: {
        tags,
        summary: "Mục lục hồ sơ, tài liệu nộp lưu của năm / The year's hand-over list to the archive",
        params: IdParams,
        querystring: YearQuery,
        response: { 200: HandOverList, ...ErrorResponses },
      },
    },
    async (request) =>
      handOverList(app.deps.db, requireStaff(request.principal), request.params.id, request.query.year),
  );

  const exportView = (
    unitId: string,
    row: Awaited<ReturnType<typeof findHandOverListExport>>,
  ): z.infer<typeof HandOverListExport> => ({
    id: row.id,
    year: row.year,
    status: row.status,
    filename: row.filename,
    error: row.error,
    requestedAt: new Date(row.requested_at).toISOString(),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
    fileUrl:
      row.status === "done"
        ? `/api/v1/units/${unitId}/work-files/hand-over-list/exports/${row.id}/file`
        : null,
  });
  const ExportParams = z.strictObject({ id: Uuid, exportId: Uuid });

  app.post(
    "/units/:id/work-files/hand-over-list/exports",
    {
      schema: {
        tags,
        summary:
          "In mục lục hồ sơ, tài liệu nộp lưu của năm ra PDF (tạo trong nền) / Print the year's hand-over list as PDF (rendered in the background)",
        params: IdParams,
        body: z.strictObject({ year: z.number().int().min(2000).max(2199) }),
        response: { 202: HandOverListExport, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request.principal);
      const { id } = await requestHandOverListExport(
        app.deps.db,
        staff,
        request.params.id,
        request.body.year,
        app.deps.clock(),
      );
      const row = await findHandOverListExport(app.deps.db, request.params.id, id);
      return reply.code(202).send(exportView(request.params.id, row));
    },
  );

  app.get(
    "/units/:id/work-files/hand-over-list/exports/:exportId",
    {
      schema: {
        tags,
        summary: "Trạng thái tệp mục lục hồ sơ nộp lưu / Status of a hand-over list print",
        params: ExportParams,
        response: { 200: HandOverListExport, ...ErrorResponses },
      },
    },
    async (request) => {
      const unit = await handOverUnit(app.deps.db, requireStaff(request.principal), request.params.id);
      return exportView(unit.id, await findHandOverListExport(app.deps.db, unit.id, request.params.exportId));
    },
  );

  app.get(
    "/units/:id/work-files/hand-over-list/exports/:exportId/file",
    {
      schema: {
        tags,
        summary: "Tải tệp mục lục hồ sơ nộp lưu (PDF) / Download the hand-over list (PDF)",
        params: ExportParams,
        response: { 200: Binary("PDF"), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const unit = await handOverUnit(app.deps.db, requireStaff(request.principal), request.params.id);
      const row = await findHandOverListExport(app.deps.db, unit.id, request.params.exportId);
      if (row.status !== "done" || row.content === null || row.filename === null)
        throw new AppError("HAND_OVER_LIST_NOT_READY", { details: { status: row.status } });
      return reply
        .type("application/pdf")
        .header("content-disposition", contentDisposition(row.filename))
        .header("cache-control", "no-store")
        .send(Buffer.from(row.content));
    },
  );

  app.get(
    "/work-files/:id",
    {
      schema: {
        tags,
        summary: "Hồ sơ công việc và các văn bản trong hồ sơ / A work file and its documents",
        params: IdParams,
        response: { 200: WorkFileDetail, ...ErrorResponses },
      },
    },
    async (request) =>
      workFileDetail(app.deps.db, requireStaff(request.principal), request.params.id, app.deps.clock()),
  );

  app.post(
    "/work-files/:id/close",
    {
      schema: {
        tags,
        summary: "Kết thúc hồ sơ (NĐ 30/2020 Điều 28–31) / Close a work file",
        params: IdParams,
        body: CloseWorkFileInput,
        response: { 200: z.object({ archiveDueOn: z.string() }), ...ErrorResponses },
      },
    },
    async (request) =>
      closeWorkFile(
        app.deps.db,
        requireStaff(request.principal),
        request.params.id,
        request.body,
        app.deps.clock(),
      ),
  );

  app.post(
    "/work-files/:id/hand-over",
    {
      schema: {
        tags,
        summary:
          "Nộp lưu hồ sơ vào Lưu trữ cơ quan (NĐ 30/2020 Điều 28–31) / Hand a file over to the archive",
        params: IdParams,
        body: HandOverWorkFileInput,
        response: { 200: Ok, ...ErrorResponses },
      },
    },
    async (request) => {
      await handOverWorkFile(
        app.deps.db,
        requireStaff(request.principal),
        request.params.id,
        request.body,
        app.deps.clock(),
      );
      return { ok: true as const };
    },
  );

  app.post(
    "/work-files/:id/dossiers",
    {
      schema: {
        tags,
        summary:
          "Đưa kết quả hồ sơ TTHC vào hồ sơ công việc (NĐ 30/2020 Điều 28) / File a dossier's result into a work file",
        params: IdParams,
        body: FileDossierInput,
        response: { 201: FiledDossierResult, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const filed = await fileDossierResult(
        app.deps.db,
        requireStaff(request.principal),
        request.params.id,
        request.body,
        app.deps.clock(),
      );
      return reply.status(201).send(filed);
    },
  );

  app.post(
    "/documents/:id/work-file",
    {
      schema: {
        tags,
        summary: "Đưa văn bản vào hồ sơ công việc / File a document into a work file",
        params: IdParams,
        body: FileDocumentInput,
        response: { 200: Ok, ...ErrorResponses },
      },
    },
    async (request) => {
      await fileDocument(
        app.deps.db,
        requireStaff(request.principal),
        request.params.id,
        request.body,
        app.deps.clock(),
      );
      return { ok: true as const };
    },
  );

  app.post(
    "/units/:id/work-files",
    {
      schema: {
        tags,
        summary: "Mở hồ sơ công việc (theo danh mục hoặc phát sinh) / Open a work file",
        params: IdParams,
        body: WorkFileInput,
        response: { 201: Created, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const id = await openWorkFile(
        app.deps.db,
        requireStaff(request.principal),
        request.params.id,
        request.body,
        app.deps.clock(),
      );
      return reply.status(201).send({ id });
    },
  );

  app.get(
    "/work-files/:id/export",
    {
      schema: {
        tags,
        summary:
          "Xuất hồ sơ công việc với siêu dữ liệu Phụ lục VI (XML hoặc PDF) / Export a work file (Phụ lục VI, XML or PDF)",
        params: IdParams,
        querystring: z.strictObject({ format: z.enum(["xml", "pdf"]).default("xml") }),
        response: { 200: Binary("XML or PDF"), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const file = await exportWorkFile(
        app.deps.db,
        requireStaff(request.principal),
        request.params.id,
        request.query.format,
        app.deps.clock(),
      );
      return reply
        .type(file.type)
        .header("content-disposition", contentDisposition(file.name))
        .send(Buffer.from(file.bytes));
    },
  );
};
