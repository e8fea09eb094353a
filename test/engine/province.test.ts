import ExcelJS from "exceljs";
import { readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadDefinitions, loadProfile } from "../../src/core/definitions/load";
import type { Profile } from "../../src/core/definitions/schema";
import { analyse } from "../../src/core/engine/analyse";
import { isReadable, provinceIndicators, type District } from "../../src/core/consolidate/province";
import { templatePlan, LISTS_SHEET } from "../../src/core/template/template-plan";
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import sample from "../../seeds/lang-giang.sample.json";
import { fillTemplate } from "../helpers/fill";
import { NOW } from "../helpers/grid";

const ROOT = path.resolve(__dirname, "../..");
const defsResult = loadDefinitions(readFileSync(path.join(ROOT, "seeds/de-an-02.definitions.json"), "utf8"), "defs");
if (!defsResult.ok) throw new Error(defsResult.errors.join());
const definitions = defsResult.value;
const profileOf = (file: string): Profile => {
  const p = loadProfile(readFileSync(file, "utf8"), file, definitions);
  if (!p.ok) throw new Error(p.errors.join());
  return p.value;
};
const langGiang = profileOf(path.join(ROOT, "seeds/lang-giang.profile.json"));
const thuNghiem = profileOf(path.join(__dirname, "../fixtures/thu-nghiem.profile.json"));

function blankTemplate(profile: Profile): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  applyPlan(workbook, { ops: templatePlan(definitions, profile, "test") });
  return workbook;
}

/** The made-up district's figures, typed by hand: five communes, two other organisations. */
const THU_NGHIEM_ROWS = {
  "Tổ chức đảng": {
    "Trung Tâm": [undefined, 12, 0, 300, 280, "Trong sạch vững mạnh"],
    "Đông Phong": [undefined, 10, 1, 250, 220, "Hoàn thành tốt nhiệm vụ"],
    "Tây Sơn": [undefined, 9, 0, 200, 190, "Trong sạch vững mạnh"],
    "Nam Hà": [undefined, 8, 0, 180, 170, "Trong sạch vững mạnh"],
    "Bắc Lý": [undefined, 11, 0, 210, 190, "Hoàn thành nhiệm vụ"],
    "Đảng bộ cơ quan huyện": [undefined, 6, 0, 120, 115, "Trong sạch vững mạnh"],
    "Chi bộ Trường THPT Thử Nghiệm": [undefined, 0, 0, 25, 24, "Trong sạch vững mạnh"],
  },
  "Doanh nghiệp": { "Chi bộ đảng": [1], "Công đoàn": [4], "Hội phụ nữ": [1], "Đoàn thanh niên": [2] },
  "Phát triển đảng viên": {
    "Trung Tâm": [20, 22, 10, 2], "Đông Phong": [15, 14, 12, 1], "Tây Sơn": [15, 16, 14, 2], "Nam Hà": [12, 12, 11, 1], "Bắc Lý": [13, 15, 13, 2],
    "Đảng bộ cơ quan huyện": [10, 9, 0, 0], "Chi bộ Trường THPT Thử Nghiệm": [3, 2, 0, 0],
  },
  "Trưởng thôn": { "Trung Tâm": [8, 7], "Đông Phong": [10, 8], "Tây Sơn": [9, 6], "Nam Hà": [7, 6], "Bắc Lý": [11, 5] },
  "Cán bộ cơ sở": { "Trung Tâm": [22, 22, 15, 6, 6, 4, 6], "Đông Phong": [21, 20, 10, 6, 6, 3, 6], "Tây Sơn": [21, 21, 9, 6, 6, 3, 6], "Nam Hà": [20, 19, 8, 6, 6, 4, 6], "Bắc Lý": [21, 21, 11, 6, 6, 3, 6] },
  "Cấp ủy": { "Trung Tâm": [13, 3, 3, 4], "Đông Phong": [13, 2, 3, 5], "Tây Sơn": [13, 3, 2, 4], "Nam Hà": [13, 3, 3, 5], "Bắc Lý": [13, 2, 3, 4] },
};

const fill = fillTemplate;

function langGiangRows() {
  return {
    "Tổ chức đảng": Object.fromEntries(sample.S1.map((r) => [r.unit, [undefined, r.branches, r.combined, r.members, r.attending, r.rating]])),
    "Doanh nghiệp": Object.fromEntries(sample.S2.map((r) => [r.kind, [r.founded]])),
    "Phát triển đảng viên": Object.fromEntries(sample.S3.map((r) => [r.unit, [r.quota, r.admitted, r.rural, r.village_heads]])),
    "Trưởng thôn": Object.fromEntries(sample.S4.map((r) => [r.unit, [r.villages, r.heads_members]])),
    "Cán bộ cơ sở": Object.fromEntries(sample.S5.map((r) => [r.unit, [r.staff, r.staff_qualified, r.staff_college, r.key_staff, r.key_qualified, r.key_university, r.key_political]])),
    "Cấp ủy": Object.fromEntries(sample.S6.map((r) => [r.unit, [r.committee, r.women, r.young, r.newcomers]])),
  };
}

async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await saveWorkbook(workbook));
}

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
      { name: "hong", file: "hong.xlsx", reason: "không phải tệp .xlsx" },
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
    const profiles = [path.join(ROOT, "seeds/lang-giang.profile.json"), path.join(__dirname, "../fixtures/thu-nghiem.profile.json")].join(",");
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
