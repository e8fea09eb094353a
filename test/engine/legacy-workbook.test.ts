import { readFileSync } from "node:fs";
import { bundledCatalogue } from "../../src/core/definitions/bundled";
import { analyse } from "../../src/core/analyse";
import { convertEncodingPlan } from "../../src/core/workbook/convert-encoding";
import type { SheetGrid, WorkbookSnapshot } from "../../src/core/model";
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import { formulaEngine } from "../helpers/formula-engine";
import { NOW } from "../helpers/grid";
import { legacyCopy, SAMPLE } from "../helpers/legacy";
import { agrees, plannedFormulas } from "../helpers/plan-cells";

const { definitions, profile } = bundledCatalogue();

function indicators(snapshot: WorkbookSnapshot) {
  return Object.fromEntries(analyse(snapshot, definitions, profile, { now: NOW, version: "test" }).indicators.map((i) => [i.id, [i.actual, i.numerator, i.denominator]]));
}

describe("a workbook typed in a legacy Vietnamese encoding", () => {
  it.each(["tcvn3", "vni"] as const)("in %s gives the same indicators as its Unicode twin, with one info finding per sheet", async (encoding) => {
    const unicode = snapshotOf(await loadWorkbook(readFileSync(SAMPLE)));
    const legacy = snapshotOf(await legacyCopy(() => encoding));
    expect(legacy.sheets.map((s) => s.name)).not.toEqual(unicode.sheets.map((s) => s.name));
    expect(indicators(legacy)).toEqual(indicators(unicode));
    const analysis = analyse(legacy, definitions, profile, { now: NOW, version: "test" });
    expect(analysis.findings.every((f) => f.code === "legacy-encoding" && f.severity === "info" && f.cell === null)).toBe(true);
    expect(analysis.findings.length).toBe(legacy.sheets.length);
    expect(analysis.findings.map((f) => f.sheet)).toEqual(legacy.sheets.map((s) => s.name));
  });

  it("works sheet by sheet in a mixed workbook, and its formulas count what the engine counts", async () => {
    const workbook = await legacyCopy((sheet) => (sheet === "Tổ chức đảng" ? "tcvn3" : sheet === "Trưởng thôn" ? "vni" : null));
    const analysis = analyse(snapshotOf(workbook), definitions, profile, { now: NOW, version: "test" });
    expect(analysis.findings.map((f) => [f.code, f.code === "legacy-encoding" ? f.params.encoding : undefined])).toEqual([
      ["legacy-encoding", "TCVN3 (.VnTime)"],
      ["legacy-encoding", "VNI"],
    ]);
    const byId = Object.fromEntries(analysis.indicators.map((i) => [i.id, i]));
    expect([byId.A1.actual, byId.A2.actual, byId.C5.numerator, byId.C5.denominator]).toEqual([28, 22, 187, 284]);
    applyPlan(workbook, analysis.plan);
    const sheet = formulaEngine(workbook);
    for (const f of plannedFormulas(analysis.plan)) expect([f.sheet, f.cell, agrees(f.result, sheet.value(f.sheet, f.cell))]).toEqual([f.sheet, f.cell, true]);
  });

  it.each(["tcvn3", "vni"] as const)("converted from %s gives back the sample's text, cell for cell", async (encoding) => {
    const workbook = await legacyCopy(() => encoding);
    const { ops, converted } = convertEncodingPlan(snapshotOf(workbook));
    expect(converted.length).toBe(workbook.worksheets.length);
    applyPlan(workbook, { ops });
    const back = snapshotOf(await loadWorkbook(await saveWorkbook(workbook)));
    const original = snapshotOf(await loadWorkbook(readFileSync(SAMPLE)));
    const values = (sheets: SheetGrid[]) => sheets.map((s) => s.values);
    expect(values(back.sheets)).toEqual(values(original.sheets));
  });

  it("does not take Unicode text with « » or ® for TCVN3", async () => {
    const workbook = await loadWorkbook(readFileSync(SAMPLE));
    workbook.getWorksheet("Doanh nghiệp")!.getCell("E2").value = "Báo cáo «quý III» ®";
    const analysis = analyse(snapshotOf(workbook), definitions, profile, { now: NOW, version: "test" });
    expect(analysis.findings.filter((f) => f.code === "legacy-encoding")).toEqual([]);
  });

  it("leaves a Unicode workbook alone", async () => {
    const { ops, converted } = convertEncodingPlan(snapshotOf(await loadWorkbook(readFileSync(SAMPLE))));
    expect([ops, converted]).toEqual([[], []]);
  });
});
