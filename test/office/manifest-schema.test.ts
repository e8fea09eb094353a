/**
 * manifest.xml against Microsoft's published XSDs (test/office/schemas/, see the README there), offline,
 * with xmllint (Debian: libxml2-utils). The XSDs predate the shared runtime, so <Runtimes> is taken out
 * first; manifest.test.ts checks it against [MS-OWEMXML].
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const SCHEMA = join(__dirname, "schemas", "OfficeAppManifestV1_1.xsd");
const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
const RUNTIMES = /\n\s*<Runtimes>[\s\S]*?<\/Runtimes>/;

function validate(xml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "manifest-"));
  const file = join(dir, "manifest.xml");
  writeFileSync(file, xml);
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, file], { encoding: "utf8" });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

(hasXmllint || process.env.CI ? describe : describe.skip)("manifest.xml against Microsoft's XSDs (xmllint)", () => {
  it("finds xmllint (apt-get install libxml2-utils)", () => {
    expect(spawnSync("xmllint", ["--version"]).status).toBe(0);
  });

  it("is valid once <Runtimes>, which the XSDs predate, is taken out", () => {
    expect(manifest).toMatch(RUNTIMES);
    const { ok, output } = validate(manifest.replace(RUNTIMES, ""));
    expect([ok, output.trim()]).toEqual([true, expect.stringMatching(/validates$/)]);
  });

  it("is rejected with <Runtimes> in, for that element alone: the XSDs do not know the shared runtime", () => {
    const { ok, output } = validate(manifest);
    expect(ok).toBe(false);
    const errors = output.split("\n").filter((line) => line.includes("validity error"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Element '\{http:\/\/schemas\.microsoft\.com\/office\/taskpaneappversionoverrides\}Runtimes': This element is not expected/);
  });

  it("catches what the XSDs know: elements out of order, a malformed version, an unknown permission", () => {
    const valid = manifest.replace(RUNTIMES, "");
    const cases = [
      valid.replace(/(<Version>[^<]*<\/Version>)\s*(<ProviderName>[^<]*<\/ProviderName>)/, "$2$1"),
      valid.replace(/<Version>[^<]*<\/Version>/, "<Version>1.0.beta</Version>"),
      valid.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"),
    ];
    for (const xml of cases) {
      expect(xml).not.toBe(valid);
      expect(validate(xml).ok).toBe(false);
    }
  });
});
