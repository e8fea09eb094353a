import type { SheetDef } from "../definitions/schema";
import type { SheetGrid } from "../model";
import { matchKey } from "../text/normalize";
import { address, cellAt, columnCount, isEmpty, mergeAt, parseAddress, rowCount, visibleValue } from "./grid";
import { cellText } from "./cell-number";

/** Where a known sheet's parts are. Rows and columns are zero-based. */
export interface SheetLayout {
  headerTop: number;
  headerBottom: number;
  /** field → column */
  columns: Map<string, number>;
  /** calculated column id → every column already headed with its canonical header, left to right */
  calculated: Map<string, number[]>;
  /** calculated column id → columns the staff typed a ratio into by hand */
  reported: Map<string, number[]>;
  stt: number | null;
  unknown: { column: number; header: string; cell: string }[];
  /** Data rows in order (blank rows and totals rows excluded). */
  dataRows: number[];
  /** The span formulas cover: from the first to the last data row. */
  firstDataRow: number;
  lastDataRow: number;
  totalsRow: number | null;
  /** Rightmost column holding a header. */
  lastHeaderColumn: number;
}

const SCAN_ROWS = 30;
const STT_KEYS = new Set(["stt", "tt", "so tt", "so thu tu"]);

interface HeaderVocabulary {
  fields: Map<string, string>;
  calculated: Map<string, string>;
  reported: Map<string, string>;
}

function vocabulary(def: SheetDef): HeaderVocabulary {
  const fields = new Map<string, string>();
  for (const c of def.columns) for (const h of [c.header, ...c.aliases]) if (!fields.has(matchKey(h))) fields.set(matchKey(h), c.field);
  const calculated = new Map<string, string>();
  const reported = new Map<string, string>();
  for (const c of def.calculated) {
    calculated.set(matchKey(c.header), c.id);
    for (const a of c.reportedAliases) reported.set(matchKey(a), c.id);
  }
  return { fields, calculated, reported };
}

function headerCandidates(grid: SheetGrid, top: number, rows: 1 | 2, col: number): string[] {
  const parentText = cellText(visibleValue(grid, top, col)).trim();
  if (rows === 1) return parentText ? [parentText] : [];
  const parentMerge = mergeAt(grid, top, col);
  const childIsParent = parentMerge !== undefined && parentMerge.bottom >= top + 1;
  const childText = childIsParent ? "" : cellText(visibleValue(grid, top + 1, col)).trim();
  if (!childText) return parentText ? [parentText] : [];
  if (!parentText) return [childText];
  return [`${parentText} ${childText}`, childText, parentText];
}

interface HeaderReading {
  top: number;
  rows: 1 | 2;
  columns: Map<string, number>;
  calculated: Map<string, number[]>;
  reported: Map<string, number[]>;
  stt: number | null;
  unknown: { column: number; header: string }[];
  lastHeaderColumn: number;
}

function readHeader(grid: SheetGrid, top: number, rows: 1 | 2, vocab: HeaderVocabulary, width: number): HeaderReading {
  const reading: HeaderReading = {
    top,
    rows,
    columns: new Map(),
    calculated: new Map(),
    reported: new Map(),
    stt: null,
    unknown: [],
    lastHeaderColumn: -1,
  };
  for (let col = 0; col < width; col++) {
    const candidates = headerCandidates(grid, top, rows, col);
    if (candidates.length === 0) continue;
    reading.lastHeaderColumn = col;
    let placed = false;
    for (const candidate of candidates) {
      const key = matchKey(candidate);
      const field = vocab.fields.get(key);
      if (field !== undefined && !reading.columns.has(field)) {
        reading.columns.set(field, col);
        placed = true;
        break;
      }
      const calc = vocab.calculated.get(key);
      if (calc !== undefined) {
        reading.calculated.set(calc, [...(reading.calculated.get(calc) ?? []), col]);
        placed = true;
        break;
      }
      const rep = vocab.reported.get(key);
      if (rep !== undefined) {
        reading.reported.set(rep, [...(reading.reported.get(rep) ?? []), col]);
        placed = true;
        break;
      }
      if (STT_KEYS.has(key) && reading.stt === null) {
        reading.stt = col;
        placed = true;
        break;
      }
    }
    if (!placed) reading.unknown.push({ column: col, header: candidates[0] });
  }
  return reading;
}

function score(reading: HeaderReading, def: SheetDef): number {
  let s = 0;
  for (const c of def.columns) if (reading.columns.has(c.field)) s += c.field === def.key ? 3 : 2;
  return s + reading.calculated.size;
}

function isColumnNumberRow(grid: SheetGrid, row: number, width: number): boolean {
  let seen = 0;
  for (let col = 0; col < width; col++) {
    const v = cellAt(grid, row, col);
    if (isEmpty(v)) continue;
    const text = cellText(v).trim();
    if (!/^\(?\d{1,2}\)?$|^\([A-Za-z]\)$|^[A-Z]$/.test(text)) return false;
    seen++;
  }
  return seen >= 2;
}

