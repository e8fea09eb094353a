import { readFileSync } from "node:fs";
import { analyse } from "../../src/core/analyse";
import { bundledCatalogue } from "../../src/core/definitions/bundled";
import type { Language } from "../../src/core/findings/format";
import type { Reason, ReasonCode } from "../../src/core/findings/reasons";
import { renderFinding, renderReason } from "../../src/core/findings/render";
import { type CellValue, FINDING_CODES, type Finding, type FindingCode, type SheetGrid, type WorkbookSnapshot } from "../../src/core/model";
import { SUMMARY_SHEET } from "../../src/core/workbook/ownership";
import { unusableReason } from "../../src/hosts/xlsx/inspect-file";
import { loadWorkbook, snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import { buildDefectWorkbook, buildWorkbookWithoutSheet } from "../fixtures/defects";
import { NOW } from "../helpers/grid";
import { legacyCopy, SAMPLE } from "../helpers/legacy";

const { definitions, profile } = bundledCatalogue();
const LANGUAGES: Language[] = ["vi", "en"];
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýĂÂĐÊÔƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸÀÁÈÉÌÍÒÓÙÚÝ]/;

function run(snapshot: WorkbookSnapshot): Finding[] {
  return analyse(snapshot, definitions, profile, { now: NOW, version: "test" }).findings;
}

function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetGrid {
  return snapshot.sheets.find((s) => s.name === name)!;
}

/** The row (zero-based) whose first cells hold `text`. */
function rowOf(grid: SheetGrid, text: string): number {
  const row = grid.values.findIndex((r) => r.slice(0, 3).includes(text));
  if (row < 0) throw new Error(`${grid.name}: no row for “${text}”; the sample's layout changed`);
  return row;
}

function setCell(grid: SheetGrid, row: number, col: number, value: CellValue, formula?: string): void {
  grid.values[row][col] = value;
  if (formula) {
    grid.formulas ??= [];
    grid.formulas[row] ??= [];
    grid.formulas[row][col] = formula;
  }
}

/**
 * The sample with the defects the planted-defect workbook does not hold: a name without diacritics, a number
 * typed as text, a formula with no result, a blank unit name, a renamed sheet, two sheets alike, a person's own summary sheet.
 */
async function hostileSnapshot(): Promise<WorkbookSnapshot> {
  const snapshot = snapshotOf(await loadWorkbook(readFileSync(SAMPLE)));
  const villages = sheetOf(snapshot, "Trưởng thôn");
  const tanThinh = rowOf(villages, "Tân Thịnh");
  setCell(villages, tanThinh, 1, "Tan Thinh");
  setCell(villages, tanThinh + 1, 2, String(villages.values[tanThinh + 1][2]));
  const cadres = sheetOf(snapshot, "Cán bộ cơ sở");
  setCell(cadres, rowOf(cadres, "Xã An Hà"), 2, null, "XLOOKUP(B1,Z:Z,Y:Y)");
  const committees = sheetOf(snapshot, "Cấp ủy");
  setCell(committees, rowOf(committees, "Đảng bộ xã Đào Mỹ"), 1, null);
  committees.name = "CU";
  const firms = sheetOf(snapshot, "Doanh nghiệp");
  firms.name = "DN 1";
  snapshot.sheets.push({ ...firms, name: "DN 2" });
  snapshot.sheets.push({ name: SUMMARY_SHEET, values: [["Ghi chú của tôi"]], merges: [] });
  return snapshot;
}

