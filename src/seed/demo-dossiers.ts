/**
 * Demo dossiers at the desk of UBND xã Quang Thuận, made through the same use cases as the API (so every one
 * has its history, tasks and audit entries): one in each state of the desk's day, one transferred to the
 * Phòng Tư pháp of Bạch Thông, one overdue. Times are counted back in working days from the seeding instant.
 * Forms are left to be rendered on first download (seeding has no file store).
 *
 * Each accepted demo dossier opens the public lookup with the secret DEMO_LOOKUP_SECRETS gives for its position.
 */
import type { ReceiveInput } from "../contracts/dossiers.ts";
import type { Executor, Tx } from "../db/database.ts";
import { formatLocalDate, localDayOf, parseInstant } from "../domain/calendar/index.ts";
import { realCatalog } from "../domain/catalog/catalog.ts";
import { NO_LOCAL_ADDITIONS } from "../domain/catalog/local.ts";
import { componentsFor } from "../domain/catalog/procedure-schema.ts";
import type { StaffPrincipal } from "../modules/auth/principal.ts";
import { calendarFor } from "../modules/calendar/calendar-for.ts";
import { catalogWritten } from "../modules/catalog/search-index.ts";
import type { ActionContext } from "../modules/dossiers/engine.ts";
import { apologise, returnResult } from "../modules/dossiers/late-and-stop.ts";
import { approve, forward, recordResult } from "../modules/dossiers/process-step.ts";
import { receiveDossier } from "../modules/dossiers/receive-dossier.ts";
import { hashLookupSecret } from "../modules/dossiers/secret.ts";
import { requestCitizenSupplement } from "../modules/dossiers/supplement.ts";
import { transferDossier } from "../modules/dossiers/transfer-dossier.ts";

const QUANG_THUAN = "000.17.31.H06";
const TU_PHAP = "000.20.31.H06";
/** Offered by the Phòng Tư pháp for the demo transfer (thay đổi, cải chính hộ tịch: district competence). */
const TRANSFER_PROCEDURE = "thay-doi-cai-chinh-bo-sung-thong-tin-ho-tich";

/** Lookup secrets of the accepted demo dossiers, in the order below (demo only). */
export const DEMO_LOOKUP_SECRETS = [
  "DEMA2345",
  "DEMB2345",
  "DEMC2345",
  "DEMD2345",
  "DEMF2345",
  "DEMG2345",
  "DEMH2345",
  "DEMJ2345",
];

const APPLICANTS = [
  ["Nông Văn Thắng", "006085001201", "Thôn Nà Mèo"],
  ["Hoàng Thị Lan", "006190002318", "Thôn Khuổi Chủ"],
  ["Lý Văn Cường", "006088004527", "Thôn Nà Lẹng"],
  ["Triệu Thị Mai", "006195006832", "Thôn Bản Cáu"],
  ["Ma Văn Hùng", "006079003914", "Thôn Nà Pài"],
  ["Dương Thị Hoa", "006192007745", "Thôn Khuổi Tục"],
  ["Lục Văn Bình", "006083009106", "Thôn Phiêng Pục"],
  ["Bế Thị Nhung", "006198001539", "Thôn Bản Đon"],
  ["Hà Văn Sơn", "006087002763", "Thôn Nà Ngần"],
  ["Đàm Thị Thu", "006196004481", "Thôn Nà Mèo"],
] as const;

/** The principal of a staff account, as a session would carry it (for the seed and the tests that act as staff). */
export async function staffPrincipal(tx: Executor, username: string): Promise<StaffPrincipal> {
  const row = await tx
    .selectFrom("staff as s")
    .innerJoin("units as u", "u.id", "s.unit_id")
    .select(["s.id", "s.username", "s.full_name", "s.unit_id", "s.roles", "u.path"])
    .where("s.username", "=", username)
    .executeTakeFirstOrThrow();
  return {
    kind: "staff",
    staffId: row.id,
    username: row.username,
    fullName: row.full_name,
    unitId: row.unit_id,
    unitPath: row.path,
    roles: row.roles,
    sessionHash: "",
  };
}

