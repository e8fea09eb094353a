/// <reference types="office-js" />
import type { CellRange, CellValue, SheetGrid, SheetVisibility, WorkbookSnapshot } from "../../core/model";
import { rangeAddress } from "../../core/a1";
import { mergedAreas, toCellValue, toFormula } from "./cell-values";
import { isPayloadTooLarge, readError } from "./host-error";
import type { WorkbookFacts } from "./write-plan";

export interface ReadLimits {
  /**
   * The second sync loads every sheet from A1 to its used range's last cell, cut to this window. Rows
   * and columns beyond it (a sheet of more than 2 000 000 cells) are read in blocks afterwards.
   */
  windowRows: number;
  windowColumns: number;
  /** A block sync loads at most this many cells (values and formulas: about 4 MB of text)… */
  blockCells: number;
  /** …and at most this many rows. */
  blockRows: number;
}

export const READ_LIMITS: ReadLimits = { windowRows: 20_000, windowColumns: 100, blockCells: 200_000, blockRows: 20_000 };

/** What read() learnt about each sheet that apply() can reuse without asking Excel again. */
export interface SheetFacts {
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
  protectionOptions: Excel.WorksheetProtectionOptions | null;
  /** Names of the charts on the sheet, where the read loaded them: an earlier run's are replaced, not doubled. */
  charts?: string[];
}

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  workbook: WorkbookFacts;
  /** context.sync calls made. */
  syncs: number;
}

const VISIBILITY: Record<string, SheetVisibility> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/** A rectangle of one sheet still to read, zero-based and inclusive. */
interface Region extends CellRange {
  sheet: number;
}

interface SheetBuffer {
  values: CellValue[][];
  formulas: (string | null)[][];
  merges: Map<string, CellRange>;
}

export const SHEET_LIST_LOAD = "items/name,items/visibility,items/protection/protected,items/protection/options";

export function sheetFacts(items: Excel.Worksheet[], charts: (string[] | undefined)[] = []): SheetFacts[] {
  return items.map((ws, i) => ({
    name: ws.name,
    visibility: VISIBILITY[ws.visibility] ?? "visible",
    protected: ws.protection.protected,
    protectionOptions: ws.protection.protected ? ws.protection.options : null,
    ...(charts[i] ? { charts: charts[i] } : {}),
  }));
}

/**
 * Reads every sheet in a constant number of syncs: one for the sheet list, one for every sheet's used
 * extent and contents (each cut to the window). Only a sheet larger than the window costs more, one sync
 * per block of rows; and if Excel refuses the second sync as too large (Excel on the web stops at 5 MB),
 * the contents are read again in blocks.
 */
export async function readWorkbook(context: Excel.RequestContext, options: { merges: boolean; limits: ReadLimits }): Promise<ReadResult> {
  const { limits } = options;
  let syncs = 0;
  const sync = async () => {
    syncs++;
    try {
      await context.sync();
    } catch (error) {
      throw readError(error);
    }
  };

  const worksheets = context.workbook.worksheets;
  worksheets.load(SHEET_LIST_LOAD);
  const structure = context.workbook.protection.load("protected");
  const application = context.workbook.application.load("calculationMode");
  await sync();
  const items = worksheets.items;

  const buffers: SheetBuffer[] = items.map(() => ({ values: [], formulas: [], merges: new Map() }));
  syncs++;
  const first = await readWindows(context, items, buffers, options);
  if (first.regions === null) await sync();
  const extents = first.extents();
  const regions = first.regions ?? extents.map((e, sheet) => ({ sheet, top: 0, left: 0, bottom: e.lastRow, right: e.lastColumn }));

  const groups = packBlocks(regions.flatMap((r) => splitRows(r, limits)), limits);
  for (const group of groups) syncs += await readGroup(context, items, group, buffers, options.merges && !first.mergesApart);
  if (first.mergesApart) {
    const bands = extents.flatMap((e, sheet) => splitRows({ sheet, top: 0, left: 0, bottom: e.lastRow, right: e.lastColumn }, { ...limits, blockCells: Infinity, blockRows: MERGE_BAND_ROWS }));
    syncs += await readMergeBands(context, items, bands, buffers);
  }
  const snapshot: WorkbookSnapshot = { sheets: items.map((ws, i) => sheetGrid(ws, buffers[i])) };
  return { snapshot, workbook: { sheets: sheetFacts(items, first.chartNames), structureProtected: structure.protected, calculationMode: application.calculationMode }, syncs };
}

