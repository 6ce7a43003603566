/**
 * Demo desks. Phủ Thông keeps the 2018 model: "Bộ phận Tiếp nhận và Trả kết quả" headed by the chairman, 8 members
 * (the Bạch Thông article, DOMAIN.md "The desk itself" — the names other than the demo accounts' are invented).
 * Phong Quang runs the 2025 model: "Trung tâm Phục vụ hành chính công" with a director who is a vice-chairman, one
 * deputy and officers seconded for 12–36 months (NĐ 118/2025). Phone numbers, addresses and document texts are
 * ILLUSTRATIVE; a deployment enters its own.
 */
import type { Tx } from "../db/database.ts";
import type { MemberRole } from "../db/tables/desk.ts";
import { recordAudit } from "../modules/audit/audit-log.ts";

const SYSTEM = { kind: "system", id: null } as const;

interface SeedMember {
  username?: string;
  fullName: string;
  role: MemberRole;
  title: string;
  fields: string[];
  counter: number | null;
  phone: string;
  seconded?: [string, string];
}

interface SeedDesk {
  unitCode: string;
  model: "2018" | "2025";
  name: string;
  address: string;
  feedbackAddress: string;
  feedbackPhone: string;
  feedbackEmail: string;
  startsOn: string;
  members: SeedMember[];
  houseRules: string;
  regulation: { title: string; body: string; ref: string };
}

const OPENING_HOURS =
  "Sáng từ 7 giờ 30 đến 11 giờ 30, chiều từ 13 giờ 30 đến 17 giờ, từ thứ Hai đến thứ Sáu (trừ ngày nghỉ lễ, Tết theo quy định).";

const HOUSE_RULES = (desk: string) =>
  [
    `1. ${desk} làm việc theo giờ hành chính được niêm yết; tiếp nhận và trả kết quả hồ sơ vào tất cả các ngày làm việc.`,
    "2. Tổ chức, cá nhân lấy số thứ tự tại máy lấy số và chờ đến lượt theo số đã lấy; người cao tuổi, phụ nữ mang thai, người khuyết tật được ưu tiên.",
    "3. Cán bộ, công chức mặc trang phục theo quy định, đeo thẻ công chức, có thái độ lịch sự, tôn trọng; không gây phiền hà, sách nhiễu; không nhận tiền, quà của người đến giao dịch.",
    "4. Hồ sơ đầy đủ, hợp lệ được tiếp nhận và cấp Giấy tiếp nhận hồ sơ và hẹn trả kết quả; hồ sơ chưa đầy đủ được hướng dẫn bổ sung một lần bằng văn bản.",
    "5. Giữ trật tự, vệ sinh chung; không hút thuốc lá trong khu vực làm việc.",
    "6. Mọi phản ánh, kiến nghị gửi về địa chỉ và số điện thoại được niêm yết tại Bộ phận; người đến giao dịch đánh giá mức độ hài lòng tại máy đánh giá ở quầy.",
  ].join("\n");

