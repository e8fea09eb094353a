import { indicatorsJson } from "../../src/cli/report";
import { buildDefectWorkbook } from "../fixtures/defects";
import { analyseWorkbook, summaryCell, writtenFormulasAgree } from "../helpers/clerk";
import { plannedFormulas } from "../helpers/plan-cells";

describe("ratios on complete rows, on the planted-defect workbook", () => {
  it("leaves the “8/8” row out of C5, the -3 row out of D6 and the #DIV/0! row out of C3 on both sides, says so in REPORT.json, and the formulas agree", async () => {
    const { workbook } = await buildDefectWorkbook();
    const analysis = analyseWorkbook(workbook);
    const report = Object.fromEntries(indicatorsJson(analysis.indicators).map((i) => [i.id, [i.numerator, i.denominator, i.rowsLeftOut, i.inputFindings]]));
    // C5: Nghĩa Hưng's villages typed "8/8" (Trưởng thôn C19) leave its 8 heads out too; Tân Thịnh's heads above
    // its villages (D25, a rule violation) stay, both cells being numbers: (187 − 8 − 9 + 15) / (284 − 8).
    expect(report.C5).toEqual([185, 276, 1, 2]);
    // D6: the -3 women (Cấp ủy D12) leave that row's 13 members out of the denominator.
    expect(report.D6).toEqual([62, 287, 1, 1]);
    // C3: the #DIV/0! in a rural count (Phát triển đảng viên E14) leaves its row out; C2, a plain sum over it, has no value.
    expect(report.C3).toEqual([334, 889, 1, 1]);
    expect(report.C2).toEqual([null, null, 0, 1]);
    expect(report.D7).toEqual([65, 300, 0, 0]);
    const sheet = writtenFormulasAgree(workbook, analysis);
    expect(sheet.value(analysis.summarySheet, summaryCell(analysis, "C5"))).toBeCloseTo(185 / 276, 9);
    expect(sheet.value(analysis.summarySheet, summaryCell(analysis, "D6"))).toBeCloseTo(62 / 287, 9);
    // An Hà's own shares on Cấp ủy row 12 read its -3 women: the women's share is blank, not -23,1 %, in the
    // engine and in the spreadsheet alike; its young members' share, which does not read D12, stays a figure.
    const row12 = plannedFormulas(analysis.plan).filter((f) => f.sheet === "Cấp ủy" && /^[A-Z]+12$/.test(f.cell));
    const women = row12.filter((f) => f.formula.includes("D12"));
    expect(women.length).toBeGreaterThan(0);
    for (const f of women) {
      expect(f.result).toBe("");
      expect(sheet.value("Cấp ủy", f.cell)).toBe("");
    }
    expect(row12.some((f) => !f.formula.includes("D12") && typeof f.result === "number" && f.result > 0)).toBe(true);
  });
});
