/// <reference types="office-js" />

/** Which workbook a run belongs to: its URL, "" for a workbook never saved (kept in memory only). */
export function documentKey(): string {
  try {
    return Office.context.document?.url ?? "";
  } catch {
    return "";
  }
}
