/**
 * Writes src/core/text/legacy-tables.json from the compact description of the two legacy encodings below.
 *   npx tsx scripts/gen-legacy-tables.ts
 *
 * Every legacy value is the text an .xlsx cell holds: the legacy bytes read as Windows-1252 (the
 * same as Latin-1 here, since neither encoding uses a Vietnamese letter in 0x80–0x9F).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";

/** Tones in the order the JSON lists them; combining marks as in Unicode NFD. */
const TONES = [
  { name: "ngang", mark: "" },
  { name: "huyền", mark: "\u0300" },
  { name: "sắc", mark: "\u0301" },
  { name: "hỏi", mark: "\u0309" },
  { name: "ngã", mark: "\u0303" },
  { name: "nặng", mark: "\u0323" },
] as const;
type ToneName = (typeof TONES)[number]["name"];

const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] as const;
type Vowel = (typeof VOWELS)[number];

/**
 * TCVN 5712:1993 VN3 (ABC, .VnTime fonts): untoned letter, its capital, then the toned lowercase
 * bytes in the standard's own order huyền, hỏi, ngã, sắc, nặng.
 */
const TCVN3: Record<Vowel, { bare: number; capital: number; toned: [number, number, number, number, number] }> = {
  a: { bare: 0x61, capital: 0x41, toned: [0xb5, 0xb6, 0xb7, 0xb8, 0xb9] },
  ă: { bare: 0xa8, capital: 0xa1, toned: [0xbb, 0xbc, 0xbd, 0xbe, 0xc6] },
  â: { bare: 0xa9, capital: 0xa2, toned: [0xc7, 0xc8, 0xc9, 0xca, 0xcb] },
  e: { bare: 0x65, capital: 0x45, toned: [0xcc, 0xce, 0xcf, 0xd0, 0xd1] },
  ê: { bare: 0xaa, capital: 0xa3, toned: [0xd2, 0xd3, 0xd4, 0xd5, 0xd6] },
  i: { bare: 0x69, capital: 0x49, toned: [0xd7, 0xd8, 0xdc, 0xdd, 0xde] },
  o: { bare: 0x6f, capital: 0x4f, toned: [0xdf, 0xe1, 0xe2, 0xe3, 0xe4] },
  ô: { bare: 0xab, capital: 0xa4, toned: [0xe5, 0xe6, 0xe7, 0xe8, 0xe9] },
  ơ: { bare: 0xac, capital: 0xa5, toned: [0xea, 0xeb, 0xec, 0xed, 0xee] },
  u: { bare: 0x75, capital: 0x55, toned: [0xef, 0xf1, 0xf2, 0xf3, 0xf4] },
  ư: { bare: 0xad, capital: 0xa6, toned: [0xf5, 0xf6, 0xf7, 0xf8, 0xf9] },
  y: { bare: 0x79, capital: 0x59, toned: [0xfa, 0xfb, 0xfc, 0xfd, 0xfe] },
};
const TCVN3_TONE_ORDER: ToneName[] = ["huyền", "hỏi", "ngã", "sắc", "nặng"];
const TCVN3_D = { lower: 0xae, upper: 0xa7 };

/**
 * VNI Windows: a base letter followed by modifier characters. Lowercase is given; capitals are the same
 * characters upper-cased (each modifier's capital is its byte minus 0x20).
 */
const VNI_TONE: Record<ToneName, string> = { ngang: "", huyền: "ø", sắc: "ù", hỏi: "û", ngã: "õ", nặng: "ï" };
/** â ê ô: the circumflex and the tone share one modifier. */
const VNI_CIRCUMFLEX: Record<ToneName, string> = { ngang: "â", huyền: "à", sắc: "á", hỏi: "å", ngã: "ã", nặng: "ä" };
/** ă: the breve and the tone share one modifier. */
const VNI_BREVE: Record<ToneName, string> = { ngang: "ê", huyền: "è", sắc: "é", hỏi: "ú", ngã: "ü", nặng: "ë" };
/** i has one character per tone; y takes the common modifiers except for nặng. */
const VNI_I: Record<ToneName, string> = { ngang: "i", huyền: "ì", sắc: "í", hỏi: "æ", ngã: "ó", nặng: "ò" };

function vniLower(vowel: Vowel, tone: ToneName): string {
  switch (vowel) {
    case "a":
    case "e":
    case "o":
    case "u":
      return vowel + VNI_TONE[tone];
    case "â":
      return "a" + VNI_CIRCUMFLEX[tone];
    case "ê":
      return "e" + VNI_CIRCUMFLEX[tone];
    case "ô":
      return "o" + VNI_CIRCUMFLEX[tone];
    case "ă":
      return "a" + VNI_BREVE[tone];
    case "ơ":
      return "ô" + VNI_TONE[tone];
    case "ư":
      return "ö" + VNI_TONE[tone];
    case "i":
      return VNI_I[tone];
    case "y":
      return tone === "nặng" ? "î" : "y" + VNI_TONE[tone];
  }
}

