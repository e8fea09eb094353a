import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { loadDefinitions, loadProfile } from "../core/definitions/load";
import type { Definitions, Profile } from "../core/definitions/schema";
import { analyse, definitionsLabel } from "../core/engine/analyse";
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf } from "../hosts/xlsx/xlsx-host";
import { VERSION } from "../version";
import { parseArgs } from "./args";
import { unusableReason } from "./inspect-file";
import { reportJson, summaryText } from "./report";

const HELP = `Đề án 02 — kiểm tra và tính lại chỉ tiêu trên tệp Excel (.xlsx)

Cách dùng:
  npm run --silent cli -- recalc IN.xlsx --out OUT.xlsx [--report REPORT.json] [--profile P.json]
  npm run --silent cli -- validate IN.xlsx [--report REPORT.json] [--profile P.json]

Lệnh:
  recalc     Kiểm tra, ghi cột tính và sheet "Tổng hợp chỉ tiêu" vào OUT (IN không bị sửa).
  validate   Chỉ kiểm tra, không ghi tệp Excel nào.

Tùy chọn:
  --out OUT.xlsx         Tệp kết quả (bắt buộc với recalc; không được trùng IN trừ khi có --in-place).
  --in-place             Cho phép ghi đè IN; trước đó giữ bản sao IN.bak.xlsx.
  --report REPORT.json   Ghi báo cáo JSON (phát hiện và chỉ tiêu).
  --profile P.json       Hồ sơ huyện khác (mặc định: seeds/lang-giang.profile.json).
  --definitions D.json   Bộ định nghĩa khác (mặc định: seeds/de-an-02.definitions.json).
  --help                 In hướng dẫn này.

Mã thoát: 0 không có lỗi; 1 có phát hiện mức lỗi (OUT vẫn được ghi); 2 đầu vào không dùng được
(không phải workbook, không đọc được, sai tham số), không ghi gì.
`;

const ROOT = path.resolve(__dirname, "..", "..");

class UsageError extends Error {}

async function readText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, "utf8");
  } catch {
    throw new UsageError(`không đọc được tệp ${file}`);
  }
}

async function catalogue(options: Map<string, string | true>): Promise<{ definitions: Definitions; profile: Profile }> {
  const defsFile = String(options.get("definitions") ?? path.join(ROOT, "seeds/de-an-02.definitions.json"));
  const profileFile = String(options.get("profile") ?? path.join(ROOT, "seeds/lang-giang.profile.json"));
  const defs = loadDefinitions(await readText(defsFile), defsFile);
  if (!defs.ok) throw new UsageError(defs.errors.join("; "));
  const profile = loadProfile(await readText(profileFile), profileFile, defs.value);
  if (!profile.ok) throw new UsageError(profile.errors.join("; "));
  return { definitions: defs.value, profile: profile.value };
}

/** Writes beside the target and renames, so a crash leaves the old file or the new one, never half of one. */
export async function writeAtomically(file: string, data: Uint8Array | string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}

async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if ("error" in args) throw new UsageError(args.error);
  if (args.options.has("help") || args.command === null) {
    process.stdout.write(HELP);
    return args.command === null && !args.options.has("help") ? 2 : 0;
  }
  if (args.command !== "recalc" && args.command !== "validate") throw new UsageError(`lệnh không biết: ${args.command} (dùng recalc hoặc validate; xem --help)`);
  const input = args.positional[0];
  if (!input) throw new UsageError("thiếu tệp IN.xlsx");
  if (args.positional.length > 1) throw new UsageError(`tham số thừa: ${args.positional.slice(1).join(" ")}`);
  const out = args.options.get("out");
  if (args.command === "recalc" && typeof out !== "string") throw new UsageError("recalc cần --out OUT.xlsx");
  const inPlace = args.options.has("in-place");
  if (typeof out === "string" && path.resolve(out) === path.resolve(input) && !inPlace) {
    throw new UsageError("--out trùng với tệp vào; IN không bao giờ bị sửa (dùng --in-place nếu thật sự muốn ghi đè, sẽ có bản sao .bak)");
  }
  const report = args.options.get("report");
  const { definitions, profile } = await catalogue(args.options);

  if (!existsSync(input)) throw new UsageError(`không tìm thấy tệp ${input}`);
  const bytes = new Uint8Array(await fs.readFile(input));
  const reason = unusableReason(bytes);
  if (reason) throw new UsageError(`${input}: ${reason}`);
  let workbook;
  try {
    workbook = await loadWorkbook(bytes);
  } catch (e) {
    throw new UsageError(`${input}: không đọc được tệp .xlsx (${(e as Error).message.split("\n")[0]})`);
  }

  const analysis = analyse(snapshotOf(workbook), definitions, profile, { now: new Date(), version: VERSION });
  if (args.command === "recalc" && typeof out === "string") {
    applyPlan(workbook, analysis.plan);
    const data = await saveWorkbook(workbook);
    if (inPlace && path.resolve(out) === path.resolve(input)) await fs.copyFile(input, input.replace(/(\.xlsx)?$/i, ".bak.xlsx"));
    await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await writeAtomically(out, data);
  }
  if (typeof report === "string") {
    const json = reportJson(analysis, { version: VERSION, definitions: definitionsLabel(definitions), input: path.basename(input) });
    await fs.mkdir(path.dirname(path.resolve(report)), { recursive: true });
    await writeAtomically(report, JSON.stringify(json, null, 2) + "\n");
  }
  process.stdout.write(summaryText(analysis) + "\n");
  if (typeof out === "string") process.stdout.write(`\nĐã ghi ${out}${typeof report === "string" ? ` và ${report}` : ""}.\n`);
  return analysis.counts.error > 0 ? 1 : 0;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const message = e instanceof UsageError ? e.message : `lỗi không mong đợi: ${(e as Error)?.message ?? String(e)}`;
    process.stderr.write(`Lỗi: ${message}\n`);
    process.exitCode = 2;
  },
);
