import { generateKeyPairSync, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

/**
 * A local OpenID Connect identity provider standing in for the national one (VNeID-style), built on the
 * maintained `oidc-provider` package: the tests sign in through it over real HTTP, and demo mode runs it so that
 * "Đăng nhập bằng VNeID" works without outside services. It is not a national identity provider: its accounts
 * are the handful given to it, with their passwords in memory.
 *
 * Interactions (the provider's own pages): /interaction/:uid shows the sign-in form (identity number and
 * password) or the consent form; /interaction/:uid/login, /interaction/:uid/confirm and /interaction/:uid/abort
 * receive them.
 */
export interface IdentityProviderAccount {
  /** Subject identifier at the provider. */
  sub: string;
  password: string;
  claims: {
    name: string;
    /** 12-digit identity number (CCCD), under the claim name the relying party is configured with. */
    identity_number: string;
    birthdate?: string;
    email?: string;
    phone_number?: string;
  };
}

export interface IdentityProviderOptions {
  /** 0 for any free port. */
  port: number;
  host?: string;
  /** The host name in the issuer URL (default localhost). */
  publicHost?: string;
  clients: { clientId: string; clientSecret: string; redirectUris: string[] }[];
  accounts: IdentityProviderAccount[];
  identityClaim?: string;
  /** Name shown on the provider's pages. */
  title?: string;
}

export interface RunningIdentityProvider {
  issuer: string;
  close(): Promise<void>;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c}label{display:block;margin-top:1rem;font-weight:600}input{display:block;width:100%;padding:.5rem;font-size:1rem;margin-top:.25rem;box-sizing:border-box}button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem;background:#b3261e;color:#fff;border:0}.error{color:#b3261e;font-weight:600}.note{color:#505a5f;font-size:.9rem}</style></head><body>${body}</body></html>`;
}

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > 10_000) req.destroy(new Error("form too large"));
    });
    req.on("end", () => resolve(new URLSearchParams(body)));
    req.on("error", reject);
  });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startIdentityProvider(
  options: IdentityProviderOptions,
): Promise<RunningIdentityProvider> {
  const title = options.title ?? "VNeID (mô phỏng / demo)";
  const identityClaim = options.identityClaim ?? "identity_number";
  let handler: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${options.publicHost ?? "localhost"}:${port}`;

  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const configuration: Configuration = {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      response_types: ["code"],
      grant_types: ["authorization_code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    async findAccount(_ctx, sub) {
      const account = options.accounts.find((a) => a.sub === sub);
      if (!account) return undefined;
      const { identity_number, ...rest } = account.claims;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          ...rest,
          [identityClaim]: identity_number,
          ...(rest.email ? { email_verified: true } : {}),
          ...(rest.phone_number ? { phone_number_verified: true } : {}),
        }),
      };
    },
    claims: {
      openid: ["sub"],
      profile: ["name", "birthdate", identityClaim],
      email: ["email", "email_verified"],
      phone: ["phone_number", "phone_number_verified"],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    jwks: { keys: [{ ...signingKey, kid: randomUUID(), use: "sig", alg: "RS256" }] as never },
    ttl: {
      Session: 600,
      Interaction: 600,
      Grant: 600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
  };
  const provider = new Provider(issuer, configuration);
  const oidcCallback = provider.callback();

  async function interaction(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    uid: string,
    action: string,
  ) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error("interaction mismatch");
    const send = (html: string, status = 200) => {
      res.writeHead(status, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      });
      res.end(html);
    };
    const loginForm = (error?: string) =>
      page(
        title,
        `<h1>${escapeHtml(title)}</h1><p>Đăng nhập để tiếp tục đến dịch vụ công. / Sign in to continue.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="login">Số định danh cá nhân (CCCD) / Identity number</label><input id="login" name="login" inputmode="numeric" autocomplete="username" required>
<label for="password">Mật khẩu / Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập / Sign in</button></form>
<p class="note"><a href="/interaction/${escapeHtml(uid)}/abort">Hủy / Cancel</a></p>`,
      );
    if (action === "" && req.method === "GET") {
      if (details.prompt.name === "login") return send(loginForm());
      const client = details.params.client_id as string;
      return send(
        page(
          title,
          `<h1>${escapeHtml(title)}</h1><p>Cho phép <strong>${escapeHtml(client)}</strong> nhận họ tên, số định danh, ngày sinh, thư điện tử và số điện thoại của bạn? / Allow the service to receive your name, identity number, birth date, e-mail and phone?</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/confirm"><button type="submit">Đồng ý / Allow</button></form>
<p class="note"><a href="/interaction/${escapeHtml(uid)}/abort">Từ chối / Deny</a></p>`,
        ),
      );
    }
    if (action === "/login" && req.method === "POST" && details.prompt.name === "login") {
      const form = await readForm(req);
      const login = (form.get("login") ?? "").trim();
      const password = form.get("password") ?? "";
      const account = options.accounts.find((a) => a.claims.identity_number === login || a.sub === login);
      if (!account || !sameSecret(account.password, password)) {
        return send(
          loginForm("Số định danh hoặc mật khẩu không đúng. / Wrong identity number or password."),
          401,
        );
      }
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.sub } },
        { mergeWithLastSubmission: false },
      );
    }
    if (action === "/confirm" && req.method === "POST" && details.prompt.name === "consent") {
      const { session, params, grantId } = details;
      const accountId = session?.accountId;
      if (!accountId) throw new Error("no session");
      const grant = grantId
        ? await provider.Grant.find(grantId)
        : new provider.Grant({ accountId, clientId: params.client_id as string });
      if (!grant) throw new Error("grant");
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      const saved = await grant.save();
      return provider.interactionFinished(
        req,
        res,
        { consent: { grantId: saved } },
        { mergeWithLastSubmission: true },
      );
    }
    if (action === "/abort" && req.method === "GET") {
      return provider.interactionFinished(
        req,
        res,
        { error: "access_denied", error_description: "End-User aborted interaction" },
        { mergeWithLastSubmission: false },
      );
    }
    res.writeHead(405).end();
  }

  handler = (req, res) => {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(\/login|\/confirm|\/abort)?$/.exec(
      (req.url ?? "").split("?")[0] ?? "",
    );
    if (!match) {
      oidcCallback(req, res);
      return;
    }
    interaction(req, res, match[1] ?? "", match[2] ?? "").catch(() => {
      if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      res.end("Phiên đăng nhập không hợp lệ hoặc đã hết hạn. / The sign-in session is invalid or expired.");
    });
  };

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
