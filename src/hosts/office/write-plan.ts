/// <reference types="office-js" />
import type { CellStyle, ConditionalRule, Plan, PlanOp, PlanValue, SheetVisibility, ValidationRule } from "../../core/model";
import { columnLetter, rangeAddress } from "../../core/a1";
import { rangeSize, toExcelInput } from "./cell-values";
import { chartStep } from "./charts";
import { planError } from "./host-error";
import type { SheetFacts } from "./read-workbook";

export interface WriteLimits {
  /** A sync carries at most about this many bytes of values and formats; Excel on the web refuses 5 MB. */
  blockBytes: number;
  /**
   * What each Office.js call adds to the request besides its data: the action, its object path and ids, as
   * JSON. A block of many small calls (borders, formats) is otherwise far larger than its data says.
   */
  callBytes: number;
}

export const WRITE_LIMITS: WriteLimits = { blockBytes: 4_000_000, callBytes: 200 };

/**
 * Plan widths are Excel's character units (the width of "0" in the default font, as in the .xlsx file);
 * Office.js takes points. With Calibri 11, "0" is 7 px wide and Excel adds 5 px of padding, and a pixel
 * is 0.75 pt at 96 dpi: 8.43 characters (Excel's default) → 64 px → 48 pt.
 */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** The margins the xlsx host writes (inches: 0.5 left and right, 0.6 top and bottom, 0.3 header and footer), in points. */
const MARGINS = { leftMargin: 36, rightMargin: 36, topMargin: 43.2, bottomMargin: 43.2, headerMargin: 21.6, footerMargin: 21.6 };

const VISIBILITY: Record<SheetVisibility, Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden"> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const BORDER = { style: "Continuous", color: "#808080", weight: "Thin" } as const;
/** What protectSheet means, as the xlsx host writes it: select any cell, resize rows and columns. */
const PLAN_PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true, selectionMode: "Normal" };

/** The sheets of one Excel.run: looked up once by name, or the object worksheets.add returned. */
export class SheetCache {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  constructor(private readonly context: Excel.RequestContext) {}

  get(name: string): Excel.Worksheet {
    const key = name.toLowerCase();
    let ws = this.sheets.get(key);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(key, ws);
    }
    return ws;
  }

  add(name: string): Excel.Worksheet {
    const ws = this.context.workbook.worksheets.add(name);
    this.sheets.set(name.toLowerCase(), ws);
    return ws;
  }
}

/** One request (or a few) of the write, with the data it adds to the sync's payload and its number of calls. */
export interface Step {
  bytes: number;
  /** Office.js calls the step queues (a property set, a method, a getRange): each costs callBytes. */
  calls: number;
  run(context: Excel.RequestContext, sheets: SheetCache): void;
}

/** What a step costs in the request, its trace mark included. */
function stepBytes(step: Step, limits: WriteLimits): number {
  return step.bytes + (step.calls + 1) * limits.callBytes;
}

export interface WriteFeatures {
  pageLayout: boolean;
  /** Charts (ExcelApi 1.7–1.8); off, a plan's charts are left out. */
  charts?: boolean;
}

function textBytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
  return bytes;
}

function inputBytes(value: string | number): number {
  return (typeof value === "string" ? textBytes(value) + 2 : String(value).length) + 1;
}

function fill<T>(rows: number, columns: number, value: T): T[][] {
  const row = Array.from({ length: columns }, () => value);
  return Array.from({ length: rows }, () => row);
}

/** Where a step runs: undo support decides it (office-js-docs-pr, docs/excel/excel-add-ins-undo-capabilities.md). */
export interface PlanPhases {
  /**
   * Calls with no undo support, made before the writes and outside any undo group: unprotecting the sheets
   * written to (WorksheetProtection.unprotect: no undo anywhere), adding the sheets the plan hides and setting
   * a visibility that differs (Worksheet.visibility: no undo on Windows and Mac). Empty on a second run.
   */
  before: Step[];
  /** Everything undoable: the one undo group where ExcelApi 1.20 allows. */
  body: Step[];
  /** Protecting sheets again (WorksheetProtection.protect: no undo anywhere). */
  after: Step[];
  /** The sheets `before` unprotects, in its order: put back if a later phase fails. */
  unprotected: { name: string; options: Excel.WorksheetProtectionOptions }[];
}

