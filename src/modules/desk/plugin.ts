import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { LiveHub, pollVersions } from "./live-hub.ts";
import { deskPublicRoutes } from "./public-routes.ts";
import { deskStaffRoutes } from "./routes.ts";

/**
 * The desk module. One LiveHub per app: on PostgreSQL, where several processes may serve one database, it also
 * polls the units' version rows so that a change made by another process reaches this one's live pages; on the
 * embedded database there is one process and the in-process signal is enough.
 */
export const deskRoutes: FastifyPluginAsyncZod = async (app) => {
  const hub = new LiveHub(app.deps.engine === "postgres" ? pollVersions(app.deps.db) : null);
  app.addHook("onClose", async () => hub.close());
  await app.register(deskStaffRoutes(hub));
  await app.register(deskPublicRoutes(hub));
};
