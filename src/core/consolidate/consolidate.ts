import type { Definitions, Profile } from "../definitions/schema";
import { analyse } from "../engine/analyse";
import type { IndicatorResult, WorkbookSnapshot } from "../model";
import { matchProfile } from "./match-profile";
import { type District, isReadable, provinceIndicators } from "./province";

/** One district's file as it arrived: read into a snapshot, or refused with the reason in Vietnamese. */
export type DistrictSource = { file: string; snapshot: WorkbookSnapshot } | { file: string; reason: string };

export interface Consolidation {
  districts: District[];
  province: IndicatorResult[];
}

/**
 * Each district analysed with the profile whose communes its workbook names (the first profile when it names
 * none), named after that profile's district, or after its file when no profile matched.
 */
export function consolidateDistricts(sources: readonly DistrictSource[], defs: Definitions, profiles: readonly Profile[], now: Date, version: string): Consolidation {
  if (profiles.length === 0) throw new Error("consolidateDistricts needs at least one profile");
  const districts: District[] = sources.map((source) => {
    const fallbackName = source.file.replace(/\.xlsx$/i, "");
    if ("reason" in source) return { name: fallbackName, file: source.file, reason: source.reason };
    const matched = matchProfile(source.snapshot, defs, profiles);
    const analysis = analyse(source.snapshot, defs, matched ?? profiles[0], { now, version });
    return { name: matched ? matched.district : fallbackName, file: source.file, counts: analysis.counts, indicators: analysis.indicators };
  });
  return { districts, province: provinceIndicators(defs, districts) };
}

/** "a.xlsx (lý do); b.xlsx (lý do)": why none of the files could be used. */
export function unreadableList(districts: readonly District[]): string {
  return districts.map((d) => (isReadable(d) ? "" : `${d.file} (${d.reason})`)).filter(Boolean).join("; ");
}
