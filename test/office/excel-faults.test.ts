import fc from "fast-check";
import { recalculateWorkbook } from "../../src/app/use-cases";
import { OfficeHost } from "../../src/hosts/office/office-host";
import { OfficeHostError } from "../../src/hosts/office/host-error";
import { districtArbitrary, districtWorkbook } from "../helpers/district";
import { NOW } from "../helpers/grid";
import { fakeFromWorkbook } from "./from-exceljs";

const [district] = fc.sample(districtArbitrary, { numRuns: 1, seed: 3 });

/** Excel refuses the first write sync (the third: adding the sheets) with `code` before it applies anything. */
async function recalcFailingWith(code: string, message: string) {
  const fake = fakeFromWorkbook(districtWorkbook(district));
  fake.failSync(3, code, message, 0);
  const error = (await recalculateWorkbook(new OfficeHost({ runtime: fake.runtime() }), { now: NOW }).catch((e: unknown) => e)) as OfficeHostError;
  return { fake, error };
}

describe("Excel refusing the write", () => {
  it.each([
    ["a protected sheet", "AccessDenied", "The cell you're trying to change is on a protected sheet.", /sheet hoặc workbook đang được bảo vệ/],
    ["the workbook in cell-edit mode", "InvalidOperationInCellEditMode", "Excel is in cell-editing mode.", /chế độ sửa ô: nhấn Enter hoặc Esc rồi bấm lại/],
    ["a sheet deleted between read and write", "ItemNotFound", "The requested resource doesn't exist.", /không tìm thấy một sheet hoặc vùng ô/],
    ["a workbook that lost the focus to another", "InactiveWorkbook", "The workbook is inactive.", /hãy bấm vào workbook này rồi bấm lại/],
    ["a sheet protected with a password", "BadPassword", "The password is incorrect.", /bảo vệ bằng mật khẩu/],
    ["too many cells at once", "OperationCellsExceedLimit", "The operation exceeds the cell limit.", /quá nhiều ô/],
    ["an operation Excel refuses now", "InvalidOperation", "The operation is not valid.", /Excel không cho phép thao tác này lúc này/],
  ])("with %s says so in Vietnamese, and that nothing was written", async (_name, code, message, explanation) => {
    const { fake, error } = await recalcFailingWith(code, message);
    expect(error).toBeInstanceOf(OfficeHostError);
    expect(error.message).toMatch(explanation);
    expect(error.message).toContain("Chưa có ô nào bị thay đổi");
    expect(error.written).toBe("nothing");
    expect(fake.find("Tổng hợp chỉ tiêu")).toBeUndefined();
  });
});
