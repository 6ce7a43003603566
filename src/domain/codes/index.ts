/** Codes: agency identifiers, dossier codes versioned by reception date, and the receipt's lookup secret. */

export type { AgencyCode, AgencyCodeStyle } from "./agency-code.ts";
export { agencyCode, isAgencyCode, level1Of, parseAgencyCode, TOPDOWN_MAX_LENGTH } from "./agency-code.ts";
export type {
  DossierCodeFormat,
  DossierCodeFormatId,
  DossierCodeParts,
  DossierCodeScope,
  ParsedDossierCode,
} from "./dossier-code.ts";
export {
  DOSSIER_CODE_FORMATS,
  dossierCodeFor,
  dossierCodeFormat,
  dossierCodeFormatFor,
  formatDossierCode,
  isDossierCode,
  MAX_DAILY_SEQUENCE,
  parseDossierCode,
} from "./dossier-code.ts";
export type { CodeErrorCode } from "./errors.ts";
export { CodeError } from "./errors.ts";
export type { RandomFill } from "./lookup-secret.ts";
export {
  displayLookupSecret,
  generateLookupSecret,
  isLookupSecret,
  LOOKUP_SECRET_ALPHABET,
  LOOKUP_SECRET_LENGTH,
  normalizeLookupSecret,
} from "./lookup-secret.ts";
