/**
 * Text typed in the 8-bit Vietnamese encodings of the 1990s — TCVN3 (ABC, .VnTime fonts) and VNI
 * (VNI-Times fonts) — reaches a workbook as Latin-1 characters: "Tr­ëng th«n" is TCVN3 for
 * "Trưởng thôn", "Tröôûng thoân" is VNI for it. The tables are data (legacy-tables.json); this module
 * decodes, encodes, and decides conservatively whether a text is legacy at all.
 */
import tables from "./legacy-tables.json";

export type LegacyEncoding = "tcvn3" | "vni";
export const LEGACY_ENCODINGS: readonly LegacyEncoding[] = ["tcvn3", "vni"];
/** How a person knows each encoding: TCVN3 by its .VnTime fonts. */
export const ENCODING_LABELS: Readonly<Record<LegacyEncoding, string>> = { tcvn3: "TCVN3 (.VnTime)", vni: "VNI" };

/** Every Vietnamese letter (NFC) → its legacy form as read from a cell. */
export const LEGACY_TABLES: Readonly<Record<LegacyEncoding, Readonly<Record<string, string>>>> = {
  tcvn3: tables.tcvn3.letters,
  vni: tables.vni.letters,
};

const isAscii = (c: string) => c.charCodeAt(0) < 0x80;
const isAsciiLetter = (c: string) => /^[A-Za-z]$/.test(c);
const isLatin1Letter = (c: string) => c.charCodeAt(0) >= 0xa0 && c.charCodeAt(0) <= 0xff && /^\p{L}$/u.test(c);

// ---------------------------------------------------------------------------------------------
// Decoding

/** TCVN3 code → letter. A toned code stands for the lowercase and the capital letter alike. */
interface Tcvn3Code {
  letter: string;
  caseless: boolean;
}
const TCVN3_CODES = new Map<string, Tcvn3Code>();
for (const [letter, code] of Object.entries(LEGACY_TABLES.tcvn3)) {
  if (isAscii(code)) continue;
  const known = TCVN3_CODES.get(code);
  if (known) TCVN3_CODES.set(code, { letter: known.letter.toLowerCase(), caseless: true });
  else TCVN3_CODES.set(code, { letter, caseless: false });
}

/** VNI form → letter, for every form but the plain ASCII letters, which stand for themselves. */
const VNI_CODES = new Map<string, string>();
for (const [letter, code] of Object.entries(LEGACY_TABLES.vni)) {
  if (code !== letter || !isAscii(code)) VNI_CODES.set(code, letter);
}

/** Letters whose case a TCVN3 code fixes: ASCII letters and the seven with codes of their own per case. */
function fixedCase(c: string): "upper" | "lower" | null {
  const code = TCVN3_CODES.get(c);
  const letter = code ? (code.caseless ? null : code.letter) : isAsciiLetter(c) ? c : null;
  if (letter === null) return null;
  return letter === letter.toUpperCase() ? "upper" : "lower";
}

/**
 * The case the letters of fixed case give a word: "lower" if any is lowercase, "upper" if a capital stands after
 * the first letter (a word is lower, Title or UPPER case), null when only the first letter, or none, is known.
 */
function wordCase(word: string): "upper" | "lower" | null {
  let result: "upper" | null = null;
  let index = 0;
  for (const c of word) {
    const kind = fixedCase(c);
    if (kind === "lower") return "lower";
    if (kind === "upper" && index > 0) result = "upper";
    index++;
  }
  return result;
}

/**
 * A toned code becomes a capital when its word is in capitals ("TR¦ëNG" → "TRƯỞNG", "ÊC" → "ẤC", but "Hµ" →
 * "Hà"); a word whose case its letters leave open follows the text when the whole text is in capitals
 * ("DANH S¸CH X·" → "DANH SÁCH XÃ").
 */
function tcvn3TextIsCapitals(words: readonly string[]): boolean {
  let capitalWord = false;
  for (const word of words) {
    const kind = wordCase(word);
    if (kind === "lower") return false;
    if (kind === "upper") capitalWord = true;
  }
  return capitalWord;
}

