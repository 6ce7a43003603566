import path from "node:path";
import { z } from "zod";

/** The most `motcua serve --workers` forks: beyond the cores of any one machine, and of its PostgreSQL's connections. */
export const MAX_WORKERS = 64;

/** Environment parsed once at start; a bad variable stops the process with a clear message. */
const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset: 127.0.0.1 in demo mode (its passwords are published), every interface otherwise. */
  HOST: z.string().optional(),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.url().optional(),
  FILES_DIR: z.string().optional(),
  SMTP_URL: z.url().optional(),
  PUBLIC_URL: z.url().optional(),
  DEMO: booleanFlag.optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  COOKIE_SECRET: z.string().min(32).optional(),
  SIGNING_KEY_SECRET: z.string().min(32).optional(),
  SIGNING_TSA_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: z.string().max(2000).default(""),
  DOSSIER_FORMS: z.enum(["on_commit", "on_download"]).default("on_commit"),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(500).optional(),
  OIDC_PROVIDER_NAME: z.string().min(1).max(50).default("VNeID"),
  OIDC_IDENTITY_CLAIM: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,100}$/)
    .default("identity_number"),
  OIDC_DEMO_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** The From header of notification e-mails; defaults to no-reply at the public host. */
  MAIL_FROM: z.string().min(3).max(300).optional(),
  /** How often the notification outbox is drained, and how long a claimed message is held before a re-send. */
  NOTIFY_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(5_000),
  NOTIFY_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /**
   * For tests only (the crash suite's background scenario): one pause between passes for every background queue
   * (payment reconciliation, OCR, document reminders, report exports, hand-over list prints, catalog imports) and
   * one claim lease for the leased ones, in place of each queue's own (minutes). Unset in production.
   */
  JOBS_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).optional(),
  JOBS_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).optional(),
  SMS_URL: z.url().optional(),
  SMS_API_KEY: z.string().min(8).max(500).optional(),
  SMS_BRANDNAME: z
    .string()
    .regex(/^[A-Za-z0-9 .-]{1,11}$/)
    .default("MOTCUA"),
  PAYMENT_GATEWAY_URL: z.url().optional(),
  VNPAY_TMN_CODE: z
    .string()
    .regex(/^[A-Za-z0-9]{4,20}$/)
    .optional(),
  VNPAY_HASH_SECRET: z.string().min(16).optional(),
  /** Below this much free space on the data or files disk, /health and the administrator's page warn. */
  DISK_LOW_FREE_MB: z.coerce.number().int().min(0).default(1024),
  /** `motcua serve` processes sharing the port (src/cluster.ts); more than one on PostgreSQL only. */
  WORKERS: z
    .string()
    .regex(/^\d+$/, "a whole number from 1 to 64")
    .transform(Number)
    .pipe(
      z.number().int().min(1, "a whole number from 1 to 64").max(MAX_WORKERS, "a whole number from 1 to 64"),
    )
    .optional(),
  PAYMENT_EXPIRY_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(15),
});

/** Online payment through a VNPay-protocol gateway (src/adapters/payment). */
export interface PaymentConfig {
  gatewayUrl: string;
  tmnCode: string;
  hashSecret: string;
  /** Minutes the payer has at the gateway (vnp_ExpireDate). */
  expiryMinutes: number;
  /** Where the gateway sends the payer back (vnp_ReturnUrl). */
  returnUrl: string;
  /** Demo mode without PAYMENT_GATEWAY_URL: the local gateway is served under LOCAL_GATEWAY_PREFIX. */
  localGateway: { ipnUrl: string } | null;
}

/** Where the local gateway is mounted in demo mode. */
export const LOCAL_GATEWAY_PREFIX = "/demo-gateway";

export interface Config {
  port: number;
  /** Server processes (node:cluster workers) sharing the port; 1 is one process and no cluster. */
  workers: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  filesDir: string;
  /** Free space (bytes) under which the data or files disk is reported low. */
  diskLowFreeBytes: number;
  smtpUrl: string | undefined;
  publicUrl: string;
  demo: boolean;
  sessionTtlHours: number;
  cookieSecret: string;
  /** Server half of the key that seals signing credentials at rest (the holder's password is the other half). */
  signingKeySecret: string;
  /** RFC 3161 timestamp authority for PAdES B-T signatures, when one is configured. */
  signingTsaUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  /**
   * Which X-Forwarded-For entries to believe (Fastify's trustProxy): false, a number of proxy hops in front of
   * the server, or the proxies' addresses / CIDR ranges. Never "all": the client writes the first entry.
   */
  trustProxy: false | number | string[];
  /** Cookies are marked Secure when the public address is https. */
  secureCookies: boolean;
  /** When a dossier's issued forms are drawn and stored: right after the action commits, or on first download. */
  dossierForms: "on_commit" | "on_download";
  /** null when citizen sign-in through an identity provider is not configured. */
  oidc: OidcConfig | null;
  /** The From header of notification e-mails (sent through smtpUrl). */
  mailFrom: string;
  /** The outbox delivery loop: pause between passes, and the claim lease (a killed process's claims end with it). */
  notify: { intervalMs: number; leaseMs: number };
  /** Test-only timing of the other background queues (JOBS_INTERVAL_MS, JOBS_LEASE_SECONDS); unset: their own. */
  jobs: { intervalMs: number | undefined; leaseSeconds: number | undefined };
  /** The brandname SMS gateway (src/adapters/messaging/sms-http.ts); null when none is configured. */
  sms: { url: string; apiKey: string; brandname: string } | null;
  /** null when online payment is not configured (outside demo mode without PAYMENT_GATEWAY_URL). */
  payment: PaymentConfig | null;
}

