import ExcelJS from "exceljs";
import type { CellRange, CellStyle, CellValue, Plan, PlanOp, PlanValue, SheetGrid, ValidationRule, WorkbookHost, WorkbookSnapshot } from "../../core/model";
import { parseAddress } from "../../core/read/grid";
import { toCellValue } from "./cell-values";

const ARGB = (rgb: string) => `FF${rgb.toUpperCase()}`;

export function snapshotOf(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets: SheetGrid[] = [];
  workbook.eachSheet((ws) => {
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const rowValues: CellValue[] = [];
      const rowFormulas: (string | null)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const isSlave = cell.isMerged && cell.master !== cell;
        rowValues[colNumber - 1] = isSlave ? null : toCellValue(cell.value);
        rowFormulas[colNumber - 1] = !isSlave && cell.formula ? cell.formula : null;
      });
      values[rowNumber - 1] = Array.from(rowValues, (v) => (v === undefined ? null : v));
      formulas[rowNumber - 1] = Array.from(rowFormulas, (v) => (v === undefined ? null : v));
    });
    for (let i = 0; i < values.length; i++) {
      if (!values[i]) values[i] = [];
      if (!formulas[i]) formulas[i] = [];
    }
    const merges: CellRange[] = Object.values((ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges).map(
      (m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }),
    );
    sheets.push({ name: ws.name, values, formulas, merges, visibility: ws.state as SheetGrid["visibility"] });
  });
  return { sheets };
}

function rangeBounds(range: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = range.split(":");
  const tl = parseAddress(a);
  const br = parseAddress(b);
  return { top: tl.row + 1, left: tl.col + 1, bottom: br.row + 1, right: br.col + 1 };
}

function writeValue(cell: ExcelJS.Cell, value: PlanValue): void {
  switch (value.kind) {
    case "formula":
      cell.value = { formula: value.formula, result: value.result === null ? "" : value.result } as ExcelJS.CellFormulaValue;
      return;
    case "text":
      // ExcelJS stores a string as a shared string, never as a formula, whatever it starts with.
      cell.value = value.text;
      return;
    case "number":
      cell.value = value.value;
      return;
    case "empty":
      cell.value = null;
      return;
  }
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold !== undefined || style.italic !== undefined || style.fontSize !== undefined || style.fontColor !== undefined || style.fontName !== undefined) {
    cell.font = {
      ...cell.font,
      ...(style.fontName !== undefined ? { name: style.fontName } : {}),
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.fontSize !== undefined ? { size: style.fontSize } : {}),
      ...(style.fontColor !== undefined ? { color: { argb: ARGB(style.fontColor) } } : {}),
    };
  }
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: ARGB(style.fill) } };
  if (style.wrap !== undefined || style.hAlign || style.vAlign) {
    cell.alignment = {
      ...cell.alignment,
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
      ...(style.hAlign ? { horizontal: style.hAlign } : {}),
      ...(style.vAlign ? { vertical: style.vAlign } : {}),
    };
  }
  if (style.border) {
    const thin = { style: "thin" as const, color: { argb: "FF808080" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  if (style.locked !== undefined) cell.protection = { locked: style.locked };
}

function validation(rule: ValidationRule): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, errorTitle: "Đề án 02", error: rule.message, showInputMessage: false };
  switch (rule.kind) {
    case "wholeNumber":
      return { ...common, type: "whole", operator: "greaterThanOrEqual", formulae: [rule.min] };
    case "decimal":
      return { ...common, type: "decimal", operator: "greaterThanOrEqual", formulae: [rule.min] };
    case "list":
      return { ...common, type: "list", formulae: [rule.source], errorStyle: rule.strict ? "stop" : "warning" };
  }
}

function clearInPlace(ws: ExcelJS.Worksheet): void {
  const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges);
  for (const master of merges) ws.unMergeCells(master);
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.value = null;
      cell.style = {};
    });
  });
  (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings = [];
  ws.views = [];
}

export function applyPlan(workbook: ExcelJS.Workbook, plan: Plan): void {
  const sheet = (name: string): ExcelJS.Worksheet => {
    const ws = workbook.getWorksheet(name);
    if (!ws) throw new Error(`Sheet “${name}” không tồn tại khi ghi.`);
    return ws;
  };
  for (const op of plan.ops) applyOp(workbook, sheet, op);
}

function applyOp(workbook: ExcelJS.Workbook, sheet: (name: string) => ExcelJS.Worksheet, op: PlanOp): void {
  switch (op.op) {
    case "prepareSheet": {
      const existing = workbook.getWorksheet(op.sheet);
      if (existing) clearInPlace(existing);
      else workbook.addWorksheet(op.sheet);
      return;
    }
    case "setCells": {
      const ws = sheet(op.sheet);
      const { row, col } = parseAddress(op.anchor);
      op.cells.forEach((cells, r) => cells.forEach((value, c) => writeValue(ws.getCell(row + r + 1, col + c + 1), value)));
      return;
    }
    case "style": {
      const ws = sheet(op.sheet);
      const b = rangeBounds(op.range);
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) applyStyle(ws.getCell(r, c), op.style);
      return;
    }
    case "merge":
      sheet(op.sheet).mergeCells(op.range);
      return;
    case "columnWidths": {
      const ws = sheet(op.sheet);
      for (const w of op.widths) ws.getColumn(w.column).width = w.width;
      return;
    }
    case "conditionalFormat": {
      const ws = sheet(op.sheet) as ExcelJS.Worksheet & { conditionalFormattings: { ref: string }[] };
      ws.conditionalFormattings = ws.conditionalFormattings.filter((cf) => cf.ref !== op.range);
      ws.addConditionalFormatting({
        ref: op.range,
        rules: op.rules.map((rule, i) => ({
          type: "expression",
          priority: i + 1,
          formulae: [rule.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: ARGB(rule.fill) } },
            font: { color: { argb: ARGB(rule.fontColor) } },
          },
        })),
      });
      return;
    }
    case "pageSetup": {
      const ws = sheet(op.sheet);
      // A whole object, not a merge with what the file had, so that a second run writes the same page setup.
      ws.pageSetup = {
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        paperSize: 9,
        firstPageNumber: 1,
        orientation: op.orientation,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        ...(op.printTitleRows ? { printTitlesRow: op.printTitleRows } : {}),
      };
      return;
    }
    case "freezeRows":
      sheet(op.sheet).views = [{ state: "frozen", ySplit: op.rows, xSplit: 0 }];
      return;
    case "sheetVisibility":
      sheet(op.sheet).state = op.visibility;
      return;
    case "dataValidation": {
      const ws = sheet(op.sheet);
      const b = rangeBounds(op.range);
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) ws.getCell(r, c).dataValidation = validation(op.rule);
      return;
    }
    case "protectSheet":
      // No password: the protection guards headers and formulas from slips, not from people. ExcelJS sets it before its promise resolves.
      void sheet(op.sheet).protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
      return;
  }
}

export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  // ExcelJS reads a missing first page number as 1 and would then save useFirstPageNumber="1": keep the file's setting.
  workbook.eachSheet((ws) => {
    if (!(ws.pageSetup as { useFirstPageNumber?: boolean }).useFirstPageNumber) ws.pageSetup.firstPageNumber = undefined;
  });
  return workbook;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The port over an ExcelJS workbook held in memory: for the command line, the tests and the browser preview. */
export class XlsxHost implements WorkbookHost {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  async read(): Promise<WorkbookSnapshot> {
    return snapshotOf(this.workbook);
  }

  async apply(plan: Plan): Promise<void> {
    applyPlan(this.workbook, plan);
  }
}
