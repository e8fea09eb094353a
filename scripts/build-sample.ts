/**
 * Builds seeds/lang-giang.xlsx from seeds/lang-giang.sample.json, laid out as a district office lays
 * out its sheets: title rows, a header over two rows with merged cells, unit names typed several ways,
 * a blank separator row, a totals row.
 *   npm run sample
 */
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import definitionsJson from "../seeds/de-an-02.definitions.json";
import profileJson from "../seeds/lang-giang.profile.json";
import sampleJson from "../seeds/lang-giang.sample.json";

export type SampleData = typeof sampleJson;

type Cell = string | number | null;
/** One column: a text over both header rows, or a parent over several children. */
type Header = string | { parent: string; children: string[] };
type Format = "index" | "count" | "percent" | "text";

interface Table {
  sheet: string;
  title: string;
  note: string;
  header: Header[];
  formats: Format[];
  widths: number[];
  rows: Cell[][];
  /** The blank separator row stands after the data row with this index. */
  blankAfter: number | null;
  /** "formula": SUM formulas with their cached result; "typed": plain numbers; null: no totals row. */
  totals: "formula" | "typed" | null;
  /** Cells of the totals row typed as given (column index → value), e.g. the district's own ratio. */
  typedTotals?: Record<number, Cell>;
}

