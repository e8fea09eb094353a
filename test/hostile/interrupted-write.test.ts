import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadWorkbook, saveWorkbook } from "../../src/hosts/xlsx/xlsx-host";
import { benchProfile, benchWorkbook } from "../../bench/generate";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const MAIN = path.join(ROOT, "src/cli/main.ts");
const dir = mkdtempSync(path.join(tmpdir(), "de-an-02-kill-"));

function killAfter(ms: number, args: string[]): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [MAIN, ...args], { stdio: "ignore", detached: true });
    const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), ms);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe("a recalculation killed while it writes", () => {
  it("leaves OUT as the old file or the new one, never half of one", async () => {
    const input = path.join(dir, "big.xlsx");
    writeFileSync(input, await saveWorkbook(benchWorkbook(6000, benchProfile(23))));
    const out = path.join(dir, "out.xlsx");
    writeFileSync(out, "bản cũ");
    for (const ms of [400, 900, 1400, 1900, 2400, 2900]) {
      const before = readFileSync(out);
      await killAfter(ms, ["recalc", input, "--out", out]);
      const after = readFileSync(out);
      if (!after.equals(before)) {
        const workbook = await loadWorkbook(after);
        expect(workbook.getWorksheet("Tổng hợp chỉ tiêu")).toBeDefined();
      }
    }
  }, 120_000);

  it("keeps a backup before writing over IN, and only when asked to", async () => {
    const input = path.join(dir, "tai-cho.xlsx");
    copyFileSync(path.join(ROOT, "seeds/lang-giang.xlsx"), input);
    const original = readFileSync(input);
    const refused = spawnSync(TSX, [MAIN, "recalc", input, "--out", input], { encoding: "utf8" });
    expect(refused.status).toBe(2);
    expect(readFileSync(input).equals(original)).toBe(true);
    const run = spawnSync(TSX, [MAIN, "recalc", input, "--out", input, "--in-place"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(dir, "tai-cho.bak.xlsx")).equals(original)).toBe(true);
    expect((await loadWorkbook(readFileSync(input))).getWorksheet("Tổng hợp chỉ tiêu")).toBeDefined();
    expect(existsSync(input)).toBe(true);
  });
});
