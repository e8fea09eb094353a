import type { Ast, ColumnRef, Mode } from "./ast";

export type ParseResult = { ok: true; ast: Ast } | { ok: false; error: string; position: number };

type Token =
  | { kind: "number"; value: number; position: number }
  | { kind: "string"; value: string; position: number }
  | { kind: "name"; value: string; position: number }
  | { kind: "punct"; value: string; position: number }
  | { kind: "end"; position: number };

type Arg =
  | { kind: "column"; column: ColumnRef; position: number }
  | { kind: "name"; name: string; position: number }
  | { kind: "string"; value: string; position: number };

type Param = "column" | "sheet" | "criterion" | "indicator";

const SIGNATURES: Record<string, Param[]> = {
  SUM: ["column"],
  COUNT: ["sheet"],
  COUNTIF: ["column", "criterion"],
  SUMIF: ["column", "column", "criterion"],
  SUMCOMPLETE: ["column", "column"],
  TARGET: ["indicator"],
};

const DESCRIBED: Record<Param, string> = {
  column: "a column such as S1.members",
  sheet: "a sheet id such as S1",
  criterion: "a criterion in double quotes",
  indicator: "an indicator id such as C5",
};

const SHEET_ID = /^S[0-9]+$/;
const INDICATOR_ID = /^[A-Z][0-9]+$/;
const NUMBER = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

// Both limits keep the recursive walks (parse, evaluate, compile) far from the stack's end, so hostile
// input gets an error instead of a crash; real definitions are a few dozen characters long.
const MAX_LENGTH = 4000;
const MAX_NESTING = 100;

class ParseError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const number = matchAt(NUMBER, text, i);
    const name = number ? null : matchAt(NAME, text, i);
    if (/\s/.test(ch)) {
      i++;
    } else if (number) {
      const value = Number(number[0]);
      if (!Number.isFinite(value)) throw new ParseError(`number ${number[0]} is too large`, i);
      tokens.push({ kind: "number", value, position: i });
      i += number[0].length;
    } else if (name) {
      tokens.push({ kind: "name", value: name[0], position: i });
      i += name[0].length;
    } else if (ch === '"') {
      const end = stringEnd(text, i);
      tokens.push({ kind: "string", value: text.slice(i + 1, end).replaceAll('""', '"'), position: i });
      i = end + 1;
    } else if ("+-*/(),.".includes(ch)) {
      tokens.push({ kind: "punct", value: ch, position: i });
      i++;
    } else {
      throw new ParseError(`unexpected character "${ch}"`, i);
    }
  }
  tokens.push({ kind: "end", position: text.length });
  return tokens;
}

function matchAt(sticky: RegExp, text: string, at: number): RegExpExecArray | null {
  sticky.lastIndex = at;
  return sticky.exec(text);
}

/** The index of the quote closing the string that opens at `start`; `""` inside is an escaped quote. */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  for (;;) {
    if (j >= text.length) throw new ParseError("unterminated string", start);
    if (text[j] === '"' && text[j + 1] === '"') j += 2;
    else if (text[j] === '"') return j;
    else j++;
  }
}

