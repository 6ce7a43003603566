export interface TreeItem {
  id: string;
  parentId: string | null;
}

export interface TreeNode<T extends TreeItem> {
  item: T;
  children: TreeNode<T>[];
}

/**
 * Nests a flat list by parentId. Items whose parent is not in the list (the top of the caller's scope) become
 * roots. Children keep the order of the list.
 */
export function buildTree<T extends TreeItem>(items: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const item of items) nodes.set(item.id, { item, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const item of items) {
    const node = nodes.get(item.id);
    if (!node) continue;
    const parent = item.parentId ? nodes.get(item.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The ids of an item and all below it. */
export function descendantIds<T extends TreeItem>(items: readonly T[], id: string): Set<string> {
  const result = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (item.parentId && result.has(item.parentId) && !result.has(item.id)) {
        result.add(item.id);
        grew = true;
      }
    }
  }
  return result;
}

/** The ids of an item's ancestors, nearest first. */
export function ancestorIds<T extends TreeItem>(items: readonly T[], id: string): string[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const result: string[] = [];
  let current = byId.get(id)?.parentId ?? null;
  while (current && !result.includes(current)) {
    result.push(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return result;
}

/** Depth-first order, for a <select> of units indented by level. */
export function flatten<T extends TreeItem>(roots: TreeNode<T>[], depth = 0): { item: T; depth: number }[] {
  return roots.flatMap((node) => [{ item: node.item, depth }, ...flatten(node.children, depth + 1)]);
}
