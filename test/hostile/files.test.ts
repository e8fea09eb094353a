import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadWorkbook, saveWorkbook } from "../../src/hosts/xlsx/xlsx-host";
import { zip } from "../helpers/zip";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "seeds/lang-giang.xlsx");
const dir = mkdtempSync(path.join(tmpdir(), "de-an-02-hostile-"));

function cli(...args: string[]) {
  const started = Date.now();
  const run = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "src/cli/main.ts"), ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, ms: Date.now() - started };
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HOSTILE: [string, () => Uint8Array, RegExp][] = [
  ["a legacy .xls", () => new Uint8Array([...OLE, ...new Array(504).fill(0)]), /Excel 97-2003 \(\.xls\)/],
  ["an .ods", () => zip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet" }, { name: "content.xml", data: "<office:document-content/>" }]), /OpenDocument \(\.ods\)/],
  ["a CSV renamed .xlsx", () => new Uint8Array(Buffer.from("STT;Xã;Số thôn\n1;Vôi;14\n")), /CSV/],
  ["a truncated zip", () => readFileSync(SAMPLE).subarray(0, 4000), /bị cắt cụt|không đọc được/],
  ["a corrupted zip", () => { const b = Buffer.from(readFileSync(SAMPLE)); for (let i = 200; i < b.length - 200; i += 97) b[i] ^= 0xff; return b; }, /không đọc được|hỏng/],
  ["an encrypted workbook", () => new Uint8Array([...OLE, ...new Array(100).fill(0), ...Buffer.from("EncryptionInfo", "utf16le"), ...new Array(100).fill(0)]), /mật khẩu/],
  ["a zip whose entries claim gigabytes", () => zip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "xl/worksheets/sheet1.xml", data: "<x/>", claimedSize: 0xfffffff0 }]), /giải nén ra 4\.0 GB/],
  ["an empty file", () => new Uint8Array(), /rỗng/],
];

describe("hostile files given to the command line", () => {
  it.each(HOSTILE)("%s: exit 2 with one clear Vietnamese line, quickly, and nothing written", (name, bytes, reason) => {
    const input = path.join(dir, `${name.replace(/\W+/g, "-")}.xlsx`);
    writeFileSync(input, bytes());
    const before = readFileSync(input);
    const out = path.join(dir, `${name.replace(/\W+/g, "-")}-out.xlsx`);
    const run = cli("recalc", input, "--out", out, "--report", `${out}.json`);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(reason);
    expect(run.ms).toBeLessThan(30_000);
    expect(existsSync(out) || existsSync(`${out}.json`)).toBe(false);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("reads a sheet with one stray value at row 1 048 576 without writing a million rows, and locates the stray", async () => {
    const workbook = await loadWorkbook(readFileSync(SAMPLE));
    // Doanh nghiệp has no totals row, so the stray cell counts as a data row (below a totals row it would not).
    workbook.getWorksheet("Doanh nghiệp")!.getCell("C1048576").value = 7;
    const input = path.join(dir, "stray.xlsx");
    writeFileSync(input, await saveWorkbook(workbook));
    const out = path.join(dir, "stray-out.xlsx");
    const run = cli("recalc", input, "--out", out, "--report", path.join(dir, "stray.json"));
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(dir, "stray.json"), "utf8"));
    expect(report.findings.map((f: { sheet: string; cell: string; code: string }) => [f.sheet, f.cell, f.code])).toEqual([["Doanh nghiệp", "B1048576", "blank-required"]]);
    expect(report.indicators.find((i: { id: string }) => i.id === "B1").actual).toBe(2);
    expect(run.ms).toBeLessThan(30_000);
    // The recalculated file adds the summary, its charts and the findings sheet (about 30 KB zipped); a million rows would be megabytes.
    expect(readFileSync(out).length).toBeLessThan(3 * readFileSync(input).length);
  });
});
