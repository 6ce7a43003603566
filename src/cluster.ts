/**
 * `motcua serve --workers N` (or WORKERS=N): a primary process forks N server processes with node:cluster; they
 * share the listening port, each accepting on it itself. PostgreSQL only: PGlite is one process that holds its
 * data directory's lock.
 *
 * The primary migrates and seeds the demo once before forking, so no worker ever migrates. Kysely's migrator takes
 * a PostgreSQL advisory lock and would survive N workers migrating at once, but the demo seeding has no lock and N
 * pools opened only to find nothing to do are waste. The primary also runs the demo's side services: the
 * identity provider binds a fixed port (PORT + 1); the mail catcher and SMS peer keep what they received in
 * memory, which is the demo mailbox, reached by the workers over IPC; the local payment gateway keeps its
 * transactions in memory, and the workers relay /demo-gateway to it. One of each for the whole cluster.
 *
 * The background passes (outbox delivery, payment reconciler, OCR, reminders, report exports, hand-over prints,
 * catalog imports) run in every worker: each is safe with several processes (see src/server.ts).
 */
import cluster, { type Worker } from "node:cluster";
import { randomUUID } from "node:crypto";
import Fastify from "fastify";
import pino from "pino";
import type { DemoMailbox } from "./adapters/messaging/demo-mailbox.ts";
import { localGatewayPlugin } from "./adapters/payment/local-gateway.ts";
import { type Config, ConfigError, LOCAL_GATEWAY_PREFIX } from "./config.ts";
import { openDatabase } from "./db/connection.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { startDemoIdentityProvider } from "./modules/citizens/demo-identity-provider.ts";
import { type DemoMessaging, startDemoMessaging } from "./modules/notifications/runtime.ts";
import { seedDemoIfEmpty } from "./seed/demo.ts";
import { type RunningServer, startServer } from "./server.ts";

/** The primary's side services, handed to each worker in its environment. */
const DEMO_MESSAGING_ENV = "MOTCUA_CLUSTER_DEMO_MESSAGING";
const DEMO_GATEWAY_ENV = "MOTCUA_CLUSTER_DEMO_GATEWAY";
/** Process tests set it to learn which worker answered (the X-Motcua-Worker header). */
export const PID_HEADER_ENV = "MOTCUA_WORKER_PID_HEADER";

const MAILBOX_ASK = "motcua:demo-mailbox?";
const MAILBOX_ANSWER = "motcua:demo-mailbox!";
interface MailboxAsk {
  type: typeof MAILBOX_ASK;
  id: string;
  which: "mails" | "sms";
}
interface MailboxAnswer {
  type: typeof MAILBOX_ANSWER;
  id: string;
  items: unknown[];
}

/** A worker that dies is forked again after this delay, doubled each time it dies soon after its start. */
const RESTART_DELAY_MS = 1_000;
const RESTART_DELAY_MAX_MS = 30_000;
/** A worker that ran at least this long before dying was healthy: its next restart waits the shortest delay. */
const HEALTHY_RUN_MS = 30_000;
/** On SIGTERM/SIGINT, workers still running after this are killed. */
const STOP_GRACE_MS = 30_000;

/** Refuses what a cluster cannot be: on PGlite the database is the process. */
export function checkClusterConfig(config: Config): void {
  if (config.workers > 1 && !config.databaseUrl)
    throw new ConfigError(
      `--workers ${config.workers} needs PostgreSQL (DATABASE_URL): the embedded database (PGlite) is one process that holds its data directory's lock. Without DATABASE_URL run one process (no --workers, or --workers 1).`,
    );
}

/** `motcua serve` in a cluster: the primary's side, or a worker's. Resolves only when the primary stops. */
export async function serveCluster(config: Config): Promise<number> {
  return cluster.isPrimary ? runPrimary(config) : runWorker(config);
}

