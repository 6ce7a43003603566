/**
 * The shipped catalog of real commune-level procedures, validated against the schema once and cached.
 */

import { CatalogSchema, type Procedure } from "./procedure-schema.ts";
import { PROCEDURES } from "./records/procedures.ts";

let cached: readonly Procedure[] | null = null;

/** Parses the shipped records; throws a ZodError naming the record and field if one is invalid. */
export function realCatalog(): readonly Procedure[] {
  cached ??= Object.freeze(CatalogSchema.parse(PROCEDURES));
  return cached;
}

export function findProcedure(id: string): Procedure | undefined {
  return realCatalog().find((p) => p.id === id);
}
