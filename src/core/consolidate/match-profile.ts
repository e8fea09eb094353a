import type { Definitions, Profile } from "../definitions/schema";
import type { WorkbookSnapshot } from "../model";
import { unitDirectory } from "../read/units";

/** The profile whose communes the workbook names most often; null when it names none of any. */
export function matchProfile(snapshot: WorkbookSnapshot, defs: Definitions, profiles: readonly Profile[]): Profile | null {
  let best: Profile | null = null;
  let bestScore = 0;
  for (const profile of profiles) {
    const units = unitDirectory(defs, profile);
    const seen = new Set<string>();
    for (const sheet of snapshot.sheets) {
      for (const row of sheet.values) {
        for (const value of row ?? []) {
          if (typeof value !== "string" || value.length > 80) continue;
          const unit = units.resolveCommune(value);
          if (unit) seen.add(unit.key);
        }
      }
    }
    if (seen.size > bestScore) {
      best = profile;
      bestScore = seen.size;
    }
  }
  return best;
}
