/**
 * Open311 GeoReport v2 on the wire (https://wiki.open311.org/GeoReport_v2): every answer in XML (required by the
 * spec) or JSON (optional), chosen by the resource's extension. XML answers carry the declaration with UTF-8 and
 * the spec's element names: <discovery>, <services><service>, <service_definition>, <service_requests><request>,
 * <errors><error><code/><description/></error></errors>. A missing value is an empty element in XML and null in
 * JSON. The XML is written by fast-xml-parser's builder, which escapes text; nothing here parses XML.
 */
import { XMLBuilder } from "fast-xml-parser";

export type Format = "xml" | "json";
export type WireValue = string | number | boolean | null | WireValue[] | { [key: string]: WireValue };

export const CONTENT_TYPES: Record<Format, string> = {
  xml: "text/xml; charset=utf-8",
  json: "application/json; charset=utf-8",
};

const builder = new XMLBuilder({ format: true, ignoreAttributes: false, suppressEmptyNode: false });

/** "requests.xml" → { name: "requests", format: "xml" }; null for an extension the API does not speak. */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const dot = file.lastIndexOf(".");
  if (dot <= 0) return null;
  const ext = file.slice(dot + 1);
  if (ext !== "xml" && ext !== "json") return null;
  return { name: file.slice(0, dot), format: ext };
}

function forXml(value: WireValue): WireValue {
  if (value === null) return "";
  if (Array.isArray(value)) return value.map(forXml);
  if (typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forXml(v)]));
  return value;
}

const DECLARATION = { "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" } };

/**
 * A list resource: JSON is the bare array; XML wraps each item in `item` under `root`
 * (services/service, service_requests/request, errors/error).
 */
export function renderList(
  format: Format,
  root: string,
  item: string,
  items: Record<string, WireValue>[],
): string {
  if (format === "json") return JSON.stringify(items);
  const body = items.length === 0 ? "" : { [item]: items.map(forXml) };
  return builder.build({ ...DECLARATION, [root]: body });
}

/** A single-object resource (discovery, service_definition): JSON is the object, XML its root element. */
export function renderObject(format: Format, root: string, value: Record<string, WireValue>): string {
  if (format === "json") return JSON.stringify(value);
  return builder.build({ ...DECLARATION, [root]: forXml(value) });
}

/** The spec's error list; `code` is the HTTP status, as in the spec's examples. */
export function renderErrors(format: Format, errors: { code: number; description: string }[]): string {
  return renderList(format, "errors", "error", errors);
}
