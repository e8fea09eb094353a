/**
 * Matching keys for headers, sheet names and unit names: case, diacritics (đ too, which NFD does
 * not decompose), Unicode normal forms, line breaks, repeated spaces and punctuation do not matter.
 */
const cache = new Map<string, string>();
/** Above a province's distinct names (about 100 000 branches): a cache cleared mid-analysis redoes them all. */
const CACHE_LIMIT = 1_000_000;

export function matchKey(text: string): string {
  let key = cache.get(text);
  if (key === undefined) {
    // Unit names recur across sheets and rows: normalising each spelling once keeps reading linear and cheap.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    key = computeMatchKey(text);
    cache.set(text, key);
  }
  return key;
}

function computeMatchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Levenshtein distance, for "did you mean" suggestions. */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The closest candidate by matchKey, if it is close enough to be a plausible typo. */
export function closest(text: string, candidates: readonly string[]): string | null {
  const key = matchKey(text);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(key, matchKey(candidate));
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  const allowed = Math.max(2, Math.floor(key.length * 0.3));
  return best !== null && bestDistance <= allowed ? best : null;
}
