/**
 * What the notation and the date line need from the issuing unit: the agency's abbreviation (ô 3: "UBND" for a
 * People's Committee, else the unit's short name or its initials) and the place name (ô 4: "Bạch Thông" for
 * UBND huyện Bạch Thông, NĐ 30/2020 Phụ lục I: the name of the administrative unit where the agency sits).
 */
import type { Executor } from "../../db/database.ts";

const KIND_WORDS =
  /^(UBND|Ủy ban nhân dân|HĐND)\s+(tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)\s+/iu;

export function placeOfUnit(name: string, address: string | null): string {
  const m = KIND_WORDS.exec(name.trim());
  if (m) return name.trim().slice(m[0].length);
  const first = address?.split(",")[0]?.trim();
  return (first ?? name).replace(/^(tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường)\s+/iu, "");
}

export function agencyAbbreviation(name: string, shortName: string | null): string {
  if (/^(UBND|Ủy ban nhân dân)\b/iu.test(name.trim())) return "UBND";
  if (shortName && shortName.length <= 20) return shortName;
  const initials = name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
  return (initials || name.slice(0, 4)).toLocaleUpperCase("vi-VN").slice(0, 20);
}

export async function numberingUnit(db: Executor, unitId: string) {
  const unit = await db
    .selectFrom("units")
    .select(["name", "short_name", "address"])
    .where("id", "=", unitId)
    .executeTakeFirstOrThrow();
  return {
    name: unit.name,
    agencyAbbr: agencyAbbreviation(unit.name, unit.short_name),
    place: placeOfUnit(unit.name, unit.address),
  };
}
