import { useI18n } from "../../i18n/index.tsx";
import { ROLE_LABELS, ROLE_ORDER, type StaffRole } from "../../lib/labels.ts";

/** The roles a staff member holds, as a group of checkboxes with one legend and one error. */
export function RoleCheckboxes({
  value,
  onChange,
  allowSystemAdmin,
  error,
}: {
  value: readonly StaffRole[];
  onChange: (roles: StaffRole[]) => void;
  allowSystemAdmin: boolean;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const roles = ROLE_ORDER.filter((r) => r !== "system_admin" || allowSystemAdmin || value.includes(r));
  return (
    <fieldset
      className={error ? "field fieldset has-error" : "field fieldset"}
      aria-describedby={error ? "roles-error" : undefined}
    >
      <legend>
        {t("staff.roles")}
        <span className="required" aria-hidden="true">
          {" "}
          *
        </span>
      </legend>
      <div className="checkbox-grid">
        {roles.map((role) => (
          <label key={role} className="checkbox">
            <input
              type="checkbox"
              name="roles"
              value={role}
              checked={value.includes(role)}
              disabled={role === "system_admin" && !allowSystemAdmin}
              aria-invalid={error ? true : undefined}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))
              }
            />
            <span>{t(ROLE_LABELS[role])}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id="roles-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
