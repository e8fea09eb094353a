/// <reference types="office-js" />
import type { Plan, WorkbookHost, WorkbookSnapshot } from "../../core/model";
import { OfficeHostError, readError, reachedTraces, selectError, writeError } from "./host-error";
import { READ_LIMITS, readWorkbook, SHEET_LIST_LOAD, sheetFacts, type ReadLimits, type SheetFacts } from "./read-workbook";
import { officeRuntime, supports, type ExcelRuntime } from "./runtime";
import { packSteps, planSteps, SheetCache, WRITE_LIMITS, type WriteLimits } from "./write-plan";

export interface OfficeHostOptions {
  runtime?: ExcelRuntime;
  readLimits?: Partial<ReadLimits>;
  writeLimits?: Partial<WriteLimits>;
  /** How long what read() saw of the sheet list is trusted by apply() (ms); after that apply asks Excel again. */
  sheetFactsTtl?: number;
  now?: () => number;
}

/** Statistics of the last read() and apply(), for the benchmark and the tests. */
export interface OfficeHostStats {
  readSyncs: number;
  applySyncs: number;
  applyBlocks: number;
}

/**
 * The WorkbookHost over Office.js. read() costs two syncs whatever the number of sheets and rows (more
 * only for a sheet beyond 20 000 rows or 100 columns); apply() costs one, reusing the sheet list read()
 * has just seen, and is one undo step where ExcelApi 1.20 allows.
 */
export class OfficeHost implements WorkbookHost {
  private readonly runtime: ExcelRuntime;
  private readonly readLimits: ReadLimits;
  private readonly writeLimits: WriteLimits;
  private readonly ttl: number;
  private readonly now: () => number;
  private seen: { sheets: SheetFacts[]; at: number } | null = null;
  readonly stats: OfficeHostStats = { readSyncs: 0, applySyncs: 0, applyBlocks: 0 };

  constructor(options: OfficeHostOptions = {}) {
    this.runtime = options.runtime ?? officeRuntime();
    this.readLimits = { ...READ_LIMITS, ...options.readLimits };
    this.writeLimits = { ...WRITE_LIMITS, ...options.writeLimits };
    this.ttl = options.sheetFactsTtl ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  async read(): Promise<WorkbookSnapshot> {
    const merges = supports(this.runtime, "mergedAreas");
    const result = await this.run(null, (context) => readWorkbook(context, { merges, limits: this.readLimits }), readError);
    this.seen = { sheets: result.sheets, at: this.now() };
    this.stats.readSyncs = result.syncs;
    return result.snapshot;
  }

  async apply(plan: Plan): Promise<void> {
    const options: Excel.RunOptions = {};
    if (supports(this.runtime, "mergeUndoGroup")) options.mergeUndoGroup = true;
    if (supports(this.runtime, "delayForCellEdit")) options.delayForCellEdit = true;
    const features = { pageLayout: supports(this.runtime, "pageLayout"), charts: supports(this.runtime, "charts") };
    const fresh = this.seen && this.now() - this.seen.at <= this.ttl ? this.seen.sheets : null;
    this.seen = null;
    this.stats.applySyncs = 0;

    await this.run(
      Object.keys(options).length ? options : null,
      async (context) => {
        let known = fresh;
        if (!known) {
          const worksheets = context.workbook.worksheets.load(SHEET_LIST_LOAD);
          this.stats.applySyncs++;
          try {
            await context.sync();
          } catch (error) {
            throw writeError(error, { done: 0, total: 0, block: 1, blocks: 1 });
          }
          known = sheetFacts(worksheets.items);
        }
        const steps = planSteps(plan, known, features, this.writeLimits);
        const blocks = packSteps(steps, this.writeLimits);
        this.stats.applyBlocks = blocks.length;
        const sheets = new SheetCache(context);
        let index = 0;
        for (let b = 0; b < blocks.length; b++) {
          const first = index;
          // Nothing recalculates while the block lands; Excel catches up once, after the sync.
          context.workbook.application.suspendApiCalculationUntilNextSync();
          for (const step of blocks[b]) {
            try {
              step.run(context, sheets);
            } catch (error) {
              // Thrown before the block was sent: only the earlier blocks reached Excel.
              throw writeError(error, { done: first, total: steps.length, block: b + 1, blocks: blocks.length });
            }
            index++;
            context.trace(String(index));
          }
          this.stats.applySyncs++;
          try {
            await context.sync();
          } catch (error) {
            throw writeError(error, { done: stepsDone(error, first), total: steps.length, block: b + 1, blocks: blocks.length });
          }
        }
      },
      (error) => writeError(error, { done: null, total: 0, block: 1, blocks: 1 }),
    );
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.run(
      null,
      async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      },
      selectError,
    );
  }

  private async run<T>(options: Excel.RunOptions | null, batch: (context: Excel.RequestContext) => Promise<T>, wrap: (error: unknown) => OfficeHostError): Promise<T> {
    try {
      return await this.runtime.run(options, batch);
    } catch (error) {
      if (error instanceof OfficeHostError) throw error;
      throw wrap(error);
    }
  }
}

/** Steps done before the failure, counted from the trace marks Excel reached (null when it gave none). */
function stepsDone(error: unknown, before: number): number | null {
  const traces = reachedTraces(error);
  if (traces === null) return null;
  return traces.reduce((max, t) => Math.max(max, Number(t) || 0), before);
}
