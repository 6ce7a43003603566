import { useContext } from "react";
import { SelectField, TextField } from "../../components/field.tsx";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { type Fee, type PartEditorProps, toInt } from "./editors.tsx";
import { IssueContext, useTextBinding } from "./issues.ts";
import { ListEditor, removeAt, replaceAt } from "./list-editor.tsx";

/** Editor for a procedure's fee rules (phí, lệ phí) and their exemptions. */
const FEE_KINDS = ["free", "fixed", "per_page", "per_copy", "council_resolution"] as const;
const EXEMPTIONS = [
  "on_time_registration",
  "domestic_citizen_exempt_event",
  "revolution_contributor_family",
  "poor_household",
  "disabled_person",
  "child",
  "elderly",
  "ethnic_minority_hardship_area",
  "online_submission",
] as const;

const FEE_KIND_LABELS: Record<Fee["kind"], MessageKey> = {
  free: "catalog.edit.fee.kind.free",
  fixed: "catalog.edit.fee.kind.fixed",
  per_page: "catalog.edit.fee.kind.per_page",
  per_copy: "catalog.edit.fee.kind.per_copy",
  council_resolution: "catalog.edit.fee.kind.council_resolution",
};

function feeOfKind(kind: Fee["kind"], base: Fee): Fee {
  const common = { label: base.label, feeType: base.feeType, basis: base.basis };
  const exemptions = base.kind === "free" ? [] : base.exemptions;
  switch (kind) {
    case "free":
      return { kind, ...common };
    case "fixed":
      return { kind, ...common, amountVnd: 0, per: "dossier", exemptions };
    case "per_copy":
      return { kind, ...common, vndPerCopy: 0, exemptions };
    case "per_page":
      return {
        kind,
        ...common,
        tiers: [
          { fromPage: 1, toPage: 2, vndPerPage: 2000 },
          { fromPage: 3, toPage: null, vndPerPage: 1000 },
        ],
        capPerCopyVnd: null,
        exemptions,
      };
    case "council_resolution":
      return {
        kind,
        ...common,
        resolution: { number: "", date: "", province: "", title: "" },
        amount: { status: "unverified", note: "" },
        exemptions,
      };
  }
}

