import { formatNumber } from "./format";
import type { ReasonTexts } from "./reasons";

/** The reasons in English, for the task pane's and the web page's language switch. */
export const REASONS_EN: ReasonTexts = {
  "empty-file": () => "the file is empty (0 bytes)",
  encrypted: () => "the file is password-protected (encrypted); open it in Excel, remove the password (File > Info > Protect Workbook) and save it",
  xls: () => "this is an Excel 97-2003 file (.xls); open it in Excel and save it as .xlsx (Excel Workbook)",
  csv: () => "this is a text file (CSV), not an .xlsx; open it in Excel and save it as .xlsx",
  ods: () => "this is an OpenDocument file (.ods); open it and save it as .xlsx",
  "not-xlsx": () => "not an .xlsx file (not in Excel's format)",
  "corrupt-zip": () => "the zip file is damaged or cut short (its directory cannot be read); get the original again",
  "too-big": (p) => `the file claims to unpack to ${formatNumber(p.gigabytes, "en", 1)} GB in ${p.entries} entries — too large for a workbook, perhaps damaged or malicious`,
  "unreadable-xlsx": (p) => `the .xlsx file could not be read (${p.detail})`,
  "file-not-found": () => "file not found",
  "duplicate-district": (p) => `a second file for ${p.district} (the first is ${p.earlierFile}); only the first is counted, never both`,
};
