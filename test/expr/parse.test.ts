import fc from "fast-check";
import { type Ast, type Mode, parse, referencedColumns, referencedFields, referencedSheets, toSource } from "../../src/core/expr";
import { aggregateAst, printSource, rowAst } from "./arbitraries";

const num = (value: number): Ast => ({ type: "number", value });
const field = (name: string): Ast => ({ type: "field", name });
const bin = (op: "+" | "-" | "*" | "/", left: Ast, right: Ast): Ast => ({ type: "binary", op, left, right });

describe("parse reads valid expressions into the expected tree", () => {
  it.each<[string, Mode, Ast]>([
    ["12", "row", num(12)],
    ["0.5", "row", num(0.5)],
    [".5e-3", "row", num(0.0005)],
    ["attending / members", "row", bin("/", field("attending"), field("members"))],
    ["a - b - c", "row", bin("-", bin("-", field("a"), field("b")), field("c"))],
    ["a - (b - c)", "row", bin("-", field("a"), bin("-", field("b"), field("c")))],
    ["a + b * c", "row", bin("+", field("a"), bin("*", field("b"), field("c")))],
    ["a / b * c", "row", bin("*", bin("/", field("a"), field("b")), field("c"))],
    ["-a * 2", "row", bin("*", { type: "negate", operand: field("a") }, num(2))],
    ["--a", "row", { type: "negate", operand: { type: "negate", operand: field("a") } }],
    ["a * -b", "row", bin("*", field("a"), { type: "negate", operand: field("b") })],
    ["((a))", "row", field("a")],
    ["_x9 + TARGET", "row", bin("+", field("_x9"), field("TARGET"))],
    ["heads_members / villages / TARGET(C5)", "row", bin("/", bin("/", field("heads_members"), field("villages")), { type: "target", indicator: "C5" })],
    ["target(D8)", "row", { type: "target", indicator: "D8" }],
    ["SUM(S1.members)", "aggregate", { type: "sum", column: { sheet: "S1", field: "members" } }],
    ["sum( S1 . members )", "aggregate", { type: "sum", column: { sheet: "S1", field: "members" } }],
    ["Count(S1)", "aggregate", { type: "count", sheet: "S1" }],
    ['COUNTIF(S1.type, "Chi bộ cơ sở")', "aggregate", { type: "countif", column: { sheet: "S1", field: "type" }, value: "Chi bộ cơ sở" }],
    ['COUNTIF(S1.type, "say ""hi""")', "aggregate", { type: "countif", column: { sheet: "S1", field: "type" }, value: 'say "hi"' }],
    ['SUMIF(S2.founded, S2.kind, "Chi bộ đảng")', "aggregate", { type: "sumif", sum: { sheet: "S2", field: "founded" }, criteria: { sheet: "S2", field: "kind" }, value: "Chi bộ đảng" }],
    ["admitted", "rule", field("admitted")],
    ["S1.members", "rule", { type: "unitCell", column: { sheet: "S1", field: "members" } }],
    ["0", "rule", num(0)],
    ["committee - S1 . members * 2", "rule", bin("-", field("committee"), bin("*", { type: "unitCell", column: { sheet: "S1", field: "members" } }, num(2)))],
    ["SUM(S1.a) / COUNT(S1) - TARGET(A1)", "aggregate", bin("-", bin("/", { type: "sum", column: { sheet: "S1", field: "a" } }, { type: "count", sheet: "S1" }), { type: "target", indicator: "A1" })],
  ])("reads %j in %s mode", (text, mode, ast) => {
    expect(parse(text, mode)).toEqual({ ok: true, ast });
  });
});

