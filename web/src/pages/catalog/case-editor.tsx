import { SelectField, TextField } from "../../components/field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { blankComponent, ComponentsEditor } from "./component-editor.tsx";
import { type Case, type Doc, Section } from "./editors.tsx";
import { FeesEditor } from "./fee-editor.tsx";
import { useTextBinding } from "./issues.ts";
import { ListEditor } from "./list-editor.tsx";
import { TimeEditor } from "./time-editor.tsx";

/** Editor for a procedure's cases (trường hợp), each of which may override components, fees and time. */
export function CasesEditor({
  items,
  onChange,
  base,
  path,
}: {
  items: readonly Case[];
  onChange: (v: Case[]) => void;
  base: Doc;
  path: string;
}) {
  const { t } = useI18n();
  return (
    <ListEditor
      items={items}
      onChange={onChange}
      path={path}
      showListIssue={false}
      rowTitle={(c, i) => c.name || t("catalog.edit.case.row", { n: i + 1 })}
      blank={(): Case => ({
        id: `truong-hop-${items.length + 1}`,
        name: "",
        components: { mode: "inherit" },
        fees: { mode: "inherit" },
        processingTime: { mode: "inherit" },
      })}
      addLabel={t("catalog.edit.case.add")}
      renderRow={(c, set, at) => <CaseEditor value={c} onChange={set} base={base} path={at} />}
    />
  );
}

function CaseEditor({
  value: c,
  onChange: set,
  base,
  path: at,
}: {
  value: Case;
  onChange: (v: Case) => void;
  base: Doc;
  path: string;
}) {
  const { t } = useI18n();
  const bound = useTextBinding(c, set, at);
  return (
    <>
      <div className="cat-grid">
        <TextField label={t("catalog.edit.case.name")} required {...bound("name")} />
        <TextField
          label={t("catalog.edit.case.id")}
          hint={t("catalog.edit.slug.hint")}
          required
          {...bound("id")}
        />
        <SelectField
          label={t("catalog.components")}
          value={c.components.mode}
          onChange={(e) => {
            const mode = e.target.value as Case["components"]["mode"];
            set({
              ...c,
              components:
                mode === "inherit"
                  ? { mode }
                  : {
                      mode,
                      items: c.components.mode === "inherit" ? [blankComponent(1)] : c.components.items,
                    },
            });
          }}
        >
          <option value="inherit">{t("catalog.edit.mode.inherit")}</option>
          <option value="add">{t("catalog.edit.mode.add")}</option>
          <option value="replace">{t("catalog.edit.mode.replace")}</option>
        </SelectField>
        <SelectField
          label={t("catalog.fee")}
          value={c.fees.mode}
          onChange={(e) =>
            set({
              ...c,
              fees:
                e.target.value === "replace"
                  ? {
                      mode: "replace",
                      rules: c.fees.mode === "replace" ? c.fees.rules : [...base.fees],
                    }
                  : { mode: "inherit" },
            })
          }
        >
          <option value="inherit">{t("catalog.edit.mode.inherit")}</option>
          <option value="replace">{t("catalog.edit.mode.replace")}</option>
        </SelectField>
        <SelectField
          label={t("catalog.time")}
          value={c.processingTime.mode}
          onChange={(e) =>
            set({
              ...c,
              processingTime:
                e.target.value === "replace"
                  ? { mode: "replace", value: base.processingTime }
                  : { mode: "inherit" },
            })
          }
        >
          <option value="inherit">{t("catalog.edit.mode.inherit")}</option>
          <option value="replace">{t("catalog.edit.mode.replace")}</option>
        </SelectField>
      </div>
      {c.components.mode !== "inherit" ? (
        <Section title={t("catalog.components")}>
          <ComponentsEditor
            items={c.components.items}
            onChange={(list) =>
              c.components.mode !== "inherit"
                ? set({ ...c, components: { ...c.components, items: list } })
                : undefined
            }
            path={`${at}.components.items`}
          />
        </Section>
      ) : null}
      {c.fees.mode === "replace" ? (
        <Section title={t("catalog.fee")}>
          <FeesEditor
            items={c.fees.rules}
            onChange={(rules) => set({ ...c, fees: { mode: "replace", rules } })}
            path={`${at}.fees.rules`}
          />
        </Section>
      ) : null}
      {c.processingTime.mode === "replace" ? (
        <Section title={t("catalog.time")}>
          <TimeEditor
            value={c.processingTime.value}
            onChange={(value) => set({ ...c, processingTime: { mode: "replace", value } })}
            path={`${at}.processingTime.value`}
          />
        </Section>
      ) : null}
    </>
  );
}
