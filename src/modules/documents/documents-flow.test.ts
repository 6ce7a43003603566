/**
 * The outgoing and incoming workflow through the API, as the issue's "Done when" describes it: the district's
 * specialist drafts a decision, the deputy chairman signs "KT. Chủ tịch", the clerk issues it (number and seal) and
 * sends it to all 17 communes in one action; two communes register it, one assigns and replies with a linked
 * document; the district sees each commune's status; the PDF carries two valid signatures and the number.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../../test/support/test-app.ts";
import { hasPdfsig, pdfsig } from "../../signing/test-support.ts";
import { verifyPdf } from "../../signing/verify.ts";
import {
  DECISION_TEXT,
  DEMO_PASSWORD,
  type DocumentsTestContext,
  detail,
  documentsTestContext,
  ok,
} from "./test-support.ts";

let ctx: DocumentsTestContext;
let specialist: TestClient;
let leader: TestClient;
let clerk: TestClient;

beforeAll(async () => {
  ctx = await documentsTestContext();
  specialist = await ctx.as("chuyenvien.bachthong");
  leader = await ctx.as("lanhdao.bachthong");
  clerk = await ctx.as("vanthu.bachthong");
}, 120_000);
afterAll(async () => ctx?.close());

function pdftotext(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "motcua-doc-"));
  try {
    writeFileSync(join(dir, "a.pdf"), pdf);
    return spawnSync("pdftotext", ["-layout", join(dir, "a.pdf"), "-"], { encoding: "utf8" }).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function draftDecision(summary: string): Promise<string> {
  const { id } = await ok<{ id: string }>(
    specialist.post("/api/v1/documents", {
      typeCode: "quyet-dinh",
      summary,
      content: { text: DECISION_TEXT },
      recipients: [{ childrenOf: ctx.district }, { name: "Sở Nội vụ tỉnh Bắc Kạn", channel: "paper" }],
      urgency: "khan",
    }),
    201,
  );
  return id;
}

async function signAndIssue(id: string): Promise<string> {
  let d = await detail(specialist, id);
  await ok(specialist.post(`/api/v1/documents/${id}/submit`, { version: d.version }));
  d = await detail(leader, id);
  expect(d.actions).toContain("sign");
  await ok(
    leader.post(`/api/v1/documents/${id}/sign`, {
      version: d.version,
      mode: "KT",
      signingFor: "Chủ tịch",
      password: DEMO_PASSWORD,
    }),
  );
  d = await detail(clerk, id);
  const issued = await ok<{ number: number; notation: string }>(
    clerk.post(`/api/v1/documents/${id}/issue`, { version: d.version, password: DEMO_PASSWORD }),
  );
  return issued.notation;
}

describe("outgoing: draft, sign KT. Chủ tịch, issue with the seal, send to the 17 communes", () => {
  let id: string;
  let notation: string;

  it("numbers the first decision of the year 01/QĐ-UBND (NĐ 30/2020 Điều 15: from 01, kind QĐ, agency UBND)", async () => {
    id = await draftDecision("Về việc ban hành Kế hoạch cải cách hành chính năm 2027");
    notation = await signAndIssue(id);
    expect(notation).toBe("01/QĐ-UBND");
    const next = await draftDecision("Về việc kiện toàn Tổ công tác một cửa");
    expect(await signAndIssue(next)).toBe("02/QĐ-UBND");
  }, 120_000);

  it("carries two signatures that verify, the leader's first, and shows the number and KT. CHỦ TỊCH", async () => {
    const res = await clerk.get(`/api/v1/documents/${id}/file`);
    expect(res.statusCode).toBe(200);
    const pdf = new Uint8Array(res.rawPayload);
    const report = await verifyPdf(pdf);
    expect(report.signatureCount).toBe(2);
    expect(report.signatures.map((s) => s.intact && !s.modifiedAfter)).toEqual([true, true]);
    expect(report.signatures[0]?.signer?.commonName).toBe("Nông Văn Thành");
    expect(report.signatures[1]?.signer?.commonName).toBe("UBND huyện Bạch Thông");
    if (hasPdfsig) expect(pdfsig(pdf).match(/Signature is Valid/g)?.length).toBe(2);
    const d = await detail(clerk, id);
    expect(d.numberAndNotation).toBe("01/QĐ-UBND");
    expect(d.signingMode).toBe("KT");
    const text = pdftotext(pdf);
    expect(text).toContain("QUYẾT ĐỊNH");
  }, 60_000);

  it("delivers to all 17 communes in one action and records the paper recipient", async () => {
    const d = await detail(clerk, id);
    expect(d.actions).toContain("send");
    await ok(clerk.post(`/api/v1/documents/${id}/send`, { version: d.version }));
    const sent = await detail(clerk, id);
    expect(sent.status).toBe("sent");
    const inside = sent.recipients.filter((r) => r.channel === "motcua");
    expect(inside).toHaveLength(17);
    expect(inside.every((r) => r.status === "arrived")).toBe(true);
    expect(sent.recipients.find((r) => r.channel === "paper")?.status).toBe("sent_on_paper");
  }, 60_000);

  it("lets two communes register it with their own incoming numbers; one assigns and replies; the district sees it", async () => {
    const qtClerk = await ctx.as("vanthu.quangthuan");
    const ptClerk = await ctx.as("vanthu.phuthong");
    const inbox = await ok<{ items: { id: string; urgency: string; numberAndNotation: string }[] }>(
      qtClerk.get("/api/v1/documents?box=incoming"),
    );
    const arrived = inbox.items.find((i) => i.numberAndNotation === "01/QĐ-UBND");
    expect(arrived?.urgency).toBe("khan");
    const qtId = arrived?.id as string;
    let qt = await detail(qtClerk, qtId);
    expect(qt.status).toBe("arrived");
    expect(qt.signatureCheck?.valid).toBe(true);
    expect(qt.signatureCheck?.signatures).toHaveLength(2);
    // Both chains reach the district's demo root, which the system trusts in demo mode.
    expect(qt.signatureCheck?.trusted).toBe(true);
    expect(qt.signatureCheck?.signatures.map((s) => s.chain)).toEqual(["trusted", "trusted"]);
    const reg = await ok<{ arrivalNumber: number }>(
      qtClerk.post(`/api/v1/documents/${qtId}/register`, { version: qt.version }),
    );
    expect(reg.arrivalNumber).toBe(1);
    const ptInbox = await ok<{ items: { id: string; numberAndNotation: string }[] }>(
      ptClerk.get("/api/v1/documents?box=incoming"),
    );
    const ptId = ptInbox.items.find((i) => i.numberAndNotation === "01/QĐ-UBND")?.id as string;
    const pt = await detail(ptClerk, ptId);
    await ok(ptClerk.post(`/api/v1/documents/${ptId}/register`, { version: pt.version }));

    // Quang Thuận's chairman assigns the commune's specialist as lead, who replies with a linked công văn.
    const qtLeader = await ctx.as("lanhdao.quangthuan");
    const qtSpecialist = await ctx.as("chuyenvien.quangthuan");
    const specialistId = (
      await ctx.handle.db
        .selectFrom("staff")
        .select("id")
        .where("username", "=", "chuyenvien.quangthuan")
        .executeTakeFirstOrThrow()
    ).id;
    qt = await detail(qtLeader, qtId);
    await ok(
      qtLeader.post(`/api/v1/documents/${qtId}/assign`, {
        version: qt.version,
        assignments: [{ staffId: specialistId, role: "lead", dueOn: "2027-01-15" }],
      }),
    );
    const tasks = await ok<{ items: { id: string }[] }>(qtSpecialist.get("/api/v1/documents?box=tasks"));
    expect(tasks.items.map((t) => t.id)).toContain(qtId);
    const reply = await ok<{ id: string }>(
      qtSpecialist.post("/api/v1/documents", {
        typeCode: "cong-van",
        summary: "Báo cáo triển khai Kế hoạch cải cách hành chính năm 2027",
        content: { text: "UBND xã Quang Thuận báo cáo việc triển khai Quyết định số 01/QĐ-UBND." },
        recipients: [{ unitId: ctx.district }],
        draftingUnitAbbr: "VP",
        repliesToId: qtId,
      }),
      201,
    );
    qt = await detail(qtSpecialist, qtId);
    await ok(
      qtSpecialist.post(`/api/v1/documents/${qtId}/done`, { version: qt.version, replyDocumentId: reply.id }),
    );

    // The "ĐẾN" stamp (NĐ 30/2020 Phụ lục IV): the commune, its incoming number, the day it arrived as in Vietnam,
    // passed to the lead, no work file yet.
    const stamped = await detail(qtSpecialist, qtId);
    expect(stamped.arrivalStamp).toMatchObject({
      agency: "UBND xã Quang Thuận",
      number: 1,
      passedTo: ["Ma Văn Chuyên"],
      workFile: null,
    });
    const arrivedInVietnam = new Date(Date.parse(stamped.arrivedAt as string) + 7 * 3_600_000).toISOString();
    expect(stamped.arrivalStamp?.date).toBe(arrivedInVietnam.slice(0, 10));
    expect(stamped.arrivalStamp?.time).toBe(arrivedInVietnam.slice(11, 16));
    const outgoing = await detail(clerk, id);
    expect(outgoing.arrivalStamp).toBeNull();

    const seen = await detail(clerk, id);
    const byName = new Map(seen.recipients.map((r) => [r.name, r]));
    expect(byName.get("UBND xã Quang Thuận")?.status).toBe("done");
    expect(byName.get("UBND xã Quang Thuận")?.incomingNumber).toBe(1);
    expect(byName.get("UBND thị trấn Phủ Thông")?.status).toBe("registered");
    expect(byName.get("UBND xã Cao Sơn")?.status).toBe("arrived");
  }, 120_000);

  it("lists the documents in the registers of Phụ lục IV (PDF columns via pdftotext, XLSX) and counts them", async () => {
    const year = new Date().getUTCFullYear();
    const q = `from=${year - 1}-01-01&to=${year + 1}-12-31`;
    const json = await ok<{ columns: string[]; rows: string[][] }>(
      clerk.get(`/api/v1/units/${ctx.district}/document-registers/outgoing?${q}`),
    );
    expect(json.rows.map((r) => r[0])).toEqual(["01/QĐ-UBND", "02/QĐ-UBND"]);
    expect(json.rows[0]?.[3]).toBe("Nông Văn Thành");
    const pdf = await clerk.get(`/api/v1/units/${ctx.district}/document-registers/outgoing?${q}&format=pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = pdftotext(new Uint8Array(pdf.rawPayload)).replace(/\s+/g, " ");
    for (const column of [
      "Số, ký hiệu văn bản",
      "Người ký",
      "Nơi nhận văn bản",
      "Số lượng bản",
      "Ký nhận",
      "Ghi chú",
    ]) {
      expect(text).toContain(column);
    }
    expect(text).toContain("01/QĐ-UBND");
    const qtClerk = await ctx.as("vanthu.quangthuan");
    const qt = await ctx.unitId("000.17.31.H06");
    const incoming = await qtClerk.get(`/api/v1/units/${qt}/document-registers/incoming?${q}&format=pdf`);
    const inText = pdftotext(new Uint8Array(incoming.rawPayload)).replace(/\s+/g, " ");
    for (const column of ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Đơn vị hoặc người nhận"]) {
      expect(inText).toContain(column);
    }
    const xlsx = await qtClerk.get(`/api/v1/units/${qt}/document-registers/follow-up?${q}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK");
    const follow = await ok<{ rows: string[][] }>(
      qtClerk.get(`/api/v1/units/${qt}/document-registers/follow-up?${q}`),
    );
    expect(follow.rows[0]?.[4]).toMatch(/^Đã giải quyết/);
    const supervisor = await ctx.as("giamsat.bachthong");
    const stats = await ok<{ sent: { electronic: number; paper: number }; signedDigitally: number }>(
      supervisor.get(`/api/v1/units/${ctx.district}/document-stats?${q}`),
    );
    // One decision sent to 17 communes electronically and to one office on paper; two issued with the seal.
    expect(stats.sent).toEqual({ electronic: 17, paper: 1 });
    expect(stats.signedDigitally).toBe(2);
    const qtStats = await ok<{ handled: { onTime: number; late: number } }>(
      supervisor.get(`/api/v1/units/${qt}/document-stats?${q}`),
    );
    expect(qtStats.handled).toEqual({ onTime: 1, late: 0, openOverdue: 0 });
  }, 60_000);

  it("hides the document from a specialist of the district who takes no part in it, and from the supervisor", async () => {
    const other = await ctx.as("giamsat.bachthong");
    expect((await other.get(`/api/v1/documents/${id}`)).statusCode).toBe(404);
    const commune = await ctx.as("chuyenvien.phuthong");
    expect((await commune.get(`/api/v1/documents/${id}`)).statusCode).toBe(404);
  });

  it("refuses to issue twice and to sign as a specialist (live requests, refused by the rules)", async () => {
    const d = await detail(clerk, id);
    const again = await clerk.post(`/api/v1/documents/${id}/issue`, {
      version: d.version,
      password: DEMO_PASSWORD,
    });
    expect(again.statusCode).toBe(409);
    const draft = await draftDecision("Về việc thử quyền ký");
    const s = await detail(specialist, draft);
    await ok(specialist.post(`/api/v1/documents/${draft}/submit`, { version: s.version }));
    const bySpecialist = await specialist.post(`/api/v1/documents/${draft}/sign`, {
      version: s.version + 1,
      mode: "head",
      password: DEMO_PASSWORD,
    });
    expect(bySpecialist.statusCode).toBe(403);
  }, 60_000);

  it("shows on arrival that the signatures are intact but their chain is not trusted once the root is removed", async () => {
    const summary = "Về việc thử kiểm tra chuỗi chứng thư";
    const draft = await draftDecision(summary);
    await signAndIssue(draft);
    // The administrator stops trusting the district's root (Quản trị chữ ký số); the next arrival says so.
    await ctx.handle.db.deleteFrom("signing_trusted_roots").execute();
    const d = await detail(clerk, draft);
    await ok(clerk.post(`/api/v1/documents/${draft}/send`, { version: d.version }));
    const qtClerk = await ctx.as("vanthu.quangthuan");
    const inbox = await ok<{ items: { id: string; summary: string }[] }>(
      qtClerk.get("/api/v1/documents?box=incoming"),
    );
    const arrived = inbox.items.find((i) => i.summary === summary);
    const qt = await detail(qtClerk, arrived?.id as string);
    expect(qt.signatureCheck?.valid).toBe(true);
    expect(qt.signatureCheck?.trusted).toBe(false);
    expect(qt.signatureCheck?.signatures.map((s) => s.chain)).toEqual(["unknown-issuer", "unknown-issuer"]);
  }, 120_000);
});
