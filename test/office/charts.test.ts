import { readFileSync } from "node:fs";
import path from "node:path";
import { recalculateWorkbook } from "../../src/app/use-cases";
import { bundledCatalogue } from "../../src/core/definitions/bundled";
import { analyse } from "../../src/core/analyse";
import type { ChartSpec, PlanOp } from "../../src/core/model";
import { OfficeHost } from "../../src/hosts/office/office-host";
import { loadWorkbook, snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import { NOW } from "../helpers/grid";
import { printModel } from "./fake-charts";
import { fakeFromWorkbook } from "./from-exceljs";

const SAMPLE = path.resolve(__dirname, "../../seeds/lang-giang.xlsx");
const SUMMARY = "Tổng hợp chỉ tiêu";

describe("the summary's charts and print layout through Office.js (fake Excel, after Microsoft's chart and page layout references)", () => {
  it("adds each plan chart once, over the plan's cells, and a second run replaces them within the same syncs", async () => {
    const workbook = await loadWorkbook(readFileSync(SAMPLE));
    const { definitions, profile } = bundledCatalogue();
    const plan = analyse(snapshotOf(workbook), definitions, profile, { now: NOW, version: "test" }).plan;
    const specs: ChartSpec[] = plan.ops.flatMap((op) => (op.op === "chart" ? [op.chart] : []));
    const page = plan.ops.find((op): op is Extract<PlanOp, { op: "pageSetup" }> => op.op === "pageSetup" && op.sheet === SUMMARY)!;
    const fake = await fakeFromWorkbook(workbook);

    for (let run = 1; run <= 2; run++) {
      fake.syncs = 0;
      await recalculateWorkbook(new OfficeHost({ runtime: fake.runtime() }), { now: NOW });
      // The first run adds and hides the marker sheet before the undo group (one sync more); later runs do not.
      expect(fake.syncs).toBe(run === 1 ? 4 : 3);
      const printed = printModel(fake.sheet(SUMMARY));
      expect(printed.charts.map((c) => c.name)).toEqual(specs.map((s) => s.name));
      const [achievement] = printed.charts;
      const spec = specs[0];
      expect(achievement).toMatchObject({
        type: "ColumnClustered",
        title: "Tỷ lệ đạt mục tiêu",
        position: { from: spec.from, to: spec.to },
        valueAxis: { numberFormat: "0%", minimum: 0 },
      });
      const local = (ref: string) => ref.slice(ref.lastIndexOf("!") + 1).replace(/\$/g, "");
      expect(achievement.series.map((s) => [s.name, s.values, s.xValues, s.chartType ?? "column"])).toEqual([
        ["Tỷ lệ đạt", local(spec.series[0].ref), local(spec.categories.ref), "column"],
        ["Mục tiêu (100%)", local(spec.series[1].ref), local(spec.categories.ref), "Line"],
      ]);
      expect(printed.pageBreaks).toEqual(page.rowBreaks);
      expect(printed.centerFooter).toContain("Trang &P/&N");
      expect(printed.printArea).toBe(page.printArea);
      expect(printed.rowHeights.get(6)).toBe(32);
    }
  });
});
