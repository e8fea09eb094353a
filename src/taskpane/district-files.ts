import "./zod-jitless";
import type { DistrictSource } from "../core/consolidate/consolidate";
import { loadProfile } from "../core/definitions/load";
import type { Definitions, Profile } from "../core/definitions/schema";
import { workbookFromBytes } from "../hosts/xlsx/read-bytes";
import { snapshotOf } from "../hosts/xlsx/xlsx-host";

/** What the person picked: district workbooks (.xlsx) and, optionally, district profiles (.json). */
export interface PickedFiles {
  sources: DistrictSource[];
  profiles: Profile[];
  /** Profiles that could not be used, each with its file, the place inside it and the fault, in Vietnamese. */
  profileErrors: string[];
}

/**
 * Reads picked files in the browser with the same refusals as the command line (not an .xlsx, .xls, CSV,
 * encrypted, a zip claiming gigabytes). Loaded on demand: ExcelJS and zod stay out of the pane's first load.
 */
export async function readPickedFiles(files: readonly File[], definitions: Definitions): Promise<PickedFiles> {
  const picked: PickedFiles = { sources: [], profiles: [], profileErrors: [] };
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (/\.json$/i.test(file.name)) {
      const loaded = loadProfile(new TextDecoder("utf-8").decode(bytes), file.name, definitions);
      if (loaded.ok) picked.profiles.push(loaded.value);
      else picked.profileErrors.push(...loaded.errors);
      continue;
    }
    const read = await workbookFromBytes(bytes);
    picked.sources.push("reason" in read ? { file: file.name, reason: read.reason } : { file: file.name, snapshot: snapshotOf(read.workbook) });
  }
  return picked;
}
