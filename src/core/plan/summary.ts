import { calculatedAst, type Catalogue } from "../definitions/compile";
import type { CalculatedDef, IndicatorDef, Profile } from "../definitions/schema";
import { type Ast, type CompileContext, compile, quoteSheetName, referencedSheets } from "../expr";
import type { CellStyle, ChartSpec, IndicatorResult, IndicatorStatus, PlanOp, PlanValue, SeverityCounts, UnitValue } from "../model";
import { absoluteAddress, absoluteColumnRange, columnLetter } from "../a1";
import { aggregateCompileContext, type Readings } from "../workbook/contexts";
import type { TargetsReading } from "../indicators/targets";
import type { SheetReading } from "../validate/sheet";
import { splitDivision } from "../expr/inspect";
import { calculatedColumnPlaces } from "./calculated-columns";
import { BAD, BAND_FILL, columnLetters, COUNT_FORMAT, EMPTY, formula, GOOD, HEADER_STYLE, MUTED, num, PERCENT_FORMAT, type SheetWriter, sheetWriter, text, UNICODE_FONT } from "./cells";
import { cellsToCheck } from "./cells-to-check";
import { periodOfWorkbook } from "./period";
import { STATUS_ROUND_DIGITS } from "../tolerances";
import { PageFlow, ROW_HEIGHT, TABLE_ROW_HEIGHT } from "./print-layout";

export const STATUS_LABELS: Record<IndicatorStatus, string> = {
  exceeded: "Vượt mục tiêu",
  met: "Đạt",
  not_met: "Chưa đạt",
  no_target: "Chưa có mục tiêu",
  no_data: "Không có dữ liệu",
};

const POINTS_CHANGE_FORMAT = '+0.0" điểm %";-0.0" điểm %";0.0" điểm %"';
const figureFormat = (ratio: boolean): CellStyle => ({ numberFormat: ratio ? PERCENT_FORMAT : COUNT_FORMAT });
const percentFormat = (): CellStyle => ({ numberFormat: PERCENT_FORMAT });

type SummaryKey = "id" | "name" | "unit" | "baseline" | "actual" | "target" | "achievement" | "status" | "change" | "check";

interface SummaryColumn {
  key: SummaryKey;
  header: string;
  width: number;
  /** An indicator row's format in this column, by whether the indicator is a ratio; adjacent columns sharing one are styled together. */
  format?: (ratio: boolean) => CellStyle;
}

/** The summary table's columns, in order from A: each one's letter is its place here. */
const SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  { key: "id", header: "Mã", width: 6 },
  { key: "name", header: "Chỉ tiêu", width: 48 },
  { key: "unit", header: "Đơn vị tính", width: 10 },
  { key: "baseline", header: "Trước Đề án", width: 11, format: figureFormat },
  { key: "actual", header: "Thực hiện", width: 11, format: figureFormat },
  { key: "target", header: "Mục tiêu", width: 11, format: figureFormat },
  { key: "achievement", header: "Tỷ lệ đạt", width: 10, format: percentFormat },
  { key: "status", header: "Đánh giá", width: 15 },
  { key: "change", header: "Tăng/giảm so với trước Đề án", width: 15, format: (ratio) => ({ numberFormat: ratio ? POINTS_CHANGE_FORMAT : "+#,##0;-#,##0;0" }) },
  { key: "check", header: "Ô cần kiểm tra", width: 10, format: () => ({ numberFormat: '#,##0;-#,##0;"–"', hAlign: "center" }) },
];
const SUMMARY_HEADERS = SUMMARY_COLUMNS.map((c) => c.header);
const COLUMN_WIDTHS = SUMMARY_COLUMNS.map((c) => c.width);
const INDEX = Object.fromEntries(SUMMARY_COLUMNS.map((c, i) => [c.key, i])) as Record<SummaryKey, number>;
/** Each column's letter: A for the code, E for the actual, F for the target… */
const COL = columnLetters(SUMMARY_COLUMNS);
const LAST_COL = columnLetter(SUMMARY_COLUMNS.length - 1);
/** The first column right of the table, where the charts end. */
const AFTER_TABLE = columnLetter(SUMMARY_COLUMNS.length);
/** The committee's block at the top left spans the first three columns, code to unit. */
const LEFT_BLOCK_END = COL.unit;
/** The right-hand blocks of the document (the party's name and date line, the head's signature) start over the target column. */
const RIGHT_BLOCK = COL.target;

