import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import type { Download, Page } from "playwright-core";
import { toCellValue } from "../../src/hosts/xlsx/cell-values";
import { loadWorkbook, saveWorkbook } from "../../src/hosts/xlsx/xlsx-host";
import { formulaEngine } from "../helpers/formula-engine";
import { SAMPLE } from "../helpers/legacy";
import { filledThuNghiem, THU_NGHIEM_PROFILE } from "../helpers/thu-nghiem";
import { describeInChromium, ROOT, SHOTS, sessionPerTest } from "./browser";

const SUMMARY = "Tổng hợp chỉ tiêu";
const DOWNLOAD = "Tải workbook đã tính lại";

/** Every cell of every sheet as text, the minute of the recalculation blanked: the two runs are not in the same minute. */
function cellsOf(workbook: ExcelJS.Workbook): Record<string, string[]> {
  const sheets: Record<string, string[]> = {};
  workbook.eachSheet((ws) => {
    const cells: string[] = [`state ${ws.state}`, `merges ${Object.keys((ws as unknown as { _merges: object })._merges).sort().join(" ")}`];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.push(`${cell.address} ${JSON.stringify(cell.value)} ${cell.numFmt ?? ""}`.replace(/\d\d\/\d\d\/\d{4} \d\d:\d\d/g, "<lúc tính>"));
      }),
    );
    sheets[ws.name] = cells;
  });
  return sheets;
}

function rowOf(ws: ExcelJS.Worksheet, id: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (toCellValue(ws.getCell(r, 1).value) === id) return r;
  throw new Error(`no row ${id} on ${ws.name}`);
}

