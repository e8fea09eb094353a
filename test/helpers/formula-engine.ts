import type ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import { toCellValue } from "../../src/hosts/xlsx/cell-values";

/**
 * An independent spreadsheet engine over a whole ExcelJS workbook (test-only: HyperFormula is GPL).
 * Formula cells are given as formulas, so HyperFormula computes them from the inputs, never from
 * the results the add-in cached.
 */
export function formulaEngine(workbook: ExcelJS.Workbook): { hf: HyperFormula; value(sheet: string, a1: string): unknown } {
  const sheets: Record<string, unknown[][]> = {};
  workbook.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        if (cell.formula) {
          cells[c - 1] = `=${cell.formula}`;
          return;
        }
        const v = toCellValue(cell.value);
        if (v === null) return;
        if (v instanceof Date) cells[c - 1] = (v.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
        else if (typeof v === "object") cells[c - 1] = v.error;
        // A leading apostrophe keeps every text cell text, as in Excel: HyperFormula would otherwise read "1.234" as a number.
        else if (typeof v === "string") cells[c - 1] = `'${v}`;
        else cells[c - 1] = v;
      });
      rows[r - 1] = Array.from(cells, (x) => (x === undefined ? null : x));
    });
    sheets[ws.name] = Array.from(rows, (x) => x ?? []);
  });
  const hf = HyperFormula.buildFromSheets(sheets as never, {
    licenseKey: "gpl-v3",
    accentSensitive: true,
    caseSensitive: false,
    useWildcards: true,
    matchWholeCell: true,
  });
  return {
    hf,
    value(sheet, a1) {
      const sheetId = hf.getSheetId(sheet);
      if (sheetId === undefined) throw new Error(`no sheet ${sheet}`);
      const address = hf.simpleCellAddressFromString(a1, sheetId);
      if (!address) throw new Error(`bad address ${a1}`);
      return hf.getCellValue(address);
    },
  };
}
