import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { consolidateIntoWorkbook } from "../../src/app/workbook-tools";
import { analyse } from "../../src/core/analyse";
import { loadProfile } from "../../src/core/definitions/load";
import { FORMER_DISTRICT_LEVELS, type Profile } from "../../src/core/definitions/schema";
import { isReadable } from "../../src/core/consolidate/province";
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf, XlsxHost } from "../../src/hosts/xlsx/xlsx-host";
import { WEB_STRINGS } from "../../src/preview/web-strings";
import { STRINGS, withLevels } from "../../src/taskpane/strings";
import { fillTemplate } from "../helpers/fill";
import { NOW } from "../helpers/grid";
import { blankTemplate, definitions, ROOT, roundTrip, THU_NGHIEM_ROWS } from "../helpers/thu-nghiem";

/*
 * Two made-up wards ("phường") of a made-up region ("vùng Kinh Bắc"), as a former district's workbooks would be
 * kept after July 2025: the level words come from their profiles, so nothing written may say huyện or tỉnh.
 */

function profileOf(file: string): Profile {
  const loaded = loadProfile(readFileSync(path.join(ROOT, file), "utf8"), file, definitions);
  if (!loaded.ok) throw new Error(loaded.errors.join());
  return loaded.value;
}
const tienPhong = profileOf("test/fixtures/tien-phong.profile.json");
const dongNgan = profileOf("test/fixtures/dong-ngan.profile.json");

type Rows = Record<string, Record<string, (number | string | undefined)[]>>;

/** Thử Nghiệm's figures under a ward's names: its communes in the same order, its own office and school. */
function rowsOf(profile: Profile): Rows {
  const names = new Map<string, string>([
    ...["Trung Tâm", "Đông Phong", "Tây Sơn", "Nam Hà", "Bắc Lý"].map((name, i): [string, string] => [name, profile.communes[i].name]),
    ["Đảng bộ cơ quan huyện", profile.organisations[0].name],
    ["Chi bộ Trường THPT Thử Nghiệm", profile.organisations[1].name],
  ]);
  return Object.fromEntries(Object.entries(THU_NGHIEM_ROWS).map(([sheet, byUnit]) => [sheet, Object.fromEntries(Object.entries(byUnit).map(([unit, values]) => [names.get(unit) ?? unit, values]))]));
}

/** Đông Ngàn's village heads differ from Tiền Phong's: 30 party members heading 40 villages. */
const DONG_NGAN_ROWS = { ...rowsOf(dongNgan), "Trưởng thôn": { "Hòa Bình": [6, 5], "Đồng Xuân": [9, 7], "Phù Chẩn": [12, 9], "Tân Hồng": [5, 5], "Trang Hạ": [8, 4] } };

async function filledIn(profile: Profile, rows: Rows): Promise<ExcelJS.Workbook> {
  const workbook = await roundTrip(blankTemplate(profile));
  fillTemplate(workbook, rows);
  return roundTrip(workbook);
}

function cellTexts(cell: ExcelJS.Cell): string[] {
  const value = cell.value;
  const texts = [cell.dataValidation?.error, cell.formula].filter((t): t is string => typeof t === "string");
  if (typeof value === "string") texts.push(value);
  else if (value && typeof value === "object" && "richText" in value) texts.push(value.richText.map((r) => r.text).join(""));
  else if (value && typeof value === "object" && "result" in value && typeof value.result === "string") texts.push(value.result);
  return texts;
}

/**
 * Every text written into a workbook: sheet names, cell texts, formulas and validation messages. The catalogue's
 * title is taken out first: it is the Đề án's own name ("Đề án 02 của Tỉnh ủy Bắc Giang …"), not a level word.
 */
function writtenTexts(workbook: ExcelJS.Workbook): string[] {
  const texts: string[] = [];
  workbook.eachSheet((ws) => {
    texts.push(ws.name);
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => texts.push(...cellTexts(cell))));
  });
  return texts.map((t) => t.split(definitions.title).join(""));
}

const FORMER_LEVEL_WORDS = /huyện|tỉnh/i;

