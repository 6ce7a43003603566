/** Shared helpers of the dossier tests: a reception body, login shortcuts and the clock of a working day. */

import type { TestClient } from "../../../test/support/test-app.ts";
import type { ReceiveInput } from "../../contracts/dossiers.ts";

export const QUANG_THUAN = "000.17.31.H06";
export const PHU_THONG = "000.01.31.H06";
export const TU_PHAP = "000.20.31.H06";
export const TNMT = "000.21.31.H06";

/** Monday 30 November 2026, 09:00 in Vietnam: a working day after the seeded dossiers' day. */
export const MONDAY = "2026-11-30T02:00:00Z";

export function receptionBody(over: Partial<ReceiveInput> = {}): ReceiveInput {
  return {
    procedure: "cap-giay-xac-nhan-tinh-trang-hon-nhan",
    applicant: {
      kind: "person",
      name: "Nguyễn Thị Hồng Nhung",
      identityNumber: "006190001234",
      address: {
        detail: "Thôn Nà Mèo",
        commune: "Xã Quang Thuận",
        district: "Huyện Bạch Thông",
        province: "Tỉnh Bắc Kạn",
      },
      phone: "0912 345 678",
      email: "nhung@example.vn",
    },
    components: [
      { name: "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", kind: "original", count: 1 },
      { name: "Căn cước công dân", kind: "copy", count: 1 },
    ],
    decision: { outcome: "accept" },
    ...over,
  } as ReceiveInput;
}

export interface DossierJson {
  id: string;
  code: string | null;
  status: string;
  version: number;
  task: {
    id: string;
    role: string;
    name: string;
    unit: { code: string };
    assignee: { id: string } | null;
  } | null;
  flags: Record<string, boolean>;
  actions: string[];
  events: { action: string; unit: { code: string } | null }[];
  [key: string]: unknown;
}

/** POST an action and return the dossier it answers with (throws on an unexpected status). */
export async function act(
  client: TestClient,
  id: string,
  path: string,
  body: Record<string, unknown>,
  expected = 200,
): Promise<DossierJson> {
  const res = await client.post(`/api/v1/dossiers/${id}/${path}`, body);
  if (res.statusCode !== expected) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
  return (res.json() as { dossier: DossierJson }).dossier;
}
