import { HEADERS, NAMES, analyseWorkbook, clerkWorkbook, figures, plainSheet, sampleRows, summaryCell, summaryRow, writtenFormulasAgree, type Cell, type ClerkSheet } from "../helpers/clerk";
import { located } from "../helpers/grid";
import { renderFinding } from "../../src/core/findings/render";

const TITLE: Cell[][] = [["HUYỆN ỦY LẠNG GIANG"], ["BIỂU TỔNG HỢP"], []];

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

const DATA_ROW = 6; // under four title rows and the header: the sample's first unit
const rowOf = (id: "S1" | "S2" | "S4" | "S6", unit: string) => DATA_ROW + sampleRows(id).findIndex((r) => r[1] === unit);
const indicator = (analysis: ReturnType<typeof analyseWorkbook>, id: string) => analysis.indicators.find((i) => i.id === id)!;

describe("numbers typed as text", () => {
  it("counts each unambiguous kind as its number, lists the cells in one info finding per sheet, and Tính lại writes them as numbers", async () => {
    const s1 = sampleRows("S1");
    s1[0][5] = "1.234"; // Vôi's members, Vietnamese thousands
    s1[0][6] = "431 "; // trailing space
    s1[1][6] = "42,5"; // decimal comma in a number column
    const s2 = sampleRows("S2");
    s2[1][2] = "11 "; // Công đoàn
    const s4 = sampleRows("S4");
    s4[13][2] = "13"; // Quang Thịnh's villages
    const workbook = await clerkWorkbook([plainSheet("S1", s1), plainSheet("S2", s2), plainSheet("S4", s4)]);
    const analysis = analyseWorkbook(workbook);

    const members = sampleRows("S1").reduce((a, r) => a + (r[5] as number), 0) - 468 + 1234;
    const attending = sampleRows("S1").reduce((a, r) => a + (r[6] as number), 0) - (sampleRows("S1")[1][6] as number) + 42.5;
    expect(figures(analysis, "A5", "B2", "C5")).toEqual({ A5: [attending / members, attending, members], B2: [11, 11, null], C5: [187 / 284, 187, 284] });
    expect(located(analysis.findings.filter((f) => f.code === "number-as-text"))).toEqual([
      ["Tổ chức đảng", "F6", "number-as-text"],
      ["Doanh nghiệp", "C7", "number-as-text"],
      ["Trưởng thôn", "C19", "number-as-text"],
    ]);
    expect(analysis.findings.find((f) => f.sheet === "Tổ chức đảng" && f.code === "number-as-text")!.params).toMatchObject({ count: 3, cells: ["F6", "G6", "G7"] });
    expect(analysis.findings.filter((f) => f.code === "number-as-text").every((f) => f.severity === "info")).toBe(true);

    const sheet = writtenFormulasAgree(workbook, analysis);
    expect(workbook.getWorksheet("Tổ chức đảng")!.getCell("F6").value).toBe(1234);
    expect(workbook.getWorksheet("Tổ chức đảng")!.getCell("G7").value).toBe(42.5);
    expect(workbook.getWorksheet("Doanh nghiệp")!.getCell("C7").value).toBe(11);
    expect(sheet.value(analysis.summarySheet, summaryCell(analysis, "B2"))).toBe(11);
    expect(sheet.value(analysis.summarySheet, summaryCell(analysis, "C5"))).toBeCloseTo(187 / 284, 9);
  });

  it("leaves ambiguous text out and reports it: “3,5” women is no whole number, and the row leaves D6 on both sides", async () => {
    const s6 = sampleRows("S6");
    s6[2][3] = "3,5"; // An Hà
    const workbook = await clerkWorkbook([plainSheet("S6", s6)]);
    const analysis = analyseWorkbook(workbook);
    expect(located(analysis.findings.filter((f) => f.sheet === "Cấp ủy"))).toEqual([["Cấp ủy", `D${rowOf("S6", "An Hà")}`, "not-integer"]]);
    expect(figures(analysis, "D6").D6).toEqual([61 / 287, 61, 287]);
    expect([indicator(analysis, "D6").rowsLeftOut, indicator(analysis, "D6").inputFindings]).toEqual([1, 1]);
    expect(workbook.getWorksheet("Cấp ủy")!.getCell(`D${rowOf("S6", "An Hà")}`).value).toBe("3,5");
    writtenFormulasAgree(workbook, analysis);
  });
});

