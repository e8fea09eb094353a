import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx|js)$/.test(name) ? [full] : [];
  });
}

describe("the source", () => {
  it("never evaluates text as code", () => {
    const offenders = files(path.join(ROOT, "src")).filter((f) => /\beval\s*\(|new\s+Function\s*\(/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("keeps the core free of Office.js, the DOM and the file system", () => {
    const offenders = files(path.join(ROOT, "src/core")).filter((f) =>
      /from\s+["'](node:|fs|path|react|office|@microsoft|@fluentui)|\bOffice\.(context|onReady|actions|addin)|\bExcel\.run|\bdocument\.|\bwindow\./.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps HyperFormula, which is GPL, out of everything that ships", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.dependencies?.hyperformula).toBeUndefined();
    expect(pkg.devDependencies.hyperformula).toBeDefined();
    const offenders = files(path.join(ROOT, "src")).filter((f) => /hyperformula/i.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
