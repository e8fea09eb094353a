/**
 * @jest-environment jsdom
 *
 * office-addin-manifest validate asks a Microsoft service, so this checks the structure [MS-OWEMXML]
 * requires, with jsdom's DOMParser; manifest-schema.test.ts also validates it with xmllint against
 * Microsoft's published XSDs.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const DEV_URL = "https://localhost:3000/";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

const text = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(text, "application/xml");
const root = doc.documentElement;

const children = (el: Element, name?: string) => Array.from(el.children).filter((c) => !name || c.localName === name);
const child = (el: Element, name: string) => {
  const found = children(el, name);
  if (found.length !== 1) throw new Error(`<${el.localName}> has ${found.length} <${name}>`);
  return found[0];
};
const all = (name: string) => Array.from(doc.getElementsByTagName("*")).filter((e) => e.localName === name);
const xsiType = (el: Element) => el.getAttributeNS(XSI, "type");

/** Children must appear in this order (each may be absent), and no others. */
function expectOrder(el: Element, order: string[]) {
  const names = children(el).map((c) => c.localName);
  const unknown = names.filter((n) => !order.includes(n));
  expect([el.localName, unknown]).toEqual([el.localName, []]);
  const positions = names.map((n) => order.indexOf(n));
  expect([el.localName, positions]).toEqual([el.localName, [...positions].sort((a, b) => a - b)]);
}

const versionOverrides = child(root, "VersionOverrides");
const resources = child(versionOverrides, "Resources");
const section = (name: string) => children(child(resources, name));
const RESOURCE_KINDS = { Images: section("Images"), Urls: section("Urls"), ShortStrings: section("ShortStrings"), LongStrings: section("LongStrings") };

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function localFile(url: string): string {
  expect(url.startsWith(DEV_URL)).toBe(true);
  return join(ROOT, url.slice(DEV_URL.length));
}

