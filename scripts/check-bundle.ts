/**
 * After `npm run build`: the ribbon's function file must carry no React and no Fluent UI (it loads on
 * every click of "Tính lại chỉ tiêu"). The build already fails when such a module is bundled; this looks
 * at the emitted text as well, checks that no bundle uses eval or new Function, and prints the bundles'
 * sizes. Run: npm run check:bundle
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const DIST = join(__dirname, "..", "dist");

/** Strings that only React, ReactDOM or Fluent UI put into a bundle. */
const MARKERS: [string, RegExp][] = [
  ["React element symbol", /react\.(transitional\.)?element/],
  ["React internals", /__(SECRET|CLIENT)_INTERNALS/],
  ["ReactDOM", /react-dom|createRoot|hydrateRoot/],
  ["Fluent UI class names", /fui-[A-Z][A-Za-z]+/],
  ["Griffel (Fluent UI styles)", /griffel|makeStyles/],
];

function bundles(prefix: string): string[] {
  return readdirSync(DIST).filter((f) => f.startsWith(prefix) && f.endsWith(".js"));
}

function main(): number {
  let files: string[];
  try {
    files = readdirSync(DIST);
  } catch {
    console.error("dist/ is missing: run `npm run build` first.");
    return 1;
  }
  const commands = bundles("commands");
  const taskpane = bundles("taskpane");
  if (!commands.length || !taskpane.length) {
    console.error(`dist/ has no commands*.js or taskpane*.js (found: ${files.join(", ")}). Run \`npm run build\` first.`);
    return 1;
  }
  let failed = false;
  for (const file of commands) {
    const text = readFileSync(join(DIST, file), "utf8");
    for (const [what, pattern] of MARKERS) {
      const hit = pattern.exec(text);
      if (hit) {
        console.error(`${file}: contains ${what} (“${hit[0]}”): the commands bundle must not load React or Fluent UI.`);
        failed = true;
      }
    }
  }
  for (const file of [...commands, ...taskpane]) {
    const text = readFileSync(join(DIST, file), "utf8");
    const evaluates = /\beval\s*\(|new\s+Function\s*\(/.exec(text);
    if (evaluates) {
      console.error(`${file}: evaluates text as code (“${text.slice(Math.max(0, evaluates.index - 40), evaluates.index + 30)}”).`);
      failed = true;
    }
  }
  for (const file of [...commands, ...taskpane]) {
    const bytes = readFileSync(join(DIST, file));
    console.log(`${file.padEnd(28)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KiB  gzip ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1).padStart(6)} KiB`);
  }
  if (!failed) console.log("commands bundle: no React, no Fluent UI; no bundle evaluates text as code.");
  return failed ? 1 : 0;
}

process.exitCode = main();
