#!/usr/bin/env node
import { promises as fs } from "node:fs";
import path from "node:path";
import { recalculateWorkbook, validateWorkbook } from "../app/use-cases";
import { consolidateIntoNewWorkbook, convertLegacyText, createTemplate, ToolRefusal } from "../app/workbook-tools";
import type { DistrictSource } from "../core/consolidate/consolidate";
import { isReadable } from "../core/consolidate/province";
import { definitionsLabel } from "../core/analyse";
import { ENCODING_LABELS } from "../core/text/legacy-encoding";
import { renderVietnameseReason } from "../core/findings/reasons";
import { XlsxHost } from "../hosts/xlsx/xlsx-host";
import { VERSION } from "../version";
import { type CliArgs, parseArgs } from "./args";
import { DEFAULT_PROFILE, FileRefusal, openWorkbookFile, readDefinitions, readProfile, shippedProfiles, UsageError, writeAtomically } from "./io";
import { indicatorsJson, reportJson, summaryText } from "./report";

const HELP = `Đề án 02 — kiểm tra và tính lại chỉ tiêu trên tệp Excel (.xlsx)

Cách dùng (đã cài gói; trong thư mục mã nguồn thay "de-an-02" bằng "npm run --silent cli --"):
  de-an-02 recalc IN.xlsx --out OUT.xlsx [--report REPORT.json] [--profile P.json]
  de-an-02 validate IN.xlsx [--report REPORT.json] [--profile P.json]
  de-an-02 consolidate D1.xlsx D2.xlsx … --out TINH.xlsx [--report REPORT.json] [--profiles P1.json,P2.json]
  de-an-02 template --out MAU.xlsx [--profile P.json]
  de-an-02 convert-encoding IN.xlsx --out OUT.xlsx

Lệnh:
  recalc       Kiểm tra, ghi cột tính và sheet "Tổng hợp chỉ tiêu" vào OUT (IN không bị sửa;
               biểu đồ, hình, chú thích, bảng tổng hợp… của IN được giữ nguyên trong OUT).
  validate     Chỉ kiểm tra, không ghi tệp Excel nào.
  consolidate  Tổng hợp workbook của nhiều đơn vị (huyện, hay cấp mà hồ sơ gọi tên) thành một bảng
               của cấp tổng hợp (tỉnh…): mỗi đơn vị một cột, toàn cấp tổng hợp tính lại từ tử số và
               mẫu số. Đơn vị nào không đọc được thì ghi lý do.
  template     Ghi workbook mẫu trống theo bố cục chuẩn, có sẵn tên xã, thị trấn và danh sách chọn.
  convert-encoding  Chuyển các ô gõ bằng bảng mã cũ TCVN3 (.VnTime) hoặc VNI sang Unicode
               (và phông Unicode), không đụng ô nào khác.

Tùy chọn:
  --out FILE.xlsx        Tệp kết quả (bắt buộc với recalc, consolidate, template; không được trùng IN
                         trừ khi có --in-place).
  --in-place             Cho phép ghi đè IN; trước đó giữ bản sao IN.bak.xlsx.
  --report REPORT.json   Ghi báo cáo JSON (phát hiện và chỉ tiêu).
  --profile P.json       Hồ sơ đơn vị: tên, các cấp (huyện/xã/tỉnh…), xã, thị trấn, mục tiêu
                         (mặc định: seeds/lang-giang.profile.json, huyện Lạng Giang).
  --profiles A.json,B.json  Các hồ sơ đơn vị để nhận ra từng workbook khi tổng hợp; hồ sơ đầu tiên
                         đặt tên các cấp trong bảng tổng hợp (mặc định: mọi seeds/*.profile.json).
  --definitions D.json   Bộ định nghĩa khác (mặc định: seeds/de-an-02.definitions.json).
  --help                 In hướng dẫn này.

Mã thoát: 0 không có lỗi; 1 có phát hiện mức lỗi (tệp kết quả vẫn được ghi); 2 đầu vào không
dùng được (không phải workbook, không đọc được, sai tham số), không ghi gì.
`;

function option(args: CliArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === "string" ? value : undefined;
}

function requireOut(args: CliArgs, command: string): string {
  const out = option(args, "out");
  if (!out) throw new UsageError(`${command} cần --out FILE.xlsx`);
  return out;
}

async function writeReport(file: string | undefined, json: unknown): Promise<void> {
  if (file) await writeAtomically(file, JSON.stringify(json, null, 2) + "\n");
}

async function recalcOrValidate(args: CliArgs): Promise<number> {
  const input = args.positional[0];
  if (!input) throw new UsageError("thiếu tệp IN.xlsx");
  if (args.positional.length > 1) throw new UsageError(`tham số thừa: ${args.positional.slice(1).join(" ")}`);
  const recalc = args.command === "recalc";
  const out = recalc ? requireOut(args, "recalc") : undefined;
  const inPlace = args.options.has("in-place");
  if (out && path.resolve(out) === path.resolve(input) && !inPlace) {
    throw new UsageError("--out trùng với tệp vào; IN không bao giờ bị sửa (dùng --in-place nếu thật sự muốn ghi đè, sẽ có bản sao .bak.xlsx)");
  }
  const definitions = await readDefinitions(option(args, "definitions"));
  const profile = await readProfile(option(args, "profile") ?? DEFAULT_PROFILE, definitions);
  const host = await openWorkbookFile(input);
  const options = { definitions, profile, now: new Date() };
  const analysis = out ? await recalculateWorkbook(host, options) : await validateWorkbook(host, options);
  if (out) {
    const data = await host.save();
    if (path.resolve(out) === path.resolve(input)) await fs.copyFile(input, input.replace(/(\.xlsx)?$/i, ".bak.xlsx"));
    await writeAtomically(out, data);
  }
  const report = option(args, "report");
  await writeReport(report, reportJson(analysis, { version: VERSION, definitions: definitionsLabel(definitions), input: path.basename(input) }));
  process.stdout.write(summaryText(analysis) + "\n");
  if (out) process.stdout.write(`\nĐã ghi ${out}${report ? ` và ${report}` : ""}.\n`);
  return analysis.counts.error > 0 ? 1 : 0;
}

