/**
 * An amount of đồng in Vietnamese words, as receipts and vouchers write it ("Số tiền bằng chữ"):
 * 1.005.000 → "Một triệu không trăm linh năm nghìn đồng". Groups of three digits read with trăm / mươi;
 * "mười" for 10–19, "mốt" for a final 1 after twenty, "lăm" for a final 5 after ten, "linh" for a zero ten
 * with units, and "không trăm" inside the number; scales nghìn, triệu, tỷ, and "nghìn tỷ", "triệu tỷ" above.
 */
const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"] as const;

function digit(n: number): string {
  return DIGITS[n] as string;
}

/** Reads 0–999; `full` when a higher group precedes it (then "không trăm" and "linh" are said). */
function readGroup(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(digit(hundreds), "trăm");
  if (tens === 0) {
    if (units > 0 && (hundreds > 0 || full)) words.push("linh");
  } else if (tens === 1) {
    words.push("mười");
  } else {
    words.push(digit(tens), "mươi");
  }
  if (units > 0) {
    if (units === 1 && tens >= 2) words.push("mốt");
    else if (units === 5 && tens >= 1) words.push("lăm");
    else words.push(digit(units));
  }
  return words;
}

/** Reads 0 < n < 1 000 000 000 with nghìn and triệu; `full` when a higher part precedes it. */
function readBelowBillion(n: number, full: boolean): string[] {
  const groups = [Math.floor(n / 1_000_000), Math.floor((n % 1_000_000) / 1000), n % 1000];
  const scales = ["triệu", "nghìn", ""];
  const words: string[] = [];
  let started = full;
  groups.forEach((group, i) => {
    if (group === 0) return;
    words.push(...readGroup(group, started), ...(scales[i] ? [scales[i] as string] : []));
    started = true;
  });
  return words;
}

function readWhole(value: number, full: boolean): string[] {
  const billions = Math.floor(value / 1_000_000_000);
  const rest = value % 1_000_000_000;
  const words = billions > 0 ? [...readWhole(billions, full), "tỷ"] : [];
  if (rest > 0) words.push(...readBelowBillion(rest, full || billions > 0));
  return words;
}

/** The words for a non-negative whole number (without the currency). */
export function numberInWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a whole amount: ${value}`);
  if (value === 0) return "không";
  return readWhole(value, false).join(" ");
}

/** "Hai mươi lăm nghìn đồng": capitalised, with the currency. */
export function vndInWords(value: number): string {
  const text = `${numberInWords(value)} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
