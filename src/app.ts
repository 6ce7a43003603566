import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyHelmet from "@fastify/helmet";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "@fastify/type-provider-zod";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import type { DemoMailbox } from "./adapters/messaging/demo-mailbox.ts";
import { localGatewayPlugin, localGatewayRelay } from "./adapters/payment/local-gateway.ts";
import type { FileStore } from "./adapters/storage/file-store.ts";
import { type Config, LOCAL_GATEWAY_PREFIX } from "./config.ts";
import type { Engine } from "./db/connection.ts";
import type { Db } from "./db/database.ts";
import { AppError } from "./errors.ts";
import { clientErrorHandler } from "./http/client-error.ts";
import { installErrorHandler } from "./http/error-handler.ts";
import { installStrictJsonParser } from "./http/json-parser.ts";
import { registerWebAssets, serveWeb } from "./http/web.ts";
import { auditRoutes } from "./modules/audit/routes.ts";
import { csrfCookieName, csrfUserInfo } from "./modules/auth/csrf.ts";
import { assertPasswordChangeNotPending } from "./modules/auth/password-change-gate.ts";
import { ANONYMOUS, type Principal } from "./modules/auth/principal.ts";
import { authRoutes } from "./modules/auth/routes.ts";
import { principalFromToken, sessionCookieName } from "./modules/auth/sessions.ts";
import { registerControlRoutes } from "./modules/backup/control.ts";
import { calendarRoutes } from "./modules/calendar/routes.ts";
import { catalogRoutes } from "./modules/catalog/routes.ts";
import { citizenAccountRoutes } from "./modules/citizens/routes.ts";
import { deskRoutes } from "./modules/desk/plugin.ts";
import { documentRoutes } from "./modules/documents/routes.ts";
import { type FormRenderQueue, formRenderQueue } from "./modules/dossiers/form-renders.ts";
import { dossierRoutes } from "./modules/dossiers/routes.ts";
import { open311Routes } from "./modules/feedback/open311/routes.ts";
import { feedbackRoutes } from "./modules/feedback/routes.ts";
import { healthRoutes } from "./modules/health/routes.ts";
import { notificationRoutes } from "./modules/notifications/routes.ts";
import { paymentRoutes } from "./modules/payments/routes.ts";
import { portalDossierRoutes } from "./modules/portal/routes.ts";
import { reportRoutes } from "./modules/reports/routes.ts";
import { signingRoutes } from "./modules/signing/routes.ts";
import { staffRoutes } from "./modules/staff/routes.ts";
import { systemRoutes } from "./modules/system/routes.ts";
import { unitRoutes } from "./modules/units/routes.ts";

export type Clock = () => Date;

