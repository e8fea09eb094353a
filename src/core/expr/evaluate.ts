import { type CellValue, isErrorValue } from "../model";
import type { Ast, ColumnRef } from "./ast";
import type { EvalContext } from "./context";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Excel keeps no infinities and no negative zero; an overflow is an error, which the formula turns into "". */
function excelNumber(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}

/** A row field counts only as a real number: validation reports dates in number columns, so they give no value either. */
function rowNumber(value: CellValue | undefined): number | null {
  return typeof value === "number" ? excelNumber(value) : null;
}

/** What Excel's SUM adds for one cell of a range: numbers and dates (as serial numbers); text, booleans and blanks add nothing. */
function summand(value: CellValue): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : 0;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
  return 0;
}

/** SUM over a range, or null where the range holds an error value: Excel's SUM returns the error. */
function sum(cells: readonly CellValue[]): number | null {
  let total = 0;
  for (const cell of cells) {
    if (isErrorValue(cell)) return null;
    total += summand(cell);
  }
  return excelNumber(total);
}

/**
 * One COUNTIF/SUMIF per spelling, added up, exactly as the compiled formula does it (spellings that
 * differ only in case would count a cell twice there, and so here). The criterion is compared as text,
 * case-insensitively and otherwise exactly: compile() escapes the wildcards and a leading comparison sign.
 */
function perSpelling(ctx: EvalContext, criteria: ColumnRef, value: string, part: (matches: (cell: CellValue) => boolean) => number | null): number | null {
  let total = 0;
  for (const spelling of ctx.choiceSpellings(criteria.sheet, criteria.field, value)) {
    const lower = spelling.toLowerCase();
    const n = part((cell) => typeof cell === "string" && cell.toLowerCase() === lower);
    if (n === null) return null;
    total += n;
  }
  return excelNumber(total);
}

/**
 * The value the compiled Excel formula computes, with null for the "" it gives: a missing column or
 * sheet, a row field that is not a number, a division by zero, an error value summed, no target.
 */
export function evaluate(ast: Ast, ctx: EvalContext): number | null {
  switch (ast.type) {
    case "number":
      return ast.value;
    case "field": {
      const value = rowNumber(ctx.rowValue?.(ast.name));
      return ctx.blankBelowZero && value !== null && value < 0 ? null : value;
    }
    case "negate": {
      const operand = evaluate(ast.operand, ctx);
      return operand === null ? null : excelNumber(-operand);
    }
    case "binary": {
      const left = evaluate(ast.left, ctx);
      const right = evaluate(ast.right, ctx);
      if (left === null || right === null) return null;
      switch (ast.op) {
        case "+":
          return excelNumber(left + right);
        case "-":
          return excelNumber(left - right);
        case "*":
          return excelNumber(left * right);
        case "/":
          return right === 0 ? null : excelNumber(left / right);
      }
    }
    case "sum": {
      const cells = ctx.columnValues?.(ast.column.sheet, ast.column.field);
      return cells ? sum(cells) : null;
    }
    case "count":
      return ctx.rowCount?.(ast.sheet) ?? null;
    case "countif": {
      const cells = ctx.columnValues?.(ast.column.sheet, ast.column.field);
      if (!cells) return null;
      return perSpelling(ctx, ast.column, ast.value, (matches) => cells.filter(matches).length);
    }
    case "sumif": {
      const sums = ctx.columnValues?.(ast.sum.sheet, ast.sum.field);
      const criteria = ctx.columnValues?.(ast.criteria.sheet, ast.criteria.field);
      if (!sums || !criteria) return null;
      return perSpelling(ctx, ast.criteria, ast.value, (matches) => sum(sums.filter((_, i) => matches(criteria[i]))));
    }
    case "sumComplete": {
      const cells = ctx.columnValues?.(ast.column.sheet, ast.column.field);
      const others = ctx.columnValues?.(ast.other.sheet, ast.other.field);
      if (!cells || !others) return null;
      let total = 0;
      for (let i = 0; i < cells.length; i++) if (isCompleteCell(cells[i]) && isCompleteCell(others[i])) total += summand(cells[i]);
      return excelNumber(total);
    }
    case "target":
      return ctx.target(ast.indicator);
    case "unitCell":
      return rowNumber(ctx.unitValue?.(ast.column.sheet, ast.column.field));
  }
}

/** What SUMIFS's criterion ">=0" matches: a number (a date is one to Excel) that is not negative; never text, a blank or an error. */
export function isCompleteCell(value: CellValue | undefined): boolean {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0;
  return value instanceof Date && summand(value) >= 0;
}
