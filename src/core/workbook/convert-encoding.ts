import type { PlanOp, WorkbookSnapshot } from "../model";
import { address } from "../a1";
import { text, UNICODE_FONT } from "../plan/cells";
import type { LegacyEncoding } from "../text/legacy-encoding";
import { decodeLegacySheets } from "./legacy-view";

export interface ConvertedSheet {
  sheet: string;
  encoding: LegacyEncoding;
  cells: number;
}

/**
 * Rewrites every legacy-encoded text cell in Unicode, in a Unicode font, touching no other cell: formulas keep
 * their text, and sheet names are kept, since renaming would break references to them.
 */
export function convertEncodingPlan(workbook: WorkbookSnapshot): { ops: PlanOp[]; converted: ConvertedSheet[] } {
  const { snapshot, legacy } = decodeLegacySheets(workbook);
  const ops: PlanOp[] = [];
  const converted: ConvertedSheet[] = [];
  for (const grid of snapshot.sheets) {
    const info = legacy.get(grid.name);
    if (!info) continue;
    const formulas = workbook.sheets.find((s) => s.name === grid.name)?.formulas;
    const cells = info.cells.filter(([row, col]) => !formulas?.[row]?.[col]);
    for (const [row, col] of cells) {
      const cell = address(row, col);
      ops.push({ op: "setCells", sheet: grid.name, anchor: cell, cells: [[text(String(grid.values[row][col]))]] });
      ops.push({ op: "style", sheet: grid.name, range: cell, style: { fontName: UNICODE_FONT } });
    }
    converted.push({ sheet: grid.name, encoding: info.encoding, cells: cells.length });
  }
  return { ops, converted };
}
