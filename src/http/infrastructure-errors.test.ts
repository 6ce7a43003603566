import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { installErrorHandler } from "./error-handler.ts";
import { classifyInfrastructureFailure } from "./infrastructure-errors.ts";

/** A node-postgres DatabaseError carries the SQLSTATE in `code`. */
const sqlError = (code: string, message: string) => Object.assign(new Error(message), { code });
const errno = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("failures of the database and the disk (PostgreSQL Appendix A SQLSTATEs, errno)", () => {
  it.each([
    ["57P01 admin_shutdown", sqlError("57P01", "terminating connection due to administrator command")],
    [
      "57P02 crash_shutdown",
      sqlError("57P02", "terminating connection because of crash of another server process"),
    ],
    ["57P03 cannot_connect_now", sqlError("57P03", "the database system is starting up")],
    ["08006 connection_failure", sqlError("08006", "connection failure")],
    ["53300 too_many_connections", sqlError("53300", "sorry, too many clients already")],
    ["ECONNREFUSED", errno("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432")],
    ["node-postgres's cut socket", new Error("Connection terminated unexpectedly")],
    ["node-postgres's connect timeout", new Error("timeout exceeded when trying to connect")],
    [
      "a database closed to connections (55000)",
      sqlError("55000", 'database "x" is not currently accepting connections'),
    ],
    [
      "every address refused (AggregateError)",
      new AggregateError([errno("ECONNREFUSED", "connect ECONNREFUSED ::1:5432")], "connect failed"),
    ],
  ])("%s means the database is unavailable", (_name, error) => {
    expect(classifyInfrastructureFailure(error)).toBe("DATABASE_UNAVAILABLE");
  });

  it.each([
    [
      "53100 disk_full",
      sqlError("53100", 'could not extend file "base/16384/16385": No space left on device'),
    ],
    ["ENOSPC from the file store", errno("ENOSPC", "ENOSPC: no space left on device, write")],
    ["EDQUOT", errno("EDQUOT", "EDQUOT: disk quota exceeded, write")],
    ["a wrapped ENOSPC", new Error("storing failed", { cause: errno("ENOSPC", "no space left on device") })],
    ["PGlite's message without an SQLSTATE", new Error("could not write to file: No space left on device")],
  ])("%s means the disk is full", (_name, error) => {
    expect(classifyInfrastructureFailure(error)).toBe("STORAGE_FULL");
  });

  it.each([
    ["23505 unique_violation", sqlError("23505", "duplicate key value violates unique constraint")],
    ["40001 serialization_failure", sqlError("40001", "could not serialize access")],
    ["a programming error", new TypeError("Cannot read properties of undefined")],
    ["ENOENT", errno("ENOENT", "no such file or directory")],
  ])("%s is neither", (_name, error) => {
    expect(classifyInfrastructureFailure(error)).toBeUndefined();
  });
});

describe("the answer the client gets", () => {
  async function answer(error: Error) {
    const app = Fastify({ logger: false });
    installErrorHandler(app);
    app.post("/x", async () => {
      throw error;
    });
    const res = await app.inject({ method: "POST", url: "/x" });
    await app.close();
    return res;
  }

  it("503 DATABASE_UNAVAILABLE with Retry-After (RFC 9110 §15.6.4, §10.2.3) and the error shape", async () => {
    const res = await answer(sqlError("57P01", "terminating connection due to administrator command"));
    expect(res.statusCode).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
    const body = res.json();
    expect(body.error.code).toBe("DATABASE_UNAVAILABLE");
    expect(body.error.message).toMatch(/cơ sở dữ liệu/);
    expect(body.error.messageEn).toMatch(/database/);
    expect(JSON.stringify(body)).not.toContain("administrator command");
  });

  it("507 STORAGE_FULL (RFC 4918 §11.5) naming what the administrator must do", async () => {
    const res = await answer(errno("ENOSPC", "ENOSPC: no space left on device, write"));
    expect(res.statusCode).toBe(507);
    expect(res.headers["retry-after"]).toBe("60");
    const body = res.json();
    expect(body.error.code).toBe("STORAGE_FULL");
    expect(body.error.message).toMatch(/giải phóng dung lượng/);
    expect(body.error.messageEn).toMatch(/free space/);
  });

  it("anything else stays a 500 INTERNAL without internals", async () => {
    const res = await answer(new TypeError("Cannot read properties of undefined"));
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe("INTERNAL");
  });
});
