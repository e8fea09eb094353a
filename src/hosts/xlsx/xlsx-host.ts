import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellRange, CellStyle, CellValue, Plan, PlanOp, PlanValue, SheetGrid, ValidationRule, WorkbookHost, WorkbookSnapshot } from "../../core/model";
import { parseAddress, parseRange } from "../../core/a1";
import { HostFailure, type FailureStage } from "../../core/host-failure";
import { formulaResult, toCellValue } from "./cell-values";
import { chartInjector, chartsToWrite, forgetCharts, queueChart } from "./chart-part";
import { withComputedFormulas } from "./computed-formulas";
import { preserveParts, rebuiltSheetsOf } from "./preserve-parts";
import type { ZipStep } from "./zip-package";

const ARGB = (rgb: string) => `FF${rgb.toUpperCase()}`;

/** ExcelJS's rows and cells as it keeps them: walked directly, since eachRow and eachCell cost a callback per cell. */
type StoredRows = ({ _cells: (ExcelJS.Cell | undefined)[] } | undefined)[];

const storedRows = (ws: ExcelJS.Worksheet): StoredRows => (ws as unknown as { _rows: StoredRows })._rows;

export function snapshotOf(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets: SheetGrid[] = [];
  workbook.eachSheet((ws) => {
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    const rows = storedRows(ws);
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r]?._cells;
      if (!cells) continue;
      // A row with no value (only styles, or nothing) is an empty row, as ExcelJS's eachRow has it.
      let width = 0;
      for (let c = cells.length - 1; c >= 0; c--) {
        const cell = cells[c];
        if (cell && cell.type !== ExcelJS.ValueType.Null) {
          width = c + 1;
          break;
        }
      }
      if (width === 0) continue;
      const rowValues: CellValue[] = new Array(width).fill(null);
      let rowFormulas: (string | null)[] | null = null;
      for (let c = 0; c < width; c++) {
        const cell = cells[c];
        // A cell a merge covers (all but its top-left one) reads as empty, and so does an empty cell.
        if (!cell || cell.type === ExcelJS.ValueType.Null || cell.type === ExcelJS.ValueType.Merge) continue;
        const formula = cell.formula;
        // ExcelJS's cell.value drops a falsy cached result (0, "", FALSE); cell.result keeps it.
        rowValues[c] = formula ? formulaResult(cell.result) : toCellValue(cell.value);
        if (formula) (rowFormulas ??= new Array(width).fill(null))[c] = formula;
      }
      values[r] = rowValues;
      if (rowFormulas) formulas[r] = rowFormulas;
    }
    for (let i = 0; i < values.length; i++) {
      if (!values[i]) values[i] = [];
      if (!formulas[i]) formulas[i] = [];
    }
    const merges: CellRange[] = Object.values((ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges).map(
      (m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }),
    );
    sheets.push(withComputedFormulas({ name: ws.name, values, formulas, merges, visibility: ws.state as SheetGrid["visibility"] }));
  });
  return { sheets };
}

function rangeBounds(range: string): { top: number; left: number; bottom: number; right: number } {
  const b = parseRange(range);
  return { top: b.top + 1, left: b.left + 1, bottom: b.bottom + 1, right: b.right + 1 };
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

type XlsxStyle = Partial<ExcelJS.Style>;

const STYLE_PARTS = new Set(["numFmt", "font", "alignment", "border", "fill", "protection"]);
const THIN = { style: "thin" as const, color: { argb: "FF808080" } };

/** The style a cell has once `style` is laid over what it had, as a new object: `prior` is left as it was. */
function restyled(prior: XlsxStyle, style: CellStyle): XlsxStyle {
  const next: XlsxStyle = { ...prior };
  if (style.bold !== undefined || style.italic !== undefined || style.fontSize !== undefined || style.fontColor !== undefined || style.fontName !== undefined) {
    next.font = {
      ...prior.font,
      ...(style.fontName !== undefined ? { name: style.fontName } : {}),
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.fontSize !== undefined ? { size: style.fontSize } : {}),
      ...(style.fontColor !== undefined ? { color: { argb: ARGB(style.fontColor) } } : {}),
    };
  }
  if (style.fill) next.fill = { type: "pattern", pattern: "solid", fgColor: { argb: ARGB(style.fill) } };
  if (style.wrap !== undefined || style.hAlign || style.vAlign) {
    next.alignment = {
      ...prior.alignment,
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
      ...(style.hAlign ? { horizontal: style.hAlign } : {}),
      ...(style.vAlign ? { vertical: style.vAlign } : {}),
    };
  }
  if (style.border) next.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.numberFormat) next.numFmt = style.numberFormat;
  if (style.locked !== undefined) next.protection = { locked: style.locked };
  return next;
}

