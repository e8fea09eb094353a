import type { FindingCode, FindingParams, Severity } from "../model";
import { formatNumber, formatPercent, type Language } from "./format";

/** One catalogue of finding codes: severity and a message template per language. */
export const SEVERITY: Record<FindingCode, Severity> = {
  "missing-sheet": "error",
  "missing-column": "error",
  "blank-required": "error",
  "not-a-number": "error",
  "not-integer": "error",
  "negative-value": "error",
  "invalid-choice": "error",
  "rule-violation": "error",
  "total-mismatch": "error",
  "unknown-unit": "warning",
  "duplicate-unit": "error",
  "missing-unit": "warning",
  "cross-sheet-mismatch": "warning",
  "formula-error": "error",
  "reported-ratio-mismatch": "warning",
  "unknown-column": "info",
  "number-as-text": "warning",
  "summary-name-taken": "warning",
  "legacy-encoding": "info",
};

type Templates = Record<FindingCode, string>;

export const MESSAGES: Record<Language, Templates> = {
  vi: {
    "missing-sheet": "Không tìm thấy sheet “{sheet}”. Hãy thêm sheet này (hoặc đổi tên sheet đang có cho đúng) rồi tính lại.",
    "missing-column": "Sheet “{sheet}” thiếu cột “{column}”. Hãy thêm cột có tiêu đề này vào hàng tiêu đề.",
    "blank-required": "Ô {cell} (cột “{column}”) của {unit} đang trống. Hãy nhập số liệu.",
    "not-a-number": "Ô {cell} (cột “{column}”) ghi “{value}”, không phải là số.{hint}",
    "not-integer": "Ô {cell} (cột “{column}”) ghi {value}; cột này phải là số nguyên.",
    "negative-value": "Ô {cell} (cột “{column}”) ghi {value}; giá trị phải từ {min} trở lên.",
    "invalid-choice": "Ô {cell} (cột “{column}”) ghi “{value}”, không thuộc danh sách: {choices}.{hint}",
    "rule-violation": "Ô {cell}: “{column}” ({value}) phải {op} “{other}” ({otherValue}) của {unit}.",
    "total-mismatch": "Ô {cell}: dòng tổng ghi {value} nhưng cộng các dòng được {expected}. Hãy sửa dòng tổng hoặc số liệu các dòng.",
    "unknown-unit": "Ô {cell}: không nhận ra đơn vị “{value}” trong danh sách của huyện {district}.{hint}",
    "duplicate-unit": "Ô {cell}: “{value}” đã có ở ô {firstCell}. Hãy xóa hoặc gộp dòng trùng.",
    "missing-unit": "Sheet “{sheet}” thiếu dòng của {unit}. Hãy thêm một dòng cho đơn vị này.",
    "cross-sheet-mismatch": "Ô {cell}: “{column}” của {unit} là {value}, trái với “{other}” ({otherValue}) ở sheet “{otherSheet}” ô {otherCell} (phải {op}).",
    "formula-error": "Ô {cell} có lỗi công thức {value}. Hãy sửa công thức hoặc nhập số.",
    "reported-ratio-mismatch": "Ô {cell}: tỷ lệ nhập tay {valuePct} khác tỷ lệ tính được {expectedPct} (lệch quá 0,1 điểm %).",
    "unknown-column": "Cột “{value}” (ô {cell}) không có trong định nghĩa Đề án; add-in giữ nguyên, không sửa cột này.",
    "number-as-text": "Ô {cell} (cột “{column}”) chứa số dạng văn bản “{value}” (đọc là {parsed}). Excel không cộng ô văn bản nên chỉ tiêu chưa tính ô này: hãy nhập lại thành số.",
    "summary-name-taken": "Đã có sheet “{sheet}” không do add-in tạo, nên bảng tổng hợp được ghi vào sheet “{target}”.",
    "legacy-encoding": "Sheet “{sheet}” có {count} ô gõ bằng bảng mã cũ {encoding}; add-in đã đọc được. Có thể chuyển sang Unicode.",
  },
  en: {
    "missing-sheet": "Sheet “{sheet}” was not found. Add it (or rename the existing sheet) and recalculate.",
    "missing-column": "Sheet “{sheet}” has no column “{column}”. Add a column with this header to the header row.",
    "blank-required": "Cell {cell} (column “{column}”) of {unit} is empty. Enter the figure.",
    "not-a-number": "Cell {cell} (column “{column}”) holds “{value}”, which is not a number.{hint}",
    "not-integer": "Cell {cell} (column “{column}”) holds {value}; this column takes whole numbers.",
    "negative-value": "Cell {cell} (column “{column}”) holds {value}; the value must be at least {min}.",
    "invalid-choice": "Cell {cell} (column “{column}”) holds “{value}”, which is not one of: {choices}.{hint}",
    "rule-violation": "Cell {cell}: “{column}” ({value}) must be {op} “{other}” ({otherValue}) for {unit}.",
    "total-mismatch": "Cell {cell}: the totals row says {value} but the rows add up to {expected}. Fix the totals row or the rows.",
    "unknown-unit": "Cell {cell}: “{value}” is not a unit of {district} district.{hint}",
    "duplicate-unit": "Cell {cell}: “{value}” already appears in cell {firstCell}. Delete or merge the duplicate row.",
    "missing-unit": "Sheet “{sheet}” has no row for {unit}. Add a row for it.",
    "cross-sheet-mismatch": "Cell {cell}: “{column}” of {unit} is {value}, inconsistent with “{other}” ({otherValue}) on sheet “{otherSheet}” cell {otherCell} (must be {op}).",
    "formula-error": "Cell {cell} holds the formula error {value}. Fix the formula or type a number.",
    "reported-ratio-mismatch": "Cell {cell}: the ratio typed by hand, {valuePct}, differs from the computed {expectedPct} (by more than 0.1 percentage point).",
    "unknown-column": "Column “{value}” (cell {cell}) is not in the Đề án definitions; the add-in leaves it untouched.",
    "number-as-text": "Cell {cell} (column “{column}”) holds a number stored as text, “{value}” (read as {parsed}). Excel does not add text cells, so the indicator leaves it out: retype it as a number.",
    "summary-name-taken": "A sheet “{sheet}” not made by the add-in exists, so the summary was written to “{target}”.",
    "legacy-encoding": "Sheet “{sheet}” has {count} cells typed in the legacy {encoding} encoding; the add-in read them. They can be converted to Unicode.",
  },
};

