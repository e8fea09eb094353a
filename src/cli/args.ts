export interface CliArgs {
  command: string | null;
  positional: string[];
  options: Map<string, string | true>;
}

const FLAGS = new Set(["help", "in-place", "quiet", "json"]);

/** `recalc IN.xlsx --out OUT.xlsx --report R.json`; `--name=value` works too. */
export function parseArgs(argv: readonly string[]): CliArgs | { error: string } {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h") {
      options.set("help", true);
      continue;
    }
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (FLAGS.has(name)) {
      options.set(name, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith("--")) return { error: `thiếu giá trị cho --${name}` };
    options.set(name, value);
  }
  return { command: positional.shift() ?? null, positional, options };
}
