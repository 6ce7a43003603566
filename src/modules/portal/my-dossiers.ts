/**
 * "My dossiers" (hồ sơ của tôi): the citizen's own online dossiers, and one of them in detail with a citizen-safe
 * timeline (status changes only: no officer names, no internal notes, no internal hand-overs), the messages from
 * the desk (supplement requests with items and reasons, refusal or rejection reasons, apology and new
 * appointment, stop notice), the appointment, fee and payment status, the result and its delivery, and the rating.
 */
import { type RawBuilder, sql } from "kysely";
import type { z } from "zod";
import { STATUS_LABELS } from "../../contracts/dossiers.ts";
import type { MyDossierDetail, MyDossiersQuery } from "../../contracts/portal-dossiers.ts";
import type { Executor } from "../../db/database.ts";
import type { DossierStatus } from "../../domain/dossier/index.ts";
import type { CitizenPrincipal } from "../auth/principal.ts";
import type { DossierRow } from "../dossiers/state.ts";
import { answersOf, isoOf, loadFiling, uploadView } from "./filing.ts";
import { ratingOf } from "./ratings.ts";

const FINISHED = ["refused", "returned", "withdrawn", "stopped", "closed_incomplete"];
const WITHDRAWABLE = new Set([
  "draft_online",
  "submitted_online",
  "awaiting_supplement_before_acceptance",
  "received",
  "in_processing",
  "awaiting_citizen_supplement",
  "awaiting_other_unit",
]);
const SUPPLEMENT_EXPIRY_MS = 15 * 86_400_000;

type Needs = "continue_draft" | "answer_supplement" | "rate" | null;

function needsAction(status: string, rated: boolean): Needs {
  if (status === "draft_online") return "continue_draft";
  if (status === "awaiting_supplement_before_acceptance" || status === "awaiting_citizen_supplement") {
    return "answer_supplement";
  }
  if (status === "returned" && !rated) return "rate";
  return null;
}

interface ListRow extends DossierRow {
  u_code: string;
  u_name: string;
  reference: string | null;
  submitted_at: Date | null;
  rated: boolean;
  total: number;
}

function label(status: string) {
  return STATUS_LABELS[status as DossierStatus];
}

export async function myDossiers(
  db: Executor,
  citizen: CitizenPrincipal,
  query: z.infer<typeof MyDossiersQuery>,
) {
  const filter = query.filter ?? "all";
  const parts: RawBuilder<boolean>[] = [sql<boolean>`d.citizen_id = ${citizen.citizenId}`];
  if (filter === "drafts") parts.push(sql<boolean>`d.status = 'draft_online'`);
  if (filter === "open") {
    parts.push(sql<boolean>`d.status <> 'draft_online' AND d.status NOT IN (${sql.join(FINISHED)})`);
  }
  if (filter === "closed") parts.push(sql<boolean>`d.status IN (${sql.join(FINISHED)})`);
  const { rows } = await sql<ListRow>`
    SELECT d.*, u.code AS u_code, u.name AS u_name, o.reference, o.submitted_at,
           EXISTS (SELECT 1 FROM dossier_ratings r WHERE r.dossier_id = d.id) AS rated,
           (count(*) OVER ())::int AS total
    FROM dossiers d
    JOIN online_filings o ON o.dossier_id = d.id
    JOIN units u ON u.id = d.received_unit_id
    WHERE ${sql.join(parts, sql` AND `)}
    ORDER BY d.updated_at DESC, d.id
    LIMIT ${query.limit ?? 50} OFFSET ${query.offset ?? 0}
  `.execute(db);
  return {
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      code: r.code,
      status: r.status as DossierStatus,
      statusLabel: label(r.status),
      procedureName: r.procedure_name,
      unit: { id: r.received_unit_id, code: r.u_code, name: r.u_name },
      createdAt: isoOf(r.created_at),
      submittedAt: r.submitted_at ? isoOf(r.submitted_at) : null,
      appointmentAt: r.appointment_at ? isoOf(r.appointment_at) : null,
      needsAction: needsAction(r.status, r.rated),
      version: r.version,
    })),
    total: rows[0]?.total ?? 0,
  };
}

