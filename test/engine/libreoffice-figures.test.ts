import { analyseWorkbook, clerkWorkbook, HEADERS, plainSheet, sampleRows, summaryCell, type Cell } from "../helpers/clerk";
import { applyPlan } from "../../src/hosts/xlsx/xlsx-host";
import { computedValue, recomputedByLibreOffice } from "../helpers/libreoffice";

/**
 * The figures the written formulas compute in LibreOffice (headless, recalculating on load) are the report's:
 * subtotals skipped, numbers typed as text converted, rows with "8/8" or a negative count left out of both sides.
 */
describe("LibreOffice computes the report's figures from the formulas written", () => {
  it("on sections with subtotals, text numbers, “8/8” and a negative count", async () => {
    const s4 = sampleRows("S4");
    s4[11][3] = "8/8";
    s4[13][2] = "13 ";
    const s6 = sampleRows("S6");
    s6[2][3] = -3;
    const s3 = sampleRows("S3");
    const sections: Cell[][] = [
      ["HUYỆN ỦY LẠNG GIANG"],
      [],
      HEADERS.S3,
      ["I", "KHỐI XÃ, THỊ TRẤN"],
      ...s3.slice(0, 23),
      [null, "Cộng I", ...[2, 3, 4, 5].map((c) => s3.slice(0, 23).reduce((a, r) => a + (r[c] as number), 0))],
      ["II", "KHỐI CƠ QUAN"],
      ...s3.slice(23),
      [null, "Cộng (II)", ...[2, 3, 4, 5].map((c) => s3.slice(23).reduce((a, r) => a + (r[c] as number), 0))],
    ];
    const workbook = await clerkWorkbook([{ name: "Phát triển đảng viên", rows: sections }, plainSheet("S4", s4), plainSheet("S6", s6)]);
    const analysis = analyseWorkbook(workbook);
    applyPlan(workbook, analysis.plan);
    const computed = await recomputedByLibreOffice(workbook);
    const value = (id: string) => computedValue(computed, analysis.summarySheet, summaryCell(analysis, id)) as number;
    const report = (id: string) => analysis.indicators.find((i) => i.id === id)!.actual!;
    expect([report("C1"), report("C2"), report("C4")]).toEqual([895, 354, 60]);
    expect([report("C5"), report("D6")]).toEqual([179 / 276, 61 / 287]);
    for (const id of ["C1", "C2", "C3", "C4", "C5", "D6", "D7"]) expect(value(id)).toBeCloseTo(report(id), 9);
  }, 180_000);
});
