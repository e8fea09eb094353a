import type { PlanOp } from "../model";
import { address } from "../a1";
import type { Readings } from "../workbook/contexts";
import { num, PERCENT_FORMAT } from "./cells";

/**
 * "Tính lại" writes each number stored as text back as its number, in the same plan (and so the same undo
 * step) as everything else, so the workbook's own formulas count what the report counts.
 */
export function textNumberOps(readings: Readings): PlanOp[] {
  const ops: PlanOp[] = [];
  for (const reading of readings.values()) {
    const sheet = reading.grid.name;
    for (const t of reading.textNumbers) {
      const anchor = address(t.row, t.col);
      ops.push({ op: "setCells", sheet, anchor, cells: [[num(t.value)]] });
      // "42,5%" is 0.425: shown as the percentage it was typed as.
      if (t.text.trim().endsWith("%")) ops.push({ op: "style", sheet, range: anchor, style: { numberFormat: PERCENT_FORMAT } });
    }
  }
  return ops;
}