interface FirstRead {
  /** Every sheet's last used row and column, once the sync that loads them has run. */
  extents(): { lastRow: number; lastColumn: number }[];
  /** What lies beyond each sheet's window; null when the windows could not be read at all. */
  regions: Region[] | null;
  mergesApart: boolean;
  chartNames: (string[] | undefined)[];
}

/**
 * One sync for every sheet's used extent, its window of contents, merged areas and chart names. The caller
 * has counted that sync. When it fails, only the extents are queued (the caller syncs them) and everything
 * is read in blocks.
 */
async function readWindows(context: Excel.RequestContext, items: Excel.Worksheet[], buffers: SheetBuffer[], options: { merges: boolean; limits: ReadLimits }): Promise<FirstRead> {
  const windowAddress = rangeAddress(0, 0, options.limits.windowRows - 1, options.limits.windowColumns - 1);
  const pending = items.map((ws) => {
    const used = ws.getUsedRange(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    // From A1, not from the used range's corner, so that grid coordinates are sheet coordinates.
    const window = ws.getRange("A1").getBoundingRect(used).getIntersection(windowAddress);
    window.load("values,formulas");
    const merged = options.merges ? window.getMergedAreasOrNullObject() : null;
    merged?.load("address");
    // The charts' names ride along, so that a rebuilt summary replaces the add-in's charts instead of doubling them.
    const charts = ws.charts.load("items/name");
    return { used, window, merged, charts };
  });
  try {
    await context.sync();
    const extents = pending.map(({ used }) => extentOf(used));
    pending.forEach(({ window, merged }, i) => {
      place(buffers[i], 0, 0, window.values, window.formulas);
      addMerges(buffers[i], merged && !merged.isNullObject ? merged.address : null);
    });
    const regions = extents.flatMap((e, sheet) => beyondWindow(sheet, e, options.limits));
    return { extents: () => extents, regions, mergesApart: false, chartNames: pending.map(({ charts }) => charts.items.map((c) => c.name)) };
  } catch (error) {
    if (!isPayloadTooLarge(error) && !options.merges) throw readError(error);
    // Too much for one response, or a sheet with more merged areas than getMergedAreasOrNullObject returns
    // (512, its reference page): learn each sheet's extent first, then read everything in blocks, and the
    // merged areas apart, in bands of rows. Any other failure comes back at the next sync.
    const used = items.map((ws) => ws.getUsedRange(true).load("rowIndex,columnIndex,rowCount,columnCount"));
    return { extents: () => used.map(extentOf), regions: null, mergesApart: options.merges && !isPayloadTooLarge(error), chartNames: [] };
  }
}

function extentOf(used: Excel.Range): { lastRow: number; lastColumn: number } {
  return { lastRow: used.rowIndex + used.rowCount - 1, lastColumn: used.columnIndex + used.columnCount - 1 };
}

function sheetGrid(ws: Excel.Worksheet, buffer: SheetBuffer): SheetGrid {
  return { name: ws.name, ...trimmed(buffer), merges: [...buffer.merges.values()], visibility: VISIBILITY[ws.visibility] ?? "visible" };
}

function beyondWindow(sheet: number, extent: { lastRow: number; lastColumn: number }, limits: ReadLimits): Region[] {
  const regions: Region[] = [];
  const lastWindowColumn = Math.min(extent.lastColumn, limits.windowColumns - 1);
  if (extent.lastRow >= limits.windowRows) regions.push({ sheet, top: limits.windowRows, left: 0, bottom: extent.lastRow, right: lastWindowColumn });
  if (extent.lastColumn >= limits.windowColumns) regions.push({ sheet, top: 0, left: limits.windowColumns, bottom: extent.lastRow, right: extent.lastColumn });
  return regions;
}

function splitRows(region: Region, limits: ReadLimits): Region[] {
  const width = region.right - region.left + 1;
  const rows = Math.max(1, Math.min(limits.blockRows, Math.floor(limits.blockCells / width)));
  const blocks: Region[] = [];
  for (let top = region.top; top <= region.bottom; top += rows) blocks.push({ ...region, top, bottom: Math.min(region.bottom, top + rows - 1) });
  return blocks;
}

const cellsOf = (r: Region) => (r.bottom - r.top + 1) * (r.right - r.left + 1);
const rowsOf = (r: Region) => r.bottom - r.top + 1;

/** Blocks of several small regions share a sync as long as the sync stays within the limits. */
function packBlocks(blocks: Region[], limits: ReadLimits): Region[][] {
  const groups: Region[][] = [];
  let group: Region[] = [];
  let cells = 0;
  let rows = 0;
  for (const block of blocks) {
    if (group.length && (cells + cellsOf(block) > limits.blockCells || rows + rowsOf(block) > limits.blockRows)) {
      groups.push(group);
      group = [];
      cells = 0;
      rows = 0;
    }
    group.push(block);
    cells += cellsOf(block);
    rows += rowsOf(block);
  }
  if (group.length) groups.push(group);
  return groups;
}

/** One sync for the group; if Excel finds it too large after all, halves it and tries again. */
async function readGroup(context: Excel.RequestContext, items: Excel.Worksheet[], group: Region[], buffers: SheetBuffer[], merges: boolean): Promise<number> {
  const loads = group.map((block) => {
    const range = items[block.sheet].getRangeByIndexes(block.top, block.left, rowsOf(block), block.right - block.left + 1);
    range.load("values,formulas");
    const merged = merges ? range.getMergedAreasOrNullObject() : null;
    merged?.load("address");
    return { block, range, merged };
  });
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadTooLarge(error)) throw readError(error);
    const halves = halve(group);
    if (!halves) throw readError(error);
    let syncs = 1;
    for (const half of halves) syncs += await readGroup(context, items, half, buffers, merges);
    return syncs;
  }
  for (const { block, range, merged } of loads) {
    place(buffers[block.sheet], block.top, block.left, range.values, range.formulas);
    addMerges(buffers[block.sheet], merged && !merged.isNullObject ? merged.address : null);
  }
  return 1;
}

