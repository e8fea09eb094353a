import fc from "fast-check";
import {
  LEGACY_ENCODINGS,
  LEGACY_TABLES,
  decodeLegacy,
  detectWorkbookSheetEncoding,
  encodeLegacy,
  isVietnameseSyllable,
  type LegacyEncoding,
} from "../../src/core/text/legacy-encoding";

const TONE_MARKS = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];

/** Every Vietnamese letter, built from base vowels × tones rather than typed. */
const LOWER = [...VOWELS.flatMap((v) => TONE_MARKS.map((t) => (v + t).normalize("NFC"))), "đ"];
const UPPER = LOWER.map((l) => l.toUpperCase());
const LETTERS = [...LOWER, ...UPPER];
const isToned = (l: string) => /[\u0300\u0301\u0303\u0309\u0323]/.test(l.normalize("NFD"));

const PHRASES = [
  "Số đảng viên kết nạp",
  "Trưởng thôn",
  "Đảng bộ xã Nghĩa Hưng",
  "Tổ chức cơ sở đảng",
  "Trong sạch vững mạnh",
  "Hoàn thành tốt nhiệm vụ",
  "Xương Lâm",
  "Hương Sơn",
];

describe("legacy tables", () => {
  it("list every Vietnamese letter with every tone, in both cases, for both encodings", () => {
    expect(LETTERS).toHaveLength(146);
    expect(LETTERS.filter((l) => l.charCodeAt(0) >= 0x80)).toHaveLength(134);
    for (const encoding of LEGACY_ENCODINGS) {
      expect(Object.keys(LEGACY_TABLES[encoding]).sort()).toEqual([...LETTERS].sort());
    }
  });

  it("hold only characters a Latin-1 cell can show", () => {
    for (const encoding of LEGACY_ENCODINGS) {
      for (const code of Object.values(LEGACY_TABLES[encoding])) expect(code).toMatch(/^[\u0020-\u007e\u00a0-\u00ff]{1,2}$/);
    }
  });

  it.each([
    ["tcvn3", "ư", 0xad],
    ["tcvn3", "ở", 0xeb],
    ["tcvn3", "ô", 0xab],
    ["tcvn3", "đ", 0xae],
    ["tcvn3", "Đ", 0xa7],
    ["tcvn3", "Ư", 0xa6],
    ["tcvn3", "à", 0xb5],
    ["tcvn3", "á", 0xb8],
    ["tcvn3", "ặ", 0xc6],
    ["tcvn3", "ĩ", 0xdc],
    ["tcvn3", "ỵ", 0xfe],
    ["tcvn3", "Ấ", 0xca],
  ] as const)("give TCVN3 %s for %s the byte %i of the standard", (encoding, letter, byte) => {
    expect(LEGACY_TABLES[encoding][letter]).toBe(String.fromCharCode(byte));
  });

  it.each([
    ["ô", "o\u00e2"],
    ["ơ", "\u00f4"],
    ["ư", "\u00f6"],
    ["ở", "\u00f4\u00fb"],
    ["đ", "\u00f1"],
    ["Đ", "\u00d1"],
    ["ĩ", "\u00f3"],
    ["ị", "\u00f2"],
    ["ỵ", "\u00ee"],
    ["ắ", "a\u00e9"],
    ["Ậ", "A\u00c4"],
  ])("give VNI %s as %j", (letter, code) => {
    expect(LEGACY_TABLES.vni[letter]).toBe(code);
  });

  it("give TCVN3 one byte per letter, a distinct one for every lowercase letter", () => {
    const codes = LOWER.map((l) => LEGACY_TABLES.tcvn3[l]);
    expect(codes.every((c) => c.length === 1)).toBe(true);
    expect(new Set(codes).size).toBe(LOWER.length);
  });

  it("give VNI a distinct form for every letter, capitals included", () => {
    expect(new Set(LETTERS.map((l) => LEGACY_TABLES.vni[l])).size).toBe(LETTERS.length);
  });
});

