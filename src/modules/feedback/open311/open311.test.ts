/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), driven with requests written by hand from the spec:
 * discovery, services and a service definition, POST requests (form-encoded) with and without an api_key, GET a
 * request by id and by token, GET requests filtered by status and dates, the answer in status_notes once published,
 * and the spec's error format — in XML (every answer checked against the schema with xmllint) and in JSON.
 */
import { execFileSync } from "node:child_process";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../../test/support/test-app.ts";

const QT = "000.17.31.H06";
const XSD = new URL("./georeport-v2.xsd", import.meta.url).pathname;
const parser = new XMLParser({ processEntities: false, parseTagValue: false });

let ctx: TestContext;
let client: TestClient;

beforeAll(async () => {
  ctx = await createTestContext({ env: { TRUST_PROXY: "1" } });
  ctx.clock.set("2026-11-30T02:00:00Z");
  client = ctx.client();
  client.headers = { "x-forwarded-for": "198.51.100.7" };
});
afterAll(async () => ctx?.close());

/** Checks an XML answer against the schema (xmllint, no network, no DTD loading) and parses it. */
function xml(body: string): Record<string, unknown> {
  expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(body).not.toMatch(/<!DOCTYPE|<!ENTITY/);
  execFileSync("xmllint", ["--noout", "--nonet", "--schema", XSD, "-"], {
    input: body,
    stdio: ["pipe", "pipe", "pipe"],
  });
  return parser.parse(body) as Record<string, unknown>;
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

async function post(path: string, fields: Record<string, string>) {
  return client.request({
    method: "POST",
    url: `/open311/v2/${path}`,
    payload: form(fields),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    csrf: false,
  });
}

const REQUEST = {
  jurisdiction_id: QT,
  service_code: "procedure",
  description:
    "Tôi là Lý Văn Mở, điện thoại 0987 654 321. Thủ tục cấp giấy xác nhận tình trạng hôn nhân yêu cầu giấy tờ trùng lặp; đề nghị rút gọn.",
  first_name: "Văn Mở",
  last_name: "Lý",
  phone: "0987 654 321",
  email: "open311@example.vn",
  "attribute[submitter_address]": "Thôn Khuổi Cuồng, xã Quang Thuận",
  "attribute[procedure]": "cap-giay-xac-nhan-tinh-trang-hon-nhan",
};

describe("discovery and services", () => {
  it("publishes the discovery document in XML and JSON with both formats", async () => {
    const x = await client.get("/open311/v2/discovery.xml");
    expect(x.statusCode).toBe(200);
    expect(x.headers["content-type"]).toBe("text/xml; charset=utf-8");
    const doc = xml(x.body) as { discovery: { endpoints: { endpoint: { formats: { format: string[] } } } } };
    expect(doc.discovery.endpoints.endpoint.formats.format).toEqual(["text/xml", "application/json"]);
    const j = await client.get("/open311/v2/discovery.json");
    expect(j.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(j.json()).toMatchObject({
      endpoints: [
        { specification: "http://wiki.open311.org/GeoReport_v2", formats: ["text/xml", "application/json"] },
      ],
    });
  });

  it("lists the feedback categories as services of the jurisdiction", async () => {
    const x = await client.get(`/open311/v2/services.xml?jurisdiction_id=${QT}`);
    expect(x.statusCode).toBe(200);
    const doc = xml(x.body) as { services: { service: { service_code: string; metadata: string }[] } };
    expect(doc.services.service.map((s) => s.service_code)).toEqual([
      "procedure",
      "conduct",
      "dossier",
      "rule",
      "other",
    ]);
    const j = await client.get(`/open311/v2/services.json?jurisdiction_id=${QT}`);
    expect((j.json() as { service_code: string; type: string }[])[0]).toMatchObject({
      service_code: "procedure",
      type: "realtime",
      metadata: true,
    });
  });

  it("defines a service's attributes, the unit's procedures as list values", async () => {
    const x = await client.get(`/open311/v2/services/procedure.xml?jurisdiction_id=${QT}`);
    expect(x.statusCode, x.body).toBe(200);
    xml(x.body);
    const j = await client.get(`/open311/v2/services/procedure.json?jurisdiction_id=${QT}`);
    const def = j.json() as {
      service_code: string;
      attributes: { code: string; required: boolean; values: { key: string }[] }[];
    };
    expect(def.service_code).toBe("procedure");
    expect(def.attributes.map((a) => [a.code, a.required])).toEqual([
      ["submitter_address", true],
      ["procedure", true],
    ]);
    expect(def.attributes[1]?.values.map((v) => v.key)).toContain("cap-giay-xac-nhan-tinh-trang-hon-nhan");
  });

  it("answers the spec's error format: 400 without jurisdiction_id, 404 for an unknown one or service", async () => {
    const missing = await client.get("/open311/v2/services.xml");
    expect(missing.statusCode).toBe(400);
    const doc = xml(missing.body) as { errors: { error: { code: string; description: string } } };
    expect(doc.errors.error.code).toBe("400");
    expect(doc.errors.error.description).toContain("jurisdiction_id");
    const unknown = await client.get("/open311/v2/services.json?jurisdiction_id=999.99.99.Z99");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: expect.stringContaining("jurisdiction_id") }]);
    const service = await client.get(`/open311/v2/services/potholes.json?jurisdiction_id=${QT}`);
    expect(service.statusCode).toBe(404);
    expect(service.json()).toEqual([{ code: 404, description: expect.stringContaining("service_code") }]);
  });
});

