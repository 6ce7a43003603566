import { type FormEvent, useMemo, useState } from "react";
import { ApiError, api, type Unit } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { SelectField } from "../../components/field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { buildTree, descendantIds, flatten } from "../../lib/tree.ts";

/** Move a unit under another parent: any active unit in scope that is not the unit itself or below it. */
export function UnitMoveDialog({
  unit,
  units,
  onClose,
  onSaved,
  onConflict,
}: {
  unit: Unit;
  units: readonly Unit[];
  onClose: () => void;
  onSaved: (unit: Unit) => void;
  onConflict: () => void;
}) {
  const { t, lang } = useI18n();
  const [parentId, setParentId] = useState("");
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);

  const options = useMemo(() => {
    const excluded = descendantIds(units, unit.id);
    const candidates = units.filter((u) => u.active && !excluded.has(u.id));
    return flatten(buildTree(candidates));
  }, [units, unit.id]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!parentId) {
      setError(t("units.move.pick"));
      return;
    }
    setBusy(true);
    setError(undefined);
    setFormError(undefined);
    try {
      onSaved(await api.units.move(unit.id, { parentId, version: unit.version }));
    } catch (e) {
      if (e instanceof ApiError && e.code === "CONFLICT") {
        setConflict(true);
        onConflict();
      } else if (e instanceof ApiError && (e.code === "UNIT_MOVE_CYCLE" || e.code === "UNIT_INACTIVE")) {
        setError(errorText(e, lang));
      } else {
        setFormError(errorText(e, lang));
      }
    } finally {
      setBusy(false);
    }
  }

  const currentParent = units.find((u) => u.id === unit.parentId);

  return (
    <Dialog title={t("units.move.title", { name: unit.name })} onClose={onClose}>
      {conflict ? (
        <Alert kind="error" title={t("conflict.title")}>
          <p>{t("conflict.reloaded")}</p>
        </Alert>
      ) : null}
      {formError ? <Alert kind="error">{formError}</Alert> : null}
      <p className="muted">
        {t("units.move.current")}: <strong>{currentParent?.name ?? t("units.none")}</strong>
      </p>
      <form onSubmit={submit} noValidate className="form">
        <SelectField
          label={t("units.move.newParent")}
          required
          value={parentId}
          onChange={(e) => setParentId(e.target.value)}
          error={error}
        >
          <option value="">{t("units.move.choose")}</option>
          {options.map(({ item, depth }) => (
            <option key={item.id} value={item.id} disabled={item.id === unit.parentId}>
              {`${"\u00a0\u00a0\u00a0".repeat(depth)}${item.name} (${item.code})`}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("units.move.submit")}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
