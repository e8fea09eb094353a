import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function policy(page: string): Map<string, string[]> {
  const html = readFileSync(path.join(ROOT, page), "utf8");
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  if (!content) throw new Error(`${page} has no Content-Security-Policy`);
  return new Map(content.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe.each(["src/taskpane/taskpane.html"])("the Content Security Policy of %s", (page) => {
  it("runs scripts only from the add-in itself and the hosts office.js needs (office-js issue #1005), and never evaluates text", () => {
    const csp = policy(page);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com", "https://browser.pipe.aria.microsoft.com"]);
    // office.js reports to Office's telemetry host (#1005): connect-src's *.microsoft.com covers it.
    expect(csp.get("connect-src")).toContain("https://*.microsoft.com");
    for (const values of csp.values()) expect(values).not.toContain("'unsafe-eval'");
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("object-src")).toEqual(["'none'"]);
  });

  it("loads the office.js its policy allows", () => {
    const html = readFileSync(path.join(ROOT, page), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => new URL(m[1]).origin);
    for (const origin of scripts) expect(policy(page).get("script-src")).toContain(origin);
  });
});

describe("the Content Security Policy of the web page (src/preview/preview.html, dist/web/index.html)", () => {
  it("lets the page load, run and connect to nothing but its own files, so no workbook can leave the browser", () => {
    const csp = policy("src/preview/preview.html");
    for (const directive of ["default-src", "script-src", "connect-src"]) expect(csp.get(directive)).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'none'"]);
    for (const values of csp.values()) {
      expect(values).not.toContain("'unsafe-eval'");
      for (const value of values) expect(value).not.toMatch(/^(https?:|\*)/);
    }
  });
});
