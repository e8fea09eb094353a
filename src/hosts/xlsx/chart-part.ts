import type ExcelJS from "exceljs";
import type JSZip from "jszip";
import type { ChartSpec } from "../../core/model";
import { parseAddress } from "../../core/a1";
import {
  attributes,
  escapeXml,
  parseContentTypes,
  readBook,
  type Relationship,
  relationshipsOf,
  relsPathOf,
  resolveTarget,
  serializeContentTypes,
  serializeRelationships,
  unescapeXml,
} from "./zip-package";

/**
 * Native charts in the .xlsx the command line writes. ExcelJS 4 reads and writes no charts (its
 * issue tracker has asked for them for years), and no well-kept library writes a DrawingML chart
 * into an existing workbook, so the parts are written here, after ExcelJS has saved: the chart part
 * (ECMA-376 Part 1, §21.2, DrawingML charts), a drawing part anchoring it to cells (§20.5,
 * SpreadsheetML drawing), the relationships between sheet, drawing and chart, the sheet's <drawing>
 * element and the [Content_Types].xml overrides. jszip is the zip library ExcelJS itself uses.
 *
 * `chartInjector(charts)` is a `(zip) => zip` step, so it composes with any other step on the saved
 * zip (copying back parts ExcelJS dropped): a sheet that already has a drawing part gets the charts
 * added to that drawing, and charts of an earlier run (named "DeAn02_…") are taken out of it first.
 */

export interface SheetCharts {
  sheet: string;
  charts: ChartSpec[];
}

const NS = {
  officeRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
};
const REL_DRAWING = `${NS.officeRel}/drawing`;
const REL_CHART = `${NS.officeRel}/chart`;
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const OWN_CHART_PREFIX = "DeAn02_";

const queued = new WeakMap<ExcelJS.Workbook, Map<string, ChartSpec[]>>();

/** Remembers a chart of the plan until the workbook is saved (ExcelJS has nowhere to keep it). */
export function queueChart(workbook: ExcelJS.Workbook, sheet: string, chart: ChartSpec): void {
  let sheets = queued.get(workbook);
  if (!sheets) queued.set(workbook, (sheets = new Map()));
  const list = sheets.get(sheet) ?? [];
  sheets.set(sheet, [...list.filter((c) => c.name !== chart.name), chart]);
}

/** A sheet prepared anew or removed loses the charts queued for it. */
export function forgetCharts(workbook: ExcelJS.Workbook, sheet: string): void {
  queued.get(workbook)?.delete(sheet);
}

export function chartsToWrite(workbook: ExcelJS.Workbook): SheetCharts[] {
  const sheets = queued.get(workbook);
  if (!sheets) return [];
  return [...sheets].filter(([name, charts]) => charts.length > 0 && workbook.getWorksheet(name)).map(([sheet, charts]) => ({ sheet, charts }));
}

/** A relative target from one part to another, as relationships write them ("../charts/chart1.xml"). */
function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** A part's relationships, to look up, add to and take from before writing them back. */
class Rels {
  constructor(private readonly list: Relationship[]) {}

  static async of(zip: JSZip, part: string): Promise<Rels> {
    return new Rels(await relationshipsOf(zip, part));
  }

  get(id: string): Relationship | undefined {
    return this.list.find((r) => r.id === id);
  }

  add(type: string, target: string): string {
    let n = this.list.length + 1;
    while (this.list.some((r) => r.id === `rId${n}`)) n++;
    const id = `rId${n}`;
    this.list.push({ id, type, target, external: false });
    return id;
  }

  remove(id: string): void {
    const i = this.list.findIndex((r) => r.id === id);
    if (i >= 0) this.list.splice(i, 1);
  }

  toXml(): string {
    return serializeRelationships(this.list);
  }
}

async function text(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  return file ? file.async("string") : null;
}