describe("manifest.xml", () => {
  it("is well-formed XML with an OfficeApp task pane add-in at its root", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(root.localName).toBe("OfficeApp");
    expect(root.namespaceURI).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(xsiType(root)).toBe("TaskPaneApp");
    expect(versionOverrides.namespaceURI).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
    expect(xsiType(versionOverrides)).toBe("VersionOverridesV1_0");
  });

  it("lists OfficeApp's elements in the order the schema requires", () => {
    expectOrder(root, [
      "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl",
      "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "AllowSnapshot", "VersionOverrides",
    ]);
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "Hosts", "Requirements", "DefaultSettings", "Permissions"]) {
      expect(children(root, required)).toHaveLength(1);
    }
    expectOrder(versionOverrides, ["Description", "Requirements", "Hosts", "Resources", "VersionOverrides"]);
    expectOrder(resources, ["Images", "Urls", "ShortStrings", "LongStrings"]);
    for (const host of children(child(versionOverrides, "Hosts"))) expectOrder(host, ["Runtimes", "DesktopFormFactor"]);
    for (const ff of all("DesktopFormFactor")) expectOrder(ff, ["GetStarted", "FunctionFile", "ExtensionPoint"]);
    for (const start of all("GetStarted")) expectOrder(start, ["Title", "Description", "LearnMoreUrl"]);
    for (const tab of all("CustomTab")) expectOrder(tab, ["Group", "OfficeGroup", "Label", "InsertAfter", "InsertBefore"]);
    for (const group of all("Group")) expectOrder(group, ["Label", "Icon", "Control"]);
    for (const control of all("Control")) expectOrder(control, ["Label", "Supertip", "Icon", "Action"]);
    for (const tip of all("Supertip")) expectOrder(tip, ["Title", "Description"]);
  });

  it("is an Excel add-in asking for ReadWriteDocument and ExcelApi 1.13 (merged cells), nothing more", () => {
    expect(child(root, "Permissions").textContent).toBe("ReadWriteDocument");
    expect(children(child(root, "Hosts")).map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(children(child(versionOverrides, "Hosts")).map(xsiType)).toEqual(["Workbook"]);
    const sets = children(child(child(root, "Requirements"), "Sets"));
    expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([["ExcelApi", "1.13"]]);
    // SharedRuntime is not required: where a platform lacks it the command still runs, in its own runtime.
    expect(children(versionOverrides, "Requirements")).toEqual([]);
  });

  it("has a GUID id, a four-part version matching package.json, and Vietnamese as the default locale", () => {
    expect(child(root, "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(child(root, "Version").textContent).toBe(`${pkg.version}.0`);
    expect(child(root, "DefaultLocale").textContent).toBe("vi-VN");
  });

  it("names and describes the add-in within the limits, with English overrides", () => {
    for (const [name, max] of [["DisplayName", 125], ["Description", 250]] as const) {
      const el = child(root, name);
      expect(el.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(max);
      const overrides = children(el, "Override");
      expect(overrides.map((o) => o.getAttribute("Locale"))).toEqual(["en-US"]);
      expect(overrides[0].getAttribute("Value")!.length).toBeLessThanOrEqual(max);
    }
  });

  it("points every resid at a resource of the right kind, and leaves no resource unused", () => {
    const kindOf = (el: Element): keyof typeof RESOURCE_KINDS => {
      switch (el.localName) {
        case "Image":
          return "Images";
        case "FunctionFile":
        case "SourceLocation":
        case "LearnMoreUrl":
        case "Runtime":
          return "Urls";
        case "Label":
        case "Title":
          return "ShortStrings";
        case "Description":
          return "LongStrings";
        default:
          throw new Error(`unexpected resid on <${el.localName}>`);
      }
    };
    const referenced = Array.from(versionOverrides.getElementsByTagName("*")).filter((e) => e.hasAttribute("resid"));
    expect(referenced.length).toBeGreaterThan(10);
    const used = new Set<string>();
    for (const el of referenced) {
      const resid = el.getAttribute("resid")!;
      expect(resid.length).toBeLessThanOrEqual(32);
      const kind = kindOf(el);
      expect([el.localName, resid, RESOURCE_KINDS[kind].some((r) => r.getAttribute("id") === resid)]).toEqual([el.localName, resid, true]);
      used.add(resid);
    }
    const ids = Object.values(RESOURCE_KINDS).flat().map((r) => r.getAttribute("id")!);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });

  it("keeps short strings within 125 characters and long strings within 250, in every language", () => {
    for (const [kind, max] of [["ShortStrings", 125], ["LongStrings", 250]] as const) {
      for (const s of RESOURCE_KINDS[kind]) {
        const values = [s.getAttribute("DefaultValue")!, ...children(s, "Override").map((o) => o.getAttribute("Value")!)];
        for (const v of values) expect([s.getAttribute("id"), v.length <= max]).toEqual([s.getAttribute("id"), true]);
      }
    }
  });

  it("gives every label and tip an en-US override", () => {
    for (const s of [...RESOURCE_KINDS.ShortStrings, ...RESOURCE_KINDS.LongStrings]) {
      const locales = children(s, "Override").map((o) => o.getAttribute("Locale"));
      expect([s.getAttribute("id"), locales]).toEqual([s.getAttribute("id"), ["en-US"]]);
    }
  });

  it("has icon files of the declared pixel sizes: 16, 32 and 80 on the ribbon, 32 (IconUrl) and 64 (HighResolutionIconUrl) for the add-in", () => {
    const sizeOf = new Map<string, string>();
    for (const icon of all("Icon")) {
      const images = children(icon, "Image");
      expect(images.map((i) => i.getAttribute("size"))).toEqual(["16", "32", "80"]);
      for (const img of images) {
        const resid = img.getAttribute("resid")!;
        expect(sizeOf.get(resid) ?? img.getAttribute("size")).toBe(img.getAttribute("size"));
        sizeOf.set(resid, img.getAttribute("size")!);
      }
    }
    for (const image of RESOURCE_KINDS.Images) {
      const size = Number(sizeOf.get(image.getAttribute("id")!));
      const file = localFile(image.getAttribute("DefaultValue")!);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    expect(pngSize(localFile(child(root, "IconUrl").getAttribute("DefaultValue")!))).toEqual({ width: 32, height: 32 });
    expect(pngSize(localFile(child(root, "HighResolutionIconUrl").getAttribute("DefaultValue")!))).toEqual({ width: 64, height: 64 });
  });

  it("declares one shared runtime, long-lived, on the task pane's page, which is also the function file and the pane", () => {
    const url = (resid: string | null) => RESOURCE_KINDS.Urls.find((u) => u.getAttribute("id") === resid)!.getAttribute("DefaultValue");
    const runtimes = all("Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    const page = url(runtimes[0].getAttribute("resid"));
    expect(page).toBe(child(child(root, "DefaultSettings"), "SourceLocation").getAttribute("DefaultValue"));
    expect(all("FunctionFile").map((f) => url(f.getAttribute("resid")))).toEqual([page]);
    const show = all("Action").find((a) => xsiType(a) === "ShowTaskpane")!;
    expect(url(child(show, "SourceLocation").getAttribute("resid"))).toBe(page);
    // The built page loads the command's bundle before the pane's (webpack.config.js).
    expect(readFileSync(join(ROOT, "webpack.config.js"), "utf8")).toMatch(/filename: "taskpane\.html"[^\n]*chunks: \["commands", "taskpane"\]/);
  });

  it("greets a first run in Vietnamese with an English override, and links the help page", () => {
    const [start] = all("GetStarted");
    const text = (name: string, kind: "ShortStrings" | "LongStrings") => RESOURCE_KINDS[kind].find((r) => r.getAttribute("id") === child(start, name).getAttribute("resid"))!;
    expect(text("Title", "ShortStrings").getAttribute("DefaultValue")).toBe("Đề án 02 đã sẵn sàng");
    expect(text("Description", "LongStrings").getAttribute("DefaultValue")).toContain("Tính lại chỉ tiêu");
    const learnMore = RESOURCE_KINDS.Urls.find((u) => u.getAttribute("id") === child(start, "LearnMoreUrl").getAttribute("resid"))!.getAttribute("DefaultValue")!;
    expect(existsSync(join(ROOT, "src", "taskpane", learnMore.slice(DEV_URL.length)))).toBe(true);
  });

  it("runs the function the command's bundle associates, from an HTML function file", () => {
    const source = readFileSync(join(ROOT, "src", "commands", "commands.ts"), "utf8");
    const associated = [...source.matchAll(/Office\.actions\.associate\(\s*"([^"]+)"/g)].map((m) => m[1]);
    const actions = all("Action").filter((a) => xsiType(a) === "ExecuteFunction");
    expect(actions.map((a) => child(a, "FunctionName").textContent)).toEqual(associated);
    expect(associated).toEqual(["tinhLaiChiTieu"]);
    for (const ff of all("DesktopFormFactor")) {
      const resid = child(ff, "FunctionFile").getAttribute("resid");
      const url = RESOURCE_KINDS.Urls.find((u) => u.getAttribute("id") === resid)!.getAttribute("DefaultValue")!;
      expect(url).toMatch(/\.html$/);
      expect(existsSync(join(ROOT, "src", "taskpane", url.slice(DEV_URL.length)))).toBe(true);
    }
  });

  it("has a ribbon tab with the two buttons, unique ids, and a task pane button with its pane id", () => {
    const controls = all("Control");
    expect(controls.map((c) => [xsiType(c), child(c, "Action").getAttributeNS(XSI, "type")])).toEqual([
      ["Button", "ExecuteFunction"],
      ["Button", "ShowTaskpane"],
    ]);
    const ids = [...all("CustomTab"), ...all("Group"), ...controls].map((e) => e.getAttribute("id")!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(125);
    const show = all("Action").find((a) => xsiType(a) === "ShowTaskpane")!;
    expect(child(show, "TaskpaneId").textContent).toBeTruthy();
    const labels = (resid: string) => RESOURCE_KINDS.ShortStrings.find((s) => s.getAttribute("id") === resid)!.getAttribute("DefaultValue");
    expect(controls.map((c) => labels(child(c, "Label").getAttribute("resid")!))).toEqual(["Tính lại chỉ tiêu", "Bảng kiểm tra"]);
    expect(labels(child(all("CustomTab")[0], "Label").getAttribute("resid")!)).toBe("Đề án 02");
  });

  it("uses https for every URL", () => {
    const urls = Array.from(doc.getElementsByTagName("*")).flatMap((el) =>
      ["DefaultValue", "Value"].map((a) => el.getAttribute(a)).filter((v): v is string => !!v && /^[a-z]+:\/\//i.test(v)),
    );
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    const sourceLocation = child(child(root, "DefaultSettings"), "SourceLocation").getAttribute("DefaultValue")!;
    expect(existsSync(join(ROOT, "src", "taskpane", sourceLocation.slice(DEV_URL.length)))).toBe(true);
    const support = child(root, "SupportUrl").getAttribute("DefaultValue")!;
    expect(existsSync(join(ROOT, "src", "taskpane", support.slice(DEV_URL.length)))).toBe(true);
  });
});
