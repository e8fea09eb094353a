/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import path from "node:path";
import { bundledCatalogue } from "../../src/core/definitions/bundled";
import { analyse } from "../../src/core/analyse";
import { indicatorInputs } from "../../src/core/indicators/indicator-inputs";
import { loadWorkbook, snapshotOf } from "../../src/hosts/xlsx/xlsx-host";

// Fluent's MessageBar watches its own width; jsdom has no ResizeObserver (every Office webview does).
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
import { FindingList } from "../../src/taskpane/components/FindingList";
import { IndicatorCards } from "../../src/taskpane/components/IndicatorCards";
import { BelowTargetList } from "../../src/taskpane/components/BelowTargetList";
import { TargetsEditor } from "../../src/taskpane/components/TargetsEditor";
import { App } from "../../src/taskpane/components/App";
import { COUNTED, counted, initialLanguage, STATUS_TEXT, STRINGS } from "../../src/taskpane/strings";
import { summaryLines } from "../../src/taskpane/run-summary";
import { XlsxHost } from "../../src/hosts/xlsx/xlsx-host";
import userEvent from "@testing-library/user-event";
import { OfficeHost } from "../../src/hosts/office/office-host";
import { fakeFromWorkbook } from "../office/from-exceljs";
import { buildDefectWorkbook } from "../fixtures/defects";
import { NOW } from "../helpers/grid";

const { definitions, profile } = bundledCatalogue();

async function sampleAnalysis() {
  const workbook = await loadWorkbook(readFileSync(path.resolve(__dirname, "../../seeds/lang-giang.xlsx")));
  return analyse(snapshotOf(workbook), definitions, profile, { now: NOW, version: "test" });
}

async function sampleIndicators() {
  return (await sampleAnalysis()).indicators;
}

async function defectAnalysis() {
  const { workbook } = await buildDefectWorkbook();
  const analysis = analyse(snapshotOf(workbook), definitions, profile, { now: NOW, version: "test" });
  return { ...analysis, inputs: indicatorInputs(definitions, analysis.columns) };
}

describe("the findings list", () => {
  it("groups the planted defects by sheet, errors first, each a line that names its cell once, with the indicators it affects", async () => {
    const { findings, inputs } = await defectAnalysis();
    const selected: string[] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <FindingList findings={findings} inputs={inputs} onSelect={(sheet, cell) => selected.push(`${sheet}!${cell}`)} />
      </FluentProvider>,
    );
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toContain("Trưởng thôn (2 lỗi, 1 cảnh báo)");
    const s4 = screen.getByRole("heading", { name: /^Trưởng thôn/ }).parentElement!;
    const lines = within(s4).getAllByRole("button").map((b) => b.textContent);
    expect(lines[0]).toMatch(/^Lỗi Ô C19 \(cột “Số thôn, tổ dân phố”\) ghi “8\/8”, không phải là số\..*Ảnh hưởng: C5$/);
    expect(lines).toContain("Cảnh báo Ô E24: tỷ lệ nhập tay 90% khác tỷ lệ tính được 41,67% (lệch quá 0,1 điểm %).");
    const all = screen.getAllByRole("listitem").map((li) => li.textContent ?? "");
    expect(all).toHaveLength(findings.length);
    // No address repeated before the message that already names it, and no stray colon where there is no cell.
    expect(all.filter((text) => /\b([A-Z]+\d+): Ô \1\b/.test(text) || / :/.test(text))).toEqual([]);
    expect(all).toContain("Cảnh báo Sheet “Cấp ủy” thiếu dòng của Thái Đào. Hãy thêm một dòng cho đơn vị này.Ảnh hưởng: D6, D7, D8");
    await userEvent.click(screen.getByRole("button", { name: /^Lỗi Ô C19 / }));
    expect(selected).toEqual(["Trưởng thôn!C19"]);
  });

  it("shows every planted defect in English when the pane is in English, rendered from its code and params", async () => {
    const { findings, inputs } = await defectAnalysis();
    render(
      <FluentProvider theme={webLightTheme}>
        <FindingList findings={findings} inputs={inputs} language="en" onSelect={() => undefined} />
      </FluentProvider>,
    );
    const all = screen.getAllByRole("listitem").map((li) => li.textContent ?? "");
    expect(all).toHaveLength(findings.length);
    expect(all).toContain("Warning Cell E24: the ratio typed by hand, 90%, differs from the computed 41.67% (by more than 0.1 percentage point).");
    expect(all.filter((text) => /\bÔ [A-Z]+\d+|đang trống|không phải là số/.test(text))).toEqual([]);
  });

  it("says so when there is nothing to fix", () => {
    render(<FindingList findings={[]} />);
    expect(screen.getByText(/Không có phát hiện nào/)).toBeTruthy();
  });
});

