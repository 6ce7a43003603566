/**
 * The dialog of the action the officer chose on a dossier: each asks what the action needs (a reason, the items
 * to supplement, the result, the return, a confirmation) and sends it with the version the page read.
 */

import {
  type ActionResult,
  type DossierAction,
  type DossierDetail,
  dossierApi,
  type ReceptionResult,
} from "../../dossier-api.ts";
import type { MessageKey } from "../../i18n/index.tsx";
import { useI18n } from "../../i18n/index.tsx";
import {
  ApologyDialog,
  ConfirmDialog,
  NoteActionDialog,
  ResultDialog,
  ReturnDialog,
  StopDialog,
  SupplementReceivedDialog,
  TransferDialog,
  TransferReturnDialog,
} from "./action-dialogs.tsx";
import { AssignDialog, ReasonDialog, SupplementDialog } from "./dialogs.tsx";
import { PaperRatingDialog } from "./paper-rating-dialog.tsx";
import { SignResultDialog } from "./sign-result.tsx";

type Send = () => Promise<ActionResult | ReceptionResult>;

interface ReasonAction {
  title: MessageKey;
  lead?: MessageKey;
  label: MessageKey;
  submit: MessageKey;
  /** Ends the dossier: the dialog is drawn as a warning. */
  danger?: true;
  optional?: true;
  send: (id: string, version: number, reason: string) => Promise<ActionResult>;
}

/** The actions whose only input is a reason, each with its words and its call. */
const REASON_ACTIONS: Partial<Record<DossierAction, ReasonAction>> = {
  refuse: {
    title: "reception.refuse.title",
    lead: "reception.refuse.lead",
    label: "reception.refuse.reason",
    submit: "reception.refuse.submit",
    danger: true,
    send: (id, version, reason) => dossierApi.refuse(id, { version, reason }),
  },
  send_back: {
    title: "action.send_back",
    label: "sendBack.reason",
    submit: "action.send_back",
    send: (id, version, reason) => dossierApi.sendBack(id, { version, reason }),
  },
  reject: {
    title: "action.reject",
    lead: "reject.lead",
    label: "reject.reason",
    submit: "action.reject",
    danger: true,
    send: (id, version, reason) => dossierApi.reject(id, { version, reason }),
  },
  extend: {
    title: "action.extend",
    lead: "extend.lead",
    label: "extend.reason",
    submit: "action.extend",
    send: (id, version, reason) => dossierApi.extend(id, { version, reason }),
  },
  withdraw: {
    title: "action.withdraw",
    lead: "withdraw.lead",
    label: "withdraw.reason",
    submit: "action.withdraw",
    danger: true,
    optional: true,
    send: (id, version, reason) => dossierApi.withdraw(id, { version, reason: reason || null }),
  },
};

