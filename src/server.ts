import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { LocalFileStore } from "./adapters/storage/local-file-store.ts";
import { buildApp } from "./app.ts";
import { type Config, DEMO_HOST } from "./config.ts";
import { type DbHandle, openDatabase } from "./db/connection.ts";
import { periodicPass } from "./db/job-lease.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { newControlToken, writeControlFile } from "./modules/backup/control.ts";
import { importWorker } from "./modules/catalog/import-jobs.ts";
import { startDemoIdentityProvider } from "./modules/citizens/demo-identity-provider.ts";
import { handOverListWorker } from "./modules/documents/hand-over-exports.ts";
import { ocrWorker } from "./modules/documents/ocr.ts";
import { reminderWorker } from "./modules/documents/reminders.ts";
import {
  type DemoMessaging,
  type NotificationRuntime,
  prepareNotifications,
} from "./modules/notifications/runtime.ts";
import { paymentReconciler } from "./modules/payments/reconciler.ts";
import { exportWorker } from "./modules/reports/exports.ts";
import { holdRenderPool } from "./pdf/pool.ts";
import { seedDemoIfEmpty } from "./seed/demo.ts";

/** How often the dossier form render pass looks for forms still due; an action kicks its own at once. */
const FORM_RENDER_PASS_MS = 15_000;

export interface RunningServer {
  app: FastifyInstance;
  handle: DbHandle;
  url: string;
  stop(): Promise<void>;
}

/** How a worker of `motcua serve --workers N` (src/cluster.ts) differs from the one process. */
export interface ClusterWorkerOptions {
  /** The demo's mail catcher and SMS peer, run once by the primary; undefined when it runs none. */
  demoMessaging: DemoMessaging | undefined;
  /** The demo's local payment gateway, run once by the primary (its transactions are in its memory). */
  localGatewayUpstream: string | undefined;
  /** Answer this process's id in the X-Motcua-Worker header (process tests find which worker answered). */
  pidHeader: boolean;
}

/**
 * Opens the database, migrates, seeds demo data when asked, and listens. As a cluster worker (`worker` given) it
 * neither migrates nor seeds (the primary did, once, before forking) and starts no demo side service: the
 * primary runs the identity provider on its fixed port and the mail catcher and SMS peer, whose memory is the
 * demo mailbox, for all workers.
 */