class Parser {
  private index = 0;
  private nesting = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly mode: Mode,
  ) {}

  parseAll(): Ast {
    const ast = this.expression();
    const t = this.peek();
    if (t.kind !== "end") throw new ParseError("unexpected text after the expression", t.position);
    return ast;
  }

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

  private expectPunct(value: string, message = `expected "${value}"`): void {
    const t = this.next();
    if (t.kind !== "punct" || t.value !== value) throw new ParseError(message, t.position);
  }

  private expression(): Ast {
    let left = this.term();
    while (this.isPunct("+") || this.isPunct("-")) {
      const op = this.next() as { value: "+" | "-" };
      left = { type: "binary", op: op.value, left, right: this.term() };
    }
    return left;
  }

  private term(): Ast {
    let left = this.unary();
    while (this.isPunct("*") || this.isPunct("/")) {
      const op = this.next() as { value: "*" | "/" };
      left = { type: "binary", op: op.value, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Ast {
    if (!this.isPunct("-")) return this.primary();
    const minus = this.next();
    return this.nested(minus.position, () => ({ type: "negate", operand: this.unary() }));
  }

  private nested<T>(position: number, parse: () => T): T {
    if (++this.nesting > MAX_NESTING) throw new ParseError(`expression nested more than ${MAX_NESTING} levels deep`, position);
    const result = parse();
    this.nesting--;
    return result;
  }

  private primary(): Ast {
    const t = this.next();
    switch (t.kind) {
      case "number":
        return { type: "number", value: t.value };
      case "string":
        throw new ParseError("a string is only allowed as a COUNTIF or SUMIF criterion", t.position);
      case "end":
        throw new ParseError("unexpected end of expression", t.position);
      case "punct":
        if (t.value !== "(") throw new ParseError(`unexpected "${t.value}"`, t.position);
        return this.nested(t.position, () => {
          const inner = this.expression();
          this.expectPunct(")", `expected ")" to close the "(" at ${t.position}`);
          return inner;
        });
      case "name":
        if (this.isPunct("(")) return this.call(t.value, t.position);
        if (this.isPunct(".") && this.mode === "rule") return { type: "unitCell", column: this.column(this.columnArg(t)) };
        if (this.isPunct(".")) {
          throw new ParseError(
            this.mode === "row"
              ? `a sheet column such as ${t.value}.… is not allowed in a row expression, which uses the bare field names of its own sheet`
              : `a column such as ${t.value}.… is only allowed inside SUM, COUNTIF or SUMIF`,
            t.position,
          );
        }
        if (this.mode === "aggregate") throw new ParseError(`field "${t.value}" needs a sheet and an aggregate, e.g. SUM(S1.${t.value})`, t.position);
        return { type: "field", name: t.value };
    }
  }

  private call(rawName: string, position: number): Ast {
    const name = rawName.toUpperCase();
    const params = SIGNATURES[name];
    if (params === undefined) throw new ParseError(`unknown function ${rawName}`, position);
    if (this.mode === "rule") throw new ParseError(`${name} is not allowed in a validation rule, which compares the row's fields and numbers`, position);
    if (name !== "TARGET" && this.mode === "row") throw new ParseError(`${name} is only allowed in indicators, not in a row expression`, position);
    this.next();
    const args: Arg[] = [];
    const commas: number[] = [];
    if (!this.isPunct(")")) {
      args.push(this.arg());
      while (this.isPunct(",")) {
        commas.push(this.next().position);
        args.push(this.arg());
      }
    }
    const close = this.peek();
    this.expectPunct(")", `expected "," or ")"`);
    if (args.length !== params.length) {
      const signature = `${name} takes ${params.length === 1 ? "1 argument" : `${params.length} arguments`}: ${params.map((p) => DESCRIBED[p]).join(", ")}`;
      throw new ParseError(signature, args.length > params.length ? commas[params.length - 1] : close.position);
    }
    switch (name) {
      case "SUM":
        return { type: "sum", column: this.column(args[0]) };
      case "COUNT":
        return { type: "count", sheet: this.id(args[0], "sheet", SHEET_ID) };
      case "COUNTIF":
        return { type: "countif", column: this.column(args[0]), value: this.criterion(args[1]) };
      case "SUMIF": {
        const sum = this.column(args[0]);
        const criteria = this.column(args[1]);
        // Excel pairs the two ranges row by row, so they must be the same rows of the same sheet.
        if (criteria.sheet !== sum.sheet) throw new ParseError(`SUMIF's two columns must be on one sheet, not ${sum.sheet} and ${criteria.sheet}`, args[1].position);
        return { type: "sumif", sum, criteria, value: this.criterion(args[2]) };
      }
      case "SUMCOMPLETE": {
        const column = this.column(args[0]);
        const other = this.column(args[1]);
        if (other.sheet !== column.sheet) throw new ParseError(`SUMCOMPLETE's two columns must be on one sheet, not ${column.sheet} and ${other.sheet}`, args[1].position);
        return { type: "sumComplete", column, other };
      }
      default:
        return { type: "target", indicator: this.id(args[0], "indicator", INDICATOR_ID) };
    }
  }

  private arg(): Arg {
    const t = this.next();
    if (t.kind === "string") return { kind: "string", value: t.value, position: t.position };
    if (t.kind !== "name") throw new ParseError("expected an argument: a column, a sheet id, an indicator id or a string", t.position);
    if (!this.isPunct(".")) return { kind: "name", name: t.value, position: t.position };
    return this.columnArg(t);
  }

  /** `S1.members`, the "." next. */
  private columnArg(sheet: Extract<Token, { kind: "name" }>): Arg {
    this.next();
    const field = this.next();
    if (field.kind !== "name") throw new ParseError(`expected a field name after "${sheet.value}."`, field.position);
    return { kind: "column", column: { sheet: sheet.value, field: field.value }, position: sheet.position };
  }

  private column(arg: Arg): ColumnRef {
    if (arg.kind !== "column") throw new ParseError(`expected ${DESCRIBED.column}`, arg.position);
    if (!SHEET_ID.test(arg.column.sheet)) throw new ParseError(`expected a sheet id such as S1, not "${arg.column.sheet}"`, arg.position);
    return arg.column;
  }

  private id(arg: Arg, param: "sheet" | "indicator", pattern: RegExp): string {
    if (arg.kind !== "name" || !pattern.test(arg.name)) throw new ParseError(`expected ${DESCRIBED[param]}`, arg.position);
    return arg.name;
  }

  private criterion(arg: Arg): string {
    if (arg.kind !== "string") throw new ParseError(`expected ${DESCRIBED.criterion}`, arg.position);
    // Excel's COUNTIF reads "" as "blank cells", which is not a choice a cell can hold.
    if (arg.value === "") throw new ParseError("a criterion must not be empty", arg.position);
    return arg.value;
  }
}

/** Parses without eval; bad input gives an error with its position, never an exception. */
export function parse(text: string, mode: Mode): ParseResult {
  if (text.length > MAX_LENGTH) return { ok: false, error: `expression longer than ${MAX_LENGTH} characters`, position: MAX_LENGTH };
  try {
    return { ok: true, ast: new Parser(tokenize(text), mode).parseAll() };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message, position: e.position };
    throw e;
  }
}