describe("the indicator cards", () => {
  it("put the missed indicators first, with the article's figures and a status in words", async () => {
    const indicators = await sampleIndicators();
    render(
      <FluentProvider theme={webLightTheme}>
        <IndicatorCards indicators={indicators} />
      </FluentProvider>,
    );
    const section = screen.getByRole("region", { name: "Chỉ tiêu" });
    const cards = within(section).getAllByRole("listitem");
    expect(cards.slice(0, 2).map((c) => c.getAttribute("aria-label"))).toEqual(["A4 Số chi bộ sinh hoạt ghép", "C5 Tỷ lệ trưởng thôn là đảng viên"]);
    const c5 = screen.getByRole("listitem", { name: "C5 Tỷ lệ trưởng thôn là đảng viên" });
    expect(c5.textContent).toBe("Chưa đạtC5 Tỷ lệ trưởng thôn là đảng viên65,8% / mục tiêu 75,0% · đạt 87,8%+12,8 điểm % so với trước Đề án");
    expect(screen.getByRole("listitem", { name: "C1 Số đảng viên kết nạp" }).textContent).toBe("Vượt mục tiêuC1 Số đảng viên kết nạp895 đảng viên / mục tiêu 800 · đạt 111,9%");
    // The twelve without a target are one click away, not twelve cards between the reader and the rest.
    expect(cards).toHaveLength(11);
    await userEvent.click(screen.getByRole("button", { name: "▸ 12 chỉ tiêu chưa có mục tiêu" }));
    expect(screen.getByRole("listitem", { name: "A3 Số chi bộ trực thuộc" }).textContent).toBe("Chưa có mục tiêuA3 Số chi bộ trực thuộc412 chi bộ+8 so với trước Đề án");
    expect(within(section).getAllByRole("listitem")).toHaveLength(23);
  });

  it("show, under an indicator, the findings in the cells it reads, each selecting its cell", async () => {
    const { indicators, findings, inputs } = await defectAnalysis();
    const selected: string[] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <IndicatorCards indicators={indicators} findings={findings} inputs={inputs} onSelect={(sheet, cell) => selected.push(`${sheet}!${cell}`)} />
      </FluentProvider>,
    );
    const c5 = screen.getByRole("listitem", { name: "C5 Tỷ lệ trưởng thôn là đảng viên" });
    await userEvent.click(within(c5).getByRole("button", { name: "▸ 2 phát hiện ở số liệu của chỉ tiêu" }));
    const lines = within(c5).getAllByRole("button").slice(1);
    expect(lines.map((b) => b.textContent!.slice(0, 12))).toEqual(["Lỗi Ô C19 (c", "Lỗi Ô D25: “"]);
    await userEvent.click(lines[1]);
    expect(selected).toEqual(["Trưởng thôn!D25"]);
  });
});

describe("the headline of a run", () => {
  it("says first which targets are missed, where the worst unit is, and how many errors to fix", async () => {
    const sample = await sampleAnalysis();
    const first = summaryLines(sample.counts, sample.indicators, "vi");
    expect(first[0]).toBe("2/11 chỉ tiêu có mục tiêu chưa đạt: A4, C5.");
    // Hương Sơn 10/24 and Tân Thanh 5/12 tie at 41,7%; the article names both as the lowest.
    expect(first[1]).toMatch(/^C5: thấp nhất là (Hương Sơn 10\/24|Tân Thanh 5\/12) \(41,7%\), mục tiêu 75,0%\.$/);
    expect(first.at(-1)).toBe("Không có lỗi cần sửa.");
    const defects = await defectAnalysis();
    expect(summaryLines(defects.counts, defects.indicators, "en")).toEqual([
      "1 of 10 targeted indicators not met: C5.",
      "C5: lowest is Hương Sơn 10/24 (41.7%), target 75.0%.",
      // The emptied column, and the #DIV/0! among the rural admissions (C3, a ratio on complete rows, leaves
      // that row out of both sides and still has a figure).
      "2 indicators have no data: A4, C2.",
      `${defects.counts.error} errors to fix; ${defects.counts.warning} warnings to look at.`,
    ]);
  });

  it("counts with the language's plural rules", () => {
    expect([counted("en", "error", 1), counted("en", "error", 2), counted("en", "error", 0), counted("vi", "error", 1), counted("vi", "error", 1234)]).toEqual(["1 error", "2 errors", "0 errors", "1 lỗi", "1.234 lỗi"]);
    expect(counted("en", "unitsBelow", 1)).toBe("1 unit below target");
  });
});

