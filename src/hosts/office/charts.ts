/// <reference types="office-js" />
import type { ChartSpec } from "../../core/model";
import type { Step } from "./write-plan";

/** A chart spec's references name the sheet; Worksheet.getRange wants the address alone. */
function localAddress(ref: string): string {
  return ref.slice(ref.lastIndexOf("!") + 1).replace(/\$/g, "");
}

/**
 * Writes a plan chart with the Office.js charts API, as Microsoft's "Work with charts using the Excel
 * JavaScript API" (office-js-docs-pr, docs/excel/excel-add-ins-charts.md) and the Excel.ChartCollection,
 * Excel.Chart and Excel.ChartSeries references describe it: `worksheet.charts.add(type, sourceData,
 * seriesBy)` makes the chart from its first series, `chart.series.add(name)` and `setValues` /
 * `setXAxisValues` (ExcelApi 1.7) add the others, a series' `chartType` turns the target into a line
 * over the columns, and `setPosition(startCell, endCell)` lays it over the cells the plan gives.
 * A chart of the same name that the host already knows of on the sheet (an earlier run's) is deleted first.
 */
export function chartStep(sheet: string, chart: ChartSpec, knownCharts: readonly string[]): Step {
  return {
    bytes: 1024 + chart.series.reduce((sum, s) => sum + s.ref.length + s.name.length, 0),
    calls: 14 + 8 * chart.series.length,
    run: (_, sheets) => {
      const ws = sheets.get(sheet);
      if (knownCharts.includes(chart.name)) ws.charts.getItem(chart.name).delete();
      const categories = localAddress(chart.categories.ref);
      const first = chart.series[0];
      const created = ws.charts.add(first.kind === "line" ? "Line" : "ColumnClustered", ws.getRange(localAddress(first.ref)), "Columns");
      created.name = chart.name;
      created.title.text = chart.title;
      created.legend.position = "Bottom";
      created.format.font.name = chart.fontName;
      created.axes.valueAxis.numberFormat = chart.valueFormat;
      created.axes.valueAxis.minimum = 0;
      created.setPosition(chart.from, chart.to);
      chart.series.forEach((spec, i) => {
        const series = i === 0 ? created.series.getItemAt(0) : created.series.add(spec.name);
        series.name = spec.name;
        if (i > 0) series.setValues(ws.getRange(localAddress(spec.ref)));
        series.setXAxisValues(ws.getRange(categories));
        if (spec.kind === "line") {
          if (i > 0 || first.kind !== "line") series.chartType = "Line";
          series.format.line.color = `#${spec.color}`;
        } else {
          series.format.fill.setSolidColor(`#${spec.color}`);
          series.hasDataLabels = true;
          series.dataLabels.numberFormat = chart.valueFormat;
        }
      });
    },
  };
}
