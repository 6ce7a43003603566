import { type FormEvent, useRef, useState } from "react";
import { StaffInput, StaffUpdate } from "../../../../src/contracts/staff.ts";
import { ApiError, api, type Staff, type StaffCreateBody, type StaffUpdateBody } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import {
  apiFieldErrors,
  type FieldErrors,
  focusFirstInvalid,
  zodFieldErrors,
} from "../../lib/form-errors.ts";
import type { StaffRole } from "../../lib/labels.ts";
import { isStrongPassword, PASSWORD_MIN_LENGTH, temporaryPassword } from "../../lib/passwords.ts";
import { RoleCheckboxes } from "./role-checkboxes.tsx";

const FIELDS = [
  "unitId",
  "username",
  "fullName",
  "position",
  "email",
  "phone",
  "roles",
  "password",
  "active",
] as const;
type Field = (typeof FIELDS)[number];

const HINTS: Partial<Record<Field, MessageKey>> = {
  username: "staff.username.hint",
  phone: "unit.phone.hint",
  email: "unit.email.hint",
};

export interface UnitOption {
  id: string;
  label: string;
}

type Mode = { kind: "create"; unitId: string } | { kind: "edit"; staff: Staff };

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** Create a staff account with roles and a temporary password, or edit one's details, roles and status. */
export function StaffFormDialog({
  mode,
  units,
  allowSystemAdmin,
  onClose,
  onSaved,
}: {
  mode: Mode;
  units: readonly UnitOption[];
  allowSystemAdmin: boolean;
  onClose: () => void;
  onSaved: (staff: Staff, temporaryPassword: string | null) => void;
}) {
  const { t, lang } = useI18n();
  const [base, setBase] = useState<Staff | null>(mode.kind === "edit" ? mode.staff : null);
  const [unitId, setUnitId] = useState(mode.kind === "create" ? mode.unitId : (base?.unitId ?? ""));
  const [username, setUsername] = useState(base?.username ?? "");
  const [fullName, setFullName] = useState(base?.fullName ?? "");
  const [position, setPosition] = useState(base?.position ?? "");
  const [email, setEmail] = useState(base?.email ?? "");
  const [phone, setPhone] = useState(base?.phone ?? "");
  const [roles, setRoles] = useState<StaffRole[]>(base?.roles ?? []);
  const [active, setActive] = useState(base?.active ?? true);
  const [password, setPassword] = useState(() => (mode.kind === "create" ? temporaryPassword() : ""));
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  function fail(found: FieldErrors<Field>) {
    setErrors(found);
    focusFirstInvalid(formRef.current);
  }

  function load(staff: Staff) {
    setBase(staff);
    setFullName(staff.fullName);
    setPosition(staff.position ?? "");
    setEmail(staff.email ?? "");
    setPhone(staff.phone ?? "");
    setRoles(staff.roles);
    setActive(staff.active);
  }

  async function reload() {
    if (!base) return;
    try {
      load(await api.staff.get(base.id));
      setConflict(false);
      setErrors({});
    } catch (error) {
      fail(apiFieldErrors(error, FIELDS, lang, t));
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const common = {
      fullName: fullName.trim(),
      position: orNull(position),
      email: orNull(email),
      phone: orNull(phone),
      roles,
    };
    const body: StaffCreateBody | StaffUpdateBody = base
      ? { version: base.version, ...common, active }
      : { unitId, username: username.trim().toLowerCase(), password, ...common };
    const parsed = base ? StaffUpdate.safeParse(body) : StaffInput.safeParse(body);
    const found: FieldErrors<Field> = parsed.success ? {} : zodFieldErrors(parsed.error, FIELDS, t, HINTS);
    if (roles.length === 0) found.roles = t("staff.roles.required");
    if (!base && !isStrongPassword(password))
      found.password = t("password.rule", { min: PASSWORD_MIN_LENGTH });
    if (Object.keys(found).length > 0) {
      fail(found);
      return;
    }
    setBusy(true);
    setErrors({});
    setConflict(false);
    try {
      const saved = base
        ? await api.staff.update(base.id, body as StaffUpdateBody)
        : await api.staff.create(body as StaffCreateBody);
      onSaved(saved, base ? null : password);
    } catch (error) {
      if (error instanceof ApiError && error.code === "CONFLICT") setConflict(true);
      else
        fail(
          apiFieldErrors(error, FIELDS, lang, t, { USERNAME_TAKEN: "username", WEAK_PASSWORD: "password" }),
        );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={base ? t("staff.edit.title", { name: base.fullName }) : t("staff.create.title")}
      onClose={onClose}
      wide
    >
      {conflict ? (
        <Alert kind="error" title={t("conflict.title")}>
          <p>{t("conflict.text")}</p>
          <button type="button" className="button" onClick={reload}>
            {t("conflict.reload")}
          </button>
        </Alert>
      ) : null}
      {errors.form ? <Alert kind="error">{errors.form}</Alert> : null}
      <form ref={formRef} onSubmit={submit} noValidate className="form">
        <div className="form-grid">
          {base ? (
            <>
              <div className="field">
                <p className="field-label">{t("staff.username")}</p>
                <p className="code">{base.username}</p>
              </div>
              <div className="field">
                <p className="field-label">{t("staff.unit")}</p>
                <p>{base.unitName}</p>
              </div>
            </>
          ) : (
            <>
              <SelectField
                label={t("staff.unit")}
                required
                value={unitId}
                onChange={(e) => setUnitId(e.target.value)}
                error={errors.unitId}
              >
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.label}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t("staff.username")}
                hint={t("staff.username.hint")}
                required
                autoCapitalize="none"
                spellCheck={false}
                autoComplete="off"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                error={errors.username}
              />
            </>
          )}
          <TextField
            label={t("staff.fullName")}
            required
            value={fullName}
            onChange={(e) => setFullName(e.target.value)}
            error={errors.fullName}
          />
          <TextField
            label={t("staff.position")}
            value={position}
            onChange={(e) => setPosition(e.target.value)}
            error={errors.position}
          />
          <TextField
            label={t("unit.email")}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.email}
          />
          <TextField
            label={t("unit.phone")}
            type="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            error={errors.phone}
          />
        </div>
        <RoleCheckboxes
          value={roles}
          onChange={setRoles}
          allowSystemAdmin={allowSystemAdmin}
          error={errors.roles}
        />
        {base ? (
          <label className="checkbox">
            <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
            <span>{t("staff.active.label")}</span>
          </label>
        ) : (
          <PasswordWithGenerator value={password} onChange={setPassword} error={errors.password} />
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {base ? t("common.save") : t("staff.create.submit")}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function PasswordWithGenerator({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <div className="with-button">
      <TextField
        label={t("staff.tempPassword")}
        hint={t("staff.tempPassword.hint", { min: PASSWORD_MIN_LENGTH })}
        required
        autoComplete="off"
        spellCheck={false}
        className="input code"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
      />
      <button type="button" className="button" onClick={() => onChange(temporaryPassword())}>
        {t("staff.tempPassword.generate")}
      </button>
    </div>
  );
}