/**
 * Lays plan styles over cells, giving every cell that had the same style before one shared style object.
 * ExcelJS serialises a style on save once per distinct object, so an object per cell made saving a
 * recalculated sheet cost about twice what saving the input did. Nothing here mutates a style in place:
 * loaded cells of one style id share one object, and a shared result must stay what it was.
 */
class StyleWriter {
  private readonly ids = new WeakMap<object, number>();
  private readonly results = new Map<string, XlsxStyle>();
  private readonly overEmpty = new Map<CellStyle, XlsxStyle>();
  private nextId = 1;

  private id(part: object | undefined): number {
    if (part === undefined) return 0;
    let id = this.ids.get(part);
    if (id === undefined) this.ids.set(part, (id = this.nextId++));
    return id;
  }

  apply(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell, style: CellStyle): void {
    const prior = cell.style as XlsxStyle;
    const parts = Object.keys(prior);
    let next: XlsxStyle | undefined;
    if (parts.length === 0) {
      next = this.overEmpty.get(style);
      if (!next) this.overEmpty.set(style, (next = restyled(prior, style)));
    } else if (parts.every((k) => STYLE_PARTS.has(k))) {
      const key = `${this.id(style)} ${this.id(prior.font)} ${this.id(prior.alignment)} ${this.id(prior.border)} ${this.id(prior.fill)} ${this.id(prior.protection)} ${prior.numFmt ?? ""}`;
      next = this.results.get(key);
      if (!next) this.results.set(key, (next = restyled(prior, style)));
    } else {
      next = restyled(prior, style);
    }
    cell.style = next;
    // ExcelJS gives the cells a merge covers their master's style object; they keep following it.
    const merge = cell.isMerged && cell.master === cell ? (ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges[cell.address] : undefined;
    if (merge) {
      for (let r = merge.top; r <= merge.bottom; r++) {
        for (let c = merge.left; c <= merge.right; c++) {
          const covered = ws.findCell(r, c);
          if (covered && covered !== cell && covered.style === prior) covered.style = next;
        }
      }
    }
  }
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
  (ws as unknown as { rowBreaks: unknown[] }).rowBreaks = [];
}

export function applyPlan(workbook: ExcelJS.Workbook, plan: Plan): void {
  const sheet = (name: string): ExcelJS.Worksheet => {
    const ws = workbook.getWorksheet(name);
    if (!ws) throw new HostFailure({ stage: "write", kind: "notFound", written: "unknown", detail: `Sheet “${name}” không tồn tại khi ghi.`, where: { sheet: name } });
    return ws;
  };
  const at: WriteContext = { workbook, sheet, styles: new StyleWriter() };
  for (const op of plan.ops) applyOp(op, at);
}

/** What every op's writer has at hand: the workbook, its sheets by name (a missing one is a failure) and the style cache. */
interface WriteContext {
  workbook: ExcelJS.Workbook;
  sheet: (name: string) => ExcelJS.Worksheet;
  styles: StyleWriter;
}

type OpWriters = { [K in PlanOp["op"]]: (op: Extract<PlanOp, { op: K }>, at: WriteContext) => void };

/** Each cell of a range, row by row. */
function eachCellOf(ws: ExcelJS.Worksheet, range: string, write: (cell: ExcelJS.Cell) => void): void {
  const b = rangeBounds(range);
  for (let r = b.top; r <= b.bottom; r++) {
    const row = ws.getRow(r);
    for (let c = b.left; c <= b.right; c++) write(row.getCell(c));
  }
}

const OP_WRITERS: OpWriters = {
  prepareSheet(op, { workbook }) {
    const existing = workbook.getWorksheet(op.sheet);
    forgetCharts(workbook, op.sheet);
    if (existing) clearInPlace(existing);
    else workbook.addWorksheet(op.sheet);
  },
  setCells(op, { sheet }) {
    const ws = sheet(op.sheet);
    const { row, col } = parseAddress(op.anchor);
    for (let r = 0; r < op.cells.length; r++) {
      const cells = op.cells[r];
      const target = ws.getRow(row + r + 1);
      for (let c = 0; c < cells.length; c++) writeValue(target.getCell(col + c + 1), cells[c]);
    }
  },
  style(op, { sheet, styles }) {
    const ws = sheet(op.sheet);
    eachCellOf(ws, op.range, (cell) => styles.apply(ws, cell, op.style));
  },
  merge: (op, { sheet }) => sheet(op.sheet).mergeCells(op.range),
  columnWidths(op, { sheet }) {
    const ws = sheet(op.sheet);
    for (const w of op.widths) ws.getColumn(w.column).width = w.width;
  },
  conditionalFormat(op, { sheet }) {
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
  },
  pageSetup(op, { sheet }) {
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
      // ExcelJS writes the print area as `'Sheet'!$<first>:$<last>`, so the rows' dollars are added here.
      ...(op.printArea ? { printArea: op.printArea.replace(/([A-Z]+)(\d+)/g, "$1$$$2") } : {}),
      ...(op.scale ? { fitToPage: false, scale: op.scale } : {}),
    };
    ws.headerFooter = op.footer ? { oddFooter: `&C${op.fontName ? `&"${op.fontName},Regular"` : ""}${op.footer}` } : {};
    (ws as unknown as { rowBreaks: unknown[] }).rowBreaks = [];
    for (const row of op.rowBreaks ?? []) ws.getRow(row).addPageBreak();
  },
  rowHeights(op, { sheet }) {
    const ws = sheet(op.sheet);
    for (const { row, height } of op.heights) ws.getRow(row).height = height;
  },
  // ExcelJS writes no charts: the chart parts are added to the saved file (chart-part.ts).
  chart: (op, { workbook }) => queueChart(workbook, op.sheet, op.chart),
  removeSheet(op, { workbook }) {
    const ws = workbook.getWorksheet(op.sheet);
    forgetCharts(workbook, op.sheet);
    if (ws) workbook.removeWorksheet(ws.id);
  },
  freezeRows(op, { sheet }) {
    sheet(op.sheet).views = [{ state: "frozen", ySplit: op.rows, xSplit: 0 }];
  },
  sheetVisibility(op, { sheet }) {
    sheet(op.sheet).state = op.visibility;
  },
  dataValidation(op, { sheet }) {
    eachCellOf(sheet(op.sheet), op.range, (cell) => (cell.dataValidation = validation(op.rule)));
  },
  protectSheet(op, { sheet }) {
    // No password: the protection guards headers and formulas from slips, not from people. ExcelJS sets it before its promise resolves.
    void sheet(op.sheet).protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  },
};

