import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { type Ast, type Mode, absoluteRange, compile, evaluate, parse, quoteSheetName } from "../../src/core/expr";
import { address as cellAddress } from "../../src/core/a1";
import type { CompileContext, EvalContext } from "../../src/core/expr/context";
import { type CellValue, isErrorValue } from "../../src/core/model";
import { expressionOf, printSource } from "./arbitraries";

/**
 * evaluate() against the formula compile() writes, computed by an independent spreadsheet engine
 * (HyperFormula, GPL: test-only). Two data sheets, named as awkwardly as real ones; S3 is missing.
 */
interface SheetSpec {
  name: string;
  fields: string[]; // the first is the key column
  headerRows: number;
}

const SHEETS: Record<string, SheetSpec> = {
  S1: { name: "Tổ chức đảng", fields: ["name", "a", "b", "c", "kind"], headerRows: 2 },
  S2: { name: "Chi bộ 'mẫu'", fields: ["key", "founded", "kind"], headerRows: 1 },
};
const SUMMARY = "Tổng hợp";
const TARGET_CELL = { row: 0, col: 25 }; // Z1 on the summary sheet holds D8's target

type Tables = Record<string, CellValue[][]>;

interface World {
  tables: Tables;
  /** C5's target is written into formulas as a number, D8's as a reference to a cell; A1 has none. */
  targets: { C5: number; D8: number };
}

const spellings = (_sheet: string | null, _field: string, value: string) => {
  if (value === "Chi bộ đảng") return ["Chi bộ đảng", "Chi bộ"];
  if (value === "Đoàn") return ["Đoàn", "đoàn"];
  return [value];
};

function evalContext(world: World, row: number): EvalContext {
  const column = (sheetId: string, field: string) => {
    const spec = SHEETS[sheetId];
    const col = spec?.fields.indexOf(field) ?? -1;
    return col < 0 ? undefined : world.tables[sheetId].map((r) => r[col]);
  };
  return {
    rowValue: (field) => column("S1", field)?.[row],
    columnValues: column,
    rowCount: (sheetId) => (SHEETS[sheetId] ? world.tables[sheetId].filter((r) => r[0] !== null).length : undefined),
    choiceSpellings: spellings,
    target: (id) => (id === "C5" ? world.targets.C5 : id === "D8" ? world.targets.D8 : null),
  };
}

