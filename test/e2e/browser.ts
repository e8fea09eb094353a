import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { type Browser, chromium, type LaunchOptions, type Page } from "playwright-core";

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

/** `npm run preview` on a free port, resolved once webpack has compiled. */
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

/** Debian's Chromium, headless, with the flags this machine needs; nothing is downloaded. */
export function launchChromium(options: Pick<LaunchOptions, "ignoreDefaultArgs"> = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    ...options,
  });
}

/** What a test sees: the served page, a fresh tab on it, and every URL that tab requested. */
export interface Session {
  served: Served;
  page: Page;
  requests: string[];
}

/**
 * Registers the suite's hooks: one server and one Chromium for the suite, and for each test a fresh tab on
 * the page that fails the test on any violation of the page's Content Security Policy or any uncaught error
 * (React unmounts the whole page on one).
 */
export function sessionPerTest(): Session {
  const session = { requests: [] as string[] } as Session;
  let browser: Browser;
  let pageErrors: string[] = [];
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session.served = await startPreview();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    stopPreview(session.served);
  });
  beforeEach(async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: "vi-VN", acceptDownloads: true });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    pageErrors = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    // A file of its own the page asks for and does not get (the icon, the sample) is a fault too.
    page.on("console", (m) => {
      if (m.type() === "error" && m.text().startsWith("Failed to load resource")) pageErrors.push(`${m.text()} ${m.location().url}`);
    });
    session.requests = [];
    page.on("request", (request) => session.requests.push(request.url()));
    session.page = page;
    await page.goto(session.served.url);
  }, 60_000);
  afterEach(async () => {
    const violations = await session.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    await session.page.close();
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
  return session;
}

export async function expectText(locator: ReturnType<Page["getByRole"]>, parts: string[]): Promise<void> {
  await locator.waitFor();
  const text = (await locator.textContent()) ?? "";
  for (const part of parts) expect(text).toContain(part);
}
