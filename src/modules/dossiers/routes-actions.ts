/** HTTP: reception and every action on a dossier. Each answers with the dossier as it now is. */
import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { z } from "zod";
import { ErrorResponses, Uuid } from "../../contracts/common.ts";
import {
  AcceptInput,
  ActionResult,
  ApologyInput,
  ApproveInput,
  AssignInput,
  ExtendInput,
  ForwardInput,
  NoteInput,
  ReasonInput,
  ReceiveInput,
  ReceptionResult,
  RequestSupplementInput,
  ResultInput,
  ReturnInput,
  SignResultInput,
  StopInput,
  SupplementReceivedInput,
  TransferInput,
  TransferReturnInput,
  VersionInput,
  WithdrawInput,
} from "../../contracts/dossiers.ts";
import { PaperRatingInput, PaperRatingView } from "../../contracts/portal-dossiers.ts";
import { requireStaff } from "../auth/policy.ts";
import type { StaffPrincipal } from "../auth/principal.ts";
import { dossierDetail } from "./detail.ts";
import type { ActionContext } from "./engine.ts";
import { lookupUrl } from "./forms.ts";
import { apologise, extendDossier, returnResult, stopDossier, withdraw } from "./late-and-stop.ts";
import { actsAtReceivingUnit, loadForAction, taskForCaller } from "./load.ts";
import { addNote } from "./notes-files.ts";
import { recordPaperRating } from "./paper-rating.ts";
import { type ActionOutput, perform, performAction } from "./perform.ts";
import { approve, assign, claim, forward, recordResult, reject, sendBack } from "./process-step.ts";
import { deskDecision, type ReceptionOutcome, receiveDossier } from "./receive-dossier.ts";
import { signResult } from "./sign-result.ts";
import { closeIncomplete, requestCitizenSupplement, supplementReceived } from "./supplement.ts";
import { transferDossier, transferReturn } from "./transfer-dossier.ts";

export const IdParams = z.strictObject({ id: Uuid });
export const errors = ErrorResponses;

/** The desk asks before acceptance; a processing step asks after it (through the desk). */
async function requestSupplement(
  ctx: ActionContext,
  id: string,
  input: z.infer<typeof RequestSupplementInput>,
): Promise<ActionOutput> {
  // Before acceptance the desk asks; after it, whoever works the open step (each path checks again as it loads).
  const { row } = await loadForAction(ctx, id, input.version, async (r) => {
    if (r.received_at === null) await actsAtReceivingUnit(ctx, "reception")(r);
    else await taskForCaller(ctx, r);
  });
  if (row.received_at === null) {
    const outcome = await deskDecision(ctx, id, input.version, {
      outcome: "request_supplement",
      items: input.items,
    });
    return { row: { id }, formId: outcome.formId };
  }
  return requestCitizenSupplement(ctx, id, input);
}

