import type { Ast, ColumnRef, Mode } from "./ast";

export type ParseResult = { ok: true; ast: Ast } | { ok: false; error: string; position: number };

type Token =
  | { kind: "number"; value: number; position: number }
  | { kind: "string"; value: string; position: number }
  | { kind: "name"; value: string; position: number }
  | { kind: "punct"; value: string; position: number }
  | { kind: "end"; position: number };

class SyntaxError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i))!;
      tokens.push({ kind: "number", value: Number(m[0]), position: i });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      tokens.push({ kind: "name", value: m[0], position: i });
      i += m[0].length;
    } else if (ch === '"') {
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new SyntaxError("unterminated string", i);
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += text[j++];
      }
      tokens.push({ kind: "string", value, position: i });
      i = j + 1;
    } else if ("+-*/(),.".includes(ch)) {
      tokens.push({ kind: "punct", value: ch, position: i });
      i++;
    } else {
      throw new SyntaxError(`unexpected character "${ch}"`, i);
    }
  }
  tokens.push({ kind: "end", position: text.length });
  return tokens;
}

const FUNCTIONS: Record<string, number> = { SUM: 1, COUNT: 1, COUNTIF: 2, SUMIF: 3, TARGET: 1 };
const SHEET_ID = /^S[0-9]+$/;
const INDICATOR_ID = /^[A-Z][0-9]+$/;

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[], private readonly mode: Mode) {}

  private peek(): Token {
    return this.tokens[this.index];
  }
  private next(): Token {
    return this.tokens[this.index++];
  }
  private isPunct(value: string): boolean {
    const t = this.peek();
    return t.kind === "punct" && t.value === value;
  }
  private expectPunct(value: string): void {
    const t = this.next();
    if (t.kind !== "punct" || t.value !== value) throw new SyntaxError(`expected "${value}"`, t.position);
  }

  parseAll(): Ast {
    const ast = this.expression();
    const t = this.peek();
    if (t.kind !== "end") throw new SyntaxError("unexpected text after the expression", t.position);
    return ast;
  }

  private expression(): Ast {
    let left = this.term();
    while (this.isPunct("+") || this.isPunct("-")) {
      const op = (this.next() as { value: "+" | "-" }).value;
      left = { type: "binary", op, left, right: this.term() };
    }
    return left;
  }

  private term(): Ast {
    let left = this.factor();
    while (this.isPunct("*") || this.isPunct("/")) {
      const op = (this.next() as { value: "*" | "/" }).value;
      left = { type: "binary", op, left, right: this.factor() };
    }
    return left;
  }

  private factor(): Ast {
    const t = this.next();
    switch (t.kind) {
      case "number":
        return { type: "number", value: t.value };
      case "punct":
        if (t.value === "-") return { type: "negate", operand: this.factor() };
        if (t.value === "(") {
          const inner = this.expression();
          this.expectPunct(")");
          return inner;
        }
        throw new SyntaxError(`unexpected "${t.value}"`, t.position);
      case "string":
        throw new SyntaxError("a string is only allowed as a COUNTIF or SUMIF criterion", t.position);
      case "end":
        throw new SyntaxError("unexpected end of expression", t.position);
      case "name":
        if (this.isPunct("(")) return this.call(t.value, t.position);
        if (this.isPunct(".")) throw new SyntaxError(`a column such as ${t.value}.x is only allowed inside SUM, COUNTIF or SUMIF`, t.position);
        if (this.mode === "aggregate") throw new SyntaxError(`field "${t.value}" needs a sheet and an aggregate, e.g. SUM(S1.${t.value})`, t.position);
        return { type: "field", name: t.value };
    }
  }

  private call(rawName: string, position: number): Ast {
    const name = rawName.toUpperCase();
    const arity = FUNCTIONS[name];
    if (arity === undefined) throw new SyntaxError(`unknown function ${rawName}`, position);
    if (name !== "TARGET" && this.mode === "row") throw new SyntaxError(`${name} is only allowed in indicators, not in a row expression`, position);
    this.expectPunct("(");
    let node: Ast;
    switch (name) {
      case "SUM":
        node = { type: "sum", column: this.column() };
        break;
      case "COUNT":
        node = { type: "count", sheet: this.sheetId() };
        break;
      case "COUNTIF": {
        const column = this.column();
        this.expectPunct(",");
        node = { type: "countif", column, value: this.string() };
        break;
      }
      case "SUMIF": {
        const sum = this.column();
        this.expectPunct(",");
        const criteria = this.column();
        this.expectPunct(",");
        node = { type: "sumif", sum, criteria, value: this.string() };
        break;
      }
      default: {
        const t = this.next();
        if (t.kind !== "name" || !INDICATOR_ID.test(t.value)) throw new SyntaxError("TARGET takes an indicator id such as C5", t.position);
        node = { type: "target", indicator: t.value };
      }
    }
    const t = this.peek();
    if (t.kind === "punct" && t.value === ",") throw new SyntaxError(`${name} takes ${arity} argument${arity > 1 ? "s" : ""}`, t.position);
    this.expectPunct(")");
    return node;
  }

  private sheetId(): string {
    const t = this.next();
    if (t.kind !== "name" || !SHEET_ID.test(t.value)) throw new SyntaxError("expected a sheet id such as S1", t.position);
    return t.value;
  }

  private column(): ColumnRef {
    const sheet = this.sheetId();
    this.expectPunct(".");
    const t = this.next();
    if (t.kind !== "name") throw new SyntaxError("expected a field name after the sheet id", t.position);
    return { sheet, field: t.value };
  }

  private string(): string {
    const t = this.next();
    if (t.kind !== "string") throw new SyntaxError("expected a string in double quotes", t.position);
    return t.value;
  }
}

/** Parses without eval; bad input gives an error with its position, never an exception. */
export function parse(text: string, mode: Mode): ParseResult {
  try {
    return { ok: true, ast: new Parser(tokenize(text), mode).parseAll() };
  } catch (e) {
    if (e instanceof SyntaxError) return { ok: false, error: e.message, position: e.position };
    throw e;
  }
}
