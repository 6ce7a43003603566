import { useEffect, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { type DeviceStateT, deskApi } from "../../desk-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";

/**
 * The device's state, kept current: read once, then every 3 s until paired (the pairing is done by an officer
 * elsewhere). A device not yet known asks for a pairing code for the unit in the address.
 */
export function useDevice(kind: "kiosk" | "rating", unitCode: string) {
  const { lang } = useI18n();
  const [state, setState] = useState<DeviceStateT>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        let next = await deskApi.device(kind);
        if (
          !next.unit ||
          (!next.paired && !next.pairingCode) ||
          (next.unit.code !== unitCode && !next.paired)
        ) {
          await deskApi.requestPairing(kind, unitCode);
          next = await deskApi.device(kind);
        }
        if (stop) return;
        setState(next);
        setError(undefined);
        if (!next.paired) timer = setTimeout(load, 3000);
      } catch (e) {
        if (stop) return;
        setError(errorText(e, lang));
        timer = setTimeout(load, 10_000);
      }
    };
    void load();
    return () => {
      stop = true;
      if (timer) clearTimeout(timer);
    };
  }, [kind, unitCode, lang]);

  return { state, setState, error };
}

export function PairingScreen({ state, error }: { state: DeviceStateT | undefined; error?: string }) {
  const { t } = useI18n();
  return (
    <main className="device-screen device-pairing">
      <h1>{t("device.pairing")}</h1>
      {error ? <Alert kind="error">{error}</Alert> : null}
      {state?.pairingCode ? (
        <>
          <p>{t("device.pairing.lead")}</p>
          <p className="device-code">
            <span className="visually-hidden">{t("device.pairing.code")}: </span>
            <span data-testid="pairing-code">{state.pairingCode}</span>
          </p>
          <p className="muted">{state.unit?.name}</p>
        </>
      ) : null}
    </main>
  );
}
