import { type FormEvent, useCallback, useEffect, useMemo, useState } from "react";
import { ApiError, api, type Offering, type ProcedureList, type Unit } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { byVietnameseName } from "../../lib/text.ts";
import { buildTree, flatten } from "../../lib/tree.ts";
import { mayUse } from "../../nav.ts";
import { Link, navigate, useLocation } from "../../router.tsx";
import { useMe } from "../../session.tsx";
import type { Fee, Step } from "./editors.tsx";
import { FeesEditor } from "./fee-editor.tsx";
import { IssueContext } from "./issues.ts";
import { procedurePath } from "./labels.ts";
import { WorkflowEditor } from "./workflow-editor.tsx";

type Local = Offering["local"];

function issuesByPath(error: unknown, lang: "vi" | "en"): (path: string) => string | undefined {
  const map = new Map<string, string>();
  if (error instanceof ApiError) {
    const d = error.details;
    if (d && typeof d === "object" && "issues" in d && Array.isArray(d.issues)) {
      for (const i of d.issues as { path: string; message: string; messageEn: string }[]) {
        // Offering issues are named from the request ("local.fees.0.label"); the editors see "fees.0.label".
        map.set(i.path.replace(/^local\./, ""), lang === "en" ? i.messageEn : i.message);
      }
    }
  }
  return (path) => map.get(path);
}

/**
 * Which procedures a unit offers, with its local additions (the amounts the provincial council set, local working
 * steps, a note, where to file online); a district or province also applies procedures to every unit below it.
 */
