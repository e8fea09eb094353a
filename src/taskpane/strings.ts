import { bundledCatalogue } from "../core/definitions/bundled";
import type { IndicatorStatus, Severity } from "../core/model";
import { formatNumber, type Language } from "../core/findings/format";
import { STATUS_LABELS } from "../core/plan/summary";
import type { Levels } from "../core/definitions/schema";
import { levelParams } from "../core/levels";

/**
 * Every text the task pane shows, in Vietnamese first and English; a test checks both have every key.
 * Level words are parameters ({unitLevel}, {communeLevel}, {consolidatingLevel}) filled from the profile.
 */
export const STRINGS = {
  vi: {
    title: "Đề án 02 — Bảng kiểm tra",
    languageLabel: "English (chuyển sang tiếng Anh)",
    districtActions: "Kiểm tra và tính lại",
    validateHint: "Chỉ đọc: kiểm tra số liệu và tính chỉ tiêu, không ghi gì vào workbook.",
    recalculateHint: "Ghi vào workbook: điền các cột tính bằng công thức, dựng lại sheet “Tổng hợp chỉ tiêu” (và tạo sheet “Chỉ tiêu” nếu chưa có). Không sửa ô nhập liệu.",
    headline: "Tóm tắt",
    missedHeadline: "{missed}/{targeted} chỉ tiêu có mục tiêu chưa đạt: {ids}.",
    allMetHeadline: "Cả {targeted} chỉ tiêu có mục tiêu đều đạt.",
    noTargetHeadline: "Chưa chỉ tiêu nào có mục tiêu.",
    noErrors: "Không có lỗi cần sửa.",
    worstUnit: "{id}: thấp nhất là {unit} {value}, mục tiêu {target}.",
    seeFindings: "Xem phát hiện",
    againstBaseline: "so với trước Đề án",
    achieved: "đạt",
    points: "điểm %",
    affects: "Ảnh hưởng",
    belowTargetOf: "Mục tiêu {target}; thấp nhất trước.",
    showAll: "Xem cả {n} đơn vị",
    showFewer: "Thu gọn",
    provinceTools: "Công cụ cho ban tổ chức {consolidatingLevel}",
    workbookWide: "Cả workbook",
    validate: "Kiểm tra",
    recalculate: "Tính lại chỉ tiêu",
    validating: "Đang kiểm tra…",
    recalculating: "Đang tính lại…",
    validated: "Đã kiểm tra workbook",
    recalculated: "Đã tính lại chỉ tiêu",
    fromRibbon: "Từ nút “Tính lại chỉ tiêu” trên ribbon.",
    failed: "Không hoàn thành",
    noFindings: "Không có phát hiện nào: số liệu khớp với định nghĩa Đề án.",
    findings: "Phát hiện",
    indicators: "Chỉ tiêu",
    target: "Mục tiêu",
    language: "English",
    belowTarget: "Đơn vị chưa đạt mục tiêu",
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
    provinceTitle: "Tổng hợp toàn {consolidatingLevel}",
    provinceHint: "Chọn các tệp .xlsx của các {unitLevel} (và hồ sơ {unitLevel} .json nếu có). Tệp chỉ được đọc trên máy này, không gửi đi đâu.",
    pickFiles: "Tệp của các {unitLevel}",
    chooseFiles: "Chọn tệp…",
    chooseFile: "Chọn tệp…",
    noFileChosen: "Chưa chọn tệp nào",
    consolidate: "Tổng hợp vào workbook này",
    consolidating: "Đang tổng hợp…",
    consolidated: "Đã ghi sheet “{sheet}” từ {count} {unitLevel}.",
    districtLine: "{name} ({file}): {error} lỗi, {warning} cảnh báo, {info} thông tin",
    districtUnreadable: "{name} ({file}): không đọc được — {reason}",
    districtDuplicate: "{name} ({file}): không tính — {reason}",
    templateTitle: "Workbook mẫu cho {unitLevel}",
    templateHint: "Tạo các sheet nhập liệu theo bố cục chuẩn, có sẵn tên các {communeLevel}, danh sách chọn và sheet Chỉ tiêu. Dùng trong một workbook trống.",
    templateProfile: "Hồ sơ {unitLevel} khác (.json, không bắt buộc)",
    createTemplate: "Tạo mẫu",
    notAProfile: "“{file}” không phải tệp hồ sơ {unitLevel} (.json).",
    creatingTemplate: "Đang tạo mẫu…",
    templateCreated: "Đã tạo mẫu cho {unitLevel} {district}: {count} sheet.",
    actionFailed: "Không thực hiện được",
  },
  en: {
    title: "Project 02 — Check panel",
    languageLabel: "Tiếng Việt (switch to Vietnamese)",
    districtActions: "Check and recalculate",
    validateHint: "Reads only: checks the figures and computes the indicators; writes nothing to the workbook.",
    recalculateHint: "Writes to the workbook: fills the calculated columns with formulas and rebuilds the “Tổng hợp chỉ tiêu” sheet (creating the “Chỉ tiêu” sheet if missing). Input cells are never changed.",
    headline: "Summary",
    missedHeadline: "{missed} of {targeted} targeted indicators not met: {ids}.",
    allMetHeadline: "All {targeted} targeted indicators are met.",
    noTargetHeadline: "No indicator has a target yet.",
    noErrors: "No errors to fix.",
    worstUnit: "{id}: lowest is {unit} {value}, target {target}.",
    seeFindings: "See the findings",
    againstBaseline: "vs. before Project 02",
    achieved: "achieved",
    points: "points",
    affects: "Affects",
    belowTargetOf: "Target {target}; lowest first.",
    showAll: "Show all {n} units",
    showFewer: "Show fewer",
    provinceTools: "Tools for the {consolidatingLevel}'s organisation board",
    workbookWide: "Whole workbook",
    validate: "Check",
    recalculate: "Recalculate indicators",
    validating: "Checking…",
    recalculating: "Recalculating…",
    validated: "Workbook checked",
    recalculated: "Indicators recalculated",
    fromRibbon: "From the ribbon's “Recalculate indicators” button.",
    failed: "Not completed",
    noFindings: "No findings: the figures agree with the Project 02 definitions.",
    findings: "Findings",
    indicators: "Indicators",
    target: "Target",
    language: "Tiếng Việt",
    belowTarget: "Units below target",
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
    provinceTitle: "{ConsolidatingLevel} consolidation",
    provinceHint: "Pick the {unitLevel} .xlsx files (and {unitLevel} profiles, .json, if any). The files are read on this computer only and sent nowhere.",
    pickFiles: "{UnitLevel} files",
    chooseFiles: "Choose files…",
    chooseFile: "Choose a file…",
    noFileChosen: "No file chosen",
    consolidate: "Consolidate into this workbook",
    consolidating: "Consolidating…",
    consolidated: "Sheet “{sheet}” written from {count} {unitLevel} workbooks.",
    districtLine: "{name} ({file}): {error} errors, {warning} warnings, {info} info",
    districtUnreadable: "{name} ({file}): could not be read — {reason}",
    districtDuplicate: "{name} ({file}): not counted — {reason}",
    templateTitle: "Blank {unitLevel} workbook",
    templateHint: "Creates the input sheets in the standard layout, with the names of the {communeLevel}, drop-down lists and the Chỉ tiêu sheet. Use it in an empty workbook.",
    templateProfile: "Another {unitLevel} profile (.json, optional)",
    createTemplate: "Create template",
    notAProfile: "“{file}” is not a {unitLevel} profile (.json).",
    creatingTemplate: "Creating the template…",
    templateCreated: "Template created for {district} {unitLevel}: {count} sheets.",
    actionFailed: "Not done",
  },
} satisfies Record<Language, Record<string, string>>;