describe("ratios on complete rows", () => {
  it("leaves a row with “8/8” or a negative count out of both sides, in the report and in the workbook's formulas", async () => {
    const s4 = sampleRows("S4");
    s4[11][3] = "8/8"; // Nghĩa Hưng's heads
    const s6 = sampleRows("S6");
    s6[2][3] = -3; // An Hà's women
    const workbook = await clerkWorkbook([plainSheet("S4", s4), plainSheet("S6", s6)]);
    const analysis = analyseWorkbook(workbook);
    expect(located(analysis.findings.filter((f) => f.sheet === "Trưởng thôn" || f.sheet === "Cấp ủy"))).toEqual([
      ["Trưởng thôn", `D${rowOf("S4", "Nghĩa Hưng")}`, "not-a-number"],
      ["Cấp ủy", `D${rowOf("S6", "An Hà")}`, "negative-value"],
    ]);
    expect(figures(analysis, "C5", "D6", "D7")).toEqual({ C5: [179 / 276, 179, 276], D6: [61 / 287, 61, 287], D7: [65 / 300, 65, 300] });
    const counts = (id: string) => [indicator(analysis, id).rowsLeftOut, indicator(analysis, id).inputFindings];
    expect([counts("C5"), counts("D6"), counts("D7")]).toEqual([[1, 1], [1, 1], [0, 0]]);
    const sheet = writtenFormulasAgree(workbook, analysis);
    expect(sheet.value(analysis.summarySheet, summaryCell(analysis, "C5"))).toBeCloseTo(179 / 276, 9);
    expect(sheet.value(analysis.summarySheet, summaryCell(analysis, "D6"))).toBeCloseTo(61 / 287, 9);
  });
});

describe("input formulas, hidden and struck-through rows", () => {
  it("reads a formula worth 0 as 0, computes one saved without a result, and reports one it cannot compute", async () => {
    const s1 = sampleRows("S1");
    const vôi = DATA_ROW;
    s1[0][4] = { formula: `D${vôi}-${s1[0][3]}`, result: 0 } as Cell; // combined = 0, cached
    s1[1][5] = { formula: `${s1[1][5]}+0` } as Cell; // members, no cached result: a tool that does not compute saved it
    const workbook = await clerkWorkbook([plainSheet("S1", s1)]);
    expect(workbook.getWorksheet("Tổ chức đảng")!.getCell(`E${vôi}`).value).toEqual({ formula: `D${vôi}-19` }); // ExcelJS's value drops the 0
    const analysis = analyseWorkbook(workbook);
    expect(onSheet(analysis, "Tổ chức đảng")).toEqual([]);
    expect(figures(analysis, "A4", "A5").A4[0]).toBe(1);
    expect(figures(analysis, "A5").A5[2]).toBe(sampleRows("S1").reduce((a, r) => a + (r[5] as number), 0));
    writtenFormulasAgree(workbook, analysis);

    const unreadable = sampleRows("S1");
    unreadable[2][5] = { formula: "VLOOKUP(B8,'Nguồn'!A:B,2,0)" } as Cell;
    const other = analyseWorkbook(await clerkWorkbook([plainSheet("S1", unreadable)]));
    expect(onSheet(other, "Tổ chức đảng")).toEqual([["Tổ chức đảng", "F8", "formula-not-computed"]]);
    expect(indicator(other, "A5").rowsLeftOut).toBe(1);
  });

  it("counts hidden and struck-through rows: hiding does not delete", async () => {
    const sheet = { ...plainSheet("S4"), hiddenRows: [8, 9], struckRows: [10] };
    const workbook = await clerkWorkbook([sheet]);
    const analysis = analyseWorkbook(workbook);
    expect(figures(analysis, "C5").C5).toEqual([187 / 284, 187, 284]);
    expect(onSheet(analysis, "Trưởng thôn")).toEqual([]);
    writtenFormulasAgree(workbook, analysis);
  });
});

describe("sheets under other names", () => {
  it("reads abbreviated sheets by their header row and says which was read as which", async () => {
    const workbook = await clerkWorkbook([plainSheet("S1", sampleRows("S1"), "TCD"), plainSheet("S3", sampleRows("S3"), "PTDV"), plainSheet("S5", sampleRows("S5"), "CBCS"), plainSheet("S6", sampleRows("S6"), "Cap uy")]);
    const analysis = analyseWorkbook(workbook);
    expect(located(analysis.findings.filter((f) => f.code === "sheet-read-as"))).toEqual([
      ["TCD", null, "sheet-read-as"],
      ["CBCS", null, "sheet-read-as"],
    ]);
    expect(renderFinding(analysis.findings.find((f) => f.sheet === "TCD")!, "vi")).toContain("được đọc là sheet “Tổ chức đảng”");
    expect([figures(analysis, "A3").A3[0], figures(analysis, "C1").C1[0], figures(analysis, "D6").D6.slice(1), figures(analysis, "D1").D1.slice(1)]).toEqual([412, 895, [64, 300], [489, 500]]);
    writtenFormulasAgree(workbook, analysis);
  });

  it("does not guess between two sheets that both look like one", async () => {
    const analysis = analyseWorkbook(await clerkWorkbook([plainSheet("S1", sampleRows("S1"), "TCD"), plainSheet("S1", sampleRows("S1"), "TCD (2)")]));
    expect(located(analysis.findings.filter((f) => f.sheet === "Tổ chức đảng" || f.sheet?.startsWith("TCD")))).toEqual([["Tổ chức đảng", null, "ambiguous-sheet"]]);
    expect(indicator(analysis, "A3").status).toBe("no_data");
  });
});