/** Every string a finding's params (and its place) carry, longest first, so that a value inside another is removed after it. */
function paramTexts(f: Finding): string[] {
  const texts: string[] = [f.sheet ?? "", f.cell ?? ""];
  const walk = (v: unknown): void => {
    if (typeof v === "string") texts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(f.params);
  return texts.filter(Boolean).sort((a, b) => b.length - a.length);
}

function withoutValues(text: string, values: readonly string[]): string {
  return values.reduce((t, v) => t.split(v).join(""), text);
}

function expectClean(text: string): void {
  expect(text).not.toMatch(/\{\w+\}|undefined|NaN|\[object/);
  expect(text.trim()).not.toBe("");
}

describe("every finding renders in Vietnamese and in English from its code and params", () => {
  const found = new Map<FindingCode, Finding[]>();
  beforeAll(async () => {
    const runs = [
      run(snapshotOf((await buildDefectWorkbook()).workbook)),
      run(snapshotOf(await buildWorkbookWithoutSheet("Trưởng thôn"))),
      run(snapshotOf(await legacyCopy((sheet) => (sheet === "Trưởng thôn" ? "tcvn3" : sheet === "Cấp ủy" ? "vni" : null)))),
      run(await hostileSnapshot()),
    ];
    // Every code comes from a real run: none has to be built by hand through the factory.
    for (const f of runs.flat()) found.set(f.code, [...(found.get(f.code) ?? []), f]);
  });

  it("covers every code from real runs over the sample, the planted defects and the hostile workbooks", () => {
    expect(FINDING_CODES.filter((code) => !found.has(code))).toEqual([]);
  });

  it("leaves no placeholder, undefined, NaN or object in either language", () => {
    for (const f of [...found.values()].flat()) for (const language of LANGUAGES) expectClean(renderFinding(f, language));
  });

  it("writes English without Vietnamese letters outside the values the finding quotes", () => {
    for (const f of [...found.values()].flat()) {
      const english = withoutValues(renderFinding(f, "en"), paramTexts(f));
      expect([f.code, english]).toEqual([f.code, expect.not.stringMatching(VIETNAMESE_LETTERS)]);
    }
  });

  it("renders the planted C5 rule violation at Trưởng thôn D25 word for word in both languages", () => {
    const rule = found.get("rule-violation")!.find((f) => f.sheet === "Trưởng thôn" && f.cell === "D25")!;
    expect(renderFinding(rule, "vi")).toBe("Ô D25: “Số trưởng thôn là đảng viên” (15) phải không lớn hơn “Số thôn, tổ dân phố” (12) của Tân Thịnh.");
    expect(renderFinding(rule, "en")).toBe("Cell D25: “Số trưởng thôn là đảng viên” (15) must be at most “Số thôn, tổ dân phố” (12) for Tân Thịnh.");
  });

  it("renders a typed ratio as percentages, and the hostile workbook's findings word for word", () => {
    const ratio = found.get("reported-ratio-mismatch")![0];
    expect(renderFinding(ratio, "en")).toBe("Cell E24: the ratio typed by hand, 90%, differs from the computed 41.67% (by more than 0.1 percentage point).");
    const read = found.get("sheet-read-as")!.find((f) => f.sheet === "CU")!;
    expect(renderFinding(read, "vi")).toBe("Sheet “CU” không mang tên “Cấp ủy” nhưng có hàng tiêu đề của sheet đó, nên được đọc là sheet “Cấp ủy”.");
    const ambiguous = found.get("ambiguous-sheet")![0];
    expect(renderFinding(ambiguous, "en")).toBe(
      "Several sheets look like “Doanh nghiệp”: “DN 1”, “DN 2”. Rename one of them to “Doanh nghiệp” so that the add-in knows which to read.",
    );
    const unknown = found.get("unknown-unit")!.find((f) => f.cell === "B17")!;
    expect(renderFinding(unknown, "vi")).not.toMatch(/huyện/);
  });

  it("names a unit with a blank name by its row, in each language", () => {
    const blank = found.get("blank-required")!.find((f) => f.sheet === "CU")!;
    const named = found.get("blank-required")!.find((f) => f.sheet === "Tổ chức đảng" && f.cell === "F40")!;
    expect(renderFinding(named, "en")).toMatch(/^Cell F40 \(column “.+”\) of Chi bộ Trường THPT Thái Đào is empty\. Enter the figure\.$/);
    expect([renderFinding(blank, "vi"), renderFinding(blank, "en")]).toEqual([`Ô ${blank.cell} (cột “Xã, thị trấn”) của dòng 12 đang trống. Hãy nhập số liệu.`, `Cell ${blank.cell} (column “Xã, thị trấn”) of row 12 is empty. Enter the figure.`]);
  });
});

describe("every reason a district file is refused renders in both languages", () => {
  const REASONS: { [K in ReasonCode]: Reason & { code: K } } = {
    "empty-file": unusableReason(new Uint8Array()) as Reason & { code: "empty-file" },
    encrypted: { code: "encrypted" },
    xls: { code: "xls" },
    csv: { code: "csv" },
    ods: { code: "ods" },
    "not-xlsx": unusableReason(new Uint8Array([1, 2, 3, 4, 5])) as Reason & { code: "not-xlsx" },
    "corrupt-zip": { code: "corrupt-zip" },
    "too-big": { code: "too-big", params: { gigabytes: 4, entries: 2 } },
    "unreadable-xlsx": { code: "unreadable-xlsx", params: { detail: "End of data reached (data length = 0, asked index = 4)" } },
    "file-not-found": { code: "file-not-found" },
    "duplicate-district": { code: "duplicate-district", params: { district: "Lạng Giang", earlierFile: "lang-giang.xlsx" } },
  };

  it.each(Object.values(REASONS))("$code", (reason) => {
    const values = Object.values(reason.params ?? {}).filter((v): v is string => typeof v === "string");
    for (const language of LANGUAGES) expectClean(renderReason(reason, language));
    expect(withoutValues(renderReason(reason, "en"), values)).not.toMatch(VIETNAMESE_LETTERS);
  });

  it("keeps the Vietnamese words the province sheet has always written", () => {
    expect(renderReason(REASONS["too-big"], "vi")).toBe("tệp khai báo giải nén ra 4.0 GB trong 2 mục — quá lớn cho một workbook, có thể hỏng hoặc độc hại");
    expect(renderReason(REASONS["duplicate-district"], "en")).toBe("a second file for Lạng Giang (the first is lang-giang.xlsx); only the first is counted, never both");
  });
});
