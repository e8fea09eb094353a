import type { Finding, FindingCode, FindingParams } from "../model";
import { renderWith, SEVERITY, VIETNAMESE } from "./messages";

export function finding(code: FindingCode, sheet: string | null, cell: string | null, params: FindingParams = {}): Finding {
  const all = { ...params, ...(sheet !== null && params.sheet === undefined ? { sheet } : {}), ...(cell !== null ? { cell } : {}) };
  return { severity: SEVERITY[code], code, sheet, cell, message: renderWith(VIETNAMESE, "vi", code, all), params: all };
}

export function countBySeverity(findings: readonly Finding[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
