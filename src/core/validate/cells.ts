import type { ColumnDef } from "../definitions/schema";
import { finding } from "../findings/findings";
import { type CellValue, type Finding, isErrorValue } from "../model";
import { cellText, parseCellNumber } from "../read/cell-number";
import { closest, matchKey } from "../text/normalize";

export interface CellCheck {
  /** The number the staff meant, or null when the cell is blank or unusable. */
  number: number | null;
  /** The canonical choice, or null. */
  choice: string | null;
  findings: Finding[];
}

export interface CellPlace {
  sheet: string;
  cell: string;
  unit: string;
}

/** A choice counts when it equals the value or an alias case-insensitively, exactly as Excel's COUNTIF matches it. */
export function matchChoice(column: ColumnDef, raw: CellValue): string | null {
  if (typeof raw !== "string") return null;
  const lower = raw.toLowerCase();
  for (const choice of column.choices ?? []) {
    if ([choice.value, ...choice.aliases].some((s) => s.toLowerCase() === lower)) return choice.value;
  }
  return null;
}

export function checkCell(column: ColumnDef, raw: CellValue, place: CellPlace): CellCheck {
  const at = (code: Parameters<typeof finding>[0], params: Record<string, string | number>) =>
    finding(code, place.sheet, place.cell, { column: column.header, unit: place.unit, ...params });
  const result: CellCheck = { number: null, choice: null, findings: [] };
  if (isErrorValue(raw)) {
    result.findings.push(at("formula-error", { value: raw.error }));
    return result;
  }
  const blank = raw === null || (typeof raw === "string" && raw.trim() === "");
  if (blank) {
    if (column.required) result.findings.push(at("blank-required", {}));
    return result;
  }
  if (column.type === "choice") {
    result.choice = matchChoice(column, raw);
    if (result.choice === null) {
      const text = cellText(raw);
      const choices = (column.choices ?? []).map((c) => c.value);
      const sameKey = choices.find((c) => matchKey(c) === matchKey(text));
      const suggestion = sameKey ?? closest(text, choices);
      const hint = sameKey && text.trim().toLowerCase() === sameKey.toLowerCase() ? "spaces" : suggestion ? "suggestion" : "";
      result.findings.push(at("invalid-choice", { value: text, choices: choices.join("; "), hint, ...(suggestion ? { suggestion } : {}) }));
    }
    return result;
  }
  if (column.type !== "integer" && column.type !== "number") return result;

  const parsed = parseCellNumber(raw);
  switch (parsed.kind) {
    case "blank":
    case "error":
      return result;
    case "fraction":
      result.findings.push(at("not-a-number", { value: parsed.text, hint: "fraction" }));
      return result;
    case "invalid":
      result.findings.push(at("not-a-number", { value: parsed.text, ...(raw instanceof Date ? { hint: "date" } : {}) }));
      return result;
    case "number":
      break;
  }
  result.number = parsed.value;
  if (parsed.fromText) result.findings.push(at("number-as-text", { value: cellText(raw), parsed: parsed.value }));
  if (column.type === "integer" && !Number.isInteger(parsed.value)) result.findings.push(at("not-integer", { value: parsed.value }));
  if (column.min !== undefined && parsed.value < column.min) result.findings.push(at("negative-value", { value: parsed.value, min: column.min }));
  return result;
}
