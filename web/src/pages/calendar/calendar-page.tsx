import { useEffect, useMemo, useState } from "react";
import { api, type HolidayItem, type LunarMonthT, type PublicUnitT } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { buildTree, flatten } from "../../lib/tree.ts";
import { navigate, useLocation } from "../../router.tsx";
import { holidayAnchor, MonthGrid } from "./month-grid.tsx";
import { FIRST_YEAR, LAST_YEAR, todayInVietnam, vietnameseDate, yearModel } from "./year-model.ts";

const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

interface YearData {
  year: number;
  unit: string;
  lunarMonths: LunarMonthT[];
  holidays: HolidayItem[];
}

/** The year and unit come from the address (/calendar?year=2026&unit=…), so a view can be shared. */
function useSelection(): { year: number; unit: string } {
  const { search } = useLocation();
  const today = todayInVietnam();
  const asked = Number(search.get("year"));
  const year =
    Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= LAST_YEAR ? asked : Number(today.slice(0, 4));
  return { year, unit: search.get("unit") ?? "" };
}

function select(year: number, unit: string): void {
  const params = new URLSearchParams({ year: String(year) });
  if (unit) params.set("unit", unit);
  navigate(`/calendar?${params.toString()}`, { replace: true });
}

/**
 * The public calendar: twelve month grids with the days off and make-up working days of the year (national,
 * or for a unit with its local decisions), the lunar date in every cell, and the list of those days with
 * their legal source underneath.
 */