/** Rows per call of getMergedAreasOrNullObject once a whole window had more than 512 merged areas. */
const MERGE_BAND_ROWS = 200;

/** The merged areas of the bands in one sync; halved and asked again while Excel still refuses. */
async function readMergeBands(context: Excel.RequestContext, items: Excel.Worksheet[], bands: Region[], buffers: SheetBuffer[]): Promise<number> {
  const loads = bands.map((band) => {
    const merged = items[band.sheet].getRangeByIndexes(band.top, band.left, rowsOf(band), band.right - band.left + 1).getMergedAreasOrNullObject();
    merged.load("address");
    return { band, merged };
  });
  try {
    await context.sync();
  } catch (error) {
    const halves = halve(bands);
    if (!halves) throw readError(error);
    let syncs = 1;
    for (const half of halves) syncs += await readMergeBands(context, items, half, buffers);
    return syncs;
  }
  for (const { band, merged } of loads) addMerges(buffers[band.sheet], merged.isNullObject ? null : merged.address);
  return 1;
}

function halve(group: Region[]): Region[][] | null {
  if (group.length > 1) {
    const middle = Math.ceil(group.length / 2);
    return [group.slice(0, middle), group.slice(middle)];
  }
  const [block] = group;
  if (rowsOf(block) < 2) return null;
  const middle = block.top + Math.floor(rowsOf(block) / 2);
  return [[{ ...block, bottom: middle - 1 }], [{ ...block, top: middle }]];
}

function place(buffer: SheetBuffer, top: number, left: number, values: unknown[][], formulas: unknown[][]): void {
  for (let r = 0; r < values.length; r++) {
    const rowValues = (buffer.values[top + r] ??= []);
    const rowFormulas = (buffer.formulas[top + r] ??= []);
    const sourceValues = values[r];
    const sourceFormulas = formulas[r] ?? [];
    for (let c = 0; c < sourceValues.length; c++) {
      rowValues[left + c] = toCellValue(sourceValues[c]);
      rowFormulas[left + c] = toFormula(sourceFormulas[c], sourceValues[c]);
    }
  }
}

function addMerges(buffer: SheetBuffer, address: string | null): void {
  for (const m of mergedAreas(address)) buffer.merges.set(`${m.top}:${m.left}:${m.bottom}:${m.right}`, m);
}

/** Rows end at their last non-empty cell and the sheet at its last non-empty row, as the xlsx host gives them. */
function trimmed(buffer: SheetBuffer): { values: CellValue[][]; formulas: (string | null)[][] } {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let lastRow = -1;
  const rows = Math.max(buffer.values.length, buffer.formulas.length);
  for (let r = 0; r < rows; r++) {
    const rowValues = buffer.values[r] ?? [];
    const rowFormulas = buffer.formulas[r] ?? [];
    let end = Math.max(rowValues.length, rowFormulas.length);
    while (end > 0 && (rowValues[end - 1] ?? null) === null && (rowFormulas[end - 1] ?? null) === null) end--;
    values.push(Array.from({ length: end }, (_, c) => rowValues[c] ?? null));
    formulas.push(Array.from({ length: end }, (_, c) => rowFormulas[c] ?? null));
    if (end > 0) lastRow = r;
  }
  return { values: values.slice(0, lastRow + 1), formulas: formulas.slice(0, lastRow + 1) };
}
