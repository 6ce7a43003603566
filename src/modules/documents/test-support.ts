/** Helpers for the documents tests only: a context with the district's demo signing credentials, request helpers. */
import { expect } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import type { DocumentDetail } from "../../contracts/documents.ts";
import { DEMO_DOCUMENT_SIGNING, seedDemoDocumentSigning } from "../../seed/demo-document-signing.ts";
import { DEMO_PASSWORD } from "../../seed/demo-units.ts";

export { DEMO_PASSWORD };

export interface DocumentsTestContext extends TestContext {
  district: string;
}

export async function documentsTestContext(): Promise<DocumentsTestContext> {
  const ctx = await createTestContext();
  // The test PKI is issued at the real current time; the API's clock must not lag it.
  ctx.clock.set(new Date());
  await ctx.handle.db
    .transaction()
    .execute((tx) =>
      seedDemoDocumentSigning(tx, { serverSecret: ctx.app.deps.config.signingKeySecret, now: ctx.clock.now }),
    );
  return Object.assign(ctx, { district: await ctx.unitId(DEMO_DOCUMENT_SIGNING.unitCode) });
}

export async function ok<T = unknown>(
  res: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status = 200,
): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body.slice(0, 600)).toBe(status);
  return r.json() as T;
}

export async function detail(client: TestClient, id: string): Promise<DocumentDetail> {
  return ok<DocumentDetail>(client.get(`/api/v1/documents/${id}`));
}

export const DECISION_TEXT = [
  "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
  "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
  "Điều 1. Ban hành kế hoạch cải cách hành chính năm 2027 của huyện Bạch Thông.",
  "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
].join("\n");
