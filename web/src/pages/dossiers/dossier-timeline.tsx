import { STATUS_LABELS } from "../../../../src/contracts/dossiers.ts";
import type { DossierDetail, FileBrief } from "../../dossier-api.ts";
import { type Lang, type Translate, useI18n } from "../../i18n/index.tsx";
import { formatSize } from "./file-upload.tsx";
import { EVENT_LABELS, formatDay, formatInstant, RETURN_LABELS, statusText } from "./labels.ts";

type Event = DossierDetail["events"][number];
type Note = DossierDetail["notes"][number];

export function FileLinks({ files }: { files: FileBrief[] }) {
  if (files.length === 0) return null;
  return (
    <ul className="dos-file-links">
      {files.map((f) => (
        <li key={f.id}>
          <a href={f.url} target="_blank" rel="noopener">
            {f.name}
          </a>{" "}
          <span className="cell-sub dos-inline">({formatSize(f.size)})</span>
        </li>
      ))}
    </ul>
  );
}

function eventDetail(e: Event, notes: Map<string, Note>, t: Translate, lang: Lang) {
  const detail = e.detail;
  const str = (key: string): string | null => {
    const value = detail[key];
    return typeof value === "string" && value.trim() ? value : null;
  };
  const lines: { label: string; text: string }[] = [];
  const reason = str("reason");
  if (reason) lines.push({ label: t("timeline.reason"), text: reason });
  const basis = str("basis");
  if (basis) lines.push({ label: t("timeline.basis"), text: basis });
  const note = str("note");
  if (note) lines.push({ label: t("timeline.note"), text: note });
  const toName = str("toName");
  if (toName) lines.push({ label: t("timeline.toUnit"), text: toName });
  const code = str("code");
  if (code && e.action !== "note") lines.push({ label: t("dossier.code"), text: code });
  const appointment = str("newAppointment");
  if (appointment) lines.push({ label: t("apology.newAppointment"), text: formatInstant(appointment, lang) });
  const number = str("number");
  if (number) {
    const signedOn = str("signedOn");
    lines.push({ label: t("result.number"), text: signedOn ? `${number} (${formatDay(signedOn)})` : number });
  }
  const method = str("method");
  if (method) {
    const ref = str("reference");
    const label = RETURN_LABELS[method];
    lines.push({ label: t("return.method"), text: `${label ? t(label) : method}${ref ? ` — ${ref}` : ""}` });
  }
  const items = Array.isArray(detail.items)
    ? (detail.items as unknown[]).flatMap((i) =>
        i && typeof i === "object" && "name" in i && "reason" in i
          ? [{ name: String(i.name), reason: String(i.reason) }]
          : [],
      )
    : [];
  const noteId = str("noteId");
  const noteView = noteId ? notes.get(noteId) : undefined;
  return (
    <>
      {lines.length > 0 ? (
        <dl className="dos-event-detail">
          {lines.map((l) => (
            <div key={l.label} className="dos-event-line">
              <dt>{l.label}</dt>
              <dd>{l.text}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {items.length > 0 ? (
        <ol className="dos-event-items">
          {items.map((i) => (
            <li key={`${i.name}-${i.reason}`}>
              <span className="strong">{i.name}</span>: {i.reason}
            </li>
          ))}
        </ol>
      ) : null}
      {noteView ? (
        <div className="dos-event-note">
          <p>{noteView.text}</p>
          <FileLinks files={noteView.files} />
        </div>
      ) : null}
    </>
  );
}

export function Timeline({ dossier }: { dossier: DossierDetail }) {
  const { t, lang } = useI18n();
  const notes = new Map(dossier.notes.map((n) => [n.id, n]));
  const events = [...dossier.events].sort((a, b) => b.seq - a.seq);
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("timeline.title")}</h2>
      <p className="small muted">{t("timeline.lead")}</p>
      <ol className="dos-timeline" data-testid="timeline">
        {events.map((e) => {
          // A reception at the counter is named by its outcome: accepted, supplements asked, or refused.
          const outcome = e.action === "receive" ? e.detail.outcome : undefined;
          const label =
            EVENT_LABELS[typeof outcome === "string" ? outcome : e.action] ?? EVENT_LABELS[e.action];
          return (
            <li key={e.seq} className={`dos-event dos-event-${e.action}`} data-action={e.action}>
              <div className="dos-event-head">
                <span className="dos-event-title">{t(label ?? "event.other")}</span>
                <time dateTime={e.at} className="dos-event-time">
                  {formatInstant(e.at, lang)}
                </time>
              </div>
              <p className="dos-event-who small">
                {e.actor ? e.actor.fullName : t("timeline.system")}
                {e.unit ? ` · ${e.unit.name}` : ""}
                {e.fromStatus !== e.toStatus ? (
                  <>
                    {" · "}
                    <span className="dos-event-status">
                      {t("timeline.status", {
                        status: statusText(
                          STATUS_LABELS[e.toStatus] ?? { vi: e.toStatus, en: e.toStatus },
                          lang,
                        ),
                      })}
                    </span>
                  </>
                ) : null}
              </p>
              {eventDetail(e, notes, t, lang)}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