describe("a profile whose levels are a ward, its communes and a region", () => {
  it("reads an older profile without levels as a former district's", () => {
    const { levels, ...older } = JSON.parse(readFileSync(path.join(ROOT, "test/fixtures/tien-phong.profile.json"), "utf8"));
    expect(levels.unit).toEqual({ vi: "phường", en: "ward" });
    const loaded = loadProfile(JSON.stringify(older), "older.json", definitions);
    expect(loaded.ok && loaded.value.levels).toEqual(FORMER_DISTRICT_LEVELS);
  });

  it("writes a template that speaks of the ward and its communes, and never of huyện or tỉnh", async () => {
    const workbook = await roundTrip(blankTemplate(tienPhong));
    const s4 = workbook.getWorksheet("Trưởng thôn")!;
    expect([s4.getCell("A1").value, s4.getCell("B5").value, s4.getCell("B10").value]).toEqual(["ĐẢNG ỦY PHƯỜNG TIỀN PHONG", "Trung Tâm", "Tổng cộng"]);
    expect(s4.getCell("B5").dataValidation.error).toBe("Chọn xã, thị trấn trực thuộc trong danh sách của phường.");
    const texts = writtenTexts(workbook);
    expect(texts).toContain("Đảng bộ cơ quan phường");
    expect(texts.filter((t) => FORMER_LEVEL_WORDS.test(t))).toEqual([]);
  });

  it("recalculates a filled-in template whose totals rows say “Toàn phường”, with its figures and no former level word", async () => {
    const workbook = await filledIn(tienPhong, rowsOf(tienPhong));
    workbook.getWorksheet("Trưởng thôn")!.getCell("B10").value = "Toàn phường";
    workbook.getWorksheet("Cấp ủy")!.getCell("B10").value = "Toàn phường Tiền Phong";
    const snapshot = snapshotOf(await roundTrip(workbook));
    const analysis = analyse(snapshot, definitions, tienPhong, { now: NOW, version: "test" });
    expect(analysis.findings).toEqual([]);
    const byId = Object.fromEntries(analysis.indicators.map((i) => [i.id, i]));
    // 7 + 8 + 6 + 6 + 5 = 32 heads in 8 + 10 + 9 + 7 + 11 = 45 villages; 22 + 14 + 16 + 12 + 15 + 9 + 2 = 90 admitted.
    expect([byId.C5.numerator, byId.C5.denominator, byId.C5.target]).toEqual([32, 45, 0.8]);
    expect([byId.C1.actual, byId.C1.target]).toEqual([90, 100]);
    // The same rows under a former district's words are units the ward does not have.
    const asDistrict = analyse(snapshot, definitions, { ...tienPhong, levels: FORMER_DISTRICT_LEVELS }, { now: NOW, version: "test" });
    const unknown = asDistrict.findings.filter((f) => f.code === "unknown-unit").map((f) => [f.sheet, f.cell]);
    expect(unknown).toEqual(expect.arrayContaining([["Trưởng thôn", "B10"], ["Cấp ủy", "B10"]]));

    applyPlan(workbook, analysis.plan);
    const texts = writtenTexts(await roundTrip(workbook));
    expect(texts).toContain("Tổng hợp chỉ tiêu");
    expect(texts.filter((t) => FORMER_LEVEL_WORDS.test(t))).toEqual([]);
  });

  it("consolidates two wards into a region's sheet named from the profile, with the region's figures and no former level word", async () => {
    const files = [
      { file: "tien-phong.xlsx", snapshot: snapshotOf(await filledIn(tienPhong, rowsOf(tienPhong))) },
      { file: "dong-ngan.xlsx", snapshot: snapshotOf(await filledIn(dongNgan, DONG_NGAN_ROWS)) },
      { file: "tien-phong-ban-2.xlsx", snapshot: snapshotOf(await filledIn(tienPhong, rowsOf(tienPhong))) },
    ];
    const workbook = new ExcelJS.Workbook();
    const result = await consolidateIntoWorkbook(new XlsxHost(workbook), files, [tienPhong, dongNgan], { now: NOW });
    expect(result.sheet).toBe("Tổng hợp toàn vùng");
    expect(result.districts.filter(isReadable).map((d) => [d.name, d.counts.error])).toEqual([["Tiền Phong", 0], ["Đông Ngàn", 0]]);

    const sheet = (await roundTrip(workbook)).getWorksheet("Tổng hợp toàn vùng")!;
    const at = (address: string) => sheet.getCell(address).value;
    expect(at("A1")).toBe("TỔNG HỢP CHỈ TIÊU ĐỀ ÁN 02 TOÀN VÙNG KINH BẮC");
    expect(String(at("A2"))).toMatch(/^Từ 2 phường: Tiền Phong, Đông Ngàn · tổng hợp lúc /);
    expect([at("C4"), at("F4"), at("I4")]).toEqual(["Tiền Phong", "Đông Ngàn", "Toàn vùng"]);
    const c5 = 6 + definitions.indicators.findIndex((i) => i.id === "C5");
    // (32 + 30) / (45 + 40), recomputed from numerators and denominators.
    expect([at(`I${c5}`), at(`J${c5}`)]).toEqual([62, 85]);
    expect(result.province.find((i) => i.id === "C5")!.actual).toBe(62 / 85);
    const c1 = result.province.find((i) => i.id === "C1")!;
    expect([c1.actual, c1.target]).toEqual([180, 200]);

    const findingsRow = 6 + definitions.indicators.length + 1;
    expect(at(`A${findingsRow}`)).toBe("PHÁT HIỆN KHI KIỂM TRA SỐ LIỆU CÁC PHƯỜNG");
    expect(at(`B${findingsRow + 1}`)).toBe("Phường");
    expect(at(`D${findingsRow + 4}`)).toBe("Không tính: tệp thứ hai của Tiền Phong (tệp đầu là tien-phong.xlsx); chỉ tính tệp đầu, không cộng hai lần");
    expect(writtenTexts(workbook).filter((t) => FORMER_LEVEL_WORDS.test(t))).toEqual([]);
  });

  it("runs template and consolidate from the command line with the wards' profiles, and says what it wrote in their words", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "de-an-02-levels-"));
    const cli = (...args: string[]) => spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "src/cli/main.ts"), ...args], { encoding: "utf8", cwd: ROOT });
    const template = cli("template", "--out", path.join(dir, "mau.xlsx"), "--profile", "test/fixtures/tien-phong.profile.json");
    expect([template.stderr, template.status]).toEqual(["", 0]);
    expect(template.stdout).toBe(`Đã ghi workbook mẫu của phường Tiền Phong: ${path.join(dir, "mau.xlsx")}\n`);

    const [tp, dn] = [path.join(dir, "tien-phong.xlsx"), path.join(dir, "dong-ngan.xlsx")];
    writeFileSync(tp, await saveWorkbook(await filledIn(tienPhong, rowsOf(tienPhong))));
    writeFileSync(dn, await saveWorkbook(await filledIn(dongNgan, DONG_NGAN_ROWS)));
    const out = path.join(dir, "vung.xlsx");
    const run = cli("consolidate", tp, dn, "--out", out, "--profiles", "test/fixtures/tien-phong.profile.json,test/fixtures/dong-ngan.profile.json");
    expect([run.stderr, run.status]).toEqual(["", 0]);
    const written = await loadWorkbook(readFileSync(out));
    const sheet = written.getWorksheet("Tổng hợp toàn vùng")!;
    const c5 = 6 + definitions.indicators.findIndex((i) => i.id === "C5");
    expect([sheet.getCell("I4").value, sheet.getCell(`I${c5}`).value, sheet.getCell(`J${c5}`).value]).toEqual(["Toàn vùng", 62, 85]);
    expect([run.stdout, ...writtenTexts(written)].filter((t) => FORMER_LEVEL_WORDS.test(t))).toEqual([]);
  });

  it("fills the pane's and the web page's texts with the ward's words, in Vietnamese and in English", () => {
    const [pane, web] = [withLevels(STRINGS.vi, tienPhong.levels, "vi"), withLevels(WEB_STRINGS.vi, tienPhong.levels, "vi")];
    const [paneEn, webEn] = [withLevels(STRINGS.en, tienPhong.levels, "en"), withLevels(WEB_STRINGS.en, tienPhong.levels, "en")];
    expect([pane.provinceTools, pane.provinceTitle, pane.pickFiles, pane.templateProfile]).toEqual(["Công cụ cho ban tổ chức vùng", "Tổng hợp toàn vùng", "Tệp của các phường", "Hồ sơ phường khác (.json, không bắt buộc)"]);
    expect([web.provinceTitle, web.districtTitle]).toEqual(["Vùng: tổng hợp workbook của các phường", "Workbook của phường"]);
    expect([paneEn.provinceTitle, paneEn.pickFiles, webEn.provinceTitle, webEn.districtTitle]).toEqual(["Region consolidation", "Ward files", "Region: consolidate the ward workbooks", "Ward workbook"]);
    const [vi, en] = [[...Object.values(pane), ...Object.values(web)], [...Object.values(paneEn), ...Object.values(webEn)]];
    expect(vi.filter((t) => FORMER_LEVEL_WORDS.test(t))).toEqual([]);
    expect(en.filter((t) => /district|province/i.test(t.replace(/\{\w+\}/g, "")))).toEqual([]);
  });
});
