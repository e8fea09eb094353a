/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import { TextDecoder, TextEncoder } from "node:util";
import { PROVINCE_SHEET } from "../../src/core/consolidate/province-plan";
import { OfficeHost } from "../../src/hosts/office/office-host";
import { saveWorkbook } from "../../src/hosts/xlsx/xlsx-host";
import { App } from "../../src/taskpane/components/App";
import { districtLines } from "../../src/taskpane/components/WorkbookTools";
import { readPickedFiles } from "../../src/taskpane/district-files";
import { FakeExcel } from "../office/fake-excel";
import { fakeFromWorkbook } from "../office/from-exceljs";
import { legacyCopy, SAMPLE } from "../helpers/legacy";
import { filledThuNghiem, THU_NGHIEM_PROFILE } from "../helpers/thu-nghiem";

// Every browser has TextEncoder and TextDecoder; jsdom leaves them out.
Object.assign(globalThis, { TextEncoder, TextDecoder });
// Fluent's MessageBar watches its own width; jsdom has no ResizeObserver (every Office webview does).
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

/** jsdom's File cannot hand back its bytes; the pane reads the bytes the test put in, through the real reader. */
const bytesOf = new WeakMap<File, Uint8Array>();
function file(name: string, data: Uint8Array | string): File {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : new Uint8Array(data);
  const f = new File([bytes], name);
  bytesOf.set(f, bytes);
  return f;
}
const readFiles = (files: readonly File[], definitions: Parameters<typeof readPickedFiles>[1]) =>
  readPickedFiles(files.map((f) => Object.assign(f, { arrayBuffer: async () => bytesOf.get(f)!.slice().buffer })), definitions);

function renderPane(fake: FakeExcel) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App createHost={() => new OfficeHost({ runtime: fake.runtime() })} readFiles={readFiles} />
    </FluentProvider>,
  );
}

/** The province's tools stay folded under the district's actions until opened. */
async function openProvinceTools() {
  const toggle = screen.getByRole("button", { name: /Công cụ cho ban tổ chức tỉnh/ });
  expect(toggle.getAttribute("aria-expanded")).toBe("false");
  expect(screen.queryByRole("button", { name: "Tạo mẫu" })).toBeNull();
  await userEvent.click(toggle);
  expect(toggle.getAttribute("aria-expanded")).toBe("true");
}

describe("the pane's legacy-encoding action", () => {
  it("appears for a TCVN3 workbook, converts it in one click and checks again", async () => {
    const fake = fakeFromWorkbook(await legacyCopy((sheet) => (sheet === "Trưởng thôn" ? "tcvn3" : null)));
    renderPane(fake);
    await userEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
    const section = await screen.findByRole("region", { name: "Chữ gõ bằng bảng mã cũ" });
    expect(within(section).getByRole("listitem").textContent).toMatch(/^Sheet “Tr­ëng th«n” có \d+ ô gõ bằng bảng mã cũ TCVN3 \(\.VnTime\)/);
    await userEvent.click(within(section).getByRole("button", { name: "Chuyển sang Unicode" }));
    expect(await screen.findByText(/^Đã chuyển \d+ ô của sheet “Tr­ëng th«n” từ TCVN3 \(\.VnTime\) sang Unicode\.$/)).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Chữ gõ bằng bảng mã cũ" })).toBeNull();
    expect(fake.sheet("Tr­ëng th«n").content("B8")).toBe("TT Vôi");
  });
});

