import ExcelJS from "exceljs";
import sampleJson from "../../seeds/lang-giang.sample.json";
import { bundledCatalogue } from "../../src/core/definitions/bundled";
import { type Analysis, analyse } from "../../src/core/analyse";
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import { summaryLayout } from "../../src/core/plan/summary";
import { formulaEngine } from "./formula-engine";
import { NOW } from "./grid";
import { agrees, plannedFormulas } from "./plan-cells";

/**
 * District workbooks laid out the way a tired clerk keeps them: title rows, sections with headings and
 * subtotals, numbering rows, numbers typed as text, formulas in input cells. Built from the sample's data, so
 * the article's figures are what a correct reader must find whatever the layout.
 */
const SAMPLE = sampleJson;
const { definitions, profile } = bundledCatalogue();

export type Cell = ExcelJS.CellValue;

export interface ClerkSheet {
  name: string;
  rows: Cell[][];
  merges?: string[];
  hiddenRows?: number[];
  struckRows?: number[];
}

export const HEADERS = {
  S1: ["STT", "Tên tổ chức cơ sở đảng", "Loại hình", "Số chi bộ trực thuộc", "Số chi bộ sinh hoạt ghép", "Số đảng viên", "Số đảng viên dự sinh hoạt bình quân", "Xếp loại"],
  S2: ["STT", "Loại tổ chức", "Số thành lập mới"],
  S3: ["STT", "Tên tổ chức cơ sở đảng", "Chỉ tiêu kết nạp", "Số đảng viên kết nạp", "Trong đó: khu vực nông thôn", "Trong đó: trưởng, phó thôn"],
  S4: ["STT", "Xã, thị trấn", "Số thôn, tổ dân phố", "Số trưởng thôn là đảng viên"],
  S5: ["STT", "Xã, thị trấn", "Tổng số cán bộ, công chức", "Đạt chuẩn chuyên môn", "Trình độ cao đẳng, đại học", "Số cán bộ chủ chốt", "Cán bộ chủ chốt đạt chuẩn chuyên môn", "Cán bộ chủ chốt trình độ đại học", "Cán bộ chủ chốt trung cấp LLCT trở lên"],
  S6: ["STT", "Xã, thị trấn", "Số cấp ủy viên", "Cấp ủy viên nữ", "Cấp ủy viên trẻ", "Cấp ủy viên mới tham gia"],
};

export const NAMES = { S1: "Tổ chức đảng", S2: "Doanh nghiệp", S3: "Phát triển đảng viên", S4: "Trưởng thôn", S5: "Cán bộ cơ sở", S6: "Cấp ủy" };

const TITLE: Cell[][] = [["HUYỆN ỦY LẠNG GIANG"], ["BAN TỔ CHỨC"], ["BIỂU TỔNG HỢP (Số liệu đến tháng 6/2019)"], []];

/** A sample sheet's data rows, as [STT, …fields]: the plain table every layout below starts from. */
export function sampleRows(id: "S1" | "S2" | "S3" | "S4" | "S5" | "S6"): Cell[][] {
  const fields: Record<string, string[]> = {
    S1: ["unit", "type", "branches", "combined", "members", "attending", "rating"],
    S2: ["kind", "founded"],
    S3: ["unit", "quota", "admitted", "rural", "village_heads"],
    S4: ["unit", "villages", "heads_members"],
    S5: ["unit", "staff", "staff_qualified", "staff_college", "key_staff", "key_qualified", "key_university", "key_political"],
    S6: ["unit", "committee", "women", "young", "newcomers"],
  };
  return (SAMPLE[id] as Record<string, unknown>[]).map((r, i) => [i + 1, ...fields[id].map((f) => r[f] as Cell)]);
}

/** A plain sheet: title rows, a one-row header, the rows, a "Tổng cộng" row summing them. */
export function plainSheet(id: keyof typeof HEADERS, rows: Cell[][] = sampleRows(id), name: string = NAMES[id]): ClerkSheet {
  return { name, rows: [...TITLE, HEADERS[id], ...rows] };
}

export async function clerkWorkbook(sheets: ClerkSheet[]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && (ws.getCell(r + 1, c + 1).value = v)));
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
    for (const r of s.struckRows ?? []) ws.getRow(r).font = { strike: true };
  }
  // Saved and loaded again, so the reader meets what ExcelJS makes of a file (a cached 0 dropped from cell.value).
  return loadWorkbook(await saveWorkbook(wb));
}

export function analyseWorkbook(workbook: ExcelJS.Workbook): Analysis {
  return analyse(snapshotOf(workbook), definitions, profile, { now: NOW, version: "test" });
}

export function figures(analysis: Analysis, ...ids: string[]): Record<string, [number | null, number | null, number | null]> {
  const out: Record<string, [number | null, number | null, number | null]> = {};
  for (const id of ids) {
    const i = analysis.indicators.find((x) => x.id === id)!;
    out[id] = [i.actual, i.numerator, i.denominator];
  }
  return out;
}

/** Applies the plan and checks every formula it wrote against HyperFormula; returns the engine for further reads. */
export function writtenFormulasAgree(workbook: ExcelJS.Workbook, analysis: Analysis): ReturnType<typeof formulaEngine> {
  applyPlan(workbook, analysis.plan);
  const sheet = formulaEngine(workbook);
  for (const f of plannedFormulas(analysis.plan)) {
    const value = sheet.value(f.sheet, f.cell);
    if (!agrees(f.result, value)) throw new Error(`${f.sheet}!${f.cell} =${f.formula}: engine ${JSON.stringify(f.result)}, spreadsheet ${JSON.stringify(value)}`);
  }
  return sheet;
}

/** The summary row of an indicator: its actual value in column E. */
export function summaryCell(analysis: Analysis, id: string): string {
  return `E${summaryRow(analysis, id)}`;
}

export function summaryRow(_analysis: Analysis, id: string): number {
  const row = summaryLayout(definitions).rows.get(id);
  if (row === undefined) throw new Error(`no summary row for ${id}`);
  return row;
}
