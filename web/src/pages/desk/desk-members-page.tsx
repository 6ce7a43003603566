import { type FormEvent, useRef, useState } from "react";
import { FIELDS } from "../../../../src/domain/catalog/fields.ts";
import { Alert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { deskApi, type MemberT } from "../../desk-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { apiFieldErrors, type FieldErrors, focusFirstInvalid } from "../../lib/form-errors.ts";
import { todayLocal } from "./desk-dates.ts";
import { dmy, fieldLabel } from "./roster-table.tsx";
import { UnitPicker, useDesk } from "./use-desk.tsx";
import "./desk.css";

type Role = MemberT["role"];

/** The title of a role under the desk's model: chairman's desk (2018) or the service centre's director (2025). */
function useRoleLabel(model: "2018" | "2025" | undefined) {
  const { t } = useI18n();
  return (role: Role) =>
    role === "officer"
      ? t("desk.role.officer")
      : t(
          model === "2025"
            ? role === "head"
              ? "desk.role.head2025"
              : "desk.role.deputy2025"
            : `desk.role.${role}`,
        );
}

/**
 * Thành viên Bộ phận Một cửa: who is in post (role, title, fields, counter, phone, secondment), with the history of
 * ended and changed positions. A change of position is a new row that ends the old one (POST …/desk/members with
 * `replaces`); ending a secondment or a post is POST …/members/{id}/end.
 */
export function DeskMembersPage() {
  const { t, lang } = useI18n();
  const desk = useDesk();
  const [editing, setEditing] = useState<{ replaces: MemberT | null } | null>(null);
  const [ending, setEnding] = useState<MemberT | null>(null);
  const [notice, setNotice] = useState<string>();
  const roleLabel = useRoleLabel(desk.desk?.profile?.model);
  const members = desk.desk?.members ?? [];
  const current = members.filter((m) => m.endsOn === null);
  const past = members.filter((m) => m.endsOn !== null);

  const row = (m: MemberT, actions: boolean) => (
    <tr key={m.id} data-member={m.fullName}>
      <th scope="row">{m.fullName}</th>
      <td>
        {roleLabel(m.role)}
        <br />
        <span className="muted">{m.title}</span>
      </td>
      <td>{m.fields.map((f) => fieldLabel(f, lang)).join(", ") || "—"}</td>
      <td>{m.counter ?? "—"}</td>
      <td>{m.phone ?? "—"}</td>
      <td>
        {m.endsOn
          ? t("da.members.fromTo", { from: dmy(m.startsOn), to: dmy(m.endsOn) })
          : t("da.members.since", { from: dmy(m.startsOn) })}
        {m.secondedFrom ? (
          <>
            <br />
            <span className="muted">
              {t("desk.seconded")}:{" "}
              {m.secondedTo
                ? t("da.members.fromTo", { from: dmy(m.secondedFrom), to: dmy(m.secondedTo) })
                : t("da.members.since", { from: dmy(m.secondedFrom) })}
            </span>
          </>
        ) : null}
      </td>
      {actions ? (
        <td>
          <div className="button-row">
            <button
              type="button"
              className="button button-small"
              onClick={() => setEditing({ replaces: m })}
              aria-label={t("da.members.changeOf", { name: m.fullName })}
            >
              {t("da.members.change")}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => setEnding(m)}
              aria-label={t("da.members.endOf", { name: m.fullName })}
            >
              {t("da.members.end")}
            </button>
          </div>
        </td>
      ) : null}
    </tr>
  );

  const table = (list: MemberT[], actions: boolean, caption: string, testId: string) => (
    <div className="table-wrap">
      <table className="table desk-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("desk.name")}</th>
            <th scope="col">{t("da.members.role")}</th>
            <th scope="col">{t("desk.fields")}</th>
            <th scope="col">{t("desk.counter")}</th>
            <th scope="col">{t("desk.phone")}</th>
            <th scope="col">{t("da.members.period")}</th>
            {actions ? <th scope="col">{t("common.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>{list.map((m) => row(m, actions))}</tbody>
      </table>
    </div>
  );

  return (
    <div className="container">
      <PageHeading title={t("da.members.title")} lead={t("da.members.lead")} />
      <UnitPicker desk={desk} />
      {desk.error ? <Alert kind="error">{desk.error}</Alert> : null}
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <section className="desk-section" aria-labelledby="da-current">
        <div className="desk-section-head">
          <h2 id="da-current">{t("da.members.current")}</h2>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setEditing({ replaces: null })}
          >
            {t("da.members.add")}
          </button>
        </div>
        {current.length ? (
          table(current, true, t("da.members.current"), "desk-members-current")
        ) : (
          <p className="muted">{t("da.members.none")}</p>
        )}
      </section>
      <section className="desk-section" aria-labelledby="da-history">
        <h2 id="da-history">{t("da.members.history")}</h2>
        {past.length ? (
          table(past, false, t("da.members.history"), "desk-members-history")
        ) : (
          <p className="muted">{t("da.members.historyNone")}</p>
        )}
      </section>
      {editing ? (
        <MemberDialog
          unitId={desk.unitId}
          replaces={editing.replaces}
          roleLabel={roleLabel}
          onClose={() => setEditing(null)}
          onSaved={(m) => {
            setEditing(null);
            setNotice(t("da.members.added", { name: m.fullName }));
            void desk.reload();
          }}
        />
      ) : null}
      {ending ? (
        <EndDialog
          unitId={desk.unitId}
          member={ending}
          onClose={() => setEnding(null)}
          onSaved={(m) => {
            setEnding(null);
            setNotice(t("da.members.ended", { name: m.fullName, date: dmy(m.endsOn ?? "") }));
            void desk.reload();
          }}
        />
      ) : null}
    </div>
  );
}

const blank = (s: string) => (s.trim() === "" ? null : s.trim());

const MEMBER_FIELDS = [
  "fullName",
  "title",
  "counter",
  "phone",
  "email",
  "secondedFrom",
  "secondedTo",
  "startsOn",
  "replaces",
] as const;
type MemberField = (typeof MEMBER_FIELDS)[number];

function MemberDialog({
  unitId,
  replaces,
  roleLabel,
  onClose,
  onSaved,
}: {
  unitId: string;
  replaces: MemberT | null;
  roleLabel: (role: Role) => string;
  onClose: () => void;
  onSaved: (m: MemberT) => void;
}) {
  const { t, lang } = useI18n();
  const [fullName, setFullName] = useState(replaces?.fullName ?? "");
  const [role, setRole] = useState<Role>(replaces?.role ?? "officer");
  const [title, setTitle] = useState(replaces?.title ?? "");
  const [fields, setFields] = useState<string[]>(replaces?.fields ?? []);
  const [counter, setCounter] = useState(replaces?.counter ? String(replaces.counter) : "");
  const [phone, setPhone] = useState(replaces?.phone ?? "");
  const [email, setEmail] = useState("");
  const [secondedFrom, setSecondedFrom] = useState(replaces?.secondedFrom ?? "");
  const [secondedTo, setSecondedTo] = useState(replaces?.secondedTo ?? "");
  const [startsOn, setStartsOn] = useState(todayLocal());
  const [errors, setErrors] = useState<FieldErrors<MemberField>>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      onSaved(
        await deskApi.addMember(unitId, {
          staffId: replaces?.staffId ?? null,
          fullName: fullName.trim(),
          role,
          title: title.trim(),
          fields,
          counter: counter ? Number(counter) : null,
          phone: blank(phone),
          email: blank(email),
          secondedFrom: blank(secondedFrom),
          secondedTo: blank(secondedTo),
          startsOn,
          replaces: replaces?.id ?? null,
        }),
      );
    } catch (e) {
      const found = apiFieldErrors(e, MEMBER_FIELDS, lang, t);
      // The position replaced is not a field of the form: its refusal concerns the start date.
      if (found.replaces) found.startsOn = t("da.members.changeHint");
      setErrors(found);
      focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={replaces ? t("da.members.changeOf", { name: replaces.fullName }) : t("da.members.add")}
      onClose={onClose}
      wide
    >
      {errors.form ? <Alert kind="error">{errors.form}</Alert> : null}
      <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate>
        {replaces ? <p className="muted">{t("da.members.changeHint")}</p> : null}
        <div className="form-grid">
          <TextField
            error={errors.fullName}
            label={t("desk.name")}
            required
            value={fullName}
            onChange={(e) => setFullName(e.target.value)}
          />
          <SelectField
            label={t("da.members.role")}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {(["head", "deputy", "officer"] as const).map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </SelectField>
          <TextField
            error={errors.title}
            label={t("desk.title")}
            required
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <TextField
            error={errors.counter}
            label={t("desk.counter")}
            type="number"
            inputMode="numeric"
            min={1}
            max={99}
            value={counter}
            onChange={(e) => setCounter(e.target.value)}
          />
          <TextField
            error={errors.phone}
            label={t("desk.phone")}
            type="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
          <TextField
            error={errors.email}
            label={t("da.members.email")}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            error={errors.secondedFrom}
            label={t("da.members.secondedFrom")}
            type="date"
            value={secondedFrom}
            onChange={(e) => setSecondedFrom(e.target.value)}
          />
          <TextField
            error={errors.secondedTo}
            label={t("da.members.secondedTo")}
            type="date"
            value={secondedTo}
            onChange={(e) => setSecondedTo(e.target.value)}
          />
          <TextField
            error={errors.startsOn}
            label={t("da.members.startsOn")}
            type="date"
            required
            value={startsOn}
            onChange={(e) => setStartsOn(e.target.value)}
          />
        </div>
        <fieldset className="fieldset">
          <legend className="field-label">{t("desk.fields")}</legend>
          <div className="checkbox-grid">
            {FIELDS.map((f) => (
              <label key={f.code} className="checkbox">
                <input
                  type="checkbox"
                  checked={fields.includes(f.code)}
                  onChange={(e) =>
                    setFields((now) =>
                      e.target.checked ? [...now, f.code] : now.filter((c) => c !== f.code),
                    )
                  }
                />
                <span>{lang === "vi" ? f.nameVi : f.nameEn}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("da.members.submit")}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function EndDialog({
  unitId,
  member,
  onClose,
  onSaved,
}: {
  unitId: string;
  member: MemberT;
  onClose: () => void;
  onSaved: (m: MemberT) => void;
}) {
  const { t, lang } = useI18n();
  const [endsOn, setEndsOn] = useState(member.secondedTo ?? todayLocal());
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onSaved(await deskApi.endMember(unitId, member.id, endsOn));
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  return (
    <Dialog title={t("da.members.endOf", { name: member.fullName })} onClose={onClose}>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <form className="form" onSubmit={(e) => void submit(e)}>
        <TextField
          label={t("da.members.endsOn")}
          hint={t("da.members.endHint")}
          type="date"
          required
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("da.members.end")}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
