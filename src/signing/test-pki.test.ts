import * as asn1js from "asn1js";
import { describe, expect, it } from "vitest";
import { toArrayBuffer } from "./asn1.ts";
import { randomSerialNumber } from "./test-pki.ts";

describe("certificate serial numbers", () => {
  it("are positive (RFC 5280 §4.1.2.2) and in minimal DER (X.690 §8.3.2) every time, as OpenSSL requires", () => {
    // A rule that only clears the sign bit gives a forbidden leading zero byte once in 256 draws (first byte 0
    // in 128, second below 0x80 in 2): 4096 draws miss it with probability (255/256)^4096 ≈ 1e-7.
    for (let draw = 0; draw < 4096; draw++) {
      const serial = randomSerialNumber();
      expect(serial).toHaveLength(16);
      const first = serial[0] ?? 0;
      const second = serial[1] ?? 0;
      expect(first & 0x80, "negative").toBe(0);
      expect(first === 0 && second < 0x80, "leading zero byte").toBe(false);
      const der = new asn1js.Integer({ valueHex: toArrayBuffer(serial) }).toBER();
      const decoded = asn1js.fromBER(der).result as asn1js.Integer;
      expect([...new Uint8Array(decoded.valueBlock.valueHexView)]).toEqual([...serial]);
    }
  });
});
