/**
 * In a fresh process, so that no earlier size's garbage is in the heap: one whole command-line recalculation
 * (or, with "floor", ExcelJS's load and save alone), printing its peak memory; or, with "engine", the
 * engine's time on the file's snapshot, as the median of five runs after one that compiles and fills caches.
 */
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { bundledCatalogue } from "../src/core/definitions/bundled";
import { analyse } from "../src/core/engine/analyse";
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf } from "../src/hosts/xlsx/xlsx-host";
import { benchProfile } from "./generate";

(async () => {
  const [input, output, communes, mode] = process.argv.slice(2);
  const { definitions } = bundledCatalogue();
  if (mode === "engine") {
    const snapshot = snapshotOf(await loadWorkbook(readFileSync(input)));
    const run = () => analyse(snapshot, definitions, benchProfile(Number(communes)), { now: new Date(), version: "bench" });
    run();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      // Each run starts from a collected heap (the parent starts this process with --expose-gc), so that it
      // pays for its own garbage only, not for the loaded workbook's or an earlier run's.
      (globalThis as { gc?: () => void }).gc?.();
      const start = process.hrtime.bigint();
      run();
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    process.stdout.write(JSON.stringify({ engineMs: times.sort((a, b) => a - b)[2] }) + "\n");
    return;
  }
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
