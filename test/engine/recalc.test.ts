import ExcelJS from "exceljs";
import fc from "fast-check";
import { recalculateWorkbook } from "../../src/app/use-cases";
import { XlsxHost, loadWorkbook, saveWorkbook, snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import { districtArbitrary, districtWorkbook } from "../helpers/district";
import { NOW } from "../helpers/grid";

async function recalcBytes(bytes: Uint8Array): Promise<{ bytes: Uint8Array; workbook: ExcelJS.Workbook; summarySheet: string | null }> {
  const workbook = await loadWorkbook(bytes);
  const outcome = await recalculateWorkbook(new XlsxHost(workbook), { now: NOW });
  return { bytes: await saveWorkbook(workbook), workbook, summarySheet: outcome.summarySheet };
}

function sheetModels(workbook: ExcelJS.Workbook) {
  const models: Record<string, unknown> = {};
  workbook.eachSheet((ws) => {
    const { name, state, merges, cols, rows, conditionalFormattings, pageSetup, views } = ws.model as unknown as Record<string, unknown> & { name: string };
    models[name] = JSON.parse(JSON.stringify({ state, merges, cols, rows, conditionalFormattings, pageSetup, views }));
  });
  return models;
}

const sample = fc.sample(districtArbitrary, { numRuns: 3, seed: 42 });

describe("recalculating a workbook", () => {
  it.each(sample.map((d, i) => [i, d] as const))("twice gives the same workbook as once (generated district %i)", async (_i, district) => {
    const input = await saveWorkbook(districtWorkbook(district));
    const once = await recalcBytes(input);
    const twice = await recalcBytes(once.bytes);
    expect(sheetModels(await loadWorkbook(twice.bytes))).toEqual(sheetModels(await loadWorkbook(once.bytes)));
  });

  it.each(sample.map((d, i) => [i, d] as const))("never changes an input cell (generated district %i)", async (_i, district) => {
    const input = await loadWorkbook(await saveWorkbook(districtWorkbook(district)));
    const before = snapshotOf(input);
    const out = await loadWorkbook((await recalcBytes(await saveWorkbook(input))).bytes);
    const after = new Map(snapshotOf(out).sheets.map((s) => [s.name, s]));
    let compared = 0;
    for (const sheet of before.sheets) {
      const outSheet = after.get(sheet.name)!;
      sheet.values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === null) return;
          expect([sheet.name, r, c, outSheet.values[r][c]]).toEqual([sheet.name, r, c, value]);
          compared++;
        }),
      );
    }
    expect(compared).toBeGreaterThan(500);
  });

  it("leaves a user's own sheet named like the summary untouched and writes the summary beside it", async () => {
    const workbook = districtWorkbook(sample[0]);
    const mine = workbook.addWorksheet("Tổng hợp chỉ tiêu");
    mine.getCell("A1").value = "Bảng của tôi";
    mine.getCell("B2").value = 42;
    const out = await recalcBytes(await saveWorkbook(workbook));
    expect(out.summarySheet).toBe("Tổng hợp chỉ tiêu (2)");
    const reread = await loadWorkbook(out.bytes);
    const sheet = reread.getWorksheet("Tổng hợp chỉ tiêu")!;
    expect([sheet.getCell("A1").value, sheet.getCell("B2").value, sheet.actualRowCount]).toEqual(["Bảng của tôi", 42, 2]);
    expect(reread.getWorksheet("Tổng hợp chỉ tiêu (2)")!.getCell("A7").value).toBe("Mã");
    // A second run finds its own summary again instead of making a third sheet.
    const again = await recalcBytes(out.bytes);
    expect(again.summarySheet).toBe("Tổng hợp chỉ tiêu (2)");
  });

  it("writes a unit name that looks like a formula as text on the summary", async () => {
    const workbook = districtWorkbook(sample[0]);
    const s1 = workbook.getWorksheet("Tổ chức đảng")!;
    const hostile = '=HYPERLINK("http://example.invalid","Bấm vào đây")';
    s1.insertRow(sample[0].titleRows + 2, [0, hostile, "Chi bộ cơ sở", 0, 0, 10, 1, "TSVM"]);
    const out = await loadWorkbook((await recalcBytes(await saveWorkbook(workbook))).bytes);
    const summary = out.getWorksheet("Tổng hợp chỉ tiêu")!;
    const cells: ExcelJS.Cell[] = [];
    summary.eachRow((row) => row.eachCell((cell) => cell.value === hostile && cells.push(cell)));
    expect(cells).toHaveLength(1);
    expect(cells[0].formula).toBeUndefined();
    expect(cells[0].type).toBe(ExcelJS.ValueType.String);
  });
});