export function CalendarPage() {
  const { t, lang } = useI18n();
  const { year, unit } = useSelection();
  const [data, setData] = useState<YearData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [units, setUnits] = useState<PublicUnitT[]>([]);
  const today = todayInVietnam();

  useEffect(() => {
    api.units.publicList().then(
      (r) => setUnits(flatten(buildTree(r.items)).map((entry) => entry.item)),
      () => setUnits([]),
    );
  }, []);

  useEffect(() => {
    let current = true;
    setError(null);
    Promise.all([api.calendar.lunarMonths(year), api.calendar.holidays(year, unit || undefined)]).then(
      ([lunar, holidays]) => {
        if (current) setData({ year, unit, lunarMonths: lunar.items, holidays: holidays.items });
      },
      (e: unknown) => {
        if (current) setError(e);
      },
    );
    return () => {
      current = false;
    };
  }, [year, unit]);

  const shown = data && data.year === year && data.unit === unit ? data : null;
  const months = useMemo(
    () => (shown ? yearModel(shown.year, shown.lunarMonths, shown.holidays) : []),
    [shown],
  );
  const depthOf = useMemo(() => {
    const byId = new Map(units.map((u) => [u.id, u]));
    return (u: PublicUnitT) => {
      let depth = 0;
      for (let p = u.parentId; p && depth < 10; p = byId.get(p)?.parentId ?? null) depth++;
      return depth;
    };
  }, [units]);

  return (
    <div className="container calendar-page">
      <PageHeading title={t("calendar.title", { year })} lead={t("calendar.lead")} />
      <section className="panel cal-controls" aria-label={t("calendar.options")}>
        <div className="cal-year-switch">
          <button
            type="button"
            className="button"
            disabled={year <= FIRST_YEAR}
            onClick={() => select(year - 1, unit)}
            aria-label={t("calendar.prevYear.aria", { year: year - 1 })}
          >
            <Icon name="chevron" className="icon-flip" />
            <span aria-hidden="true">{year - 1}</span>
          </button>
          <div className="field cal-year-field">
            <label htmlFor="cal-year">{t("calendar.year")}</label>
            <select
              id="cal-year"
              className="input"
              value={year}
              onChange={(e) => select(Number(e.target.value), unit)}
            >
              {YEARS.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button"
            disabled={year >= LAST_YEAR}
            onClick={() => select(year + 1, unit)}
            aria-label={t("calendar.nextYear.aria", { year: year + 1 })}
          >
            <span aria-hidden="true">{year + 1}</span>
            <Icon name="chevron" />
          </button>
        </div>
        <div className="field cal-unit-field">
          <label htmlFor="cal-unit">{t("calendar.unit")}</label>
          <p className="field-hint" id="cal-unit-hint">
            {t("calendar.unit.hint")}
          </p>
          <select
            id="cal-unit"
            className="input"
            value={unit}
            aria-describedby="cal-unit-hint"
            onChange={(e) => select(year, e.target.value)}
          >
            <option value="">{t("calendar.unit.national")}</option>
            {units.map((u) => (
              <option key={u.id} value={u.code}>
                {`${"\u00a0\u00a0\u00a0".repeat(depthOf(u))}${u.name}`}
              </option>
            ))}
          </select>
        </div>
      </section>

      {error ? (
        <Alert kind="error" title={t("calendar.loadError")}>
          {errorText(error, lang)}
        </Alert>
      ) : null}
      {!shown && !error ? (
        <p className="loading" role="status">
          {t("common.loading")}
        </p>
      ) : null}

      {shown ? (
        <>
          <Legend />
          <section aria-labelledby="cal-months-title">
            <h2 id="cal-months-title" className="visually-hidden">
              {t("calendar.months", { year })}
            </h2>
            <div className="cal-months">
              {months.map((m) => (
                <MonthGrid key={m.month} year={year} model={m} today={today} />
              ))}
            </div>
          </section>
          <HolidayList year={year} items={shown.holidays} />
        </>
      ) : null}
    </div>
  );
}

function Legend() {
  const { t } = useI18n();
  const entries: [string, MessageKey][] = [
    ["is-holiday", "calendar.legend.holiday"],
    ["is-working", "calendar.legend.working"],
    ["cal-weekend", "calendar.legend.weekend"],
    ["is-lunar-first", "calendar.legend.lunarFirst"],
    ["is-today", "calendar.legend.today"],
  ];
  return (
    <section className="cal-legend" aria-labelledby="cal-legend-title">
      <h2 id="cal-legend-title" className="visually-hidden">
        {t("calendar.legend")}
      </h2>
      <ul>
        {entries.map(([cls, key]) => (
          <li key={cls}>
            <span className={`cal-swatch ${cls}`} aria-hidden="true">
              {cls === "is-lunar-first" ? "1/1" : ""}
            </span>
            <span>{t(key)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

const WEEKDAY_KEYS: Record<number, MessageKey> = {
  0: "weekday.7",
  1: "weekday.1",
  2: "weekday.2",
  3: "weekday.3",
  4: "weekday.4",
  5: "weekday.5",
  6: "weekday.6",
};

function HolidayList({ year, items }: { year: number; items: HolidayItem[] }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel cal-list-panel" aria-labelledby="cal-list-title">
      <h2 id="cal-list-title">{t("calendar.list.title", { year })}</h2>
      {items.length === 0 ? <p className="muted">{t("calendar.list.empty")}</p> : null}
      <ol className="cal-list" data-testid="holiday-list">
        {items.map((item) => {
          const weekday = new Date(`${item.date}T00:00:00Z`).getUTCDay();
          return (
            <li key={item.date} id={holidayAnchor(item.date)} tabIndex={-1} className="cal-list-item">
              <p className="cal-list-date">
                <time dateTime={item.date}>
                  {t(WEEKDAY_KEYS[weekday] ?? "weekday.1")}, {vietnameseDate(item.date)}
                </time>
                <span className={item.working ? "badge badge-ok" : "badge cal-badge-off"}>
                  {item.working ? t("calendar.list.working") : t("calendar.list.dayOff")}
                </span>
              </p>
              <p className="cal-list-name">{lang === "en" ? item.nameEn : item.name}</p>
              <p className="cal-list-source small">
                {t("calendar.list.source")}: {item.source}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
