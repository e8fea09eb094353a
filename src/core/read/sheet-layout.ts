import type { SheetDef } from "../definitions/schema";
import type { SheetGrid } from "../model";
import { matchKey } from "../text/normalize";
import { cellAt, columnCount, isEmpty, mergeAt, rowCount, visibleValue } from "./grid";
import { address, columnIndex } from "../a1";
import { cellText, parseCellNumber } from "./cell-number";

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
  /** The grand total's row, checked against every data row. */
  totalsRow: number | null;
  /** Section subtotals, each checked against its own section's rows. */
  subtotals: Subtotal[];
  /** Headings and totals rows: never data, and never inside a range a formula sums. */
  structure: number[];
  /** Runs of data rows between structure rows, first to last data row of each. */
  spans: { first: number; last: number }[];
  /** Rightmost column holding a header. */
  lastHeaderColumn: number;
  /** How well the header matched the sheet's definition (key column 3, other columns 2, calculated 1). */
  score: number;
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

type HeaderSource = "top" | "bottom" | "both";

/** Sub-headers that mean nothing alone: they take their meaning from the group header above them. */
const GENERIC_SUBHEADERS = new Set(["so luong", "sl", "so", "tong so", "ty le", "ty le %", "%", "so nguoi"]);

function headerCandidates(grid: SheetGrid, top: number, rows: 1 | 2, col: number): { text: string; source: HeaderSource }[] {
  const parentText = cellText(visibleValue(grid, top, col)).trim();
  if (rows === 1) return parentText ? [{ text: parentText, source: "top" }] : [];
  const parentMerge = mergeAt(grid, top, col);
  const childIsParent = parentMerge !== undefined && parentMerge.bottom >= top + 1;
  if (childIsParent) return parentText ? [{ text: parentText, source: "both" }] : [];
  const childText = cellText(visibleValue(grid, top + 1, col)).trim();
  if (!childText) return parentText ? [{ text: parentText, source: "top" }] : [];
  if (!parentText) return [{ text: childText, source: "bottom" }];
  const generic = GENERIC_SUBHEADERS.has(matchKey(childText));
  return [
    { text: `${parentText} ${childText}`, source: "both" },
    { text: childText, source: "bottom" },
    { text: parentText, source: generic ? "both" : "top" },
  ];
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
  /** For two header rows: whether a column took its meaning from the top row, and from the bottom one. */
  usesTop: boolean;
  usesBottom: boolean;
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
    usesTop: false,
    usesBottom: false,
  };
  for (let col = 0; col < width; col++) {
    const candidates = headerCandidates(grid, top, rows, col);
    if (candidates.length === 0) continue;
    reading.lastHeaderColumn = col;
    let placed = false;
    for (const { text: candidate, source } of candidates) {
      const key = matchKey(candidate);
      const place = () => {
        placed = true;
        if (source !== "bottom") reading.usesTop = true;
        if (source !== "top") reading.usesBottom = true;
      };
      const field = vocab.fields.get(key);
      if (field !== undefined && !reading.columns.has(field)) {
        reading.columns.set(field, col);
        place();
        break;
      }
      const calc = vocab.calculated.get(key);
      if (calc !== undefined) {
        reading.calculated.set(calc, [...(reading.calculated.get(calc) ?? []), col]);
        place();
        break;
      }
      const rep = vocab.reported.get(key);
      if (rep !== undefined) {
        reading.reported.set(rep, [...(reading.reported.get(rep) ?? []), col]);
        place();
        break;
      }
      if (STT_KEYS.has(key) && reading.stt === null) {
        reading.stt = col;
        place();
        break;
      }
    }
    if (!placed) reading.unknown.push({ column: col, header: candidates[0].text });
  }
  return reading;
}

function score(reading: HeaderReading, def: SheetDef): number {
  let s = 0;
  for (const c of def.columns) if (reading.columns.has(c.field)) s += c.field === def.key ? 3 : 2;
  return s + reading.calculated.size;
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
    const col = columnIndex(letter);
    reading.columns.set(field, col);
    reading.unknown = reading.unknown.filter((u) => u.column !== col);
  }
}

/** A totals row closes either the whole sheet or one section of it. */
type TotalsKind = "grand" | "section" | "plain";

/** Besides these, every totals label "Toàn …" (its level word from the catalogue or the profile) also starts a longer one. */
const GRAND_PREFIXES = ["tong cong", "cong toan", "tong so"];
/** "Cộng I", "Cộng (II)", "Cộng A", "Cộng khối xã", "Cộng 1", but never "Công ty …", whose key also starts "cong". */
const SECTION_TOTAL = /^cong (?:[ivxlc]+|[a-z]|\d{1,2}|khoi|nhom|phan|muc|loai)(?: |$)/;

const firstWordsOf = new WeakMap<Set<string>, Set<string>>();

function firstWord(key: string): string {
  const space = key.indexOf(" ");
  return space < 0 ? key : key.slice(0, space);
}

