import { type FormEvent, useRef, useState } from "react";
import { UnitInput, UnitUpdate } from "../../../../src/contracts/units.ts";
import { ApiError, api, type Unit, type UnitCreateBody, type UnitUpdateBody } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import {
  apiFieldErrors,
  type FieldErrors,
  focusFirstInvalid,
  zodFieldErrors,
} from "../../lib/form-errors.ts";
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from "../../lib/labels.ts";

const FIELDS = [
  "code",
  "gsoCode",
  "name",
  "shortName",
  "kind",
  "address",
  "phone",
  "email",
  "website",
  "validFrom",
] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const HINTS: Partial<Record<Field, MessageKey>> = {
  code: "unit.code.hint",
  gsoCode: "unit.gsoCode.hint",
  phone: "unit.phone.hint",
  email: "unit.email.hint",
  website: "unit.website.hint",
  validFrom: "unit.validFrom.hint",
};

function valuesOf(unit: Unit | null, kind: UnitKind): Values {
  return {
    code: unit?.code ?? "",
    gsoCode: unit?.gsoCode ?? "",
    name: unit?.name ?? "",
    shortName: unit?.shortName ?? "",
    kind: unit?.kind ?? kind,
    address: unit?.address ?? "",
    phone: unit?.phone ?? "",
    email: unit?.email ?? "",
    website: unit?.website ?? "",
    validFrom: unit?.validFrom ?? "",
  };
}

/** What a new child of this parent usually is. */
function defaultKind(parent: Unit | null): UnitKind {
  if (!parent) return "province";
  if (parent.kind === "province") return "district";
  if (parent.kind === "district") return "commune";
  return "agency";
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

type Mode = { kind: "create"; parent: Unit | null } | { kind: "edit"; unit: Unit };

/** Create a unit under a parent, or edit one; edits carry the version read, for optimistic concurrency. */
export function UnitFormDialog({
  mode,
  onClose,
  onSaved,
}: {
  mode: Mode;
  onClose: () => void;
  onSaved: (unit: Unit, created: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const [base, setBase] = useState<Unit | null>(mode.kind === "edit" ? mode.unit : null);
  const parent = mode.kind === "create" ? mode.parent : null;
  const [values, setValues] = useState<Values>(() => valuesOf(base, defaultKind(parent)));
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  function set(field: Field, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
  }

  function fail(found: FieldErrors<Field>) {
    setErrors(found);
    focusFirstInvalid(formRef.current);
  }

  function createBody(): UnitCreateBody {
    return {
      code: values.code.trim().toUpperCase(),
      gsoCode: orNull(values.gsoCode),
      name: values.name.trim(),
      shortName: orNull(values.shortName),
      kind: values.kind as UnitKind,
      parentId: parent?.id ?? null,
      address: orNull(values.address),
      phone: orNull(values.phone),
      email: orNull(values.email),
      website: orNull(values.website),
      validFrom: orNull(values.validFrom),
    };
  }

  function updateBody(unit: Unit): UnitUpdateBody {
    const original = valuesOf(unit, unit.kind);
    const body: UnitUpdateBody = { version: unit.version };
    const changed = (f: Field) => values[f].trim() !== original[f];
    if (changed("code")) body.code = values.code.trim().toUpperCase();
    if (changed("name")) body.name = values.name.trim();
    if (changed("kind")) body.kind = values.kind as UnitKind;
    if (changed("gsoCode")) body.gsoCode = orNull(values.gsoCode);
    if (changed("shortName")) body.shortName = orNull(values.shortName);
    if (changed("address")) body.address = orNull(values.address);
    if (changed("phone")) body.phone = orNull(values.phone);
    if (changed("email")) body.email = orNull(values.email);
    if (changed("website")) body.website = orNull(values.website);
    if (changed("validFrom")) body.validFrom = orNull(values.validFrom);
    return body;
  }

  async function reload() {
    if (!base) return;
    setBusy(true);
    try {
      const latest = await api.units.get(base.id);
      setBase(latest);
      setValues(valuesOf(latest, latest.kind));
      setConflict(false);
      setErrors({});
    } catch (error) {
      fail(apiFieldErrors(error, FIELDS, lang, t));
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const body = base ? updateBody(base) : createBody();
    const parsed = base ? UnitUpdate.safeParse(body) : UnitInput.safeParse(body);
    if (!parsed.success) {
      fail(zodFieldErrors(parsed.error, FIELDS, t, HINTS));
      return;
    }
    setBusy(true);
    setErrors({});
    setConflict(false);
    try {
      const saved = base
        ? await api.units.update(base.id, body as UnitUpdateBody)
        : await api.units.create(body as UnitCreateBody);
      onSaved(saved, !base);
    } catch (error) {
      if (error instanceof ApiError && error.code === "CONFLICT") {
        setConflict(true);
        setErrors({});
      } else {
        fail(apiFieldErrors(error, FIELDS, lang, t, { UNIT_CODE_TAKEN: "code" }));
      }
    } finally {
      setBusy(false);
    }
  }

  const title = base
    ? t("units.edit.title", { name: base.name })
    : parent
      ? t("units.create.titleUnder", { parent: parent.name })
      : t("units.create.titleRoot");

  const text = (field: Field, label: MessageKey, extra: { required?: boolean; type?: string } = {}) => (
    <TextField
      label={t(label)}
      name={field}
      hint={HINTS[field] ? t(HINTS[field]) : undefined}
      value={values[field]}
      onChange={(e) => set(field, e.target.value)}
      error={errors[field]}
      required={extra.required}
      type={extra.type ?? "text"}
    />
  );

  return (
    <Dialog title={title} onClose={onClose} wide>
      {conflict ? (
        <Alert kind="error" title={t("conflict.title")}>
          <p>{t("conflict.text")}</p>
          <button type="button" className="button" onClick={reload} disabled={busy}>
            {t("conflict.reload")}
          </button>
        </Alert>
      ) : null}
      {errors.form ? <Alert kind="error">{errors.form}</Alert> : null}
      <form ref={formRef} onSubmit={submit} noValidate className="form">
        <div className="form-grid">
          {text("name", "unit.name", { required: true })}
          {text("code", "unit.code", { required: true })}
          <SelectField
            label={t("unit.kind")}
            name="kind"
            required
            value={values.kind}
            onChange={(e) => set("kind", e.target.value)}
            error={errors.kind}
          >
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(UNIT_KIND_LABELS[k])}
              </option>
            ))}
          </SelectField>
          {text("shortName", "unit.shortName")}
          {text("gsoCode", "unit.gsoCode")}
          {text("validFrom", "unit.validFrom", { type: "date" })}
          <div className="span-2">{text("address", "unit.address")}</div>
          {text("phone", "unit.phone", { type: "tel" })}
          {text("email", "unit.email", { type: "email" })}
          <div className="span-2">{text("website", "unit.website", { type: "url" })}</div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {base ? t("common.save") : t("units.create.submit")}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
