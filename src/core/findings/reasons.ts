import { formatNumber, type Language } from "./format";

/** The data each reason carries: why a district file was refused, or left out of a consolidation. */
interface ReasonParamsByCode {
  "empty-file": Record<string, never>;
  encrypted: Record<string, never>;
  xls: Record<string, never>;
  csv: Record<string, never>;
  ods: Record<string, never>;
  "not-xlsx": Record<string, never>;
  "corrupt-zip": Record<string, never>;
  "too-big": { gigabytes: number; entries: number };
  /** `detail` is the parser's own first line, as it gave it. */
  "unreadable-xlsx": { detail: string };
  "file-not-found": Record<string, never>;
  "duplicate-district": { district: string; earlierFile: string };
}

export type ReasonCode = keyof ReasonParamsByCode;

export type Reason = { [K in ReasonCode]: Record<string, never> extends ReasonParamsByCode[K] ? { code: K; params?: ReasonParamsByCode[K] } : { code: K; params: ReasonParamsByCode[K] } }[ReasonCode];

/** Each reason in Vietnamese and in English, side by side. */
const TEXTS: { [K in ReasonCode]: (p: ReasonParamsByCode[K]) => Record<Language, string> } = {
  "empty-file": () => ({
    vi: "tệp rỗng (0 byte)",
    en: "the file is empty (0 bytes)",
  }),
  encrypted: () => ({
    vi: "tệp được đặt mật khẩu (mã hóa); hãy mở trong Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại",
    en: "the file is password-protected (encrypted); open it in Excel, remove the password (File > Info > Protect Workbook) and save it",
  }),
  xls: () => ({
    vi: "đây là tệp Excel 97-2003 (.xls); hãy mở trong Excel và lưu thành .xlsx (Sổ làm việc Excel)",
    en: "this is an Excel 97-2003 file (.xls); open it in Excel and save it as .xlsx (Excel Workbook)",
  }),
  csv: () => ({
    vi: "đây là tệp văn bản (CSV), không phải .xlsx; hãy mở trong Excel và lưu thành .xlsx",
    en: "this is a text file (CSV), not an .xlsx; open it in Excel and save it as .xlsx",
  }),
  ods: () => ({
    vi: "đây là tệp OpenDocument (.ods); hãy mở và lưu thành .xlsx",
    en: "this is an OpenDocument file (.ods); open it and save it as .xlsx",
  }),
  "not-xlsx": () => ({
    vi: "không phải tệp .xlsx (không đúng định dạng Excel)",
    en: "not an .xlsx file (not in Excel's format)",
  }),
  "corrupt-zip": () => ({
    vi: "tệp nén bị hỏng hoặc bị cắt cụt (không đọc được mục lục); hãy lấy lại bản gốc",
    en: "the zip file is damaged or cut short (its directory cannot be read); get the original again",
  }),
  "too-big": (p) => ({
    vi: `tệp khai báo giải nén ra ${p.gigabytes.toFixed(1)} GB trong ${p.entries} mục — quá lớn cho một workbook, có thể hỏng hoặc độc hại`,
    en: `the file claims to unpack to ${formatNumber(p.gigabytes, "en", 1)} GB in ${p.entries} entries — too large for a workbook, perhaps damaged or malicious`,
  }),
  "unreadable-xlsx": (p) => ({
    vi: `không đọc được tệp .xlsx (${p.detail})`,
    en: `the .xlsx file could not be read (${p.detail})`,
  }),
  "file-not-found": () => ({
    vi: "không tìm thấy tệp",
    en: "file not found",
  }),
  "duplicate-district": (p) => ({
    vi: `tệp thứ hai của ${p.district} (tệp đầu là ${p.earlierFile}); chỉ tính tệp đầu, không cộng hai lần`,
    en: `a second file for ${p.district} (the first is ${p.earlierFile}); only the first is counted, never both`,
  }),
};

/** A reason in the person's language. */
export function renderReason(reason: Reason, language: Language): string {
  const texts = TEXTS[reason.code] as (p: Reason["params"]) => Record<Language, string>;
  return texts(reason.params ?? {})[language];
}
