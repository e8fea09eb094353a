import type { IndicatorStatus, Severity } from "../core/model";
import type { Language } from "../core/findings/format";
import { STATUS_LABELS } from "../core/plan/summary";

/** Every text the task pane shows, in Vietnamese first and English; a test checks both have every key. */
export const STRINGS = {
  vi: {
    title: "Đề án 02 — Bảng kiểm tra",
    validate: "Kiểm tra",
    recalculate: "Tính lại chỉ tiêu",
    validating: "Đang kiểm tra…",
    recalculating: "Đang tính lại…",
    validated: "Đã kiểm tra workbook",
    recalculated: "Đã tính lại chỉ tiêu",
    counts: "Số phát hiện",
    fromRibbon: "Từ nút “Tính lại chỉ tiêu” trên ribbon.",
    failed: "Không hoàn thành",
    noFindings: "Không có phát hiện nào: số liệu khớp với định nghĩa Đề án.",
    findings: "Phát hiện",
    indicators: "Chỉ tiêu",
    code: "Mã",
    name: "Chỉ tiêu",
    actual: "Thực hiện",
    target: "Mục tiêu",
    achievement: "Tỷ lệ đạt",
    status: "Đánh giá",
    change: "So với trước Đề án",
    language: "English",
    languageLabel: "Chuyển sang tiếng Anh",
    selectCell: "Chọn ô",
    belowTarget: "Đơn vị chưa đạt mục tiêu",
    units: "đơn vị dưới mục tiêu, thấp nhất trước:",
    more: "… và {n} đơn vị khác.",
    targets: "Mục tiêu",
    editTargets: "Sửa mục tiêu",
    saveTargets: "Lưu mục tiêu vào sheet Chỉ tiêu",
    targetsSaved: "Đã lưu mục tiêu vào sheet Chỉ tiêu. Bấm “Tính lại chỉ tiêu” để cập nhật bảng tổng hợp.",
    notANumber: "Hãy nhập một số, ví dụ 75 hoặc 42,5.",
    mapColumns: "Chỉ cột chưa nhận ra",
    columnFor: "Cột chứa “{column}” ở sheet “{sheet}” (chữ cái của cột)",
    columnLetterHint: "Nhập chữ cái của cột, ví dụ C.",
    useColumn: "Dùng cột này",
    columnMapped: "Đã ghi nhớ cột trong workbook; các lần tính sau sẽ dùng cột này.",
  },
  en: {
    title: "Đề án 02 — Check panel",
    validate: "Check",
    recalculate: "Recalculate indicators",
    validating: "Checking…",
    recalculating: "Recalculating…",
    validated: "Workbook checked",
    recalculated: "Indicators recalculated",
    counts: "Findings",
    fromRibbon: "From the “Tính lại chỉ tiêu” ribbon button.",
    failed: "Not completed",
    noFindings: "No findings: the figures agree with the Đề án definitions.",
    findings: "Findings",
    indicators: "Indicators",
    code: "Id",
    name: "Indicator",
    actual: "Actual",
    target: "Target",
    achievement: "Achieved",
    status: "Status",
    change: "Against before the Đề án",
    language: "Tiếng Việt",
    languageLabel: "Switch to Vietnamese",
    selectCell: "Select cell",
    belowTarget: "Units below target",
    units: "units below target, worst first:",
    more: "… and {n} more.",
    targets: "Targets",
    editTargets: "Edit targets",
    saveTargets: "Save targets to the Chỉ tiêu sheet",
    targetsSaved: "Targets saved to the Chỉ tiêu sheet. Press “Recalculate indicators” to update the summary.",
    notANumber: "Type a number, such as 75 or 42.5.",
    mapColumns: "Point at unrecognised columns",
    columnFor: "Column holding “{column}” on sheet “{sheet}” (its letter)",
    columnLetterHint: "Type the column's letter, such as C.",
    useColumn: "Use this column",
    columnMapped: "The column is remembered in the workbook; every later run uses it.",
  },
} satisfies Record<Language, Record<string, string>>;

export type Strings = (typeof STRINGS)["vi"];

export const SEVERITY_LABELS: Record<Language, Record<Severity, string>> = {
  vi: { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" },
  en: { error: "Error", warning: "Warning", info: "Info" },
};

export const STATUS_TEXT: Record<Language, Record<IndicatorStatus, string>> = {
  vi: STATUS_LABELS,
  en: { exceeded: "Exceeded", met: "Met", not_met: "Not met", no_target: "No target", no_data: "No data" },
};

const KEY = "de-an-02.language";

/** The person's choice if they made one, else Office's display language (vi-VN → vi), else Vietnamese. */
export function initialLanguage(storage: Pick<Storage, "getItem"> | null, displayLanguage: string | undefined): Language {
  const saved = storage?.getItem(KEY);
  if (saved === "vi" || saved === "en") return saved;
  return displayLanguage && !displayLanguage.toLowerCase().startsWith("vi") ? "en" : "vi";
}

export function rememberLanguage(storage: Pick<Storage, "setItem"> | null, language: Language): void {
  storage?.setItem(KEY, language);
}
