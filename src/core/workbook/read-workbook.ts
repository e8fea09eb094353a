import { type Catalogue, missingSeverity } from "../definitions/compile";
import type { Definitions, Profile, SheetDef } from "../definitions/schema";
import { atSeverity, finding } from "../findings/findings";
import type { Finding, SheetGrid, WorkbookSnapshot } from "../model";
import { address } from "../a1";
import { totalsLabels } from "../levels";
import { locateLayout } from "../read/sheet-layout";
import { unitDirectory } from "../read/units";
import { matchKey } from "../text/normalize";
import { otherSheet, RuleRunner } from "../validate/rules";
import { type SheetReading, validateSheet } from "../validate/sheet";
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

/** A sheet definition's placement failed: the finding, at the severity the definition's `required` gives. */
function unplacedFinding(def: SheetDef, placement: { ambiguous: string[] } | null): Finding {
  const severity = missingSeverity(def);
  return placement
    ? atSeverity(finding("ambiguous-sheet", def.name, null, { as: def.name, candidates: placement.ambiguous }), severity)
    : atSeverity(finding("missing-sheet", def.name, null), severity);
}

export function readWorkbook(snapshot: WorkbookSnapshot, defs: Catalogue, profile: Profile, owned: Set<string>, mappings: ColumnMappings = new Map()): WorkbookReading {
  const findings: Finding[] = [];
  const readings = new Map<string, SheetReading>();
  const units = unitDirectory(defs, profile);
  const placed = placeSheets(snapshot, defs, owned);
  const labels = totalsLabels(defs, profile);
  for (const def of defs.sheets) {
    const compiled = defs.sheetById.get(def.id)!;
    const placement = placed.get(def.id) ?? null;
    if (placement === null || "ambiguous" in placement) {
      findings.push(unplacedFinding(def, placement));
      continue;
    }
    if (placement.byHeader) findings.push(finding("sheet-read-as", placement.grid.name, null, { as: def.name }));
    const grid = placement.grid;
    const layout = locateLayout(grid, def, labels, mappings.get(grid.name));
    if (!layout) {
      const key = compiled.columns.get(def.key)!;
      findings.push(finding("missing-column", grid.name, null, { column: key.header }));
      continue;
    }
    const result = validateSheet(grid, compiled, layout, defs, units);
    findings.push(...result.findings);
    readings.set(def.id, result.reading);
  }
  findings.push(...crossSheetFindings(defs, readings), ...unregisteredFindings(defs, readings, profile.district));
  return { readings, findings };
}

/** The catalogue's rules that read another sheet, run once every sheet is read. */
function crossSheetFindings(defs: Catalogue, readings: Map<string, SheetReading>): Finding[] {
  const findings: Finding[] = [];
  const read = new Set(defs.sheets.flatMap((def) => defs.sheetById.get(def.id)!.rules.map((r) => r.otherSheet)));
  const others = new Map([...readings].filter(([id]) => read.has(id)).map(([id, r]) => [id, otherSheet(r.grid.name, r.layout, r.rows)]));
  for (const def of defs.sheets) {
    const here = readings.get(def.id);
    if (here) new RuleRunner(defs.sheetById.get(def.id)!, here.grid.name, here.layout, others).checkAcross(here.rows, findings);
  }
  return findings;
}

/** An organisation neither in the profile nor on the register sheet is unknown on the other sheets of units. */
function unregisteredFindings(defs: Catalogue, readings: Map<string, SheetReading>, district: string): Finding[] {
  const register = readings.get(defs.register);
  if (!register) return [];
  const findings: Finding[] = [];
  const registered = new Set(register.rows.map((r) => r.unit?.key).filter(Boolean));
  for (const [id, reading] of readings) {
    if (id === defs.register || reading.def.units !== "all") continue;
    const keyCol = reading.layout.columns.get(reading.def.key)!;
    for (const r of reading.rows) {
      if (r.unit?.kind === "organisation" && !r.unit.known && !registered.has(r.unit.key)) {
        findings.push(finding("unknown-unit", reading.grid.name, address(r.row, keyCol), { value: r.keyText, district }));
      }
    }
  }
  return findings;
}
