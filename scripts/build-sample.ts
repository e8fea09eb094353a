/**
 * Builds seeds/lang-giang.xlsx from seeds/lang-giang.sample.json, laid out as a district office
 * lays out its sheets: title rows, a header over two rows with merged cells, a totals row.
 *   npm run sample
 */
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import path from "node:path";
import sampleJson from "../seeds/lang-giang.sample.json";
import profileJson from "../seeds/lang-giang.profile.json";
import definitionsJson from "../seeds/de-an-02.definitions.json";

export type SampleData = typeof sampleJson;

type Cell = string | number | null;
/** A header column: one text spanning both header rows, or a parent over several children. */
type HeaderSpec = string | { parent: string; children: string[] };

interface TableSpec {
  sheet: string;
  title: string;
  header: HeaderSpec[];
  rows: Cell[][];
  /** Columns (0-based, in the row arrays) summed on the totals row; null for no totals row. */
  totals: number[] | null;
  totalsAsFormulas?: boolean;
  percentColumns?: number[];
  /** Indexes of rows after which a blank separator row stands. */
  blankAfter?: number[];
  columnNumbers?: boolean;
  widths: number[];
}

const FONT = "Times New Roman";
const thin = { style: "thin" as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FIXED_DATE = new Date("2019-07-01T00:00:00Z");

/** Unit names as offices type them: with a prefix, an abbreviation, or none. */
function spelled(name: string, style: "party" | "admin" | "short" | "bare"): string {
  const kind = profileJson.communes.find((c) => c.name === name)?.kind;
  if (!kind) return name;
  if (style === "bare") return name;
  if (style === "party") return kind === "xã" ? `Đảng bộ xã ${name}` : `Đảng bộ thị trấn ${name}`;
  if (style === "admin") return kind === "xã" ? `Xã ${name}` : `Thị trấn ${name}`;
  return kind === "xã" ? name : `TT ${name}`;
}

function addTable(workbook: ExcelJS.Workbook, spec: TableSpec): void {
  const ws = workbook.addWorksheet(spec.sheet, { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = spec.header.reduce((n, h) => n + (typeof h === "string" ? 1 : h.children.length), 0);
  const last = ws.getColumn(width).letter;
  ws.getCell("A1").value = "HUYỆN ỦY LẠNG GIANG";
  ws.getCell("A2").value = "BAN TỔ CHỨC";
  ws.getCell("A1").font = { name: FONT, bold: true };
  ws.getCell("A2").font = { name: FONT, bold: true, underline: true };
  ws.mergeCells(`A3:${last}3`);
  ws.getCell("A3").value = spec.title;
  ws.getCell("A3").font = { name: FONT, bold: true, size: 13 };
  ws.getCell("A3").alignment = { horizontal: "center" };
  ws.mergeCells(`A4:${last}4`);
  ws.getCell("A4").value = `(Số liệu đến ${sampleJson.asOf})`;
  ws.getCell("A4").font = { name: FONT, italic: true };
  ws.getCell("A4").alignment = { horizontal: "center" };

  const top = 6;
  let col = 1;
  for (const h of spec.header) {
    if (typeof h === "string") {
      ws.mergeCells(top, col, top + 1, col);
      ws.getCell(top, col).value = h;
      col++;
    } else {
      ws.mergeCells(top, col, top, col + h.children.length - 1);
      ws.getCell(top, col).value = h.parent;
      h.children.forEach((child, i) => (ws.getCell(top + 1, col + i).value = child));
      col += h.children.length;
    }
  }
  for (let r = top; r <= top + 1; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { name: FONT, bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = BORDER;
    }
  }
  let row = top + 2;
  if (spec.columnNumbers) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(row, c);
      cell.value = `(${c})`;
      cell.font = { name: FONT, italic: true };
      cell.alignment = { horizontal: "center" };
      cell.border = BORDER;
    }
    row++;
  }
  const firstData = row;
  spec.rows.forEach((values, i) => {
    values.forEach((v, c) => {
      const cell = ws.getCell(row, c + 1);
      cell.value = v;
      cell.font = { name: FONT };
      cell.border = BORDER;
      if (typeof v === "number") cell.numFmt = spec.percentColumns?.includes(c) ? "0.0%" : "#,##0";
    });
    row++;
    if (spec.blankAfter?.includes(i)) row++;
  });
  const lastData = row - 1;
  if (spec.totals) {
    ws.mergeCells(row, 1, row, 2);
    ws.getCell(row, 1).value = "Tổng cộng";
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(row, c);
      cell.font = { name: FONT, bold: true };
      cell.border = BORDER;
    }
    for (const c of spec.totals) {
      const sum = spec.rows.reduce((total, r) => total + (typeof r[c] === "number" ? (r[c] as number) : 0), 0);
      const letter = ws.getColumn(c + 1).letter;
      const cell = ws.getCell(row, c + 1);
      cell.value = spec.totalsAsFormulas ? { formula: `SUM(${letter}${firstData}:${letter}${lastData})`, result: sum } : sum;
      cell.numFmt = "#,##0";
    }
  }
  spec.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: top + 1 }];
}

