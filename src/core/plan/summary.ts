import type { Definitions, Profile } from "../definitions/schema";
import { type Ast, type CompileContext, compile, quoteSheetName, referencedSheets } from "../expr";
import type { IndicatorResult, IndicatorStatus, PlanOp, PlanValue } from "../model";
import { absoluteAddress, columnLetter } from "../read/grid";
import { aggregateCompileContext, type Readings } from "../engine/contexts";
import { indicatorAst, parsed } from "../engine/indicators";
import type { TargetsReading } from "../engine/targets";
import { splitDivision } from "../expr/inspect";
import { calculatedColumnPlaces, PERCENT_FORMAT } from "./calculated-columns";

export const STATUS_LABELS: Record<IndicatorStatus, string> = {
  exceeded: "Vượt mục tiêu",
  met: "Đạt",
  not_met: "Chưa đạt",
  no_target: "Chưa có mục tiêu",
  no_data: "Không có dữ liệu",
};

export const SUMMARY_HEADERS = ["Mã", "Chỉ tiêu", "Đơn vị tính", "Trước Đề án", "Thực hiện", "Mục tiêu", "Tỷ lệ đạt", "Đánh giá", "Tăng/giảm so với trước Đề án"];
export const HEADER_ROW = 5;
export const FIRST_INDICATOR_ROW = 6;
/** A printed summary lists the worst units; the report keeps them all. */
export const BELOW_TARGET_LISTED = 20;

export interface RunInfo {
  now: Date;
  version: string;
  definitions: string;
  counts: { error: number; warning: number; info: number };
}

const text = (t: string): PlanValue => ({ kind: "text", text: t });
const num = (v: number | null): PlanValue => (v === null ? { kind: "empty" } : { kind: "number", value: v });
const formula = (f: string, result: number | string | null): PlanValue => ({ kind: "formula", formula: f, result: result ?? "" });

