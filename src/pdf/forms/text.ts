/** How the forms write times, dates and amounts (Vietnam time, UTC+7, whatever the machine's zone). */
import { formatInstant, type Instant } from "../../domain/calendar/index.ts";

function parts(instant: Instant): { y: string; m: string; d: string; hh: string; mi: string } {
  const iso = formatInstant(instant); // 2026-03-02T09:30:00+07:00
  return {
    y: iso.slice(0, 4),
    m: iso.slice(5, 7),
    d: iso.slice(8, 10),
    hh: iso.slice(11, 13),
    mi: iso.slice(14, 16),
  };
}

/** "09 giờ 30 phút, ngày 02 tháng 03 năm 2026" — the forms' way of writing an instant. */
export function hourMinuteDate(instant: Instant): string {
  const p = parts(instant);
  return `${p.hh} giờ ${p.mi} phút, ngày ${p.d} tháng ${p.m} năm ${p.y}`;
}

/** "ngày 02 tháng 03 năm 2026". */
export function longDate(instant: Instant): string {
  const p = parts(instant);
  return `ngày ${p.d} tháng ${p.m} năm ${p.y}`;
}

/** "02/03/2026". */
export function shortDate(instant: Instant): string {
  const p = parts(instant);
  return `${p.d}/${p.m}/${p.y}`;
}

/** "09:30 02/03/2026" for table cells. */
export function shortDateTime(instant: Instant): string {
  const p = parts(instant);
  return `${p.hh}:${p.mi} ${p.d}/${p.m}/${p.y}`;
}

/** "Phủ Thông, ngày 02 tháng 03 năm 2026" — the place and date line under the national motto. */
export function placeAndDate(place: string, instant: Instant): string {
  return `${place}, ${longDate(instant)}`;
}

/** "12.500 đồng". */
export function vnd(amount: number): string {
  return `${Math.round(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ".")} đồng`;
}

/** Two-digit count as the forms write it: "01", "12". */
export function twoDigits(n: number): string {
  return String(n).padStart(2, "0");
}