function decodeTcvn3Word(word: string, textIsCapitals: boolean): { text: string; complete: boolean } {
  const kind = wordCase(word);
  const capitals = kind === "upper" || (kind === null && textIsCapitals);
  let text = "";
  let complete = true;
  for (const c of word) {
    const code = TCVN3_CODES.get(c);
    if (code) text += code.caseless && capitals ? code.letter.toUpperCase() : code.letter;
    else {
      if (!isAscii(c)) complete = false;
      text += c;
    }
  }
  return { text, complete };
}

function decodeVniWord(word: string): { text: string; complete: boolean } {
  let text = "";
  let complete = true;
  for (let i = 0; i < word.length; ) {
    const pair = i + 1 < word.length ? VNI_CODES.get(word.slice(i, i + 2)) : undefined;
    if (pair !== undefined) {
      text += pair;
      i += 2;
      continue;
    }
    const single = VNI_CODES.get(word[i]);
    if (single !== undefined) text += single;
    else {
      if (!isAscii(word[i])) complete = false;
      text += word[i];
    }
    i += 1;
  }
  return { text, complete };
}

/** Word characters of a legacy text: letters, and the symbols that are letters in this encoding (« is ô in TCVN3). */
function isLegacyWordChar(c: string, encoding: LegacyEncoding): boolean {
  if (isAsciiLetter(c) || isLatin1Letter(c)) return true;
  return encoding === "tcvn3" && TCVN3_CODES.has(c);
}

interface Piece {
  text: string;
  word: boolean;
}

function splitWords(text: string, encoding: LegacyEncoding): Piece[] {
  const pieces: Piece[] = [];
  for (const c of text) {
    const word = isLegacyWordChar(c, encoding);
    const last = pieces[pieces.length - 1];
    if (last && last.word === word) last.text += c;
    else pieces.push({ text: c, word });
  }
  return pieces;
}

/** Legacy text (as read from the cell) → Unicode NFC. Characters that are not legacy letters are kept. */
export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  const pieces = splitWords(text, encoding);
  const words = pieces.filter((p) => p.word).map((p) => p.text);
  const capitals = encoding === "tcvn3" && tcvn3TextIsCapitals(words);
  return pieces
    .map((p) => (!p.word ? p.text : encoding === "tcvn3" ? decodeTcvn3Word(p.text, capitals).text : decodeVniWord(p.text).text))
    .join("")
    .normalize("NFC");
}

/**
 * Unicode → legacy text, letter by letter; anything that is not a Vietnamese letter is kept. TCVN3 loses the
 * case of toned capitals (see legacy-tables.json), which decoding restores only inside words in capitals.
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  const table = LEGACY_TABLES[encoding];
  let out = "";
  for (const c of text.normalize("NFC")) out += table[c] ?? c;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Vietnamese syllables, the test a decoding must pass

const ONSETS = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""];

/** Rhymes (vần) without tone: medial, nucleus and coda together. */
const RHYMES = new Set(
  `a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
   e ec em en eng eo ep et ê êch êm ên ênh êp êt êu
   i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
   o oc oi om on ong op ot oong ooc ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
   oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet
   u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
   uân uâng uât uây uê uêch uênh uơ uy uya uych uyên uyêt uyn uynh uyt uyu
   ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
   y yêm yên yêt yêu`.split(/\s+/),
);
/** After "qu" the medial u is already written: quy, quynh, quýt. */
const QU_RHYMES = new Set(["ynh", "yt", "ych", "yu", "yn"]);

const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const VIETNAMESE_LETTERS = /^[a-eg-ik-vxyăâđêôơư]+$/;
const VOWEL = /[aăâeêioôơuưy]/;
const SHAPED_VOWEL = /[ăâêôơư]/;
const FRONT_VOWEL = /^[ieêy]/;
const STOP_CODA = /(c|ch|p|t)$/;

function hasVietnameseCase(word: string): boolean {
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  return word === lower || word === upper || word === upper.charAt(0) + lower.slice(1);
}

function onsetFits(onset: string, rhyme: string): boolean {
  switch (onset) {
    case "k":
    case "gh":
    case "ngh":
      return FRONT_VOWEL.test(rhyme);
    case "c":
    case "ng":
      return !FRONT_VOWEL.test(rhyme);
    case "g":
      return !/^[eê]/.test(rhyme);
    case "qu":
      return RHYMES.has("u" + rhyme) || QU_RHYMES.has(rhyme) || (RHYMES.has(rhyme) && !/^[uư]/.test(rhyme));
    default:
      return true;
  }
}

