import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { z } from "zod";
import { ErrorResponse, Uuid } from "../../contracts/common.ts";
import { assertCan } from "../auth/policy.ts";
import { getUnit } from "../units/queries.ts";

const AuditEntry = z.object({
  id: z.number(),
  seq: z.number(),
  at: z.string(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get(
    "/units/:id/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "Nhật ký kiểm toán của một đơn vị / A unit's audit trail",
        params: z.strictObject({ id: Uuid }),
        querystring: z.strictObject({
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({ items: z.array(AuditEntry) }),
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request) => {
      const unit = await getUnit(db, request.params.id);
      assertCan(request.principal, "audit.read", unit);
      let q = db.selectFrom("audit_log").selectAll().where("chain", "=", unit.id);
      if (request.query.before) q = q.where("id", "<", request.query.before);
      const rows = await q.orderBy("id", "desc").limit(request.query.limit).execute();
      return {
        items: rows.map((r) => ({
          id: Number(r.id),
          seq: Number(r.seq),
          at: new Date(r.at).toISOString(),
          actorKind: r.actor_kind,
          actorId: r.actor_id,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          summary: r.summary,
          hash: r.hash,
        })),
      };
    },
  );
};
