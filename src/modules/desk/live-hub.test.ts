import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../test/support/test-db.ts";
import type { DbHandle } from "../../db/connection.ts";
import { seedDemoIfEmpty } from "../../seed/demo.ts";
import { bumpLiveVersion, LiveHub, pollVersions } from "./live-hub.ts";

let handle: DbHandle;
let unitId: string;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, new Date("2026-11-30T02:00:00Z"));
  unitId = (
    await handle.db
      .selectFrom("units")
      .select("id")
      .where("code", "=", "000.01.31.H06")
      .executeTakeFirstOrThrow()
  ).id;
}, 120_000);
afterAll(async () => handle?.close());

const until = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe("LiveHub", () => {
  it("signals this process's listeners of a unit, and only them, until they leave", () => {
    const hub = new LiveHub();
    const heard: string[] = [];
    const stop = hub.subscribe(unitId, () => heard.push("a"));
    hub.subscribe("other-unit", () => heard.push("other"));
    hub.publish(unitId);
    stop();
    hub.publish(unitId);
    expect(heard).toEqual(["a"]);
    expect(hub.listenerCount(unitId)).toBe(0);
    hub.close();
  });

  it("carries a change committed by another process through the version row (the several-processes path)", async () => {
    // Two hubs over one database stand for two server processes: the change is made "in the other process" (a
    // committed transaction that bumps the version, with no publish to this hub).
    const here = new LiveHub(pollVersions(handle.db, 50));
    let heard = 0;
    const stop = here.subscribe(unitId, () => heard++);
    await new Promise((r) => setTimeout(r, 150)); // the poll has seen the current version
    expect(heard).toBe(0);
    await handle.db.transaction().execute((tx) => bumpLiveVersion(tx, unitId));
    expect(await until(() => heard === 1, 2000)).toBe(true);
    // A rolled-back change is never announced.
    await handle.db
      .transaction()
      .execute(async (tx) => {
        await bumpLiveVersion(tx, unitId);
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toBe(1);
    stop();
    here.close();
  });
});
