/**
 * The periodic report "Tình hình, kết quả giải quyết TTHC" against a dataset made through the real dossier
 * use cases (the API, with a fixed clock): receptions at the counter, by post and online, same-day and 3-day
 * procedures, results early, on time and late, an apology, a withdrawal, a rejection, supplements, a transfer to
 * the district, dossiers open across the period's end. Two checks:
 * - every cell of every report equals an independent recomputation from the raw dossier rows (`recompute` below,
 *   written from DOMAIN.md's rule, not from the report code);
 * - at Thị trấn Phủ Thông, which has no demo dossiers, each dossier's cell for December 2026 (15/11 → 14/12) is
 *   written by hand from the rule.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import type { DossierReport, ReportExport } from "../../contracts/reports.ts";
import { flat, inspectPdf } from "../../pdf/forms/test-support.ts";
import {
  act,
  type DossierJson,
  PHU_THONG,
  QUANG_THUAN,
  receptionBody,
  TU_PHAP,
} from "../dossiers/test-support.ts";
import { b64, citizenClient, MARITAL, MARITAL_ANSWERS, PNG } from "../portal/test-support.ts";
import { dossierReport } from "./dossier-report.ts";
import { runExportPass } from "./exports.ts";

const CHUNG_THUC = "chung-thuc-ban-sao-tu-ban-chinh";
const TRANSFERABLE = "thay-doi-cai-chinh-bo-sung-thong-tin-ho-tich";

let ctx: TestContext;
type Desk = { desk: TestClient; specialist: TestClient; leader: TestClient; clerk: TestClient };
const staff: Record<string, Desk> = {};
let district: TestClient;
let supervisor: TestClient;
let agency: { specialist: TestClient; leader: TestClient };

/** Local Vietnamese time → the clock. */
const at = (local: string) => ctx.clock.set(`${local}:00+07:00`);

interface Step {
  when: string;
  run: () => Promise<void>;
}
const steps: Step[] = [];
/** Dossier ids by scenario name. */
const ids: Record<string, string> = {};
const current: Record<string, DossierJson> = {};

type Cell =
  | "excluded"
  | `${"online" | "directOrPost" | "carriedOver"}/${"early" | "onTime" | "late" | "withinTime" | "overdue"}`;
/** Hand-written cells of Phủ Thông's dossiers in the December 2026 report (15/11 → 14/12), seen on 18/12. */
const handCells: Record<string, Cell> = {};

function scenario(
  name: string,
  unit: string,
  cell: Cell | null,
  plan: [string, (d: DossierJson) => Promise<DossierJson>][],
) {
  if (cell !== null) handCells[name] = cell;
  for (const [when, fn] of plan)
    steps.push({
      when,
      run: async () => {
        current[name] = await fn(current[name] as DossierJson);
        ids[name] = current[name].id;
      },
    });
  void unit;
}

function deskOf(unit: string): Desk {
  return staff[unit] as Desk;
}

async function receive(unit: string, over: Parameters<typeof receptionBody>[0] = {}): Promise<DossierJson> {
  const res = await deskOf(unit).desk.post("/api/v1/dossiers", receptionBody(over));
  if (res.statusCode !== 201) throw new Error(`receive: ${res.statusCode} ${res.body}`);
  return (res.json() as { dossier: DossierJson }).dossier;
}

const chungThuc = {
  procedure: CHUNG_THUC,
  components: [{ name: "Bản chính và bản sao", kind: "original" as const, count: 1 }],
};

/** Walks the dossier through its workflow to the recorded result, each step by the officer whose turn it is. */
async function finish(unit: string, d: DossierJson): Promise<DossierJson> {
  const s = deskOf(unit);
  for (let i = 0; i < 8 && d.status !== "result_ready"; i++) {
    if (d.status === "approved") {
      d = await act(s.clerk, d.id, "result", {
        version: d.version,
        number: `${i}/KQ`,
        signedOn: new Date(ctx.clock.now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10),
        signer: "Lãnh đạo",
      });
    } else if (d.task?.role === "leader") d = await act(s.leader, d.id, "approve", { version: d.version });
    else if (d.task?.role === "reception") d = await act(s.desk, d.id, "forward", { version: d.version });
    else d = await act(s.specialist, d.id, "forward", { version: d.version });
  }
  if (d.status !== "result_ready") throw new Error(`finish: stuck at ${d.status}`);
  return d;
}

