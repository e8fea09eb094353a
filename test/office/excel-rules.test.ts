/**
 * The rules of real Excel the fake follows, each with the document or issue it comes from, and how the
 * Office host copes with them. The three defects of issue 13 are in issue-13-defects.test.ts.
 */
import fc from "fast-check";
import { recalculateWorkbook } from "../../src/app/use-cases";
import { describeFailure, HostFailure } from "../../src/app/failure";
import "../../src/app/failure-en";
import { OfficeHost } from "../../src/hosts/office/office-host";
import { districtArbitrary, districtWorkbook } from "../helpers/district";
import { NOW } from "../helpers/grid";
import { type FakeContext, FakeExcel, type FakeOfficeError, MERGED_AREAS_LIMIT, type Platform } from "./fake-excel";
import { fakeFromWorkbook } from "./from-exceljs";

const UNDO_DOC = "office-js-docs-pr, docs/excel/excel-add-ins-undo-capabilities.md";
const [district] = fc.sample(districtArbitrary, { numRuns: 1, seed: 3 });
const host = (fake: FakeExcel) => new OfficeHost({ runtime: fake.runtime() });

async function syncOne(fake: FakeExcel, options: object | null, queue: (context: FakeContext) => void): Promise<unknown> {
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

describe("the Office host against Excel's other rules", () => {
  it(`reads a sheet with more than ${MERGED_AREAS_LIMIT} merged areas: the merged areas again in bands of rows`, async () => {
    const fake = new FakeExcel();
    const rows = Array.from({ length: 700 }, (_, i) => [`Đơn vị ${i + 1}`, null, i]);
    fake.addSheet("Nhiều ô gộp", rows, { merges: rows.map((_, i) => `A${i + 1}:B${i + 1}`) });
    fake.addSheet("Khác", [["x"], [], ["gộp"]], { merges: ["A3:C3"] });
    const h = host(fake);
    const snapshot = await h.read();
    expect(snapshot.sheets[0].merges).toHaveLength(700);
    expect(snapshot.sheets[0].merges[699]).toEqual({ top: 699, left: 0, bottom: 699, right: 1 });
    expect(snapshot.sheets[1].merges).toEqual([{ top: 2, left: 0, bottom: 2, right: 2 }]);
    expect(snapshot.sheets[0].values[699]).toEqual(["Đơn vị 700", null, 699]);
    // The list, the refused window, the extents, the contents, then bands of 200 rows (one refused and halved).
    expect(h.stats.readSyncs).toBeLessThanOrEqual(8);
  });

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
    const partial = new HostFailure({ stage: "write", written: "partial", kind: "unknown", code: "GeneralException", detail: "boom", progress: { done: 3, total: 9, block: 1, blocks: 1 } });
    expect(describeFailure(partial, "recalculate", "vi")).toContain("chạy lại “Tính lại chỉ tiêu”");
    expect(describeFailure(partial, "template", "vi")).not.toContain("Tính lại chỉ tiêu");
    expect(describeFailure(partial, "template", "vi")).toContain("tạo mẫu trong một workbook trống mới");
    expect(describeFailure(partial, "consolidate", "vi")).toContain("tổng hợp lại");
    expect(describeFailure(partial, "recalculate", "en")).toBe(
      "Could not write to the workbook: Excel error GeneralException: boom. Excel carried out 3/9 steps before it stopped. Press Undo (Ctrl+Z) or run “Tính lại chỉ tiêu” again: running it again always gives the right result.",
    );
  });
});

