import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { saveWorkbook } from "../../src/hosts/xlsx/xlsx-host";
import { districtArbitrary, districtWorkbook } from "../helpers/district";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

function cli(...args: string[]) {
  const run = spawnSync(TSX, [path.join(ROOT, "src/cli/main.ts"), ...args], { encoding: "utf8", cwd: ROOT });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let dir: string;
let good: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "de-an-02-cli-"));
  good = path.join(dir, "district.xlsx");
  const [district] = fc.sample(districtArbitrary, { numRuns: 1, seed: 7 });
  writeFileSync(good, await saveWorkbook(districtWorkbook(district)));
});

describe("the command line", () => {
  it("recalculates into OUT, writes the report, prints a Vietnamese summary and leaves IN as it was", () => {
    const before = readFileSync(good);
    const out = path.join(dir, "out.xlsx");
    const report = path.join(dir, "report.json");
    const run = cli("recalc", good, "--out", out, "--report", report);
    expect(run.stderr).toBe("");
    expect([0, 1]).toContain(run.code);
    expect(run.stdout).toMatch(/Phát hiện: \d+ lỗi, \d+ cảnh báo, \d+ thông tin\./);
    expect(run.stdout).toContain("C5  Tỷ lệ trưởng thôn là đảng viên");
    expect(readFileSync(good).equals(before)).toBe(true);
    const json = JSON.parse(readFileSync(report, "utf8"));
    expect(json.definitions).toBe("de-an-02@1");
    expect(json.indicators.map((i: { id: string }) => i.id)).toHaveLength(23);
    expect(statSync(out).size).toBeGreaterThan(statSync(good).size);
  });

  it("validates without writing a workbook", () => {
    const report = path.join(dir, "only-report.json");
    const run = cli("validate", good, "--report", report);
    expect([0, 1]).toContain(run.code);
    expect(existsSync(report)).toBe(true);
  });

  it.each([
    ["a missing file", () => ["validate", path.join(dir, "nope.xlsx")], /không tìm thấy tệp/],
    ["a CSV named .xlsx", () => { const f = path.join(dir, "csv.xlsx"); writeFileSync(f, "STT,Xã,Số thôn\n1,Vôi,12\n"); return ["recalc", f, "--out", path.join(dir, "csv-out.xlsx")]; }, /CSV/],
    ["a truncated zip", () => { const f = path.join(dir, "cut.xlsx"); writeFileSync(f, readFileSync(good).subarray(0, 300)); return ["recalc", f, "--out", path.join(dir, "cut-out.xlsx")]; }, /bị cắt cụt|không đọc được tệp \.xlsx/],
    ["OUT equal to IN", () => ["recalc", good, "--out", good], /trùng với tệp vào/],
    ["recalc without --out", () => ["recalc", good], /cần --out/],
    ["an unknown command", () => ["tinh", good], /lệnh không biết/],
    ["a broken profile", () => { const f = path.join(dir, "p.json"); writeFileSync(f, JSON.stringify({ id: "x", district: "X", province: "Y", committee: "Z", communes: [{ name: "A", kind: "phường" }] })); return ["validate", good, "--profile", f]; }, /p\.json: tại communes\[0\]\.kind/],
  ])("refuses %s with exit 2, one clear line and nothing written", (_name, makeArgs, reason) => {
    const args = makeArgs();
    const run = cli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(reason);
    const outIndex = args.indexOf("--out");
    if (outIndex >= 0 && args[outIndex + 1] !== good) expect(existsSync(args[outIndex + 1])).toBe(false);
  });

  it("documents every command and option in --help", () => {
    const run = cli("--help");
    expect(run.code).toBe(0);
    for (const word of ["recalc", "validate", "--out", "--report", "--profile", "--in-place", "Mã thoát"]) expect(run.stdout).toContain(word);
  });
});