export function OfferingPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { search } = useLocation();
  const canManage = mayUse(me.permissions, "catalog.manage");
  const unitCode = search.get("unit") ?? me.unit.code;
  const [units, setUnits] = useState<Unit[]>([]);
  const [items, setItems] = useState<Offering[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Offering | null>(null);

  useEffect(() => {
    api.units.list().then(
      (r) => setUnits(flatten(buildTree(byVietnameseName(r.items))).map((e) => e.item)),
      () => setUnits([]),
    );
  }, []);

  const load = useCallback(async () => {
    try {
      setItems((await api.catalog.offerings(unitCode, canManage)).items);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [unitCode, canManage]);

  useEffect(() => {
    void load();
  }, [load]);

  const unit = units.find((u) => u.code === unitCode);
  const depthOf = useMemo(() => {
    const byId = new Map(units.map((u) => [u.id, u]));
    return (u: Unit) => {
      let depth = 0;
      for (let p = u.parentId; p && depth < 10; p = byId.get(p)?.parentId ?? null) depth++;
      return depth;
    };
  }, [units]);

  async function toggle(offering: Offering) {
    setNotice(null);
    try {
      await api.catalog.updateOffering(offering.id, { version: offering.version, active: !offering.active });
      setNotice(
        offering.active
          ? t("catalog.offering.withdrawn", { name: offering.procedure.name })
          : t("catalog.offering.reoffered", { name: offering.procedure.name }),
      );
      await load();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <PageHeading
        title={t("catalog.offering.title")}
        lead={t("catalog.offering.lead")}
        actions={
          <a className="button" href={api.catalog.boardUrl(unitCode)} target="_blank" rel="noopener">
            <Icon name="print" />
            <span>{t("catalog.board.print")}</span>
          </a>
        }
      />
      <p>
        <Link to="/app/catalog">{t("catalog.admin.back")}</Link>
      </p>
      <section className="panel">
        <SelectField
          label={t("catalog.offering.unit")}
          value={unitCode}
          onChange={(e) =>
            navigate(`/app/catalog/offering?unit=${encodeURIComponent(e.target.value)}`, { replace: true })
          }
        >
          {unit ? null : <option value={unitCode}>{unitCode}</option>}
          {units.map((u) => (
            <option key={u.id} value={u.code}>
              {`${"\u00a0\u00a0".repeat(depthOf(u))}${u.name}`}
            </option>
          ))}
        </SelectField>
      </section>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {error ? <Alert kind="error">{errorText(error, lang)}</Alert> : null}
      {canManage ? (
        <AddPanel
          unitCode={unitCode}
          canPush={unit ? unit.kind === "province" || unit.kind === "district" : false}
          onDone={async (text) => {
            setNotice(text);
            await load();
          }}
        />
      ) : null}
      <section className="panel" aria-labelledby="cat-offered">
        <h2 id="cat-offered">
          {t("catalog.offering.list", { n: items?.filter((o) => o.active).length ?? 0 })}
        </h2>
        {items && items.length === 0 ? <p className="muted">{t("catalog.offering.none")}</p> : null}
        {items && items.length > 0 ? (
          <div className="table-wrap">
            <table className="table responsive-table">
              <thead>
                <tr>
                  <th scope="col">{t("catalog.admin.col.name")}</th>
                  <th scope="col">{t("catalog.offering.local")}</th>
                  <th scope="col">{t("catalog.offering.status")}</th>
                  {canManage ? <th scope="col">{t("common.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {items.map((o) => (
                  <tr key={o.id}>
                    <td data-label={t("catalog.admin.col.name")}>
                      <Link to={procedurePath(o.procedure.slug, unitCode)}>{o.procedure.name}</Link>
                      {o.pushedFrom ? (
                        <span className="cell-sub">
                          {t("catalog.offering.pushedFrom", { name: o.pushedFrom.name })}
                        </span>
                      ) : null}
                    </td>
                    <td data-label={t("catalog.offering.local")}>
                      {[
                        o.local.fees ? t("catalog.offering.local.fees", { n: o.local.fees.length }) : null,
                        o.local.workflow ? t("catalog.offering.local.workflow") : null,
                        o.local.note ? t("catalog.offering.local.note") : null,
                        o.local.onlineUrl ? t("catalog.offering.local.online") : null,
                      ]
                        .filter(Boolean)
                        .join(", ") || "—"}
                    </td>
                    <td data-label={t("catalog.offering.status")}>
                      <span className={o.active ? "badge badge-ok" : "badge badge-muted"}>
                        {o.active ? t("catalog.offering.active") : t("catalog.offering.inactive")}
                      </span>
                    </td>
                    {canManage ? (
                      <td data-label={t("common.actions")}>
                        <div className="cell-actions">
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => setEditing(o)}
                            aria-label={t("catalog.offering.editLocal.aria", { name: o.procedure.name })}
                          >
                            <Icon name="edit" />
                            <span>{t("catalog.offering.editLocal")}</span>
                          </button>
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => toggle(o)}
                            aria-label={`${o.active ? t("catalog.offering.withdraw") : t("catalog.offering.reoffer")}: ${o.procedure.name}`}
                          >
                            {o.active ? t("catalog.offering.withdraw") : t("catalog.offering.reoffer")}
                          </button>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {editing ? (
        <LocalDialog
          offering={editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            setNotice(t("catalog.offering.saved", { name: editing.procedure.name }));
            await load();
          }}
        />
      ) : null}
    </>
  );
}

function AddPanel({
  unitCode,
  canPush,
  onDone,
}: {
  unitCode: string;
  canPush: boolean;
  onDone: (text: string) => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const [q, setQ] = useState("");
  const [found, setFound] = useState<ProcedureList | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function find(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setFound(await api.catalog.search({ q: q.trim(), limit: 10 }));
    } catch (e) {
      setError(e);
    }
  }

  async function offer(slug: string, name: string) {
    setError(null);
    try {
      await api.catalog.offer({ unit: unitCode, procedure: slug });
      await onDone(t("catalog.offering.added", { name }));
    } catch (e) {
      setError(e);
    }
  }

  async function push(slug: string, name: string) {
    setError(null);
    try {
      const r = await api.catalog.push({ unit: unitCode, procedures: [slug] });
      await onDone(
        t("catalog.offering.pushed", {
          name,
          units: r.units,
          created: r.created,
          reactivated: r.reactivated,
        }),
      );
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="panel" aria-labelledby="cat-add">
      <h2 id="cat-add">{t("catalog.offering.add")}</h2>
      <search>
        <form className="cat-search-row" onSubmit={find}>
          <label htmlFor="cat-add-q" className="visually-hidden">
            {t("catalog.search.label")}
          </label>
          <div className="search-box cat-search-input">
            <Icon name="search" />
            <input
              id="cat-add-q"
              type="search"
              className="input"
              placeholder={t("catalog.search.placeholder")}
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
          </div>
          <button type="submit" className="button">
            {t("catalog.search.submit")}
          </button>
        </form>
      </search>
      {error ? <Alert kind="error">{errorText(error, lang)}</Alert> : null}
      {found ? (
        <ul className="cat-rows">
          {found.items.map((p) => (
            <li key={p.id} className="cat-row cat-row-head">
              <span>{p.name}</span>
              <span className="cell-actions">
                <button type="button" className="button button-small" onClick={() => offer(p.slug, p.name)}>
                  {t("catalog.offering.offerHere")}
                </button>
                {canPush ? (
                  <button type="button" className="button button-small" onClick={() => push(p.slug, p.name)}>
                    {t("catalog.offering.pushDown")}
                  </button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function LocalDialog({
  offering,
  onClose,
  onSaved,
}: {
  offering: Offering;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const [local, setLocal] = useState<Local>(offering.local);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const issueAt = useMemo(() => issuesByPath(error, lang), [error, lang]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.catalog.updateOffering(offering.id, { version: offering.version, local });
      await onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const defaultSteps: Step[] = [
    { role: "reception", nameVi: "Tiếp nhận hồ sơ", share: 20, canSendBack: true },
    { role: "specialist", nameVi: "Thẩm định hồ sơ", share: 60, canSendBack: true },
    { role: "leader", nameVi: "Lãnh đạo ký", share: 20, canSendBack: false },
  ];
  const defaultFees: Fee[] = [
    {
      kind: "council_resolution",
      label: "",
      feeType: "le_phi",
      basis: "",
      resolution: { number: "", date: "", province: "", title: "" },
      amount: { status: "confirmed", vnd: 0, per: "case", evidence: "" },
      exemptions: [],
    },
  ];

  return (
    <Dialog title={t("catalog.offering.dialog", { name: offering.procedure.name })} onClose={onClose} wide>
      <IssueContext.Provider value={issueAt}>
        <form className="cat-editor" onSubmit={save} noValidate>
          {error ? <Alert kind="error">{errorText(error, lang)}</Alert> : null}
          <TextField
            label={t("catalog.offering.note")}
            hint={t("catalog.offering.note.hint")}
            value={local.note ?? ""}
            onChange={(e) => setLocal({ ...local, note: e.target.value ? e.target.value : null })}
          />
          <TextField
            label={t("catalog.offering.onlineUrl")}
            type="url"
            value={local.onlineUrl ?? ""}
            error={issueAt("onlineUrl")}
            onChange={(e) => setLocal({ ...local, onlineUrl: e.target.value ? e.target.value : null })}
          />
          <fieldset>
            <legend>{t("catalog.offering.localFees")}</legend>
            <p className="field-hint">{t("catalog.offering.localFees.hint")}</p>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={local.fees !== null}
                onChange={(e) => setLocal({ ...local, fees: e.target.checked ? defaultFees : null })}
              />
              <span>{t("catalog.offering.localFees.use")}</span>
            </label>
            {local.fees ? (
              <FeesEditor items={local.fees} onChange={(fees) => setLocal({ ...local, fees })} path="fees" />
            ) : null}
          </fieldset>
          <fieldset>
            <legend>{t("catalog.offering.localSteps")}</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={local.workflow !== null}
                onChange={(e) => setLocal({ ...local, workflow: e.target.checked ? defaultSteps : null })}
              />
              <span>{t("catalog.offering.localSteps.use")}</span>
            </label>
            {local.workflow ? (
              <WorkflowEditor
                steps={local.workflow}
                onChange={(workflow) => setLocal({ ...local, workflow })}
                path="workflow"
              />
            ) : null}
          </fieldset>
          <div className="form-actions">
            <button type="button" className="button" onClick={onClose}>
              {t("common.cancel")}
            </button>
            <button type="submit" className="button button-primary" disabled={busy}>
              {t("common.save")}
            </button>
          </div>
        </form>
      </IssueContext.Provider>
    </Dialog>
  );
}
