import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { bundledCatalogue } from "../../src/core/definitions/bundled";
import { analyse } from "../../src/core/analyse";
import { FINDINGS_SHEET } from "../../src/core/plan/findings-sheet";
import { summaryLayout, summaryOps } from "../../src/core/plan/summary";
import { readWorkbook } from "../../src/core/workbook/read-workbook";
import { readTargets } from "../../src/core/indicators/targets";
import type { PlanOp } from "../../src/core/model";
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import { chartInjector } from "../../src/hosts/xlsx/chart-part";
import { buildDefectWorkbook } from "../fixtures/defects";
import { formulaEngine } from "../helpers/formula-engine";
import { NOW } from "../helpers/grid";
import { printSheets } from "../helpers/libreoffice";

const { definitions, profile } = bundledCatalogue();
const SAMPLE = path.resolve(__dirname, "../../seeds/lang-giang.xlsx");
const SUMMARY = "Tổng hợp chỉ tiêu";
const rows = summaryLayout(definitions).rows;

function recalc(workbook: ExcelJS.Workbook) {
  const analysis = analyse(snapshotOf(workbook), definitions, profile, { now: NOW, version: "test" });
  applyPlan(workbook, analysis.plan);
  return analysis;
}

describe("the findings sheet", () => {
  it("lists every planted defect's sheet and cell, the cell as a link to it, the message as text", async () => {
    const { workbook, expected } = await buildDefectWorkbook();
    const analysis = recalc(workbook);
    const ws = workbook.getWorksheet(FINDINGS_SHEET)!;
    const listed: string[] = [];
    for (let r = 5; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (!row.getCell(1).value) continue;
      const cell = row.getCell(4);
      listed.push(`${row.getCell(3).value}|${cell.formula ? (cell.result as string) : (cell.value ?? null)}`);
      expect(row.getCell(5).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(5).formula).toBeUndefined();
    }
    expect(listed.sort()).toEqual(expected.map((f) => `${f.sheet}|${f.cell}`).sort());
    const c19 = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((row) => row.getCell(3).value === "Trưởng thôn" && (row.getCell(4).result as string) === "C19")!;
    expect(c19.getCell(4).formula).toBe(`HYPERLINK("#'Trưởng thôn'!C19","C19")`);
    expect(c19.getCell(2).value).toBe("Lỗi");
    expect(analysis.counts.error).toBeGreaterThan(0);
  });

  it("is removed once the workbook has no findings, and a person's own sheet of that name is left alone", async () => {
    const workbook = await loadWorkbook(readFileSync(SAMPLE));
    workbook.getWorksheet("Trưởng thôn")!.getCell("C19").value = "8/8";
    recalc(workbook);
    expect(workbook.getWorksheet(FINDINGS_SHEET)).toBeDefined();
    const again = await loadWorkbook(await saveWorkbook(workbook));
    again.getWorksheet("Trưởng thôn")!.getCell("C19").value = 8;
    expect(recalc(again).findings).toEqual([]);
    expect(again.getWorksheet(FINDINGS_SHEET)).toBeUndefined();

    const mine = await loadWorkbook(readFileSync(SAMPLE));
    mine.addWorksheet(FINDINGS_SHEET).getCell("A1").value = "Ghi chú của tôi";
    recalc(mine);
    expect(mine.getWorksheet(FINDINGS_SHEET)!.getCell("A1").value).toBe("Ghi chú của tôi");
    expect(mine.getWorksheet(FINDINGS_SHEET)!.actualRowCount).toBe(1);
  });
});

