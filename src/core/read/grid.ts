import type { CellRange, CellValue, SheetGrid } from "../model";

export function cellAt(grid: SheetGrid, row: number, col: number): CellValue {
  const r = grid.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function rowCount(grid: SheetGrid): number {
  return grid.values.length;
}

export function columnCount(grid: SheetGrid): number {
  let max = 0;
  for (const r of grid.values) if (r.length > max) max = r.length;
  return max;
}

export function mergeAt(grid: SheetGrid, row: number, col: number): CellRange | undefined {
  // A loop, not find(): this runs for a few cells of every data row.
  for (const m of grid.merges) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  return undefined;
}

/** The value a person sees at a cell: inside a merge, the top-left cell holds it. */
export function visibleValue(grid: SheetGrid, row: number, col: number): CellValue {
  const m = mergeAt(grid, row, col);
  return m ? cellAt(grid, m.top, m.left) : cellAt(grid, row, col);
}

export function isEmpty(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}
