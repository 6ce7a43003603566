import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FileNotFoundError } from "./file-store.ts";
import { LocalFileStore } from "./local-file-store.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-files-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("local file store", () => {
  it("stores bytes by their SHA-256 once, and reads them back", async () => {
    const store = new LocalFileStore(dir);
    const bytes = new TextEncoder().encode("Giấy khai sinh bản sao");
    const a = await store.put(bytes);
    const b = await store.put(bytes);
    expect(a.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(b).toEqual(a);
    expect(new TextDecoder().decode(await store.get(a.sha256))).toBe("Giấy khai sinh bản sao");
    const listed: string[] = [];
    for await (const h of store.list()) listed.push(h);
    expect(listed).toEqual([a.sha256]);
    expect(fs.readdirSync(path.join(dir, a.sha256.slice(0, 2))).filter((f) => f.endsWith(".tmp"))).toEqual(
      [],
    );
  });

  it("refuses names that are not hashes, so no path can escape the directory", async () => {
    const store = new LocalFileStore(dir);
    await expect(store.get("../../etc/passwd")).rejects.toBeInstanceOf(FileNotFoundError);
    await expect(store.get("0".repeat(64))).rejects.toBeInstanceOf(FileNotFoundError);
  });
});
