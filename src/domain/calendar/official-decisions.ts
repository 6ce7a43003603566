/**
 * Official decisions on days off for civil servants (cán bộ, công chức, viên chức), shipped for the years
 * already decided. The application stores its own editable copy; this list seeds it and serves tests.
 *
 * Evidence: none of these legal texts was read in full here. Each entry was checked against press reports
 * that quote the act (evidence "secondary"); the make-up Saturday for National Day 2026 is from a single
 * source and not confirmed ("unconfirmed").
 */
import type { HolidayDecision } from "./decisions.ts";

const VPCP_8726 =
  "Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (ý kiến của Thủ tướng về nghỉ Tết Âm lịch và một số dịp nghỉ lễ năm 2025)";
const VPCP_12729 =
  "Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ (Phó Thủ tướng đồng ý phương án nghỉ Tết Dương lịch 2026 của Bộ Nội vụ)";
const BNV_9441 =
  "Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ (nghỉ Tết Âm lịch và Quốc khánh năm 2026)";

export const OFFICIAL_DECISIONS: readonly HolidayDecision[] = [
  {
    id: "2025-tet",
    year: 2025,
    title: "Nghỉ Tết Âm lịch Ất Tỵ 2025",
    titleEn: "Lunar New Year 2025 (Ất Tỵ) days off",
    source: VPCP_8726,
    evidence: "secondary",
    scope: { kind: "national" },
    supersedes: ["tet"],
    daysOff: [
      { date: "2025-01-27", kind: "holiday", holiday: "tet", name: "Tết Âm lịch (28 tháng Chạp)" },
      {
        date: "2025-01-28",
        kind: "holiday",
        holiday: "tet",
        name: "Tết Âm lịch (29 tháng Chạp, ngày cuối năm)",
      },
      { date: "2025-01-29", kind: "holiday", holiday: "tet", name: "Tết Âm lịch (Mùng 1 tháng Giêng)" },
      { date: "2025-01-30", kind: "holiday", holiday: "tet", name: "Tết Âm lịch (Mùng 2 tháng Giêng)" },
      { date: "2025-01-31", kind: "holiday", holiday: "tet", name: "Tết Âm lịch (Mùng 3 tháng Giêng)" },
    ],
    workingDays: [],
    note: "Nghỉ 9 ngày liên tục từ thứ Bảy 25/01/2025 (26 tháng Chạp Giáp Thìn) đến hết Chủ nhật 02/02/2025 (mùng 5 Tết Ất Tỵ); 5 ngày Tết từ thứ Hai 27/01 đến thứ Sáu 31/01.",
  },
  {
    id: "2025-reunification-swap",
    year: 2025,
    title: "Hoán đổi ngày làm việc dịp 30/4 và 1/5/2025",
    titleEn: "Working-day swap around 30 April and 1 May 2025",
    source: VPCP_8726,
    evidence: "secondary",
    scope: { kind: "national" },
    supersedes: [],
    daysOff: [{ date: "2025-05-02", kind: "swap" }],
    workingDays: [{ date: "2025-04-26", replaces: "2025-05-02" }],
    note: "Nghỉ 5 ngày từ thứ Tư 30/4 đến hết Chủ nhật 4/5/2025; làm bù thứ Bảy 26/4/2025 (TTXVN/VietnamPlus).",
  },
  {
    id: "2025-national-day",
    year: 2025,
    title: "Nghỉ lễ Quốc khánh 2025",
    titleEn: "National Day 2025 days off",
    source: VPCP_8726,
    evidence: "secondary",
    scope: { kind: "national" },
    supersedes: ["national-day"],
    daysOff: [
      {
        date: "2025-09-01",
        kind: "holiday",
        holiday: "national-day",
        name: "Quốc khánh (ngày liền kề trước 2/9)",
      },
      { date: "2025-09-02", kind: "holiday", holiday: "national-day" },
    ],
    workingDays: [],
    note: "Nghỉ 4 ngày từ thứ Bảy 30/8 đến hết thứ Ba 2/9/2025.",
  },
  {
    id: "2026-new-year-swap",
    year: 2026,
    title: "Hoán đổi ngày làm việc dịp Tết Dương lịch 2026",
    titleEn: "Working-day swap around New Year 2026",
    source: VPCP_12729,
    evidence: "secondary",
    scope: { kind: "national" },
    supersedes: [],
    daysOff: [{ date: "2026-01-02", kind: "swap" }],
    workingDays: [{ date: "2026-01-10", replaces: "2026-01-02" }],
    note: "Nghỉ 4 ngày từ thứ Năm 1/1 đến hết Chủ nhật 4/1/2026; hoán đổi thứ Sáu 2/1 sang thứ Bảy 10/1/2026.",
  },
  {
    id: "2026-tet",
    year: 2026,
    title: "Nghỉ Tết Âm lịch Bính Ngọ 2026",
    titleEn: "Lunar New Year 2026 (Bính Ngọ) days off",
    source: BNV_9441,
    evidence: "secondary",
    scope: { kind: "national" },
    supersedes: ["tet"],
    daysOff: [
      {
        date: "2026-02-16",
        kind: "holiday",
        holiday: "tet",
        name: "Tết Âm lịch (29 tháng Chạp, ngày cuối năm)",
      },
      { date: "2026-02-17", kind: "holiday", holiday: "tet", name: "Tết Âm lịch (Mùng 1 tháng Giêng)" },
      { date: "2026-02-18", kind: "holiday", holiday: "tet", name: "Tết Âm lịch (Mùng 2 tháng Giêng)" },
      { date: "2026-02-19", kind: "holiday", holiday: "tet", name: "Tết Âm lịch (Mùng 3 tháng Giêng)" },
      { date: "2026-02-20", kind: "holiday", holiday: "tet", name: "Tết Âm lịch (Mùng 4 tháng Giêng)" },
    ],
    workingDays: [],
    note: "5 ngày Tết (1 ngày trước Tết, 4 ngày sau Tết) từ thứ Hai 16/02 đến hết thứ Sáu 20/02/2026; cùng 4 ngày nghỉ hằng tuần là 9 ngày liên tục, 14/02–22/02/2026.",
  },
  {
    id: "2026-national-day",
    year: 2026,
    title: "Nghỉ lễ Quốc khánh 2026",
    titleEn: "National Day 2026 days off",
    source: BNV_9441,
    evidence: "secondary",
    scope: { kind: "national" },
    supersedes: ["national-day"],
    daysOff: [
      { date: "2026-08-31", kind: "swap" },
      {
        date: "2026-09-01",
        kind: "holiday",
        holiday: "national-day",
        name: "Quốc khánh (ngày liền kề trước 2/9)",
      },
      { date: "2026-09-02", kind: "holiday", holiday: "national-day" },
    ],
    workingDays: [],
    note: "Nghỉ 5 ngày từ thứ Bảy 29/8 đến hết thứ Tư 2/9/2026, hoán đổi thứ Hai 31/8.",
  },
  {
    id: "2026-national-day-make-up",
    year: 2026,
    title: "Làm bù cho ngày hoán đổi 31/8/2026",
    titleEn: "Make-up Saturday for the swapped 31 August 2026",
    source: `${BNV_9441}; ngày làm bù theo một nguồn tin, chưa đối chiếu văn bản`,
    evidence: "unconfirmed",
    scope: { kind: "national" },
    supersedes: [],
    daysOff: [],
    workingDays: [{ date: "2026-08-22", replaces: "2026-08-31" }],
  },
];