async function runPrimary(config: Config): Promise<number> {
  checkClusterConfig(config);
  const log = pino({ level: config.logLevel, base: { role: "primary", pid: process.pid } });
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
    if (config.demo)
      await seedDemoIfEmpty(handle.db, new Date(), { signingKeySecret: config.signingKeySecret });
  } finally {
    await handle.close();
  }
  const messaging = await startDemoMessaging(config);
  const identityProvider = await startDemoIdentityProvider(config).catch((error: unknown) => {
    log.warn({ err: error }, "demo identity provider not started; VNeID sign-in is unavailable");
    return null;
  });
  if (identityProvider)
    log.info({ issuer: identityProvider.issuer }, "demo identity provider (VNeID-style) listening");
  const gateway = await startSharedGateway(config);

  // Each worker accepts on the shared socket itself, not the primary's round robin: a connection the primary had
  // handed to a worker that was killed that instant is lost with no answer (the client waits for its timeout),
  // while a connection left in the shared socket's queue is taken by a live worker.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  // (Set before setupPrimary, which freezes it.) Dates in the mailbox stay Dates across IPC.
  cluster.setupPrimary({ serialization: "advanced" });
  const env: NodeJS.ProcessEnv = {
    ...(messaging
      ? { [DEMO_MESSAGING_ENV]: JSON.stringify({ smtpUrl: messaging.smtpUrl, sms: messaging.sms }) }
      : {}),
    ...(gateway ? { [DEMO_GATEWAY_ENV]: gateway.url } : {}),
  };
  let stopping = false;
  let everListened = false;
  let gaveUp = false;
  const slots = new Map<Worker, { slot: number; startedAt: number }>();
  const delays = new Map<number, number>();
  const fork = (slot: number) => {
    if (stopping) return;
    const worker = cluster.fork(env);
    slots.set(worker, { slot, startedAt: Date.now() });
    worker.on("listening", () => {
      everListened = true;
    });
    worker.on("message", (message: MailboxAsk) => {
      if (message?.type !== MAILBOX_ASK || !messaging) return;
      const items = message.which === "mails" ? messaging.mailbox.mails() : messaging.mailbox.sms();
      const answer: MailboxAnswer = {
        type: MAILBOX_ANSWER,
        id: message.id,
        items: [...(items as unknown[])],
      };
      if (worker.isConnected()) worker.send(answer);
    });
  };
  let finished: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => {
    finished = resolve;
  });
  const stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, "stopping the workers");
    const running = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    await Promise.all(
      running.map(
        (w) =>
          new Promise<void>((resolve) => {
            const kill = setTimeout(() => w.process.kill("SIGKILL"), STOP_GRACE_MS);
            w.once("exit", () => {
              clearTimeout(kill);
              resolve();
            });
            // Each worker closes its server (finishing requests in flight) and its pool, then exits.
            w.process.kill("SIGTERM");
          }),
      ),
    );
    await identityProvider?.close();
    await messaging?.close();
    await gateway?.close();
    finished(code);
  };
  cluster.on("exit", (worker, code, signal) => {
    const info = slots.get(worker);
    slots.delete(worker);
    if (stopping || !info) return;
    // A worker that dies before any worker ever listened (a taken port, a bad database) would die again: stop.
    if (!everListened) {
      gaveUp = true;
      log.error({ code, signal }, "a worker died before the server listened; stopping");
      void stop("a worker failed to start", 1);
      return;
    }
    const ranMs = Date.now() - info.startedAt;
    const previous = delays.get(info.slot) ?? 0;
    const delay =
      ranMs >= HEALTHY_RUN_MS || previous === 0
        ? RESTART_DELAY_MS
        : Math.min(previous * 2, RESTART_DELAY_MAX_MS);
    delays.set(info.slot, delay);
    log.warn(
      { worker: worker.process.pid, code, signal, restartInMs: delay },
      "a worker died; starting another",
    );
    // Not unref'd: with every worker dead this timer is what keeps the primary alive to fork them again.
    setTimeout(() => fork(info.slot), delay);
  });
  process.once("SIGINT", () => void stop("SIGINT", 0));
  process.once("SIGTERM", () => void stop("SIGTERM", 0));
  for (let slot = 1; slot <= config.workers; slot++) fork(slot);
  log.info({ workers: config.workers }, "cluster started");
  const code = await done;
  return gaveUp ? 1 : code;
}

/** Demo mode without PAYMENT_GATEWAY_URL: the local gateway on a loopback port, under the prefix the workers relay. */
async function startSharedGateway(
  config: Config,
): Promise<{ url: string; close(): Promise<void> } | undefined> {
  const payment = config.payment;
  if (!payment?.localGateway) return undefined;
  const merchant = {
    tmnCode: payment.tmnCode,
    hashSecret: payment.hashSecret,
    ipnUrl: payment.localGateway.ipnUrl,
  };
  const app = Fastify({ logger: false });
  await app.register(localGatewayPlugin({ merchants: new Map([[merchant.tmnCode, merchant]]) }), {
    prefix: LOCAL_GATEWAY_PREFIX,
  });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { url, close: () => app.close() };
}

/** The primary's mailbox, asked over IPC (the route awaits it). */
function primaryMailbox(): DemoMailbox {
  const pending = new Map<string, (items: unknown[]) => void>();
  process.on("message", (message: MailboxAnswer) => {
    if (message?.type !== MAILBOX_ANSWER) return;
    pending.get(message.id)?.(message.items);
    pending.delete(message.id);
  });
  const ask = <T>(which: MailboxAsk["which"]) =>
    new Promise<T[]>((resolve, reject) => {
      const id = randomUUID();
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error("the cluster's primary did not answer for the demo mailbox"));
      }, 10_000);
      pending.set(id, (items) => {
        clearTimeout(timer);
        resolve(items as T[]);
      });
      process.send?.({ type: MAILBOX_ASK, id, which } satisfies MailboxAsk);
    });
  return { mails: () => ask("mails"), sms: () => ask("sms") };
}

async function runWorker(config: Config): Promise<number> {
  const shared = process.env[DEMO_MESSAGING_ENV];
  const demoMessaging: DemoMessaging | undefined = shared
    ? { ...(JSON.parse(shared) as Omit<DemoMessaging, "mailbox">), mailbox: primaryMailbox() }
    : undefined;
  const server: RunningServer = await startServer(config, {
    demoMessaging,
    localGatewayUpstream: process.env[DEMO_GATEWAY_ENV],
    pidHeader: ["1", "true", "yes", "on"].includes(process.env[PID_HEADER_ENV] ?? ""),
  });
  const shutdown = async (signal: string) => {
    server.app.log.info({ signal }, "worker shutting down");
    await server.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  return new Promise<number>(() => {});
}