const HEADER_ROW = 7;
/** A printed summary lists the worst units; the report keeps them all. */
const BELOW_TARGET_LISTED = 20;
/** Where the figures behind the achievement chart sit: right of the printed area (1-based, column L). */
const CHART_DATA_COLUMN = 12;
const CHART_ROWS = 16;
const UNIT_CHART_ROWS = 12;
const TITLE_ROW_HEIGHT = 22;
const HEADER_ROW_HEIGHT = 32;
/** An indicator name longer than this wraps onto a second line in its 48-character column. */
const ONE_LINE_NAME = 50;
const CHECK_FILL = { fill: "FFF2CC", fontColor: "9C5700" };
/** The charts' colours: Office's blue and orange for the figures, a red line for the target. */
const CHART_COLORS = { achievement: "4472C4", actual: "ED7D31", target: "C00000" };
/** Vietnam keeps UTC+7 all year, with no daylight saving. */
const VIETNAM_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;

interface RunInfo {
  now: Date;
  version: string;
  definitions: string;
  counts: SeverityCounts;
  /** The sheet that lists the findings, when there are any. */
  findingsSheet?: string | null;
}

function vietnamClock(date: Date): Date {
  return new Date(date.getTime() + VIETNAM_UTC_OFFSET_MS);
}

/** "29/11/2026 07:05" in Vietnam's time (UTC+7, no daylight saving). */
export function vietnamTime(date: Date): string {
  const t = vietnamClock(date);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}

