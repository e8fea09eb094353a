import type { Definitions, SheetDef } from "../definitions/schema";
import { finding } from "../findings/findings";
import type { Finding, SheetGrid } from "../model";
import { cellText, parseCellNumber } from "../read/cell-number";
import { address, cellAt } from "../read/grid";
import type { SheetLayout } from "../read/sheet-layout";
import type { ResolvedUnit, UnitDirectory } from "../read/units";
import { checkCell } from "./cells";

export interface RowRecord {
  row: number;
  keyText: string;
  unit: ResolvedUnit | null;
  numbers: Map<string, number | null>;
  choices: Map<string, string | null>;
}

export interface SheetReading {
  def: SheetDef;
  grid: SheetGrid;
  layout: SheetLayout;
  rows: RowRecord[];
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  "<=": (a, b) => a <= b + 1e-9,
  "<": (a, b) => a < b,
  ">=": (a, b) => a >= b - 1e-9,
  ">": (a, b) => a > b,
  "=": (a, b) => Math.abs(a - b) <= 1e-9,
};

export function compare(op: string, a: number, b: number): boolean {
  return COMPARE[op](a, b);
}

export function headerOf(def: SheetDef, field: string): string {
  return def.columns.find((c) => c.field === field)?.header ?? field;
}

export function validateSheet(
  grid: SheetGrid,
  def: SheetDef,
  layout: SheetLayout,
  defs: Definitions,
  units: UnitDirectory,
): { reading: SheetReading; findings: Finding[] } {
  const findings: Finding[] = [];
  const sheet = grid.name;

  for (const column of def.columns) {
    if (!layout.columns.has(column.field)) {
      findings.push({ ...finding("missing-column", sheet, null, { column: column.header, field: column.field }), ...(column.required ? {} : { severity: "warning" as const }) });
    }
  }
  for (const u of layout.unknown) findings.push(finding("unknown-column", sheet, u.cell, { value: u.header }));

  const keyColumn = layout.columns.get(def.key)!;
  const seen = new Map<string, string>();
  const rows: RowRecord[] = [];
  for (const row of layout.dataRows) {
    const keyRaw = cellAt(grid, row, keyColumn);
    const keyText = cellText(keyRaw).trim();
    const keyCell = address(row, keyColumn);
    let unit: ResolvedUnit | null = null;
    const record: RowRecord = { row, keyText, unit: null, numbers: new Map(), choices: new Map() };

    for (const column of def.columns) {
      const col = layout.columns.get(column.field);
      if (col === undefined || column.type === "unit") continue;
      const check = checkCell(column, cellAt(grid, row, col));
      for (const p of check.problems) findings.push(finding(p.code, sheet, address(row, col), { column: column.header, unit: keyText || `dòng ${row + 1}`, ...p.params }));
      record.numbers.set(column.field, check.number);
      record.choices.set(column.field, check.choice);
    }

    const keyColumnDef = def.columns.find((c) => c.field === def.key)!;
    if (keyColumnDef.type === "unit") {
      if (keyText === "") {
        findings.push(finding("blank-required", sheet, keyCell, { column: keyColumnDef.header, unit: `dòng ${row + 1}` }));
      } else if (def.units === "communes") {
        unit = units.resolveCommune(keyText);
        if (!unit) findings.push(unknownUnit(sheet, keyCell, keyText, units, true));
      } else {
        unit = units.resolveAny(keyText);
        const type = record.choices.get("type");
        const claimsCommune = type !== undefined && type !== null && defs.communeTypes.includes(type);
        if (unit.kind === "organisation" && claimsCommune) findings.push(unknownUnit(sheet, keyCell, keyText, units, true));
      }
    }
    record.unit = unit;

    const identity = unit ? unit.key : keyColumnDef.type === "choice" ? record.choices.get(def.key) ?? null : null;
    if (identity) {
      const first = seen.get(identity);
      if (first) findings.push(finding("duplicate-unit", sheet, keyCell, { value: keyText, firstCell: first }));
      else seen.set(identity, keyCell);
    }

    for (const rule of def.rules) {
      if (rule.when && record.choices.get(rule.when.field) !== rule.when.equals) continue;
      const left = record.numbers.get(rule.field);
      const right = rule.other !== undefined ? record.numbers.get(rule.other) : rule.value;
      if (left === null || left === undefined || right === null || right === undefined) continue;
      if (!compare(rule.op, left, right)) {
        const col = layout.columns.get(rule.field)!;
        findings.push(
          finding("rule-violation", sheet, address(row, col), {
            column: headerOf(def, rule.field),
            value: left,
            op: rule.op,
            other: rule.other !== undefined ? headerOf(def, rule.other) : String(rule.value),
            otherValue: right,
            unit: keyText,
          }),
        );
      }
    }
    rows.push(record);
  }

  if (def.units === "communes" || def.units === "all") {
    const present = new Set(rows.filter((r) => r.unit?.kind === "commune").map((r) => r.unit!.key));
    for (const [key, name] of units.communes) {
      if (!present.has(key)) findings.push(finding("missing-unit", sheet, null, { unit: name }));
    }
  }

  if (layout.totalsRow !== null) findings.push(...checkTotals(grid, def, layout, rows));
  return { reading: { def, grid, layout, rows }, findings };
}

function unknownUnit(sheet: string, cell: string, text: string, units: UnitDirectory, communesOnly: boolean): Finding {
  const suggestion = units.suggest(text, communesOnly);
  return finding("unknown-unit", sheet, cell, { value: text, district: units.district, ...(suggestion ? { hint: "suggestion", suggestion } : {}) });
}

function checkTotals(grid: SheetGrid, def: SheetDef, layout: SheetLayout, rows: RowRecord[]): Finding[] {
  const findings: Finding[] = [];
  const totalsRow = layout.totalsRow!;
  for (const column of def.columns) {
    if (column.type !== "integer" && column.type !== "number") continue;
    const col = layout.columns.get(column.field);
    if (col === undefined) continue;
    const cell = address(totalsRow, col);
    const parsed = parseCellNumber(cellAt(grid, totalsRow, col));
    if (parsed.kind === "error") {
      findings.push(finding("formula-error", grid.name, cell, { value: parsed.error }));
      continue;
    }
    if (parsed.kind !== "number") continue;
    let sum = 0;
    for (const r of rows) sum += r.numbers.get(column.field) ?? 0;
    if (Number.isFinite(sum) && Math.abs(sum - parsed.value) > 1e-6) {
      findings.push(finding("total-mismatch", grid.name, cell, { column: column.header, value: parsed.value, expected: sum }));
    }
  }
  return findings;
}