export const DEMO_DESKS: SeedDesk[] = [
  {
    unitCode: "000.01.31.H06",
    model: "2018",
    name: "Bộ phận Tiếp nhận và Trả kết quả thị trấn Phủ Thông",
    address: "Trụ sở UBND thị trấn Phủ Thông, huyện Bạch Thông, tỉnh Bắc Kạn",
    feedbackAddress:
      "UBND thị trấn Phủ Thông, tiểu khu II, thị trấn Phủ Thông, huyện Bạch Thông, tỉnh Bắc Kạn",
    feedbackPhone: "0209 3850 101",
    feedbackEmail: "motcua.phuthong@example.vn",
    startsOn: "2025-01-02",
    members: [
      {
        username: "lanhdao.phuthong",
        fullName: "Dương Văn Lãnh",
        role: "head",
        title: "Chủ tịch UBND thị trấn",
        fields: [],
        counter: null,
        phone: "0912 000 101",
      },
      {
        fullName: "Hoàng Thị Hà",
        role: "deputy",
        title: "Công chức Văn phòng - Thống kê",
        fields: ["thi-dua-khen-thuong", "tin-nguong-ton-giao"],
        counter: 1,
        phone: "0912 000 102",
      },
      {
        username: "chuyenvien.phuthong",
        fullName: "La Văn Phủ",
        role: "officer",
        title: "Công chức Tư pháp - Hộ tịch",
        fields: ["ho-tich", "chung-thuc"],
        counter: 2,
        phone: "0912 000 103",
      },
      {
        fullName: "Nông Thị Hiền",
        role: "officer",
        title: "Công chức Tư pháp - Hộ tịch",
        fields: ["ho-tich", "chung-thuc"],
        counter: 2,
        phone: "0912 000 104",
      },
      {
        fullName: "Lý Văn Thắng",
        role: "officer",
        title: "Công chức Địa chính - Xây dựng",
        fields: ["dat-dai", "moi-truong"],
        counter: 3,
        phone: "0912 000 105",
      },
      {
        fullName: "Triệu Thị Mai",
        role: "officer",
        title: "Công chức Văn hóa - Xã hội",
        fields: ["bao-tro-xa-hoi", "giam-ngheo"],
        counter: 4,
        phone: "0912 000 106",
      },
      {
        username: "tiepnhan.phuthong",
        fullName: "Bế Thị Thông",
        role: "officer",
        title: "Công chức Văn phòng - Thống kê",
        fields: ["ho-kinh-doanh", "cong-thuong"],
        counter: 1,
        phone: "0912 000 107",
      },
      {
        fullName: "Hà Văn Sơn",
        role: "officer",
        title: "Công chức Văn hóa - Xã hội",
        fields: ["van-hoa-co-so", "the-duc-the-thao", "giao-duc-mam-non"],
        counter: 4,
        phone: "0912 000 108",
      },
    ],
    houseRules: HOUSE_RULES("Bộ phận Tiếp nhận và Trả kết quả"),
    regulation: {
      title: "Quy chế hoạt động của Bộ phận Tiếp nhận và Trả kết quả thị trấn Phủ Thông",
      ref: "Quyết định số 15/QĐ-UBND (minh họa)",
      body: [
        "Điều 1. Bộ phận Tiếp nhận và Trả kết quả do Chủ tịch UBND thị trấn làm Trưởng bộ phận; Phó Trưởng bộ phận là công chức Văn phòng - Thống kê.",
        "Điều 2. Bộ phận hướng dẫn, tiếp nhận, số hóa hồ sơ, chuyển hồ sơ đến người có thẩm quyền giải quyết và trả kết quả theo Nghị định số 61/2018/NĐ-CP.",
        "Điều 3. Công chức làm việc tại Bộ phận trực theo lịch trực được Trưởng bộ phận phân công, gửi các tổ chức, tổ dân phố và niêm yết tại trụ sở.",
      ].join("\n"),
    },
  },
  {
    unitCode: "000.00.05.H19",
    model: "2025",
    name: "Trung tâm Phục vụ hành chính công xã Phong Quang",
    address: "Trụ sở UBND xã Phong Quang, tỉnh Thái Nguyên",
    feedbackAddress: "Trung tâm Phục vụ hành chính công xã Phong Quang, tỉnh Thái Nguyên",
    feedbackPhone: "0208 3870 555",
    feedbackEmail: "tthcc.phongquang@example.vn",
    startsOn: "2025-07-01",
    members: [
      {
        fullName: "Hoàng Văn Quảng",
        role: "head",
        title: "Giám đốc Trung tâm, Phó Chủ tịch UBND xã",
        fields: [],
        counter: null,
        phone: "0913 000 201",
      },
      {
        fullName: "Ma Thị Hằng",
        role: "deputy",
        title: "Phó Giám đốc Trung tâm",
        fields: ["ho-kinh-doanh", "cong-thuong"],
        counter: 3,
        phone: "0913 000 202",
      },
      {
        username: "tiepnhan.phongquang",
        fullName: "Đinh Thị Quang",
        role: "officer",
        title: "Công chức biệt phái",
        fields: ["ho-tich", "chung-thuc"],
        counter: 1,
        phone: "0913 000 203",
        seconded: ["2025-07-01", "2027-06-30"],
      },
      {
        fullName: "Lương Văn Định",
        role: "officer",
        title: "Công chức biệt phái",
        fields: ["dat-dai", "moi-truong"],
        counter: 2,
        phone: "0913 000 204",
        seconded: ["2025-07-01", "2026-12-31"],
      },
      {
        fullName: "Vi Thị Lan",
        role: "officer",
        title: "Công chức biệt phái",
        fields: ["bao-tro-xa-hoi", "giam-ngheo"],
        counter: 3,
        phone: "0913 000 205",
        seconded: ["2025-07-01", "2027-06-30"],
      },
    ],
    houseRules: HOUSE_RULES("Trung tâm Phục vụ hành chính công"),
    regulation: {
      title: "Quy chế tổ chức và hoạt động của Trung tâm Phục vụ hành chính công xã Phong Quang",
      ref: "Quyết định số 01/QĐ-UBND (minh họa)",
      body: [
        "Điều 1. Trung tâm Phục vụ hành chính công xã có con dấu và tài khoản riêng; Giám đốc Trung tâm là Phó Chủ tịch UBND xã, có một Phó Giám đốc (Nghị định số 118/2025/NĐ-CP).",
        "Điều 2. Công chức được biệt phái đến Trung tâm từ 12 đến 36 tháng, mặc trang phục và đeo thẻ theo quy định.",
        "Điều 3. Trung tâm công khai tại trụ sở và trên trang thông tin điện tử họ tên, chức danh, số điện thoại của người đứng đầu, cấp phó và họ tên, chức danh, lĩnh vực, số điện thoại của từng công chức.",
      ].join("\n"),
    },
  },
];