/** Citizen sign-in through a national identity provider (OpenID Connect, VNeID-style). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the button "Đăng nhập bằng <name>". */
  providerName: string;
  /** The ID token / userinfo claim holding the 12-digit identity number (CCCD). */
  identityClaim: string;
  /** Demo mode without OIDC_ISSUER: the server runs a local identity provider on this port. */
  demoProviderPort: number | null;
}

export class ConfigError extends Error {}

/** Where the demo listens when HOST is not set: the loopback interface only. */
export const DEMO_HOST = "127.0.0.1";
const DEMO_COOKIE_SECRET = "motcua-demo-cookie-secret-not-for-production-use";
const DEMO_TMN_CODE = "MOTCUA01";
const DEMO_VNPAY_SECRET = "motcua-demo-vnpay-hash-secret-not-for-production";

function paymentConfig(
  e: z.infer<typeof EnvSchema>,
  listenHost: string,
  demo: boolean,
  publicUrl: string,
): PaymentConfig | null {
  const returnUrl = `${publicUrl.replace(/\/+$/, "")}/api/v1/payments/vnpay/return`;
  const common = { expiryMinutes: e.PAYMENT_EXPIRY_MINUTES, returnUrl };
  if (demo && !e.PAYMENT_GATEWAY_URL) {
    const loopback = ["0.0.0.0", "::", ""].includes(listenHost) ? "127.0.0.1" : listenHost;
    const host = loopback.includes(":") ? `[${loopback}]` : loopback;
    return {
      ...common,
      gatewayUrl: `${publicUrl.replace(/\/+$/, "")}${LOCAL_GATEWAY_PREFIX}`,
      tmnCode: e.VNPAY_TMN_CODE ?? DEMO_TMN_CODE,
      hashSecret: e.VNPAY_HASH_SECRET ?? DEMO_VNPAY_SECRET,
      localGateway: { ipnUrl: `http://${host}:${e.PORT}/api/v1/payments/vnpay/ipn` },
    };
  }
  if (!e.PAYMENT_GATEWAY_URL) {
    if (e.VNPAY_TMN_CODE || e.VNPAY_HASH_SECRET) {
      throw new ConfigError("VNPAY_TMN_CODE and VNPAY_HASH_SECRET are set but PAYMENT_GATEWAY_URL is not.");
    }
    return null;
  }
  if (!demo && (!e.VNPAY_TMN_CODE || !e.VNPAY_HASH_SECRET)) {
    throw new ConfigError(
      "PAYMENT_GATEWAY_URL is set: VNPAY_TMN_CODE and VNPAY_HASH_SECRET (the merchant's code and hash secret) must be set too.",
    );
  }
  return {
    ...common,
    gatewayUrl: e.PAYMENT_GATEWAY_URL,
    tmnCode: e.VNPAY_TMN_CODE ?? DEMO_TMN_CODE,
    hashSecret: e.VNPAY_HASH_SECRET ?? DEMO_VNPAY_SECRET,
    localGateway: null,
  };
}

const DEMO_OIDC_CLIENT_ID = "motcua-demo";
const DEMO_OIDC_CLIENT_SECRET = "motcua-demo-oidc-client-secret-not-for-production";

