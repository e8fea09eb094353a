import type { Ast, BinaryOp, ColumnRef } from "./ast";
import type { CompileContext } from "./context";

export function columnLetter(index0: number): string {
  let n = index0 + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellAddress(row0: number, col0: number): string {
  return `${columnLetter(col0)}${row0 + 1}`;
}

/** Always quoted, so names with spaces, diacritics or digits need no special case; an apostrophe is doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function absoluteRange(sheet: string, col0: number, firstRow0: number, lastRow0: number): string {
  const c = columnLetter(col0);
  return `${quoteSheetName(sheet)}!$${c}$${firstRow0 + 1}:$${c}$${lastRow0 + 1}`;
}

export function excelString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** COUNTIF criteria are patterns: wildcards are escaped, and a leading comparison sign is made literal. */
function criterion(value: string): string {
  const escaped = value.replace(/[~*?]/g, (ch) => `~${ch}`);
  return excelString(/^[=<>]/.test(escaped) ? `=${escaped}` : escaped);
}

function numberLiteral(value: number): string {
  return String(value).replace("e", "E");
}

class Missing extends Error {}

const PRECEDENCE: Record<BinaryOp, number> = { "+": 1, "-": 1, "*": 2, "/": 2 };

function hasDivisionOrTarget(ast: Ast): boolean {
  switch (ast.type) {
    case "binary":
      return ast.op === "/" || hasDivisionOrTarget(ast.left) || hasDivisionOrTarget(ast.right);
    case "negate":
      return hasDivisionOrTarget(ast.operand);
    case "target":
      return true;
    default:
      return false;
  }
}

function isAggregate(ast: Ast): boolean {
  switch (ast.type) {
    case "binary":
      return isAggregate(ast.left) || isAggregate(ast.right);
    case "negate":
      return isAggregate(ast.operand);
    case "sum":
    case "count":
    case "countif":
    case "sumif":
      return true;
    default:
      return false;
  }
}

function print(ast: Ast, ctx: CompileContext, rowCells: string[]): string {
  const range = (ref: ColumnRef) => ctx.columnRange?.(ref.sheet, ref.field) ?? fail();
  const fail = (): never => {
    throw new Missing();
  };
  switch (ast.type) {
    case "number":
      return numberLiteral(ast.value);
    case "field": {
      const cell = ctx.rowCell?.(ast.name) ?? fail();
      if (!rowCells.includes(cell)) rowCells.push(cell);
      return cell;
    }
    case "negate": {
      const operand = print(ast.operand, ctx, rowCells);
      return ast.operand.type === "binary" || ast.operand.type === "negate" ? `-(${operand})` : `-${operand}`;
    }
    case "binary": {
      const p = PRECEDENCE[ast.op];
      let left = print(ast.left, ctx, rowCells);
      let right = print(ast.right, ctx, rowCells);
      if (ast.left.type === "binary" && PRECEDENCE[ast.left.op] < p) left = `(${left})`;
      // Parenthesise a same-level right operand too: a+(b-c) is not (a+b)-c in floating point.
      if ((ast.right.type === "binary" && PRECEDENCE[ast.right.op] <= p) || ast.right.type === "negate") right = `(${right})`;
      return `${left}${ast.op}${right}`;
    }
    case "sum":
      return `SUM(${range(ast.column)})`;
    case "count":
      return `COUNTA(${ctx.keyRange?.(ast.sheet) ?? fail()})`;
    case "countif": {
      const r = range(ast.column);
      const parts = ctx.choiceSpellings(ast.column.sheet, ast.column.field, ast.value).map((s) => `COUNTIF(${r},${criterion(s)})`);
      return parts.length === 1 ? parts[0] : `(${parts.join("+")})`;
    }
    case "sumif": {
      const sums = range(ast.sum);
      const criteria = range(ast.criteria);
      const parts = ctx.choiceSpellings(ast.criteria.sheet, ast.criteria.field, ast.value).map((s) => `SUMIF(${criteria},${criterion(s)},${sums})`);
      return parts.length === 1 ? parts[0] : `(${parts.join("+")})`;
    }
    case "target": {
      const target = ctx.target(ast.indicator);
      if (target === null) return fail();
      return typeof target === "number" ? numberLiteral(target) : target;
    }
  }
}

/**
 * The Excel formula (without "=") that computes what evaluate() computes: "" wherever evaluate gives null.
 * A reference that cannot be made (a missing column or sheet) makes the whole formula "".
 */
export function compile(ast: Ast, ctx: CompileContext): string {
  const rowCells: string[] = [];
  let body: string;
  try {
    body = print(ast, ctx, rowCells);
  } catch (e) {
    if (e instanceof Missing) return '""';
    throw e;
  }
  if (hasDivisionOrTarget(ast) || isAggregate(ast)) body = `IFERROR(${body},"")`;
  if (rowCells.length > 0) body = `IF(COUNT(${rowCells.join(",")})=${rowCells.length},${body},"")`;
  return body;
}
