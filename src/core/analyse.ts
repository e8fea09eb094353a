import type { Catalogue } from "./definitions/compile";
import type { Definitions, Profile } from "./definitions/schema";
import { countBySeverity, finding } from "./findings/findings";
import type { Finding, IndicatorResult, Plan, SeverityCounts, WorkbookSnapshot } from "./model";
import { calculatedColumnOps } from "./plan/calculated-columns";
import { findingsSheetOps, FINDINGS_SHEET } from "./plan/findings-sheet";
import { summaryOps, summaryTargetRef, vietnamTime } from "./plan/summary";
import { textNumberOps } from "./plan/text-numbers";
import { computeIndicators } from "./indicators/indicators";
import { type SheetColumns, sheetColumns } from "./workbook/contexts";
import { ENCODING_LABELS } from "./text/legacy-encoding";
import { decodeLegacySheets } from "./workbook/legacy-view";
import { columnMappings, markerOps, ownedSheets, SUMMARY_SHEET, summarySheetName } from "./workbook/ownership";
import { readWorkbook } from "./workbook/read-workbook";
import { readTargets } from "./indicators/targets";
import { createdTargetsSheet } from "./template/targets-sheet";
import { typedRatioFindings } from "./validate/typed-ratios";

export interface AnalysisOptions {
  now: Date;
  version: string;
}

export interface Analysis {
  findings: Finding[];
  indicators: IndicatorResult[];
  counts: SeverityCounts;
  summarySheet: string;
  /** Where each sheet's columns were found, so a finding can be tied to the indicators that read its cell. */
  columns: SheetColumns;
  /** Every write of a recalculation, computed before the first one is made. */
  plan: Plan;
}

export function definitionsLabel(defs: Definitions): string {
  return `${defs.id}@${defs.version}`;
}

export function analyse(workbook: WorkbookSnapshot, defs: Catalogue, profile: Profile, options: AnalysisOptions): Analysis {
  const { snapshot, legacy } = decodeLegacySheets(workbook);
  const owned = ownedSheets(snapshot);
  const summary = summarySheetName(snapshot, owned);
  const findingsSheet = summarySheetName(snapshot, owned, FINDINGS_SHEET).name;
  const skip = new Set([...owned, summary.name, findingsSheet]);
  const mappings = columnMappings(snapshot);
  const { readings, findings: readFindings } = readWorkbook(snapshot, defs, profile, skip, mappings);
  const targets = readTargets(snapshot, defs, profile, new Set([...skip, ...[...readings.values()].map((r) => r.grid.name)]));
  const target = (id: string) => targets.figures.get(id)?.target.value ?? null;

  const findings = [
    ...[...legacy].map(([sheet, l]) => finding("legacy-encoding", sheet, null, { count: l.cells.length, encoding: ENCODING_LABELS[l.encoding] })),
    ...readFindings,
    ...targets.findings,
    ...typedRatioFindings(defs, readings, target),
    ...(summary.taken ? [finding("summary-name-taken", SUMMARY_SHEET, null, { target: summary.name })] : []),
  ];
  const indicators = computeIndicators(defs, readings, targets, findings);
  // A missing Chỉ tiêu sheet is created from the profile, unless a sheet of that name is there but unreadable.
  const created = targets.sheet === null && !snapshot.sheets.some((s) => s.name === defs.targetsSheet.name) ? createdTargetsSheet(defs, profile, targets) : null;
  const counts = countBySeverity(findings);
  // The summary describes the workbook as the plan leaves it: a Chỉ tiêu sheet it creates and numbers it turns
  // from text are no longer open there, and a second run must write the same summary.
  const resolved = (f: Finding) => f.code === "number-as-text" || (created !== null && f.code === "missing-sheet" && f.sheet === defs.targetsSheet.name);
  const openFindings = findings.filter((f) => !resolved(f));
  const summaryCounts = countBySeverity(openFindings);

  const targetRef = (id: string) => summaryTargetRef(summary.name, defs, id);
  // The findings sheet is rebuilt while there are findings and removed, if it is ours, once there are none.
  const listFindings = openFindings.length > 0;
  const staleFindingsSheet = !listFindings && owned.has(findingsSheet) && snapshot.sheets.some((s) => s.name === findingsSheet);
  const written = listFindings ? [summary.name, findingsSheet] : [summary.name];
  const ownedAfter = [...new Set([...owned, ...written])].filter(
    (name) => written.includes(name) || (name !== findingsSheet && snapshot.sheets.some((s) => s.name === name)),
  );
  const info = { now: options.now, version: options.version, definitions: definitionsLabel(defs), counts: summaryCounts, findingsSheet: listFindings ? findingsSheet : null };
  const runLine = `tính lại lúc ${vietnamTime(options.now)}, add-in ${options.version}, định nghĩa ${info.definitions}`;
  const plan: Plan = {
    ops: [
      ...(created?.ops ?? []),
      ...summaryOps({ sheet: summary.name, defs, profile, readings, targets: created?.targets ?? targets, indicators, info }),
      ...(listFindings ? findingsSheetOps(findingsSheet, openFindings, new Set(snapshot.sheets.map((s) => s.name)), runLine) : []),
      ...(staleFindingsSheet ? [{ op: "removeSheet" as const, sheet: findingsSheet }] : []),
      ...textNumberOps(readings),
      ...calculatedColumnOps(defs, readings, target, targetRef),
      ...markerOps(ownedAfter, definitionsLabel(defs), options.version, mappings),
    ],
  };
  return { findings, indicators, counts, summarySheet: summary.name, columns: sheetColumns(readings), plan };
}
