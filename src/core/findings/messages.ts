import type { FindingCode, FindingParams, Severity } from "../model";
import { formatNumber, formatPercent, type Language } from "./format";

/** One catalogue of finding codes: a severity each, and a message template in each language. */
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
  "number-as-text": "info",
  "summary-name-taken": "warning",
  "legacy-encoding": "info",
  "unit-without-diacritics": "info",
  "sheet-read-as": "info",
  "ambiguous-sheet": "error",
  "formula-not-computed": "error",
};

export interface MessageCatalogue {
  templates: Record<FindingCode, string>;
  /** Sentences a template's {hint} may name. */
  hints: Record<string, string>;
  /** Words for a rule's comparison, {op}. */
  operators: Record<string, string>;
}

/**
 * Vietnamese, which every finding carries as its message. The English catalogue lives in messages-en.ts,
 * so that the ribbon's function file, which only writes Vietnamese, does not carry it.
 */
export const VIETNAMESE: MessageCatalogue = {
  templates: {
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
    "number-as-text": "Sheet “{sheet}” có {count} ô số gõ dạng văn bản, đã tính theo giá trị số: {cells}. Khi “Tính lại”, add-in chuyển các ô này thành số (giữ nguyên giá trị) để công thức của Excel cũng cộng được.",
    "summary-name-taken": "Đã có sheet “{sheet}” không do add-in tạo, nên bảng tổng hợp được ghi vào sheet “{target}”.",
    "legacy-encoding": "Sheet “{sheet}” có {count} ô gõ bằng bảng mã cũ {encoding}; add-in đã đọc được. Có thể chuyển sang Unicode.",
    "unit-without-diacritics": "Ô {cell}: “{value}” gõ không dấu, đã hiểu là {unit}. Nên gõ lại tên có dấu.",
    "sheet-read-as": "Sheet “{sheet}” không mang tên “{as}” nhưng có hàng tiêu đề của sheet đó, nên được đọc là sheet “{as}”.",
    "ambiguous-sheet": "Có nhiều sheet giống sheet “{as}”: {candidates}. Hãy đổi tên một sheet thành “{as}” để add-in biết đọc sheet nào.",
    "formula-not-computed": "Ô {cell} có công thức ={formula} nhưng tệp không lưu kết quả, và add-in không tính được công thức này. Hãy mở tệp bằng Excel, lưu lại rồi tính lại.",
  },
  hints: {
    fraction: " Chỉ ghi một số (ví dụ “8”), không ghi phân số như “{value}”.",
    date: " Ô đang là ngày tháng; hãy nhập một số.",
    suggestion: " Có phải “{suggestion}”?",
    spaces: " Hãy xóa dấu cách thừa ở đầu hoặc cuối ô.",
  },
  operators: { "<=": "không lớn hơn", "<": "nhỏ hơn", ">=": "không nhỏ hơn", ">": "lớn hơn", "=": "bằng" },
};

export function renderWith(catalogue: MessageCatalogue, language: Language, code: FindingCode, params: FindingParams): string {
  const fill = (template: string): string =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return name === "hint" ? "" : whole;
      if (name === "hint") return fill(catalogue.hints[String(value)] ?? "");
      if (name === "op") return catalogue.operators[String(value)] ?? String(value);
      if (typeof value === "number") return name.endsWith("Pct") ? formatPercent(value, language, 2).replace(/[.,]?0+%$/, "%") : formatNumber(value, language, 4);
      return value;
    });
  return fill(catalogue.templates[code]);
}
