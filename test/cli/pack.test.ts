import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";

const ROOT = path.resolve(__dirname, "../..");

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} → ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

describe("the packaged command line", () => {
  // The one-file bundle is built first: npm pack would run `prepare`, but not where npm is set to
  // ignore-scripts (as on this project's machines). The tarball declares no dependencies, so installing it
  // needs nothing from the network, here or in CI.
  it("installs from `npm pack`'s tarball into an empty folder and `npx de-an-02 recalc` writes C5 = 187/284", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "de-an-02-pack-"));
    run("npm", ["run", "--silent", "build:cli"], ROOT);
    const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", dir], ROOT)) as { filename: string; files: { path: string }[] }[];
    const files = packed[0].files.map((f) => f.path);
    expect(files).toContain("build/cli/main.js");
    expect(files).toContain("seeds/de-an-02.definitions.json");
    expect(files.filter((f) => f.startsWith("src/") || f.startsWith("test/"))).toEqual([]);

    const app = path.join(dir, "app");
    mkdirSync(app);
    writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "thu-cai-dat", version: "1.0.0", private: true }));
    run("npm", ["install", "--offline", "--ignore-scripts", "--no-audit", "--no-fund", path.join(dir, packed[0].filename)], app);
    const installed = path.join(app, "node_modules/de-an-02-excel-addin");
    expect(existsSync(path.join(installed, "node_modules"))).toBe(false);
    // The bin is plain JavaScript: no TypeScript loader is installed beside it.
    expect(readdirSync(path.join(app, "node_modules")).filter((f) => !f.startsWith("."))).toEqual(["de-an-02-excel-addin"]);

    const stdout = run("npx", ["--offline", "--no-install", "de-an-02", "recalc", path.join(ROOT, "seeds/lang-giang.xlsx"), "--out", "ra.xlsx", "--report", "ra.json"], app);
    expect(stdout).toContain("Đã ghi ra.xlsx và ra.json.");
    const report = JSON.parse(readFileSync(path.join(app, "ra.json"), "utf8"));
    const c5 = report.indicators.find((i: { id: string }) => i.id === "C5");
    expect([c5.numerator, c5.denominator]).toEqual([187, 284]);
    expect(c5.actual).toBeCloseTo(187 / 284, 9);
    const zip = await JSZip.loadAsync(readFileSync(path.join(app, "ra.xlsx")));
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toContain('name="Tổng hợp chỉ tiêu"');
  }, 120_000);
});
