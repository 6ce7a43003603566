/** HTTP: a dossier's fee and payments, the electronic receipt, reconciliation and refunds, and the gateway's calls. */
import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { z } from "zod";
import { ErrorResponse } from "../../contracts/common.ts";
import {
  CounterPaymentInput,
  DossierIdParams,
  DossierPayments,
  GatewayCallbackQuery,
  IpnAnswer,
  Payment,
  PaymentIdParams,
  paymentResultPath,
  RefundInput,
  StartPaymentInput,
  StartPaymentResult,
} from "../../contracts/payments.ts";
import { AppError } from "../../errors.ts";
import { requireStaff } from "../auth/policy.ts";
import { type DossierForPayment, loadDossier, loadPayment, type PaymentRow, viewerOf } from "./access.ts";
import { gatewayOf, requireGateway } from "./gateway.ts";
import { handleIpn, handleReturn } from "./ipn.ts";
import { receiptPdf } from "./receipt.ts";
import { queryPayment, refundPayment } from "./reconcile.ts";
import { recordCounterPayment, startOnlinePayment } from "./start.ts";
import { isOpenFor, paymentView } from "./view.ts";

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
  429: ErrorResponse,
  503: ErrorResponse,
};

const Binary = (description: string) =>
  z.instanceof(Uint8Array).meta({ description, type: "string", format: "binary" });

function feeStatus(dossier: DossierForPayment, items: readonly PaymentRow[], now: Date) {
  if (dossier.fee_vnd === null) return "not_set" as const;
  if (dossier.fee_vnd <= 0) return "free" as const;
  if (items.some((p) => p.status === "paid")) return "paid" as const;
  if (items.some((p) => isOpenFor(p, now) || p.status === "pending")) return "pending" as const;
  if (items.some((p) => p.status === "refunded")) return "refunded" as const;
  return "unpaid" as const;
}

