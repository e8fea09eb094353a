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
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === "object" && result !== null && "error" in result) return { error: String((result as { error: unknown }).error) };
      if (typeof result === "number" || typeof result === "string" || typeof result === "boolean" || result instanceof Date) return result;
      return null;
    }
    if ("text" in value && typeof (value as { text: unknown }).text === "string") return (value as { text: string }).text;
  }
  return null;
}
