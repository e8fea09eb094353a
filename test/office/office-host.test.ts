import { recalculateWorkbook } from "../../src/app/use-cases";
import type { Plan } from "../../src/core/model";
import { OfficeHostError } from "../../src/hosts/office/host-error";
import { OfficeHost, type OfficeHostOptions } from "../../src/hosts/office/office-host";
import { widthInPoints } from "../../src/hosts/office/write-plan";
import { districtArbitrary, districtWorkbook } from "../helpers/district";
import { NOW } from "../helpers/grid";
import fc from "fast-check";
import { FakeExcel } from "./fake-excel";
import { fakeFromWorkbook } from "./from-exceljs";

function hostOn(fake: FakeExcel, options: Omit<OfficeHostOptions, "runtime"> = {}): OfficeHost {
  return new OfficeHost({ runtime: fake.runtime(), ...options });
}

function smallWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet(
    "Trưởng thôn",
    [
      ["BIỂU TRƯỞNG THÔN"],
      ["STT", "Đơn vị", "Số thôn", null, "Ghi chú"],
      [null, null, "Tổng", "Đảng viên"],
      [1, "Tân Thanh", 12, 5, "=chưa rõ"],
      [2, "Xương Lâm", { formula: "=1/0", value: "#DIV/0!" }, { error: "#N/A" }, true],
      [null, "Tổng cộng", { formula: "=SUM(C4:C5)", value: 12 }, { formula: "=SUM(D4:D5)", value: 5 }],
    ],
    { merges: ["A2:A3", "B2:B3", "C2:D2"] },
  );
  fake.addSheet("Ẩn", [[null, null], [null, "x"]], { visibility: "VeryHidden" });
  fake.addSheet("Trống");
  return fake;
}

/** A generated district whose first sheet has `rows` rows (the communes over and over: findings, not failures). */
async function districtWithRows(rows: number): Promise<FakeExcel> {
  const [district] = fc.sample(districtArbitrary, { numRuns: 1, seed: 7 });
  const s1 = Array.from({ length: rows }, (_, i) => district.s1[i % district.s1.length]);
  return fakeFromWorkbook(districtWorkbook({ ...district, s1 }));
}

