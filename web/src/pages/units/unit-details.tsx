import type { Unit } from "../../api.ts";
import { Icon } from "../../components/icons.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatHours } from "../../lib/hours.ts";
import { UNIT_KIND_LABELS } from "../../lib/labels.ts";

export function UnitDetails({
  unit,
  parent,
  successor,
  canManage,
  onCreateChild,
  onEdit,
  onMove,
  onStatus,
}: {
  unit: Unit;
  parent: Unit | undefined;
  successor: Unit | undefined;
  canManage: boolean;
  onCreateChild: () => void;
  onEdit: () => void;
  onMove: () => void;
  onStatus: () => void;
}) {
  const { t } = useI18n();
  const rows: [string, string | null][] = [
    [t("unit.code"), unit.code],
    [t("unit.gsoCode"), unit.gsoCode],
    [t("unit.kind"), t(UNIT_KIND_LABELS[unit.kind])],
    [t("unit.parent"), parent ? parent.name : null],
    [t("unit.shortName"), unit.shortName],
    [t("unit.address"), unit.address],
    [t("unit.phone"), unit.phone],
    [t("unit.email"), unit.email],
    [t("unit.website"), unit.website],
    [t("unit.hours"), formatHours(unit.workingHours, t)],
    [t("unit.validFrom"), unit.validFrom],
    [t("unit.validTo"), unit.validTo],
    [t("unit.successor"), successor ? successor.name : null],
  ];

  return (
    <div className="unit-details">
      <div className="details-heading">
        <h2 id="details-title">{unit.name}</h2>
        <span className={unit.active ? "badge badge-ok" : "badge badge-muted"}>
          {unit.active ? t("units.active") : t("units.inactive")}
        </span>
      </div>
      <dl className="facts facts-compact">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        <div>
          <dt>{t("unit.version")}</dt>
          <dd>{unit.version}</dd>
        </div>
      </dl>
      {canManage ? (
        <div className="button-row">
          {unit.active ? (
            <button type="button" className="button button-primary" onClick={onCreateChild}>
              <Icon name="plus" />
              <span>{t("units.createChild")}</span>
            </button>
          ) : null}
          <button type="button" className="button" onClick={onEdit}>
            <Icon name="edit" />
            <span>{t("units.edit")}</span>
          </button>
          <button type="button" className="button" onClick={onMove}>
            <Icon name="move" />
            <span>{t("units.move")}</span>
          </button>
          <button
            type="button"
            className={unit.active ? "button button-danger-outline" : "button"}
            onClick={onStatus}
          >
            <Icon name="power" />
            <span>{unit.active ? t("units.deactivate") : t("units.activate")}</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
