/**
 * Routes without a staff session: the public page of a unit's desk and its printable roster, the waiting-room
 * display's event stream (numbers and counters only), and the routes of the paired devices (kiosk, rating
 * tablet), which authenticate by their device cookie (see devices.ts). Live pages are server-sent events: a plain
 * text/event-stream reply carrying the whole state on connect and on every change (`?once=true` sends the
 * current state and ends, for clients that cannot hold a connection open).
 */
import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ErrorResponses } from "../../contracts/common.ts";
import {
  DeskRatingInput,
  DeviceKind,
  DeviceState,
  PairRequestAnswer,
  PairRequestInput,
  PublicDesk,
  TakenTicket,
  TakeTicketInput,
  WeekQuery,
} from "../../contracts/desk.ts";
import { FIELDS } from "../../domain/catalog/fields.ts";
import { AppError } from "../../errors.ts";
import { renderInPool } from "../../pdf/pool.ts";
import { enforceRateLimit } from "../auth/rate-limit.ts";
import { getUnitByCode } from "../units/queries.ts";
import {
  deviceOf,
  deviceState,
  rateAtDesk,
  requestPairing,
  requirePairedDevice,
  setDeviceCookie,
} from "./devices.ts";
import type { LiveHub } from "./live-hub.ts";
import { displayState, takeTicket } from "./queue.ts";
import { rosterWeek } from "./roster.ts";
import {
  documentOf,
  localDate,
  memberOf,
  membersOn,
  profileOf,
  publishedDocuments,
  requireProfile,
} from "./shared.ts";

const tags = ["desk"];
const CodeParams = z.strictObject({ code: z.string().min(3).max(40) });
const Once = z.enum(["true", "false"]).optional();
const EventStream = z.string().meta({ description: "text/event-stream: `event: state` with the JSON state" });

/** Kiosk: at most this many numbers a minute per device (a person every three seconds is already a crowd). */
export const TICKETS_PER_MINUTE = 20;
/** Pairing requests per address per ten minutes. */
export const PAIRINGS_PER_WINDOW = 10;

const FIELD_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  FIELDS.map((f) => [f.code, f.nameVi]),
);

