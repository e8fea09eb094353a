/**
 * The host-independent shapes the engine reads and writes. Hosts (Office.js, ExcelJS) turn a
 * workbook into a WorkbookSnapshot and apply a Plan; the core never sees either API.
 */

/** An Excel error value such as "#DIV/0!" or "#REF!", as found in an input cell. */
export interface ErrorValue {
  error: string;
}

export type CellValue = string | number | boolean | Date | ErrorValue | null;

export function isErrorValue(value: CellValue): value is ErrorValue {
  return typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value;
}

/** Zero-based, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetGrid {
  name: string;
  /** Row-major values anchored at A1: values[0][0] is A1. Rows may be ragged; a missing cell is null. */
  values: CellValue[][];
  /** Formula text without the leading "=", where a cell holds a formula (same anchoring as values). */
  formulas?: (string | null)[][];
  merges: CellRange[];
  visibility?: SheetVisibility;
  /** Set on a sheet typed in a legacy 8-bit Vietnamese encoding, whose texts the engine has decoded. */
  legacy?: { encoding: "tcvn3" | "vni"; decodedName: string };
}

export interface WorkbookSnapshot {
  sheets: SheetGrid[];
}

// ---------------------------------------------------------------------------------------------
// Findings

export type Severity = "error" | "warning" | "info";

export const FINDING_CODES = [
  "missing-sheet",
  "missing-column",
  "blank-required",
  "not-a-number",
  "not-integer",
  "negative-value",
  "invalid-choice",
  "rule-violation",
  "total-mismatch",
  "unknown-unit",
  "duplicate-unit",
  "missing-unit",
  "cross-sheet-mismatch",
  "formula-error",
  "reported-ratio-mismatch",
  "unknown-column",
  "number-as-text",
  "summary-name-taken",
  "legacy-encoding",
  "unit-without-diacritics",
  "sheet-read-as",
  "ambiguous-sheet",
  "formula-not-computed",
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export type ComparisonOp = "<=" | "<" | ">=" | ">" | "=";

/** Which unit a row is: its name as typed, or its 1-based row number where the name is blank. */
export type UnitLabel = { name: string } | { row: number };

/** A fraction of 1 (0.9 for 90%), shown as a percentage. */
export interface Percentage {
  fraction: number;
}

/** A sentence added after a finding's message to help fix it. */
export type FindingHint = { kind: "suggestion"; suggestion: string } | { kind: "fraction" } | { kind: "date" } | { kind: "spaces" };

/** Where a cell check's finding sits: its column's header and the unit of its row. */
interface InColumn {
  column: string;
  unit: UnitLabel;
}

/** The data each finding code carries; messages are rendered from it at the edge, in each language. */
interface FindingParamsByCode {
  "missing-sheet": Record<string, never>;
  "missing-column": { column: string; field?: string };
  "blank-required": InColumn;
  "not-a-number": { column: string; unit?: UnitLabel; value: string; hint?: FindingHint };
  "not-integer": InColumn & { value: number | string };
  "negative-value": InColumn & { value: number | string; min: number };
  "invalid-choice": InColumn & { value: string; choices: string[]; hint?: FindingHint };
  "rule-violation": { column: string; value: number; op: ComparisonOp; other: string; otherValue: number; unit: UnitLabel };
  "total-mismatch": { column: string; value: number; expected: number };
  "unknown-unit": { value: string; district: string; hint?: FindingHint };
  "duplicate-unit": { value: string; firstCell: string };
  "missing-unit": { unit: string };
  "cross-sheet-mismatch": { column: string; unit: string; value: number; op: ComparisonOp; other: string; otherValue: number; otherSheet: string; otherCell: string };
  "formula-error": { value: string; column?: string; unit?: UnitLabel };
  "reported-ratio-mismatch": { value: Percentage; expected: Percentage; unit: string };
  "unknown-column": { value: string };
  /** `cells` lists the first few of the `count` cells. */
  "number-as-text": { count: number; cells: string[] };
  "summary-name-taken": { target: string };
  "legacy-encoding": { count: number; encoding: string };
  "unit-without-diacritics": { value: string; unit: string };
  "sheet-read-as": { as: string };
  "ambiguous-sheet": { as: string; candidates: string[] };
  "formula-not-computed": { column: string; formula: string };
}

export type ParamsOf<C extends FindingCode> = FindingParamsByCode[C];

export interface FindingOf<C extends FindingCode> {
  severity: Severity;
  code: C;
  /** The sheet's name as it stands in the workbook, or null for a workbook-wide finding. */
  sheet: string | null;
  /** A1 address, or null where no single cell applies. */
  cell: string | null;
  params: ParamsOf<C>;
}

/** A finding as data: no text; the edges render it in the person's language (findings/render.ts). */
export type Finding = { [C in FindingCode]: FindingOf<C> }[FindingCode];

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

// ---------------------------------------------------------------------------------------------
// Indicators

export type IndicatorStatus = "exceeded" | "met" | "not_met" | "no_target" | "no_data";
type IndicatorUnit = "count" | "ratio";
export type Direction = "higher" | "lower";

export interface UnitValue {
  unit: string;
  actual: number;
  numerator: number | null;
  denominator: number | null;
}

export interface IndicatorResult {
  id: string;
  name: string;
  unit: IndicatorUnit;
  actual: number | null;
  numerator: number | null;
  denominator: number | null;
  baseline: number | null;
  target: number | null;
  achievement: number | null;
  status: IndicatorStatus;
  /** actual − baseline (percentage points as a fraction for ratios), null when either is missing. */
  change: number | null;
  /** Units strictly below target, worst first; present for per-unit indicators with a target. */
  belowTarget?: UnitValue[];
  /** Error findings on the cells the indicator reads (its columns' data rows). */
  inputFindings: number;
  /** Rows a ratio left out of both sides because its numerator or denominator cell was unusable. */
  rowsLeftOut: number;
}

// ---------------------------------------------------------------------------------------------
// The plan: every write the add-in makes, described without a host.

export type PlanValue =
  /** Without the leading "=". `result` is the engine's value, cached for readers that do not recalculate. */
  | { kind: "formula"; formula: string; result?: number | string | null }
  | { kind: "text"; text: string } // always lands as text, never as a formula
  | { kind: "number"; value: number }
  | { kind: "empty" };

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** RRGGBB */
  fill?: string;
  /** RRGGBB */
  fontColor?: string;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  border?: boolean;
  numberFormat?: string;
  locked?: boolean;
  fontName?: string;
}

