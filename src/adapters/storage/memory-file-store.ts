import { createHash } from "node:crypto";
import { FileNotFoundError, type FileStore, type StoredObject } from "./file-store.ts";

/** For tests and in-memory databases. */
export class MemoryFileStore implements FileStore {
  private readonly files = new Map<string, Uint8Array>();

  async put(bytes: Uint8Array): Promise<StoredObject> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    this.files.set(sha256, new Uint8Array(bytes));
    return { sha256, size: bytes.byteLength };
  }
  async get(sha256: string): Promise<Uint8Array> {
    const bytes = this.files.get(sha256);
    if (!bytes) throw new FileNotFoundError(sha256);
    return bytes;
  }
  async has(sha256: string): Promise<boolean> {
    return this.files.has(sha256);
  }
  async *list(): AsyncIterable<string> {
    yield* [...this.files.keys()].sort();
  }
}
