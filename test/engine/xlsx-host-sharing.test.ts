import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { analyse } from "../../src/core/analyse";
import { bundledCatalogue } from "../../src/core/definitions/bundled";
import type { CellValue, WorkbookSnapshot } from "../../src/core/model";
import { formulaResult, toCellValue } from "../../src/hosts/xlsx/cell-values";
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import { benchProfile, benchWorkbook } from "../../bench/generate";

const SAMPLE = join(__dirname, "..", "..", "seeds", "lang-giang.xlsx");

/** The snapshot as ExcelJS's own eachRow and eachCell walk it: what snapshotOf reads without them. */
function walkedSnapshot(workbook: ExcelJS.Workbook) {
  const sheets: { name: string; values: CellValue[][]; formulas: (string | null)[][] }[] = [];
  workbook.eachSheet((ws) => {
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const rowValues: CellValue[] = [];
      const rowFormulas: (string | null)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const covered = cell.isMerged && cell.master !== cell;
        rowValues[col - 1] = covered ? null : cell.formula ? formulaResult(cell.result) : toCellValue(cell.value);
        rowFormulas[col - 1] = !covered && cell.formula ? cell.formula : null;
      });
      values[rowNumber - 1] = Array.from(rowValues, (v) => v ?? null);
      formulas[rowNumber - 1] = Array.from(rowFormulas, (v) => v ?? null);
    });
    for (let i = 0; i < values.length; i++) values[i] ??= [];
    sheets.push({ name: ws.name, values, formulas });
  });
  return sheets;
}

/** Formulas compared cell by cell: a row without any may be held as an empty row. */
function formulaCells(snapshot: { formulas?: (string | null)[][] }[]): string[][] {
  return snapshot.map((s) => (s.formulas ?? []).flatMap((row, r) => (row ?? []).flatMap((f, c) => (f ? [`${r}:${c}:${f}`] : []))));
}

function sameSnapshot(workbook: ExcelJS.Workbook): void {
  const snapshot: WorkbookSnapshot = snapshotOf(workbook);
  const walked = walkedSnapshot(workbook);
  expect(snapshot.sheets.map((s) => ({ name: s.name, values: s.values }))).toEqual(walked.map((s) => ({ name: s.name, values: s.values })));
  expect(formulaCells(snapshot.sheets)).toEqual(formulaCells(walked));
  for (const s of snapshot.sheets) expect(s.formulas).toHaveLength(s.values.length);
}

describe("the xlsx host's direct walk and shared styles", () => {
  it("reads the same snapshot as ExcelJS's eachRow and eachCell, on the sample and on its recalculated copy", async () => {
    const workbook = await loadWorkbook(readFileSync(SAMPLE));
    sameSnapshot(workbook);
    const { definitions } = bundledCatalogue();
    applyPlan(workbook, analyse(snapshotOf(workbook), definitions, benchProfile(230), { now: new Date(0), version: "t" }).plan);
    sameSnapshot(await loadWorkbook(await saveWorkbook(workbook)));
  });

  it("reads merges, rows holding only styles, rich text, errors and formulas as before", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "gộp";
    ws.mergeCells("A1:C2");
    ws.getCell("B4").font = { bold: true };
    ws.getCell("D5").value = { richText: [{ text: "a" }, { text: "b" }] };
    ws.getCell("E5").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("F6").value = { formula: "1+1", result: 2 };
    ws.getCell("G6").value = null;
    sameSnapshot(wb);
    sameSnapshot(await loadWorkbook(await saveWorkbook(wb)));
  });

  it("styles one loaded cell without restyling the others ExcelJS loaded with the same style", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    for (const a of ["A1", "A2"]) {
      ws.getCell(a).value = 1;
      ws.getCell(a).font = { italic: true };
    }
    const loaded = await loadWorkbook(await saveWorkbook(wb));
    const sheet = loaded.getWorksheet("S")!;
    expect(sheet.getCell("A1").style).toBe(sheet.getCell("A2").style);
    applyPlan(loaded, { ops: [{ op: "style", sheet: "S", range: "A1", style: { bold: true, border: true } }] });
    expect(sheet.getCell("A1").font).toEqual({ italic: true, bold: true });
    expect(sheet.getCell("A1").border?.top?.style).toBe("thin");
    expect(sheet.getCell("A2").font).toEqual({ italic: true });
    expect(sheet.getCell("A2").border?.top).toBeUndefined();
  });

  it("gives the cells a merge covers the style laid on its master, as ExcelJS's shared style object did", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S");
    applyPlan(wb, {
      ops: [
        { op: "merge", sheet: "S", range: "B2:C3" },
        { op: "style", sheet: "S", range: "B2", style: { fill: "FFEECC", border: true } },
      ],
    });
    const ws = wb.getWorksheet("S")!;
    for (const a of ["B2", "C2", "B3", "C3"]) {
      expect([a, ws.getCell(a).fill]).toEqual([a, { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEECC" } }]);
      expect([a, ws.getCell(a).border?.left?.style]).toEqual([a, "thin"]);
    }
  });

  it("shares one style object between the cells a range styles alike", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S");
    applyPlan(wb, { ops: [{ op: "style", sheet: "S", range: "A1:B50", style: { numberFormat: "0.0%", border: true } }] });
    const ws = wb.getWorksheet("S")!;
    expect(ws.getCell("B50").style).toBe(ws.getCell("A1").style);
    expect(ws.getCell("B50").numFmt).toBe("0.0%");
  });

  it("saves cells without a style through one shared style, then gives each its own again", async () => {
    const wb = benchWorkbook(20, benchProfile(5));
    const ws = wb.getWorksheet("Tổ chức đảng")!;
    ws.mergeCells("J1:K2");
    const mergeStyle = ws.getCell("J1").style;
    const bytes = await saveWorkbook(wb);
    expect(ws.getCell("A5").style).not.toBe(ws.getCell("A6").style);
    expect(ws.getCell("K2").style).toBe(mergeStyle);
    expect(ws.getCell("J1").style).toBe(mergeStyle);
    ws.getCell("A5").font = { bold: true };
    expect(ws.getCell("A6").font).toBeUndefined();

    const original = benchWorkbook(20, benchProfile(5));
    original.getWorksheet("Tổ chức đảng")!.mergeCells("J1:K2");
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(await original.xlsx.writeBuffer());
    const reread = await loadWorkbook(bytes);
    expect(snapshotOf(reread)).toEqual(snapshotOf(plain));
  });
});
