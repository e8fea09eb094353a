import { type Catalogue, missingSeverity } from "../definitions/compile";
import type { Profile } from "../definitions/schema";
import { atSeverity, finding } from "../findings/findings";
import type { Finding, SheetGrid, WorkbookSnapshot } from "../model";
import { quoteSheetName } from "../expr";
import { cellAt } from "../read/grid";
import { absoluteAddress } from "../a1";
import { locateLayout } from "../read/sheet-layout";
import { unitDirectory } from "../read/units";
import { validateSheet } from "../validate/sheet";
import { findSheet } from "../workbook/read-workbook";

/** Where an indicator's baseline or target comes from: a cell of the Chỉ tiêu sheet, or the profile's default. */
interface FigureSource {
  value: number | null;
  /** Absolute reference to the Chỉ tiêu cell, e.g. `'Chỉ tiêu'!$D$6`; null when the figure is the profile's. */
  reference: string | null;
}

export interface TargetsReading {
  sheet: string | null;
  figures: Map<string, { baseline: FigureSource; target: FigureSource }>;
  findings: Finding[];
}

const finiteNumber = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function readTargets(snapshot: WorkbookSnapshot, defs: Catalogue, profile: Profile, skip: Set<string>): TargetsReading {
  const defaults = (id: string): { baseline: FigureSource; target: FigureSource } => ({
    baseline: { value: profile.indicators[id]?.baseline ?? null, reference: null },
    target: { value: profile.indicators[id]?.target ?? null, reference: null },
  });
  const figures = new Map(defs.indicators.map((i) => [i.id, defaults(i.id)]));
  const def = defs.targets.def;
  const grid: SheetGrid | undefined = findSheet(snapshot, def.name, def.aliases, skip);
  // Without the sheet the profile's targets apply, and "Tính lại" creates the sheet from them.
  if (!grid) return { sheet: null, figures, findings: [atSeverity(finding("missing-sheet", def.name, null), missingSeverity(def))] };
  const layout = locateLayout(grid, def, defs.totalsLabels);
  if (!layout) return { sheet: null, figures, findings: [] };
  const { findings } = validateSheet(grid, defs.targets, layout, defs, unitDirectory(defs, profile));
  const idCol = layout.columns.get("id")!;
  for (const row of layout.dataRows) {
    const id = String(cellAt(grid, row, idCol) ?? "").trim().toUpperCase();
    if (!figures.has(id)) continue;
    const source = (field: string): FigureSource | null => {
      const col = layout.columns.get(field);
      if (col === undefined) return null;
      // The summary reads the cell as Excel does: only a real number counts.
      return { value: finiteNumber(cellAt(grid, row, col)), reference: `${quoteSheetName(grid.name)}!${absoluteAddress(row, col)}` };
    };
    const current = figures.get(id)!;
    figures.set(id, { baseline: source("baseline") ?? current.baseline, target: source("target") ?? current.target });
  }
  return { sheet: grid.name, figures, findings };
}