describe("decodeLegacy and encodeLegacy", () => {
  it.each(LETTERS)("round-trip %s through VNI", (letter) => {
    expect(decodeLegacy(encodeLegacy(letter, "vni"), "vni")).toBe(letter);
  });

  it.each(LETTERS.filter((l) => l === l.toLowerCase() || !isToned(l)))("round-trip %s through TCVN3 on its own", (letter) => {
    expect(decodeLegacy(encodeLegacy(letter, "tcvn3"), "tcvn3")).toBe(letter);
  });

  it.each(UPPER)("round-trip the capital %s through TCVN3 inside a word in capitals", (letter) => {
    const word = `TR${letter}NG`;
    expect(decodeLegacy(encodeLegacy(word, "tcvn3"), "tcvn3")).toBe(word);
  });

  it.each(UPPER.filter(isToned))("decode the TCVN3 code of the lone toned capital %s as lowercase, since TCVN3 has no capital for it", (letter) => {
    expect(decodeLegacy(encodeLegacy(letter, "tcvn3"), "tcvn3")).toBe(letter.toLowerCase());
  });

  it("decodes the article's TCVN3 example", () => {
    expect(decodeLegacy("Tr\u00adëng th«n", "tcvn3")).toBe("Trưởng thôn");
    expect(encodeLegacy("Trưởng thôn", "tcvn3")).toBe("Tr\u00adëng th«n");
  });

  it("decodes the VNI spelling of the same words", () => {
    expect(decodeLegacy("Tröôûng thoân", "vni")).toBe("Trưởng thôn");
  });

  it.each(LEGACY_ENCODINGS.flatMap((e) => PHRASES.map((p) => [e, p] as const)))("round-trips %s %j", (encoding, phrase) => {
    expect(decodeLegacy(encodeLegacy(phrase, encoding), encoding)).toBe(phrase);
  });

  it("restores TCVN3 capitals in a title typed in capitals, short words included", () => {
    expect(decodeLegacy("DANH S¸CH C¸C X·", "tcvn3")).toBe("DANH SÁCH CÁC XÃ");
    expect(decodeLegacy("TR\u00a6ëNG TH¤N", "tcvn3")).toBe("TRƯỞNG THÔN");
  });

  it("keeps a TCVN3 name in Title case when it has a single capital", () => {
    expect(decodeLegacy("Lª Hµ", "tcvn3")).toBe("Lê Hà");
    expect(decodeLegacy("B¸ Hµ", "tcvn3")).toBe("Bá Hà");
  });

  it("keeps characters that are no legacy letters", () => {
    expect(decodeLegacy("Sè: 12, (tæng) - 45%", "tcvn3")).toBe("Số: 12, (tổng) - 45%");
    expect(decodeLegacy("Soá: 12, (toång) - 45%", "vni")).toBe("Số: 12, (tổng) - 45%");
  });

  it("returns NFC text", () => {
    const decoded = decodeLegacy("Ñaûng boä", "vni");
    expect(decoded).toBe(decoded.normalize("NFC"));
  });
});

/** One text's encoding: the sheet vote over that text alone (a clear legacy reading wins, Unicode gives null). */
const detectLegacy = (text: string): LegacyEncoding | null => detectWorkbookSheetEncoding([text]).encoding;

describe("detectLegacy", () => {
  it.each(LEGACY_ENCODINGS.flatMap((e) => PHRASES.map((p) => [e, p] as const)))("detects %s in the legacy form of %j", (encoding, phrase) => {
    expect(detectLegacy(encodeLegacy(phrase, encoding))).toBe(encoding);
  });

  it("detects the article's example as TCVN3 and its VNI form as VNI", () => {
    expect(detectLegacy("Tr\u00adëng th«n")).toBe("tcvn3");
    expect(detectLegacy("Tröôûng thoân")).toBe("vni");
  });

  it("detects legacy text in capitals and with abbreviations", () => {
    expect(detectLegacy("DANH S¸CH C¸C X·")).toBe("tcvn3");
    expect(detectLegacy("UBND x· NghÜa H\u00adng")).toBe("tcvn3");
    expect(detectLegacy("Th\u00ad ký H§ND")).toBe("tcvn3");
    expect(detectLegacy("TRÖÔÛNG THOÂN")).toBe("vni");
  });

  it.each([
    ...PHRASES,
    ...PHRASES.map((p) => p.toUpperCase()),
    "Báo cáo «quý III» ®",
    "Café crème",
    "Nguyễn Văn A",
    "100°C",
    "ASCII only",
    "12345",
    "1.234,5",
    "",
    "Lê Tô",
    "Lê · Tô",
    "Où est la gare?",
    "où",
    "Copyright © 2019 Microsoft®",
    "½ ngày",
    "Señor Müller",
    "Trưởng thôn".normalize("NFD"),
  ])("does not take the Unicode text %j for legacy", (text) => {
    expect(detectLegacy(text)).toBeNull();
  });

  it("leaves to the sheet a short legacy text that is also valid Unicode", () => {
    expect(detectLegacy("cã")).toBeNull();
  });
});