export interface WorkbookFacts {
  sheets: readonly SheetFacts[];
  /** Review › Protect Workbook: no sheet can be added, deleted, hidden or shown. */
  structureProtected: boolean;
  /** Application.calculationMode: "Manual" leaves new formulas uncalculated until the add-in asks. */
  calculationMode: string;
}

/** The ops that add, remove, show, hide or protect a sheet, or chart on it: each changes what the walk knows of the workbook. */
type SheetOp = Extract<PlanOp, { op: "prepareSheet" | "removeSheet" | "chart" | "protectSheet" | "sheetVisibility" }>;
/** The ops that write into a sheet: each becomes steps of the undo group. */
type WriteOp = Exclude<PlanOp, SheetOp>;
type Protection = { name: string; options: Excel.WorksheetProtectionOptions };

/** What planSteps knows as it walks a plan: the sheets (by lower-case name) and the steps of each phase so far. */
interface PlanWalk {
  existing: Map<string, SheetFacts>;
  present: Set<string>;
  visibility: Map<string, SheetVisibility>;
  touched: Set<string>;
  protectAtEnd: Map<string, Protection>;
  /** New sheets to add before the undo group. */
  addBefore: Set<string>;
  adds: Step[];
  shows: Step[];
  removes: Step[];
  body: Step[];
  features: WriteFeatures;
}

const SHEET_OPS: { [K in SheetOp["op"]]: (op: Extract<SheetOp, { op: K }>, walk: PlanWalk, key: string) => void } = {
  prepareSheet: (op, walk, key) => {
    let exists = walk.present.has(key);
    if (!exists) walk.visibility.set(key, "visible");
    if (!exists && walk.addBefore.has(key)) {
      walk.addBefore.delete(key);
      walk.adds.push({ bytes: 64, calls: 1, run: (_, sheets) => void sheets.add(op.sheet) });
      exists = true;
    }
    walk.present.add(key);
    walk.touched.add(key);
    walk.body.push(prepareSheet(op.sheet, exists));
  },
  removeSheet: (op, walk, key) => {
    // Worksheet.delete has no undo support anywhere (excel-add-ins-undo-capabilities.md), so it goes before
    // the undo group, like visibility and protection; the sheet removed is the add-in's own.
    walk.present.delete(key);
    walk.removes.push({ bytes: 64, calls: 1, run: (_, sheets) => sheets.get(op.sheet).delete() });
  },
  chart: (op, walk, key) => {
    if (walk.features.charts) walk.body.push(chartStep(op.sheet, op.chart, walk.existing.get(key)?.charts ?? []));
  },
  protectSheet: (op, walk, key) => {
    walk.protectAtEnd.set(key, { name: op.sheet, options: PLAN_PROTECTION });
  },
  sheetVisibility: (op, walk, key) => {
    if (walk.visibility.get(key) === op.visibility) return;
    walk.visibility.set(key, op.visibility);
    walk.shows.push({ bytes: 64, calls: 1, run: (_, sheets) => (sheets.get(op.sheet).visibility = VISIBILITY[op.visibility]) });
  },
};

function isSheetOp(op: PlanOp): op is SheetOp {
  return op.op in SHEET_OPS;
}

