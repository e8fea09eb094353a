import { analyseSheets, grid, located } from "../helpers/grid";
import { renderFinding } from "../../src/core/findings/render";

const TITLE = [["HUYỆN ỦY LẠNG GIANG"], ["BAN TỔ CHỨC"], ["BIỂU TỔNG HỢP TRƯỞNG THÔN LÀ ĐẢNG VIÊN"], []];

function headVillages(rows: unknown[][], extraHeader: string[] = []) {
  return grid("Trưởng thôn", [...TITLE, ["STT", "Xã, thị trấn", "Số thôn, tổ dân phố", "Số trưởng thôn là đảng viên", ...extraHeader], ...(rows as never[][])]);
}

function s4Findings(result: ReturnType<typeof analyseSheets>) {
  return result.findings.filter((f) => f.sheet === "Trưởng thôn" && f.code !== "missing-unit");
}

describe("reading the district's sheets as they are laid out", () => {
  it("finds the header below title rows and reads the data under it", () => {
    const result = analyseSheets(headVillages([[1, "Nghĩa Hưng", 8, 8], [2, "Tân Thanh", 12, 5]]));
    const c5 = result.indicators.find((i) => i.id === "C5")!;
    expect([c5.numerator, c5.denominator]).toEqual([13, 20]);
    expect(s4Findings(result)).toEqual([]);
  });

  it("reads a header spread over two rows with merged parent cells", () => {
    const s3 = grid(
      "Phát triển đảng viên",
      [
        ["BIỂU PHÁT TRIỂN ĐẢNG VIÊN"],
        [],
        ["TT", "Tên TCCSĐ", "Chỉ tiêu kết nạp", "Số đảng viên kết nạp", "Trong đó", null],
        [null, null, null, null, "Khu vực\nnông thôn", "Trưởng, phó thôn"],
        [1, "Đảng bộ xã Nghĩa Hưng", 40, 45, 30, 5],
        [2, "Xã Tân Thanh", 30, 28, 20, 2],
        ["", "Tổng cộng", 70, 73, 50, 7],
      ],
      ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:F3"],
    );
    const result = analyseSheets(s3);
    const byId = Object.fromEntries(result.indicators.map((i) => [i.id, i.actual]));
    expect([byId.C1, byId.C2, byId.C4]).toEqual([73, 50, 7]);
    expect(result.findings.filter((f) => f.sheet === "Phát triển đảng viên" && f.code !== "missing-unit")).toEqual([]);
  });

  it("matches headers whatever their case, diacritics, line breaks, spaces and tone placement", () => {
    const s6 = grid("CẤP UỶ", [["stt", "XA, THI TRAN", "số   cấp\nuỷ viên", "Cấp ủy viên NỮ", "cap uy vien tre", "Cấp ủy viên mới tham gia"], [1, "Vôi", 15, 3, 4, 5]]);
    const result = analyseSheets(s6);
    const d6 = result.indicators.find((i) => i.id === "D6")!;
    expect([d6.numerator, d6.denominator]).toEqual([3, 15]);
    expect(result.findings.filter((f) => f.code === "unknown-column" || f.code === "missing-column")).toEqual([]);
  });

  it("skips blank separator rows and checks the totals row without counting it", () => {
    const result = analyseSheets(headVillages([[1, "Nghĩa Hưng", 8, 8], [], [2, "Tân Thanh", 12, 5], ["", "Tổng cộng", 21, 13]]));
    expect(located(s4Findings(result))).toEqual([["Trưởng thôn", "C9", "total-mismatch"]]);
    expect(result.indicators.find((i) => i.id === "C5")!.denominator).toBe(20);
  });

  it("reports an unknown column as info and never touches it", () => {
    const result = analyseSheets(headVillages([[1, "Nghĩa Hưng", 8, 8, "ghi chú"]], ["Ghi chú"]));
    expect(located(s4Findings(result))).toEqual([["Trưởng thôn", "E5", "unknown-column"]]);
    const writes = result.plan.ops.filter((o) => o.op === "setCells" && o.sheet === "Trưởng thôn");
    expect(writes.every((o) => o.op === "setCells" && !o.anchor.startsWith("E"))).toBe(true);
  });

  it("matches unit names with or without a prefix and suggests the closest for a typo", () => {
    const result = analyseSheets(
      headVillages([
        [1, "Xã Nghĩa Hưng", 8, 8],
        [2, "TT Vôi", 10, 7],
        [3, "Thị trấn Kép", 9, 6],
        [4, "Đảng bộ xã Tân Dĩnh", 9, 6],
        [5, "Nghia Hung", 8, 8],
        [6, "Xã Tân Thnah", 12, 5],
      ]),
    );
    const found = s4Findings(result);
    expect(located(found)).toEqual([
      ["Trưởng thôn", "B10", "unit-without-diacritics"],
      ["Trưởng thôn", "B10", "duplicate-unit"],
      ["Trưởng thôn", "B11", "unknown-unit"],
    ]);
    expect(renderFinding(found[2], "vi")).toContain("Có phải “Tân Thanh”?");
  });

  it("reads numbers typed as text with Vietnamese separators, and says Excel will not add them", () => {
    const result = analyseSheets(headVillages([[1, "Nghĩa Hưng", "8", 8]]));
    expect(located(s4Findings(result))).toEqual([["Trưởng thôn", "C6", "number-as-text"]]);
  });

  it("treats a fraction such as 8/8 in a count cell as an error with a hint", () => {
    const result = analyseSheets(headVillages([[1, "Nghĩa Hưng", "8/8", 8]]));
    const [f] = s4Findings(result);
    expect([f.cell, f.code, f.severity]).toEqual(["C6", "not-a-number", "error"]);
    expect(renderFinding(f, "vi")).toContain("không ghi phân số");
  });

  it("finds a sheet whose name differs in case and diacritics", () => {
    const result = analyseSheets(grid("TRUONG THON", [["Xã, thị trấn", "Số thôn, tổ dân phố", "Số trưởng thôn là đảng viên"], ["Vôi", 10, 7]]));
    expect(result.findings.filter((f) => f.code === "missing-sheet").map((f) => f.sheet)).not.toContain("Trưởng thôn");
    expect(result.indicators.find((i) => i.id === "C5")!.actual).toBeCloseTo(0.7, 12);
  });

  it("says a sheet is missing and gives its indicators no data, never zero", () => {
    const result = analyseSheets(headVillages([[1, "Nghĩa Hưng", 8, 8]]));
    expect(located(result.findings.filter((f) => f.code === "missing-sheet"))).toContainEqual(["Cấp ủy", null, "missing-sheet"]);
    const d6 = result.indicators.find((i) => i.id === "D6")!;
    expect([d6.actual, d6.status]).toEqual([null, "no_data"]);
  });
});
