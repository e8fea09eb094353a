/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import { TextDecoder, TextEncoder } from "node:util";
import { WebPage } from "../../src/preview/WebPage";
import { SAMPLE } from "../helpers/legacy";

// Every browser has TextEncoder and TextDecoder; jsdom leaves them out.
Object.assign(globalThis, { TextEncoder, TextDecoder });
// Fluent's MessageBar watches its own width; jsdom has no ResizeObserver (every browser has).
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

/** jsdom's File cannot hand back its bytes: each file hands back the bytes the test put in. */
function file(name: string, data: Uint8Array | string): File {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : new Uint8Array(data);
  return Object.assign(new File([bytes], name), { arrayBuffer: async () => bytes.slice().buffer });
}

function renderPage(language: "vi" | "en") {
  render(
    <FluentProvider theme={webLightTheme}>
      <WebPage initialLanguage={language} storage={null} />
    </FluentProvider>,
  );
}

describe("the web page opening a district workbook", () => {
  it("says in Vietnamese why a file that is not a workbook cannot be opened, and stays on the start page", async () => {
    renderPage("vi");
    await userEvent.upload(screen.getByLabelText("Mở workbook (.xlsx)"), file("ghi-chu.xlsx", "Đây là ghi chú, không phải Excel"));
    const alert = await screen.findByText("Không mở được “ghi-chu.xlsx”: không phải tệp .xlsx (không đúng định dạng Excel).");
    expect(alert.closest("[class*='fui-MessageBar']")).not.toBeNull();
    expect(screen.getByLabelText("Mở workbook (.xlsx)")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Tải workbook đã tính lại" })).toBeNull();
  });

  it("names an Excel 97-2003 file and what to do with it, in the page's language", async () => {
    renderPage("en");
    // An Excel 97-2003 file renamed .xlsx: the old binary format begins with the OLE compound-file signature.
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    await userEvent.upload(screen.getByLabelText(/^Open a workbook/), file("bao-cao-cu.xlsx", xls));
    expect(await screen.findByText(/^Could not open “bao-cao-cu\.xlsx”: this is an Excel 97-2003 file \(\.xls\); open it in Excel and save it as \.xlsx/)).toBeTruthy();
  });

  it("opens a real workbook beside the task pane", async () => {
    renderPage("vi");
    await userEvent.upload(screen.getByLabelText("Mở workbook (.xlsx)"), file("lang-giang.xlsx", readFileSync(SAMPLE)));
    expect(await screen.findByText("Đang xem: lang-giang.xlsx", undefined, { timeout: 20000 })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Tải workbook đã tính lại" })).toBeTruthy();
  });
});