export const dossierActionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const tags = ["dossiers"];

  /** The dossier after a desk decision, with the lookup secret (shown this once) when it was accepted. */
  async function receptionResult(
    staff: StaffPrincipal,
    out: ReceptionOutcome,
    now: Date,
  ): Promise<ReceptionResult> {
    const row = await db
      .selectFrom("dossiers")
      .selectAll()
      .where("id", "=", out.dossierId)
      .executeTakeFirstOrThrow();
    const dossier = await dossierDetail(db, staff, row, now.getTime());
    const form = (id: string | null) => dossier.forms.find((f) => f.id === id) ?? null;
    return {
      dossier,
      receipt:
        out.secret !== null && row.code !== null
          ? {
              secret: out.secret,
              lookupUrl: lookupUrl(app.deps.config.publicUrl, row.code, out.secret),
              form: form(out.receiptFormId),
              citizenCopyUrl: `/api/v1/dossiers/${row.id}/receipt/citizen-copy`,
            }
          : null,
      form: form(out.formId),
    };
  }

  app.post(
    "/dossiers",
    {
      schema: {
        tags,
        summary: "Tiếp nhận hồ sơ tại Bộ phận Một cửa / Receive a dossier at the desk",
        description:
          "Tiếp nhận (mã hồ sơ, hẹn trả, Giấy tiếp nhận mẫu 01), yêu cầu bổ sung (mẫu 02) hoặc từ chối (mẫu 03). Mã tra cứu chỉ hiện một lần. / Accept (code, appointment, receipt), ask for supplements or refuse. The lookup secret is shown once.",
        body: ReceiveInput,
        response: { 201: ReceptionResult, ...errors },
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request.principal);
      const { out, now } = await perform(app, staff, request.log, (ctx) => receiveDossier(ctx, request.body));
      return reply.status(201).send(await receptionResult(staff, out, now));
    },
  );

  /** One POST route per action, all with the same shape. */
  const action = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    use: (ctx: ActionContext, id: string, input: z.infer<S>) => Promise<ActionOutput>,
  ) =>
    app.post(
      `/dossiers/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: ActionResult, ...errors } } },
      async (request) =>
        performAction(app, request.principal, request.log, (ctx) =>
          use(ctx, request.params.id, request.body as z.infer<S>),
        ),
    );

  app.post(
    "/dossiers/:id/accept",
    {
      schema: {
        tags,
        summary: "Tiếp nhận hồ sơ đang kiểm tra / Accept a dossier being checked",
        description:
          "Tiếp nhận hồ sơ đã kiểm tra (sau yêu cầu bổ sung hoặc nộp trực tuyến): cấp mã, hẹn trả và Giấy tiếp nhận; mã tra cứu chỉ hiện một lần. / Accept a dossier checked earlier (after a supplement request, or filed online): code, appointment, receipt; the lookup secret is shown once.",
        params: IdParams,
        body: AcceptInput,
        response: { 200: ReceptionResult, ...errors },
      },
    },
    async (request) => {
      const staff = requireStaff(request.principal);
      const { id } = request.params;
      const { out, now } = await perform(app, staff, request.log, (ctx) =>
        deskDecision(ctx, id, request.body.version, { outcome: "accept" }, request.body.components),
      );
      return receptionResult(staff, out, now);
    },
  );
  action(
    "refuse",
    "Từ chối tiếp nhận (mẫu 03) / Refuse at reception (form 03)",
    ReasonInput,
    async (ctx, id, b) => {
      const out = await deskDecision(ctx, id, b.version, { outcome: "refuse", reason: b.reason });
      return { row: { id }, formId: out.formId };
    },
  );
  action(
    "request-supplement",
    "Yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02) / Ask for supplements (form 02)",
    RequestSupplementInput,
    requestSupplement,
  );
  action(
    "supplement-received",
    "Tiếp nhận hồ sơ bổ sung / Record the supplement brought to the desk",
    SupplementReceivedInput,
    supplementReceived,
  );
  action(
    "close-incomplete",
    "Kết thúc hồ sơ không được bổ sung / Close a dossier not completed in time",
    VersionInput,
    closeIncomplete,
  );
  action("claim", "Nhận xử lý bước hiện tại / Claim the open step", VersionInput, claim);
  action("assign", "Giao, giao lại bước hiện tại / Assign or reassign the open step", AssignInput, assign);
  action("forward", "Chuyển bước tiếp theo / Forward to the next step", ForwardInput, forward);
  action("send-back", "Trả lại bước trước / Send back to the previous step", ReasonInput, sendBack);
  action(
    "transfer",
    "Chuyển liên thông sang cơ quan khác / Transfer to another unit or agency",
    TransferInput,
    transferDossier,
  );
  action(
    "transfer-return",
    "Trả hồ sơ liên thông về cơ quan gửi / Hand a transferred dossier back",
    TransferReturnInput,
    transferReturn,
  );
  action("approve", "Phê duyệt / Approve", ApproveInput, approve);
  app.post(
    "/dossiers/:id/sign-result",
    {
      schema: {
        tags,
        summary:
          "Lãnh đạo ký số dự thảo kết quả và phê duyệt / The leader signs the drafted result and approves",
        description:
          "Ký số (PAdES) tệp dự thảo kết quả bằng chứng thư số cá nhân của lãnh đạo, lưu bản đã ký làm tệp kết quả và phê duyệt hồ sơ. / Signs the drafted result (PAdES) with the leader's personal credential, keeps the signed copy as the result file and approves.",
        params: IdParams,
        body: SignResultInput,
        response: { 200: ActionResult, ...errors },
      },
    },
    async (request) => signResult(app, request.principal, request.log, request.params.id, request.body),
  );
  action("reject", "Không phê duyệt, nêu lý do / Reject with the reason", ReasonInput, reject);
  action("result", "Ghi nhận kết quả giải quyết / Record the result", ResultInput, recordResult);
  action(
    "apology",
    "Xin lỗi và hẹn lại ngày trả kết quả (mẫu 04) / Apologise with a new appointment (form 04)",
    ApologyInput,
    apologise,
  );
  action(
    "extend",
    "Gia hạn thời hạn giải quyết theo quy định (cần xác minh) / Apply the legal extension for verification",
    ExtendInput,
    extendDossier,
  );
  action("stop", "Dừng giải quyết hồ sơ (mẫu 05) / Stop processing (form 05)", StopInput, stopDossier);
  action("withdraw", "Rút hồ sơ / Withdraw the dossier", WithdrawInput, withdraw);
  action("return", "Trả kết quả / Return the result", ReturnInput, returnResult);
  action("notes", "Thêm ghi chú, tệp đính kèm / Add a note with attachments", NoteInput, addNote);

  app.post(
    "/dossiers/:id/ratings/paper",
    {
      schema: {
        tags,
        summary: "Nhập phiếu đánh giá bằng giấy / Record the paper evaluation slip",
        description:
          "Cán bộ nhập phiếu đánh giá người nộp đã điền (kèm mẫu 01–03); ghi rõ người nhập và nguồn giấy. Tiêu chí dịch vụ công trực tuyến chỉ cho hồ sơ nộp trực tuyến (422). / An officer types in the slip the applicant filled in (it goes with forms 01–03); who entered it and that it came from paper are kept. Online service quality only for online dossiers (422).",
        params: IdParams,
        body: PaperRatingInput,
        response: { 201: PaperRatingView, ...errors },
      },
    },
    async (request, reply) => {
      const { out } = await perform(app, request.principal, request.log, (ctx) =>
        recordPaperRating(ctx, request.params.id, request.body),
      );
      return reply.status(201).send(out);
    },
  );
};
