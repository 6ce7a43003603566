import { useCallback, useEffect, useMemo, useState } from "react";
import { api, type Staff, type Unit } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { SelectField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { ROLE_LABELS, ROLE_ORDER } from "../../lib/labels.ts";
import { byVietnameseName } from "../../lib/text.ts";
import { buildTree, flatten } from "../../lib/tree.ts";
import { mayUse } from "../../nav.ts";
import { useMe } from "../../session.tsx";
import { ResetPasswordDialog } from "./reset-password-dialog.tsx";
import { StaffFormDialog, type UnitOption } from "./staff-form-dialog.tsx";

type Action = { kind: "create" } | { kind: "edit"; staff: Staff } | { kind: "reset"; staff: Staff };
type Notice = { text: string; password?: string };

/** Staff accounts of the units in scope, by unit; admins create, edit and reset them. */
export function StaffPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const canManage = mayUse(me.permissions, "staff.manage");
  const [units, setUnits] = useState<Unit[]>([]);
  const [unitId, setUnitId] = useState("");
  const [staff, setStaff] = useState<Staff[] | null>(null);
  const [loadError, setLoadError] = useState<string>();
  const [action, setActionState] = useState<Action | null>(null);
  const [notice, setNotice] = useState<Notice>();

  /** Opening an action clears the message of the previous one. */
  function setAction(next: Action | null) {
    if (next) setNotice(undefined);
    setActionState(next);
  }

  useEffect(() => {
    api.units.list().then(
      (r) => setUnits(byVietnameseName(r.items)),
      (e: unknown) => setLoadError(errorText(e, lang)),
    );
  }, [lang]);

  const load = useCallback(async () => {
    try {
      setStaff((await api.staff.list(unitId || undefined)).items);
      setLoadError(undefined);
    } catch (e) {
      setLoadError(errorText(e, lang));
    }
  }, [unitId, lang]);

  useEffect(() => {
    void load();
  }, [load]);

  const unitOptions: UnitOption[] = useMemo(
    () =>
      flatten(buildTree(units)).map(({ item, depth }) => ({
        id: item.id,
        label: `${"\u00a0\u00a0\u00a0".repeat(depth)}${item.name}`,
      })),
    [units],
  );

  async function done(text: string, password?: string) {
    setActionState(null);
    await load();
    setNotice(password ? { text, password } : { text });
  }

  const defaultUnit = unitId || (units.some((u) => u.id === me.unit.id) ? me.unit.id : (units[0]?.id ?? ""));

  return (
    <>
      <PageHeading
        title={t("staff.title")}
        lead={canManage ? t("staff.lead.manage") : t("staff.lead.read")}
        actions={
          canManage && units.length > 0 ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setAction({ kind: "create" })}
            >
              <Icon name="plus" />
              <span>{t("staff.create")}</span>
            </button>
          ) : null
        }
      />
      {notice ? (
        <Alert kind="success">
          <p data-testid="notice">{notice.text}</p>
          {notice.password ? (
            <p>
              {t("staff.tempPassword.show")}: <code className="secret">{notice.password}</code>
            </p>
          ) : null}
        </Alert>
      ) : null}
      {loadError ? <Alert kind="error">{loadError}</Alert> : null}
      <section className="panel" aria-labelledby="staff-list-title">
        <div className="panel-toolbar">
          <h2 id="staff-list-title">{t("staff.list")}</h2>
          <div className="toolbar-field">
            <SelectField
              label={t("staff.filterUnit")}
              value={unitId}
              onChange={(e) => setUnitId(e.target.value)}
            >
              <option value="">{t("staff.allUnits")}</option>
              {unitOptions.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.label}
                </option>
              ))}
            </SelectField>
          </div>
        </div>
        {staff === null && !loadError ? <p className="muted">{t("common.loading")}</p> : null}
        {staff && staff.length === 0 ? <p className="muted">{t("staff.empty")}</p> : null}
        {staff && staff.length > 0 ? (
          <div className="table-wrap">
            <table className="table responsive-table">
              <caption className="visually-hidden">{t("staff.list")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("staff.fullName")}</th>
                  <th scope="col">{t("staff.unit")}</th>
                  <th scope="col">{t("staff.roles")}</th>
                  <th scope="col">{t("staff.status")}</th>
                  {canManage ? <th scope="col">{t("common.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {staff.map((s) => (
                  <tr key={s.id} data-username={s.username}>
                    <td data-label={t("staff.fullName")}>
                      <div>
                        <span className="strong">{s.fullName}</span>
                        {s.position ? <span className="cell-sub">{s.position}</span> : null}
                        <span className="cell-sub code" title={t("staff.username")}>
                          {s.username}
                        </span>
                      </div>
                    </td>
                    <td data-label={t("staff.unit")}>{s.unitName}</td>
                    <td data-label={t("staff.roles")}>
                      {ROLE_ORDER.filter((r) => s.roles.includes(r))
                        .map((r) => t(ROLE_LABELS[r]))
                        .join(", ")}
                    </td>
                    <td data-label={t("staff.status")}>
                      <div>
                        <span className={s.active ? "badge badge-ok" : "badge badge-muted"}>
                          {s.active ? t("staff.active") : t("staff.inactive")}
                        </span>
                        {s.mustChangePassword ? (
                          <span className="cell-sub">{t("staff.mustChange")}</span>
                        ) : null}
                        {s.totpEnabled ? <span className="cell-sub">{t("staff.totp")}</span> : null}
                      </div>
                    </td>
                    {canManage ? (
                      <td data-label={t("common.actions")}>
                        <div className="cell-actions">
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => setAction({ kind: "edit", staff: s })}
                            aria-label={t("staff.edit.aria", { name: s.fullName })}
                          >
                            <Icon name="edit" />
                            <span>{t("staff.edit")}</span>
                          </button>
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => setAction({ kind: "reset", staff: s })}
                            aria-label={t("staff.reset.aria", { name: s.fullName })}
                          >
                            <Icon name="key" />
                            <span>{t("staff.reset")}</span>
                          </button>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {action?.kind === "create" ? (
        <StaffFormDialog
          mode={{ kind: "create", unitId: defaultUnit }}
          units={unitOptions}
          allowSystemAdmin={me.roles.includes("system_admin")}
          onClose={() => setAction(null)}
          onSaved={(s, password) =>
            void done(t("staff.created", { name: s.fullName, username: s.username }), password ?? undefined)
          }
        />
      ) : null}
      {action?.kind === "edit" ? (
        <StaffFormDialog
          mode={{ kind: "edit", staff: action.staff }}
          units={unitOptions}
          allowSystemAdmin={me.roles.includes("system_admin")}
          onClose={() => setAction(null)}
          onSaved={(s) => void done(t("staff.updated", { name: s.fullName }))}
        />
      ) : null}
      {action?.kind === "reset" ? (
        <ResetPasswordDialog
          staff={action.staff}
          onClose={() => setAction(null)}
          onDone={(password) => void done(t("staff.resetDone", { name: action.staff.fullName }), password)}
        />
      ) : null}
    </>
  );
}
