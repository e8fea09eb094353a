import { bundledCatalogue } from "../core/definitions/bundled";
import type { Catalogue } from "../core/definitions/compile";
import type { Profile } from "../core/definitions/schema";
import { type Consolidation, consolidateDistricts, type DistrictSource, noneReadable } from "../core/consolidate/consolidate";
import { isReadable } from "../core/consolidate/province";
import { provincePlan } from "../core/consolidate/province-plan";
import { consolidationSheetName } from "../core/levels";
import { definitionsLabel } from "../core/analyse";
import type { Language } from "../core/findings/format";
import { type ConvertedSheet, convertEncodingPlan } from "../core/workbook/convert-encoding";
import { columnMappingPlan, columnMappings, markerOps, ownedSheets, summarySheetName } from "../core/workbook/ownership";
import type { SheetGrid, WorkbookHost } from "../core/model";
import { templatePlan } from "../core/template/template-plan";
import { type TargetEdits, targetEditsPlan } from "../core/template/targets-sheet";
import { VERSION } from "../version";
import { ToolRefusal } from "./failure";

/*
 * What only the task pane does, kept apart from use-cases.ts so that the ribbon's function file, which
 * loads on every click, does not carry it.
 */

export { ToolRefusal } from "./failure";

export interface ToolOptions {
  definitions?: Catalogue;
  profile?: Profile;
  now?: Date;
}

const definitionsOf = (options: ToolOptions) => options.definitions ?? bundledCatalogue().definitions;

/** Writes targets a person edited into the workbook's Chỉ tiêu sheet (made from the profile when missing). */
export async function saveTargets(host: WorkbookHost, edits: TargetEdits, options: ToolOptions = {}): Promise<void> {
  const snapshot = await host.read();
  await host.apply(targetEditsPlan(snapshot, definitionsOf(options), options.profile ?? bundledCatalogue().profile, edits));
}

/** Remembers, in the workbook, which column holds a field whose header the add-in did not recognise. */
export async function mapColumn(host: WorkbookHost, sheet: string, field: string, columnLetter: string, options: ToolOptions = {}): Promise<void> {
  const snapshot = await host.read();
  await host.apply({ ops: columnMappingPlan(snapshot, sheet, field, columnLetter, definitionsLabel(definitionsOf(options)), VERSION) });
}

/** Rewrites the cells typed in TCVN3 or VNI in Unicode (and a Unicode font); no other cell is touched. */
export async function convertLegacyText(host: WorkbookHost): Promise<ConvertedSheet[]> {
  const { ops, converted } = convertEncodingPlan(await host.read());
  if (ops.length) await host.apply({ ops });
  return converted;
}

function hasContent(sheet: SheetGrid): boolean {
  return sheet.values.some((row) => row?.some((v) => v !== null && v !== ""));
}

/**
 * Writes the blank template into the open workbook and shows its first sheet; returns the visible sheets it
 * wrote. It is meant for a new, empty workbook: when a sheet it would write already holds anything, it
 * refuses rather than clear a person's figures.
 */
export async function createTemplate(host: WorkbookHost, profile: Profile = bundledCatalogue().profile, options: ToolOptions = {}): Promise<string[]> {
  const ops = templatePlan(definitionsOf(options), profile, VERSION);
  // The sheets the template hides are the add-in's own (its lists and its marker), rewritten without asking.
  const hidden = new Set(ops.flatMap((op) => (op.op === "sheetVisibility" && op.visibility !== "visible" ? [op.sheet] : [])));
  const sheets = [...new Set(ops.flatMap((op) => (op.op === "prepareSheet" && !hidden.has(op.sheet) ? [op.sheet] : [])))];
  const written = new Set(sheets.map((name) => name.toLowerCase()));
  const snapshot = await host.read();
  const clashes = snapshot.sheets.filter((s) => written.has(s.name.toLowerCase()) && hasContent(s)).map((s) => `“${s.name}”`);
  if (clashes.length) {
    throw new ToolRefusal(
      `Workbook này đã có sheet ${clashes.join(", ")} có dữ liệu, nên không tạo mẫu vào đây (để không xóa số liệu). ` +
        "Hãy mở một workbook trống (Tệp › Mới) rồi bấm “Tạo mẫu” lại.",
    );
  }
  await host.apply({ ops });
  await host.select?.(sheets[0], "A1");
  return sheets;
}

function consolidated(sources: readonly DistrictSource[], profiles: readonly Profile[], options: ToolOptions) {
  const definitions = definitionsOf(options);
  const now = options.now ?? new Date();
  const consolidation = consolidateDistricts(sources, definitions, profiles, now, VERSION);
  if (!consolidation.districts.some(isReadable)) {
    const worded = (language: Language) => noneReadable(consolidation.districts, language);
    throw new ToolRefusal(worded("vi"), worded);
  }
  return { consolidation, definitions, now };
}

/**
 * Consolidates district workbooks the person picked into a province sheet of the open workbook, and shows it
 * (a sheet of that name which is the person's own is left alone; the add-in writes "… (2)" instead).
 */
export async function consolidateIntoWorkbook(
  host: WorkbookHost,
  sources: readonly DistrictSource[],
  profiles: readonly Profile[] = [bundledCatalogue().profile],
  options: ToolOptions = {},
): Promise<Consolidation & { sheet: string }> {
  const { consolidation, definitions, now } = consolidated(sources, profiles, options);
  const snapshot = await host.read();
  const owned = ownedSheets(snapshot);
  const { name } = summarySheetName(snapshot, owned, consolidationSheetName(consolidation.consolidating.levels));
  const ownedAfter = [...new Set([...owned, name])];
  await host.apply({
    ops: [
      ...provincePlan(definitions, consolidation.districts, consolidation.province, now, consolidation.consolidating, name),
      ...markerOps(ownedAfter, definitionsLabel(definitions), VERSION, columnMappings(snapshot)),
    ],
  });
  await host.select?.(name, "A1");
  return { ...consolidation, sheet: name };
}

/** Consolidates district workbooks into a new workbook that holds the province sheet alone: the command line's file. */
export async function consolidateIntoNewWorkbook(
  host: WorkbookHost,
  sources: readonly DistrictSource[],
  profiles: readonly Profile[],
  options: ToolOptions = {},
): Promise<Consolidation> {
  const { consolidation, definitions, now } = consolidated(sources, profiles, options);
  await host.apply({ ops: provincePlan(definitions, consolidation.districts, consolidation.province, now, consolidation.consolidating) });
  return consolidation;
}