describeInChromium("the web page for offices without the add-in, in headless Chromium", () => {
  const session = sessionPerTest();
  let page: Page;

  beforeEach(async () => {
    page = session.page;
    await page.getByRole("heading", { name: "Workbook của huyện" }).waitFor({ timeout: 60_000 });
  });

  async function saved(download: Download, name: string): Promise<string> {
    const file = path.join(SHOTS, name);
    await download.saveAs(file);
    return file;
  }

  async function downloadFrom(button: string): Promise<Download> {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
    return download;
  }

  /** Drops files on an element the way a file manager does: a drop event whose DataTransfer holds them. */
  async function drop(target: ReturnType<Page["locator"]>, files: { name: string; bytes: Uint8Array }[]): Promise<void> {
    const dataTransfer = await page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const f of list) transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
      return transfer;
    }, files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString("base64") })));
    await target.dispatchEvent("dragover", { dataTransfer });
    await target.dispatchEvent("drop", { dataTransfer });
  }

  it("opens a workbook from disk, recalculates it, and downloads what `cli recalc` writes: C5 = 187/284 on the summary", async () => {
    await page.getByLabel("Mở workbook (.xlsx)").setInputFiles(SAMPLE);
    await page.getByText("Đang xem: lang-giang.xlsx").waitFor();
    // Nothing to take away before the pane has written anything.
    expect(await page.getByRole("button", { name: DOWNLOAD }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Tính lại chỉ tiêu" }).click();
    await page.getByText("Đã tính lại chỉ tiêu", { exact: true }).waitFor();
    await page.getByRole("tab", { name: SUMMARY }).click();
    await page.screenshot({ path: path.join(SHOTS, "web-recalculated.png") });

    const download = await downloadFrom(DOWNLOAD);
    expect(download.suggestedFilename()).toBe("lang-giang-tinh-lai.xlsx");
    const downloaded = await loadWorkbook(readFileSync(await saved(download, "web-lang-giang-tinh-lai.xlsx")));
    await page.getByText("Đã tải “lang-giang-tinh-lai.xlsx” về máy.").waitFor();

    const summary = downloaded.getWorksheet(SUMMARY)!;
    const c5 = rowOf(summary, "C5");
    // The summary's actual (column E) is the ratio of the village heads' sheet totals, as a formula with its result cached.
    expect(summary.getCell(`E${c5}`).formula).toBeTruthy();
    expect(summary.getCell(`E${c5}`).result).toBeCloseTo(187 / 284, 12);
    // HyperFormula rounds to 10 significant digits.
    expect(formulaEngine(downloaded).value(SUMMARY, `E${c5}`)).toBeCloseTo(187 / 284, 9);
    expect(toCellValue(summary.getCell(`H${c5}`).value)).toBe("Chưa đạt");
    expect(toCellValue(summary.getCell(`F${c5}`).value)).toBe(0.75);

    // The same workbook through the command line: the same sheets and cells, but for the minute it ran.
    const cliOut = path.join(SHOTS, "web-cli-tinh-lai.xlsx");
    const run = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "src/cli/main.ts"), "recalc", SAMPLE, "--out", cliOut], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(cellsOf(downloaded)).toEqual(cellsOf(await loadWorkbook(readFileSync(cliOut))));
  }, 180_000);

  it("opens a workbook dropped on the page, and the next one dropped over the open workbook", async () => {
    await drop(page.getByRole("region", { name: "Workbook của huyện" }), [{ name: "huyen-tha.xlsx", bytes: readFileSync(SAMPLE) }]);
    await page.getByText("Đang xem: huyen-tha.xlsx").waitFor();
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    await page.getByText("Đã kiểm tra workbook", { exact: true }).waitFor();

    const thuNghiem = await saveWorkbook(await filledThuNghiem());
    await drop(page.locator('section[aria-label="Workbook"]'), [{ name: "thu-nghiem.xlsx", bytes: thuNghiem }, { name: "thua.xlsx", bytes: thuNghiem }]);
    await page.getByText("Đang xem: thu-nghiem.xlsx").waitFor();
    await page.getByText("Mỗi lần chỉ mở một workbook: đã mở “thu-nghiem.xlsx”, bỏ qua 1 tệp khác.", { exact: false }).waitFor();
    // A fresh pane for the new file: nothing of the first file's check is left on it.
    expect(await page.getByText("Đã kiểm tra workbook", { exact: true }).count()).toBe(0);
  }, 120_000);

  it("says in Vietnamese why a file cannot be opened, and offers nothing to download", async () => {
    const xls = path.join(SHOTS, "bao-cao-cu.xls");
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    await page.getByLabel("Mở workbook (.xlsx)").setInputFiles(xls);
    await page.getByText("Không mở được “bao-cao-cu.xls”: đây là tệp Excel 97-2003 (.xls); hãy mở trong Excel và lưu thành .xlsx (Sổ làm việc Excel).").waitFor();
    expect(await page.getByRole("button", { name: DOWNLOAD }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Tính lại chỉ tiêu" }).count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, "web-start-bad-file.png") });

    // Dropped over a workbook already open and recalculated, a bad file leaves that workbook and its download alone.
    await page.getByLabel("Mở workbook (.xlsx)").setInputFiles(SAMPLE);
    await page.getByRole("button", { name: "Tính lại chỉ tiêu" }).click();
    await page.getByText("Đã tính lại chỉ tiêu", { exact: true }).waitFor();
    await drop(page.locator('section[aria-label="Workbook"]'), [{ name: "ghi-chu.xlsx", bytes: Buffer.from("không phải excel") }]);
    await page.getByText("Không mở được “ghi-chu.xlsx”: không phải tệp .xlsx (không đúng định dạng Excel).").waitFor();
    await page.getByText("Đang xem: lang-giang.xlsx").waitFor();
    expect(await page.getByRole("button", { name: DOWNLOAD }).isEnabled()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, "web-bad-file.png") });
  }, 120_000);

  it("consolidates district files dropped on the province box into a downloaded workbook: C5 219/329", async () => {
    await drop(page.getByRole("region", { name: "Tỉnh: tổng hợp workbook của các huyện" }), [
      { name: "lang-giang.xlsx", bytes: readFileSync(SAMPLE) },
      { name: "thu-nghiem.xlsx", bytes: await saveWorkbook(await filledThuNghiem()) },
      { name: "hong.xlsx", bytes: Buffer.from("không phải excel") },
      { name: "thu-nghiem.profile.json", bytes: readFileSync(THU_NGHIEM_PROFILE) },
    ]);
    const download = await downloadFrom("Tổng hợp và tải về");
    expect(download.suggestedFilename()).toBe("tong-hop-toan-tinh.xlsx");
    await page.getByText("hong (hong.xlsx): không đọc được — không phải tệp .xlsx (không đúng định dạng Excel)").waitFor();
    const consolidated = await loadWorkbook(readFileSync(await saved(download, "web-tong-hop-toan-tinh.xlsx")));
    const province = consolidated.getWorksheet("Tổng hợp toàn tỉnh")!;
    expect([3, 6, 9].map((c) => toCellValue(province.getCell(4, c).value))).toEqual(["Lạng Giang", "Thử Nghiệm", "Toàn tỉnh"]);
    const row = rowOf(province, "C5");
    const at = (column: string) => toCellValue(province.getCell(`${column}${row}`).value) as number;
    // Lạng Giang 187/284 and Thử Nghiệm 32/45 make 219/329 for the province, not the mean of the two ratios.
    expect(at("C")).toBeCloseTo(187 / 284, 12);
    expect(at("F")).toBeCloseTo(32 / 45, 12);
    expect([at("I"), at("J")]).toEqual([219, 329]);
    expect(formulaEngine(consolidated).value("Tổng hợp toàn tỉnh", `K${row}`)).toBeCloseTo(219 / 329, 9);
    await page.screenshot({ path: path.join(SHOTS, "web-province.png") });
  }, 120_000);

  it("downloads the blank template, and makes no request but for its own files throughout", async () => {
    const download = await downloadFrom("Tải workbook mẫu");
    expect(download.suggestedFilename()).toBe("mau-lang-giang.xlsx");
    const template = await loadWorkbook(readFileSync(await saved(download, "web-mau-lang-giang.xlsx")));
    const villages = template.getWorksheet("Trưởng thôn")!;
    const texts: unknown[] = [];
    villages.eachRow((row) => row.eachCell((cell) => texts.push(toCellValue(cell.value))));
    expect(texts).toEqual(expect.arrayContaining(["Vôi", "Kép"]));

    await page.getByRole("button", { name: "Dùng thử với workbook mẫu của huyện Lạng Giang" }).click();
    await page.getByRole("button", { name: "Tính lại chỉ tiêu" }).click();
    await page.getByText("Đã tính lại chỉ tiêu", { exact: true }).waitFor();
    await downloadFrom(DOWNLOAD);

    const origin = new URL(session.served.url).origin;
    const foreign = session.requests.filter((url) => new URL(url).origin !== origin && !url.startsWith(`blob:${origin}/`));
    expect(foreign).toEqual([]);
    // The record is real: the page, its script and the sample it was asked to open are in it.
    expect(session.requests).toEqual(expect.arrayContaining([session.served.url, `${origin}/preview.js`, `${origin}/lang-giang.xlsx`]));
  }, 120_000);

  it("switches its own controls and the pane to English, and back", async () => {
    await page.getByRole("button", { name: "Chuyển sang tiếng Anh" }).click();
    await page.getByRole("heading", { name: "District workbook", exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.getByRole("button", { name: "Try it with the sample workbook of Lạng Giang" }).click();
    await page.getByRole("button", { name: "Recalculate indicators" }).click();
    await page.getByText("Indicators recalculated", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Download the recalculated workbook" }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, "web-english.png") });
    // The pane's switch turns the page's controls too.
    await page.getByRole("button", { name: "Switch to Vietnamese" }).click();
    await page.getByRole("button", { name: DOWNLOAD }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
  }, 120_000);
});
