import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { z } from "zod";
import { ErrorResponse, ErrorResponses, Ok, Uuid } from "../../contracts/common.ts";
import {
  bodyLimitFor,
  CredentialRevoke,
  CredentialUpload,
  ExternalCompleteInput,
  ExternalPrepared,
  ExternalPrepareInput,
  SIGNING_LIMITS,
  SignInput,
  SigningCredential,
  SignResult,
  TrustedRoot,
  TrustedRootInput,
  VerifyInput,
  VerifyReport,
} from "../../contracts/signing.ts";
import {
  listOwnCredentials,
  listUnitCredentials,
  revokeCredential,
  uploadCredential,
} from "./credentials.ts";
import { completeExternal, prepareExternal, signDocument } from "./signing-service.ts";
import { addTrustedRoot, listTrustedRoots, removeTrustedRoot } from "./trusted-roots.ts";
import { verifyStored, verifyUpload } from "./verification.ts";

const errors = ErrorResponses;
const signingErrors = { ...errors, 410: ErrorResponse, 503: ErrorResponse };
const publicErrors = {
  400: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  413: ErrorResponse,
  415: ErrorResponse,
  422: ErrorResponse,
  429: ErrorResponse,
};
const IdParams = z.strictObject({ id: Uuid });
const FileIdParams = z.strictObject({ fileId: Uuid });
const TAGS = ["signing"];

