import { excelString, quoteSheetName } from "../expr";
import type { Finding, PlanOp, PlanValue, Severity } from "../model";
import { renderVietnamese } from "../findings/messages";
import { BAD, columnLetters, EMPTY, HEADER_STYLE_UNWRAPPED, num, text, UNICODE_FONT, WARNING } from "./cells";

export const FINDINGS_SHEET = "Kiểm tra số liệu";

/** Excel's hyperlink blue, for the cells that link to a finding's cell. */
const LINK_COLOR = "0563C1";
const SEVERITY_LABELS: Record<Severity, string> = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" };
const ORDER: Severity[] = ["error", "warning", "info"];
/** The sheet's columns, in order from A. */
const COLUMNS = [
  { key: "number", header: "STT", width: 5 },
  { key: "severity", header: "Mức độ", width: 10 },
  { key: "sheet", header: "Sheet", width: 22 },
  { key: "cell", header: "Ô", width: 8 },
  { key: "message", header: "Nội dung cần xem", width: 100 },
] as const;
const COL = columnLetters(COLUMNS);
const LAST_COL = COL.message;
const HEADER_ROW = 4;

/**
 * A link that takes the reader to the cell: HYPERLINK with a "#Sheet!A1" location, the sheet name quoted as
 * in a formula (a name with spaces or quotes still resolves), the address as the link's text.
 */
function cellLink(sheet: string, cell: string): PlanValue {
  return { kind: "formula", formula: `HYPERLINK(${excelString(`#${quoteSheetName(sheet)}!${cell}`)},${excelString(cell)})`, result: cell };
}

/**
 * The findings sheet, for whoever opens the workbook without the add-in: every finding with its severity,
 * sheet, cell (a link to it) and message. Sheet names and messages come from people's cells, so they are
 * written as text, never as formulas.
 */
export function findingsSheetOps(sheet: string, findings: readonly Finding[], existingSheets: ReadonlySet<string>, runLine: string): PlanOp[] {
  const ops: PlanOp[] = [{ op: "prepareSheet", sheet }];
  const sorted = ORDER.flatMap((severity) => findings.filter((f) => f.severity === severity));
  const counts = ORDER.map((s) => `${sorted.filter((f) => f.severity === s).length} ${SEVERITY_LABELS[s].toLowerCase()}`).join(", ");
  ops.push({ op: "setCells", sheet, anchor: "A1", cells: [[text("KIỂM TRA SỐ LIỆU")], [text(`${counts} · ${runLine}`)]] });
  ops.push({ op: "setCells", sheet, anchor: `A${HEADER_ROW}`, cells: [COLUMNS.map((c) => text(c.header))] });
  const first = HEADER_ROW + 1;
  if (sorted.length) {
    ops.push({
      op: "setCells",
      sheet,
      anchor: `A${first}`,
      cells: sorted.map((f, i) => [
        num(i + 1),
        text(SEVERITY_LABELS[f.severity]),
        f.sheet === null ? EMPTY : text(f.sheet),
        f.sheet !== null && f.cell !== null && existingSheets.has(f.sheet) ? cellLink(f.sheet, f.cell) : f.cell === null ? EMPTY : text(f.cell),
        text(renderVietnamese(f)),
      ]),
    });
  }
  const last = Math.max(first, HEADER_ROW + sorted.length);
  ops.push(
    { op: "style", sheet, range: "A1", style: { bold: true, fontSize: 14 } },
    { op: "style", sheet, range: "A2", style: { italic: true } },
    { op: "style", sheet, range: `A${HEADER_ROW}:${LAST_COL}${HEADER_ROW}`, style: HEADER_STYLE_UNWRAPPED },
    { op: "style", sheet, range: `A${first}:${LAST_COL}${last}`, style: { border: true, vAlign: "top" } },
    { op: "style", sheet, range: `${COL.message}${first}:${COL.message}${last}`, style: { wrap: true } },
    { op: "style", sheet, range: `${COL.cell}${first}:${COL.cell}${last}`, style: { fontColor: LINK_COLOR } },
    { op: "style", sheet, range: `A1:${LAST_COL}${last}`, style: { fontName: UNICODE_FONT } },
    {
      op: "conditionalFormat",
      sheet,
      range: `${COL.severity}${first}:${COL.severity}${last}`,
      rules: [
        { formula: `$${COL.severity}${first}="${SEVERITY_LABELS.error}"`, ...BAD },
        { formula: `$${COL.severity}${first}="${SEVERITY_LABELS.warning}"`, ...WARNING },
      ],
    },
    { op: "columnWidths", sheet, widths: COLUMNS.map(({ width }, i) => ({ column: i + 1, width })) },
    { op: "freezeRows", sheet, rows: HEADER_ROW },
    {
      op: "pageSetup",
      sheet,
      orientation: "landscape",
      printTitleRows: `${HEADER_ROW}:${HEADER_ROW}`,
      printArea: `A1:${LAST_COL}${last}`,
      footer: "Trang &P/&N",
      fontName: UNICODE_FONT,
    },
  );
  return ops;
}
