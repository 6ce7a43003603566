import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { z } from "zod";
import {
  DecisionId,
  DecisionListQuery,
  DecisionVersionQuery,
  HolidayDecision,
  HolidayDecisionInput,
  HolidayDecisionUpdate,
} from "../../contracts/calendar.ts";
import { ErrorResponse, Ok } from "../../contracts/common.ts";
import { toDecision } from "./decision-rows.ts";
import { createDecision, deleteDecision, getDecision, listDecisions, updateDecision } from "./decisions.ts";

const IdParams = z.strictObject({ id: DecisionId });
const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
const TAGS = ["calendar"];

/** The yearly official decisions on days off, for those allowed calendar.manage (system administrators). */
export const decisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    "/calendar/decisions",
    {
      schema: {
        tags: TAGS,
        summary: "Các quyết định về ngày nghỉ theo năm / Yearly decisions on days off",
        querystring: DecisionListQuery,
        response: { 200: z.object({ items: z.array(HolidayDecision) }), ...errors },
      },
    },
    async (request) => {
      const year = request.query.year === undefined ? undefined : Number(request.query.year);
      return { items: (await listDecisions(db, request.principal, year)).map(toDecision) };
    },
  );

  app.get(
    "/calendar/decisions/:id",
    { schema: { tags: TAGS, params: IdParams, response: { 200: HolidayDecision, ...errors } } },
    async (request) => toDecision(await getDecision(db, request.principal, request.params.id)),
  );

  app.post(
    "/calendar/decisions",
    {
      schema: {
        tags: TAGS,
        summary: "Thêm quyết định về ngày nghỉ / Add a decision on days off",
        body: HolidayDecisionInput,
        response: { 201: HolidayDecision, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(toDecision(await createDecision(db, request.principal, request.body, clock()))),
  );

  app.put(
    "/calendar/decisions/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Sửa quyết định về ngày nghỉ / Edit a decision on days off",
        params: IdParams,
        body: HolidayDecisionUpdate,
        response: { 200: HolidayDecision, ...errors },
      },
    },
    async (request) =>
      toDecision(await updateDecision(db, request.principal, request.params.id, request.body, clock())),
  );

  app.delete(
    "/calendar/decisions/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Xóa quyết định về ngày nghỉ / Delete a decision on days off",
        params: IdParams,
        querystring: DecisionVersionQuery,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await deleteDecision(db, request.principal, request.params.id, Number(request.query.version), clock());
      return { ok: true as const };
    },
  );
};
