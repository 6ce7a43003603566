import { type FormEvent, useMemo, useState } from "react";
import { ApiError, api, type Unit } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";

/**
 * Deactivate a unit (it stays in the tree with its history; optionally naming its successor, as when
 * communes merge) or bring a deactivated one back.
 */
export function UnitStatusDialog({
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
  const deactivating = unit.active;
  const [validTo, setValidTo] = useState("");
  const [successorId, setSuccessorId] = useState("");
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const successors = useMemo(
    () =>
      units.filter((u) => u.active && u.id !== unit.id).sort((a, b) => a.name.localeCompare(b.name, "vi")),
    [units, unit.id],
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFormError(undefined);
    try {
      const saved = deactivating
        ? await api.units.deactivate(unit.id, {
            version: unit.version,
            ...(validTo ? { validTo } : {}),
            ...(successorId ? { successorId } : {}),
          })
        : await api.units.activate(unit.id, unit.version);
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === "CONFLICT") {
        setConflict(true);
        onConflict();
      } else {
        setFormError(errorText(e, lang));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={
        deactivating
          ? t("units.deactivate.title", { name: unit.name })
          : t("units.activate.title", { name: unit.name })
      }
      onClose={onClose}
    >
      {conflict ? (
        <Alert kind="error" title={t("conflict.title")}>
          <p>{t("conflict.reloaded")}</p>
        </Alert>
      ) : null}
      {formError ? <Alert kind="error">{formError}</Alert> : null}
      <p>{deactivating ? t("units.deactivate.text") : t("units.activate.text")}</p>
      <form onSubmit={submit} noValidate className="form">
        {deactivating ? (
          <>
            <TextField
              label={t("units.deactivate.validTo")}
              hint={t("units.deactivate.validToHint")}
              type="date"
              value={validTo}
              onChange={(e) => setValidTo(e.target.value)}
            />
            <SelectField
              label={t("units.deactivate.successor")}
              hint={t("units.deactivate.successorHint")}
              value={successorId}
              onChange={(e) => setSuccessorId(e.target.value)}
            >
              <option value="">{t("units.none")}</option>
              {successors.map((u) => (
                <option key={u.id} value={u.id}>
                  {`${u.name} (${u.code})`}
                </option>
              ))}
            </SelectField>
          </>
        ) : null}
        <div className="form-actions">
          <button
            type="submit"
            className={deactivating ? "button button-danger" : "button button-primary"}
            disabled={busy}
          >
            {deactivating ? t("units.deactivate.submit") : t("units.activate.submit")}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
