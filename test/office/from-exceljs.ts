import type ExcelJS from "exceljs";
import { FakeExcel, rectAddress, type FakeExcelOptions, type Seed, type SheetModel } from "./fake-excel";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel's serial number for a date, which is what Office.js returns for a date cell. */
export function dateSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH) / 86_400_000;
}

function seedOf(cell: ExcelJS.Cell): Seed {
  const value = cell.value as unknown;
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return dateSerial(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (cell.formula) {
      const result = v.result as unknown;
      const cached = result instanceof Date ? dateSerial(result)
        : typeof result === "object" && result !== null && "error" in result ? String((result as { error: unknown }).error)
        : (result as string | number | boolean | null | undefined) ?? null;
      return { formula: cell.formula, value: cached };
    }
    if (typeof v.error === "string") return { error: v.error };
    if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((r) => r.text).join("");
    if (typeof v.text === "string") return v.text;
  }
  return null;
}

/** The same workbook as Excel would hold it: values, formulas with their cached results, number formats, merges, visibility. */
export function fakeFromWorkbook(workbook: ExcelJS.Workbook, options: FakeExcelOptions = {}): FakeExcel {
  const fake = new FakeExcel(options);
  workbook.eachSheet((ws) => {
    const sheet = fake.addSheet(ws.name, [], { visibility: ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible" });
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.numFmt && cell.numFmt !== "General") sheet.ensure(Number(row.number) - 1, Number(cell.col) - 1).numberFormat = cell.numFmt;
        if (cell.isMerged && cell.master !== cell) return;
        if (cell.value !== null && cell.value !== undefined) sheet.seed(cell.address, seedOf(cell));
      }),
    );
    sheet.frozenRows = frozenRows(ws);
    const merges = (ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
    sheet.merges = Object.values(merges).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  });
  return fake;
}

export function frozenRows(ws: ExcelJS.Worksheet): number {
  const view = (ws.views ?? [])[0] as { state?: string; ySplit?: number } | undefined;
  return view?.state === "frozen" ? view.ySplit ?? 0 : 0;
}

/** A cell as the formula bar shows it: "=…" for a formula, else its constant; null when empty. */
function xlsxContent(cell: ExcelJS.Cell): string | number | boolean | null {
  if (cell.isMerged && cell.master !== cell) return null;
  if (cell.formula) return `=${cell.formula}`;
  const seed = seedOf(cell);
  if (seed === null || typeof seed !== "object") return seed;
  return "error" in seed ? seed.error : null;
}

/** Every non-empty cell of a sheet in the fake, by A1 address. */
export function fakeContents(sheet: SheetModel): Map<string, string | number | boolean> {
  const out = new Map<string, string | number | boolean>();
  for (const [row, col, cell] of sheet.stored({ top: 0, left: 0, bottom: 1_048_575, right: 16_383 })) {
    const content = cell.formula ?? cell.value;
    if (content !== null && content !== "") out.set(rectAddress({ top: row, left: col, bottom: row, right: col }), content);
  }
  return out;
}

export function xlsxContents(ws: ExcelJS.Worksheet): Map<string, string | number | boolean> {
  const out = new Map<string, string | number | boolean>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const content = xlsxContent(cell);
      if (content !== null && content !== "") out.set(cell.address, content);
    }),
  );
  return out;
}
