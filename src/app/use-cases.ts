import { bundledCatalogue } from "../core/definitions/bundled";
import type { Catalogue } from "../core/definitions/compile";
import type { Profile } from "../core/definitions/schema";
import { analyse } from "../core/analyse";
import type { SheetColumns } from "../core/workbook/contexts";
import type { Finding, IndicatorResult, SeverityCounts, WorkbookHost } from "../core/model";
import { VERSION } from "../version";

export interface RunOutcome {
  findings: Finding[];
  indicators: IndicatorResult[];
  counts: SeverityCounts;
  /** Where each sheet's columns were found: the pane ties findings to the indicators that read their cells. */
  columns: SheetColumns;
  /** The summary sheet's name as written (normally "Tổng hợp chỉ tiêu"); null for a validate-only run. */
  summarySheet: string | null;
}

export interface RunOptions {
  now?: Date;
  definitions?: Catalogue;
  profile?: Profile;
}

function catalogue(options: RunOptions): { definitions: Catalogue; profile: Profile } {
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
  return { findings: analysis.findings, indicators: analysis.indicators, counts: analysis.counts, columns: analysis.columns, summarySheet: null };
}

/** Reads, validates, computes the whole plan before any write, and applies it in one call to host.apply. */
export async function recalculateWorkbook(host: WorkbookHost, options: RunOptions = {}): Promise<RunOutcome> {
  const analysis = await analyseHost(host, options);
  await host.apply(analysis.plan);
  return { findings: analysis.findings, indicators: analysis.indicators, counts: analysis.counts, columns: analysis.columns, summarySheet: analysis.summarySheet };
}
