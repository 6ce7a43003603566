import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { type FeedbackRecordT, feedbackApi } from "../../feedback-api.ts";
import type { FeedbackKey } from "../../i18n/feedback.vi.ts";
import { errorText } from "../../lib/errors.ts";
import { useLocation } from "../../router.tsx";
import { useMe } from "../../session.tsx";
import { shortInstant, useFeedbackI18n } from "./feedback-i18n.ts";
import "./feedback.css";

const CRITERIA = [
  ["necessity", "Sự cần thiết / Necessity"],
  ["reasonableness_legality", "Tính hợp lý, hợp pháp / Reasonableness and legality"],
  ["simplicity", "Tính đơn giản / Simplicity"],
  ["feasibility", "Tính khả thi / Feasibility"],
  ["consistency", "Tính thống nhất, đồng bộ / Consistency"],
  ["treaty_conformity", "Sự phù hợp với điều ước quốc tế / Conformity with treaties"],
] as const;

function TextArea({
  id,
  label,
  value,
  onChange,
  rows = 5,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  rows?: number;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="input"
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** "2026-12-14T09:00:00+07:00" → "2026-12-14", the day as in Vietnam (the instants carry +07:00). */
function localDate(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "";
}

interface Officer {
  id: string;
  label: string;
}

/**
 * Giao người xử lý: a leader who may list the unit's staff picks an active officer and the answer's due date,
 * which defaults to the one set at acceptance from the unit's setting; it is sent only when changed.
 */
function AssignPanel({
  record,
  onAssign,
}: {
  record: FeedbackRecordT;
  onAssign: (body: { handlerId: string; answerDueDate?: string }) => void;
}) {
  const { t, lang } = useFeedbackI18n();
  const [officers, setOfficers] = useState<Officer[] | null>(null);
  const [days, setDays] = useState<number | null>(null);
  const [handlerId, setHandlerId] = useState(record.handler?.id ?? "");
  const [due, setDue] = useState(localDate(record.answerDueAt));
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    api.staff.list(record.unit.id).then(
      (r) =>
        setOfficers(
          r.items
            .filter((s) => s.active && s.unitId === record.unit.id)
            .map((s) => ({ id: s.id, label: s.position ? `${s.fullName} — ${s.position}` : s.fullName })),
        ),
      (e) => setError(errorText(e, lang)),
    );
    feedbackApi.settings(record.unit.code).then(
      (s) => setDays(s.answerWorkingDays),
      () => setDays(null),
    );
  }, [record.unit.id, record.unit.code, lang]);

  useEffect(() => {
    setHandlerId(record.handler?.id ?? "");
    setDue(localDate(record.answerDueAt));
  }, [record.handler?.id, record.answerDueAt]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!handlerId) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const changed = due && due !== localDate(record.answerDueAt);
    onAssign(changed ? { handlerId, answerDueDate: due } : { handlerId });
  };

  return (
    <form className="form panel" onSubmit={submit} noValidate aria-labelledby="fb-assign-title">
      <h2 id="fb-assign-title">{t("f.assign")}</h2>
      <p>{record.handler ? t("f.assign.current", { name: record.handler.name }) : t("f.assign.none")}</p>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <SelectField
        label={t("f.assign.handler")}
        value={handlerId}
        required
        error={missing ? t("f.assign.required") : undefined}
        onChange={(e) => setHandlerId(e.target.value)}
      >
        <option value="">{t("f.assign.choose")}</option>
        {(officers ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <TextField
        type="date"
        label={t("f.assign.due")}
        hint={days !== null ? t("f.assign.dueHint", { days }) : undefined}
        value={due}
        min={localDate(new Date(Date.now() + 7 * 3_600_000).toISOString())}
        onChange={(e) => setDue(e.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={officers === null}>
        {t("f.assign.submit")}
      </button>
    </form>
  );
}

/** One feedback: classify, forward, assign or take it, study, decide and answer, approve the redacted text, spam. */
export function FeedbackHandlePage() {
  const { t, lang } = useFeedbackI18n();
  const me = useMe();
  const { search } = useLocation();
  const id = search.get("id") ?? "";
  const [record, setRecord] = useState<FeedbackRecordT | null>(null);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [classification, setClassification] = useState("within_competence");
  const [reason, setReason] = useState("");
  const [toUnit, setToUnit] = useState("");
  const [toExternal, setToExternal] = useState("");
  const [study, setStudy] = useState<Record<string, string>>({});
  const [decision, setDecision] = useState("adopted");
  const [answer, setAnswer] = useState("");
  const [proposal, setProposal] = useState<{ question: string; answer: string } | null>(null);

  useEffect(() => {
    feedbackApi.get(id).then(setRecord, (e) => setError(errorText(e, lang)));
  }, [id, lang]);

  const run = useCallback(
    async (action: (r: FeedbackRecordT) => Promise<FeedbackRecordT>) => {
      if (!record) return;
      setError(undefined);
      setSaved(false);
      try {
        setRecord(await action(record));
        setSaved(true);
      } catch (e) {
        setError(errorText(e, lang));
      }
    },
    [record, lang],
  );

  if (!record) return <div className="container">{error ? <Alert kind="error">{error}</Alert> : null}</div>;
  const v = record.version;
  const canManage = me.permissions["feedback.manage"] !== undefined && record.unit.id === me.unit.id;
  // Listing the unit's officers needs staff.read (the leader); others can only take the record themselves.
  const canAssign = canManage && me.permissions["staff.read"] !== undefined;
  const submitOn = (action: (r: FeedbackRecordT) => Promise<FeedbackRecordT>) => (e: FormEvent) => {
    e.preventDefault();
    void run(action);
  };

  return (
    <div className="container">
      <PageHeading
        title={t("f.handle.title", { code: record.code })}
        lead={`${t(`f.status.${record.status}` as FeedbackKey)}${record.spam ? ` · ${t("f.register.spam")}` : ""}`}
      />
      {error ? <Alert kind="error">{error}</Alert> : null}
      {saved ? <Alert kind="success">{t("f.done")}</Alert> : null}
      <section className="panel">
        <dl className="feedback-receipt">
          <dt>{t("f.handle.submitter")}</dt>
          <dd>
            {record.submitter.name} · {record.submitter.address} · {record.submitter.phone}
            {record.submitter.email ? ` · ${record.submitter.email}` : ""}
          </dd>
          <dt>{t("f.channel")}</dt>
          <dd>{record.channel}</dd>
          {record.procedure ? (
            <>
              <dt>{t("f.subject.procedure")}</dt>
              <dd>{record.procedure.name}</dd>
            </>
          ) : null}
          {record.dossierCode ? (
            <>
              <dt>{t("f.dossierCode")}</dt>
              <dd>{record.dossierCode}</dd>
            </>
          ) : null}
        </dl>
        {record.title ? <h2>{record.title}</h2> : null}
        <p className="feedback-text">{record.content}</p>
        {record.forwardDueAt ? (
          <p>
            {t("f.forward.due", { due: shortInstant(record.forwardDueAt) })}
            {record.forwardLate ? <span className="feedback-late"> {t("f.late")}</span> : null}
          </p>
        ) : null}
        {record.answerDueAt ? (
          <p>
            {t("f.answerDue", { due: shortInstant(record.answerDueAt) })}
            {record.answerLate ? <span className="feedback-late"> {t("f.late")}</span> : null}
          </p>
        ) : null}
        {record.rating !== null ? (
          <p>
            {t("f.rating")}: {t(`f.rate.${record.rating}` as FeedbackKey)}
          </p>
        ) : null}
      </section>

      {canManage && !record.spam && record.status === "received" ? (
        <form
          className="form panel"
          onSubmit={submitOn((r) =>
            feedbackApi.classify(
              r.id,
              classification === "not_accepted"
                ? { version: v, classification: "not_accepted", reason }
                : { version: v, classification: classification as "within_competence" },
            ),
          )}
        >
          <h2>{t("f.classify")}</h2>
          <SelectField
            label={t("f.classify")}
            value={classification}
            onChange={(e) => setClassification(e.target.value)}
          >
            {(["within_competence", "outside_competence", "conduct", "not_accepted"] as const).map((c) => (
              <option key={c} value={c}>
                {t(`f.classify.${c}`)}
              </option>
            ))}
          </SelectField>
          {classification === "not_accepted" ? (
            <TextArea
              id="fb-reason"
              label={t("f.classify.reason")}
              value={reason}
              onChange={setReason}
              rows={3}
            />
          ) : null}
          <button type="submit" className="button button-primary">
            {t("f.classify.submit")}
          </button>
        </form>
      ) : null}

      {canManage && !record.spam && record.status === "to_forward" ? (
        <form
          className="form panel"
          onSubmit={submitOn((r) =>
            feedbackApi.forward(
              r.id,
              toUnit.trim()
                ? { version: v, toUnit: toUnit.trim() }
                : { version: v, toExternal: toExternal.trim() },
            ),
          )}
        >
          <h2>{t("f.forward")}</h2>
          <TextField label={t("f.forward.unit")} value={toUnit} onChange={(e) => setToUnit(e.target.value)} />
          <TextField
            label={t("f.forward.external")}
            value={toExternal}
            onChange={(e) => setToExternal(e.target.value)}
          />
          <button type="submit" className="button button-primary">
            {t("f.forward.submit")}
          </button>
        </form>
      ) : null}

      {canManage && !record.spam && record.status === "accepted" ? (
        <>
          {canAssign ? (
            <AssignPanel
              record={record}
              onAssign={(body) => void run((r) => feedbackApi.assign(r.id, { version: r.version, ...body }))}
            />
          ) : null}
          {!canAssign && record.handler?.id !== me.id ? (
            <p>
              <button
                type="button"
                className="button"
                onClick={() => void run((r) => feedbackApi.assign(r.id, { version: v, handlerId: me.id }))}
              >
                {t("f.assign.self")}
              </button>
            </p>
          ) : null}
          <form
            className="form panel"
            onSubmit={submitOn((r) =>
              feedbackApi.study(r.id, {
                version: v,
                study: Object.fromEntries(
                  Object.entries(study).map(([c, a]) => [c, { assessment: a as "met" }]),
                ),
              }),
            )}
          >
            <h2>{t("f.study")}</h2>
            {CRITERIA.map(([code, label]) => (
              <SelectField
                key={code}
                label={label}
                value={study[code] ?? record.study?.[code]?.assessment ?? ""}
                onChange={(e) => setStudy((s) => ({ ...s, [code]: e.target.value }))}
              >
                <option value="">—</option>
                {(["met", "not_met", "not_applicable"] as const).map((a) => (
                  <option key={a} value={a}>
                    {t(`f.study.${a}`)}
                  </option>
                ))}
              </SelectField>
            ))}
            <button type="submit" className="button">
              {t("f.study.submit")}
            </button>
          </form>
          <form
            className="form panel"
            onSubmit={submitOn((r) =>
              feedbackApi.answer(r.id, { version: v, decision: decision as "adopted", answer }),
            )}
          >
            <h2>{t("f.decision")}</h2>
            <SelectField
              label={t("f.decision")}
              value={decision}
              onChange={(e) => setDecision(e.target.value)}
            >
              {(["adopted", "partly_adopted", "not_adopted", "explained"] as const).map((d) => (
                <option key={d} value={d}>
                  {t(`f.decision.${d}`)}
                </option>
              ))}
            </SelectField>
            <TextArea id="fb-answer" label={t("f.answer.text")} value={answer} onChange={setAnswer} />
            <button type="submit" className="button button-primary">
              {t("f.answer.submit")}
            </button>
          </form>
        </>
      ) : null}

      {canManage && !record.spam && record.status === "answered" ? (
        <form
          className="form panel"
          onSubmit={submitOn((r) =>
            feedbackApi.publish(r.id, {
              version: v,
              question: proposal?.question ?? "",
              answer: proposal?.answer ?? "",
            }),
          )}
        >
          <h2>{t("f.publish")}</h2>
          <p>{t("f.publish.hint")}</p>
          {proposal ? (
            <>
              <TextArea
                id="fb-pub-q"
                label={t("f.publish.question")}
                value={proposal.question}
                onChange={(q) => setProposal({ ...proposal, question: q })}
              />
              <TextArea
                id="fb-pub-a"
                label={t("f.publish.answer")}
                value={proposal.answer}
                onChange={(a) => setProposal({ ...proposal, answer: a })}
              />
              <button type="submit" className="button button-primary">
                {t("f.publish.submit")}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() =>
                feedbackApi.redaction(record.id).then(setProposal, (e) => setError(errorText(e, lang)))
              }
            >
              {t("f.publish.load")}
            </button>
          )}
        </form>
      ) : null}

      {canManage &&
      !record.spam &&
      ["received", "to_forward", "accepted", "not_accepted"].includes(record.status) ? (
        <p>
          <button type="button" className="button" onClick={() => void run((r) => feedbackApi.spam(r.id, v))}>
            {t("f.spam")}
          </button>
        </p>
      ) : null}

      <section className="panel">
        <h2>{t("f.handle.history")}</h2>
        <ol>
          {record.history.map((h) => (
            <li key={`${h.at}-${h.action}`}>
              {shortInstant(h.at)} · {h.action}
              {h.toStatus ? ` → ${t(`f.status.${h.toStatus}` as FeedbackKey)}` : ""}
              {h.actor ? ` · ${h.actor}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
