/**
 * Issue 14, finding 9: the demo listened on every interface (HOST=0.0.0.0) while its passwords are published in
 * the README. In demo mode it now binds to 127.0.0.1 unless HOST is set, and says so at start.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { freePort } from "../support/http.ts";

const SECRETS = { COOKIE_SECRET: "x".repeat(32), SIGNING_KEY_SECRET: "y".repeat(32) };

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe("demo listen address (issue 14, finding 9)", () => {
  it("is 127.0.0.1 in demo mode unless HOST is set; every interface outside demo mode", () => {
    expect(loadConfig({ DEMO: "1" }).host).toBe("127.0.0.1");
    expect(loadConfig({ DEMO: "1", HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(loadConfig({ ...SECRETS }).host).toBe("0.0.0.0");
    expect(loadConfig({ ...SECRETS, HOST: "10.1.2.3" }).host).toBe("10.1.2.3");
  });

  it("a demo server started without HOST answers on loopback only and says so in its log", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "motcua-demo-listen-"));
    const port = await freePort();
    const { DATABASE_URL: _db, HOST: _host, ...inherited } = process.env;
    const child = spawn(process.execPath, [path.resolve("bin/motcua.js"), "serve", "--demo"], {
      env: {
        ...inherited,
        DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: "info",
        OIDC_DEMO_PORT: String(await freePort()),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    try {
      const deadline = Date.now() + 110_000;
      while (!output.includes("demo mode listens on 127.0.0.1 only") && Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(output).toContain("demo mode listens on 127.0.0.1 only");
      expect(await connects("127.0.0.1", port)).toBe(true);
      // Any address of this machine other than loopback must be refused.
      const outside = Object.values(os.networkInterfaces())
        .flat()
        .filter((a) => a && a.family === "IPv4" && !a.internal)
        .map((a) => a?.address as string);
      for (const address of outside) expect(await connects(address, port), address).toBe(false);
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});
