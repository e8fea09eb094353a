/**
 * A fake of the small part of Excel's JavaScript API the Office host uses, faithful where a host bug
 * would show:
 * - requests are queued and run only at context.sync(), in order; the sync counter is what tests assert;
 * - a property read before load() and sync() throws PropertyNotLoaded, as Office.js does;
 * - a batch is not rolled back: requests before a failing one stay applied, and the error carries the
 *   context.trace() marks reached (error.traceMessages);
 * - values and formulas are parsed as Excel parses typed input: "=…" is a formula, "'…" is text, "12"
 *   is a number, unless the cell's number format is "@";
 * - formulas reads a text cell back as its text, so a text starting with "=" looks like a formula;
 * - array sizes must match the range; protected sheets refuse writes to locked cells;
 * - Excel on the web's limits: 5 MB per request and per response, five million cells per range read;
 *   every request in a batch costs a fixed overhead besides its data (callBytes);
 * - Microsoft's undo table per platform (office-js-docs-pr, docs/excel/excel-add-ins-undo-capabilities.md):
 *   inside Excel.run({ mergeUndoGroup: true }) a call without undo support throws UndoNotSupported; outside
 *   one it empties the person's undo stack (undoCleared records it);
 * - getMergedAreasOrNullObject fails above 512 merged areas (its reference page) and empties the undo stack
 *   on Windows (office-js issue #5918);
 * - workbook-structure and sheet protection with Excel's codes; cell-edit mode; manual calculation.
 * office-addin-mock has no collections, enums or null objects, hence this file.
 */
import { columnIndex, columnLetter } from "../../src/core/a1";
import { ChartCollectionProxy, headersFooters, PageBreakCollectionProxy, setPrintArea, setRowHeights } from "./fake-charts";
import type { ExcelRuntime } from "../../src/hosts/office/runtime";

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"]);

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string };
  constructor(readonly code: string, message: string, readonly traceMessages: string[] = []) {
    super(message);
    this.debugInfo = { code, message };
  }
}

const officeError = (code: string, message: string) => new FakeOfficeError(code, message);

// ---------------------------------------------------------------------------------------------
// Addresses

