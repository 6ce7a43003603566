/** HTTP: the public lookup, inboxes and search, the dossier page, forms and files, and the registers. */

import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { z } from "zod";
import { ErrorResponse, Uuid } from "../../contracts/common.ts";
import {
  CitizenCopyInput,
  ControlSheet,
  ControlSheetQuery,
  DossierDetail,
  DossierList,
  DossierSearchQuery,
  FileUploadInput,
  InboxQuery,
  LookupQuery,
  LookupResult,
  TrackingBook,
  TrackingBookQuery,
  UploadedFile,
  Workload,
} from "../../contracts/dossiers.ts";
import { AppError } from "../../errors.ts";
import { contentDisposition } from "../../http/content-disposition.ts";
import { requireStaff } from "../auth/policy.ts";
import { actorOf } from "../auth/principal.ts";
import { assertCanRead } from "./access.ts";
import { dossierDetail } from "./detail.ts";
import { citizenCopy, formFileName, materializeForm } from "./forms.ts";
import { inbox, searchDossiers, workload } from "./inbox.ts";
import { lookupDossier } from "./lookup.ts";
import { dossierFile, uploadDossierFile, uploadedFile } from "./notes-files.ts";
import { depsOf } from "./perform.ts";
import {
  controlSheetData,
  controlSheetFile,
  controlSheetJson,
  trackingBook,
  trackingBookFile,
} from "./registers.ts";
import { dossierActionRoutes, errors, IdParams } from "./routes-actions.ts";

/** Files (PDF, XLSX, scans) are sent as bytes and documented as binary strings. */
const Binary = (description: string) =>
  z.instanceof(Uint8Array).meta({ description, type: "string", format: "binary" });

