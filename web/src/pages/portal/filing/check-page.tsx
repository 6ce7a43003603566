import { useEffect, useState } from "react";
import { ApiError } from "../../../api.ts";
import { errorText } from "../../../lib/errors.ts";
import { type EFormViewT, portalApi, type ReviewViewT } from "../../../portal-api.ts";
import { filingPath } from "../../../portal-paths.ts";
import { Link, navigate } from "../../../router.tsx";
import { PortalPage } from "../components/portal-page.tsx";
import { SummaryList, type SummaryRow } from "../components/summary-list.tsx";
import { formatAddress } from "../format.ts";
import { type PortalKey, pick, usePortalI18n } from "../portal-i18n.ts";
import { fieldInputId } from "./eform-field.tsx";
import { neighbours, useFiling } from "./filing-context.tsx";
import { rememberSubmission } from "./submission-store.ts";
import { componentInputId } from "./uploads-page.tsx";

const RETURN_LABELS: Record<string, PortalKey> = {
  online: "p.return.online",
  post: "p.return.post",
  counter: "p.return.counter",
};

interface Problem {
  key: string;
  message: string;
  to: string;
}

/**
 * "Kiểm tra lại thông tin": every answer as the server reads it, each with its change link, the papers and the
 * return method; what is still wrong is listed at the top with a link to fix it. Submitting sends the draft.
 */
