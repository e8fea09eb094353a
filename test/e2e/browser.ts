import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

/*
 * What the browser tests share: Debian's Chromium driven by playwright-core (nothing downloads a browser),
 * and the web page served by `npm run preview` on a free port.
 */

export const ROOT = path.resolve(__dirname, "../..");
export const SHOTS = path.join(ROOT, "test-output");
const CHROMIUM = "/usr/bin/chromium";

// CI installs Debian's chromium (.ci/run); a developer without it is told, rather than failing the suite.
export const describeInChromium = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;
if (!existsSync(CHROMIUM) && !process.env.CI) console.warn("test/e2e skipped: install Debian's chromium (apt-get install -y chromium) to run the browser tests.");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Served {
  url: string;
  server: ChildProcess;
}

export async function startPreview(): Promise<Served> {
  const port = await freePort();
  const server = spawn(path.join(ROOT, "node_modules/.bin/webpack"), ["serve", "--config", "webpack.preview.js"], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, detached: true });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${output}`)), 120_000);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Bản xem thử \/ preview: (http:\/\/localhost:\d+\/)/.exec(output);
      if (found && /compiled/.test(output)) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    server.stdout!.on("data", listen);
    server.stderr!.on("data", listen);
  });
  return { url, server };
}

export function stopPreview(served: Served | undefined): void {
  if (served?.server.pid) process.kill(-served.server.pid, "SIGTERM");
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A page that records every violation of its Content Security Policy and every uncaught error. */
export async function watchedPage(browser: Browser): Promise<{ page: Page; pageErrors: string[]; violations: () => Promise<string[]> }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: "vi-VN", acceptDownloads: true });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  return { page, pageErrors, violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations) };
}

export async function expectText(locator: ReturnType<Page["getByRole"]>, parts: string[]): Promise<void> {
  await locator.waitFor();
  const text = (await locator.textContent()) ?? "";
  for (const part of parts) expect(text).toContain(part);
}
