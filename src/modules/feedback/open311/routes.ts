/**
 * Open311 GeoReport v2 at /open311/v2/ (DESIGN.md contracts): discovery, services, services/{code}, requests
 * (POST to file, GET with the spec's filters), requests/{id} and tokens/{token}, each as .xml or .json.
 *
 * Public by design: anyone may read and file, as on the public web form, under the same abuse controls
 * (src/modules/feedback/intake.ts) plus READS_PER_MINUTE reads per address. jurisdiction_id is the unit's
 * identifier code and is required where the spec lets a multi-jurisdiction server require it (services, POST and
 * GET requests). An api_key identifies a client that files on behalf of others: an unknown or revoked key, or one
 * issued by a unit that does not cover the jurisdiction, is refused (403); a valid key is rate-limited per key
 * instead of per address. Errors use the spec's <errors><error><code/><description/></error></errors> (or its
 * JSON array) with the HTTP status as the code; descriptions are Vietnamese / English.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { Email, Phone } from "../../../contracts/common.ts";
import type { Executor } from "../../../db/database.ts";
import { parseInstant } from "../../../domain/calendar/index.ts";
import { SUBJECTS } from "../../../domain/feedback/index.ts";
import { AppError } from "../../../errors.ts";
import { enforceRateLimit } from "../../auth/rate-limit.ts";
import { findUnitByCode } from "../../units/queries.ts";
import { receiveFeedback } from "../intake.ts";
import { clientOfKey } from "../settings.ts";
import { findRequestById, findRequestByToken, findRequests, requestOnWire } from "./requests.ts";
import { definitionForXml, SERVICES, serviceByCode, serviceDefinition, serviceListItem } from "./services.ts";
import { CONTENT_TYPES, type Format, renderErrors, renderList, renderObject, splitFormat } from "./wire.ts";

export const READS_PER_MINUTE = 120;
/** The spec's default window and cap for GET requests. */
export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;
const SPEC_URL = "http://wiki.open311.org/GeoReport_v2";
const CHANGESET = "2026-12-07T00:00:00+07:00";

class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

const bad = (vi: string, en: string) => new Open311Error(400, `${vi} / ${en}`);
const notFound = (vi: string, en: string) => new Open311Error(404, `${vi} / ${en}`);

type Params = Record<string, string | undefined>;

function send(reply: FastifyReply, format: Format, status: number, body: string) {
  return reply.status(status).header("content-type", CONTENT_TYPES[format]).send(body);
}

function formatOf(file: string): Format {
  return splitFormat(file)?.format ?? "xml";
}

function params(request: FastifyRequest): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    if (typeof v === "string") out[k] = v;
  }
  const body = request.body;
  if (body instanceof URLSearchParams) {
    for (const [k, v] of body) out[k] = v;
  } else if (body && typeof body === "object") {
    for (const [k, v] of Object.entries(body as Record<string, unknown>))
      if (typeof v === "string") out[k] = v;
  }
  return out;
}

async function jurisdiction(db: Executor, p: Params, required: boolean) {
  const code = p.jurisdiction_id?.trim();
  if (!code) {
    if (required)
      throw bad("Thiếu jurisdiction_id (mã định danh đơn vị)", "jurisdiction_id was not provided");
    return null;
  }
  const unit = await findUnitByCode(db, code);
  if (!unit?.active) throw notFound("Không có đơn vị với jurisdiction_id này", "jurisdiction_id not found");
  return unit;
}

function dateParam(value: string | undefined, name: string): Date | null {
  if (!value) return null;
  try {
    return new Date(parseInstant(value));
  } catch {
    throw bad(`${name} không đúng định dạng W3C (ISO 8601)`, `${name} is not a W3C (ISO 8601) datetime`);
  }
}

function printable(text: string): boolean {
  return !/\p{Cc}/u.test(text.replace(/[\t\n\r]/g, "")) && !text.includes("\uFFFD");
}
const Text = (max: number) => z.string().trim().min(1).max(max).refine(printable);

const PostFields = z.object({
  service_code: z.enum(SUBJECTS),
  description: Text(5000),
  name: Text(200),
  phone: Phone,
  email: Email.optional(),
  submitter_address: Text(500),
  procedure: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9.-]+$/)
    .optional(),
  dossier_code: Text(80).optional(),
});

const FIELD_NAMES: Record<string, string> = {
  service_code: "service_code",
  description: "description",
  name: "first_name/last_name",
  phone: "phone",
  email: "email",
  submitter_address: "attribute[submitter_address]",
  procedure: "attribute[procedure]",
  dossier_code: "attribute[dossier_code]",
};

