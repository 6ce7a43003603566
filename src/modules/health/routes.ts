import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";

/** A load balancer polls this often; one database round trip per second is enough to know it answers. */
const CHECK_INTERVAL_MS = 1000;

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  let lastOkAt = 0;
  let pending: Promise<boolean> | undefined;

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

  app.get(
    "/health",
    {
      schema: {
        hide: true,
        response: {
          200: z.object({ status: z.literal("ok") }),
          503: z.object({ status: z.literal("unavailable") }),
        },
      },
    },
    async (_request, reply) =>
      (await databaseAnswers())
        ? { status: "ok" as const }
        : reply.status(503).send({ status: "unavailable" as const }),
  );
};
