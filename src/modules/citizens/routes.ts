import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import {
  Accepted,
  CitizenConfirm,
  CitizenLogin,
  CitizenMe,
  CitizenPasswordChange,
  CitizenProfileUpdate,
  CitizenRegistration,
  CitizenResend,
  OidcCallbackQuery,
  OidcStartQuery,
  OidcStatus,
  PasswordResetComplete,
  PasswordResetRequest,
  PORTAL_HOME_PATH,
  PORTAL_LOGIN_PATH,
  RegistrationAccepted,
} from "../../contracts/citizen-accounts.ts";
import { ErrorResponse, Ok } from "../../contracts/common.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { requireCitizen } from "../auth/require-citizen.ts";
import { clearSessionCookie, setSessionCookie } from "../auth/session-cookie.ts";
import { destroySession } from "../auth/sessions.ts";
import { loginCitizen } from "./login.ts";
import { OIDC_LOGIN_TTL_MINUTES, OidcRelyingParty, signInWithClaims } from "./oidc-login.ts";
import { resendRegistrationCode } from "./one-time-codes.ts";
import { completePasswordReset, requestPasswordReset } from "./password-reset.ts";
import { changeCitizenPassword, getCitizenMe, updateCitizenProfile } from "./profile.ts";
import { confirmRegistration, registerCitizen } from "./registration.ts";

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
  429: ErrorResponse,
};
const tags = ["citizen-accounts"];
const P = "/portal/account";
const OIDC_STATE_COOKIE = "motcua_oidc_state";
const OIDC_COOKIE_PATH = "/api/v1/portal/account/oidc";

