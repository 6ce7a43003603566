import { useEffect, useState } from "react";
import { errorText } from "../../../lib/errors.ts";
import { type PaymentType, portalApi } from "../../../portal-api.ts";
import { dossierPath, PORTAL_PATHS } from "../../../portal-paths.ts";
import { Link, useLocation } from "../../../router.tsx";
import { ConfirmationPanel } from "../components/confirmation-panel.tsx";
import { PortalPage } from "../components/portal-page.tsx";
import { formatVnd } from "../format.ts";
import { usePortalI18n } from "../portal-i18n.ts";

const POLL_MS = 2000;
const POLL_LIMIT = 30;

/**
 * Where the gateway sends the citizen back (?id=…&outcome=…). The outcome in the address is only a hint: the page
 * reads the payment, and while the gateway's signed notification has not arrived it asks again.
 */
export function PaymentResultPage() {
  const { t, lang } = usePortalI18n();
  const { search } = useLocation();
  const paymentId = search.get("id");
  const [payment, setPayment] = useState<PaymentType | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!paymentId) return;
    let stopped = false;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      portalApi.payments.get(paymentId).then(
        (p) => {
          if (stopped) return;
          setPayment(p);
          if (p.status === "pending" && ++tries < POLL_LIMIT) timer = setTimeout(poll, POLL_MS);
        },
        (e) => !stopped && setError(e),
      );
    };
    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [paymentId]);

  if (!paymentId || error) {
    return (
      <PortalPage title={t("p.payment.title")} back={{ to: PORTAL_PATHS.dossiers, text: t("p.mine.title") }}>
        <p role="alert">{error ? errorText(error, lang) : t("p.payment.unknown")}</p>
      </PortalPage>
    );
  }
  if (!payment) {
    return (
      <PortalPage title={t("p.payment.title")}>
        <p role="status">{t("p.loading")}</p>
      </PortalPage>
    );
  }
  const back = (
    <p>
      <Link to={dossierPath(payment.dossierId)} className="p-button">
        {t("p.payment.back")}
      </Link>
    </p>
  );
  if (payment.status === "paid") {
    return (
      <PortalPage title={t("p.payment.paid")} hideHeading>
        <ConfirmationPanel
          title={t("p.payment.paid")}
          referenceLabel={t("p.payment.receiptNumber")}
          reference={payment.receiptNumber ?? payment.txnRef}
        />
        <p data-testid="payment-paid">
          {t("p.payment.paid.lead", {
            amount: formatVnd(payment.amountVnd, lang),
            code: payment.dossierCode ?? payment.procedureName,
          })}
        </p>
        {payment.receiptUrl ? (
          <p>
            <a href={payment.receiptUrl} download data-testid="receipt-link">
              {t("p.dossier.receipt")}
            </a>
          </p>
        ) : null}
        {back}
      </PortalPage>
    );
  }
  return (
    <PortalPage title={t("p.payment.title")}>
      <p role="status" data-testid="payment-state" data-status={payment.status}>
        {payment.status === "pending" ? t("p.payment.pending") : t("p.payment.failed")}
      </p>
      {back}
    </PortalPage>
  );
}
