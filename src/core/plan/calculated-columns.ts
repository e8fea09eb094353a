import { calculatedAst, type Catalogue } from "../definitions/compile";
import { dataSpans } from "../read/sheet-layout";
import { type Ast, compile, evaluate, referencedFields } from "../expr";
import { isErrorValue, type PlanOp, type PlanValue } from "../model";
import { cellAt, columnCount, mergeAt } from "../read/grid";
import { address, rangeAddress } from "../a1";
import { ROW_MARK, ROW_PLACEHOLDER, type Readings, rowCompileContext, rowEvalContext } from "../workbook/contexts";
import type { SheetReading } from "../validate/sheet";
import { DECIMAL_FORMAT, EMPTY, formula, PERCENT_FORMAT, text, UNICODE_FONT } from "./cells";

/**
 * Whether every field a row formula reads is a count the definitions keep at or above 0: then a negative cell
 * (-3 women on a committee, a finding of its own) leaves the row's share blank instead of showing -23,1 %.
 */
function countsOnly(reading: SheetReading, ast: Ast): boolean {
  return referencedFields(ast).every((field) => {
    const min = reading.def.columns.find((c) => c.field === field)?.min;
    return min !== undefined && min >= 0;
  });
}

/** Our column is one whose data cells hold only formulas or nothing; one with typed values is the staff's. */
function isOwnColumn(reading: SheetReading, col: number): boolean {
  const { grid, layout } = reading;
  for (let row = layout.firstDataRow; row <= layout.lastDataRow; row++) {
    const value = cellAt(grid, row, col);
    const formula = grid.formulas?.[row]?.[col] ?? null;
    if (value !== null && value !== "" && formula === null) return false;
  }
  return true;
}

const placesOf = new WeakMap<SheetReading, Map<string, number>>();

/**
 * Where each calculated column goes: its existing column, or the next free one to the right of everything.
 * Worked out once per reading: the typed-ratio check, the columns and the summary all ask.
 */
export function calculatedColumnPlaces(reading: SheetReading): Map<string, number> {
  const known = placesOf.get(reading);
  if (known) return known;
  const places = new Map<string, number>();
  let next = columnCount(reading.grid);
  for (const calc of reading.def.calculated) {
    const own = (reading.layout.calculated.get(calc.id) ?? []).find((col) => isOwnColumn(reading, col));
    places.set(calc.id, own ?? next++);
  }
  placesOf.set(reading, places);
  return places;
}

/** The staff's own hand-typed columns headed like a calculated column, to be checked and left alone. */
export function typedRatioColumns(reading: SheetReading, places: Map<string, number>): Map<string, number[]> {
  const typed = new Map<string, number[]>();
  for (const calc of reading.def.calculated) {
    const sameHeader = (reading.layout.calculated.get(calc.id) ?? []).filter((col) => col !== places.get(calc.id));
    const columns = [...(reading.layout.reported.get(calc.id) ?? []), ...sameHeader];
    if (columns.length) typed.set(calc.id, columns);
  }
  return typed;
}

/** A totals row applies the row expression to its rows' column sums, as the district total does; `rows` are those rows. */
function totalsValue(reading: SheetReading, ast: Ast, rows: readonly number[], structure: readonly number[], target: (id: string) => number | null, targetRef: (id: string) => string | number | null) {
  const sums = new Map<string, string>();
  const sumValues = new Map<string, number | undefined>();
  const spans = dataSpans(rows, structure);
  for (const [field, col] of reading.layout.columns) {
    sums.set(field, spans.length ? `SUM(${spans.map((s) => rangeAddress(s.first, col, s.last, col)).join(",")})` : "0");
    let total: number | undefined = 0;
    for (const row of rows) {
      const v = cellAt(reading.grid, row, col);
      if (typeof v === "number" && Number.isFinite(v)) total += v;
      // Excel's SUM over an error value is that error, and the totals formula then gives "".
      else if (isErrorValue(v)) {
        total = undefined;
        break;
      }
    }
    sumValues.set(field, total);
  }
  const formula = compile(ast, {
    rowCell: (field) => sums.get(field) ?? null,
    choiceSpellings: (_s, _f, v) => [v],
    target: targetRef,
  });
  const result = evaluate(ast, { rowValue: (field) => sumValues.get(field), choiceSpellings: (_s, _f, v) => [v], target });
  return { formula, result };
}

