import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { recalculateWorkbook } from "../../src/app/use-cases";
import { describeFailure } from "../../src/app/failure";
import { consolidateIntoWorkbook, convertLegacyText, createTemplate, ToolRefusal } from "../../src/app/workbook-tools";
import { PROVINCE_SHEET } from "../../src/core/consolidate/province-plan";
import { convertEncodingPlan } from "../../src/core/workbook/convert-encoding";
import { MARKER_SHEET, ownedSheets } from "../../src/core/workbook/ownership";
import { LISTS_SHEET, templatePlan } from "../../src/core/template/template-plan";
import { encodeLegacy } from "../../src/core/text/legacy-encoding";
import { OfficeHost } from "../../src/hosts/office/office-host";
import { applyPlan, loadWorkbook, snapshotOf, XlsxHost } from "../../src/hosts/xlsx/xlsx-host";
import { readPickedFiles } from "../../src/taskpane/district-files";
import { VERSION } from "../../src/version";
import { NOW } from "../helpers/grid";
import { legacyCopy, SAMPLE } from "../helpers/legacy";
import { definitions, filledThuNghiem, langGiang, THU_NGHIEM_PROFILE, thuNghiem } from "../helpers/thu-nghiem";
import { FakeExcel } from "./fake-excel";
import { fakeContents, fakeFromWorkbook, xlsxContents } from "./from-exceljs";
import { renderReason } from "../../src/core/findings/render";

const hostOf = (fake: FakeExcel) => new OfficeHost({ runtime: fake.runtime() });
const sampleSnapshot = async () => snapshotOf(await loadWorkbook(readFileSync(SAMPLE)));

describe("converting legacy text from the task pane", () => {
  it("rewrites a TCVN3 copy of the sample in Excel back to the sample's text, cell for cell, in a Unicode font", async () => {
    const legacy = await legacyCopy(() => "tcvn3");
    const expected = convertEncodingPlan(snapshotOf(legacy)).converted;
    const fake = fakeFromWorkbook(legacy);
    const converted = await convertLegacyText(hostOf(fake));
    expect(converted).toEqual(expected);
    expect(converted.every((c) => c.encoding === "tcvn3" && c.cells > 0)).toBe(true);

    const sample = await loadWorkbook(readFileSync(SAMPLE));
    sample.eachSheet((ws) => {
      const sheet = fake.sheet(encodeLegacy(ws.name, "tcvn3"));
      expect([ws.name, Object.fromEntries(fakeContents(sheet))]).toEqual([ws.name, Object.fromEntries(xlsxContents(ws))]);
    });
    const s4 = fake.sheet(encodeLegacy("Trưởng thôn", "tcvn3"));
    expect(s4.content("B8")).toBe("TT Vôi");
    expect(s4.cell("B8")!.format.fontName).toBe("Times New Roman");
    expect(s4.cell("C8")!.format.fontName).toBeUndefined(); // a number: not touched
  });

  it("writes nothing to a workbook typed in Unicode", async () => {
    const fake = fakeFromWorkbook(await loadWorkbook(readFileSync(SAMPLE)));
    const before = fake.syncs;
    expect(await convertLegacyText(hostOf(fake))).toEqual([]);
    expect(fake.syncs - before).toBe(2); // the read only
  });
});

describe("the blank template from the task pane", () => {
  it("lands in an empty workbook with the same cells as the command line's template, drop-downs, whole-number checks and locks", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    const sheets = await createTemplate(hostOf(fake), langGiang);
    expect(sheets).toEqual([...definitions.sheets.map((s) => s.name), "Chỉ tiêu"]);

    const file = new ExcelJS.Workbook();
    applyPlan(file, { ops: templatePlan(definitions, langGiang, VERSION) });
    file.eachSheet((ws) => expect([ws.name, Object.fromEntries(fakeContents(fake.sheet(ws.name)))]).toEqual([ws.name, Object.fromEntries(xlsxContents(ws))]));

    const s4 = fake.sheet("Trưởng thôn");
    expect([s4.content("B5"), s4.content("B27"), s4.content("B28"), s4.content("C28")]).toEqual(["Vôi", "Yên Mỹ", "Tổng cộng", "=SUM(C5:C27)"]);
    const rule = (address: string) => s4.validations.find((v) => v.rect.top === Number(address.slice(1)) - 1 && v.rect.left === address.charCodeAt(0) - 65)?.rule;
    expect(rule("C5")).toEqual({ wholeNumber: { formula1: 1, operator: "GreaterThanOrEqualTo" } });
    expect(rule("B5")).toEqual({ list: { inCellDropDown: true, source: `='${LISTS_SHEET}'!$A$2:$A$24` } });
    expect(s4.cell("C5")!.format.locked).toBe(false);
    expect(s4.cell("C4")!.format.locked).not.toBe(false);
    expect(s4.protection.protected).toBe(true);
    expect([fake.sheet(LISTS_SHEET).visibility, fake.sheet(MARKER_SHEET).visibility]).toEqual(["Hidden", "VeryHidden"]);
    expect(fake.sheet("Sheet1").cells.size).toBe(0);
    expect(fake.activeSheet).toBe("Tổ chức đảng");
  });

  it("takes another district's profile", async () => {
    const fake = new FakeExcel();
    await createTemplate(hostOf(fake), thuNghiem);
    expect(fake.sheet("Trưởng thôn").content("B5")).toBe(thuNghiem.communes[0].name);
  });

  it("refuses a workbook whose sheets already hold figures, naming them, and writes nothing", async () => {
    const fake = fakeFromWorkbook(await loadWorkbook(readFileSync(SAMPLE)));
    const before = fake.sheets.map((s) => [s.name, Object.fromEntries(fakeContents(s))]);
    const refusal = await createTemplate(hostOf(fake)).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ToolRefusal);
    expect((refusal as Error).message).toMatch(/^Workbook này đã có sheet “Tổ chức đảng”, “Doanh nghiệp”, .*“Chỉ tiêu” có dữ liệu, nên không tạo mẫu vào đây/);
    expect(fake.sheets.map((s) => [s.name, Object.fromEntries(fakeContents(s))])).toEqual(before);
  });
});

