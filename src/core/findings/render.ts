import type { Finding } from "../model";
import type { Language } from "./format";
import { type MessageCatalogue, renderWith, VIETNAMESE } from "./messages";
import { ENGLISH } from "./messages-en";

export const CATALOGUES: Record<Language, MessageCatalogue> = { vi: VIETNAMESE, en: ENGLISH };

/** A finding's message in the person's language, from its code and params. */
export function renderFinding(f: Finding, language: Language): string {
  return renderWith(CATALOGUES[language], f);
}
