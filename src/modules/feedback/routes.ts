/**
 * Feedback and petitions over /api/v1: the public form, lookup, rating and published answers; the desk's entry;
 * the unit's register and the handling steps; settings, figures and Open311 client keys.
 */
import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { z } from "zod";
import { ErrorResponses, Uuid } from "../../contracts/common.ts";
import {
  AnswerInput,
  AssignInput,
  ClassifyInput,
  DeskFeedbackInput,
  FeedbackFigures,
  FeedbackRatingInput,
  FeedbackReceipt,
  FeedbackRecord,
  FeedbackSettings,
  FeedbackSettingsInput,
  FeedbackSummary,
  FiguresQuery,
  ForwardInput,
  LookupQuery,
  Open311Client,
  Open311ClientCreated,
  Open311ClientInput,
  PublicFeedbackInput,
  PublicFeedbackStatus,
  PublishedFeedback,
  PublishedQuery,
  PublishInput,
  RedactionProposal,
  RegisterQuery,
  SpamInput,
  StudyInput,
} from "../../contracts/feedback.ts";
import { formatInstant } from "../../domain/calendar/index.ts";
import { AppError } from "../../errors.ts";
import { assertCan } from "../auth/policy.ts";
import { getUnitByCode } from "../units/queries.ts";
import { assertCanReadFeedback, findFeedback } from "./access.ts";
import { feedbackFigures } from "./figures.ts";
import { answer, assign, classify, forward, markSpam, study, withStep } from "./handling.ts";
import { type IntakeResult, receiveFeedback } from "./intake.ts";
import { listPublished, lookupFeedback, publish, rateAnswer, redactionProposal } from "./publication.ts";
import { feedbackView, listRegister } from "./register.ts";
import { createOpen311Client, listOpen311Clients, readSettings, writeSettings } from "./settings.ts";

const IdParams = z.strictObject({ id: Uuid });
const tags = ["feedback"];

function attachments(
  list: { filename: string; contentType?: string | undefined; file: string }[] | undefined,
) {
  return (list ?? []).map((a) => ({
    name: a.filename,
    contentType: a.contentType,
    bytes: new Uint8Array(Buffer.from(a.file, "base64")),
  }));
}

function receipt(r: IntakeResult) {
  return { id: r.id, code: r.code, secret: r.secret, receivedAt: formatInstant(r.receivedAt.getTime()) };
}

