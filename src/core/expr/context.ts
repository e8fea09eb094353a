import type { CellValue } from "../model";

/**
 * What an expression can see while it is evaluated in TypeScript.
 * Row mode: the bare field names of one data row (`attending / members`).
 * Aggregate mode: sheet columns (`SUM(S1.members)`, `COUNT(S1)`, `COUNTIF(S1.type, "Chi bộ cơ sở")`).
 */
export interface EvalContext {
  /** Row mode: the raw cell of a field on the current row; undefined when the column is missing. */
  rowValue?(field: string): CellValue | undefined;
  /** Rule mode: the value of a field on the same unit's row of another sheet; undefined when there is none. */
  unitValue?(sheetId: string, field: string): CellValue | undefined;
  /** Aggregate mode: the raw cells of a column over the sheet's data rows; undefined when the sheet or column is missing. */
  columnValues?(sheetId: string, field: string): readonly CellValue[] | undefined;
  /** Aggregate mode: how many data rows the sheet has (rows whose key cell is not empty); undefined when the sheet is missing. */
  rowCount?(sheetId: string): number | undefined;
  /** The spellings a choice counts under in COUNTIF/SUMIF: the canonical value first, then its aliases. */
  choiceSpellings(sheetId: string | null, field: string, value: string): string[];
  /** The target of an indicator, or null when it has none. */
  target(indicatorId: string): number | null;
  /** Row mode: a negative field makes the row's value blank, as a text cell does (counts that cannot be below 0). */
  blankBelowZero?: boolean;
}

/** What an expression needs to become an Excel formula. Every reference is returned ready to paste. */
export interface CompileContext {
  /** Row mode: the A1 address of a field's cell on the current row ("E7"); null when the column is missing. */
  rowCell?(field: string): string | null;
  /**
   * Aggregate mode: the absolute range of a column's data rows ("'Tổ chức đảng'!$E$7:$E$56"), or one range per span of
   * data rows where headings and subtotals split the sheet (every column of a sheet gives the same spans); null when missing.
   */
  columnRange?(sheetId: string, field: string): string | readonly string[] | null;
  /** Aggregate mode: the range whose non-empty cells count the data rows (the key column). */
  keyRange?(sheetId: string): string | readonly string[] | null;
  choiceSpellings(sheetId: string | null, field: string, value: string): string[];
  /** A cell reference or a literal number for an indicator's target; null when it has none. */
  target(indicatorId: string): string | number | null;
  /** Row mode: the formula gives "" when one of the row's cells is negative (EvalContext.blankBelowZero). */
  blankBelowZero?: boolean;
}
