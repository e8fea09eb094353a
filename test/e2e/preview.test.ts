import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { saveWorkbook } from "../../src/hosts/xlsx/xlsx-host";
import { buildDefectWorkbook } from "../fixtures/defects";
import { legacyCopy, SAMPLE } from "../helpers/legacy";
import { filledThuNghiem } from "../helpers/thu-nghiem";
import { describeInChromium, expectText, ROOT, SHOTS, sessionPerTest } from "./browser";

describeInChromium("the task pane on the web page, in headless Chromium", () => {
  const session = sessionPerTest();
  let page: Page;

  beforeEach(async () => {
    page = session.page;
    await page.getByRole("button", { name: "Dùng thử với workbook mẫu của huyện Lạng Giang" }).click({ timeout: 60_000 });
    await page.getByRole("button", { name: "Tính lại chỉ tiêu" }).waitFor({ timeout: 60_000 });
  });

  async function open(name: string, bytes: Uint8Array): Promise<void> {
    const file = path.join(SHOTS, name);
    writeFileSync(file, bytes);
    await page.getByLabel("Mở workbook khác (.xlsx)").setInputFiles(file);
    await page.getByText(`Đang xem: ${name}`).waitFor();
  }

  it("recalculates the sample and shows the article's figures, in the pane and on the summary sheet", async () => {
    await page.getByRole("button", { name: "Tính lại chỉ tiêu" }).click();
    await page.getByText("Đã tính lại chỉ tiêu", { exact: true }).waitFor();
    const c5 = page.getByRole("listitem", { name: "C5 Tỷ lệ trưởng thôn là đảng viên" });
    await expectText(c5, ["65,8%", "75,0%", "87,8%", "Chưa đạt", "+12,8 điểm %"]);
    await page.getByRole("tab", { name: "Tổng hợp chỉ tiêu" }).click();
    const summary = page.getByRole("table", { name: "Tổng hợp chỉ tiêu" });
    await summary.getByText("TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ĐỀ ÁN 02").waitFor();
    await page.screenshot({ path: path.join(SHOTS, "preview-sample.png") });
  }, 120_000);

  it("checks a workbook with planted defects, lists them with their cells, and highlights a clicked one", async () => {
    const { workbook } = await buildDefectWorkbook();
    await open("loi-cai-san.xlsx", await saveWorkbook(workbook));
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    await page.getByText("Đã kiểm tra workbook", { exact: true }).waitFor();
    await page.getByRole("heading", { name: "Trưởng thôn (2 lỗi, 1 cảnh báo)" }).waitFor();
    await page.getByRole("region", { name: /^Phát hiện/ }).getByRole("button", { name: /^Lỗi Ô C19 / }).click();
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
    await page.getByRole("button", { name: /Công cụ cho ban tổ chức tỉnh/ }).click();
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
    await page.getByRole("button", { name: /^English/ }).click();
    await page.getByRole("button", { name: "Recalculate indicators" }).click();
    await page.getByText("Indicators recalculated", { exact: true }).waitFor();
    await expectText(page.getByRole("listitem", { name: "C5 Village heads who are party members" }), ["65.8%", "Not met"]);
    await page.screenshot({ path: path.join(SHOTS, "preview-english.png") });
  }, 120_000);
});
