import { absoluteAddress, absoluteColumnRange, address, columnIndex, columnLetter, parseAddress, parseRange, rangeAddress } from "../../src/core/a1";

describe("A1 notation", () => {
  it.each([
    [0, "A"],
    [4, "E"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s, and back", (col, letters) => {
    expect(columnLetter(col)).toBe(letters);
    expect(columnIndex(letters)).toBe(col);
    expect(columnIndex(letters.toLowerCase())).toBe(col);
  });

  it("writes cell, absolute and range addresses from zero-based rows and columns", () => {
    expect(address(6, 4)).toBe("E7");
    expect(absoluteAddress(5, 5)).toBe("$F$6");
    expect(rangeAddress(6, 3, 6, 5)).toBe("D7:F7");
    expect(rangeAddress(4, 1, 4, 1)).toBe("B5:B5");
    expect(absoluteColumnRange(4, 6, 55)).toBe("$E$7:$E$56");
  });

  it("reads an address, relative or absolute, in either case", () => {
    expect(parseAddress("E7")).toEqual({ row: 6, col: 4 });
    expect(parseAddress("$AA$10")).toEqual({ row: 9, col: 26 });
    expect(parseAddress("xfd1048576")).toEqual({ row: 1048575, col: 16383 });
    expect(() => parseAddress("7E")).toThrow("not an A1 address: 7E");
    expect(() => parseAddress("A1:B2")).toThrow();
  });

  it("reads a range top-left first, whichever corner it starts from; one cell is a range of one", () => {
    expect(parseRange("B2:D9")).toEqual({ top: 1, left: 1, bottom: 8, right: 3 });
    expect(parseRange("D9:B2")).toEqual({ top: 1, left: 1, bottom: 8, right: 3 });
    expect(parseRange("$C$4")).toEqual({ top: 3, left: 2, bottom: 3, right: 2 });
  });

  it("round-trips every address it writes", () => {
    for (const [row, col] of [[0, 0], [9, 26], [1048575, 16383]]) {
      expect(parseAddress(address(row, col))).toEqual({ row, col });
      expect(parseAddress(absoluteAddress(row, col))).toEqual({ row, col });
    }
  });
});
