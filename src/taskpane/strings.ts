import type { IndicatorStatus, Severity } from "../core/model";
import { formatNumber, type Language } from "../core/findings/format";
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
    legacyTitle: "Chữ gõ bằng bảng mã cũ",
    legacyHint: "Các ô này vẫn được đọc đúng. Chuyển sang Unicode để mọi máy hiển thị đúng chữ; chỉ các ô đó được ghi lại (phông Times New Roman), có thể hoàn tác bằng Ctrl+Z.",
    convertLegacy: "Chuyển sang Unicode",
    converting: "Đang chuyển…",
    converted: "Đã chuyển {cells} ô của sheet “{sheet}” từ {encoding} sang Unicode.",
    nothingToConvert: "Không còn ô nào gõ bằng bảng mã cũ.",
    tools: "Công cụ",
    provinceTitle: "Tổng hợp toàn tỉnh",
    provinceHint: "Chọn các tệp .xlsx của các huyện (và hồ sơ huyện .json nếu có). Tệp chỉ được đọc trên máy này, không gửi đi đâu.",
    pickFiles: "Tệp của các huyện",
    chooseFiles: "Chọn tệp…",
    chooseFile: "Chọn tệp…",
    noFileChosen: "Chưa chọn tệp nào",
    consolidate: "Tổng hợp vào workbook này",
    consolidating: "Đang tổng hợp…",
    consolidated: "Đã ghi sheet “{sheet}” từ {count} huyện.",
    districtLine: "{name} ({file}): {error} lỗi, {warning} cảnh báo, {info} thông tin",
    districtUnreadable: "{name} ({file}): không đọc được — {reason}",
    districtDuplicate: "{name} ({file}): không tính — {reason}",
    templateTitle: "Workbook mẫu cho huyện",
    templateHint: "Tạo các sheet nhập liệu theo bố cục chuẩn, có sẵn tên xã, danh sách chọn và sheet Chỉ tiêu. Dùng trong một workbook trống.",
    templateProfile: "Hồ sơ huyện khác (.json, không bắt buộc)",
    createTemplate: "Tạo mẫu",
    notAProfile: "“{file}” không phải tệp hồ sơ huyện (.json).",
    creatingTemplate: "Đang tạo mẫu…",
    templateCreated: "Đã tạo mẫu cho huyện {district}: {count} sheet.",
    actionFailed: "Không thực hiện được",
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
    legacyTitle: "Text typed in a legacy encoding",
    legacyHint: "These cells are read correctly. Convert them to Unicode so that every computer shows the right letters; only those cells are rewritten (in Times New Roman), and Ctrl+Z undoes it.",
    convertLegacy: "Convert to Unicode",
    converting: "Converting…",
    converted: "Converted {cells} cells of sheet “{sheet}” from {encoding} to Unicode.",
    nothingToConvert: "No cell typed in a legacy encoding is left.",
    tools: "Tools",
    provinceTitle: "Province consolidation",
    provinceHint: "Pick the districts' .xlsx files (and district profiles, .json, if any). The files are read on this computer only and sent nowhere.",
    pickFiles: "District files",
    chooseFiles: "Choose files…",
    chooseFile: "Choose a file…",
    noFileChosen: "No file chosen",
    consolidate: "Consolidate into this workbook",
    consolidating: "Consolidating…",
    consolidated: "Sheet “{sheet}” written from {count} districts.",
    districtLine: "{name} ({file}): {error} errors, {warning} warnings, {info} info",
    districtUnreadable: "{name} ({file}): could not be read — {reason}",
    districtDuplicate: "{name} ({file}): not counted — {reason}",
    templateTitle: "Blank workbook for a district",
    templateHint: "Creates the input sheets in the standard layout, with commune names, drop-down lists and the Chỉ tiêu sheet. Use it in an empty workbook.",
    templateProfile: "Another district's profile (.json, optional)",
    createTemplate: "Create template",
    notAProfile: "“{file}” is not a district profile (.json).",
    creatingTemplate: "Creating the template…",
    templateCreated: "Template created for {district}: {count} sheets.",
    actionFailed: "Not done",
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

/** A pane string with its {placeholders} filled in, whole numbers written the language's way (1.234 / 1,234). */
export function fillIn(language: Language, template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) return whole;
    return typeof value === "number" ? formatNumber(value, language, 0) : value;
  });
}