export async function seedDemoDesks(tx: Tx, now: Date): Promise<void> {
  for (const desk of DEMO_DESKS) {
    const unit = await tx
      .selectFrom("units")
      .select("id")
      .where("code", "=", desk.unitCode)
      .executeTakeFirstOrThrow();
    await tx
      .insertInto("desk_profiles")
      .values({
        unit_id: unit.id,
        model: desk.model,
        name: desk.name,
        address: desk.address,
        opening_hours: OPENING_HOURS,
        feedback_address: desk.feedbackAddress,
        feedback_phone: desk.feedbackPhone,
        feedback_email: desk.feedbackEmail,
        updated_at: now,
      })
      .execute();
    for (const m of desk.members) {
      const staff = m.username
        ? await tx
            .selectFrom("staff")
            .select("id")
            .where("username", "=", m.username)
            .executeTakeFirstOrThrow()
        : null;
      const row = await tx
        .insertInto("desk_members")
        .values({
          unit_id: unit.id,
          staff_id: staff?.id ?? null,
          full_name: m.fullName,
          role: m.role,
          title: m.title,
          fields: m.fields,
          counter: m.counter,
          phone: m.phone,
          email: null,
          seconded_from: m.seconded?.[0] ?? null,
          seconded_to: m.seconded?.[1] ?? null,
          starts_on: desk.startsOn,
          ends_on: null,
          created_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (m.counter === null) continue;
      // Two members share a counter in turns: the first of them mornings, the second afternoons.
      const sharing = desk.members.filter((o) => o.counter === m.counter);
      const sessions =
        sharing.length === 1
          ? (["morning", "afternoon"] as const)
          : sharing[0] === m
            ? (["morning"] as const)
            : (["afternoon"] as const);
      for (let weekday = 1; weekday <= 5; weekday++) {
        for (const session of sessions) {
          await tx
            .insertInto("desk_duties")
            .values({
              unit_id: unit.id,
              member_id: row.id,
              weekday,
              session,
              counter: m.counter,
              valid_from: desk.startsOn,
              valid_to: null,
              created_at: now,
            })
            .execute();
        }
      }
    }
    for (const [kind, title, body, ref] of [
      ["house_rules", `Nội quy ${desk.name}`, desk.houseRules, null],
      ["regulation", desk.regulation.title, desk.regulation.body, desk.regulation.ref],
    ] as const) {
      await tx
        .insertInto("desk_documents")
        .values({
          unit_id: unit.id,
          kind,
          version: 1,
          title,
          body,
          issued_ref: ref,
          created_at: now,
          created_by: null,
          published_at: now,
        })
        .execute();
    }
    await recordAudit(
      tx,
      {
        actor: SYSTEM,
        action: "desk.seed",
        entityType: "desk_profile",
        entityId: unit.id,
        unitId: unit.id,
        summary: { members: desk.members.length },
      },
      now,
    );
  }
}