function freePart(zip: JSZip, folder: string, stem: string): string {
  let n = 1;
  while (zip.file(`${folder}/${stem}${n}.xml`)) n++;
  return `${folder}/${stem}${n}.xml`;
}

/** Where <drawing> goes in a worksheet: before the elements CT_Worksheet puts after it (ECMA-376 §18.3.1.99), else at the end. */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

function withDrawingElement(sheetXml: string, relId: string): string {
  const prefix = /<(\w+:)?worksheet\b/.exec(sheetXml)?.[1] ?? "";
  let xml = sheetXml;
  const rootTag = /<(?:\w+:)?worksheet\b[^>]*>/.exec(xml)![0];
  let rPrefix = "r";
  const declared = [...rootTag.matchAll(/xmlns:(\w+)="([^"]*)"/g)].find((m) => m[2] === NS.officeRel);
  if (declared) rPrefix = declared[1];
  else xml = xml.replace(rootTag, rootTag.replace(/\/?>$/, (end) => ` xmlns:r="${NS.officeRel}"${end}`));
  const element = `<${prefix}drawing ${rPrefix}:id="${relId}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const i = xml.search(new RegExp(`<${prefix}${name}\\b`));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = xml.lastIndexOf(`</${prefix}worksheet>`);
  return xml.slice(0, at) + element + xml.slice(at);
}

function cellAnchor(tag: "from" | "to", a1: string): string {
  const { row, col } = parseAddress(a1);
  return `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

function anchorXml(chart: ChartSpec, shapeId: number, relId: string): string {
  return (
    `<xdr:twoCellAnchor xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.officeRel}" editAs="oneCell">` +
    cellAnchor("from", chart.from) +
    cellAnchor("to", chart.to) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(chart.name)}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

const EMPTY_DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`;

/** Takes the anchors of earlier runs' charts out of a drawing, with their relationships. */
function withoutOwnCharts(drawingXml: string, rels: Rels): string {
  return drawingXml.replace(/<(\w+:)?(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/\1\2>/g, (anchor) => {
    const name = /<(?:\w+:)?cNvPr\b[^>]*>/.exec(anchor);
    if (!name || !unescapeXml(attributes(name[0]).get("name") ?? "").startsWith(OWN_CHART_PREFIX)) return anchor;
    const chartRel = /<(?:\w+:)?chart\b[^>]*?\b(\w+):id="([^"]+)"/.exec(anchor);
    if (chartRel) rels.remove(chartRel[2]);
    return "";
  });
}

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numCache(values: (number | null)[]): string {
  const points = values.map((v, i) => (v === null || !Number.isFinite(v) ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function runProps(chart: ChartSpec, size: number, bold: boolean): string {
  return `sz="${size}" b="${bold ? 1 : 0}"><a:latin typeface="${escapeXml(chart.fontName)}"/><a:cs typeface="${escapeXml(chart.fontName)}"/>`;
}

/** A chart part: the column series as a clustered bar chart, the line series over the same axes. */
function chartXml(chart: ChartSpec): string {
  const cat = `<c:cat><c:strRef><c:f>${escapeXml(chart.categories.ref)}</c:f>${strCache(chart.categories.cache)}</c:strRef></c:cat>`;
  const series = (kind: "column" | "line") =>
    chart.series
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.kind === kind)
      .map(({ s, i }) => {
        const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>`;
        const val = `<c:val><c:numRef><c:f>${escapeXml(s.ref)}</c:f>${numCache(s.cache)}</c:numRef></c:val>`;
        if (kind === "column") {
          const labels =
            `<c:dLbls><c:numFmt formatCode="${escapeXml(chart.valueFormat)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
            `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
          return `<c:ser>${head}<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${labels}${cat}${val}</c:ser>`;
        }
        return `<c:ser>${head}<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`;
      })
      .join("");
  const axes = `<c:axId val="500100"/><c:axId val="500200"/>`;
  const columns = series("column");
  const lines = series("line");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.officeRel}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${runProps(chart, 1100, true)}</a:defRPr></a:pPr><a:r><a:rPr lang="vi-VN" ${runProps(chart, 1100, true)}</a:rPr><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    (columns ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${columns}<c:gapWidth val="80"/>${axes}</c:barChart>` : "") +
    (lines ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines}<c:marker val="1"/>${axes}</c:lineChart>` : "") +
    `<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500200"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500200"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${escapeXml(chart.valueFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500100"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${runProps(chart, 900, false)}</a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

function withOverrides(contentTypes: string, overrides: [string, string][]): string {
  const types = parseContentTypes(contentTypes);
  for (const [part, type] of overrides) if (!types.overrides.has(part)) types.overrides.set(part, type);
  return serializeContentTypes(types);
}

/** The `(zip) => zip` step that writes the given charts into their sheets. */
export function chartInjector(charts: SheetCharts[]): (zip: JSZip) => Promise<JSZip> {
  return async (zip) => {
    const parts = new Map((await readBook(zip)).sheets.map((s) => [s.name, s.part]));
    const overrides: [string, string][] = [];
    for (const { sheet, charts: list } of charts) {
      const sheetPart = parts.get(sheet);
      if (!sheetPart) throw new Error(`Không tìm thấy sheet “${sheet}” trong tệp để thêm biểu đồ.`);
      let sheetXml = (await text(zip, sheetPart))!;
      const sheetRels = await Rels.of(zip, sheetPart);
      const existing = /<(?:\w+:)?drawing\b[^>]*>/.exec(sheetXml);
      let drawingPart: string;
      let drawingXml: string;
      const existingRel = existing ? sheetRels.get([...attributes(existing[0])].find(([k]) => k.endsWith(":id"))?.[1] ?? "") : undefined;
      if (existingRel) {
        drawingPart = resolveTarget(sheetPart, existingRel.target);
        drawingXml = (await text(zip, drawingPart)) ?? EMPTY_DRAWING;
      } else {
        drawingPart = freePart(zip, "xl/drawings", "drawing");
        drawingXml = EMPTY_DRAWING;
        const relId = sheetRels.add(REL_DRAWING, relativeTarget(sheetPart, drawingPart));
        sheetXml = withDrawingElement(sheetXml, relId);
        zip.file(sheetPart, sheetXml);
        zip.file(relsPathOf(sheetPart), sheetRels.toXml());
      }
      overrides.push([drawingPart, CT_DRAWING]);
      const drawingRels = await Rels.of(zip, drawingPart);
      drawingXml = withoutOwnCharts(drawingXml, drawingRels);
      let shapeId = Math.max(1, ...[...drawingXml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
      const anchors: string[] = [];
      for (const chart of list) {
        const chartPart = freePart(zip, "xl/charts", "chart");
        zip.file(chartPart, chartXml(chart));
        overrides.push([chartPart, CT_CHART]);
        anchors.push(anchorXml(chart, shapeId++, drawingRels.add(REL_CHART, relativeTarget(drawingPart, chartPart))));
      }
      // An empty drawing may be written as one self-closing element, <xdr:wsDr …/>: open it up first.
      drawingXml = drawingXml.replace(/<((?:\w+:)?wsDr)\b([^>]*?)\s*\/>\s*$/, "<$1$2></$1>");
      const close = /<\/(\w+:)?wsDr>\s*$/.exec(drawingXml);
      if (!close) throw new Error(`Phần vẽ “${drawingPart}” của sheet “${sheet}” không đọc được.`);
      drawingXml = drawingXml.slice(0, close.index) + anchors.join("") + drawingXml.slice(close.index);
      zip.file(drawingPart, drawingXml);
      zip.file(relsPathOf(drawingPart), drawingRels.toXml());
    }
    zip.file("[Content_Types].xml", withOverrides((await text(zip, "[Content_Types].xml"))!, overrides));
    return zip;
  };
}
