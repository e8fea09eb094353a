import type { CellRange, CellValue, SheetGrid, WorkbookSnapshot } from "../../src/core/model";
import { bundledCatalogue } from "../../src/core/definitions/bundled";
import { analyse } from "../../src/core/analyse";

/** A sheet grid written the way a person lays it out: rows of cells from A1, and merges as "A5:A6". */
export function grid(name: string, rows: CellValue[][], merges: string[] = []): SheetGrid {
  return { name, values: rows.map((r) => r.map((v) => (v === undefined ? null : v))), merges: merges.map(range) };
}

function range(a1: string): CellRange {
  const [a, b = a] = a1.split(":");
  const p = (x: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(x)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const [tl, br] = [p(a), p(b)];
  return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
}

export const NOW = new Date("2026-11-29T03:00:00Z");

export function analyseSheets(...sheets: SheetGrid[]) {
  const { definitions, profile } = bundledCatalogue();
  const snapshot: WorkbookSnapshot = { sheets };
  return analyse(snapshot, definitions, profile, { now: NOW, version: "test" });
}

export function located(findings: { sheet: string | null; cell: string | null; code: string }[]) {
  return findings.map((f) => [f.sheet, f.cell, f.code]);
}
