// `npm run cli`: runs the compiled command line (build/cli/main.js, plain JavaScript, no TypeScript loader),
// building it first only when it is missing or older than a source it is built from. npm's `prepare` would
// build it at install time, but not where npm is set to ignore-scripts, and a checkout that edits src/
// must never run yesterday's bundle.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BUNDLE = path.join(ROOT, "build/cli/main.js");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(BUNDLE) || Math.max(newestSource(path.join(ROOT, "src")), newestSource(path.join(ROOT, "seeds"))) > statSync(BUNDLE).mtimeMs;
if (stale) {
  const built = spawnSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  if (built.status !== 0) process.exit(2);
}
await import(pathToFileURL(BUNDLE).href);
