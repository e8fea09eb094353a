import type { Plan } from "../../src/core/model";
import { address, parseAddress } from "../../src/core/a1";

export interface PlannedFormula {
  sheet: string;
  cell: string;
  formula: string;
  result: number | string | null | undefined;
}

export function plannedFormulas(plan: Plan): PlannedFormula[] {
  const out: PlannedFormula[] = [];
  for (const op of plan.ops) {
    if (op.op !== "setCells") continue;
    const origin = parseAddress(op.anchor);
    op.cells.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value.kind === "formula") out.push({ sheet: op.sheet, cell: address(origin.row + r, origin.col + c), formula: value.formula, result: value.result });
      }),
    );
  }
  return out;
}

/** The engine's value and the spreadsheet's agree: equal numbers, equal text, or both empty. */
export function agrees(engine: number | string | null | undefined, sheet: unknown): boolean {
  const empty = (v: unknown) => v === null || v === undefined || v === "";
  if (empty(engine) || empty(sheet)) return empty(engine) && empty(sheet);
  if (typeof engine === "number" && typeof sheet === "number") return Math.abs(engine - sheet) <= 1e-9 * Math.max(1, Math.abs(engine));
  return engine === sheet;
}
