import type { MessageCatalogue } from "./messages";

/** The findings in English, for the task pane's language switch. */
export const ENGLISH: MessageCatalogue = {
  templates: {
    "missing-sheet": "Sheet “{sheet}” was not found. Add it (or rename the existing sheet) and recalculate.",
    "missing-column": "Sheet “{sheet}” has no column “{column}”. Add a column with this header to the header row.",
    "blank-required": "Cell {cell} (column “{column}”) of {unit} is empty. Enter the figure.",
    "not-a-number": "Cell {cell} (column “{column}”) holds “{value}”, which is not a number.{hint}",
    "not-integer": "Cell {cell} (column “{column}”) holds {value}; this column takes whole numbers.",
    "negative-value": "Cell {cell} (column “{column}”) holds {value}; the value must be at least {min}.",
    "invalid-choice": "Cell {cell} (column “{column}”) holds “{value}”, which is not one of: {choices}.{hint}",
    "rule-violation": "Cell {cell}: “{column}” ({value}) must be {op} “{other}” ({otherValue}) for {unit}.",
    "total-mismatch": "Cell {cell}: the totals row says {value} but the rows add up to {expected}. Fix the totals row or the rows.",
    "unknown-unit": "Cell {cell}: “{value}” is not a unit of {district} district.{hint}",
    "duplicate-unit": "Cell {cell}: “{value}” already appears in cell {firstCell}. Delete or merge the duplicate row.",
    "missing-unit": "Sheet “{sheet}” has no row for {unit}. Add a row for it.",
    "cross-sheet-mismatch": "Cell {cell}: “{column}” of {unit} is {value}, inconsistent with “{other}” ({otherValue}) on sheet “{otherSheet}” cell {otherCell} (must be {op}).",
    "formula-error": "Cell {cell} holds the formula error {value}. Fix the formula or type a number.",
    "reported-ratio-mismatch": "Cell {cell}: the ratio typed by hand, {valuePct}, differs from the computed {expectedPct} (by more than 0.1 percentage point).",
    "unknown-column": "Column “{value}” (cell {cell}) is not in the Đề án definitions; the add-in leaves it untouched.",
    "number-as-text": "Sheet “{sheet}” has {count} numbers stored as text, counted as their numbers: {cells}. “Recalculate” turns these cells into numbers (keeping their values) so that Excel's own formulas add them too.",
    "summary-name-taken": "A sheet “{sheet}” not made by the add-in exists, so the summary was written to “{target}”.",
    "legacy-encoding": "Sheet “{sheet}” has {count} cells typed in the legacy {encoding} encoding; the add-in read them. They can be converted to Unicode.",
    "unit-without-diacritics": "Cell {cell}: “{value}” is typed without diacritics and was read as {unit}. Retype the name with its diacritics.",
    "sheet-read-as": "Sheet “{sheet}” is not named “{as}” but has that sheet's header row, so it was read as “{as}”.",
    "ambiguous-sheet": "Several sheets look like “{as}”: {candidates}. Rename one of them to “{as}” so that the add-in knows which to read.",
    "formula-not-computed": "Cell {cell} holds the formula ={formula} but the file keeps no result for it, and the add-in cannot compute it. Open the file in Excel, save it and recalculate.",
  },
  hints: {
    fraction: " Type a single number (such as “8”), not a fraction like “{value}”.",
    date: " The cell holds a date; type a number.",
    suggestion: " Did you mean “{suggestion}”?",
    spaces: " Remove the extra spaces at the start or end of the cell.",
  },
  operators: { "<=": "at most", "<": "less than", ">=": "at least", ">": "greater than", "=": "equal to" },
};
