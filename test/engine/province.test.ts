import { readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { analyse } from "../../src/core/analyse";
import { isReadable, provinceIndicators, type District } from "../../src/core/consolidate/province";
import { LISTS_SHEET } from "../../src/core/template/template-plan";
import { loadWorkbook, saveWorkbook, snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import { fillTemplate as fill } from "../helpers/fill";
import { NOW } from "../helpers/grid";
import { blankTemplate, definitions, langGiang, langGiangRows, ROOT, roundTrip, THU_NGHIEM_PROFILE, THU_NGHIEM_ROWS, thuNghiem } from "../helpers/thu-nghiem";

describe("the blank template", () => {
  it("lays out every input sheet with the profile's units, drop-downs, whole-number checks, and locked headers", async () => {
    const workbook = await roundTrip(blankTemplate(langGiang));
    const s4 = workbook.getWorksheet("Trưởng thôn")!;
    expect([s4.getCell("A4").value, s4.getCell("B4").value, s4.getCell("C4").value, s4.getCell("D4").value]).toEqual(["STT", "Xã, thị trấn", "Số thôn, tổ dân phố", "Số trưởng thôn là đảng viên"]);
    expect([s4.getCell("B5").value, s4.getCell("B27").value, s4.getCell("B28").value]).toEqual(["Vôi", "Yên Mỹ", "Tổng cộng"]);
    expect(s4.getCell("C5").dataValidation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [1] });
    expect(s4.getCell("B5").dataValidation).toMatchObject({ type: "list", formulae: [`'${LISTS_SHEET}'!$A$2:$A$24`] });
    expect(workbook.getWorksheet("Tổ chức đảng")!.getCell("C5").dataValidation).toMatchObject({ type: "list" });
    expect(s4.getCell("C5").protection).toMatchObject({ locked: false });
    expect(s4.getCell("C4").protection?.locked).not.toBe(false);
    expect((s4 as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    const targets = workbook.getWorksheet("Chỉ tiêu")!;
    const c5 = 5 + definitions.indicators.findIndex((i) => i.id === "C5");
    expect([targets.getCell(`A${c5}`).value, targets.getCell(`C${c5}`).value, targets.getCell(`D${c5}`).value]).toEqual(["C5", 0.53, 0.75]);
  });

  it("filled in by hand and recalculated gives no finding and the article's figures", async () => {
    const workbook = await roundTrip(blankTemplate(langGiang));
    fill(workbook, langGiangRows());
    const analysis = analyse(snapshotOf(await roundTrip(workbook)), definitions, langGiang, { now: NOW, version: "test" });
    expect(analysis.findings).toEqual([]);
    const c5 = analysis.indicators.find((i) => i.id === "C5")!;
    expect([c5.numerator, c5.denominator]).toEqual([187, 284]);
  });
});

describe("a second district is data only", () => {
  it("goes template → fill → recalculate → consolidate with Lạng Giang, and the province's C5 comes from numerators and denominators", async () => {
    const workbook = await roundTrip(blankTemplate(thuNghiem));
    fill(workbook, THU_NGHIEM_ROWS);
    const analysis = analyse(snapshotOf(await roundTrip(workbook)), definitions, thuNghiem, { now: NOW, version: "test" });
    expect(analysis.findings).toEqual([]);
    const tnC5 = analysis.indicators.find((i) => i.id === "C5")!;
    // 7 + 8 + 6 + 6 + 5 = 32 heads in 8 + 10 + 9 + 7 + 11 = 45 villages.
    expect([tnC5.numerator, tnC5.denominator, tnC5.target]).toEqual([32, 45, 0.8]);

    const lg = analyse(snapshotOf(await loadWorkbook(readFileSync(path.join(ROOT, "seeds/lang-giang.xlsx")))), definitions, langGiang, { now: NOW, version: "test" });
    const districts: District[] = [
      { name: "Lạng Giang", file: "lang-giang.xlsx", counts: lg.counts, indicators: lg.indicators },
      { name: "Thử Nghiệm", file: "thu-nghiem.xlsx", counts: analysis.counts, indicators: analysis.indicators },
      { name: "hong", file: "hong.xlsx", reason: { code: "not-xlsx" } },
    ];
    const province = Object.fromEntries(provinceIndicators(definitions, districts).map((i) => [i.id, i]));
    // (187 + 32) / (284 + 45) = 219 / 329, not the average of 65.8% and 71.1%.
    expect([province.C5.numerator, province.C5.denominator]).toEqual([219, 329]);
    expect(province.C5.actual).toBe(219 / 329);
    expect(province.C5.target).toBeNull(); // 75% and 80%: no single provincial target
    // 895 + (22 + 14 + 16 + 12 + 15 + 9 + 2) = 895 + 90 admitted; targets 800 + 100.
    expect([province.C1.actual, province.C1.target, province.C1.status]).toEqual([985, 900, "exceeded"]);
    expect(districts.filter(isReadable)).toHaveLength(2);
  });

  it("runs from the command line, lists an unreadable district with its reason, and exits 1", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "de-an-02-province-"));
    const workbook = await roundTrip(blankTemplate(thuNghiem));
    fill(workbook, THU_NGHIEM_ROWS);
    const tn = path.join(dir, "thu-nghiem.xlsx");
    writeFileSync(tn, await saveWorkbook(workbook));
    const broken = path.join(dir, "hong.xlsx");
    writeFileSync(broken, "không phải excel");
    const out = path.join(dir, "tinh.xlsx");
    const report = path.join(dir, "tinh.json");
    const profiles = [path.join(ROOT, "seeds/lang-giang.profile.json"), THU_NGHIEM_PROFILE].join(",");
    const run = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "src/cli/main.ts"), "consolidate", path.join(ROOT, "seeds/lang-giang.xlsx"), tn, broken, "--out", out, "--report", report, "--profiles", profiles], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("hong (hong.xlsx): KHÔNG ĐỌC ĐƯỢC");
    const json = JSON.parse(readFileSync(report, "utf8"));
    expect(json.districts.map((d: { name: string }) => d.name)).toEqual(["Lạng Giang", "Thử Nghiệm", "hong"]);
    expect(json.districts[0].counts).toEqual({ error: 0, warning: 0, info: 0 });
    const c5 = json.province.indicators.find((i: { id: string }) => i.id === "C5");
    expect([c5.numerator, c5.denominator]).toEqual([219, 329]);
    const sheet = (await loadWorkbook(readFileSync(out))).getWorksheet("Tổng hợp toàn tỉnh")!;
    expect([sheet.getCell("C4").value, sheet.getCell("F4").value, sheet.getCell("I4").value]).toEqual(["Lạng Giang", "Thử Nghiệm", "Toàn tỉnh"]);
  });
});