function FeeEditor({ value, onChange, path }: PartEditorProps<Fee>) {
  const { t } = useI18n();
  const issue = useContext(IssueContext);
  const bound = useTextBinding(value, onChange, path);
  return (
    <div className="cat-grid">
      <SelectField
        label={t("catalog.edit.fee.kind")}
        value={value.kind}
        onChange={(e) => onChange(feeOfKind(e.target.value as Fee["kind"], value))}
      >
        {FEE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(FEE_KIND_LABELS[k])}
          </option>
        ))}
      </SelectField>
      <TextField label={t("catalog.edit.fee.label")} required {...bound("label")} />
      <SelectField
        label={t("catalog.edit.fee.type")}
        value={value.feeType}
        onChange={(e) => onChange({ ...value, feeType: e.target.value as Fee["feeType"] })}
      >
        <option value="le_phi">{t("catalog.edit.fee.type.le_phi")}</option>
        <option value="phi">{t("catalog.edit.fee.type.phi")}</option>
      </SelectField>
      <TextField label={t("catalog.basis")} required {...bound("basis")} />
      {value.kind === "fixed" ? (
        <>
          <TextField
            label={t("catalog.edit.fee.amount")}
            type="number"
            min={0}
            value={value.amountVnd}
            error={issue(`${path}.amountVnd`)}
            onChange={(e) => onChange({ ...value, amountVnd: toInt(e.target.value) })}
          />
          <SelectField
            label={t("catalog.edit.fee.per")}
            value={value.per}
            onChange={(e) => onChange({ ...value, per: e.target.value as typeof value.per })}
          >
            <option value="dossier">{t("catalog.edit.fee.per.dossier")}</option>
            <option value="case">{t("catalog.edit.fee.per.case")}</option>
            <option value="contract">{t("catalog.edit.fee.per.contract")}</option>
          </SelectField>
        </>
      ) : null}
      {value.kind === "per_copy" ? (
        <TextField
          label={t("catalog.edit.fee.perCopy")}
          type="number"
          min={0}
          value={value.vndPerCopy}
          error={issue(`${path}.vndPerCopy`)}
          onChange={(e) => onChange({ ...value, vndPerCopy: toInt(e.target.value) })}
        />
      ) : null}
      {value.kind === "per_page" ? (
        <>
          {value.tiers.map((tier, i) => (
            <fieldset key={`${path}.tiers.${tier.fromPage}`} className="wide cat-row">
              <legend>{t("catalog.edit.fee.tier", { n: i + 1 })}</legend>
              <div className="cat-grid">
                <TextField
                  label={t("catalog.edit.fee.tier.from")}
                  type="number"
                  min={1}
                  value={tier.fromPage}
                  error={issue(`${path}.tiers.${i}`)}
                  onChange={(e) =>
                    onChange({
                      ...value,
                      tiers: replaceAt(value.tiers, i, { ...tier, fromPage: toInt(e.target.value) }),
                    })
                  }
                />
                <TextField
                  label={t("catalog.edit.fee.tier.to")}
                  hint={t("catalog.edit.fee.tier.to.hint")}
                  type="number"
                  min={1}
                  value={tier.toPage ?? ""}
                  onChange={(e) =>
                    onChange({
                      ...value,
                      tiers: replaceAt(value.tiers, i, {
                        ...tier,
                        toPage: e.target.value === "" ? null : toInt(e.target.value),
                      }),
                    })
                  }
                />
                <TextField
                  label={t("catalog.edit.fee.tier.price")}
                  type="number"
                  min={0}
                  value={tier.vndPerPage}
                  onChange={(e) =>
                    onChange({
                      ...value,
                      tiers: replaceAt(value.tiers, i, { ...tier, vndPerPage: toInt(e.target.value) }),
                    })
                  }
                />
              </div>
            </fieldset>
          ))}
          <div className="field">
            <button
              type="button"
              className="button"
              onClick={() => {
                const last = value.tiers[value.tiers.length - 1];
                const from = last ? (last.toPage ?? last.fromPage) + 1 : 1;
                onChange({
                  ...value,
                  tiers: [...value.tiers, { fromPage: from, toPage: null, vndPerPage: 0 }],
                });
              }}
            >
              {t("catalog.edit.fee.tier.add")}
            </button>
          </div>
          <TextField
            label={t("catalog.edit.fee.cap")}
            hint={t("catalog.edit.fee.cap.hint")}
            type="number"
            min={0}
            value={value.capPerCopyVnd ?? ""}
            onChange={(e) =>
              onChange({ ...value, capPerCopyVnd: e.target.value === "" ? null : toInt(e.target.value) })
            }
          />
        </>
      ) : null}
      {value.kind === "council_resolution" ? (
        <>
          <ResolutionFields
            value={value.resolution}
            onChange={(resolution) => onChange({ ...value, resolution })}
            path={`${path}.resolution`}
          />
          <SelectField
            label={t("catalog.edit.fee.amountStatus")}
            value={value.amount.status}
            onChange={(e) =>
              onChange({
                ...value,
                amount:
                  e.target.value === "confirmed"
                    ? { status: "confirmed", vnd: 0, per: "case", evidence: "" }
                    : { status: "unverified", note: "" },
              })
            }
          >
            <option value="unverified">{t("catalog.edit.fee.amountStatus.unverified")}</option>
            <option value="confirmed">{t("catalog.edit.fee.amountStatus.confirmed")}</option>
          </SelectField>
          {value.amount.status === "confirmed" ? (
            <>
              <TextField
                label={t("catalog.edit.fee.amount")}
                type="number"
                min={0}
                value={value.amount.vnd}
                error={issue(`${path}.amount.vnd`)}
                onChange={(e) =>
                  value.amount.status === "confirmed"
                    ? onChange({ ...value, amount: { ...value.amount, vnd: toInt(e.target.value) } })
                    : undefined
                }
              />
              <SelectField
                label={t("catalog.edit.fee.per")}
                value={value.amount.per}
                onChange={(e) =>
                  value.amount.status === "confirmed"
                    ? onChange({
                        ...value,
                        amount: { ...value.amount, per: e.target.value as "case" | "copy" },
                      })
                    : undefined
                }
              >
                <option value="case">{t("catalog.edit.fee.per.case")}</option>
                <option value="copy">{t("catalog.edit.fee.per.copy")}</option>
              </SelectField>
              <TextField
                label={t("catalog.edit.fee.evidence")}
                value={value.amount.evidence}
                error={issue(`${path}.amount.evidence`)}
                onChange={(e) =>
                  value.amount.status === "confirmed"
                    ? onChange({ ...value, amount: { ...value.amount, evidence: e.target.value } })
                    : undefined
                }
              />
            </>
          ) : (
            <TextField
              label={t("catalog.edit.fee.amountNote")}
              value={value.amount.note}
              error={issue(`${path}.amount.note`)}
              onChange={(e) => onChange({ ...value, amount: { status: "unverified", note: e.target.value } })}
            />
          )}
        </>
      ) : null}
      {value.kind !== "free" ? (
        <fieldset className="wide cat-row">
          <legend>{t("catalog.exemptions")}</legend>
          {value.exemptions.map((ex, i) => (
            <div key={`${path}.ex.${ex.code}`} className="cat-grid">
              <SelectField
                label={t("catalog.edit.exemption.code")}
                value={ex.code}
                onChange={(e) =>
                  onChange({
                    ...value,
                    exemptions: replaceAt(value.exemptions, i, {
                      ...ex,
                      code: e.target.value as typeof ex.code,
                    }),
                  })
                }
              >
                {EXEMPTIONS.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t("catalog.edit.exemption.label")}
                value={ex.label}
                error={issue(`${path}.exemptions.${i}.label`)}
                onChange={(e) =>
                  onChange({
                    ...value,
                    exemptions: replaceAt(value.exemptions, i, { ...ex, label: e.target.value }),
                  })
                }
              />
              <TextField
                label={t("catalog.basis")}
                value={ex.basis}
                error={issue(`${path}.exemptions.${i}.basis`)}
                onChange={(e) =>
                  onChange({
                    ...value,
                    exemptions: replaceAt(value.exemptions, i, { ...ex, basis: e.target.value }),
                  })
                }
              />
              <div className="field">
                <button
                  type="button"
                  className="button button-small button-danger-outline"
                  onClick={() => onChange({ ...value, exemptions: removeAt(value.exemptions, i) })}
                >
                  {t("catalog.edit.exemption.remove")}
                </button>
              </div>
            </div>
          ))}
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              onChange({
                ...value,
                exemptions: [
                  ...value.exemptions,
                  {
                    code:
                      EXEMPTIONS.find((c) => !value.exemptions.some((e) => e.code === c)) ?? "poor_household",
                    label: "",
                    basis: "",
                  },
                ],
              })
            }
          >
            {t("catalog.edit.exemption.add")}
          </button>
        </fieldset>
      ) : null}
    </div>
  );
}

