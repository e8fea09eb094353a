import { readFileSync } from "node:fs";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { recalculateWorkbook } from "../../src/app/use-cases";
import type { CellValue, SheetGrid, WorkbookSnapshot } from "../../src/core/model";
import { OfficeHost } from "../../src/hosts/office/office-host";
import { widthInPoints } from "../../src/hosts/office/write-plan";
import { XlsxHost, loadWorkbook } from "../../src/hosts/xlsx/xlsx-host";
import { NOW } from "../helpers/grid";
import { rectAddress, type FakeExcel } from "./fake-excel";
import { dateSerial, fakeContents, fakeFromWorkbook, frozenRows, xlsxContents } from "./from-exceljs";

const SAMPLE = join(__dirname, "..", "..", "seeds", "lang-giang.xlsx");

/**
 * What both hosts should agree on: dates as Excel's serial numbers, rows without trailing blanks, and
 * an empty-string cell (which an .xlsx file can hold) as empty: Office.js returns "" for both.
 */
function normalized(snapshot: WorkbookSnapshot) {
  const trim = <T>(row: T[]) => {
    let end = row.length;
    while (end > 0 && (row[end - 1] ?? null) === null) end--;
    return row.slice(0, end).map((v) => v ?? null);
  };
  const rows = <T>(grid: T[][]) => {
    const out = grid.map(trim);
    while (out.length && out[out.length - 1].length === 0) out.pop();
    return out;
  };
  const value = (v: CellValue) => (v instanceof Date ? dateSerial(v) : v === "" ? null : v);
  return snapshot.sheets.map((s: SheetGrid) => ({
    name: s.name,
    visibility: s.visibility ?? "visible",
    values: rows(s.values.map((r) => r.map(value))),
    formulas: rows(s.formulas ?? []),
    merges: [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left),
  }));
}

function mergesOf(ws: ExcelJS.Worksheet) {
  const merges = (ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  return Object.values(merges).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 })).sort((a, b) => a.top - b.top || a.left - b.left);
}

function fakeMerges(fake: FakeExcel, name: string) {
  return [...fake.sheet(name).merges].sort((a, b) => a.top - b.top || a.left - b.left);
}

function xlsxFormats(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.numFmt && cell.numFmt !== "General") out.set(cell.address, cell.numFmt);
    }),
  );
  return out;
}

function fakeFormats(fake: FakeExcel, name: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [row, col, cell] of fake.sheet(name).stored({ top: 0, left: 0, bottom: 1_048_575, right: 16_383 })) {
    if (cell.numberFormat !== "General") out.set(rectAddress({ top: row, left: col, bottom: row, right: col }), cell.numberFormat);
  }
  return out;
}

describe("the Office host and the xlsx host on the Lạng Giang sample", () => {
  let xlsx: ExcelJS.Workbook;
  let fake: FakeExcel;

  beforeAll(async () => {
    const bytes = readFileSync(SAMPLE);
    xlsx = await loadWorkbook(bytes);
    fake = fakeFromWorkbook(await loadWorkbook(bytes));
  });

  it("read the same snapshot", async () => {
    const fromOffice = await new OfficeHost({ runtime: fake.runtime() }).read();
    const fromXlsx = await new XlsxHost(xlsx).read();
    expect(normalized(fromOffice)).toEqual(normalized(fromXlsx));
  });

  it("report the same findings and indicators, then leave the same cells, formulas, number formats, merges, widths and panes", async () => {
    const office = await recalculateWorkbook(new OfficeHost({ runtime: fake.runtime() }), { now: NOW });
    const file = await recalculateWorkbook(new XlsxHost(xlsx), { now: NOW });
    expect(office).toEqual(file);

    const names: string[] = [];
    xlsx.eachSheet((ws) => names.push(ws.name));
    expect(fake.sheets.map((s) => s.name)).toEqual(names);
    let compared = 0;
    xlsx.eachSheet((ws) => {
      const expected = xlsxContents(ws);
      const actual = fakeContents(fake.sheet(ws.name));
      expect([ws.name, Object.fromEntries(actual)]).toEqual([ws.name, Object.fromEntries(expected)]);
      expect([ws.name, fakeMerges(fake, ws.name)]).toEqual([ws.name, mergesOf(ws)]);
      expect([ws.name, fake.sheet(ws.name).visibility]).toEqual([ws.name, ({ visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const)[ws.state]]);
      expect([ws.name, Object.fromEntries(fakeFormats(fake, ws.name))]).toEqual([ws.name, Object.fromEntries(xlsxFormats(ws))]);
      const widths = [...fake.sheet(ws.name).columnWidths].map(([col, points]) => [col, points, widthInPoints(ws.getColumn(col + 1).width ?? 0)]);
      expect(widths.filter(([, points, expectedPoints]) => points !== expectedPoints)).toEqual([]);
      const frozen = frozenRows(ws);
      expect([ws.name, fake.sheet(ws.name).frozenRows]).toEqual([ws.name, frozen]);
      compared += expected.size;
    });
    expect(compared).toBeGreaterThan(500);
    const summary = fake.sheet(office.summarySheet!);
    expect([...summary.cells.values()].some((c) => c.formula !== null)).toBe(true);
  });
});