export function CheckPage() {
  const { t, lang } = usePortalI18n();
  const { draft, eform, setDraft } = useFiling();
  const [review, setReview] = useState<ReviewViewT | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { back } = neighbours(eform, draft.answers, draft.id, "kiem-tra");

  // Once per visit: the draft is current when this page opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once
  useEffect(() => {
    portalApi.drafts.review(draft.id).then(
      (r) => {
        setReview(r);
        setDraft(r.draft);
      },
      (e) => setFailure(errorText(e, lang)),
    );
  }, []);

  if (!review) {
    return (
      <PortalPage title={t("p.check.title")}>
        {failure ? <p role="alert">{failure}</p> : <p role="status">{t("p.loading")}</p>}
      </PortalPage>
    );
  }

  const pageOfField = new Map<string, number>();
  eform.definition.pages.forEach((page, index) => {
    for (const f of page.fields) pageOfField.set(f.id, index + 1);
  });
  const fieldLink = (fieldId: string) => filingPath(draft.id, { page: pageOfField.get(fieldId) ?? 1 });

  const problems: Problem[] = [
    ...review.errors.map((e) => ({
      key: `f:${e.field}:${e.code}`,
      message: pick(lang, e.message, e.messageEn),
      to: `${fieldLink(e.field)}#${fieldInputId({ id: e.field })}`,
    })),
    ...review.missingComponents.map((c) => ({
      key: `c:${c.componentId}`,
      message: t("p.uploads.missing", { name: c.name }),
      to: `${filingPath(draft.id, "giay-to")}#${componentInputId(c.componentId)}`,
    })),
    ...(review.returnMethodError
      ? [
          {
            key: "return",
            message: pick(lang, review.returnMethodError.message, review.returnMethodError.messageEn),
            to: filingPath(draft.id, "nhan-ket-qua"),
          },
        ]
      : []),
  ];
  if (failure) problems.unshift({ key: "submit", message: failure, to: filingPath(draft.id, "kiem-tra") });

  async function submit() {
    if (busy || !review) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await portalApi.drafts.submit(draft.id, review.draft.version);
      rememberSubmission(draft.id, result);
      navigate(filingPath(draft.id, "da-nop"), { replace: true });
    } catch (error) {
      setFailure(errorText(error, lang));
      if (error instanceof ApiError && error.status === 409) {
        portalApi.drafts.review(draft.id).then(setReview, () => undefined);
      }
      setBusy(false);
      requestAnimationFrame(() => document.querySelector<HTMLElement>(".error-summary")?.focus());
    }
  }

  const change = (to: string, hidden: string) => ({ to, text: t("p.change"), hidden });
  const files = review.draft.components.flatMap((c) => c.uploads);
  const procedure = pick(lang, eform.procedure.name, eform.procedure.nameEn);

  return (
    <PortalPage
      title={t("p.check.title")}
      caption={t("p.filing.caption", { procedure })}
      back={back ? { to: back, text: t("p.back") } : undefined}
    >
      {problems.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} aria-labelledby="check-problems">
          <h2 className="error-summary-title" id="check-problems">
            {t("p.check.notReady")}
          </h2>
          <ul className="error-summary-list">
            {problems.map((p) => (
              <li key={p.key}>
                <Link to={p.to}>{p.message}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <SummaryList
        rows={[
          { key: "procedure", label: t("p.check.procedure"), value: procedure },
          { key: "unit", label: t("p.check.unit"), value: review.draft.unit.name },
        ]}
      />
      {review.pages.map((page) => {
        const index = eform.definition.pages.findIndex((p) => p.id === page.id) + 1;
        const rows: SummaryRow[] = page.fields.map((f) => ({
          key: f.id,
          label: pick(lang, f.labelVi, f.labelEn),
          value: displayOf(f, eform, lang, t),
          change: change(filingPath(draft.id, { page: index }), pick(lang, f.labelVi, f.labelEn)),
        }));
        if (rows.length === 0) return null;
        return (
          <section key={page.id} aria-labelledby={`check-${page.id}`}>
            <h2 className="p-heading-m" id={`check-${page.id}`}>
              {pick(lang, page.titleVi, page.titleEn)}
            </h2>
            <SummaryList rows={rows} />
          </section>
        );
      })}
      <h2 className="p-heading-m">{t("p.check.return")}</h2>
      <SummaryList
        rows={[
          {
            key: "returnMethod",
            label: t("p.check.return"),
            value: (
              <>
                {t(RETURN_LABELS[review.draft.returnMethod] ?? "p.return.online")}
                {review.draft.deliveryAddress ? (
                  <>
                    <br />
                    {formatAddress(review.draft.deliveryAddress)}
                  </>
                ) : null}
              </>
            ),
            change:
              eform.returnMethods.length > 1
                ? change(filingPath(draft.id, "nhan-ket-qua"), t("p.check.return"))
                : undefined,
          },
        ]}
      />
      {review.draft.components.length > 0 ? (
        <>
          <h2 className="p-heading-m">{t("p.check.papers")}</h2>
          <SummaryList
            rows={review.draft.components.map((c) => ({
              key: `paper-${c.componentId}`,
              label: c.name,
              value:
                c.uploads.length > 0 ? (
                  <ul className="p-list-plain">
                    {c.uploads.map((u) => (
                      <li key={u.id}>{u.name}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="p-muted">{t("p.uploads.none")}</span>
                ),
              change: change(filingPath(draft.id, "giay-to"), c.name),
            }))}
          />
          <p className="p-muted">{t("p.check.fileCount", { count: files.length })}</p>
        </>
      ) : null}
      <h2 className="p-heading-m">{t("p.check.send")}</h2>
      <p>{t("p.check.send.lead", { unit: review.draft.unit.name })}</p>
      <button
        type="button"
        className="p-button"
        onClick={() => void submit()}
        disabled={busy || !review.ready}
        data-testid="submit-dossier"
      >
        {busy ? t("p.sending") : t("p.check.submit")}
      </button>
    </PortalPage>
  );
}

type ReviewField = ReviewViewT["pages"][number]["fields"][number];

/** The server's reading of an answer; in English, yes/no and the option's English label from the definition. */
function displayOf(
  field: ReviewField,
  eform: EFormViewT,
  lang: "vi" | "en",
  t: (key: PortalKey) => string,
): string {
  if (field.value === null || field.value === undefined) return "—";
  if (field.type === "checkbox") return t(field.value === true ? "p.filing.yes" : "p.filing.no");
  if (lang === "en" && field.type === "select") {
    const def = eform.definition.pages.flatMap((p) => p.fields).find((f) => f.id === field.id);
    const option = def?.type === "select" ? def.options.find((o) => o.value === field.value) : undefined;
    if (option) return option.labelEn;
  }
  return field.display ?? String(field.value);
}