export function DossierDialogs({
  dialog,
  dossier: d,
  common,
  run,
  forwardTo,
  draftUpload,
}: {
  dialog: DossierAction | "sign_result" | null;
  dossier: DossierDetail;
  common: { busy: boolean; error: string | undefined; onClose: () => void };
  /** Sends the action; the page keeps the result, and explains a conflict or an error. */
  run: (action: DossierAction, send: Send) => Promise<void>;
  /** Whom a leader may name for the next step when forwarding, if anyone. */
  forwardTo: { unitId: string; role: string } | null;
  /** Forwarding to the leader may carry the result draft to sign. */
  draftUpload: boolean;
}) {
  const { t } = useI18n();
  const v = d.version;
  const task = d.task;
  const reason = dialog && dialog !== "sign_result" ? REASON_ACTIONS[dialog] : undefined;
  if (dialog && dialog !== "sign_result" && reason) {
    return (
      <ReasonDialog
        {...common}
        title={t(reason.title)}
        {...(reason.lead ? { lead: t(reason.lead) } : {})}
        label={t(reason.label)}
        submit={t(reason.submit)}
        {...(reason.danger ? { danger: true } : {})}
        {...(reason.optional ? { optional: true } : {})}
        onSend={(text) => run(dialog, () => reason.send(d.id, v, text))}
      />
    );
  }
  return (
    <>
      {dialog === "accept" ? (
        <ConfirmDialog
          {...common}
          title={t("action.accept")}
          text={t("dossier.accept.text")}
          submit={t("action.accept")}
          onConfirm={() => void run("accept", () => dossierApi.accept(d.id, v))}
        />
      ) : null}
      {dialog === "request_supplement" ? (
        <SupplementDialog
          {...common}
          missing={[]}
          onSend={(items) =>
            run("request_supplement", () => dossierApi.requestSupplement(d.id, { version: v, items }))
          }
        />
      ) : null}
      {dialog === "supplement_received" ? (
        <SupplementReceivedDialog
          {...common}
          dossier={d}
          onSend={(body) =>
            void run("supplement_received", () =>
              dossierApi.supplementReceived(d.id, {
                version: v,
                components: body.components,
                note: body.note,
              }),
            )
          }
        />
      ) : null}
      {dialog === "assign" && task ? (
        <AssignDialog
          {...common}
          title={t("assign.title", { code: d.code ?? d.applicantName })}
          role={task.role}
          unitId={task.unit.id}
          current={task.assignee?.id ?? null}
          onSend={(assigneeId) => run("assign", () => dossierApi.assign(d.id, { version: v, assigneeId }))}
        />
      ) : null}
      {dialog === "forward" ? (
        <NoteActionDialog
          {...common}
          title={t("action.forward")}
          lead={t("forward.lead")}
          submit={t("action.forward")}
          assignee={forwardTo}
          draftUpload={draftUpload}
          onSend={(note, assigneeId, resultDraftFileId) =>
            void run("forward", () =>
              dossierApi.forward(d.id, {
                version: v,
                note,
                assigneeId,
                ...(resultDraftFileId ? { resultDraftFileId } : {}),
              }),
            )
          }
        />
      ) : null}
      {dialog === "approve" ? (
        <NoteActionDialog
          {...common}
          title={t("action.approve")}
          lead={t("approve.lead")}
          submit={t("action.approve")}
          onSend={(note) => void run("approve", () => dossierApi.approve(d.id, { version: v, note }))}
        />
      ) : null}
      {dialog === "sign_result" ? (
        <SignResultDialog
          {...common}
          onSend={(body) => void run("approve", () => dossierApi.signResult(d.id, { version: v, ...body }))}
        />
      ) : null}
      {dialog === "record_result" ? (
        <ResultDialog
          {...common}
          onSend={(body) =>
            void run("record_result", () => dossierApi.recordResult(d.id, { version: v, ...body }))
          }
        />
      ) : null}
      {dialog === "transfer" ? (
        <TransferDialog
          {...common}
          dossier={d}
          onSend={(body) => void run("transfer", () => dossierApi.transfer(d.id, { version: v, ...body }))}
        />
      ) : null}
      {dialog === "transfer_return" ? (
        <TransferReturnDialog
          {...common}
          version={v}
          onSend={(body) => void run("transfer_return", () => dossierApi.transferReturn(d.id, body))}
        />
      ) : null}
      {dialog === "apologise" ? (
        <ApologyDialog
          {...common}
          dossier={d}
          onSend={(body) => void run("apologise", () => dossierApi.apologise(d.id, { version: v, ...body }))}
        />
      ) : null}
      {dialog === "rate_paper" ? (
        <PaperRatingDialog
          {...common}
          dossier={d}
          onSend={(body) => void run("rate_paper", () => dossierApi.ratePaper(d.id, body))}
        />
      ) : null}
      {dialog === "stop" ? (
        <StopDialog
          {...common}
          onSend={(body) => void run("stop", () => dossierApi.stop(d.id, { version: v, ...body }))}
        />
      ) : null}
      {dialog === "return" ? (
        <ReturnDialog
          {...common}
          dossier={d}
          onSend={(body) => void run("return", () => dossierApi.returnResult(d.id, body))}
        />
      ) : null}
      {dialog === "close_incomplete" ? (
        <ConfirmDialog
          {...common}
          title={t("action.close_incomplete")}
          text={t("closeIncomplete.text")}
          submit={t("action.close_incomplete")}
          danger
          onConfirm={() => void run("close_incomplete", () => dossierApi.closeIncomplete(d.id, v))}
        />
      ) : null}
    </>
  );
}
