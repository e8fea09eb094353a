import type { Finding, FindingCode, FindingOf, ParamsOf, Severity, SeverityCounts } from "../model";
import { SEVERITY } from "./messages";

/** Codes whose findings carry no params, so that their params may be left out. */
type Optional<C extends FindingCode> = Record<string, never> extends ParamsOf<C> ? [params?: ParamsOf<C>] : [params: ParamsOf<C>];

export function finding<C extends FindingCode>(code: C, sheet: string | null, cell: string | null, ...params: Optional<C>): FindingOf<C> {
  return { severity: SEVERITY[code], code, sheet, cell, params: (params[0] ?? {}) as ParamsOf<C> };
}

/** The same finding at the severity the catalogue sets: a rule's own, or a warning for a sheet or column that is not required. */
export function atSeverity<F extends Finding>(f: F, severity: Severity): F {
  return { ...f, severity };
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
