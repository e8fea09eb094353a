import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { bundledCatalogue } from "../../src/core/definitions/bundled";
import { analyse } from "../../src/core/analyse";
import { preserveParts, rebuiltSheetsOf } from "../../src/hosts/xlsx/preserve-parts";
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf } from "../../src/hosts/xlsx/xlsx-host";
import { attributes, type Book, type ZipStep, parseContentTypes, readBook, REL_TYPES, relationshipsOf, relsPathOf, resolveTarget } from "../../src/hosts/xlsx/zip-package";
import { CHART_SHEET, RICH_SHEET, richWorkbook } from "../helpers/rich-workbook";

const ROOT = path.resolve(__dirname, "../..");
const SUMMARY = "Tổng hợp chỉ tiêu";

function recalcWithCli(input: string, out: string, report: string) {
  const run = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "src/cli/main.ts"), "recalc", input, "--out", out, "--report", report], { encoding: "utf8", cwd: ROOT });
  expect(run.stderr).toBe("");
  expect([0, 1]).toContain(run.status);
}

/** The parts that hold the cells: ExcelJS writes them anew. Everything else must come through unchanged. */
async function cellParts(zip: JSZip, book: Book): Promise<Set<string>> {
  const parts = new Set(["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", book.part, relsPathOf(book.part)]);
  for (const s of book.sheets) if (s.type === REL_TYPES.worksheet) parts.add(s.part).add(relsPathOf(s.part));
  for (const r of book.rels) if (r.type === REL_TYPES.styles || r.type === REL_TYPES.sharedStrings || r.type === REL_TYPES.calcChain) parts.add(resolveTarget(book.part, r.target));
  return parts;
}

const files = (zip: JSZip) => Object.keys(zip.files).filter((f) => !zip.files[f].dir);
const bytesOf = (zip: JSZip, part: string) => zip.file(part)!.async("uint8array").then((b) => Buffer.from(b));

