import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

// Every import under src/core is resolved the way the compiler resolves it (tsconfig's options), so a
// relative path that climbs into a host, a re-export through an index, or a package that happens to be
// installed are all caught, not only the names a regular expression thinks of.
const ROOT = path.resolve(__dirname, "../..");
const CORE = path.join(ROOT, "src/core");
const CATALOGUE_DATA = path.join(ROOT, "seeds");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

function compilerOptions(): ts.CompilerOptions {
  const configPath = path.join(ROOT, "tsconfig.core.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
}

type Resolution = { from: string; specifier: string; resolved: string | null; packageName: string | null };

function importsOf(file: string, options: ts.CompilerOptions): Resolution[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return importedFiles.map(({ fileName: specifier }) => {
    const result = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule;
    return {
      from: path.relative(ROOT, file),
      specifier,
      resolved: result ? path.resolve(result.resolvedFileName) : null,
      packageName: result?.packageId?.name ?? null,
    };
  });
}

/** Inside the core, zod, or the catalogue's own JSON data; nothing else. */
function allowed(resolution: Resolution): boolean {
  if (resolution.resolved === null) return false;
  if (resolution.packageName === "zod") return true;
  if (resolution.resolved.includes(`${path.sep}node_modules${path.sep}`)) return false;
  if (resolution.resolved.startsWith(CORE + path.sep)) return true;
  return path.dirname(resolution.resolved) === CATALOGUE_DATA && resolution.resolved.endsWith(".json");
}

describe("the core's imports", () => {
  const options = compilerOptions();
  const resolutions = sourceFiles(CORE).flatMap((file) => importsOf(file, options));

  it("are all found", () => {
    expect(resolutions.length).toBeGreaterThan(50);
    expect(resolutions.filter((r) => r.resolved === null)).toEqual([]);
  });

  it("stay inside src/core, but for zod and the catalogue's JSON", () => {
    expect(resolutions.filter((r) => !allowed(r)).map((r) => `${r.from} → ${r.specifier}`)).toEqual([]);
  });

  it("would be caught climbing out of the core", () => {
    const from = path.join(CORE, "plan/summary.ts");
    const probe = (specifier: string): Resolution => {
      const result = ts.resolveModuleName(specifier, from, options, ts.sys).resolvedModule;
      return { from, specifier, resolved: result ? path.resolve(result.resolvedFileName) : null, packageName: result?.packageId?.name ?? null };
    };
    expect(allowed(probe("../../hosts/xlsx/xlsx-host"))).toBe(false);
    expect(allowed(probe("exceljs"))).toBe(false);
    expect(allowed(probe("react"))).toBe(false);
    expect(allowed(probe("../../../package.json"))).toBe(false);
    expect(allowed(probe("zod"))).toBe(true);
    expect(allowed(probe("../../../seeds/de-an-02.definitions.json"))).toBe(true);
  });
});
