import type ExcelJS from "exceljs";
import { formulaEngine } from "./formula-engine";

/**
 * Types values into a template row by row, as a person would: `rows[sheet][unit]` holds the values of
 * the columns after the unit; `undefined` leaves a pre-filled cell (such as Loại hình) as it is.
 */
export function fillTemplate(workbook: ExcelJS.Workbook, rows: Record<string, Record<string, (number | string | undefined)[]>>, keyColumn = 2): void {
  for (const [sheetName, byUnit] of Object.entries(rows)) {
    const ws = workbook.getWorksheet(sheetName)!;
    ws.eachRow((row) => {
      const unit = row.getCell(keyColumn).value;
      const values = typeof unit === "string" ? byUnit[unit] : undefined;
      values?.forEach((v, i) => v !== undefined && (row.getCell(keyColumn + 1 + i).value = v));
    });
  }
  recalculateCachedResults(workbook);
}

/** What Excel does when a person saves: every formula's cached result is brought up to date. */
function recalculateCachedResults(workbook: ExcelJS.Workbook): void {
  const { value } = formulaEngine(workbook);
  workbook.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) cell.value = { formula: cell.formula, result: value(ws.name, cell.address) as number } as ExcelJS.CellFormulaValue;
      }),
    ),
  );
}
