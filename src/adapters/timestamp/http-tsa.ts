/** A timestamp authority reached over HTTP (RFC 3161 §3.4), the one a production deployment configures. */
import { randomBytes } from "node:crypto";
import { AppError } from "../../errors.ts";
import type { HashName } from "../../signing/asn1.ts";
import { buildTimestampRequest, parseTimestampResponse, type TimestampAuthority } from "../../signing/tsa.ts";

export interface HttpTimestampAuthorityOptions {
  timeoutMs?: number;
  headers?: Record<string, string>;
}

/** RFC 3161 over HTTP (application/timestamp-query → application/timestamp-reply). */
export class HttpTimestampAuthority implements TimestampAuthority {
  constructor(
    readonly url: string,
    private readonly options: HttpTimestampAuthorityOptions = {},
  ) {}

  async timestamp(digest: Uint8Array, hash: HashName): Promise<Uint8Array> {
    // A positive INTEGER in minimal DER (X.690 §8.3.2): no leading zero byte, which strict servers refuse.
    const nonce = randomBytes(8);
    nonce[0] = ((nonce[0] ?? 0) & 0x3f) | 0x40;
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: "POST",
        headers: { "content-type": "application/timestamp-query", ...this.options.headers },
        body: Buffer.from(buildTimestampRequest(digest, hash, nonce)),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (cause) {
      throw new AppError("TSA_FAILED", { details: { url: this.url }, cause });
    }
    if (!response.ok)
      throw new AppError("TSA_FAILED", { details: { url: this.url, status: response.status } });
    return parseTimestampResponse(new Uint8Array(await response.arrayBuffer()), { digest, nonce });
  }
}
