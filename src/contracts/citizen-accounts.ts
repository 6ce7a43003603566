import { z } from "zod";
import { checkCccd } from "../domain/citizens/cccd.ts";
import { Email, IsoDate, LIMITS, NonEmpty, Uuid } from "./common.ts";
import { AddressSchema } from "./dossiers.ts";
import { Password } from "./staff.ts";

/**
 * Citizen accounts of the portal (tài khoản công dân), routes under /api/v1/portal/account/…
 *
 *   POST  /register            CitizenRegistration      → 202 RegistrationAccepted (same answer for a taken CCCD/e-mail)
 *   POST  /confirm             CitizenConfirm           → 200 CitizenMe, signed in (session cookie)
 *   POST  /confirm/resend      CitizenResend            → 202 Accepted
 *   POST  /login               CitizenLogin             → 200 CitizenMe, signed in
 *   POST  /logout                                       → 200 Ok
 *   GET   /me                                           → 200 CitizenMe            (401 when not a citizen)
 *   PATCH /me                  CitizenProfileUpdate     → 200 CitizenMe
 *   POST  /password            CitizenPasswordChange    → 200 Ok
 *   POST  /password-reset      PasswordResetRequest     → 202 Accepted (always, same answer)
 *   POST  /password-reset/complete PasswordResetComplete → 200 Ok
 *   GET   /oidc                                         → 200 OidcStatus (is "Đăng nhập bằng VNeID" offered)
 *   GET   /oidc/start?returnTo=/path                    → 302 to the identity provider
 *   GET   /oidc/callback                                → 302 to returnTo (signed in) or to
 *                                                         /portal/dang-nhap?loi=<ERROR_CODE>
 * State-changing calls carry the x-csrf-token header from GET /api/v1/auth/csrf, as for staff.
 */

/** Căn cước công dân: 12 digits, structure of TT 59/2021/TT-BCA art. 7 (see src/domain/citizens/cccd.ts). */
export const IdentityNumber = z
  .string()
  .trim()
  .regex(/^\d{12}$/, "identity number: 12 digits")
  .refine((v) => checkCccd(v).ok, "identity number: unknown province code");

/**
 * Vietnamese mobile number: 0 or +84, then a mobile prefix 3, 5, 7, 8 or 9 and eight digits
 * (ten-digit numbering since the 2018 change of the mobile prefixes). Stored as 0xxxxxxxxx.
 */
export const VnMobile = z
  .string()
  .trim()
  .max(20)
  .transform((v) => v.replace(/[\s.-]/g, ""))
  .pipe(z.string().regex(/^(?:\+84|84|0)[35789]\d{8}$/, "Vietnamese mobile number"))
  .transform((v) => `0${v.replace(/^(?:\+84|84|0)/, "")}`);

export const CitizenEmail = Email.transform((v) => v.trim().toLowerCase());
export const OneTimeCode = z.string().regex(/^\d{6}$/, "six digits");

const birthAgreesWithCccd = (r: { identityNumber: string; birthDate?: string | null | undefined }) =>
  !r.birthDate || checkCccd(r.identityNumber, { birthYear: Number(r.birthDate.slice(0, 4)) }).ok;
const birthMessage = {
  message: "birthDate: the year of birth does not match the identity number",
  path: ["birthDate"],
};

export const CitizenRegistration = z
  .strictObject({
    fullName: NonEmpty(LIMITS.name),
    identityNumber: IdentityNumber,
    birthDate: IsoDate.nullable().optional(),
    phone: VnMobile,
    email: CitizenEmail,
    password: Password,
  })
  .refine(birthAgreesWithCccd, birthMessage);
export type CitizenRegistration = z.infer<typeof CitizenRegistration>;

/** The registration is waiting for the one-time code sent to the e-mail and phone given. */
export const RegistrationAccepted = z.object({
  /** Opaque reference of the confirmation; send it back with the code. */
  challengeId: Uuid,
  channels: z.array(z.enum(["email", "sms"])),
  expiresInSeconds: z.number().int(),
});

export const CitizenConfirm = z.strictObject({ challengeId: Uuid, code: OneTimeCode });
export const CitizenResend = z.strictObject({ challengeId: Uuid });
export const Accepted = z.object({ accepted: z.literal(true) });

/** Sign in with the identity number, the e-mail or the phone number, and the password. */
export const CitizenLogin = z.strictObject({
  login: NonEmpty(200),
  password: Password,
});

export const CitizenStatus = z.enum(["pending", "active", "disabled"]);

/** The signed-in citizen's profile; e-forms pre-fill from it. */
export const CitizenMe = z.object({
  kind: z.literal("citizen"),
  id: Uuid,
  fullName: z.string(),
  identityNumber: z.string(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: AddressSchema.nullable(),
  status: CitizenStatus,
  /** false for an account created through the identity provider that never set a password. */
  hasPassword: z.boolean(),
  /** Identity providers linked to the account (issuer URLs). */
  linkedProviders: z.array(z.string()),
  version: z.number().int(),
});
export type CitizenMe = z.infer<typeof CitizenMe>;

/** The identity number cannot be changed; the rest can. `version` guards against lost updates. */
export const CitizenProfileUpdate = z.strictObject({
  version: z.number().int().min(1),
  fullName: NonEmpty(LIMITS.name).optional(),
  birthDate: IsoDate.nullable().optional(),
  phone: VnMobile.nullable().optional(),
  email: CitizenEmail.nullable().optional(),
  address: AddressSchema.nullable().optional(),
});
export type CitizenProfileUpdate = z.infer<typeof CitizenProfileUpdate>;

/** currentPassword is required when the account has one (not for an account made through the identity provider). */
export const CitizenPasswordChange = z.strictObject({
  currentPassword: Password.optional(),
  newPassword: Password,
});

export const PasswordResetRequest = z.strictObject({ login: NonEmpty(200) });
export const PasswordResetComplete = z.strictObject({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
  newPassword: Password,
});

export const OidcStatus = z.object({
  enabled: z.boolean(),
  /** Shown on the button: "Đăng nhập bằng <name>". */
  providerName: z.string().nullable(),
  startUrl: z.string().nullable(),
});

/** Where to land after the identity provider: a path of this site only. */
export const ReturnTo = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s\p{Cc}\\]*$/u, "a local path")
  .optional();
export const OidcStartQuery = z.strictObject({ returnTo: ReturnTo });
export const OidcCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  iss: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

/** The web page the portal shows after a failed provider sign-in; the error code rides in `loi`. */
export const PORTAL_LOGIN_PATH = "/portal/dang-nhap";
export const PORTAL_HOME_PATH = "/portal";
/** The page a password reset link opens, with the token in `?token=`. */
export const PORTAL_RESET_PATH = "/portal/dat-lai-mat-khau";