function oidcConfig(e: z.infer<typeof EnvSchema>, demo: boolean, publicUrl: string): OidcConfig | null {
  const common = { providerName: e.OIDC_PROVIDER_NAME, identityClaim: e.OIDC_IDENTITY_CLAIM };
  if (e.OIDC_ISSUER) {
    if (!e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) {
      throw new ConfigError("OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set too.");
    }
    return {
      ...common,
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      demoProviderPort: null,
    };
  }
  if (!demo) return null;
  // The demo identity provider listens next to the server, reached by the browser at the public host name.
  // On an ephemeral server port (tests) there is no demo provider unless OIDC_DEMO_PORT names one.
  if (e.PORT === 0 && !e.OIDC_DEMO_PORT) return null;
  const port = e.OIDC_DEMO_PORT ?? e.PORT + 1;
  const host = new URL(publicUrl).hostname;
  return {
    ...common,
    issuer: `http://${host}:${port}`,
    clientId: DEMO_OIDC_CLIENT_ID,
    clientSecret: DEMO_OIDC_CLIENT_SECRET,
    demoProviderPort: port,
  };
}

/**
 * TRUST_PROXY: empty/0/false → no proxy; a whole number n → n proxy hops (the address is the entry the nearest
 * of them saw); otherwise a comma-separated list of the proxies' addresses or CIDR ranges. "true" is refused: it
 * would believe the first X-Forwarded-For entry, which the client writes, and every per-address limit and
 * audited address could then be forged.
 */
function trustProxyOf(value: string): false | number | string[] {
  const v = value.trim().toLowerCase();
  if (["", "0", "false", "no", "off"].includes(v)) return false;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  if (["1", "true", "yes", "on"].includes(v) || v === "*")
    throw new ConfigError(
      "TRUST_PROXY must be a number of proxy hops (e.g. 1) or the proxies' addresses (e.g. 10.0.0.5,10.0.1.0/24), not true: the client writes the first X-Forwarded-For entry.",
    );
  const list = v.split(",").map((x) => x.trim());
  const address = /^(?:[0-9.]+|[0-9a-f:]+)(?:\/\d{1,3})?$/;
  if (list.some((x) => !address.test(x) || (!x.includes(".") && !x.includes(":"))))
    throw new ConfigError(
      `TRUST_PROXY: "${value}" is neither a number of hops nor a list of addresses or CIDR ranges.`,
    );
  return list;
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  defaults: { demo?: boolean; workers?: string } = {},
): Config {
  // `--workers N` on the command line stands before WORKERS in the environment, checked by the same rule.
  const parsed = EnvSchema.safeParse(
    defaults.workers === undefined ? env : { ...env, WORKERS: defaults.workers },
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const demo = e.DEMO ?? defaults.demo ?? false;
  // The demo's accounts and passwords are in the README: unless told otherwise it answers this machine only.
  const host = e.HOST ?? (demo ? DEMO_HOST : "0.0.0.0");
  if (!demo && !e.COOKIE_SECRET) {
    throw new ConfigError("COOKIE_SECRET (at least 32 characters) must be set outside demo mode (DEMO=1).");
  }
  if (!demo && !e.SIGNING_KEY_SECRET) {
    throw new ConfigError(
      "SIGNING_KEY_SECRET (at least 32 characters) must be set outside demo mode (DEMO=1); without it stored signing keys cannot be opened.",
    );
  }
  if (Boolean(e.SMS_URL) !== Boolean(e.SMS_API_KEY)) {
    throw new ConfigError("SMS_URL and SMS_API_KEY (the brandname SMS gateway) must be set together.");
  }
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    workers: e.WORKERS ?? 1,
    host,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    filesDir: path.resolve(e.FILES_DIR ?? path.join(dataDir, "files")),
    diskLowFreeBytes: e.DISK_LOW_FREE_MB * 1024 * 1024,
    notify: { intervalMs: e.NOTIFY_INTERVAL_MS, leaseMs: e.NOTIFY_LEASE_SECONDS * 1000 },
    jobs: { intervalMs: e.JOBS_INTERVAL_MS, leaseSeconds: e.JOBS_LEASE_SECONDS },
    smtpUrl: e.SMTP_URL,
    publicUrl,
    demo,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecret: e.COOKIE_SECRET ?? DEMO_COOKIE_SECRET,
    // In demo mode the signing credentials are sealed with the cookie secret unless a signing secret is given.
    signingKeySecret: e.SIGNING_KEY_SECRET ?? e.COOKIE_SECRET ?? DEMO_COOKIE_SECRET,
    signingTsaUrl: e.SIGNING_TSA_URL,
    logLevel: e.LOG_LEVEL,
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    secureCookies: publicUrl.startsWith("https:"),
    dossierForms: e.DOSSIER_FORMS,
    oidc: oidcConfig(e, demo, publicUrl),
    mailFrom: e.MAIL_FROM ?? `Bộ phận Một cửa <no-reply@${new URL(publicUrl).hostname}>`,
    sms:
      e.SMS_URL && e.SMS_API_KEY
        ? { url: e.SMS_URL, apiKey: e.SMS_API_KEY, brandname: e.SMS_BRANDNAME }
        : null,
    payment: paymentConfig(e, host, demo, publicUrl),
  };
}
