/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Language } from "../../src/core/findings/format";
import { OfficeHost } from "../../src/hosts/office/office-host";
import { loadWorkbook } from "../../src/hosts/xlsx/xlsx-host";
import { App } from "../../src/taskpane/components/App";
import { STRINGS } from "../../src/taskpane/strings";
import { readFileSync } from "node:fs";
import { fakeFromWorkbook } from "../office/from-exceljs";
import { SAMPLE } from "../helpers/legacy";

// Fluent's MessageBar watches its own width; jsdom has no ResizeObserver (every Office webview does).
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

/** The pane over the sample in Excel, checked, with the targets editor open and C5's target retyped. */
async function paneEditingTargets(language: Language) {
  const fake = fakeFromWorkbook(await loadWorkbook(readFileSync(SAMPLE)));
  const host = () => new OfficeHost({ runtime: fake.runtime() });
  const t = STRINGS[language];
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App createHost={host} language={language} />
    </FluentProvider>,
  );
  await user.click(screen.getByRole("button", { name: t.validate }));
  await screen.findByText(t.validated);
  await user.click(screen.getByRole("button", { name: t.editTargets }));
  const c5 = screen.getByLabelText(/^C5 — /);
  await user.clear(c5);
  await user.type(c5, "80");
  // Saving reads the workbook, then writes: the sync after the read's is refused as a protected sheet.
  const before = fake.syncs;
  const workbook = await host().read();
  fake.failSync(fake.syncs + (fake.syncs - before) + 1, "AccessDenied", "The sheet is protected.");
  await user.click(screen.getByRole("button", { name: t.saveTargets }));
  return { workbook, after: () => host().read() };
}

describe("a failure in the pane names the action that failed", () => {
  it("says a refused save of the targets as such, in Vietnamese, never as a failed recalculation", async () => {
    const { workbook, after } = await paneEditingTargets("vi");
    const message = await screen.findByText(/^Không lưu được chỉ tiêu kế hoạch \(lỗi khi ghi vào workbook\): sheet hoặc workbook đang được bảo vệ, hoặc workbook chỉ cho đọc\./);
    expect(message.textContent).toBe(
      "Không lưu được chỉ tiêu kế hoạch (lỗi khi ghi vào workbook): sheet hoặc workbook đang được bảo vệ, hoặc workbook chỉ cho đọc. Chưa có ô nào bị thay đổi.",
    );
    expect(message.textContent).not.toMatch(/Tính lại|tính lại/);
    const targets = (snapshot: typeof workbook) => snapshot.sheets.find((s) => s.name === "Chỉ tiêu")?.values;
    expect(targets(workbook)?.length).toBeGreaterThan(3);
    expect(targets(await after())).toEqual(targets(workbook));
  });

  it("says it in English in an English pane", async () => {
    await paneEditingTargets("en");
    const message = await screen.findByText(/^Could not save the targets \(while writing to the workbook\): a sheet or the workbook is protected, or the workbook is read-only\./);
    expect(message.textContent).not.toMatch(/recalculat/i);
  });
});
