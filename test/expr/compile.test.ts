import { type Mode, absoluteRange, compile, parse, quoteSheetName } from "../../src/core/expr";
import { address as cellAddress, columnLetter } from "../../src/core/a1";
import type { CompileContext } from "../../src/core/expr/context";

const ROW_CELLS: Record<string, string> = { attending: "E7", members: "F7", villages: "G7" };
const SHEETS: Record<string, { name: string; columns: Record<string, number>; key: number; first: number; last: number }> = {
  S1: { name: "Tổ chức đảng", columns: { members: 4, type: 2 }, key: 1, first: 6, last: 55 },
  S2: { name: "Chi bộ 'mẫu'", columns: { founded: 3, kind: 1 }, key: 0, first: 1, last: 8 },
};
const TARGETS: Record<string, string | number | null> = { C5: "'Chỉ tiêu'!$D$9", D8: 0.5, N1: -2, A1: null };

const ctx: CompileContext = {
  rowCell: (field) => ROW_CELLS[field] ?? null,
  columnRange: (sheetId, field) => {
    const s = SHEETS[sheetId];
    const col = s?.columns[field];
    return col === undefined ? null : absoluteRange(s.name, col, s.first, s.last);
  },
  keyRange: (sheetId) => {
    const s = SHEETS[sheetId];
    return s ? absoluteRange(s.name, s.key, s.first, s.last) : null;
  },
  choiceSpellings: (_sheet, _field, value) => (value === "Chi bộ đảng" ? ["Chi bộ đảng", "Chi bộ"] : value === "none" ? [] : [value]),
  target: (id) => TARGETS[id] ?? null,
};

