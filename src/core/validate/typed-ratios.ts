import { calculatedAst, type Catalogue } from "../definitions/compile";
import { evaluate } from "../expr";
import { finding } from "../findings/findings";
import type { Finding } from "../model";
import { parseCellNumber } from "../read/cell-number";
import { cellAt } from "../read/grid";
import { address } from "../a1";
import { REPORTED_RATIO_TOLERANCE } from "../tolerances";
import { calculatedColumnPlaces, typedRatioColumns } from "../plan/calculated-columns";
import { type Readings, rowEvalContext } from "../workbook/contexts";

/** A ratio the staff typed as 65.8 means 65.8%; as 0.658 or "65,8%" it is already a fraction. */
function asFraction(value: number, typedAsPercentText: boolean): number {
  return !typedAsPercentText && Math.abs(value) > 1.5 ? value / 100 : value;
}

export function typedRatioFindings(defs: Catalogue, readings: Readings, target: (id: string) => number | null): Finding[] {
  const findings: Finding[] = [];
  for (const reading of readings.values()) {
    const typed = typedRatioColumns(reading, calculatedColumnPlaces(reading));
    for (const [calcId, columns] of typed) {
      const ast = calculatedAst(defs, reading.def.id, calcId);
      const cursor = { row: 0 };
      const ctx = rowEvalContext(defs, reading, cursor, target);
      for (const col of columns) {
        for (const record of reading.rows) {
          cursor.row = record.row;
          const raw = cellAt(reading.grid, record.row, col);
          const value = parseCellNumber(raw);
          if (value.kind !== "number") continue;
          const computed = evaluate(ast, ctx);
          if (computed === null) continue;
          const typedValue = asFraction(value.value, typeof raw === "string" && raw.trim().endsWith("%"));
          if (Math.abs(typedValue - computed) > REPORTED_RATIO_TOLERANCE) {
            findings.push(finding("reported-ratio-mismatch", reading.grid.name, address(record.row, col), { value: { fraction: typedValue }, expected: { fraction: computed }, unit: record.keyText }));
          }
        }
      }
    }
  }
  return findings;
}
