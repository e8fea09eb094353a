import { bundledCatalogue } from "../core/definitions/bundled";
import type { Definitions, Profile } from "../core/definitions/schema";
import { analyse, definitionsLabel } from "../core/engine/analyse";
import { columnMappingPlan } from "../core/engine/ownership";
import type { Finding, IndicatorResult, WorkbookHost } from "../core/model";
import { type TargetEdits, targetEditsPlan } from "../core/template/targets-sheet";
import { VERSION } from "../version";

export interface RunOutcome {
  findings: Finding[];
  indicators: IndicatorResult[];
  counts: { error: number; warning: number; info: number };
  /** The summary sheet's name as written (normally "Tổng hợp chỉ tiêu"); null for a validate-only run. */
  summarySheet: string | null;
}

export interface RunOptions {
  now?: Date;
  definitions?: Definitions;
  profile?: Profile;
}

function catalogue(options: RunOptions): { definitions: Definitions; profile: Profile } {
  const bundled = bundledCatalogue();
  return { definitions: options.definitions ?? bundled.definitions, profile: options.profile ?? bundled.profile };
}

async function analyseHost(host: WorkbookHost, options: RunOptions) {
  const { definitions, profile } = catalogue(options);
  const snapshot = await host.read();
  return analyse(snapshot, definitions, profile, { now: options.now ?? new Date(), version: VERSION });
}

/** Reads the workbook, validates it and returns the findings and indicators; writes nothing. */
export async function validateWorkbook(host: WorkbookHost, options: RunOptions = {}): Promise<RunOutcome> {
  const analysis = await analyseHost(host, options);
  return { findings: analysis.findings, indicators: analysis.indicators, counts: analysis.counts, summarySheet: null };
}

/** Reads, validates, computes the whole plan before any write, and applies it in one call to host.apply. */
export async function recalculateWorkbook(host: WorkbookHost, options: RunOptions = {}): Promise<RunOutcome> {
  const analysis = await analyseHost(host, options);
  await host.apply(analysis.plan);
  return { findings: analysis.findings, indicators: analysis.indicators, counts: analysis.counts, summarySheet: analysis.summarySheet };
}

/** Writes targets a person edited into the workbook's Chỉ tiêu sheet (made from the profile when missing). */
export async function saveTargets(host: WorkbookHost, edits: TargetEdits, options: RunOptions = {}): Promise<void> {
  const { definitions, profile } = catalogue(options);
  const snapshot = await host.read();
  await host.apply(targetEditsPlan(snapshot, definitions, profile, edits));
}

/** Remembers, in the workbook, which column holds a field whose header the add-in did not recognise. */
export async function mapColumn(host: WorkbookHost, sheet: string, field: string, columnLetter: string, options: RunOptions = {}): Promise<void> {
  const { definitions } = catalogue(options);
  const snapshot = await host.read();
  await host.apply({ ops: columnMappingPlan(snapshot, sheet, field, columnLetter, definitionsLabel(definitions), VERSION) });
}
