import { useEffect, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { deskApi, type TakenTicketT } from "../../desk-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { PairingScreen, useDevice } from "./device-pairing.tsx";
import "./desk.css";

/**
 * The number kiosk (máy lấy số): large touch targets, Vietnamese first. A visitor touches a field, or the priority
 * lane, and gets a number on screen, printable; the screen goes back to the choice after 20 seconds.
 */
export function KioskPage({ unitCode }: { unitCode: string }) {
  const { t, lang, setLang } = useI18n();
  const { state, error } = useDevice("kiosk", unitCode);
  const [ticket, setTicket] = useState<TakenTicketT>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    document.title = t("kiosk.title");
  }, [t]);
  useEffect(() => {
    if (!ticket) return;
    const timer = setTimeout(() => setTicket(undefined), 20_000);
    return () => clearTimeout(timer);
  }, [ticket]);

  if (!state?.paired) return <PairingScreen state={state} {...(error ? { error } : {})} />;

  const take = async (lane: "general" | "priority", field: string | null) => {
    setBusy(true);
    setFailure(undefined);
    try {
      setTicket(await deskApi.takeTicket(lane, field));
    } catch (e) {
      setFailure(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  if (ticket) {
    const field = state.fields.find((f) => f.code === ticket.field);
    return (
      <main className="device-screen kiosk-ticket" data-testid="kiosk-ticket">
        <p className="kiosk-unit">{ticket.unitName}</p>
        <h1>{t("kiosk.yourNumber")}</h1>
        <p className="kiosk-number" data-testid="kiosk-number">
          {ticket.label}
        </p>
        <p className="kiosk-meta">
          {ticket.lane === "priority"
            ? t("queue.priority")
            : field
              ? lang === "vi"
                ? field.nameVi
                : field.nameEn
              : t("kiosk.general")}
        </p>
        <p className="kiosk-meta">{t("kiosk.ahead", { n: ticket.waitingBefore })}</p>
        <p className="kiosk-meta">
          {t("kiosk.taken", {
            time: new Date(ticket.takenAt).toLocaleTimeString("vi-VN", {
              timeZone: "Asia/Ho_Chi_Minh",
              hour: "2-digit",
              minute: "2-digit",
            }),
          })}
        </p>
        <div className="kiosk-actions no-print">
          <button type="button" className="kiosk-button" onClick={() => window.print()}>
            {t("kiosk.print")}
          </button>
          <button type="button" className="kiosk-button secondary" onClick={() => setTicket(undefined)}>
            {t("kiosk.done")}
          </button>
        </div>
      </main>
    );
  }

  return (
    <main className="device-screen kiosk">
      <header className="kiosk-header">
        <div>
          <p className="kiosk-unit">{state.unit?.name}</p>
          <h1>{t("kiosk.title")}</h1>
          <p>{t("kiosk.lead")}</p>
        </div>
        <button
          type="button"
          className="kiosk-lang"
          onClick={() => setLang(lang === "vi" ? "en" : "vi")}
          lang={lang === "vi" ? "en" : "vi"}
        >
          {lang === "vi" ? "English" : "Tiếng Việt"}
        </button>
      </header>
      {failure ? <Alert kind="error">{failure}</Alert> : null}
      <div className="kiosk-grid">
        <button
          type="button"
          className="kiosk-button priority"
          disabled={busy}
          onClick={() => take("priority", null)}
        >
          {t("kiosk.priority")}
        </button>
        {state.fields.map((f) => (
          <button
            type="button"
            key={f.code}
            className="kiosk-button"
            disabled={busy}
            onClick={() => take("general", f.code)}
          >
            {lang === "vi" ? f.nameVi : f.nameEn}
          </button>
        ))}
        <button
          type="button"
          className="kiosk-button secondary"
          disabled={busy}
          onClick={() => take("general", null)}
        >
          {t("kiosk.general")}
        </button>
      </div>
    </main>
  );
}