function startWalk(plan: Plan, workbook: WorkbookFacts, features: WriteFeatures): PlanWalk {
  const existing = new Map(workbook.sheets.map((s) => [s.name.toLowerCase(), s]));
  const present = new Set(existing.keys());
  // When the plan creates a sheet and hides it, every sheet it creates is added before the undo group (in
  // the plan's order, so the tab order is the plan's): the hiding must come before the group, and a sheet
  // can only be hidden once it exists and another sheet is visible.
  const created = plan.ops.filter((op) => op.op === "prepareSheet" && !present.has(op.sheet.toLowerCase())).map((op) => op.sheet);
  const hidesNew = plan.ops.some((op) => op.op === "sheetVisibility" && created.some((c) => c.toLowerCase() === op.sheet.toLowerCase()));
  return {
    existing,
    present,
    visibility: new Map(workbook.sheets.map((s) => [s.name.toLowerCase(), s.visibility])),
    touched: new Set(),
    protectAtEnd: new Map(),
    addBefore: new Set(hidesNew ? created.map((c) => c.toLowerCase()) : []),
    adds: [],
    shows: [],
    removes: [],
    body: [],
    features,
  };
}

/** Walks the op at `i` (and the style after it, when the two go together); returns the index of the last op taken. */
function walkOp(walk: PlanWalk, ops: readonly PlanOp[], i: number, limits: WriteLimits): number {
  const op = ops[i];
  const key = op.sheet.toLowerCase();
  if (op.op !== "prepareSheet" && !walk.present.has(key)) throw planError(`Kế hoạch ghi vào sheet “${op.sheet}”, nhưng workbook không có sheet này.`);
  if (isSheetOp(op)) {
    (SHEET_OPS[op.op] as (op: SheetOp, walk: PlanWalk, key: string) => void)(op, walk, key);
    return i;
  }
  walk.touched.add(key);
  const next = ops[i + 1];
  if (op.op === "setCells" && next?.op === "style" && next.sheet === op.sheet && next.style.numberFormat) {
    // The format first: a formula written into a cell formatted as Text stays text (Excel's rule for
    // typed input, "Fix text-formatted numbers", support.microsoft.com), so a column the person had set
    // to Text would get formulas that never calculate.
    walk.body.push(...numberFormatSteps(next.sheet, next.range, next.style.numberFormat, limits));
    walk.body.push(...setCellsSteps(op.sheet, op.anchor, op.cells, limits));
    const { numberFormat: _, ...rest } = next.style;
    walk.body.push(...styleSteps(next.sheet, next.range, rest, limits));
    walk.touched.add(next.sheet.toLowerCase());
    return i + 1;
  }
  walk.body.push(...opSteps(op, walk.features, limits));
  return i;
}

/**
 * Turns a plan into steps, checking first that every sheet it writes to exists or is created by it, and that
 * the workbook's protection lets it happen, so that a plan Excel cannot carry out fails before anything is
 * written.
 */
export function planSteps(plan: Plan, workbook: WorkbookFacts, features: WriteFeatures, limits: WriteLimits): PlanPhases {
  const walk = startWalk(plan, workbook, features);
  for (let i = 0; i < plan.ops.length; i++) i = walkOp(walk, plan.ops, i, limits);

  const needsStructure = walk.shows.length > 0 || walk.removes.length > 0 || plan.ops.some((op) => op.op === "prepareSheet" && !walk.existing.has(op.sheet.toLowerCase()));
  if (workbook.structureProtected && needsStructure) {
    throw planError(
      "Workbook đang được bảo vệ cấu trúc (Xem lại › Bảo vệ Sổ làm việc), nên không thêm hoặc ẩn được sheet. " +
        "Hãy bỏ bảo vệ cấu trúc rồi chạy lại.",
    );
  }

  const unprotected: Protection[] = [];
  const unprotect: Step[] = [];
  for (const [key, facts] of walk.existing) {
    if (!facts.protected || !(walk.touched.has(key) || walk.protectAtEnd.has(key))) continue;
    // Writing into a protected sheet fails; lift the protection for the write and put it back after.
    unprotected.push({ name: facts.name, options: facts.protectionOptions ?? PLAN_PROTECTION });
    unprotect.push({ bytes: 64, calls: 1, run: (_, sheets) => sheets.get(facts.name).protection.unprotect() });
    if (!walk.protectAtEnd.has(key)) walk.protectAtEnd.set(key, { name: facts.name, options: facts.protectionOptions ?? PLAN_PROTECTION });
  }
  const after: Step[] = [...walk.protectAtEnd.values()].map(({ name, options }) => protectStep(name, options));
  return { before: [...unprotect, ...walk.removes, ...walk.adds, ...walk.shows], body: walk.body, after, unprotected };
}

