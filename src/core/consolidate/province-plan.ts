import { type Definitions, FORMER_DISTRICT_LEVELS } from "../definitions/schema";
import { capitalised, consolidationSheetName } from "../levels";
import type { Consolidating } from "./consolidate";
import type { IndicatorResult, PlanOp, PlanValue } from "../model";
import { columnLetter } from "../read/grid";
import { STATUS_LABELS, vietnamTime } from "../plan/summary";
import { PERCENT_FORMAT } from "../plan/calculated-columns";
import { type District, isReadable } from "./province";

/** The consolidation sheet of a province over former districts: "Tổng hợp toàn tỉnh". */
export const PROVINCE_SHEET = consolidationSheetName(FORMER_DISTRICT_LEVELS);
const HEADER = 4;
const FIRST = 6;

const text = (t: string): PlanValue => ({ kind: "text", text: t });
const num = (v: number | null): PlanValue => (v === null ? { kind: "empty" } : { kind: "number", value: v });

/**
 * One row per indicator, three columns per district, then the province recomputed from numerators and denominators;
 * the levels in the words of `by`, the consolidating profile ("Toàn tỉnh", or "Toàn vùng" for a region over wards).
 */
export function provincePlan(defs: Definitions, districts: readonly District[], province: IndicatorResult[], now: Date, by: Consolidating, sheet = consolidationSheetName(by.levels)): PlanOp[] {
  const [unit, over] = [by.levels.unit.vi, by.levels.consolidating.vi];
  const ops: PlanOp[] = [{ op: "prepareSheet", sheet }];
  const put = (anchor: string, cells: PlanValue[][]) => ops.push({ op: "setCells", sheet, anchor, cells });
  const readable = districts.filter(isReadable);
  const provinceCol = 2 + readable.length * 3;
  const lastCol = columnLetter(provinceCol + 4);

  put("A1", [[text(`TỔNG HỢP CHỈ TIÊU ĐỀ ÁN 02 TOÀN ${over} ${by.province}`.toLocaleUpperCase("vi"))]]);
  put("A2", [[text(`Từ ${readable.length} ${unit}: ${readable.map((d) => d.name).join(", ")} · tổng hợp lúc ${vietnamTime(now)}`)]]);
  ops.push({ op: "style", sheet, range: "A1", style: { bold: true, fontSize: 14 } }, { op: "style", sheet, range: "A2", style: { italic: true } });

  put(`A${HEADER}`, [[text("Mã"), text("Chỉ tiêu")]]);
  ops.push({ op: "merge", sheet, range: `A${HEADER}:A${HEADER + 1}` }, { op: "merge", sheet, range: `B${HEADER}:B${HEADER + 1}` });
  readable.forEach((d, i) => {
    const col = 2 + i * 3;
    put(`${columnLetter(col)}${HEADER}`, [[text(d.name)], [text("Thực hiện")]]);
    put(`${columnLetter(col + 1)}${HEADER + 1}`, [[text("Mục tiêu"), text("Đánh giá")]]);
    ops.push({ op: "merge", sheet, range: `${columnLetter(col)}${HEADER}:${columnLetter(col + 2)}${HEADER}` });
  });
  const p = (offset: number) => columnLetter(provinceCol + offset);
  put(`${p(0)}${HEADER}`, [[text(`Toàn ${over}`)]]);
  put(`${p(0)}${HEADER + 1}`, [[text("Tử số"), text("Mẫu số"), text("Thực hiện"), text("Mục tiêu"), text("Đánh giá")]]);
  ops.push({ op: "merge", sheet, range: `${p(0)}${HEADER}:${p(4)}${HEADER}` });
  ops.push({ op: "style", sheet, range: `A${HEADER}:${lastCol}${HEADER + 1}`, style: { bold: true, wrap: true, hAlign: "center", vAlign: "middle", fill: "DDEBF7", border: true } });

  defs.indicators.forEach((def, i) => {
    const row = FIRST + i;
    const format = def.unit === "ratio" ? PERCENT_FORMAT : "#,##0";
    const cells: PlanValue[] = [text(def.id), text(def.name)];
    for (const d of readable) {
      const r = d.indicators.find((x) => x.id === def.id);
      cells.push(num(r?.actual ?? null), num(r?.target ?? null), text(STATUS_LABELS[r?.status ?? "no_data"]));
    }
    const pr = province[i];
    const [numCell, denCell] = [`${p(0)}${row}`, `${p(1)}${row}`];
    const actual: PlanValue =
      pr.numerator === null
        ? { kind: "empty" }
        : { kind: "formula", formula: def.denominator ? `IFERROR(${numCell}/${denCell},"")` : numCell, result: pr.actual ?? "" };
    cells.push(num(pr.numerator), num(def.denominator ? pr.denominator : null), actual, num(pr.target), text(STATUS_LABELS[pr.status]));
    put(`A${row}`, [cells]);
    readable.forEach((_, k) => ops.push({ op: "style", sheet, range: `${columnLetter(2 + k * 3)}${row}:${columnLetter(3 + k * 3)}${row}`, style: { numberFormat: format } }));
    ops.push({ op: "style", sheet, range: `${p(0)}${row}:${p(1)}${row}`, style: { numberFormat: "#,##0" } });
    ops.push({ op: "style", sheet, range: `${p(2)}${row}:${p(3)}${row}`, style: { numberFormat: format } });
  });
  const lastRow = FIRST + defs.indicators.length - 1;
  ops.push({ op: "style", sheet, range: `A${FIRST}:${lastCol}${lastRow}`, style: { border: true } });

  let row = lastRow + 2;
  put(`A${row}`, [[text(`PHÁT HIỆN KHI KIỂM TRA SỐ LIỆU CÁC ${unit.toLocaleUpperCase("vi")}`)]]);
  ops.push({ op: "style", sheet, range: `A${row}`, style: { bold: true } });
  row++;
  put(`B${row}`, [[text(capitalised(unit)), text("Tệp"), text("Lỗi"), text("Cảnh báo"), text("Thông tin")]]);
  ops.push({ op: "style", sheet, range: `B${row}:F${row}`, style: { bold: true, border: true } });
  for (const d of districts) {
    row++;
    put(`B${row}`, [isReadable(d) ? [text(d.name), text(d.file), num(d.counts.error), num(d.counts.warning), num(d.counts.info)] : [text(d.name), text(d.file), text(`${d.duplicate ? "Không tính" : "Không đọc được"}: ${d.reason}`)]]);
    ops.push({ op: "style", sheet, range: `B${row}:F${row}`, style: { border: true } });
  }
  ops.push(
    { op: "columnWidths", sheet, widths: [{ column: 1, width: 6 }, { column: 2, width: 44 }, ...Array.from({ length: provinceCol + 3 }, (_, k) => ({ column: k + 3, width: 13 }))] },
    { op: "freezeRows", sheet, rows: HEADER + 1 },
    { op: "pageSetup", sheet, orientation: "landscape", printTitleRows: `${HEADER}:${HEADER + 1}` },
  );
  return ops;
}
