import { type FormEvent, useCallback, useEffect, useState } from "react";
import { PAYMENT_STATUS_LABELS } from "../../../../../src/contracts/payments.ts";
import { errorText } from "../../../lib/errors.ts";
import { type DossierPaymentsT, type MyDossierDetailT, portalApi } from "../../../portal-api.ts";
import { dossierPath, PORTAL_PATHS } from "../../../portal-paths.ts";
import { Link } from "../../../router.tsx";
import { formatDay, formatInstant } from "../../dossiers/labels.ts";
import { TextAreaField } from "../components/form-parts.tsx";
import { PortalPage } from "../components/portal-page.tsx";
import { SummaryList } from "../components/summary-list.tsx";
import { formatBytes, formatVnd } from "../format.ts";
import { type PortalKey, pick, usePortalI18n } from "../portal-i18n.ts";

const RETURN_LABELS: Record<string, PortalKey> = {
  online: "p.return.online",
  post: "p.return.post",
  counter: "p.return.counter",
};

/**
 * One of the citizen's dossiers: where it stands, what happened (timeline), what the desk said, the appointment,
 * the fee with the pay button and the e-receipt, the result to download, and what the citizen can do now
 * (answer a supplement request, rate the service, withdraw).
 */
export function DossierDetailPage({ id }: { id: string }) {
  const { t, lang } = usePortalI18n();
  const [dossier, setDossier] = useState<MyDossierDetailT | null>(null);
  const [payments, setPayments] = useState<DossierPaymentsT | null>(null);
  const [failed, setFailed] = useState<unknown>(null);

  const load = useCallback(() => {
    portalApi.dossiers.get(id).then(setDossier, setFailed);
    portalApi.payments.ofDossier(id).then(setPayments, () => setPayments(null));
  }, [id]);

  useEffect(load, [load]);

  if (failed) {
    return (
      <PortalPage title={t("p.mine.title")} back={{ to: PORTAL_PATHS.dossiers, text: t("p.mine.title") }}>
        <p role="alert">{errorText(failed, lang)}</p>
      </PortalPage>
    );
  }
  if (!dossier) {
    return (
      <PortalPage title={t("p.loading")}>
        <p role="status">{t("p.loading")}</p>
      </PortalPage>
    );
  }

  const ref = dossier.code ?? dossier.reference ?? "—";
  const status = pick(lang, dossier.statusLabel.vi, dossier.statusLabel.en);
  return (
    <PortalPage
      title={t("p.dossier.title", { code: ref })}
      caption={dossier.procedureName}
      back={{ to: PORTAL_PATHS.dossiers, text: t("p.mine.title") }}
      wide
    >
      <p>
        <strong
          className={`p-tag p-status-${dossier.status}`}
          data-testid="dossier-status"
          data-status={dossier.status}
        >
          {status}
        </strong>
      </p>
      {dossier.pendingSupplement ? (
        <div className="p-notice p-notice-action" data-testid="supplement-notice">
          <h2 className="p-heading-s">{t("p.dossier.supplement.title")}</h2>
          <ul className="p-list-bullet">
            {dossier.pendingSupplement.items.map((item) => (
              <li key={`${item.name}:${item.reason}`}>
                <strong>{item.name}</strong>: {item.reason}
              </li>
            ))}
          </ul>
          <Link to={dossierPath(dossier.id, "bo-sung")} className="p-button">
            {t("p.dossier.supplement.action")}
          </Link>
        </div>
      ) : null}
      <SummaryList
        rows={[
          { key: "unit", label: t("p.dossier.unit"), value: dossier.unit.name },
          {
            key: "submitted",
            label: t("p.dossier.submittedAt"),
            value: formatInstant(dossier.submittedAt, lang),
          },
          {
            key: "appointment",
            label: t("p.dossier.appointment"),
            value: (
              <span data-testid="dossier-appointment">
                {formatInstant(dossier.appointmentAt ?? dossier.dueAt, lang)}
              </span>
            ),
          },
          {
            key: "delivery",
            label: t("p.dossier.delivery"),
            value: (
              <>
                {t(RETURN_LABELS[dossier.returnMethod] ?? "p.return.online")}
                {dossier.deliveryAddress ? (
                  <>
                    <br />
                    {dossier.deliveryAddress}
                  </>
                ) : null}
              </>
            ),
          },
        ]}
      />
      <FeeSection dossier={dossier} payments={payments} />
      <ResultSection dossier={dossier} />
      <section aria-labelledby="dossier-messages">
        <h2 className="p-heading-m" id="dossier-messages">
          {t("p.dossier.messages")}
        </h2>
        {dossier.messages.length === 0 ? <p className="p-muted">{t("p.dossier.messages.none")}</p> : null}
        <ul className="p-messages">
          {dossier.messages.map((m) => (
            <li key={`${m.at}:${m.kind}`} className="p-message" data-kind={m.kind}>
              <p className="p-message-head">
                <strong>{pick(lang, m.title.vi, m.title.en)}</strong>{" "}
                <span className="p-muted">
                  {t("p.dossier.fromDesk")} · {formatInstant(m.at, lang)}
                </span>
              </p>
              {m.reason ? <p>{m.reason}</p> : null}
              {m.items.length > 0 ? (
                <ul className="p-list-bullet">
                  {m.items.map((item) => (
                    <li key={`${item.name}:${item.reason}`}>
                      <strong>{item.name}</strong>: {item.reason}
                    </li>
                  ))}
                </ul>
              ) : null}
              {m.newAppointment ? (
                <p>{t("p.done.appointment", { time: formatInstant(m.newAppointment, lang) })}</p>
              ) : null}
              {m.formUrl ? (
                <p>
                  <a href={m.formUrl} download>
                    {pick(lang, m.title.vi, m.title.en)} (PDF)
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="dossier-timeline">
        <h2 className="p-heading-m" id="dossier-timeline">
          {t("p.dossier.timeline")}
        </h2>
        <ol className="p-timeline" data-testid="timeline">
          {dossier.timeline.map((e) => (
            <li key={`${e.at}:${e.kind}`} className="p-timeline-item">
              <span className="p-timeline-label">{pick(lang, e.label.vi, e.label.en)}</span>
              <span className="p-muted">{formatInstant(e.at, lang)}</span>
            </li>
          ))}
        </ol>
      </section>
      {dossier.uploads.length > 0 ? (
        <section aria-labelledby="dossier-papers">
          <h2 className="p-heading-m" id="dossier-papers">
            {t("p.dossier.papers")}
          </h2>
          <ul className="p-list-plain">
            {dossier.uploads.map((u) => (
              <li key={u.id}>
                <a href={u.url}>{u.name}</a> <span className="p-muted">({formatBytes(u.size, lang)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {dossier.canWithdraw ? <WithdrawForm dossier={dossier} onDone={setDossier} /> : null}
    </PortalPage>
  );
}

function FeeSection({ dossier, payments }: { dossier: MyDossierDetailT; payments: DossierPaymentsT | null }) {
  const { t, lang } = usePortalI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fee = payments?.fee;
  const amount = fee?.amountVnd ?? dossier.fee.amountVnd;
  if (amount === null || amount === undefined) return null;
  const paid = payments?.items.filter((p) => p.status === "paid" && p.receiptUrl) ?? [];
  const latest = payments?.items[0];

  async function pay() {
    setBusy(true);
    setError(null);
    try {
      const started = await portalApi.payments.start(dossier.id, { locale: lang === "en" ? "en" : "vn" });
      window.location.assign(started.redirectUrl);
    } catch (e) {
      setError(errorText(e, lang));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="dossier-fee" className="p-section" data-testid="fee-section">
      <h2 className="p-heading-m" id="dossier-fee">
        {t("p.dossier.fee")}
      </h2>
      <SummaryList
        rows={[
          { key: "amount", label: t("p.dossier.fee.amount"), value: formatVnd(amount, lang) },
          ...(latest
            ? [
                {
                  key: "status",
                  label: t("p.dossier.fee.status"),
                  value: (
                    <span data-testid="payment-status" data-status={latest.status}>
                      {pick(
                        lang,
                        PAYMENT_STATUS_LABELS[latest.status].vi,
                        PAYMENT_STATUS_LABELS[latest.status].en,
                      )}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {error ? (
        <p className="p-error" role="alert">
          {error}
        </p>
      ) : null}
      {fee?.canPayOnline ? (
        <button
          type="button"
          className="p-button"
          onClick={() => void pay()}
          disabled={busy}
          data-testid="pay-button"
        >
          {busy ? t("p.dossier.paying") : t("p.dossier.pay")}
        </button>
      ) : null}
      {paid.map((p) => (
        <p key={p.id}>
          <a href={p.receiptUrl ?? "#"} download data-testid="receipt-link">
            {t("p.dossier.receipt")}
            {p.receiptNumber ? ` ${p.receiptNumber}` : ""}
          </a>
        </p>
      ))}
    </section>
  );
}

function ResultSection({ dossier }: { dossier: MyDossierDetailT }) {
  const { t, lang } = usePortalI18n();
  const result = dossier.result;
  return (
    <section aria-labelledby="dossier-result" className="p-section">
      <h2 className="p-heading-m" id="dossier-result">
        {t("p.dossier.result")}
      </h2>
      {!result ? <p className="p-muted">{t("p.dossier.result.none")}</p> : null}
      {result ? (
        <>
          <p data-testid="result-number">
            {t("p.dossier.result.number", { number: result.number, date: formatDay(result.signedOn) })}
          </p>
          {result.fileUrl ? (
            <p>
              <a href={result.fileUrl} className="p-button" download data-testid="result-download">
                {t("p.dossier.result.download")}
              </a>
            </p>
          ) : null}
          {result.delivery.trackingNumber ? (
            <p>{t("p.dossier.result.tracking", { number: result.delivery.trackingNumber })}</p>
          ) : null}
          {result.delivery.returnedAt ? (
            <p className="p-muted">
              {t("p.dossier.result.returnedAt", { time: formatInstant(result.delivery.returnedAt, lang) })}
            </p>
          ) : null}
        </>
      ) : null}
      {dossier.rating ? (
        <p className="p-notice p-notice-success" data-testid="rated">
          {t("p.dossier.rated")}
        </p>
      ) : dossier.canRate ? (
        <div className="p-notice p-notice-action">
          <h3 className="p-heading-s">{t("p.dossier.rate.title")}</h3>
          <Link to={dossierPath(dossier.id, "danh-gia")} className="p-button">
            {t("p.dossier.rate.action")}
          </Link>
        </div>
      ) : null}
    </section>
  );
}

function WithdrawForm({
  dossier,
  onDone,
}: {
  dossier: MyDossierDetailT;
  onDone: (d: MyDossierDetailT) => void;
}) {
  const { t, lang } = usePortalI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      onDone(
        await portalApi.dossiers.withdraw(dossier.id, {
          version: dossier.version,
          reason: reason.trim() || null,
        }),
      );
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <p>
        <button type="button" className="p-button p-button-warning" onClick={() => setOpen(true)}>
          {t("p.dossier.withdraw")}
        </button>
      </p>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="p-section">
      <TextAreaField
        id="withdraw-reason"
        label={t("p.dossier.withdraw.reason")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={error}
        errorPrefix={t("p.errorPrefix")}
        rows={3}
      />
      <div className="p-button-group">
        <button type="submit" className="p-button p-button-warning" disabled={busy}>
          {t("p.dossier.withdraw.confirm")}
        </button>
        <button type="button" className="p-link-button" onClick={() => setOpen(false)}>
          {t("p.back")}
        </button>
      </div>
    </form>
  );
}
