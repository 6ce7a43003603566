import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import {
  type DeadlineResponse as DeadlineBody,
  DeadlineQuery,
  DeadlineResponse,
  HolidaysQuery,
  HolidaysResponse,
  LunarDateResponse,
  LunarMonthsQuery,
  LunarMonthsResponse,
  LunarQuery,
  WorkingTimeQuery,
  WorkingTimeResponse,
} from "../../contracts/calendar.ts";
import { ErrorResponse } from "../../contracts/common.ts";
import {
  CalendarInputError,
  computeDue,
  type Duration,
  explainDeadline,
  formatInstant,
  formatLocalDate,
  holidaysForYear,
  type LegalDuration,
  legalDue,
  lunarYear,
  parseInstant,
  parseLocalDate,
  solarToLunar,
  workingTimeBetween,
} from "../../domain/calendar/index.ts";
import { AppError } from "../../errors.ts";
import { calendarFor } from "./calendar-for.ts";
import { decisionRoutes } from "./decision-routes.ts";
import { calendarAppError } from "./errors.ts";

const MS_PER_HOUR = 3_600_000;
const errors = { 400: ErrorResponse };
/** Lunar dates never change: caches may keep them for a day. */
const IMMUTABLE = "public, max-age=86400";

/**
 * The limit asked for: exactly one of sameDay=true, workingDays, workingHours. Same-day limits and whole working
 * days are counted as the law counts a dossier's limit (legalDue, the function the dossier machine uses): same day
 * — end of the reception's working day, or of the next after 15:00 (Luật Hộ tịch 2014 art. 5(3); NĐ 23/2015 art.
 * 7(1)); N working days — Civil Code 2015 art. 147–148, the day of the event not counted, the window ending at the
 * end of its N-th working day. Choice stated in time-limit.ts: a working day ends when the unit's last session
 * ends (17:00 by default), not at 24:00. Hours (and fractions of a day) are working-time arithmetic.
 */
function durationOf(query: {
  workingDays?: string | undefined;
  workingHours?: string | undefined;
  sameDay?: string | undefined;
}): LegalDuration {
  const { workingDays, workingHours } = query;
  const sameDay = query.sameDay === "true";
  const given = [workingDays !== undefined, workingHours !== undefined, sameDay].filter(Boolean).length;
  if (given !== 1) {
    throw new AppError("VALIDATION_FAILED", {
      vi: "Cần đúng một trong các tham số workingDays (ngày làm việc), workingHours (giờ làm việc) hoặc sameDay=true (trong ngày).",
      en: "Give exactly one of workingDays, workingHours or sameDay=true.",
      details: [{ path: "/workingDays", message: "exactly one of workingDays, workingHours, sameDay" }],
    });
  }
  if (sameDay) return { sameDay: true };
  return workingDays !== undefined
    ? { workingDays: Number(workingDays) }
    : { workingHours: Number(workingHours) };
}

/** Whole working days and same-day limits are legal periods (Civil Code art. 147–148), not working time. */
function isLegalPeriod(duration: LegalDuration): boolean {
  if ("sameDay" in duration) return true;
  return "workingDays" in duration && Number.isInteger(duration.workingDays) && duration.workingDays >= 1;
}

/**
 * An instant from a query string. A "+07:00" offset sent without URL encoding arrives as " 07:00" (a "+" in
 * a query string means a space); it is read as the offset it was meant to be.
 */