function applyOp(op: PlanOp, at: WriteContext): void {
  (OP_WRITERS[op.op] as (op: PlanOp, at: WriteContext) => void)(op, at);
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

const EMPTY_STYLE: Partial<ExcelJS.Style> = {};

function isEmptyStyle(style: object): boolean {
  for (const _ in style) return false;
  return true;
}

/**
 * Gives every cell without a style one shared empty style object, and returns how to undo it: each cell
 * gets an empty style of its own again, and a cell of a merge its very object (ExcelJS may share one
 * between a merge's cells, and the style writer keeps them together).
 */
function shareEmptyStyles(workbook: ExcelJS.Workbook): () => void {
  const merged: [ExcelJS.Cell, Partial<ExcelJS.Style>][] = [];
  const shared: ExcelJS.Cell[][] = [];
  workbook.eachSheet((ws) => {
    const rows = storedRows(ws);
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r]?._cells;
      if (!cells) continue;
      let any = false;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (!cell || cell.style === EMPTY_STYLE || !isEmptyStyle(cell.style)) continue;
        if (cell.isMerged) merged.push([cell, cell.style]);
        cell.style = EMPTY_STYLE;
        any = true;
      }
      if (any) shared.push(cells as ExcelJS.Cell[]);
    }
  });
  return () => {
    for (const cells of shared) for (const cell of cells) if (cell && cell.style === EMPTY_STYLE) cell.style = {};
    for (const [cell, style] of merged) cell.style = style;
  };
}

