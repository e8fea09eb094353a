/**
 * The Lạng Giang sample: its data file, the workbook built from it and the planted-defect variant,
 * checked by reading cells back with ExcelJS, independently of the add-in's engine.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import definitions from "../seeds/de-an-02.definitions.json";
import profile from "../seeds/lang-giang.profile.json";
import data from "../seeds/lang-giang.sample.json";
import { buildSampleWorkbook } from "../scripts/build-sample";
import { buildDefectWorkbook, buildWorkbookWithoutSheet, type ExpectedFinding } from "./fixtures/defects";

const SAMPLE_FILE = path.resolve(__dirname, "../seeds/lang-giang.xlsx");

// ---------------------------------------------------------------------------------------------
// Helpers: plain ExcelJS reading, a small text key, sums.

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function key(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const COMMUNES = profile.communes.map((c) => c.name);
const COMMUNE_SET = new Set(COMMUNES);
const ORGANISATIONS = profile.organisations.map((o) => o.name);
const PREFIXES = definitions.unitPrefixes.commune.map(key).sort((a, b) => b.length - a.length);

/** The profile unit a typed name stands for: a commune with or without its prefix, or an organisation as named. */
function unitOf(text: string): string | null {
  let k = key(text);
  const prefix = PREFIXES.find((p) => k.startsWith(`${p} `));
  const bare = prefix ? k.slice(prefix.length + 1) : k;
  const commune = COMMUNES.find((c) => key(c) === bare || key(c) === k);
  if (commune) return commune;
  k = key(text);
  return ORGANISATIONS.find((o) => key(o) === k) ?? null;
}

/** A cell as a reader sees it: a formula gives its cached result; a merged slave cell reads as empty. */
function valueAt(ws: ExcelJS.Worksheet, address: string): unknown {
  const cell = ws.getCell(address);
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  const v = cell.value;
  if (v && typeof v === "object" && "formula" in v) return v.result ?? null;
  return v ?? null;
}

function numberAt(ws: ExcelJS.Worksheet, address: string): number {
  const v = valueAt(ws, address);
  if (typeof v !== "number") throw new Error(`${ws.name}!${address} holds ${JSON.stringify(v)}, not a number`);
  return v;
}

function formulaAt(ws: ExcelJS.Worksheet, address: string): string | null {
  const v = ws.getCell(address).value;
  return v && typeof v === "object" && "formula" in v ? (v.formula ?? null) : null;
}

async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return copy;
}

interface CellDump {
  value: string;
  numFmt: string | null;
}