export function protectStep(name: string, options: Excel.WorksheetProtectionOptions): Step {
  return { bytes: 256, calls: 1, run: (_, sheets) => sheets.get(name).protection.protect(options) };
}

function prepareSheet(name: string, exists: boolean): Step {
  return {
    bytes: 256,
    calls: exists ? 8 : 1,
    run: (_, sheets) => {
      if (!exists) {
        sheets.add(name);
        return;
      }
      // Cleared in place: deleting and adding the sheet again would empty Excel's undo stack.
      const ws = sheets.get(name);
      const all = ws.getRange();
      all.unmerge();
      all.conditionalFormats.clearAll();
      all.dataValidation.clear();
      all.clear("All");
      ws.freezePanes.unfreeze();
    },
  };
}

function columnWidthsStep(op: Extract<WriteOp, { op: "columnWidths" }>): Step {
  return {
    bytes: 64 * op.widths.length,
    calls: 1 + 2 * op.widths.length,
    run: (_, sheets) => {
      const ws = sheets.get(op.sheet);
      for (const { column, width } of op.widths) {
        const letter = columnLetter(column - 1);
        ws.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(width);
      }
    },
  };
}

function pageSetupStep(op: Extract<WriteOp, { op: "pageSetup" }>): Step {
  return {
    bytes: 256,
    calls: 14,
    run: (_, sheets) => {
      const layout = sheets.get(op.sheet).pageLayout;
      layout.orientation = op.orientation === "landscape" ? "Landscape" : "Portrait";
      layout.paperSize = "A4";
      Object.assign(layout, MARGINS);
      layout.zoom = { horizontalFitToPages: 1 };
      if (op.printTitleRows) {
        const [first, last = first] = op.printTitleRows.split(":");
        layout.setPrintTitleRows(`$${first}:$${last}`);
      }
      if (op.scale) layout.zoom = { scale: op.scale };
      if (op.printArea) layout.setPrintArea(op.printArea);
      if (op.footer) layout.headersFooters.defaultForAllPages.centerFooter = op.fontName ? `&"${op.fontName},Regular"${op.footer}` : op.footer;
      if (op.rowBreaks) {
        const breaks = sheets.get(op.sheet).horizontalPageBreaks;
        breaks.removePageBreaks();
        // PageBreakCollection.add puts the break above the range's top-left cell: after row n is above row n + 1.
        for (const row of op.rowBreaks) breaks.add(`A${row + 1}`);
      }
    },
  };
}

function rowHeightsStep(op: Extract<WriteOp, { op: "rowHeights" }>): Step {
  return {
    bytes: 48 * op.heights.length,
    calls: 2 * op.heights.length,
    run: (_, sheets) => {
      const ws = sheets.get(op.sheet);
      for (const { row, height } of op.heights) ws.getRange(`${row}:${row}`).format.rowHeight = height;
    },
  };
}

function freezeRowsStep(op: Extract<WriteOp, { op: "freezeRows" }>): Step {
  return {
    bytes: 64,
    calls: 3,
    run: (_, sheets) => {
      const panes = sheets.get(op.sheet).freezePanes;
      if (op.rows > 0) panes.freezeRows(op.rows);
      else panes.unfreeze();
    },
  };
}

