import { type FormEvent, useEffect, useState } from "react";
import {
  describeFeeRule,
  describeProcessingTime,
  describeTimeLimit,
} from "../../../../src/domain/catalog/describe.ts";
import { api, type FeeQuote, type ProcedureDetail } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { formatHours } from "../../lib/hours.ts";
import { ROLE_LABELS } from "../../lib/labels.ts";
import { procedurePath as startPath } from "../../portal-paths.ts";
import { Link, navigate, useLocation } from "../../router.tsx";
import { PublishedAnswers } from "../feedback/published-answers.tsx";
import {
  APPLICANT_LABELS,
  displayDate,
  displayVnd,
  HANDLING_LABELS,
  LEVEL_LABELS,
  ONLINE_LABELS,
  procedurePath,
} from "./labels.ts";

/** The national public-service portal (src/modules/catalog/read.ts): a second place to file. */
const NATIONAL_PORTAL = "https://dichvucong.gov.vn";

type Doc = ProcedureDetail["document"];
type Component = Doc["components"][number];
type FeeResult = FeeQuote["result"];

/** The public page of one procedure: what to bring, what it costs, how long it takes, where and when to file. */
export function ProcedurePage({ slug }: { slug: string }) {
  const { t, lang } = useI18n();
  const { search } = useLocation();
  const unit = search.get("unit") ?? "";
  const [detail, setDetail] = useState<ProcedureDetail | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    api.catalog.detail(slug, unit || undefined).then(
      (d) => {
        if (current) setDetail(d);
      },
      (e: unknown) => {
        if (current) setError(e);
      },
    );
    return () => {
      current = false;
    };
  }, [slug, unit]);

  if (error) {
    return (
      <div className="container cat-page">
        <PageHeading title={t("catalog.procedure.unavailable")} />
        <Alert kind="error">{errorText(error, lang)}</Alert>
        <Link to="/thu-tuc" className="button">
          {t("catalog.back")}
        </Link>
      </div>
    );
  }
  if (!detail || detail.slug !== slug) {
    return (
      <p className="loading" role="status">
        {t("common.loading")}
      </p>
    );
  }
  const doc = detail.document;
  const vi = lang === "vi";

  return (
    <div className="container cat-page cat-procedure">
      <nav aria-label={t("catalog.breadcrumb")} className="cat-breadcrumb">
        <Link to={unit ? `/thu-tuc?unit=${encodeURIComponent(unit)}` : "/thu-tuc"}>{t("catalog.back")}</Link>
      </nav>
      <PageHeading
        title={doc.name}
        lead={
          <>
            {vi ? detail.field.nameVi : detail.field.nameEn}
            {detail.code ? ` · ${t("catalog.code")} ${detail.code}` : ""}
            {!vi ? <span className="cat-en-name"> — {doc.nameEn}</span> : null}
          </>
        }
      />
      {!detail.version.inForce ? (
        <Alert kind="warning">
          {t("catalog.version.notInForce", { date: displayDate(detail.version.effectiveFrom) })}
        </Alert>
      ) : null}

      <div className="cat-layout">
        <div className="cat-main">
          <section className="panel" aria-labelledby="cat-summary">
            <h2 id="cat-summary" className="visually-hidden">
              {t("catalog.summary")}
            </h2>
            <dl className="facts cat-facts">
              <div>
                <dt>{t("catalog.time")}</dt>
                <dd>{vi ? detail.summary.timeVi : detail.summary.timeEn}</dd>
              </div>
              <div>
                <dt>{t("catalog.fee")}</dt>
                <dd>{vi ? detail.summary.feeVi : detail.summary.feeEn}</dd>
              </div>
              <div>
                <dt>{t("catalog.result")}</dt>
                <dd>{doc.result.name}</dd>
              </div>
              <div>
                <dt>{t("catalog.levels")}</dt>
                <dd>{doc.levels.map((l) => t(LEVEL_LABELS[l] ?? "catalog.level.commune")).join(", ")}</dd>
              </div>
              <div>
                <dt>{t("catalog.applicants")}</dt>
                <dd>
                  {doc.applicants
                    .map((a) => t(APPLICANT_LABELS[a] ?? "catalog.applicant.individual"))
                    .join(", ")}
                </dd>
              </div>
              <div>
                <dt>{t("catalog.online")}</dt>
                <dd>
                  <span className={`badge cat-online cat-online-${detail.online.level}`}>
                    {t(ONLINE_LABELS[detail.online.level])}
                  </span>
                </dd>
              </div>
              <div>
                <dt>{t("catalog.postal")}</dt>
                <dd>
                  {[
                    doc.postal.receiveDossier ? t("catalog.postal.receive") : null,
                    doc.postal.deliverResult ? t("catalog.postal.deliver") : null,
                  ]
                    .filter(Boolean)
                    .join("; ") || t("catalog.postal.none")}
                </dd>
              </div>
            </dl>
          </section>

          <section className="panel" aria-labelledby="cat-bring">
            <h2 id="cat-bring">{t("catalog.components")}</h2>
            <ComponentList items={doc.components} forms={detail.forms} />
            {doc.conditions.length > 0 ? (
              <>
                <h3>{t("catalog.conditions")}</h3>
                <ul className="cat-list">
                  {doc.conditions.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          {doc.cases.length > 0 ? (
            <section className="panel" aria-labelledby="cat-cases">
              <h2 id="cat-cases">{t("catalog.cases")}</h2>
              {doc.cases.map((c) => (
                <div key={c.id} className="cat-case">
                  <h3>{c.name}</h3>
                  {c.components.mode === "inherit" ? null : (
                    <>
                      <p className="muted">
                        {c.components.mode === "add"
                          ? t("catalog.case.componentsAdd")
                          : t("catalog.case.componentsReplace")}
                      </p>
                      <ComponentList items={c.components.items} forms={detail.forms} />
                    </>
                  )}
                  {c.fees.mode === "replace" ? (
                    <p>
                      <strong>{t("catalog.fee")}:</strong>{" "}
                      {c.fees.rules.map((r) => `${r.label}: ${describeFeeRule(r, lang)}`).join("; ")}
                    </p>
                  ) : null}
                  {c.processingTime.mode === "replace" ? (
                    <p>
                      <strong>{t("catalog.time")}:</strong>{" "}
                      {describeProcessingTime(c.processingTime.value, lang)}
                    </p>
                  ) : null}
                  {c.components.mode === "inherit" &&
                  c.fees.mode === "inherit" &&
                  c.processingTime.mode === "inherit" ? (
                    <p className="muted">{t("catalog.case.same")}</p>
                  ) : null}
                </div>
              ))}
            </section>
          ) : null}

          <section className="panel" aria-labelledby="cat-cost">
            <h2 id="cat-cost">{t("catalog.cost")}</h2>
            <ul className="cat-list">
              {doc.fees.map((rule) => (
                <li key={rule.label}>
                  <strong>{rule.label}</strong>: {describeFeeRule(rule, lang)}
                  <span className="cell-sub">
                    {t("catalog.basis")}: {rule.basis}
                  </span>
                  {rule.kind !== "free" && rule.exemptions.length > 0 ? (
                    <span className="cell-sub">
                      {t("catalog.exemptions")}: {rule.exemptions.map((e) => e.label).join("; ")}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
            <FeeExamples detail={detail} />
            <FeeCalculator detail={detail} unit={unit} />
          </section>

          <section className="panel" aria-labelledby="cat-time">
            <h2 id="cat-time">{t("catalog.time")}</h2>
            <p>{describeTimeLimit(doc.processingTime.standard, lang)}</p>
            {doc.processingTime.online ? (
              <p>
                {t("catalog.time.online")}: {describeTimeLimit(doc.processingTime.online, lang)}
              </p>
            ) : null}
            {doc.processingTime.extension ? (
              <p>
                {t("catalog.time.extension", {
                  total: describeTimeLimit(doc.processingTime.extension.total, lang),
                })}{" "}
                {doc.processingTime.extension.when}
              </p>
            ) : null}
          </section>

          <section className="panel" aria-labelledby="cat-steps">
            <h2 id="cat-steps">{t("catalog.steps")}</h2>
            <ol className="cat-steps">
              {doc.workflow.map((step) => (
                <li key={`${step.role}:${step.nameVi}`}>
                  <span className="cat-step-name">{step.nameVi}</span>
                  <span className="cell-sub">
                    {t(ROLE_LABELS[step.role])} · {t("catalog.step.share", { share: step.share })}
                  </span>
                </li>
              ))}
            </ol>
          </section>

          <section className="panel" aria-labelledby="cat-legal">
            <h2 id="cat-legal">{t("catalog.legalBasis")}</h2>
            <ul className="cat-list">
              {doc.legalBasis.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
            <details className="cat-source">
              <summary>{t("catalog.source")}</summary>
              <p>{doc.source.citation}</p>
              <p className="muted">{doc.source.portalListing}</p>
              {doc.notes.length > 0 ? (
                <ul className="cat-list">
                  {doc.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              ) : null}
            </details>
            <p className="muted small">
              {t("catalog.version.info", {
                version: detail.version.version,
                date: displayDate(detail.version.effectiveFrom),
              })}
            </p>
          </section>
        </div>

        <aside className="cat-aside" aria-label={t("catalog.where")}>
          <WhereToFile detail={detail} unit={unit} slug={slug} />
        </aside>
      </div>
      <PublishedAnswers procedure={detail.slug} />
    </div>
  );
}

function ComponentList({ items, forms }: { items: readonly Component[]; forms: ProcedureDetail["forms"] }) {
  const { t } = useI18n();
  return (
    <ul className="cat-components">
      {items.map((c) => {
        const form = c.form ? forms.find((f) => f.code === c.form?.code) : undefined;
        return (
          <li key={c.id} className="cat-component">
            <p className="cat-component-name">{c.name}</p>
            <p className="cell-sub">
              {t(HANDLING_LABELS[c.handling] ?? "catalog.handling.submit")}
              {" · "}
              {t("catalog.component.count", { originals: c.originals, copies: c.copies })}
              {c.requirement.kind === "conditional"
                ? ` · ${t("catalog.component.when")}: ${c.requirement.condition}`
                : ""}
            </p>
            {c.note ? <p className="cell-sub">{c.note}</p> : null}
            {c.form ? (
              <p className="cat-form">
                {form?.downloadUrl ? (
                  <a href={form.downloadUrl} download>
                    <Icon name="download" /> {t("catalog.form.download", { name: c.form.name })}
                  </a>
                ) : (
                  <span>{t("catalog.form.named", { name: c.form.name, issuedBy: c.form.issuedBy })}</span>
                )}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function FeeExamples({ detail }: { detail: ProcedureDetail }) {
  const { t, lang } = useI18n();
  const examples = detail.feeExamples.filter(
    (e) => e.result.status === "computed" && (e.pages !== null || e.copies > 1),
  );
  if (examples.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table cat-fee-table">
        <caption>{t("catalog.fee.examples")}</caption>
        <thead>
          <tr>
            {detail.document.cases.some((c) => c.fees.mode === "replace") ? (
              <th scope="col">{t("catalog.case")}</th>
            ) : null}
            <th scope="col">{t("catalog.fee.pages")}</th>
            <th scope="col">{t("catalog.fee.copies")}</th>
            <th scope="col">{t("catalog.fee.total")}</th>
          </tr>
        </thead>
        <tbody>
          {examples.map((e) => (
            <tr key={`${e.caseId}-${e.pages}-${e.copies}`}>
              {detail.document.cases.some((c) => c.fees.mode === "replace") ? (
                <td>{e.caseName ?? "—"}</td>
              ) : null}
              <td>{e.pages ?? "—"}</td>
              <td>{e.copies}</td>
              <td>{e.result.status === "computed" ? displayVnd(e.result.totalVnd, lang) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Asks the server (the catalog's one fee function) what a request costs. */
function FeeCalculator({ detail, unit }: { detail: ProcedureDetail; unit: string }) {
  const { t, lang } = useI18n();
  const doc = detail.document;
  const perPage = [doc.fees, ...doc.cases.map((c) => (c.fees.mode === "replace" ? c.fees.rules : []))]
    .flat()
    .some((r) => r.kind === "per_page");
  const [caseId, setCaseId] = useState("");
  const [pages, setPages] = useState(perPage ? "3" : "");
  const [copies, setCopies] = useState("1");
  const [result, setResult] = useState<FeeResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function compute(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const quote = await api.catalog.fee(detail.slug, {
        ...(pages ? { pages: Number(pages) } : {}),
        copies: Number(copies || "1"),
        ...(caseId ? { case: caseId } : {}),
        ...(unit ? { unit } : {}),
      });
      setResult(quote.result);
    } catch (e) {
      setResult(null);
      setError(e);
    }
  }

  return (
    <form className="cat-calc" onSubmit={compute} aria-labelledby="cat-calc-title">
      <h3 id="cat-calc-title">{t("catalog.calc.title")}</h3>
      <div className="cat-calc-fields">
        {doc.cases.length > 0 ? (
          <div className="field">
            <label htmlFor="cat-calc-case">{t("catalog.case")}</label>
            <select
              id="cat-calc-case"
              className="input"
              value={caseId}
              onChange={(e) => setCaseId(e.target.value)}
            >
              <option value="">{t("catalog.calc.general")}</option>
              {doc.cases.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {perPage ? (
          <div className="field">
            <label htmlFor="cat-calc-pages">{t("catalog.fee.pages")}</label>
            <input
              id="cat-calc-pages"
              className="input"
              type="number"
              inputMode="numeric"
              min={1}
              max={100000}
              value={pages}
              onChange={(e) => setPages(e.target.value)}
            />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="cat-calc-copies">{t("catalog.fee.copies")}</label>
          <input
            id="cat-calc-copies"
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            max={1000}
            value={copies}
            onChange={(e) => setCopies(e.target.value)}
          />
        </div>
        <button type="submit" className="button">
          {t("catalog.calc.submit")}
        </button>
      </div>
      <div role="status" className="cat-calc-result">
        {error ? <p className="field-error">{errorText(error, lang)}</p> : null}
        {result?.status === "computed" ? (
          <>
            <p className="cat-calc-total">
              {t("catalog.calc.total", { total: displayVnd(result.totalVnd, lang) })}
            </p>
            <ul className="cat-list small">
              {result.lines.map((l) => (
                <li key={l.label}>
                  {l.label}: {l.detail}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {result?.status === "needs_local_amount" ? (
          <p>
            {t("catalog.calc.local", {
              resolutions: result.resolutions.map((r) => `${r.number} (${r.province})`).join(", "),
            })}
          </p>
        ) : null}
      </div>
    </form>
  );
}

function WhereToFile({ detail, unit, slug }: { detail: ProcedureDetail; unit: string; slug: string }) {
  const { t } = useI18n();
  const place = detail.unit;
  // Filed online on this site wherever a unit offers it (the chosen one, or any when none is chosen yet).
  const fileHere = detail.online.level !== "none" && (place ? place.offered : detail.offeredByTotal > 0);
  return (
    <section className="panel cat-where" aria-labelledby="cat-where">
      <h2 id="cat-where">{t("catalog.where")}</h2>
      <div className="field">
        <label htmlFor="cat-where-unit">{t("catalog.where.unit")}</label>
        <select
          id="cat-where-unit"
          className="input"
          value={unit}
          onChange={(e) => navigate(procedurePath(slug, e.target.value || undefined), { replace: true })}
        >
          <option value="">{t("catalog.where.choose")}</option>
          {place && !detail.offeredBy.some((u) => u.code === place.code) ? (
            <option value={place.code}>{place.name}</option>
          ) : null}
          {detail.offeredBy.map((u) => (
            <option key={u.id} value={u.code}>
              {u.place ? `${u.name} (${u.place})` : u.name}
            </option>
          ))}
        </select>
      </div>
      {place ? (
        <div className="cat-place">
          {!place.offered ? <Alert kind="warning">{t("catalog.where.notOffered")}</Alert> : null}
          <p className="strong">{place.name}</p>
          {place.address ? (
            <p>
              <Icon name="pin" /> {place.address}
            </p>
          ) : null}
          {place.phone ? <p>{t("catalog.where.phone", { phone: place.phone })}</p> : null}
          <p>
            <Icon name="clock" /> {formatHours(place.workingHours, t)}
          </p>
          <p className="small muted">
            {t("catalog.where.cutoff", { time: place.workingHours.lateReceptionCutoff })}
          </p>
          {place.local.note ? <p>{place.local.note}</p> : null}
          <a
            className="button button-block"
            href={api.catalog.boardUrl(place.code)}
            target="_blank"
            rel="noopener"
          >
            <Icon name="print" />
            <span>{t("catalog.board.print")}</span>
          </a>
        </div>
      ) : (
        <p className="muted">{t("catalog.where.count", { n: detail.offeredByTotal })}</p>
      )}
      {fileHere ? (
        <Link
          className="button button-primary button-block cat-online-link"
          to={place?.offered ? `${startPath(slug)}?unit=${encodeURIComponent(place.code)}` : startPath(slug)}
          data-testid="file-online"
        >
          {t("catalog.online.file")}
        </Link>
      ) : (
        <p className="muted">{t("catalog.online.noneText")}</p>
      )}
      {fileHere && detail.online.url ? (
        <p className="small">
          <a href={detail.online.url} rel="noopener" target="_blank" className="cat-online-elsewhere">
            {t(
              detail.online.url === NATIONAL_PORTAL ? "catalog.online.national" : "catalog.online.elsewhere",
            )}
          </a>
        </p>
      ) : null}
    </section>
  );
}
