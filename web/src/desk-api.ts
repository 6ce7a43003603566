import type { z } from "zod";
import type {
  DeskAdminView,
  DeskDocument,
  DeskProfile,
  DeskProfileInput,
  DeskRatingInput,
  DeviceState,
  DisplayState,
  DocumentInput,
  DutyInput,
  HolidayDuty,
  HolidayDutyInput,
  Member,
  MemberInput,
  PublicDesk,
  QueueView,
  RosterChangeInput,
  RosterWeek,
  TakenTicket,
  Ticket,
} from "../../src/contracts/desk.ts";
import { call } from "./api.ts";

/** The desk's API (src/contracts/desk.ts): public page, devices (kiosk, tablet), the officer's queue. */
export type PublicDeskT = z.infer<typeof PublicDesk>;
export type RosterWeekT = z.infer<typeof RosterWeek>;
export type DeviceStateT = z.infer<typeof DeviceState>;
export type DisplayStateT = z.infer<typeof DisplayState>;
export type QueueViewT = z.infer<typeof QueueView>;
export type TicketT = z.infer<typeof Ticket>;
export type TakenTicketT = z.infer<typeof TakenTicket>;
export type DeskAdminViewT = z.infer<typeof DeskAdminView>;
export type MemberT = z.infer<typeof Member>;
export type MemberInputT = z.input<typeof MemberInput>;
export type DeskDocumentT = z.infer<typeof DeskDocument>;
export type DocumentInputT = z.input<typeof DocumentInput>;
export type DeskProfileT = z.infer<typeof DeskProfile>;
export type DeskProfileInputT = z.input<typeof DeskProfileInput>;
export type DutyInputT = z.input<typeof DutyInput>;
export type HolidayDutyT = z.infer<typeof HolidayDuty>;
export type HolidayDutyInputT = z.input<typeof HolidayDutyInput>;
export type RosterChangeInputT = z.input<typeof RosterChangeInput>;
export type DeskScores = z.input<typeof DeskRatingInput>["scores"];

const enc = encodeURIComponent;

export const deskApi = {
  publicDesk: (code: string, week?: string) =>
    call<PublicDeskT>("GET", `/public/desk/${enc(code)}${week ? `?week=${enc(week)}` : ""}`),
  rosterPdfUrl: (code: string, week: string) =>
    `/api/v1/public/desk/${enc(code)}/roster.pdf?week=${enc(week)}`,
  displayStreamUrl: (code: string) => `/api/v1/public/desk/${enc(code)}/display`,
  deviceStreamUrl: (kind: "kiosk" | "rating") => `/api/v1/desk/device/stream?kind=${kind}`,
  device: (kind: "kiosk" | "rating") => call<DeviceStateT>("GET", `/desk/device?kind=${kind}`),
  requestPairing: (kind: "kiosk" | "rating", unitCode: string) =>
    call<{ code: string; expiresAt: string }>("POST", "/desk/device/pairing", { kind, unitCode }),
  takeTicket: (lane: "general" | "priority", field: string | null) =>
    call<TakenTicketT>("POST", "/desk/device/tickets", { lane, field }),
  rate: (requestId: string, scores: DeskScores, comment: string | null) =>
    call<{ ok: true }>("POST", "/desk/device/ratings", { requestId, scores, comment }),
  admin: (unitId: string) => call<DeskAdminViewT>("GET", `/units/${enc(unitId)}/desk`),
  roster: (unitId: string, week?: string) =>
    call<RosterWeekT>("GET", `/units/${enc(unitId)}/desk/roster${week ? `?week=${enc(week)}` : ""}`),
  saveProfile: (unitId: string, body: DeskProfileInputT) =>
    call<DeskProfileT>("PUT", `/units/${enc(unitId)}/desk/profile`, body),
  addMember: (unitId: string, body: MemberInputT) =>
    call<MemberT>("POST", `/units/${enc(unitId)}/desk/members`, body),
  endMember: (unitId: string, memberId: string, endsOn: string) =>
    call<MemberT>("POST", `/units/${enc(unitId)}/desk/members/${enc(memberId)}/end`, { endsOn }),
  addDocument: (unitId: string, body: DocumentInputT) =>
    call<DeskDocumentT>("POST", `/units/${enc(unitId)}/desk/documents`, body),
  publishDocument: (unitId: string, documentId: string) =>
    call<DeskDocumentT>("POST", `/units/${enc(unitId)}/desk/documents/${enc(documentId)}/publish`),
  addDuty: (unitId: string, body: DutyInputT) =>
    call<{ id: string }>("POST", `/units/${enc(unitId)}/desk/duties`, body),
  endDuty: (unitId: string, dutyId: string, lastDay: string) =>
    call<{ id: string; removed: boolean }>("POST", `/units/${enc(unitId)}/desk/duties/${enc(dutyId)}/end`, {
      lastDay,
    }),
  addHolidayDuty: (unitId: string, body: HolidayDutyInputT) =>
    call<HolidayDutyT>("POST", `/units/${enc(unitId)}/desk/holiday-duties`, body),
  cancelHolidayDuty: (unitId: string, dutyId: string) =>
    call<{ id: string }>("POST", `/units/${enc(unitId)}/desk/holiday-duties/${enc(dutyId)}/cancel`),
  addRosterChange: (unitId: string, body: RosterChangeInputT) =>
    call<{ id: string }>("POST", `/units/${enc(unitId)}/desk/roster-changes`, body),
  pair: (unitId: string, code: string, counter: number | null) =>
    call<{ deviceId: string; kind: string; counter: number | null }>(
      "POST",
      `/units/${enc(unitId)}/desk/devices/pair`,
      {
        code,
        counter,
      },
    ),
  queue: (unitId: string) => call<QueueViewT>("GET", `/units/${enc(unitId)}/desk/queue`),
  callNext: (unitId: string, counter: number) =>
    call<TicketT>("POST", `/units/${enc(unitId)}/desk/queue/call-next`, { counter }),
  finish: (
    unitId: string,
    ticketId: string,
    body: { outcome: "served" | "no_show"; dossierId?: string; version: number },
  ) => call<TicketT>("POST", `/units/${enc(unitId)}/desk/queue/tickets/${enc(ticketId)}/finish`, body),
  pushRating: (unitId: string, counter: number, dossierId: string) =>
    call<{ id: string; dossierCode: string }>(
      "POST",
      `/units/${enc(unitId)}/desk/counters/${counter}/rating`,
      {
        dossierId,
      },
    ),
};

/**
 * Follows a server-sent event stream of whole states; EventSource reconnects by itself after a drop (the server
 * asks for 2 s), and every message carries the full state, so nothing is lost by reconnecting.
 */
export function followStream<T>(url: string, onState: (state: T) => void, onError?: () => void): () => void {
  const source = new EventSource(url);
  source.addEventListener("state", (event) => onState(JSON.parse((event as MessageEvent<string>).data) as T));
  if (onError) source.onerror = onError;
  return () => source.close();
}
