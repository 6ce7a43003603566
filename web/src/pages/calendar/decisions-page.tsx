import { useCallback, useEffect, useMemo, useState } from "react";
import { ApiError, api, type HolidayDecision } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { SelectField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { Link } from "../../router.tsx";
import { DecisionFormDialog, EVIDENCE_LABELS, HOLIDAY_LABELS } from "./decision-form-dialog.tsx";
import { todayInVietnam, vietnameseDate } from "./year-model.ts";

type Action =
  | { kind: "create" }
  | { kind: "edit"; decision: HolidayDecision }
  | { kind: "delete"; decision: HolidayDecision };

/** The yearly decisions on days off, by year, with their source and scope; system administrators edit them. */
export function DecisionsPage() {
  const { t, lang } = useI18n();
  const [decisions, setDecisions] = useState<HolidayDecision[] | null>(null);
  const [loadError, setLoadError] = useState<string>();
  const [year, setYear] = useState("");
  const [action, setAction] = useState<Action | null>(null);
  const [notice, setNotice] = useState<string>();
  const currentYear = Number(todayInVietnam().slice(0, 4));

  const load = useCallback(async () => {
    try {
      setDecisions((await api.calendar.decisions()).items);
      setLoadError(undefined);
    } catch (error) {
      setLoadError(errorText(error, lang));
    }
  }, [lang]);

  useEffect(() => {
    void load();
  }, [load]);

  const years = useMemo(
    () => [...new Set((decisions ?? []).map((d) => d.year))].sort((a, b) => b - a),
    [decisions],
  );
  const shownYears = year ? years.filter((y) => String(y) === year) : years;

  function done(message: string) {
    setAction(null);
    setNotice(message);
    void load();
  }

  return (
    <>
      <PageHeading
        title={t("decisions.title")}
        lead={t("decisions.lead")}
        actions={
          <>
            <Link to={`/calendar?year=${year || currentYear}`} className="button">
              {t("decisions.viewPublic")}
            </Link>
            <button
              type="button"
              className="button button-primary"
              onClick={() => setAction({ kind: "create" })}
            >
              <Icon name="plus" />
              <span>{t("decisions.create")}</span>
            </button>
          </>
        }
      />
      {notice ? (
        <Alert kind="success">
          <span data-testid="notice">{notice}</span>
        </Alert>
      ) : null}
      {loadError ? <Alert kind="error">{loadError}</Alert> : null}
      <section className="panel" aria-labelledby="decisions-title">
        <div className="panel-toolbar">
          <h2 id="decisions-title">{t("decisions.list")}</h2>
          <div className="toolbar-field">
            <SelectField
              label={t("decisions.filterYear")}
              value={year}
              onChange={(e) => setYear(e.target.value)}
            >
              <option value="">{t("decisions.allYears")}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </SelectField>
          </div>
        </div>
        {!decisions && !loadError ? <p className="muted">{t("common.loading")}</p> : null}
        {decisions && decisions.length === 0 ? <p className="muted">{t("decisions.empty")}</p> : null}
        {shownYears.map((y) => (
          <YearTable
            key={y}
            year={y}
            decisions={(decisions ?? []).filter((d) => d.year === y)}
            onEdit={(decision) => setAction({ kind: "edit", decision })}
            onDelete={(decision) => setAction({ kind: "delete", decision })}
          />
        ))}
      </section>
      {action?.kind === "create" || action?.kind === "edit" ? (
        <DecisionFormDialog
          mode={
            action.kind === "create"
              ? { kind: "create", year: Number(year) || currentYear }
              : { kind: "edit", decision: action.decision }
          }
          onClose={() => setAction(null)}
          onSaved={(saved) =>
            done(
              t(action.kind === "create" ? "decisions.created" : "decisions.updated", {
                title: lang === "en" ? saved.titleEn : saved.title,
              }),
            )
          }
        />
      ) : null}
      {action?.kind === "delete" ? (
        <DeleteDialog
          decision={action.decision}
          onClose={() => setAction(null)}
          onDeleted={() => done(t("decisions.deleted", { title: action.decision.title }))}
          onConflict={() => void load()}
        />
      ) : null}
    </>
  );
}

function YearTable({
  year,
  decisions,
  onEdit,
  onDelete,
}: {
  year: number;
  decisions: HolidayDecision[];
  onEdit: (d: HolidayDecision) => void;
  onDelete: (d: HolidayDecision) => void;
}) {
  const { t, lang } = useI18n();
  const dates = (list: string[]) => list.map(vietnameseDate).join(", ");
  return (
    <div className="table-wrap decisions-year">
      <table className="table">
        <caption className="decisions-caption">{year}</caption>
        <thead>
          <tr>
            <th scope="col">{t("decisions.col.decision")}</th>
            <th scope="col">{t("decisions.col.scope")}</th>
            <th scope="col">{t("decisions.col.days")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("common.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {decisions.map((d) => {
            const title = lang === "en" ? d.titleEn : d.title;
            return (
              <tr key={d.id} data-decision={d.id}>
                <td>
                  <span className="strong">{title}</span>
                  <span className="cell-sub">
                    <span className="code">{d.id}</span>
                    {d.origin === "shipped" ? ` · ${t("decisions.origin.shipped")}` : ""}
                    {` · ${t(EVIDENCE_LABELS[d.evidence])}`}
                  </span>
                  <span className="cell-sub">{d.source}</span>
                </td>
                <td>
                  {d.scope.kind === "national"
                    ? t("decisions.scope.national")
                    : t("decisions.scope.units", { codes: d.scope.unitCodes.join(", ") })}
                </td>
                <td>
                  {d.daysOff.length > 0 ? (
                    <span className="cell-sub">
                      {t("decisions.off", { dates: dates(d.daysOff.map((x) => x.date)) })}
                    </span>
                  ) : null}
                  {d.workingDays.length > 0 ? (
                    <span className="cell-sub">
                      {t("decisions.work", { dates: dates(d.workingDays.map((x) => x.date)) })}
                    </span>
                  ) : null}
                  {d.supersedes.length > 0 ? (
                    <span className="cell-sub">
                      {t("decisions.supersedes", {
                        names: d.supersedes.map((k) => t(HOLIDAY_LABELS[k])).join(", "),
                      })}
                    </span>
                  ) : null}
                </td>
                <td>
                  <div className="cell-actions">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => onEdit(d)}
                      aria-label={t("decisions.edit.aria", { title })}
                    >
                      <Icon name="edit" />
                      <span aria-hidden="true">{t("decisions.edit")}</span>
                    </button>
                    <button
                      type="button"
                      className="button button-small button-danger-outline"
                      onClick={() => onDelete(d)}
                      aria-label={t("decisions.delete.aria", { title })}
                    >
                      <Icon name="close" />
                      <span aria-hidden="true">{t("decisions.delete")}</span>
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function DeleteDialog({
  decision,
  onClose,
  onDeleted,
  onConflict,
}: {
  decision: HolidayDecision;
  onClose: () => void;
  onDeleted: () => void;
  onConflict: () => void;
}) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [conflict, setConflict] = useState(false);

  async function remove() {
    setBusy(true);
    setError(undefined);
    try {
      await api.calendar.deleteDecision(decision.id, decision.version);
      onDeleted();
    } catch (e) {
      if (e instanceof ApiError && e.code === "CONFLICT") {
        setConflict(true);
        onConflict();
      } else setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t("decisions.delete.title", { title: decision.title })} onClose={onClose}>
      {conflict ? (
        <Alert kind="error" title={t("conflict.title")}>
          {t("conflict.reloaded")}
        </Alert>
      ) : null}
      {error ? <Alert kind="error">{error}</Alert> : null}
      <p>{t("decisions.delete.text")}</p>
      <div className="form-actions">
        <button type="button" className="button button-danger" onClick={remove} disabled={busy || conflict}>
          {t("decisions.delete.submit")}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t("common.cancel")}
        </button>
      </div>
    </Dialog>
  );
}
