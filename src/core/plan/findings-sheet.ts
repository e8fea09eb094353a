import { quoteSheetName } from "../expr";
import type { Finding, PlanOp, PlanValue, Severity } from "../model";
import { renderVietnamese } from "../findings/messages";
import { UNICODE_FONT } from "./calculated-columns";

export const FINDINGS_SHEET = "Kiểm tra số liệu";

const SEVERITY_LABELS: Record<Severity, string> = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" };
const ORDER: Severity[] = ["error", "warning", "info"];
const HEADERS = ["STT", "Mức độ", "Sheet", "Ô", "Nội dung cần xem"];
const HEADER_ROW = 4;

const text = (t: string): PlanValue => ({ kind: "text", text: t });

/** Excel string literal: a double quote is written twice. */
const literal = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * A link that takes the reader to the cell: HYPERLINK with a "#Sheet!A1" location, the sheet name quoted as
 * in a formula (a name with spaces or quotes still resolves), the address as the link's text.
 */
export function cellLink(sheet: string, cell: string): PlanValue {
  return { kind: "formula", formula: `HYPERLINK(${literal(`#${quoteSheetName(sheet)}!${cell}`)},${literal(cell)})`, result: cell };
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
  ops.push({ op: "setCells", sheet, anchor: `A${HEADER_ROW}`, cells: [HEADERS.map(text)] });
  const first = HEADER_ROW + 1;
  if (sorted.length) {
    ops.push({
      op: "setCells",
      sheet,
      anchor: `A${first}`,
      cells: sorted.map((f, i) => [
        { kind: "number", value: i + 1 },
        text(SEVERITY_LABELS[f.severity]),
        f.sheet === null ? { kind: "empty" } : text(f.sheet),
        f.sheet !== null && f.cell !== null && existingSheets.has(f.sheet) ? cellLink(f.sheet, f.cell) : f.cell === null ? { kind: "empty" } : text(f.cell),
        text(renderVietnamese(f)),
      ]),
    });
  }
  const last = Math.max(first, HEADER_ROW + sorted.length);
  ops.push(
    { op: "style", sheet, range: "A1", style: { bold: true, fontSize: 14 } },
    { op: "style", sheet, range: "A2", style: { italic: true } },
    { op: "style", sheet, range: `A${HEADER_ROW}:E${HEADER_ROW}`, style: { bold: true, fill: "DDEBF7", border: true, hAlign: "center", vAlign: "middle" } },
    { op: "style", sheet, range: `A${first}:E${last}`, style: { border: true, vAlign: "top" } },
    { op: "style", sheet, range: `E${first}:E${last}`, style: { wrap: true } },
    { op: "style", sheet, range: `D${first}:D${last}`, style: { fontColor: "0563C1" } },
    { op: "style", sheet, range: `A1:E${last}`, style: { fontName: UNICODE_FONT } },
    {
      op: "conditionalFormat",
      sheet,
      range: `B${first}:B${last}`,
      rules: [
        { formula: `$B${first}="${SEVERITY_LABELS.error}"`, fill: "FFC7CE", fontColor: "9C0006" },
        { formula: `$B${first}="${SEVERITY_LABELS.warning}"`, fill: "FFEB9C", fontColor: "9C5700" },
      ],
    },
    { op: "columnWidths", sheet, widths: [5, 10, 22, 8, 100].map((width, i) => ({ column: i + 1, width })) },
    { op: "freezeRows", sheet, rows: HEADER_ROW },
    {
      op: "pageSetup",
      sheet,
      orientation: "landscape",
      printTitleRows: `${HEADER_ROW}:${HEADER_ROW}`,
      printArea: `A1:E${last}`,
      footer: "Trang &P/&N",
      fontName: UNICODE_FONT,
    },
  );
  return ops;
}
