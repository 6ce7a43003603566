import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { FileNotFoundError, type FileStore, type StoredObject } from "./file-store.ts";

const HASH = /^[0-9a-f]{64}$/;

/** Files under a directory: `<dir>/ab/abcdef…` by SHA-256. */
export class LocalFileStore implements FileStore {
  constructor(private readonly dir: string) {}

  private pathOf(sha256: string): string {
    if (!HASH.test(sha256)) throw new FileNotFoundError(sha256);
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  async put(bytes: Uint8Array): Promise<StoredObject> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) return { sha256, size: bytes.byteLength };
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      const handle = await fs.open(tmp, "wx");
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(tmp, target);
    } catch (error) {
      // A full disk (ENOSPC) leaves a partial temporary file; removing it gives the space back.
      await fs.rm(tmp, { force: true });
      throw error;
    }
    const dirHandle = await fs.open(path.dirname(target), "r");
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
    return { sha256, size: bytes.byteLength };
  }

  async get(sha256: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await fs.readFile(this.pathOf(sha256)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new FileNotFoundError(sha256);
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async *list(): AsyncIterable<string> {
    let prefixes: string[];
    try {
      prefixes = (await fs.readdir(this.dir)).filter((p) => /^[0-9a-f]{2}$/.test(p)).sort();
    } catch {
      return;
    }
    for (const prefix of prefixes) {
      for (const name of (await fs.readdir(path.join(this.dir, prefix))).sort()) {
        if (HASH.test(name)) yield name;
      }
    }
  }
}
