import type { Catalogue } from "../definitions/compile";
import { encodeLegacy } from "../text/legacy-encoding";
import type { CompileContext, EvalContext } from "../expr/context";
import { absoluteRange } from "../expr";
import type { CellValue } from "../model";
import { cellAt } from "../read/grid";
import { address, columnLetter } from "../a1";
import type { SheetReading } from "../validate/sheet";

export type Readings = Map<string, SheetReading>;

/**
 * The spellings COUNTIF counts a choice under: its value and aliases, and on a sheet typed in a legacy
 * encoding the same words in that encoding too, so the workbook's formula counts what the engine reads.
 */
function choiceSpellings(defs: Catalogue, sheetId: string | null, field: string, value: string, readings?: Readings): string[] {
  const column = sheetId === null ? undefined : defs.sheetById.get(sheetId)?.columns.get(field);
  const choice = column?.choices?.find((c) => c.value === value);
  const unicode = choice ? [choice.value, ...choice.aliases] : [value];
  const legacy = sheetId ? readings?.get(sheetId)?.grid.legacy : undefined;
  const spellings = legacy ? [...unicode, ...unicode.map((s) => encodeLegacy(s, legacy.encoding))] : unicode;
  const seen = new Set<string>();
  return spellings.filter((s) => !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
}

const columnCache = new WeakMap<SheetReading, Map<string, readonly CellValue[] | undefined>>();
const countCache = new WeakMap<SheetReading, number>();

/** A column's data cells, gathered once per reading: every SUM, COUNTIF and row count of an indicator asks again. */
export function columnValues(reading: SheetReading, field: string): readonly CellValue[] | undefined {
  let columns = columnCache.get(reading);
  if (!columns) columnCache.set(reading, (columns = new Map()));
  if (columns.has(field)) return columns.get(field);
  const col = reading.layout.columns.get(field);
  const values = col === undefined ? undefined : reading.layout.dataRows.map((row) => cellAt(reading.grid, row, col));
  columns.set(field, values);
  return values;
}

/** Rows Excel's COUNTA counts in the key column: every cell that is not empty. */
export function countedRows(reading: SheetReading): number {
  let count = countCache.get(reading);
  if (count === undefined) {
    count = 0;
    for (const v of columnValues(reading, reading.def.key) ?? []) if (v !== null && v !== "") count++;
    countCache.set(reading, count);
  }
  return count;
}

/** `read` over the sheet's reading, or `absent` where the workbook has no such sheet. */
function onSheet<T>(readings: Readings, sheetId: string, read: (reading: SheetReading) => T, absent: T): T {
  const reading = readings.get(sheetId);
  return reading ? read(reading) : absent;
}

export function aggregateEvalContext(defs: Catalogue, readings: Readings, target: (id: string) => number | null): EvalContext {
  return {
    columnValues: (sheetId, field) => onSheet(readings, sheetId, (reading) => columnValues(reading, field), undefined),
    rowCount: (sheetId) => onSheet(readings, sheetId, countedRows, undefined),
    choiceSpellings: (sheetId, field, value) => choiceSpellings(defs, sheetId, field, value),
    target,
  };
}

/** The row a row context reads: a number, or a cursor the caller moves to reuse one context over many rows. */
export type RowRef = number | { row: number };

export function rowEvalContext(defs: Catalogue, reading: SheetReading, at: RowRef, target: (id: string) => number | null): EvalContext {
  return {
    rowValue: (field) => {
      const col = reading.layout.columns.get(field);
      return col === undefined ? undefined : cellAt(reading.grid, typeof at === "number" ? at : at.row, col);
    },
    choiceSpellings: (sheetId, field, value) => choiceSpellings(defs, sheetId ?? reading.def.id, field, value),
    target,
  };
}

/** Sheet id → the sheet's name in the workbook and the letter of each field found on it. */
export type SheetColumns = Record<string, { sheet: string; columns: Record<string, string> }>;

export function sheetColumns(readings: Readings): SheetColumns {
  const found: SheetColumns = {};
  for (const [id, reading] of readings) found[id] = { sheet: reading.grid.name, columns: Object.fromEntries([...reading.layout.columns].map(([field, col]) => [field, columnLetter(col)])) };
  return found;
}

/** A column's data as ranges, one per span between headings and subtotals, so no formula counts a subtotal. */
export function columnRange(reading: SheetReading, field: string): string[] | null {
  const col = reading.layout.columns.get(field);
  if (col === undefined || reading.layout.dataRows.length === 0) return null;
  return reading.layout.spans.map((span) => absoluteRange(reading.grid.name, col, span.first, span.last));
}

export function aggregateCompileContext(defs: Catalogue, readings: Readings, target: (id: string) => string | number | null): CompileContext {
  return {
    columnRange: (sheetId, field) => onSheet(readings, sheetId, (reading) => columnRange(reading, field), null),
    keyRange: (sheetId) => onSheet(readings, sheetId, (reading) => columnRange(reading, reading.def.key), null),
    choiceSpellings: (sheetId, field, value) => choiceSpellings(defs, sheetId, field, value, readings),
    target,
  };
}

/** Stands for the row number in a formula compiled once for a whole column. */
export const ROW_MARK = "\u0000";
export const ROW_PLACEHOLDER = -1;

export function rowCompileContext(defs: Catalogue, reading: SheetReading, row: number, target: (id: string) => string | number | null): CompileContext {
  return {
    rowCell: (field) => {
      const col = reading.layout.columns.get(field);
      if (col === undefined) return null;
      return row === ROW_PLACEHOLDER ? `${columnLetter(col)}${ROW_MARK}` : address(row, col);
    },
    choiceSpellings: (sheetId, field, value) => choiceSpellings(defs, sheetId ?? reading.def.id, field, value),
    target,
  };
}