function definedNames(book: Book): string[] {
  const block = /<definedNames\b[^>]*>([\s\S]*?)<\/definedNames>/.exec(book.xml)?.[1] ?? "";
  return [...block.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((m) => {
    const a = attributes(m[1]);
    const local = a.get("localSheetId");
    return `${a.get("name")} @${local === undefined ? "(sổ)" : book.sheets[Number(local)].name} = ${m[2]}`;
  });
}

/** What a user would miss in OUT, part by part: [] when nothing of IN is lost or detached. */
async function lostFrom(inZip: JSZip, outZip: JSZip, owned: ReadonlySet<string>): Promise<string[]> {
  const lost: string[] = [];
  const inBook = await readBook(inZip);
  const outBook = await readBook(outZip);
  const rewritten = await cellParts(inZip, inBook);
  const ownedParts = new Set<string>();
  for (const s of inBook.sheets.filter((s) => owned.has(s.name))) for (const r of await relationshipsOf(inZip, s.part)) ownedParts.add(resolveTarget(s.part, r.target));
  for (const part of files(inZip)) {
    if (rewritten.has(part) || ownedParts.has(part) || [...ownedParts].some((p) => part === relsPathOf(p))) continue;
    if (!outZip.file(part)) lost.push(`thiếu ${part}`);
    else if (!(await bytesOf(inZip, part)).equals(await bytesOf(outZip, part))) lost.push(`khác ${part}`);
  }
  // Tabs in IN's order, chart sheets among them.
  const outNames = outBook.sheets.map((s) => s.name);
  expect(outNames.filter((n) => inBook.sheets.some((s) => s.name === n))).toEqual(inBook.sheets.map((s) => s.name));
  for (const sheet of inBook.sheets.filter((s) => !owned.has(s.name))) {
    const twin = outBook.sheets.find((s) => s.name === sheet.name)!;
    if (twin.type !== sheet.type) lost.push(`${sheet.name}: ${twin.type}`);
    if (sheet.type === REL_TYPES.chartsheet && twin.part !== sheet.part) lost.push(`${sheet.name} → ${twin.part}`);
    if (sheet.type !== REL_TYPES.worksheet) continue;
    const outRels = await relationshipsOf(outZip, twin.part);
    const outXml = await outZip.file(twin.part)!.async("string");
    for (const rel of await relationshipsOf(inZip, sheet.part)) {
      const target = resolveTarget(sheet.part, rel.target);
      const match = outRels.find((r) => r.type === rel.type && resolveTarget(twin.part, r.target) === target);
      if (!match) {
        lost.push(`${sheet.name}: không còn gắn ${target}`);
        continue;
      }
      const element = rel.type.endsWith("/drawing") ? "drawing" : rel.type.endsWith("/vmlDrawing") ? "legacyDrawing" : null;
      if (element && !outXml.includes(`<${element} r:id="${match.id}"/>`)) lost.push(`${sheet.name}: <${element}> không trỏ tới ${target}`);
    }
  }
  const inNames = definedNames(inBook).filter((n) => ![...owned].some((s) => n.includes(`@${s} `)));
  for (const name of inNames) if (!definedNames(outBook).includes(name)) lost.push(`tên ${name}`);
  // Every part keeps its content type.
  const inTypes = parseContentTypes(await inZip.file("[Content_Types].xml")!.async("string"));
  const outTypes = parseContentTypes(await outZip.file("[Content_Types].xml")!.async("string"));
  for (const part of files(outZip)) {
    if (part === "[Content_Types].xml" || part.endsWith(".rels")) continue;
    const type = outTypes.overrides.get(part) ?? outTypes.defaults.get(part.split(".").pop()!.toLowerCase());
    if (!type) lost.push(`không có kiểu nội dung: ${part}`);
    const before = inTypes.overrides.get(part);
    if (!rewritten.has(part) && before && before !== type) lost.push(`kiểu nội dung của ${part}: ${type}`);
  }
  return lost;
}

describe("nothing of the user's file lost (zip parts of IN against OUT)", () => {
  let dir: string;
  let input: string;
  let inZip: JSZip;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "de-an-02-parts-"));
    input = path.join(dir, "rich.xlsx");
    writeFileSync(input, await richWorkbook());
    inZip = await JSZip.loadAsync(readFileSync(input));
  });

  it("cli recalc keeps charts, the chart sheet, the picture, the comment, the pivot table, custom XML and names, byte for byte and attached", async () => {
    const out = path.join(dir, "out.xlsx");
    const report = path.join(dir, "report.json");
    recalcWithCli(input, out, report);
    const outZip = await JSZip.loadAsync(readFileSync(out));
    expect(await lostFrom(inZip, outZip, new Set())).toEqual([]);

    const inBook = await readBook(inZip);
    const outBook = await readBook(outZip);
    // The fixture really has what the test claims to keep.
    for (const part of ["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/chartsheets/sheet1.xml", "xl/media/image1.png", "xl/pivotTables/pivotTable1.xml", "xl/pivotCache/pivotCacheDefinition1.xml", "customXml/item1.xml", "docProps/custom.xml"]) {
      expect(outZip.file(part)).not.toBeNull();
    }
    expect(files(outZip).filter((f) => /comments\d*\.xml$/.test(f))).toHaveLength(1);
    expect(outBook.sheets.map((s) => s.name).slice(0, 3)).toEqual(["Ghi chú", CHART_SHEET, "Tổ chức đảng"]);
    const pivotCache = /<pivotCache cacheId="7" r:id="([^"]+)"\/>/.exec(outBook.xml);
    expect(resolveTarget(outBook.part, outBook.rels.find((r) => r.id === pivotCache?.[1])!.target)).toBe("xl/pivotCache/pivotCacheDefinition1.xml");
    expect(outBook.rels.find((r) => r.type.endsWith("/customXml"))?.target).toBe("../customXml/item1.xml");
    expect((await relationshipsOf(outZip, "")).find((r) => r.type.endsWith("/custom-properties"))?.target).toBe("docProps/custom.xml");

    // What ExcelJS rewrites is still there: the validation, the conditional format, the x14 list and the names.
    const sheetXml = async (zip: JSZip, book: Book) => zip.file(book.sheets.find((s) => s.name === RICH_SHEET)!.part)!.async("string");
    const before = await sheetXml(inZip, inBook);
    const after = await sheetXml(outZip, outBook);
    expect(after).toContain('sqref="C8"><formula1>0</formula1>');
    expect(after).toMatch(/<conditionalFormatting sqref="D8:D31"><cfRule type="cellIs" dxfId="\d+" priority="1" operator="lessThan"><formula>1<\/formula>/);
    const x14 = /<ext uri="\{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF\}"[\s\S]*?<\/ext>/;
    expect(x14.exec(after)?.[0]).toBe(x14.exec(before)?.[0]);
    expect(definedNames(outBook)).toEqual(expect.arrayContaining([`DanhSachThon @(sổ) = &apos;${RICH_SHEET}&apos;!$B$8:$B$31`, "_xlnm.Print_Titles @Tổ chức đảng = &apos;Tổ chức đảng&apos;!$6:$7"]));

    // And the recalculation itself: C5 from the sample, the summary on its own tab.
    const c5 = JSON.parse(readFileSync(report, "utf8")).indicators.find((i: { id: string }) => i.id === "C5");
    expect([c5.numerator, c5.denominator]).toEqual([187, 284]);
    expect(outBook.sheets.map((s) => s.name)).toContain(SUMMARY);
  });

  it("a second recalculation of OUT keeps them the same, with no chart or drawing added twice", async () => {
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    recalcWithCli(input, first, path.join(dir, "r1.json"));
    recalcWithCli(first, second, path.join(dir, "r2.json"));
    const firstZip = await JSZip.loadAsync(readFileSync(first));
    const secondZip = await JSZip.loadAsync(readFileSync(second));
    expect(await lostFrom(inZip, secondZip, new Set())).toEqual([]);
    expect(await lostFrom(firstZip, secondZip, new Set([SUMMARY]))).toEqual([]);
    const drawingsAndCharts = (zip: JSZip) => files(zip).filter((f) => /^xl\/(charts|drawings)\/[^/]+$/.test(f)).sort();
    // IN's own drawings and charts, and the summary's charts once: the same parts after one run and after two.
    expect(drawingsAndCharts(secondZip)).toEqual(drawingsAndCharts(firstZip));
    expect(drawingsAndCharts(secondZip)).toEqual(expect.arrayContaining(drawingsAndCharts(inZip)));
  });

  it("puts nothing of IN back on a sheet the recalculation rebuilds (a drawing on the summary is the summary's own)", async () => {
    const { definitions, profile } = bundledCatalogue();
    const recalc = async (bytes: Uint8Array, before: ZipStep[], after: ZipStep[] = []) => {
      const workbook = await loadWorkbook(bytes);
      const analysis = analyse(snapshotOf(workbook), definitions, profile, { now: new Date(), version: "test" });
      applyPlan(workbook, analysis.plan);
      return saveWorkbook(workbook, [...before, preserveParts(bytes, { rebuiltSheets: rebuiltSheetsOf(analysis.plan) }), ...after]);
    };
    const once = await JSZip.loadAsync(await recalc(readFileSync(input), []));
    // A drawing on the summary, as an earlier run (or a person) left it there.
    const book = await readBook(once);
    const summary = book.sheets.find((s) => s.name === SUMMARY)!;
    once.file("xl/drawings/drawing77.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`);
    once.file(relsPathOf(summary.part), `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing77.xml"/></Relationships>`);
    once.file(summary.part, (await once.file(summary.part)!.async("string")).replace("</worksheet>", '<drawing r:id="rId1"/></worksheet>'));
    const twiceZip = await JSZip.loadAsync(await recalc(await once.generateAsync({ type: "uint8array" }), []));
    const twice = await readBook(twiceZip);
    const rebuilt = twice.sheets.find((s) => s.name === SUMMARY)!;
    // The summary's one drawing is the one its own charts are written into, never the one planted there.
    const links = await relationshipsOf(twiceZip, rebuilt.part);
    expect(links.map((l) => l.type.split("/").pop())).toEqual(["drawing"]);
    expect(links[0].target).not.toBe("../drawings/drawing77.xml");
    const drawing = `xl/drawings/${links[0].target.split("/").pop()}`;
    const drawn = await relationshipsOf(twiceZip, drawing);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.every((r) => r.type.endsWith("/chart"))).toBe(true);
    expect((await twiceZip.file(rebuilt.part)!.async("string")).match(/<drawing\b/g)).toHaveLength(1);
    expect(twiceZip.file("xl/drawings/drawing77.xml")).toBeNull();
    expect(twiceZip.file("xl/charts/chart1.xml")).not.toBeNull();
  });

  it("composes with another zip step that draws on the summary, run before it or after it", async () => {
    const { definitions, profile } = bundledCatalogue();
    const source = readFileSync(input);
    // Stands in for the summary's chart step: a drawing part of its own, linked from the summary sheet.
    const drawOnSummary: ZipStep = async (zip) => {
      const summary = (await readBook(zip)).sheets.find((s) => s.name === SUMMARY)!;
      zip.file("xl/drawings/drawingSummary.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`);
      zip.file(relsPathOf(summary.part), `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawingSummary.xml"/></Relationships>`);
      zip.file(summary.part, (await zip.file(summary.part)!.async("string")).replace("</worksheet>", '<drawing r:id="rIdChart"/></worksheet>'));
      const types = await zip.file("[Content_Types].xml")!.async("string");
      zip.file("[Content_Types].xml", types.replace("</Types>", '<Override PartName="/xl/drawings/drawingSummary.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>'));
      return zip;
    };
    for (const order of ["before", "after"] as const) {
      const workbook = await loadWorkbook(source);
      const analysis = analyse(snapshotOf(workbook), definitions, profile, { now: new Date(), version: "test" });
      applyPlan(workbook, analysis.plan);
      const keep = preserveParts(source, { rebuiltSheets: rebuiltSheetsOf(analysis.plan) });
      const zip = await JSZip.loadAsync(await saveWorkbook(workbook, order === "before" ? [drawOnSummary, keep] : [keep, drawOnSummary]));
      const summary = (await readBook(zip)).sheets.find((s) => s.name === SUMMARY)!;
      expect((await relationshipsOf(zip, summary.part)).map((r) => r.target)).toEqual(["../drawings/drawingSummary.xml"]);
      expect(await zip.file(summary.part)!.async("string")).toContain('<drawing r:id="rIdChart"/>');
      expect(parseContentTypes(await zip.file("[Content_Types].xml")!.async("string")).overrides.get("xl/drawings/drawingSummary.xml")).toMatch(/drawing\+xml/);
      expect(await lostFrom(inZip, zip, new Set())).toEqual([]);
    }
  });
});
