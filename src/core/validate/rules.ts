import type { CompiledRule, CompiledSheet } from "../definitions/compile";
import { type EvalContext, evaluate } from "../expr";
import { atSeverity, finding } from "../findings/findings";
import type { Finding } from "../model";
import { address } from "../a1";
import { RULE_TOLERANCE } from "../tolerances";
import type { SheetLayout } from "../read/sheet-layout";
import { unitLabel } from "./cells";
import type { RowRecord } from "./sheet";

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  "<=": (a, b) => a <= b + RULE_TOLERANCE,
  "<": (a, b) => a < b,
  ">=": (a, b) => a >= b - RULE_TOLERANCE,
  ">": (a, b) => a > b,
  "=": (a, b) => Math.abs(a - b) <= RULE_TOLERANCE,
};

function compare(op: string, a: number, b: number): boolean {
  return COMPARE[op](a, b);
}

/** A sheet a rule reads the same unit's row of: its name in the workbook, its layout and each unit's first row on it. */
export interface OtherSheet {
  sheet: string;
  layout: SheetLayout;
  byUnit: ReadonlyMap<string, RowRecord>;
}

export function otherSheet(sheet: string, layout: SheetLayout, rows: readonly RowRecord[]): OtherSheet {
  const byUnit = new Map<string, RowRecord>();
  for (const r of rows) if (r.unit && !byUnit.has(r.unit.key)) byUnit.set(r.unit.key, r);
  return { sheet, layout, byUnit };
}

/**
 * Runs a sheet's catalogue rules on its rows, one row at a time: the one evaluator of every rule, within a row or
 * across sheets. A side that is missing or unusable skips the row (`missing: "skip"`).
 */
export class RuleRunner {
  private record: RowRecord | null = null;
  private readonly ctx: EvalContext;

  constructor(
    private readonly sheet: CompiledSheet,
    private readonly sheetName: string,
    private readonly layout: SheetLayout,
    private readonly others: ReadonlyMap<string, OtherSheet> = new Map(),
  ) {
    this.ctx = {
      rowValue: (field) => this.record!.numberOf(field) ?? null,
      unitValue: (sheetId, field) => this.otherRow(sheetId)?.numberOf(field) ?? null,
      choiceSpellings: (_sheet, _field, value) => [value],
      target: () => null,
    };
  }

  private otherRow(sheetId: string): RowRecord | undefined {
    const unit = this.record!.unit;
    return unit ? this.others.get(sheetId)?.byUnit.get(unit.key) : undefined;
  }

  /** The finding the rule raises on the row, or null where it holds or is skipped. */
  check(rule: CompiledRule, record: RowRecord): Finding | null {
    if (rule.def.when && record.choiceOf(rule.def.when.field) !== rule.def.when.equals) return null;
    this.record = record;
    const value = evaluate(rule.left, this.ctx);
    const otherValue = value === null ? null : evaluate(rule.right, this.ctx);
    if (value === null || otherValue === null || compare(rule.def.op, value, otherValue)) return null;
    const cell = address(record.row, this.layout.columns.get(rule.field)!);
    const params = { column: rule.column, value, op: rule.def.op, other: rule.other, otherValue };
    // The definitions' loader has checked that `instruction` is the code of the rule's kind (load.ts, checkRule).
    if (rule.otherSheet === null) return atSeverity(finding("rule-violation", this.sheetName, cell, { ...params, unit: unitLabel(record.keyText, record.row) }), rule.def.severity);
    const there = this.others.get(rule.otherSheet)!;
    const otherCol = rule.otherField === null ? undefined : there.layout.columns.get(rule.otherField);
    const otherCell = otherCol === undefined ? "" : address(this.otherRow(rule.otherSheet)!.row, otherCol);
    return atSeverity(finding("cross-sheet-mismatch", this.sheetName, cell, { ...params, unit: record.unit!.name, otherSheet: there.sheet, otherCell }), rule.def.severity);
  }

  /** The rules within one row, on one record. */
  checkRow(record: RowRecord, findings: Finding[]): void {
    for (let k = 0; k < this.sheet.rules.length; k++) {
      const rule = this.sheet.rules[k];
      if (rule.otherSheet !== null) continue;
      const f = this.check(rule, record);
      if (f) findings.push(f);
    }
  }

  /** The rules that read another sheet, over the sheet's rows, rule by rule. */
  checkAcross(rows: readonly RowRecord[], findings: Finding[]): void {
    for (const rule of this.sheet.rules) {
      if (rule.otherSheet === null || !this.others.has(rule.otherSheet)) continue;
      for (const record of rows) {
        const f = this.check(rule, record);
        if (f) findings.push(f);
      }
    }
  }
}
