/**
 * Staff routes of the desk under /units/:id/desk. Reading is unit.read; setting the desk up (profile, members,
 * documents, weekly and holiday duties, roster changes, kiosks) is roster.manage; the queue and the counter's tablet are the
 * reception officer's (dossier.receive, own unit); figures are report.read. Every change is one transaction with
 * its audit event; changes a live page shows are published to the unit's listeners after the commit.
 */
import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { z } from "zod";
import { ErrorResponses, Uuid } from "../../contracts/common.ts";
import {
  CallNextInput,
  DeskAdminView,
  DeskDocument,
  DeskFigures,
  DeskProfile,
  DeskProfileInput,
  DocumentInput,
  DutyInput,
  EndDutyInput,
  EndMemberInput,
  FiguresQuery,
  FinishTicketInput,
  HolidayDuty,
  HolidayDutyInput,
  Member,
  MemberInput,
  PairAnswer,
  PairInput,
  PushRatingInput,
  QueueView,
  RosterChangeInput,
  RosterWeek,
  Ticket,
  WeekQuery,
} from "../../contracts/desk.ts";
import type { Tx } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { type Action, assertCan, can, requireStaff } from "../auth/policy.ts";
import type { Principal } from "../auth/principal.ts";
import { getUnit } from "../units/queries.ts";
import { pairDevice, pushRating } from "./devices.ts";
import { deskFigures } from "./figures.ts";
import type { LiveHub } from "./live-hub.ts";
import { addDocument, addMember, endMember, publishDocument, type StaffAct, saveProfile } from "./members.ts";
import { callNext, finishTicket, queueView } from "./queue.ts";
import {
  addDuty,
  addHolidayDuty,
  addRosterChange,
  cancelHolidayDuty,
  endDuty,
  rosterWeek,
} from "./roster.ts";
import { documentOf, memberOf, profileOf, profileRow } from "./shared.ts";

const tags = ["desk"];
const Params = z.strictObject({ id: Uuid });

