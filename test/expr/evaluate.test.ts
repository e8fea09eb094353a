import { type Mode, evaluate, parse } from "../../src/core/expr";
import type { EvalContext } from "../../src/core/expr/context";
import type { CellValue } from "../../src/core/model";

const row: Record<string, CellValue> = {
  attending: 187,
  members: 284,
  zero: 0,
  negative: -3.5,
  text12: "12",
  flag: true,
  blank: null,
  date: new Date(Date.UTC(2020, 0, 1)),
  broken: { error: "#DIV/0!" },
  huge: 1e308,
};

const columns: Record<string, Record<string, CellValue[]>> = {
  S1: {
    members: [10, "12", true, null, 2.5, "x", false, new Date(Date.UTC(2020, 0, 1, 12))],
    type: ["Chi bộ cơ sở", "CHI BỘ CƠ SỞ", "Chi bộ cơ sở ", "Chi bo co so", "*", 12, null, "Đảng bộ cơ sở"],
    withError: [1, { error: "#N/A" }, 2, 3, 4, 5, 6, 7],
  },
  S2: {
    founded: [3, 4, "5", 6, { error: "#VALUE!" }, 0.1, 0.2],
    kind: ["Chi bộ đảng", "chi bộ", "Chi bộ đảng", "Công đoàn", "Công đoàn", "đoàn", "Đoàn"],
  },
};

const targets: Record<string, number | null> = { C5: 0.8, D8: 0, A1: null };

const ctx: EvalContext = {
  rowValue: (field) => row[field],
  columnValues: (sheet, field) => columns[sheet]?.[field],
  rowCount: (sheet) => (sheet === "S1" ? 7 : sheet === "S2" ? 7 : undefined),
  choiceSpellings: (_sheet, _field, value) => {
    if (value === "Chi bộ đảng") return ["Chi bộ đảng", "Chi bộ"];
    // Two spellings equal but for case: the compiled formula counts a cell under each, and so does evaluate.
    if (value === "Đoàn") return ["Đoàn", "đoàn"];
    return [value];
  },
  target: (id) => targets[id] ?? null,
};

function run(text: string, mode: Mode): number | null {
  const parsed = parse(text, mode);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error}`);
  return evaluate(parsed.ast, ctx);
}

describe("evaluate computes by hand-checked values", () => {
  it.each<[string, string, Mode, number | null]>([
    ["divides one field by another", "attending / members", "row", 187 / 284],
    ["multiplies and divides left to right", "attending * 100 / members", "row", (187 * 100) / 284],
    ["respects parentheses on the right of a minus", "members - (attending - 7)", "row", 284 - (187 - 7)],
    ["negates", "-negative * 2", "row", 7],
    ["divides by a target", "attending / members / TARGET(C5)", "row", 187 / 284 / 0.8],
    ["gives null for a division by zero", "attending / zero", "row", null],
    ["gives null for a division by a zero target", "attending / TARGET(D8)", "row", null],
    ["gives null for zero divided by zero", "zero / zero", "row", null],
    ["gives null when an indicator has no target", "attending - TARGET(A1)", "row", null],
    ["gives null for a number stored as text", "text12 + 1", "row", null],
    ["gives null for a boolean", "flag * 1", "row", null],
    ["gives null for a blank", "blank + 1", "row", null],
    ["gives null for a date in a row field", "date + 0", "row", null],
    ["gives null for an error value", "broken + 1", "row", null],
    ["gives null for a missing column", "nowhere + 1", "row", null],
    ["lets null through every operator", "-(blank) * 0 + 1", "row", null],
    ["gives null where Excel would overflow", "huge * 10", "row", null],
    ["sums numbers and dates, skipping text, numbers as text, booleans and blanks", "SUM(S1.members)", "aggregate", 10 + 2.5 + 43831.5],
    ["gives null for a sum over an error value, as Excel's SUM returns the error", "SUM(S1.withError)", "aggregate", null],
    ["gives null for a sum over a missing column", "SUM(S1.nowhere)", "aggregate", null],
    ["gives null for a sum over a missing sheet", "SUM(S9.members)", "aggregate", null],
    ["counts the rows of a sheet", "COUNT(S1)", "aggregate", 7],
    ["gives null for the rows of a missing sheet", "COUNT(S9)", "aggregate", null],
    ["counts a choice case-insensitively, without trimming or folding diacritics", 'COUNTIF(S1.type, "chi bộ cơ sở")', "aggregate", 2],
    ["counts a wildcard character as itself", 'COUNTIF(S1.type, "*")', "aggregate", 1],
    ["does not count a number against a criterion that looks like it", 'COUNTIF(S1.type, "12")', "aggregate", 0],
    ["counts a choice under each of its spellings", 'COUNTIF(S2.kind, "Chi bộ đảng")', "aggregate", 3],
    ["counts a cell twice under two spellings equal but for case, as the formula does", 'COUNTIF(S2.kind, "Đoàn")', "aggregate", 4],
    ["gives null for a count over a missing column", 'COUNTIF(S1.nowhere, "x")', "aggregate", null],
    ["sums where the criterion matches, skipping text", 'SUMIF(S2.founded, S2.kind, "Chi bộ đảng")', "aggregate", 3 + 4],
    ["sums per spelling, then adds the sums", 'SUMIF(S2.founded, S2.kind, "Đoàn")', "aggregate", (0.1 + 0.2) * 2],
    ["gives null when a matching row holds an error value", 'SUMIF(S2.founded, S2.kind, "Công đoàn")', "aggregate", null],
    ["ignores an error value on a row that does not match", 'SUMIF(S1.withError, S1.type, "Đảng bộ cơ sở")', "aggregate", 7],
    ["gives null for a conditional sum over a missing column", 'SUMIF(S2.nowhere, S2.kind, "x")', "aggregate", null],
    ["computes a ratio of aggregates", 'COUNTIF(S2.kind, "Chi bộ đảng") / COUNT(S2)', "aggregate", 3 / 7],
    ["gives null for an aggregate divided by zero", 'COUNTIF(S2.kind, "nothing") / COUNTIF(S2.kind, "nothing")', "aggregate", null],
  ])("%s: %s", (_behaviour, text, mode, expected) => {
    expect(run(text, mode)).toBe(expected);
  });

  it("never gives negative zero, which Excel does not have", () => {
    expect(Object.is(run("zero * -1", "row"), 0)).toBe(true);
    expect(Object.is(run("-zero", "row"), 0)).toBe(true);
  });
});

describe("a validation rule's other-sheet cell", () => {
  const rule = (text: string) => {
    const parsed = parse(text, "rule");
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.ast;
  };
  const members: Record<string, CellValue> = { S1: 300, S3: "12" };
  const withUnit: EvalContext = { ...ctx, unitValue: (sheet, field) => (field === "members" ? members[sheet] : undefined) };

  it("reads the same unit's cell on the other sheet, beside the row's own fields", () => {
    expect(evaluate(rule("S1.members - attending"), withUnit)).toBe(113);
  });

  it("gives null where the unit has no row there, the cell is text, or nothing supplies other sheets", () => {
    expect(evaluate(rule("S2.members"), withUnit)).toBeNull();
    expect(evaluate(rule("S3.members"), withUnit)).toBeNull();
    expect(evaluate(rule("S1.members"), ctx)).toBeNull();
  });
});
