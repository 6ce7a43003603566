/**
 * A staff member changes their own password: the current password again, a strong new one, every other session
 * ended. The write checks the version of the account row read before the (slow) hashing, so an edit of the
 * account meanwhile (an administrator's change, a second password change) is a 409 CONFLICT, not a lost update.
 */
import type { z } from "zod";
import type { PasswordChange } from "../../contracts/auth.ts";
import type { Db } from "../../db/database.ts";
import { updateVersioned } from "../audit/versioned-update.ts";
import { getStaffRow } from "../staff/service.ts";
import { checkPasswordAgain } from "./password-again.ts";
import { assertStrongPassword, hashPassword } from "./passwords.ts";
import type { StaffPrincipal } from "./principal.ts";
import { destroySessionsOf } from "./sessions.ts";

export async function changeStaffPassword(
  db: Db,
  staff: StaffPrincipal,
  input: z.infer<typeof PasswordChange>,
  now: Date,
): Promise<void> {
  const row = await getStaffRow(db, staff.staffId);
  await checkPasswordAgain(
    db,
    { kind: "staff", id: staff.staffId },
    row.password_hash,
    input.currentPassword,
    now,
  );
  assertStrongPassword(input.newPassword);
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await updateVersioned(tx, {
      table: "staff",
      id: staff.staffId,
      version: row.version,
      changes: { password_hash: hash, must_change_password: false, updated_at: now },
      audit: () => ({
        actor: { kind: "staff", id: staff.staffId },
        action: "auth.password_change",
        entityType: "staff",
        entityId: staff.staffId,
        unitId: staff.unitId,
        summary: {},
      }),
      now,
      entity: "staff",
    });
    await destroySessionsOf(tx, { kind: "staff", id: staff.staffId }, staff.sessionHash);
  });
}
