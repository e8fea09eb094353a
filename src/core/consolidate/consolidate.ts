import type { Catalogue } from "../definitions/compile";
import type { Profile } from "../definitions/schema";
import type { Language } from "../findings/format";
import type { Reason } from "../findings/reasons";
import { renderReason } from "../findings/render";
import { analyse } from "../analyse";
import type { IndicatorResult, WorkbookSnapshot } from "../model";
import { matchProfile } from "./match-profile";
import { type District, isReadable, provinceIndicators } from "./province";

/** One district's file as it arrived: read into a snapshot, or refused with the reason. */
export type DistrictSource = { file: string; snapshot: WorkbookSnapshot } | { file: string; reason: Reason };

export type Consolidating = Pick<Profile, "province" | "levels">;

export interface Consolidation {
  districts: District[];
  province: IndicatorResult[];
  /** Who consolidates, from the first profile: the name of the unit over them all and the words for the levels. */
  consolidating: Consolidating;
}

/**
 * Each district analysed with the profile whose communes its workbook names (the first profile when it names
 * none), named after that profile's district, or after its file when no profile matched. A second file of a
 * district already read is listed with the reason and left out of the province's figures. The first profile
 * is the consolidating office's own: its levels name what is consolidated.
 */
export function consolidateDistricts(sources: readonly DistrictSource[], defs: Catalogue, profiles: readonly Profile[], now: Date, version: string): Consolidation {
  if (profiles.length === 0) throw new Error("consolidateDistricts needs at least one profile");
  const fileOf = new Map<Profile, string>();
  const districts: District[] = sources.map((source) => {
    const fallbackName = source.file.replace(/\.xlsx$/i, "");
    if ("reason" in source) return { name: fallbackName, file: source.file, reason: source.reason };
    const matched = matchProfile(source.snapshot, defs, profiles);
    // Two files of one district (say, two versions sent on different days) would count it twice.
    const earlier = matched ? fileOf.get(matched) : undefined;
    if (matched && earlier) return { name: matched.district, file: source.file, reason: { code: "duplicate-district", params: { district: matched.district, earlierFile: earlier } }, duplicate: true };
    if (matched) fileOf.set(matched, source.file);
    const analysis = analyse(source.snapshot, defs, matched ?? profiles[0], { now, version });
    return { name: matched ? matched.district : fallbackName, file: source.file, counts: analysis.counts, indicators: analysis.indicators };
  });
  return { districts, province: provinceIndicators(defs, districts), consolidating: { province: profiles[0].province, levels: profiles[0].levels } };
}

/** "Không đọc được tệp nào: a.xlsx (lý do); b.xlsx (lý do).", in the person's language. */
export function noneReadable(districts: readonly District[], language: Language): string {
  return `${language === "vi" ? "Không đọc được tệp nào" : "None of the files could be read"}: ${unreadableList(districts, language)}.`;
}

/** "a.xlsx (lý do); b.xlsx (lý do)": why none of the files could be used. */
function unreadableList(districts: readonly District[], language: Language): string {
  return districts.map((d) => (isReadable(d) ? "" : `${d.file} (${renderReason(d.reason, language)})`)).filter(Boolean).join("; ");
}
