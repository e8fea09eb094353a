/**
 * After `npm run build`: the ribbon's function file must carry no React and no Fluent UI (it loads on
 * every click of "Tính lại chỉ tiêu"). The build already fails when such a module is bundled; this looks
 * at the emitted text as well, checks that no bundle uses eval or new Function, fails a bundle over its
 * budget (function file 45 KiB, task pane 300 KiB, web page 550 KiB, gzipped), checks that the web page
 * (dist/web/index.html) keeps the pane's Content Security Policy, and prints the bundles'
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

/**
 * Library code in the lazily loaded reader chunk that names new Function but never runs it here:
 * ExcelJS's setImmediate polyfill turns a string argument into code (nothing passes one), and zod's probe
 * for eval is skipped because the chunk sets jitless before any schema is built. The browser test runs the
 * reader under the pane's CSP and fails on any violation.
 */
const GUARDED_IDIOMS: [string, string][] = [
  ['"function"!=typeof e&&(e=new Function(""+e))', "ExcelJS setImmediate polyfill"],
  ['try{return new Function(""),!0}catch(e){return!1}', "zod eval probe"],
];

/**
 * Issue 6's budgets, gzipped at zlib's default level as a web server sends them. The command's was 30 KiB;
 * it is 42 since issues 12–15: the reader knows sections, subtotals and numbers typed as text (12); the
 * command writes in undo-safe phases, reads sheets of more than 512 merged areas, splits refused writes and
 * words its failures (13); the printable summary, findings sheet and
 * charts are code every "Tính lại" runs (14); the definitions it embeds carry English names (15). It is 45
 * since issue 16: the catalogue is compiled once into trees and indexes, findings carry typed parameters
 * and are worded from a message catalogue, a refused file's reason is a code worded per language, and
 * failures are worded for the action that failed (43.3 KiB measured after it). The
 * manifest's shared runtime loads it once per workbook with the pane's page, not on every click.
 * The web page carries ExcelJS from the start (it opens a file before anything else), hence its larger budget.
 */
const BUDGET_KIB = { commands: 45, taskpane: 300, web: 550 };

/** What the web page's policy must say: its own files only, so that no workbook can leave the browser. */
const WEB_PAGE = join("web", "index.html");
const WEB_POLICY = ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "object-src 'none'", "form-action 'none'"];

function webPageFaults(): string[] {
  let html: string;
  try {
    html = readFileSync(join(DIST, WEB_PAGE), "utf8");
  } catch {
    return [`dist/${WEB_PAGE} is missing: the web page must be built beside the add-in.`];
  }
  const policy = /http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/i.exec(html)?.[1];
  if (!policy) return [`dist/${WEB_PAGE}: no Content-Security-Policy meta tag.`];
  const faults = WEB_POLICY.filter((directive) => !policy.split(";").some((d) => d.trim() === directive)).map((d) => `dist/${WEB_PAGE}: its policy lacks “${d}”.`);
  const hosts = /https?:|\*/.exec(policy);
  if (hosts) faults.push(`dist/${WEB_PAGE}: its policy allows other hosts (“${hosts[0]}”): the page may load nothing but its own files.`);
  return faults;
}

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
  const web = bundles("web");
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
  const lazy = files.filter((f) => f.endsWith(".js") && !commands.includes(f) && !taskpane.includes(f) && !web.includes(f));
  for (const fault of webPageFaults()) {
    console.error(fault);
    failed = true;
  }
  for (const file of [...commands, ...taskpane, ...web, ...lazy]) {
    let text = readFileSync(join(DIST, file), "utf8");
    for (const [idiom] of GUARDED_IDIOMS) text = text.split(idiom).join("");
    const evaluates = /\beval\s*\(|new\s+Function\s*\(/.exec(text);
    if (evaluates) {
      console.error(`${file}: evaluates text as code (“${text.slice(Math.max(0, evaluates.index - 40), evaluates.index + 30)}”).`);
      failed = true;
    }
  }
  for (const file of [...commands, ...taskpane, ...web, ...lazy]) {
    const bytes = readFileSync(join(DIST, file));
    const gzipped = gzipSync(bytes).length / 1024;
    console.log(`${file.padEnd(28)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KiB  gzip ${gzipped.toFixed(1).padStart(6)} KiB`);
    const budget = commands.includes(file) ? BUDGET_KIB.commands : taskpane.includes(file) ? BUDGET_KIB.taskpane : web.includes(file) ? BUDGET_KIB.web : null;
    if (budget !== null && gzipped >= budget) {
      console.error(`${file}: ${gzipped.toFixed(1)} KiB gzipped, over its budget of ${budget} KiB.`);
      failed = true;
    }
  }
  if (!failed) console.log(`commands bundle: no React, no Fluent UI; no bundle evaluates text as code${lazy.length ? ` (lazily loaded: ${lazy.join(", ")})` : ""}; the web page keeps its own-files-only policy.`);
  return failed ? 1 : 0;
}

process.exitCode = main();