/** "A1", "$B$2:C9", "C:C", "$4:$4", optionally with a "Sheet!" prefix. */
export function parseRect(address: string): Rect {
  const cells = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [a, b = a] = cells.split(":");
  const part = (text: string): { row: number | null; col: number | null } => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(text);
    if (!m || (!m[1] && !m[2])) throw officeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${address}`);
    return { col: m[1] ? columnIndex(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
  };
  const p = part(a);
  const q = part(b);
  const rect = {
    top: Math.min(p.row ?? 0, q.row ?? 0),
    bottom: Math.max(p.row ?? MAX_ROWS - 1, q.row ?? MAX_ROWS - 1),
    left: Math.min(p.col ?? 0, q.col ?? 0),
    right: Math.max(p.col ?? MAX_COLUMNS - 1, q.col ?? MAX_COLUMNS - 1),
  };
  if (p.row === null && q.row !== null) throw officeError("InvalidArgument", `bad address ${address}`);
  return rect;
}

export function rectAddress(rect: Rect): string {
  const a = `${columnLetter(rect.left)}${rect.top + 1}`;
  const b = `${columnLetter(rect.right)}${rect.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const cellsIn = (r: Rect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);
const intersects = (a: Rect, b: Rect) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const within = (row: number, col: number, r: Rect) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

// ---------------------------------------------------------------------------------------------
// The workbook model (what Excel holds)

interface BorderSide {
  style: string;
  color: string;
  weight: string;
}

interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontName?: string;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  locked?: boolean;
  borders?: Partial<Record<"top" | "bottom" | "left" | "right", BorderSide>>;
}

export interface FakeCell {
  /** What `values` returns: number, boolean, string; errors as their text. null when the cell is empty. */
  value: string | number | boolean | null;
  /** "=…" for a formula cell. */
  formula: string | null;
  isError: boolean;
  quotePrefix: boolean;
  numberFormat: string;
  format: CellFormat;
}

export interface ConditionalFormatModel {
  rect: Rect;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export interface ValidationModel {
  rect: Rect;
  rule?: unknown;
  errorAlert?: unknown;
  ignoreBlanks?: boolean;
}

export interface PageLayoutModel {
  orientation?: string;
  paperSize?: string;
  zoom?: unknown;
  printTitleRows?: string;
  margins: Record<string, number>;
}

/** A seed for a cell: plain values are constants (strings are text, taken as they are). */
export type Seed = string | number | boolean | null | { formula: string; value?: string | number | boolean | null } | { error: string };

export class SheetModel {
  readonly cells = new Map<number, FakeCell>();
  merges: Rect[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  validations: ValidationModel[] = [];
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  readonly pageLayout: PageLayoutModel = { margins: {} };
  protection: { protected: boolean; options: Record<string, unknown> } = { protected: false, options: {} };
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";

  constructor(readonly id: number, public name: string) {}

  private key(row: number, col: number): number {
    return row * MAX_COLUMNS + col;
  }

  get(row: number, col: number): FakeCell | undefined {
    return this.cells.get(this.key(row, col));
  }

  ensure(row: number, col: number): FakeCell {
    const key = this.key(row, col);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: null, formula: null, isError: false, quotePrefix: false, numberFormat: "General", format: {} };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Every stored cell inside the rectangle, without walking empty space. */
  *stored(rect: Rect): Generator<[number, number, FakeCell]> {
    for (const [key, cell] of this.cells) {
      const row = Math.floor(key / MAX_COLUMNS);
      const col = key % MAX_COLUMNS;
      if (within(row, col, rect)) yield [row, col, cell];
    }
  }

  /** Every cell of a (bounded) rectangle, created as needed. */
  *each(rect: Rect): Generator<FakeCell> {
    if (cellsIn(rect) > 2_000_000) throw new Error(`fake-excel: refusing to format ${cellsIn(rect)} cells one by one (${rectAddress(rect)})`);
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) yield this.ensure(r, c);
  }

  seed(a1: string, seed: Seed): void {
    const { top, left } = parseRect(a1);
    const cell = this.ensure(top, left);
    if (seed === null) {
      cell.value = null;
      cell.formula = null;
    } else if (typeof seed === "object" && "error" in seed) {
      cell.value = seed.error;
      cell.isError = true;
    } else if (typeof seed === "object") {
      cell.formula = seed.formula.startsWith("=") ? seed.formula : `=${seed.formula}`;
      cell.value = seed.value ?? null;
      cell.isError = typeof seed.value === "string" && ERRORS.has(seed.value);
    } else {
      cell.value = seed;
    }
  }

  seedRows(anchor: string, rows: Seed[][]): void {
    const { top, left } = parseRect(anchor);
    rows.forEach((row, r) => row.forEach((seed, c) => {
      if (seed !== null) this.seed(`${columnLetter(left + c)}${top + r + 1}`, seed);
    }));
  }

  cell(a1: string): FakeCell | undefined {
    const { top, left } = parseRect(a1);
    return this.get(top, left);
  }

  /** What Excel shows in the formula bar: "=…" for a formula, else the value (text without its apostrophe). */
  content(a1: string): string | number | boolean | null {
    const cell = this.cell(a1);
    if (!cell) return null;
    return cell.formula ?? cell.value;
  }

  usedRect(valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    for (const [key, cell] of this.cells) {
      const hasContent = cell.value !== null || cell.formula !== null;
      if (!hasContent && (valuesOnly || (cell.numberFormat === "General" && Object.keys(cell.format).length === 0))) continue;
      const row = Math.floor(key / MAX_COLUMNS);
      const col = key % MAX_COLUMNS;
      rect = rect
        ? { top: Math.min(rect.top, row), left: Math.min(rect.left, col), bottom: Math.max(rect.bottom, row), right: Math.max(rect.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    }
    return rect;
  }

  assertWritable(rect: Rect, what: "values" | "format" | "columns"): void {
    if (!this.protection.protected) return;
    if (what === "columns" && this.protection.options.allowFormatColumns) return;
    if (what === "values") {
      let allUnlocked = true;
      for (let r = rect.top; r <= rect.bottom && allUnlocked; r++) {
        for (let c = rect.left; c <= rect.right && allUnlocked; c++) if (this.get(r, c)?.format.locked !== false) allUnlocked = false;
      }
      if (allUnlocked) return;
    }
    throw officeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
  }
}

// ---------------------------------------------------------------------------------------------
// The request queue

interface Action {
  bytes: number;
  /** The Office.js member, for the undo table ("Worksheet.visibility"). */
  api?: string;
  run(): { bytes: number; commit(): void } | void;
}

export type Platform = "windows" | "mac" | "web";
const EVERYWHERE: readonly Platform[] = ["windows", "mac", "web"];

/**
 * The calls the add-in could make that have no undo support, and where (office-js-docs-pr,
 * docs/excel/excel-add-ins-undo-capabilities.md, "Unsupported APIs"). Worksheet.add and range writes are
 * not in the table: they are undoable everywhere.
 */
const NO_UNDO: Record<string, readonly Platform[]> = {
  "Worksheet.visibility": ["windows", "mac"],
  "Worksheet.name": ["windows", "mac"],
  "Worksheet.position": ["windows", "mac"],
  "Worksheet.delete": EVERYWHERE,
  "Worksheet.copy": EVERYWHERE,
  "WorksheetProtection.protect": EVERYWHERE,
  "WorksheetProtection.unprotect": EVERYWHERE,
  "WorkbookProtection.protect": EVERYWHERE,
  "WorkbookProtection.unprotect": EVERYWHERE,
  // Not in the table, but reported to empty the undo stack on Windows: office-js issue #5918.
  "Range.getMergedAreasOrNullObject": ["windows"],
};

/** Above this many merged areas getMergedAreasOrNullObject "will fail to return the result" (its reference page). */
export const MERGED_AREAS_LIMIT = 512;

export interface RunOptionsSeen {
  mergeUndoGroup?: boolean;
  delayForCellEdit?: boolean;
}

interface Failure {
  code: string;
  message: string;
  afterActions: number;
}

const jsonBytes = (value: unknown) => (value === undefined ? 0 : JSON.stringify(value).length);

export class FakeContext {
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  private queue: Action[] = [];
  syncs = 0;
  private executingTraces: string[] | null = null;

  constructor(readonly excel: FakeExcel, readonly options: RunOptionsSeen = {}) {
    this.workbook = new WorkbookProxy(this);
    this.application = this.workbook.application;
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(run: Action["run"], bytes = 32, api?: string): void {
    this.queue.push({ run, bytes, api });
  }

  trace(message: string): void {
    this.enqueue(() => {
      this.executingTraces?.push(message);
    }, message.length + 16);
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    this.syncs++;
    const number = ++this.excel.syncs;
    await Promise.resolve();
    if (this.excel.hangs.has(number)) return new Promise<void>(() => {});
    if (this.excel.cellEditMode) {
      // Without delayForCellEdit the batch fails at once; with it Excel waits until the person leaves the
      // cell (RunOptions.delayForCellEdit, Excel JavaScript API reference), which the fake takes as now.
      if (!this.options.delayForCellEdit) throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
      this.excel.cellEditMode = false;
      this.excel.delayedForCellEdit++;
    }
    const requestBytes = actions.reduce((sum, a) => sum + a.bytes + this.excel.limits.callBytes, 0);
    if (requestBytes > this.excel.limits.requestBytes) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    const failure = this.excel.failures.get(number);
    const traces: string[] = [];
    this.executingTraces = traces;
    const commits: (() => void)[] = [];
    let responseBytes = 0;
    try {
      for (let i = 0; i < actions.length; i++) {
        if (failure && i === failure.afterActions) throw new FakeOfficeError(failure.code, failure.message);
        const api = actions[i].api;
        if (api && NO_UNDO[api]?.includes(this.excel.platform)) {
          if (this.options.mergeUndoGroup) throw new FakeOfficeError("UndoNotSupported", `${api} does not support undo and cannot be part of an undo group.`);
          this.excel.undoCleared.push(api);
        }
        const out = actions[i].run();
        if (out) {
          responseBytes += out.bytes;
          commits.push(out.commit);
        }
      }
      if (failure && failure.afterActions >= actions.length) throw new FakeOfficeError(failure.code, failure.message);
    } catch (error) {
      const e = error instanceof FakeOfficeError ? error : new FakeOfficeError("GeneralException", String((error as Error)?.message ?? error));
      throw new FakeOfficeError(e.code, e.message, [...traces]);
    } finally {
      this.executingTraces = null;
    }
    if (responseBytes > this.excel.limits.responseBytes) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${responseBytes} bytes).`, [...traces]);
    }
    for (const commit of commits) commit();
    this.excel.syncLog.push({ number, requestBytes, responseBytes, actions: actions.length });
  }
}

// ---------------------------------------------------------------------------------------------
// Client objects (what Office.js hands the add-in)

abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}

  protected abstract readProperty(name: string): unknown;

  /** Navigation properties (no load needed), for load paths such as "protection/protected". */
  protected navigate(name: string): ClientObject | undefined {
    void name;
    return undefined;
  }

  protected value<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(name) as T;
  }

  /** Reads the properties now (at sync time) and returns how to deliver them if the sync succeeds. */
  snapshot(props: string[]): { bytes: number; commit(): void } {
    const direct = new Map<string, unknown>();
    const nested: { bytes: number; commit(): void }[] = [];
    const children = new Map<string, string[]>();
    for (const prop of props) {
      const slash = prop.indexOf("/");
      if (slash > 0) {
        const head = prop.slice(0, slash);
        children.set(head, [...(children.get(head) ?? []), prop.slice(slash + 1)]);
      } else {
        direct.set(prop, this.readProperty(prop));
      }
    }
    for (const [head, rest] of children) {
      const child = this.navigate(head);
      if (!child) throw new Error(`fake-excel: ${this.constructor.name} cannot load "${head}/…"`);
      nested.push(child.snapshot(rest));
    }
    return {
      bytes: jsonBytes(Object.fromEntries(direct)) + nested.reduce((s, n) => s + n.bytes, 0),
      commit: () => {
        direct.forEach((v, k) => this.loaded.set(k, v));
        nested.forEach((n) => n.commit());
      },
    };
  }

  load(props: string | string[]): this {
    const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue(() => this.snapshot(list), 64);
    return this;
  }
}

class ApplicationProxy extends ClientObject {
  protected readProperty(name: string): unknown {
    if (name === "calculationMode") return this.ctx.excel.calculationMode;
    throw new Error(`fake-excel: Application.${name} is not supported`);
  }
  get calculationMode(): string {
    return this.value("calculationMode");
  }
  calculate(type: string): void {
    this.ctx.enqueue(() => {
      if (!["Recalculate", "Full", "FullRebuild"].includes(type)) throw officeError("InvalidArgument", `bad calculation type ${type}`);
      this.ctx.excel.uncalculated = false;
      this.ctx.excel.calculations.push(type);
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(() => {
      this.ctx.excel.suspendedSyncs.push(this.ctx.excel.syncs);
    });
  }
}

class WorkbookProtectionProxy extends ClientObject {
  protected readProperty(name: string): unknown {
    if (name === "protected") return this.ctx.excel.structureProtection !== null;
    throw new Error(`fake-excel: WorkbookProtection.${name} is not supported`);
  }
  get protected(): boolean {
    return this.value("protected");
  }
}

class WorkbookProxy extends ClientObject {
  readonly worksheets: WorksheetCollectionProxy;
  readonly application: ApplicationProxy;
  readonly protection: WorkbookProtectionProxy;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.application = new ApplicationProxy(ctx);
    this.protection = new WorkbookProtectionProxy(ctx);
  }
  protected readProperty(name: string): unknown {
    throw new Error(`fake-excel: Workbook.${name} is not supported`);
  }
  protected override navigate(name: string): ClientObject | undefined {
    return name === "protection" ? this.protection : name === "application" ? this.application : undefined;
  }
}

class WorksheetCollectionProxy extends ClientObject {
  protected readProperty(name: string): unknown {
    throw new Error(`fake-excel: WorksheetCollection.${name} is not supported`);
  }

  get items(): WorksheetProxy[] {
    return this.value<WorksheetProxy[]>("items");
  }

  override snapshot(props: string[]): { bytes: number; commit(): void } {
    const itemProps = props.map((p) => {
      if (!p.startsWith("items/")) throw new Error(`fake-excel: load "${p}" on a collection; use "items/…"`);
      return p.slice("items/".length);
    });
    const items = this.ctx.excel.sheets.map((model) => new WorksheetProxy(this.ctx, () => model));
    const snaps = items.map((item) => {
      item.resolve();
      return item.snapshot(itemProps);
    });
    return {
      bytes: snaps.reduce((s, n) => s + n.bytes, 0),
      commit: () => {
        this.loaded.set("items", items);
        snaps.forEach((n) => n.commit());
      },
    };
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const model = this.ctx.excel.find(name);
      if (!model) throw officeError("ItemNotFound", `The requested resource doesn't exist (worksheet "${name}").`);
      return model;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.ctx, () => this.ctx.excel.find(name) ?? null);
    ws.trackNull();
    return ws;
  }

  add(name: string): WorksheetProxy {
    let created: SheetModel | null = null;
    this.ctx.enqueue(() => {
      this.ctx.excel.assertStructureUnlocked();
      created = this.ctx.excel.createSheet(name);
    }, 64 + name.length);
    return new WorksheetProxy(this.ctx, () => {
      if (!created) throw new Error("fake-excel: sheet used before its add() ran");
      return created;
    });
  }
}

abstract class Resolvable<M> extends ClientObject {
  private resolved: { model: M | null } | null = null;
  constructor(ctx: FakeContext, private readonly resolver: () => M | null) {
    super(ctx);
  }

  /** Resolved once, at the first request that uses the object, like an object path in Office.js. */
  resolveOrNull(): M | null {
    if (!this.resolved) this.resolved = { model: this.resolver() };
    return this.resolved.model;
  }

  resolve(): M {
    const model = this.resolveOrNull();
    if (model === null) throw officeError("ItemNotFound", "The requested resource doesn't exist (null object).");
    return model;
  }

  /** *OrNullObject: isNullObject is known after the next sync without a load. */
  trackNull(api?: string): void {
    this.ctx.enqueue(() => {
      const isNull = this.resolveOrNull() === null;
      return { bytes: 24, commit: () => this.loaded.set("isNullObject", isNull) };
    }, 32, api);
  }

  get isNullObject(): boolean {
    return this.value<boolean>("isNullObject");
  }

  override snapshot(props: string[]): { bytes: number; commit(): void } {
    if (this.resolveOrNull() === null) return { bytes: 24, commit: () => this.loaded.set("isNullObject", true) };
    const snap = super.snapshot(props);
    return { bytes: snap.bytes, commit: () => (this.loaded.set("isNullObject", false), snap.commit()) };
  }

  protected write(run: (model: M) => void, bytes = 32, api?: string): void {
    this.ctx.enqueue(() => {
      run(this.resolve());
    }, bytes, api);
  }
}

class WorksheetProxy extends Resolvable<SheetModel> {
  readonly protection: WorksheetProtectionProxy;
  readonly freezePanes: FreezePanesProxy;
  readonly pageLayout: PageLayoutProxy;
  readonly charts = new ChartCollectionProxy(this.ctx, () => this.resolve());
  readonly horizontalPageBreaks = new PageBreakCollectionProxy(this.ctx, () => this.resolve());

  constructor(ctx: FakeContext, resolver: () => SheetModel | null) {
    super(ctx, resolver);
    this.protection = new WorksheetProtectionProxy(ctx, () => this.resolve());
    this.freezePanes = new FreezePanesProxy(ctx, () => this.resolve());
    this.pageLayout = new PageLayoutProxy(ctx, () => this.resolve());
  }

  protected readProperty(name: string): unknown {
    const model = this.resolve();
    switch (name) {
      case "name":
        return model.name;
      case "visibility":
        return model.visibility;
      case "id":
        return `{fake-${model.id}}`;
      default:
        throw new Error(`fake-excel: Worksheet.${name} is not supported`);
    }
  }

  protected override navigate(name: string): ClientObject | undefined {
    return name === "protection" ? this.protection : undefined;
  }

  get name(): string {
    return this.value("name");
  }

  get visibility(): string {
    return this.value("visibility");
  }

  set visibility(visibility: string) {
    this.write((model) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) throw officeError("InvalidArgument", `bad visibility ${visibility}`);
      if (visibility !== "Visible" && this.ctx.excel.sheets.filter((s) => s.visibility === "Visible" && s !== model).length === 0) {
        throw officeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      this.ctx.excel.assertStructureUnlocked();
      model.visibility = visibility as SheetModel["visibility"];
    }, 32, "Worksheet.visibility");
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.resolve(), rect: address ? parseRect(address) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 } }));
  }

  activate(): void {
    this.write((model) => {
      if (model.visibility !== "Visible") throw officeError("InvalidOperation", "A hidden worksheet cannot be activated.");
      this.ctx.excel.activeSheet = model.name;
    });
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      if (rows < 1 || columns < 1) throw officeError("InvalidArgument", "rowCount and columnCount must be positive");
      return { sheet: this.resolve(), rect: { top: row, left: column, bottom: row + rows - 1, right: column + columns - 1 } };
    });
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.resolve();
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    const range = new RangeProxy(this.ctx, () => {
      const sheet = this.resolve();
      const rect = sheet.usedRect(valuesOnly);
      return rect ? { sheet, rect } : null;
    });
    range.trackNull();
    return range;
  }

  delete(): void {
    this.write((model) => {
      this.ctx.excel.assertStructureUnlocked();
      this.ctx.excel.deleteSheet(model);
    }, 32, "Worksheet.delete");
  }
}