export const SEVERITY_LABELS: Record<Language, Record<Severity, string>> = {
  vi: { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" },
  en: { error: "Error", warning: "Warning", info: "Info" },
};

export const STATUS_TEXT: Record<Language, Record<IndicatorStatus, string>> = {
  vi: STATUS_LABELS,
  en: { exceeded: "Exceeded", met: "Met", not_met: "Not met", no_target: "No target", no_data: "No data" },
};

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Texts with a count, one form per plural category of the language (Vietnamese has one, English two). */
export const COUNTED = {
  vi: {
    error: { other: "{n} lỗi" },
    warning: { other: "{n} cảnh báo" },
    info: { other: "{n} thông tin" },
    errorsToFix: { other: "{n} lỗi cần sửa" },
    warnings: { other: "{n} cảnh báo cần xem" },
    noData: { other: "{n} chỉ tiêu chưa có số liệu: {ids}." },
    unitsBelow: { other: "{n} đơn vị dưới mục tiêu" },
    inputFindings: { other: "{n} phát hiện ở số liệu của chỉ tiêu" },
    rowsLeftOut: { other: "Không tính {n} dòng có ô không dùng được." },
    noTarget: { other: "{n} chỉ tiêu chưa có mục tiêu" },
  },
  en: {
    error: { one: "{n} error", other: "{n} errors" },
    warning: { one: "{n} warning", other: "{n} warnings" },
    info: { one: "{n} info", other: "{n} info" },
    errorsToFix: { one: "{n} error to fix", other: "{n} errors to fix" },
    warnings: { one: "{n} warning to look at", other: "{n} warnings to look at" },
    noData: { one: "{n} indicator has no data: {ids}.", other: "{n} indicators have no data: {ids}." },
    unitsBelow: { one: "{n} unit below target", other: "{n} units below target" },
    inputFindings: { one: "{n} finding in its figures", other: "{n} findings in its figures" },
    rowsLeftOut: { one: "{n} row with an unusable cell left out.", other: "{n} rows with an unusable cell left out." },
    noTarget: { one: "{n} indicator without a target", other: "{n} indicators without a target" },
  },
} satisfies Record<Language, Record<string, PluralForms>>;

const pluralRules: Partial<Record<Language, Intl.PluralRules>> = {};

/** A counted text in the language's plural form: "1 error", "2 errors", "2 lỗi". */
export function counted(language: Language, key: keyof (typeof COUNTED)["vi"], n: number, values: Record<string, string | number> = {}): string {
  const rules = (pluralRules[language] ??= new Intl.PluralRules(language));
  const forms: PluralForms = COUNTED[language][key];
  return fillIn(language, forms[rules.select(n)] ?? forms.other, { ...values, n });
}

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

/** The texts with the profile's level words in place; their other parameters stay for fillIn. */
export function withLevels<T extends Record<string, string>>(texts: T, levels: Levels, language: Language): T {
  const params = levelParams(levels, language);
  return Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, fillIn(language, text, params)])) as T;
}

const bundledLevelled = new WeakMap<object, object>();

/** The texts in the bundled profile's level words, worked out once for each set of texts (they are constants). */
export function inBundledLevels<T extends Record<string, string>>(texts: T, language: Language): T {
  let levelled = bundledLevelled.get(texts) as T | undefined;
  if (!levelled) {
    levelled = withLevels(texts, bundledCatalogue().profile.levels, language);
    bundledLevelled.set(texts, levelled);
  }
  return levelled;
}

/** fillIn with the level words of the profile the text speaks of (the template's, the consolidation's). */
export function fillInLevels(language: Language, template: string, levels: Levels, values: Record<string, string | number>): string {
  return fillIn(language, template, { ...levelParams(levels, language), ...values });
}
