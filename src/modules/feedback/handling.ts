/**
 * Handling a feedback in the register (NĐ 20/2008/NĐ-CP art. 14–18): classify, forward, assign, study against the
 * six criteria, decide and answer; staff may also mark spam (kept, never published). Each step is one transaction
 * with its history entry and audit event, and carries the version the officer last read.
 */
import type { z } from "zod";
import type {
  AnswerInput,
  AssignInput,
  ClassifyInput,
  ForwardInput,
  StudyInput,
} from "../../contracts/feedback.ts";
import type { Db, Tx } from "../../db/database.ts";
import {
  answerDue,
  answerDueOn,
  canDo,
  DEFAULT_ANSWER_WORKING_DAYS,
  type FeedbackAction,
  forwardDue,
  isLate,
  missingCriteria,
  type Study,
  statusAfterClassification,
} from "../../domain/feedback/index.ts";
import { AppError } from "../../errors.ts";
import { updateVersioned, type VersionedUpdate } from "../audit/versioned-update.ts";
import type { Principal, StaffPrincipal } from "../auth/principal.ts";
import { calendarFor } from "../calendar/calendar-for.ts";
import { findUnitByCode } from "../units/queries.ts";
import {
  assertCanHandle,
  assertVersion,
  type FeedbackRow,
  findFeedback,
  recordFeedbackEvent,
  staffActor,
} from "./access.ts";

export interface Step {
  tx: Tx;
  row: FeedbackRow;
  staff: StaffPrincipal;
  now: Date;
}

/**
 * The step's change of the record: the UPDATE checks the version the step locked and sets the next one, and
 * `record` writes the feedback event (with its audit event) in the same transaction.
 */
export function changeRecord(
  step: Step,
  changes: VersionedUpdate<"feedback">["changes"],
  record: (tx: Tx) => Promise<void>,
): Promise<unknown> {
  return updateVersioned(step.tx, {
    table: "feedback",
    id: step.row.id,
    version: step.row.version,
    changes,
    record: (tx) => record(tx),
    now: step.now,
    entity: "feedback",
  });
}

/** Loads, locks and checks a record for a step: visibility, permission, version, status. */
export async function withStep<T>(
  db: Db,
  principal: Principal,
  id: string,
  version: number,
  action: FeedbackAction,
  now: Date,
  run: (step: Step) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    const row = await findFeedback(tx, id, true);
    const staff = await assertCanHandle(tx, principal, row);
    assertVersion(row, version);
    if (!canDo(action, row.status) || (row.spam && action !== "mark_spam"))
      throw new AppError("FEEDBACK_STEP_NOT_ALLOWED", {
        details: { status: row.status, action, spam: row.spam },
      });
    if (action === "mark_spam" && row.spam)
      throw new AppError("FEEDBACK_STEP_NOT_ALLOWED", {
        details: { status: row.status, action, spam: true },
      });
    return run({ tx, row, staff, now });
  });
}

export async function answerWorkingDays(db: Db | Tx, unitId: string): Promise<number> {
  const row = await db
    .selectFrom("feedback_settings")
    .select("answer_working_days")
    .where("unit_id", "=", unitId)
    .executeTakeFirst();
  return row?.answer_working_days ?? DEFAULT_ANSWER_WORKING_DAYS;
}

export async function classify(step: Step, input: z.infer<typeof ClassifyInput>) {
  const { tx, row, staff, now } = step;
  const status = statusAfterClassification(input.classification);
  const calendar = await calendarFor(tx, row.unit_id);
  // Forwarding runs from the record's arrival in this unit's register (art. 14(2): 5 working days).
  const forwardDueAt =
    status === "to_forward" ? new Date(forwardDue(calendar, new Date(row.registered_at).getTime())) : null;
  const answerDueAt =
    status === "accepted"
      ? new Date(answerDue(calendar, now.getTime(), await answerWorkingDays(tx, row.unit_id)))
      : null;
  await changeRecord(
    step,
    {
      status,
      classification: input.classification,
      not_accepted_reason: input.classification === "not_accepted" ? input.reason : null,
      classified_at: now,
      forward_due_at: forwardDueAt,
      answer_due_at: answerDueAt,
    },
    async (t) => {
      await recordFeedbackEvent(
        t,
        row,
        staffActor(staff),
        {
          action: "classify",
          fromStatus: row.status,
          toStatus: status,
          detail: {
            classification: input.classification,
            ...(forwardDueAt ? { forwardDueAt: forwardDueAt.toISOString() } : {}),
            ...(answerDueAt ? { answerDueAt: answerDueAt.toISOString() } : {}),
          },
        },
        now,
      );
    },
  );
}

