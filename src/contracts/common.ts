import { z } from "zod";

/** Limits that both the server and the web app enforce, in one place. */
export const LIMITS = {
  name: 300,
  shortText: 200,
  longText: 5000,
  username: 64,
  password: 200,
} as const;

export const Uuid = z.uuid();

/** No control characters but tab and line breaks (PostgreSQL text cannot hold NUL; forms cannot print the rest). */
export function printable(text: string): boolean {
  return !/\p{Cc}/u.test(text.replace(/[\t\n\r]/g, ""));
}

/** Text without control characters (tab and line breaks allowed): PostgreSQL refuses NUL, and none belong in a record. */
const PlainText = z.string().trim().refine(printable, "control characters are not allowed");
/** Text as people type it, trimmed, 1…max characters. */
export const Text = (max: number) =>
  z.string().trim().min(1).max(max).refine(printable, "control characters");
/** A row version for optimistic locking (PostgreSQL integer). */
export const Version = z.number().int().min(1).max(2_147_483_647);
/** An instant in, with an explicit offset. */
export const InstantIn = z.iso.datetime({ offset: true });
/** An instant out, always "+07:00". */
export const InstantOut = z.string();
/** A kebab-case ASCII identifier. */
export const Slug = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "kebab-case");
export const NonEmpty = (max: number = LIMITS.shortText) => PlainText.pipe(z.string().min(1).max(max));
export const OptionalText = (max: number = LIMITS.shortText) =>
  PlainText.pipe(z.string().max(max)).nullable().optional();
export const IsoDate = z.iso.date();
/** A calendar date within the years the working calendar knows (and PostgreSQL can store as a timestamp). */
export const CalendarDay = IsoDate.refine((d) => d >= "1900-01-01" && d <= "2199-12-31", "date out of range");
export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{8,20}$/, "phone");
export const Email = z.email().max(200);

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string(),
    details: z.unknown().optional(),
  }),
});

/** The error answers a route that takes input, uploads and rate limits can give (OpenAPI response map). */
export const ErrorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  413: ErrorResponse,
  415: ErrorResponse,
  422: ErrorResponse,
  429: ErrorResponse,
};

export const Paging = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const Ok = z.object({ ok: z.literal(true) });
