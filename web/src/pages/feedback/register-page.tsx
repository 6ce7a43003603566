import { type ChangeEvent, type FormEvent, useCallback, useEffect, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { type FeedbackSummaryT, feedbackApi } from "../../feedback-api.ts";
import type { FeedbackKey } from "../../i18n/feedback.vi.ts";
import { errorText } from "../../lib/errors.ts";
import { Link } from "../../router.tsx";
import { useMe } from "../../session.tsx";
import { shortInstant, useFeedbackI18n } from "./feedback-i18n.ts";
import "./feedback.css";

const STATUSES = [
  "received",
  "to_forward",
  "accepted",
  "answered",
  "published",
  "forwarded",
  "not_accepted",
] as const;

/** Sổ theo dõi phản ánh, kiến nghị: the unit's register, late records flagged. */
export function FeedbackRegisterPage() {
  const { t, lang } = useFeedbackI18n();
  const me = useMe();
  const [status, setStatus] = useState("");
  const [late, setLate] = useState(false);
  const [spam, setSpam] = useState(false);
  const [items, setItems] = useState<FeedbackSummaryT[] | null>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    feedbackApi
      .register({
        unit: me.unit.code,
        ...(status ? { status } : {}),
        ...(late ? { late: "true" } : {}),
        spam: spam ? "true" : "false",
      })
      .then(
        (r) => setItems(r.items),
        (e) => setError(errorText(e, lang)),
      );
  }, [me.unit.code, status, late, spam, lang]);

  const canReceive = me.permissions["feedback.receive"] !== undefined;
  return (
    <div className="container">
      <PageHeading
        title={t("f.register.title")}
        lead={me.unit.name}
        actions={
          canReceive ? (
            <Link to="/app/feedback/new" className="button">
              {t("f.register.new")}
            </Link>
          ) : undefined
        }
      />
      {error ? <Alert kind="error">{error}</Alert> : null}
      <div className="form-row">
        <SelectField label={t("f.col.status")} value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">—</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`f.status.${s}` as FeedbackKey)}
            </option>
          ))}
        </SelectField>
        <label className="checkbox">
          <input type="checkbox" checked={late} onChange={(e) => setLate(e.target.checked)} />{" "}
          {t("f.register.late")}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={spam} onChange={(e) => setSpam(e.target.checked)} />{" "}
          {t("f.register.spam")}
        </label>
      </div>
      {items && items.length === 0 ? <p>{t("f.register.empty")}</p> : null}
      {items && items.length > 0 ? (
        <table className="feedback-table">
          <thead>
            <tr>
              <th scope="col">{t("f.col.code")}</th>
              <th scope="col">{t("f.col.received")}</th>
              <th scope="col">{t("f.col.submitter")}</th>
              <th scope="col">{t("f.col.content")}</th>
              <th scope="col">{t("f.col.status")}</th>
              <th scope="col">{t("f.col.due")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/app/feedback/view?id=${r.id}`}>{r.code}</Link>
                </td>
                <td>{shortInstant(r.receivedAt)}</td>
                <td>{r.submitterName}</td>
                <td>{r.title ?? r.excerpt}</td>
                <td>{t(`f.status.${r.status}` as FeedbackKey)}</td>
                <td>
                  {shortInstant(r.status === "to_forward" ? r.forwardDueAt : r.answerDueAt)}
                  {r.forwardLate || r.answerLate ? (
                    <span className="feedback-late"> {t("f.late")}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** The desk enters feedback that came by letter, phone, comment box, e-mail or in person. */
export function FeedbackDeskPage() {
  const { t, lang } = useFeedbackI18n();
  const me = useMe();
  const [v, setV] = useState({
    channel: "letter",
    subject: "other",
    procedure: "",
    dossierCode: "",
    content: "",
    name: "",
    address: "",
    phone: "",
    email: "",
  });
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const set =
    (k: keyof typeof v) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setV((x) => ({ ...x, [k]: e.target.value }));
  const submit = useCallback(
    async (event: FormEvent) => {
      event.preventDefault();
      setError(undefined);
      try {
        const r = await feedbackApi.desk({
          unit: me.unit.code,
          channel: v.channel as "letter",
          subject: v.subject as "other",
          ...(v.procedure.trim() ? { procedure: v.procedure.trim() } : {}),
          ...(v.dossierCode.trim() ? { dossierCode: v.dossierCode.trim() } : {}),
          content: v.content,
          name: v.name,
          address: v.address,
          phone: v.phone,
          ...(v.email.trim() ? { email: v.email.trim() } : {}),
        });
        setDone(t("f.desk.saved", { code: r.code, secret: r.secret }));
      } catch (e) {
        setError(errorText(e, lang));
      }
    },
    [v, me.unit.code, t, lang],
  );
  return (
    <div className="container narrow-page">
      <PageHeading title={t("f.desk.title")} lead={me.unit.name} />
      {done ? <Alert kind="success">{done}</Alert> : null}
      {error ? <Alert kind="error">{error}</Alert> : null}
      <form className="form panel" onSubmit={submit}>
        <SelectField label={t("f.channel")} value={v.channel} onChange={set("channel")}>
          {(["letter", "phone", "comment_box", "email", "in_person"] as const).map((c) => (
            <option key={c} value={c}>
              {t(`f.channel.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("f.subject")} value={v.subject} onChange={set("subject")}>
          {(["procedure", "conduct", "dossier", "rule", "other"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`f.subject.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("f.procedure")} value={v.procedure} onChange={set("procedure")} />
        <TextField label={t("f.dossierCode")} value={v.dossierCode} onChange={set("dossierCode")} />
        <div className="field">
          <label htmlFor="desk-content">{t("f.content")}</label>
          <textarea
            id="desk-content"
            className="input"
            rows={6}
            value={v.content}
            onChange={set("content")}
            required
          />
        </div>
        <TextField label={t("f.name")} value={v.name} onChange={set("name")} required />
        <TextField label={t("f.address")} value={v.address} onChange={set("address")} required />
        <TextField label={t("f.phone")} value={v.phone} onChange={set("phone")} required />
        <TextField label={t("f.email")} value={v.email} onChange={set("email")} />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("f.desk.title")}
          </button>
        </div>
      </form>
    </div>
  );
}
