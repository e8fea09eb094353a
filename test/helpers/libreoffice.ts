import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type ExcelJS from "exceljs";
import { saveWorkbook } from "../../src/hosts/xlsx/xlsx-host";

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