class WorksheetProtectionProxy extends Resolvable<SheetModel> {
  protected readProperty(name: string): unknown {
    const model = this.resolve();
    if (name === "protected") return model.protection.protected;
    if (name === "options") return { ...model.protection.options };
    throw new Error(`fake-excel: WorksheetProtection.${name} is not supported`);
  }

  get protected(): boolean {
    return this.value("protected");
  }

  get options(): Record<string, unknown> {
    return this.value("options");
  }

  // Since June 2026 both throw AccessDenied when the sheet is already in the state asked for (office-js issue #6784).
  protect(options?: Record<string, unknown>, password?: string): void {
    this.write((model) => {
      if (model.protection.protected) throw officeError("AccessDenied", "You cannot perform the requested operation.");
      model.protection = { protected: true, options: { ...(options ?? {}), ...(password ? { password } : {}) } };
    }, 64, "WorksheetProtection.protect");
  }

  unprotect(password?: string): void {
    this.write((model) => {
      if (!model.protection.protected) throw officeError("AccessDenied", "You cannot perform the requested operation.");
      const expected = model.protection.options.password;
      // Excel.ErrorCodes.badPassword: "The password provided is incorrect" (application-specific API error handling).
      if (expected !== undefined && expected !== password) throw officeError("BadPassword", "The password you supplied is not correct.");
      model.protection = { protected: false, options: {} };
    }, 64, "WorksheetProtection.unprotect");
  }
}

