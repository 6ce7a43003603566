import type { ColumnType, Generated } from "kysely";
import type { NullableTimestamp, Timestamp } from "./foundation.ts";

export type PaymentMethodColumn = "vnpay" | "cash" | "bank_transfer";
export type PaymentStatusColumn = "pending" | "paid" | "failed" | "cancelled" | "expired" | "refunded";

/** bigint: pg returns a string, PGlite a number; read through Number(). */
type Bigint = ColumnType<number | string, number, number>;
type NullableBigint = ColumnType<number | string | null, number | null | undefined, number | null>;

/** thanh toán phí, lệ phí: one payment (attempt) of a dossier's fee. */
export interface PaymentTable {
  id: Generated<string>;
  dossier_id: string;
  unit_id: string;
  citizen_id: string | null;
  method: PaymentMethodColumn;
  status: PaymentStatusColumn;
  amount_vnd: Bigint;
  txn_ref: string;
  order_info: string;
  payer_name: string;
  redirect_url: string | null;
  ip: string | null;
  gateway_create_date: NullableTimestamp;
  gateway_transaction_no: string | null;
  gateway_bank_code: string | null;
  gateway_card_type: string | null;
  gateway_response_code: string | null;
  reference: string | null;
  created_at: Timestamp;
  created_by: string | null;
  expires_at: NullableTimestamp;
  paid_at: NullableTimestamp;
  receipt_number: string | null;
  refund_amount_vnd: NullableBigint;
  refund_reason: string | null;
  refunded_at: NullableTimestamp;
  refunded_by: string | null;
  refund_transaction_no: string | null;
  version: Generated<number>;
}

export type PaymentNotificationVerdict =
  | "confirmed_paid"
  | "confirmed_failed"
  | "already_confirmed"
  | "bad_signature"
  | "wrong_merchant"
  | "missing_fields"
  | "unknown_order"
  | "amount_mismatch"
  | "late_success"
  | "shown"
  | "error";

export interface PaymentNotificationTable {
  id: Generated<string>;
  /** Order of arrival. */
  seq: ColumnType<number | string, never, never>;
  received_at: Timestamp;
  source: "ipn" | "return" | "querydr";
  txn_ref: string | null;
  payment_id: string | null;
  verdict: PaymentNotificationVerdict;
  rsp_code: string | null;
  params: ColumnType<Record<string, string>, string, string>;
  ip: string | null;
}

export interface PaymentReceiptSequenceTable {
  unit_id: string;
  year: number;
  last_seq: number;
}

export interface PaymentTables {
  payments: PaymentTable;
  payment_notifications: PaymentNotificationTable;
  payment_receipt_sequences: PaymentReceiptSequenceTable;
}
