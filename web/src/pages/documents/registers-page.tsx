import { type FormEvent, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { documentsApi, type RegisterKind, type RegisterT } from "../../documents-api.ts";
import { errorText } from "../../lib/errors.ts";
import { useMe } from "../../session.tsx";
import { useDocumentsI18n } from "./documents-i18n.ts";
import "./documents.css";
import { vietnamDay } from "../../lib/vietnam-day.ts";

const KINDS: readonly RegisterKind[] = ["outgoing", "incoming", "follow-up", "postal"];

/** Today and 1 January of this year, as in Vietnam (UTC+7). */
function thisYear(): { from: string; to: string } {
  const today = vietnamDay();
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/**
 * The unit's registers of NĐ 30/2020 Phụ lục IV for a period: shown as a table, and downloaded as PDF or XLSX
 * (the clerk keeps them; the leader may read them).
 */
export function DocumentRegistersPage() {
  const { t, lang } = useDocumentsI18n();
  const me = useMe();
  const initial = thisYear();
  const [kind, setKind] = useState<RegisterKind>("outgoing");
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [register, setRegister] = useState<RegisterT | null>(null);
  const [error, setError] = useState<string>();

  async function show(e?: FormEvent) {
    e?.preventDefault();
    setError(undefined);
    try {
      setRegister(await documentsApi.register_(me.unit.id, kind, from, to));
    } catch (err) {
      setError(errorText(err, lang));
      setRegister(null);
    }
  }

  const title = t(`d.reg.kind.${kind}`);
  return (
    <>
      <PageHeading title={t("d.reg.title")} lead={t("d.reg.lead")} />
      <form className="panel doc-register-form" onSubmit={(e) => void show(e)}>
        <SelectField
          label={t("d.reg.kind")}
          value={kind}
          onChange={(e) => setKind(e.target.value as RegisterKind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`d.reg.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          type="date"
          label={t("d.reg.from")}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField type="date" label={t("d.reg.to")} value={to} onChange={(e) => setTo(e.target.value)} />
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t("d.reg.show")}
          </button>
          <a className="button" href={documentsApi.registerUrl(me.unit.id, kind, from, to, "pdf")} download>
            <Icon name="download" />
            <span>{t("d.reg.pdf")}</span>
          </a>
          <a className="button" href={documentsApi.registerUrl(me.unit.id, kind, from, to, "xlsx")} download>
            <Icon name="download" />
            <span>{t("d.reg.xlsx")}</span>
          </a>
        </div>
      </form>
      {error ? <Alert kind="error">{error}</Alert> : null}
      {register ? (
        <section className="panel" aria-labelledby="doc-register-title">
          <h2 id="doc-register-title">
            {title} — {register.unitName}
          </h2>
          {register.rows.length === 0 ? (
            <p className="muted">{t("d.reg.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="register-table">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    {register.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {register.rows.map((row, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the register's rows are in its order
                    <tr key={i}>
                      {row.map((cell, j) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed by Phụ lục IV
                        <td key={j}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}
