import type { ColumnDef } from "../definitions/schema";
import { SEVERITY } from "../findings/messages";
import { type CellValue, type Finding, type FindingHint, isErrorValue, type ParamsOf, type UnitLabel } from "../model";
import { cellText, parseCellNumber } from "../read/cell-number";
import { closest, matchKey } from "../text/normalize";

type CellCode = "formula-error" | "blank-required" | "not-a-number" | "not-integer" | "negative-value" | "invalid-choice";

/** What is wrong with one cell, without its place: the caller adds the cell, the column and the unit. */
export type CellProblem = { [C in CellCode]: { code: C; params: Omit<ParamsOf<C>, "column" | "unit"> } }[CellCode];

/** A cell problem at its cell, with its column's header and its row's unit. */
export function cellFinding(p: CellProblem, sheet: string, cell: string, column: string, unit: UnitLabel): Finding {
  // Each CellProblem's params are its code's params less column and unit, so the union holds by construction.
  return { severity: SEVERITY[p.code], code: p.code, sheet, cell, params: { column, unit, ...p.params } } as Finding;
}

/** A unit's name as typed, or its row (1-based) where the name is blank. */
export function unitLabel(keyText: string, row: number): UnitLabel {
  return keyText ? { name: keyText } : { row: row + 1 };
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
/** An unambiguous number stored as text: it counts as its number, and "Tính lại" makes it one. A marker, told from NONE by identity. */
export const FROM_TEXT: readonly CellProblem[] = Object.freeze([] as CellProblem[]);

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
  const hint: FindingHint | undefined =
    sameKey && text.trim().toLowerCase() === sameKey.toLowerCase() ? { kind: "spaces" } : suggestion ? { kind: "suggestion", suggestion } : undefined;
  return { code: "invalid-choice", params: { value: text, choices, ...(hint ? { hint } : {}) } };
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
      return { number: null, choice: null, problems: [{ code: "not-a-number", params: { value: parsed.text, hint: { kind: "fraction" } } }] };
    case "invalid":
      return { number: null, choice: null, problems: [{ code: "not-a-number", params: { value: parsed.text, ...(raw instanceof Date ? { hint: { kind: "date" as const } } : {}) } }] };
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
