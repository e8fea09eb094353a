import fc from "fast-check";
import { tinhLaiChiTieu, type CommandDeps } from "../../src/commands/recalculate-command";
import type { RunMessage } from "../../src/commands/run-channel";
import { OfficeHost } from "../../src/hosts/office/office-host";
import { districtArbitrary, districtWorkbook } from "../helpers/district";
import { NOW } from "../helpers/grid";
import { type FakeExcel } from "./fake-excel";
import { fakeFromWorkbook } from "./from-exceljs";

function district(): FakeExcel {
  const [d] = fc.sample(districtArbitrary, { numRuns: 1, seed: 3 });
  return fakeFromWorkbook(districtWorkbook(d));
}

function deps(fake: FakeExcel, showTaskpane: () => Promise<void> = async () => {}) {
  const published: RunMessage[] = [];
  const shown: number[] = [];
  const d: CommandDeps = {
    createHost: () => new OfficeHost({ runtime: fake.runtime() }),
    publish: (m) => published.push(m),
    showTaskpane: async () => {
      shown.push(1);
      await showTaskpane();
    },
    now: () => NOW,
  };
  return { d, published, shown };
}

describe("the ribbon's Tính lại chỉ tiêu", () => {
  it("recalculates, shows the summary sheet, opens the pane on the counts and completes the event once", async () => {
    const fake = district();
    const { d, published, shown } = deps(fake);
    const completed = jest.fn();
    await tinhLaiChiTieu({ completed }, d);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(published).toEqual([{ kind: "done", source: "ribbon", at: NOW.toISOString(), counts: expect.any(Object), summarySheet: "Tổng hợp chỉ tiêu" }]);
    expect(shown).toEqual([1]);
    expect(fake.find("Tổng hợp chỉ tiêu")).toBeDefined();
    expect(fake.activeSheet).toBe("Tổng hợp chỉ tiêu");
    expect(fake.selection).toEqual({ sheet: "Tổng hợp chỉ tiêu", address: "A1" });
  });

  it("completes the event without waiting for a pane that never opens (no shared runtime)", async () => {
    const fake = district();
    const { d } = deps(fake, () => new Promise<void>(() => {}));
    const completed = jest.fn();
    await tinhLaiChiTieu({ completed }, d);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("completes the event and tells the pane when Excel never answers a sync (Excel on the web)", async () => {
    const fake = district();
    fake.hangs.add(3);
    const { d, published } = deps(fake);
    const completed = jest.fn();
    await tinhLaiChiTieu({ completed }, { ...d, createHost: () => new OfficeHost({ runtime: fake.runtime(), timeoutMs: 1000 }) });
    expect(completed).toHaveBeenCalledTimes(1);
    const message = (published[0] as Extract<RunMessage, { kind: "failed" }>).message;
    expect(message).toMatch(/^Không ghi được kết quả vào workbook: Excel không trả lời sau 1 giây\. Không biết Excel đã ghi đến đâu/);
    // Nothing is claimed about the workbook: neither "no cell changed" nor a count of steps.
    expect(message).not.toMatch(/Chưa có ô nào|bước trước khi dừng/);
  });

  it("completes the event when Excel fails, with the failure in Vietnamese for the task pane", async () => {
    const fake = district();
    fake.failSync(3, "AccessDenied", "denied", 1);
    const { d, published, shown } = deps(fake);
    const completed = jest.fn();
    await tinhLaiChiTieu({ completed }, d);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ kind: "failed", source: "ribbon" });
    expect((published[0] as Extract<RunMessage, { kind: "failed" }>).message).toBe(
      "Không ghi được kết quả vào workbook: sheet hoặc workbook đang được bảo vệ, hoặc workbook chỉ cho đọc. Chưa có ô nào bị thay đổi.",
    );
    expect(shown).toEqual([1]);
  });

  it("completes the event even when the task pane cannot be shown and publishing throws", async () => {
    const fake = district();
    fake.failSync(1, "GeneralException", "boom");
    const { d } = deps(fake, async () => {
      throw new Error("no shared runtime");
    });
    const completed = jest.fn();
    await tinhLaiChiTieu({ completed }, { ...d, publish: () => { throw new Error("storage off"); } });
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