describe("OfficeHost.read", () => {
  it("returns every sheet's values, formulas, errors and merges anchored at A1, in two syncs", async () => {
    const fake = smallWorkbook();
    const host = hostOn(fake);
    const snapshot = await host.read();

    expect(fake.syncs).toBe(2);
    expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([["Trưởng thôn", "visible"], ["Ẩn", "veryHidden"], ["Trống", "visible"]]);
    const [s] = snapshot.sheets;
    expect(s.values[0]).toEqual(["BIỂU TRƯỞNG THÔN"]);
    expect(s.values[1]).toEqual(["STT", "Đơn vị", "Số thôn", null, "Ghi chú"]);
    expect(s.values[3]).toEqual([1, "Tân Thanh", 12, 5, "=chưa rõ"]);
    expect(s.values[4]).toEqual([2, "Xương Lâm", { error: "#DIV/0!" }, { error: "#N/A" }, true]);
    expect(s.values[5]).toEqual([null, "Tổng cộng", 12, 5]);
    expect(s.formulas?.[4]).toEqual([null, null, "1/0", null, null]);
    expect(s.formulas?.[5]).toEqual([null, null, "SUM(C4:C5)", "SUM(D4:D5)"]);
    expect(s.merges).toEqual(expect.arrayContaining([
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 3 },
    ]));
    expect(s.merges).toHaveLength(3);
    expect(snapshot.sheets[1].values).toEqual([[], [null, "x"]]);
    expect(snapshot.sheets[2].values).toEqual([]);
    expect(fake.abandonedRequests).toBe(0);
  });

  it("takes a text that starts with = (typed with an apostrophe) for text, not for a formula", async () => {
    const fake = smallWorkbook();
    const snapshot = await hostOn(fake).read();
    expect(snapshot.sheets[0].values[3][4]).toBe("=chưa rõ");
    expect(snapshot.sheets[0].formulas?.[3][4]).toBeNull();
  });

  it("reads merged areas on the manifest's minimum, ExcelApi 1.13, and waits out cell-edit mode", async () => {
    const fake = smallWorkbook();
    fake.apiVersion = "1.13";
    fake.cellEditMode = true;
    const snapshot = await hostOn(fake).read();
    expect(snapshot.sheets[0].merges).toHaveLength(3);
    expect(fake.runs.map((r) => r.options)).toEqual([{ delayForCellEdit: true }]);
    expect(fake.delayedForCellEdit).toBe(1);
  });

  it("reads a sheet beyond the window in row blocks, one sync per block", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Dài", Array.from({ length: 45 }, (_, r) => [r, `dòng ${r}`, { formula: `=A${r + 1}*2`, value: r * 2 }]));
    const host = hostOn(fake, { readLimits: { windowRows: 10, windowColumns: 2, blockCells: 30, blockRows: 15 } });
    const snapshot = await host.read();
    const sheet = snapshot.sheets[0];
    expect(sheet.values).toHaveLength(45);
    expect(sheet.values[44]).toEqual([44, "dòng 44", 88]);
    expect(sheet.formulas?.[44]).toEqual([null, null, "A45*2"]);
    expect(sheet.values[3]).toEqual([3, "dòng 3", 6]);
    // 2 syncs, then rows 11–45 of A:B and rows 1–45 of column C, at most 15 rows per block: 3 + 3.
    expect(host.stats.readSyncs).toBe(2 + 3 + 3);
    expect(fake.syncs).toBe(host.stats.readSyncs);
  });

  it("reads again in blocks when Excel refuses the response as too large", async () => {
    const fake = new FakeExcel({ responseBytes: 60_000 });
    fake.addSheet("Rộng", Array.from({ length: 400 }, (_, r) => [r, "x".repeat(40), "y".repeat(40)]), { merges: ["A1:B1"] });
    fake.addSheet("Nhỏ", [["a", 1]]);
    const host = hostOn(fake, { readLimits: { blockCells: 600, blockRows: 200 } });
    const snapshot = await host.read();
    expect(snapshot.sheets[0].values).toHaveLength(400);
    expect(snapshot.sheets[0].values[399]).toEqual([399, "x".repeat(40), "y".repeat(40)]);
    expect(snapshot.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(snapshot.sheets[1].values).toEqual([["a", 1]]);
    expect(fake.syncLog.every((s) => s.responseBytes <= 60_000)).toBe(true);
  });

  it("says in Vietnamese that reading failed and nothing was written", async () => {
    const fake = smallWorkbook();
    // The contents sync fails, and so does the sync that asks again without merged areas.
    fake.failSync(2, "GeneralException", "boom");
    fake.failSync(3, "GeneralException", "boom");
    const error = await hostOn(fake).read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeHostError);
    expect((error as OfficeHostError).message).toBe("Không đọc được workbook: lỗi Excel GeneralException: boom. Chưa ghi gì vào workbook.");
    expect((error as OfficeHostError).written).toBe("nothing");
  });
});