describe("the task pane's languages", () => {
  it("has every text in Vietnamese and in English", () => {
    expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.vi).sort());
    for (const language of ["vi", "en"] as const) for (const text of Object.values(STRINGS[language])) expect(text.trim()).not.toBe("");
    expect(Object.keys(STATUS_TEXT.en).sort()).toEqual(Object.keys(STATUS_TEXT.vi).sort());
    expect(Object.keys(COUNTED.en).sort()).toEqual(Object.keys(COUNTED.vi).sort());
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
    // The name starts with what the button shows, so a voice command "click English" finds it.
    await user.click(screen.getByRole("button", { name: "English (chuyển sang tiếng Anh)" }));
    expect([...stored.values()]).toEqual(["en"]);
    await user.click(screen.getByRole("button", { name: "Check" }));
    await screen.findByText("Workbook checked");
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toContain("Warning Cell E24: the ratio typed by hand, 90%, differs from the computed 41.67% (by more than 0.1 percentage point).");
    // The defects move C5: Nghĩa Hưng's villages typed "8/8" leave its row out of both sides (its 8 heads too),
    // Tân Thịnh's heads go 9 → 15: (187 − 9 + 15 − 8) / (284 − 8) = 185 / 276 = 67.0%, which is 89.4% of 75%,
    // 14.0 points above the 53.0% before the Đề án.
    const c5 = screen.getByRole("listitem", { name: "C5 Village heads who are party members" });
    expect(c5.textContent).toMatch(/^Not metC5 Village heads who are party members67\.0% \/ target 75\.0% · achieved 89\.4%\+14 points vs\. before Project 02/);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Project 02 — Check panel");
    expect(screen.getByRole("button", { name: /^Tiếng Việt/ })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Phát triển đảng viên (1 error, 1 warning)" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Trưởng thôn (2 errors, 1 warning)" })).toBeTruthy();
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
    await user.click(screen.getByRole("button", { name: /^Lỗi Ô C19 / }));
    expect([fake.activeSheet, fake.selection]).toEqual(["Trưởng thôn", { sheet: "Trưởng thôn", address: "C19" }]);
  });
});

describe("the units below target", () => {
  it("lists the communes below the village-head target worst first with the target restated, and every one of them a click away", async () => {
    const indicators = await sampleIndicators();
    render(
      <FluentProvider theme={webLightTheme}>
        <BelowTargetList indicators={indicators} />
      </FluentProvider>,
    );
    const c5 = screen.getByRole("heading", { name: "C5 — Tỷ lệ trưởng thôn là đảng viên" }).parentElement!;
    expect(within(c5).getByText("17 đơn vị dưới mục tiêu. Mục tiêu 75,0%; thấp nhất trước.")).toBeTruthy();
    const items = () => within(c5).getAllByRole("listitem").map((li) => li.textContent);
    expect(new Set(items().slice(0, 2))).toEqual(new Set(["Tân Thanh 5/12 (41,7%)", "Hương Sơn 10/24 (41,7%)"]));
    expect(items()[2]).toBe("Xương Lâm 9/20 (45,0%)");
    expect(items()).toHaveLength(5);
    await userEvent.click(within(c5).getByRole("button", { name: "Xem cả 17 đơn vị" }));
    expect(items()).toHaveLength(17);
    expect(items().at(-1)).toMatch(/^(An Hà 8\/11|Tân Hưng 8\/11) \(72,7%\)$/);
    // The missed indicator comes before the met ones that still have units below target.
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent!.slice(0, 2))).toEqual(["C5", "D3", "D5", "D8", "A5", "D4"].filter((id) => indicators.find((i) => i.id === id)!.belowTarget?.length));
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
