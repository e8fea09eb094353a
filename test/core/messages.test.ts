import { finding } from "../../src/core/findings/findings";
import { SEVERITY } from "../../src/core/findings/messages";
import { CATALOGUES, renderFinding } from "../../src/core/findings/render";
import { FINDING_CODES } from "../../src/core/model";

const MESSAGES = { vi: CATALOGUES.vi.templates, en: CATALOGUES.en.templates };
const HINT_KEYS = { vi: CATALOGUES.vi.hints, en: CATALOGUES.en.hints };
const OPERATOR_WORDS = { vi: CATALOGUES.vi.operators, en: CATALOGUES.en.operators };

describe("finding catalogue", () => {
  it("gives every code a severity and a message in every language", () => {
    for (const code of FINDING_CODES) {
      expect(SEVERITY[code]).toMatch(/^(error|warning|info)$/);
      for (const language of Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]) expect(MESSAGES[language][code]).toBeTruthy();
    }
  });

  // Each template reads its code's typed params (checked by the compiler); here, the same codes, hints and operators in both.
  it("has the same codes, hints and operators in Vietnamese and English", () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.vi).sort());
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

  it("type-checks each code's params in the factory", () => {
    const base = { column: "Số trưởng thôn là đảng viên", value: 15, op: "<=", other: "Số thôn", otherValue: 12 } as const;
    // @ts-expect-error A unit is data (a name or a row), never words such as "dòng 12".
    const worded = finding("rule-violation", "Trưởng thôn", "D9", { ...base, unit: "dòng 12" });
    // @ts-expect-error A ratio's percentages are typed, not a number under a *Pct name.
    const named = finding("reported-ratio-mismatch", "Trưởng thôn", "E9", { valuePct: 0.9, expectedPct: 0.4, unit: "Tân Thanh" });
    // @ts-expect-error Every code but the param-less ones needs its params.
    const bare = finding("missing-column", "Tổ chức đảng", null);
    expect([worded.params, named.params, bare.params]).toEqual([{ ...base, unit: "dòng 12" }, { valuePct: 0.9, expectedPct: 0.4, unit: "Tân Thanh" }, {}]);
    expect(finding("missing-sheet", "Trưởng thôn", null)).toEqual({ severity: "error", code: "missing-sheet", sheet: "Trưởng thôn", cell: null, params: {} });
  });

  it("renders numbers, operators and hints in the person's language", () => {
    const rule = finding("rule-violation", "Trưởng thôn", "D9", { column: "Số trưởng thôn là đảng viên", value: 1234.5, op: "<=", other: "Số thôn", otherValue: 12, unit: { name: "Tân Thanh" } });
    expect(renderFinding(rule, "vi")).toBe("Ô D9: “Số trưởng thôn là đảng viên” (1.234,5) phải không lớn hơn “Số thôn” (12) của Tân Thanh.");
    expect(renderFinding(rule, "en")).toContain("(1,234.5) must be at most");
    const fraction = finding("not-a-number", "Trưởng thôn", "C9", { column: "Số thôn", value: "8/8", hint: { kind: "fraction" } });
    expect(renderFinding(fraction, "vi")).toContain("không ghi phân số như “8/8”");
    const unknown = finding("unknown-unit", "Trưởng thôn", "B9", { value: "Nghia Hung", district: "Lạng Giang", hint: { kind: "suggestion", suggestion: "Nghĩa Hưng" } });
    expect(renderFinding(unknown, "vi")).toContain("Có phải “Nghĩa Hưng”?");
  });
});
