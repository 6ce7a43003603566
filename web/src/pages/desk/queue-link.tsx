import { useEffect, useRef, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { deskApi } from "../../desk-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { useLocation } from "../../router.tsx";
import { useMe } from "../../session.tsx";

/**
 * On the reception page opened from the queue (?ticket=…&counter=…): once the dossier is received, links it to the
 * queue number (the ticket is finished as served) and offers to show it on the counter's rating tablet.
 */
export function QueueLink({ dossierId, dossierCode }: { dossierId: string; dossierCode: string | null }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const { search } = useLocation();
  const ticket = search.get("ticket");
  const counter = Number(search.get("counter")) || null;
  const label = search.get("label") ?? "";
  const version = Number(search.get("v"));
  const [linked, setLinked] = useState(false);
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string }>();
  const started = useRef(false);

  useEffect(() => {
    if (!ticket || started.current) return;
    started.current = true;
    deskApi.finish(me.unit.id, ticket, { outcome: "served", dossierId, version }).then(
      () => setLinked(true),
      (e: unknown) => setMessage({ kind: "error", text: errorText(e, lang) }),
    );
  }, [ticket, version, dossierId, me.unit.id, lang]);

  if (!ticket || !counter) return null;
  const push = async () => {
    try {
      const sent = await deskApi.pushRating(me.unit.id, counter, dossierId);
      setMessage({ kind: "success", text: t("queue.ratingSent", { code: sent.dossierCode, counter }) });
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e, lang) });
    }
  };
  return (
    <div className="desk-queue-link" data-testid="queue-link">
      {linked ? (
        <Alert kind="success">{t("queue.linked", { label, code: dossierCode ?? "" })}</Alert>
      ) : (
        <p className="muted">{t("queue.linking")}</p>
      )}
      <button type="button" className="button" onClick={push} data-testid="queue-ask-rating">
        {t("queue.askRating", { counter })}
      </button>
      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
    </div>
  );
}