describe("parse rejects invalid expressions with the position of the fault", () => {
  it.each<[string, Mode, number, RegExp]>([
    ["", "row", 0, /unexpected end/],
    ["members", "aggregate", 0, /needs a sheet and an aggregate/],
    ["SUM(S1.a) + members", "aggregate", 12, /needs a sheet/],
    ["S1.members", "row", 0, /not allowed in a row expression/],
    ["S1.members", "aggregate", 0, /only allowed inside SUM/],
    ["SUM(S1.members)", "row", 0, /only allowed in indicators/],
    ["SUM(S1.members)", "rule", 0, /SUM is not allowed in a validation rule/],
    ["TARGET(C5)", "rule", 0, /TARGET is not allowed in a validation rule/],
    ["X1.members", "rule", 0, /expected a sheet id such as S1, not "X1"/],
    ["S1.", "rule", 3, /expected a field name after "S1\."/],
    ["COUNT(S1)", "row", 0, /only allowed in indicators/],
    ["MAX(S1.a)", "aggregate", 0, /unknown function MAX/],
    ["a + foo(b)", "row", 4, /unknown function foo/],
    ["(a + b", "row", 6, /expected "\)"/],
    ["a + b)", "row", 5, /unexpected text after/],
    ["a + ", "row", 4, /unexpected end/],
    ["a b", "row", 2, /unexpected text after/],
    ["2 3", "row", 2, /unexpected text after/],
    ["12abc", "row", 2, /unexpected text after/],
    ["a ++ b", "row", 3, /unexpected "\+"/],
    ["+a", "row", 0, /unexpected "\+"/],
    ["a # b", "row", 2, /unexpected character "#"/],
    ["số", "row", 1, /unexpected character "ố"/],
    ['"x"', "row", 0, /only allowed as a COUNTIF or SUMIF criterion/],
    ['SUM(S1.a) + "x"', "aggregate", 12, /only allowed as a COUNTIF/],
    ["1e999", "row", 0, /too large/],
    ["SUM()", "aggregate", 4, /SUM takes 1 argument/],
    ["SUM(S1.a, S1.b)", "aggregate", 8, /SUM takes 1 argument/],
    ["SUM(S1.a S1.b)", "aggregate", 9, /expected "," or "\)"/],
    ["SUM(S1.a", "aggregate", 8, /expected "," or "\)"/],
    ["SUM(members)", "aggregate", 4, /expected a column/],
    ["SUM(X1.members)", "aggregate", 4, /expected a sheet id/],
    ["SUM(S1.)", "aggregate", 7, /expected a field name after "S1\."/],
    ["SUM(S1.2)", "aggregate", 6, /expected "," or "\)"/],
    ["COUNT(S1.a)", "aggregate", 6, /expected a sheet id/],
    ["COUNT(members)", "aggregate", 6, /expected a sheet id/],
    ["COUNTIF(S1.type)", "aggregate", 15, /COUNTIF takes 2 arguments/],
    ["COUNTIF(S1.type, S1.kind)", "aggregate", 17, /expected a criterion/],
    ['COUNTIF(S1.type, "")', "aggregate", 17, /must not be empty/],
    ['COUNTIF(S1.type, "open', "aggregate", 17, /unterminated string/],
    ['COUNTIF(S1.type, "a", "b")', "aggregate", 20, /COUNTIF takes 2 arguments/],
    ['SUMIF(S1.a, "x", S1.b)', "aggregate", 12, /expected a column/],
    ['SUMIF(S1.a, S2.kind, "x")', "aggregate", 12, /must be on one sheet, not S1 and S2/],
    ["TARGET(c5)", "row", 7, /expected an indicator id/],
    ["TARGET(S1.a)", "aggregate", 7, /expected an indicator id/],
    ["TARGET(5)", "row", 7, /expected an argument/],
    ["(".repeat(101) + "a" + ")".repeat(101), "row", 100, /nested more than 100/],
    ["-".repeat(101) + "a", "row", 100, /nested more than 100/],
    ["a+".repeat(2000) + "a", "row", 4000, /longer than 4000/],
  ])("rejects %j in %s mode at %i", (text, mode, position, message) => {
    const result = parse(text, mode);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(message), position });
  });

  it("never throws, and points inside the text, whatever the text (property)", () => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^[-+*/() ,."a-zS1C5SUMCOUNTIF]{0,30}$/));
    fc.assert(
      fc.property(text, fc.constantFrom<Mode>("row", "aggregate"), (source, mode) => {
        const result = parse(source, mode);
        if (!result.ok) expect(result.position).toBeGreaterThanOrEqual(0);
        if (!result.ok) expect(result.position).toBeLessThanOrEqual(source.length);
      }),
    );
  });
});

describe("printing a tree as source and parsing it gives the same tree back", () => {
  it.each<[string, Mode]>([
    ["a - (b - c)", "row"],
    ["a / (b * c)", "row"],
    ["-(a + b) * -c", "row"],
    ['SUMIF(S2.founded, S2.kind, "say ""hi""") / COUNT(S2)', "aggregate"],
  ])("with the fewest parentheses: %s", (text, mode) => {
    const parsed = parse(text, mode);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(printSource(parsed.ast).replace(/ /g, "")).toBe(text.replace(/ /g, ""));
  });

  it.each<[string, fc.Arbitrary<Ast>, Mode]>([
    ["row", rowAst, "row"],
    ["aggregate", aggregateAst, "aggregate"],
  ])("for any %s tree, printed with the fewest parentheses or fully parenthesised (property)", (_name, ast, mode) => {
    fc.assert(
      fc.property(ast, (tree) => {
        expect(parse(printSource(tree), mode)).toEqual({ ok: true, ast: tree });
        expect(parse(toSource(tree), mode)).toEqual({ ok: true, ast: tree });
      }),
    );
  });
});

describe("the referenced names are listed once each, in order of appearance", () => {
  it("lists the fields of a row expression", () => {
    const parsed = parse("a / (b + a) * TARGET(C5)", "row");
    if (!parsed.ok) throw new Error(parsed.error);
    expect(referencedFields(parsed.ast)).toEqual(["a", "b"]);
  });

  it("lists the sheets and columns of an indicator", () => {
    const parsed = parse('SUMIF(S2.founded, S2.kind, "x") / (SUM(S1.members) + COUNT(S3) + COUNTIF(S1.members, "y"))', "aggregate");
    if (!parsed.ok) throw new Error(parsed.error);
    expect(referencedSheets(parsed.ast)).toEqual(["S2", "S1", "S3"]);
    expect(referencedColumns(parsed.ast)).toEqual([
      { sheet: "S2", field: "founded" },
      { sheet: "S2", field: "kind" },
      { sheet: "S1", field: "members" },
    ]);
  });
});
