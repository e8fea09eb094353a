import type { CellValue, SheetGrid } from "../../core/model";
import { cellAt } from "../../core/read/grid";
import { parseAddress, parseRange } from "../../core/a1";

/**
 * A file saved by a tool that does not compute keeps formulas without results (Excel, and so the Office.js
 * host, always has them: this is the .xlsx host's reading). The input formulas district
 * staff write are arithmetic over cells of the same sheet (`D8-32`, `SUM(C5:C9)`, `B3+C3*2`): those are
 * computed here as Excel would; anything else (another sheet, other functions) stays uncomputed and is reported.
 */
export function computeFormula(formula: string, grid: SheetGrid, depth = 0): number | null {
  if (depth > 20) return null;
  const tokens = formula.replace(/\$/g, "").match(/\s*([A-Z]{1,3}\d+:[A-Z]{1,3}\d+|[A-Z]{1,3}\d+|\d+(?:\.\d+)?(?:E[+-]?\d+)?|SUM\(|[-+*/()]|\S)/gi);
  if (!tokens) return null;
  let i = 0;
  const peek = () => tokens[i]?.trim().toUpperCase();
  const valueAt = (a1: string): number | null => {
    const { row, col } = parseAddress(a1);
    const v: CellValue = cellAt(grid, row, col);
    if (v === null) {
      const inner = grid.formulas?.[row]?.[col];
      return inner ? computeFormula(inner, grid, depth + 1) : 0;
    }
    return typeof v === "number" ? v : null;
  };
  const sumOf = (range: string): number | null => {
    const b = parseRange(range);
    let total = 0;
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const v = cellAt(grid, r, c);
        if (typeof v === "number") total += v;
        else if (v === null && grid.formulas?.[r]?.[c]) {
          const inner = computeFormula(grid.formulas[r][c]!, grid, depth + 1);
          if (inner === null) return null;
          total += inner;
        }
      }
    }
    return total;
  };
  const primary = (): number | null => {
    const t = peek();
    i++;
    if (t === undefined) return null;
    if (t === "-") {
      const v = primary();
      return v === null ? null : -v;
    }
    if (t === "+") return primary();
    if (t === "(") {
      const v = expression();
      return peek() === ")" && i++ >= 0 ? v : null;
    }
    if (t === "SUM(") {
      let total = 0;
      for (;;) {
        const arg = peek();
        i++;
        if (arg === undefined) return null;
        const v = /:/.test(arg) ? sumOf(arg) : /^[A-Z]/.test(arg) ? valueAt(arg) : Number.isFinite(Number(arg)) ? Number(arg) : null;
        if (v === null) return null;
        total += v;
        const sep = peek();
        i++;
        if (sep === ")") return total;
        if (sep !== "," && sep !== ";") return null;
      }
    }
    if (/^[A-Z]{1,3}\d+$/.test(t)) return valueAt(t);
    const n = Number(t);
    return /^\d/.test(t) && Number.isFinite(n) ? n : null;
  };
  const term = (): number | null => {
    let v = primary();
    while (v !== null && (peek() === "*" || peek() === "/")) {
      const op = peek();
      i++;
      const r = primary();
      if (r === null || (op === "/" && r === 0)) return null;
      v = op === "*" ? v * r : v / r;
    }
    return v;
  };
  const expression = (): number | null => {
    let v = term();
    while (v !== null && (peek() === "+" || peek() === "-")) {
      const op = peek();
      i++;
      const r = term();
      if (r === null) return null;
      v = op === "+" ? v + r : v - r;
    }
    return v;
  };
  const value = expression();
  return i === tokens.length && value !== null && Number.isFinite(value) ? value : null;
}

/** The grid with each formula that has no cached result computed where it can be; the rest stay blank (and are reported). */
export function withComputedFormulas(grid: SheetGrid): SheetGrid {
  const formulas = grid.formulas;
  if (!formulas) return grid;
  let values: CellValue[][] | null = null;
  for (let row = 0; row < formulas.length; row++) {
    const line = formulas[row];
    if (!line) continue;
    for (let col = 0; col < line.length; col++) {
      const f = line[col];
      if (!f || cellAt(grid, row, col) !== null) continue;
      const v = computeFormula(f, grid);
      if (v === null) continue;
      values ??= grid.values.slice();
      if (values[row] === grid.values[row]) values[row] = (grid.values[row] ?? []).slice();
      values[row][col] = v;
    }
  }
  return values ? { ...grid, values } : grid;
}
