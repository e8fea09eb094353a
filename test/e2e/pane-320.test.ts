import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { saveWorkbook } from "../../src/hosts/xlsx/xlsx-host";
import { buildDefectWorkbook } from "../fixtures/defects";
import { describeInChromium, launchChromium, type Served as Preview, ROOT, SHOTS, startPreview, stopPreview } from "./browser";

/** Excel gives a task pane about 320–350 pixels; the narrow end is the one to design for. */
const WIDTH = 320;
const HEIGHT = 800;
const AXE = readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

const TEXT = {
  vi: { check: "Kiểm tra", done: "Đã kiểm tra workbook", headline: "Tóm tắt", missed: "Chưa đạt", province: /Công cụ cho ban tổ chức tỉnh/, findings: /^Phát hiện/, c5: "C5 Tỷ lệ trưởng thôn là đảng viên" },
  en: { check: "Check", done: "Workbook checked", headline: "Summary", missed: "Not met", province: /Tools for the province/, findings: /^Findings/, c5: "C5 Village heads who are party members" },
} as const;

type Language = keyof typeof TEXT;

/** Every element's box against the page's width inside its scrollbar, and the page's own horizontal overflow. */
async function overflow(page: Page): Promise<{ clientWidth: number; scrollWidth: number; wider: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const wider: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > width + 0.5 || box.left < -0.5) wider.push(`${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? "").slice(0, 40)}” ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
    return { clientWidth: width, scrollWidth: root.scrollWidth, wider };
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, which the pane's Content Security Policy does not govern.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.targets.join(", ")}`);
}

describeInChromium("the task pane at 320 pixels in Chromium", () => {
  let preview: Preview;
  let browser: Browser;
  let defects: Buffer;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    defects = Buffer.from(await saveWorkbook((await buildDefectWorkbook()).workbook));
    preview = await startPreview();
    // Playwright hides scrollbars in headless mode; a classic scrollbar takes its ~15 pixels from the pane, as on Windows.
    browser = await launchChromium({ ignoreDefaultArgs: ["--hide-scrollbars"] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    stopPreview(preview);
  });

  async function openPane(language: Language, workbook: "sample" | "defects"): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT }, locale: language === "vi" ? "vi-VN" : "en-US" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript((l) => localStorage.setItem("de-an-02.language", l), language);
    // /?pane=1 loads the sample; the planted-defect workbook is served in its place.
    if (workbook === "defects") await page.route("**/lang-giang.xlsx", (route) => route.fulfill({ body: defects, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    await page.goto(`${preview.url}?pane=1`);
    const t = TEXT[language];
    // Pressed from the keyboard, as a keyboard user would, so focus rings show as they would for them.
    await page.getByRole("button", { name: t.check, exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.getByText(t.done, { exact: true }).waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    return page;
  }

  it.each([
    ["vi", "sample"],
    ["en", "sample"],
    ["vi", "defects"],
    ["en", "defects"],
  ] as const)("in %s on the %s: nothing wider than the pane, the missed targets and worst unit on the first screen, no serious axe violation", async (language, workbook) => {
    const page = await openPane(language, workbook);
    const t = TEXT[language];
    try {
      const first = await overflow(page);
      expect(first.clientWidth).toBeLessThan(WIDTH); // the classic scrollbar is there
      expect(first.wider).toEqual([]);
      expect(first.scrollWidth).toBe(first.clientWidth);

      // The headline names every missed indicator and the worst unit, and sits whole on the first screen.
      const headline = page.getByRole("list", { name: t.headline });
      const box = (await headline.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(HEIGHT);
      const text = (await headline.textContent()) ?? "";
      expect(text).toContain("C5");
      expect(text).toMatch(/Hương Sơn 10\/24|Tân Thanh 5\/12/);
      // The first missed indicator's card starts on the first screen too.
      const missedCard = page.getByRole("listitem", { name: t.c5 });
      expect(await missedCard.textContent()).toContain(t.missed);
      expect((await missedCard.boundingBox())!.y).toBeLessThan(HEIGHT);
      if (workbook === "sample") expect((await page.getByRole("listitem", { name: /^A4 / }).boundingBox())!.y).toBeLessThan(HEIGHT);

      await page.screenshot({ path: path.join(SHOTS, `pane-320-${language}-${workbook}.png`) });
      expect(await seriousViolations(page)).toEqual([]);

      // Everything unfolded: the untargeted indicators, every unit list, the province's tools, an indicator's findings.
      const folded = page.locator('button[aria-expanded="false"]');
      while ((await folded.count()) > 0) await folded.first().click();
      const unfolded = await overflow(page);
      expect(unfolded.wider).toEqual([]);
      expect(unfolded.scrollWidth).toBe(unfolded.clientWidth);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("button", { name: t.province }).waitFor();
      await page.screenshot({ path: path.join(SHOTS, `pane-320-${language}-${workbook}-full.png`), fullPage: true });

      if (workbook === "defects") {
        // A finding is one button; reached with the keyboard it shows a ring.
        const line = page.getByRole("region", { name: t.findings }).getByRole("button").nth(1);
        await line.focus();
        await page.keyboard.press("Shift+Tab");
        await page.keyboard.press("Tab");
        expect(await line.evaluate((el) => el === document.activeElement)).toBe(true);
        const ring = await line.evaluate((el) => getComputedStyle(el).outlineStyle + " " + getComputedStyle(el).outlineWidth);
        expect(ring).toBe("solid 2px");
        await page.getByRole("region", { name: t.findings }).screenshot({ path: path.join(SHOTS, `pane-320-${language}-defects-findings.png`) });
      }
    } finally {
      await page.close();
    }
  }, 120_000);

  it("announces a run's result in a polite live region", async () => {
    const page = await openPane("vi", "defects");
    try {
      const status = page.getByRole("status");
      expect(await status.getAttribute("aria-live")).toBe("polite");
      expect(await status.textContent()).toMatch(/^Đã kiểm tra workbook 1\/10 chỉ tiêu có mục tiêu chưa đạt: C5\. .* \d+ lỗi cần sửa; \d+ cảnh báo cần xem\.$/);
    } finally {
      await page.close();
    }
  }, 120_000);
});
