import { type Catalogue, type CompiledSheet, missingSeverity } from "../definitions/compile";
import type { ColumnDef, SheetDef } from "../definitions/schema";
import { atSeverity, finding } from "../findings/findings";
import type { Finding, FindingOf, SheetGrid } from "../model";
import { cellText, parseCellNumber } from "../read/cell-number";
import { matchKey } from "../text/normalize";
import { cellAt } from "../read/grid";
import { address } from "../a1";
import { TOTAL_TOLERANCE } from "../tolerances";
import type { SheetLayout } from "../read/sheet-layout";
import type { ResolvedUnit, UnitDirectory } from "../read/units";
import { cellFinding, checkCell, FROM_TEXT, unitLabel } from "./cells";
import { RuleRunner } from "./rules";

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
interface TextNumber {
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

/** A column the sheet checks cell by cell, with its checked numbers and choices, row by row. */
interface CheckedColumn {
  column: ColumnDef;
  col: number;
  spellings: ReadonlyMap<string, string>;
  numbers: (number | null)[];
  choices: (string | null)[];
}

/** One sheet's validation: the state its steps share while the rows are read. */
class SheetValidation {
  readonly findings: Finding[] = [];
  readonly rows: RowRecord[] = [];
  readonly textNumbers: TextNumber[] = [];
  private readonly def: SheetDef;
  private readonly sheet: string;
  private readonly keyColumn: number;
  private readonly keyColumnDef: ColumnDef;
  private readonly checked: CheckedColumn[];
  private readonly columns: { numbers: Map<string, (number | null)[]>; choices: Map<string, (string | null)[]> };
  private readonly rules: RuleRunner;
  // The first row of each unit, by row: a key cell's address is only written out for a finding.
  private readonly seen = new Map<string, number>();
  private readonly suggested = new Set<string>();

  constructor(
    private readonly grid: SheetGrid,
    compiled: CompiledSheet,
    private readonly layout: SheetLayout,
    private readonly catalogue: Catalogue,
    private readonly units: UnitDirectory,
  ) {
    this.def = compiled.def;
    this.sheet = grid.name;
    this.keyColumn = layout.columns.get(this.def.key)!;
    this.keyColumnDef = compiled.columns.get(this.def.key)!;
    this.checked = this.def.columns.flatMap((column) => {
      const col = layout.columns.get(column.field);
      return col === undefined || column.type === "unit" ? [] : [{ column, col, spellings: compiled.choices.get(column.field)!, numbers: [], choices: [] }];
    });
    this.columns = { numbers: new Map(this.checked.map((c) => [c.column.field, c.numbers])), choices: new Map(this.checked.map((c) => [c.column.field, c.choices])) };
    this.rules = new RuleRunner(compiled, this.sheet, layout);
  }

  /** Missing columns, at the severity their definition gives, and columns the catalogue does not know. */
  headerFindings(): void {
    for (const column of this.def.columns) {
      if (!this.layout.columns.has(column.field)) {
        this.findings.push(atSeverity(finding("missing-column", this.sheet, null, { column: column.header, field: column.field }), missingSeverity(column)));
      }
    }
    for (const u of this.layout.unknown) this.findings.push(finding("unknown-column", this.sheet, u.cell, { value: u.header }));
  }

  readRows(): void {
    // Indexed loops: until the loop is optimised, for…of allocates an iterator result per step, on every row.
    for (let i = 0; i < this.layout.dataRows.length; i++) {
      const row = this.layout.dataRows[i];
      const keyText = cellText(cellAt(this.grid, row, this.keyColumn)).trim();
      const record = new SheetRow(row, keyText, this.columns, this.rows.length);
      for (let k = 0; k < this.checked.length; k++) this.checkCellAt(this.checked[k], row, keyText);
      record.unit = this.keyColumnDef.type === "unit" ? this.resolveUnit(record) : null;
      this.checkDuplicate(record);
      this.rules.checkRow(record, this.findings);
      this.rows.push(record);
    }
  }

  private checkCellAt(c: CheckedColumn, row: number, keyText: string): void {
    const raw = cellAt(this.grid, row, c.col);
    const formula = raw === null ? this.grid.formulas?.[row]?.[c.col] : null;
    if (formula) {
      // A formula the file keeps no result for, and that could not be computed here: unknown, never blank.
      this.findings.push(finding("formula-not-computed", this.sheet, address(row, c.col), { column: c.column.header, formula }));
      c.numbers.push(null);
      c.choices.push(null);
      return;
    }
    const check = checkCell(c.column, raw, c.spellings);
    let number = check.number;
    if (check.problems === FROM_TEXT) {
      // A formula that gives text is the staff's formula: it is reported, never overwritten by a number.
      if (this.grid.formulas?.[row]?.[c.col]) {
        this.findings.push(finding("not-a-number", this.sheet, address(row, c.col), { column: c.column.header, value: cellText(raw) }));
        number = null;
      } else this.textNumbers.push({ row, col: c.col, value: check.number!, text: cellText(raw) });
    } else if (check.problems.length > 0) {
      for (const p of check.problems) this.findings.push(cellFinding(p, this.sheet, address(row, c.col), c.column.header, unitLabel(keyText, row)));
    }
    c.numbers.push(number);
    c.choices.push(check.choice);
  }

