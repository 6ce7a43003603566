import type { Config } from "../../config.ts";
import {
  DEMO_CITIZEN_PASSWORD,
  DEMO_CITIZENS,
  DEMO_PROVIDER_ONLY_CITIZEN,
} from "../../seed/demo-citizens.ts";
import {
  type IdentityProviderAccount,
  type RunningIdentityProvider,
  startIdentityProvider,
} from "./identity-provider.ts";
import { OIDC_CALLBACK_PATH } from "./oidc-login.ts";

const toAccount = (c: {
  fullName: string;
  identityNumber: string;
  birthDate: string;
  phone: string;
  email: string;
}): IdentityProviderAccount => ({
  sub: `demo-${c.identityNumber}`,
  password: DEMO_CITIZEN_PASSWORD,
  claims: {
    name: c.fullName,
    identity_number: c.identityNumber,
    birthdate: c.birthDate,
    email: c.email,
    phone_number: c.phone,
  },
});

/**
 * Demo mode without OIDC_ISSUER: runs the local identity provider on OIDC_DEMO_PORT (default PORT + 1) with the
 * demo citizens, so that "Đăng nhập bằng VNeID" works. Returns null when not in that mode.
 */
export async function startDemoIdentityProvider(config: Config): Promise<RunningIdentityProvider | null> {
  const oidc = config.oidc;
  if (!oidc || oidc.demoProviderPort === null) return null;
  return startIdentityProvider({
    port: oidc.demoProviderPort,
    host: config.host,
    publicHost: new URL(oidc.issuer).hostname,
    clients: [
      {
        clientId: oidc.clientId,
        clientSecret: oidc.clientSecret,
        redirectUris: [`${config.publicUrl.replace(/\/+$/, "")}${OIDC_CALLBACK_PATH}`],
      },
    ],
    accounts: [
      ...DEMO_CITIZENS.filter((c) => c.withIdentityProvider).map(toAccount),
      toAccount(DEMO_PROVIDER_ONLY_CITIZEN),
    ],
    identityClaim: oidc.identityClaim,
  });
}