export const open311Routes: FastifyPluginAsync = async (app) => {
  const { db, clock, files, config } = app.deps;

  // The spec's POST body is form-encoded; text must be UTF-8 (a byte that is not decodes to U+FFFD, refused above).
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 64 * 1024 },
    (_request, body, done) => done(null, new URLSearchParams(body as string)),
  );

  app.setErrorHandler((error, request, reply) => {
    const file = (request.params as { file?: string } | undefined)?.file ?? "";
    const format = formatOf(file);
    if (error instanceof Open311Error)
      return send(
        reply,
        format,
        error.status,
        renderErrors(format, [{ code: error.status, description: error.description }]),
      );
    if (error instanceof AppError)
      return send(
        reply,
        format,
        error.status,
        renderErrors(format, [
          { code: error.status, description: `${error.messageVi} / ${error.messageEn}` },
        ]),
      );
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500)
      return send(
        reply,
        format,
        status,
        renderErrors(format, [{ code: status, description: "Yêu cầu không hợp lệ / Bad request" }]),
      );
    request.log.error(error);
    return send(
      reply,
      format,
      500,
      renderErrors(format, [{ code: 500, description: "Lỗi máy chủ / Server error" }]),
    );
  });
  app.setNotFoundHandler((request, reply) => {
    const format = request.url.split("?")[0]?.endsWith(".json") ? "json" : "xml";
    return send(
      reply,
      format,
      404,
      renderErrors(format, [{ code: 404, description: "Không có tài nguyên này / No such resource" }]),
    );
  });

  const limitReads = (request: FastifyRequest) =>
    enforceRateLimit(db, `open311:read:${request.ip}`, READS_PER_MINUTE, 60, clock());

  const fileParams = z.object({ file: z.string().max(200) });

  app.get("/:file", async (request, reply) => {
    const { file } = fileParams.parse(request.params);
    const split = splitFormat(file);
    if (!split) throw notFound("Chỉ hỗ trợ .xml và .json", "Only .xml and .json are served");
    const { name, format } = split;
    await limitReads(request);
    const p = params(request);
    if (name === "discovery") {
      const base = `${config.publicUrl.replace(/\/+$/, "")}/open311/v2`;
      const endpoint = {
        specification: SPEC_URL,
        url: base,
        changeset: CHANGESET,
        type: "production",
      };
      const formats = ["text/xml", "application/json"];
      const common = {
        changeset: CHANGESET,
        contact:
          "Bộ phận tiếp nhận phản ánh, kiến nghị của từng đơn vị (trang công khai của đơn vị). / The feedback desk of each unit.",
        key_service:
          "Đơn vị cấp api_key cho ứng dụng gửi thay người dân; gửi trực tiếp không cần khóa. / Units issue api_keys to clients that file on behalf of others; filing directly needs no key.",
      };
      const body =
        format === "json"
          ? renderObject(format, "discovery", { ...common, endpoints: [{ ...endpoint, formats }] })
          : renderObject(format, "discovery", {
              ...common,
              endpoints: { endpoint: { ...endpoint, formats: { format: formats } } },
            });
      return send(reply, format, 200, body);
    }
    if (name === "services") {
      await jurisdiction(db, p, true);
      return send(
        reply,
        format,
        200,
        renderList(format, "services", "service", SERVICES.map(serviceListItem)),
      );
    }
    if (name === "requests") {
      const unit = await jurisdiction(db, p, true);
      const ids = p.service_request_id
        ?.split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      if (ids?.some((id) => !/^\d{1,18}$/.test(id)))
        throw bad("service_request_id phải là số", "service_request_id must be numeric");
      const serviceCodes = p.service_code
        ?.split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const statuses = p.status
        ?.split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      if (statuses?.some((s) => s !== "open" && s !== "closed"))
        throw bad("status chỉ nhận open hoặc closed", "status must be open or closed");
      const day = 86_400_000;
      let start = dateParam(p.start_date, "start_date");
      let end = dateParam(p.end_date, "end_date");
      if (!start && !end) end = clock();
      if (!start) start = new Date((end as Date).getTime() - DEFAULT_WINDOW_DAYS * day);
      if (!end) end = new Date(start.getTime() + DEFAULT_WINDOW_DAYS * day);
      if (end < start) throw bad("end_date trước start_date", "end_date is before start_date");
      if (end.getTime() - start.getTime() > DEFAULT_WINDOW_DAYS * day)
        throw bad("Khoảng thời gian tối đa 90 ngày", "The date range may span at most 90 days");
      const rows = await findRequests(db, {
        ...(ids && ids.length > 0 ? { ids } : {}),
        unitId: unit?.id as string,
        ...(serviceCodes ? { serviceCodes } : {}),
        start,
        end,
        ...(statuses ? { statuses: statuses as ("open" | "closed")[] } : {}),
        limit: MAX_REQUESTS,
      });
      return send(
        reply,
        format,
        200,
        renderList(format, "service_requests", "request", rows.map(requestOnWire)),
      );
    }
    throw notFound("Không có tài nguyên này", "No such resource");
  });

  app.get("/services/:file", async (request, reply) => {
    const { file } = fileParams.parse(request.params);
    const split = splitFormat(file);
    if (!split) throw notFound("Chỉ hỗ trợ .xml và .json", "Only .xml and .json are served");
    await limitReads(request);
    const unit = await jurisdiction(db, params(request), true);
    const service = serviceByCode(split.name);
    if (!service || !unit) throw notFound("Không có service_code này", "service_code not found");
    const def = await serviceDefinition(db, service, unit.id);
    const body =
      split.format === "json"
        ? renderObject("json", "service_definition", def)
        : renderObject("xml", "service_definition", definitionForXml(def));
    return send(reply, split.format, 200, body);
  });

  app.get("/requests/:file", async (request, reply) => {
    const { file } = fileParams.parse(request.params);
    const split = splitFormat(file);
    if (!split) throw notFound("Chỉ hỗ trợ .xml và .json", "Only .xml and .json are served");
    await limitReads(request);
    const unit = await jurisdiction(db, params(request), false);
    const row = /^\d{1,18}$/.test(split.name) ? await findRequestById(db, split.name) : undefined;
    if (!row || (unit && row.unit_id !== unit.id))
      throw notFound("Không có service_request_id này", "service_request_id not found");
    return send(
      reply,
      split.format,
      200,
      renderList(split.format, "service_requests", "request", [requestOnWire(row)]),
    );
  });

  app.get("/tokens/:file", async (request, reply) => {
    const { file } = fileParams.parse(request.params);
    const split = splitFormat(file);
    if (!split) throw notFound("Chỉ hỗ trợ .xml và .json", "Only .xml and .json are served");
    await limitReads(request);
    const row = await findRequestByToken(db, split.name);
    if (!row) throw notFound("Không có token này", "token not found");
    return send(
      reply,
      split.format,
      200,
      renderList(split.format, "service_requests", "request", [
        { service_request_id: String(row.request_number), token: row.code },
      ]),
    );
  });

  app.post("/:file", async (request, reply) => {
    const { file } = fileParams.parse(request.params);
    const split = splitFormat(file);
    if (split?.name !== "requests") throw notFound("Không có tài nguyên này", "No such resource");
    const { format } = split;
    const p = params(request);
    let clientId: string | null = null;
    if (p.api_key !== undefined) {
      const client = await clientOfKey(db, p.api_key);
      if (!client) throw new Open311Error(403, "api_key không hợp lệ / api_key is invalid");
      clientId = client.id;
      const unit = await jurisdiction(db, p, true);
      const issuer = await db
        .selectFrom("units")
        .select("path")
        .where("id", "=", client.unitId)
        .executeTakeFirstOrThrow();
      if (!unit?.path.startsWith(issuer.path))
        throw new Open311Error(
          403,
          "api_key không dùng được cho đơn vị này / api_key is not valid for this jurisdiction",
        );
    }
    const unit = await jurisdiction(db, p, true);
    if (!p.service_code) throw bad("Thiếu service_code", "service_code was not provided");
    if (!serviceByCode(p.service_code)) throw notFound("Không có service_code này", "service_code not found");
    const name = [p.last_name, p.first_name]
      .map((s) => s?.trim())
      .filter(Boolean)
      .join(" ");
    const parsed = PostFields.safeParse({
      service_code: p.service_code,
      description: p.description,
      name,
      phone: p.phone,
      email: p.email || undefined,
      submitter_address: p["attribute[submitter_address]"],
      procedure: p["attribute[procedure]"] || undefined,
      dossier_code: p["attribute[dossier_code]"] || undefined,
    });
    if (!parsed.success) {
      const fields = [
        ...new Set(parsed.error.issues.map((i) => FIELD_NAMES[String(i.path[0])] ?? String(i.path[0]))),
      ];
      throw bad(`Thiếu hoặc sai: ${fields.join(", ")}`, `Missing or invalid: ${fields.join(", ")}`);
    }
    const f = parsed.data;
    const result = await receiveFeedback(
      { db, files, publicUrl: config.publicUrl },
      {
        unit: unit?.code as string,
        subject: f.service_code,
        procedure: f.procedure,
        dossierCode: f.dossier_code,
        content: f.description,
        name: f.name,
        address: f.submitter_address,
        phone: f.phone,
        email: f.email,
        channel: "open311",
      },
      { kind: "open311", ip: request.ip, clientId },
      clock(),
    );
    return send(
      reply,
      format,
      201,
      renderList(format, "service_requests", "request", [
        {
          service_request_id: result.requestNumber,
          token: result.code,
          service_notice: `Mã phản ánh: ${result.code}. Mã tra cứu (giữ bí mật): ${result.secret}. / Tracking code ${result.code}, lookup secret ${result.secret}.`,
          account_id: null,
        },
      ]),
    );
  });
};
