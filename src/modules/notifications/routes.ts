import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import type { Selectable } from "kysely";
import { z } from "zod";
import { ErrorResponse, Uuid } from "../../contracts/common.ts";
import { DemoMailboxResponse, OutboxMessage, OutboxOverview } from "../../contracts/notifications.ts";
import type { NotificationOutboxTable } from "../../db/tables/notifications.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { assertCan, requireStaff, widestScope } from "../auth/policy.ts";
import { actorOf } from "../auth/principal.ts";
import { getUnit } from "../units/queries.ts";

const tags = ["notifications"];
const errors = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } as const;

/** "n***@example.vn", "+8491****678": an admin recognises the recipient without the list leaking addresses. */
export function maskRecipient(recipient: string): string {
  const at = recipient.indexOf("@");
  if (at > 0) return `${recipient[0]}***${recipient.slice(at)}`;
  return recipient.length > 7 ? `${recipient.slice(0, 5)}****${recipient.slice(-3)}` : "****";
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function messageOf(row: Selectable<NotificationOutboxTable>): OutboxMessage {
  return {
    id: row.id,
    channel: row.channel,
    template: row.template,
    templateVersion: row.template_version,
    recipient: maskRecipient(row.recipient),
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: iso(row.next_attempt_at) as string,
    createdAt: iso(row.created_at) as string,
    sentAt: iso(row.sent_at),
    unitId: row.unit_id,
    dossierId: row.dossier_id,
  };
}

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  /** Outbox rows of a unit and every unit below it. */
  const inSubtree = (path: string) =>
    db
      .selectFrom("notification_outbox as o")
      .innerJoin("units as u", "u.id", "o.unit_id")
      .where("u.path", "like", `${path.replace(/[\\%_]/g, "\\$&")}%`);

  app.get(
    "/units/:id/notifications",
    {
      schema: {
        tags,
        summary: "Tình trạng gửi thông báo của đơn vị / A unit's notification outbox",
        description:
          "Số thông báo chờ gửi, đã gửi, gửi thất bại của đơn vị và các đơn vị cấp dưới; các thông báo lỗi kèm lỗi gần nhất. / Counts by status for the unit and the units below it, and the failed messages with their last error.",
        params: z.strictObject({ id: Uuid }),
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: OutboxOverview, ...errors },
      },
    },
    async (request) => {
      const unit = await getUnit(db, request.params.id);
      assertCan(request.principal, "notification.read", unit);
      const now = app.deps.clock();
      const grouped = await inSubtree(unit.path)
        .select(["o.status", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy("o.status")
        .execute();
      const counts = { pending: 0, sent: 0, dead: 0 };
      for (const g of grouped) counts[g.status] = Number(g.n);
      const pending = await inSubtree(unit.path)
        .where("o.status", "=", "pending")
        .select([
          (eb) => eb.fn.min("o.created_at").as("oldest"),
          (eb) =>
            eb.fn
              .countAll<number>()
              .filterWhere("o.created_at", "<", new Date(now.getTime() - 60_000))
              .as("overdue"),
        ])
        .executeTakeFirst();
      const failures = await inSubtree(unit.path)
        .selectAll("o")
        .where((eb) =>
          eb.or([
            eb("o.status", "=", "dead"),
            eb.and([eb("o.status", "=", "pending"), eb("o.last_error", "is not", null)]),
          ]),
        )
        .orderBy("o.created_at", "desc")
        .limit(request.query.limit)
        .execute();
      return {
        counts,
        overdue: Number(pending?.overdue ?? 0),
        oldestPendingAt: pending?.oldest ? iso(pending.oldest as Date) : null,
        failures: failures.map(messageOf),
      };
    },
  );

  app.post(
    "/units/:id/notifications/:messageId/retry",
    {
      schema: {
        tags,
        summary: "Gửi lại thông báo thất bại / Send a failed notification again",
        description:
          "Đưa một thông báo đã thất bại hẳn về hàng đợi, đặt lại số lần thử. / Puts a dead message back in the queue with its attempts reset.",
        params: z.strictObject({ id: Uuid, messageId: Uuid }),
        response: { 200: OutboxMessage, 409: ErrorResponse, ...errors },
      },
    },
    async (request) => {
      const unit = await getUnit(db, request.params.id);
      const staff = assertCan(request.principal, "notification.manage", unit);
      const now = app.deps.clock();
      const row = await db.transaction().execute(async (tx) => {
        const current = await tx
          .selectFrom("notification_outbox as o")
          .innerJoin("units as u", "u.id", "o.unit_id")
          .selectAll("o")
          .where("o.id", "=", request.params.messageId)
          .where("u.path", "like", `${unit.path.replace(/[\\%_]/g, "\\$&")}%`)
          .forUpdate("o")
          .executeTakeFirst();
        if (!current)
          throw new AppError("NOT_FOUND", {
            details: { entity: "notification", id: request.params.messageId },
          });
        if (current.status !== "dead")
          throw new AppError("NOTIFICATION_NOT_DEAD", { details: { status: current.status } });
        if (current.body_text === null) throw new AppError("NOTIFICATION_BODY_ERASED");
        const updated = await tx
          .updateTable("notification_outbox")
          .set({ status: "pending", attempts: 0, next_attempt_at: now, claimed_at: null })
          .where("id", "=", current.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(
          tx,
          {
            actor: actorOf(staff),
            action: "notification.retry",
            entityType: "notification",
            entityId: current.id,
            unitId: current.unit_id,
            summary: {
              template: current.template,
              channel: current.channel,
              attempts: current.attempts,
              lastError: current.last_error,
              dossierId: current.dossier_id,
            },
          },
          now,
        );
        return updated;
      });
      return messageOf(row);
    },
  );

  app.get(
    "/demo/mailbox",
    {
      schema: {
        tags,
        summary: "Hộp thư trình diễn / The demo mailbox (demo mode only)",
        description:
          "Chỉ ở chế độ trình diễn, chỉ cho quản trị hệ thống: thư và tin nhắn mà máy chủ thư và cổng SMS cục bộ đã nhận (để đọc mã xác nhận). / Demo mode only, the system administrator only: the mail and SMS the local catcher and SMS peer received.",
        querystring: z.strictObject({ to: z.string().max(254).optional() }),
        response: { 200: DemoMailboxResponse, ...errors },
      },
    },
    async (request) => {
      const mailbox = app.deps.config.demo ? app.deps.demoMailbox : undefined;
      if (!mailbox) throw new AppError("DEMO_ONLY");
      const staff = requireStaff(request.principal);
      // The mailbox holds every unit's codes and links, whoever they were sent to: only a scope over all units,
      // the system administrator's, reads it (issue 14, finding 11). A unit administrator is refused.
      if (widestScope(staff, "notification.manage") !== "all") {
        throw new AppError("FORBIDDEN", { details: { action: "notification.manage" } });
      }
      const to = request.query.to?.toLowerCase();
      const phone = to?.replace(/^\+/, "").replace(/^0/, "84");
      const [mails, sms] = await Promise.all([mailbox.mails(), mailbox.sms()]);
      return {
        mails: mails
          .filter((m) => !to || m.to.some((a) => a.toLowerCase() === to))
          .slice(-100)
          .reverse()
          .map((m) => ({
            messageId: m.messageId,
            to: m.to,
            subject: m.subject,
            text: m.text,
            receivedAt: m.receivedAt.toISOString(),
          })),
        sms: sms
          .filter((s) => !phone || s.phone === phone)
          .slice(-100)
          .reverse()
          .map((s) => ({ phone: s.phone, message: s.message, receivedAt: s.receivedAt.toISOString() })),
      };
    },
  );
};
