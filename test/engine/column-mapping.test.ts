import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { validateWorkbook } from "../../src/app/use-cases";
import { mapColumn } from "../../src/app/workbook-tools";
import { XlsxHost, loadWorkbook, saveWorkbook } from "../../src/hosts/xlsx/xlsx-host";
import { NOW } from "../helpers/grid";

const ROOT = path.resolve(__dirname, "../..");

async function sampleWithUnknownVillageHeader() {
  const workbook = await loadWorkbook(readFileSync(path.join(ROOT, "seeds/lang-giang.xlsx")));
  // The header of the village count is written in a way no alias knows.
  workbook.getWorksheet("Trưởng thôn")!.getCell("C6").value = "Cột 3 (thôn)";
  return workbook;
}

describe("a column the add-in did not recognise, pointed at by a person", () => {
  it("is a missing column until mapped, then is read from the mapped column on every later run, from the command line too", async () => {
    const workbook = await sampleWithUnknownVillageHeader();
    const before = await validateWorkbook(new XlsxHost(workbook), { now: NOW });
    const missing = before.findings.find((f) => f.code === "missing-column")!;
    expect([missing.sheet, missing.params.field]).toEqual(["Trưởng thôn", "villages"]);
    expect(before.indicators.find((i) => i.id === "C5")!.status).toBe("no_data");

    await mapColumn(new XlsxHost(workbook), "Trưởng thôn", "villages", "C");
    const after = await validateWorkbook(new XlsxHost(await loadWorkbook(await saveWorkbook(workbook))), { now: NOW });
    expect(after.findings).toEqual([]);
    const c5 = after.indicators.find((i) => i.id === "C5")!;
    expect([c5.numerator, c5.denominator]).toEqual([187, 284]);

    const dir = mkdtempSync(path.join(tmpdir(), "de-an-02-map-"));
    const file = path.join(dir, "mapped.xlsx");
    writeFileSync(file, await saveWorkbook(workbook));
    const out = path.join(dir, "out.xlsx");
    const run = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "src/cli/main.ts"), "recalc", file, "--out", out, "--report", `${out}.json`], { encoding: "utf8" });
    expect(run.status).toBe(0);
    const report = JSON.parse(readFileSync(`${out}.json`, "utf8"));
    expect(report.indicators.find((i: { id: string }) => i.id === "C5").denominator).toBe(284);
    // The recalculation keeps the mapping for the run after it.
    const again = await validateWorkbook(new XlsxHost(await loadWorkbook(readFileSync(out))), { now: NOW });
    expect(again.findings).toEqual([]);
  });
});