function letter(vowel: Vowel, mark: string, upper: boolean): string {
  const composed = (vowel + mark).normalize("NFC");
  return upper ? composed.toUpperCase() : composed;
}

type Table = Record<string, string>;

function tcvn3Table(): Table {
  const table: Table = {};
  for (const vowel of VOWELS) {
    const codes = TCVN3[vowel];
    for (const tone of TONES) {
      const code = tone.name === "ngang" ? codes.bare : codes.toned[TCVN3_TONE_ORDER.indexOf(tone.name)];
      table[letter(vowel, tone.mark, false)] = String.fromCharCode(code);
    }
    for (const tone of TONES) {
      // VN3 has no toned capitals: they were shown with an uppercase-only font (.VnTimeH) over the lowercase codes.
      const code = tone.name === "ngang" ? codes.capital : codes.toned[TCVN3_TONE_ORDER.indexOf(tone.name)];
      table[letter(vowel, tone.mark, true)] = String.fromCharCode(code);
    }
  }
  table["đ"] = String.fromCharCode(TCVN3_D.lower);
  table["Đ"] = String.fromCharCode(TCVN3_D.upper);
  return table;
}

function vniTable(): Table {
  const table: Table = {};
  for (const vowel of VOWELS) {
    for (const upper of [false, true]) {
      for (const tone of TONES) {
        const lower = vniLower(vowel, tone.name);
        table[letter(vowel, tone.mark, upper)] = upper ? lower.toUpperCase() : lower;
      }
    }
  }
  table["đ"] = "ñ";
  table["Đ"] = "Ñ";
  return table;
}

const DOCUMENT = {
  $comment: [
    "Generated by scripts/gen-legacy-tables.ts; edit the script, not this file.",
    "Each table maps every Vietnamese letter (12 vowels x 6 tones, upper and lower case, and d-stroke) to its legacy form:",
    "the legacy bytes read as Windows-1252/Latin-1, which is how such text appears in an .xlsx cell. \\u00XX is byte 0xXX.",
  ],
  tones: TONES.map((t) => t.name),
  tcvn3: {
    name: "TCVN3 (TCVN 5712:1993 VN3, ABC; .VnTime fonts)",
    capitals:
      "One byte per letter. Untoned capitals have codes of their own (Ă Â Ê Ô Ơ Ư Đ at 0xA1-0xA7; A E I O U Y are ASCII). " +
      "Toned capitals have none: they map to the lowercase toned code, which an uppercase-only font (.VnTimeH) displayed as a capital. " +
      "Decoding turns such a code into a capital only when the word (or, for short words, the whole all-capitals text) is in capitals.",
    letters: tcvn3Table(),
  },
  vni: {
    name: "VNI Windows (VNI-Times fonts)",
    capitals:
      "Base letter plus one modifier character (ơ ư đ, and i with a tone, and ỵ, are single characters). " +
      "Capitals are complete: the capital form is the lowercase form with every character upper-cased.",
    letters: vniTable(),
  },
};

/** Legacy values are mostly invisible or misleading glyphs (a soft hyphen is ư), so they are written as escapes. */
function render(document: typeof DOCUMENT): string {
  const escape = (s: string) =>
    JSON.stringify(s).replace(/[\u0080-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
  const letters = (table: Table) =>
    "{\n" +
    Object.entries(table)
      .map(([k, v]) => `      ${JSON.stringify(k)}: ${escape(v)}`)
      .join(",\n") +
    "\n    }";
  const section = (s: typeof document.tcvn3) =>
    `{\n    "name": ${JSON.stringify(s.name)},\n    "capitals": ${JSON.stringify(s.capitals)},\n    "letters": ${letters(s.letters)}\n  }`;
  return (
    "{\n" +
    `  "$comment": [\n${document.$comment.map((line) => `    ${JSON.stringify(line)}`).join(",\n")}\n  ],\n` +
    `  "tones": ${JSON.stringify(document.tones)},\n` +
    `  "tcvn3": ${section(document.tcvn3)},\n` +
    `  "vni": ${section(document.vni)}\n` +
    "}\n"
  );
}

const text = render(DOCUMENT);
const parsed = JSON.parse(text) as typeof DOCUMENT;
if (JSON.stringify(parsed) !== JSON.stringify(DOCUMENT)) throw new Error("rendered JSON does not read back as the tables");
const out = path.join(__dirname, "../src/core/text/legacy-tables.json");
writeFileSync(out, text);
console.log(`wrote ${path.relative(process.cwd(), out)}`);