describe("the pane's tools", () => {
  it("consolidates picked district files into the open workbook and lists each district, an unreadable one with its reason", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    renderPane(fake);
    await openProvinceTools();
    expect(screen.getAllByText("Chưa chọn tệp nào")).toHaveLength(2);
    const picker = screen.getByLabelText("Tệp của các huyện");
    await userEvent.upload(picker, [
      file("lang-giang.xlsx", readFileSync(SAMPLE)),
      file("thu-nghiem.xlsx", await saveWorkbook(await filledThuNghiem())),
      file("hong.xlsx", "không phải excel"),
      file("thu-nghiem.profile.json", readFileSync(THU_NGHIEM_PROFILE)),
    ]);
    expect(screen.getByText("lang-giang.xlsx, thu-nghiem.xlsx, hong.xlsx, thu-nghiem.profile.json")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Tổng hợp vào workbook này" }));
    expect(await screen.findByText("Đã ghi sheet “Tổng hợp toàn tỉnh” từ 2 huyện.")).toBeTruthy();
    expect(screen.getByText("Lạng Giang (lang-giang.xlsx): 0 lỗi, 0 cảnh báo, 0 thông tin")).toBeTruthy();
    expect(screen.getByText("Thử Nghiệm (thu-nghiem.xlsx): 0 lỗi, 0 cảnh báo, 0 thông tin")).toBeTruthy();
    expect(screen.getByText("hong (hong.xlsx): không đọc được — không phải tệp .xlsx (không đúng định dạng Excel)")).toBeTruthy();
    expect([fake.sheet(PROVINCE_SHEET).content("C4"), fake.sheet(PROVINCE_SHEET).content("F4")]).toEqual(["Lạng Giang", "Thử Nghiệm"]);
  });

  it("lists a refused file and a district's second file with their reasons in the pane's language", () => {
    const districts = [
      { name: "hong", file: "hong.xlsx", reason: { code: "not-xlsx" } as const },
      { name: "Lạng Giang", file: "lg-2.xlsx", reason: { code: "duplicate-district", params: { district: "Lạng Giang", earlierFile: "lg.xlsx" } } as const, duplicate: true as const },
    ];
    expect(districtLines(districts, "en")).toEqual([
      "hong (hong.xlsx): could not be read — not an .xlsx file (not in Excel's format)",
      "Lạng Giang (lg-2.xlsx): not counted — a second file for Lạng Giang (the first is lg.xlsx); only the first is counted, never both",
    ]);
    expect(districtLines(districts, "vi")[1]).toBe("Lạng Giang (lg-2.xlsx): không tính — tệp thứ hai của Lạng Giang (tệp đầu là lg.xlsx); chỉ tính tệp đầu, không cộng hai lần");
  });

  it("creates the template in an empty workbook, and refuses a workbook that holds figures", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    renderPane(fake);
    await openProvinceTools();
    await userEvent.click(screen.getByRole("button", { name: "Tạo mẫu" }));
    expect(await screen.findByText("Đã tạo mẫu cho huyện Lạng Giang: 7 sheet.")).toBeTruthy();
    expect(fake.sheet("Trưởng thôn").content("B5")).toBe("Vôi");

    fake.sheet("Trưởng thôn").seed("C5", 12);
    await userEvent.click(screen.getByRole("button", { name: "Tạo mẫu" }));
    expect(await screen.findByText(/^Workbook này đã có sheet “Tổ chức đảng”, .*“Chỉ tiêu” có dữ liệu, nên không tạo mẫu vào đây/)).toBeTruthy();
    expect(fake.sheet("Trưởng thôn").content("C5")).toBe(12);
  });

  it("uses a picked district profile for the template", async () => {
    const fake = new FakeExcel();
    renderPane(fake);
    await openProvinceTools();
    await userEvent.upload(screen.getByLabelText("Hồ sơ huyện khác (.json, không bắt buộc)"), file("thu-nghiem.profile.json", readFileSync(THU_NGHIEM_PROFILE)));
    await userEvent.click(screen.getByRole("button", { name: "Tạo mẫu" }));
    expect(await screen.findByText("Đã tạo mẫu cho huyện Thử Nghiệm: 7 sheet.")).toBeTruthy();
  });

  it("says so when the picked profile is not one, and writes nothing", async () => {
    const fake = new FakeExcel();
    renderPane(fake);
    await openProvinceTools();
    await userEvent.upload(screen.getByLabelText("Hồ sơ huyện khác (.json, không bắt buộc)"), file("ho-so.json", JSON.stringify({ ...JSON.parse(readFileSync(THU_NGHIEM_PROFILE, "utf8")), district: 5 })));
    await userEvent.click(screen.getByRole("button", { name: "Tạo mẫu" }));
    expect(await screen.findByText("ho-so.json: tại district: Đầu vào không hợp lệ: mong đợi string, nhận được số")).toBeTruthy();
    expect(fake.sheets).toEqual([]);
  });
});