export async function forward(step: Step, input: z.infer<typeof ForwardInput>) {
  const { tx, row, staff, now } = step;
  const late = isLate(
    row.forward_due_at ? new Date(row.forward_due_at).getTime() : null,
    now.getTime(),
    now.getTime(),
  );
  const common = {
    forwardDueAt: row.forward_due_at ? new Date(row.forward_due_at).toISOString() : null,
    late,
  };
  if ("toUnit" in input) {
    const target = await findUnitByCode(tx, input.toUnit);
    if (!target?.active || target.id === row.unit_id)
      throw new AppError("FEEDBACK_FORWARD_TARGET_INVALID", { details: { unit: input.toUnit } });
    // Inside motcua the record moves into the competent unit's register and starts there as received.
    await changeRecord(
      step,
      {
        unit_id: target.id,
        status: "received",
        registered_at: now,
        classification: null,
        classified_at: null,
        not_accepted_reason: null,
        forward_due_at: null,
        forwarded_at: null,
        forwarded_to_unit_id: null,
        forwarded_to_external: null,
        forward_note: null,
        handler_id: null,
        answer_due_at: null,
      },
      async (t) => {
        await recordFeedbackEvent(
          t,
          row,
          staffActor(staff),
          {
            action: "forward",
            fromStatus: row.status,
            toStatus: "forwarded",
            detail: { ...common, toUnit: target.code, note: input.note ?? null },
          },
          now,
        );
        await recordFeedbackEvent(
          t,
          { ...row, unit_id: target.id },
          staffActor(staff),
          { action: "arrive", fromStatus: null, toStatus: "received", detail: { fromUnit: row.unit_id } },
          now,
        );
      },
    );
    return;
  }
  await changeRecord(
    step,
    {
      status: "forwarded",
      forwarded_at: now,
      forwarded_to_external: input.toExternal,
      forward_note: input.note ?? null,
    },
    async (t) => {
      await recordFeedbackEvent(
        t,
        row,
        staffActor(staff),
        {
          action: "forward",
          fromStatus: row.status,
          toStatus: "forwarded",
          detail: { ...common, toExternal: input.toExternal, note: input.note ?? null },
        },
        now,
      );
    },
  );
}

export async function assign(step: Step, input: z.infer<typeof AssignInput>) {
  const { tx, row, staff, now } = step;
  const handler = await tx
    .selectFrom("staff")
    .select(["id", "full_name"])
    .where("id", "=", input.handlerId)
    .where("unit_id", "=", row.unit_id)
    .where("active", "=", true)
    .executeTakeFirst();
  if (!handler) throw new AppError("FEEDBACK_HANDLER_INVALID");
  let answerDueAt: Date | null = null;
  if (input.answerDueDate !== undefined) {
    const due = answerDueOn(await calendarFor(tx, row.unit_id), input.answerDueDate, now.getTime());
    if (due === null)
      throw new AppError("FEEDBACK_DUE_DATE_INVALID", { details: { answerDueDate: input.answerDueDate } });
    answerDueAt = new Date(due);
  }
  await changeRecord(
    step,
    {
      handler_id: handler.id,
      ...(answerDueAt ? { answer_due_at: answerDueAt } : {}),
    },
    async (t) => {
      await recordFeedbackEvent(
        t,
        row,
        staffActor(staff),
        {
          action: "assign",
          fromStatus: row.status,
          toStatus: row.status,
          detail: {
            handlerId: handler.id,
            ...(answerDueAt
              ? {
                  answerDueAt: answerDueAt.toISOString(),
                  before: row.answer_due_at ? new Date(row.answer_due_at).toISOString() : null,
                }
              : {}),
          },
        },
        now,
      );
    },
  );
}

export async function study(step: Step, input: z.infer<typeof StudyInput>) {
  const { row, staff, now } = step;
  const merged: Study = { ...(row.study ?? {}) };
  for (const [criterion, entry] of Object.entries(input.study)) {
    if (entry) merged[criterion as keyof Study] = { assessment: entry.assessment, note: entry.note ?? null };
  }
  await changeRecord(step, { study: JSON.stringify(merged) }, async (t) => {
    await recordFeedbackEvent(
      t,
      row,
      staffActor(staff),
      {
        action: "study",
        fromStatus: row.status,
        toStatus: row.status,
        detail: { criteria: Object.keys(input.study) },
      },
      now,
    );
  });
}

/** Decide and answer (art. 17–18): only once every one of the six criteria has been assessed. */
export async function answer(step: Step, input: z.infer<typeof AnswerInput>) {
  const { row, staff, now } = step;
  const missing = missingCriteria(row.study);
  if (missing.length > 0) throw new AppError("FEEDBACK_STUDY_INCOMPLETE", { details: { missing } });
  const late = isLate(
    row.answer_due_at ? new Date(row.answer_due_at).getTime() : null,
    now.getTime(),
    now.getTime(),
  );
  await changeRecord(
    step,
    {
      status: "answered",
      decision: input.decision,
      answer: input.answer,
      answered_at: now,
      handler_id: row.handler_id ?? staff.staffId,
    },
    async (t) => {
      await recordFeedbackEvent(
        t,
        row,
        staffActor(staff),
        {
          action: "answer",
          fromStatus: row.status,
          toStatus: "answered",
          detail: { decision: input.decision, late },
        },
        now,
      );
    },
  );
}

export async function markSpam(step: Step) {
  const { row, staff, now } = step;
  await changeRecord(step, { spam: true, spam_at: now, spam_by: staff.staffId }, async (t) => {
    await recordFeedbackEvent(
      t,
      row,
      staffActor(staff),
      { action: "mark_spam", fromStatus: row.status, toStatus: row.status },
      now,
    );
  });
}
