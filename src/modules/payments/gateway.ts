/** The configured gateway: merchant credentials, the pay address and the merchant_webapi client. */
import { type MerchantCredentials, VnpayClient } from "../../adapters/payment/vnpay.ts";
import type { Config, PaymentConfig } from "../../config.ts";
import { AppError } from "../../errors.ts";

export interface PaymentGateway {
  config: PaymentConfig;
  merchant: MerchantCredentials;
  client: VnpayClient;
}

const cache = new WeakMap<Config, PaymentGateway | null>();

export function gatewayOf(config: Config): PaymentGateway | null {
  if (cache.has(config)) return cache.get(config) ?? null;
  const payment = config.payment;
  const gateway = payment
    ? {
        config: payment,
        merchant: { tmnCode: payment.tmnCode, hashSecret: payment.hashSecret },
        client: new VnpayClient(payment.gatewayUrl, {
          tmnCode: payment.tmnCode,
          hashSecret: payment.hashSecret,
        }),
      }
    : null;
  cache.set(config, gateway);
  return gateway;
}

export function requireGateway(config: Config): PaymentGateway {
  const gateway = gatewayOf(config);
  if (!gateway) throw new AppError("ONLINE_PAYMENT_DISABLED");
  return gateway;
}
