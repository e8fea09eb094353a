/**
 * Where the printed summary's pages break. Every row gets a height the plan sets, and the print scale is
 * chosen here, so the page a row lands on is known before anything is written: the indicator table on the
 * first page when it fits there, then whole blocks (a chart, one indicator's unit list, the signature with
 * the run's particulars), each moved to the next page rather than cut, so no page holds a stray line.
 */

/** Landscape A4 less the margins both hosts write (0.5 in left and right, 0.6 in top and bottom), in points. */
const PAGE = { width: (11.69 - 1.0) * 72, height: (8.27 - 1.2) * 72 };
export const ROW_HEIGHT = 15;
export const TABLE_ROW_HEIGHT = 14;

/** A column of Excel width w (characters of the default font) is w·7 + 5 pixels, 0.75 pt each. */
function columnPoints(width: number): number {
  return (width * 7 + 5) * 0.75;
}

export class PageFlow {
  private readonly rowHeights: number[] = [];
  private readonly breakAfter: number[] = [];
  private used = 0;
  /** Percent. */
  scale: number;

  constructor(columnWidths: readonly number[]) {
    const width = columnWidths.reduce((sum, w) => sum + columnPoints(w), 0);
    this.scale = Math.min(100, Math.floor((PAGE.width / width) * 100));
  }

  private get capacity(): number {
    return (PAGE.height * 100) / this.scale;
  }

  row(height: number): void {
    this.rowHeights.push(height);
  }

  rows(count: number, height: number): void {
    for (let i = 0; i < count; i++) this.row(height);
  }

  /**
   * Ends the page after the rows so far (the header block and the table), so what follows starts a page of
   * its own. False when those rows do not fit on one page. The pages are printed one page wide: a renderer
   * whose fonts are wider prints smaller, so a page holds at least what is reckoned here.
   */
  closeFirstPage(): boolean {
    const height = this.rowHeights.reduce((a, b) => a + b, 0);
    this.breakAfter.push(this.rowHeights.length);
    this.used = 0;
    return height <= this.capacity;
  }

  /** Rows that stay on one page when they can. */
  block(count: number, height: number): void {
    const total = count * height;
    if (this.used > 0 && this.used + total > this.capacity) {
      this.breakAfter.push(this.rowHeights.length);
      this.used = 0;
    }
    this.rows(count, height);
    this.used = (this.used + total) % this.capacity;
  }

  heights(): { row: number; height: number }[] {
    return this.rowHeights.map((height, i) => ({ row: i + 1, height }));
  }

  breaks(): number[] {
    return [...this.breakAfter];
  }

  /** How many pages the rows take, as the breaks and the scale lay them out. */
  pages(): number {
    let pages = 1;
    let used = 0;
    const breaks = new Set(this.breakAfter);
    this.rowHeights.forEach((h, i) => {
      if (used + h > this.capacity) {
        pages++;
        used = 0;
      }
      used += h;
      if (breaks.has(i + 1) && i + 1 < this.rowHeights.length) {
        pages++;
        used = 0;
      }
    });
    return pages;
  }
}
