import { type FormEvent, useState } from "react";
import type { AddressAnswer } from "../../../../../src/domain/eform/definition.ts";
import { errorText } from "../../../lib/errors.ts";
import { portalApi } from "../../../portal-api.ts";
import { navigate } from "../../../router.tsx";
import { FormErrorSummary } from "../components/form-error-summary.tsx";
import { RadioGroup } from "../components/form-parts.tsx";
import { PortalPage } from "../components/portal-page.tsx";
import { useCitizen } from "../components/require-citizen.tsx";
import { useFormErrors } from "../components/use-form-errors.ts";
import { type PortalKey, pick, usePortalI18n } from "../portal-i18n.ts";
import { AddressInput } from "./eform-field.tsx";
import { neighbours, useFiling } from "./filing-context.tsx";

const IDS = { returnMethod: "return-method", address: "return-address" } as const;
type Field = keyof typeof IDS;
type Method = "online" | "post" | "counter";
const LABELS: Record<Method, PortalKey> = {
  online: "p.return.online",
  post: "p.return.post",
  counter: "p.return.counter",
};

/** One question: how the result comes back (online, by post to an address, at the desk). */
export function ReturnPage() {
  const { t, lang } = usePortalI18n();
  const citizen = useCitizen();
  const { draft, eform, setDraft } = useFiling();
  const [method, setMethod] = useState<string>(draft.returnMethod);
  const [address, setAddress] = useState<AddressAnswer | null>(
    draft.deliveryAddress
      ? { ...draft.deliveryAddress, district: draft.deliveryAddress.district ?? null }
      : citizen.address
        ? { ...citizen.address, district: citizen.address.district ?? null }
        : null,
  );
  const [busy, setBusy] = useState(false);
  const form = useFormErrors<Field>(IDS);
  const { next, back } = neighbours(eform, draft.answers, draft.id, "nhan-ket-qua");

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!eform.returnMethods.includes(method as Method)) {
      form.fail({ returnMethod: t("p.return.required") });
      return;
    }
    const needsAddress = method === "post";
    if (needsAddress && (!address?.detail.trim() || !address.commune.trim() || !address.province.trim())) {
      form.fail({ address: t("p.address.required") });
      return;
    }
    setBusy(true);
    try {
      const saved = await portalApi.drafts.save(draft.id, {
        version: draft.version,
        returnMethod: method as Method,
        deliveryAddress:
          needsAddress && address
            ? {
                detail: address.detail.trim(),
                commune: address.commune.trim(),
                district: address.district?.trim() || null,
                province: address.province.trim(),
              }
            : null,
      });
      setDraft(saved);
      navigate(next);
    } catch (error) {
      form.fail({ returnMethod: errorText(error, lang) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <PortalPage
      title={t("p.return.title")}
      hideHeading
      back={back ? { to: back, text: t("p.back") } : undefined}
      summary={<FormErrorSummary errors={form.summary} version={form.version} />}
    >
      <span className="p-caption">
        {t("p.filing.caption", { procedure: pick(lang, eform.procedure.name, eform.procedure.nameEn) })}
      </span>
      <form onSubmit={submit} noValidate>
        <RadioGroup
          id={IDS.returnMethod}
          name="returnMethod"
          asHeading
          legend={t("p.return.title")}
          choices={eform.returnMethods.map((m) => ({ value: m, label: t(LABELS[m]) }))}
          value={method}
          onChange={setMethod}
          error={form.errors.returnMethod}
          errorPrefix={t("p.errorPrefix")}
        />
        {method === "post" ? (
          <AddressInput
            id={IDS.address}
            legend={t("p.return.address")}
            error={form.errors.address}
            value={address}
            onChange={setAddress}
          />
        ) : null}
        <button type="submit" className="p-button" disabled={busy}>
          {busy ? t("p.saving") : t("p.continue")}
        </button>
      </form>
    </PortalPage>
  );
}
