import type { ComparisonOp, Finding, FindingCode, FindingHint, FindingOf, ParamsOf, Percentage, Severity, UnitLabel } from "../model";
import { formatNumber, formatPercent, type Language } from "./format";

/** One catalogue of finding codes: a severity each, and a message in each language. */
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

/** What a message template is given besides its params: the finding's place, and its language's ways with numbers and words. */
interface Words {
  sheet: string;
  cell: string;
  num(value: number | string): string;
  pct(value: Percentage): string;
  unit(unit: UnitLabel): string;
  op(op: ComparisonOp): string;
  /** The hint's sentence (with a leading space), or nothing; `value` is the cell's text a fraction hint quotes. */
  hint(hint: FindingHint | undefined, value: string): string;
  /** “a”, “b”, “c” */
  quoted(items: readonly string[]): string;
}

export interface MessageCatalogue {
  language: Language;
  templates: { [C in FindingCode]: (p: ParamsOf<C>, w: Words) => string };
  hints: { [K in FindingHint["kind"]]: (hint: Extract<FindingHint, { kind: K }>, value: string) => string };
  operators: Record<ComparisonOp, string>;
  /** A unit named by its row, where its name is blank: "dòng 12". */
  row(row: number): string;
}

/**
 * Vietnamese, the language of the workbook's findings sheet and the command line's report. The English
 * catalogue lives in messages-en.ts, so that the ribbon's function file, which only writes Vietnamese, does not carry it.
 */
export const VIETNAMESE: MessageCatalogue = {
  language: "vi",
  templates: {
    "missing-sheet": (_, w) => `Không tìm thấy sheet “${w.sheet}”. Hãy thêm sheet này (hoặc đổi tên sheet đang có cho đúng) rồi tính lại.`,
    "missing-column": (p, w) => `Sheet “${w.sheet}” thiếu cột “${p.column}”. Hãy thêm cột có tiêu đề này vào hàng tiêu đề.`,
    "blank-required": (p, w) => `Ô ${w.cell} (cột “${p.column}”) của ${w.unit(p.unit)} đang trống. Hãy nhập số liệu.`,
    "not-a-number": (p, w) => `Ô ${w.cell} (cột “${p.column}”) ghi “${p.value}”, không phải là số.${w.hint(p.hint, p.value)}`,
    "not-integer": (p, w) => `Ô ${w.cell} (cột “${p.column}”) ghi ${w.num(p.value)}; cột này phải là số nguyên.`,
    "negative-value": (p, w) => `Ô ${w.cell} (cột “${p.column}”) ghi ${w.num(p.value)}; giá trị phải từ ${w.num(p.min)} trở lên.`,
    "invalid-choice": (p, w) => `Ô ${w.cell} (cột “${p.column}”) ghi “${p.value}”, không thuộc danh sách: ${p.choices.join("; ")}.${w.hint(p.hint, p.value)}`,
    "rule-violation": (p, w) =>
      `Ô ${w.cell}: “${p.column}” (${w.num(p.value)}) phải ${w.op(p.op)} “${p.other}” (${w.num(p.otherValue)}) của ${w.unit(p.unit)}.`,
    "total-mismatch": (p, w) =>
      `Ô ${w.cell}: dòng tổng ghi ${w.num(p.value)} nhưng cộng các dòng được ${w.num(p.expected)}. Hãy sửa dòng tổng hoặc số liệu các dòng.`,
    "unknown-unit": (p, w) => `Ô ${w.cell}: “${p.value}” không có trong danh sách đơn vị của ${p.district}.${w.hint(p.hint, p.value)}`,
    "duplicate-unit": (p, w) => `Ô ${w.cell}: “${p.value}” đã có ở ô ${p.firstCell}. Hãy xóa hoặc gộp dòng trùng.`,
    "missing-unit": (p, w) => `Sheet “${w.sheet}” thiếu dòng của ${p.unit}. Hãy thêm một dòng cho đơn vị này.`,
    "cross-sheet-mismatch": (p, w) =>
      `Ô ${w.cell}: “${p.column}” của ${p.unit} là ${w.num(p.value)}, trái với “${p.other}” (${w.num(p.otherValue)}) ở sheet “${p.otherSheet}” ô ${p.otherCell} (phải ${w.op(p.op)}).`,
    "formula-error": (p, w) => `Ô ${w.cell} có lỗi công thức ${p.value}. Hãy sửa công thức hoặc nhập số.`,
    "reported-ratio-mismatch": (p, w) => `Ô ${w.cell}: tỷ lệ nhập tay ${w.pct(p.value)} khác tỷ lệ tính được ${w.pct(p.expected)} (lệch quá 0,1 điểm %).`,
    "unknown-column": (p, w) => `Cột “${p.value}” (ô ${w.cell}) không có trong định nghĩa Đề án; add-in giữ nguyên, không sửa cột này.`,
    "number-as-text": (p, w) =>
      `Sheet “${w.sheet}” có ${w.num(p.count)} ô số gõ dạng văn bản, đã tính theo giá trị số: ${listedCells(p)}. Khi “Tính lại”, add-in chuyển các ô này thành số (giữ nguyên giá trị) để công thức của Excel cũng cộng được.`,
    "summary-name-taken": (p, w) => `Đã có sheet “${w.sheet}” không do add-in tạo, nên bảng tổng hợp được ghi vào sheet “${p.target}”.`,
    "legacy-encoding": (p, w) => `Sheet “${w.sheet}” có ${w.num(p.count)} ô gõ bằng bảng mã cũ ${p.encoding}; add-in đã đọc được. Có thể chuyển sang Unicode.`,
    "unit-without-diacritics": (p, w) => `Ô ${w.cell}: “${p.value}” gõ không dấu, đã hiểu là ${p.unit}. Nên gõ lại tên có dấu.`,
    "sheet-read-as": (p, w) => `Sheet “${w.sheet}” không mang tên “${p.as}” nhưng có hàng tiêu đề của sheet đó, nên được đọc là sheet “${p.as}”.`,
    "ambiguous-sheet": (p, w) => `Có nhiều sheet giống sheet “${p.as}”: ${w.quoted(p.candidates)}. Hãy đổi tên một sheet thành “${p.as}” để add-in biết đọc sheet nào.`,
    "formula-not-computed": (p, w) =>
      `Ô ${w.cell} có công thức =${p.formula} nhưng tệp không lưu kết quả, và add-in không tính được công thức này. Hãy mở tệp bằng Excel, lưu lại rồi tính lại.`,
  },
  hints: {
    fraction: (_, value) => ` Chỉ ghi một số (ví dụ “8”), không ghi phân số như “${value}”.`,
    date: () => " Ô đang là ngày tháng; hãy nhập một số.",
    suggestion: (h) => ` Có phải “${h.suggestion}”?`,
    spaces: () => " Hãy xóa dấu cách thừa ở đầu hoặc cuối ô.",
  },
  operators: { "<=": "không lớn hơn", "<": "nhỏ hơn", ">=": "không nhỏ hơn", ">": "lớn hơn", "=": "bằng" },
  row: (row) => `dòng ${row}`,
};

