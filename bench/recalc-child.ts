/** One whole command-line recalculation (or, with "floor", ExcelJS's load and save alone) in a fresh process, printing its peak memory. */
import { readFileSync, writeFileSync } from "node:fs";
import { bundledCatalogue } from "../src/core/definitions/bundled";
import { analyse } from "../src/core/engine/analyse";
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf } from "../src/hosts/xlsx/xlsx-host";
import { benchProfile } from "./generate";

(async () => {
  const [input, output, communes, mode] = process.argv.slice(2);
  const { definitions } = bundledCatalogue();
  const workbook = await loadWorkbook(readFileSync(input));
  if (mode !== "floor") {
    const analysis = analyse(snapshotOf(workbook), definitions, benchProfile(Number(communes)), { now: new Date(), version: "bench" });
    applyPlan(workbook, analysis.plan);
  }
  writeFileSync(output, await saveWorkbook(workbook));
  process.stdout.write(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 }) + "\n");
})();
