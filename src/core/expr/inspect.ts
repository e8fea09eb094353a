import type { Ast, ColumnRef } from "./ast";

function walk(ast: Ast, visit: (node: Ast) => void): void {
  visit(ast);
  switch (ast.type) {
    case "negate":
      walk(ast.operand, visit);
      return;
    case "binary":
      walk(ast.left, visit);
      walk(ast.right, visit);
      return;
    default:
      return;
  }
}

function unique<T>(items: T[], key: (t: T) => string = String): T[] {
  const seen = new Set<string>();
  return items.filter((t) => !seen.has(key(t)) && seen.add(key(t)));
}

export function referencedFields(ast: Ast): string[] {
  const fields: string[] = [];
  walk(ast, (n) => n.type === "field" && fields.push(n.name));
  return unique(fields);
}

export function referencedColumns(ast: Ast): ColumnRef[] {
  const columns: ColumnRef[] = [];
  walk(ast, (n) => {
    if (n.type === "sum" || n.type === "countif") columns.push(n.column);
    if (n.type === "sumif") columns.push(n.sum, n.criteria);
    if (n.type === "sumComplete") columns.push(n.column, n.other);
    if (n.type === "unitCell") columns.push(n.column);
  });
  return unique(columns, (c) => `${c.sheet}.${c.field}`);
}

export function referencedSheets(ast: Ast): string[] {
  const sheets: string[] = referencedColumns(ast).map((c) => c.sheet);
  walk(ast, (n) => n.type === "count" && sheets.push(n.sheet));
  return unique(sheets);
}

/** Sheets whose rows are counted (COUNT(S1) counts the rows whose key cell is filled in). */
export function countedSheets(ast: Ast): string[] {
  const sheets: string[] = [];
  walk(ast, (n) => n.type === "count" && sheets.push(n.sheet));
  return unique(sheets);
}

export function referencedTargets(ast: Ast): string[] {
  const ids: string[] = [];
  walk(ast, (n) => n.type === "target" && ids.push(n.indicator));
  return unique(ids);
}

/** A ratio's parts, where the expression is a division at its top. */
export function splitDivision(ast: Ast): { numerator: Ast; denominator: Ast } | null {
  if (ast.type === "binary" && ast.op === "/") {
    // `a / b / TARGET(C5)` is a ratio of a ratio: its numerator and denominator are those of a / b.
    if (ast.left.type === "binary" && ast.left.op === "/" && ast.right.type === "target") return splitDivision(ast.left);
    return { numerator: ast.left, denominator: ast.right };
  }
  return null;
}

/** Source text that parses back to the same tree. */
export function toSource(ast: Ast): string {
  const col = (c: ColumnRef) => `${c.sheet}.${c.field}`;
  const str = (s: string) => `"${s.replace(/"/g, '""')}"`;
  switch (ast.type) {
    case "number":
      return String(ast.value);
    case "field":
      return ast.name;
    case "negate":
      return `-(${toSource(ast.operand)})`;
    case "binary":
      return `(${toSource(ast.left)} ${ast.op} ${toSource(ast.right)})`;
    case "sum":
      return `SUM(${col(ast.column)})`;
    case "count":
      return `COUNT(${ast.sheet})`;
    case "countif":
      return `COUNTIF(${col(ast.column)}, ${str(ast.value)})`;
    case "sumif":
      return `SUMIF(${col(ast.sum)}, ${col(ast.criteria)}, ${str(ast.value)})`;
    case "sumComplete":
      return `SUMCOMPLETE(${col(ast.column)}, ${col(ast.other)})`;
    case "target":
      return `TARGET(${ast.indicator})`;
    case "unitCell":
      return col(ast.column);
  }
}
