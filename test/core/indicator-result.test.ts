import { bundledCatalogue } from "../../src/core/definitions/bundled";
import { provinceIndicators } from "../../src/core/consolidate/province";
import { achievementOf, indicatorResult, statusOf } from "../../src/core/indicators/indicator-result";
import { STATUS_ROUND_DIGITS } from "../../src/core/tolerances";

const { definitions } = bundledCatalogue();
const c5 = definitions.indicators.find((i) => i.id === "C5")!;

describe("an indicator's result", () => {
  it("judges a status at full precision but for binary noise", () => {
    expect(STATUS_ROUND_DIGITS).toBe(9);
    expect(statusOf(100 / 300, 1 / 3, "higher")).toBe("met");
    expect(statusOf(0.3334, 1 / 3, "higher")).toBe("exceeded");
    expect(statusOf(0.3333, 1 / 3, "higher")).toBe("not_met");
    expect(statusOf(0.3333, 1 / 3, "lower")).toBe("met");
    expect(statusOf(null, 0.5, "higher")).toBe("no_data");
    expect(statusOf(0.5, null, "higher")).toBe("no_target");
  });

  it("has no achievement without a target or with a zero one", () => {
    expect(achievementOf(187 / 284, 0.75)).toBeCloseTo(0.8779, 4);
    expect(achievementOf(3, 0)).toBeNull();
    expect(achievementOf(null, 0.75)).toBeNull();
  });

  it("is built from its figures the same way for a district and for the province", () => {
    const district = indicatorResult(c5, { actual: 187 / 284, numerator: 187, denominator: 284, baseline: 0.53, target: 0.75, inputFindings: 0, rowsLeftOut: 0 });
    expect(district).toMatchObject({ id: "C5", unit: "ratio", status: "not_met", numerator: 187, denominator: 284 });
    expect(district.change).toBeCloseTo(187 / 284 - 0.53, 12);
    const province = provinceIndicators(definitions, [
      { name: "A", file: "a.xlsx", counts: { error: 0, warning: 0, info: 0 }, indicators: [district] },
      { name: "B", file: "b.xlsx", counts: { error: 0, warning: 0, info: 0 }, indicators: [{ ...district, numerator: 13, denominator: 16, actual: 13 / 16, inputFindings: 2 }] },
    ]).find((i) => i.id === "C5")!;
    expect(province).toEqual(indicatorResult(c5, { actual: 200 / 300, numerator: 200, denominator: 300, baseline: 0.53, target: 0.75, inputFindings: 2, rowsLeftOut: 0 }));
    expect(province.status).toBe("not_met");
  });
});