/**
 * Where a tone mark may stand in a rhyme: on the (last) vowel with a shape mark (ươ takes it on ơ), on the last
 * vowel before a final consonant, else on the first of two vowels — either for oa, oe, uy, where old and new
 * spelling differ (hóa, hoá) — and on the middle one of three (ngoài, khuỷu).
 */
function toneFits(rhyme: string, at: number): boolean {
  const vowels = [...rhyme].flatMap((c, i) => (VOWEL.test(c) ? [i] : []));
  const shaped = vowels.filter((i) => SHAPED_VOWEL.test(rhyme[i]));
  if (shaped.length > 0) return at === shaped[shaped.length - 1];
  if (!VOWEL.test(rhyme[rhyme.length - 1])) return at === vowels[vowels.length - 1];
  if (vowels.length === 2 && /^(oa|oe|uy)$/.test(rhyme)) return at === vowels[0] || at === vowels[1];
  return at === vowels[vowels.length === 3 ? 1 : 0];
}

/**
 * Whether a word is one well-formed Vietnamese syllable: onset, rhyme and at most one tone, on the vowel that
 * takes it, in lower, Title or UPPER case. Strictly, a rhyme closed by c, ch, p or t takes only sắc or nặng;
 * unaccented writing ("Bac Giang") is judged with `strictTone` off.
 */
export function isVietnameseSyllable(word: string, strictTone = true): boolean {
  if (word === "" || !hasVietnameseCase(word)) return false;
  let letters = "";
  let tone = "";
  let toneAt = -1;
  for (const c of word.normalize("NFC").toLowerCase()) {
    const decomposed = c.normalize("NFD");
    const marks = decomposed.match(TONE_MARKS) ?? [];
    if (marks.length > 1 || (marks.length === 1 && toneAt >= 0)) return false;
    if (marks.length === 1) {
      tone = marks[0];
      toneAt = letters.length;
    }
    const base = decomposed.replace(TONE_MARKS, "").normalize("NFC");
    if (base.length !== 1) return false;
    letters += base;
  }
  if (!VIETNAMESE_LETTERS.test(letters)) return false;
  if (strictTone && STOP_CODA.test(letters) && tone !== "\u0301" && tone !== "\u0323") return false;
  return ONSETS.some((onset) => {
    if (!letters.startsWith(onset)) return false;
    const rhyme = letters.slice(onset.length);
    const at = toneAt - onset.length;
    // "qúa" for "quá" is a common slip, not a sign of garbled text.
    const placed = toneAt < 0 || (at >= 0 ? toneFits(rhyme, at) : onset === "qu");
    if (!placed || rhyme === "") return false;
    if (onset === "gi") return !rhyme.startsWith("i") && RHYMES.has(rhyme);
    if (onset === "qu") return onsetFits(onset, rhyme);
    return RHYMES.has(rhyme) && onsetFits(onset, rhyme);
  });
}

/** "HĐND", "TCCSĐ", the "đ" of "đ/c": no tone, and in capitals or without a vowel. */
function isAbbreviation(word: string): boolean {
  if (TONE_MARK.test(word.normalize("NFD")) || !/^\p{L}+$/u.test(word)) return false;
  return word === word.toUpperCase() || !/[aăâeêioôơuưy]/i.test(word);
}

/** A lowercase or Title-case ASCII word with a vowel that is no Vietnamese syllable ("Café", "the") — foreign text. */
function isForeignAsciiWord(word: string): boolean {
  if (word === word.toUpperCase()) return false;
  if (!/[aeiouy]/i.test(word)) return false;
  return !isVietnameseSyllable(word, false);
}

// ---------------------------------------------------------------------------------------------
// Detection

/** Vietnamese letters that Latin-1 does not have: text holding one is Unicode already. */
// eslint-disable-next-line no-misleading-character-class -- a lone combining mark (NFD text) is the very thing looked for
const PRECOMPOSED_VIETNAMESE = /[ăĂđĐĩĨũŨơƠưƯ\u0300-\u036f\u1ea0-\u1ef9]/;

