import type { Definitions, Profile, SheetDef } from "../definitions/schema";
import { finding } from "../findings/findings";
import type { Finding, SheetGrid, WorkbookSnapshot } from "../model";
import { address } from "../read/grid";
import { totalsLabels } from "../levels";
import { locateLayout } from "../read/sheet-layout";
import { unitDirectory } from "../read/units";
import { matchKey } from "../text/normalize";
import { compare, headerOf, type RowRecord, type SheetReading, validateSheet } from "../validate/sheet";
import { type ColumnMappings, MARKER_SHEET } from "./ownership";

export interface WorkbookReading {
  readings: Map<string, SheetReading>;
  findings: Finding[];
}

export function findSheet(snapshot: WorkbookSnapshot, name: string, aliases: readonly string[], skip: Set<string>): SheetGrid | undefined {
  const keys = [name, ...aliases].map(matchKey);
  const candidates = snapshot.sheets.filter((s) => !skip.has(s.name) && s.name !== MARKER_SHEET);
  return (
    candidates.find((s) => keys.includes(matchKey(s.legacy?.decodedName ?? s.name))) ??
    candidates.find((s) => keys.some((k) => k.length > 3 && matchKey(s.legacy?.decodedName ?? s.name).includes(k)))
  );
}

/** Enough of a definition's columns under one header row to take a sheet for it whatever its name ("TCD", "CBCS"). */
function headerMatches(grid: SheetGrid, def: SheetDef, defs: Definitions): boolean {
  const layout = locateLayout(grid, def, defs.totalsLabels);
  if (!layout) return false;
  return layout.columns.size >= Math.max(2, Math.ceil(def.columns.length * 0.6));
}

type Placement = { grid: SheetGrid; byHeader: boolean } | { ambiguous: string[] } | null;

/** Each sheet definition's sheet: by name or alias first; then, for the rest, the one unclaimed sheet whose header row fits. */
function placeSheets(snapshot: WorkbookSnapshot, defs: Definitions, owned: Set<string>): Map<string, Placement> {
  const taken = new Set(owned);
  const placed = new Map<string, Placement>();
  for (const def of defs.sheets) {
    const grid = findSheet(snapshot, def.name, def.aliases, taken);
    placed.set(def.id, grid ? { grid, byHeader: false } : null);
    if (grid) taken.add(grid.name);
  }
  const targets = findSheet(snapshot, defs.targetsSheet.name, defs.targetsSheet.aliases, taken);
  if (targets) taken.add(targets.name);
  for (const def of defs.sheets) {
    if (placed.get(def.id)) continue;
    const candidates = snapshot.sheets.filter((s) => !taken.has(s.name) && s.name !== MARKER_SHEET && headerMatches(s, def, defs));
    if (candidates.length === 1) {
      placed.set(def.id, { grid: candidates[0], byHeader: true });
      taken.add(candidates[0].name);
    } else if (candidates.length > 1) placed.set(def.id, { ambiguous: candidates.map((c) => c.name) });
  }
  return placed;
}

export function readWorkbook(snapshot: WorkbookSnapshot, defs: Definitions, profile: Profile, owned: Set<string>, mappings: ColumnMappings = new Map()): WorkbookReading {
  const findings: Finding[] = [];
  const readings = new Map<string, SheetReading>();
  const units = unitDirectory(defs, profile);
  const placed = placeSheets(snapshot, defs, owned);
  for (const def of defs.sheets) {
    const placement = placed.get(def.id) ?? null;
    if (placement === null || "ambiguous" in placement) {
      const missing = placement
        ? finding("ambiguous-sheet", def.name, null, { as: def.name, candidates: placement.ambiguous.map((n) => `“${n}”`).join(", ") })
        : finding("missing-sheet", def.name, null);
      findings.push({ ...missing, ...(def.required ? {} : { severity: "warning" as const }) });
      continue;
    }
    if (placement.byHeader) findings.push(finding("sheet-read-as", placement.grid.name, null, { as: def.name }));
    const grid = placement.grid;
    const layout = locateLayout(grid, def, totalsLabels(defs, profile), mappings.get(grid.name));
    if (!layout) {
      const key = def.columns.find((c) => c.field === def.key)!;
      findings.push(finding("missing-column", grid.name, null, { column: key.header }));
      continue;
    }
    const result = validateSheet(grid, def, layout, defs, units);
    findings.push(...result.findings);
    readings.set(def.id, result.reading);
  }
  findings.push(...crossSheetFindings(defs, readings, profile.district));
  return { readings, findings };
}

function crossSheetFindings(defs: Definitions, readings: Map<string, SheetReading>, district: string): Finding[] {
  const findings: Finding[] = [];
  for (const rule of defs.crossSheetRules) {
    const here = readings.get(rule.sheet);
    const there = readings.get(rule.otherSheet);
    if (!here || !there) continue;
    const col = here.layout.columns.get(rule.field);
    const otherCol = there.layout.columns.get(rule.otherField);
    if (col === undefined || otherCol === undefined) continue;
    // Each unit's first record on the other sheet.
    const others = new Map<string, RowRecord>();
    for (const r of there.rows) if (r.unit && !others.has(r.unit.key)) others.set(r.unit.key, r);
    for (const r of here.rows) {
      const value = r.numberOf(rule.field);
      if (value === null || value === undefined || !r.unit) continue;
      const other = others.get(r.unit.key);
      const otherValue = other?.numberOf(rule.otherField) ?? null;
      if (!other || otherValue === null) continue;
      if (!compare(rule.op, value, otherValue)) {
        findings.push(
          finding("cross-sheet-mismatch", here.grid.name, address(r.row, col), {
            column: headerOf(here.def, rule.field),
            unit: r.unit!.name,
            value,
            op: rule.op,
            other: headerOf(there.def, rule.otherField),
            otherValue,
            otherSheet: there.grid.name,
            otherCell: address(other.row, otherCol),
          }),
        );
      }
    }
  }
  const s1 = readings.get("S1");
  if (s1) {
    const inS1 = new Set(s1.rows.map((r) => r.unit?.key).filter(Boolean));
    for (const [id, reading] of readings) {
      if (id === "S1" || reading.def.units !== "all") continue;
      const keyCol = reading.layout.columns.get(reading.def.key)!;
      for (const r of reading.rows) {
        if (r.unit?.kind === "organisation" && !r.unit.known && !inS1.has(r.unit.key)) {
          findings.push(finding("unknown-unit", reading.grid.name, address(r.row, keyCol), { value: r.keyText, district }));
        }
      }
    }
  }
  return findings;
}
