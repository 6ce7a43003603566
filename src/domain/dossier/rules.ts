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
 * of receipt; the processing time then restarts from zero when the complete dossier arrives.
 * NĐ 61/2018 art. 18 [V, from DOMAIN.md]; kept by NĐ 118/2025 art. 19(5) [V].
 */
export const SUPPLEMENT_WINDOW_WORKING_DAYS = 3;

/**
 * Everything missing is asked for at once ("đầy đủ một lần"): one supplement request after acceptance.
 * Forms 02 of TT 01/2018/TT-VPCP and TT 03/2025/TT-VPCP list every item with its reason [V].
 */
export const MAX_SUPPLEMENT_REQUESTS_AFTER_ACCEPTANCE = 1;

/**
 * A dossier not completed 15 days after a supplement request is closed. New in NĐ 118/2025 [V per DOMAIN.md;
 * the article number was not re-read here]. "Ngày" without "làm việc" counts calendar days in Vietnamese law, so
 * the limit is 15 calendar days from the request, ending at the same local time.
 */
export const INCOMPLETE_CLOSE_CALENDAR_DAYS = 15;

/**
 * A body that will miss the due date apologises in writing, with the reason and a new date, at least one day
 * before the due date; the date may be moved only once; the dossier is still counted late.
 * NĐ 61/2018 art. 18 [V, from DOMAIN.md]; kept by NĐ 118/2025 art. 19(6) [V].
 */
export const APOLOGY_MIN_DAYS_BEFORE_DUE = 1;
export const MAX_RESCHEDULES = 1;

/**
 * An online dossier alerts staff within 2 hours and is accepted or sent back for correction within 8 working
 * hours. New in NĐ 118/2025 [V per DOMAIN.md; article not re-read]. These are duties of the desk, not guards: a
 * late acceptance is still an acceptance, so the machine emits them as deadlines for the inbox to flag.
 */
export const ONLINE_ALERT_HOURS = 2;
export const ONLINE_ACCEPTANCE_WORKING_HOURS = 8;

/** Milliseconds in a calendar day (Vietnam has no daylight saving, so every local day has 24 hours). */
export const MS_PER_CALENDAR_DAY = 86_400_000;
