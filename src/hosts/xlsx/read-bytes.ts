import type ExcelJS from "exceljs";
import type { Reason } from "../../core/findings/reasons";
import { oversizeReason, unusableReason } from "./inspect-file";
import { loadWorkbook } from "./xlsx-host";

/** A workbook, or why the bytes are not one this tool can read. */
export type ReadBytesResult = { workbook: ExcelJS.Workbook } | { reason: Reason };

/** Refuses what is not an .xlsx (or would inflate past any workbook's size) before ExcelJS parses it. */
export async function workbookFromBytes(bytes: Uint8Array): Promise<ReadBytesResult> {
  const reason = unusableReason(bytes) ?? oversizeReason(bytes);
  if (reason) return { reason };
  try {
    return { workbook: await loadWorkbook(bytes) };
  } catch (e) {
    return { reason: { code: "unreadable-xlsx", params: { detail: (e as Error).message.split("\n")[0] } } };
  }
}
