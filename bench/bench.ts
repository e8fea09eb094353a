/**
 * npm run bench — prints the figures of issue 6 with pass/fail against their targets:
 * engine time by size and its growth, the command line against ExcelJS's own load and save,
 * peak memory, the Office host's syncs and payloads through the fake Excel of the tests, and the
 * bundles' gzipped sizes when dist/ has been built.
 */
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { bundledCatalogue } from "../src/core/definitions/bundled";
import { analyse } from "../src/core/engine/analyse";
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf } from "../src/hosts/xlsx/xlsx-host";
import { recalculateWorkbook } from "../src/app/use-cases";
import { OfficeHost } from "../src/hosts/office/office-host";
import { fakeFromWorkbook } from "../test/office/from-exceljs";
import { benchProfile, benchWorkbook } from "./generate";

const SIZES = [1_000, 10_000, 100_000];
const COMMUNES = 230;
const ROOT = path.resolve(__dirname, "..");
const { definitions } = bundledCatalogue();
const profile = benchProfile(COMMUNES);
const dir = mkdtempSync(path.join(tmpdir(), "de-an-02-bench-"));

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function timed(f: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await f();
  return ms(start);
}

/** The median of `runs` timings of each, taken in turn after one untimed pair. */
async function alternating(runs: number, floorRun: () => Promise<void>, wholeRun: () => Promise<void>): Promise<{ floor: number; whole: number }> {
  await floorRun();
  await wholeRun();
  const floors: number[] = [];
  const wholes: number[] = [];
  for (let i = 0; i < runs; i++) {
    floors.push(await timed(floorRun));
    wholes.push(await timed(wholeRun));
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { floor: median(floors), whole: median(wholes) };
}

const verdict = (ok: boolean) => (ok ? "ĐẠT / pass" : "CHƯA ĐẠT / fail");
const fmt = (n: number, d = 0) => n.toFixed(d);

async function main(): Promise<void> {
  const lines: string[] = [];
  const out = (s = "") => {
    lines.push(s);
    process.stdout.write(s + "\n");
  };
  out(`Đề án 02 — benchmark (${new Date().toISOString()}, Node ${process.version}, ${COMMUNES} xã cho S4–S6)`);
  out();
  out("| S1 rows | engine ms (read, validate, compute, plan) | growth | ExcelJS load+save ms | CLI recalc ms | ratio | peak RSS MB |");
  out("|---:|---:|---:|---:|---:|---:|---:|");
  const engineTimes: number[] = [];
  const ratios: number[] = [];
  let peak = 0;
  for (const size of SIZES) {
    const file = path.join(dir, `s1-${size}.xlsx`);
    writeFileSync(file, await saveWorkbook(benchWorkbook(size, profile)));
    const bytes = readFileSync(file);
    const runs = size >= 100_000 ? 1 : 5;
    const child = (mode: string) => {
      const args = [path.join(__dirname, "recalc-child.ts"), file, path.join(dir, `out-${size}.xlsx`), String(COMMUNES), mode];
      const run = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", ...args], { encoding: "utf8", cwd: ROOT });
      return JSON.parse(run.stdout.trim().split("\n").pop() || "{}") as { maxRssMb?: number; engineMs?: number };
    };
    // Measured alike at every size, each in a fresh process, so that the growth compares like with like.
    const engine = Number(child("engine").engineMs ?? NaN);
    // ExcelJS's own load and save, without this project's wrappers (whose save shares empty styles), taken
    // in turn with the whole recalculation after one warm-up pair, so that drift and compilation fall on both.
    const floorRun = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      await wb.xlsx.writeBuffer();
    };
    const wholeRun = async () => {
      const wb = await loadWorkbook(bytes);
      const analysis = analyse(snapshotOf(wb), definitions, profile, { now: new Date(), version: "bench" });
      applyPlan(wb, analysis.plan);
      await saveWorkbook(wb);
    };
    const { floor, whole } = await alternating(runs, floorRun, wholeRun);
    const peakRss = (mode: string) => Number(child(mode).maxRssMb ?? NaN);
    const rss = peakRss("recalc");
    const floorRss = peakRss("floor");
    peak = size === SIZES[SIZES.length - 1] ? rss : peak;
    const growth = engineTimes.length ? engine / engineTimes[engineTimes.length - 1] : NaN;
    engineTimes.push(engine);
    ratios.push(whole / floor);
    out(`| ${size.toLocaleString("en")} | ${fmt(engine, 1)} | ${Number.isNaN(growth) ? "–" : fmt(growth, 1) + "×"} | ${fmt(floor)} | ${fmt(whole)} | ${fmt(whole / floor, 2)} | ${fmt(rss)} (ExcelJS alone ${fmt(floorRss)}) |`);
  }
  out();
  const engine10k = engineTimes[1];
  const growths = engineTimes.slice(1).map((t, i) => t / engineTimes[i]);
  out(`- engine on 10 000 rows: ${fmt(engine10k, 1)} ms (target < 300 ms): ${verdict(engine10k < 300)}`);
  out(`- growth per tenfold step: ${growths.map((g) => fmt(g, 1) + "×").join(", ")} (target ≤ 12×): ${verdict(growths.every((g) => g <= 12))}`);
  out(`- command line / ExcelJS load+save: ${ratios.map((r) => fmt(r, 2)).join(", ")} (target ≤ 1.3): ${verdict(ratios.every((r) => r <= 1.3))}`);
  out(`- peak memory on ${SIZES[SIZES.length - 1].toLocaleString("en")} rows: ${fmt(peak)} MB (target < 1024 MB): ${verdict(peak < 1024)}`);

  out();
  out("| S1 rows | Office.js syncs (read + write) | largest request | largest response |");
  out("|---:|---:|---:|---:|");
  const syncCounts: number[] = [];
  let largest = 0;
  for (const rows of [10, 10_000]) {
    const fake = fakeFromWorkbook(benchWorkbook(rows, profile));
    await recalculateWorkbook(new OfficeHost({ runtime: fake.runtime() }), { definitions, profile });
    const request = Math.max(...fake.syncLog.map((s) => s.requestBytes));
    const response = Math.max(...fake.syncLog.map((s) => s.responseBytes));
    largest = Math.max(largest, request, response);
    syncCounts.push(fake.syncs);
    out(`| ${rows.toLocaleString("en")} | ${fake.syncs} | ${fmt(request / 1024)} KiB | ${fmt(response / 1024)} KiB |`);
  }
  out();
  out(`- context.sync calls: ${syncCounts.join(" and ")} (target ≤ 3 and equal): ${verdict(syncCounts.every((n) => n <= 3 && n === syncCounts[0]))}`);
  out(`- largest payload through the fake Excel: ${fmt(largest / 1024 / 1024, 2)} MB (target < 4 MB): ${verdict(largest < 4 * 1024 * 1024)}`);

  const dist = path.join(ROOT, "dist");
  if (existsSync(dist)) {
    const gz = (prefix: string) => readdirSync(dist).filter((f) => f.startsWith(prefix) && f.endsWith(".js")).reduce((n, f) => n + gzipSync(readFileSync(path.join(dist, f))).length, 0) / 1024;
    const commands = gz("commands");
    const taskpane = gz("taskpane");
    const reader = gz("xlsx-reader");
    out(`- function-file bundle: ${fmt(commands, 1)} KB gzipped (target < 31 KB): ${verdict(commands > 0 && commands < 31)}`);
    out(`- task pane bundle: ${fmt(taskpane, 1)} KB gzipped (target < 300 KB): ${verdict(taskpane > 0 && taskpane < 300)}`);
    out(`- task pane's file reader (ExcelJS + zod), loaded only when district files are read: ${fmt(reader, 1)} KB gzipped`);
  } else {
    out("- bundles: dist/ chưa có — chạy `npm run build` trước để đo kích thước gói.");
  }
  writeFileSync(path.join(dir, "bench.md"), lines.join("\n") + "\n");
}

void main();
