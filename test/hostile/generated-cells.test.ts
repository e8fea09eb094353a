import fc from "fast-check";
import { bundledCatalogue } from "../../src/core/definitions/bundled";
import { analyse } from "../../src/core/analyse";
import type { CellValue, SheetGrid, WorkbookSnapshot } from "../../src/core/model";
import { parseAddress } from "../../src/core/a1";
import { snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import { districtArbitrary, districtWorkbook } from "../helpers/district";
import { NOW } from "../helpers/grid";
import { renderFinding } from "../../src/core/findings/render";

const { definitions, profile } = bundledCatalogue();

const hostileCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.constantFrom("1.234", "42,5", "42,5%", "8/8", "-3", "1e308", "=1+1", "+84", "@x", "\t", "Tổng cộng", "TSVM", " Đảng bộ xã ", "#N/A"),
  fc.double(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom(1e-300, 1e300, -0, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.boolean(),
  fc.date({ min: new Date(1900, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }),
  fc.constantFrom({ error: "#DIV/0!" }, { error: "#REF!" }, { error: "#VALUE!" }, { error: "#N/A" }),
);

const mutation = fc.record({ sheet: fc.nat(), row: fc.nat({ max: 40 }), col: fc.nat({ max: 12 }), value: hostileCell });

function mutate(snapshot: WorkbookSnapshot, changes: { sheet: number; row: number; col: number; value: CellValue }[]): WorkbookSnapshot {
  const sheets: SheetGrid[] = snapshot.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]), formulas: undefined }));
  for (const m of changes) {
    const sheet = sheets[m.sheet % sheets.length];
    while (sheet.values.length <= m.row) sheet.values.push([]);
    sheet.values[m.row][m.col] = m.value;
  }
  return { sheets };
}

describe("the engine on generated workbooks with hostile cell contents", () => {
  it("never throws, locates every finding in a sheet and cell that exist, and gives finite or null indicators", () => {
    fc.assert(
      fc.property(districtArbitrary, fc.array(mutation, { minLength: 1, maxLength: 40 }), (district, changes) => {
        const snapshot = mutate(snapshotOf(districtWorkbook(district)), changes);
        const analysis = analyse(snapshot, definitions, profile, { now: NOW, version: "test" });
        const names = new Set([...snapshot.sheets.map((s) => s.name), ...definitions.sheets.map((s) => s.name), definitions.targetsSheet.name, "Tổng hợp chỉ tiêu"]);
        for (const f of analysis.findings) {
          expect(f.sheet === null || names.has(f.sheet)).toBe(true);
          if (f.cell !== null) {
            const { row, col } = parseAddress(f.cell);
            expect(row).toBeLessThan(1_048_576);
            expect(col).toBeLessThan(16_384);
            expect(snapshot.sheets.some((s) => s.name === f.sheet)).toBe(true);
          }
          for (const language of ["vi", "en"] as const) expect(renderFinding(f, language)).not.toMatch(/\{\w+\}|undefined|NaN|\[object/);
        }
        for (const i of analysis.indicators) {
          for (const v of [i.actual, i.numerator, i.denominator, i.achievement, i.change]) expect(v === null || Number.isFinite(v)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
