import { type Definitions, FORMER_DISTRICT_LEVELS, type IndicatorDef } from "../definitions/schema";
import { capitalised, consolidationSheetName } from "../levels";
import type { Consolidating } from "./consolidate";
import type { IndicatorResult, PlanOp, PlanValue } from "../model";
import { columnLetter } from "../a1";
import { STATUS_LABELS, vietnamTime } from "../plan/summary";
import { COUNT_FORMAT, EMPTY, formula, HEADER_STYLE, num, PERCENT_FORMAT, type SheetWriter, sheetWriter, text } from "../plan/cells";
import { type District, type DistrictOutcome, isReadable } from "./province";
import { renderVietnameseReason } from "../findings/reasons";

/** The consolidation sheet of a province over former districts: "Tổng hợp toàn tỉnh". */
export const PROVINCE_SHEET = consolidationSheetName(FORMER_DISTRICT_LEVELS);
const HEADER = 4;
const FIRST = 6;

/**
 * One row per indicator, three columns per district, then the province recomputed from numerators and denominators;
 * the levels in the words of `by`, the consolidating profile ("Toàn tỉnh", or "Toàn vùng" for a region over wards).
 */
export function provincePlan(defs: Definitions, districts: readonly District[], province: IndicatorResult[], now: Date, by: Consolidating, sheet = consolidationSheetName(by.levels)): PlanOp[] {
  const ops: PlanOp[] = [{ op: "prepareSheet", sheet }];
  const out = sheetWriter(ops, sheet);
  const readable = districts.filter(isReadable);
  const provinceCol = 2 + readable.length * 3;
  headerRows(out, readable, provinceCol, now, by);
  defs.indicators.forEach((def, i) => indicatorRow(out, def, FIRST + i, readable, province[i], provinceCol));
  const lastRow = FIRST + defs.indicators.length - 1;
  out.style(`A${FIRST}:${columnLetter(provinceCol + 4)}${lastRow}`, { border: true });
  districtsBlock(out, districts, lastRow + 2, by.levels.unit.vi);
  ops.push(
    { op: "columnWidths", sheet, widths: [{ column: 1, width: 6 }, { column: 2, width: 44 }, ...Array.from({ length: provinceCol + 3 }, (_, k) => ({ column: k + 3, width: 13 }))] },
    { op: "freezeRows", sheet, rows: HEADER + 1 },
    { op: "pageSetup", sheet, orientation: "landscape", printTitleRows: `${HEADER}:${HEADER + 1}` },
  );
  return ops;
}

/** The title, the districts read, and the two header rows: each district's three columns, then the province's five. */
function headerRows({ put, style, merge }: SheetWriter, readable: readonly DistrictOutcome[], provinceCol: number, now: Date, by: Consolidating): void {
  const [unit, over] = [by.levels.unit.vi, by.levels.consolidating.vi];
  put("A1", [[text(`TỔNG HỢP CHỈ TIÊU ĐỀ ÁN 02 TOÀN ${over} ${by.province}`.toLocaleUpperCase("vi"))]]);
  put("A2", [[text(`Từ ${readable.length} ${unit}: ${readable.map((d) => d.name).join(", ")} · tổng hợp lúc ${vietnamTime(now)}`)]]);
  style("A1", { bold: true, fontSize: 14 });
  style("A2", { italic: true });

  put(`A${HEADER}`, [[text("Mã"), text("Chỉ tiêu")]]);
  merge(`A${HEADER}:A${HEADER + 1}`);
  merge(`B${HEADER}:B${HEADER + 1}`);
  readable.forEach((d, i) => {
    const col = 2 + i * 3;
    put(`${columnLetter(col)}${HEADER}`, [[text(d.name)], [text("Thực hiện")]]);
    put(`${columnLetter(col + 1)}${HEADER + 1}`, [[text("Mục tiêu"), text("Đánh giá")]]);
    merge(`${columnLetter(col)}${HEADER}:${columnLetter(col + 2)}${HEADER}`);
  });
  const p = (offset: number) => columnLetter(provinceCol + offset);
  put(`${p(0)}${HEADER}`, [[text(`Toàn ${over}`)]]);
  put(`${p(0)}${HEADER + 1}`, [[text("Tử số"), text("Mẫu số"), text("Thực hiện"), text("Mục tiêu"), text("Đánh giá")]]);
  merge(`${p(0)}${HEADER}:${p(4)}${HEADER}`);
  style(`A${HEADER}:${p(4)}${HEADER + 1}`, HEADER_STYLE);
}

/** An indicator's row: each district's actual, target and status, then the province's figures, its actual a formula of them. */
function indicatorRow({ put, style }: SheetWriter, def: IndicatorDef, row: number, readable: readonly DistrictOutcome[], pr: IndicatorResult, provinceCol: number): void {
  const format = def.unit === "ratio" ? PERCENT_FORMAT : COUNT_FORMAT;
  const cells: PlanValue[] = [text(def.id), text(def.name)];
  for (const d of readable) {
    const r = d.indicators.find((x) => x.id === def.id);
    cells.push(num(r?.actual ?? null), num(r?.target ?? null), text(STATUS_LABELS[r?.status ?? "no_data"]));
  }
  const p = (offset: number) => columnLetter(provinceCol + offset);
  const [numCell, denCell] = [`${p(0)}${row}`, `${p(1)}${row}`];
  const actual: PlanValue = pr.numerator === null ? EMPTY : formula(def.denominator ? `IFERROR(${numCell}/${denCell},"")` : numCell, pr.actual);
  cells.push(num(pr.numerator), num(def.denominator ? pr.denominator : null), actual, num(pr.target), text(STATUS_LABELS[pr.status]));
  put(`A${row}`, [cells]);
  readable.forEach((_, k) => style(`${columnLetter(2 + k * 3)}${row}:${columnLetter(3 + k * 3)}${row}`, { numberFormat: format }));
  style(`${p(0)}${row}:${p(1)}${row}`, { numberFormat: COUNT_FORMAT });
  style(`${p(2)}${row}:${p(3)}${row}`, { numberFormat: format });
}

/** What checking each district's file found, below the table; a file not read says why. */
function districtsBlock({ put, style }: SheetWriter, districts: readonly District[], startRow: number, unit: string): void {
  let row = startRow;
  put(`A${row}`, [[text(`PHÁT HIỆN KHI KIỂM TRA SỐ LIỆU CÁC ${unit.toLocaleUpperCase("vi")}`)]]);
  style(`A${row}`, { bold: true });
  row++;
  put(`B${row}`, [[text(capitalised(unit)), text("Tệp"), text("Lỗi"), text("Cảnh báo"), text("Thông tin")]]);
  style(`B${row}:F${row}`, { bold: true, border: true });
  for (const d of districts) {
    row++;
    put(`B${row}`, [isReadable(d) ? [text(d.name), text(d.file), num(d.counts.error), num(d.counts.warning), num(d.counts.info)] : [text(d.name), text(d.file), text(`${d.duplicate ? "Không tính" : "Không đọc được"}: ${renderVietnameseReason(d.reason)}`)]]);
    style(`B${row}:F${row}`, { border: true });
  }
}
