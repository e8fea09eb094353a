import type { ColumnDef, Definitions, Levels, Profile, SheetDef } from "../definitions/schema";
import { quoteSheetName } from "../expr";
import type { PlanOp, PlanValue } from "../model";
import { columnLetter } from "../read/grid";
import { markerOps } from "../workbook/ownership";
import { targetsSheetOps } from "./targets-sheet";

/** A hidden sheet of the lists the drop-downs offer (Excel's inline lists stop at 255 characters). */
export const LISTS_SHEET = "_DeAn02_DanhMuc";
const HEADER_ROW = 4;
const FIRST_ROW = HEADER_ROW + 1;

const text = (t: string): PlanValue => ({ kind: "text", text: t });
const num = (v: number | undefined): PlanValue => (v === undefined ? { kind: "empty" } : { kind: "number", value: v });

interface UnitRow {
  name: string;
  type?: string;
}

function unitRows(sheet: SheetDef, profile: Profile): UnitRow[] {
  const communes = profile.communes.map((c) => ({ name: c.name, type: c.kind === "xã" ? "Đảng bộ xã" : "Đảng bộ thị trấn" }));
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

/** A blank workbook in the catalogue's canonical layout, unit names filled from the profile, ready to type into. */
export function templatePlan(defs: Definitions, profile: Profile, version: string): PlanOp[] {
  const ops: PlanOp[] = [];
  const lists = listColumns(defs, profile);
  const listRef = (name: string) => {
    const index = lists.findIndex((l) => l.name === name);
    const letter = columnLetter(index);
    return `${quoteSheetName(LISTS_SHEET)}!$${letter}$2:$${letter}$${lists[index].values.length + 1}`;
  };

  for (const sheet of defs.sheets) {
    const name = sheet.name;
    const rows = unitRows(sheet, profile);
    const lastCol = columnLetter(sheet.columns.length);
    const lastRow = FIRST_ROW + rows.length - 1;
    const totalsRow = lastRow + 1;
    ops.push({ op: "prepareSheet", sheet: name });
    ops.push({ op: "setCells", sheet: name, anchor: "A1", cells: [[text(profile.committee.toUpperCase())], [text(sheet.name.toUpperCase())]] });
    ops.push({ op: "style", sheet: name, range: "A1:A2", style: { bold: true } });
    ops.push({ op: "setCells", sheet: name, anchor: `A${HEADER_ROW}`, cells: [[text("STT"), ...sheet.columns.map((c) => text(c.header))]] });
    ops.push({ op: "style", sheet: name, range: `A${HEADER_ROW}:${lastCol}${HEADER_ROW}`, style: { bold: true, wrap: true, hAlign: "center", vAlign: "middle", fill: "DDEBF7", border: true } });
    const body: PlanValue[][] = rows.map((unit, i) => [
      num(i + 1),
      ...sheet.columns.map((c): PlanValue => (c.field === sheet.key ? text(unit.name) : c.field === "type" && unit.type ? text(unit.type) : { kind: "empty" })),
    ]);
    ops.push({ op: "setCells", sheet: name, anchor: `A${FIRST_ROW}`, cells: body });
    ops.push({ op: "style", sheet: name, range: `A${FIRST_ROW}:${lastCol}${lastRow}`, style: { border: true } });
    sheet.columns.forEach((column, i) => {
      const letter = columnLetter(i + 1);
      const range = `${letter}${FIRST_ROW}:${letter}${lastRow}`;
      ops.push({ op: "style", sheet: name, range, style: { locked: false, ...(column.type === "integer" ? { numberFormat: "#,##0" } : {}) } });
      const rule = validationFor(column, sheet, profile.levels, listRef);
      if (rule) ops.push({ op: "dataValidation", sheet: name, range, rule });
    });
    if (sheet.units !== "none") {
      const totals: PlanValue[] = [text(""), text("Tổng cộng"), ...sheet.columns.slice(1).map((c): PlanValue => {
        const letter = columnLetter(sheet.columns.indexOf(c) + 1);
        return c.type === "integer" || c.type === "number" ? { kind: "formula", formula: `SUM(${letter}${FIRST_ROW}:${letter}${lastRow})`, result: 0 } : { kind: "empty" };
      })];
      ops.push({ op: "setCells", sheet: name, anchor: `A${totalsRow}`, cells: [totals] });
      ops.push({ op: "style", sheet: name, range: `A${totalsRow}:${lastCol}${totalsRow}`, style: { bold: true, border: true, numberFormat: "#,##0" } });
    }
    ops.push({ op: "columnWidths", sheet: name, widths: [{ column: 1, width: 6 }, ...sheet.columns.map((c, i) => ({ column: i + 2, width: c.type === "unit" ? 40 : c.type === "choice" ? 24 : 14 }))] });
    ops.push({ op: "freezeRows", sheet: name, rows: HEADER_ROW });
    ops.push({ op: "pageSetup", sheet: name, orientation: "landscape", printTitleRows: `${HEADER_ROW}:${HEADER_ROW}` });
    ops.push({ op: "protectSheet", sheet: name });
  }

  ops.push(...targetsSheetOps(defs, profile, {}));

  ops.push({ op: "prepareSheet", sheet: LISTS_SHEET });
  ops.push({ op: "setCells", sheet: LISTS_SHEET, anchor: "A1", cells: [lists.map((l) => text(l.name))] });
  lists.forEach((list, i) => ops.push({ op: "setCells", sheet: LISTS_SHEET, anchor: `${columnLetter(i)}2`, cells: list.values.map((v) => [text(v)]) }));
  ops.push({ op: "sheetVisibility", sheet: LISTS_SHEET, visibility: "hidden" });
  ops.push(...markerOps([LISTS_SHEET], `${defs.id}@${defs.version}`, version, new Map()));
  return ops;
}
