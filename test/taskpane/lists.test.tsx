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

// Fluent's MessageBar watches its own width; jsdom has no ResizeObserver (every Office webview does).
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
import { FindingList } from "../../src/taskpane/components/FindingList";
import { IndicatorList } from "../../src/taskpane/components/IndicatorList";
import { BelowTargetList } from "../../src/taskpane/components/BelowTargetList";
import { TargetsEditor } from "../../src/taskpane/components/TargetsEditor";
import { App } from "../../src/taskpane/components/App";
import { initialLanguage, STATUS_TEXT, STRINGS } from "../../src/taskpane/strings";
import { XlsxHost } from "../../src/hosts/xlsx/xlsx-host";
import userEvent from "@testing-library/user-event";
import { OfficeHost } from "../../src/hosts/office/office-host";
import { fakeFromWorkbook } from "../office/from-exceljs";
import { buildDefectWorkbook } from "../fixtures/defects";
import { NOW } from "../helpers/grid";

const { definitions, profile } = bundledCatalogue();

async function sampleIndicators() {
  const workbook = await loadWorkbook(readFileSync(path.resolve(__dirname, "../../seeds/lang-giang.xlsx")));
  return analyse(snapshotOf(workbook), definitions, profile, { now: NOW, version: "test" }).indicators;
}

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
    const indicators = await sampleIndicators();
    render(
      <FluentProvider theme={webLightTheme}>
        <IndicatorList indicators={indicators} />
      </FluentProvider>,
    );
    const c5 = screen.getByRole("rowheader", { name: "C5" }).parentElement!;
    expect(within(c5).getAllByRole("cell").map((c) => c.textContent)).toEqual(["Tỷ lệ trưởng thôn là đảng viên", "65,8%", "75,0%", "87,8%", "Chưa đạt", "+12,8%"]);
    const c1 = screen.getByRole("rowheader", { name: "C1" }).parentElement!;
    expect(within(c1).getAllByRole("cell").map((c) => c.textContent)).toEqual(["Số đảng viên kết nạp", "895", "800", "111,9%", "Vượt mục tiêu", "–"]);
    expect(screen.getAllByRole("row")).toHaveLength(24);
  });
});

describe("the task pane's languages", () => {
  it("has every text in Vietnamese and in English", () => {
    expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.vi).sort());
    for (const language of ["vi", "en"] as const) for (const text of Object.values(STRINGS[language])) expect(text.trim()).not.toBe("");
    expect(Object.keys(STATUS_TEXT.en).sort()).toEqual(Object.keys(STATUS_TEXT.vi).sort());
  });

  it("starts in the remembered language, else in Office's display language, else in Vietnamese", () => {
    const saved = (value: string | null) => ({ getItem: () => value });
    expect(initialLanguage(saved("en"), "vi-VN")).toBe("en");
    expect(initialLanguage(saved(null), "en-US")).toBe("en");
    expect(initialLanguage(saved(null), "vi-VN")).toBe("vi");
    expect(initialLanguage(null, undefined)).toBe("vi");
  });

  it("shows the findings and indicators in English after switching, and remembers the choice", async () => {
    const { workbook } = await buildDefectWorkbook();
    const host = new XlsxHost(workbook);
    const stored = new Map<string, string>();
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <App createHost={() => host} storage={{ setItem: (k, v) => void stored.set(k, v) }} />
      </FluentProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Chuyển sang tiếng Anh" }));
    expect([...stored.values()]).toEqual(["en"]);
    await user.click(screen.getByRole("button", { name: "Check" }));
    await screen.findByText("Workbook checked");
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toContain("Warning E24: Cell E24: the ratio typed by hand, 90%, differs from the computed 41.67% (by more than 0.1 percentage point).");
    const c5 = screen.getByRole("rowheader", { name: "C5" }).parentElement!;
    // The defects move C5: Nghĩa Hưng's villages typed "8/8" leave its row out of both sides (its 8 heads too),
    // Tân Thịnh's heads go 9 → 15: (187 − 9 + 15 − 8) / (284 − 8) = 185 / 276 = 67.0%, which is 89.4% of 75%.
    expect(within(c5).getAllByRole("cell").map((c) => c.textContent).slice(1, 5)).toEqual(["67.0%", "75.0%", "89.4%", "Not met"]);
  });
});

