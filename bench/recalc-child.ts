/**
 * In a fresh process, so that no earlier size's garbage is in the heap: the engine's time on the file's
 * snapshot, as the median of five runs after one that compiles and fills caches.
 */
import { readFileSync } from "node:fs";
import { bundledCatalogue } from "../src/core/definitions/bundled";
import { analyse } from "../src/core/analyse";
import { loadWorkbook, snapshotOf } from "../src/hosts/xlsx/xlsx-host";
import { benchProfile } from "./generate";

(async () => {
  const [input, communes] = process.argv.slice(2);
  const { definitions } = bundledCatalogue();
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
})();
