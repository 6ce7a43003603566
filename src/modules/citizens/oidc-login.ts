import { createHash } from "node:crypto";
import * as oidc from "openid-client";
import type { OidcConfig } from "../../config.ts";
import { IdentityNumber, VnMobile } from "../../contracts/citizen-accounts.ts";
import type { Db, Tx } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { createSession } from "../auth/sessions.ts";
import { closeChallengesOf } from "./one-time-codes.ts";
import type { RequestMeta } from "./registration.ts";

/**
 * Sign-in through a national identity provider (VNeID-style) with OpenID Connect: authorization code flow with
 * PKCE (S256), state and nonce, through openid-client. The state, nonce and code verifier wait in the database
 * (under the hash of the state) for ten minutes; the browser keeps the state in a signed cookie, so a callback
 * carrying a state this browser did not start is refused.
 */
export const OIDC_LOGIN_TTL_MINUTES = 10;
export const OIDC_SCOPE = "openid profile email phone";
export const OIDC_CALLBACK_PATH = "/api/v1/portal/account/oidc/callback";

const stateHash = (state: string) => createHash("sha256").update(state).digest("hex");

export class OidcRelyingParty {
  private discovered: Promise<oidc.Configuration> | undefined;

  constructor(
    readonly config: OidcConfig,
    private readonly publicUrl: string,
  ) {}

  get redirectUri(): string {
    return `${this.publicUrl.replace(/\/+$/, "")}${OIDC_CALLBACK_PATH}`;
  }

  /** Discovery on first use, retried after a failure (the provider may start after this server). */
  private configuration(): Promise<oidc.Configuration> {
    if (!this.discovered) {
      const issuer = new URL(this.config.issuer);
      const insecure = issuer.protocol === "http:";
      this.discovered = oidc
        .discovery(
          issuer,
          this.config.clientId,
          this.config.clientSecret,
          undefined,
          insecure ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
        )
        .catch((error: unknown) => {
          this.discovered = undefined;
          throw error;
        });
    }
    return this.discovered;
  }

  /** Starts a sign-in: returns where to send the browser and the state to keep in its cookie. */
  async start(db: Db, returnTo: string, now: Date): Promise<{ url: string; state: string }> {
    let configuration: oidc.Configuration;
    try {
      configuration = await this.configuration();
    } catch {
      throw new AppError("OIDC_FAILED", { details: { step: "discovery" } });
    }
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    await db
      .insertInto("citizen_oidc_logins")
      .values({
        state_hash: stateHash(state),
        nonce,
        code_verifier: codeVerifier,
        return_to: returnTo,
        expires_at: new Date(now.getTime() + OIDC_LOGIN_TTL_MINUTES * 60_000),
        created_at: now,
      })
      .execute();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: OIDC_SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * Finishes a sign-in from the callback URL. Returns the claims the provider vouches for, and where to go next.
   * Refuses a state that this browser did not start, that is unknown, used or expired.
   */
  async finish(
    db: Db,
    callbackUrl: URL,
    cookieState: string | undefined,
    now: Date,
  ): Promise<{ claims: Record<string, unknown>; returnTo: string }> {
    const state = callbackUrl.searchParams.get("state");
    if (!state || !cookieState || state !== cookieState)
      throw new AppError("OIDC_FAILED", { details: { step: "state" } });
    const login = await db
      .updateTable("citizen_oidc_logins")
      .set({ used_at: now })
      .where("state_hash", "=", stateHash(state))
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .returning(["nonce", "code_verifier", "return_to"])
      .executeTakeFirst();
    if (!login) throw new AppError("OIDC_FAILED", { details: { step: "state" } });
    try {
      const configuration = await this.configuration();
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: login.code_verifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error("no ID token");
      const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      return { claims: { ...userInfo, ...idClaims }, returnTo: login.return_to };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError("OIDC_FAILED", { details: { step: "token" } });
    }
  }
}

const text = (value: unknown, max = 300) =>
  typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, max) : null;

/**
 * Signs in the citizen the provider identified: the account already linked to (issuer, sub); else the account
 * with the identity number in the claims, which gets linked; else a new active account from the claims. A
 * never-confirmed account of that identity number is taken over: its password (set by whoever registered it)
 * is dropped, and its contact details come from the provider.
 */
