import { z } from "zod";
import { IsoDate, LIMITS, NonEmpty, OptionalText, Phone } from "./common.ts";
import { Score } from "./portal-dossiers.ts";

/** The desk itself: profile, members, documents, roster, queue, devices, ratings at the counter, figures. */
export const DeskModel = z.enum(["2018", "2025"]);
export const MemberRole = z.enum(["head", "deputy", "officer"]);
export const DocumentKind = z.enum(["house_rules", "regulation"]);
export const Session = z.enum(["morning", "afternoon"]);
export const Lane = z.enum(["general", "priority"]);
export const DeviceKind = z.enum(["kiosk", "rating"]);
export const Counter = z.number().int().min(1).max(99);
const FieldCode = z.string().regex(/^[a-z0-9-]{2,60}$/);

export const DeskProfileInput = z.strictObject({
  model: DeskModel,
  name: NonEmpty(LIMITS.name),
  address: OptionalText(LIMITS.name),
  openingHours: NonEmpty(1000),
  feedbackAddress: NonEmpty(LIMITS.name),
  feedbackPhone: Phone,
  feedbackEmail: z.email().max(200).nullable().optional(),
  version: z.number().int().min(0),
});

export const MemberInput = z.strictObject({
  staffId: z.uuid().nullable().optional(),
  fullName: NonEmpty(),
  role: MemberRole,
  title: NonEmpty(),
  fields: z.array(FieldCode).max(30).default([]),
  counter: Counter.nullable().optional(),
  phone: Phone.nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  secondedFrom: IsoDate.nullable().optional(),
  secondedTo: IsoDate.nullable().optional(),
  startsOn: IsoDate,
  /** The member whose position this one replaces (ends the day before startsOn): a change with history. */
  replaces: z.uuid().nullable().optional(),
});
export const EndMemberInput = z.strictObject({ endsOn: IsoDate });

export const Member = z.object({
  id: z.uuid(),
  staffId: z.uuid().nullable(),
  fullName: z.string(),
  role: MemberRole,
  title: z.string(),
  fields: z.array(z.string()),
  counter: z.number().nullable(),
  phone: z.string().nullable(),
  secondedFrom: z.string().nullable(),
  secondedTo: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
});

export const DocumentInput = z.strictObject({
  kind: DocumentKind,
  title: NonEmpty(LIMITS.name),
  body: NonEmpty(50000),
  issuedRef: OptionalText(),
});
export const DeskDocument = z.object({
  id: z.uuid(),
  kind: DocumentKind,
  version: z.number(),
  title: z.string(),
  body: z.string(),
  issuedRef: z.string().nullable(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});

export const DutyInput = z.strictObject({
  memberId: z.uuid(),
  weekday: z.number().int().min(1).max(7),
  session: Session,
  counter: Counter,
  validFrom: IsoDate,
  validTo: IsoDate.nullable().optional(),
});
export const RosterChangeInput = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("absence"),
    date: IsoDate,
    session: Session,
    memberId: z.uuid(),
    reason: OptionalText(),
  }),
  z.strictObject({
    kind: z.literal("swap"),
    date: IsoDate,
    session: Session,
    memberId: z.uuid(),
    substituteId: z.uuid(),
    reason: OptionalText(),
  }),
]);

/** Ending a weekly duty: its last day; a last day before it starts removes it (it never ran). */
export const EndDutyInput = z.strictObject({ lastDay: IsoDate });

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** A duty on a holiday or other day off (on call during Tết, for instance): one date, member, counter, field, hours. */
export const HolidayDutyInput = z.strictObject({
  date: IsoDate,
  memberId: z.uuid(),
  counter: Counter,
  field: FieldCode.nullable().optional(),
  startsAt: ClockTime,
  endsAt: ClockTime,
  note: OptionalText(),
});
export const HolidayDuty = z.object({
  id: z.uuid(),
  date: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  title: z.string(),
  counter: z.number(),
  field: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  note: z.string().nullable(),
});

const Slot = z.object({
  session: Session,
  counter: z.number(),
  memberId: z.string(),
  memberName: z.string(),
  title: z.string(),
  fields: z.array(z.string()),
  standsInFor: z.object({ memberId: z.string(), memberName: z.string() }).nullable(),
});
export const RosterWeek = z.object({
  weekStart: z.string(),
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.number(),
      working: z.boolean(),
      note: z.object({ name: z.string(), nameEn: z.string(), kind: z.string() }).nullable(),
      slots: z.array(Slot),
      absent: z.array(z.object({ session: Session, memberId: z.string(), memberName: z.string() })),
      /** Duties on a day off (holiday on-call); always empty on a working day. */
      holidayDuties: z.array(HolidayDuty),
      uncoveredFields: z.array(z.string()),
    }),
  ),
  warnings: z.array(z.object({ date: z.string(), field: z.string() })),
});
export const WeekQuery = z.strictObject({ week: IsoDate.optional() });