function compileContext(world: World, row: number): CompileContext {
  const range = (sheetId: string, col: number) => {
    const spec = SHEETS[sheetId];
    const rows = world.tables[sheetId].length;
    return absoluteRange(spec.name, col, spec.headerRows, spec.headerRows + rows - 1);
  };
  return {
    rowCell: (field) => {
      const col = SHEETS.S1.fields.indexOf(field);
      return col < 0 ? null : cellAddress(SHEETS.S1.headerRows + row, col);
    },
    columnRange: (sheetId, field) => {
      const col = SHEETS[sheetId]?.fields.indexOf(field) ?? -1;
      return col < 0 ? null : range(sheetId, col);
    },
    keyRange: (sheetId) => (SHEETS[sheetId] ? range(sheetId, 0) : null),
    choiceSpellings: spellings,
    target: (id) =>
      id === "C5" ? world.targets.C5 : id === "D8" ? `${quoteSheetName(SUMMARY)}!$${String.fromCharCode(65 + TARGET_CELL.col)}$${TARGET_CELL.row + 1}` : null,
  };
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A cell as HyperFormula takes it: text behind an apostrophe, so "12" stays text as it does in Excel. */
function sheetCell(value: CellValue): unknown {
  if (typeof value === "string") return `'${value}`;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if (isErrorValue(value)) return value.error;
  return value;
}

interface Check {
  text: string;
  mode: Mode;
  ast: Ast;
  /** Row mode: a negative field blanks the row (a calculated column over counts). */
  blankBelowZero?: boolean;
}

/** Every row check is written on every data row of S1, to the right of the data; aggregate checks go on the summary sheet. */
function spreadsheetValues(world: World, checks: Check[]): { formula: string; value: unknown; expected: number | null; label: string }[] {
  const sheets: Record<string, unknown[][]> = {};
  for (const [id, spec] of Object.entries(SHEETS)) {
    const header = Array.from({ length: spec.headerRows }, (_, i) => spec.fields.map((f) => `${f} ${i}`));
    sheets[spec.name] = [...header, ...world.tables[id].map((r) => r.map(sheetCell))];
  }
  const summary: unknown[][] = [[]];
  summary[TARGET_CELL.row][TARGET_CELL.col] = world.targets.D8;
  sheets[SUMMARY] = summary;

  const placed: { sheet: string; row: number; col: number; formula: string; expected: number | null; label: string }[] = [];
  checks.forEach((check, k) => {
    if (check.mode === "row") {
      world.tables.S1.forEach((_, r) => {
        const blankBelowZero = check.blankBelowZero ?? false;
        const formula = compile(check.ast, { ...compileContext(world, r), blankBelowZero });
        const at = { sheet: SHEETS.S1.name, row: SHEETS.S1.headerRows + r, col: SHEETS.S1.fields.length + 1 + k };
        placed.push({ ...at, formula, expected: evaluate(check.ast, { ...evalContext(world, r), blankBelowZero }), label: `${check.text} on data row ${r}` });
      });
    } else {
      const formula = compile(check.ast, compileContext(world, 0));
      placed.push({ sheet: SUMMARY, row: k + 1, col: 0, formula, expected: evaluate(check.ast, evalContext(world, 0)), label: check.text });
    }
  });
  for (const p of placed) {
    const rows = sheets[p.sheet];
    while (rows.length <= p.row) rows.push([]);
    rows[p.row][p.col] = `=${p.formula}`;
  }
  const hf = HyperFormula.buildFromSheets(
    Object.fromEntries(Object.entries(sheets).map(([name, rows]) => [name, rows.map((r) => Array.from(r, (v) => v ?? null))])) as never,
    {
      licenseKey: "gpl-v3",
      accentSensitive: true,
      caseSensitive: false,
      useWildcards: true,
      matchWholeCell: true,
      // Plain IEEE arithmetic, as evaluate() does: HyperFormula otherwise imitates Excel's display-level
      // snapping of near-zero sums to 0 and rounds what it returns to 14 digits.
      smartRounding: false,
    },
  );
  try {
    return placed.map((p) => ({ ...p, value: hf.getCellValue({ sheet: hf.getSheetId(p.sheet)!, row: p.row, col: p.col }) }));
  } finally {
    hf.destroy();
  }
}

function agrees(expected: number | null, value: unknown): boolean {
  if (expected === null) return value === "";
  return typeof value === "number" && (value === expected || Math.abs(value - expected) <= 1e-12 * Math.abs(expected));
}

function assertAgreement(world: World, checks: Check[]): void {
  for (const r of spreadsheetValues(world, checks)) {
    if (!agrees(r.expected, r.value)) {
      throw new Error(`${r.label}\n  =${r.formula}\n  evaluate: ${r.expected}\n  spreadsheet: ${JSON.stringify(r.value)}`);
    }
  }
}

function check(text: string, mode: Mode): Check {
  const parsed = parse(text, mode);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error}`);
  return { text, mode, ast: parsed.ast };
}

describe("evaluate agrees with the compiled formula in an independent spreadsheet engine", () => {
  const world: World = {
    tables: {
      S1: [
        ["Xã An Hà", 187, 284, 0.8, "Chi bộ đảng"],
        ["Xã Đào Mỹ", 0, 0, "12", "chi bộ"],
        ["TT Vôi", 7, "x", 3, "Chi bộ đảng "],
        [null, 5, 2, { error: "#DIV/0!" }, "Đoàn"],
        ["Xã Tân Thịnh", true, 4, null, "*"],
        ["Xã Hương Lạc", -2.5, 0.1, 0.2, "đoàn"],
      ],
      S2: [
        ["DN 1", 3, "Chi bộ đảng"],
        ["DN 2", "5", "CHI BỘ"],
        ["DN 3", new Date(Date.UTC(2020, 0, 1, 12)), "Công đoàn"],
        ["DN 4", { error: "#N/A" }, "Công đoàn"],
        [null, 2, "a?c"],
        ["DN 6", 4, "abc"],
      ],
    },
    targets: { C5: 0.75, D8: 0.9 },
  };

  it.each<[string, Mode, number | null]>([
    ["a / b", "row", 187 / 284],
    ["a / b / TARGET(C5)", "row", 187 / 284 / 0.75],
    ["a / b / TARGET(D8)", "row", 187 / 284 / 0.9],
    ["a - (b - c)", "row", 187 - (284 - 0.8)],
    ["-a * 2 + b", "row", -374 + 284],
    ["a + nowhere", "row", null],
    ["a + TARGET(A1)", "row", null],
    ["SUM(S1.a)", "aggregate", 187 + 0 + 7 + 5 - 2.5],
    ["SUM(S1.c)", "aggregate", null],
    ["SUM(S2.founded)", "aggregate", null],
    ["COUNT(S1)", "aggregate", 5],
    ["COUNT(S3)", "aggregate", null],
    ['COUNTIF(S1.kind, "Chi bộ đảng")', "aggregate", 2],
    ['COUNTIF(S1.kind, "Đoàn")', "aggregate", 4],
    ['COUNTIF(S1.kind, "*")', "aggregate", 1],
    ['COUNTIF(S2.kind, "a?c")', "aggregate", 1],
    ['SUMIF(S2.founded, S2.kind, "Chi bộ đảng")', "aggregate", 3],
    ['SUMIF(S2.founded, S2.kind, "Công đoàn")', "aggregate", null],
    ['SUMIF(S2.founded, S2.kind, "abc") + SUMIF(S2.founded, S2.kind, "a?c")', "aggregate", 6],
    ['SUMIF(S1.b, S1.kind, "Đoàn") - SUMIF(S1.a, S1.kind, "Đoàn")', "aggregate", (2 + 0.1) * 2 - (5 - 2.5) * 2],
    ['SUMIF(S1.b, S1.kind, "Đoàn") - SUMIF(S1.c, S1.kind, "Đoàn")', "aggregate", null],
    ['COUNTIF(S1.kind, "Chi bộ đảng") / COUNT(S1) * 100', "aggregate", (2 / 5) * 100],
    ["SUM(S1.a) / SUM(S1.b)", "aggregate", (187 + 7 + 5 - 2.5) / (284 + 2 + 4 + 0.1)],
  ])("%s (%s mode) gives %p on the first row, and the formula agrees on every row", (text, mode, firstValue) => {
    const c = check(text, mode);
    if (firstValue === null) expect(evaluate(c.ast, evalContext(world, 0))).toBeNull();
    else expect(evaluate(c.ast, evalContext(world, 0))).toBeCloseTo(firstValue, 12);
    assertAgreement(world, [c]);
  });

  it("blanks a row with a negative count when told to (a calculated column over counts), and agrees on every row", () => {
    const share = { ...check("a / b", "row"), blankBelowZero: true };
    expect(evaluate(share.ast, { ...evalContext(world, 0), blankBelowZero: true })).toBeCloseTo(187 / 284, 12);
    // Row 5 holds a = -2.5: a share of it is no figure, while without the rule it is -25.
    expect(evaluate(share.ast, { ...evalContext(world, 5), blankBelowZero: true })).toBeNull();
    expect(evaluate(share.ast, evalContext(world, 5))).toBeCloseTo(-25, 12);
    expect(compile(share.ast, { ...compileContext(world, 5), blankBelowZero: true })).toBe('IF(COUNT(B8,C8)=2,IF(MIN(B8,C8)<0,"",IFERROR(B8/C8,"")),"")');
    assertAgreement(world, [share, { ...check("-a * 2 + b", "row"), blankBelowZero: true }]);
  });

  it("agrees on a date, which SUM adds as its serial number", () => {
    const dates: World = { ...world, tables: { ...world.tables, S2: world.tables.S2.filter((r) => !isErrorValue(r[1])) } };
    expect(evaluate(check("SUM(S2.founded)", "aggregate").ast, evalContext(dates, 0))).toBe(3 + 43831.5 + 2 + 4);
    assertAgreement(dates, [check("SUM(S2.founded)", "aggregate")]);
  });
});

describe("evaluate agrees with the compiled formula on generated data and expressions (property)", () => {
  const decimal = fc
    .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
    // Values this far apart can overflow a product of quotients: Excel then shows #NUM!, which only a
    // formula with a division catches, while evaluate() gives null. Counts never come near it.
    .map((x) => (Math.abs(x) < 1e-3 ? 0 : x));
  const numberCell = fc.oneof(fc.integer({ min: -50, max: 500 }), fc.constant(0), decimal);
  const text = fc.constantFrom(
    "12",
    "0",
    "abc",
    "Chi bộ đảng",
    "CHI BỘ ĐẢNG",
    "chi bộ",
    "Chi bộ đảng ",
    " Chi bộ",
    "Chi bo dang",
    "Công đoàn",
    "Đoàn",
    "đoàn",
    "*",
    "a?c",
    "abc~",
    "x*y",
    "=x",
    "<5",
  );
  const error = fc.constantFrom("#DIV/0!", "#N/A", "#VALUE!").map((code): CellValue => ({ error: code }));
  const common: fc.Arbitrary<CellValue> = fc.oneof(
    { arbitrary: numberCell, weight: 5 },
    { arbitrary: text, weight: 3 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constant(null), weight: 2 },
    { arbitrary: error, weight: 1 },
  );
  // Dates only on S2, which row expressions never read: evaluate() treats a date in a row field as no
  // number (validation reports it), whereas Excel's COUNT would count it.
  const withDates: fc.Arbitrary<CellValue> = fc.oneof(
    { arbitrary: common, weight: 9 },
    { arbitrary: fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }), weight: 1 },
  );
  // At least two rows: HyperFormula reads a one-cell range such as $B$3:$B$3 as a lone cell and lets its
  // error value through COUNTIF and SUMIF, where Excel ignores it.
  const tables = fc.record({
    S1: fc.array(fc.tuple(common, common, common, common, common), { minLength: 2, maxLength: 6 }),
    S2: fc.array(fc.tuple(withDates, withDates, withDates), { minLength: 2, maxLength: 6 }),
  });
  // C5's target is printed into the formula, so it keeps to the 15 significant digits Excel reads back.
  const world: fc.Arbitrary<World> = fc.record({ tables, targets: fc.record({ C5: numberCell.map((x) => Number(x.toPrecision(15))), D8: numberCell }) });

  // Criteria avoid two things. Excel reads a criterion that looks like a number or a boolean ("12",
  // "TRUE") as that value and counts cells holding it too, unlike evaluate(); choice lists have no such
  // values. And HyperFormula finds a comparison operator anywhere in a criterion (its pattern
  // /([<>=]+)(.*)/ is not anchored), so "a=b" would mean "= b" there, where Excel compares the text.
  const criterion = fc.constantFrom("Chi bộ đảng", "CHI BỘ ĐẢNG", "Chi bộ đảng ", "Công đoàn", "Đoàn", "*", "a?c", "x*y", "abc~", "abc", "chi bộ");
  // Literals of at most 15 significant digits, as Excel reads no more from formula text, and no
  // subnormal ones, which Excel does not have.
  const literal = fc
    .oneof(
      fc.constantFrom(0, 1, 2, 0.5, 100, 1e-7, 0.1, 1.5e-10, 1.25e21),
      fc.integer({ min: 0, max: 1000 }),
      fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => (x < 1e-300 ? 0 : Number(x.toPrecision(15)))),
    )
    .map((value): Ast => ({ type: "number", value: value + 0 }));
  const target = fc.constantFrom("C5", "D8", "A1").map((indicator): Ast => ({ type: "target", indicator }));
  const rowField = fc.oneof(
    { arbitrary: fc.constantFrom(...SHEETS.S1.fields), weight: 9 },
    { arbitrary: fc.constant("nowhere"), weight: 1 },
  );
  const rowExpr = expressionOf(
    fc.oneof({ arbitrary: rowField.map((name): Ast => ({ type: "field", name })), weight: 4 }, { arbitrary: literal, weight: 2 }, { arbitrary: target, weight: 1 }),
    3,
  );

  const sheetFields = fc.oneof(
    { arbitrary: fc.constantFrom("S1", "S2").chain((sheet) => fc.constant({ sheet, fields: SHEETS[sheet].fields })), weight: 9 },
    { arbitrary: fc.constant({ sheet: "S3", fields: ["x"] }), weight: 1 },
  );
  const column = sheetFields.chain(({ sheet, fields }) => fc.constantFrom(...fields, "nowhere").map((field) => ({ sheet, field })));
  const aggregateLeaf = fc.oneof(
    literal,
    target,
    column.map((c): Ast => ({ type: "sum", column: c })),
    fc.constantFrom("S1", "S2", "S3").map((sheet): Ast => ({ type: "count", sheet })),
    fc.record({ column, value: criterion }).map((r): Ast => ({ type: "countif", ...r })),
    sheetFields.chain(({ sheet, fields }) =>
      fc
        .record({ sum: fc.constantFrom(...fields), criteria: fc.constantFrom(...fields), value: criterion })
        .map((r): Ast => ({ type: "sumif", sum: { sheet, field: r.sum }, criteria: { sheet, field: r.criteria }, value: r.value })),
    ),
  );
  const aggregateExpr = expressionOf(aggregateLeaf, 3);

  const checks = fc
    .tuple(fc.array(rowExpr, { minLength: 1, maxLength: 4 }), fc.array(aggregateExpr, { minLength: 1, maxLength: 4 }))
    .map(([rows, aggregates]): Check[] => [
      ...rows.map((ast): Check => ({ text: printSource(ast), mode: "row", ast })),
      ...aggregates.map((ast): Check => ({ text: printSource(ast), mode: "aggregate", ast })),
    ]);

  it("in both modes, on sheets named with spaces, diacritics and an apostrophe", () => {
    fc.assert(
      fc.property(world, checks, (w, cs) => assertAgreement(w, cs)),
      { numRuns: 300 },
    );
  });
});