function notesSheet(workbook: ExcelJS.Workbook, data: SampleData): void {
  const ws = workbook.addWorksheet("Ghi chú");
  ws.getColumn(1).width = 110;
  const lines: [string, Partial<ExcelJS.Font>][] = [
    ["WORKBOOK MẪU — ĐỀ ÁN 02, HUYỆN LẠNG GIANG", { bold: true, size: 13 }],
    [`Dựng từ seeds/lang-giang.sample.json bằng scripts/build-sample.ts (npm run sample). Bộ định nghĩa: ${definitionsJson.id}@${definitionsJson.version}.`, { italic: true }],
    ["", {}],
    ["Số liệu lấy từ bài báo (Tạp chí Xây dựng Đảng: “Lạng Giang - Hiệu quả từ thực hiện Đề án của Tỉnh ủy Bắc Giang”):", { bold: true }],
    ...data.articleFigures.map((t): [string, Partial<ExcelJS.Font>] => [`• ${t}`, {}]),
    ["", {}],
    ["Số liệu minh họa (bài báo không nêu; chọn để cộng lại đúng các tổng của huyện):", { bold: true }],
    ...data.illustrativeFigures.map((t): [string, Partial<ExcelJS.Font>] => [`• ${t}`, {}]),
  ];
  lines.forEach(([text, font], i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { name: FONT, ...font };
    cell.alignment = { wrapText: true };
  });
}

