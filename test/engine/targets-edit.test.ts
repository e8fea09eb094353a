import { readFileSync } from "node:fs";
import path from "node:path";
import { validateWorkbook } from "../../src/app/use-cases";
import { saveTargets } from "../../src/app/workbook-tools";
import { XlsxHost, loadWorkbook, saveWorkbook, snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import { buildWorkbookWithoutSheet } from "../fixtures/defects";
import { NOW } from "../helpers/grid";

const SAMPLE = path.resolve(__dirname, "../../seeds/lang-giang.xlsx");

describe("saving targets edited by a person", () => {
  it("writes the new target into the Chỉ tiêu sheet's own cell, touches nothing else, and the next run uses it", async () => {
    const workbook = await loadWorkbook(readFileSync(SAMPLE));
    const before = snapshotOf(workbook);
    await saveTargets(new XlsxHost(workbook), { C5: 0.6 });
    const after = snapshotOf(await loadWorkbook(await saveWorkbook(workbook)));
    const changed: string[] = [];
    before.sheets.forEach((sheet, s) =>
      sheet.values.forEach((row, r) => row.forEach((v, c) => v !== after.sheets[s].values[r]?.[c] && changed.push(`${sheet.name}!${r},${c}`))),
    );
    // C5 is the 15th indicator; the sample's Chỉ tiêu rows start at 8 and its target column is E.
    expect(changed).toEqual(["Chỉ tiêu!21,4"]);
    const outcome = await validateWorkbook(new XlsxHost(workbook), { now: NOW });
    const c5 = outcome.indicators.find((i) => i.id === "C5")!;
    expect([c5.target, c5.status]).toEqual([0.6, "exceeded"]);
  });

  it("creates the Chỉ tiêu sheet from the profile's defaults when the workbook has none", async () => {
    const workbook = await buildWorkbookWithoutSheet("Chỉ tiêu");
    await saveTargets(new XlsxHost(workbook), { C5: 0.8, D4: null });
    expect(workbook.getWorksheet("Chỉ tiêu")).toBeDefined();
    const outcome = await validateWorkbook(new XlsxHost(await loadWorkbook(await saveWorkbook(workbook))), { now: NOW });
    const byId = Object.fromEntries(outcome.indicators.map((i) => [i.id, i]));
    expect([byId.C5.target, byId.C1.target, byId.D4.target, byId.D4.status]).toEqual([0.8, 800, null, "no_target"]);
    expect(outcome.findings).toEqual([]);
  });
});
