import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { loadWorkbook, saveWorkbook } from "../../src/hosts/xlsx/xlsx-host";

/**
 * LibreOffice opens an .xlsx with its cached results unless told otherwise (Tools › Options › Calc › Formula,
 * "Recalculation on file load", Excel 2007 and newer: OOXMLRecalcMode, 0 = always). A fresh profile set to
 * always recalculate, and every cached result removed, so each figure read back is LibreOffice's own.
 */
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`;

export async function recomputedByLibreOffice(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  workbook.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula && !(cell.value as { sharedFormula?: string }).sharedFormula) cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
      }),
    ),
  );
  const dir = mkdtempSync(join(tmpdir(), "lo-recalc-"));
  try {
    const profile = join(dir, "profile");
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), PROFILE_SETTINGS);
    const input = join(dir, "in.xlsx");
    writeFileSync(input, await saveWorkbook(workbook));
    mkdirSync(join(dir, "out"));
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", join(dir, "out"), input], { stdio: "pipe", timeout: 120_000 });
    return loadWorkbook(readFileSync(join(dir, "out", "in.xlsx")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A cell's value as LibreOffice computed it (the cached result of a formula). */
export function computedValue(workbook: ExcelJS.Workbook, sheet: string, a1: string): unknown {
  const cell = workbook.getWorksheet(sheet)!.getCell(a1);
  return cell.formula ? cell.result : cell.value;
}
