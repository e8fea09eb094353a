/**
 * Rounding and number display the way Excel does it: halves away from zero on the decimal
 * digits a person sees (so 1.005 rounds to 1.01), never Math.round on binary fractions.
 */
export function roundExcel(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const [mantissa, exponent = "0"] = Math.abs(value).toPrecision(15).split("e");
  const shifted = Number(`${mantissa}e${Number(exponent) + digits}`);
  const floor = Math.floor(shifted);
  const rounded = shifted - floor >= 0.5 ? floor + 1 : floor;
  return sign * Number(`${rounded}e${-digits}`);
}

function groupThousands(integerDigits: string, separator: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

export type Language = "vi" | "en";

/** 1234.5 → "1.234,5" (vi) or "1,234.5" (en). */
export function formatNumber(value: number, language: Language, maxDecimals = 2): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) {
    const text = value.toPrecision(6);
    return language === "vi" ? text.replace(".", ",") : text;
  }
  const rounded = roundExcel(value, maxDecimals);
  const [intPart, decPart] = Math.abs(rounded).toFixed(maxDecimals).split(".");
  const trimmed = (decPart ?? "").replace(/0+$/, "");
  const [thousands, decimal] = language === "vi" ? [".", ","] : [",", "."];
  return `${rounded < 0 ? "-" : ""}${groupThousands(intPart, thousands)}${trimmed ? decimal + trimmed : ""}`;
}

/** 0.658450704 → "65,8%" (vi) or "65.8%" (en). */
export function formatPercent(ratio: number, language: Language, decimals = 1): string {
  const rounded = roundExcel(ratio * 100, decimals);
  const text = Math.abs(rounded).toFixed(decimals);
  const [intPart, decPart] = text.split(".");
  const [thousands, decimal] = language === "vi" ? [".", ","] : [",", "."];
  return `${rounded < 0 ? "-" : ""}${groupThousands(intPart, thousands)}${decPart ? decimal + decPart : ""}%`;
}