export async function signInWithClaims(
  db: Db,
  oidcConfig: OidcConfig,
  claims: Record<string, unknown>,
  meta: RequestMeta & { ttlHours: number },
) {
  const subject = text(claims.sub, 255);
  const identity = IdentityNumber.safeParse(claims[oidcConfig.identityClaim]);
  if (!subject || !identity.success) throw new AppError("OIDC_FAILED", { details: { step: "claims" } });
  const fullName =
    text(claims.name) ?? text([claims.family_name, claims.given_name].filter(Boolean).join(" "));
  const phone = VnMobile.safeParse(claims.phone_number);
  const email = text(claims.email, 200)?.toLowerCase() ?? null;
  const birthDate =
    typeof claims.birthdate === "string" && /^\d{4}-\d{2}-\d{2}$/.test(claims.birthdate)
      ? claims.birthdate
      : null;
  const provider = oidcConfig.issuer;
  return db.transaction().execute(async (tx: Tx) => {
    const audit = (citizenId: string, action: string, summary: Record<string, unknown>) =>
      recordAudit(
        tx,
        {
          actor: { kind: "citizen", id: citizenId },
          action,
          entityType: "citizen",
          entityId: citizenId,
          unitId: null,
          summary,
        },
        meta.now,
      );
    const linked = await tx
      .selectFrom("citizen_identities")
      .select("citizen_id")
      .where("provider", "=", provider)
      .where("subject", "=", subject)
      .executeTakeFirst();
    let citizenId = linked?.citizen_id;
    if (!citizenId) {
      const existing = await tx
        .selectFrom("citizens")
        .select(["id", "status"])
        .where("identity_number", "=", identity.data)
        .forUpdate()
        .executeTakeFirst();
      const emailFree =
        email !== null &&
        !(await tx
          .selectFrom("citizens")
          .select("id")
          .where((eb) => eb(eb.fn("lower", ["email"]), "=", email))
          .where("identity_number", "!=", identity.data)
          .executeTakeFirst());
      const contact = {
        ...(phone.success ? { phone: phone.data } : {}),
        ...(emailFree ? { email } : {}),
      };
      if (existing?.status === "pending") {
        await closeChallengesOf(tx, existing.id, meta.now);
        await tx
          .updateTable("citizens")
          .set((eb) => ({
            ...contact,
            ...(fullName ? { full_name: fullName } : {}),
            ...(birthDate ? { birth_date: birthDate } : {}),
            password_hash: null,
            status: "active",
            confirmed_at: meta.now,
            updated_at: meta.now,
            version: eb("version", "+", 1),
          }))
          .where("id", "=", existing.id)
          .execute();
        citizenId = existing.id;
        await audit(citizenId, "citizen.confirm", { ip: meta.ip, through: provider });
      } else if (existing) {
        citizenId = existing.id;
      } else {
        if (!fullName) throw new AppError("OIDC_FAILED", { details: { step: "claims" } });
        const row = await tx
          .insertInto("citizens")
          .values({
            full_name: fullName,
            identity_number: identity.data,
            phone: phone.success ? phone.data : null,
            email: emailFree ? email : null,
            birth_date: birthDate,
            password_hash: null,
            status: "active",
            confirmed_at: meta.now,
            created_at: meta.now,
            updated_at: meta.now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        citizenId = row.id;
        await audit(citizenId, "citizen.register", { ip: meta.ip, through: provider });
      }
      await tx
        .insertInto("citizen_identities")
        .values({ provider, subject, citizen_id: citizenId, linked_at: meta.now })
        .execute();
      await audit(citizenId, "citizen.identity_link", { provider });
    }
    const status = await tx
      .selectFrom("citizens")
      .select("status")
      .where("id", "=", citizenId)
      .executeTakeFirstOrThrow();
    if (status.status !== "active") throw new AppError("OIDC_FAILED", { details: { step: "account" } });
    const session = await createSession(tx, { kind: "citizen", id: citizenId }, meta);
    await audit(citizenId, "citizen.login", { ip: meta.ip, method: "oidc", provider });
    return { citizenId, session };
  });
}
