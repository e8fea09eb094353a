import type { Definitions, Profile } from "../definitions/schema";
import { type Ast, type CompileContext, compile, quoteSheetName, referencedSheets } from "../expr";
import type { CellStyle, ChartSpec, IndicatorResult, IndicatorStatus, PlanOp, PlanValue, SeverityCounts } from "../model";
import { absoluteAddress, columnLetter } from "../read/grid";
import { aggregateCompileContext, type Readings } from "../workbook/contexts";
import { indicatorAst, parsed } from "../indicators/indicators";
import type { TargetsReading } from "../indicators/targets";
import { splitDivision } from "../expr/inspect";
import { calculatedColumnPlaces, PERCENT_FORMAT, UNICODE_FONT } from "./calculated-columns";
import { cellsToCheck } from "./cells-to-check";
import { periodOfWorkbook } from "./period";
import { PageFlow, ROW_HEIGHT, TABLE_ROW_HEIGHT } from "./print-layout";

export const STATUS_LABELS: Record<IndicatorStatus, string> = {
  exceeded: "Vượt mục tiêu",
  met: "Đạt",
  not_met: "Chưa đạt",
  no_target: "Chưa có mục tiêu",
  no_data: "Không có dữ liệu",
};

export const SUMMARY_HEADERS = ["Mã", "Chỉ tiêu", "Đơn vị tính", "Trước Đề án", "Thực hiện", "Mục tiêu", "Tỷ lệ đạt", "Đánh giá", "Tăng/giảm so với trước Đề án", "Ô cần kiểm tra"];
const COLUMN_WIDTHS = [6, 48, 10, 11, 11, 11, 10, 15, 15, 10];
export const HEADER_ROW = 7;
/** A printed summary lists the worst units; the report keeps them all. */
export const BELOW_TARGET_LISTED = 20;
/** Where the figures behind the achievement chart sit: right of the printed area. */
const CHART_DATA_COLUMN = 12;
const CHART_ROWS = 16;
const UNIT_CHART_ROWS = 12;
const POINTS_CHANGE_FORMAT = '+0.0" điểm %";-0.0" điểm %";0.0" điểm %"';
const CHECK_FILL = { fill: "FFF2CC", fontColor: "9C5700" };

export interface RunInfo {
  now: Date;
  version: string;
  definitions: string;
  counts: SeverityCounts;
  /** The sheet that lists the findings, when there are any. */
  findingsSheet?: string | null;
}

const text = (t: string): PlanValue => ({ kind: "text", text: t });
const num = (v: number | null): PlanValue => (v === null ? { kind: "empty" } : { kind: "number", value: v });
const formula = (f: string, result: number | string | null): PlanValue => ({ kind: "formula", formula: f, result: result ?? "" });
const EMPTY: PlanValue = { kind: "empty" };

function vietnamClock(date: Date): Date {
  return new Date(date.getTime() + 7 * 3600 * 1000);
}

/** "29/11/2026 07:05" in Vietnam's time (UTC+7, no daylight saving). */
export function vietnamTime(date: Date): string {
  const t = vietnamClock(date);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}

