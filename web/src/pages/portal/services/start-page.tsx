import { type FormEvent, useEffect, useRef, useState } from "react";
import { foldForSearch as fold } from "../../../../../src/domain/text/vietnamese.ts";
import { api, type ProcedureDetail } from "../../../api.ts";
import { errorText } from "../../../lib/errors.ts";
import { type EFormViewT, portalApi } from "../../../portal-api.ts";
import { filingPath, PORTAL_PATHS, procedurePath } from "../../../portal-paths.ts";
import { Link, navigate, useLocation } from "../../../router.tsx";
import { useSession } from "../../../session.tsx";
import { FormErrorSummary } from "../components/form-error-summary.tsx";
import { RadioGroup, SelectField } from "../components/form-parts.tsx";
import { PortalPage } from "../components/portal-page.tsx";
import { useFormErrors } from "../components/use-form-errors.ts";
import { pick, usePortalI18n } from "../portal-i18n.ts";

const IDS = { unit: "start-unit", caseId: "start-case" } as const;
/** Up to this many offices read best as radios; more need a list. */
const RADIO_LIMIT = 6;

/**
 * A service's start page (GOV.UK "start page"): what it is, what you need, how long and how much, where to apply,
 * then "Bắt đầu". Starting makes a draft for the signed-in citizen; anyone else signs in first and comes back.
 */
