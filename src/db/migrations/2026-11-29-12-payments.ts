import { type Kysely, sql } from "kysely";

// Payments of dossier fees (thanh toán phí, lệ phí): online through a VNPay-protocol gateway or recorded at the
// desk; every gateway call received, with the verdict given to it; the electronic receipts' numbering.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE payments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers(id),
      -- The unit that collects the fee: the one that received the dossier.
      unit_id uuid NOT NULL REFERENCES units(id),
      citizen_id uuid REFERENCES citizens(id),
      method text NOT NULL CHECK (method IN ('vnpay','cash','bank_transfer')),
      status text NOT NULL CHECK (status IN ('pending','paid','failed','cancelled','expired','refunded')),
      amount_vnd bigint NOT NULL CHECK (amount_vnd > 0),
      -- vnp_TxnRef at the gateway, or the desk record's reference number.
      txn_ref text NOT NULL UNIQUE,
      order_info text NOT NULL,
      payer_name text NOT NULL,
      redirect_url text,
      ip text,
      gateway_create_date timestamptz,
      gateway_transaction_no text,
      gateway_bank_code text,
      gateway_card_type text,
      gateway_response_code text,
      reference text,
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES staff(id),
      expires_at timestamptz,
      paid_at timestamptz,
      receipt_number text,
      refund_amount_vnd bigint,
      refund_reason text,
      refunded_at timestamptz,
      refunded_by uuid REFERENCES staff(id),
      refund_transaction_no text,
      version integer NOT NULL DEFAULT 1,
      CHECK ((status IN ('paid','refunded')) = (paid_at IS NOT NULL AND receipt_number IS NOT NULL)),
      CHECK ((status = 'refunded') = (refunded_at IS NOT NULL AND refund_reason IS NOT NULL)),
      CHECK (method = 'vnpay' OR status IN ('paid','refunded'))
    )
  `.execute(db);
  // A fee is charged once: at most one payment per dossier is open or paid.
  await sql`CREATE UNIQUE INDEX payments_one_live_per_dossier ON payments (dossier_id) WHERE status IN ('pending','paid')`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX payments_receipt_number_idx ON payments (unit_id, receipt_number) WHERE receipt_number IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX payments_gateway_transaction_idx ON payments (gateway_transaction_no) WHERE method = 'vnpay' AND gateway_transaction_no IS NOT NULL AND status IN ('paid','refunded')`.execute(
    db,
  );
  await sql`CREATE INDEX payments_dossier_idx ON payments (dossier_id, created_at DESC)`.execute(db);
  await sql`CREATE INDEX payments_pending_idx ON payments (expires_at) WHERE status = 'pending'`.execute(db);

  // Every call the gateway (or a browser) made to the IPN and return addresses, with the verdict it got.
  await sql`
    CREATE TABLE payment_notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- Order of arrival (several calls may share a timestamp).
      seq bigint GENERATED ALWAYS AS IDENTITY,
      received_at timestamptz NOT NULL,
      source text NOT NULL CHECK (source IN ('ipn','return','querydr')),
      txn_ref text,
      payment_id uuid REFERENCES payments(id),
      verdict text NOT NULL CHECK (verdict IN (
        'confirmed_paid','confirmed_failed','already_confirmed','bad_signature','wrong_merchant','missing_fields',
        'unknown_order','amount_mismatch','late_success','shown','error')),
      rsp_code text,
      params jsonb NOT NULL,
      ip text
    )
  `.execute(db);
  await sql`CREATE INDEX payment_notifications_txn_idx ON payment_notifications (txn_ref, received_at)`.execute(
    db,
  );
  await sql`CREATE INDEX payment_notifications_verdict_idx ON payment_notifications (verdict, received_at)`.execute(
    db,
  );

  // Gap-free numbering of electronic receipts per collecting unit and year.
  await sql`
    CREATE TABLE payment_receipt_sequences (
      unit_id uuid NOT NULL REFERENCES units(id),
      year integer NOT NULL,
      last_seq integer NOT NULL,
      PRIMARY KEY (unit_id, year)
    )
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