/** The first word of a text's matchKey, from its first token: a data row's long unit name is not normalised (nor cached) in full. */
function firstKeyWord(text: string): string {
  const tokens = /\S+/g;
  for (let m = tokens.exec(text); m; m = tokens.exec(text)) {
    const key = matchKey(m[0]);
    if (key) return firstWord(key);
  }
  return "";
}

/** What kind of totals row a label names, or null for a label that is no total. */
function totalsKind(text: string, totalsKeys: Set<string>): TotalsKind | null {
  let firstWords = firstWordsOf.get(totalsKeys);
  if (!firstWords) firstWordsOf.set(totalsKeys, (firstWords = new Set(["cong", ...[...totalsKeys, ...GRAND_PREFIXES].map(firstWord)])));
  if (!firstWords.has(firstKeyWord(text))) return null;
  const key = matchKey(text);
  if (key === "") return null;
  if (key === "cong") return "plain";
  if (SECTION_TOTAL.test(key)) return "section";
  if (totalsKeys.has(key) || GRAND_PREFIXES.some((p) => key === p || key.startsWith(p + " "))) return "grand";
  if (key.startsWith("toan ") && [...totalsKeys].some((k) => k.startsWith("toan ") && key.startsWith(k + " "))) return "grand";
  return null;
}

function rowTotalsKind(grid: SheetGrid, row: number, labelColumns: readonly number[], totalsKeys: Set<string>): TotalsKind | null {
  for (const col of labelColumns) {
    const v = visibleValue(grid, row, col);
    if (typeof v !== "string") continue;
    const kind = totalsKind(v, totalsKeys);
    if (kind) return kind;
  }
  return null;
}

function isBlankRow(grid: SheetGrid, row: number, columns: readonly number[]): boolean {
  for (const col of columns) if (!isEmpty(cellAt(grid, row, col))) return false;
  return true;
}

/** Under the total, only a row with a figure is more data; text-only rows are notes and signatures. */
function hasNumber(grid: SheetGrid, row: number, columns: readonly number[]): boolean {
  for (const col of columns) if (parseCellNumber(cellAt(grid, row, col)).kind === "number") return true;
  return false;
}

const ROMAN_OR_LETTER = /^\s*(?:[IVXLC]+|[A-ZĐ])\s*[.)/:-]?\s*$/;
const NUMBERED_HEADING = /^\s*(?:[IVXLC]+|[A-ZĐ])\s*[.)/:-]\s*\S/;
const GROUP_WORD = /^(khoi|nhom|phan|muc|loai hinh) /;

/** A section heading's label: "I", "II.", "A.", "I. ĐẢNG BỘ XÃ, THỊ TRẤN", "Khối cơ quan", or a name in capitals. */
function isHeadingText(text: string): boolean {
  const t = text.trim();
  if (t === "") return false;
  if (ROMAN_OR_LETTER.test(t) || NUMBERED_HEADING.test(t)) return true;
  if (GROUP_WORD.test(matchKey(t) + " ")) return true;
  const letters = t.replace(/[^\p{L}]/gu, "");
  return letters.length >= 3 && t === t.toLocaleUpperCase("vi") && t !== t.toLocaleLowerCase("vi");
}

/** A heading row holds a heading label and nothing in the other known columns. */
function isHeadingRow(grid: SheetGrid, row: number, labelColumns: readonly number[], valueColumns: readonly number[]): boolean {
  for (const col of valueColumns) if (!isEmpty(cellAt(grid, row, col))) return false;
  for (const col of labelColumns) {
    const v = visibleValue(grid, row, col);
    if (typeof v !== "string" || v.trim() === "") continue;
    if (isHeadingText(v)) return true;
    // A label merged across the value columns, with no figure under it, is a heading whatever its case.
    const merge = mergeAt(grid, row, col);
    if (merge && merge.top === row && valueColumns.some((c) => c >= merge.left && c <= merge.right)) return true;
  }
  return false;
}

const NUMBERING_CELL = /^[([]?[A-Za-z0-9]{1,3}[)\]]?(?:\s*[-+*/=x×:]\s*[([]?[A-Za-z0-9]{1,3}[)\]]?)*$/;

/** A column-number row under the header: "(1) (2) (3)", "A B 1 2 3", "(5)=(4)/(3)". */
function isColumnNumberRow(grid: SheetGrid, row: number, width: number, keyColumn: number): boolean {
  let seen = 0;
  for (let col = 0; col < width; col++) {
    const v = cellAt(grid, row, col);
    if (isEmpty(v)) continue;
    if (typeof v === "number") {
      if (!Number.isInteger(v) || v < 0 || v > 99) return false;
    } else if (typeof v !== "string" || !NUMBERING_CELL.test(v.trim())) return false;
    seen++;
  }
  // A key cell that is a bare number would be a data row without a unit name; a numbering row labels it too.
  return seen >= 2 && (isEmpty(cellAt(grid, row, keyColumn)) || typeof cellAt(grid, row, keyColumn) === "string");
}

/** A subtotal row and the data rows of the section it closes. */
interface Subtotal {
  row: number;
  rows: number[];
}

