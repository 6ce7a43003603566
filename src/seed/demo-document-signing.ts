import { randomUUID } from "node:crypto";
import type { Tx } from "../db/database.ts";
import { insertCredential, sealingContext } from "../modules/signing/credentials.ts";
import { insertTrustedRoot } from "../modules/signing/trusted-roots.ts";
import { parseCertificateDer } from "../signing/certs.ts";
import { createTestPki, loadP12, sealP12, type TestIdentity } from "../signing/index.ts";
import { DEMO_PASSWORD } from "./demo-units.ts";

const SYSTEM = { kind: "system", id: null } as const;

/** The district that issues the demo's documents: its seal and the deputy chairman who signs "KT. Chủ tịch". */
export const DEMO_DOCUMENT_SIGNING = {
  unitCode: "000.00.31.H06",
  agencyName: "UBND huyện Bạch Thông",
  province: "Bắc Kạn",
  leader: { username: "lanhdao.bachthong", name: "Nông Văn Thành", title: "Phó Chủ tịch" },
  password: DEMO_PASSWORD,
} as const;

/**
 * Like seedDemoSigning for the district: a test PKI (root trusted in demo mode only), the seal of UBND huyện
 * Bạch Thông and the personal certificate of its deputy chairman, sealed with the demo password.
 */
export async function seedDemoDocumentSigning(
  tx: Tx,
  options: { serverSecret: string; now: Date },
): Promise<boolean> {
  const spec = DEMO_DOCUMENT_SIGNING;
  const unit = await tx.selectFrom("units").select("id").where("code", "=", spec.unitCode).executeTakeFirst();
  const leader = await tx
    .selectFrom("staff")
    .select(["id", "unit_id"])
    .where("username", "=", spec.leader.username)
    .executeTakeFirst();
  if (!unit || !leader) return false;
  const pki = await createTestPki({
    agencyName: spec.agencyName,
    province: spec.province,
    officials: [{ name: spec.leader.name, title: spec.leader.title }],
    password: spec.password,
  });
  await insertTrustedRoot(
    tx,
    parseCertificateDer(pki.root.certificate),
    `motcua Test Root CA — ${spec.agencyName} (chỉ dùng khi trình diễn)`,
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
    const credential = loadP12(identity.p12, spec.password, { check: false });
    const { sealed } = sealP12(identity.p12, {
      serverSecret: options.serverSecret,
      password: spec.password,
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
  await store(pki.agency, { kind: "unit", unitId: unit.id }, `Con dấu số ${spec.agencyName} (thử nghiệm)`);
  const official = pki.officials[0];
  if (official) {
    await store(
      official,
      { kind: "staff", staffId: leader.id, unitId: leader.unit_id },
      `${spec.leader.name} (thử nghiệm)`,
    );
  }
  return true;
}