export function StartPage({ slug }: { slug: string }) {
  const { t, lang } = usePortalI18n();
  const { state } = useSession();
  const { search } = useLocation();
  const [detail, setDetail] = useState<ProcedureDetail | null>(null);
  // undefined while loading; null when the procedure has no e-form (not online here).
  const [eform, setEform] = useState<EFormViewT | null | undefined>(undefined);
  const [failed, setFailed] = useState<unknown>(null);
  const [unit, setUnit] = useState(search.get("unit") ?? "");
  const [caseId, setCaseId] = useState(search.get("case") ?? "");
  const [busy, setBusy] = useState(false);
  const begun = useRef(false);
  const form = useFormErrors<"unit" | "caseId">(IDS);
  const citizen = state.status === "citizen" ? state.citizen : null;

  useEffect(() => {
    api.catalog.detail(slug).then(setDetail, setFailed);
    portalApi.eforms.get(slug).then(setEform, () => setEform(null));
  }, [slug]);

  useEffect(() => {
    if (!detail || unit) return;
    const chosen = preferredUnit(detail.offeredBy, citizen?.address ?? null);
    if (chosen) setUnit(chosen);
  }, [detail, unit, citizen]);

  // Back from signing in after pressing "Bắt đầu": start right away, so one press is enough.
  const resume = search.get("bat-dau") === "1";
  useEffect(() => {
    if (!resume || begun.current || !citizen || !eform || !unit) return;
    if (caseChoices(eform).length > 0 && !caseId) return;
    begun.current = true;
    setBusy(true);
    portalApi.drafts.start({ procedure: slug, unit, caseId: caseId || null }).then(
      (draft) => navigate(filingPath(draft.id, { page: 1 }), { replace: true }),
      (error) => {
        form.fail({ unit: errorText(error, lang) });
        setBusy(false);
      },
    );
  }, [resume, citizen, eform, unit, caseId, slug, lang, form]);

  if (failed) {
    return (
      <PortalPage title={t("p.start.caption")} back={{ to: PORTAL_PATHS.home, text: t("p.back") }}>
        <p role="alert">{errorText(failed, lang)}</p>
      </PortalPage>
    );
  }
  if (!detail || eform === undefined || (resume && busy)) {
    return (
      <PortalPage title={t("p.loading")}>
        <p role="status">{t("p.loading")}</p>
      </PortalPage>
    );
  }

  const level = eform?.procedure.onlineLevel ?? detail.online.level;
  const online = level !== "none" && eform !== null;
  const name = pick(lang, detail.document.name, detail.document.nameEn);
  const cases = eform ? caseChoices(eform) : [];
  const asked = eform
    ? eform.components
        .filter((c) => !c.cases || (caseId !== "" && c.cases.includes(caseId)))
        .map((c) => ({
          id: c.componentId,
          name: c.name,
          condition: c.conditionVi,
          optional: c.requirement === "optional",
        }))
    : detail.document.components.map((c) => ({
        id: c.id,
        name: c.name,
        condition: c.requirement.kind === "conditional" ? c.requirement.condition : null,
        optional: false,
      }));

  async function start(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const missing: Partial<Record<"unit" | "caseId", string>> = {};
    if (!unit) missing.unit = t("p.start.unit.required");
    if (cases.length > 0 && !caseId) missing.caseId = t("p.start.case.required");
    if (missing.unit || missing.caseId) {
      form.fail(missing);
      return;
    }
    if (state.status !== "citizen") {
      const params = new URLSearchParams({ unit, "bat-dau": "1" });
      if (caseId) params.set("case", caseId);
      const back = `${procedurePath(slug)}?${params.toString()}`;
      navigate(`${PORTAL_PATHS.signIn}?next=${encodeURIComponent(back)}`);
      return;
    }
    setBusy(true);
    try {
      const draft = await portalApi.drafts.start({ procedure: slug, unit, caseId: caseId || null });
      navigate(filingPath(draft.id, { page: 1 }));
    } catch (error) {
      form.fail({ unit: errorText(error, lang) });
      setBusy(false);
    }
  }

  const units = detail.offeredBy;
  return (
    <PortalPage
      title={name}
      caption={t("p.start.caption")}
      back={{ to: PORTAL_PATHS.home, text: t("p.back") }}
      summary={<FormErrorSummary errors={form.summary} version={form.version} />}
    >
      <p className="p-lead">
        {t(
          online
            ? level === "full"
              ? "p.start.online.full"
              : "p.start.online.partial"
            : "p.start.online.none",
        )}
      </p>
      <h2 className="p-heading-m">{t("p.start.need")}</h2>
      <p>{t("p.start.need.lead")}</p>
      <ul className="p-list-bullet" data-testid="start-components">
        {asked.map((c) => (
          <li key={c.id}>
            {c.name}
            {c.optional ? <span className="p-muted"> {t("p.optional")}</span> : null}
            {c.condition ? (
              <span className="p-muted"> — {t("p.start.conditional", { condition: c.condition })}</span>
            ) : null}
          </li>
        ))}
      </ul>
      <dl className="p-facts">
        <div>
          <dt>{t("p.start.time")}</dt>
          <dd>{pick(lang, detail.summary.timeVi, detail.summary.timeEn)}</dd>
        </div>
        <div>
          <dt>{t("p.start.fee")}</dt>
          <dd>{pick(lang, detail.summary.feeVi, detail.summary.feeEn)}</dd>
        </div>
      </dl>
      {online ? (
        <form onSubmit={start} noValidate>
          {cases.length > 0 ? (
            <RadioGroup
              id={IDS.caseId}
              name="case"
              legend={t("p.start.case")}
              hint={t("p.start.case.hint")}
              choices={cases.map((c) => ({ value: c.id, label: c.name }))}
              value={caseId}
              onChange={setCaseId}
              error={form.errors.caseId}
              errorPrefix={t("p.errorPrefix")}
            />
          ) : null}
          {units.length <= RADIO_LIMIT ? (
            <RadioGroup
              id={IDS.unit}
              name="unit"
              legend={t("p.start.unit")}
              hint={t("p.start.unit.hint")}
              choices={units.map((u) => ({ value: u.code, label: u.name, hint: u.place ?? undefined }))}
              value={unit}
              onChange={setUnit}
              error={form.errors.unit}
              errorPrefix={t("p.errorPrefix")}
            />
          ) : (
            <SelectField
              id={IDS.unit}
              name="unit"
              label={t("p.start.unit")}
              hint={t("p.start.unit.hint")}
              value={unit}
              onChange={(e) => setUnit(e.target.value)}
              error={form.errors.unit}
              errorPrefix={t("p.errorPrefix")}
            >
              <option value="" />
              {units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.place ? `${u.name} (${u.place})` : u.name}
                </option>
              ))}
            </SelectField>
          )}
          {state.status !== "citizen" ? <p className="p-muted">{t("p.start.signInFirst")}</p> : null}
          <button
            type="submit"
            className="p-button p-button-start"
            disabled={busy}
            data-testid="start-button"
          >
            {t("p.start.begin")}
            <svg
              className="p-button-start-icon"
              width="17"
              height="19"
              viewBox="0 0 33 40"
              aria-hidden="true"
            >
              <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
            </svg>
          </button>
        </form>
      ) : null}
      <p>
        <Link to={`/thu-tuc/${encodeURIComponent(slug)}`}>{t("p.start.details")}</Link>
      </p>
    </PortalPage>
  );
}

/** The cases (trường hợp) a citizen chooses between: only where a case changes the papers asked. */
function caseChoices(eform: EFormViewT): { id: string; name: string }[] {
  return eform.components.some((c) => c.cases) ? eform.procedure.cases : [];
}

type Offered = ProcedureDetail["offeredBy"][number];
type Address = { commune?: string; district?: string | null; province?: string } | null;

/**
 * The unit to pre-choose: the only one offering the procedure, or the one named after the commune of the citizen's
 * address (its district or province must agree when the address gives them, since commune names repeat).
 */
export function preferredUnit(units: readonly Offered[], address: Address): string | null {
  if (units.length === 1) return units[0]?.code ?? null;
  if (!address?.commune) return null;
  const commune = fold(address.commune);
  const above = [address.district, address.province].filter((p): p is string => !!p).map(fold);
  const matches = units.filter((u) => {
    const name = fold(u.name);
    if (name !== commune && !name.endsWith(` ${commune}`)) return false;
    const place = fold(u.place ?? "");
    return above.every((p) => place.includes(p));
  });
  return matches.length === 1 ? (matches[0]?.code ?? null) : null;
}