async function toLeader(unit: string, d: DossierJson): Promise<DossierJson> {
  const s = deskOf(unit);
  d = await act(s.desk, d.id, "forward", { version: d.version });
  return act(s.specialist, d.id, "forward", { version: d.version });
}

async function fileOnline(unit: string): Promise<DossierJson> {
  const { client } = await citizenClient(ctx);
  const ok = async (res: { statusCode: number; body: string; json: () => unknown }) => {
    if (res.statusCode >= 300) throw new Error(`online: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string; version: number };
  };
  let draft = await ok(await client.post("/api/v1/portal/dossiers", { procedure: MARITAL, unit }));
  draft = await ok(
    await client.patch(`/api/v1/portal/dossiers/${draft.id}/draft`, {
      version: draft.version,
      answers: MARITAL_ANSWERS,
    }),
  );
  const up = await ok(
    await client.post(`/api/v1/portal/dossiers/${draft.id}/uploads`, {
      version: draft.version,
      componentId: "giay-to-tuy-than",
      filename: "cccd.png",
      contentType: "image/png",
      file: b64(PNG),
    }),
  );
  const sent = await ok(
    await client.post(`/api/v1/portal/dossiers/${draft.id}/submit`, { version: up.version }),
  );
  const desk = deskOf(unit).desk;
  const res = await desk.post(`/api/v1/dossiers/${draft.id}/accept`, { version: sent.version });
  if (res.statusCode !== 200) throw new Error(`accept: ${res.statusCode} ${res.body}`);
  return (res.json() as { dossier: DossierJson }).dossier;
}

const PT = PHU_THONG;
const QT = QUANG_THUAN;

// ——— Thị trấn Phủ Thông: each dossier's cell in December 2026 (15/11 → 14/12) written by hand ———
// Xác nhận tình trạng hôn nhân: 3 working days, to 17:00 of the third (BLDS 2015 art. 147–148).
// Received Tue 10/11 → due Fri 13/11 17:00; resolved Thu 12/11, before the period: not in it.
scenario("pt-before", PT, "excluded", [
  ["2026-11-10T09:00", () => receive(PT)],
  ["2026-11-12T10:00", (d) => finish(PT, d)],
]);
// Received Tue 10/11 (due Fri 13/11 17:00), resolved Fri 20/11: carried over, resolved late.
scenario("pt-carried-late", PT, "carriedOver/late", [
  ["2026-11-10T09:05", () => receive(PT)],
  ["2026-11-20T10:00", (d) => finish(PT, d)],
]);
// Received by post Tue 10/11, never resolved: carried over, overdue at 14/12.
scenario("pt-carried-open", PT, "carriedOver/overdue", [
  ["2026-11-10T09:10", () => receive(PT, { channel: "post" })],
]);
// Received Tue 10/11, a supplement requested Wed 11/11, still waiting: the clock stands still, within time.
scenario("pt-carried-waiting", PT, "carriedOver/withinTime", [
  ["2026-11-10T09:15", () => receive(PT)],
  [
    "2026-11-11T09:00",
    async (d) => {
      d = await act(deskOf(PT).desk, d.id, "forward", { version: d.version });
      return act(deskOf(PT).specialist, d.id, "request-supplement", {
        version: d.version,
        items: [{ name: "Trích lục ly hôn", reason: "Chưa nộp trích lục ly hôn." }],
      });
    },
  ],
]);
// Received Mon 16/11 (due Thu 19/11 17:00), result Tue 17/11: early.
scenario("pt-early", PT, "directOrPost/early", [
  ["2026-11-16T09:00", () => receive(PT)],
  ["2026-11-17T09:00", (d) => finish(PT, d)],
]);
// Result on the due day, Thu 19/11 16:00: on time.
scenario("pt-on-due-day", PT, "directOrPost/onTime", [
  ["2026-11-16T09:05", () => receive(PT)],
  ["2026-11-19T16:00", (d) => finish(PT, d)],
]);
// Chứng thực received Mon 16/11 09:00 is due that day at 17:00 (NĐ 23/2015 art. 7); result at 16:00: on time.
scenario("pt-same-day", PT, "directOrPost/onTime", [
  ["2026-11-16T09:10", () => receive(PT, chungThuc)],
  ["2026-11-16T16:00", (d) => finish(PT, d)],
]);
// Chứng thực received at 15:30 is due the next working day (Luật Hộ tịch art. 5(3)); result Tue 10:00: on time.
scenario("pt-same-day-after-15", PT, "directOrPost/onTime", [
  ["2026-11-16T15:30", () => receive(PT, chungThuc)],
  ["2026-11-17T10:00", (d) => finish(PT, d)],
]);
// Chứng thực received Mon 09:00, result Tue: late (a same-day limit never runs to the next day for a morning one).
scenario("pt-same-day-late", PT, "directOrPost/late", [
  ["2026-11-16T09:20", () => receive(PT, chungThuc)],
  ["2026-11-17T09:30", (d) => finish(PT, d)],
]);
// Received Tue 1/12 (due Fri 4/12 17:00), apology Wed 2/12, result Thu 3/12 before the due date: still late
// (NĐ 118/2025 art. 19(6): the apology counts the dossier late).
scenario("pt-apology", PT, "directOrPost/late", [
  ["2026-12-01T09:00", () => receive(PT)],
  [
    "2026-12-02T09:00",
    async (d) => {
      d = await toLeader(PT, d);
      return act(deskOf(PT).leader, d.id, "apology", {
        version: d.version,
        reason: "Cần xác minh nơi cư trú trước đây.",
        newAppointment: "2026-12-08T16:00:00+07:00",
      });
    },
  ],
  ["2026-12-03T09:00", (d) => finish(PT, d)],
]);
// Received Tue 8/12 (due Fri 11/12 17:00), resolved Wed 16/12 after the period: overdue at its end.
scenario("pt-open-overdue-at-end", PT, "directOrPost/overdue", [
  ["2026-12-08T09:00", () => receive(PT)],
  ["2026-12-16T09:00", (d) => finish(PT, d)],
]);
// Received Thu 10/12 (due Tue 15/12 17:00), resolved late on Thu 17/12: within time at the end of 14/12.
scenario("pt-open-within-at-end", PT, "directOrPost/withinTime", [
  ["2026-12-10T09:00", () => receive(PT)],
  ["2026-12-17T09:00", (d) => finish(PT, d)],
]);
// Received Tue 15/12, after the period.
scenario("pt-after", PT, "excluded", [["2026-12-15T09:00", () => receive(PT)]]);
// Withdrawn at the applicant's request: resolved, counted on time (DOMAIN.md: systems count withdrawn as on time).
scenario("pt-withdrawn", PT, "directOrPost/onTime", [
  ["2026-11-17T09:00", () => receive(PT)],
  [
    "2026-11-18T09:00",
    (d) => act(deskOf(PT).desk, d.id, "withdraw", { version: d.version, reason: "Người nộp xin rút hồ sơ." }),
  ],
]);
// Rejected by the leader Wed 18/11, before the due date Fri 20/11: resolved early.
scenario("pt-rejected", PT, "directOrPost/early", [
  ["2026-11-17T09:05", () => receive(PT)],
  [
    "2026-11-18T10:00",
    async (d) => {
      d = await toLeader(PT, d);
      return act(deskOf(PT).leader, d.id, "reject", { version: d.version, reason: "Không đủ điều kiện." });
    },
  ],
]);
// Filed online Wed 18/11, accepted and resolved the next day: online, early.
scenario("pt-online", PT, "online/early", [
  ["2026-11-18T09:00", () => fileOnline(PT)],
  ["2026-11-19T09:00", (d) => finish(PT, d)],
]);

// ——— Xã Quang Thuận (has demo dossiers; checked against the recomputation) ———
scenario("qt-carried", QT, null, [
  ["2026-11-10T10:00", () => receive(QT)],
  ["2026-11-18T10:00", (d) => finish(QT, d)],
]);
scenario("qt-online", QT, null, [["2026-11-18T09:30", () => fileOnline(QT)]]);
scenario("qt-post", QT, null, [
  ["2026-11-19T09:00", () => receive(QT, { channel: "post" })],
  ["2026-11-20T09:00", (d) => finish(QT, d)],
]);
// Transferred to the district's Phòng Tư pháp: counted where it was received.
scenario("qt-transfer", QT, null, [
  ["2026-11-19T09:30", () => receive(QT, { procedure: TRANSFERABLE, caseId: "bo-sung" })],
  [
    "2026-11-20T10:00",
    async (d) => {
      d = await toLeader(QT, d);
      return act(deskOf(QT).leader, d.id, "transfer", {
        version: d.version,
        unitCode: TU_PHAP,
        reason: "Thuộc thẩm quyền Phòng Tư pháp.",
      });
    },
  ],
  [
    "2026-11-25T09:00",
    async (d) => {
      d = await act(agency.specialist, d.id, "forward", { version: d.version });
      d = await act(agency.leader, d.id, "transfer-return", { version: d.version, outcome: "approved" });
      return finish(QT, d);
    },
  ],
]);
scenario("qt-stopped", QT, null, [
  ["2026-12-01T09:30", () => receive(QT)],
  [
    "2026-12-02T09:30",
    async (d) => {
      d = await toLeader(QT, d);
      return act(deskOf(QT).leader, d.id, "stop", {
        version: d.version,
        reason: "Người yêu cầu đề nghị dừng.",
        basis: "Đơn đề nghị dừng giải quyết hồ sơ.",
      });
    },
  ],
]);

const NOW = "2026-12-18T09:00";

async function signIn(): Promise<void> {
  const login = (u: string) => ctx.as(u);
  staff[PT] = {
    desk: await login("tiepnhan.phuthong"),
    specialist: await login("chuyenvien.phuthong"),
    leader: await login("lanhdao.phuthong"),
    clerk: await login("vanthu.phuthong"),
  };
  staff[QT] = {
    desk: await login("tiepnhan.quangthuan"),
    specialist: await login("chuyenvien.quangthuan"),
    leader: await login("lanhdao.quangthuan"),
    clerk: await login("vanthu.quangthuan"),
  };
  agency = { specialist: await login("tuphap.bachthong"), leader: await login("truongphong.tuphap") };
  district = await login("lanhdao.bachthong");
  supervisor = await login("giamsat.backan");
}

beforeAll(async () => {
  ctx = await createTestContext({ env: { SESSION_TTL_HOURS: "720" } });
  at("2026-11-09T08:00");
  await signIn();
  let signedInAt = ctx.clock.now.getTime();
  const ordered = steps
    .map((s, i) => ({ ...s, i }))
    .sort((a, b) => a.when.localeCompare(b.when) || a.i - b.i);
  for (const s of ordered) {
    at(s.when);
    // Sessions last at most 30 days of the app's clock: sign in again on the way.
    if (ctx.clock.now.getTime() - signedInAt > 20 * 86_400_000) {
      await signIn();
      signedInAt = ctx.clock.now.getTime();
    }
    await s.run();
  }
  at(NOW);
  await signIn();
}, 600_000);
afterAll(async () => ctx?.close());

// ——— The independent recomputation: from raw rows, by DOMAIN.md's rule, sharing no code with the report ———
type Figures = DossierReport["total"];
const zero = (): Figures => ({
  received: { total: 0, online: 0, directOrPost: 0, carriedOver: 0 },
  resolved: { total: 0, early: 0, onTime: 0, late: 0 },
  pending: { total: 0, withinTime: 0, overdue: 0 },
});
const vnDay = (t: number) => new Date(t + 7 * 3_600_000).toISOString().slice(0, 10);
const t = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).getTime());

interface Raw {
  id: string;
  received_unit_id: string;
  unit_code: string;
  unit_path: string;
  field_code: string;
  channel: string;
  status: string;
  received_at: Date | null;
  completed_at: Date | null;
  due_at: Date | null;
  state_at: Date;
  apology_at: Date | null;
  late: boolean;
  paused_intervals: { from: number; to: number | null }[];
}

async function rawRows(): Promise<Raw[]> {
  return ctx.handle.db
    .selectFrom("dossiers as d")
    .innerJoin("units as u", "u.id", "d.received_unit_id")
    .innerJoin("procedure_versions as v", "v.id", "d.procedure_version_id")
    .select([
      "d.id",
      "d.received_unit_id",
      "u.code as unit_code",
      "u.path as unit_path",
      "v.field_code",
      "d.channel",
      "d.status",
      "d.received_at",
      "d.completed_at",
      "d.due_at",
      "d.state_at",
      "d.apology_at",
      "d.late",
      "d.paused_intervals",
    ])
    .execute() as Promise<Raw[]>;
}

/** Which cell one raw row falls in for [from, to] (local days) seen at `now`. */
function cellOf(r: Raw, from: string, to: string, now: number): Cell {
  const start = Date.parse(`${from}T00:00:00+07:00`);
  const end = Date.parse(`${to}T00:00:00+07:00`) + 86_400_000;
  const cut = Math.min(end, now);
  const received = t(r.received_at);
  if (received === null || received >= cut) return "excluded";
  const completed = t(r.completed_at);
  const endedWithout = ["withdrawn", "stopped", "closed_incomplete"].includes(r.status)
    ? t(r.state_at)
    : null;
  const ended = completed ?? endedWithout;
  if (ended !== null && ended < start) return "excluded";
  const col = received < start ? "carriedOver" : r.channel === "online" ? "online" : "directOrPost";
  const due = t(r.due_at) as number;
  if (ended !== null && ended < cut) {
    if (completed === null) return `${col}/onTime`;
    if (r.late || completed > due) return `${col}/late`;
    return vnDay(completed) < vnDay(due) ? `${col}/early` : `${col}/onTime`;
  }
  const pausedAtCut = r.paused_intervals.some((p) => p.from <= cut && (p.to === null || cut < p.to));
  if (pausedAtCut) return `${col}/withinTime`;
  const apology = t(r.apology_at);
  if (apology !== null && apology < cut) return `${col}/overdue`;
  return cut - 1 > due ? `${col}/overdue` : `${col}/withinTime`;
}

function add(f: Figures, cell: Cell) {
  if (cell === "excluded") return;
  const [col, out] = cell.split("/") as [keyof Figures["received"], string];
  f.received[col]++;
  f.received.total++;
  if (out === "withinTime" || out === "overdue") {
    f.pending[out]++;
    f.pending.total++;
  } else {
    const k = out as "early" | "onTime" | "late";
    f.resolved[k]++;
    f.resolved.total++;
  }
}

async function recompute(unitCode: string, rollup: boolean, from: string, to: string, now: number) {
  const rows = await rawRows();
  const unit = await ctx.handle.db
    .selectFrom("units")
    .select(["id", "path"])
    .where("code", "=", unitCode)
    .executeTakeFirstOrThrow();
  const byField = new Map<string, Figures>();
  const byUnit = new Map<string, Figures>();
  const total = zero();
  for (const r of rows) {
    if (rollup ? !r.unit_path.startsWith(unit.path) : r.received_unit_id !== unit.id) continue;
    const cell = cellOf(r, from, to, now);
    if (cell === "excluded") continue;
    for (const [map, key] of [
      [byField, r.field_code],
      [byUnit, r.unit_code],
    ] as const) {
      if (!map.has(key)) map.set(key, zero());
      add(map.get(key) as Figures, cell);
    }
    add(total, cell);
  }
  return { byField: Object.fromEntries(byField), byUnit: Object.fromEntries(byUnit), total };
}

async function report(client: TestClient, unitCode: string, query: string): Promise<DossierReport> {
  const unit = await ctx.handle.db
    .selectFrom("units")
    .select("id")
    .where("code", "=", unitCode)
    .executeTakeFirstOrThrow();
  const res = await client.get(`/api/v1/units/${unit.id}/reports/dossiers?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DossierReport;
}

const lines = (r: DossierReport) => ({
  byField: Object.fromEntries(r.byField.map((l) => [l.code, l.figures])),
  byUnit: Object.fromEntries(r.byUnit.map((l) => [l.code, l.figures])),
  total: r.total,
});

describe("the periodic report against a recomputation from raw rows", () => {
  it("made the dataset through the dossier use cases", () => {
    expect(Object.keys(ids)).toHaveLength(21);
    expect(current["pt-apology"]?.flags.late).toBe(true);
    expect(current["qt-transfer"]?.status).toBe("result_ready");
    expect(current["pt-online"]?.channel ?? "online").toBe("online");
  });

  const BACH_THONG = "000.00.31.H06";
  const cases: [string, string, boolean, string, string, string][] = [
    ["Phủ Thông, December 2026 (15/11 → 14/12)", PT, false, "period=2026-12", "2026-11-15", "2026-12-14"],
    ["Quang Thuận, December 2026", QT, false, "period=2026-12", "2026-11-15", "2026-12-14"],
    ["Quang Thuận, November 2026 (15/10 → 14/11)", QT, false, "period=2026-11", "2026-10-15", "2026-11-14"],
    ["Quang Thuận, Q4 2026 (15/9 → 14/12)", QT, false, "period=2026-Q4", "2026-09-15", "2026-12-14"],
    [
      "Phủ Thông, a range running past today (cut at now)",
      PT,
      false,
      "from=2026-11-17&to=2026-12-31",
      "2026-11-17",
      "2026-12-31",
    ],
    [
      "Bạch Thông rolled up, December 2026",
      BACH_THONG,
      true,
      "period=2026-12&rollup=true",
      "2026-11-15",
      "2026-12-14",
    ],
    [
      "Bạch Thông rolled up, H2 2026 (15/6 → 14/12)",
      BACH_THONG,
      true,
      "period=2026-H2&rollup=true",
      "2026-06-15",
      "2026-12-14",
    ],
  ];
  it.each(cases)(
    "%s: every cell by field, by unit and in total",
    async (_name, unit, rollup, query, from, to) => {
      const r = await report(supervisor, unit, query);
      expect(r.period).toMatchObject({ from, to });
      const expected = await recompute(unit, rollup, from, to, ctx.clock.now.getTime());
      expect(lines(r)).toEqual(expected);
      expect(r.total.received.total).toBeGreaterThan(0);
    },
  );

  it("places Phủ Thông's dossiers in December 2026 as written by hand from the rule", async () => {
    const r = await report(district, PT, "period=2026-12");
    const hand = zero();
    for (const cell of Object.values(handCells)) add(hand, cell);
    expect(r.total).toEqual(hand);
    // The sums the form prints: received = online + direct/post + carried over, = resolved + pending.
    expect(r.total).toEqual({
      received: { total: 14, online: 1, directOrPost: 10, carriedOver: 3 },
      resolved: { total: 10, early: 3, onTime: 4, late: 3 },
      pending: { total: 4, withinTime: 2, overdue: 2 },
    });
  });

  it("counts a transferred dossier once, at the unit that received it, in the district's roll-up", async () => {
    const r = await report(district, "000.00.31.H06", "period=2026-12&rollup=true");
    expect(r.byUnit.map((l) => l.code)).not.toContain(TU_PHAP);
    const sum = r.byUnit.reduce((n, l) => n + l.figures.received.total, 0);
    expect(sum).toBe(r.total.received.total);
  });
});

describe("parameters and access", () => {
  it.each([
    ["a month that does not exist", "period=2026-13"],
    ["a period and a range at once", "period=2026-11&from=2026-11-01&to=2026-11-30"],
    ["a range without its end", "from=2026-11-01"],
    ["a reversed range", "from=2026-11-30&to=2026-11-01"],
    ["an impossible date", "from=2026-02-30&to=2026-03-01"],
    ["nothing", ""],
    ["an unknown parameter", "period=2026-11&unit=x"],
    ["a rollup that is not true or false", "period=2026-11&rollup=yes"],
  ])("refuses %s with 400 and the house error shape", async (_what, query) => {
    const unit = await ctx.handle.db
      .selectFrom("units")
      .select("id")
      .where("code", "=", PT)
      .executeTakeFirstOrThrow();
    const res = await district.get(`/api/v1/units/${unit.id}/reports/dossiers?${query}`);
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json() as { error: { code: string; message: string; messageEn: string } };
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toMatch(/[ạ-ỹ]/u);
    expect(error.messageEn.length).toBeGreaterThan(0);
  });

  it("refuses a report over more dossiers than it reads, rather than cutting it (REPORT_TOO_LARGE)", async () => {
    const unit = await ctx.handle.db
      .selectFrom("units")
      .selectAll()
      .where("code", "=", PT)
      .executeTakeFirstOrThrow();
    const period = { kind: "month" as const, label: "2026-12", from: "2026-11-15", to: "2026-12-14" };
    // Phủ Thông's December reads 14 dossiers: a limit of 14 is enough, 13 is not.
    await expect(dossierReport(ctx.handle.db, unit, period, false, ctx.clock.now, 14)).resolves.toBeTruthy();
    await expect(dossierReport(ctx.handle.db, unit, period, false, ctx.clock.now, 13)).rejects.toMatchObject({
      code: "REPORT_TOO_LARGE",
    });
  });

  it("refuses a commune's desk officer (403) and a citizen (401)", async () => {
    const unit = await ctx.handle.db
      .selectFrom("units")
      .select("id")
      .where("code", "=", PT)
      .executeTakeFirstOrThrow();
    const url = `/api/v1/units/${unit.id}/reports/dossiers?period=2026-12`;
    expect((await deskOf(PT).desk.get(url)).statusCode).toBe(403);
    const { client } = await citizenClient(ctx);
    expect((await client.get(url)).statusCode).toBe(401);
  });
});

/** The form's 13 column headings (Biểu 06/VPCP/KSTT, as DOMAIN.md gives the columns), written out by hand. */
const HEADINGS = [
  "STT",
  "Lĩnh vực, công việc giải quyết",
  "Số hồ sơ nhận giải quyết",
  "Tổng số",
  "Trong kỳ: Trực tuyến",
  "Trong kỳ: Trực tiếp, dịch vụ bưu chính",
  "Từ kỳ trước",
  "Số hồ sơ đã giải quyết",
  "Trước hạn",
  "Đúng hạn",
  "Quá hạn",
  "Số hồ sơ đang giải quyết",
  "Trong hạn",
];

describe("the report as PDF and XLSX, rendered by the background pass", () => {
  let unitId: string;
  const exports: Record<string, ReportExport> = {};

  it("takes the requests at once (202, pending) and refuses the file until it is rendered", async () => {
    unitId = (
      await ctx.handle.db.selectFrom("units").select("id").where("code", "=", PT).executeTakeFirstOrThrow()
    ).id;
    for (const format of ["pdf", "xlsx"] as const) {
      const res = await district.post(`/api/v1/units/${unitId}/reports/dossiers/exports`, {
        period: "2026-12",
        format,
      });
      expect(res.statusCode, res.body).toBe(202);
      exports[format] = res.json() as ReportExport;
      expect(exports[format]?.status).toBe("pending");
    }
    const early = await district.get(
      `/api/v1/units/${unitId}/reports/dossiers/exports/${exports.pdf?.id}/file`,
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("REPORT_EXPORT_NOT_READY");
    const audit = await ctx.handle.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", exports.pdf?.id as string)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["report.export"]);
  });

  it("renders both in one pass; another unit's export id is hidden", async () => {
    expect(await runExportPass(ctx.handle.db, ctx.clock.now, 10)).toEqual({ done: 2, failed: 0 });
    expect(await runExportPass(ctx.handle.db, ctx.clock.now, 10)).toEqual({ done: 0, failed: 0 });
    const qt = await ctx.handle.db
      .selectFrom("units")
      .select("id")
      .where("code", "=", QT)
      .executeTakeFirstOrThrow();
    const other = await district.get(`/api/v1/units/${qt.id}/reports/dossiers/exports/${exports.pdf?.id}`);
    expect(other.statusCode).toBe(404);
  });

  it("prints the form's title and its 13 column headings in the PDF (pdftotext), with Phủ Thông's total row", async () => {
    const status = (
      await district.get(`/api/v1/units/${unitId}/reports/dossiers/exports/${exports.pdf?.id}`)
    ).json() as ReportExport;
    expect(status.status).toBe("done");
    const res = await district.get(status.fileUrl as string);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const text = flat(inspectPdf(res.rawPayload).text);
    expect(text).toContain("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
    // pdftotext reads the wrapped lines of neighbouring header cells in turn: each heading's words in order.
    const header = text.slice(text.indexOf("Đơn vị tính: hồ sơ"), text.indexOf("Theo lĩnh vực"));
    for (const heading of HEADINGS) {
      const words = heading.split(" ").map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      expect(header, heading).toMatch(new RegExp(words.join(".*?"), "u"));
    }
    expect(text).toContain("từ ngày 15/11/2026 đến ngày 14/12/2026");
    expect(text).toContain("Tổng cộng 14 1 10 3 10 3 4 3 4 2 2");
  });

  it("writes the same title, headings and figures in the XLSX, read back with exceljs", async () => {
    const res = await district.get(
      `/api/v1/units/${unitId}/reports/dossiers/exports/${exports.xlsx?.id}/file`,
    );
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const texts: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((c) => {
        cells.push(String(c.value));
      });
      texts.push(cells);
    });
    const all = texts.flat();
    expect(all).toContain("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
    for (const heading of HEADINGS) expect(all, heading).toContain(heading);
    const total = texts.find((r) => r.includes("Tổng cộng")) as string[];
    expect(total.slice(-11).map(Number)).toEqual([14, 1, 10, 3, 10, 3, 4, 3, 4, 2, 2]);
  });
});
