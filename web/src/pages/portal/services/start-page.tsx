import { type FormEvent, useEffect, useState } from "react";
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

const IDS = { unit: "start-unit" } as const;
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
  const [eform, setEform] = useState<EFormViewT | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [unit, setUnit] = useState(search.get("unit") ?? "");
  const [busy, setBusy] = useState(false);
  const form = useFormErrors<"unit">(IDS);

  useEffect(() => {
    api.catalog.detail(slug).then(setDetail, setFailed);
    portalApi.eforms.get(slug).then(setEform, () => setEform(null));
  }, [slug]);

  useEffect(() => {
    if (detail && !unit && detail.offeredBy.length === 1) setUnit(detail.offeredBy[0]?.code ?? "");
  }, [detail, unit]);

  if (failed) {
    return (
      <PortalPage title={t("p.start.caption")} back={{ to: PORTAL_PATHS.home, text: t("p.back") }}>
        <p role="alert">{errorText(failed, lang)}</p>
      </PortalPage>
    );
  }
  if (!detail) {
    return (
      <PortalPage title={t("p.loading")}>
        <p role="status">{t("p.loading")}</p>
      </PortalPage>
    );
  }

  const level = eform?.procedure.onlineLevel ?? detail.online.level;
  const online = level !== "none" && eform !== null;
  const name = pick(lang, detail.document.name, detail.document.nameEn);
  const asked = eform
    ? eform.components.map((c) => ({
        id: c.componentId,
        name: c.name,
        condition: c.requirement === "conditional" ? c.conditionVi : null,
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
    if (!unit) {
      form.fail({ unit: t("p.start.unit.required") });
      return;
    }
    if (state.status !== "citizen") {
      const back = `${procedurePath(slug)}?unit=${encodeURIComponent(unit)}`;
      navigate(`${PORTAL_PATHS.signIn}?next=${encodeURIComponent(back)}`);
      return;
    }
    setBusy(true);
    try {
      const draft = await portalApi.drafts.start({ procedure: slug, unit });
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
          {units.length <= RADIO_LIMIT ? (
            <RadioGroup
              id={IDS.unit}
              name="unit"
              legend={t("p.start.unit")}
              hint={t("p.start.unit.hint")}
              choices={units.map((u) => ({ value: u.code, label: u.name }))}
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
                  {u.name}
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