function receptionInput(slug: string, n: number, decision: ReceiveInput["decision"]): ReceiveInput {
  const procedure = realCatalog().find((p) => p.id === slug);
  if (!procedure) throw new Error(`demo dossier: no procedure ${slug}`);
  const [name, id, hamlet] = APPLICANTS[n % APPLICANTS.length] as readonly [string, string, string];
  return {
    procedure: slug,
    caseId: null,
    channel: "counter",
    applicant: {
      kind: "person",
      name,
      identityNumber: id,
      address: {
        detail: hamlet,
        commune: "Xã Quang Thuận",
        district: "Huyện Bạch Thông",
        province: "Tỉnh Bắc Kạn",
      },
      phone: `0912 ${String(345_600 + n).slice(0, 3)} ${String(100 + n * 7).padStart(3, "0")}`,
      email: null,
      representative: null,
    },
    components: componentsFor(procedure, null)
      .filter((c) => c.requirement.kind === "required")
      .map((c) => ({
        componentId: c.id,
        name: c.name,
        kind: c.originals > 0 ? "original" : "copy",
        count: 1,
      })),
    sets: 1,
    returnMethod: "counter",
    note: null,
    decision,
  } as ReceiveInput;
}

export async function seedDemoDossiers(tx: Tx, now: Date, publicUrl: string): Promise<void> {
  const desk = await tx.selectFrom("units").select(["id"]).where("code", "=", QUANG_THUAN).executeTakeFirst();
  const agency = await tx.selectFrom("units").select(["id"]).where("code", "=", TU_PHAP).executeTakeFirst();
  const procedure = await tx
    .selectFrom("procedures")
    .select("id")
    .where("slug", "=", TRANSFER_PROCEDURE)
    .executeTakeFirst();
  if (!desk || !agency || !procedure) return;
  catalogWritten();
  await tx
    .insertInto("procedure_offerings")
    .values({
      unit_id: agency.id,
      procedure_id: procedure.id,
      local: JSON.stringify(NO_LOCAL_ADDITIONS),
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(["unit_id", "procedure_id"]).doNothing())
    .execute();

  const who = {
    desk: await staffPrincipal(tx, "tiepnhan.quangthuan"),
    specialist: await staffPrincipal(tx, "chuyenvien.quangthuan"),
    leader: await staffPrincipal(tx, "lanhdao.quangthuan"),
    clerk: await staffPrincipal(tx, "vanthu.quangthuan"),
    agencySpecialist: await staffPrincipal(tx, "tuphap.bachthong"),
    agencyLeader: await staffPrincipal(tx, "truongphong.tuphap"),
  };
  const calendar = await calendarFor(tx, desk.id);
  /** 08:00 + `minutes` on the k-th working day before the seeding day. */
  const workingDaysAgo = (k: number, minutes = 30): Date => {
    let day = localDayOf(now.getTime());
    for (let i = 0; i < k; i++) {
      day -= 1;
      while (!calendar.isWorkingDay(day)) day -= 1;
    }
    const base = parseInstant(`${formatLocalDate(day)}T08:00:00+07:00`);
    return new Date(Math.min(base + minutes * 60_000, now.getTime()));
  };
  const ctx = (principal: StaffPrincipal, at: Date): ActionContext => ({
    tx,
    principal,
    now: at,
    deps: { files: null, publicUrl },
    pendingForms: [],
  });
  let secrets = 0;
  const receive = async (
    slug: string,
    n: number,
    at: Date,
    decision: ReceiveInput["decision"] = { outcome: "accept" },
  ) => {
    const out = await receiveDossier(ctx(who.desk, at), receptionInput(slug, n, decision));
    if (out.secret !== null) {
      const secret = DEMO_LOOKUP_SECRETS[secrets++] as string;
      await tx
        .updateTable("dossiers")
        .set({ lookup_hash: hashLookupSecret(out.dossierId, secret) })
        .where("id", "=", out.dossierId)
        .execute();
    }
    return out.dossierId;
  };
  const version = async (id: string) =>
    (await tx.selectFrom("dossiers").select("version").where("id", "=", id).executeTakeFirstOrThrow())
      .version;
  const minutes = (d: Date, m: number) => new Date(Math.min(d.getTime() + m * 60_000, now.getTime()));

  // 1. Returned at the counter: the whole way through.
  let t = workingDaysAgo(4);
  let id = await receive("cap-ban-sao-trich-luc-ho-tich", 0, t);
  await forward(ctx(who.desk, minutes(t, 20)), id, { version: await version(id) });
  await forward(ctx(who.specialist, minutes(t, 60)), id, { version: await version(id) });
  await approve(ctx(who.leader, minutes(t, 120)), id, { version: await version(id) });
  await recordResult(ctx(who.clerk, minutes(t, 150)), id, {
    version: await version(id),
    number: "112/TLHT-BS",
    signedOn: formatLocalDate(localDayOf(t.getTime())),
    signer: who.leader.fullName,
  });
  await returnResult(ctx(who.desk, minutes(t, 200)), id, {
    method: "counter",
    version: await version(id),
    signedBy: APPLICANTS[0][0],
  });

  // 2. Result ready, waiting at the desk.
  t = workingDaysAgo(3);
  id = await receive("chung-thuc-hop-dong-giao-dich", 1, t);
  await forward(ctx(who.desk, minutes(t, 15)), id, { version: await version(id) });
  await forward(ctx(who.specialist, workingDaysAgo(2, 60)), id, { version: await version(id) });
  await approve(ctx(who.leader, workingDaysAgo(2, 120)), id, { version: await version(id) });
  await recordResult(ctx(who.clerk, workingDaysAgo(2, 180)), id, {
    version: await version(id),
    number: "58/2026/CT-HĐ",
    signedOn: formatLocalDate(localDayOf(workingDaysAgo(2).getTime())),
    signer: who.leader.fullName,
  });

  // 3. Overdue: five working days, received eight working days ago, still with the specialist.
  t = workingDaysAgo(8);
  id = await receive("dang-ky-lai-khai-sinh", 2, t);
  await forward(ctx(who.desk, minutes(t, 30)), id, {
    version: await version(id),
    assigneeId: who.specialist.staffId,
  });

  // 4. Transferred to the Phòng Tư pháp for its decision, being appraised there.
  t = workingDaysAgo(2);
  id = await receive(TRANSFER_PROCEDURE, 3, t);
  await forward(ctx(who.desk, minutes(t, 10)), id, { version: await version(id) });
  await forward(ctx(who.specialist, minutes(t, 90)), id, { version: await version(id) });
  await transferDossier(ctx(who.leader, workingDaysAgo(1, 60)), id, {
    version: await version(id),
    unitCode: TU_PHAP,
    reason:
      "Thay đổi, cải chính hộ tịch cho người từ đủ 14 tuổi trở lên thuộc thẩm quyền của Phòng Tư pháp huyện.",
  });

  // 5. Waiting for the applicant's supplement (clock paused).
  t = workingDaysAgo(1);
  id = await receive("dang-ky-giam-ho", 4, t);
  await forward(ctx(who.desk, minutes(t, 10)), id, { version: await version(id) });
  await requestCitizenSupplement(ctx(who.specialist, minutes(t, 120)), id, {
    version: await version(id),
    items: [
      {
        name: "Văn bản thỏa thuận cử người giám hộ",
        reason: "Văn bản nộp kèm chưa có chữ ký của người được cử làm giám hộ.",
      },
    ],
  });

  // 6. With the leader, who apologised and set a new date.
  t = workingDaysAgo(1, 45);
  id = await receive("cap-giay-xac-nhan-tinh-trang-hon-nhan", 5, t);
  await forward(ctx(who.desk, minutes(t, 10)), id, { version: await version(id) });
  await forward(ctx(who.specialist, minutes(t, 60)), id, { version: await version(id) });
  const due = await tx.selectFrom("dossiers").select("due_at").where("id", "=", id).executeTakeFirstOrThrow();
  if (due.due_at && localDayOf(new Date(due.due_at).getTime()) - localDayOf(now.getTime()) >= 1) {
    await apologise(ctx(who.leader, minutes(t, 90)), id, {
      version: await version(id),
      reason: "Cần xác minh tình trạng hôn nhân tại nơi cư trú trước đây của người yêu cầu.",
      newAppointment: new Date(new Date(due.due_at).getTime() + 2 * 86_400_000).toISOString(),
    });
  }

  // 7. Just received, at the desk's step; 8. with the specialist.
  id = await receive("dang-ky-nhan-cha-me-con", 6, workingDaysAgo(0, 5));
  id = await receive("dang-ky-khai-sinh", 7, workingDaysAgo(0, 10));
  await forward(ctx(who.desk, workingDaysAgo(0, 20)), id, { version: await version(id) });

  // 9. Asked for supplements before acceptance; 10. refused.
  await receive("dang-ky-khai-tu", 8, workingDaysAgo(0, 25), {
    outcome: "request_supplement",
    items: [{ name: "Giấy báo tử", reason: "Chưa có Giấy báo tử hoặc giấy tờ thay Giấy báo tử." }],
  });
  await receive("chung-thuc-di-chuc", 9, workingDaysAgo(0, 30), {
    outcome: "refuse",
    reason: "Người lập di chúc không có mặt để ký trước người thực hiện chứng thực.",
  });
}
