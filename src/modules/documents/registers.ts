/**
 * A unit's registers for a period (Phụ lục IV) and its statistics (sent and received electronically and on paper,
 * signed digitally, handled on time and late), the figures the reports use. Registers are for the unit's clerk and
 * leaders; statistics for them and for supervisors above (document.stats), without any content.
 */
import { sql } from "kysely";
import type { Executor } from "../../db/database.ts";
import { documentType } from "../../domain/documents/index.ts";
import { AppError } from "../../errors.ts";
import type { RegisterData, RegisterKind } from "../../pdf/documents/registers.ts";
import { renderInPool } from "../../pdf/pool.ts";
import { assertCan, can } from "../auth/policy.ts";
import type { StaffPrincipal } from "../auth/principal.ts";
import { escapeLike, getUnit } from "../units/queries.ts";

const dmy = (d: string | Date | null) => {
  if (!d) return "";
  const iso =
    typeof d === "string" ? d.slice(0, 10) : new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  const [y, m, day] = iso.split("-");
  return `${day}/${m}/${y}`;
};

function periodBounds(from: string, to: string) {
  return {
    start: new Date(`${from}T00:00:00+07:00`),
    end: new Date(Date.parse(`${to}T00:00:00+07:00`) + 86_400_000),
  };
}

export async function registerRows(
  db: Executor,
  unitId: string,
  kind: RegisterKind,
  from: string,
  to: string,
) {
  const { start, end } = periodBounds(from, to);
  const masked = (c: string, s: string) =>
    c === "normal" ? s : `(${c === "mat" ? "Mật" : c === "toi_mat" ? "Tối mật" : "Tuyệt mật"})`;
  if (kind === "outgoing" || kind === "postal") {
    const docs = await db
      .selectFrom("documents as d")
      .select([
        "d.id",
        "d.notation",
        "d.issued_on",
        "d.issued_at",
        "d.type_code",
        "d.summary",
        "d.signer_name",
        "d.copies",
        "d.confidentiality",
      ])
      .where("d.unit_id", "=", unitId)
      .where("d.direction", "=", "outgoing")
      .where("d.issued_at", ">=", start)
      .where("d.issued_at", "<", end)
      // In issue order; documents issued in the same instant (or from several registers) by their number.
      .orderBy("d.issued_at")
      .orderBy("d.number")
      .orderBy("d.id")
      .execute();
    const recipients = docs.length
      ? await db
          .selectFrom("document_recipients as r")
          .leftJoin("units as u", "u.id", "r.unit_id")
          .select([
            "r.document_id",
            "u.name",
            "r.outside_name",
            "r.channel",
            "r.sent_at",
            "r.postal_envelopes",
          ])
          .where(
            "r.document_id",
            "in",
            docs.map((d) => d.id),
          )
          .execute()
      : [];
    if (kind === "postal") {
      return docs.flatMap((d) =>
        recipients
          .filter((r) => r.document_id === d.id && r.channel === "paper")
          .map((r) => [
            dmy(r.sent_at),
            d.notation ?? "",
            r.outside_name ?? "",
            String(r.postal_envelopes ?? 1),
            "",
            "",
          ]),
      );
    }
    return docs.map((d) => {
      const names = recipients
        .filter((r) => r.document_id === d.id)
        .map((r) => r.name ?? r.outside_name ?? "");
      return [
        d.notation ?? "",
        dmy(d.issued_on),
        `${documentType(d.type_code)?.name ?? ""}: ${masked(d.confidentiality, d.summary)}`,
        d.signer_name ?? "",
        names.length > 6 ? `${names.slice(0, 5).join("; ")}; … (${names.length} nơi)` : names.join("; "),
        "Lưu: VT",
        d.copies ? String(d.copies) : "",
        dmy(d.issued_at),
        "",
        "",
      ];
    });
  }
  const docs = await db
    .selectFrom("documents as d")
    .leftJoin("documents as r", (join) =>
      join.onRef("r.replies_to_id", "=", "d.id").on("r.notation", "is not", null),
    )
    .select([
      "d.registered_at",
      "d.number",
      "d.issuer_name",
      "d.original_number",
      "d.original_date",
      "d.type_code",
      "d.summary",
      "d.passed_to",
      "d.status",
      "d.confidentiality",
      "d.done_at",
      "r.notation as reply",
      sql<
        string | null
      >`(SELECT min(a.due_on)::text FROM document_assignments a WHERE a.document_id = d.id)`.as("due"),
    ])
    .where("d.unit_id", "=", unitId)
    .where("d.direction", "=", "incoming")
    .where("d.registered_at", ">=", start)
    .where("d.registered_at", "<", end)
    .orderBy("d.number")
    .execute();
  if (kind === "incoming") {
    return docs.map((d) => [
      dmy(d.registered_at),
      String(d.number ?? ""),
      d.issuer_name ?? "",
      d.original_number ?? "",
      dmy(d.original_date),
      `${documentType(d.type_code)?.name ?? ""}: ${masked(d.confidentiality, d.summary)}`,
      d.passed_to ?? "",
      "",
      "",
      "",
    ]);
  }
  const progress: Record<string, string> = {
    registered: "Chưa giao",
    assigned: "Đã giao",
    in_progress: "Đang giải quyết",
    done: "Đã giải quyết",
    recalled: "Bị thu hồi",
  };
  return docs.map((d) => [
    String(d.number ?? ""),
    `${documentType(d.type_code)?.name ?? ""} số ${d.original_number ?? ""} ngày ${dmy(d.original_date)} của ${d.issuer_name ?? ""}`,
    d.passed_to ?? "",
    dmy(d.due),
    `${progress[d.status] ?? d.status}${d.done_at ? ` (${dmy(d.done_at)})` : ""}`,
    d.reply ?? "",
    "",
  ]);
}