describe("clicking a finding's cell", () => {
  it("selects that cell in Excel, on its sheet", async () => {
    const { workbook } = await buildDefectWorkbook();
    const fake = fakeFromWorkbook(workbook);
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <App createHost={() => new OfficeHost({ runtime: fake.runtime() })} />
      </FluentProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    await screen.findByText("Đã kiểm tra workbook");
    await user.click(screen.getByRole("button", { name: "Chọn ô Trưởng thôn!C19" }));
    expect([fake.activeSheet, fake.selection]).toEqual(["Trưởng thôn", { sheet: "Trưởng thôn", address: "C19" }]);
  });
});

describe("the units below target", () => {
  it("lists the communes below the village-head target worst first, with their figures", async () => {
    const indicators = await sampleIndicators();
    render(
      <FluentProvider theme={webLightTheme}>
        <BelowTargetList indicators={indicators} />
      </FluentProvider>,
    );
    const c5 = screen.getByText(/^C5 — Tỷ lệ trưởng thôn là đảng viên: \d+ đơn vị/).parentElement!;
    const items = within(c5).getAllByRole("listitem").map((li) => li.textContent);
    expect(new Set(items.slice(0, 2))).toEqual(new Set(["Tân Thanh 5/12 (41,7%)", "Hương Sơn 10/24 (41,7%)"]));
    expect(items[2]).toBe("Xương Lâm 9/20 (45,0%)");
  });
});

describe("the targets editor", () => {
  it("shows each target, ratios as percentages, and saves only what changed", async () => {
    const saved: unknown[] = [];
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <TargetsEditor indicators={await sampleIndicators()} onSave={(edits) => saved.push(edits)} />
      </FluentProvider>,
    );
    const c5 = screen.getByRole("textbox", { name: "C5 — Tỷ lệ trưởng thôn là đảng viên (%)" }) as HTMLInputElement;
    expect(c5.value).toBe("75");
    expect((screen.getByRole("textbox", { name: "C1 — Số đảng viên kết nạp" }) as HTMLInputElement).value).toBe("800");
    await user.clear(c5);
    await user.type(c5, "62,5");
    await user.clear(screen.getByRole("textbox", { name: "D4 — Tỷ lệ cán bộ chủ chốt trình độ đại học (%)" }));
    await user.click(screen.getByRole("button", { name: "Lưu mục tiêu vào sheet Chỉ tiêu" }));
    expect(saved).toEqual([{ C5: 0.625, D4: null }]);
  });

  it("refuses to save a target that is not a number, and says what to type", async () => {
    const saved: unknown[] = [];
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <TargetsEditor indicators={await sampleIndicators()} onSave={(edits) => saved.push(edits)} />
      </FluentProvider>,
    );
    const c1 = screen.getByRole("textbox", { name: "C1 — Số đảng viên kết nạp" });
    await user.clear(c1);
    await user.type(c1, "tám trăm");
    expect(screen.getByText("Hãy nhập một số, ví dụ 75 hoặc 42,5.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Lưu mục tiêu vào sheet Chỉ tiêu" }) as HTMLButtonElement).disabled).toBe(true);
    expect(saved).toEqual([]);
  });
});

describe("pointing at an unrecognised column", () => {
  it("asks for the column's letter, keeps it in the workbook, and checks again", async () => {
    const workbook = await loadWorkbook(readFileSync(path.resolve(__dirname, "../../seeds/lang-giang.xlsx")));
    workbook.getWorksheet("Trưởng thôn")!.getCell("C6").value = "Cột 3 (thôn)";
    const host = new XlsxHost(workbook);
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <App createHost={() => host} />
      </FluentProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    const letter = await screen.findByRole("textbox", { name: "Cột chứa “Số thôn, tổ dân phố” ở sheet “Trưởng thôn” (chữ cái của cột)" });
    await user.type(letter, "3");
    expect(screen.getByText("Nhập chữ cái của cột, ví dụ C.")).toBeTruthy();
    await user.clear(letter);
    await user.type(letter, "c");
    await user.click(screen.getByRole("button", { name: "Dùng cột này" }));
    await screen.findByText("Đã ghi nhớ cột trong workbook; các lần tính sau sẽ dùng cột này.");
    expect(screen.getByText(/Không có phát hiện nào/)).toBeTruthy();
  });
});
