import fc from "fast-check";
import { parseCellNumber, parseNumberText } from "../../src/core/read/cell-number";
import { formatNumber, formatPercent, roundExcel } from "../../src/core/findings/format";
import { closest, matchKey } from "../../src/core/text/normalize";

describe("matchKey", () => {
  it.each([
    ["Số đảng viên", "SO DANG VIEN"],
    ["Tổ chức   đảng", "to chuc dang"],
    ["Cấp uỷ", "Cấp ủy"],
    ["Đảng bộ", "dang bo"],
    ["Số thôn,\ntổ dân phố", "so thon to dan pho"],
    ["Trong đó: khu vực nông thôn", "Trong đó - Khu vực nông thôn"],
    ["Trưởng thôn".normalize("NFD"), "Trưởng thôn".normalize("NFC")],
  ])("treats %j and %j as the same header", (a, b) => {
    expect(matchKey(a)).toBe(matchKey(b));
  });

  it("keeps different words apart", () => {
    expect(matchKey("Số chi bộ trực thuộc")).not.toBe(matchKey("Số chi bộ sinh hoạt ghép"));
  });

  it("ignores case, diacritics and spacing for any text (property)", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(matchKey(s.toUpperCase())).toBe(matchKey(s.toLowerCase()));
        expect(matchKey(`  ${s}  `)).toBe(matchKey(s));
      }),
    );
  });
});

describe("closest", () => {
  it("suggests the commune a typo was meant to be", () => {
    expect(closest("Nghia Hung", ["Nghĩa Hưng", "Nghĩa Hòa", "Tân Hưng"])).toBe("Nghĩa Hưng");
    expect(closest("Xuong Lam", ["Xương Lâm", "Đại Lâm"])).toBe("Xương Lâm");
  });
  it("suggests nothing for a name from elsewhere", () => {
    expect(closest("Lục Nam", ["Nghĩa Hưng", "Tân Thanh", "Vôi", "Kép"])).toBeNull();
  });
});

describe("parseNumberText reads Vietnamese separators", () => {
  it.each([
    ["1.234", 1234],
    ["1.234.567", 1234567],
    ["42,5", 42.5],
    ["1.234,5", 1234.5],
    ["42,5%", 0.425],
    ["100%", 1],
    ["1 234", 1234],
    ["1.5", 1.5],
    ["-3", -3],
    ["0", 0],
    ["  12 ", 12],
  ])("%j is %d", (text, value) => {
    expect(parseNumberText(text)).toBeCloseTo(value, 12);
  });
  it.each(["abc", "8/8", "1,2,3", "12a", "", "%"])("%j is not a number", (text) => {
    expect(parseNumberText(text)).toBeNull();
  });
});

describe("parseCellNumber", () => {
  it("sees a fraction such as 8/8 as its own kind, so the message can say what to type", () => {
    expect(parseCellNumber("8/8")).toEqual({ kind: "fraction", text: "8/8" });
  });
  it("reports a formula error as an error", () => {
    expect(parseCellNumber({ error: "#DIV/0!" })).toEqual({ kind: "error", error: "#DIV/0!" });
  });
  it("marks numbers that came from text", () => {
    expect(parseCellNumber("1.234")).toEqual({ kind: "number", value: 1234, fromText: true });
    expect(parseCellNumber(1234)).toEqual({ kind: "number", value: 1234, fromText: false });
  });
  it("treats blanks and spaces as blank", () => {
    expect(parseCellNumber(null).kind).toBe("blank");
    expect(parseCellNumber("   ").kind).toBe("blank");
  });
});

describe("roundExcel rounds halves away from zero on the decimal digits", () => {
  it.each([
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [-2.5, 0, -3],
    [0.5, 0, 1],
    [65.84507042253522, 1, 65.8],
    [87.79342723004694, 1, 87.8],
    [1e-17, 9, 0],
  ])("ROUND(%d, %d) = %d", (x, digits, expected) => {
    expect(roundExcel(x, digits)).toBe(expected);
  });
});

describe("number display", () => {
  it("uses Vietnamese separators in vi and English ones in en", () => {
    expect(formatNumber(1234.5, "vi")).toBe("1.234,5");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
    expect(formatPercent(187 / 284, "vi")).toBe("65,8%");
    expect(formatPercent(187 / 284, "en")).toBe("65.8%");
    expect(formatPercent(187 / 284 / 0.75, "vi")).toBe("87,8%");
  });
});
