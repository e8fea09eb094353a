import type { Catalogue } from "../definitions/compile";
import type { IndicatorDef } from "../definitions/schema";
import { type Ast, evaluate, referencedColumns, referencedSheets } from "../expr";
import { isCompleteCell } from "../expr/evaluate";
import { parseAddress } from "../a1";
import { splitDivision } from "../expr/inspect";
import type { Finding, IndicatorResult, UnitValue } from "../model";
import { indicatorResult } from "./indicator-result";
import { aggregateEvalContext, columnValues, countedRows, type Readings, rowEvalContext } from "../workbook/contexts";
import type { TargetsReading } from "./targets";

/** The rows a complete-rows ratio leaves out: its two cells are not both numbers ≥ 0. */
function rowsLeftOut(ast: Ast, readings: Readings): number {
  if (ast.type !== "sumComplete") return 0;
  const reading = readings.get(ast.column.sheet);
  if (!reading) return 0;
  const cells = columnValues(reading, ast.column.field);
  const others = columnValues(reading, ast.other.field);
  if (!cells || !others) return 0;
  let left = 0;
  for (let i = 0; i < cells.length; i++) if (!isCompleteCell(cells[i]) || !isCompleteCell(others[i])) left++;
  return left;
}

/** Error findings by sheet, each at its zero-based row and column: there are few of them, and rows are many. */
function errorCells(findings: readonly Finding[]): Map<string, { row: number; col: number }[]> {
  const bySheet = new Map<string, { row: number; col: number }[]>();
  for (const f of findings) {
    if (f.severity !== "error" || f.cell === null || f.sheet === null) continue;
    const list = bySheet.get(f.sheet) ?? [];
    list.push(parseAddress(f.cell));
    bySheet.set(f.sheet, list);
  }
  return bySheet;
}

const dataRowSets = new WeakMap<object, Set<number>>();

function dataRowSet(reading: { layout: { dataRows: number[] } }): Set<number> {
  let rows = dataRowSets.get(reading);
  if (!rows) dataRowSets.set(reading, (rows = new Set(reading.layout.dataRows)));
  return rows;
}

/** Error findings on the cells an indicator reads: its columns (the key column for a row count) over the data rows. */
function inputFindingsOf(ast: Ast, readings: Readings, errors: Map<string, { row: number; col: number }[]>): number {
  const columns = new Map<string, Set<number>>();
  const add = (sheetId: string, field: string) => {
    const col = readings.get(sheetId)?.layout.columns.get(field);
    if (col === undefined) return;
    columns.set(sheetId, (columns.get(sheetId) ?? new Set()).add(col));
  };
  const read = referencedColumns(ast);
  for (const c of read) add(c.sheet, c.field);
  for (const id of referencedSheets(ast)) {
    const reading = readings.get(id);
    if (reading && !read.some((c) => c.sheet === id)) add(id, reading.def.key);
  }
  let count = 0;
  for (const [sheetId, cols] of columns) {
    const reading = readings.get(sheetId)!;
    const rows = dataRowSet(reading);
    for (const e of errors.get(reading.grid.name) ?? []) if (cols.has(e.col) && rows.has(e.row)) count++;
  }
  return count;
}

/** An indicator whose sheets are missing or empty has no data, never zero. */
function sheetsHaveRows(ast: Ast, readings: Readings): boolean {
  return referencedSheets(ast).every((id) => {
    const reading = readings.get(id);
    return reading !== undefined && countedRows(reading) > 0;
  });
}

function perUnitValues(defs: Catalogue, def: IndicatorDef, readings: Readings, target: (id: string) => number | null): UnitValue[] | null {
  if (!def.perUnit) return null;
  const reading = readings.get(def.perUnit.sheet);
  const ast = defs.sheetById.get(def.perUnit.sheet)?.calculated.get(def.perUnit.calculated);
  if (!reading || !ast) return null;
  const parts = splitDivision(ast);
  const values: UnitValue[] = [];
  const cursor = { row: 0 };
  const ctx = rowEvalContext(defs, reading, cursor, target);
  for (const record of reading.rows) {
    cursor.row = record.row;
    const actual = evaluate(ast, ctx);
    if (actual === null) continue;
    values.push({
      unit: record.unit?.name ?? record.keyText,
      actual,
      numerator: parts ? evaluate(parts.numerator, ctx) : null,
      denominator: parts ? evaluate(parts.denominator, ctx) : null,
    });
  }
  return values;
}

export function computeIndicators(defs: Catalogue, readings: Readings, targets: TargetsReading, findings: readonly Finding[] = []): IndicatorResult[] {
  const targetOf = (id: string) => targets.figures.get(id)?.target.value ?? null;
  const ctx = aggregateEvalContext(defs, readings, targetOf);
  const errors = errorCells(findings);
  return defs.indicators.map((def) => {
    const asts = defs.indicatorById.get(def.id)!;
    const hasRows = sheetsHaveRows(asts.actual, readings);
    const numerator = hasRows ? evaluate(asts.numerator, ctx) : null;
    const denominator = hasRows && asts.denominator ? evaluate(asts.denominator, ctx) : null;
    const actual = hasRows ? evaluate(asts.actual, ctx) : null;
    const figures = targets.figures.get(def.id)!;
    const target = figures.target.value;
    const baseline = figures.baseline.value;
    const result = indicatorResult(def, {
      actual,
      numerator,
      denominator: asts.denominator ? denominator : null,
      baseline,
      target,
      inputFindings: inputFindingsOf(asts.actual, readings, errors),
      rowsLeftOut: hasRows ? rowsLeftOut(asts.numerator, readings) : 0,
    });
    const units = perUnitValues(defs, def, readings, targetOf);
    if (units && target !== null) {
      const below = def.direction === "lower" ? (u: UnitValue) => u.actual > target : (u: UnitValue) => u.actual < target;
      result.belowTarget = units.filter(below).sort((a, b) => (def.direction === "lower" ? b.actual - a.actual : a.actual - b.actual));
    }
    return result;
  });
}
