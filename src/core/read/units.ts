import type { Definitions, Profile } from "../definitions/schema";
import { closest, matchKey } from "../text/normalize";

export type ResolvedUnit =
  | { kind: "commune"; name: string; key: string }
  | { kind: "organisation"; name: string; key: string; known: boolean };

export interface UnitDirectory {
  communes: Map<string, string>;
  organisations: Map<string, string>;
  communeNames: string[];
  district: string;
  resolveCommune(text: string): ResolvedUnit | null;
  /** A commune, a known organisation, or an organisation new to the profile (the open list). */
  resolveAny(text: string): ResolvedUnit;
  /** The commune a mistyped name most likely means (an unknown unit is only reported where a commune is expected). */
  suggest(text: string): string | null;
}

/**
 * A unit name's key: its matchKey with the i/y spelling variants made one ("Mĩ"/"Mỹ", "Kì"/"Kỳ", "Lí"/"Lý",
 * "Qui"/"Quy"): a y that ends a syllable after a consonant is written i by some and y by others.
 */
function unitKey(text: string): string {
  return matchKey(text).replace(/\b(ngh|ch|gh|kh|ng|nh|ph|qu|th|tr|[bcdghklmnpqrstvx])y\b/g, "$1i");
}

export function unitDirectory(defs: Definitions, profile: Profile): UnitDirectory {
  const communes = new Map(profile.communes.map((c) => [unitKey(c.name), c.name]));
  const organisations = new Map(profile.organisations.map((o) => [unitKey(o.name), o.name]));
  const prefixes = defs.unitPrefixes.commune.map(unitKey).sort((a, b) => b.length - a.length);
  const communeNames = profile.communes.map((c) => c.name);

  // The same names recur on every sheet (S1 and S3 list each unit): each spelling is resolved once per directory.
  const communeOf = new Map<string, ResolvedUnit | null>();
  const anyOf = new Map<string, ResolvedUnit>();

  function resolveCommune(text: string): ResolvedUnit | null {
    let unit = communeOf.get(text);
    if (unit === undefined) communeOf.set(text, (unit = findCommune(text)));
    return unit;
  }

  function organisation(text: string): ResolvedUnit {
    const key = unitKey(text);
    const known = organisations.get(key);
    return { kind: "organisation", name: known ?? text.trim(), key, known: known !== undefined };
  }

  function findCommune(text: string): ResolvedUnit | null {
    const key = unitKey(text);
    const direct = communes.get(key);
    if (direct) return { kind: "commune", name: direct, key: unitKey(direct) };
    for (const prefix of prefixes) {
      if (key.startsWith(prefix + " ")) {
        const name = communes.get(key.slice(prefix.length + 1));
        if (name) return { kind: "commune", name, key: unitKey(name) };
      }
    }
    return null;
  }

  return {
    communes,
    organisations,
    communeNames,
    district: profile.district,
    resolveCommune,
    resolveAny(text) {
      let unit = anyOf.get(text);
      if (unit === undefined) anyOf.set(text, (unit = resolveCommune(text) ?? organisation(text)));
      return unit;
    },
    suggest(text) {
      const key = matchKey(text);
      let stripped = key;
      for (const prefix of prefixes) if (key.startsWith(prefix + " ")) { stripped = key.slice(prefix.length + 1); break; }
      return closest(stripped, communeNames);
    },
  };
}
