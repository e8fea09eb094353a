import type ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { bundledCatalogue } from "../../src/core/definitions/bundled";
import { analyse } from "../../src/core/analyse";
import { formatPercent } from "../../src/core/findings/format";
import type { IndicatorResult } from "../../src/core/model";
import { applyPlan, loadWorkbook, snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import { buildDefectWorkbook, buildWorkbookWithoutSheet } from "../fixtures/defects";
import { formulaEngine } from "../helpers/formula-engine";
import { NOW } from "../helpers/grid";
import { agrees, plannedFormulas } from "../helpers/plan-cells";
import { summaryLayout } from "../../src/core/plan/summary";
import { renderFinding } from "../../src/core/findings/render";

const { definitions, profile } = bundledCatalogue();
const SAMPLE = path.resolve(__dirname, "../../seeds/lang-giang.xlsx");

async function sample(): Promise<ExcelJS.Workbook> {
  return loadWorkbook(readFileSync(SAMPLE));
}

function run(workbook: ExcelJS.Workbook) {
  return analyse(snapshotOf(workbook), definitions, profile, { now: NOW, version: "test" });
}

describe("the Lạng Giang sample reproduces the article's figures", () => {
  let byId: Record<string, IndicatorResult>;
  let findings: ReturnType<typeof run>["findings"];
  beforeAll(async () => {
    const analysis = run(await sample());
    byId = Object.fromEntries(analysis.indicators.map((i) => [i.id, i]));
    findings = analysis.findings;
  });

  it("is clean: no finding at all", () => {
    expect(findings).toEqual([]);
  });

  it.each([
    ["A1", 28, 26, 2],
    ["A2", 22, 40, -18],
    ["A3", 412, 404, 8],
    ["A4", 1, null, null],
    ["B1", 2, null, null],
    ["B2", 11, null, null],
    ["B3", 2, null, null],
    ["B4", 3, null, null],
    ["C1", 895, null, null],
    ["C2", 354, null, null],
    ["C4", 60, null, null],
  ])("counts %s = %d (before the Đề án %p, change %p)", (id, actual, baseline, change) => {
    expect([byId[id].actual, byId[id].baseline, byId[id].change]).toEqual([actual, baseline, change]);
  });

  it("has 65,8% of village heads in the party: 187 of 284, 87,8% of the 75% target, 12,8 points up", () => {
    const c5 = byId.C5;
    expect([c5.numerator, c5.denominator, c5.target, c5.baseline, c5.status]).toEqual([187, 284, 0.75, 0.53, "not_met"]);
    expect(c5.actual).toBeCloseTo(187 / 284, 15);
    expect(c5.achievement).toBeCloseTo(187 / 284 / 0.75, 15);
    expect([formatPercent(c5.actual!, "vi"), formatPercent(c5.achievement!, "vi"), formatPercent(c5.change!, "vi")]).toEqual(["65,8%", "87,8%", "12,8%"]);
  });

  it("lists the communes below the village-head target worst first: Tân Thanh and Hương Sơn (5/12 = 10/24), then Xương Lâm 9/20", () => {
    const below = byId.C5.belowTarget!;
    expect(new Set(below.slice(0, 2).map((u) => u.unit))).toEqual(new Set(["Tân Thanh", "Hương Sơn"]));
    expect(below[2]).toEqual({ unit: "Xương Lâm", actual: 9 / 20, numerator: 9, denominator: 20 });
    expect(below.map((u) => u.unit)).not.toContain("Nghĩa Hưng");
    for (let i = 1; i < below.length; i++) expect(below[i].actual).toBeGreaterThanOrEqual(below[i - 1].actual);
    expect(below.every((u) => u.actual < 0.75)).toBe(true);
  });

  it.each([
    ["D1", 489 / 500, "97,8%", 0.825, "15,3%"],
    ["D2", 254 / 500, "50,8%", 0.223, "28,5%"],
    ["D3", 1, "100,0%", null, null],
    ["D4", 71 / 140, "50,7%", null, null],
    ["D5", 1, "100,0%", null, null],
    ["D6", 64 / 300, "21,3%", null, null],
    ["D7", 65 / 300, "21,7%", null, null],
    ["D8", 100 / 300, "33,3%", null, null],
  ])("has %s = %s", (id, actual, shown, baseline, changeShown) => {
    const i = byId[id];
    expect(i.actual).toBeCloseTo(actual as number, 15);
    expect(formatPercent(i.actual!, "vi")).toBe(shown);
    expect(i.baseline).toBe(baseline);
    expect(i.change === null ? null : formatPercent(i.change, "vi")).toBe(changeShown);
  });

  it("judges each indicator against its target as the article does", () => {
    expect(Object.fromEntries(Object.values(byId).map((i) => [i.id, i.status]))).toEqual({
      A1: "no_target", A2: "no_target", A3: "no_target", A4: "not_met", A5: "exceeded", A6: "no_target",
      B1: "met", B2: "exceeded", B3: "no_target", B4: "exceeded",
      C1: "exceeded", C2: "no_target", C3: "no_target", C4: "no_target", C5: "not_met",
      D1: "no_target", D2: "no_target", D3: "met", D4: "exceeded", D5: "met", D6: "no_target", D7: "no_target", D8: "met",
    });
    expect(byId.C1.achievement).toBe(895 / 800);
    expect(formatPercent(byId.C1.achievement! - 1, "vi")).toBe("11,9%");
    expect(byId.B2.achievement).toBe(11 / 3);
    expect(byId.B4.achievement).toBe(1.5);
    expect(byId.A5.actual).toBeGreaterThan(0.9);
  });

  it("computes C3 from its parts: 354 of 895 is 39,6% (the article prints 42,5%)", () => {
    expect(byId.C3.actual).toBe(354 / 895);
    expect(formatPercent(byId.C3.actual!, "vi")).toBe("39,6%");
  });
});

describe("the recalculated sample", () => {
  it("holds formulas that an independent spreadsheet engine computes to the report's values", async () => {
    const workbook = await sample();
    const analysis = run(workbook);
    applyPlan(workbook, analysis.plan);
    const sheet = formulaEngine(workbook);
    const formulas = plannedFormulas(analysis.plan);
    for (const f of formulas) expect([f.sheet, f.cell, agrees(f.result, sheet.value(f.sheet, f.cell))]).toEqual([f.sheet, f.cell, true]);
    const summary = analysis.summarySheet;
    const rows = summaryLayout(definitions).rows;
    analysis.indicators.forEach((indicator) => {
      const row = rows.get(indicator.id)!;
      expect(agrees(indicator.actual, sheet.value(summary, `E${row}`))).toBe(true);
      expect(agrees(indicator.target, sheet.value(summary, `F${row}`))).toBe(true);
      expect(agrees(indicator.achievement, sheet.value(summary, `G${row}`))).toBe(true);
      // A ratio's change is written in percentage points.
      const change = indicator.change === null || indicator.unit === "count" ? indicator.change : indicator.change * 100;
      expect(agrees(change, sheet.value(summary, `I${row}`))).toBe(true);
    });
  });

  it("follows an edited input cell and an edited target in the Chỉ tiêu sheet", async () => {
    const workbook = await sample();
    const analysis = run(workbook);
    applyPlan(workbook, analysis.plan);
    const { hf, value } = formulaEngine(workbook);
    const c5Row = summaryLayout(definitions).rows.get("C5")!;
    expect(value("Tổng hợp chỉ tiêu", `H${c5Row}`)).toBe("Chưa đạt");
    // Tân Thanh: 12 of 12 village heads become party members.
    const s4 = hf.getSheetId("Trưởng thôn")!;
    hf.setCellContents({ sheet: s4, row: 23, col: 3 }, 12);
    expect(value("Tổng hợp chỉ tiêu", `E${c5Row}`)).toBeCloseTo(194 / 284, 9);
    // The target is lowered to 60% on the Chỉ tiêu sheet.
    const targets = hf.getSheetId("Chỉ tiêu")!;
    hf.setCellContents({ sheet: targets, row: 7 + 14, col: 4 }, 0.6);
    expect(value("Tổng hợp chỉ tiêu", `F${c5Row}`)).toBe(0.6);
    expect(value("Tổng hợp chỉ tiêu", `H${c5Row}`)).toBe("Vượt mục tiêu");
  });
});

describe("a workbook with planted defects", () => {
  it("gives each planted finding at its exact cell, and nothing else", async () => {
    const { workbook, expected } = await buildDefectWorkbook();
    const analysis = run(workbook);
    const key = (f: { sheet: string | null; cell: string | null; code: string }) => `${f.sheet}|${f.cell}|${f.code}`;
    expect(analysis.findings.map(key).sort()).toEqual(expected.map(key).sort());
  });

  it("gives every finding a Vietnamese message that names what to fix", async () => {
    const { workbook } = await buildDefectWorkbook();
    const byCode = Object.fromEntries(run(workbook).findings.map((f) => [f.code, f]));
    expect(renderFinding(byCode["rule-violation"], "vi")).toBe("Ô D25: “Số trưởng thôn là đảng viên” (15) phải không lớn hơn “Số thôn, tổ dân phố” (12) của Tân Thịnh.");
    expect(renderFinding(byCode["not-a-number"], "vi")).toContain("không ghi phân số như “8/8”");
    expect(renderFinding(byCode["duplicate-unit"], "vi")).toBe("Ô B27: “Đảng bộ xã Tân Dĩnh” đã có ở ô B23. Hãy xóa hoặc gộp dòng trùng.");
    expect(renderFinding(byCode["missing-column"], "vi")).toBe("Sheet “Tổ chức đảng” thiếu cột “Số chi bộ sinh hoạt ghép”. Hãy thêm cột có tiêu đề này vào hàng tiêu đề.");
    expect(renderFinding(byCode["total-mismatch"], "vi")).toBe("Ô C32: dòng tổng ghi 310 nhưng cộng các dòng được 300. Hãy sửa dòng tổng hoặc số liệu các dòng.");
    expect(renderFinding(byCode["reported-ratio-mismatch"], "vi")).toBe("Ô E24: tỷ lệ nhập tay 90% khác tỷ lệ tính được 41,67% (lệch quá 0,1 điểm %).");
  });

  it("still builds the summary, counting the findings on it", async () => {
    const { workbook, expected } = await buildDefectWorkbook();
    const analysis = run(workbook);
    applyPlan(workbook, analysis.plan);
    const summary = workbook.getWorksheet("Tổng hợp chỉ tiêu")!;
    const errors = expected.filter((f) => !["unknown-unit", "missing-unit", "cross-sheet-mismatch", "reported-ratio-mismatch", "unknown-column", "number-as-text"].includes(f.code)).length;
    const warnings = expected.length - errors - 1;
    expect(analysis.counts).toEqual({ error: errors, warning: warnings, info: 1 });
    // The counts stand at the top of the summary, above the table, not on its last page.
    expect(summary.getCell("A6").value).toBe(
      `Kiểm tra số liệu: ${errors} lỗi, ${warnings} cảnh báo, 1 thông tin. Danh sách từng ô ở sheet “Kiểm tra số liệu”. Chỉ tiêu tô vàng có ô cần kiểm tra (cột “Ô cần kiểm tra”). ` +
        "Tỷ lệ chỉ tính trên các dòng đủ số liệu: A5 bỏ 1 dòng, C3 bỏ 1 dòng, C5 bỏ 1 dòng, D6 bỏ 1 dòng.",
    );
    expect(analysis.indicators.find((i) => i.id === "A4")!.status).toBe("no_data");
  });

  it("says which sheet is missing, and what that costs", async () => {
    const workbook = await buildWorkbookWithoutSheet("Cấp ủy");
    const analysis = run(workbook);
    expect(analysis.findings.map((f) => [f.sheet, f.cell, f.code, f.severity])).toEqual([["Cấp ủy", null, "missing-sheet", "error"]]);
    expect(analysis.indicators.filter((i) => i.status === "no_data").map((i) => i.id)).toEqual(["D6", "D7", "D8"]);
  });
});