export interface AppDeps {
  db: Db;
  engine: Engine;
  config: Config;
  clock: Clock;
  files: FileStore;
  /** Set when the server runs on the embedded database: authorises local backups through the running server. */
  controlToken?: string;
  /** Demo mode without SMTP_URL/SMS_URL: what the local mail catcher and SMS peer received. */
  demoMailbox?: DemoMailbox;
  /** A cluster worker: the demo's local payment gateway runs in the primary, at this address. */
  localGatewayUpstream?: string;
}

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps;
    /** Dossier forms drawn off the request path, in the render pool. */
    formRenders: FormRenderQueue;
    /** Every route registered, for the OpenAPI coverage test and the isolation matrix. */
    motcuaRoutes: { method: string; url: string }[];
  }
  interface FastifyRequest {
    principal: Principal;
  }
  interface FastifyContextConfig {
    /** false on routes that authenticate otherwise (signed callbacks, API keys) or change nothing. */
    csrf?: boolean;
  }
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const API_PREFIX = "/api/v1";
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** A hop count trusts the `hops` proxies nearest the server (proxy-addr's rule), never the client's own entry. */
function trustProxyOption(
  trust: Config["trustProxy"],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === "number") return (_address, hop) => hop < trust;
  return trust;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.logLevel === "silent" ? false : { level: deps.config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(deps.config.trustProxy),
    ajv: { customOptions: { coerceTypes: false } },
    routerOptions: { maxParamLength: 200 },
    clientErrorHandler,
    // Errors the router raises before any route runs still leave in the error shape.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const code = error.code === "FST_ERR_MAX_PARAM_LENGTH" ? "URI_TOO_LONG" : "BAD_URL";
      const appError = new AppError(code);
      void reply.status(appError.status).send(appError.toBody());
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate("deps", deps);
  const formRenders = formRenderQueue(
    deps.db,
    deps.files,
    deps.clock,
    (error) =>
      app.log.error(
        { err: error },
        "dossier form rendering failed; the render pass or the first download retries it",
      ),
    deps.config.jobs.leaseSeconds,
  );
  app.decorate("formRenders", formRenders);
  // Renders kicked after a commit finish before the database is closed.
  app.addHook("onClose", () => formRenders.settled());
  const routes: { method: string; url: string }[] = [];
  app.decorate("motcuaRoutes", routes);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") routes.push({ method, url: route.url });
    }
  });
  const principals = new WeakMap<object, Principal>();
  app.decorateRequest("principal", {
    getter() {
      return principals.get(this) ?? ANONYMOUS;
    },
    setter(value: Principal) {
      principals.set(this, value);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installStrictJsonParser(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: deps.config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie, { secret: deps.config.cookieSecret });
  await app.register(fastifyCsrf, {
    sessionPlugin: "@fastify/cookie",
    cookieKey: csrfCookieName(deps.config.secureCookies),
    // The token is bound to the session it was issued in (HMAC of the session id hash): a token read in one
    // session, or a secret cookie tossed in from a sibling host, is no use in another.
    getUserInfo: (request) => csrfUserInfo(request.principal),
    csrfOpts: { hmacKey: deps.config.cookieSecret },
    cookieOpts: {
      path: "/",
      sameSite: "strict",
      httpOnly: true,
      secure: deps.config.secureCookies,
      signed: true,
    },
  });

  app.addHook("onRequest", async (request) => {
    const token = request.cookies[sessionCookieName(deps.config.secureCookies)];
    request.principal = token ? await principalFromToken(deps.db, token, deps.clock()) : ANONYMOUS;
  });
  // Decided on the route the router matched, never on the raw request line: "/%61pi/v1/…" and the absolute form
  // "http://host/api/v1/…" reach the same handlers as "/api/v1/…" and are checked the same way.
  app.addHook("onRequest", (request, reply, done) => {
    const route = request.routeOptions;
    if (
      !UNSAFE_METHODS.has(request.method) ||
      route.config?.csrf === false ||
      !route.url?.startsWith(`${API_PREFIX}/`)
    ) {
      done();
      return;
    }
    app.csrfProtection(request, reply, done);
  });
  // A temporary password must be changed before the session does anything else (issue 14, finding 11).
  app.addHook("onRequest", async (request) => {
    const url = request.routeOptions.url;
    if (url?.startsWith(`${API_PREFIX}/`))
      await assertPasswordChangeNotPending(deps.db, request.principal, request.method, url);
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "motcua API",
        description: "Một cửa: thủ tục hành chính, hồ sơ, văn bản, ký số. / The one-stop shop API.",
        version: "1.0.0",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: sessionCookieName(deps.config.secureCookies) },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  await app.register(healthRoutes);
  registerControlRoutes(app, () => deps.controlToken);
  await app.register(
    async (api) => {
      api.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
      await api.register(authRoutes);
      await api.register(unitRoutes);
      await api.register(staffRoutes);
      await api.register(auditRoutes);
      await api.register(calendarRoutes);
      await api.register(catalogRoutes);
      await api.register(dossierRoutes);
      await api.register(signingRoutes);
      await api.register(citizenAccountRoutes);
      await api.register(notificationRoutes);
      await api.register(paymentRoutes);
      await api.register(portalDossierRoutes);
      await api.register(feedbackRoutes);
      await api.register(systemRoutes);
      await api.register(deskRoutes);
      await api.register(documentRoutes);
      await api.register(reportRoutes);
    },
    { prefix: API_PREFIX },
  );
  // Open311 GeoReport v2: public by design, outside /api (its clients send no CSRF token); see SECURITY.md.
  await app.register(open311Routes, { prefix: "/open311/v2" });

  // Demo mode without a configured gateway: the local VNPay-protocol gateway, served by this process.
  const payment = deps.config.payment;
  if (payment?.localGateway && deps.localGatewayUpstream) {
    await app.register(localGatewayRelay(deps.localGatewayUpstream), { prefix: LOCAL_GATEWAY_PREFIX });
  } else if (payment?.localGateway) {
    const merchant = {
      tmnCode: payment.tmnCode,
      hashSecret: payment.hashSecret,
      ipnUrl: payment.localGateway.ipnUrl,
    };
    await app.register(
      localGatewayPlugin({ merchants: new Map([[merchant.tmnCode, merchant]]), clock: deps.clock }),
      {
        prefix: LOCAL_GATEWAY_PREFIX,
      },
    );
  }

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || request.method !== "GET") {
      return reply.status(404).send(new AppError("ROUTE_NOT_FOUND").toBody());
    }
    return serveWeb(request, reply);
  });
  await registerWebAssets(app);
  return app;
}
