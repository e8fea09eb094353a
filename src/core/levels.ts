import type { Definitions, Levels, Profile } from "./definitions/schema";
import type { Language } from "./findings/format";

/** "tỉnh" → "Tỉnh": a level word that opens a heading or a sentence. */
export function capitalised(word: string): string {
  return word.charAt(0).toLocaleUpperCase("vi") + word.slice(1);
}

/**
 * The level words a text takes as parameters, in one language: {unitLevel} "huyện", {communeLevel}
 * "xã, thị trấn", {consolidatingLevel} "tỉnh", and {UnitLevel}, {ConsolidatingLevel} capitalised.
 */
export function levelParams(levels: Levels, language: Language): Record<string, string> {
  const [unit, communes, consolidating] = [levels.unit[language], levels.communes[language], levels.consolidating[language]];
  return { unitLevel: unit, communeLevel: communes, consolidatingLevel: consolidating, UnitLevel: capitalised(unit), ConsolidatingLevel: capitalised(consolidating) };
}

/** "Tổng hợp toàn tỉnh", or the profile's own name for the consolidation sheet. */
export function consolidationSheetName(levels: Levels): string {
  return levels.consolidationSheet ?? `Tổng hợp toàn ${levels.consolidating.vi}`.slice(0, 31);
}

/**
 * The catalogue's totals labels, and "Toàn …", "Cộng toàn …" with the profile's unit level (the catalogue
 * names a district's totals, "Toàn huyện"; a ward's workbook says "Toàn phường"), and "Toàn …" with the
 * consolidating level, which some offices write under their own rows.
 */
export function totalsLabels(defs: Definitions, profile: Profile): string[] {
  const { unit, consolidating } = profile.levels;
  return [...new Set([...defs.totalsLabels, `Toàn ${unit.vi}`, `Cộng toàn ${unit.vi}`, `Toàn ${consolidating.vi}`])];
}
