import { type CellValue, isErrorValue } from "../model";
import type { Ast, ColumnRef } from "./ast";
import type { EvalContext } from "./context";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell as Excel's arithmetic sees it: numbers, and dates as their serial numbers. */
function numeric(value: CellValue | undefined): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH) / 86400000;
  return null;
}

function column(ctx: EvalContext, ref: ColumnRef): CellValue[] | undefined {
  return ctx.columnValues?.(ref.sheet, ref.field);
}

function matcher(ctx: EvalContext, ref: ColumnRef, value: string): (cell: CellValue) => boolean {
  const spellings = new Set(ctx.choiceSpellings(ref.sheet, ref.field, value).map((s) => s.toLowerCase()));
  return (cell) => typeof cell === "string" && spellings.has(cell.toLowerCase());
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * Computes what the compiled Excel formula computes, with null for the "" the formula gives:
 * a missing or non-numeric input, a division by zero, or an error value inside a summed range.
 */
export function evaluate(ast: Ast, ctx: EvalContext): number | null {
  switch (ast.type) {
    case "number":
      return ast.value;
    case "field":
      return numeric(ctx.rowValue?.(ast.name));
    case "negate": {
      const v = evaluate(ast.operand, ctx);
      return v === null ? null : -v;
    }
    case "binary": {
      const left = evaluate(ast.left, ctx);
      const right = evaluate(ast.right, ctx);
      if (left === null || right === null) return null;
      switch (ast.op) {
        case "+":
          return finite(left + right);
        case "-":
          return finite(left - right);
        case "*":
          return finite(left * right);
        case "/":
          return right === 0 ? null : finite(left / right);
      }
    }
    case "sum": {
      const cells = column(ctx, ast.column);
      if (!cells) return null;
      let total = 0;
      for (const cell of cells) {
        if (isErrorValue(cell)) return null;
        total += numeric(cell) ?? 0;
      }
      return finite(total);
    }
    case "count":
      return ctx.rowCount?.(ast.sheet) ?? null;
    case "countif": {
      const cells = column(ctx, ast.column);
      if (!cells) return null;
      const matches = matcher(ctx, ast.column, ast.value);
      return cells.filter(matches).length;
    }
    case "sumif": {
      const sums = column(ctx, ast.sum);
      const criteria = column(ctx, ast.criteria);
      if (!sums || !criteria) return null;
      const matches = matcher(ctx, ast.criteria, ast.value);
      let total = 0;
      for (let i = 0; i < criteria.length; i++) {
        if (!matches(criteria[i])) continue;
        if (isErrorValue(sums[i])) return null;
        total += numeric(sums[i]) ?? 0;
      }
      return finite(total);
    }
    case "target":
      return ctx.target(ast.indicator);
  }
}
