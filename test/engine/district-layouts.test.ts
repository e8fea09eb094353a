import { HEADERS, NAMES, analyseWorkbook, clerkWorkbook, figures, plainSheet, sampleRows, summaryCell, writtenFormulasAgree, type Cell, type ClerkSheet } from "../helpers/clerk";
import { located } from "../helpers/grid";

const TITLE: Cell[][] = [["HUYỆN ỦY LẠNG GIANG"], ["BIỂU TỔNG HỢP"], []];
const HEADER_ROW = TITLE.length + 1;

type Section = { stt: string; heading: string; rows: Cell[][]; subtotal: string };

/** Sum of column `c` over rows, as the clerk's subtotal would hold it. */
const sumOf = (rows: Cell[][], c: number) => rows.reduce((a, r) => a + (typeof r[c] === "number" ? (r[c] as number) : 0), 0);

/**
 * A sheet in sections: a heading row ("I" | "ĐẢNG BỘ XÃ, THỊ TRẤN", merged across), its rows, a subtotal row
 * with the sums of its numeric columns, and a grand total. `wrong` adds to one subtotal cell: [section, column, delta].
 */
function sectioned(id: keyof typeof HEADERS, sections: Section[], numeric: number[], grand: string | null, wrong?: [number, number, number]): ClerkSheet & { subtotalRows: number[]; grandRow: number } {
  const rows: Cell[][] = [...TITLE, HEADERS[id]];
  const merges: string[] = [];
  const subtotalRows: number[] = [];
  const all: Cell[][] = [];
  const width = HEADERS[id].length;
  const last = String.fromCharCode(64 + width);
  sections.forEach((s, i) => {
    rows.push([s.stt, s.heading]);
    merges.push(`B${rows.length}:${last}${rows.length}`);
    rows.push(...s.rows.map((r, k) => [k + 1, ...r.slice(1)]));
    all.push(...s.rows);
    const total: Cell[] = [null, s.subtotal];
    for (const c of numeric) total[c] = sumOf(s.rows, c) + (wrong && wrong[0] === i && wrong[1] === c ? wrong[2] : 0);
    rows.push(total);
    subtotalRows.push(rows.length);
  });
  let grandRow = -1;
  if (grand) {
    const total: Cell[] = [null, grand];
    for (const c of numeric) total[c] = sumOf(all, c);
    rows.push(total);
    grandRow = rows.length;
  }
  rows.push([], [null, "Người lập biểu", null, null, "TM. BAN TỔ CHỨC"], [null, "Nguyễn Văn A", null, null, "Trần Thị B"]);
  return { name: NAMES[id], rows, merges, subtotalRows, grandRow };
}

function s1Sections(): Section[] {
  const rows = sampleRows("S1");
  return [
    { stt: "I", heading: "ĐẢNG BỘ XÃ, THỊ TRẤN", rows: rows.filter((r) => r[2] === "Đảng bộ xã" || r[2] === "Đảng bộ thị trấn"), subtotal: "Cộng I" },
    { stt: "II", heading: "ĐẢNG BỘ CƠ QUAN", rows: rows.filter((r) => r[2] === "Đảng bộ cơ quan"), subtotal: "Cộng (II)" },
    { stt: "III", heading: "CHI BỘ CƠ SỞ", rows: rows.filter((r) => r[2] === "Chi bộ cơ sở"), subtotal: "Cộng III" },
  ];
}

function s3Sections(label: (i: number) => string): Section[] {
  const rows = sampleRows("S3");
  return [
    { stt: "A", heading: "Khối xã, thị trấn", rows: rows.slice(0, 23), subtotal: label(0) },
    { stt: "B", heading: "Khối cơ quan, doanh nghiệp", rows: rows.slice(23), subtotal: label(1) },
  ];
}

const onSheet = (analysis: ReturnType<typeof analyseWorkbook>, sheet: string) => located(analysis.findings.filter((f) => f.sheet === sheet));

describe("sections with headings and subtotals", () => {
  it("reads “Cộng I / Cộng (II) / Cộng III” subtotals as structure, checks each against its own section and finds the one wrong one", async () => {
    const s1 = sectioned("S1", s1Sections(), [3, 4, 5, 6], "Tổng cộng", [1, 5, 10]);
    const workbook = await clerkWorkbook([s1]);
    const analysis = analyseWorkbook(workbook);
    const byId = figures(analysis, "A1", "A2", "A3", "A4");
    expect([byId.A1[0], byId.A2[0], byId.A3[0], byId.A4[0]]).toEqual([28, 22, 412, 1]);
    // The wrong subtotal is "Cộng (II)"'s members, column F; nothing else on the sheet is a finding.
    expect(onSheet(analysis, "Tổ chức đảng")).toEqual([["Tổ chức đảng", `F${s1.subtotalRows[1]}`, "total-mismatch"]]);
    expect(analysis.findings.some((f) => f.code === "unknown-unit" || f.code === "blank-required")).toBe(false);
    const sheet = writtenFormulasAgree(workbook, analysis);
    expect(sheet.value(analysis.summarySheet, summaryCell(analysis, "A3"))).toBe(412);
    expect(sheet.value(analysis.summarySheet, summaryCell(analysis, "A2"))).toBe(22);
  });

  it("does not stop at a plain “Cộng” that closes a section: the rest of the sheet is read", async () => {
    const s3 = sectioned("S3", s3Sections(() => "Cộng"), [2, 3, 4, 5], "Tổng cộng");
    const workbook = await clerkWorkbook([s3]);
    const analysis = analyseWorkbook(workbook);
    const byId = figures(analysis, "C1", "C2", "C4");
    expect([byId.C1[0], byId.C2[0], byId.C4[0]]).toEqual([895, 354, 60]);
    expect(onSheet(analysis, "Phát triển đảng viên")).toEqual([]);
    const sheet = writtenFormulasAgree(workbook, analysis);
    expect(sheet.value(analysis.summarySheet, summaryCell(analysis, "C1"))).toBe(895);
  });

  it("reads subtotals labelled “Cộng khối xã” with no grand total, and a signature block under the sheet is no data", async () => {
    const s3 = sectioned("S3", s3Sections((i) => (i === 0 ? "Cộng khối xã" : "Cộng khối cơ quan")), [2, 3, 4, 5], null);
    const workbook = await clerkWorkbook([s3]);
    const analysis = analyseWorkbook(workbook);
    expect(figures(analysis, "C1").C1[0]).toBe(895);
    expect(onSheet(analysis, "Phát triển đảng viên")).toEqual([]);
    writtenFormulasAgree(workbook, analysis);
  });

  it("checks the grand total against all data rows, not against the subtotals", async () => {
    const s3 = sectioned("S3", s3Sections(() => "Cộng"), [2, 3, 4, 5], "Tổng số");
    s3.rows[s3.grandRow - 1][3] = 900;
    const analysis = analyseWorkbook(await clerkWorkbook([s3]));
    expect(onSheet(analysis, "Phát triển đảng viên")).toEqual([["Phát triển đảng viên", `D${s3.grandRow}`, "total-mismatch"]]);
    expect(analysis.findings.find((f) => f.code === "total-mismatch")!.params).toMatchObject({ value: 900, expected: 895 });
  });
});
