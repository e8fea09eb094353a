
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

/** Each reason's words in one language. */
export type ReasonTexts = { [K in ReasonCode]: (p: ReasonParamsByCode[K]) => string };

/**
 * Vietnamese, always present: the province sheet, the command line and the ribbon word reasons in it. The
 * English is in reasons-en.ts, so that what does not speak English does not carry it.
 */
export const REASONS_VI: ReasonTexts = {
  "empty-file": () => "tệp rỗng (0 byte)",
  encrypted: () => "tệp được đặt mật khẩu (mã hóa); hãy mở trong Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại",
  xls: () => "đây là tệp Excel 97-2003 (.xls); hãy mở trong Excel và lưu thành .xlsx (Sổ làm việc Excel)",
  csv: () => "đây là tệp văn bản (CSV), không phải .xlsx; hãy mở trong Excel và lưu thành .xlsx",
  ods: () => "đây là tệp OpenDocument (.ods); hãy mở và lưu thành .xlsx",
  "not-xlsx": () => "không phải tệp .xlsx (không đúng định dạng Excel)",
  "corrupt-zip": () => "tệp nén bị hỏng hoặc bị cắt cụt (không đọc được mục lục); hãy lấy lại bản gốc",
  "too-big": (p) => `tệp khai báo giải nén ra ${p.gigabytes.toFixed(1)} GB trong ${p.entries} mục — quá lớn cho một workbook, có thể hỏng hoặc độc hại`,
  "unreadable-xlsx": (p) => `không đọc được tệp .xlsx (${p.detail})`,
  "file-not-found": () => "không tìm thấy tệp",
  "duplicate-district": (p) => `tệp thứ hai của ${p.district} (tệp đầu là ${p.earlierFile}); chỉ tính tệp đầu, không cộng hai lần`,
};

/** A reason in the language of `texts`. */
export function renderReasonWith(texts: ReasonTexts, reason: Reason): string {
  return (texts[reason.code] as (p: Reason["params"]) => string)(reason.params ?? {});
}

export function renderVietnameseReason(reason: Reason): string {
  return renderReasonWith(REASONS_VI, reason);
}
