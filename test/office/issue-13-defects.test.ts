/**
 * Issue 13's three defects, which the fake hid until it learnt Microsoft's rules. This file uses only what
 * the code before the fix had (no new module), so it can be run against that code: there it fails.
 *  1. Excel.run({ mergeUndoGroup: true }) around calls without undo support (office-js-docs-pr,
 *     docs/excel/excel-add-ins-undo-capabilities.md; office-js #6491, #6711, #6255);
 *  2. a manifest minimum below ExcelApi 1.13, where merged cells cannot be read;
 *  3. a ribbon command that neither showed its result nor opened the pane.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { recalculateWorkbook } from "../../src/app/use-cases";
import { createTemplate } from "../../src/app/workbook-tools";
import { tinhLaiChiTieu } from "../../src/commands/recalculate-command";
import { bundledCatalogue } from "../../src/core/definitions/bundled";
import { MARKER_SHEET } from "../../src/core/workbook/ownership";
import { LISTS_SHEET } from "../../src/core/template/template-plan";
import { OfficeHost } from "../../src/hosts/office/office-host";
import { districtArbitrary, districtWorkbook } from "../helpers/district";
import { NOW } from "../helpers/grid";
import { FakeExcel, type Platform } from "./fake-excel";
import { fakeFromWorkbook } from "./from-exceljs";

const [district] = fc.sample(districtArbitrary, { numRuns: 1, seed: 3 });
const host = (fake: FakeExcel) => new OfficeHost({ runtime: fake.runtime() });

describe("issue 13, defect 1: a recalculation on Microsoft 365 for Windows and Mac (ExcelApi 1.20)", () => {
  it.each<Platform>(["windows", "mac", "web"])("completes on %s, hides the add-in's sheet, and a second run is one undo step that clears nothing", async (platform) => {
    const fake = fakeFromWorkbook(districtWorkbook(district));
    fake.platform = platform;
    const first = host(fake);
    await recalculateWorkbook(first, { now: NOW });
    expect(fake.sheet(MARKER_SHEET).visibility).toBe("VeryHidden");
    expect(fake.find("Tổng hợp chỉ tiêu")).toBeDefined();
    expect(first.stats.undoFallback).toBe(false);
    fake.undoCleared.length = 0;
    fake.runs.length = 0;
    await recalculateWorkbook(host(fake), { now: NOW });
    expect(fake.undoCleared.filter((api) => api !== "Range.getMergedAreasOrNullObject")).toEqual([]);
    expect(fake.runs.map((r) => r.options)).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true, mergeUndoGroup: true }]);
  });

  it("creates the template (protected sheets, hidden lists) on Windows with ExcelApi 1.20", async () => {
    const fake = new FakeExcel({ platform: "windows" });
    fake.addSheet("Sheet1");
    const sheets = await createTemplate(host(fake), bundledCatalogue().profile);
    for (const name of sheets.filter((s) => s !== "Chỉ tiêu")) expect([name, fake.sheet(name).protection.protected]).toEqual([name, true]);
    expect([fake.sheet(LISTS_SHEET).visibility, fake.sheet(MARKER_SHEET).visibility]).toEqual(["Hidden", "VeryHidden"]);
  });

  it("writes the plan again without the group when Excel refuses it anyway, and ends as a normal run does", async () => {
    const reference = fakeFromWorkbook(districtWorkbook(district));
    await recalculateWorkbook(host(reference), { now: NOW });
    const fake = fakeFromWorkbook(districtWorkbook(district));
    // Syncs: read 2, add and hide 1, then the grouped write, refused after 40 requests had run.
    fake.failSync(4, "UndoNotSupported", "The operation is not supported in an undo group.", 40);
    const h = host(fake);
    await recalculateWorkbook(h, { now: NOW });
    expect(h.stats.undoFallback).toBe(true);
    expect(fake.runs.at(-1)!.options).toEqual({ delayForCellEdit: true });
    for (const sheet of reference.sheets) {
      const contents = (s: typeof sheet) => [...s.cells].filter(([, c]) => c.value !== null || c.formula !== null).map(([k, c]) => [k, c.formula ?? c.value]);
      expect([sheet.name, contents(fake.sheet(sheet.name))]).toEqual([sheet.name, contents(sheet)]);
    }
  });

  it("finds a password-protected sheet before writing anything, and leaves every protection as it was", async () => {
    const fake = fakeFromWorkbook(districtWorkbook(district));
    // Every sheet protected, the one with calculated columns with a password: the others written to are
    // unprotected first and must be protected again.
    for (const sheet of fake.sheets) sheet.protection = { protected: true, options: sheet.name === "Tổ chức đảng" ? { password: "123" } : {} };
    const error = (await recalculateWorkbook(host(fake), { now: NOW }).catch((e: unknown) => e)) as { code: string; written: string; stage: string; message: string };
    expect(error.code).toBe("BadPassword");
    expect(error.written).toBe("nothing");
    expect(error.message).toMatch(/bảo vệ bằng mật khẩu.*Chưa có ô nào bị thay đổi\.$/);
    expect(fake.find("Tổng hợp chỉ tiêu")).toBeUndefined();
    expect(fake.sheets.filter((s) => !s.protection.protected).map((s) => s.name)).toEqual([]);
    expect(fake.undoCleared).toContain("WorksheetProtection.unprotect");
  });

  it("refuses a protected workbook structure before writing anything", async () => {
    const fake = fakeFromWorkbook(districtWorkbook(district));
    fake.structureProtection = { password: "" };
    const error = (await recalculateWorkbook(host(fake), { now: NOW }).catch((e: unknown) => e)) as { code: string; written: string; stage: string; message: string };
    expect(error.stage).toBe("plan");
    expect(error.message).toMatch(/^Workbook đang được bảo vệ cấu trúc.*Chưa ghi gì vào workbook\.$/);
    expect(fake.syncs).toBe(2);
  });
});

describe("issue 13, defect 2: the manifest's minimum", () => {
  it("asks for ExcelApi 1.13, where merged two-row headers can be read", () => {
    const manifest = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");
    expect(/<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(manifest)?.[1]).toBe("1.13");
  });
});

describe("issue 13, defect 3: the ribbon's command answers while the pane is closed", () => {
  it("shows the summary sheet it rebuilt and opens the pane on the result", async () => {
    const fake = fakeFromWorkbook(districtWorkbook(district));
    const shown: string[] = [];
    const completed = jest.fn();
    await tinhLaiChiTieu({ completed }, {
      createHost: () => host(fake),
      publish: () => {},
      showTaskpane: async () => void shown.push("pane"),
      now: () => NOW,
    });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.activeSheet).toBe("Tổng hợp chỉ tiêu");
    expect(shown).toEqual(["pane"]);
  });
});