describe("a full recalculation through the Office host", () => {
  it.each([10, 10_000])("costs 4 syncs the first time with %i rows in the first sheet (read 2, add and hide 1, write 1), 3 after", async (rows) => {
    const fake = await districtWithRows(rows);
    const host = hostOn(fake);
    const outcome = await recalculateWorkbook(host, { now: NOW });
    expect(outcome.summarySheet).toBe("Tổng hợp chỉ tiêu");
    expect({ read: host.stats.readSyncs, apply: host.stats.applySyncs, total: fake.syncs }).toEqual({ read: 2, apply: 2, total: 4 });
    fake.syncs = 0;
    await recalculateWorkbook(host, { now: NOW });
    expect({ apply: host.stats.applySyncs, total: fake.syncs }).toEqual({ apply: 1, total: 3 });
    expect(fake.abandonedRequests).toBe(0);
    expect(fake.find("Tổng hợp chỉ tiêu")).toBeDefined();
    expect(fake.sheet("_DeAn02_QuanLy").visibility).toBe("VeryHidden");
    const calculated = [...fake.sheet("Tổ chức đảng").cells.values()].filter((c) => c.formula !== null).length;
    expect(calculated).toBeGreaterThanOrEqual(rows);
  });

  it("writes as one undo group where ExcelApi 1.20 exists, with the sheet it hides added before the group; no group on ExcelApi 1.13", async () => {
    const modern = await districtWithRows(10);
    await recalculateWorkbook(hostOn(modern), { now: NOW });
    const delay = { delayForCellEdit: true };
    expect(modern.runs.map((r) => r.options)).toEqual([delay, delay, { ...delay, mergeUndoGroup: true }]);

    const older = await districtWithRows(10);
    older.apiVersion = "1.13";
    await recalculateWorkbook(hostOn(older), { now: NOW });
    expect(older.runs.map((r) => r.options)).toEqual([delay, delay, delay]);
    expect(older.sheet("Tổng hợp chỉ tiêu").pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4" });
  });

  it("rebuilds the summary in place on a second run: same sheet, never deleted, same contents", async () => {
    const fake = await districtWithRows(10);
    await recalculateWorkbook(hostOn(fake), { now: NOW });
    const summary = fake.sheet("Tổng hợp chỉ tiêu");
    const first = new Map([...summary.cells].map(([k, c]) => [k, c.formula ?? c.value]));
    fake.syncs = 0;
    await recalculateWorkbook(hostOn(fake), { now: NOW });
    expect(fake.sheet("Tổng hợp chỉ tiêu")).toBe(summary);
    expect(fake.deleted).toEqual([]);
    expect(fake.syncs).toBe(3);
    const second = new Map([...summary.cells].filter(([, c]) => c.formula !== null || c.value !== null).map(([k, c]) => [k, c.formula ?? c.value]));
    expect(second).toEqual(new Map([...first].filter(([, v]) => v !== null)));
    expect(fake.sheets.filter((s) => s.name.startsWith("Tổng hợp"))).toHaveLength(1);
  });
});

describe("OfficeHost.apply", () => {
  async function applied(plan: Plan, setup?: (fake: FakeExcel) => void) {
    const fake = new FakeExcel();
    fake.addSheet("Dữ liệu", [["Đơn vị", "Số"], ["A", 1]]);
    setup?.(fake);
    const host = hostOn(fake);
    await host.read();
    fake.syncs = 0;
    await host.apply(plan);
    return { fake, host };
  }

  it("writes formulas with '=', text as text whatever it looks like, numbers and blanks", async () => {
    const { fake } = await applied({
      ops: [
        { op: "prepareSheet", sheet: "Kết quả" },
        {
          op: "setCells",
          sheet: "Kết quả",
          anchor: "B2",
          cells: [
            [{ kind: "formula", formula: "SUM('Dữ liệu'!B2:B9)", result: 1 }, { kind: "text", text: "=SUM(A1:A3)" }, { kind: "number", value: 0.25 }],
            [{ kind: "text", text: "0012" }, { kind: "text", text: "'trích dẫn" }, { kind: "empty" }],
            [{ kind: "text", text: "+84 912" }, { kind: "text", text: "TRUE" }, { kind: "text", text: "1/2" }],
          ],
        },
        { op: "setCells", sheet: "Kết quả", anchor: "A6", cells: [[{ kind: "text", text: "dòng ngắn" }], [{ kind: "text", text: "a" }, { kind: "text", text: "b" }]] },
      ],
    });
    const sheet = fake.sheet("Kết quả");
    expect(sheet.content("B2")).toBe("=SUM('Dữ liệu'!B2:B9)");
    expect(sheet.cell("C2")).toMatchObject({ value: "=SUM(A1:A3)", formula: null });
    expect(sheet.content("D2")).toBe(0.25);
    expect(sheet.cell("B3")).toMatchObject({ value: "0012", formula: null });
    expect(sheet.cell("C3")).toMatchObject({ value: "'trích dẫn", formula: null });
    expect(sheet.content("D3")).toBeNull();
    expect(sheet.cell("B4")).toMatchObject({ value: "+84 912", formula: null });
    expect(sheet.cell("C4")).toMatchObject({ value: "TRUE", formula: null });
    expect(sheet.cell("D4")).toMatchObject({ value: "1/2", formula: null, numberFormat: "General" });
    expect([sheet.content("A6"), sheet.content("A7"), sheet.content("B7")]).toEqual(["dòng ngắn", "a", "b"]);
    expect(fake.syncs).toBe(1);
    expect(fake.suspendedSyncs).toEqual([1]);
  });

  it("clears an existing sheet in place instead of deleting it, merges and formats included", async () => {
    const { fake } = await applied({ ops: [{ op: "prepareSheet", sheet: "Cũ" }, { op: "setCells", sheet: "Cũ", anchor: "A1", cells: [[{ kind: "text", text: "mới" }]] }] }, (f) => {
      const old = f.addSheet("Cũ", [["cũ", 1], [2, 3]], { merges: ["A1:B1"] });
      old.ensure(1, 1).format.bold = true;
      old.conditionalFormats.push({ rect: { top: 0, left: 0, bottom: 9, right: 0 }, type: "Custom", formula: "=A1>1" });
      old.frozenRows = 2;
    });
    const sheet = fake.sheet("Cũ");
    expect(fake.deleted).toEqual([]);
    expect(sheet.content("A1")).toBe("mới");
    expect([sheet.content("B1"), sheet.content("A2"), sheet.content("B2")]).toEqual([null, null, null]);
    expect(sheet.cell("B2")?.format).toEqual({});
    expect(sheet.merges).toEqual([]);
    expect(sheet.conditionalFormats).toEqual([]);
    expect(sheet.frozenRows).toBe(0);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Dữ liệu", "Cũ"]);
  });

  it("keeps the same sheet object across prepareSheet: the sheet Excel has is cleared, not replaced", async () => {
    let before: unknown;
    const { fake } = await applied({ ops: [{ op: "prepareSheet", sheet: "Cũ" }] }, (f) => (before = f.addSheet("Cũ", [["x"]])));
    expect(fake.sheet("Cũ")).toBe(before);
  });

  it("styles, merges, sets widths in points, conditional formats, freezes, lays out the page, validates and protects", async () => {
    const { fake } = await applied({
      ops: [
        { op: "prepareSheet", sheet: "Tổng hợp" },
        { op: "setCells", sheet: "Tổng hợp", anchor: "A1", cells: [[{ kind: "text", text: "Tiêu đề" }]] },
        { op: "merge", sheet: "Tổng hợp", range: "A1:C1" },
        { op: "style", sheet: "Tổng hợp", range: "A2:C4", style: { bold: true, fill: "DDEBF7", fontColor: "9C0006", hAlign: "center", vAlign: "middle", wrap: true, border: true, numberFormat: "0.0%", locked: false } },
        { op: "columnWidths", sheet: "Tổng hợp", widths: [{ column: 2, width: 46 }] },
        { op: "conditionalFormat", sheet: "Tổng hợp", range: "H6:H20", rules: [{ formula: '$H6="Đạt"', fill: "C6EFCE", fontColor: "006100" }] },
        { op: "conditionalFormat", sheet: "Tổng hợp", range: "H6:H20", rules: [{ formula: '$H6="Không đạt"', fill: "FFC7CE", fontColor: "9C0006" }] },
        { op: "freezeRows", sheet: "Tổng hợp", rows: 5 },
        { op: "pageSetup", sheet: "Tổng hợp", orientation: "landscape", printTitleRows: "5:5" },
        { op: "dataValidation", sheet: "Dữ liệu", range: "B2:B30", rule: { kind: "wholeNumber", min: 0, message: "Số nguyên từ 0." } },
        { op: "dataValidation", sheet: "Dữ liệu", range: "A2:A30", rule: { kind: "list", source: "'Danh mục'!$A$2:$A$24", strict: false, message: "Không có trong danh sách." } },
        { op: "protectSheet", sheet: "Tổng hợp" },
        { op: "sheetVisibility", sheet: "Tổng hợp", visibility: "hidden" },
      ],
    });
    const sheet = fake.sheet("Tổng hợp");
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(sheet.cell("B3")).toMatchObject({ numberFormat: "0.0%", format: { bold: true, fill: "#DDEBF7", fontColor: "#9C0006", hAlign: "Center", vAlign: "Center", wrap: true, locked: false } });
    const thin = { style: "Continuous", color: "#808080", weight: "Thin" };
    expect(sheet.cell("B3")?.format.borders).toEqual({ top: thin, bottom: thin, left: thin, right: thin });
    expect(sheet.cell("A2")?.format.borders).toEqual({ top: thin, bottom: thin, left: thin, right: thin });
    expect(sheet.columnWidths.get(1)).toBe(widthInPoints(46));
    expect(sheet.conditionalFormats).toEqual([{ rect: { top: 5, left: 7, bottom: 19, right: 7 }, type: "Custom", formula: '=$H6="Không đạt"', fill: "#FFC7CE", fontColor: "#9C0006" }]);
    expect(sheet.frozenRows).toBe(5);
    expect(sheet.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$5:$5", zoom: { horizontalFitToPages: 1 } });
    expect(sheet.pageLayout.margins).toEqual({ left: 36, right: 36, top: 43.2, bottom: 43.2, header: 21.6, footer: 21.6 });
    expect(sheet.protection).toEqual({ protected: true, options: { allowFormatColumns: true, allowFormatRows: true, selectionMode: "Normal" } });
    expect(sheet.visibility).toBe("Hidden");
    const data = fake.sheet("Dữ liệu");
    expect(data.validations).toEqual([
      { rect: { top: 1, left: 1, bottom: 29, right: 1 }, ignoreBlanks: true, rule: { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } }, errorAlert: { title: "Đề án 02", message: "Số nguyên từ 0.", showAlert: true, style: "Stop" } },
      { rect: { top: 1, left: 0, bottom: 29, right: 0 }, ignoreBlanks: true, rule: { list: { inCellDropDown: true, source: "='Danh mục'!$A$2:$A$24" } }, errorAlert: { title: "Đề án 02", message: "Không có trong danh sách.", showAlert: true, style: "Warning" } },
    ]);
  });

  it("converts character widths to points as Excel does: 8.43 characters are 48 points", () => {
    expect(widthInPoints(8.43)).toBeCloseTo(48, 1);
    expect(widthInPoints(14)).toBe(77.25);
  });

  it("lifts the protection of a protected sheet it writes to, and puts the same protection back", async () => {
    const options = { allowFormatColumns: false, selectionMode: "Unlocked" };
    const { fake } = await applied({ ops: [{ op: "setCells", sheet: "Khóa", anchor: "C1", cells: [[{ kind: "formula", formula: "A1*2" }]] }] }, (f) => {
      f.addSheet("Khóa", [[1]], { protectedWith: options });
    });
    expect(fake.sheet("Khóa").content("C1")).toBe("=A1*2");
    expect(fake.sheet("Khóa").protection).toEqual({ protected: true, options });
  });

  it("refuses, before any sync, a plan that writes to a sheet the workbook does not have", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Dữ liệu");
    const host = hostOn(fake);
    await host.read();
    const error = await host.apply({ ops: [{ op: "setCells", sheet: "Không có", anchor: "A1", cells: [[{ kind: "number", value: 1 }]] }] }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("Kế hoạch ghi vào sheet “Không có”, nhưng workbook không có sheet này. Chưa ghi gì vào workbook.");
    expect(fake.syncs).toBe(2);
  });

  it("looks the sheets up in one extra sync when read() was not called just before", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Dữ liệu", [["x"]]);
    const host = hostOn(fake);
    await host.apply({ ops: [{ op: "prepareSheet", sheet: "Dữ liệu" }, { op: "prepareSheet", sheet: "Mới" }] });
    expect(host.stats.applySyncs).toBe(2);
    expect(fake.sheet("Dữ liệu").content("A1")).toBeNull();
    expect(fake.find("Mới")).toBeDefined();

    let clock = 0;
    const stale = hostOn(fake, { now: () => clock });
    await stale.read();
    clock = 120_000;
    await stale.apply({ ops: [{ op: "prepareSheet", sheet: "Mới" }] });
    expect(stale.stats.applySyncs).toBe(2);
  });
});

