import { useEffect, useRef, useState } from "react";
import { type DisplayStateT, deskApi, followStream } from "../../desk-api.ts";
import { translate, useI18n } from "../../i18n/index.tsx";
import "./desk.css";

/** "UT012" is read "ưu tiên 0 1 2": digits one by one, as callers at the desk say them. */
function spoken(label: string): string {
  const digits = label.replace(/^UT/, "").split("").join(" ");
  return label.startsWith("UT") ? `ưu tiên ${digits}` : digits;
}

/**
 * The waiting-room display: the number being served at each counter and the numbers waiting, kept live by the
 * server's event stream (no reload). Optionally reads each newly called number aloud in Vietnamese with the
 * browser's own speech synthesis (no outside service); a screen without a Vietnamese voice stays silent.
 */
export function DisplayPage({ unitCode }: { unitCode: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<DisplayStateT>();
  const [online, setOnline] = useState(true);
  const [speech, setSpeech] = useState(false);
  const announced = useRef(new Map<number, string>());
  const speechOn = useRef(speech);
  speechOn.current = speech;

  useEffect(() => {
    document.title = t("display.title");
  }, [t]);

  useEffect(
    () =>
      followStream<DisplayStateT>(
        deskApi.displayStreamUrl(unitCode),
        (next) => {
          setOnline(true);
          setState(next);
          for (const s of next.serving) {
            const key = `${s.label}@${s.calledAt}`;
            if (announced.current.get(s.counter) === key) continue;
            const first = !announced.current.has(s.counter);
            announced.current.set(s.counter, key);
            if (!first && speechOn.current && "speechSynthesis" in window) {
              const utterance = new SpeechSynthesisUtterance(
                translate("vi", "display.call", { label: spoken(s.label), counter: s.counter }),
              );
              utterance.lang = "vi-VN";
              const voice = window.speechSynthesis.getVoices().find((v) => v.lang.startsWith("vi"));
              if (voice) {
                utterance.voice = voice;
                window.speechSynthesis.speak(utterance);
              }
            }
          }
        },
        () => setOnline(false),
      ),
    [unitCode],
  );

  return (
    <main className="device-screen display" data-testid="display">
      <header className="display-header">
        <h1>
          {t("display.title")}
          {state ? <span className="display-unit"> · {state.unit.name}</span> : null}
        </h1>
        <div className="display-tools">
          <span className={online ? "display-live" : "display-offline"} role="status">
            {online ? t("display.live") : t("display.offline")}
          </span>
          <label className="display-speech">
            <input type="checkbox" checked={speech} onChange={(e) => setSpeech(e.target.checked)} />{" "}
            {t("display.speech")}
          </label>
        </div>
      </header>
      <section className="display-counters" aria-live="polite" data-testid="display-serving">
        {state?.serving.map((s) => (
          <div
            key={s.counter}
            className={`display-counter${s.lane === "priority" ? " priority" : ""}`}
            data-counter={s.counter}
          >
            <span className="display-counter-name">{t("display.counter", { n: s.counter })}</span>
            <span className="display-number">{s.label}</span>
          </div>
        ))}
      </section>
      <section className="display-waiting" aria-labelledby="display-waiting-title">
        <h2 id="display-waiting-title">
          {t("display.waiting")} ({state?.waitingCount ?? 0})
        </h2>
        <ul data-testid="display-waiting">
          {state?.waiting.map((w) => (
            <li key={w.label} className={w.lane === "priority" ? "priority" : undefined}>
              {w.label}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
