import { type FormEvent, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { deskApi } from "../../desk-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";

/** Pairs a kiosk or a rating tablet by the code it shows; the server tells which kind of device it was. */
export function PairForm({
  unitId,
  defaultCounter,
  onPaired,
}: {
  unitId: string;
  defaultCounter: number | null;
  onPaired?: () => void;
}) {
  const { t, lang } = useI18n();
  const [code, setCode] = useState("");
  const [counter, setCounter] = useState(defaultCounter ? String(defaultCounter) : "");
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const result = await deskApi.pair(unitId, code.trim(), counter ? Number(counter) : null);
      setMessage({
        kind: "success",
        text:
          result.kind === "kiosk"
            ? t("desk.pair.done.kiosk")
            : t("desk.pair.done.rating", { counter: result.counter ?? "" }),
      });
      setCode("");
      onPaired?.();
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e, lang) });
    }
  };

  return (
    <section className="panel" aria-labelledby="pair-title">
      <h2 id="pair-title">{t("desk.pair.title")}</h2>
      <p className="muted">{t("desk.pair.lead")}</p>
      <form className="desk-pair" onSubmit={submit}>
        <label>
          {t("desk.pair.code")}
          <input
            inputMode="numeric"
            pattern="\d{6}"
            maxLength={6}
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        <label>
          {t("desk.pair.counter")}
          <input
            type="number"
            min={1}
            max={99}
            value={counter}
            onChange={(e) => setCounter(e.target.value)}
          />
        </label>
        <button type="submit" className="button button-primary">
          {t("desk.pair.submit")}
        </button>
      </form>
      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
    </section>
  );
}