export const dossierRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, files } = app.deps;
  const tags = ["dossiers"];

  const loadVisible = async (principal: Parameters<typeof assertCanRead>[1], id: string) => {
    const row = await db.selectFrom("dossiers").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw new AppError("NOT_FOUND", { details: { entity: "dossier" } });
    await assertCanRead(db, principal, row);
    return row;
  };

  app.get(
    "/dossiers/lookup",
    {
      schema: {
        tags,
        summary: "Tra cứu hồ sơ (công khai) / Public dossier lookup",
        description:
          "Mã hồ sơ và mã tra cứu in trên Giấy tiếp nhận. Sai mã hay sai mã tra cứu đều trả 404. / Code and secret from the receipt; a wrong code or secret both answer 404.",
        querystring: LookupQuery,
        response: { 200: LookupResult, 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const result = await lookupDossier(db, request.query, request.ip, clock());
      return reply.header("cache-control", "no-store").send(result);
    },
  );

  app.get(
    "/dossiers/workload",
    {
      schema: {
        tags,
        summary: "Số việc đang chờ theo vai trò / What waits for me, by urgency",
        response: { 200: Workload, ...errors },
      },
    },
    async (request) => workload(db, request.principal, clock()),
  );

  app.get(
    "/dossiers/inbox",
    {
      schema: {
        tags,
        summary:
          "Hộp việc: hồ sơ cần xử lý, cờ sắp đến hạn và quá hạn / Inbox with due-soon and overdue flags",
        querystring: InboxQuery,
        response: { 200: DossierList, ...errors },
      },
    },
    async (request) => inbox(db, request.principal, request.query, clock()),
  );

  app.get(
    "/dossiers",
    {
      schema: {
        tags,
        summary: "Tìm hồ sơ trong phạm vi / Search dossiers in scope",
        querystring: DossierSearchQuery,
        response: { 200: DossierList, ...errors },
      },
    },
    async (request) => searchDossiers(db, request.principal, request.query, clock()),
  );

  app.get(
    "/dossiers/tracking-book",
    {
      schema: {
        tags,
        summary: "Sổ theo dõi hồ sơ của đơn vị (JSON, PDF, XLSX) / A unit's tracking book",
        querystring: TrackingBookQuery,
        response: { 200: z.union([TrackingBook, Binary("application/pdf or XLSX")]), ...errors },
      },
    },
    async (request, reply) => {
      const { json, data } = await trackingBook(db, request.principal, request.query, clock());
      const format = request.query.format ?? "json";
      if (format === "json") return json;
      const file = await trackingBookFile(data, json.unit.code, format);
      return reply
        .type(file.contentType)
        .header("content-disposition", contentDisposition(file.filename))
        .send(Buffer.from(file.bytes));
    },
  );

  app.get(
    "/dossiers/:id",
    {
      schema: {
        tags,
        summary: "Hồ sơ: chi tiết và toàn bộ quá trình / A dossier with its whole history",
        params: IdParams,
        response: { 200: DossierDetail, ...errors },
      },
    },
    async (request) => {
      const row = await loadVisible(request.principal, request.params.id);
      return dossierDetail(db, requireStaff(request.principal), row, clock().getTime());
    },
  );

  app.get(
    "/dossiers/:id/control-sheet",
    {
      schema: {
        tags,
        summary: "Phiếu kiểm soát quá trình giải quyết hồ sơ (JSON, PDF, XLSX) / Control sheet",
        params: IdParams,
        querystring: ControlSheetQuery,
        response: { 200: z.union([ControlSheet, Binary("application/pdf or XLSX")]), ...errors },
      },
    },
    async (request, reply) => {
      const row = await loadVisible(request.principal, request.params.id);
      const data = await controlSheetData(db, row, clock());
      const format = request.query.format ?? "json";
      if (format === "json") return controlSheetJson(data);
      const file = await controlSheetFile(data, format);
      return reply
        .type(file.contentType)
        .header("content-disposition", contentDisposition(file.filename))
        .send(Buffer.from(file.bytes));
    },
  );

  app.get(
    "/dossiers/:id/forms/:formId",
    {
      schema: {
        tags,
        summary: "Tải biểu mẫu đã ban hành (PDF) / Download an issued form (PDF)",
        params: z.strictObject({ id: Uuid, formId: Uuid }),
        response: { 200: Binary("application/pdf"), ...errors },
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request.principal);
      const row = await loadVisible(staff, request.params.id);
      const exists = await db
        .selectFrom("dossier_forms")
        .select("id")
        .where("id", "=", request.params.formId)
        .where("dossier_id", "=", row.id)
        .executeTakeFirst();
      if (!exists) throw new AppError("NOT_FOUND", { details: { entity: "form" } });
      const { bytes, form } = await materializeForm(db, depsOf(app), exists.id, actorOf(staff), clock());
      return reply
        .type("application/pdf")
        .header("content-disposition", contentDisposition(formFileName(form, row.code), true))
        .header("cache-control", "private, no-store")
        .send(Buffer.from(bytes));
    },
  );

  app.post(
    "/dossiers/:id/receipt/citizen-copy",
    {
      schema: {
        tags,
        summary:
          "In liên giao người nộp của Giấy tiếp nhận (có mã tra cứu) / Print the applicant's receipt copy",
        params: IdParams,
        body: CitizenCopyInput,
        response: { 200: Binary("application/pdf"), ...errors },
      },
    },
    async (request, reply) => {
      const row = await loadVisible(request.principal, request.params.id);
      const { bytes, filename } = await citizenCopy(db, depsOf(app), row, request.body.secret);
      return reply
        .type("application/pdf")
        .header("content-disposition", contentDisposition(filename, true))
        .header("cache-control", "private, no-store")
        .send(Buffer.from(bytes));
    },
  );

  app.get(
    "/dossiers/:id/files/:fileId",
    {
      schema: {
        tags,
        summary: "Tải tệp của hồ sơ / Download a file of the dossier",
        params: z.strictObject({ id: Uuid, fileId: Uuid }),
        response: { 200: Binary("the file"), ...errors },
      },
    },
    async (request, reply) => {
      const file = await dossierFile(db, request.principal, request.params.id, request.params.fileId);
      return reply
        .type(file.mime)
        .header("content-disposition", contentDisposition(file.name))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(Buffer.from(await files.get(file.sha256)));
    },
  );

  app.post(
    "/dossier-files",
    {
      bodyLimit: Math.ceil((10 * 1024 * 1024) / 3) * 4 + 64 * 1024,
      schema: {
        tags,
        summary: "Tải lên bản quét, tệp đính kèm (PDF, JPEG, PNG; base64) / Upload a scan or attachment",
        body: FileUploadInput,
        response: { 201: UploadedFile, ...errors },
      },
    },
    async (request, reply) => {
      const file = await uploadDossierFile(db, files, request.principal, request.body, clock());
      return reply.status(201).send(file);
    },
  );

  app.get(
    "/dossier-files/:id",
    {
      schema: {
        tags,
        summary: "Tải tệp vừa tải lên của đơn vị / Download an upload of one's unit",
        params: IdParams,
        response: { 200: Binary("the file"), ...errors },
      },
    },
    async (request, reply) => {
      const file = await uploadedFile(db, request.principal, request.params.id);
      return reply
        .type(file.mime)
        .header("content-disposition", contentDisposition(file.name))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(Buffer.from(await files.get(file.sha256)));
    },
  );

  await app.register(dossierActionRoutes);
};