describe("the summary's count of cells to check", () => {
  it("counts the “8/8” under C5 and the -3 under D6, by formulas an independent engine computes alike", async () => {
    const { workbook } = await buildDefectWorkbook();
    recalc(workbook);
    const { hf, value } = formulaEngine(workbook);
    const summary = workbook.getWorksheet(SUMMARY)!;
    for (const [id, count] of [["C5", 1], ["D6", 1], ["D8", 0], ["C1", 0]] as const) {
      const cell = summary.getCell(`J${rows.get(id)}`);
      expect([id, cell.result, value(SUMMARY, `J${rows.get(id)}`)]).toEqual([id, count, count]);
    }
    // Staff retype Nghĩa Hưng's villages as a number without the add-in: the count follows.
    hf.setCellContents({ sheet: hf.getSheetId("Trưởng thôn")!, row: 18, col: 2 }, 8);
    expect(value(SUMMARY, `J${rows.get("C5")}`)).toBe(0);
    // A negative typed as text is counted once, as text (COUNTIF's "<0" does not read text).
    hf.setCellContents({ sheet: hf.getSheetId("Trưởng thôn")!, row: 18, col: 2 }, "'-3");
    expect(value(SUMMARY, `J${rows.get("C5")}`)).toBe(1);
  });
});