function compiled(text: string, mode: Mode): string {
  const parsed = parse(text, mode);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error}`);
  return compile(parsed.ast, ctx);
}

const S1_MEMBERS = "'Tổ chức đảng'!$E$7:$E$56";
const S1_TYPE = "'Tổ chức đảng'!$C$7:$C$56";
const S2_FOUNDED = "'Chi bộ ''mẫu'''!$D$2:$D$9";
const S2_KIND = "'Chi bộ ''mẫu'''!$B$2:$B$9";

describe("compile writes the Excel formula", () => {
  it.each<[string, string, Mode, string]>([
    ["guards a row formula so that a non-number gives an empty cell", "attending * members", "row", 'IF(COUNT(E7,F7)=2,E7*F7,"")'],
    ["lists each row cell once in the guard", "attending + attending", "row", 'IF(COUNT(E7)=1,E7+E7,"")'],
    ["catches a division by zero", "attending / members", "row", 'IF(COUNT(E7,F7)=2,IFERROR(E7/F7,""),"")'],
    ["keeps parentheses on the right of a minus", "attending - (members - villages)", "row", 'IF(COUNT(E7,F7,G7)=3,E7-(F7-G7),"")'],
    ["keeps parentheses on the right of a plus, for floating point", "attending + (members + villages)", "row", 'IF(COUNT(E7,F7,G7)=3,E7+(F7+G7),"")'],
    ["keeps parentheses around a product divided into", "attending / (members * villages)", "row", 'IF(COUNT(E7,F7,G7)=3,IFERROR(E7/(F7*G7),""),"")'],
    ["adds parentheses where precedence needs them", "(attending - members) * villages", "row", 'IF(COUNT(E7,F7,G7)=3,(E7-F7)*G7,"")'],
    ["drops parentheses the precedence makes needless", "(attending * members) - (villages / 2)", "row", 'IF(COUNT(E7,F7,G7)=3,IFERROR(E7*F7-G7/2,""),"")'],
    ["negates a group", "-(attending + members)", "row", 'IF(COUNT(E7,F7)=2,-(E7+F7),"")'],
    ["negates a negation", "--attending", "row", 'IF(COUNT(E7)=1,-(-E7),"")'],
    ["brackets a negated right operand", "attending - -members", "row", 'IF(COUNT(E7,F7)=2,E7-(-F7),"")'],
    ["prints small numbers without an exponent", "attending * 0.5 + 1e-7", "row", 'IF(COUNT(E7)=1,E7*0.5+0.0000001,"")'],
    ["prints large numbers without an exponent", "1.25e21 + 1.5e-10", "row", "1250000000000000000000+0.00000000015"],
    ["leaves a formula without fields unguarded", "2 - 3", "row", "2-3"],
    ["refers to a target cell and catches its being empty", "attending / TARGET(C5)", "row", `IF(COUNT(E7)=1,IFERROR(E7/'Chỉ tiêu'!$D$9,""),"")`],
    ["writes a literal target", "attending * TARGET(D8)", "row", 'IF(COUNT(E7)=1,IFERROR(E7*0.5,""),"")'],
    ["brackets a negative literal target", "attending * TARGET(N1)", "row", 'IF(COUNT(E7)=1,IFERROR(E7*(-2),""),"")'],
    ["gives an empty formula when an indicator has no target", "attending + TARGET(A1)", "row", '""'],
    ["gives an empty formula when a column is missing", "attending + nowhere", "row", '""'],
    ["sums a column, catching an error value inside it", "SUM(S1.members)", "aggregate", `IFERROR(SUM(${S1_MEMBERS}),"")`],
    ["counts the rows by the key column", "COUNT(S1)", "aggregate", "COUNTA('Tổ chức đảng'!$B$7:$B$56)"],
    ["counts a choice", 'COUNTIF(S1.type, "Chi bộ cơ sở")', "aggregate", `COUNTIF(${S1_TYPE},"Chi bộ cơ sở")`],
    ["adds one count per spelling", 'COUNTIF(S1.type, "Chi bộ đảng")', "aggregate", `(COUNTIF(${S1_TYPE},"Chi bộ đảng")+COUNTIF(${S1_TYPE},"Chi bộ"))`],
    ["writes zero for a choice with no spelling", 'COUNTIF(S1.type, "none")', "aggregate", "0"],
    ["escapes wildcards in a criterion", 'COUNTIF(S1.type, "a*b?c~d")', "aggregate", `COUNTIF(${S1_TYPE},"a~*b~?c~~d")`],
    ["escapes quotes in a criterion", 'COUNTIF(S1.type, "say ""hi""")', "aggregate", `COUNTIF(${S1_TYPE},"say ""hi""")`],
    ["makes a criterion starting with = compare as text", 'COUNTIF(S1.type, "=x")', "aggregate", `COUNTIF(${S1_TYPE},"==x")`],
    ["makes a criterion starting with < or > compare as text", 'COUNTIF(S1.type, ">*") + COUNTIF(S1.type, "<5")', "aggregate", `COUNTIF(${S1_TYPE},"=>~*")+COUNTIF(${S1_TYPE},"=<5")`],
    [
      "adds one conditional sum per spelling, on a sheet whose name has an apostrophe",
      'SUMIF(S2.founded, S2.kind, "Chi bộ đảng")',
      "aggregate",
      `IFERROR((SUMIF(${S2_KIND},"Chi bộ đảng",${S2_FOUNDED})+SUMIF(${S2_KIND},"Chi bộ",${S2_FOUNDED})),"")`,
    ],
    ["catches a division of aggregates", 'COUNTIF(S1.type, "x") / COUNT(S1)', "aggregate", `IFERROR(COUNTIF(${S1_TYPE},"x")/COUNTA('Tổ chức đảng'!$B$7:$B$56),"")`],
    ["gives an empty formula for a missing column", "SUM(S1.nowhere) + 1", "aggregate", '""'],
    ["gives an empty formula for a missing sheet", "COUNT(S9) + SUM(S1.members)", "aggregate", '""'],
  ])("%s: %s", (_behaviour, text, mode, formula) => {
    expect(compiled(text, mode)).toBe(formula);
  });
});

describe("the reference helpers write what Excel reads", () => {
  it.each<[number, string]>([
    [0, "A"],
    [4, "E"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s", (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });

  it("addresses a cell by zero-based row and column", () => {
    expect(cellAddress(6, 4)).toBe("E7");
  });

  it.each<[string, string]>([
    ["Tổ chức đảng", "'Tổ chức đảng'"],
    ["Chi bộ 'mẫu'", "'Chi bộ ''mẫu'''"],
    ["S1", "'S1'"],
  ])("quotes the sheet name %j as %s", (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
  });

  it("writes an absolute column range on a quoted sheet", () => {
    expect(absoluteRange("Tổ chức đảng", 4, 6, 55)).toBe("'Tổ chức đảng'!$E$7:$E$56");
    expect(absoluteRange("Chi bộ 'mẫu'", 1, 1, 8)).toBe("'Chi bộ ''mẫu'''!$B$2:$B$9");
  });
});

describe("a validation rule is evaluated, never compiled", () => {
  it("refuses to write another sheet's same-unit cell as a formula", () => {
    expect(() => compiled("S1.members * 2", "rule")).toThrow("S1.members names another sheet's row: a validation rule is evaluated, never compiled");
  });
});
