/** The expression language's syntax tree: one union, each node tagged by `type`. */
export interface ColumnRef {
  sheet: string;
  field: string;
}

export type BinaryOp = "+" | "-" | "*" | "/";

export type Ast =
  | { type: "number"; value: number }
  | { type: "field"; name: string }
  | { type: "negate"; operand: Ast }
  | { type: "binary"; op: BinaryOp; left: Ast; right: Ast }
  | { type: "sum"; column: ColumnRef }
  | { type: "count"; sheet: string }
  | { type: "countif"; column: ColumnRef; value: string }
  | { type: "sumif"; sum: ColumnRef; criteria: ColumnRef; value: string }
  | { type: "target"; indicator: string };

export type Mode = "row" | "aggregate";
