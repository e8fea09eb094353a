import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadDefinitions, loadProfile } from "../../src/core/definitions/load";
import type { Profile } from "../../src/core/definitions/schema";
import { templatePlan } from "../../src/core/template/template-plan";
import { applyPlan, loadWorkbook, saveWorkbook } from "../../src/hosts/xlsx/xlsx-host";
import sample from "../../seeds/lang-giang.sample.json";
import { fillTemplate } from "./fill";

/*
 * The made-up district "Thử Nghiệm" (test/fixtures/thu-nghiem.profile.json) beside Lạng Giang: profiles
 * loaded through the schema, blank templates, and the figures a person would type into them.
 */

export const ROOT = path.resolve(__dirname, "../..");
const defsResult = loadDefinitions(readFileSync(path.join(ROOT, "seeds/de-an-02.definitions.json"), "utf8"), "defs");
if (!defsResult.ok) throw new Error(defsResult.errors.join());
export const definitions = defsResult.value;
export const THU_NGHIEM_PROFILE = path.join(ROOT, "test/fixtures/thu-nghiem.profile.json");
const profileOf = (file: string): Profile => {
  const p = loadProfile(readFileSync(file, "utf8"), file, definitions);
  if (!p.ok) throw new Error(p.errors.join());
  return p.value;
};
export const langGiang = profileOf(path.join(ROOT, "seeds/lang-giang.profile.json"));
export const thuNghiem = profileOf(THU_NGHIEM_PROFILE);

export function blankTemplate(profile: Profile): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  applyPlan(workbook, { ops: templatePlan(definitions, profile, "test") });
  return workbook;
}

export async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await saveWorkbook(workbook));
}

/** The made-up district's figures, typed by hand: five communes, two other organisations. */
export const THU_NGHIEM_ROWS = {
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

export function langGiangRows() {
  return {
    "Tổ chức đảng": Object.fromEntries(sample.S1.map((r) => [r.unit, [undefined, r.branches, r.combined, r.members, r.attending, r.rating]])),
    "Doanh nghiệp": Object.fromEntries(sample.S2.map((r) => [r.kind, [r.founded]])),
    "Phát triển đảng viên": Object.fromEntries(sample.S3.map((r) => [r.unit, [r.quota, r.admitted, r.rural, r.village_heads]])),
    "Trưởng thôn": Object.fromEntries(sample.S4.map((r) => [r.unit, [r.villages, r.heads_members]])),
    "Cán bộ cơ sở": Object.fromEntries(sample.S5.map((r) => [r.unit, [r.staff, r.staff_qualified, r.staff_college, r.key_staff, r.key_qualified, r.key_university, r.key_political]])),
    "Cấp ủy": Object.fromEntries(sample.S6.map((r) => [r.unit, [r.committee, r.women, r.young, r.newcomers]])),
  };
}

/** Thử Nghiệm's template, filled in by hand and saved. */
export async function filledThuNghiem(): Promise<ExcelJS.Workbook> {
  const workbook = await roundTrip(blankTemplate(thuNghiem));
  fillTemplate(workbook, THU_NGHIEM_ROWS);
  return roundTrip(workbook);
}