export async function startServer(config: Config, worker?: ClusterWorkerOptions): Promise<RunningServer> {
  // Connections lost while the server runs (a PostgreSQL restart) are logged once the app's logger exists.
  let logConnectionLost = (_error: Error) => {};
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onConnectionLost: (error) => logConnectionLost(error),
  });
  let notifications: NotificationRuntime | undefined;
  try {
    if (!worker) {
      await migrateToLatest(handle.db);
      if (config.demo)
        await seedDemoIfEmpty(handle.db, new Date(), { signingKeySecret: config.signingKeySecret });
    }
    const controlToken = handle.engine === "pglite" ? newControlToken() : undefined;
    notifications = await prepareNotifications(config, worker?.demoMessaging);
    const runtime = notifications;
    const app = await buildApp({
      db: handle.db,
      engine: handle.engine,
      config,
      clock: () => new Date(),
      files: new LocalFileStore(config.filesDir),
      ...(controlToken ? { controlToken } : {}),
      ...(notifications.demoMailbox ? { demoMailbox: notifications.demoMailbox } : {}),
      ...(worker?.localGatewayUpstream ? { localGatewayUpstream: worker.localGatewayUpstream } : {}),
    });
    logConnectionLost = (error) =>
      app.log.warn({ err: error }, "a database connection was lost; the pool opens a new one when needed");
    app.addHook("onClose", () => runtime.stop());
    if (worker?.pidHeader)
      app.addHook("onRequest", async (_request, reply) => {
        reply.header("x-motcua-worker", String(process.pid));
      });
    // The background passes below run in every process of `motcua serve --workers N` (src/cluster.ts), and none
    // does a piece of work twice: the outbox, OCR, report exports, hand-over prints and catalog imports claim rows
    // with FOR UPDATE SKIP LOCKED and a lease (src/db/job-lease.ts, notifications/delivery.ts), so a killed
    // process's claims are taken up when their lease ends; a reminder is claimed by a conditional UPDATE of its
    // mark and the overdue notice by the outbox's unique dedupe key; the reconciler settles a payment under its
    // row lock after re-reading its status (payments/reconciler.ts).
    // Pending online payments whose time ran out are settled with the gateway (querydr) every few minutes.
    const reconciler = paymentReconciler(
      handle.db,
      config,
      () => new Date(),
      (result) => {
        if (result instanceof Error) app.log.error({ err: result }, "payment reconciliation pass failed");
        else if (result.checked > 0)
          app.log.info({ payments: result }, "payments reconciled with the gateway");
      },
      config.jobs.intervalMs,
    );
    app.addHook("onClose", () => reconciler.stop());
    // OCR of incoming scans fills the documents' search text, off the request path.
    const ocr = ocrWorker(
      { db: handle.db, files: app.deps.files },
      () => new Date(),
      (error) =>
        app.log.error({ err: error }, "document OCR pass failed; it runs again at the next interval"),
      config.jobs,
    );
    app.addHook("onClose", () => ocr.stop());
    // Due-soon and overdue reminders of incoming-document assignments (NĐ 30/2020 Điều 24), through the outbox.
    const documentReminders = reminderWorker(
      handle.db,
      () => new Date(),
      (error) =>
        app.log.error({ err: error }, "document reminder pass failed; it runs again at the next interval"),
      config.jobs.intervalMs,
    );
    app.addHook("onClose", () => documentReminders.stop());
    // Report files (PDF, XLSX) are rendered by a background pass, not on the request path.
    const reportExports = exportWorker(
      handle.db,
      () => new Date(),
      (error) =>
        app.log.error({ err: error }, "report export pass failed; it runs again at the next interval"),
      config.jobs,
    );
    app.addHook("onClose", () => reportExports.stop());
    // The year's hand-over list of work files printed as PDF by a background pass, not on the request path.
    const handOverLists = handOverListWorker(
      handle.db,
      () => new Date(),
      (error) =>
        app.log.error({ err: error }, "hand-over list print pass failed; it runs again at the next interval"),
      config.jobs,
    );
    app.addHook("onClose", () => handOverLists.stop());
    // Catalog imports taken up again after a process stopped mid-way (their lease ran out).
    const catalogImports = importWorker(
      handle.db,
      () => new Date(),
      (error) =>
        app.log.error({ err: error }, "catalog import pass failed; it runs again at the next interval"),
      config.jobs,
    );
    app.addHook("onClose", () => catalogImports.stop());
    // Dossier forms still due (a crash mid-render, a failed render) are drawn again by a pass in the render pool.
    const formRenders = periodicPass(
      () => app.formRenders.pass(),
      (error) =>
        app.log.error({ err: error }, "dossier form render pass failed; it runs again at the next interval"),
      config.jobs.intervalMs ?? FORM_RENDER_PASS_MS,
    );
    app.addHook("onClose", () => formRenders.stop());
    // The render pool's threads start now, so the first receipt does not wait for them; released after the passes
    // above have stopped (onClose hooks run in the order they were added).
    const releaseRenderPool = holdRenderPool();
    app.addHook("onClose", () => releaseRenderPool());
    // Demo mode: the local VNeID-style identity provider, on its own port next to the server.
    const identityProvider = worker
      ? null
      : await startDemoIdentityProvider(config).catch((error: unknown) => {
          app.log.warn({ err: error }, "demo identity provider not started; VNeID sign-in is unavailable");
          return null;
        });
    if (identityProvider) {
      app.addHook("onClose", () => identityProvider.close());
      app.log.info({ issuer: identityProvider.issuer }, "demo identity provider (VNeID-style) listening");
    }
    const address = await app.listen({ port: config.port, host: config.host });
    if (config.demo && config.host === DEMO_HOST)
      app.log.info(
        { host: config.host },
        "demo mode listens on 127.0.0.1 only (its passwords are public); set HOST=0.0.0.0 to open it to the network",
      );
    notifications.start(
      handle.db,
      () => new Date(),
      (error) =>
        app.log.error(
          { err: error },
          "notification delivery pass failed; it runs again at the next interval",
        ),
    );
    reconciler.start();
    ocr.start();
    documentReminders.start();
    reportExports.start();
    handOverLists.start();
    catalogImports.start();
    formRenders.start();
    if (controlToken)
      writeControlFile(config.dataDir, (app.server.address() as AddressInfo).port, controlToken);
    let stopping: Promise<void> | undefined;
    return {
      app,
      handle,
      url: address,
      stop: () => {
        stopping ??= (async () => {
          await app.close();
          await handle.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await notifications?.stop();
    await handle.close();
    throw error;
  }
}
