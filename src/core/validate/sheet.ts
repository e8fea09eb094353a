import type { Definitions, SheetDef } from "../definitions/schema";
import { finding } from "../findings/findings";
import type { Finding, FindingOf, SheetGrid } from "../model";
import { cellText, parseCellNumber } from "../read/cell-number";
import { matchKey } from "../text/normalize";
import { address, cellAt } from "../read/grid";
import type { SheetLayout } from "../read/sheet-layout";
import type { ResolvedUnit, UnitDirectory } from "../read/units";
import { cellFinding, checkCell, FROM_TEXT, unitLabel } from "./cells";

export interface RowRecord {
  row: number;
  keyText: string;
  unit: ResolvedUnit | null;
  /** The row's checked number for a field; undefined where the field's column is missing or is the unit column. */
  numberOf(field: string): number | null | undefined;
  /** The row's canonical choice for a field, likewise. */
  choiceOf(field: string): string | null | undefined;
}

/**
 * A record whose checked cells are kept column by column for the whole sheet: objects per row made a large
 * sheet spend more time collecting garbage than reading.
 */
class SheetRow implements RowRecord {
  unit: ResolvedUnit | null = null;

  constructor(
    readonly row: number,
    readonly keyText: string,
    private readonly columns: { numbers: Map<string, (number | null)[]>; choices: Map<string, (string | null)[]> },
    private readonly index: number,
  ) {}

  numberOf(field: string): number | null | undefined {
    return this.columns.numbers.get(field)?.[this.index];
  }

  choiceOf(field: string): string | null | undefined {
    return this.columns.choices.get(field)?.[this.index];
  }
}

/** A number stored as text in a data cell, read as its number; "Tính lại" writes the number into the cell. */
export interface TextNumber {
  row: number;
  col: number;
  value: number;
  text: string;
}

export interface SheetReading {
  def: SheetDef;
  /** The sheet as the engine reads it: numbers stored as text already turned into numbers, as "Tính lại" leaves them. */
  grid: SheetGrid;
  layout: SheetLayout;
  rows: RowRecord[];
  textNumbers: TextNumber[];
}

const LISTED_CELLS = 20;

/** One finding lists every number stored as text on a sheet. */
function textNumbersFinding(sheet: string, textNumbers: readonly TextNumber[]): Finding {
  const cells = textNumbers.slice(0, LISTED_CELLS).map((t) => address(t.row, t.col));
  return finding("number-as-text", sheet, address(textNumbers[0].row, textNumbers[0].col), { count: textNumbers.length, cells });
}

