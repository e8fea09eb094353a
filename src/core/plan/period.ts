import type { Readings } from "../workbook/contexts";
import { cellAt, columnCount } from "../read/grid";

/**
 * "(Số liệu đến tháng 6/2019)", "Số liệu tính đến ngày 30/6/2019", "Tính đến 30/6/2019": the period a
 * district sheet's title rows give its figures for. Diacritics are optional, as staff type them.
 */
const PERIOD = /(?:s[ốôo]\s*li[ệêe]u\s+)?(?:t[íi]nh\s+)?[đd][ếêe]n\s+((?:ng[àa]y|th[áa]ng|n[ăa]m|qu[ýy])?\s*[^()]*\d{4})/iu;

export function periodIn(text: string): string | null {
  const match = PERIOD.exec(text.normalize("NFC"));
  if (!match || !/s[ốôo]\s*li[ệêe]u|t[íi]nh\s+[đd][ếêe]n/iu.test(match[0])) return null;
  const period = match[1].replace(/\s+/g, " ").trim();
  // A title typed in capitals ("SỐ LIỆU ĐẾN THÁNG 6/2019") reads as a sentence on the summary.
  return period === period.toUpperCase() ? period.toLowerCase() : period;
}

/** The period most of the input sheets state above their header, or null when none states one. */
export function periodOfWorkbook(readings: Readings): string | null {
  const votes = new Map<string, number>();
  for (const reading of readings.values()) {
    const width = columnCount(reading.grid);
    found: for (let row = 0; row < reading.layout.headerTop; row++) {
      for (let col = 0; col < width; col++) {
        const value = cellAt(reading.grid, row, col);
        const period = typeof value === "string" ? periodIn(value) : null;
        if (period) {
          votes.set(period, (votes.get(period) ?? 0) + 1);
          break found;
        }
      }
    }
  }
  let best: string | null = null;
  for (const [period, count] of votes) if (best === null || count > votes.get(best)!) best = period;
  return best;
}