class FreezePanesProxy extends Resolvable<SheetModel> {
  protected readProperty(name: string): unknown {
    throw new Error(`fake-excel: WorksheetFreezePanes.${name} is not supported`);
  }
  freezeRows(count = 1): void {
    this.write((model) => {
      model.assertWritable({ top: 0, left: 0, bottom: 0, right: 0 }, "format");
      model.frozenRows = count;
    });
  }
  unfreeze(): void {
    this.write((model) => {
      model.frozenRows = 0;
    });
  }
}

class PageLayoutProxy extends Resolvable<SheetModel> {
  protected readProperty(name: string): unknown {
    throw new Error(`fake-excel: PageLayout.${name} is not supported`);
  }
  private setMargin(name: string, points: number): void {
    this.write((model) => {
      if (typeof points !== "number" || points < 0) throw officeError("InvalidArgument", `bad margin ${points}`);
      model.pageLayout.margins[name] = points;
    });
  }
  set orientation(value: string) {
    this.write((model) => {
      if (value !== "Portrait" && value !== "Landscape") throw officeError("InvalidArgument", `bad orientation ${value}`);
      model.pageLayout.orientation = value;
    });
  }
  set paperSize(value: string) {
    this.write((model) => (model.pageLayout.paperSize = value));
  }
  set zoom(value: unknown) {
    this.write((model) => (model.pageLayout.zoom = value));
  }
  set leftMargin(v: number) { this.setMargin("left", v); }
  set rightMargin(v: number) { this.setMargin("right", v); }
  set topMargin(v: number) { this.setMargin("top", v); }
  set bottomMargin(v: number) { this.setMargin("bottom", v); }
  set headerMargin(v: number) { this.setMargin("header", v); }
  set footerMargin(v: number) { this.setMargin("footer", v); }
  get headersFooters() {
    return headersFooters(this.ctx, () => this.resolve());
  }
  setPrintArea(area: string): void {
    setPrintArea(this.ctx, () => this.resolve(), area);
  }
  setPrintTitleRows(rows: string): void {
    this.write((model) => {
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw officeError("InvalidArgument", `print title rows must be whole rows: ${rows}`);
      model.pageLayout.printTitleRows = rows;
    });
  }
}

interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

/** Office.js accepts only an array of the range's exact size for values, formulas and numberFormat. */
function checkShape(input: unknown, rect: Rect): unknown[][] {
  const rows = rect.bottom - rect.top + 1;
  const columns = rect.right - rect.left + 1;
  if (!Array.isArray(input) || input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== columns)) {
    throw officeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${columns}).`);
  }
  return input as unknown[][];
}

/** Excel's reading of typed input (values and formulas alike). */
function enter(cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return;
  const constant = (value: string | number | boolean | null, extra: Partial<FakeCell> = {}) => {
    cell.value = value;
    cell.formula = null;
    cell.isError = false;
    cell.quotePrefix = false;
    Object.assign(cell, extra);
  };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw officeError("InvalidArgument", `not a number: ${input}`);
    return constant(input);
  }
  if (typeof input === "boolean") return constant(input);
  if (typeof input !== "string") throw officeError("InvalidArgument", `unsupported input ${JSON.stringify(input)}`);
  if (input === "") return constant(null);
  if (cell.numberFormat === "@") return constant(input);
  if (input.startsWith("'")) return constant(input.slice(1), { quotePrefix: true });
  if (input.startsWith("=") && input.length > 1) {
    cell.formula = input;
    cell.value = null;
    cell.isError = false;
    cell.quotePrefix = false;
    return;
  }
  const trimmed = input.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/.test(trimmed)) {
    const n = Number(trimmed.replace("%", ""));
    return constant(trimmed.endsWith("%") ? n / 100 : n);
  }
  if (/^(true|false)$/i.test(trimmed)) return constant(trimmed.toLowerCase() === "true");
  if (/^\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?$/.test(trimmed)) return constant(45_000, { numberFormat: "m/d/yyyy" });
  if (ERRORS.has(trimmed)) return constant(trimmed, { isError: true });
  if (/^[+\-@]/.test(input)) {
    // Excel takes "+x", "-x" and "@x" for formulas; the fake cannot evaluate them, neither can the host mean them.
    cell.formula = `=${input.slice(input.startsWith("@") ? 1 : 0)}`;
    cell.value = "#NAME?";
    cell.isError = true;
    cell.quotePrefix = false;
    return;
  }
  constant(input);
}

class RangeProxy extends Resolvable<RangeRef> {
  select(): void {
    this.write((ref) => {
      if (this.ctx.excel.activeSheet !== ref.sheet.name) throw officeError("InvalidOperation", "The range is not on the active worksheet.");
      this.ctx.excel.selection = { sheet: ref.sheet.name, address: rectAddress(ref.rect) };
    });
  }

  readonly format: RangeFormatProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;
  readonly dataValidation: DataValidationProxy;

  constructor(ctx: FakeContext, resolver: () => RangeRef | null) {
    super(ctx, resolver);
    this.format = new RangeFormatProxy(ctx, () => this.resolve());
    this.conditionalFormats = new ConditionalFormatCollectionProxy(ctx, () => this.resolve());
    this.dataValidation = new DataValidationProxy(ctx, () => this.resolve());
  }

  protected readProperty(name: string): unknown {
    const { sheet, rect } = this.resolve();
    const grid = (pick: (cell: FakeCell | undefined) => unknown) => {
      if (cellsIn(rect) > this.ctx.excel.limits.rangeCells) throw officeError("RangeExceedsLimit", `The range ${rectAddress(rect)} has too many cells.`);
      const rows: unknown[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: unknown[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(pick(sheet.get(r, c)));
        rows.push(row);
      }
      return rows;
    };
    switch (name) {
      case "values":
        return grid((cell) => cell?.value ?? "");
      case "formulas":
        return grid((cell) => cell?.formula ?? cell?.value ?? "");
      case "numberFormat":
        return grid((cell) => cell?.numberFormat ?? "General");
      case "address":
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "cellCount":
        return cellsIn(rect);
      default:
        throw new Error(`fake-excel: Range.${name} is not supported`);
    }
  }

  get values(): unknown[][] { return this.value("values"); }
  get formulas(): unknown[][] { return this.value("formulas"); }
  get numberFormat(): unknown[][] { return this.value("numberFormat"); }
  get address(): string { return this.value("address"); }
  get rowIndex(): number { return this.value("rowIndex"); }
  get columnIndex(): number { return this.value("columnIndex"); }
  get rowCount(): number { return this.value("rowCount"); }
  get columnCount(): number { return this.value("columnCount"); }

  private setGrid(input: unknown, apply: (cell: FakeCell, value: unknown) => void): void {
    this.write(({ sheet, rect }) => {
      const rows = checkShape(input, rect);
      sheet.assertWritable(rect, "values");
      rows.forEach((row, r) => row.forEach((value, c) => {
        if (value === null || value === undefined) return;
        const cell = sheet.ensure(rect.top + r, rect.left + c);
        apply(cell, value);
        if (cell.formula !== null && this.ctx.excel.calculationMode === "Manual") this.ctx.excel.uncalculated = true;
      }));
    }, jsonBytes(input));
  }

  set values(input: unknown[][]) { this.setGrid(input, enter); }
  set formulas(input: unknown[][]) { this.setGrid(input, enter); }
  set numberFormat(input: unknown[][]) {
    this.setGrid(input, (cell, value) => {
      if (typeof value !== "string") throw officeError("InvalidArgument", `number format must be text: ${JSON.stringify(value)}`);
      cell.numberFormat = value;
    });
  }

  private other(other: RangeProxy | string, sheet: SheetModel): Rect {
    if (typeof other === "string") return parseRect(other);
    const ref = other.resolve();
    if (ref.sheet !== sheet) throw officeError("InvalidArgument", "ranges are on different sheets");
    return ref.rect;
  }

  getBoundingRect(other: RangeProxy | string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, rect } = this.resolve();
      const o = this.other(other, sheet);
      return { sheet, rect: { top: Math.min(rect.top, o.top), left: Math.min(rect.left, o.left), bottom: Math.max(rect.bottom, o.bottom), right: Math.max(rect.right, o.right) } };
    });
  }

  getIntersection(other: RangeProxy | string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, rect } = this.resolve();
      const o = this.other(other, sheet);
      if (!intersects(rect, o)) throw officeError("ItemNotFound", "The ranges do not intersect.");
      return { sheet, rect: { top: Math.max(rect.top, o.top), left: Math.max(rect.left, o.left), bottom: Math.min(rect.bottom, o.bottom), right: Math.min(rect.right, o.right) } };
    });
  }

  /** Like Excel: only the merged areas whose top-left cell lies in this range. */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    if (!this.ctx.excel.supports("1.13")) throw new Error("fake-excel: getMergedAreasOrNullObject needs ExcelApi 1.13");
    const areas = new RangeAreasProxy(this.ctx, () => {
      const { sheet, rect } = this.resolve();
      const found = sheet.merges.filter((m) => within(m.top, m.left, rect));
      // The reference names no error code for this; Excel reports it as a general failure of the batch.
      if (found.length > MERGED_AREAS_LIMIT) throw officeError("GeneralException", `There are more than ${MERGED_AREAS_LIMIT} merged areas in ${rectAddress(rect)}.`);
      return found.length ? { sheet, areas: found } : null;
    });
    areas.trackNull("Range.getMergedAreasOrNullObject");
    return areas;
  }

  merge(across = false): void {
    this.write(({ sheet, rect }) => {
      if (across) throw new Error("fake-excel: merge(across) is not supported");
      sheet.assertWritable(rect, "format");
      if (cellsIn(rect) < 2) return;
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
      // Excel keeps the upper-left value only.
      for (const [row, col, cell] of sheet.stored(rect)) {
        if (row !== rect.top || col !== rect.left) Object.assign(cell, { value: null, formula: null, isError: false });
      }
      sheet.merges.push({ ...rect });
    });
  }

  unmerge(): void {
    this.write(({ sheet, rect }) => {
      sheet.assertWritable(rect, "format");
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    });
  }

  clear(applyTo: string = "All"): void {
    this.write(({ sheet, rect }) => {
      sheet.assertWritable(rect, "format");
      for (const [, , cell] of sheet.stored(rect)) {
        if (applyTo === "All" || applyTo === "Contents") Object.assign(cell, { value: null, formula: null, isError: false, quotePrefix: false });
        if (applyTo === "All" || applyTo === "Formats") Object.assign(cell, { numberFormat: "General", format: {} });
      }
      if (applyTo === "All" || applyTo === "Formats") sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    });
  }
}

class RangeAreasProxy extends Resolvable<{ sheet: SheetModel; areas: Rect[] }> {
  protected readProperty(name: string): unknown {
    const { sheet, areas } = this.resolve();
    if (name === "address") return areas.map((a) => `${quoteSheet(sheet.name)}!${rectAddress(a)}`).join(", ");
    if (name === "areaCount") return areas.length;
    throw new Error(`fake-excel: RangeAreas.${name} is not supported`);
  }
  get address(): string {
    return this.value("address");
  }
}

/** Writes on every cell of the range (format properties), resolved at sync time. */
abstract class CellFormatter extends Resolvable<RangeRef> {
  protected readProperty(name: string): unknown {
    throw new Error(`fake-excel: reading ${this.constructor.name}.${name} is not supported`);
  }
  protected each(apply: (format: CellFormat) => void): void {
    this.write(({ sheet, rect }) => {
      sheet.assertWritable(rect, "format");
      for (const cell of sheet.each(rect)) apply(cell.format);
    });
  }
}

class FontProxy extends CellFormatter {
  set bold(v: boolean) { this.each((f) => (f.bold = v)); }
  set italic(v: boolean) { this.each((f) => (f.italic = v)); }
  set size(v: number) { this.each((f) => (f.size = v)); }
  set name(v: string) { this.each((f) => (f.fontName = v)); }
  set color(v: string) { this.each((f) => (f.fontColor = v)); }
}

class FillProxy extends CellFormatter {
  set color(v: string) { this.each((f) => (f.fill = v)); }
}

class ProtectionFormatProxy extends CellFormatter {
  set locked(v: boolean) { this.each((f) => (f.locked = v)); }
}

class BorderProxy extends CellFormatter {
  private readonly side: BorderSide = { style: "None", color: "#000000", weight: "Thin" };
  constructor(ctx: FakeContext, resolver: () => RangeRef, private readonly index: string) {
    super(ctx, resolver);
  }
  private paint(): void {
    const side = this.side;
    this.write(({ sheet, rect }) => {
      sheet.assertWritable(rect, "format");
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const targets: ("top" | "bottom" | "left" | "right")[] = [];
          if (this.index === "EdgeTop" && r === rect.top) targets.push("top");
          if (this.index === "EdgeBottom" && r === rect.bottom) targets.push("bottom");
          if (this.index === "EdgeLeft" && c === rect.left) targets.push("left");
          if (this.index === "EdgeRight" && c === rect.right) targets.push("right");
          if (this.index === "InsideHorizontal") targets.push(...(r > rect.top ? ["top" as const] : []), ...(r < rect.bottom ? ["bottom" as const] : []));
          if (this.index === "InsideVertical") targets.push(...(c > rect.left ? ["left" as const] : []), ...(c < rect.right ? ["right" as const] : []));
          if (!targets.length) continue;
          const format = sheet.ensure(r, c).format;
          format.borders ??= {};
          for (const t of targets) format.borders[t] = { ...side };
        }
      }
    });
  }
  set style(v: string) { this.side.style = v; this.paint(); }
  set color(v: string) { this.side.color = v; this.paint(); }
  set weight(v: string) { this.side.weight = v; this.paint(); }
}

class BordersProxy {
  constructor(private readonly ctx: FakeContext, private readonly resolver: () => RangeRef) {}
  getItem(index: string): BorderProxy {
    if (!["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"].includes(index)) throw new Error(`fake-excel: border ${index}`);
    return new BorderProxy(this.ctx, this.resolver, index);
  }
}

class RangeFormatProxy extends CellFormatter {
  readonly font: FontProxy;
  readonly fill: FillProxy;
  readonly protection: ProtectionFormatProxy;
  readonly borders: BordersProxy;
  constructor(ctx: FakeContext, resolver: () => RangeRef) {
    super(ctx, resolver);
    this.font = new FontProxy(ctx, resolver);
    this.fill = new FillProxy(ctx, resolver);
    this.protection = new ProtectionFormatProxy(ctx, resolver);
    this.borders = new BordersProxy(ctx, resolver);
  }
  set wrapText(v: boolean) { this.each((f) => (f.wrap = v)); }
  set horizontalAlignment(v: string) { this.each((f) => (f.hAlign = v)); }
  set verticalAlignment(v: string) { this.each((f) => (f.vAlign = v)); }
  set rowHeight(points: number) {
    this.write(({ sheet, rect }) => setRowHeights(sheet, rect, points));
  }
  set columnWidth(points: number) {
    this.write(({ sheet, rect }) => {
      sheet.assertWritable(rect, "columns");
      if (!(points >= 0 && points <= 255 * 7.5)) throw officeError("InvalidArgument", `bad column width ${points}`);
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
    });
  }
}

class ConditionalFormatCollectionProxy extends Resolvable<RangeRef> {
  protected readProperty(name: string): unknown {
    throw new Error(`fake-excel: ConditionalFormatCollection.${name} is not supported`);
  }
  add(type: string): ConditionalFormatProxy {
    let created: ConditionalFormatModel | null = null;
    this.write(({ sheet, rect }) => {
      if (type !== "Custom") throw new Error(`fake-excel: conditional format type ${type} is not supported`);
      sheet.assertWritable(rect, "format");
      created = { rect: { ...rect }, type };
      sheet.conditionalFormats.push(created);
    });
    return new ConditionalFormatProxy(this.ctx, () => created);
  }
  clearAll(): void {
    this.write(({ sheet, rect }) => {
      sheet.assertWritable(rect, "format");
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, rect));
    });
  }
}

class ConditionalFormatProxy {
  readonly custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } };
  constructor(ctx: FakeContext, model: () => ConditionalFormatModel | null) {
    const set = (apply: (m: ConditionalFormatModel) => void) =>
      ctx.enqueue(() => {
        const m = model();
        if (!m) throw officeError("ItemNotFound", "conditional format does not exist");
        apply(m);
      });
    this.custom = {
      rule: { set formula(v: string) { set((m) => (m.formula = v)); }, get formula(): string { throw new Error("fake-excel: not loaded"); } },
      format: {
        fill: { set color(v: string) { set((m) => (m.fill = v)); }, get color(): string { throw new Error("fake-excel: not loaded"); } },
        font: { set color(v: string) { set((m) => (m.fontColor = v)); }, get color(): string { throw new Error("fake-excel: not loaded"); } },
      },
    };
  }
}

class DataValidationProxy extends Resolvable<RangeRef> {
  protected readProperty(name: string): unknown {
    throw new Error(`fake-excel: DataValidation.${name} is not supported`);
  }
  private entry(apply: (v: ValidationModel) => void): void {
    this.write(({ sheet, rect }) => {
      sheet.assertWritable(rect, "format");
      let entry = sheet.validations.find((v) => rectAddress(v.rect) === rectAddress(rect));
      if (!entry) {
        entry = { rect: { ...rect } };
        sheet.validations.push(entry);
      }
      apply(entry);
    });
  }
  clear(): void {
    this.write(({ sheet, rect }) => {
      sheet.assertWritable(rect, "format");
      sheet.validations = sheet.validations.filter((v) => !intersects(v.rect, rect));
    });
  }
  set rule(rule: unknown) { this.entry((v) => (v.rule = rule)); }
  set errorAlert(alert: unknown) { this.entry((v) => (v.errorAlert = alert)); }
  set ignoreBlanks(value: boolean) { this.entry((v) => (v.ignoreBlanks = value)); }
}

// ---------------------------------------------------------------------------------------------
// Excel itself

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set supported, e.g. "1.20" (Microsoft 365) or "1.8". */
  apiVersion?: string;
  /** Where the undo table's "Excel on the web" or "Windows and Mac" column applies; Windows unless told. */
  platform?: Platform;
  requestBytes?: number;
  responseBytes?: number;
  /** What each request of a batch costs besides its data (object path, method name, ids). */
  callBytes?: number;
}

export class FakeExcel {
  sheets: SheetModel[] = [];
  syncs = 0;
  readonly syncLog: { number: number; requestBytes: number; responseBytes: number; actions: number }[] = [];
  readonly runs: { options: unknown }[] = [];
  readonly failures = new Map<number, Failure>();
  readonly suspendedSyncs: number[] = [];
  readonly deleted: string[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** Requests queued but never synced when an Excel.run ended: Office.js drops them. */
  abandonedRequests = 0;
  apiVersion: string;
  platform: Platform;
  readonly limits: { requestBytes: number; responseBytes: number; rangeCells: number; callBytes: number };
  /** The calls without undo support made outside an undo group: each emptied the person's undo stack. */
  readonly undoCleared: string[] = [];
  /** The person is typing in a cell. */
  cellEditMode = false;
  delayedForCellEdit = 0;
  /** Syncs (by number) that never settle, as Excel on the web sometimes does. */
  readonly hangs = new Set<number>();
  /** Review › Protect Workbook (structure); its password, "" for none. */
  structureProtection: { password: string } | null = null;
  calculationMode: "Automatic" | "Manual" | "Semiautomatic" = "Automatic";
  /** A formula was written while calculation is manual and no calculate() followed. */
  uncalculated = false;
  readonly calculations: string[] = [];
  private nextId = 1;

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.20";
    this.platform = options.platform ?? "windows";
    this.limits = {
      requestBytes: options.requestBytes ?? 5_000_000,
      responseBytes: options.responseBytes ?? 5_000_000,
      rangeCells: 5_000_000,
      callBytes: options.callBytes ?? 100,
    };
  }

  /** A protected workbook structure refuses adding, deleting, hiding and showing sheets. */
  assertStructureUnlocked(): void {
    if (this.structureProtection) throw officeError("AccessDenied", "You cannot perform the requested operation: the workbook structure is protected.");
  }

  supports(version: string): boolean {
    const [a1, a2] = this.apiVersion.split(".").map(Number);
    const [b1, b2] = version.split(".").map(Number);
    return a1 > b1 || (a1 === b1 && a2 >= b2);
  }

  runtime(): ExcelRuntime {
    return {
      run: (options, batch) => this.run(options, batch as unknown as (context: FakeContext) => Promise<never>),
      isSetSupported: (name, version) => name === "ExcelApi" && this.supports(version),
    } as ExcelRuntime;
  }

  async run<T>(options: unknown, batch: (context: FakeContext) => Promise<T>): Promise<T> {
    this.runs.push({ options });
    const context = new FakeContext(this, (options ?? {}) as RunOptionsSeen);
    try {
      return await batch(context);
    } finally {
      this.abandonedRequests += context.pending;
    }
  }

  /** The n-th sync of this Excel (counted from 1) fails after running `afterActions` requests. */
  failSync(number: number, code: string, message: string, afterActions = 0): void {
    this.failures.set(number, { code, message, afterActions });
  }

  find(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): SheetModel {
    const sheet = this.find(name);
    if (!sheet) throw new Error(`fake-excel: no sheet ${name}`);
    return sheet;
  }

  createSheet(name: string): SheetModel {
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw officeError("InvalidArgument", `The sheet name "${name}" is not valid.`);
    }
    if (this.find(name)) throw officeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    const sheet = new SheetModel(this.nextId++, name);
    this.sheets.push(sheet);
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.deleted.push(sheet.name);
  }

  /** Test setup: a sheet with rows of seeds from A1 (or `anchor`). */
  addSheet(name: string, rows: Seed[][] = [], options: { anchor?: string; merges?: string[]; visibility?: SheetModel["visibility"]; protectedWith?: Record<string, unknown> } = {}): SheetModel {
    const sheet = this.createSheet(name);
    sheet.seedRows(options.anchor ?? "A1", rows);
    sheet.merges = (options.merges ?? []).map(parseRect);
    if (options.visibility) sheet.visibility = options.visibility;
    if (options.protectedWith) sheet.protection = { protected: true, options: options.protectedWith };
    return sheet;
  }
}
