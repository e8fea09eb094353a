import type ExcelJS from "exceljs";
import type { Plan } from "../core/model";
import { XlsxHost } from "../hosts/xlsx/xlsx-host";

/**
 * The .xlsx host in a browser tab, which the task pane beside the workbook's view drives: the same host as
 * the command line's, telling the page when the workbook changed and which cell to show. Its save() is the
 * command line's OUT, so that what a district downloads is what the command line would have written.
 */
export class PreviewHost extends XlsxHost {
  constructor(
    workbook: ExcelJS.Workbook,
    opened: Uint8Array | null,
    private readonly onChange: () => void,
    private readonly onSelect: (sheet: string, cell: string) => void,
  ) {
    super(workbook, opened);
  }

  override async apply(plan: Plan): Promise<void> {
    await super.apply(plan);
    this.onChange();
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.onSelect(sheet, cell);
  }
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
