import type { CellValue, SheetGrid } from "../../src/core/model";
import { withComputedFormulas } from "../../src/hosts/xlsx/computed-formulas";

/** A sheet whose formulas a tool that does not compute saved without results: values blank where a formula is. */
function sheet(rows: (CellValue | { f: string })[][]): SheetGrid {
  const values = rows.map((r) => r.map((c) => (c !== null && typeof c === "object" && "f" in c ? null : c)));
  const formulas = rows.map((r) => r.map((c) => (c !== null && typeof c === "object" && "f" in c ? c.f : null)));
  return { name: "S", values, formulas, merges: [] };
}

const computed = (rows: (CellValue | { f: string })[][]) => withComputedFormulas(sheet(rows)).values;

describe("formulas saved without a result, computed as Excel would", () => {
  it("computes arithmetic over cells of the same sheet, with precedence, signs and parentheses", () => {
    expect(computed([[40, 8, { f: "A1-B1*2" }, { f: "-(A1+B1)/4" }, { f: "$A$1+1.5E1" }]])[0]).toEqual([40, 8, 24, -12, 55]);
  });

  it("sums ranges and lists, skipping text in a range and counting a blank cell as 0", () => {
    expect(computed([[5, "ghi chú", null, { f: "SUM(A1:C1)" }, { f: "SUM(A1,D1;7)" }, { f: "C1+1" }]])[0].slice(3)).toEqual([5, 17, 1]);
  });

  it("computes a formula that reads another formula without a result", () => {
    expect(computed([[2, { f: "A1*3" }, { f: "B1+A1" }, { f: "SUM(A1:C1)" }]])[0]).toEqual([2, 6, 8, 16]);
  });

  it("leaves blank what Excel would not give as a number: another sheet, other functions, ÷0, text, a loop", () => {
    const row = computed([[0, "x", { f: "'Nguồn'!A1" }, { f: "VLOOKUP(A1,B:B,1,0)" }, { f: "1/A1" }, { f: "B1+1" }, { f: "F1+1" }, { f: "SUM(A1:C1)" }, { f: "I1+1" }]])[0];
    expect(row.slice(2)).toEqual([null, null, null, null, null, null, null]);
  });

  it("keeps a cached result and shares the grid when nothing needs computing", () => {
    const grid: SheetGrid = { name: "S", values: [[3, 0]], formulas: [[null, "A1-3"]], merges: [] };
    expect(withComputedFormulas(grid)).toBe(grid);
  });
});