function consecutiveRuns(rows: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === row - 1) last.push(row);
    else runs.push([row]);
  }
  return runs;
}

export function calculatedColumnOps(
  defs: Catalogue,
  readings: Readings,
  target: (id: string) => number | null,
  targetRef: (id: string) => string | number | null,
): PlanOp[] {
  const ops: PlanOp[] = [];
  for (const reading of readings.values()) {
    if (reading.def.calculated.length === 0 || reading.layout.dataRows.length === 0) continue;
    const { grid, layout } = reading;
    const sheet = grid.name;
    const places = calculatedColumnPlaces(reading);
    for (const calc of reading.def.calculated) {
      const col = places.get(calc.id)!;
      const ast = calculatedAst(defs, reading.def.id, calc.id);
      const headerRange = rangeAddress(layout.headerTop, col, layout.headerBottom, col);
      ops.push({ op: "setCells", sheet, anchor: address(layout.headerTop, col), cells: [[text(calc.header)]] });
      if (layout.headerBottom > layout.headerTop && !mergeAt(grid, layout.headerTop, col)) ops.push({ op: "merge", sheet, range: headerRange });
      // On a sheet set in a .Vn or VNI font, the Unicode header needs a Unicode font to be legible.
      const font = grid.legacy ? { fontName: UNICODE_FONT } : {};
      ops.push({ op: "style", sheet, range: headerRange, style: { bold: true, wrap: true, hAlign: "center", vAlign: "middle", border: true, ...font } });

      // Compiled once with a row placeholder: every data row's formula is the same but for its row number.
      const blankBelowZero = countsOnly(reading, ast);
      const template = compile(ast, { ...rowCompileContext(defs, reading, ROW_PLACEHOLDER, targetRef), blankBelowZero }).split(ROW_MARK);
      const cursor = { row: layout.firstDataRow };
      const ctx = { ...rowEvalContext(defs, reading, cursor, target), blankBelowZero };
      // One write per run of consecutive data rows, so a stray cell far down adds one cell, not a million blanks.
      for (const run of consecutiveRuns(layout.dataRows)) {
        const cells: PlanValue[][] = run.map((row) => {
          cursor.row = row;
          return [formula(template.join(String(row + 1)), evaluate(ast, ctx))];
        });
        ops.push({ op: "setCells", sheet, anchor: address(run[0], col), cells });
        ops.push({ op: "style", sheet, range: rangeAddress(run[0], col, run[run.length - 1], col), style: { numberFormat: calc.format === "percent" ? PERCENT_FORMAT : DECIMAL_FORMAT, border: true } });
      }
      // A row that was data on an earlier run and is blank (or a heading) now loses the formula written for it then.
      const totals = [...layout.subtotals, ...(layout.totalsRow !== null ? [{ row: layout.totalsRow, rows: layout.dataRows }] : [])];
      const written = new Set([...layout.dataRows, ...totals.map((t) => t.row)]);
      for (let row = layout.firstDataRow; row <= layout.lastDataRow; row++) {
        if (!written.has(row) && (cellAt(grid, row, col) !== null || grid.formulas?.[row]?.[col])) ops.push({ op: "setCells", sheet, anchor: address(row, col), cells: [[EMPTY]] });
      }

      // Each subtotal gets its section's figure, the grand total the whole sheet's.
      for (const total of totals) {
        const value = totalsValue(reading, ast, total.rows, layout.structure, target, targetRef);
        ops.push({ op: "setCells", sheet, anchor: address(total.row, col), cells: [[formula(value.formula, value.result)]] });
        ops.push({ op: "style", sheet, range: address(total.row, col), style: { bold: true, border: true, numberFormat: calc.format === "percent" ? PERCENT_FORMAT : DECIMAL_FORMAT } });
      }
      ops.push({ op: "columnWidths", sheet, widths: [{ column: col + 1, width: 14 }] });
    }
  }
  return ops;
}
