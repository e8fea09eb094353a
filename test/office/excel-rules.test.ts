/**
 * The rules of real Excel the fake follows, each with the document or issue it comes from, and the three
 * defects of issue 13 that the fake used to hide: an undo group refused on Windows and Mac, a manifest
 * minimum below merged cells, a ribbon command that said nothing.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { recalculateWorkbook } from "../../src/app/use-cases";
import { createTemplate } from "../../src/app/workbook-tools";
import { describeFailure, HostFailure } from "../../src/app/failure";
import { MARKER_SHEET } from "../../src/core/engine/ownership";
import { LISTS_SHEET } from "../../src/core/template/template-plan";
import { bundledCatalogue } from "../../src/core/definitions/bundled";
import type { Plan } from "../../src/core/model";
import { OfficeHost } from "../../src/hosts/office/office-host";
import { districtArbitrary, districtWorkbook } from "../helpers/district";
import { NOW } from "../helpers/grid";
import { FakeExcel, FakeOfficeError, MERGED_AREAS_LIMIT, type Platform } from "./fake-excel";
import { fakeFromWorkbook } from "./from-exceljs";

const UNDO_DOC = "office-js-docs-pr, docs/excel/excel-add-ins-undo-capabilities.md";
const [district] = fc.sample(districtArbitrary, { numRuns: 1, seed: 3 });
const host = (fake: FakeExcel) => new OfficeHost({ runtime: fake.runtime() });

async function syncOne(fake: FakeExcel, options: object | null, queue: (context: any) => void): Promise<unknown> {
  return fake.run(options, async (context) => {
    queue(context);
    await context.sync();
  }).then(() => null, (e: unknown) => e);
}

describe("the fake Excel follows Microsoft's rules", () => {
  it.each<[Platform, boolean]>([["windows", true], ["mac", true], ["web", false]])(
    `refuses Worksheet.visibility inside an undo group on %s (refused: %s), and clears the undo stack outside one (${UNDO_DOC})`,
    async (platform, refused) => {
      const fake = new FakeExcel({ platform });
      fake.addSheet("A");
      fake.addSheet("B");
      const error = await syncOne(fake, { mergeUndoGroup: true }, (c) => (c.workbook.worksheets.getItem("B").visibility = "Hidden"));
      expect((error as FakeOfficeError | null)?.code ?? null).toBe(refused ? "UndoNotSupported" : null);
      expect(fake.sheet("B").visibility).toBe(refused ? "Visible" : "Hidden");
      await syncOne(fake, null, (c) => (c.workbook.worksheets.getItem("B").visibility = "VeryHidden"));
      expect(fake.undoCleared).toEqual(refused ? ["Worksheet.visibility"] : []);
    },
  );

  it(`refuses protect and unprotect inside an undo group on every platform (${UNDO_DOC})`, async () => {
    for (const platform of ["windows", "mac", "web"] as Platform[]) {
      const fake = new FakeExcel({ platform });
      fake.addSheet("A");
      const error = (await syncOne(fake, { mergeUndoGroup: true }, (c) => c.workbook.worksheets.getItem("A").protection.protect())) as FakeOfficeError;
      expect([platform, error.code]).toEqual([platform, "UndoNotSupported"]);
    }
  });

  it("answers protect on a protected sheet and unprotect on an open one with AccessDenied, a wrong password with BadPassword (office-js #6784; Excel.ErrorCodes)", async () => {
    const fake = new FakeExcel();
    fake.addSheet("A", [], { protectedWith: { password: "bí mật" } });
    fake.addSheet("B");
    expect(((await syncOne(fake, null, (c) => c.workbook.worksheets.getItem("A").protection.unprotect())) as FakeOfficeError).code).toBe("BadPassword");
    expect(((await syncOne(fake, null, (c) => c.workbook.worksheets.getItem("A").protection.protect())) as FakeOfficeError).code).toBe("AccessDenied");
    expect(((await syncOne(fake, null, (c) => c.workbook.worksheets.getItem("B").protection.unprotect())) as FakeOfficeError).code).toBe("AccessDenied");
  });

  it("refuses adding or hiding a sheet while the workbook structure is protected (Review › Protect Workbook)", async () => {
    const fake = new FakeExcel();
    fake.addSheet("A");
    fake.structureProtection = { password: "" };
    expect(((await syncOne(fake, null, (c) => c.workbook.worksheets.add("B"))) as FakeOfficeError).code).toBe("AccessDenied");
    expect(fake.find("B")).toBeUndefined();
  });

  it(`fails getMergedAreasOrNullObject above ${MERGED_AREAS_LIMIT} merged areas (Range.getMergedAreasOrNullObject reference) and clears the undo stack on Windows (office-js #5918)`, async () => {
    const fake = new FakeExcel();
    fake.addSheet("A", [], { merges: Array.from({ length: MERGED_AREAS_LIMIT + 1 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`) });
    const error = (await syncOne(fake, null, (c) => c.workbook.worksheets.getItem("A").getRange("A1:B2000").getMergedAreasOrNullObject())) as FakeOfficeError;
    expect(error.code).toBe("GeneralException");
    expect(await syncOne(fake, null, (c) => c.workbook.worksheets.getItem("A").getRange("A1:B1000").getMergedAreasOrNullObject())).toBeNull();
    expect(fake.undoCleared).toContain("Range.getMergedAreasOrNullObject");
  });

  it("keeps a formula written into a Text-formatted cell as text (Excel's rule for typed input into cells formatted as Text)", async () => {
    const fake = new FakeExcel();
    fake.addSheet("A");
    await syncOne(fake, null, (c) => {
      const ws = c.workbook.worksheets.getItem("A");
      ws.getRange("A1:A2").numberFormat = [["@"], ["@"]];
      ws.getRange("A1").formulas = [["=1+1"]];
      ws.getRange("A2").numberFormat = [["0.0"]];
      ws.getRange("A2").formulas = [["=1+1"]];
    });
    expect([fake.sheet("A").cell("A1")!.formula, fake.sheet("A").cell("A1")!.value]).toEqual([null, "=1+1"]);
    expect(fake.sheet("A").cell("A2")!.formula).toBe("=1+1");
  });

  it("fails a batch in cell-edit mode unless Excel.run asked to wait (RunOptions.delayForCellEdit)", async () => {
    const fake = new FakeExcel();
    fake.addSheet("A");
    fake.cellEditMode = true;
    expect(((await syncOne(fake, null, (c) => c.workbook.worksheets.load("items/name"))) as FakeOfficeError).code).toBe("InvalidOperationInCellEditMode");
    expect(await syncOne(fake, { delayForCellEdit: true }, (c) => c.workbook.worksheets.load("items/name"))).toBeNull();
  });

  it("leaves formulas uncalculated in manual calculation until Application.calculate", async () => {
    const fake = new FakeExcel();
    fake.addSheet("A");
    fake.calculationMode = "Manual";
    await syncOne(fake, null, (c) => (c.workbook.worksheets.getItem("A").getRange("A1").formulas = [["=1"]]));
    expect(fake.uncalculated).toBe(true);
    await syncOne(fake, null, (c) => c.workbook.application.calculate("Recalculate"));
    expect(fake.uncalculated).toBe(false);
  });

  it("counts each request's own overhead against the request limit, not only its data (Excel on the web: 5 MB per request)", async () => {
    const fake = new FakeExcel({ requestBytes: 10_000, callBytes: 100 });
    fake.addSheet("A");
    const error = (await syncOne(fake, null, (c) => {
      for (let i = 0; i < 200; i++) c.workbook.worksheets.getItem("A").getRange(`A${i + 1}`).format.font.bold = true;
    })) as FakeOfficeError;
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
  });
});

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
    const error = (await recalculateWorkbook(host(fake), { now: NOW }).catch((e: unknown) => e)) as HostFailure;
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
    const error = (await recalculateWorkbook(host(fake), { now: NOW }).catch((e: unknown) => e)) as HostFailure;
    expect(error.stage).toBe("plan");
    expect(error.message).toMatch(/^Workbook đang được bảo vệ cấu trúc.*Chưa ghi gì vào workbook\.$/);
    expect(fake.syncs).toBe(2);
  });
});

describe("the Office host against Excel's other rules", () => {
  it("writes a calculated column's number format before its formulas, so a column the person set to Text still calculates", async () => {
    const fake = fakeFromWorkbook(districtWorkbook(district));
    const [first] = fake.sheets;
    for (const [, , cell] of first.stored({ top: 0, left: 0, bottom: 2000, right: 60 })) cell.numberFormat = "@";
    // Every cell of the first sheet, blank ones included, formatted as Text.
    for (let r = 0; r < 60; r++) for (let c = 0; c < 30; c++) first.ensure(r, c).numberFormat = "@";
    await recalculateWorkbook(host(fake), { now: NOW });
    const texts = [...first.cells.values()].filter((c) => typeof c.value === "string" && c.value.startsWith("=") && c.formula === null);
    expect(texts).toEqual([]);
    expect([...first.cells.values()].some((c) => c.formula !== null)).toBe(true);
  });

  it("splits a block Excel refuses as too large and sends it again, counting each call's overhead", async () => {
    const fake = fakeFromWorkbook(districtWorkbook(district));
    fake.limits.requestBytes = 60_000;
    const h = new OfficeHost({ runtime: fake.runtime(), writeLimits: { blockBytes: 55_000, callBytes: 10 } });
    await recalculateWorkbook(h, { now: NOW });
    expect(h.stats.applyBlocks).toBeGreaterThan(1);
    expect(fake.find("Tổng hợp chỉ tiêu")).toBeDefined();
  });

  it("recalculates after writing when calculation is manual", async () => {
    const fake = fakeFromWorkbook(districtWorkbook(district));
    fake.calculationMode = "Manual";
    await recalculateWorkbook(host(fake), { now: NOW });
    expect(fake.uncalculated).toBe(false);
    expect(fake.calculations).toEqual(["Recalculate"]);
  });

  it("says a timed-out write without claiming what it changed, and gives the rerun advice only for a recalculation", () => {
    const partial = new HostFailure("write", "partial", "GeneralException", "boom", { done: 3, total: 9, block: 1, blocks: 1 });
    expect(describeFailure(partial, "vi", "recalculate")).toContain("chạy lại “Tính lại chỉ tiêu”");
    expect(describeFailure(partial, "vi", "template")).not.toContain("Tính lại chỉ tiêu");
    expect(describeFailure(partial, "vi", "template")).toContain("tạo mẫu trong một workbook trống mới");
    expect(describeFailure(partial, "vi", "consolidate")).toContain("tổng hợp lại");
    expect(describeFailure(partial, "en", "recalculate")).toBe(
      "Could not write to the workbook: Excel error GeneralException: boom. Excel carried out 3/9 steps before it stopped. Press Undo (Ctrl+Z) or run “Tính lại chỉ tiêu” again: running it again always gives the right result.",
    );
  });
});

describe("issue 13, defect 2: the manifest's minimum", () => {
  it("asks for ExcelApi 1.13, where merged two-row headers can be read", () => {
    const manifest = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");
    expect(/<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(manifest)?.[1]).toBe("1.13");
  });
});
