/**
 * Where file bytes live. Files are content-addressed by SHA-256: the same scan uploaded twice is stored once,
 * and a stored file can always be checked against the hash its database row records.
 */
export interface StoredObject {
  sha256: string;
  size: number;
}

export interface FileStore {
  /** Stores the bytes durably (on disk: written, fsynced and renamed into place) before resolving. */
  put(bytes: Uint8Array): Promise<StoredObject>;
  get(sha256: string): Promise<Uint8Array>;
  has(sha256: string): Promise<boolean>;
  /** Every stored hash, for backups and integrity checks. */
  list(): AsyncIterable<string>;
}

export class FileNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`No stored file with SHA-256 ${sha256}`);
  }
}
