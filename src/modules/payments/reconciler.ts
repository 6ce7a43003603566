/**
 * The background reconciliation of online payments: every few minutes, pending payments whose time at the gateway
 * ran out are asked about with querydr and settled (paid when the gateway took the money and its IPN was lost;
 * expired when it did not). One pass handles a bounded batch, oldest first; a pass that fails is logged and the
 * next one runs at the next interval.
 *
 * Several processes (`motcua serve --workers N`) may pick the same pending payment in the same minute: each asks
 * the gateway (a read, answered the same), but the answer is applied in a transaction that locks the payment row
 * and re-reads its status (settleWithGateway), so the second finds it settled and changes nothing: one paid or
 * expired transition, one audit event, one receipt.
 */
import type { Config } from "../../config.ts";
import type { Db } from "../../db/database.ts";
import { gatewayOf } from "./gateway.ts";
import { settleWithGateway } from "./reconcile.ts";

/** The gateway may still confirm shortly after vnp_ExpireDate: wait this long before asking. */
const GRACE_MS = 2 * 60_000;

export interface ReconcileSummary {
  checked: number;
  paid: number;
  expired: number;
  failed: number;
  errors: number;
}

export async function reconcileExpiredPayments(
  db: Db,
  config: Config,
  now: Date,
  limit = 50,
): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = { checked: 0, paid: 0, expired: 0, failed: 0, errors: 0 };
  const gateway = gatewayOf(config);
  if (!gateway) return summary;
  const due = await db
    .selectFrom("payments")
    .selectAll()
    .where("status", "=", "pending")
    .where("method", "=", "vnpay")
    .where("expires_at", "<", new Date(now.getTime() - GRACE_MS))
    .orderBy("expires_at")
    .limit(limit)
    .execute();
  for (const payment of due) {
    summary.checked += 1;
    try {
      const settled = await settleWithGateway(
        { db, gateway, publicUrl: config.publicUrl },
        payment,
        "127.0.0.1",
        now,
        {
          expireIfUnpaid: true,
        },
      );
      if (settled.status === "paid") summary.paid += 1;
      else if (settled.status === "expired") summary.expired += 1;
      else if (settled.status === "failed") summary.failed += 1;
    } catch {
      summary.errors += 1;
    }
  }
  return summary;
}

export interface PaymentReconciler {
  start(): void;
  stop(): Promise<void>;
}

export function paymentReconciler(
  db: Db,
  config: Config,
  clock: () => Date,
  onPass: (summary: ReconcileSummary | Error) => void,
  intervalMs: number | undefined = undefined,
): PaymentReconciler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const pass = () => {
    running ??= reconcileExpiredPayments(db, config, clock())
      .then(onPass, (error: unknown) => onPass(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        running = undefined;
      });
  };
  return {
    start() {
      if (!gatewayOf(config) || timer) return;
      timer = setInterval(pass, intervalMs ?? 5 * 60_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
