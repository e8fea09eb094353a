import fc from "fast-check";
import { analyseWorkbook, clerkWorkbook, HEADERS, sampleRows, summaryCell, writtenFormulasAgree, type Cell } from "../helpers/clerk";
import { located } from "../helpers/grid";

const ROMAN = ["I", "II", "III", "IV", "V", "VI"];
const LETTERS = ["A", "B", "C", "D", "E", "F"];

/** How one clerk lays out the Trưởng thôn sheet: where sections start, how they are labelled, what is typed as text. */
const layoutArbitrary = fc.record({
  titleRows: fc.integer({ min: 0, max: 4 }),
  cuts: fc.uniqueArray(fc.integer({ min: 1, max: 22 }), { maxLength: 4 }).map((c) => c.sort((a, b) => a - b)),
  heading: fc.constantFrom("roman-in-stt", "roman-in-name", "letter-dot", "capitals", "none"),
  subtotal: fc.constantFrom("Cộng", "Cộng {n}", "Cộng ({n})", "Cộng khối {i}", "none"),
  grand: fc.constantFrom("Tổng cộng", "Toàn huyện", "Tổng số", "TỔNG CỘNG", null),
  blankAfter: fc.uniqueArray(fc.integer({ min: 0, max: 22 }), { maxLength: 3 }),
  textCells: fc.uniqueArray(fc.record({ row: fc.integer({ min: 0, max: 22 }), col: fc.constantFrom(2, 3), style: fc.constantFrom("plain", "spaced", "nbsp") }), { maxLength: 4, selector: (t) => `${t.row}:${t.col}` }),
});

type Layout = typeof layoutArbitrary extends fc.Arbitrary<infer T> ? T : never;

function build(layout: Layout): { rows: Cell[][]; merges: string[] } {
  const data = sampleRows("S4");
  const typed = (r: number, c: number, v: number): Cell => {
    const t = layout.textCells.find((x) => x.row === r && x.col === c);
    if (!t) return v;
    return t.style === "plain" ? String(v) : t.style === "spaced" ? ` ${v} ` : `${v}\u00a0`;
  };
  const rows: Cell[][] = Array.from({ length: layout.titleRows }, (_, i) => (i === 0 ? ["HUYỆN ỦY LẠNG GIANG"] : []));
  rows.push(HEADERS.S4);
  const merges: string[] = [];
  const bounds = [0, ...layout.cuts, 23];
  const sections = layout.subtotal === "none" && layout.heading === "none" ? [[0, 23]] : bounds.slice(0, -1).map((b, i) => [b, bounds[i + 1]]);
  sections.forEach(([from, to], s) => {
    if (layout.heading === "roman-in-stt") rows.push([ROMAN[s], `Cụm ${s + 1}`]);
    else if (layout.heading === "roman-in-name") rows.push([null, `${ROMAN[s]}. CỤM XÃ SỐ ${s + 1}`]);
    else if (layout.heading === "letter-dot") rows.push([`${LETTERS[s]}.`, null]);
    else if (layout.heading === "capitals") {
      rows.push([null, `CỤM ${s + 1}`]);
      merges.push(`B${rows.length}:D${rows.length}`);
    }
    for (let r = from; r < to; r++) {
      rows.push([data[r][0], data[r][1], typed(r, 2, data[r][2] as number), typed(r, 3, data[r][3] as number)]);
      if (layout.blankAfter.includes(r)) rows.push([]);
    }
    if (layout.subtotal !== "none") {
      const label = layout.subtotal.replace("{n}", ROMAN[s]).replace("{i}", String(s + 1));
      const part = data.slice(from, to);
      rows.push([null, label, part.reduce((a, r) => a + (r[2] as number), 0), part.reduce((a, r) => a + (r[3] as number), 0)]);
    }
  });
  if (layout.grand) rows.push([null, layout.grand, 284, 187]);
  return { rows, merges };
}

describe("generated layouts of the Trưởng thôn sheet", () => {
  it("give C5 = 187/284 whatever the sections, labels, blank rows and numbers typed as text, and the formulas agree", async () => {
    await fc.assert(
      fc.asyncProperty(layoutArbitrary, async (layout) => {
        const { rows, merges } = build(layout);
        const workbook = await clerkWorkbook([{ name: "Trưởng thôn", rows, merges }]);
        const analysis = analyseWorkbook(workbook);
        const c5 = analysis.indicators.find((i) => i.id === "C5")!;
        expect([c5.numerator, c5.denominator, c5.rowsLeftOut, c5.inputFindings]).toEqual([187, 284, 0, 0]);
        const expected = layout.textCells.length ? [["Trưởng thôn", expect.any(String), "number-as-text"]] : [];
        expect(located(analysis.findings.filter((f) => f.sheet === "Trưởng thôn"))).toEqual(expected);
        const sheet = writtenFormulasAgree(workbook, analysis);
        expect(sheet.value(analysis.summarySheet, summaryCell(analysis, "C5"))).toBeCloseTo(187 / 284, 9);
      }),
      { numRuns: 15 },
    );
  });
});
