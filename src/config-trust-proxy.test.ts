/**
 * Issue 14, finding 6: TRUST_PROXY=1 used to trust the first X-Forwarded-For entry, which the client writes, so
 * every per-address limit and audited address could be forged. It is now a hop count or the proxies' addresses.
 */
import { describe, expect, it } from "vitest";
import { createTestContext } from "../test/support/test-app.ts";
import { ConfigError, loadConfig } from "./config.ts";

describe("TRUST_PROXY (issue 14, finding 6)", () => {
  it("reads a hop count or a list of addresses, and refuses true", () => {
    const env = { DEMO: "1", LOG_LEVEL: "silent" };
    expect(loadConfig({ ...env }).trustProxy).toBe(false);
    expect(loadConfig({ ...env, TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ ...env, TRUST_PROXY: "10.0.0.5, 10.1.0.0/16" }).trustProxy).toEqual([
      "10.0.0.5",
      "10.1.0.0/16",
    ]);
    expect(() => loadConfig({ ...env, TRUST_PROXY: "true" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, TRUST_PROXY: "evil.example" })).toThrow(ConfigError);
  });

  it("with one proxy hop, the address is the one the proxy saw, not the one the client wrote", async () => {
    const ctx = await createTestContext({ env: { TRUST_PROXY: "1" } });
    try {
      // The client forges "1.2.3.4"; the proxy (127.0.0.1) appends the address it really saw.
      const client = ctx.client();
      const seen: string[] = [];
      for (const forged of ["1.2.3.4", "5.6.7.8"]) {
        await client.request({
          method: "POST",
          url: "/api/v1/auth/login",
          remoteAddress: "127.0.0.1",
          headers: { "x-forwarded-for": `${forged}, 203.0.113.50` },
          payload: { username: "khong.ai.ca", password: "sai-mat-khau-9" },
        });
      }
      const rows = await ctx.handle.db
        .selectFrom("rate_limits")
        .select("key")
        .where("key", "like", "login:ip:%")
        .execute();
      for (const r of rows) seen.push(r.key);
      expect(seen).toEqual(["login:ip:203.0.113.50"]);
    } finally {
      await ctx.close();
    }
  }, 120_000);
});
