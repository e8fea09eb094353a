import { bundledCatalogue } from "../core/definitions/bundled";
import { formatNumber, formatPercent, type Language } from "../core/findings/format";
import type { IndicatorResult, IndicatorStatus, UnitValue } from "../core/model";

const DEFINITIONS = new Map(bundledCatalogue().definitions.indicators.map((d) => [d.id, d]));

/** The indicator's name in the pane's language; the result carries the Vietnamese one. */
export function indicatorName(i: Pick<IndicatorResult, "id" | "name">, language: Language): string {
  return language === "en" ? (DEFINITIONS.get(i.id)?.en.name ?? i.name) : i.name;
}

/** "đảng viên", "members"; empty for a ratio, whose % says it. */
export function indicatorUnitLabel(i: Pick<IndicatorResult, "id" | "unit">, language: Language): string {
  if (i.unit === "ratio") return "";
  const def = DEFINITIONS.get(i.id);
  return (language === "en" ? def?.en.unitLabel : def?.unitLabel) ?? "";
}

export function shownValue(i: Pick<IndicatorResult, "unit">, value: number | null, language: Language): string {
  if (value === null) return "–";
  return i.unit === "ratio" ? formatPercent(value, language) : formatNumber(value, language);
}

/** A unit's figure as the article writes it: "5/12 (41,7%)", or the rate alone. */
export function unitFigure(u: UnitValue, language: Language): string {
  const rate = formatPercent(u.actual, language);
  return u.numerator !== null && u.denominator !== null ? `${formatNumber(u.numerator, language)}/${formatNumber(u.denominator, language)} (${rate})` : rate;
}

/** Missed first: what needs doing comes before what is fine, and indicators without a target come last. */
const STATUS_ORDER: IndicatorStatus[] = ["not_met", "no_data", "met", "exceeded", "no_target"];

export function byUrgency(indicators: readonly IndicatorResult[]): IndicatorResult[] {
  return [...indicators].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
}

export interface Headline {
  /** Indicators with a target that miss it, in the definitions' order. */
  missed: IndicatorResult[];
  targeted: number;
  noData: IndicatorResult[];
  /** For each missed indicator that lists units, its worst unit (the article's "Tân Thanh 5/12"). */
  worst: { indicator: IndicatorResult; unit: UnitValue }[];
}

export function headlineOf(indicators: readonly IndicatorResult[]): Headline {
  const targeted = indicators.filter((i) => i.target !== null && i.status !== "no_data" && i.status !== "no_target");
  const missed = targeted.filter((i) => i.status === "not_met");
  return {
    missed,
    targeted: targeted.length,
    noData: indicators.filter((i) => i.status === "no_data"),
    worst: missed.flatMap((i) => (i.belowTarget?.length ? [{ indicator: i, unit: i.belowTarget[0] }] : [])),
  };
}
