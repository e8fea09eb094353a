import { listedCells, type MessageCatalogue } from "./messages";

/** The findings in English, for the task pane's and the web page's language switch. */
export const ENGLISH: MessageCatalogue = {
  language: "en",
  templates: {
    "missing-sheet": (_, w) => `Sheet “${w.sheet}” was not found. Add it (or rename the existing sheet) and recalculate.`,
    "missing-column": (p, w) => `Sheet “${w.sheet}” has no column “${p.column}”. Add a column with this header to the header row.`,
    "blank-required": (p, w) => `Cell ${w.cell} (column “${p.column}”) of ${w.unit(p.unit)} is empty. Enter the figure.`,
    "not-a-number": (p, w) => `Cell ${w.cell} (column “${p.column}”) holds “${p.value}”, which is not a number.${w.hint(p.hint, p.value)}`,
    "not-integer": (p, w) => `Cell ${w.cell} (column “${p.column}”) holds ${w.num(p.value)}; this column takes whole numbers.`,
    "negative-value": (p, w) => `Cell ${w.cell} (column “${p.column}”) holds ${w.num(p.value)}; the value must be at least ${w.num(p.min)}.`,
    "invalid-choice": (p, w) => `Cell ${w.cell} (column “${p.column}”) holds “${p.value}”, which is not one of: ${p.choices.join("; ")}.${w.hint(p.hint, p.value)}`,
    "rule-violation": (p, w) =>
      `Cell ${w.cell}: “${p.column}” (${w.num(p.value)}) must be ${w.op(p.op)} “${p.other}” (${w.num(p.otherValue)}) for ${w.unit(p.unit)}.`,
    "total-mismatch": (p, w) =>
      `Cell ${w.cell}: the totals row says ${w.num(p.value)} but the rows add up to ${w.num(p.expected)}. Fix the totals row or the rows.`,
    "unknown-unit": (p, w) => `Cell ${w.cell}: “${p.value}” is not in the list of units of ${p.district}.${w.hint(p.hint, p.value)}`,
    "duplicate-unit": (p, w) => `Cell ${w.cell}: “${p.value}” already appears in cell ${p.firstCell}. Delete or merge the duplicate row.`,
    "missing-unit": (p, w) => `Sheet “${w.sheet}” has no row for ${p.unit}. Add a row for it.`,
    "cross-sheet-mismatch": (p, w) =>
      `Cell ${w.cell}: “${p.column}” of ${p.unit} is ${w.num(p.value)}, inconsistent with “${p.other}” (${w.num(p.otherValue)}) on sheet “${p.otherSheet}” cell ${p.otherCell} (must be ${w.op(p.op)}).`,
    "formula-error": (p, w) => `Cell ${w.cell} holds the formula error ${p.value}. Fix the formula or type a number.`,
    "reported-ratio-mismatch": (p, w) =>
      `Cell ${w.cell}: the ratio typed by hand, ${w.pct(p.value)}, differs from the computed ${w.pct(p.expected)} (by more than 0.1 percentage point).`,
    "unknown-column": (p, w) => `Column “${p.value}” (cell ${w.cell}) is not in the scheme's definitions; the add-in leaves it untouched.`,
    "number-as-text": (p, w) =>
      `Sheet “${w.sheet}” has ${w.num(p.count)} numbers stored as text, counted as their numbers: ${listedCells(p)}. “Recalculate” turns these cells into numbers (keeping their values) so that Excel's own formulas add them too.`,
    "summary-name-taken": (p, w) => `A sheet “${w.sheet}” not made by the add-in exists, so the summary was written to “${p.target}”.`,
    "legacy-encoding": (p, w) => `Sheet “${w.sheet}” has ${w.num(p.count)} cells typed in the legacy ${p.encoding} encoding; the add-in read them. They can be converted to Unicode.`,
    "unit-without-diacritics": (p, w) => `Cell ${w.cell}: “${p.value}” is typed without diacritics and was read as ${p.unit}. Retype the name with its diacritics.`,
    "sheet-read-as": (p, w) => `Sheet “${w.sheet}” is not named “${p.as}” but has that sheet's header row, so it was read as “${p.as}”.`,
    "ambiguous-sheet": (p, w) => `Several sheets look like “${p.as}”: ${w.quoted(p.candidates)}. Rename one of them to “${p.as}” so that the add-in knows which to read.`,
    "formula-not-computed": (p, w) =>
      `Cell ${w.cell} holds the formula =${p.formula} but the file keeps no result for it, and the add-in cannot compute it. Open the file in Excel, save it and recalculate.`,
  },
  hints: {
    fraction: (_, value) => ` Type a single number (such as “8”), not a fraction like “${value}”.`,
    date: () => " The cell holds a date; type a number.",
    suggestion: (h) => ` Did you mean “${h.suggestion}”?`,
    spaces: () => " Remove the extra spaces at the start or end of the cell.",
  },
  operators: { "<=": "at most", "<": "less than", ">=": "at least", ">": "greater than", "=": "equal to" },
  row: (row) => `row ${row}`,
};
