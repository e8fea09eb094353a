import type { CellRange, CellValue, PlanValue } from "../../core/model";
import { parseRange } from "../../core/a1";

/**
 * Excel's error values as Office.js returns them in `values`: plain strings. A text cell holding
 * exactly one of these reads the same way; `valueTypes` would tell them apart at the price of a
 * third array per cell, and such a cell deserves a finding anyway.
 */
const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
  "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
]);

/** A value from `range.values` as the core sees it: "" is an empty cell, numbers include date serials. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return EXCEL_ERRORS.has(value) ? { error: value } : value;
  return null;
}

/**
 * The formula of a cell from `range.formulas`, without "=". A text cell that starts with "=" (entered
 * with a leading apostrophe) comes back from `formulas` unchanged, so it would look like a formula;
 * a real formula's value differs from its own text, which tells the two apart.
 */
export function toFormula(formula: unknown, value: unknown): string | null {
  if (typeof formula !== "string" || !formula.startsWith("=") || formula.length < 2) return null;
  return formula === value ? null : formula.slice(1);
}

/** What goes into `range.formulas` for a plan value. */
export function toExcelInput(value: PlanValue): string | number {
  switch (value.kind) {
    case "formula":
      return `=${value.formula}`;
    case "text":
      // The apostrophe makes Excel store the rest as text whatever it looks like ("=x", "0012", "1/2",
      // "TRUE"), and Excel drops exactly one: a text that itself starts with "'" keeps its own.
      return value.text === "" ? "" : `'${value.text}`;
    case "number":
      if (!Number.isFinite(value.value)) throw new RangeError(`not a finite number: ${value.value}`);
      return value.value;
    case "empty":
      return "";
  }
}

/** Splits a multi-area address ("Sheet1!A1:B2, 'x, y'!C3") at the commas outside quoted sheet names. */
function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      parts.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** "Sheet!B2:C4" → zero-based inclusive bounds; the sheet part is ignored (it can hold "!" itself). */
function areaBounds(area: string): CellRange {
  return parseRange(area.slice(area.lastIndexOf("!") + 1));
}

export function mergedAreas(address: string | null | undefined): CellRange[] {
  if (!address) return [];
  return splitAreas(address)
    .map(areaBounds)
    .filter((m) => m.bottom > m.top || m.right > m.left);
}

/** A range's size from an A1 address such as "B3:D9" or "C5". */
export function rangeSize(range: string): { rows: number; columns: number; top: number; left: number } {
  const b = areaBounds(range);
  return { rows: b.bottom - b.top + 1, columns: b.right - b.left + 1, top: b.top, left: b.left };
}
