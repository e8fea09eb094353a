import type { LegacyEncoding } from "../text/legacy-encoding";
import { decodeLegacy, detectWorkbookSheetEncoding } from "../text/legacy-encoding";
import type { CellValue, SheetGrid, WorkbookSnapshot } from "../model";

export interface LegacySheet {
  encoding: LegacyEncoding;
  /** Cells whose text was decoded, as [row, col]. */
  cells: [number, number][];
  decodedName: string;
}

const VOTERS = 2000;

/** Windows-1252's characters outside Latin-1 (curly quotes, dashes, bullets): 8-bit text can hold them too. */
const CP1252_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
const OUTSIDE_8_BIT = new RegExp(`[^\\u0000-\\u00ff${CP1252_EXTRA}]`);

/** Text as an 8-bit legacy font stores it: every character one a Windows code page byte can give, some above ASCII. */
function mayBeLegacy(text: string): boolean {
  return /[\u0080-\u00ff]/.test(text) && !OUTSIDE_8_BIT.test(text);
}

/**
 * The workbook as the engine matches it: sheets voted TCVN3 or VNI have their legacy texts (and names, for
 * finding them) decoded to Unicode. Grids keep their real names, so formulas and findings point at the workbook.
 */
export function decodeLegacySheets(snapshot: WorkbookSnapshot): { snapshot: WorkbookSnapshot; legacy: Map<string, LegacySheet> } {
  const legacy = new Map<string, LegacySheet>();
  const sheets = snapshot.sheets.map((grid): SheetGrid => {
    const texts: string[] = [grid.name];
    for (const row of grid.values) {
      for (const v of row ?? []) {
        if (typeof v === "string" && /[^\u0000-\u007f]/.test(v)) texts.push(v);
        if (texts.length >= VOTERS) break;
      }
      if (texts.length >= VOTERS) break;
    }
    const { encoding } = detectWorkbookSheetEncoding(texts);
    if (!encoding) return grid;
    const cells: [number, number][] = [];
    const values = grid.values.map((row, r) =>
      (row ?? []).map((v, c): CellValue => {
        if (typeof v !== "string" || !mayBeLegacy(v)) return v;
        cells.push([r, c]);
        return decodeLegacy(v, encoding);
      }),
    );
    const decodedName = mayBeLegacy(grid.name) ? decodeLegacy(grid.name, encoding) : grid.name;
    legacy.set(grid.name, { encoding, cells, decodedName });
    return { ...grid, values, legacy: { encoding, decodedName } };
  });
  return { snapshot: { sheets }, legacy };
}
