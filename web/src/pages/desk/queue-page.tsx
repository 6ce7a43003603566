import { useCallback, useEffect, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { deskApi, type QueueViewT } from "../../desk-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { navigate } from "../../router.tsx";
import { useMe } from "../../session.tsx";
import { PairForm } from "./pair-form.tsx";
import { fieldLabel } from "./roster-table.tsx";
import "./desk.css";

/** The officer's counter: call the next number, receive the dossier for it, or mark it served or absent. */
export function QueuePage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const [view, setView] = useState<QueueViewT>();
  const [counter, setCounter] = useState<number>();
  const [message, setMessage] = useState<{ kind: "error" | "info"; text: string }>();

  const load = useCallback(async () => {
    try {
      const next = await deskApi.queue(me.unit.id);
      setView(next);
      setCounter((c) => c ?? next.myCounter ?? 1);
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e, lang) });
    }
  }, [me.unit.id, lang]);

  useEffect(() => {
    void load();
    const timer = setInterval(load, 5000);
    return () => clearInterval(timer);
  }, [load]);

  const current = view?.atCounters.find((x) => x.counter === counter);

  const callNext = async () => {
    if (!counter) return;
    setMessage(undefined);
    try {
      await deskApi.callNext(me.unit.id, counter);
    } catch (e) {
      setMessage({ kind: "info", text: errorText(e, lang) });
    }
    await load();
  };
  const finish = async (outcome: "served" | "no_show") => {
    if (!current) return;
    await deskApi
      .finish(me.unit.id, current.id, { outcome, version: current.version })
      .catch((e: unknown) => setMessage({ kind: "error", text: errorText(e, lang) }));
    await load();
  };

  return (
    <div className="container">
      <PageHeading title={t("queue.title")} lead={t("queue.lead")} />
      <div className="desk-queue">
        <section className="panel" aria-labelledby="queue-counter">
          <h2 id="queue-counter">{t("queue.myCounter")}</h2>
          <label className="desk-counter-pick">
            {t("desk.counter")}
            <input
              type="number"
              min={1}
              max={99}
              value={counter ?? ""}
              onChange={(e) => setCounter(Number(e.target.value) || undefined)}
            />
          </label>
          <button
            type="button"
            className="button button-primary desk-call"
            onClick={callNext}
            data-testid="queue-call-next"
          >
            {t("queue.callNext")}
          </button>
          {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
          <h3>{t("queue.current", { counter: counter ?? "" })}</h3>
          {current ? (
            <div data-testid="queue-current">
              <p className="desk-current-number">{current.label}</p>
              <p>
                {current.lane === "priority"
                  ? t("queue.priority")
                  : current.field
                    ? fieldLabel(current.field, lang)
                    : ""}
              </p>
              <div className="button-row">
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() =>
                    navigate(
                      `/app/reception?ticket=${current.id}&v=${current.version}&counter=${counter}&label=${encodeURIComponent(current.label)}`,
                    )
                  }
                >
                  {t("queue.receive")}
                </button>
                <button type="button" className="button" onClick={() => finish("served")}>
                  {t("queue.served")}
                </button>
                <button type="button" className="button" onClick={() => finish("no_show")}>
                  {t("queue.noShow")}
                </button>
              </div>
            </div>
          ) : (
            <p className="muted">{t("queue.none")}</p>
          )}
          {view ? (
            <p className="muted">
              {view.pairedTablets.length
                ? t("queue.tablets", { list: view.pairedTablets.join(", ") })
                : t("queue.noTablet", { counter: counter ?? "" })}
            </p>
          ) : null}
        </section>
        <section className="panel" aria-labelledby="queue-waiting">
          <h2 id="queue-waiting">{t("queue.waiting", { n: view?.waiting.length ?? 0 })}</h2>
          {view?.waiting.length ? (
            <ol className="desk-waiting" data-testid="queue-waiting">
              {view.waiting.map((w) => (
                <li key={w.id} className={w.lane === "priority" ? "priority" : undefined}>
                  <span className="strong">{w.label}</span> {w.field ? `· ${fieldLabel(w.field, lang)}` : ""}
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">{t("queue.empty")}</p>
          )}
        </section>
      </div>
      <PairForm unitId={me.unit.id} defaultCounter={counter ?? null} onPaired={load} />
    </div>
  );
}
