import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { z } from "zod";
import type {
  DemoMailboxResponse,
  OutboxMessage,
  OutboxOverview,
} from "../../../../src/contracts/notifications.ts";
import { ApiError, call, query } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { TextField } from "../../components/field.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { useMe } from "../../session.tsx";
import { formatInstant } from "../dossiers/labels.ts";
import "./notifications.css";

type Overview = z.infer<typeof OutboxOverview>;
type Message = z.infer<typeof OutboxMessage>;
type Mailbox = z.infer<typeof DemoMailboxResponse>;

/** Outbox supervision for the signed-in administrator's unit, and the demo mailbox when the server has one. */
export function NotificationsPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const canManage = me.permissions["notification.manage"] !== undefined;
  // The demo mailbox holds every unit's messages: the server shows it to the system administrator only.
  const canReadMailbox = me.permissions["notification.manage"] === "all";
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [mailbox, setMailbox] = useState<Mailbox | null>(null);
  const [filter, setFilter] = useState("");

  const load = useCallback(() => {
    call<Overview>("GET", `/units/${me.unit.id}/notifications`).then(
      (o) => {
        setOverview(o);
        setError(undefined);
      },
      (e: unknown) => setError(errorText(e, lang)),
    );
  }, [me.unit.id, lang]);

  const loadMailbox = useCallback(
    (to: string) => {
      call<Mailbox>("GET", `/demo/mailbox${query({ to: to.trim() || undefined })}`).then(
        setMailbox,
        (e: unknown) => {
          // Outside demo mode the mailbox does not exist: the section stays hidden.
          if (!(e instanceof ApiError && e.code === "DEMO_ONLY")) setError(errorText(e, lang));
        },
      );
    },
    [lang],
  );

  useEffect(() => {
    load();
    if (canReadMailbox) loadMailbox("");
  }, [load, loadMailbox, canReadMailbox]);

  async function retry(message: Message) {
    try {
      await call<Message>("POST", `/units/${me.unit.id}/notifications/${message.id}/retry`);
      setNotice(t("notifications.retried"));
      load();
    } catch (e) {
      setError(errorText(e, lang));
    }
  }

  function showMailbox(event: FormEvent) {
    event.preventDefault();
    loadMailbox(filter);
  }

  return (
    <>
      <PageHeading title={t("notifications.title")} lead={t("notifications.lead")} />
      {error ? <Alert kind="error">{error}</Alert> : null}
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {overview === null && !error ? <p className="muted">{t("common.loading")}</p> : null}
      {overview ? (
        <>
          <section aria-labelledby="outbox-counts">
            <h2 id="outbox-counts">{t("notifications.counts")}</h2>
            <dl className="outbox-counts">
              <div>
                <dt>{t("notifications.pending")}</dt>
                <dd>{overview.counts.pending}</dd>
              </div>
              <div>
                <dt>{t("notifications.overdue")}</dt>
                <dd>{overview.overdue}</dd>
              </div>
              <div>
                <dt>{t("notifications.sent")}</dt>
                <dd>{overview.counts.sent}</dd>
              </div>
              <div>
                <dt>{t("notifications.dead")}</dt>
                <dd>{overview.counts.dead}</dd>
              </div>
            </dl>
          </section>
          <section aria-labelledby="outbox-failures">
            <h2 id="outbox-failures">{t("notifications.failures")}</h2>
            {overview.failures.length === 0 ? (
              <p className="muted">{t("notifications.failures.empty")}</p>
            ) : (
              <div className="table-wrap">
                <table className="table responsive-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("notifications.when")}</th>
                      <th scope="col">{t("notifications.template")}</th>
                      <th scope="col">{t("notifications.recipient")}</th>
                      <th scope="col">{t("notifications.status")}</th>
                      <th scope="col">{t("notifications.error")}</th>
                      {canManage ? <th scope="col">{t("common.actions")}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {overview.failures.map((m) => (
                      <tr key={m.id}>
                        <td data-label={t("notifications.when")}>{formatInstant(m.createdAt, lang)}</td>
                        <td data-label={t("notifications.template")}>
                          <span className="code">
                            {m.template} v{m.templateVersion}
                          </span>
                        </td>
                        <td data-label={t("notifications.recipient")}>
                          {t(
                            m.channel === "email"
                              ? "notifications.channel.email"
                              : "notifications.channel.sms",
                          )}
                          : {m.recipient}
                        </td>
                        <td data-label={t("notifications.status")}>
                          {t(m.status === "dead" ? "notifications.dead" : "notifications.pending")} (
                          {t("notifications.attempts")}: {m.attempts})
                        </td>
                        <td data-label={t("notifications.error")}>{m.lastError}</td>
                        {canManage ? (
                          <td data-label={t("common.actions")}>
                            {m.status === "dead" ? (
                              <button type="button" className="button button-small" onClick={() => retry(m)}>
                                {t("notifications.retry")}
                              </button>
                            ) : null}
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
      {mailbox ? (
        <section aria-labelledby="demo-mailbox">
          <h2 id="demo-mailbox">{t("notifications.demo.title")}</h2>
          <p>{t("notifications.demo.lead")}</p>
          <form onSubmit={showMailbox} className="mailbox-filter">
            <TextField
              label={t("notifications.demo.filter")}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              maxLength={254}
            />
            <button type="submit" className="button">
              {t("notifications.demo.show")}
            </button>
          </form>
          {mailbox.mails.length === 0 && mailbox.sms.length === 0 ? (
            <p className="muted">{t("notifications.demo.empty")}</p>
          ) : null}
          {mailbox.mails.map((m) => (
            <article key={`${m.messageId}-${m.receivedAt}`} className="mailbox-item">
              <h3>{m.subject}</h3>
              <p className="muted">
                {m.to.join(", ")} · {formatInstant(m.receivedAt, lang)}
              </p>
              <pre className="mailbox-text">{m.text}</pre>
            </article>
          ))}
          {mailbox.sms.map((s) => (
            <article key={`${s.phone}-${s.receivedAt}-${s.message}`} className="mailbox-item">
              <h3>{t("notifications.demo.sms", { phone: s.phone })}</h3>
              <p className="muted">{formatInstant(s.receivedAt, lang)}</p>
              <p>{s.message}</p>
            </article>
          ))}
        </section>
      ) : null}
    </>
  );
}