/** The grid with each number stored as text replaced by its number; rows without one are shared, not copied. */
function withNumbers(grid: SheetGrid, textNumbers: readonly TextNumber[]): SheetGrid {
  if (textNumbers.length === 0) return grid;
  const values = grid.values.slice();
  const copied = new Set<number>();
  for (const t of textNumbers) {
    if (!copied.has(t.row)) {
      values[t.row] = values[t.row].slice();
      copied.add(t.row);
    }
    values[t.row][t.col] = t.value;
  }
  return { ...grid, values };
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
  const keyColumnDef = def.columns.find((c) => c.field === def.key)!;
  const checked = def.columns.flatMap((column) => {
    const col = layout.columns.get(column.field);
    return col === undefined || column.type === "unit" ? [] : [{ column, col, numbers: [] as (number | null)[], choices: [] as (string | null)[] }];
  });
  // The first row of each unit, by row: a key cell's address is only written out for a finding.
  const seen = new Map<string, number>();
  const rows: RowRecord[] = [];
  const textNumbers: TextNumber[] = [];
  const suggested = new Set<string>();
  const unknownUnit = (cell: string, text: string, communesOnly: boolean): Finding => {
    const f = unknownUnitFinding(sheet, cell, text, units, communesOnly);
    if (f.params.hint?.kind === "suggestion") suggested.add(matchKey(f.params.hint.suggestion));
    return f;
  };
  const columns = { numbers: new Map(checked.map((c) => [c.column.field, c.numbers])), choices: new Map(checked.map((c) => [c.column.field, c.choices])) };
  // Indexed loops: until the loop is optimised, for…of allocates an iterator result per step, on every row.
  for (let i = 0; i < layout.dataRows.length; i++) {
    const row = layout.dataRows[i];
    const keyRaw = cellAt(grid, row, keyColumn);
    const keyText = cellText(keyRaw).trim();
    let unit: ResolvedUnit | null = null;
    const record = new SheetRow(row, keyText, columns, rows.length);

    for (let k = 0; k < checked.length; k++) {
      const c = checked[k];
      const raw = cellAt(grid, row, c.col);
      const formula = raw === null ? grid.formulas?.[row]?.[c.col] : null;
      if (formula) {
        // A formula the file keeps no result for, and that could not be computed here: unknown, never blank.
        findings.push(finding("formula-not-computed", sheet, address(row, c.col), { column: c.column.header, formula }));
        c.numbers.push(null);
        c.choices.push(null);
        continue;
      }
      const check = checkCell(c.column, raw);
      let number = check.number;
      if (check.problems === FROM_TEXT) {
        // A formula that gives text is the staff's formula: it is reported, never overwritten by a number.
        if (grid.formulas?.[row]?.[c.col]) {
          findings.push(finding("not-a-number", sheet, address(row, c.col), { column: c.column.header, value: cellText(raw) }));
          number = null;
        } else textNumbers.push({ row, col: c.col, value: check.number!, text: cellText(raw) });
      } else if (check.problems.length > 0) for (const p of check.problems) findings.push(cellFinding(p, sheet, address(row, c.col), c.column.header, unitLabel(keyText, row)));
      c.numbers.push(number);
      c.choices.push(check.choice);
    }

    if (keyColumnDef.type === "unit") {
      if (keyText === "") {
        findings.push(finding("blank-required", sheet, address(row, keyColumn), { column: keyColumnDef.header, unit: unitLabel(keyText, row) }));
      } else if (def.units === "communes") {
        unit = units.resolveCommune(keyText);
        if (!unit) findings.push(unknownUnit(address(row, keyColumn), keyText, true));
      } else {
        unit = units.resolveAny(keyText);
        const type = record.choiceOf("type");
        const claimsCommune = type !== undefined && type !== null && defs.communeTypes.includes(type);
        if (unit.kind === "organisation" && claimsCommune) findings.push(unknownUnit(address(row, keyColumn), keyText, true));
      }
      if (unit?.kind === "commune" && lacksDiacritics(keyText) && !lacksDiacritics(unit.name)) {
        findings.push(finding("unit-without-diacritics", sheet, address(row, keyColumn), { value: keyText, unit: unit.name }));
      }
    }
    record.unit = unit;

    const identity = unit ? unit.key : keyColumnDef.type === "choice" ? record.choiceOf(def.key) ?? null : null;
    if (identity) {
      const first = seen.get(identity);
      if (first !== undefined) findings.push(finding("duplicate-unit", sheet, address(row, keyColumn), { value: keyText, firstCell: address(first, keyColumn) }));
      else seen.set(identity, row);
    }

    for (let k = 0; k < def.rules.length; k++) {
      const rule = def.rules[k];
      if (rule.when && record.choiceOf(rule.when.field) !== rule.when.equals) continue;
      const left = record.numberOf(rule.field);
      const right = rule.other !== undefined ? record.numberOf(rule.other) : rule.value;
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
            unit: unitLabel(keyText, row),
          }),
        );
      }
    }
    rows.push(record);
  }

  if (def.units === "communes" || def.units === "all") {
    const present = new Set(rows.filter((r) => r.unit?.kind === "commune").map((r) => r.unit!.key));
    for (const [key, name] of units.communes) {
      // A typo already suggests this unit: telling staff to add a row for it too would count it twice.
      if (!present.has(key) && !suggested.has(matchKey(name))) findings.push(finding("missing-unit", sheet, null, { unit: name }));
    }
  }

  const byRow = new Map(rows.map((r) => [r.row, r]));
  for (const subtotal of layout.subtotals) findings.push(...checkTotals(grid, def, layout, subtotal.row, subtotal.rows.map((row) => byRow.get(row)!)));
  if (layout.totalsRow !== null) findings.push(...checkTotals(grid, def, layout, layout.totalsRow, rows));
  if (textNumbers.length > 0) findings.push(textNumbersFinding(sheet, textNumbers));
  return { reading: { def, grid: withNumbers(grid, textNumbers), layout, rows, textNumbers }, findings };
}

/** Typed without any diacritic: "Nghia Hung" for Nghĩa Hưng. */
function lacksDiacritics(text: string): boolean {
  return !/[\u0300-\u036fđĐ]/.test(text.normalize("NFD"));
}

function unknownUnitFinding(sheet: string, cell: string, text: string, units: UnitDirectory, communesOnly: boolean): FindingOf<"unknown-unit"> {
  const suggestion = units.suggest(text, communesOnly);
  return finding("unknown-unit", sheet, cell, { value: text, district: units.district, ...(suggestion ? { hint: { kind: "suggestion", suggestion } } : {}) });
}

/** A totals row, grand or section, against the sum of its rows as typed. */
function checkTotals(grid: SheetGrid, def: SheetDef, layout: SheetLayout, totalsRow: number, rows: readonly RowRecord[]): Finding[] {
  const findings: Finding[] = [];
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
    for (const r of rows) sum += r.numberOf(column.field) ?? 0;
    if (Number.isFinite(sum) && Math.abs(sum - parsed.value) > 1e-6) {
      findings.push(finding("total-mismatch", grid.name, cell, { column: column.header, value: parsed.value, expected: sum }));
    }
  }
  return findings;
}