export const paymentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;
  const tags = ["payments"];
  const publicUrl = config.publicUrl;

  const paymentFor = async (principal: Parameters<typeof viewerOf>[1], id: string) => {
    const payment = await loadPayment(db, id);
    const dossier = await loadDossier(db, payment.dossier_id);
    try {
      const { viewer, unit } = await viewerOf(db, principal, dossier);
      return { payment, dossier, viewer, unit };
    } catch (error) {
      // Someone else's payment is as unknown as a payment that does not exist.
      if (error instanceof AppError && error.code === "NOT_FOUND") {
        throw new AppError("NOT_FOUND", { details: { entity: "payment" } });
      }
      throw error;
    }
  };

  app.get(
    "/dossiers/:id/payments",
    {
      schema: {
        tags,
        summary: "Phí, lệ phí và các lần thanh toán của hồ sơ / A dossier's fee and payments",
        description:
          "Công dân chủ hồ sơ hoặc cán bộ xem được hồ sơ; hồ sơ của người khác trả 404. / The owner citizen or staff who see the dossier; another citizen's dossier answers 404.",
        params: DossierIdParams,
        response: { 200: DossierPayments, ...errors },
      },
    },
    async (request) => {
      const now = clock();
      const dossier = await loadDossier(db, request.params.id);
      const { viewer, unit } = await viewerOf(db, request.principal, dossier);
      const rows = await db
        .selectFrom("payments")
        .selectAll()
        .where("dossier_id", "=", dossier.id)
        .orderBy("created_at", "desc")
        .orderBy("id")
        .execute();
      const status = feeStatus(dossier, rows, now);
      return {
        fee: {
          dossierId: dossier.id,
          dossierCode: dossier.code,
          procedureName: dossier.procedure_name,
          amountVnd: dossier.fee_vnd,
          status,
          canPayOnline:
            viewer.kind === "owner" &&
            gatewayOf(config) !== null &&
            (status === "unpaid" || status === "refunded" || status === "pending"),
        },
        items: await Promise.all(rows.map((row) => paymentView(db, row, dossier, unit, viewer, now))),
      };
    },
  );

  app.post(
    "/dossiers/:id/payments",
    {
      schema: {
        tags,
        summary: "Công dân bắt đầu thanh toán trực tuyến / The owner starts an online payment",
        description:
          "Trả địa chỉ cổng thanh toán đã ký (201), hoặc giao dịch đang mở (200). Phí đã nộp: 409 FEE_ALREADY_PAID. / Returns the signed gateway address (201), or the open payment again (200). A paid fee: 409 FEE_ALREADY_PAID.",
        params: DossierIdParams,
        body: StartPaymentInput,
        response: { 200: StartPaymentResult, 201: StartPaymentResult, ...errors },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      if (principal.kind === "anonymous") throw new AppError("UNAUTHENTICATED");
      if (principal.kind !== "citizen") {
        // Staff record counter payments; the online payment is the citizen's own.
        throw new AppError("FORBIDDEN", { details: { action: "payment.start" } });
      }
      const now = clock();
      const gateway = requireGateway(config);
      const { payment, created } = await startOnlinePayment(
        { db, gateway, publicUrl },
        principal,
        request.params.id,
        request.body,
        request.ip,
        now,
      );
      const dossier = await loadDossier(db, payment.dossier_id);
      const { viewer, unit } = await viewerOf(db, principal, dossier);
      const view = await paymentView(db, payment, dossier, unit, viewer, now);
      return reply
        .status(created ? 201 : 200)
        .send({ payment: view, redirectUrl: payment.redirect_url as string });
    },
  );

  app.post(
    "/dossiers/:id/payments/counter",
    {
      schema: {
        tags,
        summary:
          "Bộ phận Một cửa ghi nhận thu phí tại quầy / The desk records a fee collected at the counter",
        params: DossierIdParams,
        body: CounterPaymentInput,
        response: { 201: Payment, ...errors },
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request.principal);
      const now = clock();
      const dossier = await loadDossier(db, request.params.id);
      const { viewer, unit } = await viewerOf(db, staff, dossier);
      if (viewer.kind !== "staff" || !viewer.collects) {
        throw new AppError("FORBIDDEN", { details: { action: "payment.collect" } });
      }
      const payment = await recordCounterPayment(db, staff, dossier.id, request.body, now, publicUrl);
      return reply.status(201).send(await paymentView(db, payment, dossier, unit, viewer, now));
    },
  );

  app.get(
    "/payments/:id",
    {
      schema: {
        tags,
        summary: "Một lần thanh toán / One payment",
        params: PaymentIdParams,
        response: { 200: Payment, ...errors },
      },
    },
    async (request) => {
      const { payment, dossier, viewer, unit } = await paymentFor(request.principal, request.params.id);
      return paymentView(db, payment, dossier, unit, viewer, clock());
    },
  );

  app.get(
    "/payments/:id/receipt",
    {
      schema: {
        tags,
        summary: "Biên lai thu phí, lệ phí điện tử (PDF) / Electronic receipt of payment (PDF)",
        params: PaymentIdParams,
        response: { 200: Binary("application/pdf"), ...errors },
      },
    },
    async (request, reply) => {
      const { payment, dossier } = await paymentFor(request.principal, request.params.id);
      const { bytes, filename } = await receiptPdf(db, payment, dossier, publicUrl);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${filename}"`)
        .header("cache-control", "private, no-store")
        .send(Buffer.from(bytes));
    },
  );

  app.post(
    "/payments/:id/query",
    {
      schema: {
        tags,
        summary:
          "Đối soát với cổng thanh toán (querydr) / Reconcile a pending payment with the gateway (querydr)",
        params: PaymentIdParams,
        response: { 200: Payment, ...errors },
      },
    },
    async (request) => {
      const { payment, dossier, viewer, unit } = await paymentFor(request.principal, request.params.id);
      if (viewer.kind !== "staff") throw new AppError("FORBIDDEN", { details: { action: "payment.query" } });
      const staff = requireStaff(request.principal);
      const now = clock();
      const settled = await queryPayment(
        { db, gateway: requireGateway(config), publicUrl },
        staff,
        payment,
        request.ip,
        now,
      );
      return paymentView(db, settled, dossier, unit, viewer, now);
    },
  );

  app.post(
    "/payments/:id/refund",
    {
      schema: {
        tags,
        summary: "Hoàn tiền (lãnh đạo, quản trị đơn vị) / Refund (leader or unit administrator)",
        params: PaymentIdParams,
        body: RefundInput,
        response: { 200: Payment, ...errors },
      },
    },
    async (request) => {
      const { payment, dossier, viewer, unit } = await paymentFor(request.principal, request.params.id);
      const staff = viewer.kind === "staff" ? requireStaff(request.principal) : null;
      if (!staff || viewer.kind !== "staff" || !viewer.refunds) {
        throw new AppError("FORBIDDEN", { details: { action: "payment.refund" } });
      }
      const now = clock();
      const refunded = await refundPayment(
        { db, gateway: gatewayOf(config) },
        staff,
        payment,
        request.body,
        request.ip,
        now,
      );
      return paymentView(db, refunded, dossier, unit, viewer, now);
    },
  );

  app.get(
    "/payments/vnpay/ipn",
    {
      config: { csrf: false },
      schema: {
        tags,
        summary: "IPN của cổng thanh toán (máy chủ gọi máy chủ, có chữ ký) / The gateway's signed IPN call",
        description:
          "Công khai, xác thực bằng chữ ký HMAC-SHA512. Trả lời RspCode 00/01/02/04/97/99 theo giao thức VNPay. / Public, authenticated by its HMAC-SHA512 signature; answers VNPay's RspCode 00/01/02/04/97/99.",
        querystring: GatewayCallbackQuery,
        response: { 200: IpnAnswer, 429: ErrorResponse },
      },
    },
    async (request) => {
      const gateway = gatewayOf(config);
      if (!gateway) return { RspCode: "99", Message: "Online payment is not configured" };
      try {
        return await handleIpn({ db, gateway, publicUrl }, request.query, request.ip, clock());
      } catch (error) {
        // Too many unsigned calls from this address: refused before anything was written.
        if (error instanceof AppError && error.code === "RATE_LIMITED") throw error;
        request.log.error({ err: error }, "payment IPN failed");
        return { RspCode: "99", Message: "Unknown error" };
      }
    },
  );

  app.get(
    "/payments/vnpay/return",
    {
      schema: {
        tags,
        summary: "Trình duyệt quay về từ cổng thanh toán / The browser's return from the gateway",
        description:
          "Chỉ hiển thị kết quả, không ghi nhận thanh toán; chuyển tiếp (302) đến trang cổng dịch vụ công. / Shows the outcome only (never marks paid); redirects (302) to the portal page.",
        querystring: GatewayCallbackQuery,
        response: { 302: z.null().meta({ description: "Redirect to the portal's payment page" }), ...errors },
      },
    },
    async (request, reply) => {
      const gateway = requireGateway(config);
      const { paymentId, outcome } = await handleReturn(
        { db, gateway, publicUrl },
        request.query,
        request.ip,
        clock(),
      );
      return reply.header("cache-control", "no-store").redirect(paymentResultPath(paymentId, outcome), 302);
    },
  );
};
