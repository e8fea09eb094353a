import type { Catalogue } from "../definitions/compile";
import type { Definitions, Profile } from "../definitions/schema";
import { readTargets, type TargetsReading } from "../indicators/targets";
import { quoteSheetName } from "../expr";
import type { Plan, PlanOp, PlanValue, WorkbookSnapshot } from "../model";
import { address, parseAddress } from "../read/grid";
import { locateLayout } from "../read/sheet-layout";

const HEADER_ROW = 4;
const FIRST_ROW = HEADER_ROW + 1;

/** A target set by a person: a number, or null to clear it. */
export type TargetEdits = Record<string, number | null>;

const text = (t: string): PlanValue => ({ kind: "text", text: t });
const num = (v: number | null | undefined): PlanValue => (v === null || v === undefined ? { kind: "empty" } : { kind: "number", value: v });

/** The Chỉ tiêu sheet, written whole: the profile's baselines and targets, with `targets` taking precedence. */
export function targetsSheetOps(defs: Definitions, profile: Profile, targets: TargetEdits): PlanOp[] {
  const sheet = defs.targetsSheet.name;
  const c = defs.targetsSheet.columns;
  const ops: PlanOp[] = [
    { op: "prepareSheet", sheet },
    { op: "setCells", sheet, anchor: "A1", cells: [[text(profile.committee.toUpperCase())], [text("MỤC TIÊU ĐỀ ÁN 02 VÀ TÌNH HÌNH TRƯỚC KHI THỰC HIỆN")]] },
    { op: "setCells", sheet, anchor: `A${HEADER_ROW}`, cells: [[text(c.id.header), text(c.name.header), text(c.baseline.header), text(c.target.header)]] },
    { op: "style", sheet, range: `A${HEADER_ROW}:D${HEADER_ROW}`, style: { bold: true, wrap: true, fill: "DDEBF7", border: true } },
    {
      op: "setCells",
      sheet,
      anchor: `A${FIRST_ROW}`,
      cells: defs.indicators.map((i) => [text(i.id), text(i.name), num(profile.indicators[i.id]?.baseline), num(i.id in targets ? targets[i.id] : profile.indicators[i.id]?.target)]),
    },
  ];
  defs.indicators.forEach((ind, i) => {
    const row = FIRST_ROW + i;
    ops.push({ op: "style", sheet, range: `C${row}:D${row}`, style: { numberFormat: ind.unit === "ratio" ? "0.0%" : "#,##0", locked: false, border: true } });
  });
  ops.push({ op: "columnWidths", sheet, widths: [{ column: 1, width: 8 }, { column: 2, width: 50 }, { column: 3, width: 13 }, { column: 4, width: 13 }] });
  return ops;
}

/**
 * The Chỉ tiêu sheet "Tính lại" creates when the workbook has none, and the figures read as if it were there:
 * the summary's formulas then point at its cells, so a target staff edit there shows at once.
 */
export function createdTargetsSheet(defs: Definitions, profile: Profile, current: TargetsReading): { ops: PlanOp[]; targets: TargetsReading } {
  const sheet = quoteSheetName(defs.targetsSheet.name);
  const figures = new Map(
    defs.indicators.map((ind, i) => {
      const row = FIRST_ROW + i;
      const figure = current.figures.get(ind.id)!;
      return [ind.id, { baseline: { value: figure.baseline.value, reference: `${sheet}!$C$${row}` }, target: { value: figure.target.value, reference: `${sheet}!$D$${row}` } }];
    }),
  );
  return { ops: targetsSheetOps(defs, profile, {}), targets: { ...current, sheet: defs.targetsSheet.name, figures } };
}

/**
 * Writes edited targets where the workbook keeps them: into the existing Chỉ tiêu sheet, cell by cell
 * (a missing indicator row is added below the last one), or into a new Chỉ tiêu sheet made from the
 * profile's defaults. Nothing else in a person's sheet is touched.
 */
export function targetEditsPlan(snapshot: WorkbookSnapshot, defs: Catalogue, profile: Profile, edits: TargetEdits): Plan {
  const current = readTargets(snapshot, defs, profile, new Set());
  const grid = snapshot.sheets.find((s) => s.name === current.sheet);
  const layout = grid ? locateLayout(grid, defs.targets.def, defs.totalsLabels) : null;
  if (!grid || !layout) return { ops: targetsSheetOps(defs, profile, edits) };
  const ops: PlanOp[] = [];
  const put = (row: number, field: string, value: PlanValue) => {
    const col = layout.columns.get(field);
    if (col !== undefined) ops.push({ op: "setCells", sheet: grid.name, anchor: address(row, col), cells: [[value]] });
  };
  let nextRow = Math.max(grid.values.length, layout.lastDataRow + 1);
  for (const [id, value] of Object.entries(edits)) {
    const def = defs.indicators.find((i) => i.id === id);
    if (!def) continue;
    const reference = current.figures.get(id)?.target.reference;
    if (reference) {
      const { row } = parseAddress(reference.split("!").pop()!);
      put(row, "target", num(value));
    } else {
      put(nextRow, "id", text(id));
      put(nextRow, "name", text(def.name));
      put(nextRow, "target", num(value));
      nextRow++;
    }
  }
  return { ops };
}