describe("province consolidation from the task pane", () => {
  it("writes the province sheet into the open workbook with C5 from the districts' numerators and denominators", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    const sources = [
      { file: "lang-giang.xlsx", snapshot: await sampleSnapshot() },
      { file: "thu-nghiem.xlsx", snapshot: snapshotOf(await filledThuNghiem()) },
      { file: "hong.xlsx", reason: { code: "not-xlsx" } as const },
    ];
    const result = await consolidateIntoWorkbook(hostOf(fake), sources, [langGiang, thuNghiem], { now: NOW });
    expect(result.sheet).toBe(PROVINCE_SHEET);
    expect(fake.activeSheet).toBe(PROVINCE_SHEET);
    expect(result.districts.map((d) => d.name)).toEqual(["Lạng Giang", "Thử Nghiệm", "hong"]);

    const sheet = fake.sheet(PROVINCE_SHEET);
    expect([sheet.content("C4"), sheet.content("F4"), sheet.content("I4")]).toEqual(["Lạng Giang", "Thử Nghiệm", "Toàn tỉnh"]);
    const row = 6 + definitions.indicators.findIndex((i) => i.id === "C5");
    // Lạng Giang 187/284, Thử Nghiệm 32/45: the province is 219/329, not the mean of 65.8% and 71.1%.
    expect([sheet.content(`A${row}`), sheet.content(`C${row}`), sheet.content(`F${row}`), sheet.content(`I${row}`), sheet.content(`J${row}`), sheet.content(`K${row}`)]).toEqual([
      "C5", 187 / 284, 32 / 45, 219, 329, `=IFERROR(I${row}/J${row},"")`,
    ]);
    const lines = [...fakeContents(sheet)].filter(([, v]) => typeof v === "string" && v.startsWith("Không đọc được"));
    expect(lines).toEqual([[expect.stringMatching(/^D\d+$/), "Không đọc được: không phải tệp .xlsx (không đúng định dạng Excel)"]]);
    expect(ownedSheets(await hostOf(fake).read())).toContain(PROVINCE_SHEET);

    // A second consolidation, with one district fewer, rebuilds the same sheet in place.
    const again = await consolidateIntoWorkbook(hostOf(fake), sources.slice(0, 1), [langGiang, thuNghiem], { now: NOW });
    expect(again.sheet).toBe(PROVINCE_SHEET);
    expect(fake.sheets.map((s) => s.name).filter((n) => n.startsWith(PROVINCE_SHEET))).toEqual([PROVINCE_SHEET]);
    expect([sheet.content("C4"), sheet.content("F4"), sheet.content(`F${row}`), sheet.content(`G${row}`), sheet.content(`I${row}`)]).toEqual(["Lạng Giang", "Toàn tỉnh", 187, 284, 0.75]);
  });

  it("leaves a person's own sheet of that name alone, and a later recalculation does not read the province sheet as input", async () => {
    const fake = fakeFromWorkbook(await loadWorkbook(readFileSync(SAMPLE)));
    fake.addSheet(PROVINCE_SHEET, [["Ghi chú của tôi"]]);
    const result = await consolidateIntoWorkbook(hostOf(fake), [{ file: "lang-giang.xlsx", snapshot: await sampleSnapshot() }], [langGiang], { now: NOW });
    expect(result.sheet).toBe(`${PROVINCE_SHEET} (2)`);
    expect(Object.fromEntries(fakeContents(fake.sheet(PROVINCE_SHEET)))).toEqual({ A1: "Ghi chú của tôi" });
    const outcome = await recalculateWorkbook(hostOf(fake), { now: NOW });
    expect(outcome.findings.filter((f) => f.sheet === result.sheet)).toEqual([]);
  });

  it("counts a district once when two of its files are picked, and says so", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    const snapshot = await sampleSnapshot();
    const result = await consolidateIntoWorkbook(hostOf(fake), [{ file: "lang-giang.xlsx", snapshot }, { file: "lang-giang-ban-2.xlsx", snapshot }], [langGiang], { now: NOW });
    expect(result.districts.map((d) => ("reason" in d ? [d.name, d.file, renderReason(d.reason, "vi")] : [d.name, d.file]))).toEqual([
      ["Lạng Giang", "lang-giang.xlsx"],
      ["Lạng Giang", "lang-giang-ban-2.xlsx", "tệp thứ hai của Lạng Giang (tệp đầu là lang-giang.xlsx); chỉ tính tệp đầu, không cộng hai lần"],
    ]);
    const c5 = result.province.find((i) => i.id === "C5")!;
    expect([c5.numerator, c5.denominator]).toEqual([187, 284]);
    const listed = [...fakeContents(fake.sheet(PROVINCE_SHEET))].filter(([, v]) => typeof v === "string" && v.startsWith("Không tính"));
    expect(listed.map(([, v]) => v)).toEqual(["Không tính: tệp thứ hai của Lạng Giang (tệp đầu là lang-giang.xlsx); chỉ tính tệp đầu, không cộng hai lần"]);
  });

  it("refuses when no file could be read, saying why for each, and writes nothing", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    const refusal = await consolidateIntoWorkbook(hostOf(fake), [{ file: "a.xls", reason: { code: "xls" } }], [langGiang]).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ToolRefusal);
    expect((refusal as Error).message).toBe("Không đọc được tệp nào: a.xls (đây là tệp Excel 97-2003 (.xls); hãy mở trong Excel và lưu thành .xlsx (Sổ làm việc Excel)).");
    expect(describeFailure(refusal, "consolidate", "en")).toBe("None of the files could be read: a.xls (this is an Excel 97-2003 file (.xls); open it in Excel and save it as .xlsx (Excel Workbook)).");
    expect(fake.syncs).toBe(0);
  });

  it("gives the same province sheet through Excel as through the .xlsx host", async () => {
    const sources = [{ file: "lang-giang.xlsx", snapshot: await sampleSnapshot() }, { file: "thu-nghiem.xlsx", snapshot: snapshotOf(await filledThuNghiem()) }];
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    await consolidateIntoWorkbook(hostOf(fake), sources, [langGiang, thuNghiem], { now: NOW });
    const file = new ExcelJS.Workbook();
    file.addWorksheet("Sheet1");
    await consolidateIntoWorkbook(new XlsxHost(file), sources, [langGiang, thuNghiem], { now: NOW });
    expect(Object.fromEntries(fakeContents(fake.sheet(PROVINCE_SHEET)))).toEqual(Object.fromEntries(xlsxContents(file.getWorksheet(PROVINCE_SHEET)!)));
  });
});