describe("detectWorkbookSheetEncoding", () => {
  const tcvn3 = PHRASES.map((p) => encodeLegacy(p, "tcvn3"));
  const vni = PHRASES.map((p) => encodeLegacy(p, "vni"));

  it("finds the encoding of a legacy sheet, its numbers and short cells notwithstanding", () => {
    expect(detectWorkbookSheetEncoding([...tcvn3, "12", "", "cã", "Hµ"])).toEqual({ encoding: "tcvn3", legacyCount: tcvn3.length });
    expect(detectWorkbookSheetEncoding(vni)).toEqual({ encoding: "vni", legacyCount: vni.length });
  });

  it("goes with the majority on a mixed sheet", () => {
    expect(detectWorkbookSheetEncoding([...tcvn3, vni[0]])).toEqual({ encoding: "tcvn3", legacyCount: tcvn3.length + 1 });
  });

  it("stays Unicode when Unicode cells outnumber stray legacy ones, and counts the strays", () => {
    expect(detectWorkbookSheetEncoding([...PHRASES, tcvn3[0]])).toEqual({ encoding: null, legacyCount: 1 });
  });

  it("is null for a sheet with no legacy text", () => {
    expect(detectWorkbookSheetEncoding(["STT", "1", "2", "Tên đơn vị", "Café"])).toEqual({ encoding: null, legacyCount: 0 });
    expect(detectWorkbookSheetEncoding([])).toEqual({ encoding: null, legacyCount: 0 });
  });

  it("is null when the vote ties", () => {
    expect(detectWorkbookSheetEncoding([tcvn3[0], vni[0]])).toEqual({ encoding: null, legacyCount: 2 });
  });
});

