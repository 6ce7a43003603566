/**
 * Issue 14, finding 9: on Node.js older than 22 the server crashed deep in the signing code
 * (`key.toCryptoKey is not a function`). The CLI now checks the version before it loads anything else and stops
 * with a clear message. An older Node is simulated by a preloaded module that rewrites process.versions.node.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

function runCliAs(nodeVersion: string | null, args: string[]) {
  const preload = nodeVersion
    ? [
        "--import",
        `data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"${nodeVersion}"}});`,
      ]
    : [];
  return spawnSync(process.execPath, [...preload, path.resolve("bin/motcua.js"), ...args], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, LOG_LEVEL: "silent" },
  });
}

describe("Node.js version check (issue 14, finding 9)", () => {
  // package.json "engines" asks for >= 22.12; 20.x is what older distributions ship.
  it.each(["20.18.0", "18.20.4", "22.11.0"])("refuses Node.js %s at once, with how to get Node 22", (v) => {
    const run = runCliAs(v, ["help"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`this is Node.js ${v}`);
    expect(run.stderr).toContain("npm install -g --prefix");
    expect(run.stderr).toContain("node@22");
  });

  it("runs on Node.js 22.12 and newer", () => {
    for (const v of [null, "22.12.0"]) {
      const run = runCliAs(v, ["help"]);
      expect(run.stderr).not.toContain("motcua needs Node.js");
      expect(run.status).toBe(0);
    }
  });
});
