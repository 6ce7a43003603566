import path from "node:path";
import { z } from "zod";

/** Environment parsed once at start; a bad variable stops the process with a clear message. */
const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
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
  TRUST_PROXY: booleanFlag.default(false),
  DOSSIER_FORMS: z.enum(["on_commit", "on_download"]).default("on_commit"),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  filesDir: string;
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
  trustProxy: boolean;
  /** Cookies are marked Secure when the public address is https. */
  secureCookies: boolean;
  /** When a dossier's issued forms are drawn and stored: right after the action commits, or on first download. */
  dossierForms: "on_commit" | "on_download";
}

export class ConfigError extends Error {}

const DEMO_COOKIE_SECRET = "motcua-demo-cookie-secret-not-for-production-use";

export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: { demo?: boolean } = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const demo = e.DEMO ?? defaults.demo ?? false;
  if (!demo && !e.COOKIE_SECRET) {
    throw new ConfigError("COOKIE_SECRET (at least 32 characters) must be set outside demo mode (DEMO=1).");
  }
  if (!demo && !e.SIGNING_KEY_SECRET) {
    throw new ConfigError(
      "SIGNING_KEY_SECRET (at least 32 characters) must be set outside demo mode (DEMO=1); without it stored signing keys cannot be opened.",
    );
  }
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    filesDir: path.resolve(e.FILES_DIR ?? path.join(dataDir, "files")),
    smtpUrl: e.SMTP_URL,
    publicUrl,
    demo,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecret: e.COOKIE_SECRET ?? DEMO_COOKIE_SECRET,
    // In demo mode the signing credentials are sealed with the cookie secret unless a signing secret is given.
    signingKeySecret: e.SIGNING_KEY_SECRET ?? e.COOKIE_SECRET ?? DEMO_COOKIE_SECRET,
    signingTsaUrl: e.SIGNING_TSA_URL,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    secureCookies: publicUrl.startsWith("https:"),
    dossierForms: e.DOSSIER_FORMS,
  };
}