/** Every non-empty cell (value, formula and number format) and every merge of every sheet. */
function dump(workbook: ExcelJS.Workbook): Record<string, { cells: Record<string, CellDump>; merges: string[] }> {
  const out: Record<string, { cells: Record<string, CellDump>; merges: string[] }> = {};
  workbook.eachSheet((ws) => {
    const cells: Record<string, CellDump> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        cells[cell.address] = { value: JSON.stringify(cell.value), numFmt: cell.numFmt ?? null };
      }),
    );
    out[ws.name] = { cells, merges: [...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort() };
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The layout the sample promises: header rows 6–7, data from row 8, one blank row, a totals row.

type FieldColumns = Record<string, string>;

interface Layout {
  /** JSON key of the sheet's rows. */
  id: "S1" | "S2" | "S3" | "S4" | "S5" | "S6" | "S7";
  last: string;
  fields: FieldColumns;
  /** Data rows, in the JSON's order. */
  rows: number[];
  blank: number | null;
  totals: number | null;
  /** Totals row holds SUM formulas (with their cached result) rather than typed numbers. */
  formulas: boolean;
  headers: Record<string, string>;
  merges: string[];
}

const LAYOUTS: Record<string, Layout> = {
  "Tổ chức đảng": {
    id: "S1",
    last: "H",
    fields: { unit: "B", type: "C", branches: "D", combined: "E", members: "F", attending: "G", rating: "H" },
    rows: [...range(8, 30), ...range(32, 58)],
    blank: 31,
    totals: 59,
    formulas: true,
    headers: { A6: "STT", B6: "Tên tổ chức cơ sở đảng", C6: "Loại hình", D6: "Số chi bộ\ntrực thuộc", E6: "Số chi bộ\nsinh hoạt ghép", F6: "Đảng viên", F7: "Tổng số", G7: "Dự sinh hoạt\nbình quân", H6: "Xếp loại" },
    merges: ["A6:A7", "B6:B7", "C6:C7", "D6:D7", "E6:E7", "F6:G6", "H6:H7", "A59:B59"],
  },
  "Doanh nghiệp": {
    id: "S2",
    last: "C",
    fields: { kind: "B", founded: "C" },
    rows: [8, 10, 11, 12],
    blank: 9,
    totals: null,
    formulas: false,
    headers: { A6: "STT", B6: "Loại tổ chức", C6: "Số thành lập mới" },
    merges: ["A6:A7", "B6:B7", "C6:C7"],
  },
  "Phát triển đảng viên": {
    id: "S3",
    last: "F",
    fields: { unit: "B", quota: "C", admitted: "D", rural: "E", village_heads: "F" },
    rows: [...range(8, 30), ...range(32, 58)],
    blank: 31,
    totals: 59,
    formulas: false,
    headers: { A6: "STT", B6: "Tên tổ chức cơ sở đảng", C6: "Chỉ tiêu\nkết nạp", D6: "Số đảng viên\nkết nạp", E6: "Trong đó", E7: "Khu vực nông thôn", F7: "Trưởng, phó thôn" },
    merges: ["A6:A7", "B6:B7", "C6:C7", "D6:D7", "E6:F6", "A59:B59"],
  },
  "Trưởng thôn": {
    id: "S4",
    last: "E",
    fields: { unit: "B", villages: "C", heads_members: "D" },
    rows: [...range(8, 27), ...range(29, 31)],
    blank: 28,
    totals: 32,
    formulas: true,
    headers: { A6: "STT", B6: "Xã, thị trấn", C6: "Số thôn,\ntổ dân phố", D6: "Số trưởng thôn\nlà đảng viên", E6: "Tỷ lệ (%)" },
    merges: ["A6:A7", "B6:B7", "C6:C7", "D6:D7", "E6:E7", "A32:B32"],
  },
  "Cán bộ cơ sở": {
    id: "S5",
    last: "I",
    fields: { unit: "B", staff: "C", staff_qualified: "D", staff_college: "E", key_staff: "F", key_qualified: "G", key_university: "H", key_political: "I" },
    rows: [8, 9, ...range(11, 31)],
    blank: 10,
    totals: 32,
    formulas: false,
    headers: {
      A6: "STT",
      B6: "Xã, thị trấn",
      C6: "Cán bộ, công chức",
      C7: "Tổng số",
      D7: "Đạt chuẩn\nchuyên môn",
      E7: "Trình độ\ncao đẳng, đại học",
      F6: "Cán bộ chủ chốt",
      F7: "Số lượng",
      G7: "Đạt chuẩn\nchuyên môn",
      H7: "Trình độ\nđại học",
      I7: "Trung cấp LLCT\ntrở lên",
    },
    merges: ["A6:A7", "B6:B7", "C6:E6", "F6:I6", "A32:B32"],
  },
  "Cấp ủy": {
    id: "S6",
    last: "F",
    fields: { unit: "B", committee: "C", women: "D", young: "E", newcomers: "F" },
    rows: [...range(8, 19), ...range(21, 31)],
    blank: 20,
    totals: 32,
    formulas: false,
    headers: { A6: "STT", B6: "Xã, thị trấn", C6: "Tổng số\ncấp ủy viên", D6: "Trong đó", D7: "Nữ", E7: "Trẻ", F7: "Mới tham gia" },
    merges: ["A6:A7", "B6:B7", "C6:C7", "D6:F6", "A32:B32"],
  },
  "Chỉ tiêu": {
    id: "S7",
    last: "E",
    fields: { id: "B", name: "C", baseline: "D", target: "E" },
    rows: range(8, 30),
    blank: null,
    totals: null,
    formulas: false,
    headers: { A6: "STT", B6: "Mã chỉ tiêu", C6: "Tên chỉ tiêu", D6: "Trước Đề án", E6: "Mục tiêu" },
    merges: ["A6:A7", "B6:B7", "C6:C7", "D6:D7", "E6:E7"],
  },
};

const TABLE_SHEETS = Object.keys(LAYOUTS);
const COUNT_FIELDS = (layout: Layout) => Object.keys(layout.fields).filter((f) => !["unit", "type", "rating", "kind", "id", "name", "baseline", "target"].includes(f));
const rowsOf = (id: Layout["id"]) => data[id] as unknown as Record<string, string | number | null>[];

// ---------------------------------------------------------------------------------------------

describe("the sample data file", () => {
  const s1Types = new Map([...profile.communes.map((c) => [c.name, c.kind === "xã" ? "Đảng bộ xã" : "Đảng bộ thị trấn"] as const), ...profile.organisations.map((o) => [o.name, o.type] as const)]);
  const TSVM = new Set(["Trong sạch vững mạnh", "TSVM"]);

  it("lists the profile's 50 party organisations on S1 and S3, communes and towns first, each with its type", () => {
    const units = [...COMMUNES, ...ORGANISATIONS];
    expect(data.S1.map((r) => r.unit)).toEqual(units);
    expect(data.S3.map((r) => r.unit)).toEqual(units);
    for (const r of data.S1) expect([r.unit, r.type]).toEqual([r.unit, s1Types.get(r.unit)]);
    const count = (type: string) => data.S1.filter((r) => r.type === type).length;
    expect([count("Đảng bộ xã") + count("Đảng bộ thị trấn"), count("Đảng bộ cơ quan"), count("Chi bộ cơ sở")]).toEqual([23, 5, 22]);
  });

  it("has 412 subordinate branches and one combined branch, none under a chi bộ cơ sở", () => {
    expect(sum(data.S1.map((r) => r.branches))).toBe(412);
    expect(sum(data.S1.map((r) => r.combined))).toBe(1);
    for (const r of data.S1) {
      expect(r.combined).toBeLessThanOrEqual(r.branches);
      if (r.type === "Chi bộ cơ sở") expect([r.unit, r.branches, r.combined]).toEqual([r.unit, 0, 0]);
    }
    expect(data.S1.filter((r) => r.combined > 0).every((r) => COMMUNE_SET.has(r.unit))).toBe(true);
  });

  it.each([
    ["Đảng bộ xã", 150, 700],
    ["Đảng bộ thị trấn", 150, 700],
    ["Đảng bộ cơ quan", 40, 250],
    ["Chi bộ cơ sở", 8, 60],
  ])("gives every %s between %d and %d members", (type, min, max) => {
    for (const r of data.S1.filter((u) => u.type === type)) {
      expect(r.members).toBeGreaterThanOrEqual(min);
      expect(r.members).toBeLessThanOrEqual(max);
    }
  });

  it("has an attendance between 90% and 93% overall, with Đào Mỹ, Mỹ Thái and Phi Mô below 90%", () => {
    for (const r of data.S1) expect(r.attending).toBeLessThanOrEqual(r.members);
    const ratio = sum(data.S1.map((r) => r.attending)) / sum(data.S1.map((r) => r.members));
    expect(ratio).toBeGreaterThanOrEqual(0.9);
    expect(ratio).toBeLessThanOrEqual(0.93);
    const below = data.S1.filter((r) => r.attending / r.members < 0.9).map((r) => r.unit);
    expect(below.length).toBeGreaterThanOrEqual(3);
    expect(below).toEqual(expect.arrayContaining(["Đào Mỹ", "Mỹ Thái", "Phi Mô"]));
  });

  it("rates most organisations TSVM (some typed as the alias) but not Đào Mỹ, Tân Thanh, Kép or Mỹ Thái", () => {
    const choices = new Set(["Trong sạch vững mạnh", "TSVM", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"]);
    for (const r of data.S1) expect(choices.has(r.rating)).toBe(true);
    expect(data.S1.filter((r) => TSVM.has(r.rating)).length).toBeGreaterThan(data.S1.length / 2);
    expect(data.S1.some((r) => r.rating === "TSVM")).toBe(true);
    for (const unit of ["Đào Mỹ", "Tân Thanh", "Kép", "Mỹ Thái"]) {
      const rating = data.S1.find((r) => r.unit === unit)!.rating;
      expect([unit, ["Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ"].includes(rating)]).toEqual([unit, true]);
    }
  });

  it("counts the organisations founded in private enterprises as the article does", () => {
    expect(data.S2).toEqual([
      { kind: "Chi bộ đảng", founded: 2 },
      { kind: "Công đoàn", founded: 11 },
      { kind: "Hội phụ nữ", founded: 2 },
      { kind: "Đoàn thanh niên", founded: 3 },
    ]);
  });

  it("admits 895 members against a quota of 800: 354 rural and 60 village heads, all in communes", () => {
    expect([sum(data.S3.map((r) => r.quota)), sum(data.S3.map((r) => r.admitted)), sum(data.S3.map((r) => r.rural)), sum(data.S3.map((r) => r.village_heads))]).toEqual([800, 895, 354, 60]);
    for (const r of data.S3) {
      expect(r.rural).toBeLessThanOrEqual(r.admitted);
      expect(r.village_heads).toBeLessThanOrEqual(r.admitted);
      if (!COMMUNE_SET.has(r.unit)) expect([r.unit, r.rural, r.village_heads]).toEqual([r.unit, 0, 0]);
    }
    // Towns are urban: their admissions are not rural.
    for (const town of profile.communes.filter((c) => c.kind === "thị trấn")) expect(data.S3.find((r) => r.unit === town.name)!.rural).toBe(0);
  });

  it("has 187 party-member village heads in 284 villages, with the article's eight communes exactly", () => {
    expect(data.S4.map((r) => r.unit)).toEqual(COMMUNES);
    expect([sum(data.S4.map((r) => r.villages)), sum(data.S4.map((r) => r.heads_members))]).toEqual([284, 187]);
    for (const r of data.S4) expect(r.heads_members).toBeLessThanOrEqual(r.villages);
    const article: [string, number, number][] = [
      ["Nghĩa Hưng", 8, 8],
      ["Quang Thịnh", 11, 13],
      ["Mỹ Thái", 7, 8],
      ["Nghĩa Hòa", 7, 10],
      ["Tân Thịnh", 9, 12],
      ["Tân Thanh", 5, 12],
      ["Xương Lâm", 9, 20],
      ["Hương Sơn", 10, 24],
    ];
    for (const [unit, heads, villages] of article) {
      const r = data.S4.find((u) => u.unit === unit)!;
      expect([unit, r.heads_members, r.villages]).toEqual([unit, heads, villages]);
    }
  });

  it("puts Tân Thanh and Hương Sơn (5/12 = 10/24), then Xương Lâm (9/20), first among the communes below the 75% target", () => {
    const below = data.S4.map((r) => ({ unit: r.unit, ratio: r.heads_members / r.villages }))
      .filter((r) => r.ratio < 0.75)
      .sort((a, b) => a.ratio - b.ratio);
    expect(new Set(below.slice(0, 2).map((r) => r.unit))).toEqual(new Set(["Tân Thanh", "Hương Sơn"]));
    expect(below[2].unit).toBe("Xương Lâm");
    for (const r of below.slice(3)) expect(r.ratio).toBeGreaterThan(0.45);
  });

  it.each([
    ["S5", "staff", 500],
    ["S5", "staff_qualified", 489],
    ["S5", "staff_college", 254],
    ["S5", "key_staff", 140],
    ["S5", "key_qualified", 140],
    ["S5", "key_university", 71],
    ["S5", "key_political", 140],
    ["S6", "committee", 300],
    ["S6", "women", 64],
    ["S6", "young", 65],
    ["S6", "newcomers", 100],
  ] as const)("sums %s.%s to %d", (sheet, field, total) => {
    expect(sum(rowsOf(sheet).map((r) => r[field] as number))).toBe(total);
  });

  it("keeps every commune row of S5 and S6 within its own limits", () => {
    expect(data.S5.map((r) => r.unit)).toEqual(COMMUNES);
    expect(data.S6.map((r) => r.unit)).toEqual(COMMUNES);
    for (const r of data.S5) {
      for (const v of [r.staff_qualified, r.staff_college, r.key_staff]) expect([r.unit, v <= r.staff]).toEqual([r.unit, true]);
      for (const v of [r.key_qualified, r.key_university, r.key_political]) expect([r.unit, v <= r.key_staff]).toEqual([r.unit, true]);
    }
    for (const r of data.S6) for (const v of [r.women, r.young, r.newcomers]) expect([r.unit, v <= r.committee]).toEqual([r.unit, true]);
  });

  it("lists every indicator A1…D8 with the catalogue's name and the profile's baseline and target", () => {
    const figures = profile.indicators as Record<string, { baseline?: number; target?: number }>;
    expect(data.S7).toEqual(definitions.indicators.map((i) => ({ id: i.id, name: i.name, baseline: figures[i.id]?.baseline ?? null, target: figures[i.id]?.target ?? null })));
    expect(data.S7).toHaveLength(23);
  });

  it("says which figures are the article's and which are illustrative", () => {
    const article = data.articleFigures.join("\n");
    expect(article).toContain("Nghĩa Hưng 8/8, Quang Thịnh 11/13, Mỹ Thái 7/8, Nghĩa Hòa 7/10, Tân Thịnh 9/12, Tân Thanh 5/12, Xương Lâm 9/20, Hương Sơn 10/24");
    for (const figure of ["412", "895", "354", "187", "65,8%", "97,8%", "50,8%", "50,7%", "21,3%", "21,7%", "1/3"]) expect(article).toContain(figure);
    expect(data.illustrativeFigures.join("\n")).toContain("284");
  });
});

describe("the sample workbook", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await roundTrip(await buildSampleWorkbook());
  });
  const ws = (name: string) => wb.getWorksheet(name)!;

  it("has the notes sheet first, then the canonical sheets", () => {
    const names: string[] = [];
    wb.eachSheet((s) => names.push(s.name));
    expect(names).toEqual(["Ghi chú", ...TABLE_SHEETS]);
  });

  it("is dated and signed the same on every build", () => {
    expect([wb.creator, wb.lastModifiedBy]).toEqual(["Ban Tổ chức Huyện ủy Lạng Giang", "Ban Tổ chức Huyện ủy Lạng Giang"]);
    expect([wb.created.toISOString(), wb.modified.toISOString()]).toEqual(["2019-07-01T01:00:00.000Z", "2019-07-01T01:00:00.000Z"]);
  });

  it("states on the notes sheet each of the article's figures and each illustrative one", () => {
    const text: string[] = [];
    ws("Ghi chú").eachRow((row) => text.push(String(row.getCell(1).value)));
    const all = text.join("\n");
    expect(all).toContain("Số liệu lấy từ bài báo");
    expect(all).toContain("Số liệu minh họa");
    for (const line of [...data.articleFigures, ...data.illustrativeFigures]) expect(all).toContain(line);
  });

  it.each(TABLE_SHEETS)("%s opens with the district's title rows", (name) => {
    const sheet = ws(name);
    const last = LAYOUTS[name].last;
    expect([valueAt(sheet, "A1"), valueAt(sheet, "A2")]).toEqual(["HUYỆN ỦY LẠNG GIANG", "BAN TỔ CHỨC"]);
    const title = String(valueAt(sheet, "A3"));
    expect(title).toBe(title.toLocaleUpperCase("vi"));
    expect(sheet.getCell("A3").font.bold).toBe(true);
    expect(sheet.getCell("A4").font.italic).toBe(true);
    expect(String(valueAt(sheet, "A4"))).toMatch(/^\(.*\)$/);
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining([`A3:${last}3`, `A4:${last}4`]));
    for (const col of range(1, 10)) expect(valueAt(sheet, `${String.fromCharCode(64 + col)}5`)).toBeNull();
  });

  it.each(TABLE_SHEETS)("%s has its two-row header in rows 6–7 with the promised merges", (name) => {
    const sheet = ws(name);
    const layout = LAYOUTS[name];
    for (const [address, text] of Object.entries(layout.headers)) expect([address, valueAt(sheet, address)]).toEqual([address, text]);
    const merges = (sheet.model as unknown as { merges: string[] }).merges.filter((m) => !/^A[34]:/.test(m));
    expect([...merges].sort()).toEqual([...layout.merges].sort());
  });

  it.each(TABLE_SHEETS)("%s headers name each field by its canonical header or an alias, read with or without the parent", (name) => {
    const sheet = ws(name);
    const layout = LAYOUTS[name];
    const names: Record<string, string[]> =
      layout.id === "S7"
        ? Object.fromEntries(Object.entries(definitions.targetsSheet.columns).map(([f, c]) => [f, [c.header, ...c.aliases]]))
        : Object.fromEntries(definitions.sheets.find((s) => s.id === layout.id)!.columns.map((c) => [c.field, [c.header, ...c.aliases]]));
    for (const [field, letter] of Object.entries(layout.fields)) {
      // A parent merged across several columns heads each of them.
      const parent = String(sheet.getCell(`${letter}6`).master.value ?? "");
      const child = String(valueAt(sheet, `${letter}7`) ?? "");
      const readings = child ? [`${parent} ${child}`, child, parent] : [parent];
      const known = new Set(names[field].map(key));
      expect([field, readings.some((r) => known.has(key(r)))]).toEqual([field, true]);
    }
  });

  it.each(TABLE_SHEETS)("%s holds the data file's rows from row 8, numbered, with one blank row", (name) => {
    const sheet = ws(name);
    const layout = LAYOUTS[name];
    const rows = rowsOf(layout.id);
    expect(layout.rows).toHaveLength(rows.length);
    rows.forEach((r, i) => {
      const row = layout.rows[i];
      expect([row, valueAt(sheet, `A${row}`)]).toEqual([row, i + 1]);
      for (const [field, letter] of Object.entries(layout.fields)) {
        const v = valueAt(sheet, `${letter}${row}`);
        if (field === "unit") expect([row, unitOf(String(v))]).toEqual([row, r.unit]);
        else expect([`${letter}${row}`, v]).toEqual([`${letter}${row}`, r[field]]);
      }
    });
    if (layout.blank !== null) for (const col of range(1, 12)) expect(valueAt(sheet, `${String.fromCharCode(64 + col)}${layout.blank}`)).toBeNull();
    const after = layout.totals ?? layout.rows[layout.rows.length - 1];
    for (const col of range(1, 12)) expect(valueAt(sheet, `${String.fromCharCode(64 + col)}${after + 1}`)).toBeNull();
  });

  it.each(TABLE_SHEETS.filter((n) => LAYOUTS[n].totals !== null))("%s ends with a “Tổng cộng” row equal to the sum of the rows above", (name) => {
    const sheet = ws(name);
    const layout = LAYOUTS[name];
    const t = layout.totals!;
    expect(valueAt(sheet, `A${t}`)).toBe("Tổng cộng");
    for (const field of COUNT_FIELDS(layout)) {
      const letter = layout.fields[field];
      const total = sum(layout.rows.map((r) => numberAt(sheet, `${letter}${r}`)));
      expect([`${letter}${t}`, numberAt(sheet, `${letter}${t}`)]).toEqual([`${letter}${t}`, total]);
      const formula = formulaAt(sheet, `${letter}${t}`);
      expect(formula).toBe(layout.formulas ? `SUM(${letter}8:${letter}${t - 1})` : null);
    }
  });

  it("reproduces the district totals on the totals rows", () => {
    const at = (sheet: string, address: string) => numberAt(ws(sheet), address);
    expect([at("Tổ chức đảng", "D59"), at("Tổ chức đảng", "E59")]).toEqual([412, 1]);
    expect(["C59", "D59", "E59", "F59"].map((a) => at("Phát triển đảng viên", a))).toEqual([800, 895, 354, 60]);
    expect([at("Trưởng thôn", "C32"), at("Trưởng thôn", "D32"), at("Trưởng thôn", "E32")]).toEqual([284, 187, 0.658]);
    expect(["C", "D", "E", "F", "G", "H", "I"].map((c) => at("Cán bộ cơ sở", `${c}32`))).toEqual([500, 489, 254, 140, 140, 71, 140]);
    expect(["C", "D", "E", "F"].map((c) => at("Cấp ủy", `${c}32`))).toEqual([300, 64, 65, 100]);
  });

  it("types each village-head ratio as staff do: heads / villages to one decimal of a percent, formatted 0.0%", () => {
    const sheet = ws("Trưởng thôn");
    for (const row of LAYOUTS["Trưởng thôn"].rows) {
      const heads = numberAt(sheet, `D${row}`);
      const villages = numberAt(sheet, `C${row}`);
      const typed = numberAt(sheet, `E${row}`);
      expect([row, typed]).toEqual([row, Math.round((heads * 1000) / villages) / 1000]);
      expect(Math.abs(typed - heads / villages)).toBeLessThanOrEqual(0.0005);
      expect(sheet.getCell(`E${row}`).numFmt).toBe("0.0%");
      expect(formulaAt(sheet, `E${row}`)).toBeNull();
    }
  });

  it("formats counts as #,##0 and the targets sheet's ratios as 0.0%", () => {
    for (const name of TABLE_SHEETS.filter((n) => n !== "Chỉ tiêu")) {
      const layout = LAYOUTS[name];
      for (const field of COUNT_FIELDS(layout)) {
        for (const row of [...layout.rows, ...(layout.totals ? [layout.totals] : [])]) expect([name, field, row, ws(name).getCell(`${layout.fields[field]}${row}`).numFmt]).toEqual([name, field, row, "#,##0"]);
      }
    }
    const units = new Map(definitions.indicators.map((i) => [i.id, i.unit]));
    const targets = ws("Chỉ tiêu");
    for (const row of LAYOUTS["Chỉ tiêu"].rows) {
      const format = units.get(String(valueAt(targets, `B${row}`))) === "ratio" ? "0.0%" : "#,##0";
      expect([row, targets.getCell(`D${row}`).numFmt, targets.getCell(`E${row}`).numFmt]).toEqual([row, format, format]);
    }
  });

  it("types unit names the several ways a district office does", () => {
    const typed = new Set<string>();
    for (const name of ["Tổ chức đảng", "Phát triển đảng viên", "Trưởng thôn", "Cán bộ cơ sở", "Cấp ủy"]) {
      for (const row of LAYOUTS[name].rows) typed.add(String(valueAt(ws(name), `B${row}`)));
    }
    for (const spelling of ["Xã Nghĩa Hưng", "Nghĩa Hưng", "TT Vôi", "Thị trấn Kép", "Đảng bộ xã Tân Dĩnh", "Đảng bộ thị trấn Vôi", "Đảng ủy xã Xuân Hương"]) expect([spelling, typed.has(spelling)]).toEqual([spelling, true]);
    const s4 = LAYOUTS["Trưởng thôn"].rows.map((r) => String(valueAt(ws("Trưởng thôn"), `B${r}`)));
    expect(s4.some((t) => t.startsWith("Xã "))).toBe(true);
    expect(s4.some((t) => COMMUNE_SET.has(t))).toBe(true);
  });

  it("has borders on every header, data and totals cell", () => {
    for (const name of TABLE_SHEETS) {
      const layout = LAYOUTS[name];
      const lastCol = layout.last.charCodeAt(0) - 64;
      for (const row of [6, 7, ...layout.rows, ...(layout.totals ? [layout.totals] : [])]) {
        for (const col of range(1, lastCol)) {
          const border = ws(name).getCell(row, col).border;
          expect([name, row, col, Boolean(border?.top && border?.bottom && border?.left && border?.right)]).toEqual([name, row, col, true]);
        }
      }
    }
  });

  it("is the committed seeds/lang-giang.xlsx, cell for cell, so the file cannot drift from its data", async () => {
    const committed = new ExcelJS.Workbook();
    await committed.xlsx.load(readFileSync(SAMPLE_FILE) as unknown as ArrayBuffer);
    expect(dump(committed)).toEqual(dump(wb));
  });
});

