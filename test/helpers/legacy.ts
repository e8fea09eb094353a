import type ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { encodeLegacy, type LegacyEncoding } from "../../src/core/text/legacy-encoding";
import { loadWorkbook, saveWorkbook } from "../../src/hosts/xlsx/xlsx-host";

export const SAMPLE = path.resolve(__dirname, "../../seeds/lang-giang.xlsx");

/** The sample as an old office would have typed it: every text (and the sheet's name) in a legacy encoding. */
export async function legacyCopy(encodingOf: (sheet: string) => LegacyEncoding | null): Promise<ExcelJS.Workbook> {
  const workbook = await loadWorkbook(readFileSync(SAMPLE));
  workbook.eachSheet((ws) => {
    const encoding = encodingOf(ws.name);
    if (!encoding) return;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && !(cell.isMerged && cell.master !== cell)) cell.value = encodeLegacy(cell.value, encoding);
      }),
    );
    ws.name = encodeLegacy(ws.name, encoding);
  });
  return loadWorkbook(await saveWorkbook(workbook));
}