function targetsSheet(workbook: ExcelJS.Workbook): void {
  const ws = workbook.addWorksheet("Chỉ tiêu");
  ws.getCell("A1").value = "HUYỆN ỦY LẠNG GIANG";
  ws.getCell("A1").font = { name: FONT, bold: true };
  ws.mergeCells("A2:E2");
  ws.getCell("A2").value = "MỤC TIÊU ĐỀ ÁN 02 VÀ TÌNH HÌNH TRƯỚC KHI THỰC HIỆN";
  ws.getCell("A2").font = { name: FONT, bold: true, size: 13 };
  ws.getCell("A2").alignment = { horizontal: "center" };
  const header = ["STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "Trước Đề án", "Mục tiêu"];
  header.forEach((h, i) => {
    const cell = ws.getCell(4, i + 1);
    cell.value = h;
    cell.font = { name: FONT, bold: true };
    cell.border = BORDER;
    cell.alignment = { horizontal: "center", wrapText: true };
  });
  const figures = profileJson.indicators as Record<string, { baseline?: number; target?: number }>;
  definitionsJson.indicators.forEach((ind, i) => {
    const r = 5 + i;
    const f = figures[ind.id] ?? {};
    const values: Cell[] = [i + 1, ind.id, ind.name, f.baseline ?? null, f.target ?? null];
    values.forEach((v, c) => {
      const cell = ws.getCell(r, c + 1);
      cell.value = v;
      cell.font = { name: FONT };
      cell.border = BORDER;
      if (c >= 3) cell.numFmt = ind.unit === "ratio" ? "0.0%" : "#,##0";
    });
  });
  [5, 11, 60, 13, 13].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

export async function buildSampleWorkbook(data: SampleData = sampleJson): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Ban Tổ chức Huyện ủy Lạng Giang";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  notesSheet(workbook, data);

  const s1Communes = data.S1.slice(0, 23);
  addTable(workbook, {
    sheet: "Tổ chức đảng",
    title: "BIỂU TỔNG HỢP TỔ CHỨC CƠ SỞ ĐẢNG",
    header: ["STT", "Tên tổ chức cơ sở đảng", "Loại hình", { parent: "Chi bộ trực thuộc", children: ["Tổng số", "Sinh hoạt ghép"] }, { parent: "Đảng viên", children: ["Tổng số", "Dự sinh hoạt bình quân"] }, "Xếp loại"],
    rows: data.S1.map((r, i) => [i + 1, i < s1Communes.length ? spelled(r.unit, "party") : r.unit, r.type, r.branches, r.combined, r.members, r.attending, r.rating]),
    totals: [3, 4, 5, 6],
    totalsAsFormulas: true,
    blankAfter: [22],
    columnNumbers: true,
    widths: [5, 44, 18, 10, 10, 10, 12, 24],
  });
  addTable(workbook, {
    sheet: "Doanh nghiệp",
    title: "TỔ CHỨC ĐẢNG, ĐOÀN THỂ TRONG DOANH NGHIỆP NGOÀI KHU VỰC NHÀ NƯỚC",
    header: ["STT", "Loại tổ chức", "Số thành lập mới"],
    rows: data.S2.map((r, i) => [i + 1, r.kind, r.founded]),
    totals: null,
    widths: [5, 30, 16],
  });
  addTable(workbook, {
    sheet: "Phát triển đảng viên",
    title: "KẾT QUẢ PHÁT TRIỂN ĐẢNG VIÊN",
    header: ["STT", "Tên tổ chức cơ sở đảng", "Chỉ tiêu kết nạp", "Số đảng viên kết nạp", { parent: "Trong đó", children: ["Khu vực nông thôn", "Trưởng, phó thôn"] }],
    rows: data.S3.map((r, i) => [i + 1, i < 23 ? spelled(r.unit, i % 3 === 0 ? "admin" : "short") : r.unit, r.quota, r.admitted, r.rural, r.village_heads]),
    totals: [2, 3, 4, 5],
    widths: [5, 44, 12, 12, 12, 12],
  });
  addTable(workbook, {
    sheet: "Trưởng thôn",
    title: "TRƯỞNG THÔN, TỔ TRƯỞNG TỔ DÂN PHỐ LÀ ĐẢNG VIÊN",
    header: ["STT", "Xã, thị trấn", "Số thôn, tổ dân phố", "Số trưởng thôn là đảng viên", "Tỷ lệ (%)"],
    rows: data.S4.map((r, i) => [i + 1, spelled(r.unit, i % 2 ? "short" : "bare"), r.villages, r.heads_members, Math.round((r.heads_members / r.villages) * 1000) / 1000]),
    totals: [2, 3],
    totalsAsFormulas: true,
    percentColumns: [4],
    widths: [5, 22, 14, 16, 10],
  });
  addTable(workbook, {
    sheet: "Cán bộ cơ sở",
    title: "CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC XÃ, THỊ TRẤN",
    header: [
      "STT",
      "Xã, thị trấn",
      { parent: "Cán bộ, công chức", children: ["Tổng số", "Đạt chuẩn chuyên môn", "Trình độ cao đẳng, đại học"] },
      { parent: "Cán bộ chủ chốt", children: ["Số lượng", "Đạt chuẩn chuyên môn", "Trình độ đại học", "Trung cấp LLCT trở lên"] },
    ],
    rows: data.S5.map((r, i) => [i + 1, spelled(r.unit, "admin"), r.staff, r.staff_qualified, r.staff_college, r.key_staff, r.key_qualified, r.key_university, r.key_political]),
    totals: [2, 3, 4, 5, 6, 7, 8],
    widths: [5, 22, 10, 12, 12, 10, 12, 12, 12],
  });
  addTable(workbook, {
    sheet: "Cấp ủy",
    title: "CƠ CẤU CẤP ỦY CƠ SỞ NHIỆM KỲ 2015-2020",
    header: ["STT", "Xã, thị trấn", "Tổng số cấp ủy viên", { parent: "Trong đó", children: ["Nữ", "Trẻ", "Mới tham gia"] }],
    rows: data.S6.map((r, i) => [i + 1, spelled(r.unit, "bare"), r.committee, r.women, r.young, r.newcomers]),
    totals: [2, 3, 4, 5],
    widths: [5, 22, 12, 10, 10, 12],
  });
  targetsSheet(workbook);
  return workbook;
}

async function main(): Promise<void> {
  const workbook = await buildSampleWorkbook();
  const file = path.resolve(__dirname, "../seeds/lang-giang.xlsx");
  writeFileSync(file, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  process.stdout.write(`Đã ghi ${path.relative(process.cwd(), file)}\n`);
}

if (require.main === module) void main();