describe("the planted-defect workbook", () => {
  let sample: ExcelJS.Workbook;
  let defects: ExcelJS.Workbook;
  let expected: ExpectedFinding[];
  beforeAll(async () => {
    sample = await roundTrip(await buildSampleWorkbook());
    const built = await buildDefectWorkbook();
    defects = await roundTrip(built.workbook);
    expected = built.expected;
  });

  it("plants one defect of every code the catalogue names, each at its own place", () => {
    const codes = ["missing-column", "blank-required", "not-a-number", "not-integer", "negative-value", "invalid-choice", "rule-violation", "total-mismatch", "unknown-unit", "duplicate-unit", "missing-unit", "formula-error", "reported-ratio-mismatch", "unknown-column", "cross-sheet-mismatch"];
    expect(new Set(expected.map((f) => f.code))).toEqual(new Set(codes));
    const located = expected.filter((f) => f.cell !== null).map((f) => `${f.sheet}!${f.cell}`);
    expect(new Set(located).size).toBe(located.length);
  });

  it("holds each planted defect in its cell", () => {
    const at = (sheet: string, address: string) => defects.getWorksheet(sheet)!.getCell(address).value;
    expect(at("Tổ chức đảng", "F40")).toBeNull();
    expect(at("Tổ chức đảng", "C34")).toBe("Đảng bộ phường");
    for (const row of range(6, 59)) expect(valueAt(defects.getWorksheet("Tổ chức đảng")!, `E${row}`)).toBeNull();
    expect(at("Doanh nghiệp", "D6")).toBe("Ghi chú");
    expect(at("Phát triển đảng viên", "E14")).toEqual({ formula: "1/0", result: { error: "#DIV/0!" } });
    expect(at("Trưởng thôn", "C19")).toBe("8/8");
    expect([at("Trưởng thôn", "D25"), at("Trưởng thôn", "C25")]).toEqual([15, 12]);
    expect([at("Trưởng thôn", "E24"), at("Trưởng thôn", "D24"), at("Trưởng thôn", "C24")]).toEqual([0.9, 5, 12]);
    expect(at("Cán bộ cơ sở", "C11")).toBe(21.5);
    expect(at("Cán bộ cơ sở", "B17")).toBe("Xã Lục Nam");
    expect(at("Cấp ủy", "D12")).toBe(-3);
    expect([at("Cấp ủy", "B27"), at("Cấp ủy", "B23")]).toEqual(["Đảng bộ xã Tân Dĩnh", "Đảng bộ xã Tân Dĩnh"]);
  });

  it("changes only the cells it lists, the totals it recomputes and the emptied column", () => {
    const before = dump(sample);
    const after = dump(defects);
    const changed: string[] = [];
    for (const sheet of Object.keys(before)) {
      const addresses = new Set([...Object.keys(before[sheet].cells), ...Object.keys(after[sheet].cells)]);
      for (const a of addresses) if (before[sheet].cells[a]?.value !== after[sheet].cells[a]?.value) changed.push(`${sheet}!${a}`);
    }
    const planted = expected.filter((f) => f.cell !== null).map((f) => `${f.sheet}!${f.cell}`);
    const recomputedTotals = ["Tổ chức đảng!F59", "Phát triển đảng viên!D59", "Phát triển đảng viên!E59", "Trưởng thôn!C32", "Trưởng thôn!D32", "Cán bộ cơ sở!C32", "Cấp ủy!D32"];
    const emptiedColumn = [6, ...range(8, 30), ...range(32, 59)].map((r) => `Tổ chức đảng!E${r}`);
    const retypedRatio = ["Trưởng thôn!E25"];
    expect(changed.sort()).toEqual([...new Set([...planted, ...recomputedTotals, ...emptiedColumn, ...retypedRatio])].sort());

    const mergesChanged = Object.keys(before).flatMap((sheet) => [
      ...before[sheet].merges.filter((m) => !after[sheet].merges.includes(m)).map((m) => `-${sheet}!${m}`),
      ...after[sheet].merges.filter((m) => !before[sheet].merges.includes(m)).map((m) => `+${sheet}!${m}`),
    ]);
    expect(mergesChanged.sort()).toEqual(["+Doanh nghiệp!D6:D7", "-Tổ chức đảng!E6:E7"]);
  });

  it("keeps every totals row equal to its rows (counting only numbers) except the planted total-mismatch", () => {
    const mismatches: string[] = [];
    for (const name of TABLE_SHEETS.filter((n) => LAYOUTS[n].totals !== null)) {
      const sheet = defects.getWorksheet(name)!;
      const layout = LAYOUTS[name];
      for (const field of COUNT_FIELDS(layout)) {
        const letter = layout.fields[field];
        const total = valueAt(sheet, `${letter}${layout.totals}`);
        if (total === null) continue;
        const rows = sum(layout.rows.map((r) => valueAt(sheet, `${letter}${r}`)).map((v) => (typeof v === "number" ? v : 0)));
        if (total !== rows) mismatches.push(`${name}!${letter}${layout.totals}: ${String(total)} ≠ ${rows}`);
      }
    }
    expect(mismatches).toEqual(["Cấp ủy!C32: 310 ≠ 300"]);
  });

  it("keeps the SUM formulas of S1 and S4 with cached results that match their rows", () => {
    const s4 = defects.getWorksheet("Trưởng thôn")!;
    expect([formulaAt(s4, "C32"), numberAt(s4, "C32"), formulaAt(s4, "D32"), numberAt(s4, "D32")]).toEqual(["SUM(C8:C31)", 276, "SUM(D8:D31)", 193]);
    const s1 = defects.getWorksheet("Tổ chức đảng")!;
    expect([formulaAt(s1, "F59"), numberAt(s1, "F59")]).toEqual(["SUM(F8:F58)", sum(data.S1.map((r) => r.members)) - 24]);
  });

  it("can leave out one sheet, keeping the others untouched", async () => {
    const without = await buildWorkbookWithoutSheet("Cấp ủy");
    const names: string[] = [];
    without.eachSheet((s) => names.push(s.name));
    expect(names).toEqual(["Ghi chú", ...TABLE_SHEETS.filter((n) => n !== "Cấp ủy")]);
    const kept = dump(await roundTrip(without));
    const full = dump(sample);
    for (const name of names) expect(kept[name]).toEqual(full[name]);
    await expect(buildWorkbookWithoutSheet("Không có")).rejects.toThrow("Không có");
  });
});