  /** The unit a key cell names; an organisation whose kind says it is a commune must be one of the district's communes. */
  private resolveUnit(record: RowRecord): ResolvedUnit | null {
    const { row, keyText } = record;
    const cell = address(row, this.keyColumn);
    let unit: ResolvedUnit | null = null;
    if (keyText === "") {
      this.findings.push(finding("blank-required", this.sheet, cell, { column: this.keyColumnDef.header, unit: unitLabel(keyText, row) }));
    } else if (this.def.units === "communes") {
      unit = this.units.resolveCommune(keyText);
      if (!unit) this.findings.push(this.unknownUnit(cell, keyText));
    } else {
      unit = this.units.resolveAny(keyText);
      const kind = this.def.kindField === undefined ? null : record.choiceOf(this.def.kindField);
      if (unit.kind === "organisation" && kind && this.catalogue.communeTypes.has(kind)) this.findings.push(this.unknownUnit(cell, keyText));
    }
    if (unit?.kind === "commune" && lacksDiacritics(keyText) && !lacksDiacritics(unit.name)) {
      this.findings.push(finding("unit-without-diacritics", this.sheet, cell, { value: keyText, unit: unit.name }));
    }
    return unit;
  }

  private unknownUnit(cell: string, text: string): Finding {
    const f = unknownUnitFinding(this.sheet, cell, text, this.units);
    if (f.params.hint?.kind === "suggestion") this.suggested.add(matchKey(f.params.hint.suggestion));
    return f;
  }

  private checkDuplicate(record: RowRecord): void {
    const identity = record.unit ? record.unit.key : this.keyColumnDef.type === "choice" ? record.choiceOf(this.def.key) ?? null : null;
    if (!identity) return;
    const first = this.seen.get(identity);
    if (first !== undefined) this.findings.push(finding("duplicate-unit", this.sheet, address(record.row, this.keyColumn), { value: record.keyText, firstCell: address(first, this.keyColumn) }));
    else this.seen.set(identity, record.row);
  }

  /** Each of the district's communes must have a row on a sheet of units. */
  missingUnits(): void {
    if (this.def.units !== "communes" && this.def.units !== "all") return;
    const present = new Set(this.rows.filter((r) => r.unit?.kind === "commune").map((r) => r.unit!.key));
    for (const [key, name] of this.units.communes) {
      // A typo already suggests this unit: telling staff to add a row for it too would count it twice.
      if (!present.has(key) && !this.suggested.has(matchKey(name))) this.findings.push(finding("missing-unit", this.sheet, null, { unit: name }));
    }
  }

  totals(): void {
    const byRow = new Map(this.rows.map((r) => [r.row, r]));
    for (const subtotal of this.layout.subtotals) {
      this.findings.push(...checkTotals(this.grid, this.def, this.layout, subtotal.row, subtotal.rows.map((row) => byRow.get(row)!)));
    }
    if (this.layout.totalsRow !== null) this.findings.push(...checkTotals(this.grid, this.def, this.layout, this.layout.totalsRow, this.rows));
    if (this.textNumbers.length > 0) this.findings.push(textNumbersFinding(this.sheet, this.textNumbers));
  }
}

/** Reads a sheet's rows and checks them: cells, units, duplicates, the rules within a row, missing units and totals. */
export function validateSheet(
  grid: SheetGrid,
  sheet: CompiledSheet,
  layout: SheetLayout,
  catalogue: Catalogue,
  units: UnitDirectory,
): { reading: SheetReading; findings: Finding[] } {
  const v = new SheetValidation(grid, sheet, layout, catalogue, units);
  v.headerFindings();
  v.readRows();
  v.missingUnits();
  v.totals();
  return { reading: { def: sheet.def, grid: withNumbers(grid, v.textNumbers), layout, rows: v.rows, textNumbers: v.textNumbers }, findings: v.findings };
}

/** Typed without any diacritic: "Nghia Hung" for Nghĩa Hưng. */
function lacksDiacritics(text: string): boolean {
  return !/[\u0300-\u036fđĐ]/.test(text.normalize("NFD"));
}

function unknownUnitFinding(sheet: string, cell: string, text: string, units: UnitDirectory): FindingOf<"unknown-unit"> {
  const suggestion = units.suggest(text);
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
    if (Number.isFinite(sum) && Math.abs(sum - parsed.value) > TOTAL_TOLERANCE) {
      findings.push(finding("total-mismatch", grid.name, cell, { column: column.header, value: parsed.value, expected: sum }));
    }
  }
  return findings;
}
