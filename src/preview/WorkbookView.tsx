import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import type ExcelJS from "exceljs";
import { type RefObject, useEffect, useRef } from "react";
import { toCellValue } from "../hosts/xlsx/cell-values";
import { address, columnLetter } from "../core/a1";

const MAX_ROWS = 400;

const useStyles = makeStyles({
  grid: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontFamily: "Times New Roman, serif" },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "1px 4px", whiteSpace: "nowrap", maxWidth: "28em", overflow: "hidden", textOverflow: "ellipsis" },
  head: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: "center" },
  highlighted: { outline: `3px solid ${tokens.colorPaletteRedBorder2}`, backgroundColor: tokens.colorPaletteYellowBackground2 },
});

function shown(cell: ExcelJS.Cell): string {
  // Inside a merge only the top-left cell holds the value; ExcelJS would repeat it in every cell.
  if (cell.isMerged && cell.master !== cell) return "";
  const v = toCellValue(cell.value);
  if (v === null) return "";
  if (typeof v === "number") return cell.numFmt?.includes("%") ? `${(v * 100).toFixed(1).replace(".", ",")}%` : String(v).replace(".", ",");
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") return v.error;
  return String(v);
}

/** One sheet as a table with row and column headings, the highlighted cell marked and referenced for scrolling. */
function SheetTable({ ws, sheet, highlight, highlighted }: { ws: ExcelJS.Worksheet; sheet: string; highlight: string | null; highlighted: RefObject<HTMLTableCellElement | null> }) {
  const styles = useStyles();
  const rows = Math.min(ws.rowCount, MAX_ROWS);
  const cols = ws.columnCount;
  const head = `${styles.cell} ${styles.head}`;
  return (
    <table className={styles.grid} aria-label={sheet}>
      <thead>
        <tr>
          <th className={head} />
          {Array.from({ length: cols }, (_, c) => (
            <th key={c} scope="col" className={head}>
              {columnLetter(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, r) => (
          <tr key={r}>
            <th scope="row" className={head}>
              {r + 1}
            </th>
            {Array.from({ length: cols }, (_, c) => {
              const cell = address(r, c);
              const isHighlighted = cell === highlight;
              return (
                <td
                  key={c}
                  data-cell={cell}
                  ref={isHighlighted ? highlighted : undefined}
                  aria-current={isHighlighted ? "true" : undefined}
                  className={isHighlighted ? `${styles.cell} ${styles.highlighted}` : styles.cell}
                >
                  {shown(ws.getCell(r + 1, c + 1))}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A read-only rendering of one sheet at a time, with the selected cell highlighted and scrolled into view. */
export function WorkbookView({ workbook, sheet, onSheet, highlight }: { workbook: ExcelJS.Workbook; sheet: string; onSheet: (name: string) => void; highlight: string | null }) {
  const highlighted = useRef<HTMLTableCellElement | null>(null);
  // Braces matter: Chromium's scrollIntoView now returns a promise, which React would take for a clean-up.
  useEffect(() => {
    highlighted.current?.scrollIntoView?.({ block: "center" });
  }, [highlight, sheet]);
  const ws = workbook.getWorksheet(sheet);
  const visible = workbook.worksheets.filter((w) => w.state === "visible");
  return (
    <section aria-label="Workbook">
      <TabList selectedValue={sheet} onTabSelect={(_, d) => onSheet(String(d.value))}>
        {visible.map((w) => (
          <Tab key={w.name} value={w.name}>
            {w.name}
          </Tab>
        ))}
      </TabList>
      {ws && <SheetTable ws={ws} sheet={sheet} highlight={highlight} highlighted={highlighted} />}
    </section>
  );
}
