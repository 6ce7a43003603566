import { type FormEvent, useCallback, useEffect, useState } from "react";
import { FIELDS } from "../../../../src/domain/catalog/fields.ts";
import { Alert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { deskApi, type MemberT, type RosterWeekT } from "../../desk-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { addDays, todayLocal } from "./desk-dates.ts";
import { dmy, fieldLabel, RosterTable, WEEKDAYS_EN, WEEKDAYS_VI } from "./roster-table.tsx";
import { UnitPicker, useDesk } from "./use-desk.tsx";
import "./desk.css";

type Session = "morning" | "afternoon";

/**
 * Lịch trực: one week as it will be posted (built from the weekly duties, the members in post, the absences and
 * swaps and the unit's working calendar), the warning when a field has nobody on duty on a working day, and the
 * forms that change it — a weekly duty at a counter (POST …/desk/duties) and an absence or a swap on one date
 * (POST …/desk/roster-changes), ending or removing one weekly duty (POST …/desk/duties/{id}/end) and a duty on a
 * day off such as Tết (POST …/desk/holiday-duties, cancelled by …/cancel), each of which tells the people concerned.
 */
export function DeskRosterPage() {
  const { t, lang } = useI18n();
  const desk = useDesk();
  const [weekOf, setWeekOf] = useState(todayLocal());
  const [week, setWeek] = useState<RosterWeekT>();
  const [notice, setNotice] = useState<string>();

  const loadWeek = useCallback(async () => {
    try {
      setWeek(await deskApi.roster(desk.unitId, weekOf));
    } catch (e) {
      desk.setError(errorText(e, lang));
    }
  }, [desk.unitId, desk.setError, weekOf, lang]);
  useEffect(() => {
    void loadWeek();
  }, [loadWeek]);

  const changed = async (text: string) => {
    setNotice(text);
    await Promise.all([desk.reload(), loadWeek()]);
  };

  const members = (desk.desk?.members ?? []).filter((m) => m.endsOn === null);
  const session = (s: Session) => t(s === "morning" ? "desk.morning" : "desk.afternoon");
  const unitCode = desk.desk?.unit.code;

  return (
    <div className="container">
      <PageHeading title={t("da.roster.title")} lead={t("da.roster.lead")} />
      <UnitPicker desk={desk} />
      {desk.error ? <Alert kind="error">{desk.error}</Alert> : null}
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {week ? (
        <section className="desk-section" aria-labelledby="da-week">
          <h2 id="da-week">
            {t("desk.week", { from: dmy(week.weekStart), to: dmy(week.days[6]?.date ?? week.weekStart) })}
          </h2>
          <div className="button-row">
            <button type="button" className="button" onClick={() => setWeekOf(addDays(week.weekStart, -7))}>
              {t("desk.prevWeek")}
            </button>
            <button type="button" className="button" onClick={() => setWeekOf(addDays(week.weekStart, 7))}>
              {t("desk.nextWeek")}
            </button>
            {unitCode ? (
              <a
                className="button"
                href={deskApi.rosterPdfUrl(unitCode, week.weekStart)}
                target="_blank"
                rel="noopener"
              >
                {t("desk.roster.print")}
              </a>
            ) : null}
          </div>
          {week.warnings.length ? (
            <div data-testid="roster-warnings">
              <Alert kind="warning" title={t("desk.warnings")}>
                <ul>
                  {week.warnings.map((w) => (
                    <li key={`${w.date}-${w.field}`}>
                      {t("da.roster.gap", { date: dmy(w.date), field: fieldLabel(w.field, lang) })}
                    </li>
                  ))}
                </ul>
              </Alert>
            </div>
          ) : (
            <p className="muted">{t("desk.warnings.none")}</p>
          )}
          <div className="table-wrap">
            <RosterTable week={week} />
          </div>
          {week.days.some((d) => d.holidayDuties.length) ? (
            <ul data-testid="holiday-duty-list">
              {week.days.flatMap((d) =>
                d.holidayDuties.map((h) => (
                  <li key={h.id}>
                    {dmy(d.date)} — {t("desk.onCall", { from: h.startsAt, to: h.endsAt })},{" "}
                    {t("desk.counter")} {h.counter}: {h.memberName}{" "}
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() =>
                        void deskApi
                          .cancelHolidayDuty(desk.unitId, h.id)
                          .then(() => changed(t("da.holiday.cancelled")))
                          .catch((e: unknown) => desk.setError(errorText(e, lang)))
                      }
                    >
                      {t("da.holiday.cancel", { name: h.memberName, date: dmy(d.date) })}
                    </button>
                  </li>
                )),
              )}
            </ul>
          ) : null}
          {week.days.some((d) => d.absent.length) ? (
            <ul>
              {week.days
                .filter((d) => d.absent.length)
                .map((d) => (
                  <li key={d.date}>
                    {dmy(d.date)} —{" "}
                    {t("da.absent", {
                      list: d.absent.map((a) => `${a.memberName} (${session(a.session)})`).join(", "),
                    })}
                  </li>
                ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      <section className="desk-section" aria-labelledby="da-duties">
        <h2 id="da-duties">{t("da.duties.title")}</h2>
        {desk.desk?.duties.length ? (
          <div className="table-wrap">
            <DutyGrid duties={desk.desk.duties} />
          </div>
        ) : (
          <p className="muted">{t("da.duties.none")}</p>
        )}
        <DutyForm
          unitId={desk.unitId}
          members={members}
          defaultFrom={week?.weekStart ?? todayLocal()}
          onSaved={(text) => void changed(text)}
        />
        {desk.desk?.duties.length ? (
          <EndDutyForm
            unitId={desk.unitId}
            duties={desk.desk.duties}
            defaultDay={todayLocal()}
            onSaved={(text) => void changed(text)}
          />
        ) : null}
      </section>
      <HolidayDutyForm
        unitId={desk.unitId}
        members={members}
        defaultDate={week?.days.find((d) => !d.working)?.date ?? todayLocal()}
        onSaved={(text) => void changed(text)}
      />
      <RosterChangeForm
        unitId={desk.unitId}
        members={members}
        defaultDate={todayLocal()}
        onSaved={(text) => void changed(text)}
      />
    </div>
  );
}

type Duty = NonNullable<ReturnType<typeof useDesk>["desk"]>["duties"][number];

/** The weekly duties as they stand, one row per counter and one column per weekday (the posted schedule). */
function DutyGrid({ duties }: { duties: Duty[] }) {
  const { t, lang } = useI18n();
  const names = lang === "vi" ? WEEKDAYS_VI : WEEKDAYS_EN;
  const counters = [...new Set(duties.map((d) => d.counter))].sort((a, b) => a - b);
  const days = [1, 2, 3, 4, 5];
  return (
    <table className="table desk-table" data-testid="desk-duties">
      <caption className="visually-hidden">{t("da.duties.title")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("desk.counter")}</th>
          {days.map((d) => (
            <th key={d} scope="col">
              {names[d]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {counters.map((counter) => (
          <tr key={counter} data-counter={counter}>
            <th scope="row">
              {t("desk.counter")} {counter}
            </th>
            {days.map((day) => {
              const here = duties
                .filter((d) => d.counter === counter && d.weekday === day)
                .sort((a, b) => (a.session === b.session ? 0 : a.session === "morning" ? -1 : 1));
              return (
                <td key={day}>
                  {here.length === 0 ? (
                    "—"
                  ) : (
                    <ul className="desk-slots">
                      {here.map((d) => (
                        <li key={d.id}>
                          <span className="strong">
                            {t(d.session === "morning" ? "desk.morning" : "desk.afternoon")}:
                          </span>{" "}
                          {d.memberName}
                          {d.validTo ? (
                            <span className="muted">
                              {" "}
                              ({t("da.members.fromTo", { from: dmy(d.validFrom), to: dmy(d.validTo) })})
                            </span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DutyForm({
  unitId,
  members,
  defaultFrom,
  onSaved,
}: {
  unitId: string;
  members: MemberT[];
  defaultFrom: string;
  onSaved: (text: string) => void;
}) {
  const { t, lang } = useI18n();
  const [memberId, setMemberId] = useState("");
  const [weekdays, setWeekdays] = useState<number[]>([1]);
  const [session, setSession] = useState<Session>("morning");
  const [counter, setCounter] = useState("");
  const [validFrom, setValidFrom] = useState(defaultFrom);
  const [validTo, setValidTo] = useState("");
  const [error, setError] = useState<string>();
  const names = lang === "vi" ? WEEKDAYS_VI : WEEKDAYS_EN;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const member = members.find((m) => m.id === memberId);
    if (!member || !counter || weekdays.length === 0) {
      setError(t("form.invalid"));
      return;
    }
    try {
      // One weekly duty per day ticked: the API keeps each as its own row.
      for (const weekday of [...weekdays].sort()) {
        await deskApi.addDuty(unitId, {
          memberId,
          weekday,
          session,
          counter: Number(counter),
          validFrom,
          validTo: validTo || null,
        });
      }
      onSaved(
        t("da.duties.added", {
          weekday: [...weekdays]
            .sort()
            .map((d) => names[d])
            .join(", "),
          session: t(session === "morning" ? "desk.morning" : "desk.afternoon"),
          counter,
          name: member.fullName,
        }),
      );
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  return (
    <form className="form panel" onSubmit={(e) => void submit(e)} aria-labelledby="da-duty-add">
      <h3 id="da-duty-add">{t("da.duties.add")}</h3>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <div className="form-grid">
        <SelectField
          label={t("da.duties.member")}
          required
          value={memberId}
          onChange={(e) => {
            setMemberId(e.target.value);
            const m = members.find((x) => x.id === e.target.value);
            if (m?.counter) setCounter(String(m.counter));
          }}
        >
          <option value="">—</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.fullName} — {m.title}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("desk.counter")}
          type="number"
          inputMode="numeric"
          min={1}
          max={99}
          required
          value={counter}
          onChange={(e) => setCounter(e.target.value)}
        />
        <SelectField
          label={t("da.duties.session")}
          value={session}
          onChange={(e) => setSession(e.target.value as Session)}
        >
          <option value="morning">{t("desk.morning")}</option>
          <option value="afternoon">{t("desk.afternoon")}</option>
        </SelectField>
        <TextField
          label={t("da.duties.validFrom")}
          type="date"
          required
          value={validFrom}
          onChange={(e) => setValidFrom(e.target.value)}
        />
        <TextField
          label={t("da.duties.validTo")}
          type="date"
          value={validTo}
          onChange={(e) => setValidTo(e.target.value)}
        />
      </div>
      <fieldset className="fieldset">
        <legend className="field-label">{t("da.duties.weekday")}</legend>
        <p className="field-hint">{t("da.duties.weekdayHint")}</p>
        <div className="checkbox-grid">
          {[1, 2, 3, 4, 5].map((d) => (
            <label key={d} className="checkbox">
              <input
                type="checkbox"
                checked={weekdays.includes(d)}
                onChange={(e) =>
                  setWeekdays((now) => (e.target.checked ? [...now, d] : now.filter((x) => x !== d)))
                }
              />
              <span>{names[d]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t("da.duties.add")}
        </button>
      </div>
    </form>
  );
}

function RosterChangeForm({
  unitId,
  members,
  defaultDate,
  onSaved,
}: {
  unitId: string;
  members: MemberT[];
  defaultDate: string;
  onSaved: (text: string) => void;
}) {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<"absence" | "swap">("absence");
  const [date, setDate] = useState(defaultDate);
  const [session, setSession] = useState<Session>("morning");
  const [memberId, setMemberId] = useState("");
  const [substituteId, setSubstituteId] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const common = { date, session, memberId, reason: reason.trim() || null };
      await deskApi.addRosterChange(
        unitId,
        kind === "swap" ? { kind, ...common, substituteId } : { kind, ...common },
      );
      setReason("");
      onSaved(t("da.changes.done"));
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  const options = (
    <>
      <option value="">—</option>
      {members.map((m) => (
        <option key={m.id} value={m.id}>
          {m.fullName} — {m.title}
        </option>
      ))}
    </>
  );

  return (
    <section className="desk-section" aria-labelledby="da-changes">
      <h2 id="da-changes">{t("da.changes.title")}</h2>
      <p className="muted">{t("da.changes.lead")}</p>
      <form className="form panel" onSubmit={(e) => void submit(e)} aria-labelledby="da-changes">
        {error ? <Alert kind="error">{error}</Alert> : null}
        <div className="form-grid">
          <SelectField
            label={t("da.changes.kind")}
            value={kind}
            onChange={(e) => setKind(e.target.value as "absence" | "swap")}
          >
            <option value="absence">{t("da.changes.absence")}</option>
            <option value="swap">{t("da.changes.swap")}</option>
          </SelectField>
          <TextField
            label={t("da.changes.date")}
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
          <SelectField
            label={t("da.duties.session")}
            value={session}
            onChange={(e) => setSession(e.target.value as Session)}
          >
            <option value="morning">{t("desk.morning")}</option>
            <option value="afternoon">{t("desk.afternoon")}</option>
          </SelectField>
          <SelectField
            label={t("da.changes.member")}
            required
            value={memberId}
            onChange={(e) => setMemberId(e.target.value)}
          >
            {options}
          </SelectField>
          {kind === "swap" ? (
            <SelectField
              label={t("da.changes.substitute")}
              required
              value={substituteId}
              onChange={(e) => setSubstituteId(e.target.value)}
            >
              {options}
            </SelectField>
          ) : null}
          <TextField
            label={t("da.changes.reason")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("da.changes.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function EndDutyForm({
  unitId,
  duties,
  defaultDay,
  onSaved,
}: {
  unitId: string;
  duties: Duty[];
  defaultDay: string;
  onSaved: (text: string) => void;
}) {
  const { t, lang } = useI18n();
  const [dutyId, setDutyId] = useState("");
  const [lastDay, setLastDay] = useState(defaultDay);
  const [error, setError] = useState<string>();
  const names = lang === "vi" ? WEEKDAYS_VI : WEEKDAYS_EN;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const duty = duties.find((d) => d.id === dutyId);
    if (!duty || !lastDay) {
      setError(t("form.invalid"));
      return;
    }
    try {
      const done = await deskApi.endDuty(unitId, dutyId, lastDay);
      setDutyId("");
      onSaved(
        done.removed
          ? t("da.end.removed", { name: duty.memberName })
          : t("da.end.ended", { name: duty.memberName, date: dmy(lastDay) }),
      );
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  return (
    <form className="form panel" onSubmit={(e) => void submit(e)} aria-labelledby="da-duty-end">
      <h3 id="da-duty-end">{t("da.end.title")}</h3>
      <p className="muted">{t("da.end.lead")}</p>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <div className="form-grid">
        <SelectField
          label={t("da.end.duty")}
          required
          value={dutyId}
          onChange={(e) => setDutyId(e.target.value)}
        >
          <option value="">—</option>
          {duties.map((d) => (
            <option key={d.id} value={d.id}>
              {names[d.weekday]}, {t(d.session === "morning" ? "desk.morning" : "desk.afternoon")},{" "}
              {t("desk.counter")} {d.counter} — {d.memberName}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("da.end.lastDay")}
          type="date"
          required
          value={lastDay}
          onChange={(e) => setLastDay(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t("da.end.submit")}
        </button>
      </div>
    </form>
  );
}

function HolidayDutyForm({
  unitId,
  members,
  defaultDate,
  onSaved,
}: {
  unitId: string;
  members: MemberT[];
  defaultDate: string;
  onSaved: (text: string) => void;
}) {
  const { t, lang } = useI18n();
  const [date, setDate] = useState(defaultDate);
  const [memberId, setMemberId] = useState("");
  const [counter, setCounter] = useState("");
  const [field, setField] = useState("");
  const [startsAt, setStartsAt] = useState("07:30");
  const [endsAt, setEndsAt] = useState("11:30");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string>();
  useEffect(() => setDate(defaultDate), [defaultDate]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const member = members.find((m) => m.id === memberId);
    if (!member || !counter) {
      setError(t("form.invalid"));
      return;
    }
    try {
      await deskApi.addHolidayDuty(unitId, {
        date,
        memberId,
        counter: Number(counter),
        field: field || null,
        startsAt,
        endsAt,
        note: note.trim() || null,
      });
      setNote("");
      onSaved(
        t("da.holiday.added", {
          name: member.fullName,
          date: dmy(date),
          from: startsAt,
          to: endsAt,
          counter,
        }),
      );
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  return (
    <section className="desk-section" aria-labelledby="da-holiday">
      <h2 id="da-holiday">{t("da.holiday.title")}</h2>
      <p className="muted">{t("da.holiday.lead")}</p>
      <form className="form panel" onSubmit={(e) => void submit(e)} aria-labelledby="da-holiday">
        {error ? <Alert kind="error">{error}</Alert> : null}
        <div className="form-grid">
          <TextField
            label={t("da.holiday.date")}
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
          <SelectField
            label={t("da.holiday.member")}
            required
            value={memberId}
            onChange={(e) => {
              setMemberId(e.target.value);
              const m = members.find((x) => x.id === e.target.value);
              if (m?.counter) setCounter(String(m.counter));
              if (m?.fields[0]) setField(m.fields[0]);
            }}
          >
            <option value="">—</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.fullName} — {m.title}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("da.holiday.counter")}
            type="number"
            inputMode="numeric"
            min={1}
            max={99}
            required
            value={counter}
            onChange={(e) => setCounter(e.target.value)}
          />
          <SelectField label={t("da.holiday.field")} value={field} onChange={(e) => setField(e.target.value)}>
            <option value="">{t("da.holiday.anyField")}</option>
            {FIELDS.map((f) => (
              <option key={f.code} value={f.code}>
                {lang === "vi" ? f.nameVi : f.nameEn}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("da.holiday.from")}
            type="time"
            required
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
          />
          <TextField
            label={t("da.holiday.to")}
            type="time"
            required
            value={endsAt}
            onChange={(e) => setEndsAt(e.target.value)}
          />
          <TextField label={t("da.holiday.note")} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("da.holiday.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
