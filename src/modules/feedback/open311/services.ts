/**
 * Feedback categories as Open311 services. The categories are the subjects NĐ 20/2008/NĐ-CP art. 4 and the public
 * form know (a procedure, an official's conduct, a dossier, an administrative rule, other), the same for every
 * unit; a unit's "procedure" service lists the procedures it offers as the values of its attribute.
 *
 * Every service has attributes (metadata true): the law asks for the submitter's address (art. 9(2)), which
 * GeoReport v2 has no field for (address_string is the place of the issue), so it is the attribute
 * `submitter_address`; "procedure" adds the procedure, "dossier" the dossier's code.
 */
import type { Executor } from "../../../db/database.ts";
import type { Subject } from "../../../domain/feedback/index.ts";
import type { WireValue } from "./wire.ts";

export interface ServiceInfo {
  code: Subject;
  name: string;
  description: string;
  keywords: string;
}

export const SERVICES: readonly ServiceInfo[] = [
  {
    code: "procedure",
    name: "Phản ánh, kiến nghị về thủ tục hành chính",
    description:
      "Về một thủ tục hành chính: quy định, hồ sơ, thời hạn, phí. / About an administrative procedure.",
    keywords: "thủ tục, thu tuc, procedure",
  },
  {
    code: "conduct",
    name: "Phản ánh về hành vi của cán bộ, công chức",
    description:
      "Về hành vi chậm trễ, gây phiền hà hoặc không thực hiện, thực hiện không đúng quy định của cán bộ. / About an official's conduct.",
    keywords: "cán bộ, can bo, conduct",
  },
  {
    code: "dossier",
    name: "Phản ánh, kiến nghị về một hồ sơ",
    description: "Về việc giải quyết một hồ sơ cụ thể, theo mã hồ sơ. / About one dossier, by its code.",
    keywords: "hồ sơ, ho so, dossier",
  },
  {
    code: "rule",
    name: "Kiến nghị về quy định hành chính",
    description:
      "Quy định không phù hợp thực tế, không đồng bộ, không hợp pháp hoặc đề xuất sáng kiến. / About an administrative rule.",
    keywords: "quy định, quy dinh, rule",
  },
  {
    code: "other",
    name: "Phản ánh, kiến nghị khác",
    description: "Nội dung khác liên quan đến thủ tục hành chính. / Other feedback.",
    keywords: "khác, khac, other",
  },
];

const GROUP = "Phản ánh, kiến nghị";

export function serviceByCode(code: string): ServiceInfo | undefined {
  return SERVICES.find((s) => s.code === code);
}

export function serviceListItem(s: ServiceInfo): Record<string, WireValue> {
  return {
    service_code: s.code,
    service_name: s.name,
    description: s.description,
    metadata: true,
    type: "realtime",
    keywords: s.keywords,
    group: GROUP,
  };
}

/** The procedures a unit offers, as attribute values. */
async function offeredProcedures(db: Executor, unitId: string): Promise<{ key: string; name: string }[]> {
  const rows = await db
    .selectFrom("procedure_offerings as o")
    .innerJoin("procedures as p", "p.id", "o.procedure_id")
    .innerJoin("procedure_versions as v", (j) =>
      j.onRef("v.procedure_id", "=", "p.id").onRef("v.version", "=", "p.latest_version"),
    )
    .select(["p.slug", "v.name"])
    .where("o.unit_id", "=", unitId)
    .where("o.active", "=", true)
    .orderBy("v.name")
    .execute();
  return rows.map((r) => ({ key: r.slug, name: r.name }));
}

export async function serviceDefinition(db: Executor, s: ServiceInfo, unitId: string) {
  const attributes: Record<string, WireValue>[] = [
    {
      variable: true,
      code: "submitter_address",
      datatype: "string",
      required: true,
      datatype_description:
        "Địa chỉ của người phản ánh, kiến nghị (NĐ 20/2008 Điều 9). / The submitter's address.",
      order: 1,
      description: "Địa chỉ liên hệ / Postal address",
      values: [],
    },
  ];
  if (s.code === "procedure") {
    const values = await offeredProcedures(db, unitId);
    attributes.push({
      variable: true,
      code: "procedure",
      datatype: "singlevaluelist",
      required: true,
      datatype_description: "Thủ tục mà phản ánh đề cập. / The procedure concerned.",
      order: 2,
      description: "Thủ tục hành chính / Procedure",
      values: values.map((v) => ({ key: v.key, name: v.name })),
    });
  }
  if (s.code === "dossier") {
    attributes.push({
      variable: true,
      code: "dossier_code",
      datatype: "string",
      required: true,
      datatype_description: "Mã hồ sơ in trên giấy tiếp nhận. / The dossier code on the receipt.",
      order: 2,
      description: "Mã hồ sơ / Dossier code",
      values: [],
    });
  }
  return { service_code: s.code, attributes };
}

/** XML nests lists under singular elements: <attributes><attribute>…<values><value>… */
export function definitionForXml(def: { service_code: string; attributes: Record<string, WireValue>[] }) {
  return {
    service_code: def.service_code,
    attributes: {
      attribute: def.attributes.map((a) => {
        const values = a.values as WireValue[];
        return { ...a, values: values.length === 0 ? "" : { value: values } };
      }),
    },
  };
}
