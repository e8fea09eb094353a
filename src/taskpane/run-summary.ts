import type { Language } from "../core/findings/format";
import type { IndicatorResult, SeverityCounts } from "../core/model";
import { headlineOf, shownValue, unitFigure } from "./indicator-text";
import { counted, fillIn, STRINGS } from "./strings";

/**
 * What matters after a run, most urgent first: targets missed, errors to fix, the worst unit of each
 * missed indicator. The pane shows these lines at the top and the live region reads them out.
 */
export function summaryLines(counts: SeverityCounts, indicators: readonly IndicatorResult[] | undefined, language: Language): string[] {
  const t = STRINGS[language];
  const lines: string[] = [];
  if (indicators) {
    const h = headlineOf(indicators);
    if (h.missed.length) lines.push(fillIn(language, t.missedHeadline, { missed: h.missed.length, targeted: h.targeted, ids: h.missed.map((i) => i.id).join(", ") }));
    else if (h.targeted) lines.push(fillIn(language, t.allMetHeadline, { targeted: h.targeted }));
    else lines.push(t.noTargetHeadline);
    for (const { indicator: i, unit } of h.worst)
      lines.push(fillIn(language, t.worstUnit, { id: i.id, unit: unit.unit, value: unitFigure(unit, language), target: shownValue(i, i.target, language) }));
    if (h.noData.length) lines.push(counted(language, "noData", h.noData.length, { ids: h.noData.map((i) => i.id).join(", ") }));
  }
  const problems = [counts.error ? counted(language, "errorsToFix", counts.error) : t.noErrors.replace(/\.$/, ""), ...(counts.warning ? [counted(language, "warnings", counts.warning)] : [])];
  lines.push(`${problems.join("; ")}.`);
  return lines;
}
