import type { Ast, BinaryOp, ColumnRef } from "./ast";
import type { CompileContext } from "./context";
import { absoluteColumnRange } from "../a1";

/** Always quoted, so names with spaces, diacritics or digits need no special case; an apostrophe is doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function absoluteRange(sheet: string, col0: number, firstRow0: number, lastRow0: number): string {
  return `${quoteSheetName(sheet)}!${absoluteColumnRange(col0, firstRow0, lastRow0)}`;
}

export function excelString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** COUNTIF criteria are patterns: wildcards are escaped, and a leading comparison sign is made the text it is. */
function criterion(value: string): string {
  const literal = value.replace(/[~*?]/g, "~$&");
  return excelString(/^[=<>]/.test(literal) ? `=${literal}` : literal);
}

/**
 * JavaScript's shortest round-trip digits, written out without an exponent (1e-7 as 0.0000001): Excel
 * reads either form, but some other spreadsheet engines reject "1E-07", among them the one the tests use.
 */
function numberLiteral(value: number): string {
  const text = String(Math.abs(value));
  const exponent = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  let plain = text;
  if (exponent) {
    const digits = exponent[1] + (exponent[2] ?? "");
    const power = Number(exponent[3]);
    plain = power < 0 ? `0.${"0".repeat(-power - 1)}${digits}` : digits + "0".repeat(power - digits.length + 1);
  }
  return value < 0 ? `(-${plain})` : plain;
}

const PRECEDENCE: Record<BinaryOp, number> = { "+": 1, "-": 1, "*": 2, "/": 2 };

class MissingReference extends Error {}

function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new MissingReference();
  return value;
}

/** A column is one range, or one per span of data rows where subtotals split a sheet. */
function spansOf(range: string | readonly string[]): readonly string[] {
  return typeof range === "string" ? [range] : range;
}

function added(parts: string[]): string {
  if (parts.length === 0) return "0";
  return parts.length === 1 ? parts[0] : `(${parts.join("+")})`;
}

/** Prints the tree as Excel formula text, collecting the row cells it reads; a missing reference throws MissingReference. */
function formula(ast: Ast, ctx: CompileContext, rowCells: string[]): string {
  const ranges = (ref: ColumnRef): readonly string[] => spansOf(present(ctx.columnRange?.(ref.sheet, ref.field)));
  const spellings = (ref: ColumnRef, value: string) => ctx.choiceSpellings(ref.sheet, ref.field, value).map(criterion);
  switch (ast.type) {
    case "number":
      return numberLiteral(ast.value);
    case "field": {
      const cell = present(ctx.rowCell?.(ast.name));
      if (!rowCells.includes(cell)) rowCells.push(cell);
      return cell;
    }
    case "negate": {
      const operand = formula(ast.operand, ctx, rowCells);
      return ast.operand.type === "binary" || ast.operand.type === "negate" ? `-(${operand})` : `-${operand}`;
    }
    case "binary": {
      const p = PRECEDENCE[ast.op];
      const left = formula(ast.left, ctx, rowCells);
      const right = formula(ast.right, ctx, rowCells);
      const groupLeft = ast.left.type === "binary" && PRECEDENCE[ast.left.op] < p;
      // A right operand of the same level keeps its parentheses: a-(b-c) is not a-b-c, nor is a+(b+c)
      // a+b+c in floating point. A negated one keeps them too, because a-(-b) reads better than a--b.
      const groupRight = (ast.right.type === "binary" && PRECEDENCE[ast.right.op] <= p) || ast.right.type === "negate";
      return `${groupLeft ? `(${left})` : left}${ast.op}${groupRight ? `(${right})` : right}`;
    }
    case "sum":
      return `SUM(${ranges(ast.column).join(",")})`;
    case "count":
      return `COUNTA(${spansOf(present(ctx.keyRange?.(ast.sheet))).join(",")})`;
    case "countif": {
      const column = ranges(ast.column);
      // COUNTIF takes one range: a sheet split by subtotals is counted span by span.
      return added(spellings(ast.column, ast.value).flatMap((s) => column.map((r) => `COUNTIF(${r},${s})`)));
    }
    case "sumif": {
      const sums = ranges(ast.sum);
      const criteria = ranges(ast.criteria);
      return added(spellings(ast.criteria, ast.value).flatMap((s) => criteria.map((r, i) => `SUMIF(${r},${s},${sums[i]})`)));
    }
    case "sumComplete": {
      const sums = ranges(ast.column);
      const others = ranges(ast.other);
      // A cell is summed only when every criterion holds on its row (learn.microsoft.com, WorksheetFunction.SumIfs;
      // MS-OI29500 §18.17.7.308: the ranges have one size and shape). A numeric criterion such as ">=0" compares
      // numbers only and ignores text and blanks, unlike A1>=0: so "8/8", a blank, an error and a negative
      // number leave the row out of both sides. The tests check an independent formula engine and LibreOffice agree.
      return added(sums.map((r, i) => `SUMIFS(${r},${r},">=0",${others[i]},">=0")`));
    }
    case "target": {
      const target = present(ctx.target(ast.indicator));
      return typeof target === "number" ? numberLiteral(target) : target;
    }
    case "unitCell":
      throw new Error(`${ast.column.sheet}.${ast.column.field} names another sheet's row: a validation rule is evaluated, never compiled`);
  }
}

/** Where Excel could meet an error: a division by zero, a target cell that is empty or text, an error value in a summed range. */
function mayFail(ast: Ast): boolean {
  switch (ast.type) {
    case "binary":
      return ast.op === "/" || mayFail(ast.left) || mayFail(ast.right);
    case "negate":
      return mayFail(ast.operand);
    case "target":
    case "sum":
    case "sumif":
    case "sumComplete":
      return true;
    case "number":
    case "field":
    case "count":
    case "countif":
    case "unitCell":
      return false;
  }
}

/**
 * The Excel formula (without "=") that computes what evaluate() computes, giving "" wherever evaluate
 * gives null. A reference that cannot be made (a missing column or sheet, no target) makes it just "".
 */
export function compile(ast: Ast, ctx: CompileContext): string {
  const rowCells: string[] = [];
  let body: string;
  try {
    body = formula(ast, ctx, rowCells);
  } catch (e) {
    if (e instanceof MissingReference) return '""';
    throw e;
  }
  if (mayFail(ast)) body = `IFERROR(${body},"")`;
  // MIN is asked only once COUNT has found every cell a number, since an error value would give the error.
  if (rowCells.length > 0 && ctx.blankBelowZero) body = `IF(MIN(${rowCells.join(",")})<0,"",${body})`;
  // COUNT counts only the cells that hold numbers, so text, booleans, blanks and errors all give "".
  if (rowCells.length > 0) body = `IF(COUNT(${rowCells.join(",")})=${rowCells.length},${body},"")`;
  return body;
}