/**
 * Whether a text reads as legacy `encoding`: every word with a non-ASCII character decodes completely to a
 * syllable (or an abbreviation), no ASCII word is foreign, and at least one word is evidence — garbled as
 * Unicode yet a Vietnamese syllable once decoded, and unmistakably so (for TCVN3, a letter Latin-1 lacks or a
 * symbol inside the word, as in "th«n"; for VNI, the same letter or two letters or more — not the "où" of French).
 */
function readsAs(text: string, encoding: LegacyEncoding): boolean {
  if (encoding === "vni" && hasTcvn3SymbolInWord(text)) return false;
  const words = splitWords(text, encoding)
    .filter((p) => p.word)
    .map((p) => p.text);
  const capitals = encoding === "tcvn3" && tcvn3TextIsCapitals(words);
  let evidence = false;
  for (const word of words) {
    if ([...word].every(isAscii)) {
      if (isForeignAsciiWord(word)) return false;
      continue;
    }
    const decoded = encoding === "tcvn3" ? decodeTcvn3Word(word, capitals) : decodeVniWord(word);
    if (!decoded.complete) return false;
    const unicode = decoded.text.normalize("NFC");
    const syllable = isVietnameseSyllable(unicode);
    if (!syllable && !isAbbreviation(unicode)) return false;
    if (!syllable || evidence || !/[A-Za-z]/.test(word) || isVietnameseSyllable(word)) continue;
    evidence =
      encoding === "tcvn3"
        ? /[^\u0000-\u00ff]/.test(unicode) || hasSymbolInside(word)
        : unicode !== word && ([...unicode].length >= 2 || /[^\u0000-\u00ff]/.test(unicode));
  }
  return evidence;
}

/**
 * TCVN3 letters that are symbols in Latin-1 (¸ for á, ¬ for ơ). VNI uses none of them, and one glued to a letter
 * means TCVN3 that, split at the symbol, could pass for VNI ("dö¬u").
 * « and » are left out: as quotes they touch words in any text.
 */
const TCVN3_SYMBOL_LETTERS = new Set([...TCVN3_CODES.keys()].filter((c) => !/\p{L}/u.test(c) && c !== "«" && c !== "»"));

function hasTcvn3SymbolInWord(text: string): boolean {
  const chars = [...text];
  const letter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
  return chars.some((c, i) => TCVN3_SYMBOL_LETTERS.has(c) && (letter(chars[i - 1]) || letter(chars[i + 1])));
}

/** A TCVN3 symbol-letter between two letters ("th«n", "b¸o"): no Unicode word has one there. */
function hasSymbolInside(word: string): boolean {
  const chars = [...word];
  return chars.some((c, i) => i > 0 && i < chars.length - 1 && TCVN3_CODES.has(c) && !/\p{L}/u.test(c));
}

type Reading = LegacyEncoding | "unicode" | null;

function classify(text: string): Reading {
  if (!/[^\u0000-\u007f]/.test(text)) return null;
  if (PRECOMPOSED_VIETNAMESE.test(text)) return "unicode";
  const candidates = LEGACY_ENCODINGS.filter((encoding) => readsAs(text, encoding));
  return candidates.length === 1 ? candidates[0] : null;
}

/**
 * A sheet-level vote: each cell that is clearly TCVN3, clearly VNI, or clearly Unicode (it holds letters Latin-1
 * lacks) votes; the sheet goes with the majority, and is null when Unicode wins, nobody votes, or the vote ties.
 * `legacyCount` is the number of cells that look legacy in either encoding, so a caller can report stray ones.
 */
export function detectWorkbookSheetEncoding(texts: readonly string[]): { encoding: LegacyEncoding | null; legacyCount: number } {
  const votes = { tcvn3: 0, vni: 0, unicode: 0 };
  for (const text of texts) {
    const reading = classify(text);
    if (reading !== null) votes[reading]++;
  }
  const legacyCount = votes.tcvn3 + votes.vni;
  const ranked = (["tcvn3", "vni", "unicode"] as const).map((k) => [k, votes[k]] as const).sort((a, b) => b[1] - a[1]);
  const [winner, second] = ranked;
  const encoding = winner[1] > 0 && winner[1] > second[1] && winner[0] !== "unicode" ? winner[0] : null;
  return { encoding, legacyCount };
}
