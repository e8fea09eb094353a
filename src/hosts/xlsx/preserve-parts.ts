import JSZip from "jszip";
import type { Plan } from "../../core/model";
import {
  attributes,
  unescapeXml,
  type Book,
  type ContentTypes,
  parseContentTypes,
  reachable,
  readBook,
  REL_TYPES,
  type Relationship,
  relationshipsOf,
  relsPathOf,
  resolveTarget,
  serializeContentTypes,
  serializeRelationships,
  type ZipStep,
} from "./zip-package";

/**
 * Nothing of the user's file lost. ExcelJS writes what it models (cells, styles, shared strings, merges,
 * validations, conditional formats, defined names) and drops the rest: charts and chart sheets, drawings
 * with shapes, pivot tables, custom XML, slicers, x14 extensions. This step keeps ExcelJS's workbook,
 * worksheet, styles and shared-strings parts (they hold the recalculated cells) and takes every other part
 * from IN unchanged, byte for byte, re-linked to its sheet and workbook: the worksheet's `<drawing>`,
 * `<legacyDrawing>`, `<tableParts>`… and `<extLst>` entries, chart sheets at their tab, `<pivotCaches>`.
 * ExcelJS's own re-written copies of drawings, comments, tables and the theme are discarded for IN's.
 * Sheets the plan rebuilds (the summary, the findings list) are owned: IN's drawings on them are not
 * restored, and what another zip step puts on them (the summary's chart) is kept, before or after this one.
 */
export function preserveParts(source: Uint8Array | ArrayBuffer, options: { rebuiltSheets?: Iterable<string> } = {}): ZipStep {
  const rebuilt = new Set(options.rebuiltSheets ?? []);
  return async (out) => {
    const input = await JSZip.loadAsync(source);
    const inBook = await readBook(input);
    const outBook = await readBook(out);
    const fresh = freshIds();
    const kept = await cellPartsOf(out, outBook, inBook);
    const brought = await partsToBring(input, inBook, outBook, kept.rootRels, rebuilt);

    const outKeep = await partsToKeep(out, outBook, kept.cells, rebuilt);
    const outTypes = parseContentTypes((await out.file("[Content_Types].xml")?.async("string")) ?? "");
    for (const name of Object.keys(out.files)) if (!out.files[name].dir && !outKeep.has(name)) out.remove(name);
    for (const part of brought.parts) {
      // Another step's part under one of IN's names would be overwritten: such a step must pick unused names.
      if (outKeep.has(part)) throw new Error(`preserveParts: ${part} có cả trong IN và trong phần đã ghi`);
      out.file(part, await input.file(part)!.async("uint8array"));
      const rels = input.file(relsPathOf(part));
      if (rels) out.file(relsPathOf(part), await rels.async("uint8array"));
    }

    for (const sheet of outBook.sheets) if (!rebuilt.has(sheet.name)) await relinkSheet(out, sheet.part, brought.sheetRestores.get(sheet.part), fresh);
    await relinkBook(out, outBook, kept.bookRels, inBook, brought.bookRels, rebuilt, fresh);
    out.file("_rels/.rels", serializeRelationships([...kept.rootRels, ...brought.rootRels.map((r) => ({ ...r, id: fresh(r.id) }))]));
    const inTypes = parseContentTypes((await input.file("[Content_Types].xml")?.async("string")) ?? "");
    out.file("[Content_Types].xml", serializeContentTypes(mergedContentTypes(out, outKeep, outTypes, inTypes)));
    return out;
  };
}

type SheetRestore = { rels: Relationship[]; tail: string | null; root: string };

/** Parts ExcelJS wrote that hold the cells (workbook, sheets, styles, shared strings); every other part of OUT gives way to IN's. */
async function cellPartsOf(out: JSZip, outBook: Book, inBook: Book): Promise<{ bookRels: Relationship[]; rootRels: Relationship[]; cells: Set<string> }> {
  const inHasTheme = inBook.rels.some((r) => r.type === REL_TYPES.theme);
  const bookRels = outBook.rels.filter((r) => r.type === REL_TYPES.worksheet || r.type === REL_TYPES.styles || r.type === REL_TYPES.sharedStrings || (r.type === REL_TYPES.theme && !inHasTheme));
  const rootRels = (await relationshipsOf(out, "")).filter((r) => r.type === REL_TYPES.officeDocument || r.type === REL_TYPES.coreProperties || r.type === REL_TYPES.extendedProperties);
  const cells = new Set<string>([outBook.part, ...bookRels.map((r) => resolveTarget(outBook.part, r.target)), ...rootRels.map((r) => resolveTarget("", r.target))]);
  return { bookRels, rootRels, cells };
}