describe("isVietnameseSyllable", () => {
  it.each(["Trưởng", "thôn", "nghĩa", "giữa", "gì", "quốc", "Quỳnh", "khuya", "thuở", "xoong", "kết", "NGHIÊNG", "yêu", "rượu", "người", "ngoài", "khuỷu", "hóa", "hoá", "thủy", "thuỷ", "già", "qúa"])("accepts %j", (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });

  it.each(["Café", "crème", "ôquý", "kẾt", "bỏo", "tồt", "ghá", "cê", "â", "đ", "Bac", "haù", "rưựu", "mưạ"])("rejects %j", (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });

  it("accepts unaccented writing when tones are not checked", () => {
    expect(isVietnameseSyllable("Bac", false)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over generated Vietnamese text

const ONSETS = ["", "b", "ch", "d", "đ", "h", "kh", "l", "m", "n", "nh", "ph", "s", "t", "th", "tr", "v", "x"];
const RHYMES = [
  "a", "ai", "am", "an", "ang", "anh", "ao", "au", "ay", "ăm", "ăn", "ăng", "âm", "ân", "âng", "âu", "ây",
  "e", "em", "en", "eo", "ê", "êm", "ên", "ênh", "êu", "i", "ia", "im", "in", "inh", "iu", "iêm", "iên", "iêng", "iêu",
  "o", "oi", "om", "on", "ong", "ô", "ôi", "ôm", "ôn", "ông", "ơ", "ơi", "ơm", "ơn",
  "oa", "oai", "oan", "oang", "oanh", "oay", "oăn", "oăng", "oe", "oen", "u", "ua", "ui", "um", "un", "ung",
  "uân", "uây", "uê", "uy", "uya", "uyên", "uynh", "uôi", "uôm", "uôn", "uông",
  "ư", "ưa", "ưi", "ưng", "ưu", "ươi", "ươm", "ươn", "ương", "ươu", "y",
];
const STOP_RHYMES = ["ac", "ach", "ap", "at", "ăc", "ăp", "ăt", "âc", "âp", "ât", "ec", "ep", "et", "êch", "êp", "êt", "ich", "ip", "it", "iêc", "iêp", "iêt", "oc", "op", "ot", "ôc", "ôp", "ôt", "ơp", "ơt", "oac", "oach", "oat", "oăt", "uc", "up", "ut", "uât", "uyêt", "uôc", "uôt", "ưc", "ưt", "ươc", "ươp", "ươt"];

/** Tone where modern spelling puts it: on the last vowel with a shape mark, else the last before a final consonant, else oà-style or the first/middle vowel. */
function withTone(rhyme: string, tone: string): string {
  const chars = [...rhyme];
  const vowels = chars.flatMap((c, i) => ("aăâeêioôơuưy".includes(c) ? [i] : []));
  const shaped = vowels.filter((i) => "ăâêôơư".includes(chars[i]));
  const at =
    shaped.length > 0
      ? shaped[shaped.length - 1]
      : !"aeiouy".includes(chars[chars.length - 1]) || /^(oa|oe|uy)$/.test(rhyme)
        ? vowels[vowels.length - 1]
        : vowels[vowels.length === 3 ? 1 : 0];
  chars[at] = (chars[at] + tone).normalize("NFC");
  return chars.join("");
}

const syllable = fc.oneof(
  fc.tuple(fc.constantFrom(...ONSETS), fc.constantFrom(...RHYMES), fc.constantFrom(...TONE_MARKS)),
  fc.tuple(fc.constantFrom(...ONSETS), fc.constantFrom(...STOP_RHYMES), fc.constantFrom("\u0301", "\u0323")),
).map(([onset, rhyme, tone]) => onset + withTone(rhyme, tone));

type Casing = "lower" | "title" | "upper";
const casedWord = fc.tuple(syllable, fc.constantFrom<Casing>("lower", "title", "upper")).map(([w, casing]) =>
  casing === "lower" ? w : casing === "upper" ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1),
);
const separator = fc.constantFrom(" ", " ", " ", ", ", " - ", "\n", ": ", " 12 ", " (", ") ");
const text = (word: fc.Arbitrary<string>) =>
  fc.tuple(word, fc.array(fc.tuple(separator, word), { maxLength: 8 })).map(([first, rest]) => first + rest.map(([s, w]) => s + w).join(""));

describe("generated Vietnamese text (property)", () => {
  it("every generated syllable is a well-formed Vietnamese syllable", () => {
    fc.assert(fc.property(syllable, (s) => expect(isVietnameseSyllable(s)).toBe(true)));
  });

  it("round-trips through VNI in any case", () => {
    fc.assert(fc.property(text(casedWord), (s) => expect(decodeLegacy(encodeLegacy(s, "vni"), "vni")).toBe(s)));
  });

  it("round-trips through TCVN3 in lowercase, and in any case up to the case of toned capitals", () => {
    fc.assert(
      fc.property(text(casedWord), (s) => {
        const lower = s.toLowerCase();
        expect(decodeLegacy(encodeLegacy(lower, "tcvn3"), "tcvn3")).toBe(lower);
        expect(decodeLegacy(encodeLegacy(s, "tcvn3"), "tcvn3").toLowerCase()).toBe(lower);
      }),
    );
  });

  it("round-trips through TCVN3 exactly when capitals start with a consonant, or the text is a title in capitals", () => {
    const consonantTitle = fc.tuple(syllable, fc.boolean()).map(([w, title]) => (title && /^[bcdđghklmnpqrstvx]/.test(w) ? w.charAt(0).toUpperCase() + w.slice(1) : w));
    fc.assert(fc.property(text(consonantTitle), (s) => expect(decodeLegacy(encodeLegacy(s, "tcvn3"), "tcvn3")).toBe(s)));
    fc.assert(
      fc.property(text(syllable), (s) => {
        const title = `TRƯỞNG ${s.toUpperCase()}`;
        expect(decodeLegacy(encodeLegacy(title, "tcvn3"), "tcvn3")).toBe(title);
      }),
    );
  });

  it("never takes Unicode Vietnamese text for legacy", () => {
    fc.assert(fc.property(text(casedWord), (s) => expect(detectLegacy(s)).toBeNull()), { numRuns: 500 });
  });

  it("never takes one legacy encoding for the other", () => {
    fc.assert(
      fc.property(text(casedWord), fc.constantFrom<LegacyEncoding>("tcvn3", "vni"), (s, encoding) => {
        expect([encoding, null]).toContain(detectLegacy(encodeLegacy(s, encoding)));
      }),
      { numRuns: 500 },
    );
  });
});
