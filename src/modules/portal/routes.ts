/**
 * HTTP: the citizen portal's online filing (routes under /api/v1/portal). Public: the e-form of a procedure and
 * the procedures a unit offers online. Citizen (signed in): drafts, uploads, "check your answers", submission,
 * "my dossiers", supplement answers, withdrawal, downloads, rating. Staff: what a citizen filed, and the
 * satisfaction report of a unit for a period.
 */

import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import { ErrorResponses, Uuid } from "../../contracts/common.ts";
import {
  AnswerSupplementInput,
  CitizenWithdrawInput,
  DraftView,
  EFormQuery,
  EFormView,
  FilingView,
  MyDossierDetail,
  MyDossierList,
  MyDossiersQuery,
  OnlineProcedureList,
  OnlineProceduresQuery,
  PORTAL_FILE_MAX_BYTES,
  ProcedureRef,
  RatingInput,
  RatingView,
  ReviewView,
  SatisfactionQuery,
  SatisfactionReport,
  SaveDraftInput,
  StartDraftInput,
  SubmitResult,
  UploadInput,
  UploadResult,
  VersionBody,
  VersionQuery,
} from "../../contracts/portal-dossiers.ts";
import { AppError } from "../../errors.ts";
import { contentDisposition } from "../../http/content-disposition.ts";
import { depsOf } from "../dossiers/perform.ts";
import { findUnitByCode } from "../units/queries.ts";
import { type CitizenAct, ownDossier, requireCitizenPrincipal } from "./citizen-dossier.ts";
import { deskFiling } from "./desk-filing.ts";
import { type Download, ownForm, ownResult, ownUpload } from "./downloads.ts";
import { removeUpload, saveDraft, startDraft, uploadFile } from "./drafts.ts";
import { publicEForm } from "./eforms.ts";
import { draftView, isoOf, loadFiling, reviewOf, uploadView } from "./filing.ts";
import { myDossierDetail, myDossiers } from "./my-dossiers.ts";
import { rateDossier, satisfactionReport } from "./ratings.ts";
import { answerSupplement, submitDraft, withdrawOwn } from "./submit.ts";

const errors = ErrorResponses;
const IdParams = z.strictObject({ id: Uuid });
const Binary = (description: string) =>
  z.instanceof(Uint8Array).meta({ description, type: "string", format: "binary" });

/** Headers of a file download: a safe name, no sniffing, never cached by shared caches. */
function downloadHeaders(file: Download): Record<string, string> {
  return {
    "content-disposition": contentDisposition(file.name),
    "x-content-type-options": "nosniff",
    "cache-control": "private, no-store",
  };
}

