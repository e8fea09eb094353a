import fc from "fast-check";
import { bundledCatalogue } from "../../src/core/definitions/bundled";
import { analyse } from "../../src/core/analyse";
import { applyPlan, snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import { districtArbitrary, districtWorkbook } from "../helpers/district";
import { formulaEngine } from "../helpers/formula-engine";
import { NOW } from "../helpers/grid";
import { agrees, plannedFormulas } from "../helpers/plan-cells";

const { definitions, profile } = bundledCatalogue();

describe("every formula the plan writes computes, in an independent spreadsheet engine, the engine's own value", () => {
  it("on generated district workbooks", () => {
    fc.assert(
      fc.property(districtArbitrary, (district) => {
        const workbook = districtWorkbook(district);
        const analysis = analyse(snapshotOf(workbook), definitions, profile, { now: NOW, version: "test" });
        applyPlan(workbook, analysis.plan);
        const sheet = formulaEngine(workbook);
        const formulas = plannedFormulas(analysis.plan);
        expect(formulas.length).toBeGreaterThan(200);
        for (const f of formulas) {
          const value = sheet.value(f.sheet, f.cell);
          if (!agrees(f.result, value)) throw new Error(`${f.sheet}!${f.cell} =${f.formula}: engine ${JSON.stringify(f.result)}, spreadsheet ${JSON.stringify(value)}`);
        }
      }),
      { numRuns: 12 },
    );
  });
});