export async function unitRegister(
  db: Executor,
  staff: StaffPrincipal,
  unitId: string,
  kind: RegisterKind,
  from: string,
  to: string,
  now: Date,
): Promise<RegisterData> {
  const unit = await getUnit(db, unitId);
  const ref = { id: unit.id, path: unit.path };
  if (!can(staff, "document.manage", ref) && !can(staff, "document.assign", ref)) {
    throw new AppError("FORBIDDEN", { details: { action: "document.register" } });
  }
  return {
    kind,
    unitName: unit.name,
    year: from.slice(0, 4),
    period: { from, to },
    rows: await registerRows(db, unit.id, kind, from, to),
    printedAt: now,
  };
}

export async function registerFile(data: RegisterData, format: "pdf" | "xlsx") {
  return format === "pdf"
    ? { bytes: await renderInPool("documentRegisterPdf", data), type: "application/pdf", ext: "pdf" }
    : {
        bytes: await renderInPool("documentRegisterXlsx", data),
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ext: "xlsx",
      };
}

/** The figures of one unit (or one unit with the units below it) for a period. */
export interface DocumentFigures {
  sent: { electronic: number; paper: number };
  received: { electronic: number; paper: number };
  signedDigitally: number;
  handled: { onTime: number; late: number; openOverdue: number };
}

const zero = (): DocumentFigures => ({
  sent: { electronic: 0, paper: 0 },
  received: { electronic: 0, paper: 0 },
  signedDigitally: 0,
  handled: { onTime: 0, late: 0, openOverdue: 0 },
});

function add(into: DocumentFigures, f: DocumentFigures): DocumentFigures {
  into.sent.electronic += f.sent.electronic;
  into.sent.paper += f.sent.paper;
  into.received.electronic += f.received.electronic;
  into.received.paper += f.received.paper;
  into.signedDigitally += f.signedDigitally;
  into.handled.onTime += f.handled.onTime;
  into.handled.late += f.handled.late;
  into.handled.openOverdue += f.handled.openOverdue;
  return into;
}

/**
 * Each unit's own figures, for the one unit or (below = true) the unit and every unit under it. Sent: one per
 * recipient reached in the period, electronically or on paper (sổ gửi văn bản đi bưu điện, Phụ lục IV); received:
 * incoming documents that arrived in the period, electronically (from a unit in the tree or an outside system) or on
 * paper; signed digitally: outgoing documents issued in the period with the agency's signed file (NĐ 30/2020 Điều
 * 8); handled on time or late: incoming documents finished in the period against the earliest due day of their
 * assignments (a day as in Vietnam); open overdue: incoming documents still assigned or in progress with a due day
 * before the period's last day.
 */
