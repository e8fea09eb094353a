/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import fc from "fast-check";
import { lastRun, publishRun, safeStorage, type RunMessage } from "../../src/commands/run-channel";
import { OfficeHost } from "../../src/hosts/office/office-host";
import { App, type RunFeed } from "../../src/taskpane/components/App";
import { districtArbitrary, districtWorkbook } from "../helpers/district";
import { type FakeExcel } from "./fake-excel";
import { fakeFromWorkbook } from "./from-exceljs";

// Fluent's MessageBar watches its own width; jsdom has no ResizeObserver (every Office webview does).
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

function setup(fake: FakeExcel, last: RunMessage | null = null) {
  let listener: ((m: RunMessage) => void) | null = null;
  const published: RunMessage[] = [];
  const runs: RunFeed = {
    last: () => last,
    subscribe: (l) => {
      listener = l;
      return () => (listener = null);
    },
    publish: (m) => published.push(m),
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <App createHost={() => new OfficeHost({ runtime: fake.runtime() })} runs={runs} />
    </FluentProvider>,
  );
  return { published, send: (m: RunMessage) => listener?.(m) };
}

function district(): FakeExcel {
  const [d] = fc.sample(districtArbitrary, { numRuns: 1, seed: 11 });
  return fakeFromWorkbook(districtWorkbook(d));
}

describe("the task pane", () => {
  it("checks the workbook through the Office host and shows the counts, writing nothing", async () => {
    const fake = district();
    setup(fake);
    expect(screen.getByRole("heading", { name: "Đề án 02 — Bảng kiểm tra" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
    expect(await screen.findByText("Đã kiểm tra workbook")).toBeTruthy();
    const headline = screen.getByRole("list", { name: "Tóm tắt" });
    expect(headline.textContent).toMatch(/chỉ tiêu có mục tiêu|Chưa chỉ tiêu nào có mục tiêu/);
    expect(headline.textContent).toMatch(/(\d+ lỗi cần sửa|Không có lỗi cần sửa)[;.]/);
    expect(fake.find("Tổng hợp chỉ tiêu")).toBeUndefined();
    expect(fake.syncs).toBe(2);
  });

  it("recalculates and tells other frames about it", async () => {
    const fake = district();
    const { published } = setup(fake);
    await userEvent.click(screen.getByRole("button", { name: "Tính lại chỉ tiêu" }));
    expect(await screen.findByText("Đã tính lại chỉ tiêu")).toBeTruthy();
    expect(fake.find("Tổng hợp chỉ tiêu")).toBeDefined();
    expect(published).toEqual([expect.objectContaining({ kind: "done", source: "taskpane", summarySheet: "Tổng hợp chỉ tiêu" })]);
  });

  it("shows a failure of the ribbon button, in Vietnamese", async () => {
    const fake = district();
    const { send } = setup(fake, { kind: "done", source: "ribbon", at: "2026-11-29T03:00:00Z", counts: { error: 0, warning: 2, info: 1 }, summarySheet: "Tổng hợp chỉ tiêu" });
    expect(screen.getByRole("list", { name: "Tóm tắt" }).textContent).toBe("Không có lỗi cần sửa; 2 cảnh báo cần xem.");
    expect(screen.getByText("Từ nút “Tính lại chỉ tiêu” trên ribbon.")).toBeTruthy();
    act(() => send({ kind: "failed", source: "ribbon", at: "2026-11-29T03:01:00Z", message: "Không ghi được kết quả vào workbook: …" }));
    expect(await screen.findByText("Không hoàn thành")).toBeTruthy();
    expect(screen.getByText(/^Không ghi được kết quả vào workbook/)).toBeTruthy();
    // Said once in the live region too, for a screen reader.
    expect(screen.getByRole("status").textContent).toBe("Không hoàn thành: Không ghi được kết quả vào workbook: …");
  });
});

describe("the last run kept for a pane opened later", () => {
  it("is what the ribbon published last for that workbook, never another workbook's, and nothing when storage holds something else", () => {
    const message: RunMessage = { kind: "failed", source: "ribbon", at: "2026-11-29T03:01:00Z", message: "…" };
    publishRun(message, "https://d.docs.live.net/a/Lang-Giang.xlsx");
    expect(lastRun("https://d.docs.live.net/a/Lang-Giang.xlsx")).toEqual(message);
    expect(lastRun("https://d.docs.live.net/a/Yen-Dung.xlsx")).toBeNull();
    localStorage.setItem("de-an-02:last-run:https://d.docs.live.net/a/Khac.xlsx", "{not json");
    expect(lastRun("https://d.docs.live.net/a/Khac.xlsx")).toBeNull();
  });
});

describe("storage refused (Excel on the web with third-party cookies blocked)", () => {
  it("gives no storage instead of throwing, and still keeps the last run of the workbook in memory", () => {
    const real = Object.getOwnPropertyDescriptor(window, "localStorage")!;
    Object.defineProperty(window, "localStorage", { configurable: true, get: () => { throw new DOMException("The operation is insecure.", "SecurityError"); } });
    try {
      expect(() => window.localStorage).toThrow("insecure");
      expect(safeStorage()).toBeNull();
      const message: RunMessage = { kind: "done", source: "ribbon", at: "2026-12-02T08:00:00Z", counts: { error: 0, warning: 2, info: 1 }, summarySheet: "Tổng hợp chỉ tiêu" };
      publishRun(message, "https://contoso.sharepoint.com/Lang-Giang.xlsx");
      expect(lastRun("https://contoso.sharepoint.com/Lang-Giang.xlsx")).toEqual(message);
    } finally {
      Object.defineProperty(window, "localStorage", real);
    }
  });
});
