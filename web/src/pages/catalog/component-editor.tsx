import { useContext } from "react";
import { SelectField, TextField } from "../../components/field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { type Comp, type PartEditorProps, toInt } from "./editors.tsx";
import { IssueContext, useTextBinding } from "./issues.ts";
import { ListEditor } from "./list-editor.tsx";

/** Editor for a procedure's dossier components (thành phần hồ sơ). */
export function blankComponent(n: number): Comp {
  return {
    id: `thanh-phan-${n}`,
    name: "",
    handling: "submit",
    originals: 1,
    copies: 0,
    requirement: { kind: "required" },
    form: null,
    note: null,
  };
}

function ComponentEditor({ value, onChange, path }: PartEditorProps<Comp>) {
  const { t } = useI18n();
  const issue = useContext(IssueContext);
  const bound = useTextBinding(value, onChange, path);
  const form = value.form;
  return (
    <div className="cat-grid">
      <TextField label={t("catalog.edit.component.name")} className="input" required {...bound("name")} />
      <TextField
        label={t("catalog.edit.component.id")}
        hint={t("catalog.edit.slug.hint")}
        required
        {...bound("id")}
      />
      <SelectField
        label={t("catalog.edit.component.handling")}
        value={value.handling}
        onChange={(e) => onChange({ ...value, handling: e.target.value as Comp["handling"] })}
      >
        <option value="submit">{t("catalog.handling.submit")}</option>
        <option value="present">{t("catalog.handling.present")}</option>
      </SelectField>
      <TextField
        label={t("catalog.edit.component.originals")}
        type="number"
        min={0}
        max={20}
        value={value.originals}
        error={issue(`${path}.originals`)}
        onChange={(e) => onChange({ ...value, originals: toInt(e.target.value) })}
      />
      <TextField
        label={t("catalog.edit.component.copies")}
        type="number"
        min={0}
        max={20}
        value={value.copies}
        error={issue(`${path}.copies`)}
        onChange={(e) => onChange({ ...value, copies: toInt(e.target.value) })}
      />
      <TextField
        label={t("catalog.edit.component.condition")}
        hint={t("catalog.edit.component.condition.hint")}
        value={value.requirement.kind === "conditional" ? value.requirement.condition : ""}
        error={issue(`${path}.requirement.condition`)}
        onChange={(e) =>
          onChange({
            ...value,
            requirement: e.target.value
              ? { kind: "conditional", condition: e.target.value }
              : { kind: "required" },
          })
        }
      />
      <TextField
        label={t("catalog.edit.component.formCode")}
        hint={t("catalog.edit.component.formCode.hint")}
        value={form?.code ?? ""}
        error={issue(`${path}.form.code`)}
        onChange={(e) =>
          onChange({
            ...value,
            form: e.target.value
              ? { code: e.target.value, name: form?.name ?? "", issuedBy: form?.issuedBy ?? "" }
              : null,
          })
        }
      />
      {form ? (
        <>
          <TextField
            label={t("catalog.edit.component.formName")}
            value={form.name}
            error={issue(`${path}.form.name`)}
            onChange={(e) => onChange({ ...value, form: { ...form, name: e.target.value } })}
          />
          <TextField
            label={t("catalog.edit.component.formIssuedBy")}
            value={form.issuedBy}
            error={issue(`${path}.form.issuedBy`)}
            onChange={(e) => onChange({ ...value, form: { ...form, issuedBy: e.target.value } })}
          />
        </>
      ) : null}
      <TextField
        label={t("catalog.edit.component.note")}
        value={value.note ?? ""}
        onChange={(e) => onChange({ ...value, note: e.target.value ? e.target.value : null })}
      />
    </div>
  );
}

export function ComponentsEditor({
  items,
  onChange,
  path,
}: {
  items: readonly Comp[];
  onChange: (v: Comp[]) => void;
  path: string;
}) {
  const { t } = useI18n();
  return (
    <ListEditor
      items={items}
      onChange={onChange}
      path={path}
      rowTitle={(_, i) => t("catalog.edit.component.row", { n: i + 1 })}
      blank={() => blankComponent(items.length + 1)}
      addLabel={t("catalog.edit.component.add")}
      renderRow={(c, set, at) => <ComponentEditor value={c} onChange={set} path={at} />}
    />
  );
}
