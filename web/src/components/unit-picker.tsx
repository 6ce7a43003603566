import { useUnitOptions } from "../lib/unit-options.ts";
import { SelectField } from "./field.tsx";

/**
 * The unit select of a filter: the units the caller may read, indented by level; shown only when there is more
 * than one to choose from. `by` is what the value holds: the unit's id or its code.
 */
export function UnitPicker({
  label,
  value,
  onChange,
  by = "id",
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  by?: "id" | "code";
}) {
  const units = useUnitOptions();
  if (units.length <= 1) return null;
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {units.map((u) => (
        <option key={u[by]} value={u[by]}>
          {u.label}
        </option>
      ))}
    </SelectField>
  );
}
