/// <reference types="office-js" />
import type { Plan, WorkbookHost, WorkbookSnapshot } from "../../core/model";
import { beforeError, isPayloadTooLarge, isUndoNotSupported, OfficeHostError, readError, reachedTraces, selectError, timeoutError, writeError } from "./host-error";
import { READ_LIMITS, readWorkbook, SHEET_LIST_LOAD, sheetFacts, type ReadLimits } from "./read-workbook";
import { officeRuntime, supports, type ExcelRuntime } from "./runtime";
import { packSteps, type PlanPhases, planSteps, protectStep, SheetCache, type Step, type WorkbookFacts, WRITE_LIMITS, type WriteLimits } from "./write-plan";

const NOTHING_YET = { done: 0, total: 0, block: 1, blocks: 1 };

export interface OfficeHostOptions {
  runtime?: ExcelRuntime;
  readLimits?: Partial<ReadLimits>;
  writeLimits?: Partial<WriteLimits>;
  /** How long what read() saw of the sheet list is trusted by apply() (ms); after that apply asks Excel again. */
  sheetFactsTtl?: number;
  now?: () => number;
  /**
   * How long one Excel.run may take before the person is told (ms). Excel on the web can leave
   * context.sync unsettled for ever; the spinner must not stay up with it.
   */
  timeoutMs?: number;
}

/** Statistics of the last read() and apply(), for the benchmark and the tests. */
export interface OfficeHostStats {
  readSyncs: number;
  applySyncs: number;
  applyBlocks: number;
  /** The undo group was refused (UndoNotSupported) and the plan written again without it. */
  undoFallback: boolean;
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
  private readonly timeoutMs: number;
  private seen: { workbook: WorkbookFacts; at: number } | null = null;
  private calculationMode: string | null = null;
  readonly stats: OfficeHostStats = { readSyncs: 0, applySyncs: 0, applyBlocks: 0, undoFallback: false };

  constructor(options: OfficeHostOptions = {}) {
    this.runtime = options.runtime ?? officeRuntime();
    this.readLimits = { ...READ_LIMITS, ...options.readLimits };
    this.writeLimits = { ...WRITE_LIMITS, ...options.writeLimits };
    this.ttl = options.sheetFactsTtl ?? 60_000;
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 180_000;
  }

  async read(): Promise<WorkbookSnapshot> {
    const options = this.cellEditOption();
    const result = await this.run(options, (context) => readWorkbook(context, { merges: true, limits: this.readLimits }), readError, "read");
    this.seen = { workbook: result.workbook, at: this.now() };
    this.stats.readSyncs = result.syncs;
    return result.snapshot;
  }

  /**
   * Writes the plan in up to three Excel.run calls, so that no call without undo support sits inside the undo
   * group (office-js-docs-pr, docs/excel/excel-add-ins-undo-capabilities.md): unprotecting and hiding first,
   * the writes as one undo group where ExcelApi 1.20 allows, protecting again last. A second run on the same
   * workbook has nothing to unprotect or hide: one Excel.run, one sync, one undo step.
   */
  async apply(plan: Plan): Promise<void> {
    const group = supports(this.runtime, "mergeUndoGroup");
    const features = { pageLayout: supports(this.runtime, "pageLayout"), charts: supports(this.runtime, "charts") };
    const fresh = this.seen && this.now() - this.seen.at <= this.ttl ? this.seen.workbook : null;
    this.seen = null;
    this.stats.applySyncs = 0;
    this.stats.undoFallback = false;

    const workbook = fresh ?? (await this.run(this.cellEditOption(), (context) => this.loadFacts(context), (e) => writeError(e, NOTHING_YET), "write"));
    const phases = planSteps(plan, workbook, features, this.writeLimits);
    this.calculationMode = workbook.calculationMode;
    const total = phases.body.length;

    if (phases.before.length) {
      try {
        await this.run(this.cellEditOption(), (context) => this.runSteps(context, phases.before, { done: 0, total: phases.before.length }), (e) => writeError(e, NOTHING_YET), "write");
      } catch (error) {
        // Unprotecting or hiding failed (a sheet protected with a password gives BadPassword): nothing of the
        // plan was written; sheets unprotected before the failure are protected again.
        await this.relock(phases.unprotected);
        throw beforeError(error);
      }
    }

    const body = (options: Excel.RunOptions | null) =>
      this.run(options, (context) => this.runSteps(context, phases.body, { done: 0, total, calculate: true }), (e) => writeError(e, { done: null, total, block: 1, blocks: 1 }), "write");
    try {
      try {
        await body(group ? { ...this.cellEditOption(), mergeUndoGroup: true } : this.cellEditOption());
      } catch (error) {
        if (!group || !isUndoNotSupported(error)) throw error;
        // Excel refused the undo group for a call it cannot undo. The plan sets every cell it writes (it never
        // adds to what is there), so writing it again without the group finishes the job whatever was done.
        this.stats.undoFallback = true;
        await body(this.cellEditOption());
      }
    } catch (error) {
      await this.relock(phases.unprotected);
      throw error;
    }

    if (phases.after.length) {
      await this.run(null, (context) => this.runSteps(context, phases.after, { done: 0, total: phases.after.length }), (e) => writeError(e, { done: null, total, block: 1, blocks: 1 }), "write");
    }
  }

