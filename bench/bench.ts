/**
 * npm run bench — prints the figures of issues 6 and 17 with pass/fail against their targets:
 * engine time by size and its growth, the command line as a user runs it (the compiled bin, start-up
 * included) against ExcelJS's own load and save in a plain Node program, both processes' peak memory,
 * the Office host's syncs and payloads through the fake Excel of the tests, and the bundles' gzipped
 * sizes when dist/ has been built.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { bundledCatalogue } from "../src/core/definitions/bundled";
import { saveWorkbook } from "../src/hosts/xlsx/xlsx-host";
import { recalculateWorkbook } from "../src/app/use-cases";
import { OfficeHost } from "../src/hosts/office/office-host";
import { fakeFromWorkbook } from "../test/office/from-exceljs";
import { benchProfile, benchWorkbook } from "./generate";

// BENCH_SIZES=1000,10000 for a quick look; the README table is the full run.
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : [1_000, 10_000, 20_000, 100_000];
const COMMUNES = 230;
const ROOT = path.resolve(__dirname, "..");
const CLI = path.join(ROOT, "build/cli/main.js");
const { definitions } = bundledCatalogue();
const profile = benchProfile(COMMUNES);
const dir = mkdtempSync(path.join(tmpdir(), "de-an-02-bench-"));

interface ProcessRun {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
}

/** One fresh `node` process, timed from spawn to exit, with its CPU time and peak memory (bench/usage.cjs). */
function processRun(args: string[]): ProcessRun {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["--require", path.join(__dirname, "usage.cjs"), ...args], { encoding: "utf8", cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(" ")} → ${run.status}\n${run.stderr}`);
  const usage = JSON.parse(run.stderr.trim().split("\n").pop() || "{}") as { cpuMs: number; maxRssMb: number };
  return { wallMs, ...usage };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The median of `runs` runs of each, taken in turn (after one untimed pair below 100 000 rows), so that drift falls on both. */
function alternating(runs: number, warm: boolean, floorArgs: string[], cliArgs: string[]): { floor: ProcessRun; cli: ProcessRun } {
  if (warm) {
    processRun(floorArgs);
    processRun(cliArgs);
  }
  const floors: ProcessRun[] = [];
  const clis: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) {
    floors.push(processRun(floorArgs));
    clis.push(processRun(cliArgs));
  }
  const summary = (xs: ProcessRun[]) => ({ wallMs: median(xs.map((x) => x.wallMs)), cpuMs: median(xs.map((x) => x.cpuMs)), maxRssMb: Math.max(...xs.map((x) => x.maxRssMb)) });
  return { floor: summary(floors), cli: summary(clis) };
}

const verdict = (ok: boolean) => (ok ? "ĐẠT / pass" : "CHƯA ĐẠT / fail");
const fmt = (n: number, d = 0) => n.toFixed(d);

async function main(): Promise<void> {
  const lines: string[] = [];
  const out = (s = "") => {
    lines.push(s);
    process.stdout.write(s + "\n");
  };
  // The command line is measured as it ships: the compiled bundle, built from the current sources.
  const build = spawnSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`npm run build:cli: ${build.stderr}`);
  const profileFile = path.join(dir, "profile.json");
  writeFileSync(profileFile, JSON.stringify(profile));
  out(`Đề án 02 — benchmark (${new Date().toISOString()}, Node ${process.version}, ${COMMUNES} xã cho S4–S6)`);
  out();
  out("| S1 rows | engine ms (read, validate, compute, plan) | growth | ExcelJS load+save ms (wall / CPU) | CLI recalc ms (wall / CPU) | ratio (wall / CPU) | peak RSS MB (CLI / ExcelJS) |");
  out("|---:|---:|---:|---:|---:|---:|---:|");
  const engineTimes = new Map<number, number>();
  const ratios: number[] = [];
  let peak = 0;
  let previous: number | null = null;
  for (const size of SIZES) {
    const file = path.join(dir, `s1-${size}.xlsx`);
    writeFileSync(file, await saveWorkbook(benchWorkbook(size, profile)));
    const child = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", path.join(__dirname, "recalc-child.ts"), file, String(COMMUNES)], { encoding: "utf8", cwd: ROOT });
    const engine = Number((JSON.parse(child.stdout.trim().split("\n").pop() || "{}") as { engineMs?: number }).engineMs ?? NaN);
    const runs = size >= 100_000 ? 1 : size >= 20_000 ? 3 : 5;
    const { floor, cli } = alternating(
      runs,
      size < 100_000,
      [path.join(__dirname, "exceljs-floor.cjs"), file, path.join(dir, `floor-${size}.xlsx`)],
      [CLI, "recalc", file, "--out", path.join(dir, `out-${size}.xlsx`), "--report", path.join(dir, `report-${size}.json`), "--profile", profileFile],
    );
    const growth = previous === null ? NaN : engine / previous;
    previous = engine;
    engineTimes.set(size, engine);
    ratios.push(cli.wallMs / floor.wallMs);
    peak = Math.max(peak, size === SIZES[SIZES.length - 1] ? cli.maxRssMb : 0);
    out(
      `| ${size.toLocaleString("en")} | ${fmt(engine, 1)} | ${Number.isNaN(growth) ? "–" : fmt(growth, 1) + "×"} | ${fmt(floor.wallMs)} / ${fmt(floor.cpuMs)} | ${fmt(cli.wallMs)} / ${fmt(cli.cpuMs)} | ${fmt(cli.wallMs / floor.wallMs, 2)} / ${fmt(cli.cpuMs / floor.cpuMs, 2)} | ${fmt(cli.maxRssMb)} / ${fmt(floor.maxRssMb)} |`,
    );
  }
  out();
  const engine10k = engineTimes.get(10_000) ?? NaN;
  const growths = [engine10k / (engineTimes.get(1_000) ?? NaN), (engineTimes.get(100_000) ?? NaN) / engine10k].filter((g) => !Number.isNaN(g));
  out(`- engine on 10 000 rows: ${fmt(engine10k, 1)} ms (target < 300 ms): ${verdict(engine10k < 300)}`);
  out(`- growth per tenfold step (1 000 → 10 000 → 100 000): ${growths.map((g) => fmt(g, 1) + "×").join(", ")} (target ≤ 12×): ${verdict(growths.every((g) => g <= 12))}`);
  out(`- command line / ExcelJS load+save, wall clock: ${ratios.map((r) => fmt(r, 2)).join(", ")} (target ≤ 1.3): ${verdict(ratios.every((r) => r <= 1.3))}`);
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
    out(`- function-file bundle: ${fmt(commands, 1)} KB gzipped (target < 45 KB): ${verdict(commands > 0 && commands < 45)}`);
    out(`- task pane bundle: ${fmt(taskpane, 1)} KB gzipped (target < 300 KB): ${verdict(taskpane > 0 && taskpane < 300)}`);
    out(`- task pane's file reader (ExcelJS + zod), loaded only when district files are read: ${fmt(reader, 1)} KB gzipped`);
  } else {
    out("- bundles: dist/ chưa có — chạy `npm run build` trước để đo kích thước gói.");
  }
  writeFileSync(path.join(dir, "bench.md"), lines.join("\n") + "\n");
}

void main();