/** What IN brings back: workbook-level parts, package-level ones, and each kept sheet's own, with what they reach. */
async function partsToBring(input: JSZip, inBook: Book, outBook: Book, keptRootRels: Relationship[], rebuilt: Set<string>) {
  const rootRels = (await relationshipsOf(input, "")).filter((r) => !keptRootRels.some((k) => k.type === r.type));
  const bookRels = inBook.rels.filter((r) => r.type !== REL_TYPES.worksheet && r.type !== REL_TYPES.styles && r.type !== REL_TYPES.sharedStrings && r.type !== REL_TYPES.calcChain);
  const sheetRestores = new Map<string, SheetRestore>();
  const inCells = new Set<string>([inBook.part, ...inBook.sheets.filter((s) => s.type === REL_TYPES.worksheet).map((s) => s.part)]);
  for (const r of inBook.rels) if (r.type === REL_TYPES.styles || r.type === REL_TYPES.sharedStrings || r.type === REL_TYPES.calcChain) inCells.add(resolveTarget(inBook.part, r.target));
  const roots: string[] = [];
  for (const r of rootRels) if (!r.external) roots.push(resolveTarget("", r.target));
  for (const r of bookRels) if (!r.external) roots.push(resolveTarget(inBook.part, r.target));
  for (const sheet of outBook.sheets) {
    const from = inBook.sheets.find((s) => s.name === sheet.name && s.type === REL_TYPES.worksheet);
    if (!from || rebuilt.has(sheet.name) || sheet.type !== REL_TYPES.worksheet) continue;
    const rels = (await relationshipsOf(input, from.part)).filter((r) => r.type !== REL_TYPES.hyperlink);
    const { head, tail } = splitAtSheetDataEnd(await input.file(from.part)!.async("uint8array"));
    sheetRestores.set(sheet.part, { rels, tail, root: rootTag(head) });
    for (const r of rels) if (!r.external) roots.push(resolveTarget(from.part, r.target));
  }
  const parts = [...(await reachable(input, roots))].filter((p) => !inCells.has(p));
  return { rootRels, bookRels, sheetRestores, parts };
}

/** OUT keeps its cell parts only, and on a rebuilt sheet what was put there after ExcelJS (a later or earlier step's chart), so steps compose in any order. */
async function partsToKeep(out: JSZip, outBook: Book, cells: Set<string>, rebuilt: Set<string>): Promise<Set<string>> {
  const keep = new Set<string>(["[Content_Types].xml", "_rels/.rels", relsPathOf(outBook.part), ...cells]);
  for (const s of outBook.sheets) {
    keep.add(s.part);
    keep.add(relsPathOf(s.part));
  }
  for (const part of await reachable(out, outBook.sheets.filter((s) => rebuilt.has(s.name)).map((s) => s.part))) {
    keep.add(part);
    keep.add(relsPathOf(part));
  }
  return keep;
}

/** OUT's content types for its parts, IN's for what IN brought, defaults from both. */
function mergedContentTypes(out: JSZip, outKeep: Set<string>, outTypes: ContentTypes, inTypes: ContentTypes): ContentTypes {
  const types = { defaults: new Map(outTypes.defaults), overrides: new Map<string, string>() };
  for (const [ext, type] of inTypes.defaults) if (!types.defaults.has(ext)) types.defaults.set(ext, type);
  for (const name of Object.keys(out.files)) {
    const type = outKeep.has(name) ? outTypes.overrides.get(name) : inTypes.overrides.get(name);
    if (type && !out.files[name].dir) types.overrides.set(name, type);
  }
  return types;
}

/** The sheets a plan clears and writes anew: owned by the recalculation, so nothing of IN's is put back on them. */
export function rebuiltSheetsOf(plan: Plan): string[] {
  return plan.ops.flatMap((op) => (op.op === "prepareSheet" ? [op.sheet] : []));
}

/** Relationship ids that cannot clash with ExcelJS's (rId1…): IN's are renamed on the way in. */
function freshIds(): (old: string) => string {
  let n = 0;
  return () => `rIdKept${++n}`;
}

