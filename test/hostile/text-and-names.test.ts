import ExcelJS from "exceljs";
import fc from "fast-check";
import { recalculateWorkbook } from "../../src/app/use-cases";
import { XlsxHost, loadWorkbook, saveWorkbook } from "../../src/hosts/xlsx/xlsx-host";
import { districtArbitrary, districtWorkbook } from "../helpers/district";
import { formulaEngine } from "../helpers/formula-engine";
import { NOW } from "../helpers/grid";
import { summaryLayout } from "../../src/core/plan/summary";
import { bundledCatalogue } from "../../src/core/definitions/bundled";

const [district] = fc.sample(districtArbitrary, { numRuns: 1, seed: 11 });

const HOSTILE_NAMES = [
  "=1+1",
  '=HYPERLINK("http://example.invalid","x")',
  "+84 912 345 678",
  "-Chi bộ âm",
  "@Chi bộ",
  "\tChi bộ có tab",
  "Chi bộ " + "rất dài ".repeat(120),
  "Chi bộ 🎉 Thanh niên",
  "Chi bộ Trường Mầm non Nghĩa Hưng".normalize("NFD"),
  "'Chi bộ nháy đơn",
];

async function recalcRoundTrip(workbook: ExcelJS.Workbook) {
  const loaded = await loadWorkbook(await saveWorkbook(workbook));
  const outcome = await recalculateWorkbook(new XlsxHost(loaded), { now: NOW });
  return { workbook: await loadWorkbook(await saveWorkbook(loaded)), outcome };
}

describe("text from people's cells and unusual sheet names", () => {
  it("unit names that look like formulas, tabs, emoji, long text and decomposed Unicode survive exactly, as text", async () => {
    // Every commune attends in full, so the hostile units are the only ones below target and all get listed.
    const workbook = districtWorkbook({ ...district, s1: district.s1.map((r) => ({ ...r, attending: r.members })) });
    const s1 = workbook.getWorksheet("Tổ chức đảng")!;
    HOSTILE_NAMES.forEach((name, i) => s1.insertRow(district.titleRows + 2 + i, [0, name, "Chi bộ cơ sở", 0, 0, 10, 1, "TSVM"]));
    const { workbook: out, outcome } = await recalcRoundTrip(workbook);
    const a5 = outcome.indicators.find((i) => i.id === "A5")!;
    for (const name of HOSTILE_NAMES) expect(a5.belowTarget!.map((u) => u.unit)).toContain(name.trim() === name ? name : name.trim());
    const summary = out.getWorksheet("Tổng hợp chỉ tiêu")!;
    const written = new Map<string, ExcelJS.Cell>();
    summary.eachRow((row) => row.getCell(2).type === ExcelJS.ValueType.String && written.set(row.getCell(2).value as string, row.getCell(2)));
    for (const name of HOSTILE_NAMES.map((n) => n.trim())) {
      const cell = written.get(name);
      expect(cell?.value).toBe(name);
      expect(cell?.formula).toBeUndefined();
    }
    const input = out.getWorksheet("Tổ chức đảng")!;
    HOSTILE_NAMES.forEach((name, i) => expect(input.getCell(`B${district.titleRows + 2 + i}`).value).toBe(name));
  });

  it.each(["Trưởng thôn (Đội 'mẫu')", "TRUONG THON 2019", "Trưởng thôn - bản của O'Neil"])("a sheet named %j is found, and formulas that quote it compute", async (name) => {
    const workbook = districtWorkbook(district);
    workbook.getWorksheet("Trưởng thôn")!.name = name;
    const { workbook: out, outcome } = await recalcRoundTrip(workbook);
    // Only the Chỉ tiêu sheet, which the generated district lacks (a warning), may be missing.
    expect(outcome.findings.filter((f) => f.code === "missing-sheet" && f.sheet !== "Chỉ tiêu")).toEqual([]);
    const c5Row = summaryLayout(bundledCatalogue().definitions).rows.get("C5")!;
    const c5 = outcome.indicators.find((i) => i.id === "C5")!;
    expect(out.getWorksheet("Tổng hợp chỉ tiêu")!.getCell(`E${c5Row}`).formula).toContain(`'${name.replace(/'/g, "''")}'!`);
    expect(formulaEngine(out).value("Tổng hợp chỉ tiêu", `E${c5Row}`)).toBeCloseTo(c5.actual!, 9);
  });
});
