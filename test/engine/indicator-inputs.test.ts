import { bundledCatalogue } from "../../src/core/definitions/bundled";
import { analyse } from "../../src/core/analyse";
import { findingsForIndicator, indicatorInputs, indicatorsForFinding } from "../../src/core/indicators/indicator-inputs";
import { snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import { buildDefectWorkbook } from "../fixtures/defects";
import { NOW } from "../helpers/grid";

const { definitions, profile } = bundledCatalogue();

function withInputs(analysis: ReturnType<typeof analyse>) {
  return { ...analysis, inputs: indicatorInputs(definitions, analysis.columns) };
}

async function defects() {
  const { workbook } = await buildDefectWorkbook();
  return withInputs(analyse(snapshotOf(workbook), definitions, profile, { now: NOW, version: "test" }));
}

const located = (findings: { sheet: string | null; cell: string | null; code: string }[]) => findings.map((f) => [f.sheet, f.cell, f.code]);

describe("the findings that touch an indicator's inputs", () => {
  it("names the sheet and column letters each indicator reads in the workbook", async () => {
    const { inputs } = await defects();
    expect(inputs.C5).toEqual([{ sheetId: "S4", sheet: "Trưởng thôn", fields: ["heads_members", "villages"], columns: ["D", "C"] }]);
    // COUNT(S1) reads the name column; the emptied "sinh hoạt ghép" column has no letter.
    expect(inputs.A6).toEqual([{ sheetId: "S1", sheet: "Tổ chức đảng", fields: ["rating", "unit"], columns: ["H", "B"] }]);
    expect(inputs.A4).toEqual([{ sheetId: "S1", sheet: "Tổ chức đảng", fields: ["combined"], columns: [] }]);
  });

  it.each([
    // The typed ratio E24 is not read by C5: only the cells of its two columns are.
    ["C5", [["Trưởng thôn", "C19", "not-a-number"], ["Trưởng thôn", "D25", "rule-violation"]]],
    ["A4", [["Tổ chức đảng", null, "missing-column"]]],
    ["A5", [["Tổ chức đảng", "F40", "blank-required"]]],
    ["A1", [["Tổ chức đảng", "C34", "invalid-choice"]]],
    ["C3", [["Phát triển đảng viên", "E14", "formula-error"], ["Phát triển đảng viên", "D58", "cross-sheet-mismatch"]]],
    ["C2", [["Phát triển đảng viên", "E14", "formula-error"]]],
    // A missing commune changes every sum of the sheet; a duplicate name in the key column does not touch a sum.
    ["D6", [["Cấp ủy", "D12", "negative-value"], ["Cấp ủy", null, "missing-unit"], ["Cấp ủy", "C32", "total-mismatch"]]],
    ["D7", [["Cấp ủy", null, "missing-unit"], ["Cấp ủy", "C32", "total-mismatch"]]],
    ["B1", []],
  ])("ties %s to exactly the planted defects in its columns", async (id, expected) => {
    const { inputs, findings } = await defects();
    expect(located(findingsForIndicator(inputs[id], findings)).sort()).toEqual([...expected].sort());
  });

  it("names, for a finding, the indicators it affects", async () => {
    const { inputs, findings } = await defects();
    const at = (sheet: string, cell: string | null, code: string) => findings.find((f) => f.sheet === sheet && f.cell === cell && f.code === code)!;
    expect(indicatorsForFinding(inputs, at("Trưởng thôn", "C19", "not-a-number"))).toEqual(["C5"]);
    expect(indicatorsForFinding(inputs, at("Cán bộ cơ sở", "C11", "not-integer"))).toEqual(["D1", "D2"]);
    expect(indicatorsForFinding(inputs, at("Cấp ủy", "C32", "total-mismatch"))).toEqual(["D6", "D7", "D8"]);
    expect(indicatorsForFinding(inputs, at("Doanh nghiệp", "D6", "unknown-column"))).toEqual([]);
    expect(indicatorsForFinding(inputs, at("Trưởng thôn", "E24", "reported-ratio-mismatch"))).toEqual([]);
  });

  it("ties a missing sheet to every indicator that reads it, under the definitions' name", async () => {
    const { workbook } = await buildDefectWorkbook();
    workbook.removeWorksheet(workbook.getWorksheet("Doanh nghiệp")!.id);
    const { inputs, findings } = withInputs(analyse(snapshotOf(workbook), definitions, profile, { now: NOW, version: "test" }));
    const missing = findings.find((f) => f.code === "missing-sheet")!;
    expect([missing.sheet, indicatorsForFinding(inputs, missing)]).toEqual(["Doanh nghiệp", ["B1", "B2", "B3", "B4"]]);
  });
});