export function deskStaffRoutes(hub: LiveHub): FastifyPluginAsyncZod {
  return async (app) => {
    const { db, clock } = app.deps;

    /** Authorizes, then runs `work` in one transaction as the staff member. */
    async function act<T>(
      principal: Principal,
      unitId: string,
      action: Action,
      work: (a: StaffAct) => Promise<T>,
      live = false,
    ) {
      const unit = await getUnit(db, unitId);
      const staff = assertCan(principal, action, unit);
      const result = await db
        .transaction()
        .execute((tx: Tx) => work({ tx, staff, unitId: unit.id, now: clock() }));
      if (live) hub.publish(unit.id);
      return result;
    }

    app.get(
      "/units/:id/desk",
      {
        schema: {
          tags,
          summary: "Bộ phận Một cửa của đơn vị (quản trị) / A unit's desk (administration)",
          params: Params,
          response: { 200: DeskAdminView, ...ErrorResponses },
        },
      },
      async (request) => {
        const unit = await getUnit(db, request.params.id);
        assertCan(request.principal, "unit.read", unit);
        const profile = await profileRow(db, unit.id);
        const members = await db
          .selectFrom("desk_members")
          .selectAll()
          .where("unit_id", "=", unit.id)
          .orderBy("starts_on")
          .orderBy("full_name")
          .execute();
        const documents = await db
          .selectFrom("desk_documents")
          .selectAll()
          .where("unit_id", "=", unit.id)
          .orderBy("kind")
          .orderBy("version", "desc")
          .execute();
        const duties = await db
          .selectFrom("desk_duties as d")
          .innerJoin("desk_members as m", "m.id", "d.member_id")
          .select([
            "d.id",
            "d.member_id",
            "d.weekday",
            "d.session",
            "d.counter",
            "d.valid_from",
            "d.valid_to",
            "m.full_name",
          ])
          .where("d.unit_id", "=", unit.id)
          .where("d.valid_to", "is", null)
          .orderBy("d.weekday")
          .orderBy("d.session")
          .orderBy("d.counter")
          .execute();
        return {
          unit: { id: unit.id, code: unit.code, name: unit.name },
          profile: profile ? profileOf(profile) : null,
          members: members.map(memberOf),
          documents: documents.map(documentOf),
          duties: duties.map((d) => ({
            id: d.id,
            memberId: d.member_id,
            memberName: d.full_name,
            weekday: d.weekday,
            session: d.session,
            counter: d.counter,
            validFrom: d.valid_from,
            validTo: d.valid_to,
          })),
        };
      },
    );

    app.put(
      "/units/:id/desk/profile",
      {
        schema: {
          tags,
          summary: "Khai báo Bộ phận Một cửa / Set up the desk (model, opening hours, feedback address)",
          params: Params,
          body: DeskProfileInput,
          response: { 200: DeskProfile, ...ErrorResponses },
        },
      },
      async (request) =>
        act(request.principal, request.params.id, "roster.manage", (a) => saveProfile(a, request.body)),
    );

    app.post(
      "/units/:id/desk/members",
      {
        schema: {
          tags,
          summary: "Thêm thành viên hoặc đổi chức danh / Add a member or change a position (history kept)",
          params: Params,
          body: MemberInput,
          response: { 201: Member, ...ErrorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await act(request.principal, request.params.id, "roster.manage", (a) =>
              addMember(a, request.body),
            ),
          ),
    );

    app.post(
      "/units/:id/desk/members/:memberId/end",
      {
        schema: {
          tags,
          summary: "Kết thúc nhiệm vụ của thành viên / End a member's position",
          params: z.strictObject({ id: Uuid, memberId: Uuid }),
          body: EndMemberInput,
          response: { 200: Member, ...ErrorResponses },
        },
      },
      async (request) =>
        act(request.principal, request.params.id, "roster.manage", (a) =>
          endMember(a, request.params.memberId, request.body),
        ),
    );

    app.post(
      "/units/:id/desk/documents",
      {
        schema: {
          tags,
          summary: "Phiên bản mới của nội quy, quy chế / A new version of the house rules or the regulation",
          params: Params,
          body: DocumentInput,
          response: { 201: DeskDocument, ...ErrorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await act(request.principal, request.params.id, "roster.manage", (a) =>
              addDocument(a, request.body),
            ),
          ),
    );

    app.post(
      "/units/:id/desk/documents/:documentId/publish",
      {
        schema: {
          tags,
          summary: "Ban hành (công khai) một phiên bản / Publish a version",
          params: z.strictObject({ id: Uuid, documentId: Uuid }),
          response: { 200: DeskDocument, ...ErrorResponses },
        },
      },
      async (request) =>
        act(request.principal, request.params.id, "roster.manage", (a) =>
          publishDocument(a, request.params.documentId),
        ),
    );

    app.post(
      "/units/:id/desk/duties",
      {
        schema: {
          tags,
          summary: "Ca trực hằng tuần / A weekly duty",
          params: Params,
          body: DutyInput,
          response: { 201: DutyInput.extend({ id: Uuid, memberName: z.string() }), ...ErrorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await act(request.principal, request.params.id, "roster.manage", (a) => addDuty(a, request.body)),
          ),
    );

    app.post(
      "/units/:id/desk/duties/:dutyId/end",
      {
        schema: {
          tags,
          summary: "Kết thúc hoặc bỏ một ca trực hằng tuần / End or remove one weekly duty",
          description:
            "lastDay là ngày cuối cùng ca trực áp dụng (không trước hôm qua); trước ngày bắt đầu thì ca trực bị bỏ. / lastDay is the last day the duty applies (not before yesterday); before its first day the duty is removed.",
          params: z.strictObject({ id: Uuid, dutyId: Uuid }),
          body: EndDutyInput,
          response: {
            200: DutyInput.extend({ id: Uuid, memberName: z.string(), removed: z.boolean() }),
            ...ErrorResponses,
          },
        },
      },
      async (request) =>
        act(request.principal, request.params.id, "roster.manage", (a) =>
          endDuty(a, request.params.dutyId, request.body),
        ),
    );

    app.post(
      "/units/:id/desk/holiday-duties",
      {
        schema: {
          tags,
          summary: "Trực ngày nghỉ, ngày lễ, Tết / A duty on a holiday or other day off",
          params: Params,
          body: HolidayDutyInput,
          response: { 201: HolidayDuty, ...ErrorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await act(request.principal, request.params.id, "roster.manage", (a) =>
              addHolidayDuty(a, request.body),
            ),
          ),
    );

    app.post(
      "/units/:id/desk/holiday-duties/:dutyId/cancel",
      {
        schema: {
          tags,
          summary: "Hủy một ca trực ngày nghỉ / Cancel a duty on a day off",
          params: z.strictObject({ id: Uuid, dutyId: Uuid }),
          response: { 200: z.object({ id: Uuid }), ...ErrorResponses },
        },
      },
      async (request) =>
        act(request.principal, request.params.id, "roster.manage", (a) =>
          cancelHolidayDuty(a, request.params.dutyId),
        ),
    );

    app.post(
      "/units/:id/desk/roster-changes",
      {
        schema: {
          tags,
          summary: "Nghỉ trực, đổi ca / An absence or a swap on one date",
          params: Params,
          body: RosterChangeInput,
          response: { 201: z.object({ id: Uuid }), ...ErrorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await act(request.principal, request.params.id, "roster.manage", (a) =>
              addRosterChange(a, request.body),
            ),
          ),
    );

    app.get(
      "/units/:id/desk/roster",
      {
        schema: {
          tags,
          summary:
            "Lịch trực một tuần, kèm cảnh báo lĩnh vực không có người trực / A week's roster with its gaps",
          params: Params,
          querystring: WeekQuery,
          response: { 200: RosterWeek, ...ErrorResponses },
        },
      },
      async (request) => {
        const unit = await getUnit(db, request.params.id);
        assertCan(request.principal, "unit.read", unit);
        return rosterWeek(db, unit.id, request.query.week, clock());
      },
    );

    app.post(
      "/units/:id/desk/devices/pair",
      {
        schema: {
          tags,
          summary: "Ghép thiết bị bằng mã (kiosk lấy số, máy tính bảng đánh giá) / Pair a device by its code",
          description:
            "Kiosk: quản trị đơn vị (roster.manage). Máy đánh giá của một quầy: cán bộ tiếp nhận (dossier.receive). / Kiosk: unit admin; a counter's rating tablet: the reception officer.",
          params: Params,
          body: PairInput,
          response: { 200: PairAnswer, ...ErrorResponses },
        },
      },
      async (request) => {
        const unit = await getUnit(db, request.params.id);
        // Either permission lets the request reach the code; which one this device needs is checked there.
        const staff = requireStaff(request.principal);
        if (!can(staff, "roster.manage", unit) && !can(staff, "dossier.receive", unit))
          throw new AppError("FORBIDDEN", { details: { action: "dossier.receive" } });
        const result = await db
          .transaction()
          .execute((tx) =>
            pairDevice({ tx, staff, unitId: unit.id, now: clock() }, request.principal, unit, request.body),
          );
        hub.publish(unit.id);
        return result;
      },
    );

    app.get(
      "/units/:id/desk/queue",
      {
        schema: {
          tags,
          summary: "Hàng đợi hôm nay / Today's queue",
          params: Params,
          response: { 200: QueueView, ...ErrorResponses },
        },
      },
      async (request) => {
        const unit = await getUnit(db, request.params.id);
        const staff = assertCan(request.principal, "dossier.receive", unit);
        return queueView(db, unit.id, staff.staffId, clock());
      },
    );

    app.post(
      "/units/:id/desk/queue/call-next",
      {
        schema: {
          tags,
          summary: "Gọi số tiếp theo / Call the next number",
          params: Params,
          body: CallNextInput,
          response: { 200: Ticket, ...ErrorResponses },
        },
      },
      async (request) =>
        act(
          request.principal,
          request.params.id,
          "dossier.receive",
          (a) => callNext(a, request.body.counter),
          true,
        ),
    );

    app.post(
      "/units/:id/desk/queue/tickets/:ticketId/finish",
      {
        schema: {
          tags,
          summary:
            "Kết thúc lượt phục vụ, gắn hồ sơ đã tiếp nhận / Finish a number, linking the dossier received",
          params: z.strictObject({ id: Uuid, ticketId: Uuid }),
          body: FinishTicketInput,
          response: { 200: Ticket, ...ErrorResponses },
        },
      },
      async (request) =>
        act(
          request.principal,
          request.params.id,
          "dossier.receive",
          (a) => finishTicket(a, request.params.ticketId, request.body),
          true,
        ),
    );

    app.post(
      "/units/:id/desk/counters/:counter/rating",
      {
        schema: {
          tags,
          summary: "Đưa hồ sơ lên máy đánh giá của quầy / Show a dossier on the counter's rating tablet",
          params: z.strictObject({ id: Uuid, counter: z.coerce.number().int().min(1).max(99) }),
          body: PushRatingInput,
          response: { 200: z.object({ id: Uuid, dossierCode: z.string() }), ...ErrorResponses },
        },
      },
      async (request) =>
        act(
          request.principal,
          request.params.id,
          "dossier.receive",
          (a) => pushRating(a, request.params.counter, request.body.dossierId),
          true,
        ),
    );

    app.get(
      "/units/:id/desk/figures",
      {
        schema: {
          tags,
          summary:
            "Số liệu Bộ phận Một cửa / Desk figures (visitors, waiting and service times, ratings per officer)",
          params: Params,
          querystring: FiguresQuery,
          response: { 200: DeskFigures, ...ErrorResponses },
        },
      },
      async (request) => {
        const unit = await getUnit(db, request.params.id);
        assertCan(request.principal, "report.read", unit);
        if (request.query.to < request.query.from)
          throw new AppError("VALIDATION_FAILED", { details: { field: "to" } });
        return deskFigures(db, unit.id, request.query.from, request.query.to);
      },
    );
  };
}
