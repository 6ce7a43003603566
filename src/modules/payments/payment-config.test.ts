import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../config.ts";

const SECRETS = { COOKIE_SECRET: "c".repeat(32), SIGNING_KEY_SECRET: "s".repeat(32) };

describe("payment configuration", () => {
  it("serves the local gateway in demo mode, with the IPN on the loopback address", () => {
    const config = loadConfig({ DEMO: "1", PORT: "3100" });
    expect(config.payment).toMatchObject({
      gatewayUrl: "http://localhost:3100/demo-gateway",
      returnUrl: "http://localhost:3100/api/v1/payments/vnpay/return",
      localGateway: { ipnUrl: "http://127.0.0.1:3100/api/v1/payments/vnpay/ipn" },
      expiryMinutes: 15,
    });
  });

  it("turns online payment off outside demo mode when no gateway is set", () => {
    expect(loadConfig(SECRETS).payment).toBeNull();
  });

  it("refuses to start outside demo mode with a gateway but without the merchant code or hash secret", () => {
    const gateway = { ...SECRETS, PAYMENT_GATEWAY_URL: "https://pay.example.vn" };
    expect(() => loadConfig(gateway)).toThrow(ConfigError);
    expect(() => loadConfig({ ...gateway, VNPAY_TMN_CODE: "MERCHANT1" })).toThrow(/VNPAY_HASH_SECRET/);
    expect(() => loadConfig({ ...SECRETS, VNPAY_HASH_SECRET: "x".repeat(32) })).toThrow(
      /PAYMENT_GATEWAY_URL/,
    );
    expect(() => loadConfig({ ...gateway, VNPAY_TMN_CODE: "MERCHANT1", VNPAY_HASH_SECRET: "short" })).toThrow(
      /VNPAY_HASH_SECRET/,
    );
    const ok = loadConfig({ ...gateway, VNPAY_TMN_CODE: "MERCHANT1", VNPAY_HASH_SECRET: "h".repeat(32) });
    expect(ok.payment).toMatchObject({
      gatewayUrl: "https://pay.example.vn",
      tmnCode: "MERCHANT1",
      localGateway: null,
    });
  });
});
