import { hasZodFastifySchemaValidationErrors } from "@fastify/type-provider-zod";
import type { FastifyError, FastifyInstance } from "fastify";
import { AppError, type ErrorCode } from "../errors.ts";
import { classifyInfrastructureFailure, RETRY_AFTER_SECONDS } from "./infrastructure-errors.ts";

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "VALIDATION_FAILED",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_EMPTY_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_INVALID_JSON_BODY: "INVALID_JSON",
  FST_ERR_VALIDATION: "VALIDATION_FAILED",
  FST_ERR_CSRF_INVALID_TOKEN: "CSRF_INVALID",
  FST_CSRF_INVALID_TOKEN: "CSRF_INVALID",
  FST_CSRF_MISSING_SECRET: "CSRF_INVALID",
  FST_ERR_MULTIPART_FILE_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_FILES_LIMIT: "PAYLOAD_TOO_LARGE",
  FST_PARTS_LIMIT: "PAYLOAD_TOO_LARGE",
  FST_REQ_FILE_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "UNSUPPORTED_MEDIA_TYPE",
};

function byStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return "UNAUTHENTICATED";
    case 403:
      return "FORBIDDEN";
    case 404:
      return "NOT_FOUND";
    case 405:
      return "METHOD_NOT_ALLOWED";
    case 409:
      return "CONFLICT";
    case 413:
      return "PAYLOAD_TOO_LARGE";
    case 415:
      return "UNSUPPORTED_MEDIA_TYPE";
    case 429:
      return "RATE_LIMITED";
    default:
      return "VALIDATION_FAILED";
  }
}

/** Every failure leaves in the error shape of DESIGN.md; 5xx never carry internals. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(error.toBody());
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: v.instancePath,
        message: v.message,
        ...(v.params && typeof v.params === "object" && "issue" in v.params
          ? { code: (v.params.issue as { code?: string }).code }
          : {}),
      }));
      return reply.status(400).send(new AppError("VALIDATION_FAILED", { details }).toBody());
    }
    const fastifyError = error as FastifyError;
    const status = fastifyError.statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      const code = (fastifyError.code && FASTIFY_CODES[fastifyError.code]) || byStatus(status);
      const appError = new AppError(code);
      return reply.status(appError.status === status ? status : appError.status).send(appError.toBody());
    }
    const failure = classifyInfrastructureFailure(error);
    if (failure) {
      request.log.warn({ err: error }, failure === "STORAGE_FULL" ? "disk full" : "database unavailable");
      const appError = new AppError(failure);
      return reply
        .status(appError.status)
        .header("retry-after", String(RETRY_AFTER_SECONDS[failure]))
        .send(appError.toBody());
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.status(500).send({
      error: {
        code: "INTERNAL",
        message: "Đã có lỗi xảy ra ở máy chủ. Vui lòng thử lại sau.",
        messageEn: "Something went wrong on the server. Please try again later.",
      },
    });
  });
}
