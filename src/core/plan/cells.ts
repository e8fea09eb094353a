import { columnLetter } from "../a1";
import type { CellStyle, PlanOp, PlanValue } from "../model";

/** The cells, formats and styles every sheet the add-in writes shares: its summary, findings, template, targets and province sheets. */

export const EMPTY: PlanValue = { kind: "empty" };
export const text = (t: string): PlanValue => ({ kind: "text", text: t });
export const num = (v: number | null | undefined): PlanValue => (v === null || v === undefined ? EMPTY : { kind: "number", value: v });
/** `result` is the engine's value, cached for readers that do not recalculate; none is an empty string. */
export const formula = (f: string, result: number | string | null): PlanValue => ({ kind: "formula", formula: f, result: result ?? "" });

export const PERCENT_FORMAT = "0.0%";
export const COUNT_FORMAT = "#,##0";
export const DECIMAL_FORMAT = "#,##0.0";
/** A font with every Vietnamese letter, on every machine that opens the workbook. */
export const UNICODE_FONT = "Times New Roman";

const HEADER_FILL = "DDEBF7";
/** A group's title row in a table, and the heading row of a list under it. */
export const BAND_FILL = "F2F2F2";
/** A table's column headers: bold and centred on a pale blue, wrapped, boxed. */
export const HEADER_STYLE: CellStyle = { bold: true, wrap: true, hAlign: "center", vAlign: "middle", fill: HEADER_FILL, border: true };
/** The same headers, each on one line (the findings sheet's are short). */
export const HEADER_STYLE_UNWRAPPED: CellStyle = { bold: true, fill: HEADER_FILL, border: true, hAlign: "center", vAlign: "middle" };
/** The same headers, aligned as typed (the targets sheet, where staff type under them). */
export const HEADER_STYLE_UNALIGNED: CellStyle = { bold: true, wrap: true, fill: HEADER_FILL, border: true };

/** Conditional-format colours (fill, font), Excel's own presets: good, bad, neutral, and a muted grey. */
export const GOOD = { fill: "C6EFCE", fontColor: "006100" };
export const BAD = { fill: "FFC7CE", fontColor: "9C0006" };
export const WARNING = { fill: "FFEB9C", fontColor: "9C5700" };
export const MUTED = { fill: "EDEDED", fontColor: "595959" };

/** Writes to one sheet of a plan: cells from an anchor, a style or a merge over a range. */
export interface SheetWriter {
  put(anchor: string, cells: PlanValue[][]): void;
  style(range: string, style: CellStyle): void;
  merge(range: string): void;
}

export function sheetWriter(ops: PlanOp[], sheet: string): SheetWriter {
  return {
    put: (anchor, cells) => void ops.push({ op: "setCells", sheet, anchor, cells }),
    style: (range, style) => void ops.push({ op: "style", sheet, range, style }),
    merge: (range) => void ops.push({ op: "merge", sheet, range }),
  };
}

/** A table's columns, declared in order from A, by key: each one's letter, from its place. */
export function columnLetters<K extends string>(columns: readonly { key: K }[]): Record<K, string> {
  return Object.fromEntries(columns.map((c, i) => [c.key, columnLetter(i)])) as Record<K, string>;
}
