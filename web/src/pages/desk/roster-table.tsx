import { FIELDS } from "../../../../src/domain/catalog/fields.ts";
import type { RosterWeekT } from "../../desk-api.ts";
import { useI18n } from "../../i18n/index.tsx";

export const WEEKDAYS_VI = ["", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"];
export const WEEKDAYS_EN = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export const dmy = (iso: string) => iso.split("-").reverse().join("/");

export function fieldLabel(code: string, lang: "vi" | "en"): string {
  const field = FIELDS.find((f) => f.code === code);
  return field ? (lang === "vi" ? field.nameVi : field.nameEn) : code;
}

/**
 * The week's duties, one row per day; a day off names the holiday, spans both sessions and lists the duties dated
 * for it (on call during Tết, say) with their hours.
 */
export function RosterTable({ week }: { week: RosterWeekT }) {
  const { t, lang } = useI18n();
  const cell = (day: RosterWeekT["days"][number], session: "morning" | "afternoon") => {
    const slots = day.slots.filter((s) => s.session === session);
    if (slots.length === 0) return "—";
    return (
      <ul className="desk-slots">
        {slots.map((s) => (
          <li key={`${s.counter}-${s.memberId}`}>
            <span className="strong">
              {t("desk.counter")} {s.counter}:
            </span>{" "}
            {s.memberName}
            {s.standsInFor ? ` (${t("desk.standsIn", { name: s.standsInFor.memberName })})` : ""}
            {s.fields.length ? (
              <span className="muted"> — {s.fields.map((f) => fieldLabel(f, lang)).join(", ")}</span>
            ) : null}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <table className="table desk-roster" data-testid="desk-roster">
      <caption className="visually-hidden">
        {t("desk.week", { from: dmy(week.weekStart), to: dmy(week.days[6]?.date ?? week.weekStart) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t("desk.day")}</th>
          <th scope="col">{t("desk.morning")}</th>
          <th scope="col">{t("desk.afternoon")}</th>
        </tr>
      </thead>
      <tbody>
        {week.days.map((day) => (
          <tr key={day.date} data-date={day.date} className={day.working ? undefined : "desk-day-off"}>
            <th scope="row">
              {(lang === "vi" ? WEEKDAYS_VI : WEEKDAYS_EN)[day.weekday]} {dmy(day.date)}
            </th>
            {day.working ? (
              <>
                <td>{cell(day, "morning")}</td>
                <td>{cell(day, "afternoon")}</td>
              </>
            ) : (
              <td colSpan={2}>
                {t("desk.dayOff")}
                {day.note ? `: ${lang === "vi" ? day.note.name : day.note.nameEn}` : ""}
                {day.holidayDuties.length ? (
                  <ul className="desk-slots" data-testid="holiday-duties">
                    {day.holidayDuties.map((d) => (
                      <li key={d.id}>
                        <span className="strong">
                          {t("desk.onCall", { from: d.startsAt, to: d.endsAt })}, {t("desk.counter")}{" "}
                          {d.counter}:
                        </span>{" "}
                        {d.memberName}
                        {d.field ? <span className="muted"> — {fieldLabel(d.field, lang)}</span> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
