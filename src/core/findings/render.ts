import type { Finding } from "../model";
import type { Language } from "./format";
import { type MessageCatalogue, renderWith, VIETNAMESE } from "./messages";
import { ENGLISH } from "./messages-en";
import { type Reason, REASONS_VI, type ReasonTexts, renderReasonWith } from "./reasons";
import { REASONS_EN } from "./reasons-en";

export const CATALOGUES: Record<Language, MessageCatalogue> = { vi: VIETNAMESE, en: ENGLISH };

/** A finding's message in the person's language, from its code and params. */
export function renderFinding(f: Finding, language: Language): string {
  return renderWith(CATALOGUES[language], f);
}

const REASON_TEXTS: Record<Language, ReasonTexts> = { vi: REASONS_VI, en: REASONS_EN };

/** Why a file was refused or left out, in the person's language. */
export function renderReason(reason: Reason, language: Language): string {
  return renderReasonWith(REASON_TEXTS[language], reason);
}
