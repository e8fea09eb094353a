/**
 * The Lạng Giang sample as a district office's real file would also carry it: a picture and a chart on the
 * "Trưởng thôn" sheet, a comment, a chart sheet between two tabs, a pivot table, custom XML, custom document
 * properties, an x14 list validation, plus a defined name, a data validation and a conditional format.
 * ExcelJS writes what it models; the rest is written here as raw parts (DrawingML, pivot, custom XML), the way
 * Excel lays them out. Generated at test time: no binary fixture.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadWorkbook, saveWorkbook } from "../../src/hosts/xlsx/xlsx-host";
import { readBook, relsPathOf, relationshipsOf, resolveTarget } from "../../src/hosts/xlsx/zip-package";

const SAMPLE = path.resolve(__dirname, "../../seeds/lang-giang.xlsx");
export const RICH_SHEET = "Trưởng thôn";
export const CHART_SHEET = "Biểu đồ thôn";

// A 2×2 red PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==", "base64");

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chartsheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml",
  pivotTable: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
  pivotCacheDefinition: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
  pivotCacheRecords: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
  customXmlProps: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
  customProps: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
};

const chartXml = (title: string, ref: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${title}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'${RICH_SHEET}'!$B$8:$B$12</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${ref}</c:f></c:numRef></c:val></c:ser><c:axId val="111"/><c:axId val="222"/></c:barChart><c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="222"/></c:catAx><c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="111"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const chartFrame = (rId: string, from: [number, number], to: [number, number]) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>${from[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${to[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="20" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;

const X14_LIST_VALIDATION = `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showErrorMessage="1"><x14:formula1><xm:f>'Chỉ tiêu'!$A$2:$A$10</xm:f></x14:formula1><xm:sqref>F8:F31</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;

async function addContentType(zip: JSZip, part: string, type: string): Promise<void> {
  const xml = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", xml.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`));
}

async function addRelationship(zip: JSZip, source: string, id: string, type: string, target: string): Promise<void> {
  const rels = relsPathOf(source);
  const xml = (await zip.file(rels)?.async("string")) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  zip.file(rels, xml.replace("</Relationships>", `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/></Relationships>`));
}

/** The rich workbook's bytes. */
export async function richWorkbook(): Promise<Uint8Array> {
  const workbook = await loadWorkbook(readFileSync(SAMPLE));
  const ws = workbook.getWorksheet(RICH_SHEET)!;
  ws.getCell("B8").note = "Thôn này sáp nhập năm 2020 — người nhập: chị Hoa";
  ws.getCell("C8").dataValidation = { type: "whole", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true, showErrorMessage: true };
  ws.addConditionalFormatting({ ref: "D8:D31", rules: [{ type: "cellIs", operator: "lessThan", formulae: ["1"], priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } } }] });
  workbook.definedNames.add(`'${RICH_SHEET}'!$B$8:$B$31`, "DanhSachThon");
  ws.addImage(workbook.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" }), "H2:I4");
  const zip = await JSZip.loadAsync(await saveWorkbook(workbook));

  const book = await readBook(zip);
  const sheet = book.sheets.find((s) => s.name === RICH_SHEET)!;
  const drawingRel = (await relationshipsOf(zip, sheet.part)).find((r) => r.type.endsWith("/drawing"))!;
  const drawing = resolveTarget(sheet.part, drawingRel.target);

  // A chart beside the picture, in the sheet's one drawing.
  zip.file("xl/charts/chart1.xml", chartXml("Số thôn", `'${RICH_SHEET}'!$C$8:$C$12`));
  await addContentType(zip, "xl/charts/chart1.xml", CT.chart);
  await addRelationship(zip, drawing, "rIdChart1", "chart", "../charts/chart1.xml");
  const drawingXml = await zip.file(drawing)!.async("string");
  zip.file(drawing, drawingXml.replace(/<xdr:wsDr\b[^>]*>/, (tag) => (tag.includes("xmlns:r=") ? tag : tag.replace(">", ` xmlns:r="${R}">`))).replace("</xdr:wsDr>", `${chartFrame("rIdChart1", [10, 2], [16, 16])}</xdr:wsDr>`));

  // An x14 list validation, as Excel 2010+ writes one whose list lives on another sheet.
  const sheetXml = await zip.file(sheet.part)!.async("string");
  zip.file(sheet.part, sheetXml.replace("</worksheet>", `${X14_LIST_VALIDATION}</worksheet>`));

  // A chart sheet between the first two tabs.
  zip.file("xl/charts/chart2.xml", chartXml("Đảng viên", `'${RICH_SHEET}'!$D$8:$D$12`));
  zip.file("xl/drawings/drawing9.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666667" cy="6292850"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 2"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`);
  await addRelationship(zip, "xl/drawings/drawing9.xml", "rId1", "chart", "../charts/chart2.xml");
  zip.file("xl/chartsheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheetPr/><sheetViews><sheetView zoomToFit="1" workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`);
  await addRelationship(zip, "xl/chartsheets/sheet1.xml", "rId1", "drawing", "../drawings/drawing9.xml");
  for (const [part, type] of [["xl/charts/chart2.xml", CT.chart], ["xl/drawings/drawing9.xml", CT.drawing], ["xl/chartsheets/sheet1.xml", CT.chartsheet]]) await addContentType(zip, part, type);
  await addRelationship(zip, book.part, "rIdChartSheet", "chartsheet", "chartsheets/sheet1.xml");

  // A pivot table on the first sheet, over the Trưởng thôn data.
  zip.file("xl/pivotCache/pivotCacheDefinition1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}" r:id="rId1" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="B7:D31" sheet="${RICH_SHEET}"/></cacheSource><cacheFields count="3"><cacheField name="Xã" numFmtId="0"><sharedItems/></cacheField><cacheField name="Số thôn" numFmtId="0"><sharedItems containsNumber="1"/></cacheField><cacheField name="Trưởng thôn là đảng viên" numFmtId="0"><sharedItems containsNumber="1"/></cacheField></cacheFields></pivotCacheDefinition>`);
  zip.file("xl/pivotCache/pivotCacheRecords1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0"/>`);
  await addRelationship(zip, "xl/pivotCache/pivotCacheDefinition1.xml", "rId1", "pivotCacheRecords", "pivotCacheRecords1.xml");
  zip.file("xl/pivotTables/pivotTable1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="PivotThon" cacheId="7" dataCaption="Giá trị" updatedVersion="6" createdVersion="6"><location ref="H3:I4" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/><pivotFields count="3"><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/><pivotField showAll="0"/></pivotFields><dataFields count="1"><dataField name="Tổng số thôn" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`);
  await addRelationship(zip, "xl/pivotTables/pivotTable1.xml", "rId1", "pivotCacheDefinition", "../pivotCache/pivotCacheDefinition1.xml");
  const firstSheet = book.sheets[0];
  await addRelationship(zip, firstSheet.part, "rIdPivot1", "pivotTable", "../pivotTables/pivotTable1.xml");
  await addRelationship(zip, book.part, "rIdPivotCache1", "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml");
  for (const [part, type] of [["xl/pivotCache/pivotCacheDefinition1.xml", CT.pivotCacheDefinition], ["xl/pivotCache/pivotCacheRecords1.xml", CT.pivotCacheRecords], ["xl/pivotTables/pivotTable1.xml", CT.pivotTable]]) await addContentType(zip, part, type);

  // Custom XML (as SharePoint or a document-management system leaves it) and custom document properties.
  zip.file("customXml/item1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="no"?><hoSo xmlns="urn:bac-ninh:ho-so"><soHieu>02-ĐA/TU</soHieu></hoSo>`);
  zip.file("customXml/itemProps1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{6B1F7A31-0C2B-4B6A-9E53-3A0F3C9F2D11}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="urn:bac-ninh:ho-so"/></ds:schemaRefs></ds:datastoreItem>`);
  await addRelationship(zip, "customXml/item1.xml", "rId1", "customXmlProps", "itemProps1.xml");
  await addContentType(zip, "customXml/itemProps1.xml", CT.customXmlProps);
  await addRelationship(zip, book.part, "rIdCustomXml1", "customXml", "../customXml/item1.xml");
  zip.file("docProps/custom.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Đơn vị gửi"><vt:lpwstr>Ban Tổ chức Huyện ủy Lạng Giang</vt:lpwstr></property></Properties>`);
  await addContentType(zip, "docProps/custom.xml", CT.customProps);
  const rootRels = await zip.file("_rels/.rels")!.async("string");
  zip.file("_rels/.rels", rootRels.replace("</Relationships>", `<Relationship Id="rIdCustom" Type="${R}/custom-properties" Target="docProps/custom.xml"/></Relationships>`));

  // workbook.xml: the chart sheet as the second tab, the pivot cache.
  let workbookXml = await zip.file(book.part)!.async("string");
  workbookXml = workbookXml.replace(book.sheets[0].element, `${book.sheets[0].element}<sheet name="${CHART_SHEET}" sheetId="${book.sheets.length + 1}" r:id="rIdChartSheet"/>`);
  workbookXml = workbookXml.replace(/localSheetId="(\d+)"/g, (_all, n: string) => `localSheetId="${Number(n) >= 1 ? Number(n) + 1 : n}"`);
  workbookXml = workbookXml.replace(/(<calcPr\b[^>]*\/>)/, `$1<pivotCaches><pivotCache cacheId="7" r:id="rIdPivotCache1"/></pivotCaches>`);
  zip.file(book.part, workbookXml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
