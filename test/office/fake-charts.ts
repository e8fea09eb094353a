/**
 * The fake Excel's charts, page breaks, footers, print area and row heights: the surface the host's
 * print layout (write-plan.ts) and charts (src/hosts/office/charts.ts) use, each rule as Microsoft's
 * Excel JavaScript API reference states it:
 * - ChartCollection.add(type, sourceData, seriesBy) "Creates a new chart"; getItem(name) "Gets a chart
 *   using its name", ItemNotFound when there is none; Chart.delete(); Chart.setPosition(startCell,
 *   endCell) "Positions the chart relative to cells on the worksheet" (ExcelApi 1.1).
 * - ChartSeriesCollection.add(name) and ChartSeries.setValues / setXAxisValues / chartType (ExcelApi 1.7),
 *   ChartDataLabels.numberFormat and ChartAxis.numberFormat (ExcelApi 1.8).
 * - PageBreakCollection.add(pageBreakRange) "Adds a page break before the top-left cell of the range
 *   specified"; removePageBreaks() "Resets all manual page breaks" (ExcelApi 1.9).
 * - PageLayout.headersFooters.defaultForAllPages.centerFooter and PageLayout.setPrintArea (ExcelApi 1.9).
 * - RangeFormat.rowHeight, in points; Excel's limit is 409 points (Excel specifications and limits).
 */
import { FakeOfficeError, type FakeContext, parseRect, type Rect, rectAddress, type SheetModel } from "./fake-excel";

interface FakeSeriesModel {
  name: string;
  values: string;
  xValues?: string;
  chartType?: string;
  lineColor?: string;
  fillColor?: string;
  hasDataLabels?: boolean;
  labelFormat?: string;
}

interface FakeChartModel {
  name: string;
  type: string;
  source: string;
  seriesBy?: string;
  title?: string;
  legend?: string;
  fontName?: string;
  valueAxis: { numberFormat?: string; minimum?: number };
  position?: { from: string; to?: string };
  series: FakeSeriesModel[];
}

export interface FakePrintModel {
  charts: FakeChartModel[];
  /** Rows (0-based) a manual page break sits above. */
  pageBreaks: number[];
  centerFooter?: string;
  printArea?: string;
  rowHeights: Map<number, number>;
}

const models = new WeakMap<SheetModel, FakePrintModel>();

export function printModel(sheet: SheetModel): FakePrintModel {
  let model = models.get(sheet);
  if (!model) models.set(sheet, (model = { charts: [], pageBreaks: [], rowHeights: new Map() }));
  return model;
}

function cellAddress(address: string): string {
  const rect = parseRect(address.replace(/\$/g, ""));
  return rectAddress({ ...rect, bottom: rect.top, right: rect.left });
}

type SheetOf = () => SheetModel;
type RangeLike = { address?: string; _fakeAddress?: string } | string;

/** The address of a range proxy the host passes in (the fake's RangeProxy keeps its rectangle). */
function addressOf(range: RangeLike): string {
  if (typeof range === "string") return range;
  const resolved = (range as unknown as { resolve(): { rect: Rect } }).resolve();
  return rectAddress(resolved.rect);
}

class SeriesProxy {
  readonly format: { fill: { setSolidColor(color: string): void }; line: { color: string } };
  readonly dataLabels: { numberFormat: string };
  constructor(private readonly ctx: FakeContext, private readonly resolve: () => FakeSeriesModel) {
    const write = (run: (s: FakeSeriesModel) => unknown) => this.ctx.enqueue(() => void run(this.resolve()));
    this.format = {
      fill: { setSolidColor: (color: string) => write((s) => (s.fillColor = color)) },
      line: {
        set color(color: string) {
          write((s) => (s.lineColor = color));
        },
      } as { color: string },
    };
    this.dataLabels = {
      set numberFormat(format: string) {
        write((s) => (s.labelFormat = format));
      },
    } as { numberFormat: string };
  }
  private write(run: (s: FakeSeriesModel) => unknown): void {
    this.ctx.enqueue(() => void run(this.resolve()));
  }
  set name(v: string) { this.write((s) => (s.name = v)); }
  set chartType(v: string) { this.write((s) => (s.chartType = v)); }
  set hasDataLabels(v: boolean) { this.write((s) => (s.hasDataLabels = v)); }
  setValues(range: RangeLike): void {
    this.write((s) => (s.values = addressOf(range)));
  }
  setXAxisValues(range: RangeLike): void {
    this.write((s) => (s.xValues = addressOf(range)));
  }
}

class ChartProxy {
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly format: { font: { name: string } };
  readonly axes: { valueAxis: { numberFormat: string; minimum: number } };
  readonly series: { getItemAt(index: number): SeriesProxy; add(name?: string): SeriesProxy };