describe("reading picked files", () => {
  const file = (name: string, data: Buffer | string) => new File([typeof data === "string" ? data : new Uint8Array(data)], name);

  it("reads workbooks and profiles, and says why a file is refused", async () => {
    const picked = await readPickedFiles(
      [
        file("lang-giang.xlsx", readFileSync(SAMPLE)),
        file("hong.xlsx", "không phải excel"),
        file("so-lieu.csv", "Xã;Số thôn\nVôi;12\n"),
        file("thu-nghiem.profile.json", readFileSync(THU_NGHIEM_PROFILE)),
        file("hong.profile.json", JSON.stringify({ district: "X" })),
      ],
      definitions,
    );
    expect(picked.sources.map((s) => ("reason" in s ? [s.file, renderReason(s.reason, "vi")] : [s.file, s.snapshot.sheets.length]))).toEqual([
      ["lang-giang.xlsx", (await sampleSnapshot()).sheets.length],
      ["hong.xlsx", "không phải tệp .xlsx (không đúng định dạng Excel)"],
      ["so-lieu.csv", "đây là tệp văn bản (CSV), không phải .xlsx; hãy mở trong Excel và lưu thành .xlsx"],
    ]);
    expect(picked.profiles.map((p) => p.district)).toEqual([thuNghiem.district]);
    expect(picked.profileErrors.length).toBeGreaterThan(0);
    expect(picked.profileErrors.every((e) => e.startsWith("hong.profile.json: "))).toBe(true);
  });
});

