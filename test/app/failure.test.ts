import { describeFailure, type FailedAction, ToolRefusal } from "../../src/app/failure";
import "../../src/app/failure-en";
import { HostFailure } from "../../src/core/host-failure";
import { OfficeHostError } from "../../src/hosts/office/host-error";
import { openXlsxHost } from "../../src/hosts/xlsx/read-bytes";
import { XlsxHost } from "../../src/hosts/xlsx/xlsx-host";

const protectedWrite = new OfficeHostError("write", "nothing", "AccessDenied", "The sheet is protected.");
const readFailure = new OfficeHostError("read", "nothing", "InvalidOperationInCellEditMode", "Edit mode");

describe("describeFailure names the action that failed", () => {
  const cases: [FailedAction, string, string][] = [
    ["targets", "Không lưu được chỉ tiêu kế hoạch", "Could not save the targets"],
    ["template", "Không tạo được mẫu", "Could not create the template"],
    ["consolidate", "Không tổng hợp được", "Could not consolidate"],
    ["convert", "Không chuyển được bảng mã cũ sang Unicode", "Could not convert the legacy encoding to Unicode"],
    ["mapping", "Không ghi nhớ được cột đã chọn", "Could not remember the chosen column"],
    ["download", "Không tạo được tệp để tải về", "Could not prepare the file to download"],
  ];

  it.each(cases)("says a host failure of %s in Vietnamese and in English", (action, vi, en) => {
    expect(describeFailure(protectedWrite, action, "vi")).toBe(
      `${vi} (lỗi khi ghi vào workbook): sheet hoặc workbook đang được bảo vệ, hoặc workbook chỉ cho đọc. Chưa có ô nào bị thay đổi.`,
    );
    expect(describeFailure(protectedWrite, action, "en")).toBe(
      `${en} (while writing to the workbook): a sheet or the workbook is protected, or the workbook is read-only. No cell was changed.`,
    );
  });

  it.each(cases)("says any other error of %s after the action's name", (action, vi, en) => {
    expect(describeFailure(new Error("hết bộ nhớ"), action, "vi")).toBe(`${vi}: hết bộ nhớ`);
    expect(describeFailure(new Error("out of memory"), action, "en")).toBe(`${en}: out of memory`);
  });

  it("never says a failed save of the targets is a failed recalculation", () => {
    for (const language of ["vi", "en"] as const) {
      expect(describeFailure(protectedWrite, "targets", language)).not.toMatch(/Tính lại|tính lại|recalculat/);
      expect(describeFailure(new Error("x"), "targets", language)).not.toMatch(/Tính lại|tính lại|recalculat/);
    }
  });

  it("heads a recalculation's and a check's failure with what the host was doing, as the ribbon has always said it", () => {
    expect(describeFailure(readFailure, "validate", "vi")).toBe("Không đọc được workbook: Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi bấm lại. Chưa ghi gì vào workbook.");
    expect(describeFailure(readFailure, "recalculate", "en")).toBe("Could not read the workbook: Excel is editing a cell: press Enter or Esc and try again. Nothing was written to the workbook.");
    expect(describeFailure(new Error("boom"), "recalculate", "vi")).toBe("Không tính lại được chỉ tiêu: boom");
    expect(describeFailure(new Error("boom"), "validate", "en")).toBe("Could not check the workbook: boom");
  });

  it("names a file that could not be opened, with the reason in the person's language and nothing about writing", () => {
    const bad = new HostFailure({ stage: "read", kind: "notAWorkbook", detail: "không phải tệp .xlsx (không đúng định dạng Excel)", reason: { code: "not-xlsx" }, where: { file: "ghi-chu.xlsx" } });
    expect(describeFailure(bad, "open", "vi")).toBe("Không mở được “ghi-chu.xlsx”: không phải tệp .xlsx (không đúng định dạng Excel).");
    expect(describeFailure(bad, "open", "en")).toBe("Could not open “ghi-chu.xlsx”: not an .xlsx file (not in Excel's format).");
  });

  it("says where a host failure happened when the host knows, and a kind the Office host mapped from Excel's code", () => {
    const missing = new HostFailure({ stage: "write", kind: "notFound", detail: "Sheet “Chỉ tiêu” không tồn tại khi ghi.", where: { sheet: "Chỉ tiêu" } });
    expect(describeFailure(missing, "targets", "vi")).toBe(
      "Không lưu được chỉ tiêu kế hoạch (lỗi khi ghi vào workbook): không tìm thấy một sheet hoặc vùng ô (có thể sheet vừa bị đổi tên hoặc xóa) (sheet “Chỉ tiêu”). Chưa có ô nào bị thay đổi.",
    );
    expect(new OfficeHostError("write", "nothing", "ApiNotFound", "x").kind).toBe("notSupported");
    expect(new OfficeHostError("write", "nothing", "GeneralException", "x").kind).toBe("unknown");
  });

  it("passes a refusal on as it is worded, whatever the action and language", () => {
    const refusal = new ToolRefusal("Workbook này đã có sheet “Tổng hợp chỉ tiêu” có dữ liệu.");
    expect(describeFailure(refusal, "template", "en")).toBe(refusal.message);
  });
});

describe("the .xlsx host's failures are the core's HostFailure", () => {
  it("says a write to a sheet that is not there, naming the sheet", async () => {
    const host = new XlsxHost();
    const error = await host.apply({ ops: [{ op: "setCells", sheet: "Chỉ tiêu", anchor: "A1", cells: [[{ kind: "number", value: 1 }]] }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostFailure);
    expect(error).toMatchObject({ stage: "write", kind: "notFound", where: { sheet: "Chỉ tiêu" } });
    expect(describeFailure(error, "targets", "en")).toMatch(/^Could not save the targets \(while writing to the workbook\): a sheet or range was not found .* \(sheet “Chỉ tiêu”\)\./);
  });

  it("refuses bytes that are not a workbook, naming the file", async () => {
    const error = await openXlsxHost(new TextEncoder().encode("Tên,Số\nVôi,1\n"), "so-lieu.xlsx").catch((e: unknown) => e);
    expect(error).toMatchObject({ stage: "read", kind: "notAWorkbook", where: { file: "so-lieu.xlsx" } });
    expect(describeFailure(error, "open", "vi")).toBe("Không mở được “so-lieu.xlsx”: đây là tệp văn bản (CSV), không phải .xlsx; hãy mở trong Excel và lưu thành .xlsx.");
    expect(describeFailure(error, "open", "en")).toBe("Could not open “so-lieu.xlsx”: this is a text file (CSV), not an .xlsx; open it in Excel and save it as .xlsx.");
  });
});
