/** The shape of the isolation matrix's table (expectations.ts) and how an answer is read. */
import type { PrincipalName, Relation } from "./fixture.ts";

/** "ok": past authorization (2xx, or a 4xx about the request itself: 400, 409, 422…); otherwise the refusal. */
export type Answer = "ok" | 401 | 403 | 404;
/** Per relation [own, sibling, parent, child]; null where the unit holds no such resource (no cell). */
export type RelationAnswers = readonly [Answer | null, Answer | null, Answer | null, Answer | null];
/** A unit-scoped route: one answer for every relation, or one per relation. */
export type ScopedRow = Record<PrincipalName, Answer | RelationAnswers>;
export type PlainRow = Record<PrincipalName, Answer>;
export type Expectation = { scope: "none"; row: PlainRow } | { scope: "unit"; row: ScopedRow };

export const RELATION_INDEX: Record<Relation, number> = { own: 0, sibling: 1, parent: 2, child: 3 };

/** Read by status and error code: only UNAUTHENTICATED, FORBIDDEN and NOT_FOUND are refusals of access. */
export function answerOf(status: number, body: string): Answer | string {
  if (status >= 500) return `5xx:${status}`;
  let code: unknown;
  try {
    code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
  } catch {
    code = undefined;
  }
  if (status === 401 && code === "UNAUTHENTICATED") return 401;
  if (status === 403 && code === "FORBIDDEN") return 403;
  if (status === 404 && (code === "NOT_FOUND" || code === "ROUTE_NOT_FOUND")) return 404;
  // A CSRF refusal would mean the matrix never reached the route: never an expected answer.
  if (code === "CSRF_INVALID") return "csrf";
  return "ok";
}

/** Compact constructors for the table. */
export const plain = (row: PlainRow): Expectation => ({ scope: "none", row });
export const scoped = (row: ScopedRow): Expectation => ({ scope: "unit", row });