export function deskPublicRoutes(hub: LiveHub): FastifyPluginAsyncZod {
  return async (app) => {
    const { db, clock, config } = app.deps;
    const streams = new Set<() => void>();
    app.addHook("preClose", async () => {
      for (const end of [...streams]) end();
    });

    async function stream(
      request: FastifyRequest,
      reply: FastifyReply,
      unitId: string,
      once: boolean,
      snapshot: () => Promise<unknown>,
    ) {
      const frame = (state: unknown) => `event: state\ndata: ${JSON.stringify(state)}\n\n`;
      if (once)
        return reply
          .type("text/event-stream; charset=utf-8")
          .header("cache-control", "no-store")
          .send(frame(await snapshot()));
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      raw.write("retry: 2000\n\n");
      let closed = false;
      let running = false;
      let again = false;
      const push = async () => {
        if (running) {
          again = true;
          return;
        }
        running = true;
        try {
          do {
            again = false;
            const state = await snapshot();
            if (!closed) raw.write(frame(state));
          } while (again && !closed);
        } catch (error) {
          request.log.warn({ err: error }, "desk stream snapshot failed");
        } finally {
          running = false;
        }
      };
      const unsubscribe = hub.subscribe(unitId, () => void push());
      const heartbeat = setInterval(() => raw.write(": keep-alive\n\n"), 20_000);
      const end = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(end);
        raw.end();
      };
      streams.add(end);
      request.raw.on("close", end);
      await push();
    }

    app.get(
      "/public/desk/:code",
      {
        schema: {
          tags,
          summary: "Trang công khai của Bộ phận Một cửa / The desk's public page",
          description:
            "Thành viên (họ tên, chức danh, lĩnh vực, điện thoại — NĐ 118/2025), nội quy, quy chế, lịch trực tuần này, giờ làm việc, địa chỉ tiếp nhận phản ánh. / Members, house rules, regulation, this week's roster, opening hours, feedback address.",
          params: CodeParams,
          querystring: WeekQuery,
          response: { 200: PublicDesk, ...ErrorResponses },
        },
      },
      async (request) => {
        const unit = await getUnitByCode(db, request.params.code);
        const profile = await requireProfile(db, unit.id);
        const now = clock();
        const members = await membersOn(db, unit.id, localDate(now));
        return {
          unit: { code: unit.code, name: unit.name },
          profile: profileOf(profile),
          members: members.map((m) => {
            const { staffId: _hidden, ...rest } = memberOf(m);
            return rest;
          }),
          documents: (await publishedDocuments(db, unit.id)).map(documentOf),
          roster: await rosterWeek(db, unit.id, request.query.week, now),
        };
      },
    );

    app.get(
      "/public/desk/:code/roster.pdf",
      {
        schema: {
          tags,
          summary: "Lịch trực tuần (PDF, A4) / The week's duty roster (PDF, A4)",
          params: CodeParams,
          querystring: WeekQuery,
          response: {
            200: z.instanceof(Uint8Array).meta({ type: "string", format: "binary" }),
            ...ErrorResponses,
          },
        },
      },
      async (request, reply) => {
        const unit = await getUnitByCode(db, request.params.code);
        const profile = await requireProfile(db, unit.id);
        const now = clock();
        const week = await rosterWeek(db, unit.id, request.query.week, now);
        const bytes = await renderInPool("deskRosterPdf", {
          unitName: unit.name,
          deskName: profile.name,
          weekStart: week.weekStart,
          days: week.days,
          fieldNames: FIELD_NAMES,
          openingHours: profile.opening_hours,
          feedback: `${profile.feedback_address}; điện thoại ${profile.feedback_phone}${profile.feedback_email ? `; thư điện tử ${profile.feedback_email}` : ""}`,
          printedAt: now,
        });
        return reply
          .type("application/pdf")
          .header("content-disposition", `inline; filename="lich-truc-${week.weekStart}.pdf"`)
          .header("cache-control", "no-store")
          .send(Buffer.from(bytes));
      },
    );

    app.get(
      "/public/desk/:code/display",
      {
        schema: {
          tags,
          summary: "Màn hình phòng chờ (sự kiện trực tiếp) / Waiting-room display (server-sent events)",
          description: "Chỉ có số thứ tự và quầy, không có thông tin cá nhân. / Numbers and counters only.",
          params: CodeParams,
          querystring: z.strictObject({ once: Once }),
          response: { 200: EventStream, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        const unit = await getUnitByCode(db, request.params.code);
        return stream(request, reply, unit.id, request.query.once === "true", () =>
          displayState(db, unit, clock()),
        );
      },
    );

    app.post(
      "/desk/device/pairing",
      {
        schema: {
          tags,
          summary:
            "Thiết bị xin ghép với đơn vị (nhận mã 6 số) / A device asks to be paired (gets a 6-digit code)",
          body: PairRequestInput,
          response: { 201: PairRequestAnswer, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        const now = clock();
        await enforceRateLimit(db, `desk-pairing:${request.ip}`, PAIRINGS_PER_WINDOW, 600, now);
        const unit = await getUnitByCode(db, request.body.unitCode);
        const result = await db
          .transaction()
          .execute((tx) => requestPairing(tx, request.body.kind, unit.id, now));
        setDeviceCookie(reply, request.body.kind, result.token, config.secureCookies);
        return reply.status(201).send({ code: result.code, expiresAt: result.expiresAt });
      },
    );

    app.get(
      "/desk/device",
      {
        schema: {
          tags,
          summary: "Trạng thái của thiết bị này / This device's state",
          querystring: z.strictObject({ kind: DeviceKind }),
          response: { 200: DeviceState, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        const device = await deviceOf(db, request, request.query.kind);
        return reply
          .header("cache-control", "no-store")
          .send(await deviceState(db, device, request.query.kind, clock()));
      },
    );

    app.get(
      "/desk/device/stream",
      {
        schema: {
          tags,
          summary: "Trạng thái thiết bị, trực tiếp / This device's state, live (server-sent events)",
          querystring: z.strictObject({ kind: DeviceKind, once: Once }),
          response: { 200: EventStream, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        const kind = request.query.kind;
        const device = await deviceOf(db, request, kind);
        if (!device) throw new AppError("DEVICE_REQUIRED");
        return stream(request, reply, device.unitId, request.query.once === "true", async () =>
          deviceState(db, await deviceOf(db, request, kind), kind, clock()),
        );
      },
    );

    app.post(
      "/desk/device/tickets",
      {
        schema: {
          tags,
          summary: "Lấy số thứ tự (kiosk) / Take a queue number (kiosk)",
          body: TakeTicketInput,
          response: { 201: TakenTicket, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        const device = await requirePairedDevice(db, request, "kiosk");
        const now = clock();
        await enforceRateLimit(db, `desk-ticket:${device.id}`, TICKETS_PER_MINUTE, 60, now);
        const ticket = await db
          .transaction()
          .execute((tx) => takeTicket(tx, { id: device.id, unitId: device.unitId }, request.body, now));
        hub.publish(device.unitId);
        return reply.status(201).send(ticket);
      },
    );

    app.post(
      "/desk/device/ratings",
      {
        schema: {
          tags,
          summary: "Đánh giá mức độ hài lòng tại quầy / Rate the dossier shown on this counter's tablet",
          body: DeskRatingInput,
          response: { 201: z.object({ ok: z.literal(true) }), ...ErrorResponses },
        },
      },
      async (request, reply) => {
        const device = await requirePairedDevice(db, request, "rating");
        const result = await db.transaction().execute((tx) => rateAtDesk(tx, device, request.body, clock()));
        hub.publish(device.unitId);
        return reply.status(201).send(result);
      },
    );
  };
}
