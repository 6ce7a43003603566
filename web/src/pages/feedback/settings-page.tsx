import { type FormEvent, useEffect, useState } from "react";
import { api } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { type FeedbackSettingsT, feedbackApi } from "../../feedback-api.ts";
import { errorText } from "../../lib/errors.ts";
import { useMe } from "../../session.tsx";
import { useFeedbackI18n } from "./feedback-i18n.ts";
import "./feedback.css";

const MIN_DAYS = 1;
const MAX_DAYS = 120;

interface UnitOption {
  code: string;
  name: string;
}

/**
 * Cài đặt xử lý phản ánh, kiến nghị: the unit administrator sets the answer deadline in working days (NĐ 20/2008
 * sets none). An administrator over several units (subtree or all) picks the unit first.
 */
export function FeedbackSettingsPage() {
  const { t, lang } = useFeedbackI18n();
  const me = useMe();
  const wide = me.permissions["unit.manage"] !== "own";
  const [units, setUnits] = useState<UnitOption[]>([{ code: me.unit.code, name: me.unit.name }]);
  const [unit, setUnit] = useState(me.unit.code);
  const [settings, setSettings] = useState<FeedbackSettingsT | null>(null);
  const [days, setDays] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!wide) return;
    api.units.list().then(
      (r) => setUnits(r.items.map((u) => ({ code: u.code, name: u.name }))),
      (e) => setError(errorText(e, lang)),
    );
  }, [wide, lang]);

  useEffect(() => {
    setSettings(null);
    setSaved(false);
    feedbackApi.settings(unit).then(
      (s) => {
        setSettings(s);
        setDays(String(s.answerWorkingDays));
      },
      (e) => setError(errorText(e, lang)),
    );
  }, [unit, lang]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!settings) return;
    const n = Number(days);
    if (!/^\d+$/.test(days.trim()) || n < MIN_DAYS || n > MAX_DAYS) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setError(undefined);
    setSaved(false);
    try {
      const next = await feedbackApi.saveSettings({ unit, answerWorkingDays: n, version: settings.version });
      setSettings(next);
      setDays(String(next.answerWorkingDays));
      setSaved(true);
    } catch (err) {
      setError(errorText(err, lang));
    }
  };

  return (
    <div className="container">
      <PageHeading title={t("f.settings.title")} lead={t("f.settings.lead")} />
      {error ? <Alert kind="error">{error}</Alert> : null}
      {saved ? <Alert kind="success">{t("f.done")}</Alert> : null}
      <form className="form panel" onSubmit={(e) => void submit(e)} noValidate>
        {wide ? (
          <SelectField label={t("f.settings.unit")} value={unit} onChange={(e) => setUnit(e.target.value)}>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <p>
            {t("f.settings.unit")}: <strong>{me.unit.name}</strong>
          </p>
        )}
        {settings ? (
          <>
            <p data-testid="feedback-settings-source">
              {settings.source === "default"
                ? t("f.settings.source.default", { days: settings.answerWorkingDays })
                : t("f.settings.source.unit")}
            </p>
            <TextField
              type="number"
              inputMode="numeric"
              min={MIN_DAYS}
              max={MAX_DAYS}
              step={1}
              label={t("f.settings.days")}
              hint={t("f.settings.daysHint")}
              error={invalid ? t("f.settings.invalid") : undefined}
              required
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
            <div className="form-actions">
              <button type="submit" className="button button-primary">
                {t("f.settings.save")}
              </button>
            </div>
          </>
        ) : null}
      </form>
    </div>
  );
}