async function figuresByUnit(
  db: Executor,
  unit: { id: string; path: string },
  below: boolean,
  from: string,
  to: string,
): Promise<Map<string, DocumentFigures>> {
  const { start, end } = periodBounds(from, to);
  const units = below
    ? sql`d.unit_id IN (SELECT u.id FROM units u WHERE u.path LIKE ${`${escapeLike(unit.path)}%`})`
    : sql`d.unit_id = ${unit.id}`;
  const sent = await sql<{ unit_id: string; electronic: number; paper: number }>`
    SELECT d.unit_id,
      count(*) FILTER (WHERE r.channel <> 'paper')::int AS electronic,
      count(*) FILTER (WHERE r.channel = 'paper')::int AS paper
    FROM document_recipients r JOIN documents d ON d.id = r.document_id
    WHERE ${units} AND r.sent_at >= ${start} AND r.sent_at < ${end}
    GROUP BY d.unit_id
  `.execute(db);
  const late = sql`EXISTS (SELECT 1 FROM document_assignments a WHERE a.document_id = d.id AND a.due_on IS NOT NULL
    AND (d.done_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > a.due_on)`;
  const docs = await sql<{
    unit_id: string;
    received_electronic: number;
    received_paper: number;
    signed_digitally: number;
    done_on_time: number;
    done_late: number;
    open_overdue: number;
  }>`
    SELECT d.unit_id,
      count(*) FILTER (WHERE d.direction = 'incoming' AND d.arrived_at >= ${start} AND d.arrived_at < ${end}
        AND d.origin IN ('motcua','outside'))::int AS received_electronic,
      count(*) FILTER (WHERE d.direction = 'incoming' AND d.arrived_at >= ${start} AND d.arrived_at < ${end}
        AND d.origin = 'paper')::int AS received_paper,
      count(*) FILTER (WHERE d.direction = 'outgoing' AND d.issued_at >= ${start} AND d.issued_at < ${end}
        AND d.issued_file_id IS NOT NULL)::int AS signed_digitally,
      count(*) FILTER (WHERE d.direction = 'incoming' AND d.done_at >= ${start} AND d.done_at < ${end}
        AND NOT ${late})::int AS done_on_time,
      count(*) FILTER (WHERE d.direction = 'incoming' AND d.done_at >= ${start} AND d.done_at < ${end}
        AND ${late})::int AS done_late,
      count(*) FILTER (WHERE d.direction = 'incoming' AND d.status IN ('assigned','in_progress')
        AND EXISTS (SELECT 1 FROM document_assignments a WHERE a.document_id = d.id
          AND a.due_on < ${to}::date))::int AS open_overdue
    FROM documents d
    WHERE ${units}
      AND ((d.arrived_at >= ${start} AND d.arrived_at < ${end})
        OR (d.issued_at >= ${start} AND d.issued_at < ${end})
        OR (d.done_at >= ${start} AND d.done_at < ${end})
        OR d.status IN ('assigned','in_progress'))
    GROUP BY d.unit_id
  `.execute(db);
  const byUnit = new Map<string, DocumentFigures>();
  const of = (id: string) => {
    const f = byUnit.get(id) ?? zero();
    byUnit.set(id, f);
    return f;
  };
  for (const r of sent.rows) {
    const f = of(r.unit_id);
    f.sent = { electronic: Number(r.electronic), paper: Number(r.paper) };
  }
  for (const r of docs.rows) {
    const f = of(r.unit_id);
    f.received = { electronic: Number(r.received_electronic), paper: Number(r.received_paper) };
    f.signedDigitally = Number(r.signed_digitally);
    f.handled = {
      onTime: Number(r.done_on_time),
      late: Number(r.done_late),
      openOverdue: Number(r.open_overdue),
    };
  }
  return byUnit;
}

/**
 * Counts per unit and period for the reports: no content, so supervisors above may read them (document.stats).
 * The unit's own figures, then a row for the unit itself and one for each unit directly below it that the caller
 * may read, each of those counting its whole subtree (a province's supervisor sees its districts with their
 * communes, a district's sees its communes), and their total. A leader of the unit (scope "own") gets its row only.
 */
export async function documentStats(
  db: Executor,
  staff: StaffPrincipal,
  unitId: string,
  from: string,
  to: string,
) {
  if (from > to) throw new AppError("VALIDATION_FAILED", { details: { from, to, reason: "from_after_to" } });
  const unit = await getUnit(db, unitId);
  assertCan(staff, "document.stats", { id: unit.id, path: unit.path });
  const children = (
    await db
      .selectFrom("units")
      .select(["id", "name", "code", "path"])
      .where("parent_id", "=", unit.id)
      .where("active", "=", true)
      .orderBy("name")
      .execute()
  ).filter((c) => can(staff, "document.stats", { id: c.id, path: c.path }));
  const byUnit = await figuresByUnit(db, unit, children.length > 0, from, to);
  const own = byUnit.get(unit.id) ?? zero();
  const paths =
    children.length > 0
      ? await db
          .selectFrom("units")
          .select(["id", "path"])
          .where("path", "like", `${escapeLike(unit.path)}%`)
          .execute()
      : [];
  const rows = [
    { unitId: unit.id, unitName: unit.name, unitCode: unit.code, below: false, ...own },
    ...children.map((c) => {
      const sum = zero();
      for (const u of paths) {
        const f = byUnit.get(u.id);
        if (f && u.path.startsWith(c.path)) add(sum, f);
      }
      return { unitId: c.id, unitName: c.name, unitCode: c.code, below: true, ...sum };
    }),
  ];
  return {
    unitId: unit.id,
    unitName: unit.name,
    period: { from, to },
    ...own,
    rows,
    total: rows.reduce((t, r) => add(t, r), zero()),
  };
}