describe("service requests", () => {
  let id: string;
  let token: string;

  it("creates a request from a form-encoded POST and answers its id and token", async () => {
    const res = await post("requests.xml", REQUEST);
    expect(res.statusCode, res.body).toBe(201);
    const doc = xml(res.body) as {
      service_requests: { request: { service_request_id: string; token: string; service_notice: string } };
    };
    id = doc.service_requests.request.service_request_id;
    token = doc.service_requests.request.token;
    expect(id).toMatch(/^\d+$/);
    expect(token).toBe(`${QT}-PA-261130-0001`);
    expect(doc.service_requests.request.service_notice).toMatch(
      /Mã tra cứu \(giữ bí mật\): [A-HJKMNP-Z2-9]{8}/,
    );
    const row = await ctx.handle.db
      .selectFrom("feedback")
      .select(["channel", "submitter_name", "submitter_address"])
      .where("code", "=", token)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      channel: "open311",
      submitter_name: "Lý Văn Mở",
      submitter_address: "Thôn Khuổi Cuồng, xã Quang Thuận",
    });
  });

  it("refuses a request without the phone the law requires (NĐ 20/2008 art. 9), in the spec's format", async () => {
    const { phone: _phone, ...noPhone } = REQUEST;
    const res = await post("requests.json", { ...noPhone, description: "Khác" });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual([{ code: 400, description: expect.stringContaining("phone") }]);
  });

  it("reads it back by id and by token, in XML and JSON, without personal data", async () => {
    const x = await client.get(`/open311/v2/requests/${id}.xml`);
    expect(x.statusCode, x.body).toBe(200);
    const doc = xml(x.body) as { service_requests: { request: Record<string, string> } };
    expect(doc.service_requests.request).toMatchObject({
      service_request_id: id,
      status: "open",
      service_code: "procedure",
      requested_datetime: "2026-11-30T09:00:00+07:00",
    });
    // Before publication nothing of what the person wrote leaves the server: no description at all.
    expect(doc.service_requests.request.description).toBe("");
    expect(x.body).not.toMatch(/0987|Lý Văn Mở|Khuổi Cuồng|open311@|giấy tờ trùng lặp/);
    const j = await client.get(`/open311/v2/requests/${id}.json?jurisdiction_id=${QT}`);
    expect((j.json() as { service_request_id: string }[])[0]?.service_request_id).toBe(id);
    const t = await client.get(`/open311/v2/tokens/${token}.xml`);
    const tdoc = xml(t.body) as {
      service_requests: { request: { service_request_id: string; token: string } };
    };
    expect(tdoc.service_requests.request).toEqual({ service_request_id: id, token });
    const tj = await client.get(`/open311/v2/tokens/${token}.json`);
    expect(tj.json()).toEqual([{ service_request_id: id, token }]);
    const none = await client.get("/open311/v2/requests/999999.json");
    expect(none.statusCode).toBe(404);
  });

  it("filters by status and by date", async () => {
    const list = async (query: string) => {
      const res = await client.get(`/open311/v2/requests.json?jurisdiction_id=${QT}&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { service_request_id: string }[]).map((r) => r.service_request_id);
    };
    expect(await list("status=open")).toContain(id);
    expect(await list("status=closed")).not.toContain(id);
    expect(
      await list("start_date=2026-11-30T00:00:00%2B07:00&end_date=2026-12-01T00:00:00%2B07:00"),
    ).toContain(id);
    expect(await list("start_date=2026-12-01T00:00:00Z")).not.toContain(id);
    expect(await list("end_date=2026-11-29T00:00:00Z")).not.toContain(id);
    const x = await client.get(
      `/open311/v2/requests.xml?jurisdiction_id=${QT}&status=open&service_code=procedure`,
    );
    xml(x.body);
    const tooLong = await client.get(
      `/open311/v2/requests.json?jurisdiction_id=${QT}&start_date=2026-01-01T00:00:00Z&end_date=2026-12-01T00:00:00Z`,
    );
    expect(tooLong.statusCode).toBe(400);
    const badStatus = await client.get(`/open311/v2/requests.xml?jurisdiction_id=${QT}&status=pending`);
    expect(badStatus.statusCode).toBe(400);
    xml(badStatus.body);
  });

  it("shows the published answer in status_notes and closes the request", async () => {
    const specialist = await ctx.as("chuyenvien.quangthuan");
    const rec = (
      await ctx.handle.db
        .selectFrom("feedback")
        .select(["id"])
        .where("code", "=", token)
        .executeTakeFirstOrThrow()
    ).id;
    const step = async (path: string, body: Record<string, unknown>) => {
      const current = (await specialist.get(`/api/v1/feedback/${rec}`)).json() as { version: number };
      const res = await specialist.post(`/api/v1/feedback/${rec}/${path}`, {
        version: current.version,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await step("classify", { classification: "within_competence" });
    const study = Object.fromEntries(
      [
        "necessity",
        "reasonableness_legality",
        "simplicity",
        "feasibility",
        "consistency",
        "treaty_conformity",
      ].map((c) => [c, { assessment: "met" }]),
    );
    await step("study", { study });
    await step("answer", {
      decision: "partly_adopted",
      answer: "Đã rút gọn thành phần hồ sơ từ ngày 15/12/2026.",
    });
    const proposal = (await specialist.get(`/api/v1/feedback/${rec}/redaction`)).json() as {
      question: string;
      answer: string;
    };
    await step("publish", { question: proposal.question, answer: proposal.answer });

    expect(proposal.question).toContain("giấy tờ trùng lặp");
    expect(proposal.question).not.toMatch(/0987|Lý Văn Mở/);
    const j = await client.get(`/open311/v2/requests/${id}.json`);
    expect((j.json() as Record<string, string>[])[0]).toMatchObject({
      status: "closed",
      status_notes: "Đã rút gọn thành phần hồ sơ từ ngày 15/12/2026.",
      description: proposal.question,
    });
    const x = await client.get(`/open311/v2/requests.xml?jurisdiction_id=${QT}&status=closed`);
    const doc = xml(x.body) as {
      service_requests: { request: Record<string, string> | Record<string, string>[] };
    };
    const items = [doc.service_requests.request].flat();
    expect(items.find((r) => r.service_request_id === id)?.status_notes).toBe(
      "Đã rút gọn thành phần hồ sơ từ ngày 15/12/2026.",
    );
  });
});

describe("hostile input", () => {
  it("refuses bytes that are not UTF-8, unknown formats and unknown resources in the spec's format", async () => {
    const res = await client.request({
      method: "POST",
      url: "/open311/v2/requests.xml",
      payload: `${form({ ...REQUEST, phone: "0911 000 999" })}&description=%FF%FE%00`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      csrf: false,
    });
    expect(res.statusCode).toBe(400);
    expect(
      (xml(res.body) as { errors: { error: { description: string } } }).errors.error.description,
    ).toContain("description");
    const html = await client.get("/open311/v2/requests.html");
    expect(html.statusCode).toBe(404);
    xml(html.body);
    const unknown = await client.get("/open311/v2/nothing/here.json");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: expect.any(String) }]);
  });
});

describe("api_key: clients that file on behalf of others", () => {
  it("accepts a key issued by the unit's administrator and refuses an unknown one (403)", async () => {
    const admin = await ctx.as("quantri.quangthuan");
    const issued = await admin.post("/api/v1/open311-clients", { unit: QT, name: "Ứng dụng Zalo xã" });
    expect(issued.statusCode, issued.body).toBe(201);
    const { apiKey } = issued.json() as { apiKey: string };
    const ok = await post("requests.json", {
      ...REQUEST,
      api_key: apiKey,
      description: "Đề nghị niêm yết số điện thoại đường dây nóng.",
      phone: "0988 111 000",
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const bad = await post("requests.json", {
      ...REQUEST,
      api_key: "khong-hop-le",
      description: "Khác nữa.",
    });
    expect(bad.statusCode).toBe(403);
    expect(bad.json()).toEqual([{ code: 403, description: expect.stringContaining("api_key") }]);
    const elsewhere = await post("requests.xml", {
      ...REQUEST,
      jurisdiction_id: "000.01.31.H06",
      api_key: apiKey,
      description: "Gửi sang đơn vị khác.",
    });
    expect(elsewhere.statusCode).toBe(403);
    xml(elsewhere.body);
  });
});
