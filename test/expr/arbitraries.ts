import fc from "fast-check";
import type { Ast, BinaryOp, ColumnRef } from "../../src/core/expr";

/** Trees of + − × ÷ and negation over the given leaves. */
export function expressionOf(leaf: fc.Arbitrary<Ast>, maxDepth = 4): fc.Arbitrary<Ast> {
  return fc.letrec<{ ast: Ast }>((tie) => ({
    ast: fc.oneof(
      { maxDepth, depthSize: "small", withCrossShrink: true },
      leaf,
      tie("ast").map((operand): Ast => ({ type: "negate", operand })),
      fc
        .record({ op: fc.constantFrom<BinaryOp>("+", "-", "*", "/"), left: tie("ast"), right: tie("ast") })
        .map((b): Ast => ({ type: "binary", ...b })),
    ),
  })).ast;
}

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/);
const sheet = fc.integer({ min: 1, max: 9 }).map((n) => `S${n}`);
const column = fc.record({ sheet, field: identifier });
const criterion = fc.string({ minLength: 1, maxLength: 8, unit: "binary" });
// +0 turns a generated -0 into 0: the source language has no negative literals, only negation.
const literal = fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true })).map((value): Ast => ({ type: "number", value: value + 0 }));
const target = fc.stringMatching(/^[A-Z][0-9]{1,2}$/).map((indicator): Ast => ({ type: "target", indicator }));

export const rowAst = expressionOf(fc.oneof(literal, identifier.map((name): Ast => ({ type: "field", name })), target));

export const aggregateAst = expressionOf(
  fc.oneof(
    literal,
    target,
    column.map((c): Ast => ({ type: "sum", column: c })),
    sheet.map((s): Ast => ({ type: "count", sheet: s })),
    fc.record({ column, value: criterion }).map((r): Ast => ({ type: "countif", ...r })),
    fc
      .record({ sheet, sum: identifier, criteria: identifier, value: criterion })
      .map((r): Ast => ({ type: "sumif", sum: { sheet: r.sheet, field: r.sum }, criteria: { sheet: r.sheet, field: r.criteria }, value: r.value })),
  ),
);

const PRECEDENCE: Record<BinaryOp, number> = { "+": 1, "-": 1, "*": 2, "/": 2 };

/** Source text with no more parentheses than the grammar needs: the parser's own precedence and associativity decide the rest. */
export function printSource(ast: Ast): string {
  const col = (c: ColumnRef) => `${c.sheet}.${c.field}`;
  const str = (s: string) => `"${s.replace(/"/g, '""')}"`;
  switch (ast.type) {
    case "number":
      return String(ast.value);
    case "field":
      return ast.name;
    case "negate":
      return ast.operand.type === "binary" ? `-(${printSource(ast.operand)})` : `-${printSource(ast.operand)}`;
    case "binary": {
      const p = PRECEDENCE[ast.op];
      const left = printSource(ast.left);
      const right = printSource(ast.right);
      const groupLeft = ast.left.type === "binary" && PRECEDENCE[ast.left.op] < p;
      const groupRight = ast.right.type === "binary" && PRECEDENCE[ast.right.op] <= p;
      return `${groupLeft ? `(${left})` : left} ${ast.op} ${groupRight ? `(${right})` : right}`;
    }
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
