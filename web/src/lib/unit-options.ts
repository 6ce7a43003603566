import { useEffect, useState } from "react";
import { api, type Unit } from "../api.ts";
import { byVietnameseName } from "./text.ts";
import { buildTree, flatten } from "./tree.ts";

/** A unit in a picker: its name indented by its depth, so the option list shows the tree. */
export interface UnitOption {
  id: string;
  code: string;
  label: string;
}

/** The units as picker options, each under its parent, siblings in Vietnamese alphabetical order. */
export function unitOptions(units: readonly Unit[]): UnitOption[] {
  return flatten(buildTree(byVietnameseName<Unit>(units))).map(({ item, depth }) => ({
    id: item.id,
    code: item.code,
    label: `${"\u00a0\u00a0\u00a0".repeat(depth)}${item.name}`,
  }));
}

/** The units the caller may read, as picker options; none while loading or when the list cannot be read. */
export function useUnitOptions(): UnitOption[] {
  const [options, setOptions] = useState<UnitOption[]>([]);
  useEffect(() => {
    api.units.list().then(
      (r) => setOptions(unitOptions(r.items)),
      () => setOptions([]),
    );
  }, []);
  return options;
}
