import { z } from "zod";
import { Password, StaffRole, Username } from "./staff.ts";

export const LoginInput = z.strictObject({
  username: Username,
  password: Password,
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const Me = z.object({
  kind: z.literal("staff"),
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(StaffRole),
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string(), kind: z.string() }),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  /** Actions the UI may offer, with their scope; the server checks again on every call. */
  permissions: z.record(z.string(), z.enum(["own", "subtree", "all"])),
});
export type Me = z.infer<typeof Me>;

/** Who is signed in: a staff member (with their Me), a citizen (whose profile is at /portal/account/me), or nobody. */
export const SessionKind = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("staff"), me: Me }),
  z.object({ kind: z.literal("citizen") }),
  z.object({ kind: z.literal("anonymous") }),
]);
export type SessionKind = z.infer<typeof SessionKind>;

export const PasswordChange = z.strictObject({ currentPassword: Password, newPassword: Password });
/** Setting up and turning on the second factor ask for the password again: a borrowed open session is not enough. */
export const TotpSetupInput = z.strictObject({ currentPassword: Password });
export const TotpEnable = z.strictObject({ currentPassword: Password, code: z.string().regex(/^\d{6}$/) });
export const TotpSetup = z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() });
export const CsrfToken = z.object({ csrfToken: z.string() });
