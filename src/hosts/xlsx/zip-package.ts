import type JSZip from "jszip";

/**
 * One step over the saved workbook's zip (Open Packaging Conventions parts) after ExcelJS has written it:
 * steps run in turn on the same zip, so that each adds or re-links the parts it is responsible for.
 * Plain JSZip and strings only, so that the browser page runs the same steps as the command line.
 */
export type ZipStep = (zip: JSZip) => JSZip | Promise<JSZip>;

export const REL_TYPES = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  chartsheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  theme: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme",
  hyperlink: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
  coreProperties: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProperties: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
  pivotCacheDefinition: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition",
  externalLink: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink",
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found.set(m[1], m[2] ?? m[3]);
  return found;
}

/** The five named entities and numeric character references, each read once (so "&amp;lt;" stays "&lt;"). */
export const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" }[name]!,
  );
export const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

function parseRelationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: unescapeXml(a.get("Target") ?? ""), external: a.get("TargetMode") === "External" };
  });
}

export function serializeRelationships(rels: readonly Relationship[]): string {
  const items = rels.map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join("")}</Relationships>`;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; the package's own rels for "". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name without the leading slash, resolved against its source part. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = source.split("/").slice(0, -1);
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== "." && step !== "") parts.push(step);
  }
  return parts.join("/");
}

/** The relationships of `part` in `zip` ([] when it has none). */
export async function relationshipsOf(zip: JSZip, part: string): Promise<Relationship[]> {
  const file = zip.file(relsPathOf(part));
  return file ? parseRelationships(await file.async("string")) : [];
}

interface BookSheet {
  name: string;
  /** The `<sheet …/>` element of workbook.xml, as written. */
  element: string;
  relId: string;
  type: string;
  /** Part name, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
}

export interface Book {
  part: string;
  xml: string;
  rels: Relationship[];
  sheets: BookSheet[];
}

/** The workbook part, its relationships and its sheets in tab order, found through the package's rels. */
export async function readBook(zip: JSZip): Promise<Book> {
  const root = parseRelationships((await zip.file("_rels/.rels")?.async("string")) ?? "");
  const part = resolveTarget("", root.find((r) => r.type === REL_TYPES.officeDocument)?.target ?? "xl/workbook.xml");
  const xml = (await zip.file(part)?.async("string")) ?? "";
  const rels = await relationshipsOf(zip, part);
  const sheets: BookSheet[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*\/?>/g)) {
    const a = attributes(m[0]);
    const relId = a.get("r:id") ?? [...a].find(([k]) => k.endsWith(":id"))?.[1] ?? "";
    const rel = rels.find((r) => r.id === relId);
    if (!rel) continue;
    sheets.push({ name: unescapeXml(a.get("name") ?? ""), element: m[0], relId, type: rel.type, part: resolveTarget(part, rel.target) });
  }
  return { part, xml, rels, sheets };
}

/** Every part reachable from `roots` through relationships (the roots included; external targets left out). */
export async function reachable(zip: JSZip, roots: Iterable<string>): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const part = queue.pop()!;
    if (seen.has(part) || !zip.file(part)) continue;
    seen.add(part);
    for (const rel of await relationshipsOf(zip, part)) if (!rel.external) queue.push(resolveTarget(part, rel.target));
  }
  return seen;
}

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export function parseContentTypes(xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)) {
    const a = attributes(m[0]);
    defaults.set((a.get("Extension") ?? "").toLowerCase(), a.get("ContentType") ?? "");
  }
  for (const m of xml.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
    const a = attributes(m[0]);
    overrides.set(unescapeXml(a.get("PartName") ?? "").replace(/^\//, ""), a.get("ContentType") ?? "");
  }
  return { defaults, overrides };
}

export function serializeContentTypes(types: ContentTypes): string {
  const defaults = [...types.defaults].map(([ext, type]) => `<Default Extension="${escapeXml(ext)}" ContentType="${escapeXml(type)}"/>`);
  const overrides = [...types.overrides].map(([part, type]) => `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults.join("")}${overrides.join("")}</Types>`;
}
