import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { z } from "zod";
import { ErrorResponse, Ok, Uuid } from "../../contracts/common.ts";
import { PasswordReset, Staff, StaffInput, StaffUpdate } from "../../contracts/staff.ts";
import { assertCan, listingScope } from "../auth/policy.ts";
import { createStaff, getStaffRow, listStaff, resetStaffPassword, toStaff, updateStaff } from "./service.ts";

const IdParams = z.strictObject({ id: Uuid });
const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    "/staff",
    {
      schema: {
        tags: ["staff"],
        summary: "Cán bộ trong phạm vi quản lý / Staff in the caller's scope",
        querystring: z.strictObject({ unitId: Uuid.optional() }),
        response: { 200: z.object({ items: z.array(Staff) }), ...errors },
      },
    },
    async (request) => {
      const scope = listingScope(request.principal, "staff.read");
      return { items: (await listStaff(db, scope, request.query)).map(toStaff) };
    },
  );

  app.get(
    "/staff/:id",
    { schema: { tags: ["staff"], params: IdParams, response: { 200: Staff, ...errors } } },
    async (request) => {
      const row = await getStaffRow(db, request.params.id);
      assertCan(request.principal, "staff.read", { id: row.unit_id, path: row.unit_path });
      return toStaff(row);
    },
  );

  app.post(
    "/staff",
    { schema: { tags: ["staff"], body: StaffInput, response: { 201: Staff, ...errors } } },
    async (request, reply) =>
      reply.status(201).send(toStaff(await createStaff(db, request.principal, request.body, clock()))),
  );

  app.patch(
    "/staff/:id",
    { schema: { tags: ["staff"], params: IdParams, body: StaffUpdate, response: { 200: Staff, ...errors } } },
    async (request) =>
      toStaff(await updateStaff(db, request.principal, request.params.id, request.body, clock())),
  );

  app.post(
    "/staff/:id/reset-password",
    { schema: { tags: ["staff"], params: IdParams, body: PasswordReset, response: { 200: Ok, ...errors } } },
    async (request) => {
      await resetStaffPassword(db, request.principal, request.params.id, request.body, clock());
      return { ok: true as const };
    },
  );
};
