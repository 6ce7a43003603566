import { withoutDiacritics } from "../../../domain/text/vietnamese.ts";

/**
 * SMS text without diacritics. Vietnamese letters are outside the GSM 03.38 7-bit alphabet, so a message that
 * contains one is sent as UCS-2: 70 characters per segment instead of 160, each segment billed. Vietnamese
 * brandname SMS gateways price and approve templates per segment and many brandname contracts accept only
 * unaccented text ("tin nhắn không dấu"), so SMS bodies are sent without diacritics and kept to one segment where
 * the data allows. E-mail keeps full diacritics.
 */
/** Characters of the GSM 03.38 basic set that we keep; anything else becomes a space. */
const GSM_SAFE = /[^A-Za-z0-9 @$\n\r_!"#%&'()*+,\-./:;<=>?]/g;

export function smsText(text: string): string {
  return withoutDiacritics(text).replace(GSM_SAFE, " ").replace(/ {2,}/g, " ").trim();
}
