/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import path from "node:path";
import { bundledCatalogue } from "../../src/core/definitions/bundled";
import { analyse } from "../../src/core/engine/analyse";
import { loadWorkbook, snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import { FindingList } from "../../src/taskpane/components/FindingList";
import { IndicatorList } from "../../src/taskpane/components/IndicatorList";
import { buildDefectWorkbook } from "../fixtures/defects";
import { NOW } from "../helpers/grid";

const { definitions, profile } = bundledCatalogue();

describe("the findings list", () => {
  it("groups the planted defects by sheet, errors first, with the severity written out and the cell named", async () => {
    const { workbook } = await buildDefectWorkbook();
    const { findings } = analyse(snapshotOf(workbook), definitions, profile, { now: NOW, version: "test" });
    render(
      <FluentProvider theme={webLightTheme}>
        <FindingList findings={findings} />
      </FluentProvider>,
    );
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings).toContain("Trưởng thôn (2 lỗi, 1 cảnh báo)");
    const s4 = screen.getByRole("heading", { name: /^Trưởng thôn/ }).parentElement!;
    const items = within(s4).getAllByRole("listitem").map((li) => li.textContent);
    expect(items[0]).toMatch(/^Lỗi C19: /);
    expect(items).toContain("Cảnh báo E24: Ô E24: tỷ lệ nhập tay 90% khác tỷ lệ tính được 41,67% (lệch quá 0,1 điểm %).");
  });

  it("says so when there is nothing to fix", () => {
    render(<FindingList findings={[]} />);
    expect(screen.getByText(/Không có phát hiện nào/)).toBeTruthy();
  });
});

describe("the indicator list", () => {
  it("shows the article's figures for the sample with a written status", async () => {
    const workbook = await loadWorkbook(readFileSync(path.resolve(__dirname, "../../seeds/lang-giang.xlsx")));
    const { indicators } = analyse(snapshotOf(workbook), definitions, profile, { now: NOW, version: "test" });
    render(
      <FluentProvider theme={webLightTheme}>
        <IndicatorList indicators={indicators} />
      </FluentProvider>,
    );
    const c5 = screen.getByRole("rowheader", { name: "C5" }).parentElement!;
    expect(within(c5).getAllByRole("cell").map((c) => c.textContent)).toEqual(["Tỷ lệ trưởng thôn là đảng viên", "65,8%", "75,0%", "87,8%", "Chưa đạt"]);
    const c1 = screen.getByRole("rowheader", { name: "C1" }).parentElement!;
    expect(within(c1).getAllByRole("cell").map((c) => c.textContent)).toEqual(["Số đảng viên kết nạp", "895", "800", "111,9%", "Vượt mục tiêu"]);
    expect(screen.getAllByRole("row")).toHaveLength(24);
  });
});
