/**
 * The world the isolation matrix runs in: the demo tree, a few units added so that every principal has an own
 * unit, a sibling, a parent and a child, and in each unit real resources (a staff member who is not a principal,
 * dossiers received at the desk with their forms and scans, uploads, offerings, a signing credential).
 */
import { readFileSync } from "node:fs";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { expect } from "vitest";
import { createSession, SESSION_COOKIE } from "../../src/modules/auth/sessions.ts";
import type { TestClient, TestContext } from "../support/test-app.ts";

/** A confirmed citizen account with a session (as the portal tests make them). */
async function citizenClient(ctx: TestContext, name: string): Promise<{ client: TestClient; id: string }> {
  const serial = (await ctx.handle.db.selectFrom("citizens").select("id").execute()).length;
  const row = await ctx.handle.db
    .insertInto("citizens")
    .values({
      full_name: name,
      identity_number: `00609${String(70000 + serial).padStart(7, "0")}`,
      phone: "0912 345 678",
      email: `matran${serial}@example.vn`,
      address: JSON.stringify({ detail: "Thôn", commune: "Xã", district: "Huyện", province: "Tỉnh" }),
      birth_date: "1995-04-30",
      status: "active",
      confirmed_at: ctx.clock.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { token } = await createSession(
    ctx.handle.db,
    { kind: "citizen", id: row.id },
    { ip: null, userAgent: "matrix", ttlHours: 24 * 365, now: ctx.clock.now },
  );
  const client = ctx.client();
  client.cookies.set(SESSION_COOKIE, token);
  return { client, id: row.id };
}

export const PRINCIPALS = [
  "anonymous",
  "reception",
  "specialist",
  "leader",
  "clerk",
  "unitAdminCommune",
  "unitAdminDistrict",
  "supervisorDistrict",
  "supervisorProvince",
  "systemAdmin",
  "citizen",
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

/** The demo account behind each principal; its unit is the principal's "own" unit. */
export type StaffPrincipalName = Exclude<PrincipalName, "anonymous" | "citizen">;
export const ACCOUNTS: Record<StaffPrincipalName, string> = {
  reception: "tiepnhan.quangthuan",
  specialist: "chuyenvien.quangthuan",
  leader: "lanhdao.quangthuan",
  clerk: "vanthu.quangthuan",
  unitAdminCommune: "quantri.quangthuan",
  unitAdminDistrict: "quantri.bachthong",
  supervisorDistrict: "giamsat.bachthong",
  supervisorProvince: "giamsat.backan",
  systemAdmin: "admin",
};

export const RELATIONS = ["own", "sibling", "parent", "child"] as const;
export type Relation = (typeof RELATIONS)[number];

/** Unit keys of the fixture. */
export type UnitKey = "BK" | "TN" | "BT" | "BTX" | "QT" | "PT" | "QTX";

export const UNIT_CODES: Record<UnitKey, string> = {
  BK: "000.00.00.H06", // UBND tỉnh Bắc Kạn
  TN: "000.00.00.H19", // UBND tỉnh Thái Nguyên
  BT: "000.00.31.H06", // UBND huyện Bạch Thông
  BTX: "000.00.32.H06", // a district added beside Bạch Thông
  QT: "000.17.31.H06", // UBND xã Quang Thuận
  PT: "000.01.31.H06", // UBND thị trấn Phủ Thông
  QTX: "001.17.31.H06", // an agency added under Quang Thuận
};

const COMMUNE = { own: "QT", sibling: "PT", parent: "BT", child: "QTX" } as const;
const DISTRICT = { own: "BT", sibling: "BTX", parent: "BK", child: "QT" } as const;
const PROVINCE = { own: "BK", sibling: "TN", parent: null, child: "BT" } as const;

/** Which unit each relation means for each principal (null: the principal's unit has no parent). */
export const RELATED: Record<Exclude<PrincipalName, "anonymous">, Record<Relation, UnitKey | null>> = {
  // A citizen's "own" resources are those of its draft filed at Quang Thuận; "sibling" is another citizen's
  // draft (at Phủ Thông); citizens have no parent or child.
  citizen: { own: "QT", sibling: "PT", parent: null, child: null },
  reception: COMMUNE,
  specialist: COMMUNE,
  leader: COMMUNE,
  clerk: COMMUNE,
  unitAdminCommune: COMMUNE,
  unitAdminDistrict: DISTRICT,
  supervisorDistrict: DISTRICT,
  supervisorProvince: PROVINCE,
  systemAdmin: PROVINCE,
};
/** Anonymous callers have no unit: their "relations" are the commune's, to aim at the same resources. */
export const ANONYMOUS_RELATED = COMMUNE;

export interface DossierFx {
  id: string;
  version: number;
  code: string;
  secret: string;
  formId: string;
  fileId: string;
}

export interface UnitFx {
  key: UnitKey;
  id: string;
  code: string;
  version: number;
  parentId: string | null;
  /** A staff member of the unit who is none of the principals. */
  staffId: string;
  dossier?: DossierFx;
  /** A dossier of the unit at its leader's step (received, forwarded twice): the leader's decisions aim at it. */
  atLeader?: { id: string; version: number };
  /** An upload of the unit not attached to anything. */
  uploadId?: string;
  offeringId?: string;
  credentialId?: string;
  paymentId?: string;
  /** A draft filed online by a citizen (citizen A at Quang Thuận, citizen B at Phủ Thông). */
  portalDraft?: { id: string; version: number; uploadId: string; fileId: string };
  /** An outbox message about the unit's dossier. */
  messageId?: string;
  /** A feedback filed on the public form into the unit's register. */
  feedback?: { id: string; code: string; secret: string };
  /** The unit's desk: a member, a draft document and a waiting queue number. */
  desk?: { memberId: string; documentId: string; ticketId: string; dutyId: string; holidayDutyId: string };
  /** A draft document of the unit, drafted by the unit's non-principal specialist. */
  documentId?: string;
  /** A work file (hồ sơ công việc) of the unit. */
  workFileId?: string;
}

export interface Fixture {
  units: Record<UnitKey, UnitFx>;
  /** Citizen A, signed in (owner of the Quang Thuận draft). */
  citizen: TestClient;
  citizenId: string;
  decisionId: string;
  trustedRootId: string;
  procedure: { id: string; slug: string; version: number };
  /** Fresh values for bodies that create things. */
  next(): number;
}

/** A form template the system admin uploads, so that its download is a real resource. */
export const FORM_CODE = "to-khai-ma-tran-phan-quyen";
export const ROOT_PEM = readFileSync(
  new URL("../fixtures/signing/test-root-ca.pem", import.meta.url),
  "utf8",
);
export const SIGNER_PEM = readFileSync(
  new URL("../fixtures/signing/test-signer.pem", import.meta.url),
  "utf8",
);

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

async function receive(client: TestClient, fileId: string): Promise<DossierFx> {
  const body = await ok<{
    dossier: { id: string; version: number; code: string; files?: unknown };
    receipt: { secret: string; form: { url: string } };
  }>(
    client.post("/api/v1/dossiers", {
      procedure: "cap-giay-xac-nhan-tinh-trang-hon-nhan",
      applicant: {
        kind: "person",
        name: "Hoàng Thị Ma Trận",
        identityNumber: "006190004321",
        address: { detail: "Thôn Bản Ma", commune: "Xã", district: "Huyện", province: "Tỉnh" },
        phone: "0912 345 678",
      },
      components: [{ name: "Tờ khai", kind: "original", count: 1, fileIds: [fileId] }],
      decision: { outcome: "accept" },
    }),
    201,
  );
  const formId = /\/forms\/([0-9a-f-]{36})/.exec(body.receipt.form.url)?.[1];
  if (!formId) throw new Error(`no form id in ${body.receipt.form.url}`);
  return {
    id: body.dossier.id,
    version: body.dossier.version,
    code: body.dossier.code,
    secret: body.receipt.secret,
    formId,
    fileId,
  };
}

/** A scan as a PDF (unique per call), so that the PDF routes (signature check) have a real file too. */
async function upload(client: TestClient, label: string): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([300, 200]).drawText(`Ban quet ${label}`, { x: 20, y: 100, size: 12, font });
  const file = await ok<{ id: string }>(
    client.post("/api/v1/dossier-files", {
      filename: "ban-quet.pdf",
      contentType: "application/pdf",
      file: Buffer.from(await doc.save()).toString("base64"),
    }),
    201,
  );
  return file.id;
}

export async function buildFixture(ctx: TestContext): Promise<Fixture> {
  const admin = await ctx.as("admin");
  let counter = 0;
  const next = () => ++counter;
  const ids = {} as Record<UnitKey, string>;
  for (const key of Object.keys(UNIT_CODES) as UnitKey[]) {
    if (key === "BTX" || key === "QTX") continue;
    ids[key] = await ctx.unitId(UNIT_CODES[key]);
  }
  ids.BTX = (
    await ok<{ id: string }>(
      admin.post("/api/v1/units", {
        code: UNIT_CODES.BTX,
        name: "UBND huyện Thử Nghiệm",
        kind: "district",
        parentId: ids.BK,
      }),
      201,
    )
  ).id;
  ids.QTX = (
    await ok<{ id: string }>(
      admin.post("/api/v1/units", {
        code: UNIT_CODES.QTX,
        name: "Tổ một cửa thử nghiệm xã Quang Thuận",
        kind: "agency",
        parentId: ids.QT,
      }),
      201,
    )
  ).id;

  const units = {} as Record<UnitKey, UnitFx>;
  for (const key of Object.keys(UNIT_CODES) as UnitKey[]) {
    const unit = await ok<{ version: number; parentId: string | null }>(
      admin.get(`/api/v1/units/${ids[key]}`),
    );
    const staff = await ok<{ id: string }>(
      admin.post("/api/v1/staff", {
        unitId: ids[key],
        username: `matran.${key.toLowerCase()}`,
        fullName: `Cán bộ thử ${key}`,
        roles: ["specialist"],
        password: "Ma-tran-phan-quyen-2026!",
      }),
      201,
    );
    units[key] = {
      key,
      id: ids[key],
      code: UNIT_CODES[key],
      version: unit.version,
      parentId: unit.parentId,
      staffId: staff.id,
    };
  }

  // The desk of every unit: a member, a draft document and a waiting number (inserted as the desk module would).
  for (const key of Object.keys(UNIT_CODES) as UnitKey[]) {
    const db = ctx.handle.db;
    const unitId = ids[key];
    const member = await db
      .insertInto("desk_members")
      .values({
        unit_id: unitId,
        staff_id: null,
        full_name: `Thành viên thử ${key}`,
        role: "officer",
        title: "Công chức",
        fields: ["ho-tich"],
        counter: 1,
        phone: null,
        email: null,
        seconded_from: null,
        seconded_to: null,
        starts_on: "2026-01-01",
        ends_on: null,
        created_at: ctx.clock.now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const document = await db
      .insertInto("desk_documents")
      .values({
        unit_id: unitId,
        kind: "house_rules",
        version: 99,
        title: "Nội quy thử",
        body: "Nội quy thử của ma trận phân quyền.",
        issued_ref: null,
        created_at: ctx.clock.now,
        created_by: null,
        published_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const ticket = await db
      .insertInto("queue_tickets")
      .values({
        unit_id: unitId,
        day: "2026-11-30",
        number: 900,
        lane: "general",
        field: null,
        status: "waiting",
        taken_at: ctx.clock.now,
        device_id: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const duty = await db
      .insertInto("desk_duties")
      .values({
        unit_id: unitId,
        member_id: member.id,
        weekday: 2,
        session: "morning",
        counter: 1,
        valid_from: "2026-01-01",
        valid_to: null,
        created_at: ctx.clock.now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const holidayDuty = await db
      .insertInto("desk_holiday_duties")
      .values({
        unit_id: unitId,
        member_id: member.id,
        on_date: "2026-12-06",
        counter: 1,
        field: "ho-tich",
        starts_at: "07:30",
        ends_at: "11:30",
        note: null,
        created_at: ctx.clock.now,
        created_by: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    units[key].desk = {
      memberId: member.id,
      documentId: document.id,
      ticketId: ticket.id,
      dutyId: duty.id,
      holidayDutyId: holidayDuty.id,
    };
  }

  // A draft document in every unit, by its own specialist (who is none of the principals).
  for (const key of Object.keys(UNIT_CODES) as UnitKey[]) {
    const drafter = ctx.client();
    await ok(
      drafter.post("/api/v1/auth/login", {
        username: `matran.${key.toLowerCase()}`,
        password: "Ma-tran-phan-quyen-2026!",
      }),
    );
    // A new account must change its temporary password before the API lets it do anything else.
    await ok(
      drafter.post("/api/v1/auth/password", {
        currentPassword: "Ma-tran-phan-quyen-2026!",
        newPassword: "Ma-tran-da-doi-2026!",
      }),
    );
    units[key].documentId = (
      await ok<{ id: string }>(
        drafter.post("/api/v1/documents", {
          typeCode: "cong-van",
          summary: `Công văn thử ma trận ${key}`,
          content: { text: "Nội dung công văn thử." },
        }),
        201,
      )
    ).id;
    units[key].workFileId = (
      await ctx.handle.db
        .insertInto("work_files")
        .values({
          unit_id: units[key].id,
          year: 2026,
          notation: `01.${key}`,
          title: `Hồ sơ thử ma trận ${key}`,
          retention_years: 5,
          in_catalog: true,
          status: "open",
          opened_at: ctx.clock.now,
          created_at: ctx.clock.now,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }

  // Dossiers, scans and uploads where a desk receives them.
  for (const [key, account] of [
    ["QT", "tiepnhan.quangthuan"],
    ["PT", "tiepnhan.phuthong"],
  ] as const) {
    const desk = await ctx.as(account);
    units[key].dossier = await receive(desk, await upload(desk, `${key} attached`));
    // A second one taken to the leader's step (reception → specialist → leader, the civil status workflow).
    const second = await receive(desk, await upload(desk, `${key} at leader`));
    const specialist = await ctx.as(key === "QT" ? "chuyenvien.quangthuan" : "chuyenvien.phuthong");
    let version = second.version;
    for (const client of [desk, specialist]) {
      const moved = await ok<{ dossier: { version: number; task: { role: string } | null } }>(
        client.post(`/api/v1/dossiers/${second.id}/forward`, { version }),
      );
      version = moved.dossier.version;
      if (client === specialist) expect(moved.dossier.task?.role).toBe("leader");
    }
    units[key].atLeader = { id: second.id, version };
    units[key].uploadId = await upload(desk, `${key} loose`);
    // The fee paid at the counter. The fixture's procedure has a fee set by a People's Council resolution whose
    // amount is not in the catalog (fee_vnd null), so the amount is set here as the desk would have entered it.
    await ctx.handle.db
      .updateTable("dossiers")
      .set({ fee_vnd: 5_000 })
      .where("id", "=", units[key].dossier?.id ?? "")
      .execute();
    const paid = await desk.post(`/api/v1/dossiers/${units[key].dossier?.id}/payments/counter`, {
      method: "cash",
      amountVnd: 5_000,
    });
    if (paid.statusCode === 201) units[key].paymentId = (paid.json() as { id: string }).id;
  }
  // Offerings of the communes.
  for (const key of ["QT", "PT"] as const) {
    const list = await ok<{ items: { id: string }[] }>(
      admin.get(`/api/v1/catalog/offerings?unit=${UNIT_CODES[key]}`),
    );
    units[key].offeringId = list.items[0]?.id;
  }
  // A seal certificate of Quang Thuận (the key on a token) and a trusted root.
  units.QT.credentialId = (
    await ok<{ id: string }>(
      admin.post("/api/v1/signing/credentials", {
        kind: "certificate",
        owner: "unit",
        unitId: ids.QT,
        certificate: SIGNER_PEM,
      }),
      201,
    )
  ).id;
  const trustedRootId = (
    await ok<{ id: string }>(admin.post("/api/v1/signing/trusted-roots", { certificate: ROOT_PEM }), 201)
  ).id;

  const form = await ctx.as("admin");
  const formPdf = await PDFDocument.create();
  formPdf.addPage([595, 842]);
  await ok(
    form.request({
      method: "PUT",
      url: `/api/v1/catalog/forms/${FORM_CODE}`,
      payload: { filename: "to-khai.pdf", file: Buffer.from(await formPdf.save()).toString("base64") },
    }),
  );

  // Two citizens, each with a draft filed online and a scan in it.
  const citizens: TestClient[] = [];
  const citizenIds: string[] = [];
  for (const [key, name] of [
    ["QT", "Hoàng Thị Ma Trận"],
    ["PT", "Nông Văn Khác"],
  ] as const) {
    const { client, id } = await citizenClient(ctx, name);
    citizens.push(client);
    citizenIds.push(id);
    const draft = await ok<{ id: string; version: number }>(
      client.post("/api/v1/portal/dossiers", {
        procedure: "cap-giay-xac-nhan-tinh-trang-hon-nhan",
        unit: UNIT_CODES[key],
      }),
      201,
    );
    const doc = await PDFDocument.create();
    doc.addPage([300, 200]);
    const added = await ok<{ upload: { id: string; url: string }; version: number }>(
      client.post(`/api/v1/portal/dossiers/${draft.id}/uploads`, {
        version: draft.version,
        componentId: "giay-to-tuy-than",
        filename: "cccd.pdf",
        file: Buffer.from(await doc.save()).toString("base64"),
      }),
      201,
    );
    const fileId = /\/files\/([0-9a-f-]{36})/.exec(added.upload.url)?.[1] ?? added.upload.id;
    units[key].portalDraft = { id: draft.id, version: added.version, uploadId: added.upload.id, fileId };
  }
  // The receipt SMS of each received dossier, in the outbox.
  for (const key of ["QT", "PT"] as const) {
    const message = await ctx.handle.db
      .selectFrom("notification_outbox")
      .select("id")
      .where("dossier_id", "=", units[key].dossier?.id ?? "")
      .executeTakeFirst();
    units[key].messageId = message?.id;
  }

  // A feedback in each commune's register, filed on the public form.
  for (const key of ["QT", "PT"] as const) {
    units[key].feedback = await ok<{ id: string; code: string; secret: string }>(
      ctx.client().post("/api/v1/public/feedback", {
        name: "Hoàng Thị Ma Trận",
        address: "Thôn Bản Ma",
        phone: key === "QT" ? "0912 345 601" : "0912 345 602",
        unit: UNIT_CODES[key],
        subject: "other",
        content: `Phản ánh thử ma trận phân quyền tại ${key}.`,
      }),
      201,
    );
  }

  const decisions = await ok<{ items: { id: string }[] }>(admin.get("/api/v1/calendar/decisions"));
  const procedures = await ok<{ items: { id: string; slug: string }[] }>(
    admin.get("/api/v1/procedures?q=hon%20nhan"),
  );
  const procedure = procedures.items[0];
  const versions = await ok<{ items: { version: number }[] }>(
    admin.get(`/api/v1/procedures/${procedure.id}/versions`),
  );
  return {
    units,
    citizen: citizens[0] as TestClient,
    citizenId: citizenIds[0] as string,
    decisionId: decisions.items[0].id,
    trustedRootId,
    procedure: { id: procedure.id, slug: procedure.slug, version: versions.items[0].version },
    next,
  };
}
