import { z } from "zod";
import { STAFF_ROLES } from "../db/tables/foundation.ts";
import { Email, LIMITS, NonEmpty, OptionalText, Phone, Uuid } from "./common.ts";

export const StaffRole = z.enum(STAFF_ROLES);
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, "username: 3–64 letters, digits, dot, dash, underscore");
export const Password = z.string().min(1).max(LIMITS.password);

export const StaffInput = z.strictObject({
  unitId: Uuid,
  username: Username,
  fullName: NonEmpty(LIMITS.name),
  position: OptionalText(),
  email: Email.nullable().optional(),
  phone: Phone.nullable().optional(),
  roles: z.array(StaffRole).min(1).max(STAFF_ROLES.length),
  password: Password,
});

export const StaffUpdate = z.strictObject({
  version: z.number().int().min(1),
  fullName: NonEmpty(LIMITS.name).optional(),
  position: OptionalText(),
  email: Email.nullable().optional(),
  phone: Phone.nullable().optional(),
  roles: z.array(StaffRole).min(1).max(STAFF_ROLES.length).optional(),
  active: z.boolean().optional(),
});

export const PasswordReset = z.strictObject({ newPassword: Password });

export const Staff = z.object({
  id: Uuid,
  unitId: Uuid,
  unitName: z.string(),
  username: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(StaffRole),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  version: z.number(),
});
export type Staff = z.infer<typeof Staff>;
