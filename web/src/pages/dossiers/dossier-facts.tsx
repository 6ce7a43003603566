import type { DossierDetail } from "../../dossier-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { FileLinks } from "./dossier-timeline.tsx";
import { CHANNEL_LABELS, formatDay, formatInstant, RETURN_LABELS } from "./labels.ts";

export function Facts({ dossier: d }: { dossier: DossierDetail }) {
  const { t, lang } = useI18n();
  const a = d.applicant;
  const address = [a.address.detail, a.address.commune, a.address.district, a.address.province]
    .filter(Boolean)
    .join(", ");
  return (
    <section className="panel" aria-labelledby="facts-title">
      <h2 id="facts-title">{t("dossier.facts")}</h2>
      <dl className="facts facts-compact">
        <div>
          <dt>{t("dossier.applicant")}</dt>
          <dd>
            {a.name}
            <span className="cell-sub">
              {a.kind === "organisation" ? t("reception.taxCode") : t("reception.identity")}:{" "}
              {a.identityNumber}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t("reception.address")}</dt>
          <dd>{address}</dd>
        </div>
        {a.phone || a.email ? (
          <div>
            <dt>{t("dossier.contact")}</dt>
            <dd>{[a.phone, a.email].filter(Boolean).join(" · ")}</dd>
          </div>
        ) : null}
        {a.representative ? (
          <div>
            <dt>{t("reception.rep.name")}</dt>
            <dd>
              {a.representative.name} ({a.representative.identityNumber})
              <span className="cell-sub">{a.representative.authorisation}</span>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("dossier.procedure")}</dt>
          <dd>
            {d.procedure.name}
            {d.caseName ? <span className="cell-sub">{d.caseName}</span> : null}
            <span className="cell-sub">
              {d.procedure.code ? `${d.procedure.code} · ` : ""}
              {t("dossier.version", { version: d.procedure.version })} · {d.processingTime}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t("dossier.receivedBy")}</dt>
          <dd>
            {d.receivedUnit.name}
            <span className="cell-sub">
              {t(CHANNEL_LABELS[d.channel] ?? "channel.counter")} · {t("dossier.sets", { n: d.sets })}
            </span>
          </dd>
        </div>
        {d.currentUnit.id !== d.receivedUnit.id ? (
          <div>
            <dt>{t("dossier.currentUnit")}</dt>
            <dd>{d.currentUnit.name}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("reception.returnMethod")}</dt>
          <dd>
            {t(RETURN_LABELS[d.returnMethod] ?? "returnMethod.counter")}
            {d.deliveryAddress ? <span className="cell-sub">{d.deliveryAddress}</span> : null}
          </dd>
        </div>
        {d.feeVnd !== null ? (
          <div>
            <dt>{t("reception.fee")}</dt>
            <dd>{new Intl.NumberFormat("vi-VN").format(d.feeVnd)} đ</dd>
          </div>
        ) : null}
        {d.note ? (
          <div>
            <dt>{t("reception.note")}</dt>
            <dd>{d.note}</dd>
          </div>
        ) : null}
        {d.reason ? (
          <div>
            <dt>{t("timeline.reason")}</dt>
            <dd data-testid="dossier-reason">{d.reason}</dd>
          </div>
        ) : null}
        {d.supplementItems.length > 0 ? (
          <div>
            <dt>{t("dossier.supplementItems")}</dt>
            <dd>
              <ol className="dos-event-items">
                {d.supplementItems.map((i) => (
                  <li key={`${i.name}-${i.reason}`}>
                    <span className="strong">{i.name}</span>: {i.reason}
                  </li>
                ))}
              </ol>
            </dd>
          </div>
        ) : null}
        {d.pausedIntervals.length > 0 ? (
          <div>
            <dt>{t("dossier.paused")}</dt>
            <dd>
              {d.pausedIntervals.map((p) => (
                <span key={p.from} className="cell-sub">
                  {formatInstant(p.from, lang)} – {p.to ? formatInstant(p.to, lang) : t("dossier.paused.now")}
                </span>
              ))}
            </dd>
          </div>
        ) : null}
        {d.apology ? (
          <div>
            <dt>{t("dossier.apology")}</dt>
            <dd>
              {t("dossier.apology.text", {
                at: formatInstant(d.apology.issuedAt, lang),
                appointment: formatInstant(d.apology.newAppointment, lang),
              })}
              <span className="cell-sub">{d.apology.reason}</span>
              {d.apology.onTime !== null ? (
                <span
                  className="cell-sub"
                  data-testid="apology-on-time"
                  data-on-time={String(d.apology.onTime)}
                >
                  {t(d.apology.onTime ? "dossier.apology.onTime" : "dossier.apology.lateIssued")}
                </span>
              ) : null}
            </dd>
          </div>
        ) : null}
        {d.extension ? (
          <div>
            <dt>{t("dossier.extension")}</dt>
            <dd data-testid="dossier-extension">
              {t("dossier.extension.text", {
                at: formatInstant(d.extension.at, lang),
                standard: d.extension.standardDueText,
              })}
              <span className="cell-sub">{d.extension.reason}</span>
            </dd>
          </div>
        ) : null}
        {d.result ? (
          <div>
            <dt>{t("dossier.result")}</dt>
            <dd data-testid="dossier-result">
              {t("dossier.result.text", {
                number: d.result.number,
                date: formatDay(d.result.signedOn),
                signer: d.result.signer,
              })}
              {d.result.file ? <FileLinks files={[d.result.file]} /> : null}
            </dd>
          </div>
        ) : null}
        {d.returned ? (
          <div>
            <dt>{t("dossier.returned")}</dt>
            <dd data-testid="dossier-returned">
              {t(RETURN_LABELS[d.returned.method] ?? "returnMethod.counter")} ·{" "}
              {formatInstant(d.returned.at, lang)}
              {d.returned.reference ? <span className="cell-sub">{d.returned.reference}</span> : null}
              {d.returned.signature ? <FileLinks files={[d.returned.signature]} /> : null}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