  constructor(private readonly ctx: FakeContext, private readonly resolve: () => FakeChartModel, private readonly sheet: SheetOf) {
    const write = (run: (c: FakeChartModel) => unknown) => this.ctx.enqueue(() => void run(this.resolve()));
    this.title = { set text(v: string) { write((c) => (c.title = v)); } } as { text: string };
    this.legend = { set position(v: string) { write((c) => (c.legend = v)); } } as { position: string };
    this.format = { font: { set name(v: string) { write((c) => (c.fontName = v)); } } as { name: string } };
    this.axes = {
      valueAxis: {
        set numberFormat(v: string) { write((c) => (c.valueAxis.numberFormat = v)); },
        set minimum(v: number) { write((c) => (c.valueAxis.minimum = v)); },
      } as { numberFormat: string; minimum: number },
    };
    this.series = {
      getItemAt: (index: number) =>
        new SeriesProxy(ctx, () => {
          const series = this.resolve().series[index];
          if (!series) throw new FakeOfficeError("ItemNotFound", `The chart has no series at index ${index}.`);
          return series;
        }),
      add: (name?: string) => {
        const box: { series?: FakeSeriesModel } = {};
        this.ctx.enqueue(() => {
          box.series = { name: name ?? "", values: "" };
          this.resolve().series.push(box.series);
        });
        return new SeriesProxy(ctx, () => box.series!);
      },
    };
  }

  set name(v: string) {
    this.ctx.enqueue(() => {
      this.resolve().name = v;
    });
  }

  setPosition(startCell: RangeLike, endCell?: RangeLike): void {
    this.ctx.enqueue(() => {
      this.resolve().position = { from: cellAddress(addressOf(startCell)), ...(endCell ? { to: cellAddress(addressOf(endCell)) } : {}) };
    });
  }

  delete(): void {
    this.ctx.enqueue(() => {
      const charts = printModel(this.sheet()).charts;
      charts.splice(charts.indexOf(this.resolve()), 1);
    });
  }
}

export class ChartCollectionProxy {
  private loadedNames: string[] | null = null;
  constructor(private readonly ctx: FakeContext, private readonly sheet: SheetOf) {}

  /** Only "items/name" is supported; the names arrive with the sync, as any loaded property. */
  load(props: string): this {
    if (props !== "items/name") throw new Error(`fake-excel: ChartCollection.load("${props}") is not supported`);
    this.ctx.enqueue(() => {
      const names = printModel(this.sheet()).charts.map((c) => c.name);
      return { bytes: names.reduce((sum, n) => sum + n.length + 12, 16), commit: () => (this.loadedNames = names) };
    }, 64);
    return this;
  }

  get items(): { name: string }[] {
    if (this.loadedNames === null) throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available. Before reading the property's value, call the load method.");
    return this.loadedNames.map((name) => ({ name }));
  }

  add(type: string, sourceData: RangeLike, seriesBy?: string): ChartProxy {
    const box: { chart?: FakeChartModel } = {};
    this.ctx.enqueue(() => {
      const source = addressOf(sourceData);
      const model = printModel(this.sheet());
      box.chart = { name: `Chart ${model.charts.length + 1}`, type, source, seriesBy, valueAxis: {}, series: [{ name: "", values: source }] };
      model.charts.push(box.chart);
    });
    return new ChartProxy(this.ctx, () => box.chart!, this.sheet);
  }

  getItem(name: string): ChartProxy {
    return new ChartProxy(
      this.ctx,
      () => {
        const chart = printModel(this.sheet()).charts.find((c) => c.name === name);
        if (!chart) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (chart “${name}”).`);
        return chart;
      },
      this.sheet,
    );
  }
}

export class PageBreakCollectionProxy {
  constructor(private readonly ctx: FakeContext, private readonly sheet: SheetOf) {}
  add(pageBreakRange: RangeLike): void {
    this.ctx.enqueue(() => {
      const rect = parseRect(addressOf(pageBreakRange).replace(/\$/g, ""));
      const breaks = printModel(this.sheet()).pageBreaks;
      if (!breaks.includes(rect.top)) breaks.push(rect.top);
    });
  }
  removePageBreaks(): void {
    this.ctx.enqueue(() => {
      printModel(this.sheet()).pageBreaks = [];
    });
  }
}

export function headersFooters(ctx: FakeContext, sheet: SheetOf): { defaultForAllPages: { centerFooter: string } } {
  return {
    defaultForAllPages: {
      set centerFooter(v: string) {
        ctx.enqueue(() => {
          printModel(sheet()).centerFooter = v;
        });
      },
    } as { centerFooter: string },
  };
}

export function setPrintArea(ctx: FakeContext, sheet: SheetOf, area: RangeLike): void {
  ctx.enqueue(() => {
    printModel(sheet()).printArea = rectAddress(parseRect(addressOf(area).replace(/\$/g, "")));
  });
}

export function setRowHeights(sheet: SheetModel, rect: Rect, points: number): void {
  if (!(points >= 0 && points <= 409)) throw new FakeOfficeError("InvalidArgument", `bad row height ${points}`);
  for (let r = rect.top; r <= rect.bottom; r++) printModel(sheet).rowHeights.set(r, points);
}