  private cellEditOption(): Excel.RunOptions | null {
    // Without it a batch sent while the person is typing in a cell fails with InvalidOperationInCellEditMode;
    // with it Excel waits until they leave the cell (RunOptions.delayForCellEdit, ExcelApi 1.11).
    return supports(this.runtime, "delayForCellEdit") ? { delayForCellEdit: true } : null;
  }

  private async loadFacts(context: Excel.RequestContext): Promise<WorkbookFacts> {
    const worksheets = context.workbook.worksheets.load(SHEET_LIST_LOAD);
    const structure = context.workbook.protection.load("protected");
    const application = context.workbook.application.load("calculationMode");
    this.stats.applySyncs++;
    await context.sync();
    return { sheets: sheetFacts(worksheets.items), structureProtected: structure.protected, calculationMode: application.calculationMode };
  }

  /** Puts back the protection of sheets a failed write had lifted; best effort, the first error stands. */
  private async relock(sheets: PlanPhases["unprotected"]): Promise<void> {
    if (!sheets.length) return;
    try {
      await this.run(null, async (context) => {
        const ws = context.workbook.worksheets.load("items/name,items/protection/protected");
        await context.sync();
        for (const { name, options } of sheets) {
          const sheet = ws.items.find((w) => w.name.toLowerCase() === name.toLowerCase());
          if (sheet && !sheet.protection.protected) protectStep(name, options).run(context, new SheetCache(context));
        }
        await context.sync();
      }, (e) => writeError(e, NOTHING_YET), "write");
    } catch {
      // The person sees the first error; the sheets stay as Excel left them.
    }
  }

  /**
   * The steps in blocks of one sync each. A block Excel refuses as too large was not applied at all (the
   * request is refused before it runs): it is halved and sent again.
   */
  private async runSteps(context: Excel.RequestContext, steps: Step[], progress: { done: number; total: number; calculate?: boolean }): Promise<void> {
    const queue = packSteps(steps, this.writeLimits);
    const sheets = new SheetCache(context);
    let index = progress.done;
    let block = 0;
    let blocks = queue.length;
    if (progress.calculate) this.stats.applyBlocks = blocks;
    while (queue.length) {
      const current = queue.shift()!;
      block++;
      const first = index;
      // Nothing recalculates while the block lands; Excel catches up once, after the sync.
      context.workbook.application.suspendApiCalculationUntilNextSync();
      for (const step of current) {
        try {
          step.run(context, sheets);
        } catch (error) {
          // Thrown before the block was sent: only the earlier blocks reached Excel.
          throw writeError(error, { done: first, total: progress.total, block, blocks });
        }
        index++;
        context.trace(String(index));
      }
      this.stats.applySyncs++;
      try {
        await context.sync();
      } catch (error) {
        if (isPayloadTooLarge(error) && current.length > 1) {
          const middle = Math.ceil(current.length / 2);
          queue.unshift(current.slice(0, middle), current.slice(middle));
          index = first;
          block--;
          blocks++;
          if (progress.calculate) this.stats.applyBlocks = blocks;
          continue;
        }
        throw writeError(error, { done: stepsDone(error, first), total: progress.total, block, blocks });
      }
    }
    if (progress.calculate && this.calculationMode === "Manual") {
      // Calculation set to manual: the new formulas would show stale values until F9 (Application.calculate).
      context.workbook.application.calculate("Recalculate" as Excel.CalculationType);
      this.stats.applySyncs++;
      await context.sync();
    }
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
      "select",
    );
  }

  private async run<T>(
    options: Excel.RunOptions | null,
    batch: (context: Excel.RequestContext) => Promise<T>,
    wrap: (error: unknown) => OfficeHostError,
    kind: "read" | "write" | "select",
  ): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timeoutError(kind, this.timeoutMs)), this.timeoutMs);
    });
    try {
      return await Promise.race([this.runtime.run(options, batch), timeout]);
    } catch (error) {
      if (error instanceof OfficeHostError) throw error;
      throw wrap(error);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Steps done before the failure, counted from the trace marks Excel reached (null when it gave none). */
function stepsDone(error: unknown, before: number): number | null {
  const traces = reachedTraces(error);
  if (traces === null) return null;
  return traces.reduce((max, t) => Math.max(max, Number(t) || 0), before);
}