// ASCII, so its bytes are its character codes (and no TextEncoder is needed when the module loads).
const SHEET_DATA_END = Uint8Array.from("</sheetData>", (c) => c.charCodeAt(0));

function lastIndexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = haystack.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * A worksheet's bytes split after its cells: only the short tail (merges, validations, drawings…) is
 * decoded and edited, never the megabytes of `<sheetData>`.
 */
function splitAtSheetDataEnd(bytes: Uint8Array): { head: Uint8Array; tail: string } {
  let at = lastIndexOfBytes(bytes, SHEET_DATA_END);
  if (at < 0) {
    const text = new TextDecoder().decode(bytes);
    const empty = text.search(/<sheetData\s*\/>/);
    at = empty < 0 ? text.search(/<\/worksheet>/) : text.indexOf(">", empty) + 1 - SHEET_DATA_END.length;
    if (at < 0) return { head: bytes, tail: "" };
    const cut = new TextEncoder().encode(text.slice(0, at + SHEET_DATA_END.length)).length;
    return { head: bytes.subarray(0, cut), tail: new TextDecoder().decode(bytes.subarray(cut)) };
  }
  const cut = at + SHEET_DATA_END.length;
  return { head: bytes.subarray(0, cut), tail: new TextDecoder().decode(bytes.subarray(cut)) };
}

/** The `<worksheet …>` start tag: namespaces and prolog are ASCII, so string and byte offsets agree. */
function rootTag(head: Uint8Array | string, element = "worksheet"): string {
  const start = typeof head === "string" ? head : new TextDecoder().decode(head.subarray(0, Math.min(head.length, 16_384)));
  return new RegExp(`<(?:\\w+:)?${element}\\b[^>]*>`).exec(start)?.[0] ?? "";
}

const TAIL_ELEMENT = /<mc:AlternateContent\b[\s\S]*?<\/mc:AlternateContent>|<(drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts)\b(?:[^>]*?\/>|[^>]*>[\s\S]*?<\/\1>)/g;
const EXT_LIST = /<extLst\b[^>]*>([\s\S]*)<\/extLst>/;
const EXT = /<(?:\w+:)?ext\b[^>]*>[\s\S]*?<\/(?:\w+:)?ext>/g;

const renameIds = (xml: string, ids: Map<string, string>) => xml.replace(/(\s[\w]+:id\s*=\s*")([^"]*)(")/g, (all, a: string, id: string, b: string) => (ids.has(id) ? a + ids.get(id) + b : all));

function extUris(extList: string): Set<string> {
  return new Set([...extList.matchAll(EXT)].map((m) => attributes(/^<[^>]*>/.exec(m[0])![0]).get("uri") ?? ""));
}

/** OUT's worksheet without ExcelJS's drawings/comments/tables, with IN's restored and re-linked. */
async function relinkSheet(out: JSZip, part: string, restore: { rels: Relationship[]; tail: string | null; root: string } | undefined, fresh: (old: string) => string): Promise<void> {
  const outRels = await relationshipsOf(out, part);
  const keptRels = outRels.filter((r) => r.type === REL_TYPES.hyperlink);
  if (keptRels.length === outRels.length && (!restore || (restore.rels.length === 0 && !EXT_LIST.test(restore.tail ?? "")))) return;
  const ids = new Map<string, string>();
  const restoredRels = (restore?.rels ?? []).map((r) => {
    const id = fresh(r.id);
    ids.set(r.id, id);
    return { ...r, id };
  });
  const { head, tail } = splitAtSheetDataEnd(await out.file(part)!.async("uint8array"));
  let outTail = tail.replace(TAIL_ELEMENT, (all: string, name: string | undefined) => (name ? "" : all));
  let root = rootTag(head);
  if (restore?.tail) {
    const inTail = restore.tail.replace(EXT_LIST, "");
    const elements = [...inTail.matchAll(TAIL_ELEMENT)].map((m) => renameIds(m[0], ids)).join("");
    const inExtList = EXT_LIST.exec(restore.tail)?.[1];
    const outExtList = EXT_LIST.exec(outTail)?.[1];
    let extList = outExtList;
    if (inExtList) {
      const have = outExtList ? extUris(outExtList) : new Set<string>();
      const added = [...inExtList.matchAll(EXT)].filter((m) => !have.has(attributes(/^<[^>]*>/.exec(m[0])![0]).get("uri") ?? "")).map((m) => renameIds(m[0], ids));
      extList = (outExtList ?? "") + added.join("");
    }
    outTail = outTail.replace(EXT_LIST, "");
    const insertAt = outTail.lastIndexOf("</worksheet>");
    outTail = outTail.slice(0, insertAt) + elements + (extList ? `<extLst>${extList}</extLst>` : "") + outTail.slice(insertAt);
    root = withNamespaces(root, restore.root, elements + (extList ?? ""));
  }
  const headText = new TextDecoder().decode(head.subarray(0, Math.min(head.length, 16_384)));
  const oldRoot = rootTag(head);
  const rootAt = headText.indexOf(oldRoot);
  const encoder = new TextEncoder();
  const parts = [head.subarray(0, rootAt), encoder.encode(root), head.subarray(rootAt + oldRoot.length), encoder.encode(outTail)];
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    bytes.set(p, offset);
    offset += p.length;
  }
  out.file(part, bytes);
  const rels = [...keptRels, ...restoredRels];
  if (rels.length) out.file(relsPathOf(part), serializeRelationships(rels));
  else out.remove(relsPathOf(part));
}

