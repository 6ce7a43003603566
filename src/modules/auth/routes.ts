import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import QRCode from "qrcode";
import type { z } from "zod";
import {
  CsrfToken,
  LoginInput,
  Me,
  PasswordChange,
  SessionKind,
  TotpEnable,
  TotpSetup,
  TotpSetupInput,
} from "../../contracts/auth.ts";
import { ErrorResponse, Ok } from "../../contracts/common.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { getStaffRow } from "../staff/service.ts";
import { csrfUserInfo } from "./csrf.ts";
import { knownDeviceOf, rememberDevice } from "./known-device.ts";
import { loginStaff } from "./login.ts";
import { checkPasswordAgain } from "./password-again.ts";
import { changeStaffPassword } from "./password-change.ts";
import { ACTIONS, requireStaff, widestScope } from "./policy.ts";
import { clearSessionCookie, setSessionCookie } from "./session-cookie.ts";
import { destroySession } from "./sessions.ts";
import { newTotpSecret, totpUri, verifyTotp } from "./totp.ts";

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  422: ErrorResponse,
  429: ErrorResponse,
};

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;

  app.get(
    "/auth/csrf",
    {
      schema: {
        tags: ["auth"],
        summary: "Mã chống giả mạo cho các yêu cầu thay đổi dữ liệu / CSRF token for state-changing requests",
        response: { 200: CsrfToken },
      },
    },
    async (request, reply) => ({
      csrfToken: reply.generateCsrf({ userInfo: csrfUserInfo(request.principal) }),
    }),
  );

  app.post(
    "/auth/login",
    {
      schema: { tags: ["auth"], body: LoginInput, response: { 200: Me, ...errors } },
    },
    async (request, reply) => {
      const previous = request.principal;
      const session = await loginStaff(db, request.body, {
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
        ttlHours: config.sessionTtlHours,
        now: clock(),
        device: knownDeviceOf(request),
      });
      rememberDevice(reply, request.body.username, config.secureCookies, clock());
      // A fresh session id on every sign-in: a planted cookie never becomes an authenticated one.
      if (previous.kind !== "anonymous") await destroySession(db, previous.sessionHash);
      setSessionCookie(reply, session, config.secureCookies);
      const staffId = (
        await db
          .selectFrom("sessions")
          .select("subject_id")
          .where("id_hash", "=", session.idHash)
          .executeTakeFirstOrThrow()
      ).subject_id;
      return meOf(staffId);
    },
  );

  app.post("/auth/logout", { schema: { tags: ["auth"], response: { 200: Ok } } }, async (request, reply) => {
    const principal = request.principal;
    if (principal.kind !== "anonymous") {
      await db.transaction().execute(async (tx) => {
        await destroySession(tx, principal.sessionHash);
        if (principal.kind === "staff") {
          await recordAudit(
            tx,
            {
              actor: { kind: "staff", id: principal.staffId },
              action: "auth.logout",
              entityType: "staff",
              entityId: principal.staffId,
              unitId: principal.unitId,
              summary: {},
            },
            clock(),
          );
        }
      });
    }
    clearSessionCookie(reply, config.secureCookies);
    return { ok: true as const };
  });

  async function meOf(staffId: string): Promise<z.infer<typeof Me>> {
    const row = await getStaffRow(db, staffId);
    const unit = await db
      .selectFrom("units")
      .select(["id", "code", "name", "kind"])
      .where("id", "=", row.unit_id)
      .executeTakeFirstOrThrow();
    const principalLike = {
      kind: "staff" as const,
      staffId,
      username: row.username,
      fullName: row.full_name,
      unitId: row.unit_id,
      unitPath: row.unit_path,
      roles: row.roles,
      sessionHash: "",
    };
    const permissions: Record<string, "own" | "subtree" | "all"> = {};
    for (const action of ACTIONS) {
      const scope = widestScope(principalLike, action);
      if (scope) permissions[action] = scope;
    }
    return {
      kind: "staff",
      id: row.id,
      username: row.username,
      fullName: row.full_name,
      roles: row.roles,
      unit,
      mustChangePassword: row.must_change_password,
      totpEnabled: row.totp_enabled,
      permissions,
    };
  }

  app.get("/auth/me", { schema: { tags: ["auth"], response: { 200: Me, ...errors } } }, async (request) => {
    const staff = requireStaff(request.principal);
    return meOf(staff.staffId);
  });

  // Who is signed in, answered 200 for everyone, so that a visitor's first page load fails no request.
  app.get(
    "/auth/session",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Ai đang đăng nhập (không lỗi khi chưa đăng nhập) / Who is signed in (no error when nobody is)",
        response: { 200: SessionKind, ...errors },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (principal.kind === "staff") return { kind: "staff" as const, me: await meOf(principal.staffId) };
      if (principal.kind === "citizen") return { kind: "citizen" as const };
      return { kind: "anonymous" as const };
    },
  );

  app.post(
    "/auth/password",
    { schema: { tags: ["auth"], body: PasswordChange, response: { 200: Ok, ...errors } } },
    async (request) => {
      await changeStaffPassword(db, requireStaff(request.principal), request.body, clock());
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/totp/setup",
    { schema: { tags: ["auth"], body: TotpSetupInput, response: { 200: TotpSetup, ...errors } } },
    async (request) => {
      const staff = requireStaff(request.principal);
      const row = await getStaffRow(db, staff.staffId);
      await checkPasswordAgain(
        db,
        { kind: "staff", id: staff.staffId },
        row.password_hash,
        request.body.currentPassword,
        clock(),
      );
      if (row.totp_enabled) throw new AppError("INVALID_STATE");
      const secret = newTotpSecret();
      await db.updateTable("staff").set({ totp_secret: secret }).where("id", "=", staff.staffId).execute();
      const uri = totpUri(secret, staff.username);
      return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri) };
    },
  );

  app.post(
    "/auth/totp/enable",
    { schema: { tags: ["auth"], body: TotpEnable, response: { 200: Ok, ...errors } } },
    async (request) => {
      const staff = requireStaff(request.principal);
      const now = clock();
      const row = await getStaffRow(db, staff.staffId);
      await checkPasswordAgain(
        db,
        { kind: "staff", id: staff.staffId },
        row.password_hash,
        request.body.currentPassword,
        now,
      );
      if (row.totp_enabled || !row.totp_secret) throw new AppError("INVALID_STATE");
      const step = verifyTotp(row.totp_secret, request.body.code, now);
      if (step === null) throw new AppError("TOTP_INVALID");
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable("staff")
          .set({ totp_enabled: true, totp_last_step: step })
          .where("id", "=", staff.staffId)
          .execute();
        await recordAudit(
          tx,
          {
            actor: { kind: "staff", id: staff.staffId },
            action: "auth.totp_enable",
            entityType: "staff",
            entityId: staff.staffId,
            unitId: staff.unitId,
            summary: {},
          },
          now,
        );
      });
      return { ok: true as const };
    },
  );
};