/** "F6, G6, G7 …": the cells a number-as-text finding lists, with an ellipsis when there are more. */
export function listedCells(p: ParamsOf<"number-as-text">): string {
  return p.cells.join(", ") + (p.count > p.cells.length ? " …" : "");
}

function wordsOf(catalogue: MessageCatalogue, f: Finding): Words {
  const language = catalogue.language;
  return {
    sheet: f.sheet ?? "",
    cell: f.cell ?? "",
    num: (value) => (typeof value === "number" ? formatNumber(value, language, 4) : value),
    pct: (value) => formatPercent(value.fraction, language, 2).replace(/[.,]?0+%$/, "%"),
    unit: (unit) => ("name" in unit ? unit.name : catalogue.row(unit.row)),
    op: (op) => catalogue.operators[op],
    hint: (hint, value) => (hint ? (catalogue.hints[hint.kind] as (h: FindingHint, v: string) => string)(hint, value) : ""),
    quoted: (items) => items.map((i) => `“${i}”`).join(", "),
  };
}

/** A finding's message from one catalogue. */
export function renderWith<C extends FindingCode>(catalogue: MessageCatalogue, f: FindingOf<C>): string {
  const template = catalogue.templates[f.code] as (p: ParamsOf<C>, w: Words) => string;
  return template(f.params, wordsOf(catalogue, f as Finding));
}

/** A finding in Vietnamese, for the workbook's findings sheet and the command line. */
export function renderVietnamese(f: Finding): string {
  return renderWith(VIETNAMESE, f);
}
