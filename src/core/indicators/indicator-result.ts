import type { IndicatorDef } from "../definitions/schema";
import { roundExcel } from "../findings/format";
import type { Direction, IndicatorResult, IndicatorStatus } from "../model";
import { STATUS_ROUND_DIGITS } from "../tolerances";

/** Status compares at full precision; the rounding (STATUS_ROUND_DIGITS) only absorbs binary noise. */
export function statusOf(actual: number | null, target: number | null, direction: Direction): IndicatorStatus {
  if (actual === null) return "no_data";
  if (target === null) return "no_target";
  const diff = roundExcel(actual - target, STATUS_ROUND_DIGITS);
  if (direction === "lower") return diff <= 0 ? "met" : "not_met";
  if (diff > 0) return "exceeded";
  return diff === 0 ? "met" : "not_met";
}

export function achievementOf(actual: number | null, target: number | null): number | null {
  return actual === null || target === null || target === 0 ? null : actual / target;
}

/** The figures an indicator's result is judged from: a district's from its sheets, the province's from the districts'. */
export interface IndicatorFigures {
  actual: number | null;
  numerator: number | null;
  denominator: number | null;
  baseline: number | null;
  target: number | null;
  inputFindings: number;
  rowsLeftOut: number;
}

/** An indicator's result: its figures, with the achievement, status and change against the baseline judged from them. */
export function indicatorResult(def: IndicatorDef, figures: IndicatorFigures): IndicatorResult {
  const { actual, numerator, denominator, baseline, target, inputFindings, rowsLeftOut } = figures;
  return {
    id: def.id,
    name: def.name,
    unit: def.unit,
    actual,
    numerator,
    denominator,
    baseline,
    target,
    achievement: achievementOf(actual, target),
    status: statusOf(actual, target, def.direction),
    change: actual === null || baseline === null ? null : actual - baseline,
    inputFindings,
    rowsLeftOut,
  };
}
