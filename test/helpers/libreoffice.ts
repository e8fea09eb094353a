import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path, { join } from "node:path";
import type ExcelJS from "exceljs";
import { loadWorkbook, saveWorkbook } from "../../src/hosts/xlsx/xlsx-host";

/**
 * Prints the given sheets of a workbook to PDF with LibreOffice headless, as an office without Excel
 * would, and reads each page's text back with pdftotext. LibreOffice prints every visible sheet, so the
 * others are hidden first. A fresh profile directory keeps runs apart.
 */
export async function printSheets(workbook: ExcelJS.Workbook, sheets: string[]): Promise<{ pages: string[]; pdf: string; dir: string; cleanup(): void }> {
  let first = -1;
  workbook.worksheets.forEach((ws, i) => {
    if (!sheets.includes(ws.name)) {
      ws.state = "hidden";
      // LibreOffice prints a hidden sheet's defined print area all the same.
      ws.pageSetup.printArea = undefined;
    } else if (first < 0) first = i;
  });
  // LibreOffice shows (and prints) the active sheet even when hidden: make a printed one active.
  workbook.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: first, activeTab: first, visibility: "visible" }];
  const dir = mkdtempSync(path.join(tmpdir(), "de-an-02-pdf-"));
  const xlsx = path.join(dir, "in.xlsx");
  writeFileSync(xlsx, await saveWorkbook(workbook));
  execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { stdio: "ignore", timeout: 120_000 });
  const pdf = path.join(dir, "in.pdf");
  const info = execFileSync("pdfinfo", [pdf]).toString();
  const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const pages = Array.from({ length: count }, (_, i) => execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"]).toString());
  return { pages, pdf, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

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
