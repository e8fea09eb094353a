import type { Analysis } from "../core/analyse";
import { formatNumber, formatPercent } from "../core/findings/format";
import { renderVietnamese } from "../core/findings/messages";
import type { IndicatorResult } from "../core/model";
import { STATUS_LABELS } from "../core/plan/summary";

export function indicatorsJson(indicators: readonly IndicatorResult[]) {
  return indicators.map((i) => ({
    id: i.id,
    name: i.name,
    unit: i.unit,
    actual: i.actual,
    numerator: i.numerator,
    denominator: i.denominator,
    baseline: i.baseline,
    target: i.target,
    achievement: i.achievement,
    status: i.status,
    change: i.change,
    inputFindings: i.inputFindings,
    rowsLeftOut: i.rowsLeftOut,
    ...(i.belowTarget ? { belowTarget: i.belowTarget.map((u) => ({ unit: u.unit, actual: u.actual, numerator: u.numerator, denominator: u.denominator })) } : {}),
  }));
}

export function reportJson(analysis: Pick<Analysis, "findings" | "indicators" | "counts">, meta: { version: string; definitions: string; input: string }) {
  return {
    version: meta.version,
    definitions: meta.definitions,
    input: meta.input,
    counts: analysis.counts,
    findings: analysis.findings.map((f) => ({ severity: f.severity, code: f.code, sheet: f.sheet, cell: f.cell, message: renderVietnamese(f) })),
    indicators: indicatorsJson(analysis.indicators),
  };
}

function value(i: IndicatorResult, v: number | null): string {
  if (v === null) return "–";
  return i.unit === "ratio" ? formatPercent(v, "vi") : formatNumber(v, "vi");
}

const SEVERITY_LABEL = { error: "LỖI", warning: "CẢNH BÁO", info: "THÔNG TIN" } as const;

/** The short Vietnamese summary the command line prints. */
export function summaryText(analysis: Pick<Analysis, "findings" | "indicators" | "counts">, maxFindings = 30): string {
  const lines: string[] = [];
  const c = analysis.counts;
  lines.push(`Phát hiện: ${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} thông tin.`);
  for (const f of analysis.findings.slice(0, maxFindings)) {
    const where = [f.sheet, f.cell].filter(Boolean).join("!");
    lines.push(`  [${SEVERITY_LABEL[f.severity]}] ${where ? where + ": " : ""}${renderVietnamese(f)}`);
  }
  if (analysis.findings.length > maxFindings) lines.push(`  … và ${analysis.findings.length - maxFindings} phát hiện khác (xem báo cáo JSON).`);
  lines.push("");
  lines.push("Chỉ tiêu:");
  for (const i of analysis.indicators) {
    const target = i.target === null ? "" : ` / mục tiêu ${value(i, i.target)}`;
    lines.push(`  ${i.id.padEnd(3)} ${i.name}: ${value(i, i.actual)}${target} — ${STATUS_LABELS[i.status]}`);
  }
  return lines.join("\n");
}
