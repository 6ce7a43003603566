import { useEffect, useState } from "react";
import type { SystemStatus } from "../../../src/contracts/system.ts";
import { call } from "../api.ts";
import { Alert } from "../components/alert.tsx";
import { type Lang, useI18n } from "../i18n/index.tsx";
import { errorText } from "../lib/errors.ts";

function gigabytes(bytes: number, lang: Lang): string {
  return (bytes / 1024 ** 3).toLocaleString(lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 1 });
}

/**
 * The server's footing on the system administrator's start page: the database, and each disk's free space with a
 * warning below DISK_LOW_FREE_MB, so space is freed before receptions start failing with STORAGE_FULL.
 */
export function SystemStatusPanel() {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<SystemStatus | null>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    call<SystemStatus>("GET", "/system/status").then(setStatus, (e: unknown) => setError(errorText(e, lang)));
  }, [lang]);
  if (error) return <Alert kind="error">{error}</Alert>;
  if (!status) return null;
  const low = status.disks.filter((d) => d.low);
  return (
    <section className="panel" aria-labelledby="system-status-title" data-testid="system-status">
      <h2 id="system-status-title" className="section-title">
        {t("system.title")}
      </h2>
      {status.database === "down" ? <Alert kind="error">{t("system.databaseDown")}</Alert> : null}
      {low.map((d) => (
        <Alert key={d.role} kind="warning" title={t("system.diskLow.title")}>
          {t(d.role === "data" ? "system.diskLow.data" : "system.diskLow.files", {
            free: gigabytes(d.freeBytes, lang),
            threshold: gigabytes(status.lowBelowBytes, lang),
          })}
        </Alert>
      ))}
      <dl className="facts">
        <div>
          <dt>{t("system.database")}</dt>
          <dd>
            {t(status.engine === "pglite" ? "system.engine.pglite" : "system.engine.postgres")} ·{" "}
            {t(status.database === "up" ? "system.database.up" : "system.database.down")}
          </dd>
        </div>
        {status.disks.map((d) => (
          <div key={d.role}>
            <dt>{t(d.role === "data" ? "system.disk.data" : "system.disk.files")}</dt>
            <dd data-testid={`disk-${d.role}`}>
              {t("system.disk.free", {
                free: gigabytes(d.freeBytes, lang),
                total: gigabytes(d.totalBytes, lang),
              })}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
