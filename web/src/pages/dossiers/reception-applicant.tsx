import type { RefObject } from "react";
import { TextField } from "../../components/field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import type { ApplicantForm, Errors } from "./reception-model.ts";
import { SectionTitle } from "./reception-section.tsx";

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
          value={applicant.name}
          onChange={(e) => setA("name", e.target.value)}
          error={errors.name}
          required
          autoComplete="off"
          aria-keyshortcuts="Alt+H"
          maxLength={300}
        />
        <TextField
          label={isOrg ? t("reception.taxCode") : t("reception.identity")}
          hint={isOrg ? t("reception.taxCode.hint") : t("reception.identity.hint")}
          value={applicant.identityNumber}
          onChange={(e) => setA("identityNumber", e.target.value)}
          error={errors.identityNumber}
          required
          inputMode={isOrg ? "numeric" : "text"}
          autoComplete="off"
          maxLength={20}
        />
        <TextField
          label={t("reception.address")}
          hint={t("reception.address.hint")}
          value={applicant.detail}
          onChange={(e) => setA("detail", e.target.value)}
          error={errors.detail}
          required
          autoComplete="off"
          maxLength={300}
        />
        <div className="dos-address-area span-2" data-noadvance>
          <TextField
            label={t("reception.commune")}
            value={applicant.commune}
            onChange={(e) => setA("commune", e.target.value)}
            error={errors.commune}
            required
            maxLength={100}
          />
          <TextField
            label={t("reception.district")}
            value={applicant.district}
            onChange={(e) => setA("district", e.target.value)}
            maxLength={100}
          />
          <TextField
            label={t("reception.province")}
            value={applicant.province}
            onChange={(e) => setA("province", e.target.value)}
            error={errors.province}
            required
            maxLength={100}
          />
        </div>
        <TextField
          label={t("reception.phone")}
          type="tel"
          value={applicant.phone}
          onChange={(e) => setA("phone", e.target.value)}
          error={errors.phone}
          autoComplete="off"
          maxLength={20}
        />
        <TextField
          label={t("reception.email")}
          type="email"
          value={applicant.email}
          onChange={(e) => setA("email", e.target.value)}
          error={errors.email}
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
          <TextField
            label={t("reception.rep.name")}
            value={applicant.repName}
            onChange={(e) => setA("repName", e.target.value)}
            error={errors.repName}
            required
            maxLength={300}
          />
          <TextField
            label={t("reception.rep.identity")}
            hint={t("reception.identity.hint")}
            value={applicant.repId}
            onChange={(e) => setA("repId", e.target.value)}
            error={errors.repId}
            required
            maxLength={20}
          />
          <TextField
            label={t("reception.rep.authorisation")}
            hint={t("reception.rep.authorisation.hint")}
            value={applicant.repAuth}
            onChange={(e) => setA("repAuth", e.target.value)}
            error={errors.repAuth}
            required
            maxLength={300}
          />
          <TextField
            label={t("reception.rep.phone")}
            type="tel"
            value={applicant.repPhone}
            onChange={(e) => setA("repPhone", e.target.value)}
            error={errors.repPhone}
            maxLength={20}
          />
        </div>
      ) : null}
    </section>
  );
}
