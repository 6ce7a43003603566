/**
 * Which engine the suite runs on: PGlite by default, PostgreSQL when DATABASE_URL is set
 * (e.g. `DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_ci npm test`).
 */
export function testDatabaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

/** The same server, another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
