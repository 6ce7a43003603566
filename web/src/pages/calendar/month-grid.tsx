import type { KeyboardEvent } from "react";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import type { DayCell, MonthModel } from "./year-model.ts";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The id of a holiday's entry in the list under the grids; the day's link points there. */
export function holidayAnchor(date: string): string {
  return `holiday-${date}`;
}

/** One month as a table: a row per week, Monday first; each day with its lunar day/month. */
export function MonthGrid({ year, model, today }: { year: number; model: MonthModel; today: string }) {
  const { t } = useI18n();
  const monthName = t(`calendar.month.${model.month}` as MessageKey);
  return (
    <table className="cal-month">
      <caption>{t("calendar.monthCaption", { month: model.month, monthName, year })}</caption>
      <thead>
        <tr>
          {WEEKDAYS.map((w) => (
            <th key={w} scope="col" className={w >= 6 ? "cal-weekend" : undefined}>
              <abbr title={t(`weekday.${w}` as MessageKey)}>
                {t(`calendar.weekdayShort.${w}` as MessageKey)}
              </abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {model.weeks.map((week) => (
          <tr key={week.find((d) => d)?.date}>
            {week.map((cell, i) =>
              cell ? (
                <Day key={cell.date} cell={cell} today={today} />
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: padding cells have no identity but their place
                <td key={`pad-${i}`} className="cal-pad" />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Day({ cell, today }: { cell: DayCell; today: string }) {
  const { t, lang } = useI18n();
  const holiday = cell.holiday;
  const weekend = cell.weekday >= 6;
  const off = holiday ? holiday.working !== true : weekend;
  const classes = ["cal-day"];
  if (weekend) classes.push("cal-weekend");
  if (holiday) classes.push(holiday.working ? "is-working" : "is-holiday");
  else if (off) classes.push("is-rest");
  if (cell.date === today) classes.push("is-today");
  const lunar = cell.lunar;
  if (lunar?.day === 1) classes.push("is-lunar-first");

  const lunarText = lunar
    ? `${lunar.day}/${lunar.month}${lunar.leap ? t("calendar.lunarLeapShort") : ""}`
    : "";
  const lunarSpoken = lunar
    ? lunar.day === 1
      ? t("calendar.lunarFirst", {
          month: `${lunar.month}${lunar.leap ? ` ${t("calendar.lunarLeap")}` : ""}`,
        })
      : t("calendar.lunarDate", {
          day: lunar.day,
          month: `${lunar.month}${lunar.leap ? ` ${t("calendar.lunarLeap")}` : ""}`,
        })
    : "";
  const content = (
    <>
      <span className="cal-solar">{cell.dayOfMonth}</span>
      {lunar ? (
        <span className="cal-lunar">
          <span aria-hidden="true">{lunarText}</span>
          <span className="visually-hidden">, {lunarSpoken}</span>
        </span>
      ) : null}
      {cell.date === today ? <span className="visually-hidden">, {t("calendar.today")}</span> : null}
    </>
  );

  if (!holiday) {
    return (
      <td className={classes.join(" ")} aria-current={cell.date === today ? "date" : undefined}>
        {content}
      </td>
    );
  }
  const tipId = `tip-${cell.date}`;
  const name = lang === "en" ? holiday.nameEn : holiday.name;
  function dismiss(event: KeyboardEvent<HTMLAnchorElement>) {
    // Escape hides the name shown on focus (WCAG 1.4.13).
    if (event.key === "Escape") event.currentTarget.blur();
  }
  return (
    <td className={classes.join(" ")} aria-current={cell.date === today ? "date" : undefined}>
      <a
        href={`#${holidayAnchor(cell.date)}`}
        className="cal-day-link"
        aria-describedby={tipId}
        onKeyDown={dismiss}
        data-date={cell.date}
      >
        {content}
      </a>
      <span
        role="tooltip"
        id={tipId}
        className={
          cell.weekday <= 2 ? "cal-tip cal-tip-start" : cell.weekday >= 6 ? "cal-tip cal-tip-end" : "cal-tip"
        }
      >
        {holiday.working ? `${t("calendar.list.working")}: ` : ""}
        {name}
      </span>
    </td>
  );
}