/** The steps of each op that writes into a sheet, by its kind; page layout only where the host supports it. */
const WRITE_OPS: { [K in WriteOp["op"]]: (op: Extract<WriteOp, { op: K }>, features: WriteFeatures, limits: WriteLimits) => Step[] } = {
  setCells: (op, _, limits) => setCellsSteps(op.sheet, op.anchor, op.cells, limits),
  style: (op, _, limits) => styleSteps(op.sheet, op.range, op.style, limits),
  merge: (op) => [{ bytes: 128, calls: 3, run: (_, sheets) => sheets.get(op.sheet).getRange(op.range).merge(false) }],
  columnWidths: (op) => [columnWidthsStep(op)],
  conditionalFormat: (op) => [conditionalFormatStep(op.sheet, op.range, op.rules)],
  pageSetup: (op, features) => (features.pageLayout ? [pageSetupStep(op)] : []),
  rowHeights: (op, features) => (features.pageLayout ? [rowHeightsStep(op)] : []),
  freezeRows: (op) => [freezeRowsStep(op)],
  dataValidation: (op) => [dataValidationStep(op.sheet, op.range, op.rule)],
};

function opSteps(op: WriteOp, features: WriteFeatures, limits: WriteLimits): Step[] {
  return (WRITE_OPS[op.op] as (op: WriteOp, features: WriteFeatures, limits: WriteLimits) => Step[])(op, features, limits);
}

/** Rows of equal length share one range; a ragged block is written row by row. Large blocks are cut by bytes. */
function setCellsSteps(sheet: string, anchor: string, cells: PlanValue[][], limits: WriteLimits): Step[] {
  const { top, left } = rangeSize(anchor);
  const steps: Step[] = [];
  let start = 0;
  while (start < cells.length) {
    let end = start + 1;
    while (end < cells.length && cells[end].length === cells[start].length) end++;
    const width = cells[start].length;
    if (width > 0) {
      let chunk: (string | number)[][] = [];
      let chunkTop = top + start;
      let bytes = 0;
      const flush = () => {
        if (!chunk.length) return;
        const rows = chunk;
        const range = rangeAddress(chunkTop, left, chunkTop + rows.length - 1, left + width - 1);
        steps.push({ bytes: bytes + 128, calls: 3, run: (_, sheets) => (sheets.get(sheet).getRange(range).formulas = rows) });
        chunkTop += rows.length;
        chunk = [];
        bytes = 0;
      };
      for (let r = start; r < end; r++) {
        let row: (string | number)[];
        try {
          row = cells[r].map(toExcelInput);
        } catch (error) {
          throw planError(`Giá trị không ghi được vào Excel ở sheet “${sheet}”, dòng ${top + r + 1}: ${(error as Error).message}.`);
        }
        const rowBytes = row.reduce<number>((sum, v) => sum + inputBytes(v), 2);
        if (chunk.length && bytes + rowBytes > limits.blockBytes) flush();
        chunk.push(row);
        bytes += rowBytes;
      }
      flush();
    }
    start = end;
  }
  return steps;
}

function styleSteps(sheet: string, range: string, style: CellStyle, limits: WriteLimits): Step[] {
  const size = rangeSize(range);
  const { numberFormat, ...format } = style;
  const steps: Step[] = [];
  const set = Object.values(format).filter((v) => v !== undefined).length;
  if (set > 0) {
    const borderCalls = format.border ? 6 * 4 : 0;
    steps.push({ bytes: 512, calls: 4 + set + borderCalls, run: (_, sheets) => applyFormat(sheets.get(sheet).getRange(range), format, size) });
  }
  if (numberFormat) steps.push(...numberFormatSteps(sheet, range, numberFormat, limits));
  return steps;
}

function numberFormatSteps(sheet: string, range: string, numberFormat: string, limits: WriteLimits): Step[] {
  // Office.js wants one format per cell; a tall range is cut into row blocks that each fit a sync.
  const size = rangeSize(range);
  const steps: Step[] = [];
  const rowBytes = size.columns * (textBytes(numberFormat) + 3) + 2;
  const rowsPerStep = Math.max(1, Math.floor(limits.blockBytes / rowBytes));
  for (let first = 0; first < size.rows; first += rowsPerStep) {
    const rows = Math.min(rowsPerStep, size.rows - first);
    const part = rangeAddress(size.top + first, size.left, size.top + first + rows - 1, size.left + size.columns - 1);
    steps.push({ bytes: rows * rowBytes + 128, calls: 3, run: (_, sheets) => (sheets.get(sheet).getRange(part).numberFormat = fill(rows, size.columns, numberFormat)) });
  }
  return steps;
}

