import type { ColumnDef, Definitions, Levels, Profile, SheetDef } from "../definitions/schema";
import { quoteSheetName } from "../expr";
import type { PlanOp, PlanValue } from "../model";
import { absoluteColumnRange, address, columnLetter, rangeAddress } from "../a1";
import { markerOps } from "../workbook/ownership";
import { targetsSheetOps } from "./targets-sheet";
import { COUNT_FORMAT, EMPTY, formula, HEADER_STYLE, num, text } from "../plan/cells";

/** A hidden sheet of the lists the drop-downs offer (Excel's inline lists stop at 255 characters). */
export const LISTS_SHEET = "_DeAn02_DanhMuc";
const HEADER_ROW = 4;
const FIRST_ROW = HEADER_ROW + 1;

interface UnitRow {
  name: string;
  type?: string;
}

function unitRows(sheet: SheetDef, defs: Definitions, profile: Profile): UnitRow[] {
  const communes = profile.communes.map((c) => ({ name: c.name, type: defs.communeKinds.find((k) => k.kind === c.kind)?.type }));
  if (sheet.units === "communes") return communes;
  if (sheet.units === "all") return [...communes, ...profile.organisations.map((o) => ({ name: o.name, type: o.type }))];
  const key = sheet.columns.find((c) => c.field === sheet.key)!;
  return (key.choices ?? []).map((c) => ({ name: c.value }));
}

/** The lists, one column each: communes, all units, then each choice column's values. */
function listColumns(defs: Definitions, profile: Profile): { name: string; values: string[] }[] {
  const lists = [
    { name: "communes", values: profile.communes.map((c) => c.name) },
    { name: "units", values: [...profile.communes.map((c) => c.name), ...profile.organisations.map((o) => o.name)] },
  ];
  for (const sheet of defs.sheets) {
    for (const column of sheet.columns) {
      if (column.type === "choice" && !lists.some((l) => l.name === `${sheet.id}.${column.field}`)) lists.push({ name: `${sheet.id}.${column.field}`, values: column.choices!.map((c) => c.value) });
    }
  }
  return lists;
}

function validationFor(column: ColumnDef, sheet: SheetDef, levels: Levels, listRef: (name: string) => string): Extract<PlanOp, { op: "dataValidation" }>["rule"] | null {
  switch (column.type) {
    case "integer":
      return { kind: "wholeNumber", min: column.min ?? 0, message: `“${column.header}” là số nguyên từ ${column.min ?? 0} trở lên.` };
    case "number":
      return { kind: "decimal", min: column.min ?? 0, message: `“${column.header}” là số từ ${column.min ?? 0} trở lên.` };
    case "choice":
      return { kind: "list", source: listRef(`${sheet.id}.${column.field}`), strict: true, message: `Chọn “${column.header}” trong danh sách.` };
    case "unit":
      return sheet.units === "communes"
        ? { kind: "list", source: listRef("communes"), strict: true, message: `Chọn ${levels.communes.vi} trong danh sách của ${levels.unit.vi}.` }
        : { kind: "list", source: listRef("units"), strict: false, message: "Tên này không có trong danh sách; vẫn giữ nếu là tổ chức mới." };
    case "text":
      return null;
  }
}