const TIMELINE_LABELS: Record<string, { vi: string; en: string }> = {
  draft_start: { vi: "Bắt đầu soạn hồ sơ trực tuyến", en: "Online draft started" },
  submit_online: { vi: "Đã nộp hồ sơ trực tuyến", en: "Submitted online" },
  supplement_answered: { vi: "Đã gửi giấy tờ bổ sung", en: "Supplement sent" },
  withdraw: { vi: "Đã rút hồ sơ", en: "Withdrawn" },
};

const MESSAGE_TITLES = {
  supplement_request: { vi: "Yêu cầu bổ sung, hoàn thiện hồ sơ", en: "Request to complete the dossier" },
  refusal: { vi: "Từ chối tiếp nhận hồ sơ", en: "Dossier refused at reception" },
  rejection: { vi: "Không giải quyết hồ sơ", en: "Dossier rejected" },
  apology: { vi: "Thư xin lỗi và hẹn lại ngày trả kết quả", en: "Apology with a new appointment" },
  stop: { vi: "Thông báo dừng giải quyết hồ sơ", en: "Notice that processing stopped" },
  acceptance: { vi: "Hồ sơ đã được tiếp nhận", en: "Dossier accepted" },
} as const;

type Message = MyDossierDetail["messages"][number];

export async function myDossierDetail(db: Executor, row: DossierRow, now: Date): Promise<MyDossierDetail> {
  const f = await loadFiling(db, row);
  const events = await db
    .selectFrom("dossier_events")
    .select(["seq", "at", "action", "from_status", "to_status", "detail"])
    .where("dossier_id", "=", row.id)
    .orderBy("seq")
    .execute();
  const forms = await db
    .selectFrom("dossier_forms")
    .select(["id", "kind", "issued_at"])
    .where("dossier_id", "=", row.id)
    .orderBy("issued_at")
    .execute();
  const formAt = (kind: string, at: Date) => {
    const form = forms.find(
      (x) => x.kind === kind && new Date(x.issued_at).getTime() === new Date(at).getTime(),
    );
    return form ? `/api/v1/portal/dossiers/${row.id}/forms/${form.id}` : null;
  };
  const timeline = events
    .filter((e) => e.action === "draft_start" || e.from_status !== e.to_status)
    .map((e) => ({
      at: isoOf(e.at),
      kind: e.action,
      label: TIMELINE_LABELS[e.action] ?? label(e.to_status),
      status: e.to_status as DossierStatus,
    }));
  const messages: Message[] = [];
  for (const e of events) {
    const d = e.detail as Record<string, unknown>;
    const items = Array.isArray(d.items) ? (d.items as { name: string; reason: string }[]) : [];
    const base = { at: isoOf(e.at), items: [] as Message["items"], reason: null, newAppointment: null };
    if (e.action === "request_supplement" || e.action === "request_citizen_supplement") {
      messages.push({
        ...base,
        kind: "supplement_request",
        title: MESSAGE_TITLES.supplement_request,
        items: items.map((i) => ({ name: i.name, reason: i.reason })),
        formUrl: formAt("supplement_request", e.at),
      });
    } else if (e.action === "refuse") {
      messages.push({
        ...base,
        kind: "refusal",
        title: MESSAGE_TITLES.refusal,
        reason: String(d.reason ?? ""),
        formUrl: formAt("refusal", e.at),
      });
    } else if (e.to_status === "rejected" && e.from_status !== "rejected") {
      messages.push({
        ...base,
        kind: "rejection",
        title: MESSAGE_TITLES.rejection,
        reason: row.reason,
        formUrl: null,
      });
    } else if (e.action === "apologise") {
      const when = typeof d.newAppointment === "number" ? isoOf(new Date(d.newAppointment)) : null;
      messages.push({
        ...base,
        kind: "apology",
        title: MESSAGE_TITLES.apology,
        reason: String(d.reason ?? ""),
        newAppointment: when,
        formUrl: formAt("apology", e.at),
      });
    } else if (e.action === "stop") {
      messages.push({
        ...base,
        kind: "stop",
        title: MESSAGE_TITLES.stop,
        reason: String(d.reason ?? ""),
        formUrl: formAt("stop_notice", e.at),
      });
    } else if (e.to_status === "received" && e.from_status === "submitted_online") {
      messages.push({
        ...base,
        kind: "acceptance",
        title: MESSAGE_TITLES.acceptance,
        formUrl: formAt("receipt", e.at),
      });
    }
  }
  const status = row.status;
  const statusData = (row.status_data ?? {}) as {
    requestedAt?: number;
    items?: { name: string; reason: string }[];
  };
  const pendingSupplement =
    (status === "awaiting_supplement_before_acceptance" || status === "awaiting_citizen_supplement") &&
    typeof statusData.requestedAt === "number"
      ? {
          requestedAt: isoOf(new Date(statusData.requestedAt)),
          items: (statusData.items ?? []).map((i) => ({ name: i.name, reason: i.reason })),
          expiresAt: isoOf(new Date(statusData.requestedAt + SUPPLEMENT_EXPIRY_MS)),
          uploads: f.uploads
            .filter((u) => u.attached_at === null && u.round === f.supplementRound)
            .map((u) => uploadView(row.id, u)),
        }
      : null;
  const rating = await ratingOf(db, row.id);
  const returned = status === "returned";
  const resultKnown = row.result_number !== null || returned;
  const payment = await paymentStatus(db, row.id);
  return {
    id: row.id,
    reference: f.filing.reference,
    code: row.code,
    status: status as DossierStatus,
    statusLabel: label(status),
    procedureName: row.procedure_name,
    unit: f.unit,
    createdAt: isoOf(row.created_at),
    submittedAt: f.filing.submitted_at ? isoOf(f.filing.submitted_at) : null,
    appointmentAt: row.appointment_at ? isoOf(row.appointment_at) : null,
    needsAction: needsAction(status, rating !== null),
    version: row.version,
    procedure: {
      id: row.procedure_id,
      versionId: row.procedure_version_id,
      version: f.versionNumber,
      name: row.procedure_name,
    },
    caseId: row.case_id,
    receivedAt: row.received_at ? isoOf(row.received_at) : null,
    dueAt: row.due_at ? isoOf(row.due_at) : null,
    completedAt: row.completed_at ? isoOf(row.completed_at) : null,
    returnMethod: row.return_method,
    deliveryAddress: row.delivery_address,
    processingTime: row.processing_time,
    fee: { amountVnd: row.fee_vnd === null ? null : Number(row.fee_vnd), paymentStatus: payment },
    answers: answersOf(f.filing),
    uploads: f.uploads.map((u) => uploadView(row.id, u)),
    timeline,
    messages,
    pendingSupplement,
    result: resultKnown
      ? {
          number: row.result_number ?? "",
          signedOn: row.result_signed_on ?? "",
          outcome: returned
            ? ((row.status_data as { outcome?: "approved" | "rejected" }).outcome ?? null)
            : null,
          fileUrl:
            returned && row.returned_method === "online" && row.result_file_id
              ? `/api/v1/portal/dossiers/${row.id}/result`
              : null,
          delivery: {
            method: row.returned_method ?? row.return_method,
            returnedAt: row.returned_at ? isoOf(row.returned_at) : null,
            trackingNumber: row.returned_method === "post" ? row.return_reference : null,
          },
        }
      : null,
    rating,
    canWithdraw: WITHDRAWABLE.has(status),
    canRate: returned && rating === null && now.getTime() >= new Date(row.returned_at ?? now).getTime(),
  };
}

/** The latest payment of the dossier's fee, when the payments module recorded one. */
async function paymentStatus(db: Executor, dossierId: string): Promise<string | null> {
  const present = await sql<{ ok: boolean }>`SELECT to_regclass('payments') IS NOT NULL AS ok`.execute(db);
  if (!present.rows[0]?.ok) return null;
  const { rows } = await sql<{ status: string }>`
    SELECT p.status FROM payments p WHERE p.dossier_id = ${dossierId}
    ORDER BY (p.status = 'paid') DESC, p.created_at DESC LIMIT 1
  `.execute(db);
  return rows[0]?.status ?? null;
}
