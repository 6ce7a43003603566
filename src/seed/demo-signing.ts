import { randomUUID } from "node:crypto";
import type { Tx } from "../db/database.ts";
import { insertCredential, sealingContext } from "../modules/signing/credentials.ts";
import { insertTrustedRoot } from "../modules/signing/trusted-roots.ts";
import { parseCertificateDer } from "../signing/certs.ts";
import { createTestPki, loadP12, sealP12, type TestIdentity } from "../signing/index.ts";
import { DEMO_PASSWORD } from "./demo-units.ts";

const SYSTEM = { kind: "system", id: null } as const;

/** The demo's signing unit and official (UBND xã Quang Thuận, its chairman). */
export const DEMO_SIGNING = {
  unitCode: "000.17.31.H06",
  agencyName: "UBND xã Quang Thuận",
  province: "Bắc Kạn",
  leader: { username: "lanhdao.quangthuan", name: "Triệu Văn Đạo", title: "Chủ tịch" },
  /** The PKCS#12 password of the demo credentials (the demo accounts' password). */
  password: DEMO_PASSWORD,
} as const;

/**
 * Demo signing: a fresh test PKI (its root trusted in demo mode only: every certificate carries the test PKI
 * marker), the seal certificate of UBND xã Quang Thuận and the personal certificate of its chairman, both
 * stored sealed with the demo password. The root's private key is thrown away. Returns false when the demo
 * unit or official is missing.
 */
export async function seedDemoSigning(
  tx: Tx,
  options: { serverSecret: string; now: Date },
): Promise<boolean> {
  const unit = await tx
    .selectFrom("units")
    .select("id")
    .where("code", "=", DEMO_SIGNING.unitCode)
    .executeTakeFirst();
  const leader = await tx
    .selectFrom("staff")
    .select(["id", "unit_id"])
    .where("username", "=", DEMO_SIGNING.leader.username)
    .executeTakeFirst();
  if (!unit || !leader) return false;
  const pki = await createTestPki({
    agencyName: DEMO_SIGNING.agencyName,
    province: DEMO_SIGNING.province,
    officials: [{ name: DEMO_SIGNING.leader.name, title: DEMO_SIGNING.leader.title }],
    password: DEMO_SIGNING.password,
  });
  await insertTrustedRoot(
    tx,
    parseCertificateDer(pki.root.certificate),
    "motcua Test Root CA (chỉ dùng khi trình diễn)",
    SYSTEM,
    options.now,
  );
  const store = async (
    identity: TestIdentity,
    owner: { kind: "staff"; staffId: string; unitId: string } | { kind: "unit"; unitId: string },
    label: string,
  ) => {
    const id = randomUUID();
    const context = sealingContext({
      id,
      owner_kind: owner.kind,
      staff_id: owner.kind === "staff" ? owner.staffId : null,
      unit_id: owner.unitId,
    });
    // The seed's clock may lag the certificates' issue time in tests: read the file without date checks.
    const credential = loadP12(identity.p12, DEMO_SIGNING.password, { check: false });
    const { sealed } = sealP12(identity.p12, {
      serverSecret: options.serverSecret,
      password: DEMO_SIGNING.password,
      context,
      check: false,
    });
    await insertCredential(
      tx,
      {
        id,
        owner,
        sealed,
        certificate: credential.certificate,
        chain: credential.chain,
        info: credential.info,
        keyType: credential.keyType,
        label,
        testPki: true,
      },
      SYSTEM,
      options.now,
    );
  };
  await store(
    pki.agency,
    { kind: "unit", unitId: unit.id },
    `Con dấu số ${DEMO_SIGNING.agencyName} (thử nghiệm)`,
  );
  const official = pki.officials[0];
  if (official) {
    await store(
      official,
      { kind: "staff", staffId: leader.id, unitId: leader.unit_id },
      `${DEMO_SIGNING.leader.name} (thử nghiệm)`,
    );
  }
  return true;
}