export const DeskProfile = z.object({
  model: DeskModel,
  name: z.string(),
  address: z.string().nullable(),
  openingHours: z.string(),
  feedbackAddress: z.string(),
  feedbackPhone: z.string(),
  feedbackEmail: z.string().nullable(),
  version: z.number(),
});

/** What the public page of a unit's desk shows (NĐ 118/2025: names, titles, fields and phones are published). */
export const PublicDesk = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  profile: DeskProfile,
  members: z.array(Member.omit({ staffId: true })),
  documents: z.array(DeskDocument),
  roster: RosterWeek,
});

export const DeskAdminView = z.object({
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  profile: DeskProfile.nullable(),
  members: z.array(Member),
  documents: z.array(DeskDocument),
  duties: z.array(DutyInput.extend({ id: z.uuid(), memberName: z.string() })),
});

export const Ticket = z.object({
  id: z.uuid(),
  label: z.string(),
  number: z.number(),
  lane: Lane,
  field: z.string().nullable(),
  status: z.enum(["waiting", "called", "done", "no_show"]),
  takenAt: z.string(),
  calledAt: z.string().nullable(),
  counter: z.number().nullable(),
  dossierId: z.string().nullable(),
  /** Optimistic concurrency: send it back to finish the number. */
  version: z.number(),
});
export const TakeTicketInput = z.strictObject({ lane: Lane, field: FieldCode.nullable().optional() });
export const TakenTicket = z.object({
  label: z.string(),
  lane: Lane,
  field: z.string().nullable(),
  day: z.string(),
  takenAt: z.string(),
  waitingBefore: z.number(),
  unitName: z.string(),
});
export const CallNextInput = z.strictObject({ counter: Counter });
export const FinishTicketInput = z.strictObject({
  outcome: z.enum(["served", "no_show"]),
  dossierId: z.uuid().nullable().optional(),
  version: z.number().int().min(0),
});
export const QueueView = z.object({
  day: z.string(),
  waiting: z.array(Ticket),
  atCounters: z.array(Ticket),
  myCounter: z.number().nullable(),
  pairedTablets: z.array(z.number()),
});

export const DisplayState = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  day: z.string(),
  serving: z.array(z.object({ counter: z.number(), label: z.string(), lane: Lane, calledAt: z.string() })),
  waiting: z.array(z.object({ label: z.string(), lane: Lane })),
  waitingCount: z.number(),
  version: z.number(),
});

export const PairRequestInput = z.strictObject({ kind: DeviceKind, unitCode: z.string().min(3).max(40) });
export const PairRequestAnswer = z.object({ code: z.string(), expiresAt: z.string() });
export const PairInput = z.strictObject({ code: z.string().regex(/^\d{6}$/), counter: Counter.nullable() });
export const PairAnswer = z.object({ deviceId: z.uuid(), kind: DeviceKind, counter: z.number().nullable() });

export const DeviceState = z.object({
  kind: DeviceKind,
  paired: z.boolean(),
  pairingCode: z.string().nullable(),
  unit: z.object({ code: z.string(), name: z.string() }).nullable(),
  counter: z.number().nullable(),
  fields: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
  /** Rating tablet: the dossier waiting for a rating — its code only, nothing personal. */
  ratingRequest: z.object({ id: z.uuid(), dossierCode: z.string() }).nullable(),
});

export const DeskRatingInput = z.strictObject({
  requestId: z.uuid(),
  scores: z.strictObject({
    processing_time: Score,
    agencies_contacted: Score,
    contacts_to_complete: Score,
    information_accuracy: Score,
    staff_attitude: Score,
    result_legality_and_costs: Score,
    feedback_answers: Score.nullable(),
  }),
  comment: OptionalText(LIMITS.longText),
});

export const PushRatingInput = z.strictObject({ dossierId: z.uuid() });

export const FiguresQuery = z.strictObject({ from: IsoDate, to: IsoDate });
const Durations = {
  tickets: z.number(),
  meanWaitSeconds: z.number().nullable(),
  meanServiceSeconds: z.number().nullable(),
};
export const DeskFigures = z.object({
  from: z.string(),
  to: z.string(),
  perDay: z.array(z.object({ day: z.string(), visitors: z.number() })),
  perHour: z.array(z.object({ hour: z.number(), visitors: z.number() })),
  perField: z.array(z.object({ field: z.string().nullable(), ...Durations })),
  perCounter: z.array(z.object({ counter: z.number(), ...Durations })),
  ratingsPerOfficer: z.array(
    z.object({
      officerId: z.string(),
      name: z.string(),
      ratings: z.number(),
      meanStaffAttitude: z.number().nullable(),
      satisfiedShare: z.number().nullable(),
    }),
  ),
});
