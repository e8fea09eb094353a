import type ExcelJS from "exceljs";
import type { CellValue } from "../../core/model";

/** ExcelJS's many value shapes reduced to the core's CellValue (a formula cell gives its cached result). */
export function toCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("error" in value && typeof value.error === "string") return { error: value.error };
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return formulaResult((value as { result?: unknown }).result);
    if ("text" in value && typeof (value as { text: unknown }).text === "string") return (value as { text: string }).text;
  }
  return null;
}

/**
 * A formula cell's cached result, 0 included; null where the file keeps none (saved by a tool that does not
 * compute), which the core then computes or reports. Read it from `cell.result`: ExcelJS's `cell.value`
 * copies only truthy fields, so a cached 0 is lost there (exceljs lib/doc/cell.js, FormulaValue._copyModel).
 */
export function formulaResult(result: unknown): CellValue {
  if (result === undefined || result === null) return null;
  if (typeof result === "object" && "error" in result) return { error: String((result as { error: unknown }).error) };
  if (typeof result === "number" || typeof result === "string" || typeof result === "boolean" || result instanceof Date) return result;
  return null;
}
