import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { saveWorkbook } from "../../src/hosts/xlsx/xlsx-host";
import { buildDefectWorkbook } from "../fixtures/defects";
import { legacyCopy, SAMPLE } from "../helpers/legacy";
import { filledThuNghiem } from "../helpers/thu-nghiem";

const ROOT = path.resolve(__dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
const SHOTS = path.join(ROOT, "test-output");
// CI installs Debian's chromium (.ci/run); a developer without it is told, rather than failing the suite.
const run = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;
if (!existsSync(CHROMIUM) && !process.env.CI) console.warn("test/e2e skipped: install Debian's chromium (apt-get install -y chromium) to run the browser tests.");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startPreview(): Promise<{ url: string; server: ChildProcess }> {
  const port = await freePort();
  const server = spawn(path.join(ROOT, "node_modules/.bin/webpack"), ["serve", "--config", "webpack.preview.js"], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, detached: true });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${output}`)), 120_000);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Bản xem thử \/ preview: (http:\/\/localhost:\d+\/)/.exec(output);
      if (found && /compiled/.test(output)) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    server.stdout!.on("data", listen);
    server.stderr!.on("data", listen);
  });
  return { url, server };
}

run("the browser preview in headless Chromium", () => {
  let preview: { url: string; server: ChildProcess };
  let browser: Browser;
  let page: Page;
  /** Uncaught errors in the page: React unmounts the whole pane on one, so any is a failure. */
  let pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    preview = await startPreview();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (preview?.server.pid) process.kill(-preview.server.pid, "SIGTERM");
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: "vi-VN" });
    // The preview carries the pane's Content Security Policy; anything it blocks is a failure.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    pageErrors = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(preview.url);
    await page.getByRole("button", { name: "Tính lại chỉ tiêu" }).waitFor({ timeout: 60_000 });
  });

  afterEach(async () => {
    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    await page.close();
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  async function open(name: string, bytes: Uint8Array): Promise<void> {
    const file = path.join(SHOTS, name);
    writeFileSync(file, bytes);
    await page.getByLabel("Mở workbook khác (.xlsx)").setInputFiles(file);
    await page.getByText(`Đang xem: ${name}`).waitFor();
  }

  it("recalculates the sample and shows the article's figures, in the pane and on the summary sheet", async () => {
    await page.getByRole("button", { name: "Tính lại chỉ tiêu" }).click();
    await page.getByText("Đã tính lại chỉ tiêu").waitFor();
    const c5 = page.getByRole("row", { name: /^C5 / });
    await expectText(c5, ["65,8%", "75,0%", "87,8%", "Chưa đạt", "+12,8%"]);
    await page.getByRole("tab", { name: "Tổng hợp chỉ tiêu" }).click();
    const summary = page.getByRole("table", { name: "Tổng hợp chỉ tiêu" });
    await summary.getByText("TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ĐỀ ÁN 02").waitFor();
    await page.screenshot({ path: path.join(SHOTS, "preview-sample.png") });
  }, 120_000);

  it("checks a workbook with planted defects, lists them with their cells, and highlights a clicked one", async () => {
    const { workbook } = await buildDefectWorkbook();
    await open("loi-cai-san.xlsx", await saveWorkbook(workbook));
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    await page.getByText("Đã kiểm tra workbook").waitFor();
    await page.getByRole("heading", { name: "Trưởng thôn (2 lỗi, 1 cảnh báo)" }).waitFor();
    await page.getByRole("button", { name: "Chọn ô Trưởng thôn!C19" }).click();
    const cell = page.locator('td[aria-current="true"]');
    await cell.waitFor();
    expect([await cell.getAttribute("data-cell"), await cell.textContent()]).toEqual(["C19", "8/8"]);
    expect(await page.getByRole("tab", { name: "Trưởng thôn" }).getAttribute("aria-selected")).toBe("true");
    await page.screenshot({ path: path.join(SHOTS, "preview-defects.png") });
  }, 120_000);

  it("consolidates district files read in the browser into a province sheet, under the pane's CSP", async () => {
    const thuNghiem = path.join(SHOTS, "thu-nghiem.xlsx");
    writeFileSync(thuNghiem, await saveWorkbook(await filledThuNghiem()));
    const broken = path.join(SHOTS, "hong.xlsx");
    writeFileSync(broken, "không phải excel");
    await page.getByLabel("Tệp của các huyện").setInputFiles([SAMPLE, thuNghiem, broken, path.join(ROOT, "test/fixtures/thu-nghiem.profile.json")]);
    await page.getByRole("button", { name: "Tổng hợp vào workbook này" }).click();
    await page.getByText("Đã ghi sheet “Tổng hợp toàn tỉnh” từ 2 huyện.").waitFor({ timeout: 60_000 });
    await page.getByText("hong (hong.xlsx): không đọc được — không phải tệp .xlsx (không đúng định dạng Excel)").waitFor();
    await page.getByRole("tab", { name: "Tổng hợp toàn tỉnh" }).click();
    const c5 = page.getByRole("table", { name: "Tổng hợp toàn tỉnh" }).getByRole("row", { name: /^\d+ C5 / });
    // Lạng Giang 187/284 and Thử Nghiệm 32/45 make 219/329 for the province.
    await expectText(c5, ["219", "329"]);
    await page.screenshot({ path: path.join(SHOTS, "preview-province.png") });
  }, 120_000);

  it("converts a TCVN3 workbook to Unicode from the pane", async () => {
    await open("tcvn3.xlsx", await saveWorkbook(await legacyCopy((sheet) => (sheet === "Trưởng thôn" ? "tcvn3" : null))));
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    await page.getByRole("region", { name: "Chữ gõ bằng bảng mã cũ" }).waitFor();
    await page.getByRole("button", { name: "Chuyển sang Unicode" }).click();
    await page.getByText(/^Đã chuyển \d+ ô của sheet “Tr­ëng th«n” từ TCVN3/).waitFor();
    await page.getByRole("tab", { name: "Tr­ëng th«n" }).click();
    await page.locator('td[data-cell="B8"]', { hasText: "TT Vôi" }).waitFor();
  }, 120_000);

  it("speaks English after the switch", async () => {
    await page.getByRole("button", { name: "Chuyển sang tiếng Anh" }).click();
    await page.getByRole("button", { name: "Recalculate indicators" }).click();
    await page.getByText("Indicators recalculated").waitFor();
    await expectText(page.getByRole("row", { name: /^C5 / }), ["65.8%", "Not met"]);
    await page.screenshot({ path: path.join(SHOTS, "preview-english.png") });
  }, 120_000);
});

async function expectText(locator: ReturnType<Page["getByRole"]>, parts: string[]): Promise<void> {
  await locator.waitFor();
  const text = (await locator.textContent()) ?? "";
  for (const part of parts) expect(text).toContain(part);
}
