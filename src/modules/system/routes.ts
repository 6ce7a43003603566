import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { sql } from "kysely";
import { ErrorResponse } from "../../contracts/common.ts";
import { SystemStatus } from "../../contracts/system.ts";
import { assertCan, type UnitRef } from "../auth/policy.ts";
import { serverDiskSpace } from "./disk.ts";

/** The server is not a unit's data: only a role with "all" scope reads it. */
const EVERYWHERE: UnitRef = { id: "*", path: "/" };

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/system/status",
    {
      schema: {
        tags: ["system"],
        summary: "The server's database and free disk space, for the system administrator",
        response: { 200: SystemStatus, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      assertCan(request.principal, "system.read", EVERYWHERE);
      const database = await sql`SELECT 1`.execute(app.deps.db).then(
        () => "up" as const,
        () => "down" as const,
      );
      const disks = await serverDiskSpace(app.deps);
      return {
        engine: app.deps.engine,
        database,
        lowBelowBytes: app.deps.config.diskLowFreeBytes,
        disks: disks.map(({ role, freeBytes, totalBytes, low }) => ({ role, freeBytes, totalBytes, low })),
      };
    },
  );
};