interface DataScan {
  dataRows: number[];
  totalsRow: number | null;
  subtotals: Subtotal[];
  structure: number[];
}

/**
 * Walks the rows under the header. Headings and subtotals are structure, never data, and never end it;
 * a "Cộng" on a sheet without sections is its total, and becomes a section's subtotal when more data or a
 * heading follows. Text-only rows after a total and before the next heading (a signature block, notes) are not data.
 */
function scanData(grid: SheetGrid, start: number, known: readonly number[], labelColumns: readonly number[], valueColumns: readonly number[], totalsKeys: Set<string>): DataScan {
  const height = rowCount(grid);
  const dataRows: number[] = [];
  const subtotals: Subtotal[] = [];
  const structure: number[] = [];
  let section: number[] = [];
  let headings = false;
  let grand: { row: number; plain: boolean; section: number[] } | null = null;
  let afterGrand = false;
  const demote = () => {
    if (grand && grand.plain) {
      subtotals.push({ row: grand.row, rows: grand.section });
      grand = null;
    }
    afterGrand = false;
  };
  for (let row = start; row < height; row++) {
    const kind = rowTotalsKind(grid, row, labelColumns, totalsKeys);
    if (kind) {
      structure.push(row);
      if (kind === "grand") {
        if (grand?.plain) demote();
        grand = { row, plain: false, section };
      } else if (kind === "section" || (section.length > 0 && (headings || subtotals.length > 0 || grand?.plain))) {
        if (grand?.plain) demote();
        subtotals.push({ row, rows: section });
      } else {
        if (grand?.plain) demote();
        grand = { row, plain: true, section };
      }
      section = [];
      afterGrand = dataRows.length > 0;
      continue;
    }
    if (isBlankRow(grid, row, known)) continue;
    if (isHeadingRow(grid, row, labelColumns, valueColumns)) {
      structure.push(row);
      headings = true;
      demote();
      section = [];
      continue;
    }
    if (afterGrand) {
      if (!hasNumber(grid, row, valueColumns)) continue;
      demote();
    }
    dataRows.push(row);
    section.push(row);
  }
  const totalsRow = (grand as { row: number } | null)?.row ?? null;
  return { dataRows, totalsRow, subtotals, structure };
}

/** The header ends at the bottom of its tallest merged cell: a header merged over two rows is one header. */
function headerBottomOf(grid: SheetGrid, reading: HeaderReading): number {
  let bottom = reading.top + reading.rows - 1;
  for (let col = 0; col <= reading.lastHeaderColumn; col++) {
    const m = mergeAt(grid, reading.top, col);
    if (m && m.top === reading.top && m.bottom > bottom && m.bottom <= reading.top + 3) bottom = m.bottom;
  }
  return bottom;
}

/** Column spans of the data between structure rows: ranges a formula can sum without counting a subtotal. */
export function dataSpans(dataRows: readonly number[], structure: readonly number[]): { first: number; last: number }[] {
  const spans: { first: number; last: number }[] = [];
  const breaks = [...structure].sort((a, b) => a - b);
  let b = 0;
  for (const row of dataRows) {
    while (b < breaks.length && breaks[b] < row) b++;
    const last = spans[spans.length - 1];
    const brokenSince = last !== undefined && b > 0 && breaks[b - 1] > last.last;
    if (!last || brokenSince) spans.push({ first: row, last: row });
    else last.last = row;
  }
  return spans;
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
      if (rows === 2 && !(reading.usesTop && reading.usesBottom)) continue;
      const s = score(reading, def);
      // At the same top, a second header row that carries meaning wins a tie with one row.
      if (s > bestScore || (s === bestScore && s > 0 && rows === 2 && best?.top === top && best.rows === 1)) {
        best = reading;
        bestScore = s;
      }
    }
  }
  if (best && mapping) applyMapping(best, def, mapping);
  if (!best || !best.columns.has(def.key)) return null;

  const totalsKeys = new Set(totalsLabels.map(matchKey));
  const headerBottom = headerBottomOf(grid, best);
  const known = [...best.columns.values()];
  const keyColumn = best.columns.get(def.key)!;
  const labelColumns = [...new Set([keyColumn, ...(best.stt !== null ? [best.stt] : []), 0, 1])];
  const valueColumns = known.filter((c) => c !== keyColumn && !labelColumns.includes(c));

  let start = headerBottom + 1;
  // Column-number rows belong to the header, blank rows between them too.
  for (let look = start; look < Math.min(height, headerBottom + 4); look++) {
    if (isColumnNumberRow(grid, look, width, keyColumn)) start = look + 1;
    else if (!isBlankRow(grid, look, known)) break;
  }

  const { dataRows, totalsRow, subtotals, structure } = scanData(grid, start, known, labelColumns, valueColumns, totalsKeys);

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
    subtotals,
    structure,
    spans: dataSpans(dataRows, structure),
    lastHeaderColumn: best.lastHeaderColumn,
    score: bestScore,
  };
}
