/** A1 notation, one of each: column letters, cell and range addresses (relative or absolute), and their parsing. Rows and columns are zero-based. */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(col0: number): string {
  let n = col0 + 1;
  let letters = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 0, "AA" → 26; lower case is read as upper case. */
export function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** (6, 4) → "E7". */
export function address(row0: number, col0: number): string {
  return `${columnLetter(col0)}${row0 + 1}`;
}

/** (5, 5) → "$F$6". */
export function absoluteAddress(row0: number, col0: number): string {
  return `$${columnLetter(col0)}$${row0 + 1}`;
}

/** (6, 4, 8, 5) → "E7:F9"; a one-cell range keeps both ends ("E7:E7"). */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  return `${address(top, left)}:${address(bottom, right)}`;
}

/** (4, 6, 55) → "$E$7:$E$56": a column's rows, absolute, as aggregate formulas read them. */
export function absoluteColumnRange(col0: number, firstRow0: number, lastRow0: number): string {
  return `${absoluteAddress(firstRow0, col0)}:${absoluteAddress(lastRow0, col0)}`;
}

/** "E7" or "$E$7" → { row: 6, col: 4 }. */
export function parseAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1.toUpperCase());
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** "B2:C4", "C4:B2" or "C4" → zero-based inclusive bounds, top-left first. */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [first, last = first] = range.split(":");
  const a = parseAddress(first);
  const b = parseAddress(last);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}