export const portalDossierRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, files } = app.deps;
  const tags = ["portal"];

  /** A citizen's change in one transaction. */
  const asCitizen = <T>(
    principal: Parameters<typeof requireCitizenPrincipal>[0],
    use: (act: CitizenAct) => Promise<T>,
  ) => {
    const citizen = requireCitizenPrincipal(principal);
    const now = clock();
    const publicUrl = app.deps.config.publicUrl;
    return db.transaction().execute((tx) => use({ tx, citizen, now, publicUrl }));
  };
  const draftOf = async (principal: Parameters<typeof requireCitizenPrincipal>[0], id: string) => {
    const row = await ownDossier(db, requireCitizenPrincipal(principal), id);
    return loadFiling(db, row);
  };
  app.get(
    "/portal/procedures/:procedure/eform",
    {
      schema: {
        tags,
        summary: "Tờ khai điện tử của thủ tục (công khai) / A procedure's e-form (public)",
        params: z.strictObject({ procedure: ProcedureRef }),
        querystring: EFormQuery,
        response: { 200: EFormView, ...errors },
      },
    },
    async (request) => publicEForm(db, request.params.procedure, request.query.version, clock()),
  );

  app.get(
    "/portal/online-procedures",
    {
      schema: {
        tags,
        summary: "Thủ tục đơn vị cung cấp trực tuyến (công khai) / Procedures a unit offers online (public)",
        querystring: OnlineProceduresQuery,
        response: { 200: OnlineProcedureList, ...errors },
      },
    },
    async (request) => {
      const unit = await findUnitByCode(db, request.query.unit);
      if (!unit) throw new AppError("UNKNOWN_UNIT", { details: { unit: request.query.unit } });
      const day = isoOf(clock()).slice(0, 10);
      const { rows } = await sql<{
        id: string;
        slug: string;
        code: string | null;
        name: string;
        online_level: "full" | "partial";
        version: number;
      }>`
        SELECT p.id, p.slug, v.code, v.name, v.online_level, v.version
        FROM procedure_offerings o
        JOIN procedures p ON p.id = o.procedure_id
        JOIN LATERAL (
          SELECT * FROM procedure_versions pv
          WHERE pv.procedure_id = p.id AND pv.effective_from <= ${day}::date
            AND (pv.superseded_from IS NULL OR pv.superseded_from > ${day}::date)
          ORDER BY pv.effective_from DESC, pv.version DESC LIMIT 1
        ) v ON true
        WHERE o.unit_id = ${unit.id} AND o.active AND v.online_level <> 'none'
        ORDER BY v.name
      `.execute(db);
      // Every version offered online has an e-form: its dedicated one or the one built from its catalog record.
      return {
        items: rows.map((r) => ({
          procedure: { id: r.id, slug: r.slug, code: r.code, name: r.name },
          onlineLevel: r.online_level,
          unit: { id: unit.id, code: unit.code, name: unit.name },
          hasEForm: true,
        })),
      };
    },
  );

  app.post(
    "/portal/dossiers",
    {
      schema: {
        tags,
        summary: "Bắt đầu hồ sơ trực tuyến (bản nháp) / Start an online draft",
        body: StartDraftInput,
        response: { 201: DraftView, ...errors },
      },
    },
    async (request, reply) => {
      const id = await asCitizen(request.principal, (act) => startDraft(act, request.body));
      return reply.status(201).send(draftView(await draftOf(request.principal, id)));
    },
  );

  app.get(
    "/portal/dossiers",
    {
      schema: {
        tags,
        summary: "Hồ sơ của tôi / My dossiers",
        querystring: MyDossiersQuery,
        response: { 200: MyDossierList, ...errors },
      },
    },
    async (request) => myDossiers(db, requireCitizenPrincipal(request.principal), request.query),
  );

  app.get(
    "/portal/dossiers/:id",
    {
      schema: {
        tags,
        summary:
          "Chi tiết hồ sơ của tôi: tiến trình, thông báo, kết quả / My dossier: timeline, messages, result",
        params: IdParams,
        response: { 200: MyDossierDetail, ...errors },
      },
    },
    async (request) => {
      const row = await ownDossier(db, requireCitizenPrincipal(request.principal), request.params.id);
      return myDossierDetail(db, row, clock());
    },
  );

  app.get(
    "/portal/dossiers/:id/draft",
    {
      schema: {
        tags,
        summary: "Bản nháp: câu trả lời và tệp đã tải / A draft with its answers and uploads",
        params: IdParams,
        response: { 200: DraftView, ...errors },
      },
    },
    async (request) => draftView(await draftOf(request.principal, request.params.id)),
  );

  app.patch(
    "/portal/dossiers/:id/draft",
    {
      schema: {
        tags,
        summary: "Lưu bản nháp (có thể chưa đủ) / Save a draft (partial answers allowed)",
        params: IdParams,
        body: SaveDraftInput,
        response: { 200: DraftView, ...errors },
      },
    },
    async (request) => {
      await asCitizen(request.principal, (act) => saveDraft(act, request.params.id, request.body));
      return draftView(await draftOf(request.principal, request.params.id));
    },
  );

  app.post(
    "/portal/dossiers/:id/uploads",
    {
      bodyLimit: Math.ceil(PORTAL_FILE_MAX_BYTES / 3) * 4 + 64 * 1024,
      schema: {
        tags,
        summary:
          "Tải lên thành phần hồ sơ (PDF, JPEG, PNG; base64) / Upload a document (PDF, JPEG, PNG; base64)",
        params: IdParams,
        body: UploadInput,
        response: { 201: UploadResult, ...errors },
      },
    },
    async (request, reply) => {
      const out = await asCitizen(request.principal, (act) =>
        uploadFile(act, files, request.params.id, request.body),
      );
      const f = await draftOf(request.principal, request.params.id);
      const upload = f.uploads.find((u) => u.id === out.uploadId);
      if (!upload) throw new AppError("NOT_FOUND", { details: { entity: "upload" } });
      return reply.status(201).send({ upload: uploadView(f.row.id, upload), version: out.version });
    },
  );

  app.delete(
    "/portal/dossiers/:id/uploads/:uploadId",
    {
      schema: {
        tags,
        summary: "Gỡ tệp chưa nộp / Remove an upload not yet sent",
        params: z.strictObject({ id: Uuid, uploadId: Uuid }),
        querystring: VersionQuery,
        response: { 200: DraftView, ...errors },
      },
    },
    async (request) => {
      await asCitizen(request.principal, (act) =>
        removeUpload(act, request.params.id, request.params.uploadId, request.query.version),
      );
      return draftView(await draftOf(request.principal, request.params.id));
    },
  );

  app.get(
    "/portal/dossiers/:id/review",
    {
      schema: {
        tags,
        summary: "Kiểm tra lại thông tin trước khi nộp / Check your answers",
        params: IdParams,
        response: { 200: ReviewView, ...errors },
      },
    },
    async (request) => reviewOf(await draftOf(request.principal, request.params.id), clock()),
  );

  app.post(
    "/portal/dossiers/:id/submit",
    {
      schema: {
        tags,
        summary: "Nộp hồ sơ trực tuyến / Submit the dossier online",
        params: IdParams,
        body: VersionBody,
        response: { 200: SubmitResult, ...errors },
      },
    },
    async (request) => {
      const out = await asCitizen(request.principal, (act) =>
        submitDraft(act, request.params.id, request.body.version),
      );
      return {
        reference: out.reference,
        submittedAt: isoOf(out.row.updated_at),
        dossierId: out.row.id,
        version: out.row.version,
        acceptanceDueAt: isoOf(out.acceptanceDueAt),
        unit: out.unit,
      };
    },
  );

  app.post(
    "/portal/dossiers/:id/supplement",
    {
      schema: {
        tags,
        summary: "Gửi hồ sơ bổ sung theo yêu cầu / Answer a supplement request",
        params: IdParams,
        body: AnswerSupplementInput,
        response: { 200: MyDossierDetail, ...errors },
      },
    },
    async (request) => {
      const row = await asCitizen(request.principal, (act) =>
        answerSupplement(act, request.params.id, request.body),
      );
      return myDossierDetail(db, row, clock());
    },
  );

  app.post(
    "/portal/dossiers/:id/withdraw",
    {
      schema: {
        tags,
        summary: "Rút hồ sơ trước khi có kết quả / Withdraw before the result",
        params: IdParams,
        body: CitizenWithdrawInput,
        response: { 200: MyDossierDetail, ...errors },
      },
    },
    async (request) => {
      const row = await asCitizen(request.principal, (act) =>
        withdrawOwn(act, request.params.id, request.body),
      );
      return myDossierDetail(db, row, clock());
    },
  );

  app.post(
    "/portal/dossiers/:id/rating",
    {
      schema: {
        tags,
        summary: "Đánh giá mức độ hài lòng (NĐ 61/2018 Điều 31) / Rate the service",
        params: IdParams,
        body: RatingInput,
        response: { 201: RatingView, ...errors },
      },
    },
    async (request, reply) => {
      const rating = await asCitizen(request.principal, (act) =>
        rateDossier(act, request.params.id, request.body),
      );
      return reply.status(201).send(rating);
    },
  );

  app.get(
    "/portal/dossiers/:id/files/:fileId",
    {
      schema: {
        tags,
        summary: "Tải tệp đã nộp / Download an uploaded file",
        params: z.strictObject({ id: Uuid, fileId: Uuid }),
        response: { 200: Binary("the file"), ...errors },
      },
    },
    async (request, reply) => {
      const file = await ownUpload(
        db,
        files,
        requireCitizenPrincipal(request.principal),
        request.params.id,
        request.params.fileId,
      );
      return reply.type(file.mime).headers(downloadHeaders(file)).send(Buffer.from(file.bytes));
    },
  );

  app.get(
    "/portal/dossiers/:id/forms/:formId",
    {
      schema: {
        tags,
        summary: "Tải phiếu của Bộ phận Một cửa (PDF) / Download a form from the desk (PDF)",
        params: z.strictObject({ id: Uuid, formId: Uuid }),
        response: { 200: Binary("application/pdf"), ...errors },
      },
    },
    async (request, reply) => {
      const file = await ownForm(
        db,
        depsOf(app),
        requireCitizenPrincipal(request.principal),
        request.params.id,
        request.params.formId,
        clock(),
      );
      return reply.type(file.mime).headers(downloadHeaders(file)).send(Buffer.from(file.bytes));
    },
  );

  app.get(
    "/portal/dossiers/:id/result",
    {
      schema: {
        tags,
        summary: "Tải kết quả trả trực tuyến (PDF ký số) / Download the result returned online (signed PDF)",
        params: IdParams,
        response: { 200: Binary("the result file"), ...errors },
      },
    },
    async (request, reply) => {
      const file = await ownResult(db, files, requireCitizenPrincipal(request.principal), request.params.id);
      return reply.type(file.mime).headers(downloadHeaders(file)).send(Buffer.from(file.bytes));
    },
  );

  app.get(
    "/portal/desk/dossiers/:id/filing",
    {
      schema: {
        tags,
        summary: "Nội dung công dân đã khai trực tuyến (cán bộ) / What the citizen filed online (staff)",
        params: IdParams,
        response: { 200: FilingView, ...errors },
      },
    },
    async (request) => deskFiling(db, request.principal, request.params.id, clock()),
  );

  app.get(
    "/portal/satisfaction",
    {
      schema: {
        tags,
        summary: "Tổng hợp đánh giá hài lòng của đơn vị theo kỳ / A unit's satisfaction report for a period",
        querystring: SatisfactionQuery,
        response: { 200: SatisfactionReport, ...errors },
      },
    },
    async (request) => satisfactionReport(db, request.principal, request.query),
  );
};
