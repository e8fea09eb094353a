import type { Catalogue } from "../definitions/compile";
import type { IndicatorDef } from "../definitions/schema";
import { columnRange, type Readings } from "../workbook/contexts";
import { referencedColumns } from "../expr";
import { isErrorValue } from "../model";
import { cellAt } from "../read/grid";

/**
 * The cells an indicator's figures rest on that a person must look at: text (a number typed as text, "8/8"),
 * a negative count, an error value, in the number columns it sums, on its data rows (never a heading or a subtotal).
 *
 * As a formula, per column: COUNTIF(r,"<0") counts the negative numbers (COUNTIF's "<0" compares numbers
 * only and skips text and error cells), COUNTA(r)-COUNT(r) the cells that hold something that is not a
 * number (text, logical or error values). Both are Excel's own functions, so the count stays true when
 * staff edit the workbook without the add-in.
 */
export function cellsToCheck(defs: Catalogue, def: IndicatorDef, readings: Readings): { formula: string; count: number } | null {
  const asts = defs.indicatorById.get(def.id)!;
  const columns = [...referencedColumns(asts.numerator), ...(asts.denominator ? referencedColumns(asts.denominator) : [])];
  const seen = new Set<string>();
  const parts: string[] = [];
  let count = 0;
  for (const column of columns) {
    const key = `${column.sheet}.${column.field}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const reading = readings.get(column.sheet);
    const type = defs.sheetById.get(column.sheet)?.columns.get(column.field)?.type;
    if (!reading || (type !== "integer" && type !== "number")) continue;
    const ranges = columnRange(reading, column.field);
    const col = reading.layout.columns.get(column.field);
    if (ranges === null || col === undefined) continue;
    // One span per run of data rows between headings and subtotals: COUNTIF takes one range, COUNTA and
    // COUNT take them all, so no subtotal or heading row is counted.
    const all = ranges.join(",");
    parts.push(`${ranges.map((r) => `COUNTIF(${r},"<0")`).join("+")}+COUNTA(${all})-COUNT(${all})`);
    for (const span of reading.layout.spans) {
      for (let row = span.first; row <= span.last; row++) {
        const v = cellAt(reading.grid, row, col);
        if ((typeof v === "number" && v < 0) || (typeof v === "string" && v !== "") || typeof v === "boolean" || (v !== null && isErrorValue(v))) count++;
      }
    }
  }
  return parts.length === 0 ? null : { formula: parts.join("+"), count };
}
