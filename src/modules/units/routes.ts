import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { z } from "zod";
import { ErrorResponse, Uuid } from "../../contracts/common.ts";
import {
  PublicUnit,
  Unit,
  UnitDeactivate,
  UnitInput,
  UnitKind,
  UnitMove,
  UnitUpdate,
} from "../../contracts/units.ts";
import { assertCan, listingScope } from "../auth/policy.ts";
import { getUnit, listUnits, toUnit } from "./queries.ts";
import { createUnit, moveUnit, setUnitActive, updateUnit } from "./service.ts";

const IdParams = z.strictObject({ id: Uuid });
const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    "/public/units",
    {
      schema: {
        tags: ["units"],
        summary: "Danh bạ đơn vị (công khai) / Public unit directory",
        querystring: z.strictObject({ kind: UnitKind.optional(), parentId: Uuid.optional() }),
        response: { 200: z.object({ items: z.array(PublicUnit) }), 400: ErrorResponse },
      },
    },
    async (request) => {
      const rows = await listUnits(db, null, request.query);
      return { items: rows.map(toUnit) };
    },
  );

  app.get(
    "/units",
    {
      schema: {
        tags: ["units"],
        summary: "Đơn vị trong phạm vi quản lý / Units in the caller's scope",
        querystring: z.strictObject({
          kind: UnitKind.optional(),
          parentId: Uuid.optional(),
          includeInactive: z.enum(["true", "false"]).optional(),
        }),
        response: { 200: z.object({ items: z.array(Unit) }), ...errors },
      },
    },
    async (request) => {
      const scope = listingScope(request.principal, "unit.read");
      const rows = await listUnits(db, scope, {
        ...request.query,
        includeInactive: request.query.includeInactive === "true",
      });
      return { items: rows.map(toUnit) };
    },
  );

  app.get(
    "/units/:id",
    { schema: { tags: ["units"], params: IdParams, response: { 200: Unit, ...errors } } },
    async (request) => {
      const row = await getUnit(db, request.params.id);
      assertCan(request.principal, "unit.read", row);
      return toUnit(row);
    },
  );

  app.post(
    "/units",
    { schema: { tags: ["units"], body: UnitInput, response: { 201: Unit, ...errors } } },
    async (request, reply) => {
      const row = await createUnit(db, request.principal, request.body, clock());
      return reply.status(201).send(toUnit(row));
    },
  );

  app.patch(
    "/units/:id",
    { schema: { tags: ["units"], params: IdParams, body: UnitUpdate, response: { 200: Unit, ...errors } } },
    async (request) =>
      toUnit(await updateUnit(db, request.principal, request.params.id, request.body, clock())),
  );

  app.post(
    "/units/:id/move",
    { schema: { tags: ["units"], params: IdParams, body: UnitMove, response: { 200: Unit, ...errors } } },
    async (request) =>
      toUnit(await moveUnit(db, request.principal, request.params.id, request.body, clock())),
  );

  app.post(
    "/units/:id/deactivate",
    {
      schema: { tags: ["units"], params: IdParams, body: UnitDeactivate, response: { 200: Unit, ...errors } },
    },
    async (request) =>
      toUnit(await setUnitActive(db, request.principal, request.params.id, false, request.body, clock())),
  );

  app.post(
    "/units/:id/activate",
    {
      schema: {
        tags: ["units"],
        params: IdParams,
        body: z.strictObject({ version: z.number().int().min(1) }),
        response: { 200: Unit, ...errors },
      },
    },
    async (request) =>
      toUnit(await setUnitActive(db, request.principal, request.params.id, true, request.body, clock())),
  );
};
