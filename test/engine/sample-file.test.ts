import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSampleWorkbook } from "../../scripts/build-sample";
import { loadWorkbook, saveWorkbook, snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import data from "../../seeds/lang-giang.sample.json";

describe("the sample workbook file", () => {
  it("is what the build script makes from the data, so the two cannot drift apart", async () => {
    const committed = snapshotOf(await loadWorkbook(readFileSync(path.resolve(__dirname, "../../seeds/lang-giang.xlsx"))));
    const fresh = snapshotOf(await loadWorkbook(await saveWorkbook(await buildSampleWorkbook())));
    expect(committed).toEqual(fresh);
  });

  it("keeps every commune row within its own limits", () => {
    for (const r of data.S4) expect(r.heads_members).toBeLessThanOrEqual(r.villages);
    for (const r of data.S5) {
      for (const v of [r.staff_qualified, r.staff_college, r.key_staff]) expect(v).toBeLessThanOrEqual(r.staff);
      for (const v of [r.key_qualified, r.key_university, r.key_political]) expect(v).toBeLessThanOrEqual(r.key_staff);
    }
    for (const r of data.S6) for (const v of [r.women, r.young, r.newcomers]) expect(v).toBeLessThanOrEqual(r.committee);
    for (const r of data.S3) expect(Math.max(r.rural, r.village_heads)).toBeLessThanOrEqual(r.admitted);
  });

  it("says which figures are the article's", async () => {
    const notes = (await buildSampleWorkbook()).getWorksheet("Ghi chú")!;
    const text: string[] = [];
    notes.eachRow((row) => text.push(String(row.getCell(1).value)));
    expect(text.join("\n")).toContain("Số liệu lấy từ bài báo");
    expect(text.join("\n")).toContain("Nghĩa Hưng 8/8, Quang Thịnh 11/13");
    expect(text.join("\n")).toContain("Số liệu minh họa");
  });
});
