import type { Catalogue } from "../definitions/compile";
import type { IndicatorDef } from "../definitions/schema";
import { countedSheets, referencedColumns, referencedFields } from "../expr/inspect";
import type { Finding } from "../model";
import type { SheetColumns } from "../workbook/contexts";

/** One sheet an indicator reads: its name as it stands in the workbook (the definitions' name when missing) and the columns. */
export interface IndicatorInput {
  sheetId: string;
  sheet: string;
  fields: string[];
  /** Letters of the fields found in the workbook, in the order of `fields`. */
  columns: string[];
}

/** Indicator id → the sheets and columns it reads, as found in this workbook. */
export type IndicatorInputs = Record<string, IndicatorInput[]>;

function fieldsRead(def: IndicatorDef, defs: Catalogue): Map<string, Set<string>> {
  const read = new Map<string, Set<string>>();
  const add = (sheetId: string, field: string) => (read.get(sheetId) ?? read.set(sheetId, new Set()).get(sheetId)!).add(field);
  const { actual } = defs.indicatorById.get(def.id)!;
  for (const c of referencedColumns(actual)) add(c.sheet, c.field);
  for (const sheetId of countedSheets(actual)) {
    const key = defs.sheetById.get(sheetId)?.def.key;
    if (key) add(sheetId, key);
  }
  if (def.perUnit) {
    const calc = defs.sheetById.get(def.perUnit.sheet)?.calculated.get(def.perUnit.calculated);
    if (calc) for (const field of referencedFields(calc)) add(def.perUnit.sheet, field);
  }
  return read;
}

/** Worked out in the pane, not in every run: the ribbon's small function file never needs it. */
export function indicatorInputs(defs: Catalogue, found: SheetColumns): IndicatorInputs {
  const inputs: IndicatorInputs = {};
  for (const def of defs.indicators) {
    inputs[def.id] = [...fieldsRead(def, defs)].map(([sheetId, fields]) => {
      const sheet = found[sheetId]?.sheet ?? defs.sheetById.get(sheetId)!.def.name;
      const list = [...fields];
      const columns = list.flatMap((f) => found[sheetId]?.columns[f] ?? []);
      return { sheetId, sheet, fields: list, columns };
    });
  }
  return inputs;
}

const cellColumn = (cell: string) => /^[A-Z]+/.exec(cell)?.[0] ?? "";

/**
 * Whether a finding sits where an indicator reads: a cell in one of its columns (data, totals), or a
 * sheet-wide finding that changes what it reads (the sheet or one of its columns missing, a unit missing).
 */
function touches(input: IndicatorInput, finding: Finding): boolean {
  if (finding.sheet !== input.sheet) return false;
  if (finding.cell) return input.columns.includes(cellColumn(finding.cell));
  switch (finding.code) {
    case "missing-sheet":
    case "missing-unit":
      return true;
    case "missing-column":
      return input.fields.includes(String(finding.params.field));
    default:
      return false;
  }
}

/** The findings that touch an indicator's inputs, in the order given. */
export function findingsForIndicator(inputs: readonly IndicatorInput[] | undefined, findings: readonly Finding[]): Finding[] {
  if (!inputs) return [];
  return findings.filter((f) => inputs.some((input) => touches(input, f)));
}

/** The indicators whose inputs a finding touches, in the definitions' order. */
export function indicatorsForFinding(inputs: IndicatorInputs, finding: Finding): string[] {
  return Object.keys(inputs).filter((id) => inputs[id].some((input) => touches(input, finding)));
}
