import { z } from "zod";
import { UNIT_KINDS } from "../db/tables/foundation.ts";
import { isAgencyCode } from "../domain/codes/index.ts";
import { Email, IsoDate, LIMITS, NonEmpty, OptionalText, Phone, Uuid } from "./common.ts";

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");

export const WorkingHoursSchema = z
  .strictObject({
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    sessions: z
      .array(z.strictObject({ start: HHMM, end: HHMM }))
      .min(1)
      .max(4),
    lateReceptionCutoff: HHMM,
  })
  .refine(
    (w) => w.sessions.every((s, i) => s.start < s.end && (i === 0 || w.sessions[i - 1].end <= s.start)),
    {
      message: "sessions must be in order and not overlap",
    },
  );

export const DEFAULT_WORKING_HOURS: z.infer<typeof WorkingHoursSchema> = {
  weekdays: [1, 2, 3, 4, 5],
  sessions: [
    { start: "07:30", end: "11:30" },
    { start: "13:30", end: "17:00" },
  ],
  lateReceptionCutoff: "15:00",
};

/** Mã định danh: QCVN 102:2016 style "000.00.15.H09" or the newer "H09.15" style. */
export const UnitCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9.]{1,30}$/, "unit code: capital letters, digits and dots");

/** A unit's own code must be an agency identifier of either style: dossier codes are built from it. */
export const AgencyUnitCode = UnitCode.refine((code) => isAgencyCode(code), {
  message: "unit code: an agency identifier such as 000.00.15.H09 (QCVN 102:2016) or H09.15 (QĐ 20/2020)",
});

export const UnitKind = z.enum(UNIT_KINDS);

export const UnitInput = z.strictObject({
  code: AgencyUnitCode,
  gsoCode: z
    .string()
    .trim()
    .regex(/^\d{2,5}$/)
    .nullable()
    .optional(),
  name: NonEmpty(LIMITS.name),
  shortName: OptionalText(),
  kind: UnitKind,
  parentId: Uuid.nullable(),
  address: OptionalText(LIMITS.name),
  phone: Phone.nullable().optional(),
  email: Email.nullable().optional(),
  website: z.url().max(200).nullable().optional(),
  workingHours: WorkingHoursSchema.optional(),
  validFrom: IsoDate.nullable().optional(),
});

export const UnitUpdate = UnitInput.omit({ parentId: true })
  .partial()
  .extend({ version: z.number().int().min(1) });
export const UnitMove = z.strictObject({ parentId: Uuid, version: z.number().int().min(1) });
export const UnitDeactivate = z.strictObject({
  version: z.number().int().min(1),
  validTo: IsoDate.optional(),
  successorId: Uuid.nullable().optional(),
});

export const Unit = z.object({
  id: Uuid,
  code: z.string(),
  gsoCode: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: UnitKind,
  parentId: Uuid.nullable(),
  depth: z.number(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  workingHours: z.object({
    weekdays: z.array(z.number()),
    sessions: z.array(z.object({ start: z.string(), end: z.string() })),
    lateReceptionCutoff: z.string(),
  }),
  active: z.boolean(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  successorId: Uuid.nullable(),
  version: z.number(),
});
export type Unit = z.infer<typeof Unit>;

/** What anyone may read about a unit: the public directory (name, address, contacts, hours). */
export const PublicUnit = Unit.pick({
  id: true,
  code: true,
  name: true,
  kind: true,
  parentId: true,
  address: true,
  phone: true,
  email: true,
  website: true,
  workingHours: true,
});
