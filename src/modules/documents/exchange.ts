/**
 * Sending to and receiving from systems outside motcua. The edXML exchange (QCVN 102:2016/BTTTT) is a separate
 * piece of work that plugs in here; until it does, an outside recipient is recorded as sent on paper (through the
 * post, entered in the postal register of Phụ lục IV) and an outside document comes in as an uploaded PDF or scan.
 */
export interface OutgoingPacket {
  documentId: string;
  unitId: string;
  numberAndNotation: string;
  issuedOn: string;
  typeCode: string;
  summary: string;
  pdf: Uint8Array;
}

export interface OutsideRecipient {
  id: string;
  name: string;
  channel: "paper" | "exchange";
}

export type SendOutcome = { status: "sent_outside"; reference: string } | { status: "sent_on_paper" };

export interface OutsideExchange {
  /** Sends one document to one outside recipient; called after the sending transaction committed. */
  sendOutside(packet: OutgoingPacket, recipient: OutsideRecipient): Promise<SendOutcome>;
}

/** No electronic channel yet: every outside recipient is served on paper. */
export const paperOnlyExchange: OutsideExchange = {
  async sendOutside() {
    return { status: "sent_on_paper" };
  },
};