describe("a failed write", () => {
  const plan: Plan = {
    ops: [
      { op: "prepareSheet", sheet: "Tổng hợp" },
      { op: "setCells", sheet: "Tổng hợp", anchor: "A1", cells: [[{ kind: "text", text: "a" }]] },
      { op: "setCells", sheet: "Tổng hợp", anchor: "A2", cells: [[{ kind: "text", text: "b" }]] },
    ],
  };

  async function failing(afterActions: number, options: Omit<OfficeHostOptions, "runtime"> = {}, failAt = 3) {
    const fake = new FakeExcel();
    fake.addSheet("Dữ liệu", [["x"]]);
    const host = hostOn(fake, options);
    await host.read();
    fake.failSync(failAt, "GeneralException", "Excel gặp sự cố", afterActions);
    const error = (await host.apply(plan).catch((e: unknown) => e)) as OfficeHostError;
    return { fake, error };
  }

  it("says in Vietnamese that nothing was written when Excel stopped at the first step", async () => {
    const { fake, error } = await failing(1);
    expect(error).toBeInstanceOf(OfficeHostError);
    expect(error.written).toBe("nothing");
    expect(error.message).toBe("Không ghi được kết quả vào workbook: lỗi Excel GeneralException: Excel gặp sự cố. Chưa có ô nào bị thay đổi.");
    expect(fake.find("Tổng hợp")).toBeUndefined();
  });

  it("says how far Excel got when it stopped in the middle, since Office.js does not roll back", async () => {
    // suspend, add sheet, trace 1, write A1, trace 2 — then the failure.
    const { fake, error } = await failing(5);
    expect(error.written).toBe("partial");
    expect(error.message).toContain("Excel đã làm 2/3 bước trước khi dừng.");
    expect(error.message).toContain("chạy lại “Tính lại chỉ tiêu”");
    expect(fake.sheet("Tổng hợp").content("A1")).toBe("a");
    expect(fake.sheet("Tổng hợp").content("A2")).toBeNull();
  });

  it("splits a write larger than the block limit into syncs and names the blocks written when one fails", async () => {
    const big: Plan = {
      ops: [
        { op: "prepareSheet", sheet: "Lớn" },
        { op: "setCells", sheet: "Lớn", anchor: "A1", cells: Array.from({ length: 300 }, (_, r) => [{ kind: "formula" as const, formula: `ROW()*${r}+LEN("${"x".repeat(30)}")` }]) },
      ],
    };
    const fake = new FakeExcel({ requestBytes: 6_000 });
    fake.addSheet("Dữ liệu");
    const host = hostOn(fake, { writeLimits: { blockBytes: 5_000 } });
    await host.read();
    await host.apply(big);
    expect(host.stats.applyBlocks).toBeGreaterThan(2);
    expect(host.stats.applySyncs).toBe(host.stats.applyBlocks);
    expect(fake.sheet("Lớn").content("A300")).toBe(`=ROW()*299+LEN("${"x".repeat(30)}")`);
    expect(fake.syncLog.every((s) => s.requestBytes <= 6_000)).toBe(true);

    const again = new FakeExcel({ requestBytes: 6_000 });
    again.addSheet("Dữ liệu");
    const second = hostOn(again, { writeLimits: { blockBytes: 5_000 } });
    await second.read();
    again.failSync(4, "RequestAborted", "aborted");
    const error = (await second.apply(big).catch((e: unknown) => e)) as OfficeHostError;
    expect(error.written).toBe("partial");
    expect(error.message).toMatch(/^Không ghi được kết quả vào workbook \(khối 2\/\d+\): yêu cầu bị hủy giữa chừng\. Đã ghi xong 1\/\d+ khối; /);
  });
});