/** Tài khoản công dân: registration, sign-in (password or identity provider), profile, password reset. */
export const citizenAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;
  const secret = config.cookieSecret;
  const publicUrl = config.publicUrl.replace(/\/+$/, "");
  const relyingParty = config.oidc ? new OidcRelyingParty(config.oidc, publicUrl) : null;
  const meta = (request: FastifyRequest) => ({
    ip: request.ip,
    userAgent: request.headers["user-agent"] ?? null,
    now: clock(),
  });
  /** A fresh session id on every sign-in: a planted cookie never becomes an authenticated one. */
  const dropPrevious = async (request: FastifyRequest) => {
    if (request.principal.kind !== "anonymous") await destroySession(db, request.principal.sessionHash);
  };

  app.post(
    `${P}/register`,
    {
      schema: {
        tags,
        summary: "Đăng ký tài khoản công dân / Register a citizen account",
        body: CitizenRegistration,
        response: { 202: RegistrationAccepted, ...errors },
      },
    },
    async (request, reply) => {
      const challenge = await registerCitizen(db, request.body, { ...meta(request), secret, publicUrl });
      return reply.status(202).send({ ...challenge, channels: ["email", "sms"] as ("email" | "sms")[] });
    },
  );

  app.post(
    `${P}/confirm`,
    {
      schema: {
        tags,
        summary: "Xác nhận đăng ký bằng mã một lần / Confirm the registration with the one-time code",
        body: CitizenConfirm,
        response: { 200: CitizenMe, ...errors },
      },
    },
    async (request, reply) => {
      const { citizenId, session } = await confirmRegistration(db, request.body, {
        ...meta(request),
        secret,
        ttlHours: config.sessionTtlHours,
      });
      await dropPrevious(request);
      setSessionCookie(reply, session, config.secureCookies);
      return getCitizenMe(db, citizenId);
    },
  );

  app.post(
    `${P}/confirm/resend`,
    {
      schema: {
        tags,
        summary: "Gửi lại mã xác nhận / Send the confirmation code again",
        body: CitizenResend,
        response: { 202: Accepted, ...errors },
      },
    },
    async (request, reply) => {
      const { ip, now } = meta(request);
      await resendRegistrationCode(db, { challengeId: request.body.challengeId, ip, secret, now });
      return reply.status(202).send({ accepted: true as const });
    },
  );

  app.post(
    `${P}/login`,
    {
      schema: {
        tags,
        summary: "Đăng nhập bằng số CCCD, thư điện tử hoặc số điện thoại / Sign in",
        body: CitizenLogin,
        response: { 200: CitizenMe, ...errors },
      },
    },
    async (request, reply) => {
      const { citizenId, session } = await loginCitizen(db, request.body, {
        ...meta(request),
        ttlHours: config.sessionTtlHours,
        secret,
      });
      await dropPrevious(request);
      setSessionCookie(reply, session, config.secureCookies);
      return getCitizenMe(db, citizenId);
    },
  );

  app.post(
    `${P}/logout`,
    { schema: { tags, summary: "Đăng xuất / Sign out", response: { 200: Ok, ...errors } } },
    async (request, reply) => {
      const principal = request.principal;
      if (principal.kind !== "anonymous") {
        await db.transaction().execute(async (tx) => {
          await destroySession(tx, principal.sessionHash);
          if (principal.kind === "citizen") {
            await recordAudit(
              tx,
              {
                actor: { kind: "citizen", id: principal.citizenId },
                action: "citizen.logout",
                entityType: "citizen",
                entityId: principal.citizenId,
                unitId: null,
                summary: {},
              },
              clock(),
            );
          }
        });
      }
      clearSessionCookie(reply, config.secureCookies);
      return { ok: true as const };
    },
  );

  app.get(
    `${P}/me`,
    { schema: { tags, summary: "Hồ sơ tài khoản / My profile", response: { 200: CitizenMe, ...errors } } },
    async (request) => getCitizenMe(db, requireCitizen(request.principal).citizenId),
  );

  app.patch(
    `${P}/me`,
    {
      schema: {
        tags,
        summary: "Cập nhật hồ sơ tài khoản / Update my profile",
        body: CitizenProfileUpdate,
        response: { 200: CitizenMe, ...errors },
      },
    },
    async (request) =>
      updateCitizenProfile(db, requireCitizen(request.principal).citizenId, request.body, clock()),
  );

  app.post(
    `${P}/password`,
    {
      schema: {
        tags,
        summary: "Đổi mật khẩu / Change my password",
        body: CitizenPasswordChange,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await changeCitizenPassword(db, requireCitizen(request.principal), request.body, clock());
      return { ok: true as const };
    },
  );

  app.post(
    `${P}/password-reset`,
    {
      schema: {
        tags,
        summary: "Quên mật khẩu: gửi liên kết đặt lại / Ask for a password reset link",
        body: PasswordResetRequest,
        response: { 202: Accepted, ...errors },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(db, request.body.login, { ...meta(request), publicUrl });
      return reply.status(202).send({ accepted: true as const });
    },
  );

  app.post(
    `${P}/password-reset/complete`,
    {
      schema: {
        tags,
        summary: "Đặt mật khẩu mới bằng liên kết / Set a new password with the reset link",
        body: PasswordResetComplete,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await completePasswordReset(db, request.body, meta(request));
      return { ok: true as const };
    },
  );

  app.get(
    `${P}/oidc`,
    {
      schema: {
        tags,
        summary:
          "Đăng nhập qua nhà cung cấp định danh có được bật không / Is identity-provider sign-in offered",
        response: { 200: OidcStatus },
      },
    },
    async () => ({
      enabled: relyingParty !== null,
      providerName: config.oidc?.providerName ?? null,
      startUrl: relyingParty ? `/api/v1/portal/account/oidc/start` : null,
    }),
  );

  app.get(
    `${P}/oidc/start`,
    {
      schema: {
        tags,
        summary: "Chuyển sang nhà cung cấp định danh / Go to the identity provider",
        querystring: OidcStartQuery,
        response: { 302: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      if (!relyingParty) throw new AppError("OIDC_NOT_CONFIGURED");
      const { url, state } = await relyingParty.start(
        db,
        request.query.returnTo ?? PORTAL_HOME_PATH,
        clock(),
      );
      reply.setCookie(OIDC_STATE_COOKIE, state, {
        path: OIDC_COOKIE_PATH,
        httpOnly: true,
        // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
        sameSite: "lax",
        secure: config.secureCookies,
        signed: true,
        maxAge: OIDC_LOGIN_TTL_MINUTES * 60,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    `${P}/oidc/callback`,
    {
      schema: {
        tags,
        summary: "Nhà cung cấp định danh trả về / Return from the identity provider",
        querystring: OidcCallbackQuery,
        response: { 302: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      if (!relyingParty || !config.oidc) throw new AppError("OIDC_NOT_CONFIGURED");
      const signed = request.cookies[OIDC_STATE_COOKIE];
      const unsigned = signed ? request.unsignCookie(signed) : null;
      reply.clearCookie(OIDC_STATE_COOKIE, { path: OIDC_COOKIE_PATH });
      try {
        const callbackUrl = new URL(request.url, relyingParty.redirectUri);
        const { claims, returnTo } = await relyingParty.finish(
          db,
          callbackUrl,
          unsigned?.valid ? (unsigned.value ?? undefined) : undefined,
          clock(),
        );
        const { session } = await signInWithClaims(db, config.oidc, claims, {
          ...meta(request),
          ttlHours: config.sessionTtlHours,
        });
        await dropPrevious(request);
        setSessionCookie(reply, session, config.secureCookies);
        return reply.redirect(returnTo, 302);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        request.log.warn({ code: error.code, details: error.details }, "identity provider sign-in refused");
        return reply.redirect(`${PORTAL_LOGIN_PATH}?loi=${encodeURIComponent(error.code)}`, 302);
      }
    },
  );
};
