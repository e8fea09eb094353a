import { SEVERITY } from "../../src/core/findings/messages";
import { CATALOGUES, renderMessage } from "../../src/core/findings/render";

const MESSAGES = { vi: CATALOGUES.vi.templates, en: CATALOGUES.en.templates };
const HINT_KEYS = { vi: CATALOGUES.vi.hints, en: CATALOGUES.en.hints };
const OPERATOR_WORDS = { vi: CATALOGUES.vi.operators, en: CATALOGUES.en.operators };
import { FINDING_CODES } from "../../src/core/model";

describe("finding catalogue", () => {
  it("gives every code a severity and a message in every language", () => {
    for (const code of FINDING_CODES) {
      expect(SEVERITY[code]).toMatch(/^(error|warning|info)$/);
      for (const language of Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]) expect(MESSAGES[language][code]).toBeTruthy();
    }
  });

  it("has the same keys and the same placeholders in Vietnamese and English", () => {
    const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.vi).sort());
    for (const code of Object.keys(MESSAGES.vi) as (keyof typeof MESSAGES.vi)[]) {
      expect(placeholders(MESSAGES.en[code])).toEqual(placeholders(MESSAGES.vi[code]));
    }
    expect(Object.keys(HINT_KEYS.en).sort()).toEqual(Object.keys(HINT_KEYS.vi).sort());
    expect(Object.keys(OPERATOR_WORDS.en).sort()).toEqual(Object.keys(OPERATOR_WORDS.vi).sort());
  });

  it("follows the catalogue's severities", () => {
    expect(SEVERITY["rule-violation"]).toBe("error");
    expect(SEVERITY["duplicate-unit"]).toBe("error");
    expect(SEVERITY["unknown-unit"]).toBe("warning");
    expect(SEVERITY["missing-unit"]).toBe("warning");
    expect(SEVERITY["cross-sheet-mismatch"]).toBe("warning");
    expect(SEVERITY["reported-ratio-mismatch"]).toBe("warning");
    expect(SEVERITY["unknown-column"]).toBe("info");
  });

  it("renders numbers, operators and hints in the person's language", () => {
    const params = { cell: "D9", column: "Số trưởng thôn là đảng viên", value: 1234.5, op: "<=", other: "Số thôn", otherValue: 12, unit: "Tân Thanh" };
    expect(renderMessage("rule-violation", params, "vi")).toBe("Ô D9: “Số trưởng thôn là đảng viên” (1.234,5) phải không lớn hơn “Số thôn” (12) của Tân Thanh.");
    expect(renderMessage("rule-violation", params, "en")).toContain("(1,234.5) must be at most");
    expect(renderMessage("not-a-number", { cell: "C9", column: "Số thôn", value: "8/8", hint: "fraction" }, "vi")).toContain("không ghi phân số như “8/8”");
    expect(renderMessage("unknown-unit", { cell: "B9", value: "Nghia Hung", district: "Lạng Giang", hint: "suggestion", suggestion: "Nghĩa Hưng" }, "vi")).toContain("Có phải “Nghĩa Hưng”?");
  });
});
