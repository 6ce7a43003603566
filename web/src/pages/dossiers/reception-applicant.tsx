import type { ChangeEvent, RefObject } from "react";
import { TextField } from "../../components/field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { type ApplicantForm, type Errors, FIELD_OF } from "./reception-model.ts";
import { SectionTitle } from "./reception-section.tsx";

type TextKey = Exclude<
  { [K in keyof ApplicantForm]: ApplicantForm[K] extends string ? K : never }[keyof ApplicantForm],
  "kind"
>;

/** Section 2 of the reception form: who files, and who represents them. */
export function ApplicantSection({
  applicant,
  errors,
  set: setA,
  nameRef,
}: {
  applicant: ApplicantForm;
  errors: Errors;
  set: <K extends keyof ApplicantForm>(key: K, value: ApplicantForm[K]) => void;
  nameRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useI18n();
  const isOrg = applicant.kind === "organisation";
  /** Value, change handler and message of the text field for one applicant key. */
  const bound = (key: TextKey) => {
    const field = FIELD_OF[key];
    return {
      value: applicant[key],
      onChange: (e: ChangeEvent<HTMLInputElement>) => setA(key, e.target.value),
      error: field ? errors[field] : undefined,
    };
  };
  return (
    <section className="panel dos-section" aria-labelledby="sec-applicant">
      <SectionTitle id="sec-applicant" no={2}>
        {t("reception.section.applicant")} <kbd className="dos-kbd">Alt+H</kbd>
      </SectionTitle>
      <fieldset className="fieldset dos-kind" data-noadvance>
        <legend className="visually-hidden">{t("reception.applicantKind")}</legend>
        <label className="checkbox">
          <input
            type="radio"
            name="applicant-kind"
            checked={!isOrg}
            onChange={() => setA("kind", "person")}
          />
          {t("reception.kind.person")}
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name="applicant-kind"
            checked={isOrg}
            onChange={() => setA("kind", "organisation")}
          />
          {t("reception.kind.organisation")}
        </label>
      </fieldset>
      <div className="form-grid">
        <TextField
          ref={nameRef}
          label={isOrg ? t("reception.orgName") : t("reception.name")}
          {...bound("name")}
          required
          autoComplete="off"
          aria-keyshortcuts="Alt+H"
          maxLength={300}
        />
        <TextField
          label={isOrg ? t("reception.taxCode") : t("reception.identity")}
          hint={isOrg ? t("reception.taxCode.hint") : t("reception.identity.hint")}
          {...bound("identityNumber")}
          required
          inputMode={isOrg ? "numeric" : "text"}
          autoComplete="off"
          maxLength={20}
        />
        <TextField
          label={t("reception.address")}
          hint={t("reception.address.hint")}
          {...bound("detail")}
          required
          autoComplete="off"
          maxLength={300}
        />
        <div className="dos-address-area span-2" data-noadvance>
          <TextField label={t("reception.commune")} {...bound("commune")} required maxLength={100} />
          <TextField label={t("reception.district")} {...bound("district")} maxLength={100} />
          <TextField label={t("reception.province")} {...bound("province")} required maxLength={100} />
        </div>
        <TextField
          label={t("reception.phone")}
          type="tel"
          {...bound("phone")}
          autoComplete="off"
          maxLength={20}
        />
        <TextField
          label={t("reception.email")}
          type="email"
          {...bound("email")}
          autoComplete="off"
          maxLength={200}
        />
      </div>
      <label className="checkbox dos-rep-toggle" data-noadvance>
        <input
          type="checkbox"
          checked={applicant.withRep}
          onChange={(e) => setA("withRep", e.target.checked)}
        />
        {t("reception.rep.toggle")}
      </label>
      {applicant.withRep ? (
        <div className="form-grid dos-rep">
          <TextField label={t("reception.rep.name")} {...bound("repName")} required maxLength={300} />
          <TextField
            label={t("reception.rep.identity")}
            hint={t("reception.identity.hint")}
            {...bound("repId")}
            required
            maxLength={20}
          />
          <TextField
            label={t("reception.rep.authorisation")}
            hint={t("reception.rep.authorisation.hint")}
            {...bound("repAuth")}
            required
            maxLength={300}
          />
          <TextField label={t("reception.rep.phone")} type="tel" {...bound("repPhone")} maxLength={20} />
        </div>
      ) : null}
    </section>
  );
}
