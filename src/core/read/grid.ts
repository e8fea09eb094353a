import { columnLetter } from "../expr/compile";
import type { CellRange, CellValue, SheetGrid } from "../model";

export { columnLetter };

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

export function address(row0: number, col0: number): string {
  return `${columnLetter(col0)}${row0 + 1}`;
}

export function parseAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1.toUpperCase());
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function absoluteAddress(row0: number, col0: number): string {
  return `$${columnLetter(col0)}$${row0 + 1}`;
}
