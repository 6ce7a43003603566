import { SelectField, TextField } from "../../components/field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import type { ProcedureItem } from "./procedure-picker.tsx";
import { SectionTitle } from "./reception-section.tsx";

type ReturnMethod = "counter" | "post" | "online";
type Channel = "counter" | "post";

/** Section 4 of the reception form: how the result goes back, the channel, the number of sets and a note. */
export function ReturnSection({
  procedure,
  returnMethod,
  onReturnMethod: setReturnMethod,
  deliveryAddress,
  onDeliveryAddress: setDeliveryAddress,
  deliveryError,
  channel,
  onChannel: setChannel,
  sets,
  onSets: setSets,
  note,
  onNote: setNote,
}: {
  procedure: ProcedureItem | null;
  returnMethod: ReturnMethod;
  onReturnMethod: (v: ReturnMethod) => void;
  deliveryAddress: string;
  onDeliveryAddress: (v: string) => void;
  deliveryError: string | undefined;
  channel: Channel;
  onChannel: (v: Channel) => void;
  sets: string;
  onSets: (v: string) => void;
  note: string;
  onNote: (v: string) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="panel dos-section" aria-labelledby="sec-return">
      <SectionTitle id="sec-return" no={4}>
        {t("reception.section.return")}
      </SectionTitle>
      <div className="form-grid dos-return-grid">
        <SelectField
          label={t("reception.returnMethod")}
          value={returnMethod}
          onChange={(e) => setReturnMethod(e.target.value as typeof returnMethod)}
        >
          <option value="counter">{t("returnMethod.counter")}</option>
          {!procedure || procedure.postal.deliverResult ? (
            <option value="post">{t("returnMethod.post")}</option>
          ) : null}
          {procedure && procedure.onlineLevel !== "none" ? (
            <option value="online">{t("returnMethod.online")}</option>
          ) : null}
        </SelectField>
        {returnMethod === "post" ? (
          <TextField
            label={t("reception.deliveryAddress")}
            value={deliveryAddress}
            onChange={(e) => setDeliveryAddress(e.target.value)}
            error={deliveryError}
            required
            maxLength={300}
          />
        ) : null}
        <div data-noadvance className="dos-more-fields">
          <SelectField
            label={t("reception.channel")}
            value={channel}
            onChange={(e) => setChannel(e.target.value as typeof channel)}
          >
            <option value="counter">{t("channel.counter")}</option>
            <option value="post">{t("channel.post")}</option>
          </SelectField>
          <TextField
            label={t("reception.sets")}
            type="number"
            min={1}
            max={20}
            value={sets}
            onChange={(e) => setSets(e.target.value)}
          />
        </div>
        <div className="field span-2" data-noadvance>
          <label htmlFor="reception-note">{t("reception.note")}</label>
          <textarea
            id="reception-note"
            className="input"
            rows={2}
            maxLength={5000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      </div>
    </section>
  );
}
