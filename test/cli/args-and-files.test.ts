import { parseArgs } from "../../src/cli/args";
import { unusableReason } from "../../src/hosts/xlsx/inspect-file";
import { renderReason } from "../../src/core/findings/render";

describe("parseArgs", () => {
  it("reads the command, the input and the options of the documented call", () => {
    const args = parseArgs(["recalc", "in.xlsx", "--out", "out.xlsx", "--report=r.json"]);
    if ("error" in args) throw new Error(args.error);
    expect(args.command).toBe("recalc");
    expect(args.positional).toEqual(["in.xlsx"]);
    expect(args.options.get("out")).toBe("out.xlsx");
    expect(args.options.get("report")).toBe("r.json");
  });
  it("says which option lacks its value", () => {
    expect(parseArgs(["recalc", "in.xlsx", "--out"])).toEqual({ error: "thiếu giá trị cho --out" });
  });
  it("takes --help and --in-place as flags", () => {
    const args = parseArgs(["--help", "--in-place"]);
    if ("error" in args) throw new Error(args.error);
    expect(args.options.get("help")).toBe(true);
    expect(args.options.get("in-place")).toBe(true);
  });
});

describe("unusableReason tells why a file is not an .xlsx before parsing it", () => {
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  it.each([
    ["an empty file", new Uint8Array(), /rỗng/],
    ["a legacy .xls", new Uint8Array([...ole, 0, 0, 0]), /\.xls/],
    ["an encrypted workbook", new Uint8Array([...ole, ...Buffer.from("EncryptionInfo", "utf16le")]), /mật khẩu/],
    ["a CSV file", new Uint8Array(Buffer.from("STT,Xã,Số thôn\n1,Vôi,12\n")), /CSV/],
    ["an .ods file", new Uint8Array(Buffer.from("PK\u0003\u0004xxxxxxxxxxxxxxxxxxxxxxxxxxmimetypeapplication/vnd.oasis.opendocument.spreadsheet", "latin1")), /\.ods/],
    ["random bytes", new Uint8Array([1, 2, 3, 4, 5]), /không phải tệp \.xlsx/],
  ])("%s", (_name, bytes, reason) => {
    expect(renderReason(unusableReason(bytes)!, "vi")).toMatch(reason);
  });
  it("lets a zip through to the parser", () => {
    expect(unusableReason(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBeNull();
  });
});