/** Digital signatures: credentials, trusted roots, signing (stored key or external signer), verification. */
export const signingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config, files } = app.deps;
  const secrets = { serverSecret: config.signingKeySecret, demo: config.demo };
  const signing = { db, files, config, log: app.log };

  // ---- credentials --------------------------------------------------------------------------------------------

  app.get(
    "/signing/credentials",
    {
      schema: {
        tags: TAGS,
        summary: "Chứng thư số cá nhân của tôi / My personal signing credentials",
        response: { 200: z.object({ items: z.array(SigningCredential) }), ...errors },
      },
    },
    async (request) => ({ items: await listOwnCredentials(db, request.principal, clock()) }),
  );

  app.post(
    "/signing/credentials",
    {
      schema: {
        tags: TAGS,
        summary:
          "Đăng ký chứng thư số (tệp PKCS#12 hoặc chứng thư của thiết bị ký) / Add a signing credential",
        description:
          "kind p12: the PKCS#12 (base64) is opened with its password, refused when the password is wrong, the certificate expired or not valid yet, or without a signing key usage; only the sealed file is kept (AES-256-GCM, key from SIGNING_KEY_SECRET and the password). kind certificate: only the certificate, for a USB token or remote signer (see /signing/external). owner unit: the agency's seal certificate (needs signing.manage on the unit).",
        body: CredentialUpload,
        response: { 201: SigningCredential, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await uploadCredential(db, request.principal, request.body, secrets, clock())),
  );

  app.get(
    "/signing/units/:id/credentials",
    {
      schema: {
        tags: TAGS,
        summary: "Chứng thư số của cơ quan (con dấu) / A unit's seal credentials",
        params: IdParams,
        response: { 200: z.object({ items: z.array(SigningCredential) }), ...errors },
      },
    },
    async (request) => ({
      items: await listUnitCredentials(db, request.principal, request.params.id, clock()),
    }),
  );

  app.post(
    "/signing/credentials/:id/revoke",
    {
      schema: {
        tags: TAGS,
        summary: "Thu hồi chứng thư số khỏi hệ thống / Revoke a signing credential",
        params: IdParams,
        body: CredentialRevoke,
        response: { 200: SigningCredential, ...errors },
      },
    },
    async (request) => revokeCredential(db, request.principal, request.params.id, request.body, clock()),
  );

  // ---- trusted roots ------------------------------------------------------------------------------------------

  app.get(
    "/signing/trusted-roots",
    {
      schema: {
        tags: TAGS,
        summary: "Chứng thư gốc được tin cậy / Trusted root certificates",
        response: { 200: z.object({ items: z.array(TrustedRoot) }), ...errors },
      },
    },
    async (request) => ({ items: await listTrustedRoots(db, request.principal, config.demo) }),
  );

  app.post(
    "/signing/trusted-roots",
    {
      schema: {
        tags: TAGS,
        summary: "Thêm chứng thư gốc tin cậy (PEM) / Trust a root certificate (PEM or base64 DER)",
        body: TrustedRootInput,
        response: { 201: TrustedRoot, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addTrustedRoot(db, request.principal, request.body, config.demo, clock())),
  );

  app.delete(
    "/signing/trusted-roots/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Bỏ chứng thư gốc tin cậy / Stop trusting a root",
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await removeTrustedRoot(db, request.principal, request.params.id, clock());
      return { ok: true as const };
    },
  );

  // ---- signing ------------------------------------------------------------------------------------------------

  app.post(
    "/signing/sign",
    {
      bodyLimit: bodyLimitFor(SIGNING_LIMITS.pdfBytes + SIGNING_LIMITS.imageBytes),
      schema: {
        tags: TAGS,
        summary: "Ký số văn bản PDF / Sign a PDF",
        description:
          "Signs an uploaded PDF (base64) or a stored one (fileId) with a stored credential and its password: mode personal (the official's own credential, Decree 30 signature block) or seal (the unit's credential, the agency's signature with the seal image). Returns the signed PDF, stored as a signed_document, with SHA-256 before and after; one audit event document.sign.",
        body: SignInput,
        response: { 201: SignResult, ...signingErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await signDocument(signing, request.principal, request.body, clock())),
  );

  app.post(
    "/signing/external/prepare",
    {
      bodyLimit: bodyLimitFor(SIGNING_LIMITS.pdfBytes + SIGNING_LIMITS.imageBytes),
      schema: {
        tags: TAGS,
        summary: "Chuẩn bị ký bằng thiết bị ký số / Prepare a signature for a USB token or remote signer",
        description:
          "Writes the signature field and returns what to sign: for signer digest, request.digest = hash(request.signedAttributes), to be signed raw (PKCS#1 v1.5 or ECDSA) by the token; for signer cms, documentDigest, to be the message-digest of a detached CMS. The key never reaches the server. The session lasts 10 minutes.",
        body: ExternalPrepareInput,
        response: { 201: ExternalPrepared, ...signingErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await prepareExternal(signing, request.principal, request.body, clock())),
  );

  app.post(
    "/signing/external/complete",
    {
      schema: {
        tags: TAGS,
        summary: "Hoàn tất chữ ký từ thiết bị ký số / Complete an external signature",
        body: ExternalCompleteInput,
        response: { 201: SignResult, ...signingErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await completeExternal(signing, request.principal, request.body, clock())),
  );

  // ---- verification (public) ----------------------------------------------------------------------------------

  const verification = { db, files, demo: config.demo, log: app.log };

  app.post(
    "/signing/verify",
    {
      bodyLimit: bodyLimitFor(SIGNING_LIMITS.pdfBytes),
      schema: {
        tags: TAGS,
        summary: "Kiểm tra chữ ký số trên tệp PDF (công khai) / Verify the signatures of a PDF (public)",
        description:
          "Anyone may call it (with the CSRF token of GET /auth/csrf). For each signature: intact or not, changed after signing, signer and organisation, signing time, certificate validity then, and whether the chain reaches a root the administrator trusts. Limited per client address.",
        body: VerifyInput,
        response: { 200: VerifyReport, ...publicErrors },
      },
    },
    async (request) => verifyUpload(verification, request.ip, request.body, clock()),
  );

  app.get(
    "/signing/verify/:fileId",
    {
      schema: {
        tags: TAGS,
        summary: "Kiểm tra chữ ký số của văn bản do cơ quan phát hành / Verify a document a unit issued",
        params: FileIdParams,
        response: { 200: VerifyReport, ...publicErrors },
      },
    },
    async (request) =>
      verifyStored(verification, request.principal, request.ip, request.params.fileId, clock()),
  );
};
