import { useContext } from "react";
import { SelectField, TextField } from "../../components/field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { ROLE_LABELS } from "../../lib/labels.ts";
import { type Step, toInt, WORKFLOW_ROLES } from "./editors.tsx";
import { IssueContext, useTextBinding } from "./issues.ts";
import { ListEditor } from "./list-editor.tsx";

/** Editor for a procedure's workflow steps and their shares of the processing time. */
export function shareTotal(steps: readonly Step[]): number {
  return steps.reduce((sum, s) => sum + (Number.isFinite(s.share) ? s.share : 0), 0);
}

export function WorkflowEditor({
  steps,
  onChange,
  path,
}: {
  steps: readonly Step[];
  onChange: (v: Step[]) => void;
  path: string;
}) {
  const { t } = useI18n();
  const total = shareTotal(steps);
  return (
    <ListEditor
      items={steps}
      onChange={onChange}
      path={path}
      before={
        <p className="cat-share-line" role="status">
          {t("catalog.edit.workflow.total")}{" "}
          <span className={total === 100 ? "cat-share is-good" : "cat-share is-bad"}>{total}%</span>
          {total === 100 ? null : ` — ${t("catalog.edit.workflow.mustBe100")}`}
        </p>
      }
      rowTitle={(_, i) => t("catalog.edit.step.row", { n: i + 1 })}
      blank={(): Step => ({
        role: "specialist",
        nameVi: "",
        share: Math.max(1, 100 - total),
        canSendBack: true,
      })}
      addLabel={t("catalog.edit.step.add")}
      renderRow={(s, set, at) => <StepEditor value={s} onChange={set} path={at} />}
    />
  );
}

function StepEditor({
  value: s,
  onChange: set,
  path,
}: {
  value: Step;
  onChange: (v: Step) => void;
  path: string;
}) {
  const { t } = useI18n();
  const issue = useContext(IssueContext);
  const bound = useTextBinding(s, set, path);
  return (
    <div className="cat-grid">
      <SelectField
        label={t("catalog.edit.step.role")}
        value={s.role}
        error={issue(`${path}.role`)}
        onChange={(e) => set({ ...s, role: e.target.value as Step["role"] })}
      >
        {(WORKFLOW_ROLES as readonly string[]).includes(s.role) ? null : (
          <option value={s.role}>{s.role}</option>
        )}
        {WORKFLOW_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(ROLE_LABELS[r])}
          </option>
        ))}
      </SelectField>
      <TextField label={t("catalog.edit.step.name")} required {...bound("nameVi")} />
      <TextField
        label={t("catalog.edit.step.share")}
        type="number"
        min={1}
        max={100}
        value={s.share}
        error={issue(`${path}.share`)}
        onChange={(e) => set({ ...s, share: toInt(e.target.value) })}
      />
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={s.canSendBack}
            onChange={(e) => set({ ...s, canSendBack: e.target.checked })}
          />
          <span>{t("catalog.edit.step.canSendBack")}</span>
        </label>
      </div>
    </div>
  );
}