/** Two header rows need text in the top row and, somewhere, a sub-header below it that is not the same merged cell. */
function isTwoRowHeader(grid: SheetGrid, top: number, width: number): boolean {
  let parent = false;
  let child = false;
  for (let col = 0; col < width; col++) {
    if (!isEmpty(cellAt(grid, top, col))) parent = true;
    const merge = mergeAt(grid, top, col);
    const coveredBelow = merge !== undefined && merge.bottom >= top + 1;
    if (!coveredBelow && !isEmpty(cellAt(grid, top + 1, col))) child = true;
  }
  return parent && child;
}

/** Columns a person pointed at stand for fields whose headers were not recognised, and are no longer unknown. */
function applyMapping(reading: HeaderReading, def: SheetDef, mapping: Map<string, string>): void {
  for (const [field, letter] of mapping) {
    if (!def.columns.some((c) => c.field === field) || reading.columns.has(field)) continue;
    const col = parseAddress(`${letter}1`).col;
    reading.columns.set(field, col);
    reading.unknown = reading.unknown.filter((u) => u.column !== col);
  }
}

const TOTALS_PREFIX = "tong cong";
const firstWordsOf = new WeakMap<Set<string>, Set<string>>();

function firstWord(key: string): string {
  const space = key.indexOf(" ");
  return space < 0 ? key : key.slice(0, space);
}

/**
 * The first word of a text's matchKey, from its first whitespace-separated token that has one: whitespace
 * is a separator in a key, so a data row's long unit name is not normalised (nor cached) in full.
 */
function firstKeyWord(text: string): string {
  // The usual case, a first token with a letter or digit, without a match object per call.
  const start = text.search(/\S/);
  if (start < 0) return "";
  const rest = start === 0 ? text : text.slice(start);
  const end = rest.search(/\s/);
  const first = matchKey(end < 0 ? rest : rest.slice(0, end));
  if (first) return firstWord(first);
  const tokens = /\S+/g;
  for (let m = tokens.exec(text); m; m = tokens.exec(text)) {
    const key = matchKey(m[0]);
    if (key) return firstWord(key);
  }
  return "";
}

export function isTotalsLabel(text: string, totalsKeys: Set<string>): boolean {
  let firstWords = firstWordsOf.get(totalsKeys);
  if (!firstWords) firstWordsOf.set(totalsKeys, (firstWords = new Set([...totalsKeys, TOTALS_PREFIX].map(firstWord))));
  if (!firstWords.has(firstKeyWord(text))) return false;
  const key = matchKey(text);
  return totalsKeys.has(key) || key.startsWith(TOTALS_PREFIX);
}

function isTotalsRow(grid: SheetGrid, row: number, labelColumns: readonly number[], totalsKeys: Set<string>): boolean {
  for (const col of labelColumns) {
    const v = visibleValue(grid, row, col);
    if (typeof v === "string" && isTotalsLabel(v, totalsKeys)) return true;
  }
  return false;
}

function isBlankRow(grid: SheetGrid, row: number, columns: readonly number[]): boolean {
  for (const col of columns) if (!isEmpty(cellAt(grid, row, col))) return false;
  return true;
}

/** Finds the header, the columns and the data rows of a known sheet; null when no header is recognisable. */
export function locateLayout(grid: SheetGrid, def: SheetDef, totalsLabels: readonly string[], mapping?: Map<string, string>): SheetLayout | null {
  const vocab = vocabulary(def);
  const width = columnCount(grid);
  const height = rowCount(grid);
  let best: HeaderReading | null = null;
  let bestScore = 0;
  for (let top = 0; top < Math.min(SCAN_ROWS, height); top++) {
    for (const rows of [1, 2] as const) {
      if (rows === 2 && (top + 1 >= height || !isTwoRowHeader(grid, top, width))) continue;
      const reading = readHeader(grid, top, rows, vocab, width);
      const s = score(reading, def);
      if (s > bestScore) {
        best = reading;
        bestScore = s;
      }
    }
  }
  if (best && mapping) applyMapping(best, def, mapping);
  if (!best || !best.columns.has(def.key)) return null;

  const totalsKeys = new Set(totalsLabels.map(matchKey));
  const headerBottom = best.top + best.rows - 1;
  const known = [...best.columns.values()];
  const keyColumn = best.columns.get(def.key)!;
  const labelColumns = [...new Set([keyColumn, ...(best.stt !== null ? [best.stt] : []), 0, 1])];

  let start = headerBottom + 1;
  if (start < height && isColumnNumberRow(grid, start, width)) start++;

  const dataRows: number[] = [];
  let totalsRow: number | null = null;
  for (let row = start; row < height; row++) {
    if (isTotalsRow(grid, row, labelColumns, totalsKeys)) {
      totalsRow = row;
      if (dataRows.length > 0) break;
      continue;
    }
    if (isBlankRow(grid, row, known)) continue;
    dataRows.push(row);
  }

  return {
    headerTop: best.top,
    headerBottom,
    columns: best.columns,
    calculated: best.calculated,
    reported: best.reported,
    stt: best.stt,
    unknown: best.unknown.map((u) => ({ ...u, cell: address(mergeAt(grid, best!.top, u.column)?.top ?? best!.top, mergeAt(grid, best!.top, u.column)?.left ?? u.column) })),
    dataRows,
    firstDataRow: dataRows.length ? dataRows[0] : start,
    lastDataRow: dataRows.length ? dataRows[dataRows.length - 1] : start - 1,
    totalsRow,
    lastHeaderColumn: best.lastHeaderColumn,
  };
}
