/**
 * The legal limits the dossier state machine enforces, each with the text that sets it. Tags as in
 * ../shared/DOMAIN.md: [V] read in the legal text (by the project), [S] secondary source, [?] not confirmed.
 *
 * NĐ 61/2018/NĐ-CP (from 21/06/2018) governed dossiers until 30/06/2025; NĐ 118/2025/NĐ-CP replaced it from
 * 01/07/2025 (art. 40) [V]. The limits below are the same under both texts unless a comment says otherwise, so
 * one machine serves dossiers of both periods; the forms differ and are chosen in src/pdf/forms by reception date.
 */

/**
 * A processing body that finds an accepted dossier incomplete must ask for the supplement within 3 working days
 * of receipt (NĐ 118/2025 art. 19(4)); the processing time then restarts from zero when the complete dossier
 * arrives (art. 19(5)) [V]. The same rule stood in NĐ 61/2018. The 3 days are counted by the Civil Code
 * (art. 147–148): from the day after receipt to the end of the third working day (calendar/time-limit.ts).
 */
export const SUPPLEMENT_WINDOW_WORKING_DAYS = 3;

/**
 * Everything missing is asked for at once ("đầy đủ một lần"): one supplement request after acceptance.
 * Forms 02 of TT 01/2018/TT-VPCP and TT 03/2025/TT-VPCP list every item with its reason [V].
 */
export const MAX_SUPPLEMENT_REQUESTS_AFTER_ACCEPTANCE = 1;

/**
 * A dossier not completed 15 days after the supplement notice is closed. New in NĐ 118/2025, art. 19(5) [V per
 * DOMAIN.md and issue 13's audit]. "Ngày" without "làm việc" counts calendar days; counted by the Civil Code
 * (art. 147–148) from the day after the notice, ending at 24:00 of the 15th day, or at the end of the next working
 * day when that is a day off (calendar/time-limit.ts endOfCalendarDays).
 */
export const INCOMPLETE_CLOSE_CALENDAR_DAYS = 15;

/**
 * A body that will miss the due date apologises in writing, with the reason and a new date, at least one day
 * before the due date; the date may be moved only once; the dossier is still counted late. NĐ 118/2025
 * art. 19(6) [V]; the same rule stood in NĐ 61/2018. Choice where the text is silent: an apology after that day
 * (even after the due date) is still owed and accepted; it is recorded as issued late (apologyOnTime = false).
 */
export const APOLOGY_MIN_DAYS_BEFORE_DUE = 1;
export const MAX_RESCHEDULES = 1;

/**
 * An online dossier alerts staff within 2 hours and is accepted or sent back for correction within 8 working
 * hours. New in NĐ 118/2025 [V per DOMAIN.md; article not re-read]. Hours, not days: counted from the instant
 * (Civil Code art. 147(1)), so no day-counting rule applies. These are duties of the desk, not guards: a
 * late acceptance is still an acceptance, so the machine emits them as deadlines for the inbox to flag.
 */
export const ONLINE_ALERT_HOURS = 2;
export const ONLINE_ACCEPTANCE_WORKING_HOURS = 8;

/*
 * Same-day procedures (chứng thực, most civil-status registrations): due by the end of the reception's working
 * day, or of the next working day when received after 15:00 — Luật Hộ tịch 2014 art. 5(3); NĐ 23/2015 art. 7(1);
 * the 15:00 cutoff also NĐ 61/2018 art. 18(2), kept by NĐ 118/2025 art. 18(2). Counted in
 * calendar/time-limit.ts (sameDayDue), not as a number of working hours; the cutoff is the unit's working
 * schedule's `lateCutoff` (15:00 by default).
 */
