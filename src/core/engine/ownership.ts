import type { SheetGrid, WorkbookSnapshot } from "../model";
import { cellText } from "../read/cell-number";

/** A very hidden sheet, readable by Office.js and ExcelJS alike, lists the sheets the add-in owns. */
export const MARKER_SHEET = "_DeAn02_QuanLy";
export const SUMMARY_SHEET = "Tổng hợp chỉ tiêu";
const OWNED = "owned-sheet";

export function ownedSheets(snapshot: WorkbookSnapshot): Set<string> {
  const marker = snapshot.sheets.find((s) => s.name === MARKER_SHEET);
  const owned = new Set<string>();
  if (!marker) return owned;
  for (const row of marker.values) {
    if (row && cellText(row[0]) === OWNED && row[1]) owned.add(cellText(row[1]));
  }
  return owned;
}

export function markerRows(owned: readonly string[], definitions: string, version: string): string[][] {
  return [
    ["Đề án 02 add-in", "Sheet quản lý của add-in: không sửa, không xóa."],
    ["definitions", definitions],
    ["version", version],
    ...owned.map((name) => [OWNED, name]),
  ];
}

/** The summary's sheet name: the usual one unless a sheet of that name is the user's own. */
export function summarySheetName(snapshot: WorkbookSnapshot, owned: Set<string>): { name: string; taken: boolean } {
  const exists = (name: string) => snapshot.sheets.some((s: SheetGrid) => s.name.toLowerCase() === name.toLowerCase());
  if (!exists(SUMMARY_SHEET) || owned.has(SUMMARY_SHEET)) return { name: SUMMARY_SHEET, taken: false };
  for (let n = 2; ; n++) {
    const candidate = `${SUMMARY_SHEET} (${n})`;
    if (!exists(candidate) || owned.has(candidate)) return { name: candidate, taken: true };
  }
}
