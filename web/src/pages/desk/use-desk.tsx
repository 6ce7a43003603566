import { useCallback, useEffect, useState } from "react";
import { api } from "../../api.ts";
import { SelectField } from "../../components/field.tsx";
import { type DeskAdminViewT, deskApi } from "../../desk-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { useMe } from "../../session.tsx";

/**
 * The desk a staff screen works on: the member's own unit, or, for an administrator over several units
 * (roster.manage over a subtree or all), the unit picked in a list. Loads the desk's administration view.
 */
export function useDesk() {
  const { lang } = useI18n();
  const me = useMe();
  const wide = me.permissions["roster.manage"] === "subtree" || me.permissions["roster.manage"] === "all";
  const [units, setUnits] = useState([{ id: me.unit.id, name: me.unit.name, level: 0 }]);
  // The unit picked stays picked from one desk screen to the next (this tab, this account).
  const key = `motcua.desk.unit.${me.id}`;
  const [unitId, pick] = useState(() => (wide ? sessionStorage.getItem(key) : null) ?? me.unit.id);
  const setUnitId = (id: string) => {
    sessionStorage.setItem(key, id);
    pick(id);
  };
  const [desk, setDesk] = useState<DeskAdminViewT>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!wide) return;
    api.units.list().then(
      (r) => setUnits(r.items.map((u) => ({ id: u.id, name: u.name, level: u.depth }))),
      (e) => setError(errorText(e, lang)),
    );
  }, [wide, lang]);

  const reload = useCallback(async () => {
    try {
      setDesk(await deskApi.admin(unitId));
      setError(undefined);
    } catch (e) {
      setError(errorText(e, lang));
    }
  }, [unitId, lang]);
  useEffect(() => {
    setDesk(undefined);
    void reload();
  }, [reload]);

  return { unitId, setUnitId, units, wide, desk, reload, error, setError };
}

/** The unit list of an administrator over several units; nothing for one unit. */
export function UnitPicker({ desk }: { desk: ReturnType<typeof useDesk> }) {
  const { t } = useI18n();
  if (!desk.wide || desk.units.length < 2) return null;
  return (
    <div className="panel no-print">
      <SelectField label={t("da.unit")} value={desk.unitId} onChange={(e) => desk.setUnitId(e.target.value)}>
        {desk.units.map((u) => (
          <option key={u.id} value={u.id}>
            {"\u00a0\u00a0".repeat(Math.max(0, u.level))}
            {u.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