/** The date line of a party document: "Lạng Giang, ngày 02 tháng 12 năm 2026". */
export function dateLine(place: string, date: Date): string {
  const t = vietnamClock(date);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${place}, ngày ${p(t.getUTCDate())} tháng ${p(t.getUTCMonth() + 1)} năm ${t.getUTCFullYear()}`;
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

function documentOf(profile: Profile) {
  return { board: "Ban Tổ chức", headTitle: "Trưởng ban", ...profile.document };
}

export interface SummaryLayout {
  /** indicator id → its row (1-based) */
  rows: Map<string, number>;
  groups: { row: number; id: string; title: string }[];
  lastTableRow: number;
}

/** Where each indicator sits: under the header, each group (A–D) headed by its title when the definitions give one. */
export function summaryLayout(defs: Definitions): SummaryLayout {
  const titles = new Map(defs.groups.map((g) => [g.id, g.title]));
  const rows = new Map<string, number>();
  const groups: SummaryLayout["groups"] = [];
  let row = HEADER_ROW;
  let group: string | null = null;
  for (const def of defs.indicators) {
    const letter = def.id[0];
    if (letter !== group && titles.has(letter)) groups.push({ row: ++row, id: letter, title: titles.get(letter)! });
    group = letter;
    rows.set(def.id, ++row);
  }
  return { rows, groups, lastTableRow: row };
}

/** The absolute reference of each indicator's target cell on the summary, for formulas elsewhere. */
export function summaryTargetRef(sheet: string, defs: Definitions, id: string): string | null {
  const row = summaryLayout(defs).rows.get(id);
  return row === undefined ? null : `${quoteSheetName(sheet)}!$F$${row}`;
}

/** What the run found, for the top of the summary; where the engine reports rows a ratio left out, which. */
function findingsLine(info: RunInfo, indicators: readonly IndicatorResult[]): { text: string; lines: number } {
  const { error, warning, info: notes } = info.counts;
  if (error + warning + notes === 0) return { text: "Kiểm tra số liệu: không có lỗi, cảnh báo hay ghi chú nào.", lines: 1 };
  const where = info.findingsSheet ? ` Danh sách từng ô ở sheet “${info.findingsSheet}”.` : "";
  const leftOut = indicators.filter((i) => (i.rowsLeftOut ?? 0) > 0).map((i) => `${i.id} bỏ ${i.rowsLeftOut} dòng`);
  const rows = leftOut.length ? ` Tỷ lệ chỉ tính trên các dòng đủ số liệu: ${leftOut.join(", ")}.` : "";
  return {
    text: `Kiểm tra số liệu: ${error} lỗi, ${warning} cảnh báo, ${notes} thông tin.${where} Chỉ tiêu tô vàng có ô cần kiểm tra (cột “Ô cần kiểm tra”).${rows}`,
    lines: rows ? 3 : 2,
  };
}

export function summaryOps(input: SummaryInput): PlanOp[] {
  const { sheet, defs, profile, readings, targets, indicators, info } = input;
  const ops: PlanOp[] = [{ op: "prepareSheet", sheet }];
  const lastCol = columnLetter(SUMMARY_HEADERS.length - 1);
  const put = (anchor: string, cells: PlanValue[][]) => ops.push({ op: "setCells", sheet, anchor, cells });
  const style = (range: string, s: CellStyle) => ops.push({ op: "style", sheet, range, style: s });
  const merge = (range: string) => ops.push({ op: "merge", sheet, range });
  const layout = summaryLayout(defs);
  const flow = new PageFlow(COLUMN_WIDTHS);
  const doc = documentOf(profile);

  // The party document's header block: the committee and its board on the left, the party's name and the date line on the right.
  put("A1", [[text(profile.committee.toUpperCase())]]);
  put("A2", [[text(doc.board.toUpperCase())]]);
  put("A3", [[text("*")]]);
  put("F1", [[text("ĐẢNG CỘNG SẢN VIỆT NAM")]]);
  put("F3", [[text(dateLine(doc.place ?? profile.district, info.now))]]);
  for (const r of [1, 2, 3]) {
    merge(`A${r}:C${r}`);
    merge(`F${r}:${lastCol}${r}`);
  }
  style("A1:C3", { hAlign: "center" });
  style("A2:C2", { bold: true });
  style(`F1:${lastCol}1`, { bold: true, hAlign: "center" });
  style(`F3:${lastCol}3`, { italic: true, hAlign: "center" });

  const period = periodOfWorkbook(readings) ?? doc.period ?? null;
  put("A4", [[text("TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ĐỀ ÁN 02")]]);
  if (period) put("A5", [[text(`(Số liệu đến ${period})`)]]);
  const found = findingsLine(info, indicators);
  put("A6", [[text(found.text)]]);
  for (const r of [4, 5, 6]) merge(`A${r}:${lastCol}${r}`);
  style(`A4:${lastCol}4`, { bold: true, fontSize: 14, hAlign: "center", vAlign: "middle" });
  style(`A5:${lastCol}5`, { italic: true, hAlign: "center" });
  style(`A6:${lastCol}6`, { italic: true, wrap: true, vAlign: "middle", ...(info.counts.error > 0 ? { fontColor: "9C0006" } : {}) });
  flow.rows(3, ROW_HEIGHT);
  flow.row(22);
  flow.row(ROW_HEIGHT);
  flow.row(found.lines * ROW_HEIGHT);

  put(`A${HEADER_ROW}`, [SUMMARY_HEADERS.map(text)]);
  style(`A${HEADER_ROW}:${lastCol}${HEADER_ROW}`, { bold: true, wrap: true, hAlign: "center", vAlign: "middle", fill: "DDEBF7", border: true });
  flow.row(32);

  for (const group of layout.groups) {
    put(`A${group.row}`, [[text(group.id), text(group.title)]]);
    merge(`B${group.row}:${lastCol}${group.row}`);
    style(`A${group.row}:${lastCol}${group.row}`, { bold: true, fill: "F2F2F2", border: true });
  }

  const targetOf = (id: string) => summaryTargetRef(sheet, defs, id);
  const ctx = aggregateCompileContext(defs, readings, targetOf);
  defs.indicators.forEach((def, i) => {
    const row = layout.rows.get(def.id)!;
    const result = indicators[i];
    const figures = targets.figures.get(def.id)!;
    const asts = indicatorAst(def);
    const actualText = actualFormula(asts.actual, ctx);
    const actual: PlanValue = actualText === null ? EMPTY : formula(actualText, result.actual);
    const ratio = def.unit === "ratio";
    const check = cellsToCheck(defs, def, readings);
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
        // A change of a ratio is in percentage points ("điểm %"), not a percent of the baseline.
        formula(`IF(OR(D${row}="",E${row}=""),"",${ratio ? `(E${row}-D${row})*100` : `E${row}-D${row}`})`, result.change === null ? null : ratio ? result.change * 100 : result.change),
        check ? formula(check.formula, check.count) : EMPTY,
      ],
    ]);
    style(`D${row}:F${row}`, { numberFormat: ratio ? PERCENT_FORMAT : "#,##0" });
    style(`G${row}`, { numberFormat: PERCENT_FORMAT });
    style(`I${row}`, { numberFormat: ratio ? POINTS_CHANGE_FORMAT : "+#,##0;-#,##0;0" });
    style(`J${row}`, { numberFormat: '#,##0;-#,##0;"–"', hAlign: "center" });
  });
  const firstRow = HEADER_ROW + 1;
  for (let row = firstRow; row <= layout.lastTableRow; row++) flow.row(defs.indicators.some((d) => layout.rows.get(d.id) === row && d.name.length > 50) ? 2 * TABLE_ROW_HEIGHT : TABLE_ROW_HEIGHT);
  style(`A${firstRow}:${lastCol}${layout.lastTableRow}`, { border: true, vAlign: "middle" });
  style(`B${firstRow}:B${layout.lastTableRow}`, { wrap: true });
  const indicatorRanges = defs.indicators.map((d) => layout.rows.get(d.id)!);
  const statusRange = `H${firstRow}:H${layout.lastTableRow}`;
  ops.push({
    op: "conditionalFormat",
    sheet,
    range: statusRange,
    rules: [
      { formula: `OR($H${firstRow}="${STATUS_LABELS.exceeded}",$H${firstRow}="${STATUS_LABELS.met}")`, fill: "C6EFCE", fontColor: "006100" },
      { formula: `$H${firstRow}="${STATUS_LABELS.not_met}"`, fill: "FFC7CE", fontColor: "9C0006" },
      { formula: `OR($H${firstRow}="${STATUS_LABELS.no_data}",$H${firstRow}="${STATUS_LABELS.no_target}")`, fill: "EDEDED", fontColor: "595959" },
    ],
  });
  // An indicator resting on cells to check is marked where the eye starts: its code and name, and the count itself.
  if (indicatorRanges.length) {
    const markRule = [{ formula: `AND(ISNUMBER($J${firstRow}),$J${firstRow}>0)`, ...CHECK_FILL }];
    ops.push({ op: "conditionalFormat", sheet, range: `A${firstRow}:B${layout.lastTableRow}`, rules: markRule });
    ops.push({ op: "conditionalFormat", sheet, range: `J${firstRow}:J${layout.lastTableRow}`, rules: markRule });
  }
  const tableFits = flow.closeFirstPage();

  let row = layout.lastTableRow + 2;
  flow.row(ROW_HEIGHT);
  row = achievementChart(ops, input, layout, flow, row);
  row = belowTargetBlock(ops, input, layout, flow, row);
  row = closingBlock(ops, input, flow, row);

  const fontRange = `A1:${lastCol}${row}`;
  style(fontRange, { fontName: UNICODE_FONT });
  ops.push(
    { op: "columnWidths", sheet, widths: COLUMN_WIDTHS.map((width, i) => ({ column: i + 1, width })) },
    { op: "rowHeights", sheet, heights: flow.heights() },
    { op: "freezeRows", sheet, rows: HEADER_ROW },
    {
      op: "pageSetup",
      sheet,
      orientation: "landscape",
      // The header repeats only when the indicator table itself runs over a page: the unit lists and the
      // signature carry their own headings.
      ...(tableFits ? {} : { printTitleRows: `${HEADER_ROW}:${HEADER_ROW}` }),
      printArea: `A1:${lastCol}${row}`,
      rowBreaks: flow.breaks(),
      footer: "Trang &P/&N",
      fontName: UNICODE_FONT,
    },
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

/** A column chart of each targeted indicator's achievement, with 100 % as a line; its figures are formulas beside the printed area. */
function achievementChart(ops: PlanOp[], input: SummaryInput, layout: SummaryLayout, flow: PageFlow, startRow: number): number {
  const { sheet, defs, indicators } = input;
  const charted = defs.indicators
    .map((def, i) => ({ def, result: indicators[i], row: layout.rows.get(def.id)! }))
    .filter(({ def, result }) => def.direction === "higher" && result.target !== null && result.target !== 0);
  if (charted.length === 0) return startRow;
  const put = (anchor: string, cells: PlanValue[][]) => ops.push({ op: "setCells", sheet, anchor, cells });
  const heading = startRow;
  put(`A${heading}`, [[text("BIỂU ĐỒ: TỶ LỆ ĐẠT MỤC TIÊU CỦA CÁC CHỈ TIÊU CÓ MỤC TIÊU (vạch đỏ: 100%)")]]);
  ops.push({ op: "style", sheet, range: `A${heading}`, style: { bold: true } });
  const dataCol = columnLetter(CHART_DATA_COLUMN - 1);
  const valueCol = columnLetter(CHART_DATA_COLUMN);
  const lineCol = columnLetter(CHART_DATA_COLUMN + 1);
  put(`${dataCol}${heading}`, [[text("Số liệu biểu đồ"), text("Tỷ lệ đạt"), text("Mục tiêu")]]);
  ops.push({ op: "style", sheet, range: `${dataCol}${heading}:${lineCol}${heading}`, style: { bold: true, fontName: UNICODE_FONT } });
  const first = heading + 1;
  put(
    `${dataCol}${first}`,
    charted.map(({ def, result, row }) => [text(def.id), formula(`IF(ISNUMBER(G${row}),G${row},"")`, result.achievement), num(1)]),
  );
  const last = first + charted.length - 1;
  ops.push({ op: "style", sheet, range: `${valueCol}${first}:${lineCol}${last}`, style: { numberFormat: PERCENT_FORMAT, fontName: UNICODE_FONT } });
  ops.push({ op: "style", sheet, range: `${dataCol}${first}:${dataCol}${last}`, style: { fontName: UNICODE_FONT } });
  const abs = (col: string, a: number, b: number) => `${quoteSheetName(sheet)}!$${col}$${a}:$${col}$${b}`;
  const chartTop = heading + 1;
  const chart: ChartSpec = {
    name: "DeAn02_TyLeDat",
    title: "Tỷ lệ đạt mục tiêu",
    from: `A${chartTop}`,
    to: `${columnLetter(SUMMARY_HEADERS.length)}${chartTop + CHART_ROWS}`,
    categories: { ref: abs(dataCol, first, last), cache: charted.map(({ def }) => def.id) },
    series: [
      { name: "Tỷ lệ đạt", kind: "column", ref: abs(valueCol, first, last), cache: charted.map(({ result }) => result.achievement), color: "4472C4" },
      { name: "Mục tiêu (100%)", kind: "line", ref: abs(lineCol, first, last), cache: charted.map(() => 1), color: "C00000" },
    ],
    valueFormat: "0%",
    fontName: UNICODE_FONT,
  };
  ops.push({ op: "chart", sheet, chart });
  const next = chartTop + CHART_ROWS + 1;
  flow.block(next - heading, ROW_HEIGHT);
  return next;
}

function belowTargetBlock(ops: PlanOp[], input: SummaryInput, layout: SummaryLayout, flow: PageFlow, startRow: number): number {
  const { sheet, defs, readings, indicators } = input;
  const put = (anchor: string, cells: PlanValue[][]) => ops.push({ op: "setCells", sheet, anchor, cells });
  let row = startRow;
  put(`A${row}`, [[text("ĐƠN VỊ CHƯA ĐẠT MỤC TIÊU (xếp từ thấp nhất)")]]);
  ops.push({ op: "style", sheet, range: `A${row}`, style: { bold: true } });
  const headingRow = row;
  row++;
  let any = false;
  let firstBlock = true;
  defs.indicators.forEach((def, i) => {
    const result = indicators[i];
    if (!def.perUnit || !result.belowTarget) return;
    const reading = readings.get(def.perUnit.sheet);
    const calc = reading?.def.calculated.find((c) => c.id === def.perUnit!.calculated);
    if (!reading || !calc) return;
    any = true;
    const blockStart = row;
    put(`A${row}`, [[text(def.id), text(`${def.name}: ${result.belowTarget.length} đơn vị dưới mục tiêu`)]]);
    ops.push({ op: "style", sheet, range: `A${row}:B${row}`, style: { bold: true, italic: true } });
    row++;
    if (result.belowTarget.length === 0) {
      flow.block(row - blockStart + (firstBlock ? 1 : 0), ROW_HEIGHT);
      firstBlock = false;
      return;
    }
    put(`B${row}`, [[text("Đơn vị"), text("Số liệu"), EMPTY, text("Thực hiện"), text("Mục tiêu"), text("Tỷ lệ đạt")]]);
    ops.push({ op: "style", sheet, range: `B${row}:G${row}`, style: { bold: true, fill: "F2F2F2", border: true } });
    row++;
    const calcCol = calculatedColumnPlaces(reading).get(calc.id)!;
    const parts = splitDivision(parsed(calc.expr, "row"));
    const targetRow = layout.rows.get(def.id)!;
    const blockTop = row;
    const records = new Map(reading.rows.map((r) => [r.unit?.name ?? r.keyText, r]));
    const listed = result.belowTarget.slice(0, BELOW_TARGET_LISTED);
    for (const unit of listed) {
      const record = records.get(unit.unit)!;
      const ref = (col: number) => `${quoteSheetName(reading.grid.name)}!${absoluteAddress(record.row, col)}`;
      const numCol = parts && parts.numerator.type === "field" ? reading.layout.columns.get(parts.numerator.name) : undefined;
      const denCol = parts && parts.denominator.type === "field" ? reading.layout.columns.get(parts.denominator.name) : undefined;
      const figures = numCol !== undefined && denCol !== undefined ? formula(`${ref(numCol)}&"/"&${ref(denCol)}`, `${unit.numerator}/${unit.denominator}`) : EMPTY;
      put(`B${row}`, [
        [
          text(unit.unit),
          figures,
          EMPTY,
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
    // Beside the list, the same units against the target as a chart.
    const chartTop = blockTop - 1;
    const chartBottom = Math.max(row, chartTop + UNIT_CHART_ROWS);
    const abs = (col: string) => `${quoteSheetName(sheet)}!$${col}$${blockTop}:$${col}$${blockTop + listed.length - 1}`;
    ops.push({
      op: "chart",
      sheet,
      chart: {
        name: `DeAn02_DonVi_${def.id}`,
        title: `${def.id}: đơn vị dưới mục tiêu`,
        from: `H${chartTop}`,
        to: `${columnLetter(SUMMARY_HEADERS.length)}${chartBottom}`,
        categories: { ref: abs("B"), cache: listed.map((u) => u.unit) },
        series: [
          { name: "Thực hiện", kind: "column", ref: abs("E"), cache: listed.map((u) => u.actual), color: "ED7D31" },
          { name: "Mục tiêu", kind: "line", ref: abs("F"), cache: listed.map(() => result.target), color: "C00000" },
        ],
        valueFormat: "0%",
        fontName: UNICODE_FONT,
      },
    });
    row = chartBottom + 1;
    flow.block(row - blockStart + (firstBlock ? 1 : 0), ROW_HEIGHT);
    firstBlock = false;
  });
  if (!any) {
    put(`A${row}`, [[text("Không có chỉ tiêu theo đơn vị nào có mục tiêu để so sánh.")]]);
    row++;
    flow.block(row - headingRow, ROW_HEIGHT);
  }
  return row;
}

/** The signature block, then the run's particulars in one short line: together, so neither is left alone on a page. */
function closingBlock(ops: PlanOp[], input: SummaryInput, flow: PageFlow, startRow: number): number {
  const { sheet, info, targets, profile } = input;
  const doc = documentOf(profile);
  const lastCol = columnLetter(SUMMARY_HEADERS.length - 1);
  const put = (anchor: string, cells: PlanValue[][]) => ops.push({ op: "setCells", sheet, anchor, cells });
  const top = startRow + 1;
  put(`B${top}`, [[text("NGƯỜI LẬP BIỂU")], [text("(Ký, ghi rõ họ tên)")]]);
  put(`F${top}`, [[text(doc.headTitle.toUpperCase())], [text("(Ký, ghi rõ họ tên)")]]);
  const names = top + 5;
  if (doc.preparerName) put(`B${names}`, [[text(doc.preparerName)]]);
  if (doc.headName) put(`F${names}`, [[text(doc.headName)]]);
  for (const r of [top, top + 1, names]) ops.push({ op: "merge", sheet, range: `F${r}:${lastCol}${r}` });
  ops.push({ op: "style", sheet, range: `B${top}:${lastCol}${names}`, style: { hAlign: "center" } });
  ops.push({ op: "style", sheet, range: `B${top}:${lastCol}${top}`, style: { bold: true } });
  ops.push({ op: "style", sheet, range: `B${top + 1}:${lastCol}${top + 1}`, style: { italic: true } });
  ops.push({ op: "style", sheet, range: `B${names}:${lastCol}${names}`, style: { bold: true } });
  const runRow = names + 2;
  const source = targets.sheet ? `sheet “${targets.sheet}”` : "hồ sơ";
  put(`A${runRow}`, [
    [text(`Tính lại lúc ${vietnamTime(info.now)} · add-in ${info.version} · định nghĩa ${info.definitions} · hồ sơ ${profile.id} · mục tiêu lấy từ ${source}.`)],
  ]);
  ops.push({ op: "merge", sheet, range: `A${runRow}:${lastCol}${runRow}` });
  ops.push({ op: "style", sheet, range: `A${runRow}`, style: { italic: true, fontSize: 9, fontColor: "595959" } });
  flow.block(runRow - startRow + 1, ROW_HEIGHT);
  return runRow;
}
