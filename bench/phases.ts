/** Times each phase of the engine on a generated workbook (default 20 000 rows): npx tsx bench/phases.ts [rows] */
import { bundledCatalogue } from "../src/core/definitions/bundled";
import { readWorkbook } from "../src/core/workbook/read-workbook";
import { readTargets } from "../src/core/indicators/targets";
import { computeIndicators } from "../src/core/indicators/indicators";
import { typedRatioFindings } from "../src/core/validate/typed-ratios";
import { calculatedColumnOps } from "../src/core/plan/calculated-columns";
import { summaryOps } from "../src/core/plan/summary";
import { loadWorkbook, saveWorkbook, snapshotOf } from "../src/hosts/xlsx/xlsx-host";
import { benchProfile, benchWorkbook } from "./generate";
(async () => {
  const profile = benchProfile(230);
  const { definitions: defs } = bundledCatalogue();
  const snapshot = snapshotOf(await loadWorkbook(await saveWorkbook(benchWorkbook(Number(process.argv[2] ?? 20000), profile))));
  for (let k = 0; k < 2; k++) {
  let t = performance.now();
  const lap = (name: string) => { const now = performance.now(); console.log(name.padEnd(12), (now - t).toFixed(0)); t = now; };
  const { readings } = readWorkbook(snapshot, defs, profile, new Set());
  lap("read");
  const targets = readTargets(snapshot, defs, profile, new Set());
  lap("targets");
  const target = (id: string) => targets.figures.get(id)?.target.value ?? null;
  typedRatioFindings(defs, readings, target);
  lap("typed");
  const indicators = computeIndicators(defs, readings, targets);
  lap("indicators");
  calculatedColumnOps(defs, readings, target, () => "'x'!$F$1");
  lap("calc cols");
  summaryOps({ sheet: "S", defs, profile, readings, targets, indicators, info: { now: new Date(), version: "x", definitions: "d", counts: { error: 0, warning: 0, info: 0 } } });
  lap("summary");
  }
})();