async function consolidate(args: CliArgs): Promise<number> {
  if (args.positional.length === 0) throw new UsageError("consolidate cần ít nhất một tệp workbook của đơn vị");
  const out = requireOut(args, "consolidate");
  if (args.positional.some((f) => path.resolve(f) === path.resolve(out))) throw new UsageError("--out trùng với một tệp vào");
  const definitions = await readDefinitions(option(args, "definitions"));
  const listed = option(args, "profiles");
  const profiles = listed ? await Promise.all(listed.split(",").map((f) => readProfile(f.trim(), definitions))) : await shippedProfiles(definitions);
  const now = new Date();
  const sources: DistrictSource[] = [];
  for (const file of args.positional) {
    try {
      sources.push({ file: path.basename(file), snapshot: await (await openWorkbookFile(file)).read() });
    } catch (e) {
      if (!(e instanceof FileRefusal)) throw e;
      sources.push({ file: path.basename(file), reason: e.reason });
    }
  }
  const host = new XlsxHost();
  const { districts, province } = await consolidateIntoNewWorkbook(host, sources, profiles, { definitions, now });
  const readable = districts.filter(isReadable);
  await writeAtomically(out, await host.save());
  const report = option(args, "report");
  await writeReport(report, {
    version: VERSION,
    definitions: definitionsLabel(definitions),
    districts: districts.map((d) =>
      isReadable(d)
        ? { name: d.name, file: d.file, counts: d.counts, indicators: indicatorsJson(d.indicators) }
        : { name: d.name, file: d.file, error: renderVietnameseReason(d.reason) },
    ),
    province: { indicators: indicatorsJson(province) },
  });
  for (const d of districts) {
    process.stdout.write(isReadable(d) ? `${d.name} (${d.file}): ${d.counts.error} lỗi, ${d.counts.warning} cảnh báo, ${d.counts.info} thông tin\n` : `${d.name} (${d.file}): ${d.duplicate ? "KHÔNG TÍNH" : "KHÔNG ĐỌC ĐƯỢC"} — ${renderVietnameseReason(d.reason)}\n`);
  }
  process.stdout.write(`\nĐã ghi ${out}${report ? ` và ${report}` : ""}.\n`);
  return readable.length < districts.length || readable.some((d) => d.counts.error > 0) ? 1 : 0;
}

async function template(args: CliArgs): Promise<number> {
  const out = requireOut(args, "template");
  const definitions = await readDefinitions(option(args, "definitions"));
  const profile = await readProfile(option(args, "profile") ?? DEFAULT_PROFILE, definitions);
  const host = new XlsxHost();
  await createTemplate(host, profile, { definitions });
  await writeAtomically(out, await host.save());
  process.stdout.write(`Đã ghi workbook mẫu của ${profile.levels.unit.vi} ${profile.district}: ${out}\n`);
  return 0;
}

async function convertEncoding(args: CliArgs): Promise<number> {
  const input = args.positional[0];
  if (!input) throw new UsageError("thiếu tệp IN.xlsx");
  const out = requireOut(args, "convert-encoding");
  if (path.resolve(out) === path.resolve(input)) throw new UsageError("--out trùng với tệp vào; IN không bao giờ bị sửa");
  const host = await openWorkbookFile(input);
  const converted = await convertLegacyText(host);
  await writeAtomically(out, await host.save());
  if (converted.length === 0) process.stdout.write("Không có sheet nào gõ bằng bảng mã cũ (TCVN3, VNI); tệp được chép nguyên.\n");
  for (const c of converted) process.stdout.write(`Sheet “${c.sheet}”: đã chuyển ${c.cells} ô từ ${ENCODING_LABELS[c.encoding]} sang Unicode.\n`);
  process.stdout.write(`Đã ghi ${out}.\n`);
  return 0;
}

const COMMANDS: Record<string, (args: CliArgs) => Promise<number>> = {
  recalc: recalcOrValidate,
  validate: recalcOrValidate,
  consolidate,
  template,
  "convert-encoding": convertEncoding,
};

async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if ("error" in args) throw new UsageError(args.error);
  if (args.options.has("help")) {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.command === null) {
    process.stdout.write(HELP);
    return 2;
  }
  const command = COMMANDS[args.command];
  if (!command) throw new UsageError(`lệnh không biết: ${args.command} (dùng recalc, validate, consolidate, template hoặc convert-encoding; xem --help)`);
  return command(args);
}

/** A use case's refusal, in the command line's own style: one lower-case clause after "Lỗi:". */
function refusalLine(refusal: ToolRefusal): string {
  const text = refusal.message.replace(/\.$/, "");
  return text.charAt(0).toLowerCase() + text.slice(1);
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const message = e instanceof UsageError ? e.message : e instanceof ToolRefusal ? refusalLine(e) : `lỗi không mong đợi: ${(e as Error)?.message ?? String(e)}`;
    process.stderr.write(`Lỗi: ${message}\n`);
    process.exitCode = 2;
  },
);
