import type { Definitions, IndicatorDef } from "../definitions/schema";
import { indicatorResult } from "../indicators/indicator-result";
import type { Reason } from "../findings/reasons";
import type { IndicatorResult, SeverityCounts } from "../model";

export interface DistrictOutcome {
  name: string;
  file: string;
  counts: SeverityCounts;
  indicators: IndicatorResult[];
}

interface UnreadableDistrict {
  name: string;
  file: string;
  reason: Reason;
  /** Read, but a second file of a district already counted: left out so as not to count it twice. */
  duplicate?: true;
}

export type District = DistrictOutcome | UnreadableDistrict;

export function isReadable(d: District): d is DistrictOutcome {
  return "indicators" in d;
}

/** One figure for the province from the districts': summed for counts, the same for all or none for ratios. */
function combine(values: (number | null)[], def: IndicatorDef): number | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  const known = values as number[];
  if (def.unit === "count") return known.reduce((a, b) => a + b, 0);
  return known.every((v) => v === known[0]) ? known[0] : null;
}

/** The province's indicators, recomputed from the districts' numerators and denominators, never averaged. */
export function provinceIndicators(defs: Definitions, districts: readonly District[]): IndicatorResult[] {
  const readable = districts.filter(isReadable);
  return defs.indicators.map((def) => {
    const results = readable.map((d) => d.indicators.find((i) => i.id === def.id)).filter((i): i is IndicatorResult => i !== undefined && i.status !== "no_data");
    const numerator = results.length ? results.reduce((a, r) => a + (r.numerator ?? 0), 0) : null;
    const denominator = def.denominator && results.length ? results.reduce((a, r) => a + (r.denominator ?? 0), 0) : null;
    const actual = numerator === null ? null : def.denominator ? (denominator ? numerator / denominator : null) : numerator;
    const contributing = readable.map((d) => d.indicators.find((i) => i.id === def.id)).filter((i): i is IndicatorResult => i !== undefined);
    const target = combine(contributing.map((i) => i.target), def);
    const baseline = combine(contributing.map((i) => i.baseline), def);
    return indicatorResult(def, {
      actual,
      numerator,
      denominator,
      baseline,
      target,
      inputFindings: contributing.reduce((a, r) => a + r.inputFindings, 0),
      rowsLeftOut: results.reduce((a, r) => a + r.rowsLeftOut, 0),
    });
  });
}
