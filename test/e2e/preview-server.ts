import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { type Browser, chromium, type LaunchOptions } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const CHROMIUM = "/usr/bin/chromium";
export const SHOTS = path.join(ROOT, "test-output");
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

export interface Preview {
  url: string;
  server: ChildProcess;
}

/** `npm run preview` on a free port, resolved once webpack has compiled. */
export async function startPreview(): Promise<Preview> {
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

export function stopPreview(preview: Preview | undefined): void {
  if (preview?.server.pid) process.kill(-preview.server.pid, "SIGTERM");
}

/** Debian's Chromium, headless, with the flags the project allows; nothing is downloaded. */
export function launchChromium(options: Pick<LaunchOptions, "ignoreDefaultArgs"> = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    ...options,
  });
}
