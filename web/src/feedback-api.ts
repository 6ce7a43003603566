import type { z } from "zod";
import type {
  AnswerInput,
  AssignInput,
  ClassifyInput,
  DeskFeedbackInput,
  FeedbackFigures,
  FeedbackRatingInput,
  FeedbackReceipt,
  FeedbackRecord,
  FeedbackSettings,
  FeedbackSettingsInput,
  FeedbackSummary,
  ForwardInput,
  PublicFeedbackInput,
  PublicFeedbackStatus,
  PublishedFeedback,
  PublishInput,
  RedactionProposal,
  StudyInput,
} from "../../src/contracts/feedback.ts";
import { call, query } from "./api.ts";

/** Feedback and petitions (src/contracts/feedback.ts): the public form, lookup, rating, published answers, register. */
export type FeedbackRecordT = z.infer<typeof FeedbackRecord>;
export type FeedbackSummaryT = z.infer<typeof FeedbackSummary>;
export type PublishedT = z.infer<typeof PublishedFeedback>;
export type PublicStatusT = z.infer<typeof PublicFeedbackStatus>;
export type ReceiptT = z.infer<typeof FeedbackReceipt>;
export type FiguresT = z.infer<typeof FeedbackFigures>;
export type FeedbackSettingsT = z.infer<typeof FeedbackSettings>;

export const feedbackApi = {
  file: (body: z.input<typeof PublicFeedbackInput>) => call<ReceiptT>("POST", "/public/feedback", body),
  lookup: (code: string, secret: string) =>
    call<PublicStatusT>("GET", `/public/feedback/lookup${query({ code, secret })}`),
  rate: (body: z.input<typeof FeedbackRatingInput>) =>
    call<PublicStatusT>("POST", "/public/feedback/rating", body),
  published: (params: { unit?: string; procedure?: string }) =>
    call<{ items: PublishedT[] }>("GET", `/public/feedback/published${query(params)}`),
  desk: (body: z.input<typeof DeskFeedbackInput>) => call<ReceiptT>("POST", "/feedback", body),
  register: (params: { unit: string; status?: string; late?: string; spam?: string }) =>
    call<{ items: FeedbackSummaryT[]; total: number }>("GET", `/feedback${query(params)}`),
  get: (id: string) => call<FeedbackRecordT>("GET", `/feedback/${id}`),
  redaction: (id: string) => call<z.infer<typeof RedactionProposal>>("GET", `/feedback/${id}/redaction`),
  classify: (id: string, body: z.input<typeof ClassifyInput>) =>
    call<FeedbackRecordT>("POST", `/feedback/${id}/classify`, body),
  forward: (id: string, body: z.input<typeof ForwardInput>) =>
    call<FeedbackRecordT>("POST", `/feedback/${id}/forward`, body),
  assign: (id: string, body: z.input<typeof AssignInput>) =>
    call<FeedbackRecordT>("POST", `/feedback/${id}/assign`, body),
  study: (id: string, body: z.input<typeof StudyInput>) =>
    call<FeedbackRecordT>("POST", `/feedback/${id}/study`, body),
  answer: (id: string, body: z.input<typeof AnswerInput>) =>
    call<FeedbackRecordT>("POST", `/feedback/${id}/answer`, body),
  publish: (id: string, body: z.input<typeof PublishInput>) =>
    call<FeedbackRecordT>("POST", `/feedback/${id}/publish`, body),
  spam: (id: string, version: number) => call<FeedbackRecordT>("POST", `/feedback/${id}/spam`, { version }),
  settings: (unit: string) => call<FeedbackSettingsT>("GET", `/feedback-settings${query({ unit })}`),
  saveSettings: (body: z.input<typeof FeedbackSettingsInput>) =>
    call<FeedbackSettingsT>("PUT", "/feedback-settings", body),
  figures: (unit: string, from: string, to: string) =>
    call<FiguresT>("GET", `/feedback-figures${query({ unit, from, to })}`),
};
