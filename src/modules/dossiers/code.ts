/**
 * Dossier codes: `<agency>-YYMMDD-XXXX` (src/domain/codes), the sequence counted per agency and local day.
 *
 * The counter row is incremented inside the reception's transaction with INSERT … ON CONFLICT DO UPDATE: the row
 * stays locked until that transaction ends, so two receptions never get the same number, and a reception that
 * rolls back returns its number (no gaps). On PostgreSQL concurrent receptions at one agency queue on that row
 * (and only there); on PGlite the single connection serialises them anyway. Call it before any audit entry of the
 * transaction, so that every reception takes its locks in the same order (sequence, then audit chain head).
 *
 * The agency in the code is the unit that received the dossier: under TT 01/2018 the receiving unit, under
 * NĐ 118/2025 the authority that resolves it — for the procedures a unit offers at its own desk, the same unit.
 */
import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import { formatLocalDate, type Instant, localDayOf } from "../../domain/calendar/index.ts";
import { dossierCodeFor, isAgencyCode, MAX_DAILY_SEQUENCE } from "../../domain/codes/index.ts";
import { AppError } from "../../errors.ts";

export interface AllocatedCode {
  code: string;
  agency: string;
  day: string;
  sequence: number;
}

export async function allocateCode(tx: Tx, agencyCode: string, receivedAt: Instant): Promise<AllocatedCode> {
  if (!isAgencyCode(agencyCode))
    throw new AppError("UNIT_CODE_NOT_AGENCY_CODE", { details: { code: agencyCode } });
  const day = formatLocalDate(localDayOf(receivedAt));
  const { rows } = await sql<{ last_seq: number }>`
    INSERT INTO dossier_code_sequences (agency_code, day, last_seq)
    VALUES (${agencyCode}, ${day}::date, 1)
    ON CONFLICT (agency_code, day) DO UPDATE
      SET last_seq = dossier_code_sequences.last_seq + 1
      WHERE dossier_code_sequences.last_seq < ${MAX_DAILY_SEQUENCE}
    RETURNING last_seq
  `.execute(tx);
  const sequence = rows[0]?.last_seq;
  if (sequence === undefined) throw new AppError("CODE_SEQUENCE_EXHAUSTED", { details: { agencyCode, day } });
  const { code } = dossierCodeFor({ agencyCode, receivedAt, sequence: Number(sequence) });
  return { code, agency: agencyCode, day, sequence: Number(sequence) };
}
