/** Why a file is not a workbook we can read, from its first bytes, before any parser sees it; null if it looks like .xlsx. */
export function unusableReason(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "tệp rỗng (0 byte)";
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const utf16 = Buffer.from("EncryptionInfo", "utf16le");
    return Buffer.from(bytes).includes(utf16)
      ? "tệp được đặt mật khẩu (mã hóa); hãy mở trong Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại"
      : "đây là tệp Excel 97-2003 (.xls); hãy mở trong Excel và lưu thành .xlsx (Sổ làm việc Excel)";
  }
  if (!starts([0x50, 0x4b, 0x03, 0x04])) {
    const head = Buffer.from(bytes.subarray(0, 512)).toString("utf8");
    if (/^[\s\S]*[,;\t][\s\S]*\n/.test(head) && !/[\u0000-\u0008]/.test(head)) return "đây là tệp văn bản (CSV), không phải .xlsx; hãy mở trong Excel và lưu thành .xlsx";
    return "không phải tệp .xlsx (không đúng định dạng Excel)";
  }
  const head = Buffer.from(bytes.subarray(0, 200)).toString("latin1");
  if (head.includes("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")) return "đây là tệp OpenDocument (.ods); hãy mở và lưu thành .xlsx";
  return null;
}
