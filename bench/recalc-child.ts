/** One whole command-line recalculation (or, with "floor", ExcelJS's load and save alone) in a fresh process, printing its peak memory. */
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { bundledCatalogue } from "../src/core/definitions/bundled";
import { analyse } from "../src/core/engine/analyse";
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf } from "../src/hosts/xlsx/xlsx-host";
import { benchProfile } from "./generate";

(async () => {
  const [input, output, communes, mode] = process.argv.slice(2);
  const { definitions } = bundledCatalogue();
  if (mode === "floor") {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(input) as unknown as ArrayBuffer);
    writeFileSync(output, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  } else {
    const workbook = await loadWorkbook(readFileSync(input));
    const analysis = analyse(snapshotOf(workbook), definitions, benchProfile(Number(communes)), { now: new Date(), version: "bench" });
    applyPlan(workbook, analysis.plan);
    writeFileSync(output, await saveWorkbook(workbook));
  }
  process.stdout.write(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 }) + "\n");
})();