export const feedbackRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, files, config } = app.deps;
  const intakeDeps = { db, files, publicUrl: config.publicUrl };

  // ---- public ---------------------------------------------------------------------------------------------------
  app.post(
    "/public/feedback",
    {
      schema: {
        tags,
        summary: "Gửi phản ánh, kiến nghị (công khai) / File feedback (public form)",
        body: PublicFeedbackInput,
        response: { 201: FeedbackReceipt, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      // The honeypot: a field people never see, so never fill. Refused without saying why.
      if (body.website) throw new AppError("FEEDBACK_REFUSED");
      const result = await receiveFeedback(
        intakeDeps,
        { ...body, channel: "web", attachments: attachments(body.attachments) },
        { kind: "public", ip: request.ip },
        clock(),
      );
      return reply.status(201).send(receipt(result));
    },
  );

  app.get(
    "/public/feedback/lookup",
    {
      schema: {
        tags,
        summary: "Tra cứu phản ánh, kiến nghị theo mã và mã bí mật / Look up a feedback by code and secret",
        querystring: LookupQuery,
        response: { 200: PublicFeedbackStatus, ...ErrorResponses },
      },
    },
    async (request) => lookupFeedback(db, request.query, request.ip, clock()),
  );

  app.post(
    "/public/feedback/rating",
    {
      schema: {
        tags,
        summary: "Đánh giá câu trả lời (NĐ 118/2025 Điều 33) / Rate the answer",
        body: FeedbackRatingInput,
        response: { 201: PublicFeedbackStatus, ...ErrorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await rateAnswer(db, request.body, request.ip, clock())),
  );

  app.get(
    "/public/feedback/published",
    {
      schema: {
        tags,
        summary: "Kết quả xử lý phản ánh, kiến nghị đã công khai / Published answers",
        querystring: PublishedQuery,
        response: { 200: z.object({ items: z.array(PublishedFeedback) }), ...ErrorResponses },
      },
    },
    async (request) => ({ items: await listPublished(db, request.query) }),
  );

  // ---- desk and register ----------------------------------------------------------------------------------------
  app.post(
    "/feedback",
    {
      schema: {
        tags,
        summary:
          "Vào sổ phản ánh, kiến nghị nhận qua thư, điện thoại, hòm thư góp ý / Register feedback at the desk",
        body: DeskFeedbackInput,
        response: { 201: FeedbackReceipt, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const unit = await getUnitByCode(db, request.body.unit);
      const staff = assertCan(request.principal, "feedback.receive", unit);
      const { receivedAt, ...body } = request.body;
      const result = await receiveFeedback(
        intakeDeps,
        {
          ...body,
          receivedAt: receivedAt ? new Date(receivedAt) : undefined,
          attachments: attachments(body.attachments),
        },
        { kind: "desk", actor: { kind: "staff", id: staff.staffId }, unitId: staff.unitId },
        clock(),
      );
      return reply.status(201).send(receipt(result));
    },
  );

  app.get(
    "/feedback",
    {
      schema: {
        tags,
        summary: "Sổ theo dõi phản ánh, kiến nghị / The unit's feedback register",
        querystring: RegisterQuery,
        response: {
          200: z.object({ items: z.array(FeedbackSummary), total: z.number().int() }),
          ...ErrorResponses,
        },
      },
    },
    async (request) => listRegister(db, request.principal, request.query, clock()),
  );

  app.get(
    "/feedback/:id",
    { schema: { tags, params: IdParams, response: { 200: FeedbackRecord, ...ErrorResponses } } },
    async (request) => {
      const row = await findFeedback(db, request.params.id);
      await assertCanReadFeedback(db, request.principal, row);
      return feedbackView(db, row, clock());
    },
  );

  app.get(
    "/feedback/:id/redaction",
    {
      schema: {
        tags,
        summary: "Bản đề xuất công khai đã ẩn thông tin cá nhân / Proposed public text without personal data",
        params: IdParams,
        response: { 200: RedactionProposal, ...ErrorResponses },
      },
    },
    async (request) => {
      const row = await findFeedback(db, request.params.id);
      await assertCanReadFeedback(db, request.principal, row);
      return redactionProposal(row);
    },
  );

  const step = <S extends z.ZodType<{ version: number }>>(
    path: string,
    summary: string,
    body: S,
    action: Parameters<typeof withStep>[4],
    run: (s: Parameters<Parameters<typeof withStep>[6]>[0], input: z.infer<S>) => Promise<void>,
  ) =>
    app.post(
      `/feedback/:id/${path}`,
      {
        schema: {
          tags,
          summary,
          params: IdParams,
          body,
          response: { 200: FeedbackRecord, ...ErrorResponses },
        },
      },
      async (request) => {
        const input = request.body as z.infer<S>;
        const now = clock();
        await withStep(db, request.principal, request.params.id, input.version, action, now, (s) =>
          run(s, input),
        );
        return feedbackView(db, await findFeedback(db, request.params.id), now);
      },
    );

  step("classify", "Phân loại (NĐ 20/2008 Điều 14) / Classify", ClassifyInput, "classify", classify);
  step("forward", "Chuyển cơ quan có thẩm quyền / Forward", ForwardInput, "forward", forward);
  step("assign", "Giao người xử lý / Assign a handler", AssignInput, "assign", assign);
  step(
    "study",
    "Nghiên cứu theo sáu tiêu chí (Điều 16) / Study against the six criteria",
    StudyInput,
    "study",
    study,
  );
  step("answer", "Quyết định và trả lời / Decide and answer", AnswerInput, "answer", answer);
  step(
    "publish",
    "Duyệt và công khai kết quả (Điều 19) / Approve and publish",
    PublishInput,
    "publish",
    (s, input) => publish(s, input, config.publicUrl),
  );
  step("spam", "Đánh dấu tin rác (giữ lại, không công khai) / Mark spam", SpamInput, "mark_spam", (s) =>
    markSpam(s),
  );

  // ---- settings, figures, Open311 clients -----------------------------------------------------------------------
  app.get(
    "/feedback-settings",
    {
      schema: {
        tags,
        querystring: z.strictObject({ unit: FeedbackSettingsInput.shape.unit }),
        response: { 200: FeedbackSettings, ...ErrorResponses },
      },
    },
    async (request) => readSettings(db, request.principal, request.query.unit),
  );
  app.put(
    "/feedback-settings",
    { schema: { tags, body: FeedbackSettingsInput, response: { 200: FeedbackSettings, ...ErrorResponses } } },
    async (request) => writeSettings(db, request.principal, request.body, clock()),
  );
  app.get(
    "/feedback-figures",
    {
      schema: {
        tags,
        summary: "Số liệu phản ánh, kiến nghị (QĐ 766 chỉ số 5.2, 5.3) / Feedback figures",
        querystring: FiguresQuery,
        response: { 200: FeedbackFigures, ...ErrorResponses },
      },
    },
    async (request) => feedbackFigures(db, request.principal, request.query),
  );
  app.get(
    "/open311-clients",
    {
      schema: {
        tags,
        querystring: z.strictObject({ unit: Open311ClientInput.shape.unit }),
        response: { 200: z.object({ items: z.array(Open311Client) }), ...ErrorResponses },
      },
    },
    async (request) => ({ items: await listOpen311Clients(db, request.principal, request.query.unit) }),
  );
  app.post(
    "/open311-clients",
    {
      schema: {
        tags,
        summary: "Cấp api_key cho ứng dụng Open311 / Issue an Open311 client key (shown once)",
        body: Open311ClientInput,
        response: { 201: Open311ClientCreated, ...ErrorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOpen311Client(db, request.principal, request.body, clock())),
  );
};