/** One data sheet of the template: headers, a row per unit, drop-downs and number checks, a totals row, locked outside the data. */
function dataSheetOps(sheet: SheetDef, defs: Definitions, profile: Profile, listRef: (name: string) => string): PlanOp[] {
  const ops: PlanOp[] = [];
  const name = sheet.name;
  const rows = unitRows(sheet, defs, profile);
  const lastCol = columnLetter(sheet.columns.length);
  const lastRow = FIRST_ROW + rows.length - 1;
  const totalsRow = lastRow + 1;
  ops.push({ op: "prepareSheet", sheet: name });
  ops.push({ op: "setCells", sheet: name, anchor: "A1", cells: [[text(profile.committee.toUpperCase())], [text(sheet.name.toUpperCase())]] });
  ops.push({ op: "style", sheet: name, range: "A1:A2", style: { bold: true } });
  ops.push({ op: "setCells", sheet: name, anchor: `A${HEADER_ROW}`, cells: [[text("STT"), ...sheet.columns.map((c) => text(c.header))]] });
  ops.push({ op: "style", sheet: name, range: `A${HEADER_ROW}:${lastCol}${HEADER_ROW}`, style: HEADER_STYLE });
  const body: PlanValue[][] = rows.map((unit, i) => [
    num(i + 1),
    ...sheet.columns.map((c): PlanValue => (c.field === sheet.key ? text(unit.name) : c.field === sheet.kindField && unit.type ? text(unit.type) : EMPTY)),
  ]);
  ops.push({ op: "setCells", sheet: name, anchor: `A${FIRST_ROW}`, cells: body });
  ops.push({ op: "style", sheet: name, range: `A${FIRST_ROW}:${lastCol}${lastRow}`, style: { border: true } });
  sheet.columns.forEach((column, i) => {
    const range = rangeAddress(FIRST_ROW - 1, i + 1, lastRow - 1, i + 1);
    ops.push({ op: "style", sheet: name, range, style: { locked: false, ...(column.type === "integer" ? { numberFormat: COUNT_FORMAT } : {}) } });
    const rule = validationFor(column, sheet, profile.levels, listRef);
    if (rule) ops.push({ op: "dataValidation", sheet: name, range, rule });
  });
  if (sheet.units !== "none") {
    const totals: PlanValue[] = [text(""), text("Tổng cộng"), ...sheet.columns.slice(1).map((c, i): PlanValue => {
      const range = rangeAddress(FIRST_ROW - 1, i + 2, lastRow - 1, i + 2);
      return c.type === "integer" || c.type === "number" ? formula(`SUM(${range})`, 0) : EMPTY;
    })];
    ops.push({ op: "setCells", sheet: name, anchor: `A${totalsRow}`, cells: [totals] });
    ops.push({ op: "style", sheet: name, range: `A${totalsRow}:${lastCol}${totalsRow}`, style: { bold: true, border: true, numberFormat: COUNT_FORMAT } });
  }
  ops.push({ op: "columnWidths", sheet: name, widths: [{ column: 1, width: 6 }, ...sheet.columns.map((c, i) => ({ column: i + 2, width: c.type === "unit" ? 40 : c.type === "choice" ? 24 : 14 }))] });
  ops.push({ op: "freezeRows", sheet: name, rows: HEADER_ROW });
  ops.push({ op: "pageSetup", sheet: name, orientation: "landscape", printTitleRows: `${HEADER_ROW}:${HEADER_ROW}` });
  ops.push({ op: "protectSheet", sheet: name });
  return ops;
}

/** A blank workbook in the catalogue's canonical layout, unit names filled from the profile, ready to type into. */
export function templatePlan(defs: Definitions, profile: Profile, version: string): PlanOp[] {
  const lists = listColumns(defs, profile);
  const listRef = (name: string) => {
    const index = lists.findIndex((l) => l.name === name);
    return `${quoteSheetName(LISTS_SHEET)}!${absoluteColumnRange(index, 1, lists[index].values.length)}`;
  };
  const ops: PlanOp[] = defs.sheets.flatMap((sheet) => dataSheetOps(sheet, defs, profile, listRef));
  ops.push(...targetsSheetOps(defs, profile, {}));

  ops.push({ op: "prepareSheet", sheet: LISTS_SHEET });
  ops.push({ op: "setCells", sheet: LISTS_SHEET, anchor: "A1", cells: [lists.map((l) => text(l.name))] });
  lists.forEach((list, i) => ops.push({ op: "setCells", sheet: LISTS_SHEET, anchor: address(1, i), cells: list.values.map((v) => [text(v)]) }));
  ops.push({ op: "sheetVisibility", sheet: LISTS_SHEET, visibility: "hidden" });
  ops.push(...markerOps([LISTS_SHEET], `${defs.id}@${defs.version}`, version, new Map()));
  return ops;
}
