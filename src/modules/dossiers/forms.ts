/**
 * The forms a dossier gets (01 receipt, 02 supplement request, 03 refusal, 04 apology, 05 stop notice): their data
 * is frozen in `dossier_forms` inside the transaction that issues them; the PDF is drawn after commit in the render
 * pool by the form render queue (form-renders.ts) and stored, or on first download when that did not happen
 * (seeded data, the portal's own forms, DOSSIER_FORMS=on_download).
 *
 * The receipt is kept as the desk's copy (Liên 1), which does not print the lookup secret: only its hash is
 * stored. The applicant's copy (Liên 2), with the QR code of `${PUBLIC_URL}/tra-cuu?code=…&secret=…`, is printed
 * from the secret the desk holds right after reception (citizenCopy), checked against the hash.
 */

import type { Applicant } from "../../contracts/dossiers.ts";
import type { Db, Executor } from "../../db/database.ts";
import type { DossierFormKind } from "../../db/tables/dossiers.ts";
import type { Instant } from "../../domain/calendar/index.ts";
import { normalizeLookupSecret } from "../../domain/codes/index.ts";
import { AppError } from "../../errors.ts";
import {
  type ApologyData,
  deskName,
  type FormSetId,
  formSetAt,
  formSpec,
  type ReceiptData,
  type RefusalData,
  type StopNoticeData,
  type SupplementRequestData,
  type TransferSlipData,
} from "../../pdf/forms/index.ts";
import { renderInPool } from "../../pdf/pool.ts";
import type { Actor } from "../audit/audit-log.ts";
import type { ActionContext, DossierDeps } from "./engine.ts";
import { claimForms, renderClaimed, renderFormData, renderUnderway } from "./form-renders.ts";
import { secretMatches } from "./secret.ts";
import { type DossierRow, type FormRow, ms, stateOf } from "./state.ts";

/** "UBND xã Quang Thuận" → "Ủy ban nhân dân xã Quang Thuận". */
export function bodyName(unitName: string): string {
  return unitName.replace(/^UBND\b/, "Ủy ban nhân dân");
}

const PLACE_WORDS = ["xã", "phường", "thị trấn", "thị xã", "quận", "huyện", "thành phố", "tỉnh", "đặc khu"];

/** The place name printed before the date ("Quang Thuận, ngày …"): the name after the last level word. */
export function placeOf(unitName: string): string {
  let best = -1;
  let length = 0;
  const lower = unitName.toLowerCase();
  for (const word of PLACE_WORDS) {
    const i = lower.lastIndexOf(` ${word} `);
    if (i > best) {
      best = i;
      length = word.length + 2;
    }
  }
  return best < 0 ? unitName : unitName.slice(best + length).trim();
}

export function addressLine(a: Applicant["address"]): string {
  return [a.detail, a.commune, a.district, a.province].filter((p) => p).join(", ");
}

interface UnitForForms {
  name: string;
  phone: string | null;
}

async function unitForForms(db: Executor, id: string): Promise<UnitForForms> {
  return db.selectFrom("units").select(["name", "phone"]).where("id", "=", id).executeTakeFirstOrThrow();
}

export function lookupUrl(publicUrl: string, code: string, secret?: string): string {
  const base = `${publicUrl.replace(/\/+$/, "")}/tra-cuu?code=${encodeURIComponent(code)}`;
  return secret === undefined ? base : `${base}&secret=${encodeURIComponent(secret)}`;
}

export interface FormExtra {
  basis?: string;
  fees?: string | null;
  documentNumber?: string | null;
  /** Transfer slip: the body it goes to, what is asked, by when. */
  transfer?: { toBody: string; request: string; due: Instant };
}

/**
 * Who issues a form: an officer's use case, or the portal on the citizen's own act (no officer: issued_by null,
 * rendered on first download).
 */
export interface FormIssuer {
  tx: ActionContext["tx"];
  now: Date;
  deps: { publicUrl: string };
  principal: { staffId: string | null; fullName: string };
  pendingForms: string[];
}

/**
 * Freezes the data of form `kind` for the dossier as it now is and queues its rendering. Returns the form id,
 * or null when the dossier's set has no such form (the 2018 set has no stop notice).
 */