/** "29/11/2026 07:05" in Vietnam's time (UTC+7, no daylight saving). */
export function vietnamTime(date: Date): string {
  const t = new Date(date.getTime() + 7 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}

function figureCell(source: { value: number | null; reference: string | null }): PlanValue {
  return source.reference ? formula(`IF(ISNUMBER(${source.reference}),${source.reference},"")`, source.value) : num(source.value);
}

function statusFormula(row: number, direction: "higher" | "lower"): string {
  const [e, f] = [`E${row}`, `F${row}`];
  const l = STATUS_LABELS;
  const judged =
    direction === "lower"
      ? `IF(ROUND(${e}-${f},9)<=0,"${l.met}","${l.not_met}")`
      : `IF(ROUND(${e}-${f},9)>0,"${l.exceeded}",IF(ROUND(${e}-${f},9)=0,"${l.met}","${l.not_met}"))`;
  return `IF(${e}="","${l.no_data}",IF(${f}="","${l.no_target}",${judged}))`;
}

export interface SummaryInput {
  sheet: string;
  defs: Definitions;
  profile: Profile;
  readings: Readings;
  targets: TargetsReading;
  indicators: IndicatorResult[];
  info: RunInfo;
}

/** The absolute reference of each indicator's target cell on the summary, for formulas elsewhere. */
export function summaryTargetRef(sheet: string, defs: Definitions, id: string): string | null {
  const index = defs.indicators.findIndex((i) => i.id === id);
  return index < 0 ? null : `${quoteSheetName(sheet)}!$F$${FIRST_INDICATOR_ROW + index}`;
}

export function summaryOps(input: SummaryInput): PlanOp[] {
  const { sheet, defs, profile, readings, targets, indicators, info } = input;
  const ops: PlanOp[] = [{ op: "prepareSheet", sheet }];
  const lastCol = columnLetter(SUMMARY_HEADERS.length - 1);
  const put = (anchor: string, cells: PlanValue[][]) => ops.push({ op: "setCells", sheet, anchor, cells });
  const style = (range: string, s: Extract<PlanOp, { op: "style" }>["style"]) => ops.push({ op: "style", sheet, range, style: s });

  put("A1", [[text(profile.committee.toUpperCase())]]);
  put("A2", [[text("TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ĐỀ ÁN 02")]]);
  put("A3", [[text(`Huyện ${profile.district}, tỉnh ${profile.province} · tính lại lúc ${vietnamTime(info.now)}`)]]);
  ops.push({ op: "merge", sheet, range: `A2:${lastCol}2` }, { op: "merge", sheet, range: `A3:${lastCol}3` });
  style("A1", { bold: true });
  style("A2", { bold: true, fontSize: 14, hAlign: "center" });
  style("A3", { italic: true, hAlign: "center" });

  put(`A${HEADER_ROW}`, [SUMMARY_HEADERS.map(text)]);
  style(`A${HEADER_ROW}:${lastCol}${HEADER_ROW}`, { bold: true, wrap: true, hAlign: "center", vAlign: "middle", fill: "DDEBF7", border: true });

  const targetOf = (id: string) => summaryTargetRef(sheet, defs, id);
  const ctx = aggregateCompileContext(defs, readings, targetOf);
  defs.indicators.forEach((def, i) => {
    const row = FIRST_INDICATOR_ROW + i;
    const result = indicators[i];
    const figures = targets.figures.get(def.id)!;
    const asts = indicatorAst(def);
    const actualText = actualFormula(asts.actual, ctx);
    const actual: PlanValue = actualText === null ? { kind: "empty" } : formula(actualText, result.actual);
    put(`A${row}`, [
      [
        text(def.id),
        text(def.name),
        text(def.unitLabel),
        figureCell(figures.baseline),
        actual,
        figureCell(figures.target),
        formula(`IFERROR(IF(OR(E${row}="",F${row}=""),"",E${row}/F${row}),"")`, result.achievement),
        formula(statusFormula(row, def.direction), STATUS_LABELS[result.status]),
        formula(`IF(OR(D${row}="",E${row}=""),"",E${row}-D${row})`, result.change),
      ],
    ]);
    const valueFormat = def.unit === "ratio" ? PERCENT_FORMAT : "#,##0";
    style(`D${row}:F${row}`, { numberFormat: valueFormat });
    style(`G${row}`, { numberFormat: PERCENT_FORMAT });
    style(`I${row}`, { numberFormat: def.unit === "ratio" ? "+0.0%;-0.0%;0.0%" : "+#,##0;-#,##0;0" });
  });
  const lastIndicatorRow = FIRST_INDICATOR_ROW + defs.indicators.length - 1;
  style(`A${FIRST_INDICATOR_ROW}:${lastCol}${lastIndicatorRow}`, { border: true, vAlign: "middle" });
  style(`B${FIRST_INDICATOR_ROW}:B${lastIndicatorRow}`, { wrap: true });
  const statusRange = `H${FIRST_INDICATOR_ROW}:H${lastIndicatorRow}`;
  ops.push({
    op: "conditionalFormat",
    sheet,
    range: statusRange,
    rules: [
      { formula: `OR($H${FIRST_INDICATOR_ROW}="${STATUS_LABELS.exceeded}",$H${FIRST_INDICATOR_ROW}="${STATUS_LABELS.met}")`, fill: "C6EFCE", fontColor: "006100" },
      { formula: `$H${FIRST_INDICATOR_ROW}="${STATUS_LABELS.not_met}"`, fill: "FFC7CE", fontColor: "9C0006" },
      { formula: `OR($H${FIRST_INDICATOR_ROW}="${STATUS_LABELS.no_data}",$H${FIRST_INDICATOR_ROW}="${STATUS_LABELS.no_target}")`, fill: "EDEDED", fontColor: "595959" },
    ],
  });

  let row = lastIndicatorRow + 2;
  row = belowTargetBlock(ops, input, row);
  infoBlock(ops, input, row + 1);

  ops.push(
    {
      op: "columnWidths",
      sheet,
      widths: [6, 46, 11, 12, 12, 12, 11, 17, 16].map((width, i) => ({ column: i + 1, width })),
    },
    { op: "freezeRows", sheet, rows: HEADER_ROW },
    { op: "pageSetup", sheet, orientation: "landscape", printTitleRows: `${HEADER_ROW}:${HEADER_ROW}` },
  );
  return ops;
}

/** The actual's formula; no rows in a sheet is no data, never zero, in Excel as in the report. Null when a sheet or column is missing. */
function actualFormula(ast: Ast, ctx: CompileContext): string | null {
  const body = compile(ast, ctx);
  if (body === '""') return null;
  const guards = referencedSheets(ast)
    .map((id) => ctx.keyRange!(id))
    .filter((r) => r !== null)
    .map((r) => `COUNTA(${typeof r === "string" ? r : r.join(",")})=0`);
  if (guards.length === 0) return body;
  return `IF(${guards.length === 1 ? guards[0] : `OR(${guards.join(",")})`},"",${body})`;
}

function belowTargetBlock(ops: PlanOp[], input: SummaryInput, startRow: number): number {
  const { sheet, defs, readings, indicators } = input;
  const put = (anchor: string, cells: PlanValue[][]) => ops.push({ op: "setCells", sheet, anchor, cells });
  let row = startRow;
  put(`A${row}`, [[text("ĐƠN VỊ CHƯA ĐẠT MỤC TIÊU (xếp từ thấp nhất)")]]);
  ops.push({ op: "style", sheet, range: `A${row}`, style: { bold: true } });
  row++;
  let any = false;
  defs.indicators.forEach((def, i) => {
    const result = indicators[i];
    if (!def.perUnit || !result.belowTarget) return;
    const reading = readings.get(def.perUnit.sheet);
    const calc = reading?.def.calculated.find((c) => c.id === def.perUnit!.calculated);
    if (!reading || !calc) return;
    any = true;
    put(`A${row}`, [[text(def.id), text(`${def.name}: ${result.belowTarget.length} đơn vị dưới mục tiêu`)]]);
    ops.push({ op: "style", sheet, range: `A${row}:B${row}`, style: { bold: true, italic: true } });
    row++;
    if (result.belowTarget.length === 0) return;
    put(`B${row}`, [[text("Đơn vị"), text("Số liệu"), { kind: "empty" }, text("Thực hiện"), text("Mục tiêu"), text("Tỷ lệ đạt")]]);
    ops.push({ op: "style", sheet, range: `B${row}:G${row}`, style: { bold: true, fill: "F2F2F2", border: true } });
    row++;
    const calcCol = calculatedColumnPlaces(reading).get(calc.id)!;
    const parts = splitDivision(parsed(calc.expr, "row"));
    const targetRow = FIRST_INDICATOR_ROW + i;
    const blockTop = row;
    const records = new Map(reading.rows.map((r) => [r.unit?.name ?? r.keyText, r]));
    for (const unit of result.belowTarget.slice(0, BELOW_TARGET_LISTED)) {
      const record = records.get(unit.unit)!;
      const ref = (col: number) => `${quoteSheetName(reading.grid.name)}!${absoluteAddress(record.row, col)}`;
      const numCol = parts && parts.numerator.type === "field" ? reading.layout.columns.get(parts.numerator.name) : undefined;
      const denCol = parts && parts.denominator.type === "field" ? reading.layout.columns.get(parts.denominator.name) : undefined;
      const figures =
        numCol !== undefined && denCol !== undefined
          ? formula(`${ref(numCol)}&"/"&${ref(denCol)}`, `${unit.numerator}/${unit.denominator}`)
          : ({ kind: "empty" } as PlanValue);
      put(`B${row}`, [
        [
          text(unit.unit),
          figures,
          { kind: "empty" },
          formula(ref(calcCol), unit.actual),
          formula(`$F$${targetRow}`, result.target),
          formula(`IFERROR(E${row}/F${row},"")`, result.target ? unit.actual / result.target : null),
        ],
      ]);
      row++;
    }
    ops.push({ op: "style", sheet, range: `B${blockTop}:G${row - 1}`, style: { border: true } });
    ops.push({ op: "style", sheet, range: `E${blockTop}:G${row - 1}`, style: { numberFormat: PERCENT_FORMAT } });
    const rest = result.belowTarget.length - BELOW_TARGET_LISTED;
    if (rest > 0) {
      put(`B${row}`, [[text(`… và ${rest} đơn vị khác (xem cột “${calc.header}” ở sheet “${reading.grid.name}”)`)]]);
      row++;
    }
  });
  if (!any) {
    put(`A${row}`, [[text("Không có chỉ tiêu theo đơn vị nào có mục tiêu để so sánh.")]]);
    row++;
  }
  return row;
}

function infoBlock(ops: PlanOp[], input: SummaryInput, startRow: number): void {
  const { sheet, info, targets, profile } = input;
  const rows: [string, PlanValue][] = [
    ["Thời điểm tính lại", text(vietnamTime(info.now))],
    ["Phiên bản add-in", text(info.version)],
    ["Bộ định nghĩa", text(info.definitions)],
    ["Hồ sơ huyện", text(`${profile.district} (${profile.id})`)],
    ["Mục tiêu lấy từ", text(targets.sheet ? `sheet “${targets.sheet}”` : "giá trị mặc định trong hồ sơ huyện")],
    ["Số lỗi", num(info.counts.error)],
    ["Số cảnh báo", num(info.counts.warning)],
    ["Số thông tin", num(info.counts.info)],
  ];
  ops.push({ op: "setCells", sheet, anchor: `A${startRow}`, cells: [[text("THÔNG TIN LẦN TÍNH")]] });
  ops.push({ op: "style", sheet, range: `A${startRow}`, style: { bold: true } });
  ops.push({ op: "setCells", sheet, anchor: `B${startRow + 1}`, cells: rows.map(([label, value]) => [text(label), value]) });
  ops.push({ op: "style", sheet, range: `B${startRow + 1}:C${startRow + rows.length}`, style: { border: true } });
}