const HINTS: Record<Language, Record<string, string>> = {
  vi: {
    fraction: " Chỉ ghi một số (ví dụ “8”), không ghi phân số như “{value}”.",
    date: " Ô đang là ngày tháng; hãy nhập một số.",
    suggestion: " Có phải “{suggestion}”?",
    spaces: " Hãy xóa dấu cách thừa ở đầu hoặc cuối ô.",
  },
  en: {
    fraction: " Type a single number (such as “8”), not a fraction like “{value}”.",
    date: " The cell holds a date; type a number.",
    suggestion: " Did you mean “{suggestion}”?",
    spaces: " Remove the extra spaces at the start or end of the cell.",
  },
};

const OPERATORS: Record<Language, Record<string, string>> = {
  vi: { "<=": "không lớn hơn", "<": "nhỏ hơn", ">=": "không nhỏ hơn", ">": "lớn hơn", "=": "bằng" },
  en: { "<=": "at most", "<": "less than", ">=": "at least", ">": "greater than", "=": "equal to" },
};

function fill(template: string, params: FindingParams, language: Language): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return name === "hint" ? "" : whole;
    if (name === "hint") return fill(HINTS[language][String(value)] ?? "", params, language);
    if (name === "op") return OPERATORS[language][String(value)] ?? String(value);
    if (typeof value === "number") return name.endsWith("Pct") ? formatPercent(value, language, 2).replace(/[.,]?0+%$/, "%") : formatNumber(value, language, 4);
    return value;
  });
}

export function renderMessage(code: FindingCode, params: FindingParams, language: Language): string {
  return fill(MESSAGES[language][code], params, language);
}

export const HINT_KEYS = HINTS;
export const OPERATOR_WORDS = OPERATORS;