export async function issueForm(
  ctx: FormIssuer,
  row: DossierRow,
  kind: DossierFormKind,
  extra: FormExtra = {},
): Promise<string | null> {
  const { tx, now, principal } = ctx;
  const set: FormSetId = formSetAt(ms(row.received_at) ?? now.getTime());
  let spec: ReturnType<typeof formSpec>;
  try {
    spec = formSpec(set, kind);
  } catch {
    return null;
  }
  const unit = await unitForForms(tx, row.received_unit_id);
  const body = bodyName(unit.name);
  const place = placeOf(unit.name);
  const applicant = row.applicant as Applicant;
  const base = {
    set,
    issuer: { parentBody: body, body: deskName(set), place },
    receivingBody: body,
    applicant: {
      name: applicant.name,
      identityNumber: applicant.identityNumber,
      address: addressLine(applicant.address),
      phone: applicant.phone,
      email: applicant.email,
    },
    procedure: row.procedure_name,
    filedVia: row.channel,
  };
  const state = stateOf(row);
  const at = now.getTime();
  const code = row.code;
  const officer = principal.fullName;
  let data: Record<string, unknown>;
  switch (kind) {
    case "receipt": {
      const components = await tx
        .selectFrom("dossier_components")
        .select(["name", "kind", "count"])
        .where("dossier_id", "=", row.id)
        .orderBy("position")
        .execute();
      const receipt: Omit<ReceiptData, "lookup"> & { lookup: { url: string; secret: string } } = {
        ...base,
        code: code as string,
        components,
        sets: row.sets,
        processingTime: row.processing_time,
        receivedAt: state.receivedAt as Instant,
        appointment: state.appointment as Instant,
        returnPlace: `${deskName(set)} — ${body}`,
        delivery: row.return_method,
        fee: feeText(row.fee_vnd),
        register: null,
        officer,
        lookup: {
          url: lookupUrl(ctx.deps.publicUrl, code as string),
          secret: "(ghi trên liên giao người nộp hồ sơ)",
        },
        copyLabel: "Liên 1: Lưu tại Bộ phận Một cửa",
      };
      data = { ...receipt };
      break;
    }
    case "supplement_request": {
      const items = "items" in state ? state.items : [];
      const requestedAt = "requestedAt" in state ? state.requestedAt : at;
      const form: SupplementRequestData = {
        ...base,
        code,
        receivedAt: state.receivedAt,
        requestedAt,
        items,
        contact: { officer, phone: unit.phone ?? "……………" },
      };
      data = { ...form };
      break;
    }
    case "refusal": {
      // After acceptance the refusal follows appraisal (NĐ 118/2025 art. 19(3)).
      const stage = row.received_at === null ? "reception" : "appraisal";
      const form: RefusalData = { ...base, code, refusedAt: at, reasons: [row.reason ?? ""], officer, stage };
      data = { ...form };
      break;
    }
    case "transfer_slip": {
      const components = await tx
        .selectFrom("dossier_components")
        .select(["name", "count"])
        .where("dossier_id", "=", row.id)
        .orderBy("position")
        .execute();
      const transfer = extra.transfer ?? { toBody: "", request: "", due: state.due as Instant };
      const earlier = await tx
        .selectFrom("dossier_forms")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("dossier_id", "=", row.id)
        .where("kind", "=", "transfer_slip")
        .executeTakeFirst();
      const form: TransferSlipData = {
        ...base,
        code: code as string,
        receivedAt: state.receivedAt as Instant,
        sentAt: at,
        toBody: transfer.toBody,
        request: transfer.request,
        due: transfer.due,
        components,
        officer,
        sequence: Number(earlier?.n ?? 0) + 1,
      };
      data = { ...form };
      break;
    }
    case "apology":
    case "stop_notice": {
      const staff = await tx
        .selectFrom("staff")
        .select(["position", "full_name"])
        .where("id", "=", principal.staffId ?? "")
        .executeTakeFirstOrThrow();
      const signed = {
        ...base,
        issuer: { parentBody: "", body, place },
        code: code as string,
        documentNumber: extra.documentNumber ?? null,
        receivedAt: state.receivedAt as Instant,
        issuedAt: at,
        signer: { position: staff.position ?? "Thủ trưởng cơ quan", name: staff.full_name },
      };
      if (kind === "apology") {
        const form: ApologyData = {
          ...signed,
          due: state.due as Instant,
          newAppointment: state.appointment as Instant,
          reason: row.apology_reason ?? "",
        };
        data = { ...form };
      } else {
        const form: StopNoticeData = {
          ...signed,
          basis: extra.basis ?? "",
          reason: row.reason ?? "",
          fees: extra.fees ?? null,
        };
        data = { ...form };
      }
      break;
    }
  }
  const inserted = await tx
    .insertInto("dossier_forms")
    .values({
      dossier_id: row.id,
      kind,
      form_set: set,
      number: spec.number,
      title: spec.title,
      data: JSON.stringify(data),
      issued_at: now,
      issued_by: principal.staffId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  ctx.pendingForms.push(inserted.id);
  return inserted.id;
}

export function feeText(feeVnd: number | null): string {
  if (feeVnd === null) return "Theo quy định";
  if (feeVnd === 0) return "Không thu phí, lệ phí";
  return `${feeVnd.toLocaleString("vi-VN")} đồng`;
}

export { formFileName, renderFormData } from "./form-renders.ts";

/** How long a download waits for a render another process has under way before drawing the form itself. */
const WAIT_FOR_OTHER_RENDER_MS = 5_000;
const POLL_MS = 50;

/**
 * The form's PDF: the stored file; or, when it has none yet, the render under way (this process's kick, another
 * process's pass: waited for), or drawn now in the render pool and stored.
 */
export async function materializeForm(
  db: Db,
  deps: DossierDeps,
  formId: string,
  actor: Actor,
  now: Date,
): Promise<{ bytes: Uint8Array; form: FormRow }> {
  const waitUntil = performance.now() + WAIT_FOR_OTHER_RENDER_MS;
  for (;;) {
    const form = await db.selectFrom("dossier_forms").selectAll().where("id", "=", formId).executeTakeFirst();
    if (!form) throw new AppError("NOT_FOUND", { details: { entity: "form" } });
    const files = deps.files;
    if (files === null) return { bytes: await renderFormData(form.kind, form.data), form };
    if (form.file_id !== null) {
      const stored = await db
        .selectFrom("files")
        .select("sha256")
        .where("id", "=", form.file_id)
        .executeTakeFirstOrThrow();
      return { bytes: await files.get(stored.sha256), form };
    }
    const here = renderUnderway(form.id);
    if (here) {
      const bytes = await here.catch(() => null);
      if (bytes) return { bytes, form };
      continue;
    }
    const [claimed] = await claimForms(db, now, { ids: [form.id], limit: 1 });
    if (claimed) return { bytes: await renderClaimed(db, files, claimed, actor, now), form };
    // Another process holds the lease: its file is due any moment; past the wait, draw a copy without storing it.
    if (performance.now() > waitUntil) return { bytes: await renderFormData(form.kind, form.data), form };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * The applicant's copy of the latest receipt (Liên 2), with the QR code and the lookup secret — printed from the
 * secret the desk was shown at acceptance, which must match the stored hash.
 */
export async function citizenCopy(
  db: Executor,
  deps: DossierDeps,
  row: DossierRow,
  secret: string,
): Promise<{ bytes: Uint8Array; filename: string }> {
  if (row.code === null || !secretMatches(row.id, row.lookup_hash, secret)) {
    throw new AppError("VALIDATION_FAILED", {
      details: [{ path: "/secret", message: "the lookup secret does not match this dossier" }],
    });
  }
  const form = await db
    .selectFrom("dossier_forms")
    .selectAll()
    .where("dossier_id", "=", row.id)
    .where("kind", "=", "receipt")
    .orderBy("issued_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!form) throw new AppError("NOT_FOUND", { details: { entity: "form" } });
  const plain = normalizeLookupSecret(secret);
  const data = {
    ...(form.data as unknown as ReceiptData),
    lookup: { url: lookupUrl(deps.publicUrl, row.code, plain), secret: plain },
    copyLabel: "Liên 2: Giao người nộp hồ sơ",
  };
  return { bytes: await renderInPool("receipt", data), filename: `giay-tiep-nhan-${row.code}.pdf` };
}
