import type { Finding, FindingCode, FindingParams, Severity } from "../model";
import { renderWith, SEVERITY, VIETNAMESE } from "./messages";

/** `severity` where the catalogue sets it (a rule's severity, a sheet or column that is not required); the code's own otherwise. */
export function finding(code: FindingCode, sheet: string | null, cell: string | null, params: FindingParams = {}, severity: Severity = SEVERITY[code]): Finding {
  const all = { ...params, ...(sheet !== null && params.sheet === undefined ? { sheet } : {}), ...(cell !== null ? { cell } : {}) };
  return { severity, code, sheet, cell, message: renderWith(VIETNAMESE, "vi", code, all), params: all };
}

export function countBySeverity(findings: readonly Finding[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
