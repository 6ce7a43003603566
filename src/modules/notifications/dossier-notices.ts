import { type Selectable, sql } from "kysely";
import type { Db, Executor } from "../../db/database.ts";
import type { DossierTable } from "../../db/tables/dossiers.ts";
import type { ApplicantNotice } from "../../domain/dossier/index.ts";
import { formatLocalDateTime } from "./format.ts";
import { enqueueNotification, type TemplateKey } from "./outbox.ts";

/**
 * What the applicant is told when a dossier changes: the machine's `notify_applicant` effects (carried out by
 * src/modules/dossiers/commit.ts), plus "overdue", which the delivery loop finds by itself. Written to the outbox
 * in the transaction of the change. One message per dossier and event: the dedupe key names the dossier and the
 * version the change produced, so a retried request cannot announce the same change twice.
 */
export type DossierNotice = ApplicantNotice | "overdue";

type DossierRow = Selectable<DossierTable>;

/** Every notice the machine can ask for has its template: the compiler checks the table is complete. */
const TEMPLATE_OF: Record<DossierNotice, TemplateKey> = {
  submitted: "dossier.submitted",
  received: "dossier.received",
  supplement_requested: "dossier.supplement-requested",
  refused: "dossier.refused",
  rejected: "dossier.rejected",
  restarted: "dossier.new-appointment",
  extended: "dossier.new-appointment",
  result_ready: "dossier.result-ready",
  rescheduled: "dossier.late",
  overdue: "dossier.late",
  returned: "dossier.returned",
  withdrawn: "dossier.ended",
  stopped: "dossier.ended",
  closed_incomplete: "dossier.ended",
};

const ENDED: Record<"withdrawn" | "stopped" | "closed_incomplete", { vi: string; en: string }> = {
  withdrawn: { vi: "đã được rút theo yêu cầu", en: "withdrawn at your request" },
  stopped: { vi: "đã dừng giải quyết", en: "processing stopped" },
  closed_incomplete: {
    vi: "đã kết thúc vì không được bổ sung, hoàn thiện trong thời hạn 15 ngày",
    en: "closed, as it was not completed within 15 days",
  },
};

const RETURN_METHOD_VI: Record<DossierRow["return_method"], string> = {
  counter: "nhận trực tiếp tại Bộ phận Một cửa",
  post: "qua dịch vụ bưu chính công ích",
  online: "trực tuyến trên Cổng dịch vụ công",
};

interface Contact {
  email: string | null;
  phone: string | null;
}

async function contactOf(tx: Executor, row: DossierRow): Promise<Contact> {
  const applicant = (row.applicant ?? {}) as { email?: unknown; phone?: unknown };
  const contact: Contact = {
    email: typeof applicant.email === "string" ? applicant.email : null,
    phone: typeof applicant.phone === "string" ? applicant.phone : null,
  };
  if (row.citizen_id && (!contact.email || !contact.phone)) {
    const citizen = await tx
      .selectFrom("citizens")
      .select(["email", "phone"])
      .where("id", "=", row.citizen_id)
      .executeTakeFirst();
    contact.email ??= citizen?.email ?? null;
    contact.phone ??= citizen?.phone ?? null;
  }
  return contact;
}

function reference(row: DossierRow): string {
  return row.code ?? `nộp lúc ${formatLocalDateTime(row.created_at)}`;
}

function supplementText(row: DossierRow): string {
  const items = (row.status_data as { items?: { name: string; reason: string }[] }).items ?? [];
  return items.length > 0 ? items.map((i) => `- ${i.name}: ${i.reason}`).join("\n") : (row.reason ?? "");
}

function base(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, "");
}

