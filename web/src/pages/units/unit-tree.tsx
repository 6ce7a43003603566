import type { Unit } from "../../api.ts";
import { Icon } from "../../components/icons.tsx";
import { useI18n } from "../../i18n/index.tsx";
import type { TreeNode } from "../../lib/tree.ts";

interface TreeProps {
  nodes: TreeNode<Unit>[];
  expanded: ReadonlySet<string>;
  selectedId: string | null;
  onToggle: (id: string) => void;
  onSelect: (id: string) => void;
}

/**
 * The administrative tree as nested lists of disclosure buttons: each unit has a button that shows or hides
 * its children (aria-expanded) and a button that selects it (aria-current). Every control is reachable with Tab.
 */
export function UnitTree(props: TreeProps) {
  const { t } = useI18n();
  return (
    <ul className="tree" aria-label={t("units.tree")}>
      {props.nodes.map((node) => (
        <TreeBranch key={node.item.id} node={node} {...props} />
      ))}
    </ul>
  );
}

function TreeBranch({
  node,
  expanded,
  selectedId,
  onToggle,
  onSelect,
}: TreeProps & { node: TreeNode<Unit> }) {
  const { t } = useI18n();
  const unit = node.item;
  const open = expanded.has(unit.id);
  const hasChildren = node.children.length > 0;
  const selected = selectedId === unit.id;
  const groupId = `tree-group-${unit.id}`;

  return (
    <li className="tree-item">
      <div className={selected ? "tree-row is-selected" : "tree-row"}>
        {hasChildren ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={open}
            aria-controls={open ? groupId : undefined}
            aria-label={t(open ? "units.collapse" : "units.expand", { name: unit.name })}
            onClick={() => onToggle(unit.id)}
          >
            <Icon name="chevron" className={open ? "is-open" : undefined} />
          </button>
        ) : (
          <span className="tree-spacer" aria-hidden="true" />
        )}
        <button
          type="button"
          className="tree-label"
          aria-current={selected ? "true" : undefined}
          onClick={() => onSelect(unit.id)}
          data-unit-code={unit.code}
        >
          <span className={unit.active ? "tree-name" : "tree-name is-inactive"}>{unit.name}</span>
          <span className="tree-code">{unit.code}</span>
          {unit.active ? null : <span className="badge badge-muted">{t("units.inactive")}</span>}
        </button>
      </div>
      {hasChildren && open ? (
        <ul className="tree-group" id={groupId}>
          {node.children.map((child) => (
            <TreeBranch
              key={child.item.id}
              node={child}
              expanded={expanded}
              selectedId={selectedId}
              onToggle={onToggle}
              onSelect={onSelect}
              nodes={[]}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
