import type { Tx } from "../db/database.ts";
import { hashPassword } from "../modules/auth/passwords.ts";

/**
 * Demo citizen accounts of the portal. The identity numbers follow the structure of TT 59/2021/TT-BCA art. 7:
 * 006 = Bắc Kạn (Phụ lục I), then the century/sex digit and the two last digits of the year of birth, then six
 * made-up digits. They are not real people's numbers.
 */
export const DEMO_CITIZEN_PASSWORD = "motcua-demo-2026";

export interface DemoCitizen {
  fullName: string;
  identityNumber: string;
  birthDate: string;
  phone: string;
  email: string;
  address: { detail: string; commune: string; district: string | null; province: string };
  /** Also known to the demo identity provider (VNeID-style), with the same password. */
  withIdentityProvider: boolean;
}

export const DEMO_CITIZENS: DemoCitizen[] = [
  {
    fullName: "Hoàng Thị Mai",
    identityNumber: "006188001234",
    birthDate: "1988-03-15",
    phone: "0912000101",
    email: "mai.hoang@example.vn",
    address: { detail: "Thôn Nà Phặc", commune: "Phủ Thông", district: null, province: "Thái Nguyên" },
    withIdentityProvider: true,
  },
  {
    fullName: "Nông Văn Dũng",
    identityNumber: "006075004321",
    birthDate: "1975-07-02",
    phone: "0983000202",
    email: "dung.nong@example.vn",
    address: { detail: "Tổ 3", commune: "Bạch Thông", district: null, province: "Thái Nguyên" },
    withIdentityProvider: false,
  },
];

/** Known only to the demo identity provider: the first sign-in with it creates the portal account. */
export const DEMO_PROVIDER_ONLY_CITIZEN = {
  fullName: "Triệu Văn An",
  identityNumber: "006092005678",
  birthDate: "1992-11-20",
  phone: "0868000303",
  email: "an.trieu@example.vn",
} as const;

export async function seedDemoCitizens(tx: Tx, now: Date): Promise<void> {
  const passwordHash = await hashPassword(DEMO_CITIZEN_PASSWORD);
  for (const c of DEMO_CITIZENS) {
    await tx
      .insertInto("citizens")
      .values({
        full_name: c.fullName,
        identity_number: c.identityNumber,
        birth_date: c.birthDate,
        phone: c.phone,
        email: c.email,
        address: JSON.stringify(c.address),
        password_hash: passwordHash,
        status: "active",
        confirmed_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}
