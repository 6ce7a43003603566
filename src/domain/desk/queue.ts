/**
 * Queue numbers (số thứ tự) at the desk: one sequence per unit and day (gap-free: a number is used if and only if
 * its ticket was written), two lanes. The priority lane serves the elderly, pregnant women and people with
 * disabilities first (Luật Người cao tuổi 2009 and Luật Người khuyết tật 2010 give them priority in public
 * services [?]; NĐ 118/2025 art. 13 allows a priority counter). Choice made here: any counter calls a waiting
 * priority ticket before any general one; among general tickets a counter takes the oldest whose field its
 * officer handles (a ticket without a field, or an officer without listed fields, matches every counter).
 */
export type Lane = "general" | "priority";

export interface WaitingTicket {
  id: string;
  number: number;
  lane: Lane;
  field: string | null;
}

/** "012" for the general lane, "UT012" (ưu tiên) for the priority lane. */
export function ticketLabel(lane: Lane, number: number): string {
  const digits = String(number).padStart(3, "0");
  return lane === "priority" ? `UT${digits}` : digits;
}

export function nextTicketFor<T extends WaitingTicket>(
  waiting: readonly T[],
  counterFields: readonly string[],
): T | null {
  const byNumber = [...waiting].sort((a, b) => a.number - b.number);
  const priority = byNumber.find((t) => t.lane === "priority");
  if (priority) return priority;
  const handles = (t: T) => counterFields.length === 0 || t.field === null || counterFields.includes(t.field);
  return byNumber.find((t) => t.lane === "general" && handles(t)) ?? null;
}

/** Whole seconds between two instants, never negative (a clock step back must not give a negative wait). */
export function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}

/** A six-digit pairing code read from random bytes without modulo bias (values ≥ 4 000 000 000 are redrawn). */
export function pairingCodeFrom(randomUint32: () => number): string {
  for (;;) {
    const n = randomUint32();
    if (n < 4_000_000_000) return String(n % 1_000_000).padStart(6, "0");
  }
}
