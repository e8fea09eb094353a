import type { CellValue, SheetGrid } from "../../core/model";
import { cellAt } from "../../core/read/grid";
import { parseAddress, parseRange } from "../../core/a1";

const TOKEN = /\s*([A-Z]{1,3}\d+:[A-Z]{1,3}\d+|[A-Z]{1,3}\d+|\d+(?:\.\d+)?(?:E[+-]?\d+)?|SUM\(|[-+*/()]|\S)/gi;
const MAX_DEPTH = 20;

/** A recursive-descent reading of one formula's tokens: expression := term (± term)*, term := primary (×÷ primary)*. */
class ArithmeticFormula {
  private i = 0;

  constructor(
    private readonly tokens: string[],
    private readonly grid: SheetGrid,
    private readonly depth: number,
  ) {}

  value(): number | null {
    const value = this.expression();
    return this.i === this.tokens.length && value !== null && Number.isFinite(value) ? value : null;
  }

  private peek(): string | undefined {
    return this.tokens[this.i]?.trim().toUpperCase();
  }

  private next(): string | undefined {
    const t = this.peek();
    this.i++;
    return t;
  }

  private expression(): number | null {
    return this.leftToRight(["+", "-"], () => this.term());
  }

  private term(): number | null {
    return this.leftToRight(["*", "/"], () => this.primary());
  }

  /** operand (op operand)*, applied from the left; ÷0 gives no number, as Excel gives #DIV/0!. */
  private leftToRight(ops: readonly string[], operand: () => number | null): number | null {
    let v = operand();
    while (v !== null && ops.includes(this.peek() ?? "")) {
      const op = this.next();
      const r = operand();
      if (r === null || (op === "/" && r === 0)) return null;
      v = op === "+" ? v + r : op === "-" ? v - r : op === "*" ? v * r : v / r;
    }
    return v;
  }

  private primary(): number | null {
    const t = this.next();
    if (t === undefined) return null;
    if (t === "-") {
      const v = this.primary();
      return v === null ? null : -v;
    }
    if (t === "+") return this.primary();
    if (t === "(") {
      const v = this.expression();
      return this.next() === ")" ? v : null;
    }
    if (t === "SUM(") return this.sumArguments();
    if (/^[A-Z]{1,3}\d+$/.test(t)) return this.valueAt(t);
    const n = Number(t);
    return /^\d/.test(t) && Number.isFinite(n) ? n : null;
  }

  /** SUM's arguments up to its ")": ranges, cells and numbers, separated by "," (or ";" as some locales write). */
  private sumArguments(): number | null {
    let total = 0;
    for (;;) {
      const arg = this.next();
      if (arg === undefined) return null;
      const v = /:/.test(arg) ? this.sumOf(arg) : /^[A-Z]/.test(arg) ? this.valueAt(arg) : Number.isFinite(Number(arg)) ? Number(arg) : null;
      if (v === null) return null;
      total += v;
      const separator = this.next();
      if (separator === ")") return total;
      if (separator !== "," && separator !== ";") return null;
    }
  }

  /** A blank cell counts 0, as in Excel; a formula cell without a result is computed in turn. */
  private valueAt(a1: string): number | null {
    const { row, col } = parseAddress(a1);
    const v: CellValue = cellAt(this.grid, row, col);
    if (v === null) {
      const inner = this.grid.formulas?.[row]?.[col];
      return inner ? computeFormula(inner, this.grid, this.depth + 1) : 0;
    }
    return typeof v === "number" ? v : null;
  }

  /** SUM over a range skips text, as Excel's does, but not a formula it cannot compute. */
  private sumOf(range: string): number | null {
    const b = parseRange(range);
    let total = 0;
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const v = cellAt(this.grid, r, c);
        const inner = v === null ? this.grid.formulas?.[r]?.[c] : null;
        const n = typeof v === "number" ? v : inner ? computeFormula(inner, this.grid, this.depth + 1) : 0;
        if (n === null) return null;
        total += n;
      }
    }
    return total;
  }
}

/**
 * A file saved by a tool that does not compute keeps formulas without results (Excel, and so the Office.js
 * host, always has them: this is the .xlsx host's reading). The input formulas district
 * staff write are arithmetic over cells of the same sheet (`D8-32`, `SUM(C5:C9)`, `B3+C3*2`): those are
 * computed here as Excel would; anything else (another sheet, other functions) stays uncomputed and is reported.
 */
function computeFormula(formula: string, grid: SheetGrid, depth = 0): number | null {
  if (depth > MAX_DEPTH) return null;
  const tokens = formula.replace(/\$/g, "").match(TOKEN);
  return tokens ? new ArithmeticFormula(tokens, grid, depth).value() : null;
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