/** The date line of a party document: "Lạng Giang, ngày 02 tháng 12 năm 2026". */
function dateLine(place: string, date: Date): string {
  const t = vietnamClock(date);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${place}, ngày ${p(t.getUTCDate())} tháng ${p(t.getUTCMonth() + 1)} năm ${t.getUTCFullYear()}`;
}

/** A summary cell's address by its column: at("actual", 9) is "E9". */
const at = (key: SummaryKey, row: number) => `${COL[key]}${row}`;

function figureCell(source: { value: number | null; reference: string | null }): PlanValue {
  return source.reference ? formula(`IF(ISNUMBER(${source.reference}),${source.reference},"")`, source.value) : num(source.value);
}

function statusFormula(row: number, direction: "higher" | "lower"): string {
  const [e, f] = [at("actual", row), at("target", row)];
  const l = STATUS_LABELS;
  const diff = `ROUND(${e}-${f},${STATUS_ROUND_DIGITS})`;
  const judged =
    direction === "lower"
      ? `IF(${diff}<=0,"${l.met}","${l.not_met}")`
      : `IF(${diff}>0,"${l.exceeded}",IF(${diff}=0,"${l.met}","${l.not_met}"))`;
  return `IF(${e}="","${l.no_data}",IF(${f}="","${l.no_target}",${judged}))`;
}

/** Adjacent columns sharing a format, one range each: the three figures together, then each other formatted column. */
const FORMAT_RUNS = SUMMARY_COLUMNS.reduce<{ first: number; last: number; format: (ratio: boolean) => CellStyle }[]>((runs, column, i) => {
  const previous = runs[runs.length - 1];
  if (!column.format) return runs;
  if (previous && previous.format === column.format && previous.last === i - 1) previous.last = i;
  else runs.push({ first: i, last: i, format: column.format });
  return runs;
}, []);

export interface SummaryInput {
  sheet: string;
  defs: Catalogue;
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
export function summaryLayout(defs: Catalogue): SummaryLayout {
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
export function summaryTargetRef(sheet: string, defs: Catalogue, id: string): string | null {
  const row = summaryLayout(defs).rows.get(id);
  return row === undefined ? null : `${quoteSheetName(sheet)}!${absoluteAddress(row - 1, INDEX.target)}`;
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
  const { sheet, defs } = input;
  const ops: PlanOp[] = [{ op: "prepareSheet", sheet }];
  const out = sheetWriter(ops, sheet);
  const layout = summaryLayout(defs);
  const flow = new PageFlow(COLUMN_WIDTHS);
  documentHeader(out, input, flow);
  indicatorTable(out, input, layout, flow);
  ops.push(...tableHighlights(sheet, defs, layout));
  const tableFits = flow.closeFirstPage();

  let row = layout.lastTableRow + 2;
  flow.row(ROW_HEIGHT);
  row = achievementChart(ops, input, layout, flow, row);
  row = belowTargetBlock(ops, input, layout, flow, row);
  row = closingBlock(ops, input, flow, row);

  out.style(`A1:${LAST_COL}${row}`, { fontName: UNICODE_FONT });
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
      printArea: `A1:${LAST_COL}${row}`,
      rowBreaks: flow.breaks(),
      footer: "Trang &P/&N",
      fontName: UNICODE_FONT,
    },
  );
  return ops;
}

/** The party document's header block (the committee and its board on the left, the party's name and the date line on the right), the title, the period and what the run found. */
function documentHeader({ put, style, merge }: SheetWriter, input: SummaryInput, flow: PageFlow): void {
  const { profile, readings, indicators, info } = input;
  const doc = documentOf(profile);
  put("A1", [[text(profile.committee.toUpperCase())]]);
  put("A2", [[text(doc.board.toUpperCase())]]);
  put("A3", [[text("*")]]);
  put(`${RIGHT_BLOCK}1`, [[text("ĐẢNG CỘNG SẢN VIỆT NAM")]]);
  put(`${RIGHT_BLOCK}3`, [[text(dateLine(doc.place ?? profile.district, info.now))]]);
  for (const r of [1, 2, 3]) {
    merge(`A${r}:${LEFT_BLOCK_END}${r}`);
    merge(`${RIGHT_BLOCK}${r}:${LAST_COL}${r}`);
  }
  style(`A1:${LEFT_BLOCK_END}3`, { hAlign: "center" });
  style(`A2:${LEFT_BLOCK_END}2`, { bold: true });
  style(`${RIGHT_BLOCK}1:${LAST_COL}1`, { bold: true, hAlign: "center" });
  style(`${RIGHT_BLOCK}3:${LAST_COL}3`, { italic: true, hAlign: "center" });

  const period = periodOfWorkbook(readings) ?? doc.period ?? null;
  put("A4", [[text("TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ĐỀ ÁN 02")]]);
  if (period) put("A5", [[text(`(Số liệu đến ${period})`)]]);
  const found = findingsLine(info, indicators);
  put("A6", [[text(found.text)]]);
  for (const r of [4, 5, 6]) merge(`A${r}:${LAST_COL}${r}`);
  style(`A4:${LAST_COL}4`, { bold: true, fontSize: 14, hAlign: "center", vAlign: "middle" });
  style(`A5:${LAST_COL}5`, { italic: true, hAlign: "center" });
  style(`A6:${LAST_COL}6`, { italic: true, wrap: true, vAlign: "middle", ...(info.counts.error > 0 ? { fontColor: BAD.fontColor } : {}) });
  flow.rows(3, ROW_HEIGHT);
  flow.row(TITLE_ROW_HEIGHT);
  flow.row(ROW_HEIGHT);
  flow.row(found.lines * ROW_HEIGHT);
}

/** The column headers, each group's title row, and a row per indicator. */
function indicatorTable(out: SheetWriter, input: SummaryInput, layout: SummaryLayout, flow: PageFlow): void {
  const { sheet, defs, readings } = input;
  out.put(`A${HEADER_ROW}`, [SUMMARY_HEADERS.map(text)]);
  out.style(`A${HEADER_ROW}:${LAST_COL}${HEADER_ROW}`, HEADER_STYLE);
  flow.row(HEADER_ROW_HEIGHT);

  for (const group of layout.groups) {
    out.put(`A${group.row}`, [[text(group.id), text(group.title)]]);
    out.merge(`${COL.name}${group.row}:${LAST_COL}${group.row}`);
    out.style(`A${group.row}:${LAST_COL}${group.row}`, { bold: true, fill: BAND_FILL, border: true });
  }

  const ctx = aggregateCompileContext(defs, readings, (id) => summaryTargetRef(sheet, defs, id));
  defs.indicators.forEach((def, i) => indicatorRow(out, input, i, layout.rows.get(def.id)!, ctx));
  const firstRow = HEADER_ROW + 1;
  for (let row = firstRow; row <= layout.lastTableRow; row++) flow.row(defs.indicators.some((d) => layout.rows.get(d.id) === row && d.name.length > ONE_LINE_NAME) ? 2 * TABLE_ROW_HEIGHT : TABLE_ROW_HEIGHT);
  out.style(`A${firstRow}:${LAST_COL}${layout.lastTableRow}`, { border: true, vAlign: "middle" });
  out.style(`${COL.name}${firstRow}:${COL.name}${layout.lastTableRow}`, { wrap: true });
}

/** One indicator's row: its figures as formulas over the workbook (each with the engine's value cached), its status and change. */
function indicatorRow(out: SheetWriter, input: SummaryInput, i: number, row: number, ctx: CompileContext): void {
  const def = input.defs.indicators[i];
  const result = input.indicators[i];
  const figures = input.targets.figures.get(def.id)!;
  const actualText = actualFormula(input.defs.indicatorById.get(def.id)!.actual, ctx);
  const ratio = def.unit === "ratio";
  const check = cellsToCheck(input.defs, def, input.readings);
  const [d, e, f] = [at("baseline", row), at("actual", row), at("target", row)];
  const cells: Record<SummaryKey, PlanValue> = {
    id: text(def.id),
    name: text(def.name),
    unit: text(def.unitLabel),
    baseline: figureCell(figures.baseline),
    actual: actualText === null ? EMPTY : formula(actualText, result.actual),
    target: figureCell(figures.target),
    achievement: formula(`IFERROR(IF(OR(${e}="",${f}=""),"",${e}/${f}),"")`, result.achievement),
    status: formula(statusFormula(row, def.direction), STATUS_LABELS[result.status]),
    // A change of a ratio is in percentage points ("điểm %"), not a percent of the baseline.
    change: formula(`IF(OR(${d}="",${e}=""),"",${ratio ? `(${e}-${d})*100` : `${e}-${d}`})`, result.change === null ? null : ratio ? result.change * 100 : result.change),
    check: check ? formula(check.formula, check.count) : EMPTY,
  };
  out.put(`A${row}`, [SUMMARY_COLUMNS.map((c) => cells[c.key])]);
  for (const run of FORMAT_RUNS) {
    const range = run.first === run.last ? `${columnLetter(run.first)}${row}` : `${columnLetter(run.first)}${row}:${columnLetter(run.last)}${row}`;
    out.style(range, run.format(ratio));
  }
}

/** Statuses coloured by what they say; an indicator resting on cells to check is marked where the eye starts: its code and name, and the count itself. */
function tableHighlights(sheet: string, defs: Catalogue, layout: SummaryLayout): PlanOp[] {
  const firstRow = HEADER_ROW + 1;
  const last = layout.lastTableRow;
  const status = `$${at("status", firstRow)}`;
  const ops: PlanOp[] = [
    {
      op: "conditionalFormat",
      sheet,
      range: `${at("status", firstRow)}:${at("status", last)}`,
      rules: [
        { formula: `OR(${status}="${STATUS_LABELS.exceeded}",${status}="${STATUS_LABELS.met}")`, ...GOOD },
        { formula: `${status}="${STATUS_LABELS.not_met}"`, ...BAD },
        { formula: `OR(${status}="${STATUS_LABELS.no_data}",${status}="${STATUS_LABELS.no_target}")`, ...MUTED },
      ],
    },
  ];
  if (defs.indicators.length) {
    const count = `$${at("check", firstRow)}`;
    const markRule = [{ formula: `AND(ISNUMBER(${count}),${count}>0)`, ...CHECK_FILL }];
    ops.push({ op: "conditionalFormat", sheet, range: `A${firstRow}:${at("name", last)}`, rules: markRule });
    ops.push({ op: "conditionalFormat", sheet, range: `${at("check", firstRow)}:${at("check", last)}`, rules: markRule });
  }
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

/** An absolute reference to rows first..last (1-based) of one column (0-based) of the summary, for a chart's series. */
function seriesRef(sheet: string, col0: number, first: number, last: number): string {
  return `${quoteSheetName(sheet)}!${absoluteColumnRange(col0, first - 1, last - 1)}`;
}

/** A column chart of each targeted indicator's achievement, with 100 % as a line; its figures are formulas beside the printed area. */
function achievementChart(ops: PlanOp[], input: SummaryInput, layout: SummaryLayout, flow: PageFlow, startRow: number): number {
  const { sheet, defs, indicators } = input;
  const charted = defs.indicators
    .map((def, i) => ({ def, result: indicators[i], row: layout.rows.get(def.id)! }))
    .filter(({ def, result }) => def.direction === "higher" && result.target !== null && result.target !== 0);
  if (charted.length === 0) return startRow;
  const { put, style } = sheetWriter(ops, sheet);
  const heading = startRow;
  put(`A${heading}`, [[text("BIỂU ĐỒ: TỶ LỆ ĐẠT MỤC TIÊU CỦA CÁC CHỈ TIÊU CÓ MỤC TIÊU (vạch đỏ: 100%)")]]);
  style(`A${heading}`, { bold: true });
  const [dataIndex, valueIndex, lineIndex] = [CHART_DATA_COLUMN - 1, CHART_DATA_COLUMN, CHART_DATA_COLUMN + 1];
  const [dataCol, valueCol, lineCol] = [dataIndex, valueIndex, lineIndex].map(columnLetter);
  put(`${dataCol}${heading}`, [[text("Số liệu biểu đồ"), text("Tỷ lệ đạt"), text("Mục tiêu")]]);
  style(`${dataCol}${heading}:${lineCol}${heading}`, { bold: true, fontName: UNICODE_FONT });
  const first = heading + 1;
  put(
    `${dataCol}${first}`,
    charted.map(({ def, result, row }) => [text(def.id), formula(`IF(ISNUMBER(${at("achievement", row)}),${at("achievement", row)},"")`, result.achievement), num(1)]),
  );
  const last = first + charted.length - 1;
  style(`${valueCol}${first}:${lineCol}${last}`, { numberFormat: PERCENT_FORMAT, fontName: UNICODE_FONT });
  style(`${dataCol}${first}:${dataCol}${last}`, { fontName: UNICODE_FONT });
  const chartTop = heading + 1;
  const chart: ChartSpec = {
    name: "DeAn02_TyLeDat",
    title: "Tỷ lệ đạt mục tiêu",
    from: `A${chartTop}`,
    to: `${AFTER_TABLE}${chartTop + CHART_ROWS}`,
    categories: { ref: seriesRef(sheet, dataIndex, first, last), cache: charted.map(({ def }) => def.id) },
    series: [
      { name: "Tỷ lệ đạt", kind: "column", ref: seriesRef(sheet, valueIndex, first, last), cache: charted.map(({ result }) => result.achievement), color: CHART_COLORS.achievement },
      { name: "Mục tiêu (100%)", kind: "line", ref: seriesRef(sheet, lineIndex, first, last), cache: charted.map(() => 1), color: CHART_COLORS.target },
    ],
    valueFormat: "0%",
    fontName: UNICODE_FONT,
  };
  ops.push({ op: "chart", sheet, chart });
  const next = chartTop + CHART_ROWS + 1;
  flow.block(next - heading, ROW_HEIGHT);
  return next;
}

/** A per-unit indicator with a target, and what its unit list reads. */
interface UnitBlock {
  def: IndicatorDef;
  result: IndicatorResult & { belowTarget: UnitValue[] };
  reading: SheetReading;
  calc: CalculatedDef;
  /** The calculated column's compiled formula, split into numerator and denominator for the figures column. */
  ast: Ast;
  /** The indicator's row in the table above, whose target the list compares with. */
  targetRow: number;
}

function belowTargetBlock(ops: PlanOp[], input: SummaryInput, layout: SummaryLayout, flow: PageFlow, startRow: number): number {
  const { sheet, defs, readings, indicators } = input;
  const { put, style } = sheetWriter(ops, sheet);
  let row = startRow;
  put(`A${row}`, [[text("ĐƠN VỊ CHƯA ĐẠT MỤC TIÊU (xếp từ thấp nhất)")]]);
  style(`A${row}`, { bold: true });
  row++;
  let firstBlock = true;
  defs.indicators.forEach((def, i) => {
    const result = indicators[i];
    if (!def.perUnit || !result.belowTarget) return;
    const reading = readings.get(def.perUnit.sheet);
    const calc = reading?.def.calculated.find((c) => c.id === def.perUnit!.calculated);
    if (!reading || !calc) return;
    const blockStart = row;
    row = unitBlock(ops, sheet, { def, result: { ...result, belowTarget: result.belowTarget }, reading, calc, ast: calculatedAst(defs, reading.def.id, calc.id), targetRow: layout.rows.get(def.id)! }, row);
    flow.block(row - blockStart + (firstBlock ? 1 : 0), ROW_HEIGHT);
    firstBlock = false;
  });
  if (firstBlock) {
    put(`A${row}`, [[text("Không có chỉ tiêu theo đơn vị nào có mục tiêu để so sánh.")]]);
    row++;
    flow.block(row - startRow, ROW_HEIGHT);
  }
  return row;
}

/** One indicator's units below target, worst first, beside a chart of them against the target; returns the row after it. */
function unitBlock(ops: PlanOp[], sheet: string, block: UnitBlock, startRow: number): number {
  const { def, result, reading, calc } = block;
  const { put, style } = sheetWriter(ops, sheet);
  let row = startRow;
  put(`A${row}`, [[text(def.id), text(`${def.name}: ${result.belowTarget.length} đơn vị dưới mục tiêu`)]]);
  style(`A${row}:${COL.name}${row}`, { bold: true, italic: true });
  row++;
  if (result.belowTarget.length === 0) return row;
  put(at("name", row), [[text("Đơn vị"), text("Số liệu"), EMPTY, text("Thực hiện"), text("Mục tiêu"), text("Tỷ lệ đạt")]]);
  style(`${at("name", row)}:${at("achievement", row)}`, { bold: true, fill: BAND_FILL, border: true });
  row++;
  const blockTop = row;
  const listed = result.belowTarget.slice(0, BELOW_TARGET_LISTED);
  const records = new Map(reading.rows.map((r) => [r.unit?.name ?? r.keyText, r]));
  const parts = splitDivision(block.ast);
  const fieldColumn = (ast: Ast) => (ast.type === "field" ? reading.layout.columns.get(ast.name) : undefined);
  const columns = { numerator: parts && fieldColumn(parts.numerator), denominator: parts && fieldColumn(parts.denominator), actual: calculatedColumnPlaces(reading).get(calc.id)! };
  listed.forEach((unit, k) => put(at("name", blockTop + k), [unitCells(block, unit, records.get(unit.unit)!.row, columns, blockTop + k)]));
  row += listed.length;
  style(`${at("name", blockTop)}:${at("achievement", row - 1)}`, { border: true });
  style(`${at("actual", blockTop)}:${at("achievement", row - 1)}`, { numberFormat: PERCENT_FORMAT });
  const rest = result.belowTarget.length - BELOW_TARGET_LISTED;
  if (rest > 0) {
    put(at("name", row), [[text(`… và ${rest} đơn vị khác (xem cột “${calc.header}” ở sheet “${reading.grid.name}”)`)]]);
    row++;
  }
  // Beside the list, the same units against the target as a chart.
  const chartTop = blockTop - 1;
  const chartBottom = Math.max(row, chartTop + UNIT_CHART_ROWS);
  const ref = (col0: number) => seriesRef(sheet, col0, blockTop, blockTop + listed.length - 1);
  const chart: ChartSpec = {
    name: `DeAn02_DonVi_${def.id}`,
    title: `${def.id}: đơn vị dưới mục tiêu`,
    from: at("status", chartTop),
    to: `${AFTER_TABLE}${chartBottom}`,
    categories: { ref: ref(INDEX.name), cache: listed.map((u) => u.unit) },
    series: [
      { name: "Thực hiện", kind: "column", ref: ref(INDEX.actual), cache: listed.map((u) => u.actual), color: CHART_COLORS.actual },
      { name: "Mục tiêu", kind: "line", ref: ref(INDEX.target), cache: listed.map(() => result.target), color: CHART_COLORS.target },
    ],
    valueFormat: "0%",
    fontName: UNICODE_FONT,
  };
  ops.push({ op: "chart", sheet, chart });
  return chartBottom + 1;
}

/**
 * A unit's row in its list, under the table's name to achievement columns: its figures and actual read from
 * its own row of the sheet (unitRow, zero-based), the target from the table.
 */
function unitCells(block: UnitBlock, unit: UnitValue, unitRow: number, columns: { numerator?: number | null; denominator?: number | null; actual: number }, row: number): PlanValue[] {
  const { result, reading } = block;
  const ref = (col: number) => `${quoteSheetName(reading.grid.name)}!${absoluteAddress(unitRow, col)}`;
  const { numerator, denominator } = columns;
  const figures = typeof numerator === "number" && typeof denominator === "number" ? formula(`${ref(numerator)}&"/"&${ref(denominator)}`, `${unit.numerator}/${unit.denominator}`) : EMPTY;
  return [
    text(unit.unit),
    figures,
    EMPTY,
    formula(ref(columns.actual), unit.actual),
    formula(absoluteAddress(block.targetRow - 1, INDEX.target), result.target),
    formula(`IFERROR(${at("actual", row)}/${at("target", row)},"")`, result.target ? unit.actual / result.target : null),
  ];
}

/** The signature block, then the run's particulars in one short line: together, so neither is left alone on a page. */
function closingBlock(ops: PlanOp[], input: SummaryInput, flow: PageFlow, startRow: number): number {
  const { sheet, info, targets, profile } = input;
  const doc = documentOf(profile);
  const { put, style, merge } = sheetWriter(ops, sheet);
  const [left, right] = [COL.name, RIGHT_BLOCK];
  const top = startRow + 1;
  put(`${left}${top}`, [[text("NGƯỜI LẬP BIỂU")], [text("(Ký, ghi rõ họ tên)")]]);
  put(`${right}${top}`, [[text(doc.headTitle.toUpperCase())], [text("(Ký, ghi rõ họ tên)")]]);
  const names = top + 5;
  if (doc.preparerName) put(`${left}${names}`, [[text(doc.preparerName)]]);
  if (doc.headName) put(`${right}${names}`, [[text(doc.headName)]]);
  for (const r of [top, top + 1, names]) merge(`${right}${r}:${LAST_COL}${r}`);
  style(`${left}${top}:${LAST_COL}${names}`, { hAlign: "center" });
  style(`${left}${top}:${LAST_COL}${top}`, { bold: true });
  style(`${left}${top + 1}:${LAST_COL}${top + 1}`, { italic: true });
  style(`${left}${names}:${LAST_COL}${names}`, { bold: true });
  const runRow = names + 2;
  const source = targets.sheet ? `sheet “${targets.sheet}”` : "hồ sơ";
  put(`A${runRow}`, [
    [text(`Tính lại lúc ${vietnamTime(info.now)} · add-in ${info.version} · định nghĩa ${info.definitions} · hồ sơ ${profile.id} · mục tiêu lấy từ ${source}.`)],
  ]);
  merge(`A${runRow}:${LAST_COL}${runRow}`);
  style(`A${runRow}`, { italic: true, fontSize: 9, fontColor: MUTED.fontColor });
  flow.block(runRow - startRow + 1, ROW_HEIGHT);
  return runRow;
}
