import { PORTAL_FILE_MAX_BYTES } from "../../../../../src/contracts/portal-dossiers.ts";

export { PORTAL_FILE_MAX_BYTES };

export type AcceptedType = "application/pdf" | "image/jpeg" | "image/png";

/**
 * The type a file really is, read from its first bytes (the server checks the same way): PDF, JPEG or PNG, or
 * null. The name and the browser's guess are not trusted, so a renamed file is caught before it is sent.
 */
export async function sniffType(file: Blob): Promise<AcceptedType | null> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  return null;
}

export type FileCheck = { ok: true; type: AcceptedType } | { ok: false; problem: "too_big" | "bad_type" };

export async function checkFile(file: File): Promise<FileCheck> {
  if (file.size > PORTAL_FILE_MAX_BYTES) return { ok: false, problem: "too_big" };
  const type = await sniffType(file);
  return type ? { ok: true, type } : { ok: false, problem: "bad_type" };
}

/** The file's bytes as base64 (the contract carries files in JSON). */
export function toBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.readAsDataURL(file);
  });
}