function applyFormat(range: Excel.Range, style: Omit<CellStyle, "numberFormat">, size: { rows: number; columns: number }): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontName) format.font.name = style.fontName;
  if (style.fontColor) format.font.color = `#${style.fontColor}`;
  if (style.fill) format.fill.color = `#${style.fill}`;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.hAlign) format.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign) format.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.locked !== undefined) format.protection.locked = style.locked;
  if (style.border) {
    // Every cell gets its four sides, as the xlsx host draws them: the edges plus the inside lines.
    const edges: Excel.BorderIndex[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as Excel.BorderIndex[];
    if (size.rows > 1) edges.push("InsideHorizontal" as Excel.BorderIndex);
    if (size.columns > 1) edges.push("InsideVertical" as Excel.BorderIndex);
    for (const edge of edges) Object.assign(format.borders.getItem(edge), BORDER);
  }
}

function conditionalFormatStep(sheet: string, range: string, rules: ConditionalRule[]): Step {
  return {
    bytes: 256 + rules.reduce((sum, r) => sum + textBytes(r.formula) + 64, 0),
    calls: 4 + 5 * rules.length,
    run: (_, sheets) => {
      const target = sheets.get(sheet).getRange(range);
      // Replaces what the range had, so a second run adds nothing. The rules are disjoint: order is moot.
      target.conditionalFormats.clearAll();
      for (const rule of rules) {
        const cf = target.conditionalFormats.add("Custom");
        cf.custom.rule.formula = `=${rule.formula}`;
        cf.custom.format.fill.color = `#${rule.fill}`;
        cf.custom.format.font.color = `#${rule.fontColor}`;
      }
    },
  };
}

function listSource(source: string): string {
  // A literal list arrives quoted, as in the .xlsx file ("a,b,c"); a range reference needs "=" in Office.js.
  if (source.startsWith('"') && source.endsWith('"')) return source.slice(1, -1);
  return source.startsWith("=") ? source : `=${source}`;
}

function dataValidationStep(sheet: string, range: string, rule: ValidationRule): Step {
  return {
    bytes: 512 + textBytes(rule.message),
    calls: 8,
    run: (_, sheets) => {
      const validation = sheets.get(sheet).getRange(range).dataValidation;
      validation.clear();
      validation.ignoreBlanks = true;
      switch (rule.kind) {
        case "wholeNumber":
          validation.rule = { wholeNumber: { formula1: rule.min, operator: "GreaterThanOrEqualTo" } };
          break;
        case "decimal":
          validation.rule = { decimal: { formula1: rule.min, operator: "GreaterThanOrEqualTo" } };
          break;
        case "list":
          validation.rule = { list: { inCellDropDown: true, source: listSource(rule.source) } };
          break;
      }
      validation.errorAlert = {
        title: "Đề án 02",
        message: rule.message,
        showAlert: true,
        style: rule.kind === "list" && !rule.strict ? "Warning" : "Stop",
      };
    },
  };
}

/** Consecutive steps share a sync while their payload fits; each group is one sync. */
export function packSteps(steps: Step[], limits: WriteLimits): Step[][] {
  const blocks: Step[][] = [];
  let block: Step[] = [];
  let bytes = 0;
  for (const step of steps) {
    const cost = stepBytes(step, limits);
    if (block.length && bytes + cost > limits.blockBytes) {
      blocks.push(block);
      block = [];
      bytes = 0;
    }
    block.push(step);
    bytes += cost;
  }
  if (block.length) blocks.push(block);
  return blocks;
}
