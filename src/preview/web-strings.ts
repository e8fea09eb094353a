import type { Language } from "../core/findings/format";

/**
 * The web page's own controls; the task pane inside it brings its own strings (src/taskpane/strings.ts).
 * Level words are parameters ({unitLevel}, {consolidatingLevel}…) filled from the profile.
 */
export const WEB_STRINGS = {
  vi: {
    title: "Đề án 02 — kiểm tra và tính lại chỉ tiêu",
    tagline: "Dùng được với mọi bản Excel, WPS hay LibreOffice. Tệp chỉ được đọc trong trình duyệt này, không gửi đi đâu.",
    districtTitle: "Workbook của {unitLevel}",
    districtHint: "Kéo thả tệp .xlsx vào đây, hoặc chọn tệp. Sau khi tính lại, tải workbook về; tệp gốc trên máy không bị sửa.",
    openLabel: "Mở workbook (.xlsx)",
    chooseFile: "Chọn tệp…",
    noFile: "Chưa chọn tệp",
    trySample: "Dùng thử với workbook mẫu của {unitLevel} {district}",
    opening: "Đang mở…",
    viewing: "Đang xem: {file}",
    openOther: "Mở workbook khác (.xlsx)",
    download: "Tải workbook đã tính lại",
    downloadHint: "Bấm “Tính lại chỉ tiêu”, rồi tải workbook về.",
    downloaded: "Đã tải “{file}” về máy.",
    close: "Đóng workbook",
    cannotOpen: "Không mở được “{file}”: {reason}.",
    oneAtATime: "Mỗi lần chỉ mở một workbook: đã mở “{file}”, bỏ qua {count} tệp khác. Muốn tổng hợp nhiều {unitLevel}, thả chúng vào ô của {consolidatingLevel}.",
    dropHere: "Thả tệp vào đây",
    provinceTitle: "{ConsolidatingLevel}: tổng hợp workbook của các {unitLevel}",
    provinceHint: "Chọn hoặc kéo thả workbook của các {unitLevel} (và hồ sơ {unitLevel} .json nếu có). Trang tải về một workbook có sheet tổng hợp toàn {consolidatingLevel}.",
    provinceFiles: "Tệp của các {unitLevel}",
    chooseFiles: "Chọn tệp…",
    consolidate: "Tổng hợp và tải về",
    consolidating: "Đang tổng hợp…",
    templateTitle: "Workbook mẫu trống",
    templateHint: "Bố cục chuẩn, có sẵn tên các {communeLevel} và danh sách chọn của {unitLevel} {district}. Chọn hồ sơ {unitLevel} (.json) để làm mẫu cho {unitLevel} khác.",
    templateProfile: "Hồ sơ {unitLevel} (.json, không bắt buộc)",
    downloadTemplate: "Tải workbook mẫu",
  },
  en: {
    title: "Đề án 02 — check and recalculate the indicators",
    tagline: "Works with any Excel, WPS or LibreOffice. Files are read in this browser only and sent nowhere.",
    districtTitle: "{UnitLevel} workbook",
    districtHint: "Drop an .xlsx file here, or choose one. After recalculating, download the workbook; the original file on your computer is not changed.",
    openLabel: "Open a workbook (.xlsx)",
    chooseFile: "Choose file…",
    noFile: "No file chosen",
    trySample: "Try it with the sample workbook of {district} {unitLevel}",
    opening: "Opening…",
    viewing: "Viewing: {file}",
    openOther: "Open another workbook (.xlsx)",
    download: "Download the recalculated workbook",
    downloadHint: "Click “Recalculate indicators”, then download the workbook.",
    downloaded: "“{file}” downloaded.",
    close: "Close workbook",
    cannotOpen: "Could not open “{file}”: {reason}.",
    oneAtATime: "One workbook at a time: opened “{file}”, ignored {count} other files. To consolidate several {unitLevel} workbooks, drop them on the {consolidatingLevel} box.",
    dropHere: "Drop files here",
    provinceTitle: "{ConsolidatingLevel}: consolidate the {unitLevel} workbooks",
    provinceHint: "Choose or drop the {unitLevel} workbooks (and {unitLevel} profiles, .json, if any). The page downloads a workbook with the {consolidatingLevel} summary sheet.",
    provinceFiles: "{UnitLevel} files",
    chooseFiles: "Choose files…",
    consolidate: "Consolidate and download",
    consolidating: "Consolidating…",
    templateTitle: "Blank template workbook",
    templateHint: "The standard layout, with the {communeLevel} and pick lists of {district} {unitLevel}. Choose a {unitLevel} profile (.json) for another {unitLevel}.",
    templateProfile: "{UnitLevel} profile (.json, optional)",
    downloadTemplate: "Download the template",
  },
} satisfies Record<Language, Record<string, string>>;

/** "lang-giang.xlsx" → "lang-giang-tinh-lai.xlsx", the name `npm run demo` gives the command line's output. */
export function recalculatedName(file: string): string {
  return `${file.replace(/\.xlsx$/i, "")}-tinh-lai.xlsx`;
}
