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
  /** The column's sum over the rows where it and `other` both hold a number ≥ 0: a ratio's two sides on complete rows. */
  | { type: "sumComplete"; column: ColumnRef; other: ColumnRef }
  | { type: "target"; indicator: string }
  /** A validation rule's `S1.members`: the cell of that column on the same unit's row of another sheet. Evaluated only, never compiled. */
  | { type: "unitCell"; column: ColumnRef };

/** row: a calculated column; aggregate: an indicator; rule: a validation rule, a row expression that may also name `S1.members`. */
export type Mode = "row" | "aggregate" | "rule";