export type ValidationRule =
  | { kind: "wholeNumber"; min: number; message: string }
  | { kind: "decimal"; min: number; message: string }
  | { kind: "list"; source: string; strict: boolean; message: string };

export interface ConditionalRule {
  /** Formula (without "=") relative to the range's top-left cell, e.g. `$H6="Đạt"`. */
  formula: string;
  fill: string;
  fontColor: string;
}

/** A native chart: bars (and a reference line) over ranges of the sheet it sits on. */
export interface ChartSpec {
  /** Unique on its sheet; the add-in finds and replaces its own charts by this name. */
  name: string;
  title: string;
  /** The cells the chart covers: its top-left cell and the cell its bottom-right corner reaches. */
  from: string;
  to: string;
  /** Absolute references with the sheet, e.g. `'Tổng hợp chỉ tiêu'!$L$40:$L$52`; `cache` is what they hold now. */
  categories: { ref: string; cache: string[] };
  series: { name: string; kind: "column" | "line"; ref: string; cache: (number | null)[]; color: string }[];
  /** Number format of the value axis and labels, e.g. "0%". */
  valueFormat: string;
  fontName: string;
}

export type PlanOp =
  /** An owned sheet: created when missing, otherwise its contents and formats are cleared in place. */
  | { op: "prepareSheet"; sheet: string }
  | { op: "setCells"; sheet: string; anchor: string; cells: PlanValue[][] }
  | { op: "style"; sheet: string; range: string; style: CellStyle }
  | { op: "merge"; sheet: string; range: string }
  | { op: "columnWidths"; sheet: string; widths: { column: number; width: number }[] }
  /** Replaces whatever conditional formats the range already has, so a second run adds none. */
  | { op: "conditionalFormat"; sheet: string; range: string; rules: ConditionalRule[] }
  | {
      op: "pageSetup";
      sheet: string;
      orientation: "portrait" | "landscape";
      /** rows repeated on every printed page, e.g. "4:4" */
      printTitleRows?: string;
      /** What prints, e.g. "A1:J80"; the whole used range when absent. */
      printArea?: string;
      /** Percent; fit to one page wide when absent. */
      scale?: number;
      /** Rows (1-based) after which a new page starts. */
      rowBreaks?: number[];
      /** Excel header/footer codes, e.g. "Trang &P/&N" (centre of every page's footer). */
      footer?: string;
      fontName?: string;
    }
  /** Row heights in points (1-based rows), so a printed page holds what the plan expects. */
  | { op: "rowHeights"; sheet: string; heights: { row: number; height: number }[] }
  | { op: "chart"; sheet: string; chart: ChartSpec }
  /** Removes a sheet the add-in owns and no longer needs (the findings sheet once there are none). */
  | { op: "removeSheet"; sheet: string }
  | { op: "freezeRows"; sheet: string; rows: number }
  /** Excel data validation on input cells; `warning` lets a person keep a value off the list (open lists). */
  | { op: "dataValidation"; sheet: string; range: string; rule: ValidationRule }
  /** Protects the sheet without a password: cells styled `locked: false` stay editable. */
  | { op: "protectSheet"; sheet: string }
  | { op: "sheetVisibility"; sheet: string; visibility: SheetVisibility };

export interface Plan {
  ops: PlanOp[];
}

/** The port every host implements. */
export interface WorkbookHost {
  read(): Promise<WorkbookSnapshot>;
  apply(plan: Plan): Promise<void>;
  /** Shows a cell to the person (a finding's cell), where the host has a screen. */
  select?(sheet: string, cell: string): Promise<void>;
}
