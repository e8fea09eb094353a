import type ExcelJS from "exceljs";
import type { Plan, WorkbookHost, WorkbookSnapshot } from "../core/model";
import { applyPlan, snapshotOf } from "../hosts/xlsx/xlsx-host";

/** The .xlsx host in a browser tab: the task pane runs the real engine on a workbook shown beside it. */
export class PreviewHost implements WorkbookHost {
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
    this.onChange();
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.onSelect(sheet, cell);
  }
}
