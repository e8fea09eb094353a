import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { loadDefinitions, loadProfile } from "../core/definitions/load";
import type { Catalogue } from "../core/definitions/compile";
import type { Definitions, Profile } from "../core/definitions/schema";
import { type Reason, renderVietnameseReason } from "../core/findings/reasons";
import { HostFailure } from "../core/host-failure";
import { openXlsxHost } from "../hosts/xlsx/read-bytes";
import type { XlsxHost } from "../hosts/xlsx/xlsx-host";

/** Bad arguments or unusable input: exit 2, one line on stderr, nothing written. */
export class UsageError extends Error {}

/** A file refused for a reason the consolidation lists (and so keeps as a code, not only as a line). */
export class FileRefusal extends UsageError {
  constructor(
    file: string,
    readonly reason: Reason,
  ) {
    super(`${file}: ${renderVietnameseReason(reason)}`);
  }
}

const ROOT = path.resolve(__dirname, "..", "..");
const DEFAULT_DEFINITIONS = path.join(ROOT, "seeds/de-an-02.definitions.json");
export const DEFAULT_PROFILE = path.join(ROOT, "seeds/lang-giang.profile.json");

async function readText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, "utf8");
  } catch {
    throw new UsageError(`không đọc được tệp ${file}`);
  }
}

export async function readDefinitions(file: string = DEFAULT_DEFINITIONS): Promise<Catalogue> {
  const defs = loadDefinitions(await readText(file), file);
  if (!defs.ok) throw new UsageError(defs.errors.join("; "));
  return defs.value;
}

export async function readProfile(file: string, defs: Definitions): Promise<Profile> {
  const profile = loadProfile(await readText(file), file, defs);
  if (!profile.ok) throw new UsageError(profile.errors.join("; "));
  return profile.value;
}

/** Every *.profile.json shipped in seeds/, for matching district workbooks to their district. */
export async function shippedProfiles(defs: Definitions): Promise<Profile[]> {
  const dir = path.join(ROOT, "seeds");
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".profile.json")).sort();
  return Promise.all(files.map((f) => readProfile(path.join(dir, f), defs)));
}

/**
 * The .xlsx host over a file (which keeps its bytes: the parts ExcelJS does not model go back into OUT), or a
 * FileRefusal that says why it cannot be read.
 */
export async function openWorkbookFile(file: string): Promise<XlsxHost> {
  if (!existsSync(file)) throw new FileRefusal(file, { code: "file-not-found" });
  const bytes = new Uint8Array(await fs.readFile(file));
  try {
    return await openXlsxHost(bytes, file);
  } catch (e) {
    if (e instanceof HostFailure && e.reason) throw new FileRefusal(file, e.reason);
    throw e;
  }
}

/** Writes beside the target and renames, so a crash leaves the old file or the new one, never half of one. */
export async function writeAtomically(file: string, data: Uint8Array | string): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const temp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}
