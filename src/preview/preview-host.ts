import ExcelJS from "exceljs";
import type { Plan, WorkbookHost, WorkbookSnapshot } from "../core/model";
import { preserveParts, rebuiltSheetsOf } from "../hosts/xlsx/preserve-parts";
import { applyPlan, saveWorkbook, snapshotOf } from "../hosts/xlsx/xlsx-host";

/** The .xlsx host in a browser tab: the task pane runs the real engine on a workbook shown beside it. */
export class PreviewHost implements WorkbookHost {
  /** The sheets the pane's plans rebuilt, which take nothing back from the opened file when it is saved. */
  readonly rebuiltSheets = new Set<string>();

  constructor(
    private readonly workbook: ExcelJS.Workbook,
    private readonly onChange: () => void,
    private readonly onSelect: (sheet: string, cell: string) => void,
  ) {}

  async read(): Promise<WorkbookSnapshot> {
    return snapshotOf(this.workbook);
  }

  async apply(plan: Plan): Promise<void> {
    applyPlan(this.workbook, plan);
    for (const sheet of rebuiltSheetsOf(plan)) this.rebuiltSheets.add(sheet);
    this.onChange();
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.onSelect(sheet, cell);
  }
}

/** A new, empty workbook behind the same host, for what the page creates from nothing (template, province). */
export function emptyWorkbook(): ExcelJS.Workbook {
  return new ExcelJS.Workbook();
}

/**
 * The file the page hands over: the command line's own save (`cli recalc` writes saveWorkbook's bytes with
 * the opened file's other parts kept — charts, pictures, comments, pivot tables), so that what a district
 * downloads is what the command line would have written from the same workbook.
 */
export function workbookBytes(workbook: ExcelJS.Workbook, opened?: { bytes: Uint8Array; rebuiltSheets: Iterable<string> }): Promise<Uint8Array> {
  return saveWorkbook(workbook, opened ? [preserveParts(opened.bytes, { rebuiltSheets: opened.rebuiltSheets })] : []);
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Saves bytes to the person's Downloads through a link to a blob: nothing is sent anywhere. */
export function offerDownload(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next task; the URL would otherwise hold the bytes until the tab closes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
