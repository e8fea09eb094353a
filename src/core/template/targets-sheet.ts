import type { Catalogue } from "../definitions/compile";
import type { Definitions, Profile } from "../definitions/schema";
import { readTargets, type TargetsReading } from "../indicators/targets";
import { quoteSheetName } from "../expr";
import type { Plan, PlanOp, PlanValue, WorkbookSnapshot } from "../model";
import { absoluteAddress, address, parseAddress, rangeAddress } from "../a1";
import { locateLayout } from "../read/sheet-layout";
import { COUNT_FORMAT, HEADER_STYLE_UNALIGNED, num, PERCENT_FORMAT, text } from "../plan/cells";

const HEADER_ROW = 4;
const FIRST_ROW = HEADER_ROW + 1;
/** The sheet's columns, in order from A, with their widths. */
const COLUMNS = [
  { field: "id", width: 8 },
  { field: "name", width: 50 },
  { field: "baseline", width: 13 },
  { field: "target", width: 13 },
] as const;
const BASELINE_COL = COLUMNS.findIndex((c) => c.field === "baseline");
const TARGET_COL = COLUMNS.findIndex((c) => c.field === "target");

/** A target set by a person: a number, or null to clear it. */
export type TargetEdits = Record<string, number | null>;

/** The Chỉ tiêu sheet, written whole: the profile's baselines and targets, with `targets` taking precedence. */
export function targetsSheetOps(defs: Definitions, profile: Profile, targets: TargetEdits): PlanOp[] {
  const sheet = defs.targetsSheet.name;
  const c = defs.targetsSheet.columns;
  const ops: PlanOp[] = [
    { op: "prepareSheet", sheet },
    { op: "setCells", sheet, anchor: "A1", cells: [[text(profile.committee.toUpperCase())], [text("MỤC TIÊU ĐỀ ÁN 02 VÀ TÌNH HÌNH TRƯỚC KHI THỰC HIỆN")]] },
    { op: "setCells", sheet, anchor: `A${HEADER_ROW}`, cells: [COLUMNS.map((column) => text(c[column.field].header))] },
    { op: "style", sheet, range: rangeAddress(HEADER_ROW - 1, 0, HEADER_ROW - 1, COLUMNS.length - 1), style: HEADER_STYLE_UNALIGNED },
    {
      op: "setCells",
      sheet,
      anchor: `A${FIRST_ROW}`,
      cells: defs.indicators.map((i) => [text(i.id), text(i.name), num(profile.indicators[i.id]?.baseline), num(i.id in targets ? targets[i.id] : profile.indicators[i.id]?.target)]),
    },
  ];
  defs.indicators.forEach((ind, i) => {
    const row0 = FIRST_ROW - 1 + i;
    ops.push({ op: "style", sheet, range: rangeAddress(row0, BASELINE_COL, row0, TARGET_COL), style: { numberFormat: ind.unit === "ratio" ? PERCENT_FORMAT : COUNT_FORMAT, locked: false, border: true } });
  });
  ops.push({ op: "columnWidths", sheet, widths: COLUMNS.map(({ width }, i) => ({ column: i + 1, width })) });
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
      const row0 = FIRST_ROW - 1 + i;
      const figure = current.figures.get(ind.id)!;
      return [
        ind.id,
        {
          baseline: { value: figure.baseline.value, reference: `${sheet}!${absoluteAddress(row0, BASELINE_COL)}` },
          target: { value: figure.target.value, reference: `${sheet}!${absoluteAddress(row0, TARGET_COL)}` },
        },
      ];
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
