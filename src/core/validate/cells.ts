import type { ColumnDef } from "../definitions/schema";
import { type CellValue, type FindingCode, type FindingParams, isErrorValue } from "../model";
import { cellText, parseCellNumber } from "../read/cell-number";
import { closest, matchKey } from "../text/normalize";

export interface CellProblem {
  code: FindingCode;
  params: FindingParams;
}

export interface CellCheck {
  /** The number the staff meant, or null when the cell is blank or unusable. */
  number: number | null;
  /** The canonical choice, or null. */
  choice: string | null;
  /** What is wrong with the cell; the caller locates it, so a clean cell costs no allocation. FROM_TEXT marks a number stored as text. */
  problems: readonly CellProblem[];
}

const NONE: readonly CellProblem[] = Object.freeze([]);
/** An unambiguous number stored as text: it counts as its number, and "Tính lại" makes it one. */
export const FROM_TEXT: readonly CellProblem[] = Object.freeze([Object.freeze({ code: "number-as-text" as const, params: {} })]);

/** A choice counts when it equals the value or an alias case-insensitively, exactly as Excel's COUNTIF matches it. */
function matchChoice(spellings: ReadonlyMap<string, string>, raw: CellValue): string | null {
  if (typeof raw !== "string") return null;
  return spellings.get(raw.toLowerCase()) ?? null;
}

function invalidChoice(column: ColumnDef, raw: CellValue): CellProblem {
  const text = cellText(raw);
  const choices = (column.choices ?? []).map((c) => c.value);
  const sameKey = choices.find((c) => matchKey(c) === matchKey(text));
  const suggestion = sameKey ?? closest(text, choices);
  const hint = sameKey && text.trim().toLowerCase() === sameKey.toLowerCase() ? "spaces" : suggestion ? "suggestion" : "";
  return { code: "invalid-choice", params: { value: text, choices: choices.join("; "), hint, ...(suggestion ? { suggestion } : {}) } };
}

/** `spellings`: the column's choices by lower-cased spelling, from the compiled catalogue. */
export function checkCell(column: ColumnDef, raw: CellValue, spellings: ReadonlyMap<string, string>): CellCheck {
  if (isErrorValue(raw)) return { number: null, choice: null, problems: [{ code: "formula-error", params: { value: raw.error } }] };
  if (raw === null || (typeof raw === "string" && raw.trim() === "")) {
    return { number: null, choice: null, problems: column.required ? [{ code: "blank-required", params: {} }] : NONE };
  }
  if (column.type === "choice") {
    const choice = matchChoice(spellings, raw);
    return { number: null, choice, problems: choice === null ? [invalidChoice(column, raw)] : NONE };
  }
  if (column.type !== "integer" && column.type !== "number") return { number: null, choice: null, problems: NONE };

  const parsed = parseCellNumber(raw);
  switch (parsed.kind) {
    case "blank":
    case "error":
      return { number: null, choice: null, problems: NONE };
    case "fraction":
      return { number: null, choice: null, problems: [{ code: "not-a-number", params: { value: parsed.text, hint: "fraction" } }] };
    case "invalid":
      return { number: null, choice: null, problems: [{ code: "not-a-number", params: { value: parsed.text, ...(raw instanceof Date ? { hint: "date" } : {}) } }] };
    case "number":
      break;
  }
  const value = parsed.value;
  const fromText = parsed.fromText;
  const fractional = column.type === "integer" && !Number.isInteger(value);
  const belowMin = column.min !== undefined && value < column.min;
  if (!fractional && !belowMin) return { number: value, choice: null, problems: fromText ? FROM_TEXT : NONE };
  const problems: CellProblem[] = [];
  const shown = fromText ? cellText(raw).trim() : value;
  if (fractional) problems.push({ code: "not-integer", params: { value: shown } });
  if (belowMin) problems.push({ code: "negative-value", params: { value: shown, min: column.min! } });
  // Text that reads as a number the column cannot hold ("1,5" children, "-3") is ambiguous: it is reported and left out, as Excel leaves text out.
  return { number: fromText ? null : value, choice: null, problems };
}