/** Adds to OUT's root tag the namespace declarations of IN's that the restored XML uses and OUT lacks. */
function withNamespaces(outRoot: string, inRoot: string, used: string): string {
  const have = attributes(outRoot);
  const add: string[] = [];
  for (const [name, uri] of attributes(inRoot)) {
    const prefix = name.startsWith("xmlns:") ? name.slice(6) : null;
    if (prefix && !have.has(name) && new RegExp(`[<\\s]${prefix}:`).test(used)) add.push(` ${name}="${uri}"`);
  }
  return add.length ? outRoot.replace(/\s*(\/?)>$/, `${add.join("")}$1>`) : outRoot;
}

const BOOK_INSERT_BEFORE = /<(?:smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/workbook>/;

/** OUT's workbook with IN's chart sheets at their tabs, pivot caches, external links and extensions. */
async function relinkBook(out: JSZip, outBook: Book, outBookRels: Relationship[], inBook: Book, inBookRels: Relationship[], rebuilt: ReadonlySet<string>, fresh: (old: string) => string): Promise<void> {
  const ids = new Map<string, string>();
  const restored = inBookRels.map((r) => {
    const id = fresh(r.id);
    ids.set(r.id, id);
    return { ...r, id };
  });
  let xml = outBook.xml;
  const outSheets = outBook.sheets.map((s) => s.element);
  const sheetIds = new Set(outBook.sheets.map((s) => Number(attributes(s.element).get("sheetId"))));
  let nextSheetId = Math.max(0, ...sheetIds) + 1;
  // Chart sheets go back to their tab; tab-indexed attributes (localSheetId, activeTab) move with the tabs.
  const tabs = [...outSheets];
  const inserted: number[] = [];
  inBook.sheets.forEach((sheet, i) => {
    if (sheet.type !== REL_TYPES.chartsheet) return;
    const tabName = (t: string) => unescapeXml(attributes(t).get("name") ?? "");
    const before = inBook.sheets.slice(0, i).reverse().find((s) => tabs.some((t) => tabName(t) === s.name));
    const at = before ? tabs.findIndex((t) => tabName(t) === before.name) + 1 : 0;
    let element = renameIds(sheet.element, ids);
    const sheetId = Number(attributes(element).get("sheetId"));
    if (sheetIds.has(sheetId)) element = element.replace(/sheetId="\d+"/, `sheetId="${nextSheetId++}"`);
    sheetIds.add(Number(attributes(element).get("sheetId")));
    tabs.splice(at, 0, element);
    inserted.push(at);
  });
  const finalTabs = tabs.map((t) => unescapeXml(attributes(t).get("name") ?? ""));
  if (inserted.length) {
    const sheetsAt = xml.search(/<(?:\w+:)?sheets\b/);
    const sheetsEnd = xml.indexOf("</sheets>", sheetsAt);
    if (sheetsAt >= 0 && sheetsEnd >= 0) {
      const open = xml.slice(sheetsAt, xml.indexOf(">", sheetsAt) + 1);
      xml = xml.slice(0, sheetsAt) + open + tabs.join("") + xml.slice(sheetsEnd);
    }
    const newIndex = (old: number) => Math.max(0, finalTabs.indexOf(outBook.sheets[old]?.name ?? ""));
    xml = xml.replace(/(activeTab|firstSheet)="(\d+)"/g, (_all, name: string, n: string) => `${name}="${newIndex(Number(n))}"`);
  }
  xml = withDefinedNames(xml, inBook, outBook, finalTabs, rebuilt);
  const inWorkbookBlock = (name: string) => new RegExp(`<${name}\\b[\\s\\S]*?</${name}>`).exec(inBook.xml)?.[0];
  const externals = inWorkbookBlock("externalReferences");
  if (externals && !xml.includes("<externalReferences")) xml = xml.replace("</sheets>", `</sheets>${renameIds(externals, ids)}`);
  const pivots = inWorkbookBlock("pivotCaches");
  if (pivots && !xml.includes("<pivotCaches")) xml = insertBefore(xml, BOOK_INSERT_BEFORE, renameIds(pivots, ids));
  const ext = inWorkbookBlock("extLst");
  if (ext && !xml.includes("<extLst")) xml = insertBefore(xml, /<\/workbook>/, renameIds(ext, ids));
  const outRoot = rootTag(xml, "workbook");
  xml = xml.replace(outRoot, withNamespaces(outRoot, rootTag(inBook.xml, "workbook"), xml));
  out.file(outBook.part, xml);
  out.file(relsPathOf(outBook.part), serializeRelationships([...outBookRels, ...restored]));
}

const DEFINED_NAMES = /<definedNames\b[^>]*>([\s\S]*?)<\/definedNames>|<definedNames\s*\/>/;
const DEFINED_NAME = /<definedName\b[^>]*(?:\/>|>[\s\S]*?<\/definedName>)/g;

/**
 * IN's defined names as IN wrote them (ExcelJS misplaces a sheet-local name when a chart sheet sits among
 * the tabs), each local one moved to its sheet's new tab; ExcelJS's only for the sheets the plan rebuilt
 * or added (their print titles) and for names IN did not have.
 */
function withDefinedNames(xml: string, inBook: Book, outBook: Book, finalTabs: readonly string[], rebuilt: ReadonlySet<string>): string {
  const names: string[] = [];
  const seen = new Set<string>();
  const key = (name: string, local: string | undefined) => `${name}\u0000${local ?? ""}`;
  const relocated = (element: string, tabs: readonly { name: string }[], keep: (sheet: string) => boolean) => {
    const a = attributes(/^<[^>]*>/.exec(element)![0]);
    const local = a.get("localSheetId");
    if (local === undefined) return { element, key: key(a.get("name") ?? "", undefined) };
    const sheet = tabs[Number(local)]?.name;
    if (sheet === undefined || !keep(sheet)) return null;
    const at = finalTabs.indexOf(sheet);
    return at < 0 ? null : { element: element.replace(/localSheetId="\d+"/, `localSheetId="${at}"`), key: key(a.get("name") ?? "", sheet) };
  };
  const inTabs = inBook.sheets;
  for (const m of (DEFINED_NAMES.exec(inBook.xml)?.[1] ?? "").matchAll(DEFINED_NAME)) {
    const name = relocated(m[0], inTabs, (sheet) => !rebuilt.has(sheet));
    if (name && !seen.has(name.key)) {
      seen.add(name.key);
      names.push(name.element);
    }
  }
  const inSheets = new Set(inTabs.map((s) => s.name));
  for (const m of (DEFINED_NAMES.exec(xml)?.[1] ?? "").matchAll(DEFINED_NAME)) {
    const name = relocated(m[0], outBook.sheets, (sheet) => rebuilt.has(sheet) || !inSheets.has(sheet));
    if (name && !seen.has(name.key)) {
      seen.add(name.key);
      names.push(name.element);
    }
  }
  const block = names.length ? `<definedNames>${names.join("")}</definedNames>` : "";
  if (DEFINED_NAMES.test(xml)) return xml.replace(DEFINED_NAMES, () => block);
  return insertBefore(xml, /<calcPr\b|<oleSize\b|<customWorkbookViews\b|<pivotCaches\b|<smartTagPr\b|<webPublishing\b|<fileRecoveryPr\b|<extLst\b|<\/workbook>/, block);
}

function insertBefore(xml: string, where: RegExp, text: string): string {
  const at = xml.search(where);
  return at < 0 ? xml : xml.slice(0, at) + text + xml.slice(at);
}
