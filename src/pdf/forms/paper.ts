/** Paper sizes of the forms, in PDF points (1/72 inch). ISO 216: A4 210 × 297 mm, A5 148 × 210 mm. */
import { A4, mm } from "../document.ts";

export type Paper = "A4" | "A5";
export type Orientation = "portrait" | "landscape";

export const A5 = { width: mm(148), height: mm(210) } as const;

export function pageSize(paper: Paper, orientation: Orientation): [number, number] {
  const size = paper === "A4" ? A4 : A5;
  return orientation === "portrait" ? [size.width, size.height] : [size.height, size.width];
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Margins after NĐ 30/2020/NĐ-CP Phụ lục I (top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm) on A4;
 * proportionally smaller on A5, which the decree does not cover.
 */
export function marginsFor(paper: Paper, orientation: Orientation): Margins {
  if (paper === "A5") return { top: mm(10), right: mm(10), bottom: mm(10), left: mm(15) };
  return orientation === "portrait"
    ? { top: mm(20), right: mm(15), bottom: mm(20), left: mm(30) }
    : { top: mm(15), right: mm(15), bottom: mm(15), left: mm(20) };
}
