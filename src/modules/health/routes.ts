import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import { cachedDiskSpace } from "../../adapters/storage/disk-space.ts";
import { serverDiskSpace } from "../system/disk.ts";

/** A load balancer polls this often; one database round trip per second is enough to know it answers. */
const CHECK_INTERVAL_MS = 1000;

const Warnings = z.array(z.literal("DISK_SPACE_LOW")).optional();

/**
 * Liveness and readiness, as a load balancer or an orchestrator reads them:
 * - `GET /health` (liveness, DESIGN.md's contract): 200 `{"status":"ok"}` while the process serves; the server
 *   listens only once its database is open and migrated. A database outage does not make it fail, since
 *   restarting motcua would not bring the database back; `warnings` names a disk running out of space.
 * - `GET /health/ready` (readiness): 503 while the database does not answer, so traffic goes to another process.
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  let lastOkAt = 0;
  let pending: Promise<boolean> | undefined;
  const diskSpace = cachedDiskSpace(() => serverDiskSpace(app.deps));

  async function databaseAnswers(): Promise<boolean> {
    if (Date.now() - lastOkAt < CHECK_INTERVAL_MS) return true;
    pending ??= sql`SELECT 1`
      .execute(app.deps.db)
      .then(
        () => {
          lastOkAt = Date.now();
          return true;
        },
        () => false,
      )
      .finally(() => {
        pending = undefined;
      });
    return pending;
  }

  async function warnings(): Promise<{ warnings?: "DISK_SPACE_LOW"[] }> {
    return (await diskSpace()).some((d) => d.low) ? { warnings: ["DISK_SPACE_LOW"] } : {};
  }

  app.get(
    "/health",
    {
      schema: {
        hide: true,
        response: { 200: z.object({ status: z.literal("ok"), warnings: Warnings }) },
      },
    },
    async () => ({ status: "ok" as const, ...(await warnings()) }),
  );

  const Readiness = z.object({
    status: z.enum(["ready", "unavailable"]),
    database: z.enum(["up", "down"]),
    warnings: Warnings,
  });
  app.get(
    "/health/ready",
    { schema: { hide: true, response: { 200: Readiness, 503: Readiness } } },
    async (_request, reply) => {
      const up = await databaseAnswers();
      const body = {
        status: up ? ("ready" as const) : ("unavailable" as const),
        database: up ? ("up" as const) : ("down" as const),
        ...(await warnings()),
      };
      if (!up) return reply.status(503).header("retry-after", "5").send(body);
      return body;
    },
  );
};