describe("the charts in the saved .xlsx", () => {
  it("are chart parts in a drawing referenced from the summary sheet, over the summary's cells, and a second injection replaces them", async () => {
    const workbook = await loadWorkbook(readFileSync(SAMPLE));
    const analysis = recalc(workbook);
    const zip = await JSZip.loadAsync(await saveWorkbook(workbook));
    const read = (p: string) => zip.file(p)!.async("string");
    const book = await read("xl/workbook.xml");
    const rid = new RegExp(`<sheet [^>]*name="${SUMMARY}"[^>]*r:id="(rId\\d+)"`).exec(book)![1];
    const sheetPart = `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(await read("xl/_rels/workbook.xml.rels"))![1]}`;
    const sheetXml = await read(sheetPart);
    const drawingRid = /<drawing r:id="(rId\d+)"\/>/.exec(sheetXml)![1];
    const sheetRels = await read(sheetPart.replace("worksheets/", "worksheets/_rels/") + ".rels");
    const drawingPart = `xl/${new RegExp(`Id="${drawingRid}"[^>]*Target="\\.\\./([^"]+)"`).exec(sheetRels)![1]}`;
    const drawing = await read(drawingPart);
    const names = [...drawing.matchAll(/<xdr:cNvPr id="\d+" name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(["DeAn02_TyLeDat", ...analysis.indicators.filter((i) => i.belowTarget?.length).map((i) => `DeAn02_DonVi_${i.id}`)]);
    const drawingRels = await read(drawingPart.replace("drawings/", "drawings/_rels/") + ".rels");
    const charts = [...drawingRels.matchAll(/Target="\.\.\/(charts\/chart\d+\.xml)"/g)].map((m) => `xl/${m[1]}`);
    expect(charts).toHaveLength(names.length);
    const first = await read(charts[0]);
    expect(first).toContain("<c:barChart>");
    expect(first).toContain("<c:lineChart>");
    expect(first).toContain(`<c:f>&apos;${SUMMARY}&apos;!$M$`);
    expect(await read("[Content_Types].xml")).toContain(`PartName="/${charts[0]}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
    const dir = mkdtempSync(path.join(tmpdir(), "chart-xml-"));
    try {
      for (const part of [sheetPart, drawingPart, ...charts]) {
        writeFileSync(path.join(dir, "part.xml"), await read(part));
        execFileSync("xmllint", ["--noout", path.join(dir, "part.xml")]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The sheet already has a drawing: a second injection reuses it and replaces the add-in's charts.
    const spec = analysis.plan.ops.flatMap((op) => (op.op === "chart" ? [op.chart] : []));
    const twice = await chartInjector([{ sheet: SUMMARY, charts: spec }])(zip);
    const again = await twice.file(drawingPart)!.async("string");
    expect([...again.matchAll(/<xdr:cNvPr id="\d+" name="([^"]+)"/g)].map((m) => m[1])).toEqual(names);
    expect(await twice.file(sheetPart)!.async("string")).toBe(sheetXml);
  });
});

describe("the printed summary (LibreOffice headless, read back with pdftotext)", () => {
  it("has the party header, the period, the indicator table alone on page 1, page numbers, and the signature with the run line on the last page", async () => {
    const workbook = await loadWorkbook(readFileSync(SAMPLE));
    recalc(workbook);
    const printed = await printSheets(workbook, [SUMMARY]);
    try {
      const { pages } = printed;
      const flat = pages.map((p) => p.replace(/\s+/g, " "));
      expect(pages).toHaveLength(4);
      flat.forEach((page, i) => expect(page).toContain(`Trang ${i + 1}/4`));
      for (const line of ["HUYỆN ỦY LẠNG GIANG", "BAN TỔ CHỨC", "ĐẢNG CỘNG SẢN VIỆT NAM", "Lạng Giang, ngày 29 tháng 11 năm 2026", "TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ĐỀ ÁN 02", "(Số liệu đến tháng 6/2019)"]) {
        expect(flat[0]).toContain(line);
      }
      expect(flat[0]).toMatch(/A Tổ chức cơ sở đảng và sinh hoạt đảng .* D Cán bộ cơ sở và cấp ủy cơ sở/);
      expect(flat[0]).toContain("điểm %");
      expect(flat[0]).toContain("D8 Tỷ lệ cấp ủy viên mới tham gia");
      // The table's header prints over the table only.
      expect(flat.filter((p) => p.includes("Đơn vị tính"))).toHaveLength(1);
      const last = flat[flat.length - 1];
      for (const line of ["NGƯỜI LẬP BIỂU", "TRƯỞNG BAN", "Tính lại lúc 29/11/2026 10:00"]) expect(last).toContain(line);
      flat.slice(0, -1).forEach((page) => expect(page).not.toContain("NGƯỜI LẬP BIỂU"));
      expect(flat[1]).toContain("Tỷ lệ đạt mục tiêu");
    } finally {
      printed.cleanup();
    }
  }, 180_000);
});

describe("the count of cells to check in LibreOffice", () => {
  it("is computed by LibreOffice from the formulas alike: text, “8/8”, a negative typed as text counted once, a negative number", async () => {
    const { workbook } = await buildDefectWorkbook();
    // Beside the planted “8/8” (C19) and -3 (Cấp ủy D12): a negative typed as text in another village count.
    workbook.getWorksheet("Trưởng thôn")!.getCell("C20").value = "-3";
    recalc(workbook);
    const summary = workbook.getWorksheet(SUMMARY)!;
    const counts = (["C5", "D6"] as const).map((id) => summary.getCell(`J${rows.get(id)}`));
    expect(counts.map((c) => c.result)).toEqual([2, 1]);
    expect(counts.map((c) => formulaEngine(workbook).value(SUMMARY, c.address))).toEqual([2, 1]);
    // No cached results: LibreOffice must compute every formula of the summary itself.
    summary.eachRow((row) => row.eachCell((cell) => {
      if (cell.formula) cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
    }));
    const printed = await printSheets(workbook, [SUMMARY]);
    try {
      const page = printed.pages[0];
      const line = (id: string, name: string) => page.split("\n").find((l) => l.includes(`${id} `) && l.includes(name))!.trim();
      expect(line("C5", "Tỷ lệ trưởng thôn là đảng viên")).toMatch(/\s2$/);
      expect(line("D6", "Tỷ lệ cấp ủy viên nữ")).toMatch(/\s1$/);
      expect(line("C1", "Số đảng viên kết nạp")).toMatch(/–$/);
    } finally {
      printed.cleanup();
    }
  }, 180_000);
});

describe("the summary's top line", () => {
  it("names the rows a ratio left out, where the engine reports them, and says nothing of them where it does not", async () => {
    const { workbook } = await buildDefectWorkbook();
    const snapshot = snapshotOf(workbook);
    const analysis = analyse(snapshot, definitions, profile, { now: NOW, version: "test" });
    const { readings } = readWorkbook(snapshot, definitions, profile, new Set());
    const targets = readTargets(snapshot, definitions, profile, new Set([...readings.values()].map((r) => r.grid.name)));
    const info = { now: NOW, version: "test", definitions: "de-an-02@1", counts: analysis.counts, findingsSheet: FINDINGS_SHEET };
    const topLine = (indicators: typeof analysis.indicators) => {
      const ops = summaryOps({ sheet: SUMMARY, defs: definitions, profile, readings, targets, indicators, info });
      const cell = ops.find((op): op is Extract<PlanOp, { op: "setCells" }> => op.op === "setCells" && op.anchor === "A6")!.cells[0][0];
      return cell.kind === "text" ? cell.text : null;
    };
    const without = analysis.indicators.map((i) => ({ ...i, rowsLeftOut: 0, inputFindings: 0 }));
    expect(topLine(without)).not.toContain("dòng đủ số liệu");
    const leftOut = without.map((i) => (i.id === "C5" || i.id === "D6" ? { ...i, rowsLeftOut: 1, inputFindings: 1 } : { ...i, rowsLeftOut: 0, inputFindings: 0 }));
    expect(topLine(leftOut)).toContain("Tỷ lệ chỉ tính trên các dòng đủ số liệu: C5 bỏ 1 dòng, D6 bỏ 1 dòng.");
  });
});

describe("chart injection into a sheet that already has a drawing", () => {
  it("adds the charts to the sheet's own drawing part, keeping its picture, with one <drawing> element and valid XML", async () => {
    const workbook = await loadWorkbook(readFileSync(SAMPLE));
    const analysis = recalc(workbook);
    const logo = workbook.addImage({ buffer: readFileSync(path.resolve(__dirname, "../../assets/icon-16.png")) as unknown as ExcelJS.Buffer, extension: "png" });
    workbook.getWorksheet(SUMMARY)!.addImage(logo, "L1:M2");
    const zip = await JSZip.loadAsync(await saveWorkbook(workbook));
    const files = Object.keys(zip.files);
    const drawings = files.filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f));
    expect(drawings).toHaveLength(1);
    const drawing = await zip.file(drawings[0])!.async("string");
    expect(drawing).toContain("<xdr:pic>");
    const names = [...drawing.matchAll(/<xdr:cNvPr id="(\d+)" name="([^"]+)"/g)];
    expect(names.map((m) => m[2]).filter((n) => n.startsWith("DeAn02_"))).toHaveLength(analysis.plan.ops.filter((op) => op.op === "chart").length);
    expect(new Set(names.map((m) => m[1])).size).toBe(names.length);
    const summaryXml = await Promise.all(files.filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
    expect(summaryXml.filter((x) => x.includes("<drawing ")).map((x) => x.match(/<drawing /g)!.length)).toEqual([1]);
    const rels = await zip.file(drawings[0].replace("drawings/", "drawings/_rels/") + ".rels")!.async("string");
    expect(rels).toContain("relationships/image");
    expect((rels.match(/relationships\/chart"/g) ?? []).length).toBe(names.length - 1);
    const dir = mkdtempSync(path.join(tmpdir(), "drawing-xml-"));
    try {
      writeFileSync(path.join(dir, "d.xml"), drawing);
      execFileSync("xmllint", ["--noout", path.join(dir, "d.xml")]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the printed summary and findings sheet of a workbook with planted defects", () => {
  it("counts the findings on page 1 above the table, and prints the findings sheet with each planted cell", async () => {
    const { workbook, expected } = await buildDefectWorkbook();
    const analysis = recalc(workbook);
    const printed = await printSheets(workbook, [SUMMARY, FINDINGS_SHEET]);
    try {
      const flat = printed.pages.map((p) => p.replace(/\s+/g, " "));
      const { error, warning, info } = analysis.counts;
      const top = flat[0].indexOf(`Kiểm tra số liệu: ${error} lỗi, ${warning} cảnh báo, ${info} thông tin.`);
      expect(top).toBeGreaterThan(0);
      expect(top).toBeLessThan(flat[0].indexOf("Đơn vị tính"));
      const findingsPages = flat.filter((p) => p.includes("KIỂM TRA SỐ LIỆU") || p.includes("Nội dung cần xem"));
      expect(findingsPages.length).toBeGreaterThan(0);
      const listing = findingsPages.join(" ");
      for (const f of expected.filter((e) => e.cell !== null)) expect(listing).toMatch(new RegExp(`${f.sheet} ${f.cell} `));
    } finally {
      printed.cleanup();
    }
  }, 180_000);
});
