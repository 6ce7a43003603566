/**
 * Failures of what the server stands on rather than of the request: the database cannot be reached (a restart, a
 * failover, an administrator ending our connections) or the disk is full. They are not bugs, so they must not
 * answer 500 "internal error": the client is told to retry (503 + Retry-After) or the administrator what to free.
 */
export type InfrastructureFailure = "DATABASE_UNAVAILABLE" | "STORAGE_FULL";

/**
 * SQLSTATEs (PostgreSQL, Appendix A "Error Codes") that mean the server or our connection to it is gone:
 * class 08 connection_exception; 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now,
 * 57P05 idle_session_timeout; 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1235]|53300)$/;
/** 53100 disk_full ("could not extend file …: No space left on device"). */
const DISK_FULL_SQLSTATE = "53100";
/** Socket errors while reaching the database server. */
const UNAVAILABLE_ERRNO = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
/** ENOSPC: no space left on the device; EDQUOT: the user's disk quota is used up. */
const FULL_ERRNO = new Set(["ENOSPC", "EDQUOT"]);
/** What node-postgres says when the socket went away without an SQLSTATE. */
const PG_CONNECTION_MESSAGES = [
  // 55000 when the database is closed to connections (ALTER DATABASE … ALLOW_CONNECTIONS false, maintenance)
  "is not currently accepting connections",
  "Connection terminated",
  "connection error and is not queryable",
  "timeout exceeded when trying to connect",
  "Client was closed and is not queryable",
];
const NO_SPACE_MESSAGE = /No space left on device|could not extend file|disk quota exceeded/i;

function fieldOf(error: object, name: string): unknown {
  return (error as Record<string, unknown>)[name];
}

function classifyOne(error: unknown): InfrastructureFailure | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = fieldOf(error, "code");
  const message = typeof fieldOf(error, "message") === "string" ? (fieldOf(error, "message") as string) : "";
  if (typeof code === "string") {
    if (code === DISK_FULL_SQLSTATE || FULL_ERRNO.has(code)) return "STORAGE_FULL";
    if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code)) return "DATABASE_UNAVAILABLE";
  }
  if (NO_SPACE_MESSAGE.test(message)) return "STORAGE_FULL";
  if (PG_CONNECTION_MESSAGES.some((m) => message.includes(m))) return "DATABASE_UNAVAILABLE";
  return undefined;
}

/** Looks through `cause` chains and AggregateError members (a refused connection to every address). */
export function classifyInfrastructureFailure(error: unknown, depth = 0): InfrastructureFailure | undefined {
  if (depth > 5 || typeof error !== "object" || error === null) return undefined;
  const own = classifyOne(error);
  if (own) return own;
  const inner: unknown[] = [];
  if ("cause" in error) inner.push(error.cause);
  if (error instanceof AggregateError) inner.push(...error.errors);
  for (const e of inner) {
    const found = classifyInfrastructureFailure(e, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Seconds a client should wait before trying again (Retry-After, RFC 9110 §10.2.3). */
export const RETRY_AFTER_SECONDS: Record<InfrastructureFailure, number> = {
  // A restart or failover takes seconds; the pool opens fresh connections on the next request.
  DATABASE_UNAVAILABLE: 5,
  // Space is freed by a person; asking again every minute is enough.
  STORAGE_FULL: 60,
};
