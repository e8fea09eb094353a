/// <reference types="office-js" />

/**
 * The two entry points of Office.js the host needs, passed in so that tests can give a fake Excel
 * and so that importing the host never touches the `Excel` or `Office` globals.
 */
export interface ExcelRuntime {
  run<T>(options: Excel.RunOptions | null, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported, e.g. ("ExcelApi", "1.13"). */
  isSetSupported(name: string, version: string): boolean;
}

/** The real thing, inside Excel once Office.onReady has resolved. */
export function officeRuntime(): ExcelRuntime {
  return {
    run: (options, batch) => (options ? Excel.run(options, batch) : Excel.run(batch)),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/**
 * The manifest asks for ExcelApi 1.13 (Range.getMergedAreasOrNullObject: merged two-row headers are read
 * only from there). These are the sets the host checks at run time; the two below 1.13 stay checked because
 * a sideloaded manifest can be edited, and checking costs nothing.
 */
const FEATURES = {
  /** Page layout: paper size, orientation, print titles. */
  pageLayout: ["ExcelApi", "1.9"],
  /** Charts: series added and typed one by one, data labels' number format. */
  charts: ["ExcelApi", "1.8"],
  /** Excel.run waits until the person leaves cell edit mode instead of failing. */
  delayForCellEdit: ["ExcelApi", "1.11"],
  /** Excel.run({ mergeUndoGroup: true }): the whole write is one undo step. */
  mergeUndoGroup: ["ExcelApi", "1.20"],
} as const satisfies Record<string, readonly [string, string]>;

export type Feature = keyof typeof FEATURES;

export function supports(runtime: ExcelRuntime, feature: Feature): boolean {
  const [name, version] = FEATURES[feature];
  try {
    return runtime.isSetSupported(name, version);
  } catch {
    return false;
  }
}