/**
 * The workbook as .xlsx bytes. With `steps` (zip-level work after ExcelJS: parts restored from IN, a chart
 * added…), ExcelJS stores its parts uncompressed, the steps run in turn on that zip, and it is compressed
 * once at the end.
 */
export async function saveWorkbook(workbook: ExcelJS.Workbook, steps: readonly ZipStep[] = []): Promise<Uint8Array> {
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  // ExcelJS serialises a cell's style once per distinct style object, and a loaded or new cell without a
  // style has an empty object of its own: sharing one for the save saves a serialisation per such cell.
  const unshare = shareEmptyStyles(workbook);
  try {
    // The summary's charts go in last, under part names that nothing before them has taken.
    const charts = chartsToWrite(workbook);
    const all = charts.length > 0 ? [...steps, chartInjector(charts)] : steps;
    if (all.length === 0) return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const stored = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions);
    let zip = await JSZip.loadAsync(stored as ArrayBuffer);
    for (const step of all) zip = await step(zip);
    return await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  } finally {
    // Each cell gets its own style back, so that no later `cell.font = …` changes them all at once.
    unshare();
  }
}

function hostFailure(error: unknown, stage: FailureStage): HostFailure {
  if (error instanceof HostFailure) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new HostFailure({ stage, kind: "unknown", written: stage === "write" ? "unknown" : "nothing", detail, cause: error });
}

/**
 * The port over an ExcelJS workbook held in memory: for the command line, the tests and the web page. Opened
 * from a file's bytes, it saves what it wrote with the file's other parts kept (charts, pictures, comments,
 * pivot tables), except in the sheets its plans rebuilt.
 */
export class XlsxHost implements WorkbookHost {
  /** The sheets the plans rebuilt, which take nothing back from the opened file when it is saved. */
  readonly rebuiltSheets = new Set<string>();

  constructor(
    readonly workbook: ExcelJS.Workbook = new ExcelJS.Workbook(),
    /** The file as opened, null for a workbook made from nothing. */
    readonly opened: Uint8Array | null = null,
  ) {}

  async read(): Promise<WorkbookSnapshot> {
    try {
      return snapshotOf(this.workbook);
    } catch (error) {
      throw hostFailure(error, "read");
    }
  }

  async apply(plan: Plan): Promise<void> {
    for (const sheet of rebuiltSheetsOf(plan)) this.rebuiltSheets.add(sheet);
    try {
      applyPlan(this.workbook, plan);
    } catch (error) {
      throw hostFailure(error, "write");
    }
  }

  /** The workbook as .xlsx bytes, as the command line writes OUT and the web page offers it for download. */
  save(): Promise<Uint8Array> {
    return saveWorkbook(this.workbook, this.opened ? [preserveParts(this.opened, { rebuiltSheets: this.rebuiltSheets })] : []);
  }
}