export function FeesEditor({
  items,
  onChange,
  path,
}: {
  items: readonly Fee[];
  onChange: (v: Fee[]) => void;
  path: string;
}) {
  const { t } = useI18n();
  return (
    <ListEditor
      items={items}
      onChange={onChange}
      path={path}
      rowTitle={(_, i) => t("catalog.edit.fee.row", { n: i + 1 })}
      blank={(): Fee => ({ kind: "free", label: "", feeType: "le_phi", basis: "" })}
      addLabel={t("catalog.edit.fee.add")}
      renderRow={(f, set, at) => <FeeEditor value={f} onChange={set} path={at} />}
    />
  );
}

type Resolution = Extract<Fee, { kind: "council_resolution" }>["resolution"];

/** The council resolution (nghị quyết HĐND) a fee rule cites. */
function ResolutionFields({ value, onChange, path }: PartEditorProps<Resolution>) {
  const { t } = useI18n();
  const bound = useTextBinding(value, onChange, path);
  return (
    <>
      <TextField label={t("catalog.edit.fee.resolution.number")} {...bound("number")} />
      <TextField label={t("catalog.edit.fee.resolution.date")} type="date" {...bound("date")} />
      <TextField label={t("catalog.edit.fee.resolution.province")} {...bound("province")} />
      <TextField label={t("catalog.edit.fee.resolution.title")} {...bound("title")} />
    </>
  );
}