function instantParam(text: string): number {
  return parseInstant(text.replace(/(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$/, "$1+$2"));
}

/** The solar year's lunar months: those of lunar year y − 1 still running in January, then lunar year y's. */
function lunarMonthsOf(year: number) {
  if (!Number.isInteger(year) || year < 1901 || year > 2199) {
    throw new CalendarInputError(
      "YEAR_OUT_OF_RANGE",
      { year, min: 1901, max: 2199 },
      { vi: "Năm phải là số nguyên từ 1901 đến 2199.", en: "The year must be an integer from 1901 to 2199." },
    );
  }
  const first = parseLocalDate(`${year}-01-01`);
  const last = parseLocalDate(`${year}-12-31`);
  return [lunarYear(year - 1), lunarYear(year)].flatMap((table) =>
    table.months
      .filter((m) => m.start <= last && m.start + m.length - 1 >= first)
      .map((m) => ({
        start: formatLocalDate(m.start),
        end: formatLocalDate(m.start + m.length - 1),
        year: table.year,
        month: m.month,
        leap: m.leap,
        length: m.length,
      })),
  );
}

/**
 * The public calendar routes of DESIGN.md (lunar dates, days off, deadlines, working time) and, for system
 * administrators, the yearly decisions. Bad input leaves as the calendar's own 4xx codes.
 */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  // Throwing from a plugin's error handler hands the error to the application's handler (the error shape).
  app.setErrorHandler((error) => {
    if (error instanceof CalendarInputError) throw calendarAppError(error);
    throw error;
  });

  app.get(
    "/calendar/lunar",
    {
      schema: {
        tags: ["calendar"],
        summary: "Đổi ngày dương lịch sang âm lịch Việt Nam (UTC+7) / Vietnamese lunar date of a solar date",
        querystring: LunarQuery,
        response: { 200: LunarDateResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { year, month, day, leap } = solarToLunar(parseLocalDate(request.query.date));
      reply.header("cache-control", IMMUTABLE);
      return { year, month, day, leap };
    },
  );

  app.get(
    "/calendar/lunar-months",
    {
      schema: {
        tags: ["calendar"],
        summary: "Các tháng âm lịch trong một năm dương lịch / The lunar months that overlap a solar year",
        querystring: LunarMonthsQuery,
        response: { 200: LunarMonthsResponse, ...errors },
      },
    },
    async (request, reply) => {
      const items = lunarMonthsOf(Number(request.query.year));
      reply.header("cache-control", IMMUTABLE);
      return { items };
    },
  );

  app.get(
    "/calendar/holidays",
    {
      schema: {
        tags: ["calendar"],
        summary:
          "Ngày nghỉ lễ, tết, nghỉ bù, hoán đổi và ngày làm bù của một năm / Days off and worked weekend days of a year",
        description:
          "Every day off that is not a Saturday or Sunday, with its legal source, plus the weekend days worked instead (working: true). With unit, the decisions for that unit and the units above it apply too.",
        querystring: HolidaysQuery,
        response: { 200: HolidaysResponse, ...errors },
      },
    },
    async (request) => {
      const year = Number(request.query.year);
      const calendar = await calendarFor(db, request.query.unit ?? null);
      return { items: holidaysForYear(year, calendar.decisions, calendar.unitCodes) };
    },
  );

  app.get(
    "/calendar/deadline",
    {
      schema: {
        tags: ["calendar"],
        summary: "Tính thời hạn theo ngày/giờ làm việc / Due instant after N working days or hours",
        description:
          "The due instant (+07:00) of a dossier received at `from`, as the dossier machine computes it. N working days (Civil Code art. 147–148): the reception's day is not counted, the limit ends when the unit's N-th following working day closes (17:00 by default). sameDay=true: the close of the reception's working day, or of the next one when received after 15:00 or on a day off. Working hours run from `from` (from the next working morning with cutoff=true after 15:00). explain=true lists the days skipped and why.",
        querystring: DeadlineQuery,
        response: { 200: DeadlineResponse, ...errors },
      },
    },
    async (request) => {
      const query = request.query;
      const from = instantParam(query.from);
      const duration = durationOf(query);
      const legal = isLegalPeriod(duration);
      const applyCutoff =
        query.cutoff === undefined ? !("workingHours" in duration) : query.cutoff === "true";
      const calendar = await calendarFor(db, query.unit ?? null);
      // A legal period is counted one way only, whatever `cutoff` says: the reception's hour changes nothing for
      // N working days (art. 147: counted from the next day), and the same-day rule is itself the 15:00 cutoff.
      const due = legal
        ? legalDue(calendar, from, duration).due
        : computeDue(calendar, from, duration as Duration, { applyCutoff }).due;
      const body: DeadlineBody = { due: formatInstant(due) };
      if (query.explain === "true") body.explanation = explainDeadline(calendar, from, due, { applyCutoff });
      return body;
    },
  );

  app.get(
    "/calendar/working-time",
    {
      schema: {
        tags: ["calendar"],
        summary: "Thời gian làm việc giữa hai thời điểm / Working time between two instants",
        description: "Negative when `to` is before `from`.",
        querystring: WorkingTimeQuery,
        response: { 200: WorkingTimeResponse, ...errors },
      },
    },
    async (request) => {
      const from = instantParam(request.query.from);
      const to = instantParam(request.query.to);
      const calendar = await calendarFor(db, request.query.unit ?? null);
      const ms = workingTimeBetween(calendar, from, to);
      return {
        from: formatInstant(from),
        to: formatInstant(to),
        milliseconds: ms,
        hours: ms / MS_PER_HOUR,
        workingDays: ms / calendar.dailyMs,
      };
    },
  );

  await app.register(decisionRoutes);
};