describe("header variants", () => {
  it("reads one header row merged over two rows, and its column-number row “(1) (2) (3) (4)” as header", async () => {
    const rows: Cell[][] = [["BIỂU TRƯỞNG THÔN"], [], HEADERS.S4, [], ["(1)", "(2)", "(3)", "(4)"], ...sampleRows("S4")];
    const workbook = await clerkWorkbook([{ name: "Trưởng thôn", rows, merges: ["A3:A4", "B3:B4", "C3:C4", "D3:D4"] }]);
    const analysis = analyseWorkbook(workbook);
    expect(figures(analysis, "C5").C5).toEqual([187 / 284, 187, 284]);
    expect(onSheet(analysis, "Trưởng thôn")).toEqual([]);
    writtenFormulasAgree(workbook, analysis);
  });

  it("gives a generic sub-header its group header's meaning: “Trưởng thôn là đảng viên” over “Số lượng | Tỷ lệ (%)”, numbered “A B 1 2 3=2/1”", async () => {
    const data = sampleRows("S4").map((r) => [...r, Math.round(((r[3] as number) / (r[2] as number)) * 1000) / 10]);
    const rows: Cell[][] = [
      ["HUYỆN ỦY LẠNG GIANG"],
      [],
      ["STT", "Xã, thị trấn", "Số thôn, tổ dân phố", "Trưởng thôn là đảng viên", null],
      [null, null, null, "Số lượng", "Tỷ lệ (%)"],
      ["A", "B", 1, 2, "3=2/1"],
      ...data,
    ];
    const workbook = await clerkWorkbook([{ name: "Trưởng thôn", rows, merges: ["A3:A4", "B3:B4", "C3:C4", "D3:E3"] }]);
    const analysis = analyseWorkbook(workbook);
    expect(figures(analysis, "C5").C5).toEqual([187 / 284, 187, 284]);
    expect(onSheet(analysis, "Trưởng thôn")).toEqual([]);
    writtenFormulasAgree(workbook, analysis);
  });

  it("reads a numbering row with a formula legend “(5)=(4)/(3)” as header", async () => {
    const rows: Cell[][] = [["BIỂU CẤP ỦY"], HEADERS.S6, ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(3)/(2)"], ...sampleRows("S6")];
    const analysis = analyseWorkbook(await clerkWorkbook([{ name: "Cấp ủy", rows }]));
    expect(figures(analysis, "D6").D6).toEqual([64 / 300, 64, 300]);
    expect(onSheet(analysis, "Cấp ủy")).toEqual([]);
  });
});

describe("the Chỉ tiêu sheet and unit names", () => {
  it("reports a missing Chỉ tiêu sheet as a warning, and Tính lại creates it with the summary pointing at it", async () => {
    const workbook = await clerkWorkbook([plainSheet("S4")]);
    const analysis = analyseWorkbook(workbook);
    const missing = analysis.findings.filter((f) => f.sheet === "Chỉ tiêu");
    expect(located(missing)).toEqual([["Chỉ tiêu", null, "missing-sheet"]]);
    expect(missing[0].severity).toBe("warning");
    const sheet = writtenFormulasAgree(workbook, analysis);
    const row = summaryRow(analysis, "C5");
    const target = workbook.getWorksheet(analysis.summarySheet)!.getCell(`F${row}`).value as { formula: string };
    expect(target.formula).toContain("'Chỉ tiêu'!$D$");
    expect(sheet.value(analysis.summarySheet, `F${row}`)).toBe(0.75);
    expect(located(analyseWorkbook(workbook).findings.filter((f) => f.sheet === "Chỉ tiêu"))).toEqual([]);
  });

  it("matches i/y spellings, notes a name typed without diacritics, and gives one typo one finding", async () => {
    const s4 = sampleRows("S4");
    s4[9][1] = "Mĩ Thái";
    s4[8][1] = "Xã Mĩ Hà";
    s4[10][1] = "Nghia Hoa";
    s4[15][1] = "Tân Hưg";
    const analysis = analyseWorkbook(await clerkWorkbook([plainSheet("S4", s4)]));
    expect(onSheet(analysis, "Trưởng thôn")).toEqual([
      ["Trưởng thôn", "B16", "unit-without-diacritics"],
      ["Trưởng thôn", "B21", "unknown-unit"],
    ]);
    expect(renderFinding(analysis.findings.find((f) => f.code === "unknown-unit")!, "vi")).toContain("Có phải “Tân Hưng”?");
  });
});
