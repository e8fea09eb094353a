import { isErrorValue, type CellValue } from "../model";

export type ParsedNumber =
  | { kind: "blank" }
  | { kind: "number"; value: number; fromText: boolean }
  | { kind: "error"; error: string }
  | { kind: "fraction"; text: string }
  | { kind: "invalid"; text: string };

const THOUSANDS_DOT = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+(,\d+)?$/;
const DECIMAL_DOT = /^[+-]?\d*\.\d+$|^[+-]?\d+$/;
const SPACED_THOUSANDS = /^[+-]?\d{1,3}( \d{3})+(,\d+)?$/;

/**
 * Reads a number the way Vietnamese staff type it: "1.234" is one thousand two hundred and
 * thirty-four, "42,5" is forty-two and a half, "42,5%" is 0.425. A dot that is not followed by
 * groups of three digits is a decimal point ("1.5").
 */
export function parseNumberText(raw: string): number | null {
  let text = raw.replace(/\u00a0/g, " ").trim();
  let scale = 1;
  if (text.endsWith("%")) {
    text = text.slice(0, -1).trim();
    scale = 0.01;
  }
  if (text === "") return null;
  let normalised: string | null = null;
  if (THOUSANDS_DOT.test(text)) normalised = text.replace(/\./g, "").replace(",", ".");
  else if (SPACED_THOUSANDS.test(text)) normalised = text.replace(/ /g, "").replace(",", ".");
  else if (DECIMAL_COMMA.test(text)) normalised = text.replace(",", ".");
  else if (DECIMAL_DOT.test(text)) normalised = text;
  if (normalised === null) return null;
  const value = Number(normalised) * scale;
  return Number.isFinite(value) ? value : null;
}

export function parseCellNumber(value: CellValue | undefined): ParsedNumber {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value, fromText: false } : { kind: "invalid", text: String(value) };
  if (isErrorValue(value)) return { kind: "error", error: value.error };
  if (typeof value === "boolean") return { kind: "invalid", text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return { kind: "invalid", text: value.toISOString().slice(0, 10) };
  const text = value.trim();
  if (text === "") return { kind: "blank" };
  if (/^\d+\s*\/\s*\d+$/.test(text)) return { kind: "fraction", text };
  const parsed = parseNumberText(text);
  return parsed === null ? { kind: "invalid", text } : { kind: "number", value: parsed, fromText: true };
}

/** Text of a cell as a person sees it, for names and choices. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value.error;
}
