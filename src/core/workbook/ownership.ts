import type { PlanOp, SheetGrid, WorkbookSnapshot } from "../model";
import { cellText } from "../read/cell-number";
import { text } from "../plan/cells";

/**
 * A very hidden sheet, readable by Office.js and ExcelJS alike, lists the sheets the add-in owns and the
 * columns a person pointed at for headers the add-in did not recognise, so every later run uses them.
 */
export const MARKER_SHEET = "_DeAn02_QuanLy";
export const SUMMARY_SHEET = "Tổng hợp chỉ tiêu";
const OWNED = "owned-sheet";
const COLUMN = "column-map";

/** sheet name → field → column letter */
export type ColumnMappings = Map<string, Map<string, string>>;

export function columnMappings(snapshot: WorkbookSnapshot): ColumnMappings {
  const mappings: ColumnMappings = new Map();
  const marker = snapshot.sheets.find((s) => s.name === MARKER_SHEET);
  for (const row of marker?.values ?? []) {
    if (!row || cellText(row[0]) !== COLUMN || !row[1] || !row[2] || !/^[A-Z]{1,3}$/.test(cellText(row[3]))) continue;
    const sheet = cellText(row[1]);
    if (!mappings.has(sheet)) mappings.set(sheet, new Map());
    mappings.get(sheet)!.set(cellText(row[2]), cellText(row[3]));
  }
  return mappings;
}

export function ownedSheets(snapshot: WorkbookSnapshot): Set<string> {
  const marker = snapshot.sheets.find((s) => s.name === MARKER_SHEET);
  const owned = new Set<string>();
  if (!marker) return owned;
  for (const row of marker.values) {
    if (row && cellText(row[0]) === OWNED && row[1]) owned.add(cellText(row[1]));
  }
  return owned;
}

function markerRows(owned: readonly string[], definitions: string, version: string, mappings: ColumnMappings = new Map()): string[][] {
  return [
    ["Đề án 02 add-in", "Sheet quản lý của add-in: không sửa, không xóa."],
    ["definitions", definitions],
    ["version", version],
    ...owned.map((name) => [OWNED, name]),
    ...[...mappings].flatMap(([sheet, fields]) => [...fields].map(([field, letter]) => [COLUMN, sheet, field, letter])),
  ];
}

/** The name of a sheet the add-in writes: the usual one unless a sheet of that name is the user's own, then "name (2)"… */
export function summarySheetName(snapshot: WorkbookSnapshot, owned: Set<string>, usual: string = SUMMARY_SHEET): { name: string; taken: boolean } {
  const exists = (name: string) => snapshot.sheets.some((s: SheetGrid) => s.name.toLowerCase() === name.toLowerCase());
  if (!exists(usual) || owned.has(usual)) return { name: usual, taken: false };
  for (let n = 2; ; n++) {
    const candidate = `${usual} (${n})`;
    if (!exists(candidate) || owned.has(candidate)) return { name: candidate, taken: true };
  }
}

export function markerOps(owned: readonly string[], definitions: string, version: string, mappings: ColumnMappings): PlanOp[] {
  return [
    { op: "prepareSheet", sheet: MARKER_SHEET },
    { op: "setCells", sheet: MARKER_SHEET, anchor: "A1", cells: markerRows(owned, definitions, version, mappings).map((r) => r.map(text)) },
    { op: "sheetVisibility", sheet: MARKER_SHEET, visibility: "veryHidden" },
  ];
}

/** Keeps a person's choice of column for a field in the workbook itself, for every later run. */
export function columnMappingPlan(snapshot: WorkbookSnapshot, sheet: string, field: string, letter: string, definitions: string, version: string): PlanOp[] {
  const mappings = columnMappings(snapshot);
  if (!mappings.has(sheet)) mappings.set(sheet, new Map());
  mappings.get(sheet)!.set(field, letter.toUpperCase());
  return markerOps([...ownedSheets(snapshot)], definitions, version, mappings);
}
