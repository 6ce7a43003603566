import { useCallback, useEffect, useMemo, useState } from "react";
import { api, type Unit } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { byVietnameseName, foldVietnamese } from "../../lib/text.ts";
import { ancestorIds, buildTree } from "../../lib/tree.ts";
import { mayUse } from "../../nav.ts";
import { useMe } from "../../session.tsx";
import { UnitDetails } from "./unit-details.tsx";
import { UnitFormDialog } from "./unit-form-dialog.tsx";
import { UnitMoveDialog } from "./unit-move-dialog.tsx";
import { UnitStatusDialog } from "./unit-status-dialog.tsx";
import { UnitTree } from "./unit-tree.tsx";

type Action =
  | { kind: "create"; parentId: string | null }
  | { kind: "edit"; id: string }
  | { kind: "move"; id: string }
  | { kind: "status"; id: string };

/** Units in the caller's scope as a tree, with the details and the actions of the one selected. */
export function UnitsPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const canManage = mayUse(me.permissions, "unit.manage");
  const canCreateRoot = mayUse(me.permissions, "unit.manage", ["all"]);
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [loadError, setLoadError] = useState<string>();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [showInactive, setShowInactive] = useState(false);
  const [filter, setFilter] = useState("");
  const [action, setActionState] = useState<Action | null>(null);
  const [notice, setNotice] = useState<string>();

  /** Opening an action clears the message of the previous one. */
  function setAction(next: Action | null) {
    if (next) setNotice(undefined);
    setActionState(next);
  }

  const load = useCallback(async () => {
    try {
      const items = byVietnameseName((await api.units.list({ includeInactive: true })).items);
      setUnits(items);
      setLoadError(undefined);
      return items;
    } catch (error) {
      setLoadError(errorText(error, lang));
      return null;
    }
  }, [lang]);

  // First load: open the top of the tree and select the user's own unit when it is in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: first load only
  useEffect(() => {
    void load().then((items) => {
      if (!items) return;
      const own = items.find((u) => u.id === me.unit.id);
      const first = own ?? items[0];
      const top = Math.min(...items.map((u) => u.depth));
      const open = new Set(items.filter((u) => u.depth <= top).map((u) => u.id));
      if (first) {
        open.add(first.id);
        for (const id of ancestorIds(items, first.id)) open.add(id);
        setSelectedId(first.id);
      }
      setExpanded(open);
    });
  }, []);

  const visible = useMemo(() => {
    if (!units) return [];
    let shown = showInactive ? units : units.filter((u) => u.active);
    const needle = foldVietnamese(filter.trim());
    if (needle) {
      const matches = shown.filter((u) => foldVietnamese(`${u.name} ${u.code}`).includes(needle));
      const keep = new Set(matches.map((u) => u.id));
      for (const m of matches) for (const id of ancestorIds(shown, m.id)) keep.add(id);
      shown = shown.filter((u) => keep.has(u.id));
    }
    return shown;
  }, [units, showInactive, filter]);

  const tree = useMemo(() => buildTree(visible), [visible]);
  // While filtering, every branch that leads to a match is open.
  const openIds = useMemo(
    () => (filter.trim() ? new Set(visible.map((u) => u.id)) : expanded),
    [filter, visible, expanded],
  );
  const byId = useMemo(() => new Map((units ?? []).map((u) => [u.id, u])), [units]);
  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;

  function toggle(id: string) {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function saved(unit: Unit, message: string) {
    setActionState(null);
    // The tree is reloaded first, so that the message and what the page shows agree.
    const items = await load();
    if (items) {
      setSelectedId(unit.id);
      setExpanded((current) => new Set([...current, ...ancestorIds(items, unit.id)]));
      if (!unit.active) setShowInactive(true);
    }
    setNotice(message);
  }

  const actionUnit = action && action.kind !== "create" ? byId.get(action.id) : undefined;
  const createParent =
    action?.kind === "create" && action.parentId ? (byId.get(action.parentId) ?? null) : null;

  return (
    <>
      <PageHeading
        title={t("units.title")}
        lead={canManage ? t("units.lead.manage") : t("units.lead.read")}
        actions={
          canCreateRoot ? (
            <button
              type="button"
              className="button"
              onClick={() => setAction({ kind: "create", parentId: null })}
            >
              <Icon name="plus" />
              <span>{t("units.createRoot")}</span>
            </button>
          ) : null
        }
      />
      {notice ? (
        <Alert kind="success">
          <span data-testid="notice">{notice}</span>
        </Alert>
      ) : null}
      {loadError ? <Alert kind="error">{loadError}</Alert> : null}
      <div className="split">
        <section className="panel tree-panel" aria-labelledby="tree-title">
          <div className="panel-toolbar">
            <h2 id="tree-title">{t("units.tree")}</h2>
            <div className="search-box">
              <label htmlFor="unit-filter" className="visually-hidden">
                {t("units.filter")}
              </label>
              <Icon name="search" />
              <input
                id="unit-filter"
                type="search"
                className="input"
                placeholder={t("units.filter")}
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
              />
            </div>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={showInactive}
                onChange={(e) => setShowInactive(e.target.checked)}
              />
              <span>{t("units.showInactive")}</span>
            </label>
          </div>
          {!units && !loadError ? <p className="muted">{t("common.loading")}</p> : null}
          {units && tree.length === 0 ? <p className="muted">{t("units.empty")}</p> : null}
          <UnitTree
            nodes={tree}
            expanded={openIds}
            selectedId={selectedId}
            onToggle={toggle}
            onSelect={(id) => {
              setSelectedId(id);
              setNotice(undefined);
            }}
          />
        </section>
        <section className="panel details-panel" aria-labelledby="details-title">
          {selected ? (
            <UnitDetails
              unit={selected}
              parent={selected.parentId ? byId.get(selected.parentId) : undefined}
              successor={selected.successorId ? byId.get(selected.successorId) : undefined}
              canManage={canManage}
              onCreateChild={() => setAction({ kind: "create", parentId: selected.id })}
              onEdit={() => setAction({ kind: "edit", id: selected.id })}
              onMove={() => setAction({ kind: "move", id: selected.id })}
              onStatus={() => setAction({ kind: "status", id: selected.id })}
            />
          ) : (
            <>
              <h2 id="details-title">{t("units.details")}</h2>
              <p className="muted">{t("units.pick")}</p>
            </>
          )}
        </section>
      </div>
      {action?.kind === "create" ? (
        <UnitFormDialog
          mode={{ kind: "create", parent: createParent }}
          onClose={() => setAction(null)}
          onSaved={(unit) => void saved(unit, t("units.created", { name: unit.name }))}
        />
      ) : null}
      {action?.kind === "edit" && actionUnit ? (
        <UnitFormDialog
          mode={{ kind: "edit", unit: actionUnit }}
          onClose={() => setAction(null)}
          onSaved={(unit) => void saved(unit, t("units.updated", { name: unit.name }))}
        />
      ) : null}
      {action?.kind === "move" && actionUnit && units ? (
        <UnitMoveDialog
          unit={actionUnit}
          units={units}
          onClose={() => setAction(null)}
          onSaved={(unit) => void saved(unit, t("units.moved", { name: unit.name }))}
          onConflict={() => void load()}
        />
      ) : null}
      {action?.kind === "status" && actionUnit && units ? (
        <UnitStatusDialog
          unit={actionUnit}
          units={units}
          onClose={() => setAction(null)}
          onSaved={(unit) =>
            void saved(
              unit,
              unit.active
                ? t("units.activated", { name: unit.name })
                : t("units.deactivated", { name: unit.name }),
            )
          }
          onConflict={() => void load()}
        />
      ) : null}
    </>
  );
}