const FONT = "Times New Roman";
const THIN = { style: "thin" as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FIXED_DATE = new Date("2019-07-01T01:00:00Z");
const CREATOR = "Ban Tổ chức Huyện ủy Lạng Giang";
export const HEADER_TOP = 6;
export const FIRST_DATA_ROW = 8;

const NUMBER_FORMAT: Record<Format, string | undefined> = { index: "0", count: "#,##0", percent: "0.0%", text: undefined };

const KIND = new Map(profileJson.communes.map((c) => [c.name, c.kind]));

/** How an office types a commune's name: the party committee, the administrative unit, short or bare. */
type Spelling = "party" | "committee" | "admin" | "short" | "bare";

function spell(name: string, how: Spelling): string {
  const kind = KIND.get(name);
  if (kind === undefined) return name;
  const town = kind === "thị trấn";
  switch (how) {
    case "party":
      return town ? `Đảng bộ thị trấn ${name}` : `Đảng bộ xã ${name}`;
    case "committee":
      return town ? `Đảng ủy thị trấn ${name}` : `Đảng ủy xã ${name}`;
    case "admin":
      return town ? `Thị trấn ${name}` : `Xã ${name}`;
    case "short":
      return town ? `TT ${name}` : name;
    case "bare":
      return name;
  }
}

/** Each sheet has a usual spelling and a few rows typed otherwise, as happens when several people fill a sheet. */
const SPELLINGS: Record<"S1" | "S3" | "S4" | "S5" | "S6", { usual: Spelling; except: Record<string, Spelling> }> = {
  S1: { usual: "party", except: { "Kép": "admin", "Dương Đức": "admin", "Nghĩa Hưng": "admin", "Tân Thanh": "bare", "Xuân Hương": "committee" } },
  S3: { usual: "admin", except: { "Vôi": "short", "Hương Lạc": "bare", "Quang Thịnh": "bare", "Tiên Lục": "party" } },
  S4: { usual: "short", except: { "Kép": "admin", "Nghĩa Hưng": "admin", "Yên Mỹ": "admin" } },
  S5: { usual: "admin", except: { "Vôi": "short", "Mỹ Thái": "bare", "Nghĩa Hưng": "bare", "Tân Dĩnh": "party" } },
  S6: { usual: "party", except: { "Kép": "admin", "Hương Sơn": "committee", "Phi Mô": "bare" } },
};

export function spelledUnit(sheet: keyof typeof SPELLINGS, name: string): string {
  const s = SPELLINGS[sheet];
  return spell(name, s.except[name] ?? s.usual);
}

/** Rounds half away from zero, as Excel's ROUND does. */
function roundHalfAway(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Math.abs(value) * factor;
  // The small nudge keeps 0.4165 (stored as 0.41649999…) from rounding down.
  return (Math.sign(value) * Math.round(scaled + 1e-9)) / factor;
}

/** The ratio staff type in "Tỷ lệ (%)": heads / villages to one decimal of a percent. */
export function typedRatio(heads: number, villages: number): number {
  return roundHalfAway(heads / villages, 3);
}

function width(header: Header[]): number {
  return header.reduce((n, h) => n + (typeof h === "string" ? 1 : h.children.length), 0);
}

function titleRows(ws: ExcelJS.Worksheet, last: string, title: string, note: string): void {
  ws.getCell("A1").value = "HUYỆN ỦY LẠNG GIANG";
  ws.getCell("A1").font = { name: FONT, bold: true };
  ws.getCell("A2").value = "BAN TỔ CHỨC";
  ws.getCell("A2").font = { name: FONT, bold: true, underline: true };
  ws.mergeCells(`A3:${last}3`);
  ws.getCell("A3").value = title;
  ws.getCell("A3").font = { name: FONT, bold: true, size: 13 };
  ws.getCell("A3").alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  ws.getRow(3).height = 33;
  ws.mergeCells(`A4:${last}4`);
  ws.getCell("A4").value = note;
  ws.getCell("A4").font = { name: FONT, italic: true };
  ws.getCell("A4").alignment = { horizontal: "center" };
}

function headerRows(ws: ExcelJS.Worksheet, header: Header[]): void {
  const top = HEADER_TOP;
  let col = 1;
  for (const h of header) {
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
    for (let c = 1; c < col; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { name: FONT, bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = BORDER;
    }
  }
  ws.getRow(top).height = 30;
  ws.getRow(top + 1).height = 45;
}

function styleRow(ws: ExcelJS.Worksheet, row: number, formats: Format[], bold = false): void {
  formats.forEach((format, c) => {
    const cell = ws.getCell(row, c + 1);
    cell.font = { name: FONT, bold };
    cell.border = BORDER;
    const numFmt = NUMBER_FORMAT[format];
    if (numFmt) cell.numFmt = numFmt;
    if (format === "index") cell.alignment = { horizontal: "center" };
  });
}

function addTable(workbook: ExcelJS.Workbook, t: Table): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(t.sheet, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_TOP}:${HEADER_TOP + 1}` },
    views: [{ state: "frozen", ySplit: HEADER_TOP + 1 }],
  });
  const columns = width(t.header);
  const last = ws.getColumn(columns).letter;
  titleRows(ws, last, t.title, t.note);
  headerRows(ws, t.header);

  let row = FIRST_DATA_ROW;
  t.rows.forEach((values, i) => {
    styleRow(ws, row, t.formats);
    values.forEach((v, c) => (ws.getCell(row, c + 1).value = v));
    row++;
    if (t.blankAfter === i) {
      styleRow(ws, row, t.formats);
      row++;
    }
  });
  const lastData = row - 1;

  if (t.totals) {
    styleRow(ws, row, t.formats, true);
    ws.mergeCells(row, 1, row, 2);
    ws.getCell(row, 1).value = "Tổng cộng";
    ws.getCell(row, 1).alignment = { horizontal: "center" };
    t.formats.forEach((format, c) => {
      if (format !== "count") return;
      const sum = t.rows.reduce((total, r) => total + (typeof r[c] === "number" ? (r[c] as number) : 0), 0);
      const letter = ws.getColumn(c + 1).letter;
      ws.getCell(row, c + 1).value = t.totals === "formula" ? { formula: `SUM(${letter}${FIRST_DATA_ROW}:${letter}${lastData})`, result: sum } : sum;
    });
    for (const [c, v] of Object.entries(t.typedTotals ?? {})) ws.getCell(row, Number(c) + 1).value = v;
  }
  t.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

function notesSheet(workbook: ExcelJS.Workbook, data: SampleData): void {
  const ws = workbook.addWorksheet("Ghi chú");
  ws.getColumn(1).width = 120;
  const lines: [string, Partial<ExcelJS.Font>][] = [
    ["WORKBOOK MẪU — ĐỀ ÁN 02, HUYỆN LẠNG GIANG", { bold: true, size: 13 }],
    [`Dựng từ seeds/lang-giang.sample.json bằng scripts/build-sample.ts (npm run sample); định nghĩa chỉ tiêu ${definitionsJson.id}@${definitionsJson.version}. Số liệu đến ${data.asOf}.`, { italic: true }],
    ["", {}],
    [`Số liệu lấy từ bài báo (${data.source}):`, { bold: true }],
    ...data.articleFigures.map((t): [string, Partial<ExcelJS.Font>] => [`• ${t}`, {}]),
    ["", {}],
    ["Số liệu minh họa (bài báo không nêu; chọn để cộng lại đúng các tổng của huyện):", { bold: true }],
    ...data.illustrativeFigures.map((t): [string, Partial<ExcelJS.Font>] => [`• ${t}`, {}]),
  ];
  lines.forEach(([text, font], i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { name: FONT, ...font };
    cell.alignment = { wrapText: true, vertical: "top" };
  });
}

const NOTE = (data: SampleData) => `(Số liệu đến ${data.asOf})`;

export async function buildSampleWorkbook(data: SampleData = sampleJson): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  notesSheet(workbook, data);
  const communes = new Set(profileJson.communes.map((c) => c.name));
  const stt = <T>(rows: T[], f: (r: T) => Cell[]): Cell[][] => rows.map((r, i) => [i + 1, ...f(r)]);
  const lastCommune = data.S1.filter((r) => communes.has(r.unit)).length - 1;

  addTable(workbook, {
    sheet: "Tổ chức đảng",
    title: "BIỂU TỔNG HỢP TỔ CHỨC CƠ SỞ ĐẢNG VÀ SINH HOẠT ĐẢNG",
    note: NOTE(data),
    header: ["STT", "Tên tổ chức cơ sở đảng", "Loại hình", "Số chi bộ\ntrực thuộc", "Số chi bộ\nsinh hoạt ghép", { parent: "Đảng viên", children: ["Tổng số", "Dự sinh hoạt\nbình quân"] }, "Xếp loại"],
    formats: ["index", "text", "text", "count", "count", "count", "count", "text"],
    widths: [6, 46, 18, 11, 13, 10, 13, 24],
    rows: stt(data.S1, (r) => [communes.has(r.unit) ? spelledUnit("S1", r.unit) : r.unit, r.type, r.branches, r.combined, r.members, r.attending, r.rating]),
    blankAfter: lastCommune,
    totals: "formula",
  });
  addTable(workbook, {
    sheet: "Doanh nghiệp",
    title: "BIỂU TỔNG HỢP TỔ CHỨC ĐẢNG, ĐOÀN THỂ TRONG DOANH NGHIỆP NGOÀI KHU VỰC NHÀ NƯỚC",
    note: NOTE(data),
    header: ["STT", "Loại tổ chức", "Số thành lập mới"],
    formats: ["index", "text", "count"],
    widths: [6, 32, 18],
    rows: stt(data.S2, (r) => [r.kind, r.founded]),
    // The party branches first, then the mass organisations. No totals row: the kinds do not add up to one figure.
    blankAfter: 0,
    totals: null,
  });
  addTable(workbook, {
    sheet: "Phát triển đảng viên",
    title: "BIỂU TỔNG HỢP KẾT QUẢ PHÁT TRIỂN ĐẢNG VIÊN",
    note: NOTE(data),
    header: ["STT", "Tên tổ chức cơ sở đảng", "Chỉ tiêu\nkết nạp", "Số đảng viên\nkết nạp", { parent: "Trong đó", children: ["Khu vực nông thôn", "Trưởng, phó thôn"] }],
    formats: ["index", "text", "count", "count", "count", "count"],
    widths: [6, 46, 11, 13, 13, 13],
    rows: stt(data.S3, (r) => [communes.has(r.unit) ? spelledUnit("S3", r.unit) : r.unit, r.quota, r.admitted, r.rural, r.village_heads]),
    blankAfter: data.S3.filter((r) => communes.has(r.unit)).length - 1,
    totals: "typed",
  });
  const heads = data.S4.reduce((s, r) => s + r.heads_members, 0);
  const villages = data.S4.reduce((s, r) => s + r.villages, 0);
  addTable(workbook, {
    sheet: "Trưởng thôn",
    title: "BIỂU TỔNG HỢP TRƯỞNG THÔN LÀ ĐẢNG VIÊN",
    note: NOTE(data),
    header: ["STT", "Xã, thị trấn", "Số thôn,\ntổ dân phố", "Số trưởng thôn\nlà đảng viên", "Tỷ lệ (%)"],
    formats: ["index", "text", "count", "count", "percent"],
    widths: [6, 22, 12, 16, 10],
    rows: stt(data.S4, (r) => [spelledUnit("S4", r.unit), r.villages, r.heads_members, typedRatio(r.heads_members, r.villages)]),
    // A row deleted in the middle of the table left its gap.
    blankAfter: 19,
    totals: "formula",
    typedTotals: { 4: villages > 0 ? typedRatio(heads, villages) : null },
  });
  addTable(workbook, {
    sheet: "Cán bộ cơ sở",
    title: "BIỂU TỔNG HỢP CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC XÃ, THỊ TRẤN",
    note: NOTE(data),
    header: [
      "STT",
      "Xã, thị trấn",
      { parent: "Cán bộ, công chức", children: ["Tổng số", "Đạt chuẩn\nchuyên môn", "Trình độ\ncao đẳng, đại học"] },
      { parent: "Cán bộ chủ chốt", children: ["Số lượng", "Đạt chuẩn\nchuyên môn", "Trình độ\nđại học", "Trung cấp LLCT\ntrở lên"] },
    ],
    formats: ["index", "text", "count", "count", "count", "count", "count", "count", "count"],
    widths: [6, 22, 10, 12, 15, 10, 12, 10, 14],
    rows: stt(data.S5, (r) => [spelledUnit("S5", r.unit), r.staff, r.staff_qualified, r.staff_college, r.key_staff, r.key_qualified, r.key_university, r.key_political]),
    // The two towns first, then the communes.
    blankAfter: 1,
    totals: "typed",
  });
  addTable(workbook, {
    sheet: "Cấp ủy",
    title: "BIỂU TỔNG HỢP CƠ CẤU CẤP ỦY CƠ SỞ NHIỆM KỲ 2015 - 2020",
    note: NOTE(data),
    header: ["STT", "Xã, thị trấn", "Tổng số\ncấp ủy viên", { parent: "Trong đó", children: ["Nữ", "Trẻ", "Mới tham gia"] }],
    formats: ["index", "text", "count", "count", "count", "count"],
    widths: [6, 28, 12, 9, 9, 12],
    rows: stt(data.S6, (r) => [spelledUnit("S6", r.unit), r.committee, r.women, r.young, r.newcomers]),
    blankAfter: 11,
    totals: "typed",
  });

  const units = new Map(definitionsJson.indicators.map((i) => [i.id, i.unit]));
  const targets = addTable(workbook, {
    sheet: "Chỉ tiêu",
    title: "MỤC TIÊU CỦA ĐỀ ÁN 02 VÀ TÌNH HÌNH TRƯỚC KHI THỰC HIỆN",
    note: "(Mục tiêu theo Đề án 02 của Tỉnh ủy; tỷ lệ ghi dạng %)",
    header: ["STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "Trước Đề án", "Mục tiêu"],
    formats: ["index", "text", "text", "count", "count"],
    widths: [6, 11, 50, 13, 13],
    rows: stt(data.S7, (r) => [r.id, r.name, r.baseline, r.target]),
    blankAfter: null,
    totals: null,
  });
  data.S7.forEach((r, i) => {
    if (units.get(r.id) !== "ratio") return;
    for (const col of ["D", "E"]) targets.getCell(`${col}${FIRST_DATA_ROW + i}`).numFmt = NUMBER_FORMAT.percent!;
  });
  return workbook;
}

/** Same bytes on every run: zip entries otherwise carry the time they were written. */
function fixZipDates(): void {
  try {
    const jszip = createRequire(require.resolve("exceljs"))("jszip") as { defaults: { date: Date | null } };
    jszip.defaults.date = FIXED_DATE;
  } catch {
    // Without it the file differs only in its zip timestamps; its cells are the same.
  }
}

async function main(): Promise<void> {
  fixZipDates();
  const workbook = await buildSampleWorkbook();
  const file = path.resolve(__dirname, "../seeds/lang-giang.xlsx");
  writeFileSync(file, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  process.stdout.write(`Đã ghi ${path.relative(process.cwd(), file)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