function dataFor(
  notice: DossierNotice,
  row: DossierRow,
  publicUrl: string,
  extra: { lookupSecret?: string; reason?: string },
): Record<string, string | number | null> {
  const common = { name: row.applicant_name, procedure: row.procedure_name };
  const portalUrl = row.citizen_id
    ? `${base(publicUrl)}/portal/ho-so/${row.id}`
    : `${base(publicUrl)}/tra-cuu`;
  const lookupUrl = row.code
    ? `${base(publicUrl)}/tra-cuu?code=${encodeURIComponent(row.code)}`
    : `${base(publicUrl)}/tra-cuu`;
  const appointment = row.appointment_at ? formatLocalDateTime(row.appointment_at) : null;
  switch (notice) {
    case "submitted":
      return { ...common, submittedAt: formatLocalDateTime(row.state_at), portalUrl };
    case "received":
      return {
        ...common,
        code: row.code,
        receivedAt: row.received_at ? formatLocalDateTime(row.received_at) : null,
        appointment,
        lookupSecret: extra.lookupSecret ?? null,
        lookupUrl,
      };
    case "supplement_requested":
      return { ...common, reference: reference(row), reason: supplementText(row), portalUrl };
    case "refused":
      return { ...common, reference: reference(row), reason: row.reason ?? "" };
    case "rejected":
      return { ...common, code: row.code, reason: row.reason ?? "" };
    case "restarted":
      return {
        ...common,
        code: row.code,
        appointment,
        reason: "hồ sơ đã được bổ sung đầy đủ; thời hạn giải quyết được tính lại từ đầu.",
        reasonEn: "the dossier is now complete; the processing time starts again.",
      };
    case "extended": {
      const why = (row.extension as { reason?: string } | null)?.reason ?? "";
      return {
        ...common,
        code: row.code,
        appointment,
        reason: `thời hạn giải quyết được kéo dài theo quy định (${why}).`,
        reasonEn: `the processing time was extended as the law allows (${why}).`,
      };
    }
    case "result_ready":
      return { ...common, code: row.code, returnMethod: RETURN_METHOD_VI[row.return_method], portalUrl };
    case "rescheduled":
    case "overdue":
      return {
        ...common,
        code: row.code,
        reason: extra.reason ?? row.apology_reason ?? "",
        newAppointment: notice === "rescheduled" ? appointment : null,
      };
    case "returned":
      return { ...common, code: row.code, returnedAt: formatLocalDateTime(row.returned_at ?? row.state_at) };
    case "withdrawn":
    case "stopped":
    case "closed_incomplete":
      return {
        ...common,
        reference: reference(row),
        outcome: ENDED[notice].vi,
        outcomeEn: ENDED[notice].en,
        reason: row.reason,
      };
  }
}

/** Enqueues the notice for the dossier as it now is, when the applicant has an e-mail address or a phone. */
export async function notifyApplicant(
  tx: Executor,
  row: DossierRow,
  notice: DossierNotice,
  options: { now: Date; publicUrl: string; lookupSecret?: string; reason?: string; dedupeKey?: string },
): Promise<void> {
  const to = await contactOf(tx, row);
  if (!to.email && !to.phone) return;
  await enqueueNotification(
    tx,
    {
      template: TEMPLATE_OF[notice],
      locale: "vi",
      to,
      channels: ["email", "sms"],
      data: dataFor(notice, row, options.publicUrl, options),
      citizenId: row.citizen_id,
      dossierId: row.id,
      unitId: row.received_unit_id,
      dedupeKey: options.dedupeKey ?? `dossier:${row.id}:${notice}:v${row.version}`,
    },
    options.now,
  );
}

/**
 * Overdue detection: a dossier whose processing clock runs past its due instant without an apology already
 * sent gets the lateness notice once per due instant. Run by the delivery loop of `motcua serve`.
 */
export async function notifyOverdue(db: Db, now: Date, publicUrl: string, limit = 100): Promise<number> {
  const rows = await db
    .selectFrom("dossiers as d")
    .selectAll("d")
    .where("d.clock", "=", "running")
    .where("d.completed_at", "is", null)
    .where("d.due_at", "<", now)
    .where("d.apology_at", "is", null)
    .where((eb) =>
      eb.or([
        eb(sql`d.applicant->>'email'`, "is not", null),
        eb(sql`d.applicant->>'phone'`, "is not", null),
        eb("d.citizen_id", "is not", null),
      ]),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("notification_outbox as o")
            .select("o.id")
            .whereRef("o.dossier_id", "=", "d.id")
            .where("o.template", "=", "dossier.late")
            .where(
              sql<boolean>`o.dedupe_key = 'dossier:' || d.id::text || ':overdue:' || (extract(epoch from d.due_at) * 1000)::bigint::text`,
            ),
        ),
      ),
    )
    .orderBy("d.due_at")
    .limit(limit)
    .execute();
  let count = 0;
  for (const row of rows) {
    const due = new Date(row.due_at as Date).getTime();
    await notifyApplicant(db, row, "overdue", {
      now,
      publicUrl,
      reason: "Hồ sơ đã quá thời hạn giải quyết theo quy định.",
      dedupeKey: `dossier:${row.id}:overdue:${due}`,
    });
    count += 1;
  }
  return count;
}
